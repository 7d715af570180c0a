using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Reports.Export;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Export;

/// <summary>Issue 13's acceptance on a real PostgreSQL: Chinook scanned, exported as column comments, the script applied
/// as admin to a copy, the copy re-scanned: every exported column comes back as a database label with its category,
/// existing comment text is kept, re-applying changes nothing, and the undo block restores the scanned comments.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresExportRoundTripTests
{
    private const string CustomerAnnotations = """
        table: customer
        columns:
          email: { category: contact.email }
          phone: { category: contact.phone }
          company: { category: contact.company_name }
          support_rep_id: { category: none }
          "sign\nup": { category: contact.email }
        """;

    [Test]
    public async Task Export_ChinookAppliedToACopy_EveryExportedColumnRoundTripsAsADatabaseLabel()
    {
        // Given Chinook in PostgreSQL, with a free-text comment, a stale structured comment and a structured label
        await using var db = await TestPostgres.CreateAsync("exprt");
        var chinook = ChinookScript();
        try { db.RunPsqlFile(chinook); } finally { File.Delete(chinook); }
        await db.ExecuteAsync("""
            COMMENT ON COLUMN customer.email IS 'Customer''s e-mail; see CRM';
            COMMENT ON COLUMN customer.phone IS E'Main phone\ninventory: contact.email';
            COMMENT ON COLUMN employee.birth_date IS 'inventory: other_personal.date_of_birth';
            ALTER TABLE customer ADD COLUMN "sign
            up" text;
            COMMENT ON COLUMN customer."sign
            up" IS 'legacy note';
            """);
        using var dir = new TempFolder();
        dir.Write("annotations/customer.yml", CustomerAnnotations);
        var inventoryPath = Path.Combine(dir.Path, "inventory.json");
        InventoryJson.Write(await ScanAsync(db.ConnectionString), inventoryPath);

        // When it is exported through the command line with check's threshold option
        var scriptPath = Path.Combine(dir.Path, "labels.sql");
        var console = new TestConsole();
        var code = await InventoryApp.RunAsync(["export", "--inventory", inventoryPath, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--accept-classification-above", "0.9", "--format", "postgres-comments", "--out", scriptPath], console);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
        var script = await File.ReadAllTextAsync(scriptPath);

        // (the columns it exports, by the same merge and selection, as the expectation)
        var merged = InventoryJson.Read(inventoryPath);
        new InventoryFlow(null).MergeAnnotations(merged, new AnnotationsLocation(Path.Combine(dir.Path, "annotations"), IsExplicit: true));
        var exported = LabelSelection.Select(merged, new ExportOptions { AcceptClassificationAbove = 0.9 }).Columns
            .ToDictionary(c => (c.Table.QualifiedName, c.Column.Name), c => c.Category);

        TestContext.Out.WriteLine($"exported {exported.Count} columns: " + string.Join(", ", exported.Select(e => $"{e.Key.Item1}.{e.Key.Item2}={e.Value}")));

        // and the script is applied twice, as admin, to a copy of the database, which is then re-scanned
        await using var copy = await CopyAsync(db);
        copy.RunPsqlFile(scriptPath);
        copy.RunPsqlFile(scriptPath);
        var rescanned = await ScanAsync(copy.ConnectionString);
        new AnnotationMerger().Apply(rescanned, AnnotationSet.Empty);
        var after = rescanned.AllColumns().ToDictionary(x => (x.Table.QualifiedName, x.Column.Name), x => x.Column);

        // Then every exported column is a database label of the exported category
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exported, Has.Count.GreaterThanOrEqualTo(6), "annotated, database-labelled and accepted columns");
            Assert.That(exported.Values, Does.Contain("none").And.Contain("contact.email").And.Contain("other_personal.date_of_birth"));
            Assert.That(exported.Where(e => e.Key.Item1 != "customer" && e.Key != ("employee", "birth_date")), Is.Not.Empty, "suggestions at or above 0.9 are exported");
            foreach (var ((table, column), category) in exported)
            {
                Assert.That(after[(table, column)].Origin, Is.EqualTo(Origin.DatabaseLabel), $"{table}.{column} origin");
                Assert.That(after[(table, column)].DataCategory, Is.EqualTo(category), $"{table}.{column} category");
            }
            // existing text kept, a stale structured line replaced in place, untouched columns left alone
            Assert.That(after[("customer", "email")].Comment, Is.EqualTo("Customer's e-mail; see CRM\ninventory: contact.email"));
            Assert.That(after[("customer", "phone")].Comment, Is.EqualTo("Main phone\ninventory: contact.phone"));
            Assert.That(after.Where(a => !exported.ContainsKey(a.Key)).Select(a => a.Value.Comment), Has.All.Null);
            Assert.That(after.Where(a => !exported.ContainsKey(a.Key)).Select(a => a.Value.Origin), Has.None.EqualTo(Origin.DatabaseLabel));
            // no sampled value in the script: no e-mail address, no phone number of the data
            Assert.That(script, Does.Not.Contain("@").And.Not.Contain("luisg").And.Not.Contain("+55 (12)").And.Not.Contain("Gonçalves"));
            // the scanned database itself was never written
            Assert.That(await CommentAsync(db, "customer", "email"), Is.EqualTo("Customer's e-mail; see CRM"));
        }

        // When the undo block is run on the copy, Then the comments are back as scanned
        var undo = Path.Combine(dir.Path, "undo.sql");
        await File.WriteAllLinesAsync(undo, script[script.IndexOf("-- UNDO", StringComparison.Ordinal)..].Split('\n')
            .Where(l => l.StartsWith("-- ", StringComparison.Ordinal) && !l.StartsWith("-- UNDO", StringComparison.Ordinal)).Select(l => l[3..]));
        copy.RunPsqlFile(undo);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await CommentAsync(copy, "customer", "email"), Is.EqualTo("Customer's e-mail; see CRM"));
            Assert.That(await CommentAsync(copy, "customer", "phone"), Is.EqualTo("Main phone\ninventory: contact.email"));
            Assert.That(await CommentAsync(copy, "customer", "company"), Is.Null);
            // a column whose name holds a line break: its undo line names it on one line (U&"…")
            Assert.That(await CommentAsync(copy, "customer", "sign\nup"), Is.EqualTo("legacy note"));
        }
    }

    /// <summary>Trial41 findings 1 and 2: a comment a DBA edited after the scan was overwritten (the undo block could not
    /// bring it back), and a column dropped since the scan stopped the script with psql's bare "does not exist". The script
    /// now checks every column first and, when one changed, stops before any change with one error naming them all.</summary>
    [Test]
    public async Task Export_ColumnsChangedAfterTheScan_StopsBeforeAnyChangeNamingThem()
    {
        // Given a scanned database with a commented column, exported as PostgreSQL comments
        await using var db = await TestPostgres.CreateAsync("expchg");
        await db.ExecuteAsync("""
            CREATE TABLE "Client List" (id int PRIMARY KEY, email text, phone text, "it's" text, nick text);
            COMMENT ON COLUMN "Client List".email IS 'Login e-mail';
            INSERT INTO "Client List" VALUES (1, 'ana.k@example.com', '+49 30 1234567', 'x', 'ana');
            """);
        using var dir = new TempFolder();
        dir.Write("annotations/client.yml", """
            table: Client List
            columns:
              id: none
              email: contact.email
              phone: contact.phone
              "it's": none
              nick: contact.username
            """);
        var scriptPath = await ScanAndExportAsync(db, dir);

        // When, after the scan, a DBA edits two comments and drops a column, and the script is applied
        await db.ExecuteAsync("""
            COMMENT ON COLUMN "Client List".email IS 'Login e-mail, edited by the DBA';
            COMMENT ON COLUMN "Client List".phone IS 'Edited by the DBA';
            ALTER TABLE "Client List" DROP COLUMN "it's";
            """);
        var error = Assert.Throws<InvalidOperationException>(() => db.RunPsqlFile(scriptPath))!.Message;

        // Then it stops before any change, with one error naming the three columns and the way out
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Does.Contain("inventory export: 3 of the exported columns changed since the scan, so nothing was applied"));
            Assert.That(error, Does.Contain("Client List.email: its comment was changed since the scan"));
            Assert.That(error, Does.Contain("Client List.phone: its comment was changed since the scan"));
            Assert.That(error, Does.Contain("Client List.it's: not in the database (dropped or renamed since the scan)"));
            Assert.That(error, Does.Contain("Re-scan the database, export again"));
            Assert.That(await CommentAsync(db, "Client List", "email"), Is.EqualTo("Login e-mail, edited by the DBA"));
            Assert.That(await CommentAsync(db, "Client List", "phone"), Is.EqualTo("Edited by the DBA"));
            Assert.That(await CommentAsync(db, "Client List", "nick"), Is.Null, "unchanged columns are not written either: one transaction");
        }

        // When the DBA's edits are put back as the scan saw them (the dropped column stays dropped) and the script re-exported
        // from a new scan, Then it applies, and the unchanged columns get their label
        await db.ExecuteAsync("""COMMENT ON COLUMN "Client List".email IS 'Login e-mail'; COMMENT ON COLUMN "Client List".phone IS NULL;""");
        var partial = await File.ReadAllTextAsync(scriptPath);
        Assert.That(() => db.RunPsqlFile(scriptPath), Throws.InvalidOperationException.With.Message.Contains("1 of the exported columns"), "the dropped column still stops it");
        await ScanAndExportAsync(db, dir);
        db.RunPsqlFile(scriptPath);
        db.RunPsqlFile(scriptPath);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await CommentAsync(db, "Client List", "email"), Is.EqualTo("Login e-mail\ninventory: contact.email"));
            Assert.That(await CommentAsync(db, "Client List", "nick"), Is.EqualTo("inventory: contact.username"));
            Assert.That(partial, Does.Not.Contain("@example").And.Not.Contain("+49"), "no sampled value in the script");
        }
    }

    /// <summary>Scans <paramref name="db"/> into <c>inventory.json</c> of <paramref name="dir"/> and exports it with the
    /// annotations of its <c>annotations/</c> folder as <c>postgres-comments</c> to <c>labels.sql</c> (the CLI's export).</summary>
    /// <returns>The path of the script written.</returns>
    private static async Task<string> ScanAndExportAsync(TestDatabase db, TempFolder dir)
    {
        var inventoryPath = Path.Combine(dir.Path, "inventory.json");
        InventoryJson.Write(await ScanAsync(db.ConnectionString), inventoryPath);
        var scriptPath = Path.Combine(dir.Path, "labels.sql");
        var console = new TestConsole();
        var code = await InventoryApp.RunAsync(["export", "--inventory", inventoryPath, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--format", "postgres-comments", "--out", scriptPath], console);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
        return scriptPath;
    }

    private static Task<InventoryDocument> ScanAsync(string connectionString) =>
        new ScanRunner(ClassifierFactory.CreateDefault())
            .RunAsync(new ScanRequest { Sources = [new SourceConfig { Name = "chinook", Connection = connectionString, Provider = "postgres" }], Parallelism = 2 });

    /// <summary>Chinook's PostgreSQL script without its own CREATE DATABASE and \c lines (it runs in the test database).</summary>
    private static string ChinookScript()
    {
        var lines = File.ReadAllLines(Path.Combine(SharedPaths.Data, "chinook", "Chinook_PostgreSql.sql"))
            .Where(l => !l.StartsWith("DROP DATABASE", StringComparison.Ordinal) && !l.StartsWith("CREATE DATABASE", StringComparison.Ordinal)
                        && !l.StartsWith("\\c ", StringComparison.Ordinal));
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"chinook-export-{Guid.NewGuid():N}.sql");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>A copy of <paramref name="source"/> made with CREATE DATABASE … TEMPLATE (dropped on dispose).</summary>
    private static async Task<TestDatabase> CopyAsync(TestDatabase source)
    {
        NpgsqlConnection.ClearAllPools();
        var name = $"{source.Name}_copy";
        await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{source.Name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return new TestDatabase(name, new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = name }.ConnectionString);
    }

    private static async Task<string?> CommentAsync(TestDatabase db, string table, string column)
    {
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT col_description(c.oid, a.attnum) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid " +
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relname = @t AND a.attname = @c", connection);
        cmd.Parameters.AddWithValue("t", table);
        cmd.Parameters.AddWithValue("c", column);
        return await cmd.ExecuteScalarAsync() as string;
    }
}
