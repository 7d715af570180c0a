using System.Globalization;
using Inventory.Catalog;
using Inventory.Connectors.Sampling;
using Inventory.Connectors.Sqlite;
using Microsoft.Data.Sqlite;

namespace Inventory.Connectors;

/// <summary>
/// The embedded default: reads a SQLite database file, never writes it, never creates it.
/// <para>Opening: the file must exist (checked first, so a typo never leaves an empty database behind); the connection
/// is opened with <c>Mode=ReadOnly</c> (SQLITE_OPEN_READONLY) and then <c>PRAGMA query_only=ON</c>; the busy timeout is
/// <see cref="SampleOptions.LockTimeout"/>, the scan's for the catalog read as for sampling. In WAL mode a reader never blocks writers; in rollback-journal mode a read
/// holds a shared lock for the duration of one short sampling statement.</para>
/// <para>Catalog: a fixed number of queries whatever the number of tables: one on <c>sqlite_schema</c> (filtered by
/// <see cref="CatalogFilter"/> before any relation-specific work, so an excluded broken view is never touched),
/// one for every column through <c>pragma_table_xinfo</c> as a table-valued function, one for every foreign key
/// through <c>pragma_foreign_key_list</c>, and one on <c>sqlite_stat1</c> when <c>ANALYZE</c> wrote it (otherwise
/// the row estimate is null: big tables are never counted). Relation names travel as one JSON-array parameter.
/// When the column query fails (a broken view in scope), relations are read one by one and the broken ones are
/// reported in <see cref="DatabaseCatalog.Issues"/> instead of failing the catalog. A view's column lineage comes from
/// compiling (not running) its SELECT in memory (<see cref="SqliteViewLineage"/>): no statement reaches the file.</para>
/// <para>Sampling: rowid tables larger than the sample get one b-tree seek per random rowid drawn (seeded by
/// <see cref="SampleOptions.Seed"/> and the table name) between <c>min(rowid)</c> and <c>max(rowid)</c>; views,
/// WITHOUT ROWID and virtual tables, and small tables use <c>LIMIT n</c>. Values are rendered by SQLite
/// (<c>CAST(… AS TEXT)</c>) whatever the storage class of each cell (one column may hold integers, text, blobs and
/// NULL); blobs yield their byte length only; reals are formatted without exponent. Every statement is interrupted
/// (<c>sqlite3_interrupt</c>) after <see cref="SampleOptions.StatementTimeout"/>.</para>
/// <para>Connections: the connector keeps the connections it opened (read-only, <c>query_only</c> set) once a catalog
/// read or a table's sample is done with them, and hands them to the next table; they are closed when the connector is
/// disposed. So a source opens at most one connection per table sampled at once instead of one per table, and SQLite
/// reads the database's schema once per connection instead of once per table (the per-table open and schema parse were
/// the largest fixed cost of sampling a small table: bench/README.md).</para>
/// </summary>
public sealed partial class SqliteConnector : IConnector
{
    private readonly ConnectionTarget _target;
    private readonly string _path;
    // Type and CREATE text of each relation as the last catalog read saw them (replaced whole, never changed), so
    // sampling a table needs no statement of its own to tell a rowid table from a view or a WITHOUT ROWID table.
    private volatile IReadOnlyDictionary<string, (string Type, string? Sql)>? _definitions;

    /// <summary>Creates the connector; nothing is opened until the first call.</summary>
    /// <param name="target">A parsed <c>sqlite:</c> connection.</param>
    public SqliteConnector(ConnectionTarget target)
    {
        _target = target;
        _path = new SqliteConnectionStringBuilder(target.ConnectionString).DataSource;
    }

    /// <inheritdoc />
    public string Provider => _target.Provider;

    /// <inheritdoc />
    public string Target => _target.Display;

    /// <inheritdoc />
    public async Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default)
    {
        // The catalog reads SQLite's own small tables: its statements wait only for locks, so their time limit is the
        // scan's lock timeout (Microsoft.Data.Sqlite retries a busy statement until its command timeout, whole seconds).
        var lockTimeout = (timeouts ?? new SampleOptions()).LockTimeout;
        var connection = await OpenAsync(lockTimeout, cancellationToken).ConfigureAwait(false);
        int queries = 0;
        bool reusable = false;
        try
        {
            var version = connection.ServerVersion;

            // 1. relations, filtered before anything relation-specific runs.
            var relations = new List<(string Type, string Name, string? Sql)>();
            bool hasStat1 = false;
            await using (var cmd = Command(connection, SqliteDialect.ListRelations + ";", lockTimeout))
            {
                queries++;
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var all = new List<(string Type, string Name, string? Sql)>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    all.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
                var shadows = SqliteDialect.ShadowTables(all);
                foreach (var rel in all)
                    if (!shadows.Contains(rel.Name) && filter.Matches(SqliteDialect.DefaultSchema, rel.Name)) relations.Add(rel);
            }
            await using (var cmd = Command(connection, "SELECT count(*) FROM main.sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'", lockTimeout))
            {
                queries++;
                hasStat1 = Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
            }

            // 2. columns of every relation in one statement (fallback: one by one, to isolate a broken view).
            var issues = new List<ScanIssue>();
            var columns = new Dictionary<string, List<(ColumnInfo Column, int Pk)>>(StringComparer.Ordinal);
            var names = relations.Select(r => r.Name).ToList();
            try
            {
                queries++;
                await ReadColumnsAsync(connection, SqliteDialect.Columns, "@names", SqliteDialect.JsonArray(names), columns, lockTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException)
            {
                columns.Clear();
                foreach (var name in names)
                {
                    try
                    {
                        queries++;
                        await ReadColumnsAsync(connection, SqliteDialect.ColumnsOfOne, "@name", name, columns, lockTimeout, cancellationToken).ConfigureAwait(false);
                    }
                    catch (SqliteException e)
                    {
                        columns.Remove(name);
                        issues.Add(new ScanIssue("", name, null, "error",
                            $"the definition of {name} cannot be read (SQLite error {e.SqliteErrorCode}: {SafeReason(e)}); it is left out of the inventory"));
                    }
                }
            }

            // 3. foreign keys of every table in one statement.
            var tableNames = relations.Where(r => r.Type == "table" && columns.ContainsKey(r.Name)).Select(r => r.Name).ToList();
            var fkRows = new List<(string Relation, long Id, string Table, string From, string? To, string OnDelete)>();
            await using (var cmd = Command(connection, SqliteDialect.ForeignKeys, lockTimeout))
            {
                queries++;
                cmd.Parameters.AddWithValue("@names", SqliteDialect.JsonArray(tableNames));
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    fkRows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(3), reader.GetString(4),
                        reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? "NO ACTION" : reader.GetString(6)));
            }

            // 4. row estimates, only where ANALYZE left them.
            var estimates = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            if (hasStat1)
            {
                await using var cmd = Command(connection, SqliteDialect.RowEstimates, lockTimeout);
                queries++;
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    if (!reader.IsDBNull(0) && !reader.IsDBNull(1)) estimates[reader.GetString(0)] = reader.GetInt64(1);
            }

            var primaryKeys = columns.ToDictionary(c => c.Key,
                c => (IReadOnlyList<string>)c.Value.Where(x => x.Pk > 0).OrderBy(x => x.Pk).Select(x => x.Column.Name).ToList(), StringComparer.OrdinalIgnoreCase);
            var tables = new List<TableInfo>();
            foreach (var (type, name, sql) in relations)
            {
                if (!columns.TryGetValue(name, out var cols)) continue;
                // A view's output columns and SQLite's resolution of its SELECT match by position, when their counts agree.
                var lineage = type == "view" ? SqliteViewLineage.OutputColumns(connection, name, sql) : [];
                if (lineage.Count != cols.Count) lineage = [];
                // A generated column's expression is in the table's CREATE TABLE text only (table_xinfo says hidden 2 or 3).
                var generated = cols.Any(c => c.Column.Computed) ? GenerationExpression.SqliteExpressions(sql) : null;
                var columnNames = cols.Select(c => c.Column.Name).ToList();
                var fks = fkRows.Where(f => f.Relation == name).GroupBy(f => f.Id).OrderBy(g => g.Key).Select(g =>
                {
                    var from = g.Select(f => f.From).ToList();
                    IReadOnlyList<string> to = g.All(f => f.To is not null) ? g.Select(f => f.To!).ToList()
                        : primaryKeys.TryGetValue(g.First().Table, out var pk) ? pk : [];
                    return new ForeignKeyInfo($"fk{g.Key}", from, "", g.First().Table, to, SqliteDialect.OnDelete(g.First().OnDelete));
                }).ToList();
                tables.Add(new TableInfo
                {
                    Schema = SqliteDialect.DefaultSchema,
                    Name = name,
                    Kind = type == "view" ? TableKind.View : TableKind.Table,
                    RowEstimate = type == "table" && estimates.TryGetValue(name, out var rows) ? rows : null,
                    Columns = cols.Select((c, i) => lineage.Count > 0 ? c.Column with { ReadsFrom = lineage[i] }
                        : generated is not null && c.Column.Computed && generated.TryGetValue(c.Column.Name, out var expression)
                            ? c.Column with { GeneratedFrom = GenerationExpression.ColumnsRead(expression, c.Column.Name, columnNames) }
                            : c.Column).ToList(),
                    PrimaryKey = primaryKeys[name],
                    ForeignKeys = fks,
                });
            }
            tables.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            _definitions = relations.ToDictionary(r => r.Name, r => (r.Type, r.Sql), StringComparer.Ordinal);
            reusable = true;
            return new DatabaseCatalog
            {
                Tables = tables,
                DefaultSchema = SqliteDialect.DefaultSchema,
                QueryCount = queries,
                ServerVersion = $"SQLite {version}",
                Issues = issues,
            };
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            throw new ConnectorException(Provider, Target,
                $"the catalog cannot be read: the database stayed locked longer than the lock timeout of {SampleLimits.Duration(lockTimeout)} " +
                $"(SQLite error {e.SqliteErrorCode}: {SafeReason(e)}); another process holds a write lock on the file. Scan again when " +
                "its write is done, raise lock-timeout: under the source's sample: in inventory.yml (or pass --lock-timeout), or switch the database to WAL mode " +
                "(PRAGMA journal_mode=WAL), where readers never wait for writers",
                e.SqliteErrorCode.ToString(CultureInfo.InvariantCulture), e);
        }
        catch (SqliteException e)
        {
            throw new ConnectorException(Provider, Target,
                WalInReadOnlyFolder(e) ?? $"the catalog cannot be read (SQLite error {e.SqliteErrorCode}: {SafeReason(e)}); is this a SQLite database file?",
                e.SqliteErrorCode.ToString(CultureInfo.InvariantCulture), e);
        }
        finally
        {
            if (reusable) await ReturnAsync(connection).ConfigureAwait(false);
            else await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task ReadColumnsAsync(SqliteConnection connection, string sql, string parameter, string value,
        Dictionary<string, List<(ColumnInfo Column, int Pk)>> into, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, sql, lockTimeout);
        cmd.Parameters.AddWithValue(parameter, value);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var relation = reader.GetString(0);
            long hidden = reader.GetInt64(6);
            if (hidden == 1) continue;   // hidden columns of virtual tables
            var declared = reader.IsDBNull(3) ? "" : reader.GetString(3);
            if (!into.TryGetValue(relation, out var list)) into[relation] = list = [];
            list.Add((new ColumnInfo
            {
                Name = reader.GetString(2),
                Ordinal = list.Count + 1,
                DeclaredType = declared,
                Family = SqliteDialect.Family(declared),
                Nullable = reader.GetInt64(4) == 0,
                Computed = hidden is 2 or 3,
                SamplingHint = declared.Length == 0 ? "untyped" : null,
            }, (int)reader.GetInt64(5)));
        }
    }

    /// <inheritdoc />
    public Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default)
    {
        if (table.Columns.All(c => !c.Readable) && options.Rows > 0)
            return Task.FromResult(new TableSample { Columns = Empty(table, NotSampledReason.NoPrivilege) });
        return TableSampler.SampleAsync(table, options,
            async ct => new Session(this, await OpenAsync(options.LockTimeout, ct).ConfigureAwait(false)), cancellationToken);
    }

    /// <summary>One read-only connection's sampling reads, for <see cref="TableSampler"/>; disposing it hands the
    /// connection back to the connector for the next table.</summary>
    private sealed class Session(SqliteConnector connector, SqliteConnection connection) : ISampleSession
    {
        public Task<SampleRead> ReadAsync(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken cancellationToken) =>
            connector.ReadSampleAsync(connection, table, columns, options, cancellationToken);

        public ValueTask DisposeAsync() => connector.ReturnAsync(connection);
    }

    /// <summary>Reads the sample of the given columns; SQLite's failures concern the whole statement, so they are not
    /// narrowed column by column.</summary>
    private async Task<SampleRead> ReadSampleAsync(SqliteConnection connection, TableInfo table, IReadOnlyList<ColumnInfo> columns,
        SampleOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StatementTimeout);
        var handle = connection.Handle;
        using var interrupt = timeout.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle));
        try
        {
            var (type, sql) = _definitions is { } definitions && definitions.TryGetValue(table.Name, out var definition)
                ? definition
                : await ReadDefinitionAsync(connection, table.Name, options, timeout.Token).ConfigureAwait(false);
            if (type is null)
                return SampleRead.Failed(SampleFailure.OfDroppedTable("the relation no longer exists (no such table)"));

            var rowid = type == "table" && !SqliteDialect.LacksRowid(sql) ? SqliteDialect.RowidAlias(table.Columns) : null;
            long[]? points = null;
            if (rowid is not null && !(table.RowEstimate is { } estimate && estimate <= options.Rows))
            {
                await using var cmd = Command(connection, SqliteDialect.RowidBounds(table, rowid), options.StatementTimeout);
                await using var reader = await cmd.ExecuteReaderAsync(timeout.Token).ConfigureAwait(false);
                await reader.ReadAsync(timeout.Token).ConfigureAwait(false);
                if (reader.IsDBNull(0))
                    return Read(columns.Select(c => new ColumnValues(c, options)).ToArray(), 0, "empty");
                long min = reader.GetInt64(0), max = reader.GetInt64(1);
                // A rowid range wider than the sample does not make a table larger than it: rowids left by deleted rows
                // or set by hand (151 rows numbered 1 to 999) would have the probes find a part of a table the sample
                // can hold whole. Counting at most n + 1 rows tells, for the cost of reading that many.
                if (RandomKeys.HoldsMoreThan(min, max, options.Rows)
                    && await HoldsMoreRowsThanAsync(connection, table, options.Rows, options, timeout.Token).ConfigureAwait(false))
                    points = DrawRowids(min, max, options.Rows, Seed(options.Seed, table.Name));
            }

            // Values go straight into each column's collection as they are read (no row copies, no boxing).
            var collected = columns.Select(c => new ColumnValues(c, options)).ToArray();
            int rowCount = 0;
            string method;
            using (var statement = new SqliteSampleStatement(connection, points is null ? SqliteDialect.SampleFirstRows(table, columns)
                       : SqliteDialect.SampleAtRowids(table, columns, rowid!), CommandTimeout(options.StatementTimeout)))
            {
                statement.Bind("@maxlen", Math.Max(1, options.MaxValueLength));
                if (SqliteDialect.ReadsDocuments(columns)) statement.Bind("@doclen", Math.Max(1, Math.Max(options.MaxValueLength, options.MaxDocumentLength)));
                if (points is null) statement.Bind("@n", options.Rows);
                else statement.Bind("@points", SqliteDialect.JsonArray(points));
                method = points is null
                    ? type == "view" ? "limit (view)" : rowid is null ? "limit (without rowid)" : "full (small table)"
                    : $"random rowids ({points.Length}, seed {options.Seed})";
                var seen = new HashSet<long>();
                int offset = points is null ? 0 : 1;
                // The token is checked before each step, as SqliteDataReader.ReadAsync checked it.
                while (!timeout.Token.IsCancellationRequested ? statement.Read() : throw new OperationCanceledException(timeout.Token))
                {
                    if (points is not null && !seen.Add(statement.Int64(0))) continue;   // two points reached the same row
                    rowCount++;
                    for (int i = 0; i < columns.Count; i++)
                    {
                        // The projection's result type names the cell's storage class (SqliteDialect.Projection):
                        // NULL = null, INTEGER = a blob's length, REAL = a real, TEXT = an integer or a text. One type
                        // call per cell, then its getter (SqliteSampleStatement).
                        switch (statement.Type(offset + i))
                        {
                            case SQLitePCL.raw.SQLITE_TEXT: collected[i].AddText(statement.Text(offset + i)); break;
                            case SQLitePCL.raw.SQLITE_INTEGER: collected[i].AddLength(statement.Int64(offset + i)); break;
                            case SQLitePCL.raw.SQLITE_FLOAT: collected[i].AddText(SqliteDialect.FormatReal(statement.Real(offset + i))); break;
                            default: collected[i].AddNull(); break;
                        }
                    }
                }
            }
            return Read(collected, rowCount, method);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 9 && !cancellationToken.IsCancellationRequested)
        {
            return Failed(NotSampledReason.TimedOut, "timeout",
                $"sampling stopped after the statement timeout of {SampleLimits.Duration(options.StatementTimeout)}; {SampleLimits.TimeoutAdvice(options)}");
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 9)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
        {
            return Failed(NotSampledReason.TimedOut, "timeout",
                $"the database stayed locked longer than the lock timeout of {SampleLimits.Duration(options.LockTimeout)}; {SampleLimits.TimeoutAdvice(options, lockWait: true)}");
        }
        catch (SqliteException e)
        {
            // The definition came from the catalog read: a relation dropped since then fails its statements; say so.
            if (e.SqliteErrorCode == 1 && await Vanished(connection, table, options, cancellationToken).ConfigureAwait(false))
                return SampleRead.Failed(SampleFailure.OfDroppedTable("the relation no longer exists (no such table)"));
            return Failed(NotSampledReason.Error, "error",
                $"sampling failed (SQLite error {e.SqliteErrorCode}: {SafeReason(e)}){DamageAdvice(e.SqliteErrorCode)}");
        }
    }

    /// <summary>What to do about a damaged file (SQLITE_CORRUPT 11, SQLITE_NOTADB 26: sqlite.org/rescode.html), else
    /// nothing: the scan only reads, so repairing is the owner's job, on a copy.</summary>
    private static string DamageAdvice(int code) => code is 11 or 26
        ? "; the file is damaged where this table is stored: check a copy with `sqlite3 COPY 'PRAGMA integrity_check'`, and recover it (`.recover`) or restore it from a backup"
        : "";

    /// <summary>Reads the type and CREATE text of one relation; (null, null) when it does not exist.</summary>
    private static async Task<(string? Type, string? Sql)> ReadDefinitionAsync(SqliteConnection connection, string name,
        SampleOptions options, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, SqliteDialect.RelationDefinition, options.StatementTimeout);
        cmd.Parameters.AddWithValue("@name", name);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return (null, null);
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>True when the relation is gone from the schema (checked after a failed statement); false when it is
    /// still there or the check itself fails.</summary>
    private static async Task<bool> Vanished(SqliteConnection connection, TableInfo table, SampleOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return (await ReadDefinitionAsync(connection, table.Name, options, cancellationToken).ConfigureAwait(false)).Type is null;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static SampleRead Read(ColumnValues[] collected, int rowCount, string method) =>
        // A declared blob column reports lengths only; an untyped column that mixes blobs with text keeps its text values
        // for classification and the blob lengths alongside (ColumnValues.ToSample).
        new(rowCount, collected.ToDictionary(c => c.Column.Name, c => c.ToSample(), StringComparer.Ordinal), method, null);

    private static SampleRead Failed(NotSampledReason reason, string kind, string message) =>
        SampleRead.Failed(new SampleFailure(reason, kind, message, Narrowable: false));

    private static Dictionary<string, ColumnSample> Empty(TableInfo table, NotSampledReason reason) =>
        table.Columns.ToDictionary(c => c.Name, c => new ColumnSample { Column = c.Name, NotSampled = reason }, StringComparer.Ordinal);

    /// <summary>True when the table holds more than <paramref name="rows"/> rows, counted by reading at most
    /// <paramref name="rows"/> + 1 of them (<see cref="SqliteDialect.CountUpTo"/>), never the whole table.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="table">The rowid table.</param>
    /// <param name="rows">The sample size.</param>
    /// <param name="options">The sampling options (statement timeout).</param>
    /// <param name="cancellationToken">Cancels the count (the statement timeout's token).</param>
    private static async Task<bool> HoldsMoreRowsThanAsync(SqliteConnection connection, TableInfo table, int rows, SampleOptions options,
        CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, SqliteDialect.CountUpTo(table), options.StatementTimeout);
        cmd.Parameters.AddWithValue("@n", (long)rows + 1);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > rows;
    }

    /// <summary>Draws <paramref name="count"/> distinct rowids uniformly in [min, max] (requires max − min + 1 &gt; count), sorted.</summary>
    internal static long[] DrawRowids(long min, long max, int count, int seed) => RandomKeys.Draw(min, max, count, seed);

    /// <summary>The table's own seed: <see cref="RandomKeys.SeedFor"/>.</summary>
    internal static int Seed(int seed, string table) => RandomKeys.SeedFor(seed, table);

    private static SqliteCommand Command(SqliteConnection connection, string sql, TimeSpan timeout)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = (int)CommandTimeout(timeout).TotalSeconds;
        return cmd;
    }

    /// <summary>A statement timeout in whole seconds, at least one (Microsoft.Data.Sqlite's command timeout).</summary>
    private static TimeSpan CommandTimeout(TimeSpan timeout) => TimeSpan.FromSeconds(Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)));

    /// <summary>SQLite's own description of an error code (e.g. "database is locked"), which, unlike the driver
    /// message, never quotes data.</summary>
    private static string SafeReason(SqliteException e) => SQLitePCL.raw.sqlite3_errstr(e.SqliteErrorCode).utf8_to_string();
}
