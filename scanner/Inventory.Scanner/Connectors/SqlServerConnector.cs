using System.Data;
using System.Globalization;
using System.Text;
using System.Xml;
using Inventory.Catalog;
using Inventory.Connectors.Sampling;
using Inventory.Connectors.SqlServer;
using Microsoft.Data.SqlClient;

namespace Inventory.Connectors;

/// <summary>
/// Reads a SQL Server (2019+ or Azure SQL) database through Microsoft.Data.SqlClient; sends only SELECT statements.
/// <para>Catalog: at most six queries whatever the number of tables (server facts; tables and views; columns; primary
/// keys; foreign keys; sensitivity classifications when <c>sys.sensitivity_classifications</c> exists). The
/// <see cref="CatalogFilter"/> is applied to the object list, and the chosen object ids travel as one <c>xml</c>
/// parameter to the later queries. Types come from <c>sys.types</c> (alias types resolved to their base type,
/// <c>is_assembly_type</c> for CLR types), comments from <c>MS_Description</c>, labels from
/// <c>sys.sensitivity_classifications</c> (or the pre-2019 <c>sys_sensitivity_label_name</c> extended properties),
/// row counts from <c>sys.partitions</c>, privileges from <c>HAS_PERMS_BY_NAME</c> per column.</para>
/// <para>Sampling: see <see cref="SqlServerDialect.BuildSample"/> (TABLESAMPLE for big tables, never on views) and
/// <see cref="SqlServerDialect.Project"/> (every column converted to <c>nvarchar(max)</c> on the server; binaries as
/// lengths; CLR types projected or skipped), run through the shared <see cref="TableSampler"/> like every connector (no
/// privilege and leave-out columns first, one statement for the rest, column by column when it fails with an ordinary
/// error) with the attempts of <see cref="SqlServerSampleAttempts"/>. Each table opens its own connection with <c>ApplicationIntent=ReadOnly</c>
/// (routes to a readable secondary in an availability group), CommandTimeout = <see cref="SampleOptions.StatementTimeout"/>,
/// <c>SET LOCK_TIMEOUT</c> = <see cref="SampleOptions.LockTimeout"/>.</para>
/// <para><b>Isolation: READ UNCOMMITTED</b>, chosen over SNAPSHOT. Both never block writers, but SNAPSHOT needs
/// <c>ALLOW_SNAPSHOT_ISOLATION ON</c>, which most production databases do not have (the statement then fails with error
/// 3952), and it keeps row versions in tempdb for as long as the read lasts. READ UNCOMMITTED works on every database
/// and takes no shared locks on rows, pages or tables, so writers are never blocked or waited for. Its costs are
/// dirty, missed or doubled rows; the sample is statistical evidence about what kind of data a column holds, and a
/// row a writer is changing is just as good evidence, so consistency buys nothing here. The scan still takes a
/// schema-stability lock, which only DDL waits for; <c>LOCK_TIMEOUT</c> bounds the scan's own wait and
/// <c>DEADLOCK_PRIORITY LOW</c> makes it the victim of any deadlock. A rare error 601 (data moved under a dirty read)
/// becomes a scan issue for that table.</para>
/// <para>Error messages never quote the server's text (conversion errors embed values): issues name the error number
/// and a fixed description.</para>
/// </summary>
public sealed class SqlServerConnector : IConnector
{
    private readonly ConnectionTarget _target;
    private string? _opened; // the connection string of the pool this connector opened connections in
    private readonly SqlServerDialect _dialect = SqlServerDialect.Instance;

    /// <summary>Creates the connector; nothing is opened until the first call.</summary>
    /// <param name="target">A parsed <c>sqlserver://</c> URI or SqlClient connection string.</param>
    public SqlServerConnector(ConnectionTarget target) => _target = target;

    /// <inheritdoc />
    public string Provider => _target.Provider;

    /// <inheritdoc />
    public string Target => _target.Display;

    /// <inheritdoc />
    public async Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default)
    {
        // The scan's limits: every catalog query's command timeout is the statement timeout, and LOCK_TIMEOUT bounds its
        // wait behind DDL (SqlServerDialect.CatalogSessionSetup).
        var options = timeouts ?? new SampleOptions();
        await using var connection = await OpenAsync(options, cancellationToken).ConfigureAwait(false);
        int queries = 0;
        try
        {
            await using (var setup = Command(connection, _dialect.CatalogSessionSetup(options), options))
                await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            string version;
            bool hasClassifications, hasRank, hasTemporal, hasRetention, hasRowSecurity;
            await using (var cmd = Command(connection, _dialect.ServerInfo, options))
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                queries++;
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                version = $"SQL Server {Text(reader, 0)} ({Text(reader, 1)})";
                hasClassifications = reader.GetInt32(2) == 1;
                hasRank = reader.GetInt32(3) == 1;
                hasTemporal = reader.GetInt32(4) == 1;
                hasRetention = reader.GetInt32(5) == 1;
                hasRowSecurity = reader.GetInt32(6) == 1;
            }

            var objects = new List<(string Schema, string Name, int Id, bool View, string? Comment, long? Rows, bool CanSelect)>();
            await using (var cmd = Command(connection, _dialect.Objects, options))
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                queries++;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var schema = reader.GetString(0);
                    var name = reader.GetString(1);
                    if (!filter.Matches(schema, name)) continue;
                    objects.Add((schema, name, reader.GetInt32(2), reader.GetString(3) == "V", Text(reader, 4),
                        reader.IsDBNull(5) ? null : Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                        !reader.IsDBNull(6) && reader.GetInt32(6) == 1));
                }
            }

            var ids = IdsXml(objects.Select(o => o.Id));
            var columns = new Dictionary<int, List<ColumnInfo>>();
            var legacyLabels = new Dictionary<(int, string), DatabaseLabel>();
            var columnIds = new Dictionary<(int, int), string>();
            await using (var cmd = Command(connection, _dialect.Columns, options, ids))
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                queries++;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    int objectId = reader.GetInt32(0), columnId = reader.GetInt32(1);
                    var typeName = reader.GetString(3);
                    var baseType = Text(reader, 4) ?? typeName;
                    bool assembly = reader.GetBoolean(5), userDefined = reader.GetBoolean(6);
                    var (family, hint) = SqlServerDialect.Describe(assembly ? typeName : baseType, assembly);
                    var name = reader.GetString(2);
                    string? label = Text(reader, 13), infoType = Text(reader, 14);
                    if (!columns.TryGetValue(objectId, out var list)) columns[objectId] = list = [];
                    columnIds[(objectId, columnId)] = name;
                    var declaredType = SqlServerDialect.DeclaredType(typeName, userDefined, reader.GetInt16(7), reader.GetByte(8), reader.GetByte(9));
                    list.Add(new ColumnInfo
                    {
                        Name = name,
                        Ordinal = list.Count + 1,
                        DeclaredType = declaredType,
                        Family = family,
                        SamplingHint = hint,
                        Nullable = reader.GetBoolean(10),
                        Computed = reader.GetBoolean(11),
                        Comment = Text(reader, 12),
                        DatabaseLabel = label is null && infoType is null ? null : new DatabaseLabel("sys.extended_properties", label, infoType, null),
                        Readable = !reader.IsDBNull(15) && reader.GetInt32(15) == 1,
                    });
                }
            }

            var primaryKeys = new Dictionary<int, List<string>>();
            await using (var cmd = Command(connection, _dialect.PrimaryKeys, options, ids))
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                queries++;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    int id = reader.GetInt32(0);
                    if (!primaryKeys.TryGetValue(id, out var list)) primaryKeys[id] = list = [];
                    list.Add(reader.GetString(1));
                }
            }

            var fkRows = new List<(int Id, string Name, string OnDelete, string RefSchema, string RefTable, string Column, string RefColumn)>();
            await using (var cmd = Command(connection, _dialect.ForeignKeys, options, ids))
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                queries++;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    fkRows.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            }

            // Which base column each view column shows: one query for every view, only when the scan keeps some.
            var lineage = new Dictionary<int, IReadOnlyList<ColumnReference?>>();
            if (objects.Any(o => o.View))
            {
                await using var cmd = Command(connection, _dialect.ViewDefinitions, options, ids);
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                queries++;
                var schemaOf = objects.ToDictionary(o => o.Id, o => o.Schema);
                var byName = objects.GroupBy(o => (o.Schema.ToUpperInvariant(), o.Name.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First());
                // SQL Server names are case-insensitive under the usual collations: the text's spelling is mapped to the
                // catalog's exact schema, table and column names, and a name the catalog lacks gives no lineage.
                ColumnReference? Exact(ColumnReference written, string viewSchema)
                {
                    var resolved = SqlServerViewDefinition.ResolveSchema(written, viewSchema,
                        (schema, table) => byName.ContainsKey((schema.ToUpperInvariant(), table.ToUpperInvariant())));
                    if (resolved is null || !byName.TryGetValue((resolved.Schema.ToUpperInvariant(), resolved.Table.ToUpperInvariant()), out var table)) return null;
                    var column = columns.GetValueOrDefault(table.Id)?.FirstOrDefault(c => string.Equals(c.Name, written.Column, StringComparison.OrdinalIgnoreCase));
                    return column is null ? null : new ColumnReference(table.Schema, table.Name, column.Name);
                }
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = reader.GetInt32(0);
                    if (!schemaOf.TryGetValue(id, out var viewSchema)) continue;
                    lineage[id] = SqlServerViewDefinition.OutputColumns(Text(reader, 1), viewSchema)
                        .Select(r => r is null ? null : Exact(r, viewSchema)).ToList();
                }
            }

            var labels = new Dictionary<(int, string), DatabaseLabel>();
            if (hasClassifications)
            {
                await using var cmd = Command(connection, _dialect.SensitivityClassifications(hasRank), options, ids);
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                queries++;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    if (columnIds.TryGetValue((reader.GetInt32(0), reader.GetInt32(1)), out var columnName))
                        labels[(reader.GetInt32(0), columnName)] = new DatabaseLabel("sys.sensitivity_classifications", Text(reader, 2), Text(reader, 3), Text(reader, 4));
            }

            var histories = new Dictionary<int, RowHistory>();
            if (hasTemporal)
            {
                await using var cmd = Command(connection, _dialect.TemporalTables(hasRetention), options, ids);
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                queries++;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    if (SqlServerDialect.TemporalHistory(reader.GetInt32(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                            reader.IsDBNull(6) ? null : reader.GetInt32(6), Text(reader, 7)) is { } history)
                        histories[reader.GetInt32(0)] = history;
            }

            var rowFilters = new Dictionary<int, RowFilter>();
            if (hasRowSecurity)
            {
                await using var cmd = Command(connection, _dialect.RowSecurityPolicies, options, ids);
                await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                queries++;
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    rowFilters.TryAdd(reader.GetInt32(0), SqlServerDialect.SecurityPolicyFilter(reader.GetString(1), reader.GetString(2)));
            }

            var tables = objects.Select(o =>
            {
                var listed = columns.TryGetValue(o.Id, out var c) ? c : [];
                // A view's output columns and its SELECT's items match by position, when their counts agree.
                var sources = lineage.TryGetValue(o.Id, out var read) && read.Count == listed.Count ? read : null;
                var cols = listed
                    .Select(col => labels.TryGetValue((o.Id, col.Name), out var label) ? col with { DatabaseLabel = label } : col)
                    .Select((col, i) => sources?[i] is { } source ? col with { ReadsFrom = source } : col).ToList();
                return new TableInfo
                {
                    Schema = o.Schema,
                    Name = o.Name,
                    Kind = o.View ? TableKind.View : TableKind.Table,
                    RowEstimate = o.View ? null : o.Rows,
                    Comment = o.Comment,
                    Columns = cols,
                    PrimaryKey = primaryKeys.TryGetValue(o.Id, out var pk) ? pk : [],
                    ForeignKeys = fkRows.Where(f => f.Id == o.Id).GroupBy(f => f.Name, StringComparer.Ordinal).Select(g =>
                        new ForeignKeyInfo(g.Key, g.Select(f => f.Column).ToList(), g.First().RefSchema, g.First().RefTable,
                            g.Select(f => f.RefColumn).ToList(), OnDelete(g.First().OnDelete))).ToList(),
                    Readable = o.CanSelect || cols.Any(col => col.Readable),
                    History = histories.GetValueOrDefault(o.Id),
                    RowFilter = rowFilters.GetValueOrDefault(o.Id),
                };
            }).ToList();
            tables.Sort((a, b) => string.CompareOrdinal(a.Schema, b.Schema) is var s && s != 0 ? s : string.CompareOrdinal(a.Name, b.Name));
            return new DatabaseCatalog { Tables = tables, DefaultSchema = SqlServerDialect.DefaultSchema, QueryCount = queries, ServerVersion = version };
        }
        catch (SqlException e)
        {
            throw new ConnectorException(Provider, Target, CatalogFailure(e.Number, Describe(e), options), e.Number.ToString(CultureInfo.InvariantCulture), e);
        }
    }

    /// <summary>The message of a failed catalog read, by SQL Server error number: 1222 (lock request time out) names the
    /// lock timeout and the setting to raise, -2 (client timeout) the statement timeout; anything else says the catalog
    /// cannot be read.</summary>
    /// <param name="number">The error number.</param>
    /// <param name="description">The safe description (<see cref="Describe"/>).</param>
    /// <param name="options">The limits the catalog read ran under.</param>
    internal static string CatalogFailure(int number, string description, SampleOptions options) => number switch
    {
        1222 => $"the catalog cannot be read ({description}): {SampleLimits.CatalogLockAdvice(options, "another session holds a schema lock, as DDL does")}",
        -2 => $"the catalog cannot be read ({description}): {SampleLimits.CatalogStatementAdvice(options)}",
        _ => $"the catalog cannot be read: {description}",
    };

    /// <summary>Maps <c>delete_referential_action_desc</c> (NO_ACTION, CASCADE, SET_NULL, SET_DEFAULT) to the model's spelling.</summary>
    internal static string OnDelete(string action) => action switch
    {
        "CASCADE" => "cascade",
        "SET_NULL" => "set-null",
        "SET_DEFAULT" => "set-default",
        _ => "no-action",
    };

    /// <inheritdoc />
    public Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default) =>
        TableSampler.SampleAsync(table, options, ct => OpenSessionAsync(options, ct), cancellationToken, _dialect.LeaveOut);

    /// <summary>Opens one connection and applies <see cref="SqlServerDialect.SessionSetup"/> (READ UNCOMMITTED,
    /// LOCK_TIMEOUT, DEADLOCK_PRIORITY LOW) once for all the reads of a table.</summary>
    private async Task<ISampleSession> OpenSessionAsync(SampleOptions options, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var setup = Command(connection, _dialect.SessionSetup(options), options))
                await setup.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new Session(this, connection);
        }
        catch (SqlException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ConnectorException(Provider, Target, $"the sampling session cannot be set up: {Describe(e)}", e.Number.ToString(CultureInfo.InvariantCulture), e);
        }
    }

    /// <summary>One connection's sampling reads, for <see cref="TableSampler"/>.</summary>
    private sealed class Session(SqlServerConnector connector, SqlConnection connection) : ISampleSession
    {
        public Task<SampleRead> ReadAsync(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken cancellationToken) =>
            SqlServerSampleAttempts.ReadAsync(connector._dialect, table, columns, options,
                (plan, ct) => connector.ExecuteAsync(connection, plan, options, ct), cancellationToken);

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }

    /// <summary>Runs one sampling statement and reads its rows (text, or a byte length for length projections); a
    /// statement's failure is returned, a lost connection is thrown as <see cref="ConnectorException"/>.</summary>
    private async Task<StatementRows> ExecuteAsync(SqlConnection connection, SamplePlan plan, SampleOptions options, CancellationToken cancellationToken)
    {
        var rows = new List<object?[]>();
        try
        {
            await using var cmd = Command(connection, plan.Sql, options);
            cmd.Parameters.Add(new SqlParameter("@n", SqlDbType.Int) { Value = Math.Max(1, options.Rows) });
            cmd.Parameters.Add(new SqlParameter("@maxlen", SqlDbType.Int) { Value = Math.Max(1, options.MaxValueLength) });
            cmd.Parameters.Add(new SqlParameter("@doclen", SqlDbType.Int) { Value = Math.Max(1, Math.Max(options.MaxValueLength, options.MaxDocumentLength)) });
            await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new object?[plan.Columns.Count];
                for (int i = 0; i < plan.Columns.Count; i++)
                {
                    if (await reader.IsDBNullAsync(i, cancellationToken).ConfigureAwait(false)) continue;
                    row[i] = plan.Columns[i].IsLength ? reader.GetInt64(i) : reader.GetString(i);
                }
                rows.Add(row);
            }
            return new StatementRows(rows, null);
        }
        catch (SqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            if (connection.State != ConnectionState.Open || e.Class >= 20)
                throw new ConnectorException(Provider, Target, $"the connection was lost while sampling: {Describe(e)}", e.Number.ToString(CultureInfo.InvariantCulture), e);
            return new StatementRows([], SampleFailureOf(e.Number, Describe(e), options));
        }
    }

    /// <summary>What a failed sampling statement means, by SQL Server error number: -2 (client timeout) and 1222 (lock
    /// request time out) are timeouts, 229/230 a missing SELECT permission, 208 (invalid object name) a table dropped or renamed
    /// since the catalog was read (<see cref="SampleFailure.OfDroppedTable"/>, a warning), 245, 8114, 8115, 6522, 9420, 9402 a value
    /// that could not be converted to text (narrowed column by column by the shared sampler), anything else an error.</summary>
    /// <param name="number">The error number.</param>
    /// <param name="description">The safe description (<see cref="Describe"/>: number and severity, never the message).</param>
    /// <param name="options">The timeouts the messages quote.</param>
    internal static SampleFailure SampleFailureOf(int number, string description, SampleOptions options) => number switch
    {
        -2 => new(NotSampledReason.TimedOut, "timeout", $"sampling stopped after the statement timeout of {SampleLimits.Duration(options.StatementTimeout)}; {SampleLimits.TimeoutAdvice(options)}"),
        1222 => new(NotSampledReason.TimedOut, "timeout", $"a lock was not granted within the lock timeout of {SampleLimits.Duration(options.LockTimeout)}; {SampleLimits.TimeoutAdvice(options, lockWait: true)}"),
        229 or 230 => new(NotSampledReason.NoPrivilege, "no-privilege", $"SELECT permission denied ({description})"),
        208 => SampleFailure.OfDroppedTable($"invalid object name ({description})"),
        245 or 8114 or 8115 or 6522 or 9420 or 9402 => new(NotSampledReason.Error, "conversion-error", $"a value could not be converted to text ({description})"),
        _ => new(NotSampledReason.Error, "error", $"sampling failed ({description})"),
    };

    private async Task<SqlConnection> OpenAsync(SampleOptions options, CancellationToken cancellationToken)
    {
        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(_target.ConnectionString) { ApplicationIntent = ApplicationIntent.ReadOnly };
            if (builder.ApplicationName is null or "" or "Framework Microsoft SqlClient Data Provider" or "Core Microsoft SqlClient Data Provider")
                builder.ApplicationName = "inventory";
        }
        catch (ArgumentException)
        {
            throw new ConnectorException(Provider, Target, "the connection string is not a valid SqlClient connection string");
        }
        var connection = new SqlConnection(builder.ConnectionString);
        try
        {
            Volatile.Write(ref _opened, builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqlException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            var failure = SqlConnectFailure.Of(e);
            throw new ConnectorException(Provider, Target, SqlServerConnectErrors.Describe(failure, User(builder)) + (failure.Number == 18456 ? _target.PasswordHint : ""), SqlServerConnectErrors.State(failure), e);
        }
        catch (InvalidOperationException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ConnectorException(Provider, Target, string.IsNullOrEmpty(builder.DataSource)
                ? "cannot connect: the connection string names no server"
                : SqlServerConnectErrors.NotSqlServer, null, e);
        }
    }

    private static string User(SqlConnectionStringBuilder builder) =>
        builder.IntegratedSecurity ? "(Windows authentication)" : builder.UserID is { Length: > 0 } u ? u : "(none)";

    private static SqlCommand Command(SqlConnection connection, string sql, SampleOptions options, string? idsXml = null)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = Math.Max(1, (int)Math.Ceiling(options.StatementTimeout.TotalSeconds));
        if (idsXml is not null) cmd.Parameters.Add(new SqlParameter("@ids", SqlDbType.Xml) { Value = idsXml });
        return cmd;
    }

    /// <summary>The object ids as the xml the catalog queries shred: <c>&lt;o id="1"/&gt;&lt;o id="2"/&gt;</c>.</summary>
    internal static string IdsXml(IEnumerable<int> ids)
    {
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { ConformanceLevel = ConformanceLevel.Fragment, OmitXmlDeclaration = true }))
            foreach (var id in ids)
            {
                writer.WriteStartElement("o");
                writer.WriteAttributeString("id", id.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }
        return sb.ToString();
    }

    private static string? Text(SqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The error number and class only: SQL Server messages may quote values (conversion errors) or names.</summary>
    private static string Describe(SqlException e) => $"SQL Server error {e.Number.ToString(CultureInfo.InvariantCulture)}, severity {e.Class.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Closes the connections this connector left idle in the driver's pool (and those still in use as they
    /// are returned), so none stays open on the server after the source is scanned: the scan's connection bound counts
    /// them (<c>connections-per-server</c>).</summary>
    public ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _opened) is { } opened)
        {
            using var connection = new SqlConnection(opened);
            SqlConnection.ClearPool(connection);
        }
        return ValueTask.CompletedTask;
    }
}
