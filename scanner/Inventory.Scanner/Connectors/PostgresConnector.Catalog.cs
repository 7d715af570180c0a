using System.Net.Sockets;
using Inventory.Catalog;
using Inventory.Connectors.Postgres;
using Inventory.Connectors.Sampling;
using Npgsql;

namespace Inventory.Connectors;

// The catalog half of PostgresConnector (split from the sampling half to keep each file short).
public sealed partial class PostgresConnector
{
    /// <inheritdoc />
    public async Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default)
    {
        var staged = await ReadCatalogInStagesAsync(filter, timeouts, cancellationToken).ConfigureAwait(false);
        return await staged.Whole.ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The first stage is the relations, the views' lineage and the columns; the second the primary and foreign
    /// keys (sampling a PostgreSQL table reads none), then COMMIT, on the same connection in the same repeatable-read
    /// read-only transaction, so both stages see one snapshot.</remarks>
    public async Task<StagedCatalog> ReadCatalogInStagesAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limits = timeouts ?? new SampleOptions();
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.Value.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or ArgumentException or FileNotFoundException or DirectoryNotFoundException)
        {
            throw ConnectError(e);
        }
        CatalogTables first;
        try
        {
            first = await ReadTablesAsync(connection, filter, limits, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw CatalogError(e, limits);
        }
        catch (Exception)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new StagedCatalog(first.Catalog, ReadKeysAsync(connection, first, limits, cancellationToken));
    }

    /// <summary>The catalog's second stage: the keys and COMMIT, then the connection given back to the pool.</summary>
    private async Task<DatabaseCatalog> ReadKeysAsync(NpgsqlConnection connection, CatalogTables first, SampleOptions limits, CancellationToken ct)
    {
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                return await ReadKeysCoreAsync(connection, first, limits, ct).ConfigureAwait(false);
            }
            catch (NpgsqlException e)
            {
                await RollbackQuietlyAsync(connection).ConfigureAwait(false);
                throw CatalogError(e, limits);
            }
        }
    }

    private ConnectorException CatalogError(NpgsqlException e, SampleOptions limits)
    {
        var state = (e as PostgresException)?.SqlState;
        // The catalog queries read system catalogs only (never a user relation): a lock they wait for is one a
        // session holds on a system catalog, as DDL or VACUUM FULL of it does.
        var advice = state switch
        {
            "55P03" => SampleLimits.CatalogLockAdvice(limits, "another session holds a lock on a system catalog, as DDL or VACUUM FULL does"),
            "57014" => SampleLimits.CatalogStatementAdvice(limits),
            _ => "check that the role may read pg_catalog and that the server is up",
        };
        return new ConnectorException(Provider, Target, $"reading the catalog failed: {PostgresErrors.DescribeWithoutState(e)}; {advice}", state, e);
    }

    /// <summary>The catalog's first stage: the kept relations as tables without keys, sorted, with their oids in step.</summary>
    private sealed record CatalogTables(DatabaseCatalog Catalog, long[] Oids, long[] KeptOids, int Queries);

    private async Task<CatalogTables> ReadTablesAsync(NpgsqlConnection connection, CatalogFilter filter, SampleOptions limits, CancellationToken ct)
    {
        int queries = 0;
        // One read-only snapshot for the three queries, so relations, columns and keys agree, under the scan's
        // statement_timeout and lock_timeout.
        await ExecuteAsync(connection, _dialect.BeginReadOnly(limits, repeatableRead: true), ct).ConfigureAwait(false);

        // 1. relations
        var relations = new List<Relation>();
        await using (var cmd = new NpgsqlCommand(_dialect.RelationsSql, connection) { CommandTimeout = ClientTimeout(limits) })
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                relations.Add(new Relation(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt64(4),
                    reader.IsDBNull(5) ? null : reader.GetInt64(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6),
                    reader.GetBoolean(7), reader.GetBoolean(8), reader.GetString(9), reader.GetBoolean(10)));
        }

        // Partitions fold under their root; the filter applies to the roots and to plain relations, before anything
        // table-specific is read.
        var partitionsByRoot = relations.Where(r => r.RootOid is not null).ToLookup(r => r.RootOid!.Value);
        var kept = relations.Where(r => r.RootOid is null && filter.Matches(r.Schema, r.Name)).ToList();
        var oids = OidsOf(kept, static _ => true);

        // 1b. which base column each view column shows (one query for every view, only when the scan keeps some)
        var views = OidsOf(kept, static r => r.Kind is "v" or "m");
        var lineage = new Dictionary<(long View, int Attnum), ColumnReference>();
        if (views.Length > 0)
        {
            await using var cmd = new NpgsqlCommand(_dialect.ViewLineageSql, connection) { CommandTimeout = ClientTimeout(limits) };
            cmd.Parameters.AddWithValue("views", views);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
                foreach (var (attnum, reference) in ViewColumnSources(reader))
                    lineage[(reader.GetInt64(0), attnum)] = reference;
        }

        // 2. columns (unordered: sorted by attnum here)
        var columns = new Dictionary<long, List<CatalogColumn>>();
        var generation = new Dictionary<(long Oid, int Attnum), string>();
        await using (var cmd = new NpgsqlCommand(_dialect.ColumnsSql, connection) { CommandTimeout = ClientTimeout(limits) })
        {
            cmd.Parameters.AddWithValue("oids", oids);
            cmd.Parameters.AddWithValue("unselectable", OidsOf(kept, static r => !r.MaySelect));
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var oid = reader.GetInt64(0);
                if (!columns.TryGetValue(oid, out var list)) columns[oid] = list = [];
                var family = PostgresDialect.FamilyOf(reader.GetString(4), reader.GetString(5));
                // Null: the role may SELECT the whole relation, so every column is readable.
                var maySelect = reader.IsDBNull(9) || reader.GetBoolean(9);
                if (!reader.IsDBNull(12)) generation[(oid, reader.GetInt32(1))] = reader.GetString(12);
                list.Add(new CatalogColumn(reader.GetInt32(1), new ColumnInfo
                {
                    ReadsFrom = lineage.GetValueOrDefault((oid, reader.GetInt32(1))),
                    Name = reader.GetString(2),
                    Ordinal = 0,
                    DeclaredType = reader.GetString(3),
                    Family = family,
                    Nullable = !reader.GetBoolean(6),
                    Computed = reader.GetBoolean(7),
                    Comment = reader.IsDBNull(8) ? null : reader.GetString(8),
                    Readable = maySelect,
                    SamplingHint = family == TypeFamily.Binary ? "binary" : reader.GetString(4) == "hstore" ? PostgresDialect.HstoreHint : null,
                    // Arrays: the element type's family drives the detectors (an inet[] holds IP addresses); arrays of
                    // binary elements are not unnested (their bytes are never read).
                    ElementFamily = reader.IsDBNull(10) ? null
                        : PostgresDialect.FamilyOf(reader.GetString(10), reader.GetString(11)) is var element && element != TypeFamily.Binary ? element : null,
                }, maySelect));
            }
        }
        var ordered = new Dictionary<long, List<CatalogColumn>>(columns.Count);
        foreach (var (oid, unordered) in columns)
        {
            var names = unordered.Select(c => c.Column.Name).ToList();
            ordered[oid] = unordered
                .OrderBy(c => c.Attnum)
                .Select((c, i) => new CatalogColumn(c.Attnum, c.Column with
                {
                    Ordinal = i + 1,
                    GeneratedFrom = generation.TryGetValue((oid, c.Attnum), out var expression)
                        ? GenerationExpression.ColumnsRead(expression, c.Column.Name, names) : null,
                }, c.MaySelect))
                .ToList();
        }


        var tables = kept.Select(r =>
        {
            var cols = ordered.TryGetValue(r.Oid, out var list) ? list : [];
            // Without USAGE on its schema no column of the relation can be read, whatever the table grants say.
            var maySelect = cols.Count == 0 ? r.MaySelect : cols.Any(c => c.MaySelect);
            var columnInfos = cols.Select(c => r.SchemaUsage ? c.Column : c.Column with { Readable = false }).ToList();
            var kind = PostgresDialect.KindOf(r.Kind);
            var partitions = partitionsByRoot[r.Oid].ToList();
            long? estimate = r.RowEstimate;
            if (kind == TableKind.PartitionedTable)
            {
                var leaves = partitions.Where(p => p.Kind != "p").ToList();
                estimate = leaves.Any(p => p.RowEstimate is not null) ? leaves.Sum(p => p.RowEstimate ?? 0) : null;
            }
            return new KeptTable(r.Oid, new TableInfo
            {
                Schema = r.Schema,
                Name = r.Name,
                Kind = kind,
                RowEstimate = estimate,
                Comment = r.Comment,
                Columns = columnInfos,
                Partitions = partitions.Select(p => p.Schema == r.Schema ? p.Name : $"{p.Schema}.{p.Name}")
                    .Order(StringComparer.Ordinal).ToList(),
                Readable = maySelect && r.SchemaUsage,
                MissingAccess = PostgresDialect.MissingAccessTo(r.Schema, r.Name, r.Role, r.SchemaUsage, maySelect),
                RowFilter = r.RowSecurity ? PostgresDialect.RowSecurityFilter(r.Role) : null,
            });
        })
        .OrderBy(t => t.Table.Schema, StringComparer.Ordinal).ThenBy(t => t.Table.Name, StringComparer.Ordinal)
        .ToList();

        var catalog = new DatabaseCatalog
        {
            Tables = tables.Select(t => t.Table).ToList(),
            DefaultSchema = "public",
            QueryCount = queries,
            ServerVersion = $"PostgreSQL {connection.PostgreSqlVersion.ToString(2)}",
        };
        return new CatalogTables(catalog, OidsOf(tables), oids, queries);
    }

    /// <summary>Reads the keys of the first stage's relations (query 3) and ends the catalog's transaction.</summary>
    private async Task<DatabaseCatalog> ReadKeysCoreAsync(NpgsqlConnection connection, CatalogTables first, SampleOptions limits, CancellationToken ct)
    {
        var oids = first.KeptOids;
        int queries = first.Queries;
        // 3. primary and foreign keys
        var primaryKeys = new Dictionary<long, IReadOnlyList<string>>();
        var foreignKeys = new Dictionary<long, List<ForeignKeyInfo>>();
        await using (var cmd = new NpgsqlCommand(_dialect.ConstraintsSql, connection) { CommandTimeout = ClientTimeout(limits) })
        {
            cmd.Parameters.AddWithValue("oids", oids);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var oid = reader.GetInt64(0);
                var keyColumns = reader.GetFieldValue<string[]>(3);
                if (reader.GetString(1) == "p")
                {
                    primaryKeys[oid] = keyColumns;
                    continue;
                }
                if (!foreignKeys.TryGetValue(oid, out var list)) foreignKeys[oid] = list = [];
                list.Add(new ForeignKeyInfo(reader.GetString(2), keyColumns,
                    reader.IsDBNull(4) ? "" : reader.GetString(4), reader.IsDBNull(5) ? "" : reader.GetString(5),
                    reader.GetFieldValue<string[]>(6), PostgresDialect.DeleteRule(reader.GetString(7))));
            }
        }
        await ExecuteAsync(connection, ["COMMIT"], ct).ConfigureAwait(false);

        var tables = first.Catalog.Tables;
        var keyed = new List<TableInfo>(tables.Count);
        for (int i = 0; i < tables.Count; i++)
        {
            var oid = first.Oids[i];
            keyed.Add(tables[i] with
            {
                PrimaryKey = primaryKeys.TryGetValue(oid, out var pk) ? pk : [],
                ForeignKeys = foreignKeys.TryGetValue(oid, out var fks) ? fks : [],
            });
        }
        return first.Catalog with { Tables = keyed, QueryCount = queries };
    }


    /// <summary>The base column of each output column of one view (a row of <see cref="PostgresDialect.ViewLineageSql"/>):
    /// the rule's target entries (<see cref="PostgresRuleTree"/>) named through the rule's column dependencies. An entry
    /// whose relation and column are not among the dependencies gets none.</summary>
    private static IEnumerable<(int Attnum, ColumnReference Reference)> ViewColumnSources(NpgsqlDataReader reader)
    {
        if (reader.IsDBNull(2)) yield break; // a rule that depends on no column (SELECT 1 AS x)
        var oids = reader.GetFieldValue<long[]>(2);
        var attnums = reader.GetFieldValue<int[]>(3);
        var schemas = reader.GetFieldValue<string[]>(4);
        var relations = reader.GetFieldValue<string[]>(5);
        var columns = reader.GetFieldValue<string[]>(6);
        var named = new Dictionary<(long, int), ColumnReference>();
        for (int i = 0; i < oids.Length; i++) named[(oids[i], attnums[i])] = new ColumnReference(schemas[i], relations[i], columns[i]);
        foreach (var target in PostgresRuleTree.OutputColumns(reader.GetString(1)))
            if (target.Relation != 0 && named.TryGetValue((target.Relation, target.Column), out var reference))
                yield return (target.Position, reference);
    }

    // The first stage's rows as small classes, not tuples: LINQ and collections over a class run the framework's shared
    // precompiled code, where a tuple holding a value type costs the ReadyToRun build a JIT compile of every generic
    // method it reaches (perf43's census).
    private sealed record CatalogColumn(int Attnum, ColumnInfo Column, bool MaySelect);

    private sealed record KeptTable(long Oid, TableInfo Table);

    /// <summary>The oids of the relations that <paramref name="keep"/> accepts, in their order.</summary>
    private static long[] OidsOf(List<Relation> relations, Func<Relation, bool> keep)
    {
        var oids = new List<long>(relations.Count);
        foreach (var relation in relations)
            if (keep(relation)) oids.Add(relation.Oid);
        return [.. oids];
    }

    /// <summary>The oids of the kept tables, in their order.</summary>
    private static long[] OidsOf(List<KeptTable> tables)
    {
        var oids = new long[tables.Count];
        for (int i = 0; i < oids.Length; i++) oids[i] = tables[i].Oid;
        return oids;
    }

    private sealed record Relation(long Oid, string Schema, string Name, string Kind, long? RowEstimate, long? RootOid, string? Comment, bool MaySelect,
        bool SchemaUsage, string Role, bool RowSecurity);
}
