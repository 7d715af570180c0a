using Inventory.Cli;
using Microsoft.Data.Sqlite;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Annotations;

/// <summary><c>annotate</c> after a column was renamed (trial38 finding 10): the reviewed entry goes with the column when
/// check's rename hint is unambiguous (the entry is the table's only stale one and the hinted column its only column
/// without an entry), only its key rewritten; otherwise the entry stays and the new column gets a stub. Real SQLite
/// databases, real scan and annotate commands.</summary>
[TestFixture]
[NonParallelizable]
public sealed class RenamedColumnAnnotateTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ScratchFolder.Create("inventory-column-rename");

    [TearDown]
    public void TearDown() => ScratchFolder.Delete(_dir);

    /// <summary>The reviewed file of <c>customers</c> with an entry keyed <paramref name="key"/> (as written, maybe
    /// quoted) and, when given, a second entry <paramref name="other"/>.</summary>
    private static string Reviewed(string key, string? other = null) =>
        "# Reviewed with the DPO on 2026-11-12: keep this comment.\n"
        + "table: customers\ncolumns:\n  id: { category: none }\n  display_name: { category: contact.name }\n"
        + $"  {key}:   # the support line\n    category: contact.phone\n    reason: customers' own numbers   # reviewed\n"
        + (other is null ? "" : $"  {other}: {{ category: contact.phone }}\n");

    private async Task<(int Code, string Output, string File)> AnnotateAsync(string columns, string reviewed)
    {
        var db = Path.Combine(_dir, "app.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE TABLE customers (id INTEGER PRIMARY KEY, display_name TEXT, {columns})";
            create.ExecuteNonQuery();
        }
        var annotations = Path.Combine(_dir, "annotations");
        Directory.CreateDirectory(annotations);
        var file = Path.Combine(annotations, "customers.yml");
        await File.WriteAllTextAsync(file, reviewed);
        var inventory = Path.Combine(_dir, "inventory.json");
        var scan = await InventoryApp.RunAsync(["scan", "--connection", "sqlite:" + db, "--out", inventory], new TestConsole(), new StringWriter());
        Assert.That(scan, Is.EqualTo(ExitCodes.Ok));
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(["annotate", "--inventory", inventory, "--annotations", annotations], console, new StringWriter());
        return (code, console.Output, file);
    }

    [TestCase("phone", "mobile_phone")]
    [TestCase("telephone", "telephone_mobile")]
    [TestCase("Telefon", "TelefonMobil")]
    [TestCase("telefono", "telefono_movil")]
    [TestCase("phone", "numero_de_portable")]
    public async Task Annotate_ColumnRenamed_CarriesTheReviewedEntryOverWithItsComments(string old, string renamed)
    {
        var (code, output, file) = await AnnotateAsync($"{renamed} TEXT", Reviewed(old));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(File.ReadAllText(file), Is.EqualTo(Reviewed(renamed)), "only the entry's key changed, no stub appended");
            Assert.That(output, Does.Contain($"carried over entry '{old}' in ").And.Contain($"annotations/customers.yml: column {old} of customers was renamed to {renamed}"));
            Assert.That(output, Does.Contain("nothing to write: every column already has an annotation entry"));
        }
    }

    [Test]
    public async Task Annotate_QuotedKey_RewrittenInPlace()
    {
        var (_, _, file) = await AnnotateAsync("mobile_phone TEXT", Reviewed("'phone'"));

        Assert.That(File.ReadAllText(file), Is.EqualTo(Reviewed("mobile_phone")));
    }

    [TestCase("mobile_phone TEXT, phone_verified INTEGER", null, TestName = "Annotate_TwoNewColumns_NothingCarried")]
    [TestCase("mobile_phone TEXT", "fax", TestName = "Annotate_TwoStaleEntries_NothingCarried")]
    [TestCase("created_at TEXT", null, TestName = "Annotate_NewColumnNothingAlike_NothingCarried")]
    public async Task Annotate_AmbiguousOrUnrelated_EntryStaysAndTheNewColumnsGetStubs(string columns, string? otherStale)
    {
        var reviewed = Reviewed("phone", otherStale);

        var (code, output, file) = await AnnotateAsync(columns, reviewed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(output, Does.Not.Contain("carried over"));
            Assert.That(File.ReadAllText(file), Does.StartWith(reviewed), "the reviewed entries unchanged; stubs appended after them");
            Assert.That(output, Does.Contain("annotations/customers.yml: customers, ").And.Contain("appended to "));
        }
    }
}
