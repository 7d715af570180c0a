using System.Text.Json.Nodes;
using Inventory.Catalog;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Scanning;

/// <summary>users43 item 7a: the shard of a <c>shard-missing</c> issue is a field (<see cref="ScanIssue.Shard"/>), not
/// only words of its message. users43 found it null after the merge: the document is written by the hand-written
/// <c>InventoryJsonWriter</c>, which wrote the issue's five positional properties only. These tests write, read, merge
/// and merge again through files and the CLI, and read a document written before the field (its message the fallback).</summary>
[TestFixture]
public sealed class MissingShardFieldTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-shardfield-{Guid.NewGuid():N}"));

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

    private static async Task<int> MergeAsync(params string[] arguments)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        return await InventoryApp.RunAsync(["merge", .. arguments], console);
    }

    [Test]
    public async Task MergeMissingTwoOfFourShards_FieldWrittenRead_AndKeptByASecondMerge()
    {
        // Given six real SQLite sources split in four, of which only shards 1/4 and 3/4 are merged (by the CLI, to a file)
        var sources = ScanRunnerScaleTests.ChinookSources(_dir, 6);
        var first = Save(await ScanAsync(sources, new ScanShard(1, 4)), "part-1.json");
        var third = Save(await ScanAsync(sources, new ScanShard(3, 4)), "part-3.json");
        var mergedPath = Path.Combine(_dir, "merged.json");
        Assert.That(await MergeAsync(first, third, "--out", mergedPath), Is.EqualTo(ExitCodes.ScanIncomplete));

        // Then every shard-missing issue read back from the file carries its shard, equal to the one its message names
        var merged = InventoryJson.Read(mergedPath);
        var expected = new[] { 2, 4 }.SelectMany(i =>
        {
            var held = sources.Select(s => s.Name).Where(new ScanShard(i, 4).Owns).ToList();
            return held.Count == 0 ? [("*", $"{i}/4")] : held.Select(h => (h, $"{i}/4"));
        }).ToList();
        var issues = merged.Issues.Where(i => i.Kind == InventoryMerge.ShardMissingKind).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(issues.Select(i => (i.Source, i.Shard)), Is.EquivalentTo(expected));
            Assert.That(issues.Select(i => i.Message.Split(' ')[1]), Is.EqualTo(issues.Select(i => i.Shard)));
            Assert.That(JsonNode.Parse(File.ReadAllText(mergedPath))!["issues"]!.AsArray().Select(i => (string?)i!["shard"]),
                Is.EqualTo(issues.Select(i => i.Shard)), "the field is in the file under 'shard'");
            Assert.That(InventoryMerge.MissingShards(merged.Issues), Does.StartWith("shards 2/4, 4/4 missing"));
        }

        // When the merged inventory is merged again with a whole scan of another source
        var otherFolder = Directory.CreateDirectory(Path.Combine(_dir, "other")).FullName;
        var other = new SourceConfig { Name = "zz-other", Connection = ScanRunnerScaleTests.ChinookSources(otherFolder, 1)[0].Connection };
        var otherPath = Save(await ScanAsync([other]), "other.json");
        var again = Path.Combine(_dir, "again.json");
        Assert.That(await MergeAsync(mergedPath, otherPath, "--out", again), Is.EqualTo(ExitCodes.ScanIncomplete));

        // Then the shards are still fields, and what reads missing shards says the same
        var remerged = InventoryJson.Read(again);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(remerged.Issues.Where(i => i.Kind == InventoryMerge.ShardMissingKind).Select(i => (i.Source, i.Shard)), Is.EquivalentTo(expected));
            Assert.That(remerged.Sources.Select(s => s.Name), Does.Contain("zz-other"));
            Assert.That(InventoryMerge.MissingShards(remerged.Issues), Is.EqualTo(InventoryMerge.MissingShards(merged.Issues)));
        }
    }

    [Test]
    public async Task InventoryMergedBeforeTheField_ShardReadFromTheMessage()
    {
        // Given a merged inventory written as before session 44: its issues have no "shard" key
        var sources = ScanRunnerScaleTests.ChinookSources(_dir, 4);
        var parts = new List<InventoryPart>();
        foreach (var i in new[] { 1, 3 })
            parts.Add(new InventoryPart($"part-{i}.json", await ScanAsync(sources, new ScanShard(i, 3))));
        var current = InventoryJson.Serialize(InventoryMerge.Merge(parts));
        var json = JsonNode.Parse(current)!;
        foreach (var issue in json["issues"]!.AsArray()) issue!.AsObject().Remove("shard");
        var oldPath = Path.Combine(_dir, "old.json");
        File.WriteAllText(oldPath, json.ToJsonString());

        // Then it reads with the field null and the missing shard is named from the message, as the new document names it
        var old = InventoryJson.Read(oldPath);
        var now = InventoryJson.Read(Save(InventoryMerge.Merge(parts), "now.json"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(old.Issues, Is.Not.Empty);
            Assert.That(old.Issues.Select(i => i.Shard), Is.All.Null);
            Assert.That(now.Issues.Select(i => i.Shard), Is.All.EqualTo("2/3"));
            Assert.That(InventoryMerge.MissingShards(old.Issues), Is.EqualTo(InventoryMerge.MissingShards(now.Issues)).And.StartsWith("shard 2/3 missing"));
        }
    }

    [Test]
    public void MissingShards_TheFieldWinsOverTheMessage()
    {
        // An issue whose message no longer starts with "shard I/N" (reworded, translated) is still named by its field.
        ScanIssue Missing(string source, string? shard, string message) => new(source, null, null, InventoryMerge.ShardMissingKind, message) { Shard = shard };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(InventoryMerge.MissingShards([Missing("billing", "3/5", "le fragment manque")]), Is.EqualTo("shard 3/5 missing (billing)"));
            Assert.That(InventoryMerge.MissingShards([Missing("billing", "3/5", "shard 1/5 is not among the merged parts: …")]), Is.EqualTo("shard 3/5 missing (billing)"));
            Assert.That(InventoryMerge.MissingShards([Missing("billing", null, "shard 1/5 is not among the merged parts: …")]), Is.EqualTo("shard 1/5 missing (billing)"));
        }
    }

    [Test]
    public void Normalize_ManyMissingShardsOfUnknownSources_InShardOrder()
    {
        // Given 40 '*' issues that differ only by their shard, added in a scrambled order (past the size where the
        // sort is an insertion sort, so a tie would be left in any order)
        var order = Enumerable.Range(1, 40).OrderBy(i => (i * 17) % 41).ToList();
        var document = new InventoryDocument
        {
            Issues = [.. order.Select(i => new ScanIssue("*", null, null, InventoryMerge.ShardMissingKind, $"shard {i}/40 is not among the merged parts: …") { Shard = $"{i}/40" })],
        };

        document.Normalize();

        Assert.That(document.Issues.Select(i => i.Shard), Is.EqualTo(Enumerable.Range(1, 40).Select(i => $"{i}/40")));
    }
}
