using System.Text.RegularExpressions;
using Inventory.Catalog;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>Chinook, Northwind and Sakila loaded into fresh databases and scanned: every column of the gold file is in
/// the catalog with a matching type, and every table holding rows yields a non-empty sample without issues.</summary>
[TestFixture]
[Category("Integration")]
public sealed partial class PostgresSampleDatabaseTests
{
    [Test]
    public async Task ReadCatalogAndSample_Chinook_MatchesGold()
    {
        // The script creates and connects to its own database; run the rest in ours.
        var source = File.ReadAllLines(Path.Combine(SharedPaths.Data, "chinook", "Chinook_PostgreSql.sql"))
            .Where(l => !l.StartsWith("DROP DATABASE", StringComparison.Ordinal) && !l.StartsWith("CREATE DATABASE", StringComparison.Ordinal) && !l.StartsWith("\\c ", StringComparison.Ordinal));
        var script = Path.Combine(Path.GetTempPath(), $"chinook-{Guid.NewGuid():N}.sql");
        await File.WriteAllLinesAsync(script, source);
        try
        {
            await ScanAndCompareAsync("chinook", "chinook.tsv", script);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Test]
    public Task ReadCatalogAndSample_Northwind_MatchesGold() =>
        ScanAndCompareAsync("northwind", "northwind.tsv", Path.Combine(SharedPaths.Data, "northwind", "northwind.sql"));

    [Test]
    public Task ReadCatalogAndSample_Sakila_MatchesGold() =>
        ScanAndCompareAsync("sakila", "sakila__postgresql.tsv",
            Path.Combine(SharedPaths.Data, "sakila", "postgres-sakila-schema.sql"),
            Path.Combine(SharedPaths.Data, "sakila", "postgres-sakila-insert-data-using-copy.sql"));

    private static async Task ScanAndCompareAsync(string prefix, string gold, params string[] scripts)
    {
        await using var db = await TestPostgres.CreateAsync(prefix);
        foreach (var script in scripts) db.RunPsqlFile(script);

        await using var connector = PostgresTestKit.Connector(db);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var samples = await PostgresTestKit.SampleAllAsync(connector, catalog, new SampleOptions { Rows = 200 });

        var tables = catalog.Tables.ToDictionary(t => t.QualifiedName(catalog.DefaultSchema), StringComparer.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(SharedPaths.Data, "gold", gold)).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        Assert.That(rows, Is.Not.Empty);
        await using var admin = new NpgsqlConnection(db.ConnectionString);
        await admin.OpenAsync();
        using (Assert.EnterMultipleScope())
        {
            // Relations, columns, keys, and one lineage query for all the views when the database has some (Sakila's 7).
            Assert.That(catalog.QueryCount, Is.EqualTo(catalog.Tables.Any(t => t.Kind is TableKind.View or TableKind.MaterializedView) ? 4 : 3));
            foreach (var row in rows)
            {
                var (tableName, columnName, type) = (row[0], row[1], row[2]);
                Assert.That(tables.TryGetValue(tableName, out var table), Is.True, $"table {tableName}");
                var column = table?.Columns.SingleOrDefault(c => c.Name == columnName);
                Assert.That(column, Is.Not.Null, $"column {tableName}.{columnName}");
                if (column is not null)
                    Assert.That(Normalize(column.DeclaredType), Is.EqualTo(Normalize(type)), $"type of {tableName}.{columnName}");
            }
            foreach (var tableName in rows.Select(r => r[0]).Distinct())
            {
                if (!tables.TryGetValue(tableName, out var table)) continue;
                await using var cmd = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Inventory.Connectors.Identifiers.QuoteDouble(table.Schema, table.Name)})", admin);
                var hasRows = (bool)(await cmd.ExecuteScalarAsync())!;
                var sample = samples[tableName];
                Assert.That(sample.Issues, Is.Empty, $"issues of {tableName}");
                if (!hasRows) continue;
                Assert.That(sample.RowCount, Is.GreaterThan(0), $"sample of {tableName}");
                foreach (var c in table.Columns)
                {
                    var s = sample.Columns[c.Name];
                    // Array columns give their elements one by one (C29): their rows are the rows that held elements.
                    var seen = (s.ElementRows ?? s.Values.Count) + (s.BinaryLengths?.Count ?? 0) + s.NullCount;
                    Assert.That(seen, Is.EqualTo(sample.RowCount), $"every sampled row accounted for in {tableName}.{c.Name}");
                }
            }
        }
    }

    /// <summary>Spells a type the way format_type does, so the gold file's source spelling (INT, VARCHAR(160)…) compares.</summary>
    private static string Normalize(string type)
    {
        var t = Whitespace().Replace(type.Trim().ToLowerInvariant(), " ").Replace(", ", ",", StringComparison.Ordinal);
        t = VarChar().Replace(t, "character varying$1");
        t = Char().Replace(t, "character$1");
        return t switch
        {
            "int" or "int4" => "integer",
            "int2" => "smallint",
            "int8" => "bigint",
            "float4" => "real",
            "timestamp" => "timestamp without time zone",
            "timestamptz" => "timestamp with time zone",
            "bool" => "boolean",
            _ => t,
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
    [GeneratedRegex(@"^varchar(\(\d+\))?$")]
    private static partial Regex VarChar();
    [GeneratedRegex(@"^char(\(\d+\))?$")]
    private static partial Regex Char();
}
