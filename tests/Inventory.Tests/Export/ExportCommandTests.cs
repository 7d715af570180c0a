using Inventory.Cli;
using Inventory.Model;
using Inventory.Tests.Annotations;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Export;

/// <summary><c>inventory export</c> end to end on saved inventories: the same annotation merge and threshold as
/// <c>check</c>, bad input as one line and exit 2 with nothing written, atomic output.</summary>
[TestFixture]
public sealed class ExportCommandTests
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    /// <summary>users(id, email, ip, nickname): email and ip only suggested (0.95 and 0.7), nickname untagged.</summary>
    private static string SaveUsers(TempFolder dir, string provider = "postgres")
    {
        var users = ExportDocuments.Table("public", "users",
        [
            ExportDocuments.Suggested("id", "none", 0.99, 1),
            ExportDocuments.Suggested("email", "contact.email", 0.95, 2),
            ExportDocuments.Suggested("ip", "automatic.ip_address", 0.7, 3),
            new ColumnEntry { Name = "nickname", Ordinal = 4, DeclaredType = "text", MaskedExamples = ["j***y"] },
        ]);
        var document = ExportDocuments.Document(provider, users);
        var path = Path.Combine(dir.Path, "inventory.json");
        InventoryJson.Write(document, path);
        return path;
    }

    [Test]
    public async Task Export_AnnotationsAndFlagThreshold_ExportsTaggedAndAcceptedColumnsOnly()
    {
        // Given an annotation for id and nickname, suggestions for email (0.95) and ip (0.7)
        using var dir = new TempFolder();
        var inventory = SaveUsers(dir);
        dir.Write("annotations/users.yml", "table: users\ncolumns:\n  id: { category: none }\n  nickname: { category: contact.username }\n");
        var output = Path.Combine(dir.Path, "out", "labels.sql");

        // When exported with --accept-classification-above 0.9
        var (code, text) = await RunAsync("export", "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--accept-classification-above", "0.9", "--format", "postgres-comments", "--out", output);

        // Then id, nickname and email are exported, ip (0.7) is not, and no masked example reaches the script
        var script = await File.ReadAllTextAsync(output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(text, Does.Contain("for 3 columns"));
            Assert.That(script, Does.Contain("\"users\".\"id\" IS 'inventory: none'"));
            Assert.That(script, Does.Contain("\"users\".\"nickname\" IS 'inventory: contact.username'"));
            Assert.That(script, Does.Contain("\"users\".\"email\" IS 'inventory: contact.email'"));
            Assert.That(script, Does.Not.Contain("\"ip\""));
            Assert.That(script, Does.Contain("-- users.email: contact.email (rules suggestion, confidence 0.95)"));
            Assert.That(script, Does.Match(@"-- users\.nickname: contact\.username \(annotation [^\n]*annotations/users\.yml:4\)\n"));
            Assert.That(script, Does.Not.Contain("j***y"));
            Assert.That(Directory.GetFiles(Path.Combine(dir.Path, "out")), Has.Length.EqualTo(1), "no temporary file left behind");
        }
    }

    [Test]
    public async Task Export_NoThreshold_ExportsNoSuggestion()
    {
        using var dir = new TempFolder();
        var inventory = SaveUsers(dir);
        var output = Path.Combine(dir.Path, "fides.yml");

        var (code, text) = await RunAsync("export", "--inventory", inventory, "--format", "fides", "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), text);
            Assert.That(text, Does.Contain("for 0 columns"));
            Assert.That(await File.ReadAllTextAsync(output), Does.Contain("collections: []"));
        }
    }

    [Test]
    public async Task Export_ConfigThreshold_AppliesUnlessTheFlagOverridesIt()
    {
        // Given a config whose check section accepts suggestions from 0.6
        using var dir = new TempFolder();
        var inventory = SaveUsers(dir);
        var config = dir.Write("inventory.yml", "check:\n  accept-classification-above: 0.6\n");
        var output = Path.Combine(dir.Path, "labels.sql");

        // When exported with the config, then with the config and a stricter flag
        var (code, _) = await RunAsync("export", "--inventory", inventory, "--config", config, "--format", "postgres-comments", "--out", output);
        var withConfig = await File.ReadAllTextAsync(output);
        var (code2, _) = await RunAsync("export", "--inventory", inventory, "--config", config, "--accept-classification-above", "0.96",
            "--format", "postgres-comments", "--out", output);
        var withFlag = await File.ReadAllTextAsync(output);

        // Then the config accepts id, email and ip; the flag only id (0.99)
        using (Assert.EnterMultipleScope())
        {
            Assert.That((code, code2), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)));
            Assert.That(withConfig, Does.Contain("\"ip\" IS").And.Contain("\"email\" IS").And.Contain("\"id\" IS"));
            Assert.That(withFlag, Does.Contain("\"id\" IS").And.Not.Contain("\"email\" IS").And.Not.Contain("\"ip\" IS"));
        }
    }

    [Test]
    public async Task Export_InvalidAnnotationFile_ExitsTwoAndWritesNothing()
    {
        using var dir = new TempFolder();
        var inventory = SaveUsers(dir);
        dir.Write("annotations/users.yml", "table: users\ncolumns:\n  email: { category: contact.emial }\n");
        var output = Path.Combine(dir.Path, "labels.sql");

        var (code, text) = await RunAsync("export", "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--format", "postgres-comments", "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(text, Does.Contain("users.yml:3:").And.Contain("nothing exported"));
            Assert.That(File.Exists(output), Is.False);
        }
    }

    [TestCase("--format", "csv", "unknown --format 'csv'; use one of: sqlserver-labels, postgres-comments, mysql-comments, fides, sqlserver-extended-properties (mysql-comments serves MySQL and MariaDB; sqlserver-extended-properties is SQL Server before 2019)")]
    [TestCase("--format", "sqlserver-labels", "was scanned from postgres; --format sqlserver-labels writes statements for sqlserver: use --format postgres-comments")]
    [TestCase("--format", "postgres-comments", "was scanned from sqlite; --format postgres-comments writes statements for postgres: sqlite has no column comments or labels to write to; --format fides carries the labels to a catalog instead", "sqlite")]
    public async Task Export_BadFormat_ExitsTwoWithOneLine(string option, string value, string message, string provider = "postgres")
    {
        using var dir = new TempFolder();
        var inventory = SaveUsers(dir, provider);
        var output = Path.Combine(dir.Path, "labels.sql");

        var (code, text) = await RunAsync("export", "--inventory", inventory, option, value, "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(text, Does.Contain(message));
            Assert.That(File.Exists(output), Is.False);
        }
    }

    [Test]
    public async Task Export_MariaDbCommentsSpelling_WritesTheMySqlScript()
    {
        // trial28 finding 7: the scan takes mariadb://, so a MariaDB user tries --format mariadb-comments.
        using var dir = new TempFolder();
        var inventory = SaveUsers(dir, "mysql");
        var mysql = Path.Combine(dir.Path, "mysql.sql");
        var mariadb = Path.Combine(dir.Path, "mariadb.sql");

        var (code, _) = await RunAsync("export", "--inventory", inventory, "--format", "mysql-comments", "--accept-classification-above", "0.9", "--out", mysql);
        var (code2, text2) = await RunAsync("export", "--inventory", inventory, "--format", "mariadb-comments", "--accept-classification-above", "0.9", "--out", mariadb);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((code, code2), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), text2);
            Assert.That(File.ReadAllText(mariadb), Is.EqualTo(File.ReadAllText(mysql)).And.Contain("MODIFY COLUMN"));
        }
    }

    [Test]
    public async Task Export_WithoutInventory_ExitsTwoAndSaysExportNeverScans()
    {
        var (code, text) = await RunAsync("export", "--format", "fides", "--out", "x.yml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(text, Does.Contain("--inventory FILE is required"));
        }
    }

    [Test]
    public async Task Export_SeveralSources_NeedsSourceForADatabaseScript()
    {
        // Given an inventory with two PostgreSQL sources whose columns carry structured comments (database labels)
        using var dir = new TempFolder();
        var document = ExportDocuments.Document("postgres", ExportDocuments.Table("public", "users", [ExportDocuments.Tagged("email", "contact.email", comment: "inventory: contact.email")]));
        document.Sources.Add(new SourceEntry
        {
            Name = "crm", Provider = "postgres",
            Tables = [ExportDocuments.Table("public", "leads", [ExportDocuments.Tagged("phone", "contact.phone", comment: "inventory: contact.phone")])],
        });
        var inventory = Path.Combine(dir.Path, "inventory.json");
        InventoryJson.Write(document, inventory);
        var output = Path.Combine(dir.Path, "labels.sql");

        // When exported without, then with --source
        var (code, text) = await RunAsync("export", "--inventory", inventory, "--format", "postgres-comments", "--out", output);
        var (code2, _) = await RunAsync("export", "--inventory", inventory, "--format", "postgres-comments", "--source", "crm", "--out", output);
        var (code3, text3) = await RunAsync("export", "--inventory", inventory, "--format", "postgres-comments", "--source", "nope", "--out", output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(text, Does.Contain("name one with --source"));
            Assert.That(code2, Is.EqualTo(ExitCodes.Ok));
            Assert.That(await File.ReadAllTextAsync(output), Does.Contain("\"leads\".\"phone\"").And.Not.Contain("\"users\""));
            Assert.That(code3, Is.EqualTo(ExitCodes.BadInput));
            Assert.That(text3, Does.Contain("source 'nope' is not in the inventory"));
        }
    }

    /// <summary>users(email, backup_email): both hold e-mail addresses by the detector (5/5 sampled values).</summary>
    private static string SaveEmails(TempFolder dir)
    {
        static ColumnEntry Emails(string name, int ordinal)
        {
            var column = ExportDocuments.Suggested(name, "contact.email", 0.97, ordinal);
            column.Classification = column.Classification! with { Evidence = [new Inventory.Classification.EvidenceItem("detector", "detector.email", "contact.email", 5, 5, 1.0)] };
            column.Stats = new SampleStats { SampledRows = 5, NonNull = 5, DistinctRatio = 1 };
            return column;
        }
        var document = ExportDocuments.Document("postgres", ExportDocuments.Table("public", "users", [Emails("email", 1), Emails("backup_email", 2)]));
        var path = Path.Combine(dir.Path, "inventory.json");
        InventoryJson.Write(document, path);
        return path;
    }

    [Test]
    public async Task Export_ConflictedAnnotation_HeldBackWithOneWarningLineAndCounted()
    {
        // Given backup_email annotated none while 5/5 of its sampled values are e-mail addresses (a conflict for check)
        using var dir = new TempFolder();
        var inventory = SaveEmails(dir);
        dir.Write("annotations/users.yml", "table: users\ncolumns:\n  email: contact.email\n  backup_email: none\n");
        var output = Path.Combine(dir.Path, "labels.sql");
        var console = new TestConsole();
        console.Profile.Width = 400;
        var stderr = new StringWriter();

        // When exported
        var code = await InventoryApp.RunAsync(["export", "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--format", "postgres-comments", "--out", output], console, stderr);

        // Then the disputed `none` is not written into the catalog: one warning line on stderr, counted in the summary and the header
        var script = await File.ReadAllTextAsync(output);
        var warnings = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(warnings, Has.Length.EqualTo(1));
            Assert.That(warnings[0], Does.Match(@"^warning: users\.backup_email  conflict, not exported: annotated none, but 5/5 non-null sampled values are e-mail " +
                                                @"\(detector\.email\) \(annotation [^)]*annotations/users\.yml:4\); fix the category, or add a reason: to confirm it, then export again$"));
            Assert.That(console.Output, Does.Contain("for 1 column to").And.Contain("0 not exported: untagged or below the accepted confidence; 1 held back: annotation contradicted by the scan, see the warnings"));
            Assert.That(script, Does.Contain("\"users\".\"email\" IS 'inventory: contact.email'"));
            Assert.That(script, Does.Not.Contain("\"backup_email\" IS"));
            Assert.That(script, Does.Contain("-- Columns held back: 1 in conflict"));
            Assert.That(script, Does.Match(@"--   users\.backup_email: none \(annotation [^)]*users\.yml:4\): annotated none, but 5/5 non-null sampled values are e-mail"));
        }
    }

    [Test]
    public async Task Export_ConflictConfirmedByAReason_IsExported()
    {
        using var dir = new TempFolder();
        var inventory = SaveEmails(dir);
        dir.Write("annotations/users.yml", "table: users\ncolumns:\n  email: contact.email\n  backup_email: { category: none, reason: \"hashed, reviewed with the DPO\" }\n");
        var output = Path.Combine(dir.Path, "labels.sql");
        var stderr = new StringWriter();

        var code = await InventoryApp.RunAsync(["export", "--inventory", inventory, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--format", "postgres-comments", "--out", output], new TestConsole(), stderr);

        var script = await File.ReadAllTextAsync(output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok));
            Assert.That(stderr.ToString(), Is.Empty);
            Assert.That(script, Does.Contain("\"users\".\"backup_email\" IS 'inventory: none'"));
            Assert.That(script, Does.Not.Contain("held back"));
        }
    }
}
