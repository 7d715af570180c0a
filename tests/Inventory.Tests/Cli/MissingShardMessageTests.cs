using Inventory.Cli;
using Inventory.Catalog;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>Brief fixes42 item 4: <c>check</c> and <c>report</c> on a merged inventory whose shard 3/3 is missing. Three
/// real SQLite sources scanned as shards 1/3 and 2/3 of <c>inventory.yml</c> (the stable hash puts <c>beta</c> and
/// <c>gamma</c> in shard 3), merged (exit 3). <c>check</c>'s summary named only "2 scan issues above" and <c>report</c>
/// said nothing and exited 0; both now name the missing shard and its sources, and <c>report</c> exits 3.</summary>
[TestFixture]
public sealed class MissingShardMessageTests
{
    private TempFolder _dir = null!;
    private string _merged = "";

    [OneTimeSetUp]
    public async Task ScanTwoOfThreeShardsAndMerge()
    {
        _dir = new TempFolder();
        var config = Path.Combine(_dir.Path, "inventory.yml");
        var lines = new List<string> { "sources:" };
        foreach (var source in new[] { "alpha", "beta", "gamma" })
        {
            var database = Path.Combine(_dir.Path, source + ".db");
            InProcessCli.ExecuteSqlite(database, "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);");
            lines.Add($"  - {{ name: {source}, connection: \"sqlite:{database}\" }}");
        }
        File.WriteAllLines(config, lines);
        var parts = new List<string>();
        foreach (var shard in new[] { "1/3", "2/3" })
        {
            var part = Path.Combine(_dir.Path, $"part-{shard[0]}.json");
            var (scanCode, scanOutput) = await InProcessCli.RunAsync("scan", "--config", config, "--shard", shard, "--out", part);
            Assert.That(scanCode, Is.EqualTo(ExitCodes.Ok), scanOutput);
            parts.Add(part);
        }
        SqliteConnection.ClearAllPools();
        _merged = Path.Combine(_dir.Path, "merged.json");
        var (code, output) = await InProcessCli.RunAsync(["merge", .. parts, "--out", _merged]);
        Assert.That(code, Is.EqualTo(ExitCodes.ScanIncomplete), output);
        Assert.That(output, Does.Contain("shard 3/3 is not among the merged parts: source 'beta'"), "the hash puts beta and gamma in shard 3");
    }

    [OneTimeTearDown]
    public void Drop() => _dir.Dispose();

    [Test]
    public async Task Check_MergedInventoryMissingAShard_SummaryNamesTheShardAndItsSources()
    {
        var (code, output) = await InProcessCli.RunAsync("check", "--inventory", _merged);
        using (Assert.EnterMultipleScope())
        {
            // users.email is untagged, so the gate fails (1 wins over 3); the summary says why the scan is incomplete
            Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), output);
            Assert.That(output, Does.Contain("; scan incomplete: shard 3/3 missing (beta, gamma), 2 scan issues above"));
        }
    }

    [Test]
    public async Task Report_MergedInventoryMissingAShard_WrittenThenExitThreeNamingTheShard()
    {
        var outDir = Path.Combine(_dir.Path, "report");
        var (code, output) = await InProcessCli.RunAsync("report", "--inventory", _merged, "--out", outDir, "--format", "md");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.ScanIncomplete), output);
            Assert.That(output, Does.Contain("inventory incomplete: shard 3/3 missing (beta, gamma), 2 scan issue(s), listed in the report under Coverage"));
            Assert.That(File.ReadAllText(Path.Combine(outDir, "ropa.md")), Does.Contain("⚠ Scan incomplete"), "the report is still written");
        }
    }

    [Test]
    public void MissingShards_PartsWithoutTheirSplitAndSeveralShards_NamedWithoutSources()
    {
        ScanIssue Missing(string source, string shard) => new(source, null, null, InventoryMerge.ShardMissingKind, $"shard {shard} is not among the merged parts: …");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(InventoryMerge.MissingShards([Missing("*", "2/4"), Missing("*", "4/4")]),
                Is.EqualTo("shards 2/4, 4/4 missing (sources not known: the parts do not record their split)"));
            Assert.That(InventoryMerge.MissingShards([Missing("billing", "1/2")]), Is.EqualTo("shard 1/2 missing (billing)"));
            Assert.That(InventoryMerge.MissingShards([new ScanIssue("crm", "users", null, "timeout", "read timed out")]), Is.Null);
        }
    }
}
