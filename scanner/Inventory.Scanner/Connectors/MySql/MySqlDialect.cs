using System.Globalization;
using System.Text;
using Inventory.Catalog;

namespace Inventory.Connectors.MySql;

/// <summary>Which server answers: they differ in the statement-timeout variable and a few types.</summary>
internal enum MySqlFlavor
{
    /// <summary>Oracle MySQL 5.7+ (statement timeout: <c>MAX_EXECUTION_TIME</c>, milliseconds, SELECT only).</summary>
    MySql,
    /// <summary>MariaDB 10.1+ (statement timeout: <c>max_statement_time</c>, seconds).</summary>
    MariaDb,
}

/// <summary>How a sample chooses its rows.</summary>
internal enum MySqlSampleMethod
{
    /// <summary>Random points drawn in [min, max] of an integer primary key, each read by one index seek
    /// (<c>WHERE pk &gt;= point ORDER BY pk LIMIT 1</c>).</summary>
    KeyProbes,
    /// <summary><c>WHERE RAND(seed) &lt; fraction LIMIT n</c>: a seeded Bernoulli filter over a table without an integer
    /// key, used only up to <see cref="MySqlDialect.RandomFilterMaxRows"/> estimated rows so the read stays bounded.</summary>
    RandomFilter,
    /// <summary><c>LIMIT n</c>: small tables (read whole), views, and big tables without an integer key (first rows).</summary>
    Limit,
}

/// <summary>
/// Builds the SQL text the MySQL / MariaDB connector sends; it never talks to a server, so every statement can be
/// checked by unit tests. Identifiers are always quoted with <see cref="Quote(string)"/>; the database name of a
/// one-database scan goes as parameter <c>@schema</c>; only numbers we computed (limits, key points, seconds, seed)
/// are written into the text, formatted with the invariant culture.
/// </summary>
internal sealed class MySqlDialect
{
    /// <summary>The shared instance (the dialect holds no state).</summary>
    public static MySqlDialect Instance { get; } = new();

    /// <summary>Databases that belong to the server, never scanned.</summary>
    public static readonly IReadOnlyList<string> SystemSchemas = ["mysql", "information_schema", "performance_schema", "sys"];

    /// <summary>Key probes drawn per wanted row: gaps in the key range make some probes land on the same row.</summary>
    public const double ProbeOversampling = 1.25;

    /// <summary>Above this many estimated rows a table without an integer key is read with <c>LIMIT n</c> (its first
    /// rows in clustered-index order) instead of a random filter, which would read about a quarter of the table.</summary>
    public const long RandomFilterMaxRows = 200_000;

    /// <summary>Quotes one identifier with backticks, doubling any backtick inside (MySQL reference, "Schema Object
    /// Names": "identifier quote characters can be included within an identifier if you quote the identifier… double the character").</summary>
    /// <param name="identifier">The exact name; not empty.</param>
    /// <returns>e.g. <c>`Full Name`</c>, <c>`a``b`</c>.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds a NUL character.</exception>
    public static string Quote(string identifier) => Identifiers.Delimit(identifier, '`');

    /// <summary>An account as GRANT names it: <c>'user'@'host'</c>, each part a string literal (single quotes doubled).
    /// Source: MySQL reference, "Specifying Account Names".</summary>
    /// <param name="user">The user name.</param>
    /// <param name="host">The host part; <c>%</c> for any host.</param>
    public static string Account(string user, string host) =>
        "'" + user.Replace("'", "''", StringComparison.Ordinal) + "'@'" + host.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The account of a <c>CURRENT_USER()</c> value (<c>user@host</c>; the user part may itself hold <c>@</c>,
    /// the host never does), as GRANT names it.</summary>
    /// <param name="currentUser">The value of <c>CURRENT_USER()</c>.</param>
    public static string AccountOf(string currentUser)
    {
        var at = currentUser.LastIndexOf('@');
        return at < 0 ? Account(currentUser, "%") : Account(currentUser[..at], currentUser[(at + 1)..]);
    }

    /// <summary>What the connected account lacks to read a table it can see (it holds some privilege, but SELECT on no
    /// column), with the GRANT that gives it.</summary>
    /// <param name="database">The table's database.</param>
    /// <param name="table">The table's name.</param>
    /// <param name="account">The account as GRANT names it (<see cref="AccountOf"/>).</param>
    public static MissingAccess MissingSelect(string database, string table, string account) =>
        new($"the connected account {account} holds no SELECT privilege on any column of this table", [$"GRANT SELECT ON {Quote(database, table)} TO {account}"]);

    /// <summary>The statement that lists a view's columns by opening it: run for a view <c>information_schema.COLUMNS</c>
    /// listed without any column, so that the server's own error says why (1370: a function the view calls may not be
    /// executed by the account).</summary>
    /// <param name="database">The view's database.</param>
    /// <param name="view">The view's name.</param>
    public static string ShowColumnsSql(string database, string view) => $"SHOW COLUMNS FROM {Quote(database, view)}";

    /// <summary>The routine an error 1370 (<c>ER_PROCACCESS_DENIED_ERROR</c>: "execute command denied to user … for
    /// routine 'db.name'") names, as database and name; null when the text names none. The text holds the account and
    /// the routine only, never a value.</summary>
    /// <param name="message">The server's message of error 1370.</param>
    public static (string Database, string Name)? DeniedRoutine(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, @"for routine '([^'.]+)\.([^']+)'");
        return m.Success ? (m.Groups[1].Value, m.Groups[2].Value) : null;
    }

    /// <summary>What a view lacks whose columns the server hides because the account may not EXECUTE a function the
    /// view calls (error 1370; MariaDB's information_schema checks the account's own rights on the view's routines,
    /// even for a SQL SECURITY DEFINER view, and leaves the view without columns): SELECT on the view is held, so the
    /// GRANT is EXECUTE on that function (trial42 finding 7: the scan advised a GRANT SELECT that changed nothing).</summary>
    /// <param name="routine">The function, as the error names it.</param>
    /// <param name="account">The account as GRANT names it (<see cref="AccountOf"/>).</param>
    public static MissingAccess MissingExecute((string Database, string Name) routine, string account) =>
        new($"the connected account {account} may not execute the function {Quote(routine.Database, routine.Name)} this view calls " +
            "(error 1370), so the server hides the view's columns; its SELECT privilege is not what is missing",
            [$"GRANT EXECUTE ON FUNCTION {Quote(routine.Database, routine.Name)} TO {account}"]);

    /// <summary>What a view lacks that the server cannot open (error 1356, <c>ER_VIEW_INVALID</c>: "View … references
    /// invalid table(s) or column(s) or function(s) or definer/invoker of view lack rights to use them"), so that
    /// <c>information_schema.COLUMNS</c> lists it without columns: most often a migration renamed or dropped a column or
    /// table the view reads, and the view must be redefined; no GRANT to the scanning account fixes it (trial47: the scan
    /// advised a GRANT SELECT on a view the account could already SELECT), so the issue names no statement to run.</summary>
    /// <param name="database">The view's database.</param>
    /// <param name="view">The view's name.</param>
    public static MissingAccess InvalidView(string database, string view) =>
        new("the server cannot open this view (error 1356): it reads a table, column or function that no longer exists " +
            "(renamed or dropped by a migration?), or its definer (SQL SECURITY DEFINER) or the scanning account (INVOKER) " +
            $"lacks rights on them; its SELECT privilege is not what is missing; repair the view (SHOW CREATE VIEW {Quote(database, view)} " +
            "shows its definition) or drop it", []);

    /// <summary>What a view whose definition came back empty lacks: MySQL and MariaDB show a view's definition in
    /// <c>information_schema.VIEWS</c> only to its definer or a holder of <c>SHOW VIEW</c> (MariaDB "Information Schema
    /// VIEWS Table"; MySQL 8.0 "The INFORMATION_SCHEMA VIEWS Table"), so its columns get no lineage.</summary>
    /// <param name="database">The view's database.</param>
    /// <param name="account">The account as GRANT names it (<see cref="AccountOf"/>).</param>
    /// <returns>The scan issue's message, with the GRANT that fixes it.</returns>
    public static string HiddenViewDefinition(string database, string account) =>
        $"the view's definition is hidden from {account} (it needs the SHOW VIEW privilege), so its columns get no lineage and " +
        $"are classified on their own instead of inheriting their base columns' labels; GRANT SHOW VIEW ON {Quote(database)}.* TO {account}";

    /// <summary>The GRANT that gives a user who holds no privilege on a database (error 1044 on connecting), or the
    /// scanner user to create instead of an account that cannot log in by password (error 1698), what the scan needs:
    /// SELECT on every table of the database and SHOW VIEW, both read-only, as the README's privileges say (trial46: the
    /// advice granted SELECT alone, so a database with views cost a second round for the SHOW VIEW its issue then named).</summary>
    /// <param name="database">The database named in the connection.</param>
    /// <param name="user">The user name of the connection; the host part is unknown before connecting, so <c>%</c> is
    /// written (the caller says to put the account's host in its place).</param>
    public static string GrantDatabaseSql(string database, string user) =>
        $"GRANT SELECT, SHOW VIEW ON {Quote(database)}.* TO {Account(user, "%")}";

    /// <summary>Quotes <c>`database`.`table`</c>.</summary>
    public static string Quote(string schema, string name) => Quote(schema) + "." + Quote(name);

    /// <summary>The flavor from the server's version string (MariaDB reports e.g. <c>10.11.6-MariaDB-0+deb12u1</c>).</summary>
    public static MySqlFlavor FlavorOf(string serverVersion) =>
        serverVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ? MySqlFlavor.MariaDb : MySqlFlavor.MySql;

    /// <summary>Product and version for the inventory, e.g. <c>MariaDB 10.11.19</c> from the handshake's
    /// <c>5.5.5-10.11.19-MariaDB-0+deb12u1</c> (MariaDB prefixes <c>5.5.5-</c> for old clients), <c>MySQL 8.0.36</c>.</summary>
    public static string ProductVersion(string serverVersion)
    {
        var flavor = FlavorOf(serverVersion);
        var version = serverVersion.StartsWith("5.5.5-", StringComparison.Ordinal) && flavor == MySqlFlavor.MariaDb ? serverVersion[6..] : serverVersion;
        int dash = version.IndexOf('-');
        return (flavor == MySqlFlavor.MariaDb ? "MariaDB " : "MySQL ") + (dash > 0 ? version[..dash] : version);
    }

    /// <summary>Statements that open a bounded read-only transaction: the statement timeout
    /// (<c>max_statement_time</c> in seconds on MariaDB, <c>MAX_EXECUTION_TIME</c> in milliseconds on MySQL), the
    /// row-lock wait (<c>innodb_lock_wait_timeout</c>) and metadata-lock wait (<c>lock_wait_timeout</c>) in whole
    /// seconds (at least 1), then <c>START TRANSACTION READ ONLY</c>, in which any write fails (error 1792).</summary>
    /// <param name="options">Timeouts.</param>
    /// <param name="flavor">The server.</param>
    public IReadOnlyList<string> BeginReadOnly(SampleOptions options, MySqlFlavor flavor)
    {
        var lockSeconds = Math.Max(1L, (long)Math.Ceiling(options.LockTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var statement = flavor == MySqlFlavor.MariaDb
            ? "SET SESSION max_statement_time = " + Math.Max(0.001, options.StatementTimeout.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture)
            : "SET SESSION MAX_EXECUTION_TIME = " + Math.Max(1L, (long)Math.Ceiling(options.StatementTimeout.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        return
        [
            statement,
            "SET SESSION innodb_lock_wait_timeout = " + lockSeconds,
            "SET SESSION lock_wait_timeout = " + lockSeconds,
            "START TRANSACTION READ ONLY",
        ];
    }

    private static string SchemaFilter(string column, bool oneDatabase) => oneDatabase
        ? $"{column} = @schema"
        : $"{column} NOT IN ({string.Join(", ", SystemSchemas.Select(s => "'" + s + "'"))})";

    /// <summary>MariaDB's TABLE_TYPE of a table created <c>WITH SYSTEM VERSIONING</c> (MariaDB 10.3+; MySQL has none):
    /// its past rows stay in the table until <c>DELETE HISTORY</c> (<see cref="RowHistory"/>).</summary>
    public const string SystemVersionedTableType = "SYSTEM VERSIONED";

    /// <summary>Catalog query 1: base tables and views (TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_ROWS — an estimate
    /// for InnoDB, null for views —, TABLE_COMMENT, and the connected account as <c>CURRENT_USER()</c> spells it,
    /// <c>user@host</c>, for the GRANT hint of an unreadable table). The server lists only tables the user holds some
    /// privilege on.</summary>
    /// <param name="oneDatabase">True: only the database in <c>@schema</c>; false: every non-system database.</param>
    public string TablesSql(bool oneDatabase) => $"""
        SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, CAST(TABLE_ROWS AS SIGNED) AS TABLE_ROWS, TABLE_COMMENT, CURRENT_USER() AS ACCOUNT
        FROM information_schema.TABLES
        WHERE {SchemaFilter("TABLE_SCHEMA", oneDatabase)} AND TABLE_TYPE IN ('BASE TABLE', 'VIEW', '{SystemVersionedTableType}')
        """;

    /// <summary>Catalog query 2: columns with DATA_TYPE, COLUMN_TYPE (as declared, e.g. <c>varchar(160)</c>,
    /// <c>enum('a','b')</c>), nullability, comment, EXTRA (generated columns) and PRIVILEGES (the connected user's
    /// privileges on the column, e.g. <c>select,insert</c>: column-level grants included) and GENERATION_EXPRESSION (a
    /// generated column's expression, MySQL 5.7+ and MariaDB 10.2+; empty for other columns), read by
    /// <see cref="GenerationExpression"/> for the columns it reads.</summary>
    /// <param name="oneDatabase">As for <see cref="TablesSql"/>.</param>
    public string ColumnsSql(bool oneDatabase) => $"""
        SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, CAST(ORDINAL_POSITION AS SIGNED), DATA_TYPE, COLUMN_TYPE, IS_NULLABLE,
               COLUMN_COMMENT, EXTRA, PRIVILEGES, GENERATION_EXPRESSION
        FROM information_schema.COLUMNS
        WHERE {SchemaFilter("TABLE_SCHEMA", oneDatabase)}
        """;

    /// <summary>Catalog query 2c, run only when the scan keeps views: each view's stored SELECT
    /// (<c>VIEWS.VIEW_DEFINITION</c>, as the server rewrote it: identifiers back-quoted, tables database-qualified, every
    /// output column aliased), read by <see cref="MySqlViewDefinition"/> for the base column each view column shows.
    /// One query for every view (no N+1). The server leaves the definition empty for a user without SHOW VIEW on it;
    /// such a view gets no lineage. MariaDB has no <c>VIEW_COLUMN_USAGE</c>, and MySQL's (8.0.13+) lists the columns a
    /// view uses anywhere, not which output column reads which, so the definition is the one source for both.</summary>
    /// <param name="oneDatabase">As for <see cref="TablesSql"/>.</param>
    public string ViewDefinitionsSql(bool oneDatabase) => $"""
        SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION
        FROM information_schema.VIEWS
        WHERE {SchemaFilter("TABLE_SCHEMA", oneDatabase)}
        """;

    /// <summary>Catalog query 3, in the catalog's first stage (sampling probes the primary key): the primary-key columns
    /// in key order, from the PRIMARY index's rows of <c>STATISTICS</c>. Not from <c>COLUMNS.COLUMN_KEY</c>: MariaDB and
    /// MySQL mark <c>PRI</c> there a table's first UNIQUE NOT NULL index too when it has no primary key.</summary>
    /// <param name="oneDatabase">As for <see cref="TablesSql"/>.</param>
    public string PrimaryKeysSql(bool oneDatabase) => $"""
        SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME
        FROM information_schema.STATISTICS
        WHERE {SchemaFilter("TABLE_SCHEMA", oneDatabase)} AND INDEX_NAME = 'PRIMARY'
        ORDER BY TABLE_SCHEMA, TABLE_NAME, SEQ_IN_INDEX
        """;

    /// <summary>Catalog query 4, in the catalog's second stage: foreign-key columns in key order, with the referenced
    /// table and columns and the delete rule (REFERENTIAL_CONSTRAINTS.DELETE_RULE: CASCADE, SET NULL, SET DEFAULT,
    /// RESTRICT, NO ACTION). <c>REFERENTIAL_CONSTRAINTS</c> is read in a derived table filtered on the scanned database
    /// (<c>DISTINCT</c> keeps it from being merged into the join): MariaDB 10.11 does not carry a condition of a joined
    /// <c>information_schema</c> table into its read, so the plain join opened the tables of every database on the server
    /// and waited for a metadata lock held on a table of any of them. Measured on MariaDB 10.11 (perf45, the same rows):
    /// 24–46 ms for the plain join against 4–14 ms with 35 databases (445 tables) on a loaded server; 27–34 ms against
    /// 0.6–3.3 ms with 69 databases (users44). Source: MariaDB's EXPLAIN of both forms ("Scanned all databases" against
    /// "Scanned 1 database"); MySQL and MariaDB materialise a derived table with DISTINCT rather than merge it. Kept off
    /// the sampling's path all the same.</summary>
    /// <param name="oneDatabase">As for <see cref="TablesSql"/>.</param>
    public string ForeignKeysSql(bool oneDatabase) => $"""
        SELECT k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, CAST(k.ORDINAL_POSITION AS SIGNED),
               k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE
        FROM information_schema.KEY_COLUMN_USAGE k
        LEFT JOIN (SELECT DISTINCT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_NAME, DELETE_RULE
                   FROM information_schema.REFERENTIAL_CONSTRAINTS
                   WHERE {SchemaFilter("CONSTRAINT_SCHEMA", oneDatabase)}) r
               ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
        WHERE {SchemaFilter("k.TABLE_SCHEMA", oneDatabase)} AND k.REFERENCED_TABLE_NAME IS NOT NULL
        ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION
        """;

    /// <summary>Catalog query 5, in the second stage: the partitions (and subpartitions) of partitioned tables, folded under their table.</summary>
    /// <param name="oneDatabase">As for <see cref="TablesSql"/>.</param>
    public string PartitionsSql(bool oneDatabase) => $"""
        SELECT TABLE_SCHEMA, TABLE_NAME, COALESCE(SUBPARTITION_NAME, PARTITION_NAME)
        FROM information_schema.PARTITIONS
        WHERE {SchemaFilter("TABLE_SCHEMA", oneDatabase)} AND PARTITION_NAME IS NOT NULL
        ORDER BY TABLE_SCHEMA, TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION
        """;

    /// <summary>Maps DATA_TYPE (and COLUMN_TYPE for <c>tinyint(1)</c>/<c>bit(1)</c>, MySQL's booleans) to a family and a
    /// sampler hint. Source: MySQL reference, "Data Types"; MariaDB's <c>uuid</c>, <c>inet4</c>, <c>inet6</c>.</summary>
    /// <param name="dataType">DATA_TYPE, lower case (e.g. <c>varchar</c>).</param>
    /// <param name="columnType">COLUMN_TYPE (e.g. <c>tinyint(1)</c>).</param>
    public static (TypeFamily Family, string? Hint) Describe(string dataType, string columnType) => dataType.ToLowerInvariant() switch
    {
        "tinyint" when columnType.StartsWith("tinyint(1)", StringComparison.OrdinalIgnoreCase) => (TypeFamily.Boolean, null),
        "tinyint" or "smallint" or "mediumint" or "int" or "integer" or "bigint" => (TypeFamily.Integer, null),
        "decimal" or "numeric" or "float" or "double" or "real" => (TypeFamily.Decimal, null),
        "bit" => (columnType.Equals("bit(1)", StringComparison.OrdinalIgnoreCase) ? TypeFamily.Boolean : TypeFamily.Other, "bit"),
        "char" or "varchar" or "tinytext" or "text" or "mediumtext" or "longtext" => (TypeFamily.Text, null),
        "date" or "datetime" or "timestamp" or "time" or "year" => (TypeFamily.Temporal, null),
        "binary" or "varbinary" or "tinyblob" or "blob" or "mediumblob" or "longblob" => (TypeFamily.Binary, "binary"),
        "json" => (TypeFamily.Document, null),
        "uuid" => (TypeFamily.Uuid, null),
        "inet4" or "inet6" => (TypeFamily.Network, null),
        "geometry" or "point" or "linestring" or "polygon" or "multipoint" or "multilinestring" or "multipolygon"
            or "geometrycollection" or "geomcollection" => (TypeFamily.Other, "spatial"),
        // enum, set and anything newer: rendered as text by the server.
        _ => (TypeFamily.Other, null),
    };

    /// <summary>The select-list expression of one column, rendered as text by the server and cut there: binaries give
    /// their byte length only (<c>OCTET_LENGTH</c>, never the bytes); BIT gives its binary digits; spatial types their
    /// WKT (<c>ST_AsText</c>); everything else — zero dates <c>0000-00-00</c>, ENUM/SET labels, JSON, latin1 text
    /// (converted, so stray bytes become <c>?</c> instead of invalid UTF-8) — <c>CAST(… AS CHAR CHARACTER SET utf8mb4)</c>.</summary>
    /// <param name="column">A readable column.</param>
    /// <param name="maxLength">Characters kept, at least 1.</param>
    public string ColumnExpression(ColumnInfo column, int maxLength)
    {
        var q = Quote(column.Name);
        var max = Math.Max(1, maxLength).ToString(CultureInfo.InvariantCulture);
        return column.SamplingHint switch
        {
            "binary" => $"CAST(OCTET_LENGTH({q}) AS SIGNED)",
            "bit" => $"BIN({q})",
            "spatial" => $"LEFT(CAST(ST_AsText({q}) AS CHAR CHARACTER SET utf8mb4), {max})",
            _ => $"LEFT(CAST({q} AS CHAR CHARACTER SET utf8mb4), {max})",
        };
    }

    /// <summary>The integer primary key column that key probes can seek on, or null: a single-column primary key of
    /// integer family on a base table, readable by the user.</summary>
    public static ColumnInfo? ProbeKey(TableInfo table)
    {
        if (table.Kind != TableKind.Table && table.Kind != TableKind.PartitionedTable || table.PrimaryKey.Count != 1) return null;
        var key = table.Columns.FirstOrDefault(c => c.Name == table.PrimaryKey[0]);
        return key is { Family: TypeFamily.Integer, Readable: true } ? key : null;
    }

    /// <summary>The key range: <c>SELECT MIN(k), MAX(k)</c> as text (both resolved from the index ends, no scan).</summary>
    public string KeyBoundsSql(TableInfo table, ColumnInfo key) =>
        $"SELECT CAST(MIN({Quote(key.Name)}) AS CHAR), CAST(MAX({Quote(key.Name)}) AS CHAR) FROM {Quote(table.Schema, table.Name)}";

    /// <summary>One statement of index seeks: for each point, the first row whose key is ≥ the point
    /// (<c>(SELECT key, cols … WHERE k &gt;= p ORDER BY k LIMIT 1) UNION ALL …</c>). The key comes first, as text, so
    /// the caller drops rows reached twice.</summary>
    /// <param name="table">A base table.</param>
    /// <param name="key">Its integer primary key.</param>
    /// <param name="columns">Columns to read, not empty.</param>
    /// <param name="points">Key values to seek from.</param>
    /// <param name="options">The sampling options (characters kept per value: <see cref="SampleOptions.LengthFor"/>).</param>
    public string KeyProbesSql(TableInfo table, ColumnInfo key, IReadOnlyList<ColumnInfo> columns, IReadOnlyList<long> points, SampleOptions options)
    {
        if (points.Count == 0) throw new ArgumentException("at least one probe", nameof(points));
        var k = Quote(key.Name);
        var head = $"(SELECT CAST({k} AS CHAR), {SelectList(columns, options)} FROM {Quote(table.Schema, table.Name)} WHERE {k} >= ";
        var tail = $" ORDER BY {k} LIMIT 1)";
        var sql = new StringBuilder();
        for (int i = 0; i < points.Count; i++)
        {
            if (i > 0) sql.Append("\nUNION ALL ");
            sql.Append(head).Append(points[i].ToString(CultureInfo.InvariantCulture)).Append(tail);
        }
        return sql.ToString();
    }

    /// <summary><c>SELECT cols FROM t LIMIT n</c>.</summary>
    public string LimitSql(TableInfo table, IReadOnlyList<ColumnInfo> columns, int rows, SampleOptions options) =>
        $"SELECT {SelectList(columns, options)} FROM {Quote(table.Schema, table.Name)} LIMIT {Math.Max(1, rows).ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>SELECT cols FROM t WHERE RAND(seed) &lt; fraction LIMIT n</c>: a repeatable Bernoulli sample that
    /// stops after n rows (RAND(N) with a constant seed gives the same sequence per statement).</summary>
    public string RandomFilterSql(TableInfo table, IReadOnlyList<ColumnInfo> columns, int rows, double fraction, int seed, SampleOptions options) =>
        $"SELECT {SelectList(columns, options)} FROM {Quote(table.Schema, table.Name)} WHERE RAND({seed.ToString(CultureInfo.InvariantCulture)}) < "
        + $"{Math.Clamp(fraction, 0.000001, 1).ToString("0.######", CultureInfo.InvariantCulture)} LIMIT {Math.Max(1, rows).ToString(CultureInfo.InvariantCulture)}";

    private string SelectList(IReadOnlyList<ColumnInfo> columns, SampleOptions options)
    {
        if (columns.Count == 0) throw new ArgumentException("a sample selects at least one column", nameof(columns));
        return string.Join(", ", columns.Select(c => ColumnExpression(c, options.LengthFor(c))));
    }

    /// <summary><c>SHOW CREATE TABLE `database`.`table`</c>: the table's definition, read for the delete rules of its
    /// foreign keys when <c>REFERENTIAL_CONSTRAINTS</c> withholds them (<see cref="MySqlCreateTableText"/>).</summary>
    public string ShowCreateTableSql(string database, string table) => $"SHOW CREATE TABLE {Quote(database, table)}";

    /// <summary>The delete rule of a foreign key whose rule neither the catalog view nor the table's definition gave.</summary>
    public const string UnknownDeleteRule = "unknown";

    /// <summary>Maps REFERENTIAL_CONSTRAINTS.DELETE_RULE to the model's delete rule.</summary>
    public static string DeleteRule(string? rule) => rule?.ToUpperInvariant() switch
    {
        "CASCADE" => "cascade",
        "SET NULL" => "set-null",
        "SET DEFAULT" => "set-default",
        "RESTRICT" => "restrict",
        _ => "no-action",
    };
}
