using Inventory.Cli;
using Microsoft.Data.Sqlite;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Annotations;

/// <summary><c>annotate</c> after a table was renamed (trial36 finding 4): the reviewed file goes with the table when
/// check's rename hint is unambiguous, and stays put, with a comment in the candidates' stubs, when it is not. Real
/// SQLite databases, real scan and annotate commands.</summary>
[TestFixture]
[NonParallelizable]
public sealed class RenamedTableAnnotateTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = ScratchFolder.Create("inventory-rename");

    [TearDown]
    public void TearDown() => ScratchFolder.Delete(_dir);

    private const string Reviewed = """
        # Reviewed with the DPO on 2026-11-12: keep this comment.
        table: attachments   # the support team's uploads
        columns:
          id: { category: none }
          filename:
            category: customer_content.file
            reason: names users give their uploads   # reviewed
          uploader_email: { category: contact.email, retention: 2 years }
        """;

    private const string Attachments = "(id INTEGER PRIMARY KEY, filename TEXT, uploader_email TEXT{0})";

    private string Database(string name, params string[] tables)
    {
        var path = Path.Combine(_dir, name + ".db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        foreach (var table in tables)
        {
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE TABLE {table}";
            create.ExecuteNonQuery();
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users VALUES (1, 'a@example.org')";
        insert.ExecuteNonQuery();
        return path;
    }

    private async Task<(int Code, string Output, string Annotations)> AnnotateAsync(string config, string reviewedFile = "attachments.yml", string reviewed = Reviewed)
    {
        var annotations = Path.Combine(_dir, "annotations");
        Directory.CreateDirectory(annotations);
        await File.WriteAllTextAsync(Path.Combine(annotations, reviewedFile), reviewed);
        await File.WriteAllTextAsync(Path.Combine(annotations, "users.yml"), "table: users\ncolumns:\n  id: { category: none }\n  email: { category: contact.email }\n");
        var configPath = Path.Combine(_dir, "inventory.yml");
        await File.WriteAllTextAsync(configPath, config);
        var inventory = Path.Combine(_dir, "inventory.json");
        var scan = await InventoryApp.RunAsync(["scan", "--config", configPath, "--out", inventory], new TestConsole(), new StringWriter());
        Assert.That(scan, Is.EqualTo(ExitCodes.Ok));
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(["annotate", "--inventory", inventory, "--annotations", annotations], console, new StringWriter());
        return (code, console.Output, annotations);
    }

    private static string[] Files(string folder) => Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Test]
    public async Task Annotate_TableRenamedSameColumns_CarriesTheReviewedFileOverWithItsComments()
    {
        var db = Database("app", "pieces_jointes" + string.Format(Attachments, ""));

        var (code, output, annotations) = await AnnotateAsync($"sources:\n  - name: app\n    connection: sqlite:{db}\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(Files(annotations), Is.EqualTo(new[] { "pieces_jointes.yml", "users.yml" }), "moved, no empty stub");
            Assert.That(File.ReadAllText(Path.Combine(annotations, "pieces_jointes.yml")),
                Is.EqualTo(Reviewed.Replace("table: attachments   #", "table: pieces_jointes   #")), "only table: changed");
            Assert.That(output, Does.Contain("annotations/attachments.yml, now ").And.Contain(
                "annotations/pieces_jointes.yml: table attachments was renamed to pieces_jointes (the one table without annotation that holds its columns); review its entries"));
            Assert.That(output, Does.Contain("nothing to write: every column already has an annotation entry"));
        }
    }

    [Test]
    public async Task Annotate_RenamedTableOfSeveralActivitiesGainedAColumn_TheListIsKeptAsWritten()
    {
        var db = Database("app", "pieces_jointes" + string.Format(Attachments, ", checksum TEXT"));
        var reviewed = Reviewed.Replace("columns:\n", "activity: [service-operation, legal-requests]   # support and court requests\ncolumns:\n", StringComparison.Ordinal);

        var (code, _, annotations) = await AnnotateAsync($"sources:\n  - name: app\n    connection: sqlite:{db}\n", reviewed: reviewed);

        var file = Path.Combine(annotations, "pieces_jointes.yml");
        var text = File.ReadAllText(file);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        Assert.That(text, Does.Contain("\nactivity: [service-operation, legal-requests]   # support and court requests\n"));
        Assert.That(text, Does.Contain("checksum"), "the new column appended");
        Assert.That(new Inventory.Annotations.AnnotationLoader().LoadFile(file).Single().Activities, Is.EqualTo(new[] { "service-operation", "legal-requests" }));
    }

    [Test]
    public async Task Annotate_RenamedTableGainedAColumn_CarriedOverAndTheNewColumnAppended()
    {
        var db = Database("app", "pieces_jointes" + string.Format(Attachments, ", checksum TEXT"));

        var (code, output, annotations) = await AnnotateAsync($"sources:\n  - name: app\n    connection: sqlite:{db}\n");

        var text = File.ReadAllText(Path.Combine(annotations, "pieces_jointes.yml"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(Files(annotations), Is.EqualTo(new[] { "pieces_jointes.yml", "users.yml" }));
            Assert.That(text, Does.StartWith(Reviewed.Replace("table: attachments   #", "table: pieces_jointes   #")), "the reviewed entries kept as they were");
            Assert.That(text[Reviewed.Length..], Does.Contain("  checksum:").And.Contain("category:"), "the new column's stub appended");
            Assert.That(output, Does.Contain("table attachments was renamed to pieces_jointes"));
            Assert.That(output, Does.Contain("annotations/pieces_jointes.yml: pieces_jointes, 1 column"));
        }
    }

    [Test]
    public async Task Annotate_TwoTablesCouldBeTheRenamedOne_NothingCarriedAndBothStubsNameTheOldTable()
    {
        var db = Database("app", "pieces_jointes" + string.Format(Attachments, ""), "fichiers" + string.Format(Attachments, ""));

        var (code, _, annotations) = await AnnotateAsync($"sources:\n  - name: app\n    connection: sqlite:{db}\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(Files(annotations), Is.EqualTo(new[] { "attachments.yml", "fichiers.yml", "pieces_jointes.yml", "users.yml" }));
            Assert.That(File.ReadAllText(Path.Combine(annotations, "attachments.yml")), Is.EqualTo(Reviewed), "the reviewed file untouched");
            Assert.That(File.ReadAllText(Path.Combine(annotations, "pieces_jointes.yml")), Does.Contain(
                "# Table attachments, annotated in attachments.yml, is no longer in the inventory: it may have been renamed to this table or to 'fichiers'.\n"
                + "# Its entries were not carried over (the match is ambiguous): if this is the table, set `table:` in that file and delete this stub.\n"));
            Assert.That(File.ReadAllText(Path.Combine(annotations, "fichiers.yml")), Does.Contain(
                "it may have been renamed to this table or to 'pieces_jointes'."));
        }
    }

    [Test]
    public async Task Annotate_FleetRenamedTheSharedTable_TheOneSharedFileCarriedOver()
    {
        var config = "sources:\n" + string.Concat(Enumerable.Range(1, 3).Select(i =>
            $"  - name: tenant{i}\n    connection: sqlite:{Database($"tenant{i}", "pieces_jointes" + string.Format(Attachments, ""))}\n"));

        var (code, output, annotations) = await AnnotateAsync(config);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(Files(annotations), Is.EqualTo(new[] { "pieces_jointes.yml", "users.yml" }), "one shared file, no stub per tenant");
            Assert.That(File.ReadAllText(Path.Combine(annotations, "pieces_jointes.yml")),
                Is.EqualTo(Reviewed.Replace("table: attachments   #", "table: pieces_jointes   #")));
            Assert.That(output, Does.Contain("nothing to write"));
        }
    }

    [Test]
    public async Task Annotate_FileNotNamedAfterTheTable_KeepsItsNameAndGetsTheNewTable()
    {
        var db = Database("app", "pieces_jointes" + string.Format(Attachments, ""));

        var (code, _, annotations) = await AnnotateAsync($"sources:\n  - name: app\n    connection: sqlite:{db}\n", "support-uploads.yml",
            Reviewed.Replace("table: attachments   # the support team's uploads", "table: 'attachments'"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(Files(annotations), Is.EqualTo(new[] { "support-uploads.yml", "users.yml" }));
            Assert.That(File.ReadAllText(Path.Combine(annotations, "support-uploads.yml")), Does.Contain("\ntable: pieces_jointes\ncolumns:\n"));
        }
    }
}
