using System.Globalization;
using Inventory.Catalog;
using Inventory.Connectors.Sampling;

namespace Inventory.Connectors.SqlServer;

/// <summary>How one column is read by the sampler.</summary>
/// <param name="Column">The catalog column.</param>
/// <param name="Expression">T-SQL expression yielding <c>nvarchar(max)</c> (or <c>bigint</c> when <paramref name="IsLength"/>).</param>
/// <param name="IsLength">True for binary columns: the expression is <c>DATALENGTH</c>, the value is never read.</param>
internal sealed record ProjectedColumn(ColumnInfo Column, string Expression, bool IsLength);

/// <summary>Which attempt at reading a table a statement is: TABLESAMPLE picks pages, so on a clustered table it may
/// return too few rows; the sampler then widens it once and, if that still returns nothing, falls back to a plain TOP.</summary>
internal enum SampleAttempt
{
    /// <summary>The statement as planned from the row estimate.</summary>
    First,
    /// <summary>TABLESAMPLE with ten times the percentage.</summary>
    Widened,
    /// <summary>Plain <c>TOP (@n)</c>, the last resort.</summary>
    PlainTop,
}

/// <summary>A sampling statement for one table.</summary>
/// <param name="Sql">The SELECT; parameters <c>@n</c> (rows, int), <c>@maxlen</c> and <c>@doclen</c> (characters, int: plain
/// and document-typed columns, <see cref="SampleOptions.LengthFor"/>).</param>
/// <param name="Method">How rows are chosen, for the inventory (e.g. <c>tablesample system(2.5 percent) repeatable(42)</c>).</param>
/// <param name="Columns">Projected columns, in result order.</param>
/// <param name="Skipped">Columns not read, with the reason (timestamp/rowversion, unsupported CLR types, no privilege).</param>
/// <param name="Attempt">Which attempt the statement is (<see cref="SqlServerDialect.NextAttempt"/>).</param>
internal sealed record SamplePlan(string Sql, string Method, IReadOnlyList<ProjectedColumn> Columns, IReadOnlyDictionary<string, NotSampledReason> Skipped,
    SampleAttempt Attempt = SampleAttempt.First);

/// <summary>
/// Builds the T-SQL the SQL Server connector sends, and nothing else: no connection, no I/O, so every statement is
/// unit-tested and parsed with a real T-SQL parser. Every identifier goes through <see cref="SqlServerIdentifiers.Quote(string)"/>;
/// every value that comes from outside (object ids, row counts, lengths) is a parameter; the only numbers pasted into
/// text are ones this class computes and formats invariantly (TABLESAMPLE percent and seed, lock timeout), because
/// T-SQL wants constants there.
/// </summary>
internal sealed class SqlServerDialect
{
    /// <summary>The schema SQL Server creates objects in by default.</summary>
    public const string DefaultSchema = "dbo";

    /// <summary>Tables at or above this many rows per requested sample row are sampled with <c>TABLESAMPLE SYSTEM</c>;
    /// below it the page-based sample is too coarse and a bounded random filter is used instead.</summary>
    public const int TableSampleRowsPerSampleRow = 50;

    /// <summary>The shared instance (the dialect is stateless).</summary>
    public static SqlServerDialect Instance { get; } = new();

    /// <summary>Server facts in one row: product version, edition, whether <c>sys.sensitivity_classifications</c>
    /// exists (SQL Server 2019+, Azure SQL) and whether it has the <c>rank</c> column.</summary>
    public string ServerInfo =>
        "SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version, " +
        "CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition, " +
        "CASE WHEN OBJECT_ID(N'sys.sensitivity_classifications') IS NULL THEN 0 ELSE 1 END AS has_classifications, " +
        "CASE WHEN COL_LENGTH(N'sys.sensitivity_classifications', N'rank') IS NULL THEN 0 ELSE 1 END AS has_rank, " +
        "CASE WHEN COL_LENGTH(N'sys.tables', N'temporal_type') IS NULL THEN 0 ELSE 1 END AS has_temporal, " +
        "CASE WHEN COL_LENGTH(N'sys.tables', N'history_retention_period') IS NULL THEN 0 ELSE 1 END AS has_history_retention, " +
        "CASE WHEN OBJECT_ID(N'sys.security_predicates') IS NULL THEN 0 ELSE 1 END AS has_row_security;";

    /// <summary>User tables and views (not shipped by Microsoft): schema, name, object id, kind (<c>U</c>/<c>V</c>),
    /// <c>MS_Description</c>, row count from <c>sys.partitions</c> (heap or clustered index only, so rows are not
    /// counted once per index), and whether the connected principal may SELECT it.</summary>
    public string Objects =>
        "SELECT s.name AS schema_name, o.name AS object_name, o.object_id, o.kind, " +
        "CAST(ep.value AS nvarchar(max)) AS comment, " +
        "(SELECT SUM(p.rows) FROM sys.partitions AS p WHERE p.object_id = o.object_id AND p.index_id IN (0, 1)) AS row_count, " +
        "HAS_PERMS_BY_NAME(QUOTENAME(s.name) + N'.' + QUOTENAME(o.name), N'OBJECT', N'SELECT') AS can_select " +
        "FROM (SELECT t.object_id, t.schema_id, t.name, 'U' AS kind FROM sys.tables AS t WHERE t.is_ms_shipped = 0 " +
        "UNION ALL SELECT v.object_id, v.schema_id, v.name, 'V' AS kind FROM sys.views AS v WHERE v.is_ms_shipped = 0) AS o " +
        "JOIN sys.schemas AS s ON s.schema_id = o.schema_id " +
        "LEFT JOIN sys.extended_properties AS ep ON ep.class = 1 AND ep.major_id = o.object_id AND ep.minor_id = 0 AND ep.name = N'MS_Description' " +
        "ORDER BY s.name, o.name;";

    /// <summary>System-versioned temporal tables and their history tables among the objects in <c>@ids</c> (SQL Server
    /// 2016+, Azure SQL; run only when <see cref="ServerInfo"/> finds <c>sys.tables.temporal_type</c>): object id,
    /// <c>temporal_type</c> (1 = a history table, 2 = a system-versioned table), the history table's schema and name (for
    /// 2), and the schema and name of the table whose past rows it holds (for 1). Source: "sys.tables (Transact-SQL)",
    /// columns <c>temporal_type</c> and <c>history_table_id</c>. With <paramref name="withRetention"/> (SQL Server 2017+,
    /// Azure SQL), also the versioned table's <c>history_retention_period</c> and its unit, counted only when the
    /// database's <c>is_temporal_history_retention_enabled</c> is on (otherwise the cleanup never runs); without it those
    /// two columns are NULL.</summary>
    /// <param name="withRetention">True when <see cref="ServerInfo"/> finds <c>sys.tables.history_retention_period</c>.</param>
    public string TemporalTables(bool withRetention) =>
        "SELECT t.object_id, CAST(t.temporal_type AS int) AS temporal_type, hs.name AS history_schema, h.name AS history_name, " +
        "vs.name AS versions_schema, v.name AS versions_name, " +
        (withRetention
            ? "CASE WHEN d.is_temporal_history_retention_enabled = 1 AND t.temporal_type = 2 THEN t.history_retention_period WHEN d.is_temporal_history_retention_enabled = 1 THEN v.history_retention_period END AS retention_period, " +
              "CASE WHEN d.is_temporal_history_retention_enabled = 1 AND t.temporal_type = 2 THEN t.history_retention_period_unit_desc WHEN d.is_temporal_history_retention_enabled = 1 THEN v.history_retention_period_unit_desc END AS retention_unit "
            : "CAST(NULL AS int) AS retention_period, CAST(NULL AS nvarchar(60)) AS retention_unit ") +
        "FROM sys.tables AS t " +
        "JOIN " + SelectedIds + " ON ids.object_id = t.object_id " +
        "LEFT JOIN sys.tables AS h ON h.object_id = t.history_table_id " +
        "LEFT JOIN sys.schemas AS hs ON hs.schema_id = h.schema_id " +
        "LEFT JOIN sys.tables AS v ON v.history_table_id = t.object_id " +
        "LEFT JOIN sys.schemas AS vs ON vs.schema_id = v.schema_id " +
        (withRetention ? "LEFT JOIN sys.databases AS d ON d.database_id = DB_ID() " : "") +
        "WHERE t.temporal_type IN (1, 2);";

    /// <summary>Row-level security among the objects in <c>@ids</c> (SQL Server 2016+, Azure SQL): for each object a FILTER
    /// predicate of an enabled security policy applies to, the object id and the policy's schema and name. A filter
    /// predicate applies to every user, <c>dbo</c> included, unless its own function admits them (source: "Row-level
    /// security", SQL Server documentation; <c>sys.security_predicates.predicate_type</c> 0 = FILTER).</summary>
    public string RowSecurityPolicies =>
        "SELECT DISTINCT p.target_object_id, ps.name AS policy_schema, sp.name AS policy_name " +
        "FROM sys.security_predicates AS p " +
        "JOIN sys.security_policies AS sp ON sp.object_id = p.object_id " +
        "JOIN sys.schemas AS ps ON ps.schema_id = sp.schema_id " +
        "JOIN " + SelectedIds + " ON ids.object_id = p.target_object_id " +
        "WHERE sp.is_enabled = 1 AND p.predicate_type = 0;";

    /// <summary>The row filter of a table a security policy's FILTER predicate applies to, with what lets a scan read
    /// every row: no role bypasses a filter predicate in SQL Server, so either a user its function admits or the policy
    /// switched off for the scan.</summary>
    /// <param name="policySchema">The policy's schema.</param>
    /// <param name="policyName">The policy's name.</param>
    internal static RowFilter SecurityPolicyFilter(string policySchema, string policyName)
    {
        var policy = SqlServerIdentifiers.Quote(policySchema) + "." + SqlServerIdentifiers.Quote(policyName);
        return new RowFilter($"security policy {policy}",
            $"no role bypasses a filter predicate: scan as a user its predicate function admits, or switch the policy off for the scan (ALTER SECURITY POLICY {policy} WITH (STATE = OFF), which needs ALTER ANY SECURITY POLICY)");
    }

    /// <summary>The <see cref="RowHistory"/> of a row of <see cref="TemporalTables"/>, naming tables as the inventory does
    /// (bare in <c>dbo</c>).</summary>
    /// <param name="temporalType">1 (history table) or 2 (system-versioned table); anything else gives null.</param>
    /// <param name="historySchema">The history table's schema (for 2), or null.</param>
    /// <param name="historyName">The history table's name (for 2), or null.</param>
    /// <param name="versionsSchema">The versioned table's schema (for 1), or null.</param>
    /// <param name="versionsName">The versioned table's name (for 1), or null.</param>
    /// <param name="retentionPeriod">The history retention period (-1 or null: infinite or not read).</param>
    /// <param name="retentionUnit">Its unit as <c>history_retention_period_unit_desc</c> spells it (DAY, WEEK, MONTH,
    /// YEAR, INFINITE), or null.</param>
    internal static RowHistory? TemporalHistory(int temporalType, string? historySchema, string? historyName, string? versionsSchema, string? versionsName,
        int? retentionPeriod = null, string? retentionUnit = null)
    {
        string? retention = retentionPeriod is > 0 && retentionUnit is "DAY" or "WEEK" or "MONTH" or "YEAR"
            ? $"{retentionPeriod.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {retentionUnit}{(retentionPeriod == 1 ? "" : "S")}"
            : null;
        static string? Qualified(string? schema, string? name) => name is null ? null : TableInfo.Qualify(schema ?? "", name, DefaultSchema);
        return temporalType switch
        {
            2 => new RowHistory(RowHistory.TemporalTable, HistoryTable: Qualified(historySchema, historyName), RetentionPeriod: retention),
            1 => new RowHistory(RowHistory.TemporalTable, VersionsOf: Qualified(versionsSchema, versionsName), RetentionPeriod: retention),
            _ => null,
        };
    }

    private const string SelectedIds =
        "(SELECT DISTINCT f.n.value(N'@id', N'int') AS object_id FROM @ids.nodes(N'/o') AS f(n)) AS ids";

    /// <summary>Columns of the objects listed in the xml parameter <c>@ids</c> (<c>&lt;o id="…"/&gt;</c> per object,
    /// the filtered set): type (declared and base), length, precision, scale, nullability, computed, assembly type,
    /// <c>MS_Description</c>, legacy label extended properties (<c>sys_sensitivity_label_name</c>,
    /// <c>sys_information_type_name</c>, written by SSMS before 2019) and column-level SELECT permission.</summary>
    public string Columns =>
        "SELECT c.object_id, c.column_id, c.name AS column_name, ty.name AS type_name, bt.name AS base_type_name, " +
        "ty.is_assembly_type, ty.is_user_defined, c.max_length, c.precision, c.scale, c.is_nullable, c.is_computed, " +
        "CAST(ep.value AS nvarchar(max)) AS comment, CAST(lb.value AS nvarchar(max)) AS legacy_label, CAST(it.value AS nvarchar(max)) AS legacy_information_type, " +
        "HAS_PERMS_BY_NAME(QUOTENAME(s.name) + N'.' + QUOTENAME(o.name), N'OBJECT', N'SELECT', c.name, N'COLUMN') AS can_select " +
        "FROM sys.columns AS c " +
        "JOIN " + SelectedIds + " ON ids.object_id = c.object_id " +
        "JOIN sys.objects AS o ON o.object_id = c.object_id " +
        "JOIN sys.schemas AS s ON s.schema_id = o.schema_id " +
        "JOIN sys.types AS ty ON ty.user_type_id = c.user_type_id " +
        "LEFT JOIN sys.types AS bt ON bt.user_type_id = ty.system_type_id AND ty.is_assembly_type = 0 " +
        "LEFT JOIN sys.extended_properties AS ep ON ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.name = N'MS_Description' " +
        "LEFT JOIN sys.extended_properties AS lb ON lb.class = 1 AND lb.major_id = c.object_id AND lb.minor_id = c.column_id AND lb.name = N'sys_sensitivity_label_name' " +
        "LEFT JOIN sys.extended_properties AS it ON it.class = 1 AND it.major_id = c.object_id AND it.minor_id = c.column_id AND it.name = N'sys_information_type_name' " +
        "ORDER BY c.object_id, c.column_id;";

    /// <summary>The definitions of the views among the objects in <c>@ids</c> (<c>sys.sql_modules.definition</c>, the
    /// CREATE VIEW text as written): object id, definition, read by <see cref="SqlServerViewDefinition"/> for the base
    /// column each view column shows. One query for every view of the scan (no N+1); run only when the scan keeps
    /// views. The definition is null for a view created WITH ENCRYPTION or one the user may not see the definition of
    /// (VIEW DEFINITION permission): such a view gets no lineage. <c>sys.dm_sql_referenced_entities</c> and
    /// <c>sys.sql_expression_dependencies</c> list the columns a view uses, not which output column reads which.</summary>
    public string ViewDefinitions =>
        "SELECT v.object_id, m.definition " +
        "FROM sys.views AS v " +
        "JOIN " + SelectedIds + " ON ids.object_id = v.object_id " +
        "JOIN sys.sql_modules AS m ON m.object_id = v.object_id;";

    /// <summary>Primary-key columns of the objects in <c>@ids</c>, in key order: object id, column name.</summary>
    public string PrimaryKeys =>
        "SELECT i.object_id, c.name AS column_name " +
        "FROM sys.indexes AS i " +
        "JOIN " + SelectedIds + " ON ids.object_id = i.object_id " +
        "JOIN sys.index_columns AS ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.is_included_column = 0 " +
        "JOIN sys.columns AS c ON c.object_id = ic.object_id AND c.column_id = ic.column_id " +
        "WHERE i.is_primary_key = 1 " +
        "ORDER BY i.object_id, ic.key_ordinal;";

    /// <summary>Foreign keys declared on the objects in <c>@ids</c>: object id, constraint name, delete rule
    /// (<c>delete_referential_action_desc</c>), referenced schema and table, column pairs in key order.</summary>
    public string ForeignKeys =>
        "SELECT fk.parent_object_id AS object_id, fk.name AS constraint_name, fk.delete_referential_action_desc AS on_delete, " +
        "rs.name AS referenced_schema, ro.name AS referenced_table, pc.name AS column_name, rc.name AS referenced_column " +
        "FROM sys.foreign_keys AS fk " +
        "JOIN " + SelectedIds + " ON ids.object_id = fk.parent_object_id " +
        "JOIN sys.foreign_key_columns AS fkc ON fkc.constraint_object_id = fk.object_id " +
        "JOIN sys.columns AS pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id " +
        "JOIN sys.columns AS rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id " +
        "JOIN sys.objects AS ro ON ro.object_id = fk.referenced_object_id " +
        "JOIN sys.schemas AS rs ON rs.schema_id = ro.schema_id " +
        "ORDER BY fk.parent_object_id, fk.name, fkc.constraint_column_id;";

    /// <summary>Sensitivity classifications of columns of the objects in <c>@ids</c> (SQL Server 2019+, Azure SQL):
    /// object id, column id, label, information type, rank (when the server has it, else NULL).</summary>
    /// <param name="hasRank">True when <c>sys.sensitivity_classifications</c> has the <c>rank</c> column.</param>
    public string SensitivityClassifications(bool hasRank) =>
        "SELECT sc.major_id AS object_id, sc.minor_id AS column_id, CAST(sc.label AS nvarchar(128)) AS label, " +
        "CAST(sc.information_type AS nvarchar(128)) AS information_type, " +
        (hasRank ? "CAST(sc.rank_desc AS nvarchar(60))" : "CAST(NULL AS nvarchar(60))") + " AS rank_desc " +
        "FROM sys.sensitivity_classifications AS sc " +
        "JOIN " + SelectedIds + " ON ids.object_id = sc.major_id " +
        "WHERE sc.class = 1 AND sc.minor_id > 0;";

    /// <summary>Session settings sent once per sampling connection. The isolation level is READ UNCOMMITTED: it
    /// takes no shared row, page or table locks, so a sample never blocks (or waits for) a writer; see
    /// <see cref="SqlServerConnector"/> for why it was chosen over SNAPSHOT. LOCK_TIMEOUT still bounds the wait for a
    /// schema-stability lock behind DDL, and DEADLOCK_PRIORITY LOW makes the scan the victim of any deadlock.</summary>
    /// <param name="options">Gives <see cref="SampleOptions.LockTimeout"/> (milliseconds in the text).</param>
    public string SessionSetup(SampleOptions options) =>
        "SET NOCOUNT ON; SET TRANSACTION ISOLATION LEVEL READ UNCOMMITTED; " +
        $"SET LOCK_TIMEOUT {LockTimeoutMilliseconds(options)}; " +
        "SET DEADLOCK_PRIORITY LOW; SET ARITHABORT ON;";

    /// <summary>Session settings sent once on the catalog's connection, before its queries: <c>LOCK_TIMEOUT</c> bounds
    /// the wait for the schema-stability and metadata locks the catalog views take behind DDL (SQL Server waits forever
    /// by default), and <c>DEADLOCK_PRIORITY LOW</c> makes the scan the victim of any deadlock. The isolation level is
    /// left at its default: the catalog views read metadata, which DDL changes under its own locks whatever the level.</summary>
    /// <param name="options">Gives <see cref="SampleOptions.LockTimeout"/> (milliseconds in the text).</param>
    public string CatalogSessionSetup(SampleOptions options) =>
        $"SET NOCOUNT ON; SET LOCK_TIMEOUT {LockTimeoutMilliseconds(options)}; SET DEADLOCK_PRIORITY LOW;";

    private static string LockTimeoutMilliseconds(SampleOptions options) =>
        ((long)Math.Max(0, options.LockTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Renders a declared type as SQL Server spells it in DDL (<c>nvarchar(200)</c>, <c>nvarchar(max)</c>,
    /// <c>decimal(10,2)</c>, <c>datetime2(7)</c>; alias and CLR types by name).</summary>
    /// <param name="typeName">Name from <c>sys.types</c> (the user type).</param>
    /// <param name="isUserDefined">True for alias and CLR types: shown by name only.</param>
    /// <param name="maxLength">Bytes from <c>sys.columns.max_length</c> (-1 for max).</param>
    /// <param name="precision">Precision.</param>
    /// <param name="scale">Scale.</param>
    public static string DeclaredType(string typeName, bool isUserDefined, int maxLength, int precision, int scale)
    {
        if (isUserDefined) return typeName;
        string Len(int divisor) => maxLength == -1 ? "max" : (maxLength / divisor).ToString(CultureInfo.InvariantCulture);
        return typeName switch
        {
            "varchar" or "char" or "varbinary" or "binary" => $"{typeName}({Len(1)})",
            "nvarchar" or "nchar" => $"{typeName}({Len(2)})",
            "decimal" or "numeric" => string.Create(CultureInfo.InvariantCulture, $"{typeName}({precision},{scale})"),
            "datetime2" or "time" or "datetimeoffset" => string.Create(CultureInfo.InvariantCulture, $"{typeName}({scale})"),
            _ => typeName,
        };
    }

    /// <summary>Family and sampler hint of a system type (for alias types, pass the base type).</summary>
    /// <param name="baseType">System type name, e.g. <c>nvarchar</c>, <c>text</c>, <c>geography</c>.</param>
    /// <param name="isAssemblyType">True for CLR types (<c>sys.types.is_assembly_type</c>).</param>
    /// <returns>Hints: <c>lob</c> (text/ntext), <c>xml</c>, <c>variant</c>, <c>hierarchyid</c>, <c>spatial</c>,
    /// <c>clr</c> (other CLR: not sampled), <c>binary</c>, <c>rowversion</c>, <c>float</c>, <c>temporal</c>, or null.</returns>
    public static (TypeFamily Family, string? Hint) Describe(string baseType, bool isAssemblyType)
    {
        var t = baseType.ToLowerInvariant();
        if (isAssemblyType)
            return t switch
            {
                "hierarchyid" => (TypeFamily.Other, "hierarchyid"),
                "geography" or "geometry" => (TypeFamily.Other, "spatial"),
                _ => (TypeFamily.Other, "clr"),
            };
        return t switch
        {
            "text" or "ntext" => (TypeFamily.Text, "lob"),
            "varchar" or "nvarchar" or "char" or "nchar" or "sysname" => (TypeFamily.Text, null),
            "tinyint" or "smallint" or "int" or "bigint" => (TypeFamily.Integer, null),
            "decimal" or "numeric" or "money" or "smallmoney" => (TypeFamily.Decimal, null),
            "float" or "real" => (TypeFamily.Decimal, "float"),
            "bit" => (TypeFamily.Boolean, null),
            "date" or "time" or "datetime" or "datetime2" or "smalldatetime" or "datetimeoffset" => (TypeFamily.Temporal, "temporal"),
            "uniqueidentifier" => (TypeFamily.Uuid, null),
            "binary" or "varbinary" or "image" => (TypeFamily.Binary, "binary"),
            "timestamp" or "rowversion" => (TypeFamily.Binary, "rowversion"),
            "xml" => (TypeFamily.Document, "xml"),
            "sql_variant" => (TypeFamily.Other, "variant"),
            "hierarchyid" => (TypeFamily.Other, "hierarchyid"),
            "geography" or "geometry" => (TypeFamily.Other, "spatial"),
            _ => (TypeFamily.Other, null),
        };
    }

    /// <summary>The hint of a column: its <see cref="ColumnInfo.SamplingHint"/>, or one derived from its declared type
    /// (the name before any parenthesis) when the catalog left it empty.</summary>
    private static string? HintOf(ColumnInfo column)
    {
        if (column.SamplingHint is not null) return column.SamplingHint;
        var declared = column.DeclaredType;
        int paren = declared.IndexOf('(');
        var name = (paren < 0 ? declared : declared[..paren]).Trim();
        return Describe(name, isAssemblyType: false).Hint;
    }

    /// <summary>Projects one column to <c>nvarchar(max)</c> on the server, or says why it is not read.
    /// <list type="bullet">
    /// <item>text, ntext, xml: <c>CAST(col AS nvarchar(max))</c> is the first and only thing applied to the column
    /// (these types reject string functions, comparisons and sorting); the cut to <c>@maxlen</c> comes after.</item>
    /// <item>sql_variant: <c>CAST(col AS nvarchar(max))</c> unless it holds binary (then NULL: never decoded).</item>
    /// <item>hierarchyid: <c>col.ToString()</c>; geography/geometry: <c>col.STAsText()</c>; other CLR types: not sampled
    /// (<see cref="NotSampledReason.UnsupportedType"/>), so the client never materialises them.</item>
    /// <item>binary, varbinary, image: <c>DATALENGTH(col)</c> only; timestamp/rowversion: not read (a version counter,
    /// never personal data), reported <see cref="NotSampledReason.Binary"/>.</item>
    /// <item>dates and times: ISO 8601 (style 126); float/real: style 3 (17 significant digits, lossless); others: CAST.</item>
    /// </list></summary>
    /// <param name="column">The column.</param>
    /// <param name="alias">Table alias the expression refers to.</param>
    /// <returns>The projection, or the reason the column is skipped.</returns>
    public (ProjectedColumn? Projection, NotSampledReason? Skip) Project(ColumnInfo column, string alias = "t")
    {
        var col = alias + "." + SqlServerIdentifiers.Quote(column.Name);
        string Cut(string nvarcharMax) => $"LEFT({nvarcharMax}, {(column.Family == TypeFamily.Document ? "@doclen" : "@maxlen")})";
        return HintOf(column) switch
        {
            "lob" or "xml" => (new ProjectedColumn(column, Cut($"CAST({col} AS nvarchar(max))"), false), null),
            "variant" => (new ProjectedColumn(column,
                Cut($"CASE WHEN CAST(SQL_VARIANT_PROPERTY({col}, 'BaseType') AS nvarchar(128)) IN (N'binary', N'varbinary') THEN NULL ELSE CAST({col} AS nvarchar(max)) END"), false), null),
            "hierarchyid" => (new ProjectedColumn(column, Cut($"CAST({col}.ToString() AS nvarchar(max))"), false), null),
            "spatial" => (new ProjectedColumn(column, Cut($"CAST({col}.STAsText() AS nvarchar(max))"), false), null),
            "clr" => (null, NotSampledReason.UnsupportedType),
            "binary" => (new ProjectedColumn(column, $"CAST(DATALENGTH({col}) AS bigint)", true), null),
            "rowversion" => (null, NotSampledReason.Binary),
            "temporal" => (new ProjectedColumn(column, $"CONVERT(nvarchar(64), {col}, 126)", false), null),
            "float" => (new ProjectedColumn(column, $"CONVERT(nvarchar(64), {col}, 3)", false), null),
            _ => (new ProjectedColumn(column, Cut($"CAST({col} AS nvarchar(max))"), false), null),
        };
    }

    /// <summary>Builds the sampling statement of a table or view.
    /// <list type="bullet">
    /// <item>Tables with a row estimate of at least <see cref="TableSampleRowsPerSampleRow"/> × rows:
    /// <c>TABLESAMPLE SYSTEM (p PERCENT) REPEATABLE (seed)</c> sized to read about four times the wanted rows
    /// (pages are sampled, not rows), then <c>TOP (@n)</c>; a retry when too few rows came back multiplies p
    /// (<see cref="NextAttempt"/>).</item>
    /// <item>Other tables with more rows than wanted: a filter keeping about twice the wanted share of rows,
    /// <c>ABS(CHECKSUM(seed, key…) % 1000000) &lt; k</c> on the primary key (repeatable), or on <c>NEWID()</c> without a
    /// usable key, with <c>TOP (@n)</c>, which stops as soon as enough rows passed (a bounded scan, no sort).</item>
    /// <item>Views, tables without an estimate, small tables: plain <c>TOP (@n)</c> (views reject TABLESAMPLE).</item>
    /// </list>
    /// Never <c>SELECT *</c>, never <c>ORDER BY</c>.</summary>
    /// <param name="table">The table (its readable columns are projected).</param>
    /// <param name="options">Rows, seed.</param>
    /// <param name="only">Project only this column, or null for all.</param>
    public SamplePlan BuildSample(TableInfo table, SampleOptions options, string? only = null) =>
        BuildSample(table, only is null ? table.Columns : table.Columns.Where(c => c.Name == only).ToList(), options);

    /// <summary>Builds the sampling statement of some columns of a table or view (the per-column reads of the shared
    /// sampler pass one column); see <see cref="BuildSample(TableInfo, SampleOptions, string?)"/> for how
    /// rows are chosen.</summary>
    /// <param name="table">The table (its size, kind and primary key choose the method).</param>
    /// <param name="columns">The columns to project, in order; unreadable ones and those <see cref="Project"/> skips are
    /// listed in <see cref="SamplePlan.Skipped"/> instead.</param>
    /// <param name="options">Rows, seed.</param>
    /// <param name="attempt">Which attempt this is (<see cref="NextAttempt"/>): the widened one multiplies the TABLESAMPLE
    /// percentage by <see cref="WidenedBoost"/>, the last one is a plain <c>TOP (@n)</c>.</param>
    public SamplePlan BuildSample(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options, SampleAttempt attempt = SampleAttempt.First)
    {
        bool plainTop = attempt == SampleAttempt.PlainTop;
        double boost = attempt == SampleAttempt.Widened ? WidenedBoost : 1;
        var projected = new List<ProjectedColumn>();
        var skipped = new Dictionary<string, NotSampledReason>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (!column.Readable) { skipped[column.Name] = NotSampledReason.NoPrivilege; continue; }
            var (projection, skip) = Project(column);
            if (projection is not null) projected.Add(projection);
            else skipped[column.Name] = skip!.Value;
        }
        var from = SqlServerIdentifiers.Quote(table.Schema, table.Name) + " AS t";
        string where = "", method;
        int rows = Math.Max(1, options.Rows);
        if (plainTop || table.Kind == TableKind.View || table.RowEstimate is not { } estimate || estimate <= rows)
        {
            method = table.Kind == TableKind.View ? "top (view)" : plainTop ? "top (fallback)" : table.RowEstimate is null ? "top (no estimate)" : "full (small table)";
        }
        else if (estimate >= (long)rows * TableSampleRowsPerSampleRow)
        {
            double percent = Math.Clamp(100.0 * rows * 4 * boost / estimate, 0.0001, 100);
            var p = percent.ToString("0.####", CultureInfo.InvariantCulture);
            var seed = options.Seed.ToString(CultureInfo.InvariantCulture);
            from += $" TABLESAMPLE SYSTEM ({p} PERCENT) REPEATABLE ({seed})";
            method = $"tablesample system({p} percent) repeatable({seed})";
        }
        else
        {
            long perMillion = Math.Clamp((long)Math.Ceiling(1_000_000.0 * rows * 2 / estimate), 1, 1_000_000);
            var k = perMillion.ToString(CultureInfo.InvariantCulture);
            // Repeatable when the primary key is made of plain types: a seeded checksum of the key; otherwise NEWID().
            var key = table.PrimaryKey.Select(n => table.Columns.FirstOrDefault(c => c.Name == n)).ToList();
            bool keyed = key.Count > 0 && key.All(c => c is not null && HintOf(c) is null or "temporal");
            var hash = keyed
                ? $"CHECKSUM({options.Seed.ToString(CultureInfo.InvariantCulture)}, {string.Join(", ", key.Select(c => "t." + SqlServerIdentifiers.Quote(c!.Name)))})"
                : "CHECKSUM(NEWID())";
            // % before ABS: ABS(int.MinValue) would overflow.
            where = $" WHERE ABS({hash} % 1000000) < {k}";
            method = keyed ? $"key-hash filter ({k} per million, seed {options.Seed.ToString(CultureInfo.InvariantCulture)})" : $"random filter ({k} per million)";
        }
        var select = projected.Count == 0 ? "CAST(NULL AS nvarchar(1)) AS no_column" : string.Join(", ", projected.Select(p => p.Expression));
        return new SamplePlan($"SELECT TOP (@n) {select} FROM {from}{where};", method, projected, skipped, attempt);
    }

    /// <summary>The TABLESAMPLE percentage multiplier of the widened attempt.</summary>
    public const double WidenedBoost = 10;

    /// <summary>The attempt to make after a statement succeeded: TABLESAMPLE picks pages, so on a clustered table it may
    /// return too few rows. A first TABLESAMPLE that returned fewer than a quarter of the wanted rows is widened
    /// (<see cref="WidenedBoost"/> × the percentage); a widened one that returned nothing falls back to plain
    /// <c>TOP (@n)</c>. Otherwise the rows read are the sample.</summary>
    /// <param name="plan">The statement that ran.</param>
    /// <param name="rowsRead">Rows it returned.</param>
    /// <param name="options">The wanted rows.</param>
    /// <returns>The next attempt, or null when the sample is final.</returns>
    public static SampleAttempt? NextAttempt(SamplePlan plan, int rowsRead, SampleOptions options) => plan.Attempt switch
    {
        SampleAttempt.First when rowsRead < options.Rows / 4 && plan.Method.StartsWith("tablesample", StringComparison.Ordinal) => SampleAttempt.Widened,
        SampleAttempt.Widened when rowsRead == 0 => SampleAttempt.PlainTop,
        _ => null,
    };

    /// <summary>The shared sampler's leave-out rule (<see cref="TableSampler"/>): a readable column
    /// <see cref="Project"/> never reads. CLR types the server cannot project to text are recorded as an
    /// <c>unsupported-type</c> issue; timestamp/rowversion (a version counter, never personal data) is marked
    /// <see cref="NotSampledReason.Binary"/> without an issue.</summary>
    /// <param name="column">A readable column.</param>
    /// <returns>Why it is left out, or null when it is read.</returns>
    public ColumnLeftOut? LeaveOut(ColumnInfo column) => Project(column).Skip switch
    {
        null => null,
        NotSampledReason.UnsupportedType => new ColumnLeftOut(NotSampledReason.UnsupportedType, "unsupported-type",
            "not sampled: CLR type the server cannot project to text"),
        { } reason => new ColumnLeftOut(reason),
    };
}
