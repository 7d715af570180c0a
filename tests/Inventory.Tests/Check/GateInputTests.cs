using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Scanning;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Check;

/// <summary>What the gate commands accept as an inventory: JSON that is not an inventory (a check result, a SARIF log,
/// any object) is bad input, not an empty inventory that passes; a shard part is refused by check and report until it
/// is merged; merge refuses parts of different splits. Real scans of copies of the Chinook SQLite database.</summary>
[TestFixture]
public sealed class GateInputTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-gate-input-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static Task<InventoryDocument> ScanAsync(IReadOnlyList<SourceConfig> sources, ScanShard? shard = null) =>
        new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = sources, Shard = shard });

    private string Save(InventoryDocument document, string name)
    {
        var path = Path.Combine(_dir, name);
        InventoryJson.Write(document, path);
        return path;
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    [Test]
    public async Task NotAnInventory_CheckReportAnnotateExportDiffMerge_Exit2NamingTheFile()
    {
        var inventory = Save(await ScanAsync(ScanRunnerScaleTests.ChinookSources(_dir, 1)), "inventory.json");
        var checkJson = Path.Combine(_dir, "check.json");
        var sarif = Path.Combine(_dir, "check.sarif");
        var (wrote, _) = await RunAsync("check", "--inventory", inventory, "--json", checkJson, "--sarif", sarif);
        Assert.That(wrote, Is.EqualTo(ExitCodes.GateFailed), "the real inventory loads (its columns are untagged)");
        var other = Path.Combine(_dir, "other.json");
        File.WriteAllText(other, "{\"not\":\"inventory\"}");
        Directory.CreateDirectory(Path.Combine(_dir, "annotations"));

        foreach (var file in new[] { other, checkJson, sarif })
        {
            var commands = new[]
            {
                new[] { "check", "--inventory", file },
                ["report", "--inventory", file, "--out", Path.Combine(_dir, "report")],
                ["annotate", "--inventory", file, "--annotations", Path.Combine(_dir, "annotations")],
                ["export", "--inventory", file, "--format", "postgres-comments", "--out", Path.Combine(_dir, "comments.sql")],
                ["diff", inventory, file],
                ["merge", file, inventory, "--out", Path.Combine(_dir, "merged.json")],
            };
            foreach (var args in commands)
            {
                var (code, output) = await RunAsync(args);
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(code, Is.EqualTo(ExitCodes.BadInput), $"{string.Join(' ', args)}: {output}");
                    Assert.That(output, Does.Contain($"{file}: not an inventory document: it has no"), string.Join(' ', args));
                    Assert.That(output, Does.Not.Contain("in-scope columns tagged"), string.Join(' ', args));
                }
            }
        }
        Assert.That(File.Exists(Path.Combine(_dir, "merged.json")) || File.Exists(Path.Combine(_dir, "comments.sql")), Is.False, "merge and export wrote nothing");
    }

    [Test]
    public void Deserialize_NamesWhatIsMissing()
    {
        Assert.That(() => InventoryJson.Deserialize("{\"format\":1}", "x.json"),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo("x.json: not an inventory document: it has no 'sources' (a check result, SARIF log or other JSON?); give the inventory.json written by `inventory scan` or `inventory merge`"));
        Assert.That(() => InventoryJson.Deserialize("[]", "y.json"),
            Throws.TypeOf<ConfigurationException>().With.Message.StartsWith("y.json:1:2: not a valid inventory document"));
        Assert.That(InventoryJson.Deserialize("{\"format\":1,\"sources\":[]}", "z.json").Sources, Is.Empty);
    }

    /// <summary>An inventory of the same format holding a value this version does not know (a status a later version
    /// adds): the error names the JSON path and what to do, not the model's CLR type.</summary>
    [Test]
    public void Deserialize_UnknownEnumValue_NamesThePathNotTheType()
    {
        const string json = "{\"format\":1,\"sources\":[{\"name\":\"app\",\"provider\":\"sqlite\",\"target\":\"a.db\",\"tables\":[{\"schema\":\"main\",\"name\":\"users\",\"qualifiedName\":\"users\",\"columns\":[{\"name\":\"email\",\"ordinal\":1,\"status\":\"reviewed\"}]}]}]}";

        Assert.That(() => InventoryJson.Deserialize(json, "old.json"), Throws.TypeOf<ConfigurationException>().With.Message.StartsWith("old.json:1:")
            .And.Message.EndsWith(": not an inventory this version can read: the value at $.sources[0].tables[0].columns[0].status is not one it knows "
            + "(written by a later version of inventory, or edited by hand?); rescan with this version"));
    }

    [Test]
    public async Task ShardPart_CheckAndReportRefuseIt_TheMergedPartsPass()
    {
        var source = ScanRunnerScaleTests.ChinookSources(_dir, 1);
        var first = Save(await ScanAsync(source, new ScanShard(1, 2)), "part-1.json");
        var second = Save(await ScanAsync(source, new ScanShard(2, 2)), "part-2.json");
        var merged = Path.Combine(_dir, "merged.json");
        var whole = Save(await ScanAsync(source), "whole.json");

        var (check, checkOutput) = await RunAsync("check", "--inventory", first);
        var (report, reportOutput) = await RunAsync("report", "--inventory", second, "--out", Path.Combine(_dir, "report"));
        var (merge, _) = await RunAsync("merge", first, second, "--out", merged);
        var (mergedCheck, mergedOutput) = await RunAsync("check", "--inventory", merged);
        var (wholeCheck, wholeOutput) = await RunAsync("check", "--inventory", whole);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(InventoryJson.Read(first).Sources.Single().Scope!.Shard, Is.EqualTo("1/2"));
            Assert.That(check, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(checkOutput, Does.Contain($"{first}: this is shard 1/2 of a split scan and holds only that shard's tables; merge all 2 parts first (`inventory merge PART.json… --out inventory.json`) and check the merged inventory"));
            Assert.That(report, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(reportOutput, Does.Contain($"{second}: this is shard 2/2 of a split scan").And.Contain("and report the merged inventory"));
            Assert.That(Directory.Exists(Path.Combine(_dir, "report")), Is.False, "no report written");
            Assert.That(merge, Is.EqualTo(ExitCodes.Ok));
            Assert.That(mergedCheck, Is.EqualTo(wholeCheck));
            Assert.That(mergedOutput, Is.EqualTo(wholeOutput.Replace(whole, merged)));
            Assert.That(mergedOutput, Does.Contain("in-scope columns tagged"));
        }
    }

    [Test]
    public async Task ShardOneOfOne_IsTheWholeScan_CheckAcceptsIt()
    {
        var source = ScanRunnerScaleTests.ChinookSources(_dir, 1);
        var only = Save(await ScanAsync(source, new ScanShard(1, 1)), "only.json");
        var whole = Save(await ScanAsync(source), "whole.json");

        var (code, output) = await RunAsync("check", "--inventory", only);
        var (wholeCode, wholeOutput) = await RunAsync("check", "--inventory", whole);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(wholeCode));
            Assert.That(output, Is.EqualTo(wholeOutput.Replace(whole, only)));
        }
    }

    [Test]
    public async Task PartsOfDifferentScans_MergeIsAnErrorNamingBothFiles()
    {
        // Shard 1/2 of a single-source scan (split by tables) and shard 2/2 of a three-source config (split by sources).
        var sources = ScanRunnerScaleTests.ChinookSources(_dir, 3);
        var connectionPart = Save(await ScanAsync(sources.Take(1).ToList(), new ScanShard(1, 2)), "connection-1.json");
        var configPart = Save(await ScanAsync(sources, new ScanShard(2, 2)), "config-2.json");
        var output = Path.Combine(_dir, "merged.json");

        var (code, text) = await RunAsync("merge", connectionPart, configPart, "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(text, Does.Contain($"{connectionPart} and {configPart} are parts of different scans"));
            Assert.That(text, Does.Contain("only in " + configPart + ": chinook-02 (sqlite"));
            Assert.That(File.Exists(output), Is.False, "nothing written");
        }
    }

    [Test]
    public async Task PartsWithDifferentPatterns_MergeIsAnErrorNamingBothFiles()
    {
        var source = ScanRunnerScaleTests.ChinookSources(_dir, 1);
        var narrowed = new List<SourceConfig> { source[0] with { Exclude = ["Invoice*"] } };
        var first = new InventoryPart("a.json", await ScanAsync(source, new ScanShard(1, 2)));
        var second = new InventoryPart("b.json", await ScanAsync(narrowed, new ScanShard(2, 2)));

        Assert.That(() => InventoryMerge.Merge([first, second]),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("a.json and b.json are parts of different scans"));

        // A part written before splits were recorded is still compared by its sources' scopes.
        second.Document.SplitOf = null;
        Assert.That(() => InventoryMerge.Merge([first, second]),
            Throws.TypeOf<ConfigurationException>().With.Message.EqualTo("source 'chinook-01' has different include/exclude patterns in a.json and b.json: parts of one merge must come from one config"));
    }
}
