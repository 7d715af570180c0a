namespace Inventory.Catalog;

/// <summary>What a relation is in its database.</summary>
public enum TableKind
{
    /// <summary>An ordinary table.</summary>
    Table,
    /// <summary>A view (cannot be TABLESAMPLEd).</summary>
    View,
    /// <summary>A PostgreSQL materialized view.</summary>
    MaterializedView,
    /// <summary>A partitioned parent; its partitions are folded under it.</summary>
    PartitionedTable,
    /// <summary>A foreign table (PostgreSQL FDW).</summary>
    ForeignTable,
}

/// <summary>The broad family of a declared type, used by type gates and as a model feature.</summary>
public enum TypeFamily
{
    /// <summary>char, varchar, text, nvarchar, citext, untyped SQLite columns holding text.</summary>
    Text,
    /// <summary>Integers of any width.</summary>
    Integer,
    /// <summary>numeric, decimal, money, float, real.</summary>
    Decimal,
    /// <summary>boolean, bit.</summary>
    Boolean,
    /// <summary>date, time, timestamp, interval.</summary>
    Temporal,
    /// <summary>uuid, uniqueidentifier.</summary>
    Uuid,
    /// <summary>bytea, varbinary, image, blob.</summary>
    Binary,
    /// <summary>json, jsonb, xml.</summary>
    Document,
    /// <summary>inet, cidr, macaddr.</summary>
    Network,
    /// <summary>Arrays, ranges, composites, enums, geometry, CLR types and anything else.</summary>
    Other,
    /// <summary>No declared type (SQLite).</summary>
    Untyped,
}

/// <summary>One column as the catalog describes it.</summary>
public sealed record ColumnInfo
{
    /// <summary>Exact, case-preserved column name.</summary>
    public required string Name { get; init; }
    /// <summary>1-based position in the table.</summary>
    public required int Ordinal { get; init; }
    /// <summary>Declared type as the database spells it (e.g. <c>character varying(80)</c>, <c>nvarchar(max)</c>); empty when untyped.</summary>
    public required string DeclaredType { get; init; }
    /// <summary>The type's family.</summary>
    public required TypeFamily Family { get; init; }
    /// <summary>For an array column (PostgreSQL <c>text[]</c>, <c>inet[]</c>, <c>bigint[]</c>…), the family of its elements:
    /// the sampler gives the detectors the elements one by one and the type gates apply to them (C29); null for every
    /// other column.</summary>
    public TypeFamily? ElementFamily { get; init; }
    /// <summary>True when NULL is allowed.</summary>
    public bool Nullable { get; init; } = true;
    /// <summary>Column comment (<c>COMMENT ON</c>, <c>MS_Description</c>), or null.</summary>
    public string? Comment { get; init; }
    /// <summary>True when the connected role may read the column.</summary>
    public bool Readable { get; init; } = true;
    /// <summary>True for computed/generated columns.</summary>
    public bool Computed { get; init; }
    /// <summary>For a generated (computed) column, the columns of its own table its generation expression reads, by exact
    /// name in the order the expression first names them (<c>CONCAT(company_name,' (',city,')')</c> gives
    /// <c>company_name</c>, <c>city</c>); empty for an expression of constants; null for any other column or when the
    /// engine's catalog does not give the expression. The classification of the table lets a generated column take the
    /// category of the columns it reads (trial 35 finding 3c).</summary>
    public IReadOnlyList<string>? GeneratedFrom { get; init; }
    /// <summary>A label the database itself holds (SQL Server sensitivity classification, structured PostgreSQL comment), or null.</summary>
    public DatabaseLabel? DatabaseLabel { get; init; }
    /// <summary>Provider-specific hint for the sampler (e.g. <c>clr</c>, <c>spatial</c>, <c>lob</c>, <c>xml</c>); null for plain types.</summary>
    public string? SamplingHint { get; init; }
    /// <summary>For a column of a view or materialized view, the column of another relation whose values it shows as
    /// they are (a plain column reference, under its own name or an alias), as the engine's catalog says; null for a
    /// table's column, an expression (<c>a || b</c>, a function, a constant, an aggregate) or when the engine does not tell
    /// (see <see cref="ColumnReference"/>).</summary>
    public ColumnReference? ReadsFrom { get; init; }
}

/// <summary>A column of another relation of the same source, by exact names: the base column a view's column reads
/// (column lineage). Expressions are never recorded: a view column that concatenates or computes several columns has no
/// <see cref="ColumnReference"/>, so lineage is exact where it is given.</summary>
/// <param name="Schema">Exact schema name (the database for MySQL/MariaDB, <c>main</c> for SQLite).</param>
/// <param name="Table">Exact relation name (a table, or another view for a view over a view).</param>
/// <param name="Column">Exact column name.</param>
public sealed record ColumnReference(string Schema, string Table, string Column)
{
    /// <summary>The column named as the inventory names columns: <c>table.column</c> in the source's default schema,
    /// <c>schema.table.column</c> elsewhere (<see cref="TableInfo.Qualify"/>).</summary>
    /// <param name="defaultSchema">The source's default schema.</param>
    public string Display(string defaultSchema) => $"{TableInfo.Qualify(Schema, Table, defaultSchema)}.{Column}";
}

/// <summary>A classification stored in the database itself.</summary>
/// <param name="Source">Where it comes from: <c>sys.sensitivity_classifications</c> or <c>comment</c>.</param>
/// <param name="Label">Sensitivity label (e.g. <c>Confidential - GDPR</c>), or null.</param>
/// <param name="InformationType">Information type (e.g. <c>Contact Info</c>) or a data category, or null.</param>
/// <param name="Rank">SQL Server rank (None, Low, Medium, High, Critical), or null.</param>
public sealed record DatabaseLabel(string Source, string? Label, string? InformationType, string? Rank);

/// <summary>Row-level security on a table that filters what the connected role reads: its policies decide which rows a
/// SELECT returns, so a sample holds the rows the role may see, not the table's (an empty sample may be a full table). The
/// scan reports it as a <c>row-level-security</c> issue on every such table, whatever it read.</summary>
/// <param name="Mechanism">What filters: <c>policies</c> (PostgreSQL <c>CREATE POLICY</c> with row security enabled and
/// not bypassed by the role, <c>row_security_active</c>), <c>security policy [schema].[name]</c> (SQL Server: an enabled
/// security policy's filter predicate, which may admit the role or not: the catalog cannot tell).</param>
/// <param name="Remedy">What gives the scan every row, as the DBA would run it.</param>
public sealed record RowFilter(string Mechanism, string Remedy)
{
    /// <summary>The scan issue's line: what was read and why it may not be the whole table, then the remedy.</summary>
    /// <param name="rowsRead">Rows the sample read.</param>
    /// <param name="rowEstimate">The catalog's row estimate, or null.</param>
    /// <returns>One line; no value.</returns>
    public string Describe(int rowsRead, long? rowEstimate)
    {
        var estimate = rowEstimate is { } e ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" of about {e} in the table") : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"row-level security ({Mechanism}) decides which rows the connected role reads: {rowsRead} rows sampled{estimate}, so the sample speaks for the rows it lets through only; {Remedy}");
    }
}

/// <summary>What the connected role lacks to read a relation, and how a DBA grants it. Holds names (schema, table,
/// role or account) only, never a credential.</summary>
/// <param name="Missing">What is missing, in the provider's words, e.g. <c>the connected role lacks USAGE on schema hr
/// and SELECT on the table</c>.</param>
/// <param name="Grants">The statements, in the provider's SQL, that give the role what it lacks (one or more, in order),
/// e.g. <c>GRANT USAGE ON SCHEMA "hr" TO "scanner"</c>.</param>
public sealed record MissingAccess(string Missing, IReadOnlyList<string> Grants)
{
    /// <summary>What ends every such issue: a table the role is kept from on purpose (payroll, another customer's data)
    /// is left out by <c>exclude</c>, so that the nightly scan is complete without it instead of exiting 3 every night,
    /// and the reader is not only told to widen the grant (trial42 finding 5).</summary>
    public const string LeaveOutHint = "to leave it out on purpose, exclude it (exclude: in inventory.yml, or --exclude)";

    /// <summary>The scan issue's text: what is missing, how to leave the table out instead, then the statements to run,
    /// last so that they copy whole, on one line (none when no grant helps: a view the server cannot open).</summary>
    public string Describe() => Grants.Count == 0 ? $"{Missing}; {LeaveOutHint}" : $"{Missing}; {LeaveOutHint}; to scan it, run: {string.Join("; ", Grants)}";
}

/// <summary>A foreign key from one table to another.</summary>
/// <param name="Name">Constraint name.</param>
/// <param name="Columns">Referencing columns, in key order.</param>
/// <param name="ReferencedSchema">Schema of the referenced table ("" for SQLite's main).</param>
/// <param name="ReferencedTable">Referenced table.</param>
/// <param name="ReferencedColumns">Referenced columns, in key order.</param>
/// <param name="OnDelete">Delete rule: <c>cascade</c>, <c>set-null</c>, <c>set-default</c>, <c>restrict</c>, <c>no-action</c>, or <c>unknown</c> when the
/// catalog did not say (a MySQL table dropped while its definition was read).</param>
public sealed record ForeignKeyInfo(string Name, IReadOnlyList<string> Columns, string ReferencedSchema, string ReferencedTable,
    IReadOnlyList<string> ReferencedColumns, string OnDelete)
{
    /// <summary>The referenced table named as the inventory names its tables (<see cref="TableInfo.QualifiedName"/>):
    /// bare in the source's default schema, <c>schema.table</c> elsewhere. A one-database MySQL scan names its tables
    /// without the database, so a key's target is <c>bookings</c>, not <c>shop.bookings</c> (trial 28); PostgreSQL's
    /// <c>public</c> and SQL Server's <c>dbo</c> likewise.</summary>
    /// <param name="defaultSchema">The source's default schema (<see cref="DatabaseCatalog.DefaultSchema"/>; the database
    /// of a one-database MySQL scan, "" for a whole MySQL server).</param>
    /// <returns><c>table</c> or <c>schema.table</c>.</returns>
    public string ReferencedQualifiedName(string defaultSchema) => TableInfo.Qualify(ReferencedSchema, ReferencedTable, defaultSchema);
}

/// <summary>How the database itself keeps the earlier versions of a table's rows: every UPDATE and DELETE leaves the
/// row as it was in a history that ordinary DELETE statements do not touch, so erasing a person's row leaves its past
/// versions (GDPR Art. 17 erasure then needs the engine's own purge). Sources: MariaDB "System-Versioned Tables"
/// (<c>WITH SYSTEM VERSIONING</c>, history in the same table, purged by <c>DELETE HISTORY</c>); SQL Server "Temporal
/// tables" (<c>SYSTEM_VERSIONING = ON</c>, history in a separate table, purged only with versioning switched off or by
/// its retention period).</summary>
/// <param name="Mechanism"><see cref="SystemVersioning"/> or <see cref="TemporalTable"/>.</param>
/// <param name="HistoryTable">Where the past versions are, as <see cref="TableInfo.QualifiedName"/> names tables: the
/// SQL Server history table; null when the history is kept inside the table itself (MariaDB).</param>
/// <param name="VersionsOf">For a SQL Server history table, the table whose past versions it holds; null otherwise.</param>
/// <param name="RetentionPeriod">How long the engine keeps past versions before its own cleanup removes them (SQL Server
/// 2017+ <c>HISTORY_RETENTION_PERIOD</c>, e.g. <c>6 MONTHS</c>, when the database's retention cleanup is on); null when the
/// history is kept indefinitely or the catalog does not say.</param>
public sealed record RowHistory(string Mechanism, string? HistoryTable = null, string? VersionsOf = null, string? RetentionPeriod = null)
{
    /// <summary>MariaDB's system-versioned table: current and past rows in one table.</summary>
    public const string SystemVersioning = "system-versioning";
    /// <summary>SQL Server's system-versioned temporal table: past rows in a history table.</summary>
    public const string TemporalTable = "temporal-table";

    /// <summary>How an erasure must also purge the history, in the engine's words, for messages to a DBA. MariaDB's
    /// <c>DELETE HISTORY</c> takes no <c>WHERE</c> (MariaDB "System-Versioned Tables", Removing Old History), so the advice
    /// is a purge of the whole table's history on a schedule, not per account.</summary>
    /// <param name="table">The table's display name.</param>
    /// <returns>One sentence without a trailing period.</returns>
    public string PurgeAdvice(string table) => RetentionPeriod is { } period
        ? $"the engine removes them after its retention period of {period}: purge them sooner if erasure must be faster ({(HistoryTable is { } h ? $"history table {h}" : "the history")})"
        : Mechanism == SystemVersioning
        ? $"purge its history within the erasure deadline; MariaDB cannot purge one account's past rows (DELETE HISTORY takes no WHERE), only the whole table's up to a time: "
          + $"run DELETE HISTORY FROM {table} BEFORE SYSTEM_TIME NOW() - INTERVAL 1 DAY on a schedule, rotate history partitions (PARTITION BY SYSTEM_TIME INTERVAL …), or drop the versioning"
        : $"purge the history table {HistoryTable ?? "(named by sys.tables.history_table_id)"} too (SQL Server: SYSTEM_VERSIONING = OFF, delete, ON; or a HISTORY_RETENTION_PERIOD)";
}

/// <summary>One relation as the catalog describes it.</summary>
public sealed record TableInfo
{
    /// <summary>Exact schema name; <c>public</c>, <c>dbo</c> or <c>main</c> for the defaults.</summary>
    public required string Schema { get; init; }
    /// <summary>Exact, case-preserved relation name.</summary>
    public required string Name { get; init; }
    /// <summary>Kind of relation.</summary>
    public TableKind Kind { get; init; } = TableKind.Table;
    /// <summary>Row estimate from catalog statistics (not a count), or null when unknown.</summary>
    public long? RowEstimate { get; init; }
    /// <summary>Table comment, or null.</summary>
    public string? Comment { get; init; }
    /// <summary>Columns in ordinal order.</summary>
    public required IReadOnlyList<ColumnInfo> Columns { get; init; }
    /// <summary>Primary-key columns in key order (empty when none).</summary>
    public IReadOnlyList<string> PrimaryKey { get; init; } = [];
    /// <summary>Foreign keys declared on this table.</summary>
    public IReadOnlyList<ForeignKeyInfo> ForeignKeys { get; init; } = [];
    /// <summary>Names of partitions folded under this partitioned parent.</summary>
    public IReadOnlyList<string> Partitions { get; init; } = [];
    /// <summary>True when the connected role may SELECT at least one column.</summary>
    public bool Readable { get; init; } = true;
    /// <summary>What the connected role lacks to read this relation and the GRANT statements that give it, when the
    /// connector could tell (PostgreSQL: schema USAGE and table SELECT; MySQL: SELECT); null when the relation is
    /// readable or the connector cannot tell.</summary>
    public MissingAccess? MissingAccess { get; init; }
    /// <summary>How the database keeps the earlier versions of this table's rows (system versioning), or null when it
    /// keeps none that the catalog shows.</summary>
    public RowHistory? History { get; init; }
    /// <summary>Row-level security that filters the rows the connected role reads of this table, or null when every row
    /// is visible to it (or the engine has no such feature).</summary>
    public RowFilter? RowFilter { get; init; }

    /// <summary>The display name: <c>schema.name</c>, or just <c>name</c> in the provider's default schema.</summary>
    public string QualifiedName(string defaultSchema) => Qualify(Schema, Name, defaultSchema);

    /// <summary>A table named as the inventory names its tables: bare in the source's default schema (or without a
    /// schema), <c>schema.table</c> elsewhere.</summary>
    /// <param name="schema">The table's schema ("" for none).</param>
    /// <param name="name">The table's name.</param>
    /// <param name="defaultSchema">The source's default schema.</param>
    /// <returns><c>table</c> or <c>schema.table</c>.</returns>
    public static string Qualify(string schema, string name, string defaultSchema) =>
        schema.Length == 0 || schema == defaultSchema ? name : $"{schema}.{name}";
}

/// <summary>Everything one source's catalog holds after filtering.</summary>
public sealed record DatabaseCatalog
{
    /// <summary>Tables, sorted by schema then name (ordinal comparison).</summary>
    public required IReadOnlyList<TableInfo> Tables { get; init; }
    /// <summary>The provider's default schema (<c>public</c>, <c>dbo</c>, <c>main</c>).</summary>
    public required string DefaultSchema { get; init; }
    /// <summary>Number of catalog queries issued (for the N+1 benchmark).</summary>
    public int QueryCount { get; init; }
    /// <summary>Server product and version, e.g. <c>PostgreSQL 15.18</c>.</summary>
    public string? ServerVersion { get; init; }
    /// <summary>Relations whose definition could not be read (e.g. a view over a dropped table); they are left out of
    /// <see cref="Tables"/> and listed here so coverage is reported incomplete. <see cref="ScanIssue.Source"/> is empty
    /// (the scan runner fills it in).</summary>
    public IReadOnlyList<ScanIssue> Issues { get; init; } = [];
}
