using Inventory.Catalog;
using Inventory.Connectors.Sampling;
using MySqlConnector;

namespace Inventory.Connectors.MySql;

// The catalog half of MySqlDatabaseConnector (split from the sampling half to keep each file short).
public sealed partial class MySqlDatabaseConnector
{
    /// <inheritdoc />
    public async Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default)
    {
        var staged = await ReadCatalogInStagesAsync(filter, timeouts, cancellationToken).ConfigureAwait(false);
        return await staged.Whole.ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The first stage is the tables, the columns, the views' definitions and the primary keys (sampling probes
    /// a table's integer primary key, <see cref="MySqlDialect.ProbeKey"/>); the second the foreign keys with their delete
    /// rules and the partitions, then COMMIT, on the same connection inside the same read-only transaction
    /// (<see cref="MySqlDialect.BeginReadOnly"/>). The first stage's tables have no foreign key and no partition yet, so a
    /// partitioned table is a plain table there.</remarks>
    public async Task<StagedCatalog> ReadCatalogInStagesAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var limits = timeouts ?? new SampleOptions();
        var (connection, flavor) = await OpenAsync(cancellationToken).ConfigureAwait(false);
        CatalogTables first;
        try
        {
            first = await ReadTablesAsync(connection, flavor, filter, limits, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsCatalogFailure(e, connection))
        {
            var error = await CatalogErrorAsync(connection, e, limits).ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
            throw error;
        }
        catch (Exception)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new StagedCatalog(first.Build(null), ReadKeysAsync(connection, first, limits, cancellationToken));
    }

    /// <summary>Test seam: when set, awaited at the start of the catalog's second stage, on its connection inside the
    /// first stage's open read-only transaction, before the foreign-keys query; <c>null</c> (no wait) in every scan.
    /// Lets a test hold the second stage back while tables are sampled: the foreign-keys query now reads the scanned
    /// database only (<see cref="MySqlDialect.ForeignKeysSql"/>), so a metadata lock on another database no longer
    /// holds it back, and any lock in the scanned database would hold the first stage too.</summary>
    internal Func<CancellationToken, Task>? BeforeSecondStage { get; set; }

    /// <summary>The catalog's second stage: foreign keys, their delete rules, partitions and COMMIT, then the connection
    /// given back to the pool.</summary>
    private async Task<DatabaseCatalog> ReadKeysAsync(MySqlConnection connection, CatalogTables first, SampleOptions limits, CancellationToken ct)
    {
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                if (BeforeSecondStage is { } hold) await hold(ct).ConfigureAwait(false);
                return first.Build(await ReadForeignKeysAndPartitionsAsync(connection, first, limits, ct).ConfigureAwait(false));
            }
            catch (Exception e) when (IsCatalogFailure(e, connection))
            {
                throw await CatalogErrorAsync(connection, e, limits).ConfigureAwait(false);
            }
        }
    }

    // A socket error on a connection the server closed is a lost connection too, not a crash of the scan.
    private static bool IsCatalogFailure(Exception e, MySqlConnection connection) =>
        e is MySqlException || (e is not OperationCanceledException && MySqlErrors.IsConnectionLoss(e, connection));

    /// <summary>Rolls the catalog's transaction back and describes its failure with what to change.</summary>
    private async Task<ConnectorException> CatalogErrorAsync(MySqlConnection connection, Exception e, SampleOptions limits)
    {
        await RollbackQuietlyAsync(connection).ConfigureAwait(false);
        // information_schema and SHOW CREATE TABLE wait for metadata locks: a table's exclusive one, held by DDL.
        var advice = (e as MySqlException)?.Number switch
        {
            1205 => SampleLimits.CatalogLockAdvice(limits, "another session holds a metadata lock on a table, as DDL does"),
            1969 or 3024 => SampleLimits.CatalogStatementAdvice(limits),
            _ => "check that the user may read information_schema and that the server is up",
        };
        return new ConnectorException(Provider, Target, $"reading the catalog failed: {MySqlErrors.Describe(e)}; {advice}",
            e is MySqlException m ? MySqlErrors.State(m) : null, e);
    }

    /// <summary>The catalog's first stage (everything sampling reads): tables and views, columns, the views' definitions
    /// and the primary keys, inside the read-only transaction it opens and leaves open for the second stage.</summary>
    private async Task<CatalogTables> ReadTablesAsync(MySqlConnection connection, MySqlFlavor flavor, CatalogFilter filter, SampleOptions limits, CancellationToken ct)
    {
        int queries = 0;
        bool one = _database is not null;
        // The scan's statement and lock timeouts, set for the session as the sampling sets them.
        await ExecuteAsync(connection, _dialect.BeginReadOnly(limits, flavor), limits, ct).ConfigureAwait(false);

        // 1. tables and views, filtered on database.table before anything else is kept
        var relations = new List<(string Schema, string Name, bool View, long? Rows, string? Comment, bool Versioned)>();
        string account = "";
        await using (var cmd = CatalogCommand(connection, _dialect.TablesSql(one), limits))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var schema = reader.GetString(0);
                var name = reader.GetString(1);
                account = reader.GetString(5);
                if (!filter.Matches(schema, name)) continue;
                var type = reader.GetString(2);
                relations.Add((schema, name, type == "VIEW", reader.IsDBNull(3) ? null : reader.GetInt64(3), NullIfEmpty(reader, 4),
                    type == MySqlDialect.SystemVersionedTableType));
            }
        }
        var keys = relations.Select(r => (r.Schema, r.Name)).ToHashSet();

        // 2. columns
        var columns = new Dictionary<(string, string), List<(long Position, ColumnInfo Column)>>();
        var generation = new Dictionary<(string, string, string), string>();
        await using (var cmd = CatalogCommand(connection, _dialect.ColumnsSql(one), limits))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!keys.Contains(key)) continue;
                var columnType = reader.GetString(5);
                var (family, hint) = MySqlDialect.Describe(reader.GetString(4), columnType);
                var extra = reader.IsDBNull(8) ? "" : reader.GetString(8);
                var privileges = reader.IsDBNull(9) ? "" : reader.GetString(9);
                if (!columns.TryGetValue(key, out var list)) columns[key] = list = [];
                if (!reader.IsDBNull(10) && reader.GetString(10) is { Length: > 0 } expression)
                    generation[(key.Item1, key.Item2, reader.GetString(2))] = expression;
                list.Add((reader.GetInt64(3), new ColumnInfo
                {
                    Name = reader.GetString(2),
                    Ordinal = 0,
                    DeclaredType = columnType,
                    Family = family,
                    SamplingHint = hint,
                    Nullable = reader.GetString(6) == "YES",
                    Comment = NullIfEmpty(reader, 7),
                    Computed = extra.Contains("GENERATED", StringComparison.OrdinalIgnoreCase),
                    Readable = privileges.Split(',').Contains("select", StringComparer.OrdinalIgnoreCase),
                }));
            }
        }

        // 2b. A base table listed without any column is one information_schema skipped with a mere warning (not an error):
        // its definition stayed locked past the lock timeout (an exclusive metadata lock, held by DDL: a RENAME or ALTER
        // waiting behind a long transaction keeps the one it has), or the statement timeout ended its read. It was
        // catalogued with no column and read as a missing privilege (polish31); it is left out, each with a scan issue
        // naming the limit and what to change.
        var issues = new List<ScanIssue>();
        var unread = relations.Where(r => !r.View && !columns.ContainsKey((r.Schema, r.Name))).ToList();
        if (unread.Count > 0)
        {
            var warnings = await WarningCodesAsync(connection, limits, ct).ConfigureAwait(false);
            queries++;
            foreach (var r in unread)
            {
                keys.Remove((r.Schema, r.Name));
                issues.Add(new ScanIssue("", _database == r.Schema ? r.Name : $"{r.Schema}.{r.Name}", null,
                    warnings.Contains(1205) || warnings.Contains(1969) || warnings.Contains(3024) ? "timeout" : "error",
                    UnreadDefinition(warnings, limits)));
            }
            relations.RemoveAll(r => !keys.Contains((r.Schema, r.Name)));
        }

        // 2b'. A view listed without any column: information_schema hid them, with a warning, because the account may not
        // run a function the view calls (1370), though it may SELECT the view (trial42 finding 7). Opening the view
        // (SHOW COLUMNS) gets the server's own error for that view, and the issue names the GRANT EXECUTE it needs.
        var hidden = new Dictionary<(string, string), MissingAccess>();
        foreach (var r in relations.Where(r => r.View && !columns.ContainsKey((r.Schema, r.Name))))
        {
            try
            {
                await using var cmd = CatalogCommand(connection, MySqlDialect.ShowColumnsSql(r.Schema, r.Name), limits);
                await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false)) { }
            }
            catch (MySqlException e) when (e.Number == 1370 && MySqlDialect.DeniedRoutine(e.Message) is { } routine)
            {
                hidden[(r.Schema, r.Name)] = MySqlDialect.MissingExecute(routine, MySqlDialect.AccountOf(account));
            }
            catch (MySqlException e) when (e.Number == 1356)
            {
                // A view a migration broke (a column or table it reads renamed or dropped): the account holds SELECT, so
                // the GRANT SELECT advice changed nothing (trial47).
                hidden[(r.Schema, r.Name)] = MySqlDialect.InvalidView(r.Schema, r.Name);
            }
            catch (MySqlException e) when (!MySqlErrors.IsConnectionLoss(e, connection))
            {
                // No routine named, or another refusal (1142…): the missing SELECT stays the advice.
            }
            queries++;
        }

        // 2c. which base column each view column shows (one query for every view, only when the scan keeps some)
        var lineage = new Dictionary<(string, string), IReadOnlyList<ColumnReference?>>();
        if (relations.Any(r => r.View))
        {
            await using var cmd = CatalogCommand(connection, _dialect.ViewDefinitionsSql(one), limits);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!keys.Contains(key)) continue;
                var definition = reader.IsDBNull(2) ? null : reader.GetString(2);
                lineage[key] = MySqlViewDefinition.OutputColumns(definition);
                // Both engines show a view's definition only to its definer or a holder of SHOW VIEW; without it the
                // view's columns silently lose their lineage (trial 35 finding 5): the scan says so, with the grant.
                if (string.IsNullOrWhiteSpace(definition))
                    issues.Add(new ScanIssue("", _database == key.Item1 ? key.Item2 : $"{key.Item1}.{key.Item2}", null, "no-privilege",
                        MySqlDialect.HiddenViewDefinition(key.Item1, MySqlDialect.AccountOf(account))));
            }
        }

        // 3. primary keys, in key order (STATISTICS: one row per column of the PRIMARY index)
        var primaryKeys = new Dictionary<(string, string), List<string>>();
        await using (var cmd = CatalogCommand(connection, _dialect.PrimaryKeysSql(one), limits))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!keys.Contains(key)) continue;
                if (!primaryKeys.TryGetValue(key, out var pk)) primaryKeys[key] = pk = [];
                pk.Add(reader.GetString(2));
            }
        }
        return new CatalogTables(relations, keys, columns, generation, lineage, primaryKeys, hidden, issues, account, queries,
            _database ?? "", MySqlDialect.ProductVersion(connection.ServerVersion));
    }

    /// <summary>The catalog's second stage: foreign keys with their delete rules, partitions, then COMMIT.</summary>
    private async Task<CatalogKeys> ReadForeignKeysAndPartitionsAsync(MySqlConnection connection, CatalogTables first, SampleOptions limits, CancellationToken ct)
    {
        int queries = 0;
        bool one = _database is not null;
        var keys = first.Keys;

        // 4. foreign keys
        var foreignKeys = new Dictionary<(string, string), List<(string Name, string Column, string RefSchema, string RefTable, string RefColumn, string? OnDelete)>>();
        await using (var cmd = CatalogCommand(connection, _dialect.ForeignKeysSql(one), limits))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!keys.Contains(key)) continue;
                if (!foreignKeys.TryGetValue(key, out var fks)) foreignKeys[key] = fks = [];
                fks.Add((reader.GetString(2), reader.GetString(3), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                    reader.IsDBNull(8) ? null : MySqlDialect.DeleteRule(reader.GetString(8))));
            }
        }

        // 4b. delete rules the catalog view withheld (MariaDB shows REFERENTIAL_CONSTRAINTS only to users holding more
        // than SELECT): read from SHOW CREATE TABLE, only for tables with such a key, many statements per round trip.
        var withheld = foreignKeys.Where(f => f.Value.Any(k => k.OnDelete is null)).Select(f => f.Key)
            .OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ToList();
        var createdRules = new Dictionary<(string, string), IReadOnlyDictionary<string, string>>();
        queries += await ReadDeleteRulesAsync(connection, withheld, createdRules, limits, ct).ConfigureAwait(false);

        // 5. partitions
        var partitions = new Dictionary<(string, string), List<string>>();
        await using (var cmd = CatalogCommand(connection, _dialect.PartitionsSql(one), limits))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            queries++;
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!keys.Contains(key)) continue;
                if (!partitions.TryGetValue(key, out var list)) partitions[key] = list = [];
                list.Add(reader.GetString(2));
            }
        }
        await ExecuteAsync(connection, ["COMMIT"], limits, ct).ConfigureAwait(false);

        return new CatalogKeys(foreignKeys, createdRules, partitions, queries);
    }

    /// <summary>The second stage's reads: each table's foreign-key columns, the delete rules read from
    /// <c>SHOW CREATE TABLE</c> where the catalog view withheld them, and the partitions.</summary>
    private sealed record CatalogKeys(
        Dictionary<(string, string), List<(string Name, string Column, string RefSchema, string RefTable, string RefColumn, string? OnDelete)>> ForeignKeys,
        Dictionary<(string, string), IReadOnlyDictionary<string, string>> CreatedRules,
        Dictionary<(string, string), List<string>> Partitions,
        int Queries);

    /// <summary>The catalog's first stage: the kept relations with their columns, views' lineage and primary keys.</summary>
    private sealed record CatalogTables(
        List<(string Schema, string Name, bool View, long? Rows, string? Comment, bool Versioned)> Relations,
        HashSet<(string, string)> Keys,
        Dictionary<(string, string), List<(long Position, ColumnInfo Column)>> Columns,
        Dictionary<(string, string, string), string> Generation,
        Dictionary<(string, string), IReadOnlyList<ColumnReference?>> Lineage,
        Dictionary<(string, string), List<string>> PrimaryKeys,
        Dictionary<(string, string), MissingAccess> HiddenViews,
        List<ScanIssue> Issues,
        string Account,
        int Queries,
        string DefaultSchema,
        string ServerVersion)
    {
        /// <summary>The catalog, sorted by schema then name: the whole one with the second stage's reads, else the
        /// first stage's (no foreign key, no partition).</summary>
        public DatabaseCatalog Build(CatalogKeys? second)
        {
            var foreignKeys = second?.ForeignKeys ?? [];
            var createdRules = second?.CreatedRules ?? [];
            var partitions = second?.Partitions ?? [];
            var tables = Relations.Select(r =>
            {
                var key = (r.Schema, r.Name);
                // A view's output columns and its definition's select items match by position, when their counts agree.
                var sources = Lineage.TryGetValue(key, out var read) && Columns.TryGetValue(key, out var listed) && read.Count == listed.Count ? read : null;
                // MariaDB shows the base column's comment on a view column (a view column has no comment of its own in
                // either engine): where the base column is in this catalog, the comment is left to it, and the view column
                // inherits its label through lineage instead of reading it as a label of its own (trial 35 finding 2).
                var names = Columns.TryGetValue(key, out var list) ? list.Select(c => c.Column.Name).ToList() : [];
                var cols = list is not null
                    ? list.OrderBy(c => c.Position).Select((c, i) => c.Column with
                    {
                        Ordinal = i + 1,
                        ReadsFrom = sources?[i],
                        Comment = sources?[i] is { } of && Keys.Contains((of.Schema, of.Table)) ? null : c.Column.Comment,
                        GeneratedFrom = c.Column.Computed && Generation.TryGetValue((r.Schema, r.Name, c.Column.Name), out var expression)
                            ? GenerationExpression.ColumnsRead(expression, c.Column.Name, names) : null,
                    }).ToList()
                    : [];
                var parts = partitions.TryGetValue(key, out var p) ? p : [];
                return new TableInfo
                {
                    Schema = r.Schema,
                    Name = r.Name,
                    Kind = r.View ? TableKind.View : parts.Count > 0 ? TableKind.PartitionedTable : TableKind.Table,
                    RowEstimate = r.View ? null : r.Rows,
                    Comment = r.Comment,
                    Columns = cols,
                    // MariaDB adds a system-versioned table's hidden ROW END column to its primary key; it is not among the
                    // columns the catalog lists (trial 33), so it is not named as a key column either.
                    PrimaryKey = PrimaryKeys.TryGetValue(key, out var pk) ? (r.Versioned ? pk.Where(k => cols.Any(c => c.Name == k)).ToList() : pk) : [],
                    ForeignKeys = foreignKeys.TryGetValue(key, out var fks)
                        ? fks.GroupBy(f => f.Name, StringComparer.Ordinal).Select(g => new ForeignKeyInfo(g.Key, g.Select(f => f.Column).ToList(),
                            g.First().RefSchema, g.First().RefTable, g.Select(f => f.RefColumn).ToList(),
                            g.First().OnDelete ?? (createdRules.TryGetValue(key, out var rules) && rules.TryGetValue(g.Key, out var rule) ? rule : MySqlDialect.UnknownDeleteRule))).ToList()
                        : [],
                    Partitions = parts,
                    Readable = cols.Any(c => c.Readable),
                    MissingAccess = cols.Any(c => c.Readable) ? null
                        : HiddenViews.TryGetValue(key, out var execute) ? execute
                        : MySqlDialect.MissingSelect(r.Schema, r.Name, MySqlDialect.AccountOf(Account)),
                    History = r.Versioned ? new RowHistory(RowHistory.SystemVersioning) : null,
                };
            })
            .OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();

            return new DatabaseCatalog
            {
                Tables = tables,
                Issues = Issues,
                DefaultSchema = DefaultSchema,
                QueryCount = Queries + (second?.Queries ?? 0),
                ServerVersion = ServerVersion,
            };
        }
    }

    /// <summary>The codes of the warnings the last statement left (<c>SHOW WARNINGS</c>); never their text, which can
    /// quote values.</summary>
    private async Task<HashSet<int>> WarningCodesAsync(MySqlConnection connection, SampleOptions limits, CancellationToken ct)
    {
        var codes = new HashSet<int>();
        await using var cmd = CatalogCommand(connection, "SHOW WARNINGS", limits);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
            codes.Add(Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        return codes;
    }

    /// <summary>Why a base table's columns could not be read, from the warnings information_schema left, with what to
    /// change: the lock timeout (1205), the statement timeout (1969 MariaDB, 3024 MySQL), else the warning codes.</summary>
    /// <param name="warnings">The warning codes of the columns query.</param>
    /// <param name="limits">The limits the catalog read ran under.</param>
    internal static string UnreadDefinition(IReadOnlySet<int> warnings, SampleOptions limits)
    {
        const string Head = "its definition could not be read, so it is left out of the inventory: ";
        if (warnings.Contains(1205))
            return Head + SampleLimits.CatalogLockAdvice(limits, "another session holds an exclusive metadata lock on the table, as DDL does");
        if (warnings.Contains(1969) || warnings.Contains(3024))
            return Head + SampleLimits.CatalogStatementAdvice(limits);
        var codes = warnings.Count == 0 ? "no warning" : "warning " + string.Join(", ", warnings.Order());
        return Head + $"information_schema listed no column of it ({codes}); check the account's privileges on the table and scan again";
    }

    /// <summary>Statements of <c>SHOW CREATE TABLE</c> sent in one round trip.</summary>
    private const int ShowCreateBatch = 100;

    /// <summary>Reads the delete rules of the given tables' foreign keys from <c>SHOW CREATE TABLE</c>, up to
    /// <see cref="ShowCreateBatch"/> statements per command. A table the server no longer shows (dropped since the
    /// catalog query, error 1146) is skipped and the rest of its batch sent again; its keys keep an unknown rule.</summary>
    /// <returns>The number of round trips.</returns>
    private async Task<int> ReadDeleteRulesAsync(MySqlConnection connection, IReadOnlyList<(string Schema, string Name)> tables,
        Dictionary<(string, string), IReadOnlyDictionary<string, string>> rules, SampleOptions limits, CancellationToken ct)
    {
        int trips = 0, next = 0;
        while (next < tables.Count)
        {
            var batch = tables.Skip(next).Take(ShowCreateBatch).ToList();
            trips++;
            int read = 0;
            try
            {
                await using var cmd = CatalogCommand(connection, string.Join(";\n", batch.Select(t => _dialect.ShowCreateTableSql(t.Schema, t.Name))), limits);
                await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                do
                {
                    if (await reader.ReadAsync(ct).ConfigureAwait(false))
                        rules[batch[read]] = MySqlCreateTableText.DeleteRules(reader.GetString(1));
                    read++;
                }
                while (read < batch.Count && await reader.NextResultAsync(ct).ConfigureAwait(false));
            }
            catch (MySqlException e) when (e.Number is 1146 or 1142 or 1049)
            {
                read++; // the statement that failed: its table keeps unknown rules
            }
            next += Math.Max(1, read);
        }
        return trips;
    }
}
