using System.Net.Sockets;
using Inventory.Catalog;
using Inventory.Connectors.Postgres;
using Inventory.Connectors.Sampling;
using Npgsql;

namespace Inventory.Connectors;

/// <summary>
/// PostgreSQL connector (Npgsql). The catalog comes from <c>pg_catalog</c> in three queries whatever the number of
/// tables (relations, columns, keys) inside one read-only snapshot; filters are applied to the relation list in memory
/// before the column and key queries, which receive the kept oids as a parameter. Samples are read in a read-only
/// transaction with <c>statement_timeout</c> and <c>lock_timeout</c>, each call on its own pooled connection, so
/// <see cref="SampleAsync"/> may run concurrently for different tables. Connections carry
/// <c>application_name=inventory</c> unless the connection string sets one.
/// </summary>
public sealed partial class PostgresConnector : IConnector
{
    private readonly ConnectionTarget _target;
    private readonly PostgresDialect _dialect = new();
    private readonly Lazy<NpgsqlDataSource> _dataSource;

    /// <summary>Creates the connector; nothing connects until <see cref="ReadCatalogAsync"/>.</summary>
    /// <param name="target">A parsed <c>postgres</c> connection.</param>
    public PostgresConnector(ConnectionTarget target)
    {
        _target = target;
        _dataSource = new Lazy<NpgsqlDataSource>(() =>
        {
            var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
            if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "inventory";
            return CreateDataSource(builder.ConnectionString);
        });
    }

    /// <summary>The connector's data source. Every value is read as text, int4, int8 or bool, and key columns as text[]
    /// (the server casts the rest: <see cref="PostgresDialect.ColumnExpression"/>, the catalog queries), so Npgsql need
    /// not load the server's type catalog on the first connection: one heavy query less, and no user type can trip the
    /// driver. Npgsql's full builder is kept: its slim builder (only base types, arrays, TLS and GSS enabled) was
    /// measured and saved nothing per source (bench/README.md, 2026-12-03, sixth session).</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <returns>The data source (owned by the caller).</returns>
    /// <exception cref="ArgumentException">The connection string is invalid.</exception>
    internal static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString);
        dataSource.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        return dataSource.Build();
    }

    /// <inheritdoc />
    public string Provider => "postgres";

    /// <inheritdoc />
    public string Target => _target.Display;

    private static async Task ExecuteAsync(NpgsqlConnection connection, IEnumerable<string> statements, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default) =>
        TableSampler.SampleAsync(table, options, OpenSessionAsync, cancellationToken);

    private async Task<ISampleSession> OpenSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return new Session(this, await _dataSource.Value.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw ConnectError(e);
        }
    }

    /// <summary>One pooled connection's sampling reads, for <see cref="TableSampler"/>.</summary>
    private sealed class Session(PostgresConnector connector, NpgsqlConnection connection) : ISampleSession
    {
        public Task<SampleRead> ReadAsync(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken cancellationToken) =>
            connector.SampleColumnsAsync(connection, table, columns, options, cancellationToken);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>Samples the given columns in one read-only transaction; a failure is returned, except a lost
    /// connection, which is thrown as <see cref="ConnectorException"/>.</summary>
    private async Task<SampleRead> SampleColumnsAsync(NpgsqlConnection connection, TableInfo table, IReadOnlyList<ColumnInfo> columns,
        SampleOptions options, CancellationToken ct)
    {
        string? method = null;
        try
        {
            long? estimate = table.RowEstimate;
            // Each statement travels in one batch with its own read-only transaction and timeouts:
            // BEGIN READ ONLY; SET LOCAL statement_timeout; SET LOCAL lock_timeout; <statement>; COMMIT (one round trip).
            var begin = _dialect.BeginReadOnly(options);
            if (estimate is null && table.Kind is TableKind.Table or TableKind.MaterializedView or TableKind.PartitionedTable)
            {
                // Never analysed: guess the row count from the relation's size so a big table is still sampled across.
                await using var batch = Batch(connection, options, begin);
                var size = new NpgsqlBatchCommand(_dialect.RelationSizeSql);
                size.Parameters.AddWithValue("relation", Identifiers.QuoteDouble(table.Schema, table.Name));
                batch.BatchCommands.Add(size);
                batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
                long bytes = 0;
                await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
                {
                    while (reader.FieldCount == 0)
                        if (!await reader.NextResultAsync(ct).ConfigureAwait(false)) break;
                    if (await reader.ReadAsync(ct).ConfigureAwait(false) && !reader.IsDBNull(0)) bytes = reader.GetInt64(0);
                }
                estimate = (long)(bytes / PostgresDialect.AssumedRowBytes(table.Columns.Count));
                if (estimate == 0) estimate = null;
            }
            var plan = _dialect.PlanSample(table, columns, estimate, options);
            if (estimate is not null && table.RowEstimate is null && plan.Method != SampleMethod.Limit)
                plan = plan with { Description = plan.Description + " (size-based estimate)" };
            method = plan.Description;
            var read = await ReadAsync(connection, begin, plan.Sql, columns, options, ct).ConfigureAwait(false);
            if (plan.Method != SampleMethod.Limit && plan.Percent < 100 && read.Rows < options.Rows)
            {
                // Stale statistics: far fewer rows than the estimate promised. Retry once with a bigger percentage.
                var factor = Math.Max(4.0, 2.0 * options.Rows / Math.Max(1, read.Rows));
                var retry = _dialect.TableSamplePlan(table, columns, plan.Method, Math.Min(100, plan.Percent!.Value * factor), options);
                method = retry.Description + " (retry: statistics stale)";
                read = await ReadAsync(connection, begin, retry.Sql, columns, options, ct).ConfigureAwait(false);
            }
            return new SampleRead(read.Rows, read.Columns, method, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (NpgsqlException e)
        {
            var reason = PostgresErrors.Classify(e);
            if (reason is null || connection.FullState.HasFlag(System.Data.ConnectionState.Broken))
                throw new ConnectorException(Provider, Target,
                    $"the connection was lost while sampling {table.Schema}.{table.Name}: {PostgresErrors.Describe(e)}; the scan is incomplete, run it again",
                    (e as PostgresException)?.SqlState, e);
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            // A relation dropped or renamed since the catalog read (42P01) fails every column alike: reading them one by
            // one would only repeat the failure as one issue per column (trial finding 10), so it is the table's issue.
            if (e is PostgresException { SqlState: "42P01" })
                return SampleRead.Failed(SampleFailure.OfDroppedTable(PostgresErrors.Describe(e)), method);
            return SampleRead.Failed(SampleFailure.OfRefusedStatement(reason.Value, PostgresErrors.IsConversion(e), PostgresErrors.Describe(e), options,
                narrowable: true, lockWait: e is PostgresException { SqlState: "55P03" }), method);
        }
    }

    private static NpgsqlBatch Batch(NpgsqlConnection connection, SampleOptions options, IEnumerable<string> statements)
    {
        var batch = new NpgsqlBatch(connection) { Timeout = ClientTimeout(options) };
        foreach (var sql in statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        return batch;
    }

    // The server's statement_timeout fires first; the client timeout is a backstop for a silent network.
    private static int ClientTimeout(SampleOptions options) => (int)Math.Min(int.MaxValue / 1000, options.StatementTimeout.TotalSeconds + 15);

    private static async Task<(int Rows, Dictionary<string, ColumnSample> Columns)> ReadAsync(NpgsqlConnection connection,
        IReadOnlyList<string> begin, string sql, IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken ct)
    {
        await using var batch = Batch(connection, options, begin);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        // Statements before the SELECT return no rows; move to the SELECT's result.
        while (reader.FieldCount != columns.Count)
            if (!await reader.NextResultAsync(ct).ConfigureAwait(false))
                throw new InvalidOperationException("the sampling batch returned no result set");
        var collected = columns.Select(c => new ColumnValues(c, options)).ToArray();
        int rows = 0;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows++;
            for (int i = 0; i < columns.Count; i++)
            {
                if (reader.IsDBNull(i)) collected[i].AddNull();
                else if (columns[i].Family == TypeFamily.Binary) collected[i].AddLength(reader.GetInt64(i));
                else
                {
                    // Arrays: the elements, one by one (C29); vector types that print without braces stay one value.
                    var text = reader.GetString(i);
                    if (columns[i].ElementFamily is not null && Postgres.PostgresArrayText.IsArrayText(text))
                        collected[i].AddElements(Postgres.PostgresArrayText.Elements(text));
                    else collected[i].AddText(text);
                }
            }
        }
        var result = collected.ToDictionary(c => c.Column.Name, c => c.ToSample(), StringComparer.Ordinal);
        return (rows, result);
    }

    private static async Task RollbackQuietlyAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open) return;
        try
        {
            await using var cmd = new NpgsqlCommand("ROLLBACK", connection);
            await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The pool discards a connection it cannot reset; nothing to add here.
        }
    }

    private ConnectorException ConnectError(Exception e)
    {
        var state = (e as PostgresException)?.SqlState;
        var user = SafeUser();
        var message = state switch
        {
            "28P01" => $"password authentication failed for user '{user}': {_target.CheckCredentialsAdvice}",
            "28000" => $"the server refused user '{user}' from this host (pg_hba.conf or role without LOGIN): ask the DBA for access",
            "3D000" => "the database does not exist: check the database name in the connection",
            // At connect time 42501 means the role lacks CONNECT on the database (REVOKE CONNECT … FROM PUBLIC is common on
            // shared servers; trial 19: it read "permission denied (SQLSTATE 42501); check the connection settings").
            "42501" => ConnectRefusedMessage(user),
            "53300" => "the server has too many connections: retry later or lower parallelism",
            "57P03" => "the server is starting up or shutting down: retry in a moment",
            // Unknown host, refused port and silence are told apart, the last with the connect timeout it waited (trial35
            // finding 12).
            _ when ServerUnreachable.Describe(e, "PostgreSQL", _target) is { } unreachable => unreachable,
            _ when e is ArgumentException => "the connection string is invalid: check its keys and values",
            _ when HasInner<FileNotFoundException>(e) || HasInner<DirectoryNotFoundException>(e) =>
                "a file the connection string names (Passfile, Root Certificate, SSL Certificate or SSL Key) does not exist: check its path",
            // Npgsql's own failures while connecting (no SQLSTATE, no inner cause), told apart by what we know of the
            // connection rather than by the driver's text (trial 18: all three read "driver error (NpgsqlException)").
            _ when HasInner<System.Security.Authentication.AuthenticationException>(e) =>
                "TLS could not be set up (the server's certificate was refused, e.g. under sslmode=verify-ca or verify-full without its CA): check sslmode, or trust the server's certificate (Root Certificate)",
            _ when e is NpgsqlException { InnerException: null } and not PostgresException && !GivesPassword() =>
                "the server asks for a password and the connection gives none (nor does a passfile): add it to the connection (percent-encoded in a URI), or to the environment variable it comes from",
            _ when e is NpgsqlException { InnerException: null } and not PostgresException =>
                "the server did not answer as a PostgreSQL server does while connecting: check host and port (another service, or a proxy, may listen there)",
            // Describe ends with the SQLSTATE, which ConnectorException adds once already.
            _ => $"cannot connect: {PostgresErrors.DescribeWithoutState(e)}; check the connection settings",
        };
        return new ConnectorException(Provider, Target, message, state, e);
    }

    /// <summary>What to run when the role may not connect to the database (SQLSTATE 42501 while connecting).</summary>
    private string ConnectRefusedMessage(string user)
    {
        string? database;
        try { database = new NpgsqlConnectionStringBuilder(_target.ConnectionString).Database; }
        catch (ArgumentException) { database = null; }
        if (string.IsNullOrEmpty(database) || user is "(default)" or "(unknown)")
            return "the role may not connect to this database (it lacks the CONNECT privilege): an administrator grants CONNECT on the database to the scanning role, or check the database name";
        return $"user '{user}' may not connect to database '{database}' (it lacks the CONNECT privilege): an administrator runs GRANT CONNECT ON DATABASE {Identifiers.QuoteDouble(database)} TO {Identifiers.QuoteDouble(user)}, or check the database name";
    }

    private string SafeUser()
    {
        try { return new NpgsqlConnectionStringBuilder(_target.ConnectionString).Username ?? "(default)"; }
        catch (ArgumentException) { return "(unknown)"; }
    }

    private bool GivesPassword()
    {
        try { return !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(_target.ConnectionString).Password); }
        catch (ArgumentException) { return true; }
    }

    private static bool HasInner<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T) return true;
        return false;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_dataSource.IsValueCreated) await _dataSource.Value.DisposeAsync().ConfigureAwait(false);
    }

}

/// <summary>Turns Npgsql errors into safe text and scan outcomes. Server messages can quote values (<c>invalid input
/// syntax for type integer: "…"</c>) and <c>Detail</c> can hold whole rows, so neither is ever copied: only the
/// SQLSTATE and a fixed description of its class.</summary>
internal static class PostgresErrors
{
    /// <summary>The outcome of a failed sample: TimedOut (57014 statement timeout, 55P03 lock timeout, client timeout),
    /// NoPrivilege (42501), Error (anything else the server reported), or null when the connection itself is lost
    /// (class 08, 57P01–57P03, I/O errors).</summary>
    public static NotSampledReason? Classify(NpgsqlException e)
    {
        if (e is PostgresException pg)
        {
            return pg.SqlState switch
            {
                "57014" or "55P03" => NotSampledReason.TimedOut,
                "42501" => NotSampledReason.NoPrivilege,
                "57P01" or "57P02" or "57P03" => null,
                _ when pg.SqlState.StartsWith("08", StringComparison.Ordinal) => null,
                _ => NotSampledReason.Error,
            };
        }
        return e.InnerException is TimeoutException ? NotSampledReason.TimedOut : null;
    }

    /// <summary>True for SQLSTATE class 22 (data exception: a value could not be converted or computed).</summary>
    public static bool IsConversion(NpgsqlException e) => e is PostgresException pg && pg.SqlState.StartsWith("22", StringComparison.Ordinal);

    /// <summary>The safe description without its SQLSTATE, for a <see cref="ConnectorException"/> given the state, which
    /// appends it once (trial34: the catalog-timeout message ended with the SQLSTATE twice).</summary>
    public static string DescribeWithoutState(Exception e) =>
        e is PostgresException pg ? Describe(e).Replace($" (SQLSTATE {pg.SqlState})", "", StringComparison.Ordinal) : Describe(e);

    /// <summary>A safe description: a fixed text per SQLSTATE or class, and the SQLSTATE; never the server's message text or detail.</summary>
    public static string Describe(Exception e)
    {
        if (e is PostgresException pg)
        {
            var what = pg.SqlState switch
            {
                "57014" => "statement timeout or cancel",
                "55P03" => "lock timeout (another session holds a conflicting lock)",
                "42501" => "permission denied",
                "42P01" => "relation not found (dropped or renamed since the catalog was read)",
                "42703" => "column not found (changed since the catalog was read)",
                "57P01" => "the server terminated the session (administrator command)",
                "57P02" => "the server crashed",
                "57P03" => "the server is not accepting connections",
                "25006" => "a write was refused in a read-only transaction",
                "55000" => "object not in a readable state (e.g. a materialized view never refreshed)",
                "28P01" => "password authentication failed",
                "3D000" => "database does not exist",
                _ => pg.SqlState[..2] switch
                {
                    "22" => "data exception (a value could not be converted or computed)",
                    "08" => "connection failure",
                    "0A" => "feature not supported",
                    "53" => "insufficient resources on the server",
                    "54" => "program limit exceeded",
                    "42" => "syntax error or access rule violation",
                    "XX" => "internal server error",
                    "HV" => "foreign data wrapper error",
                    _ => "server error",
                },
            };
            return $"{what} (SQLSTATE {pg.SqlState})";
        }
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is TimeoutException) return "client timeout";
            if (inner is SocketException s) return $"network error ({s.SocketErrorCode})";
            if (inner is IOException) return "network I/O error";
        }
        return "driver error (" + e.GetType().Name + ")";
    }
}
