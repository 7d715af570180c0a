using System.Data;
using System.Globalization;
using Inventory.Catalog;
using Inventory.Connectors.Sampling;
using MySqlConnector;

namespace Inventory.Connectors.MySql;

/// <summary>
/// MySQL and MariaDB connector (MySqlConnector). A database is a schema: a connection naming a database scans that
/// database (its tables shown unqualified); one without scans every database the user can see except the system ones.
/// <para>Catalog: five <c>information_schema</c> queries whatever the number of tables, in two stages on one connection
/// and one read-only transaction (<see cref="ReadCatalogInStagesAsync"/>): tables and views; columns with COLUMN_TYPE,
/// comments and the user's column privileges; primary keys — enough to sample —, then foreign keys with delete rules and
/// partitions; filtered in memory on <c>database.table</c>.</para>
/// <para>Sampling: see <see cref="MySqlDialect"/>: random probes of an integer primary key by index seeks, a bounded
/// seeded random filter or <c>LIMIT n</c> otherwise; every value rendered as text by the server. Every statement runs
/// inside <c>START TRANSACTION READ ONLY</c> with the statement timeout and lock waits of <see cref="SampleOptions"/>;
/// each table on its own pooled connection.</para>
/// </summary>
public sealed partial class MySqlDatabaseConnector : IConnector
{
    private readonly ConnectionTarget _target;
    private readonly MySqlDialect _dialect = MySqlDialect.Instance;
    private readonly string _connectionString;
    private int _opened; // 1 once a connection was opened: the pool then has to be cleared on disposal
    private readonly string? _database;

    /// <summary>Creates the connector; nothing connects until <see cref="ReadCatalogAsync"/>.</summary>
    /// <param name="target">A parsed <c>mysql</c> connection.</param>
    public MySqlDatabaseConnector(ConnectionTarget target)
    {
        _target = target;
        try
        {
            var b = new MySqlConnectionStringBuilder(target.ConnectionString);
            if (string.IsNullOrEmpty(b.ApplicationName)) b.ApplicationName = "inventory";
            _database = string.IsNullOrEmpty(b.Database) ? null : b.Database;
            _connectionString = b.ConnectionString;
        }
        catch (ArgumentException)
        {
            _connectionString = target.ConnectionString;
        }
    }

    /// <inheritdoc />
    public string Provider => MySqlProvider.Info.Name;

    /// <inheritdoc />
    public string Target => _target.Display;

    /// <inheritdoc />
    public Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default) =>
        TableSampler.SampleAsync(table, options, async ct =>
        {
            var (connection, flavor) = await OpenAsync(ct).ConfigureAwait(false);
            return new Session(this, connection, flavor);
        }, cancellationToken);

    /// <summary>One pooled connection's sampling reads, for <see cref="TableSampler"/>.</summary>
    private sealed class Session(MySqlDatabaseConnector connector, MySqlConnection connection, MySqlFlavor flavor) : ISampleSession
    {
        public Task<SampleRead> ReadAsync(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken cancellationToken) =>
            connector.SampleColumnsAsync(connection, flavor, table, columns, options, cancellationToken);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    private async Task<SampleRead> SampleColumnsAsync(MySqlConnection connection, MySqlFlavor flavor, TableInfo table,
        IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken ct)
    {
        string? method = null;
        int n = Math.Max(1, options.Rows);
        var begin = _dialect.BeginReadOnly(options, flavor);
        try
        {
            var key = MySqlDialect.ProbeKey(table);
            if (key is not null)
            {
                var bounds = await ReadRowsAsync(connection, begin, _dialect.KeyBoundsSql(table, key), [], options, ct, keyFirst: false, textColumns: 2).ConfigureAwait(false);
                var (lo, hi) = (bounds.Texts.FirstOrDefault()?[0], bounds.Texts.FirstOrDefault()?[1]);
                if (lo is null || hi is null)
                    return Read(columns, [], "empty", options);
                if (long.TryParse(lo, NumberStyles.Integer, CultureInfo.InvariantCulture, out var min)
                    && long.TryParse(hi, NumberStyles.Integer, CultureInfo.InvariantCulture, out var maxKey)
                    && RandomKeys.HoldsMoreThan(min, maxKey, n))
                {
                    int count = (int)Math.Min((ulong)Math.Ceiling(n * MySqlDialect.ProbeOversampling), RandomKeys.Span(min, maxKey));
                    var points = RandomKeys.Draw(min, maxKey, count, RandomKeys.SeedFor(options.Seed, table.Name));
                    method = $"random key probes ({points.Length}, seed {options.Seed.ToString(CultureInfo.InvariantCulture)})";
                    var probed = await ReadRowsAsync(connection, begin, _dialect.KeyProbesSql(table, key, columns, points, options), columns, options, ct, keyFirst: true).ConfigureAwait(false);
                    // Shuffle deterministically before cutting to n, so a surplus never drops the top of the key range.
                    var rows = probed.Rows;
                    if (rows.Count > n)
                    {
                        var random = new Random(RandomKeys.SeedFor(options.Seed, table.Name));
                        rows = rows.OrderBy(_ => random.Next()).Take(n).ToList();
                    }
                    if (rows.Count >= n / 2 || table.RowEstimate is not (> 0 and <= MySqlDialect.RandomFilterMaxRows))
                        return Read(columns, rows, method, options);
                    // A sparse key range (few rows spread over a wide range): probes keep hitting the rows after the
                    // widest gaps; a bounded random filter gives a fairer sample.
                }
                else
                {
                    method = "full (small table)";
                    var all = await ReadRowsAsync(connection, begin, _dialect.LimitSql(table, columns, n, options), columns, options, ct).ConfigureAwait(false);
                    return Read(columns, all.Rows, method, options);
                }
            }

            string sql;
            if (table.Kind == TableKind.View)
                (sql, method) = (_dialect.LimitSql(table, columns, n, options), $"limit {n} (view)");
            else if (table.RowEstimate is null or <= 0 || table.RowEstimate <= n)
                (sql, method) = (_dialect.LimitSql(table, columns, n, options), table.RowEstimate is null ? $"limit {n} (no statistics)" : "full (small table)");
            else if (table.RowEstimate <= MySqlDialect.RandomFilterMaxRows)
            {
                var fraction = Math.Min(1.0, 1.1 * n / table.RowEstimate.Value);
                var seed = RandomKeys.SeedFor(options.Seed, table.Name);
                sql = _dialect.RandomFilterSql(table, columns, n, fraction, seed, options);
                method = $"random filter rand({seed.ToString(CultureInfo.InvariantCulture)}) < {fraction.ToString("0.######", CultureInfo.InvariantCulture)}";
            }
            else
                (sql, method) = (_dialect.LimitSql(table, columns, n, options), $"limit {n} (no integer key: first rows)");
            var read = await ReadRowsAsync(connection, begin, sql, columns, options, ct).ConfigureAwait(false);
            return Read(columns, read.Rows, method, options);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException && MySqlErrors.IsConnectionLoss(e, connection))
        {
            // The connection is gone (killed, server shut down, network): the whole table fails with one issue that says
            // why, never one per column (narrowing would only meet the same dead connection again); the runner goes on
            // with the next table on a new connection.
            throw new ConnectorException(Provider, Target,
                $"the connection was lost while sampling {table.Schema}.{table.Name}: {MySqlErrors.Describe(e)}; the scan is incomplete, run it again",
                e is MySqlException m ? MySqlErrors.State(m) : null, e);
        }
        catch (MySqlException e)
        {
            var reason = MySqlErrors.Classify(e);
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            // A table dropped or renamed since the catalog read (1146) fails every column alike: one issue for the table,
            // not one per column after reading them one by one (trial finding 10).
            if (e.Number == 1146)
                return SampleRead.Failed(SampleFailure.OfDroppedTable(MySqlErrors.Describe(e)), method);
            return SampleRead.Failed(SampleFailure.OfRefusedStatement(reason!.Value, MySqlErrors.IsConversion(e), MySqlErrors.Describe(e), options,
                narrowable: true, lockWait: e.Number == 1205), method);
        }
    }

    /// <summary>One sampled row: the value cells (null, text, or a byte length).</summary>
    private sealed record Row(object?[] Cells);

    private static SampleRead Read(IReadOnlyList<ColumnInfo> columns, IReadOnlyList<Row> rows, string method, SampleOptions options)
    {
        var collected = columns.Select(c => new ColumnValues(c, options)).ToArray();
        foreach (var row in rows)
            for (int i = 0; i < columns.Count; i++)
                collected[i].Add(row.Cells[i]);
        return new SampleRead(rows.Count, collected.ToDictionary(c => c.Column.Name, c => c.ToSample(), StringComparer.Ordinal), method, null);
    }

    /// <summary>Runs <c>begin…; sql; COMMIT</c> in one round trip and reads the SELECT's rows. With
    /// <paramref name="keyFirst"/>, the first result column is the row's key (as text) and rows reached twice are dropped.
    /// With <paramref name="textColumns"/> &gt; 0, rows are returned as raw texts instead (bounds).</summary>
    private static async Task<(List<Row> Rows, List<string?[]> Texts)> ReadRowsAsync(MySqlConnection connection, IReadOnlyList<string> begin,
        string sql, IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken ct, bool keyFirst = false, int textColumns = 0)
    {
        await using var cmd = Command(connection, string.Join(";\n", begin.Append(sql).Append("COMMIT")), options);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (reader.FieldCount == 0)
            if (!await reader.NextResultAsync(ct).ConfigureAwait(false))
                throw new InvalidOperationException("the sampling batch returned no result set");
        var rows = new List<Row>();
        var texts = new List<string?[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int offset = keyFirst ? 1 : 0;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (textColumns > 0)
            {
                var t = new string?[textColumns];
                for (int i = 0; i < textColumns; i++) t[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
                texts.Add(t);
                continue;
            }
            if (keyFirst && !seen.Add(reader.GetString(0))) continue;
            var cells = new object?[columns.Count];
            for (int i = 0; i < columns.Count; i++)
            {
                int o = offset + i;
                if (reader.IsDBNull(o)) continue;
                cells[i] = columns[i].SamplingHint == "binary"
                    ? Convert.ToInt64(reader.GetValue(o), CultureInfo.InvariantCulture)
                    : reader.GetString(o);
            }
            rows.Add(new Row(cells));
        }
        while (await reader.NextResultAsync(ct).ConfigureAwait(false)) { }
        return (rows, texts);
    }

    private async Task<(MySqlConnection Connection, MySqlFlavor Flavor)> OpenAsync(CancellationToken cancellationToken)
    {
        MySqlConnection connection;
        try
        {
            connection = new MySqlConnection(_connectionString);
        }
        catch (ArgumentException e)
        {
            throw new ConnectorException(Provider, Target, "the connection string is invalid: check its keys and values", null, e);
        }
        try
        {
            Volatile.Write(ref _opened, 1);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return (connection, MySqlDialect.FlavorOf(connection.ServerVersion));
        }
        catch (Exception e) when (e is MySqlException or InvalidOperationException or ArgumentException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw ConnectError(e);
        }
    }

    private ConnectorException ConnectError(Exception e)
    {
        var number = (e as MySqlException)?.Number ?? 0;
        var user = SafeUser();
        var message = number switch
        {
            1045 => $"access denied for user '{user}' (wrong password, or the user may not connect from this host): {_target.CheckCredentialsAdvice}",
            // ER_ACCESS_DENIED_NO_PASSWORD_ERROR: the account authenticates by the client's operating-system user
            // (MariaDB unix_socket, MySQL auth_socket: Debian's root), so no password over TCP can open it.
            1698 => $"access denied for user '{user}': the account does not log in with a password (it authenticates by the operating-system user, e.g. unix_socket), so no password can open it over TCP; scan as a user created with a password that may only read: CREATE USER 'scanner'@'%' IDENTIFIED BY '…'; {(_database is null ? "GRANT SELECT, SHOW VIEW ON `shop`.* TO 'scanner'@'%'" : MySqlDialect.GrantDatabaseSql(_database, "scanner"))}",
            1044 when _database is not null => $"user '{user}' has no privilege on database {_database}: an administrator runs {MySqlDialect.GrantDatabaseSql(_database, user)} (with the account's host in place of %), or check the database name",
            1044 => $"user '{user}' may not open this database: ask the DBA for a grant, or check the database name",
            1049 => "the database does not exist: check the database name in the connection",
            1040 or 1203 => "the server has too many connections: retry later or lower parallelism",
            _ when IsTlsFailure(e) => "TLS could not be set up (the server offers no TLS, or its certificate was refused): check ssl-mode (preferred or none for a server without TLS) or trust the server's certificate",
            // No greeting within the connect timeout: the port may belong to another service that waits for its client to
            // speak first (a PostgreSQL server), or a firewall drops the packets; "unreachable" would send the user to DNS.
            // Unknown host, refused port and silence are told apart, the last with the connect timeout it waited (trial35
            // finding 12).
            1042 when IsConnectTimeout(e) => ServerUnreachable.Describe(e, Engine, _target, timedOut: true)!,
            1042 or 2002 or 2003 or 2005 => ServerUnreachable.Describe(e, Engine, _target) ?? ProbeServer() ?? Unreachable,
            _ when e is MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost } => ServerUnreachable.Describe(e, Engine, _target) ?? ProbeServer() ?? Unreachable,
            _ when e is ArgumentException or InvalidOperationException => "the connection string is invalid or incomplete: check its keys and values",
            _ => $"cannot connect: {MySqlErrors.Describe(e)}; check the connection settings",
        };
        return new ConnectorException(Provider, Target, message, (e as MySqlException) is { } m ? MySqlErrors.State(m) : null, e);
    }

    private const string Engine = "MySQL/MariaDB";

    /// <summary>Unknown host or refused port, found by <see cref="ServerUnreachable.Probe"/> (MySqlConnector says only
    /// "unable to connect"); null when neither, or for a socket path.</summary>
    private string? ProbeServer()
    {
        try
        {
            var builder = new MySqlConnectionStringBuilder(_target.ConnectionString);
            var host = builder.Server.Split(',')[0].Trim();
            return host.Length == 0 || host.StartsWith('/') || builder.ConnectionProtocol != MySqlConnectionProtocol.Sockets
                ? null : ServerUnreachable.Probe(host, (int)builder.Port, Engine);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
    private const string Unreachable = "cannot reach the server (unknown host, refused or unreachable): check host and port, and that MySQL/MariaDB is running";

    // MySqlConnector reports a connect timeout as error 1042 (UnableToConnectToHost) around a CommandTimeoutExpired.
    private static bool IsConnectTimeout(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            if (inner is MySqlException { ErrorCode: MySqlErrorCode.CommandTimeoutExpired } or TimeoutException) return true;
        return false;
    }

    // MySqlConnector reports a server without TLS under ssl-mode=required as error 1042 ("Server does not support
    // SSL"), and a refused certificate through an AuthenticationException; both are TLS failures, not an unreachable host.
    private static bool IsTlsFailure(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is System.Security.Authentication.AuthenticationException
                || (x is MySqlException && x.Message.Contains("SSL", StringComparison.Ordinal)))
                return true;
        return false;
    }

    private string SafeUser()
    {
        try { return new MySqlConnectionStringBuilder(_target.ConnectionString).UserID is { Length: > 0 } u ? u : "(default)"; }
        catch (ArgumentException) { return "(unknown)"; }
    }

    private MySqlCommand CatalogCommand(MySqlConnection connection, string sql, SampleOptions limits)
    {
        var cmd = Command(connection, sql, limits);
        if (_database is not null) cmd.Parameters.AddWithValue("@schema", _database);
        return cmd;
    }

    private static MySqlCommand Command(MySqlConnection connection, string sql, SampleOptions options) => new(sql, connection)
    {
        // The server's statement timeout fires first; the client timeout is a backstop for a silent network.
        CommandTimeout = (int)Math.Min(int.MaxValue / 1000, options.StatementTimeout.TotalSeconds + 15),
    };

    private static async Task ExecuteAsync(MySqlConnection connection, IEnumerable<string> statements, SampleOptions options, CancellationToken ct)
    {
        await using var cmd = Command(connection, string.Join(";\n", statements), options);
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static async Task RollbackQuietlyAsync(MySqlConnection connection)
    {
        if (connection.State != ConnectionState.Open) return;
        try
        {
            await using var cmd = new MySqlCommand("ROLLBACK", connection);
            await cmd.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (MySqlException)
        {
            // The pool resets or discards the connection; nothing to add.
        }
    }

    private static string? NullIfEmpty(MySqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) || reader.GetString(ordinal).Length == 0 ? null : reader.GetString(ordinal);

    /// <summary>Closes the connections this connector left idle in the driver's pool (and those still in use as they
    /// are returned), so none stays open on the server after the source is scanned: the scan's connection bound counts
    /// them (<c>connections-per-server</c>).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _opened) == 0) return;
        await using var connection = new MySqlConnection(_connectionString);
        await MySqlConnection.ClearPoolAsync(connection).ConfigureAwait(false);
    }
}
