using Inventory.Classification;
using System.Globalization;
using System.Text;
using Inventory.Config;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>Chinook loaded into MariaDB from the public PostgreSQL script (types adapted: TIMESTAMP → DATETIME, whose
/// range holds the 1950s birth dates), scanned over <c>mysql://</c> by a SELECT-only user with samples and the default
/// classifier, and measured against the gold file. The server's write counters must not move during the scan.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MySqlChinookTests
{
    /// <summary>Issue 12's target with data (the same as PostgreSQL's).</summary>
    private const double Target = 0.95;

    /// <summary>Statement counters of writes and DDL (SHOW GLOBAL STATUS).</summary>
    private static readonly string[] WriteCounters =
    [
        "Com_insert", "Com_insert_select", "Com_update", "Com_update_multi", "Com_delete", "Com_delete_multi", "Com_replace",
        "Com_replace_select", "Com_load", "Com_create_table", "Com_alter_table", "Com_drop_table", "Com_truncate",
        "Com_rename_table", "Com_create_index", "Com_drop_index", "Com_create_db", "Com_drop_db", "Com_create_view", "Com_grant",
    ];

    [Test]
    public async Task ScanAsSelectOnlyUser_Chinook_EveryColumnTypedMacroF1AtLeastTargetNoWrite()
    {
        // Given Chinook in a fresh database and a user with SELECT on it only
        var script = string.Join('\n', File.ReadAllLines(Path.Combine(SharedPaths.Data, "chinook", "Chinook_PostgreSql.sql"))
            .Where(l => !l.StartsWith("DROP DATABASE", StringComparison.Ordinal) && !l.StartsWith("CREATE DATABASE", StringComparison.Ordinal)
                && !l.StartsWith("\\c ", StringComparison.Ordinal)))
            .Replace(" TIMESTAMP", " DATETIME", StringComparison.Ordinal);
        await using var db = await TestMySql.CreateAsync("chinook");
        await db.ExecuteAsync("SET SESSION sql_mode = 'ANSI_QUOTES,NO_BACKSLASH_ESCAPES';\n" + script + "\nANALYZE TABLE album, artist, customer, employee, genre, invoice, invoice_line, media_type, playlist, playlist_track, track;");
        var uri = await db.CreateUserAsync();
        var gold = GoldFile.Read(Path.Combine(SharedPaths.Data, "gold", "chinook.tsv"));

        // When it is scanned over mysql:// with samples, counting the server's writes around the scan
        var before = await CountersAsync(db);
        var document = await new ScanRunner(ClassifierFactory.CreateDefault())
            .RunAsync(new ScanRequest { Sources = [new SourceConfig { Connection = uri }], Parallelism = 2 });
        var after = await CountersAsync(db);
        var result = GoldEvaluator.EvaluateScanned("chinook.tsv", gold, document);

        var report = new StringBuilder();
        var m = result.Metrics;
        report.AppendLine(CultureInfo.InvariantCulture, $"chinook on MariaDB: rows {m.Total}  macro-F1 {m.MacroF1:0.000}  accuracy {m.Accuracy:0.000}  unmatched {result.Unmatched}");
        for (int i = 0; i < gold.Count; i++)
        {
            var (expected, predicted) = result.Pairs[i];
            if (DataCategory.TopLevelOf(expected) != (predicted is null ? "undecided" : DataCategory.TopLevelOf(predicted)))
                report.AppendLine(CultureInfo.InvariantCulture, $"  MISS {gold[i].Table}.{gold[i].Column}: gold {expected}, got {predicted ?? "undecided"}");
        }
        TestContext.Out.WriteLine(report.ToString());

        // Then every gold column is there with its declared type, the data was sampled, nothing was written, and the
        // macro-F1 reaches the target
        var source = document.Sources.Single();
        var columns = source.Tables.SelectMany(t => t.Columns.Select(c => (Key: $"{t.Name}.{c.Name}", c.DeclaredType)))
            .ToDictionary(x => x.Key, x => x.DeclaredType, StringComparer.OrdinalIgnoreCase);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(source.Provider, Is.EqualTo("mysql"));
            Assert.That(document.Issues, Is.Empty);
            Assert.That(result.Unmatched, Is.Zero, "gold rows without a scanned column");
            foreach (var row in gold)
                Assert.That(columns.GetValueOrDefault($"{row.Table}.{row.Column}"), Does.StartWith(MySqlType(row.DataType)), $"{row.Table}.{row.Column}");
            Assert.That(source.Tables.Single(t => t.Name == "customer").SampledRows, Is.EqualTo(59));
            Assert.That(source.Tables.Single(t => t.Name == "invoice_line").SampledRows, Is.EqualTo(500));
            Assert.That(after, Is.EqualTo(before), "write and DDL counters unchanged by the scan");
            Assert.That(m.MacroF1, Is.GreaterThanOrEqualTo(Target), report.ToString());
        }
    }

    /// <summary>The type MariaDB reports for a column the PostgreSQL script declares (COLUMN_TYPE prefix).</summary>
    private static string MySqlType(string declared) => declared.ToLowerInvariant() switch
    {
        "int" => "int",
        "timestamp" => "datetime",
        var t when t.StartsWith("numeric", StringComparison.Ordinal) => "decimal" + t["numeric".Length..],
        var t => t,
    };

    private static async Task<Dictionary<string, long>> CountersAsync(TestMySqlDatabase db)
    {
        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new MySqlConnector.MySqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new MySqlConnector.MySqlCommand("SHOW GLOBAL STATUS WHERE Variable_name LIKE 'Com\\_%'", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (WriteCounters.Contains(reader.GetString(0), StringComparer.OrdinalIgnoreCase))
                counters[reader.GetString(0)] = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
        Assert.That(counters, Has.Count.GreaterThanOrEqualTo(15), "the server reports its write counters");
        return counters;
    }
}
