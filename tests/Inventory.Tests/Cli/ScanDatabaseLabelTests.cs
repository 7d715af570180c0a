using Inventory.Classification;
using Inventory.Cli;
using Inventory.Model;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>Trial 17 finding 10: a label the database holds (a column comment line <c>inventory: …</c>, as
/// <c>inventory export --format postgres-comments</c> writes it) is applied by <c>scan</c> itself, as <c>check</c> and
/// <c>report</c> apply it, also when no annotations are named: <c>inventory.json</c> and the scan summary showed the
/// classifier's category (<c>none</c> for a sick-days count) with status <c>suggested</c>.</summary>
[TestFixture]
[Category("Integration")]
public sealed class ScanDatabaseLabelTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-scanlabel-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public async Task Scan_WithoutAnnotations_AppliesTheDatabasesCommentLabels()
    {
        // Given a column labelled by its comment, one labelled against its values, and one without a label
        await using var db = await TestPostgres.CreateAsync("scanlabel", """
            CREATE TABLE absence (id integer PRIMARY KEY, days_off integer, contact text, note text);
            INSERT INTO absence SELECT g, g % 20, 'person' || g || '@example.org', 'n' || g FROM generate_series(1, 60) g;
            COMMENT ON COLUMN absence.days_off IS 'inventory: other_personal.health';
            COMMENT ON COLUMN absence.contact IS 'Reviewed.
            inventory: none';
            """);
        var output = Path.Combine(_dir, "i.json");
        var console = new TestConsole();
        console.Profile.Width = 200;

        // When
        var code = await InventoryApp.RunAsync(["scan", "--connection", db.ConnectionString, "--out", output], console);

        // Then
        var columns = InventoryJson.Read(output).AllColumns().ToDictionary(x => x.Column.Name, x => x.Column);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
            Assert.That((columns["days_off"].DataCategory, columns["days_off"].Status, columns["days_off"].Origin),
                Is.EqualTo(("other_personal.health", ColumnStatus.Tagged, (Origin?)Origin.DatabaseLabel)));
            Assert.That(columns["contact"].Status, Is.EqualTo(ColumnStatus.Conflict), "a label the sampled e-mails contradict");
            Assert.That(columns["note"].Status, Is.Not.EqualTo(ColumnStatus.Tagged), "no label, no tag");
            Assert.That(console.Output, Does.Contain("status tagged"), "the summary counts the labelled column");
        }
    }
}
