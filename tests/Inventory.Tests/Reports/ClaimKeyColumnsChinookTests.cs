using System.Text.Json;
using Inventory.Cli;
using Inventory.Model;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Reports;

/// <summary>On a real scan of Chinook (SQLite, shipped classifier, seed policy, no annotation), the category claims'
/// unresolved lists hold no key column: Chinook's 21 primary- and foreign-key columns (AlbumId, CustomerId,
/// SupportRepId, ReportsTo…) are set aside and counted, the other untagged columns are listed.</summary>
[TestFixture]
public sealed class ClaimKeyColumnsChinookTests
{
    [Test]
    public async Task Report_ChinookWithoutAnnotations_UnresolvedItemsAreTheUntaggedNonKeyColumns()
    {
        using var dir = new TempFolder();
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var chinook = Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");
        var console = new TestConsole();
        Assert.That(await InventoryApp.RunAsync(["scan", "--connection", "sqlite:" + chinook, "--out", inventory], console), Is.EqualTo(ExitCodes.Ok), console.Output);
        var reportDir = Path.Combine(dir.Path, "report");
        Directory.CreateDirectory(Path.Combine(dir.Path, "annotations"));
        Assert.That(await InventoryApp.RunAsync(["report", "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--policy", "builtin", "--out", reportDir, "--format", "json"], console), Is.EqualTo(ExitCodes.Ok), console.Output);

        var document = InventoryJson.Deserialize(File.ReadAllText(inventory), inventory);
        var keys = document.AllTables()
            .SelectMany(x => x.Table.PrimaryKey.Concat(x.Table.ForeignKeys.SelectMany(fk => fk.Columns)).Select(c => $"default/{x.Table.QualifiedName}.{c}"))
            .ToHashSet(StringComparer.Ordinal);
        var all = document.AllColumns().Select(x => $"default/{x.Table.QualifiedName}.{x.Column.Name}").ToList();
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDir, "report.json")));
        var claims = report.RootElement.GetProperty("claims").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys, Has.Count.EqualTo(21));
            Assert.That(keys, Does.Contain("default/Customer.SupportRepId").And.Contain("default/Employee.ReportsTo").And.Contain("default/PlaylistTrack.TrackId"));
            foreach (var id in new[] { "declared-categories-only", "automatic-data-limited" })
            {
                var claim = claims[id];
                var unresolved = claim.GetProperty("unresolved").EnumerateArray().Select(u => u.GetProperty("location").GetString()!).ToList();
                Assert.That(claim.GetProperty("verdict").GetString(), Is.EqualTo("unknown"), id);
                Assert.That(unresolved, Is.EquivalentTo(all.Where(c => !keys.Contains(c))), id);
                Assert.That(unresolved, Does.Contain("default/Customer.Email").And.Contain("default/Employee.BirthDate"), id);
                Assert.That(claim.GetProperty("summary").GetString(), Does.Contain("but 43 columns are undecided (21 untagged key columns set aside"), id);
            }
        }
    }
}
