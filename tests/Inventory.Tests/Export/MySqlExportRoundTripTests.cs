using System.Diagnostics;
using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using MySqlConnector;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Export;

/// <summary>The MySQL export on a real MariaDB: a database scanned, exported as column comments, the script applied with
/// the mariadb client to a copy, the copy re-scanned. Columns the guard accepts come back as database labels of the
/// exported category; columns whose definition the script cannot restate (auto-increment, a default, another collation)
/// are named as skipped and keep their definition.</summary>
[TestFixture]
[Category("Integration")]
public sealed class MySqlExportRoundTripTests
{
    private const string Setup = """
        CREATE TABLE customer (
          id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
          email varchar(255) NOT NULL COMMENT 'Customer''s e-mail; see CRM',
          phone varchar(40) DEFAULT NULL COMMENT 'Main phone\ninventory: contact.email',
          nick varchar(40),
          city varchar(40) NOT NULL DEFAULT 'Paris',
          latin_name varchar(80) CHARACTER SET latin1,
          born date COMMENT 'inventory: other_personal.date_of_birth'
        ) DEFAULT CHARSET=utf8mb4;
        INSERT INTO customer (email, phone, nick, city, latin_name, born) VALUES
          ('ana.k@example.com', '+49 30 1234567', 'ana', 'Berlin', 'Ana K', '1980-01-02'),
          ('b.osei@example.org', '+33 1 23 45 67 89', 'bo', 'Paris', 'B Osei', '1975-05-06');
        """;

    private const string Annotations = """
        table: customer
        columns:
          id: { category: none }
          email: { category: contact.email }
          phone: { category: contact.phone }
          nick: { category: contact.username }
          city: { category: contact.postal_address }
          latin_name: { category: contact.name }
        """;

    [Test]
    public async Task Export_AppliedToACopy_GuardedColumnsRoundTripAndOthersAreSkippedUnchanged()
    {
        // Given a scanned MariaDB database and annotations
        await using var db = await TestMySql.CreateAsync("exprt", Setup);
        using var dir = new TempFolder();
        dir.Write("annotations/customer.yml", Annotations);
        var inventoryPath = Path.Combine(dir.Path, "inventory.json");
        InventoryJson.Write(await ScanAsync(db.ConnectionString), inventoryPath);

        // When exported as MySQL comments and applied twice with the mariadb client to a copy, which is re-scanned
        var scriptPath = Path.Combine(dir.Path, "labels.sql");
        var console = new TestConsole();
        var code = await InventoryApp.RunAsync(["export", "--inventory", inventoryPath, "--annotations", Path.Combine(dir.Path, "annotations"),
            "--format", "mysql-comments", "--out", scriptPath], console);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
        await using var copy = await TestMySql.CreateAsync("exprtcopy",
            $"CREATE TABLE customer LIKE `{db.Name}`.customer; INSERT INTO customer SELECT * FROM `{db.Name}`.customer;");
        var output = Apply(copy, scriptPath);
        Apply(copy, scriptPath);
        var rescanned = await ScanAsync(copy.ConnectionString);
        new AnnotationMerger().Apply(rescanned, AnnotationSet.Empty);
        var after = rescanned.AllColumns().ToDictionary(x => x.Column.Name, x => x.Column);

        // Then the columns the guard accepts are database labels of the exported category, existing text kept
        string[] applied = ["email", "phone", "nick", "born"];
        string[] skipped = ["id", "city", "latin_name"];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after["email"].Comment, Is.EqualTo("Customer's e-mail; see CRM\ninventory: contact.email"));
            Assert.That(after["phone"].Comment, Is.EqualTo("Main phone\ninventory: contact.phone"));
            Assert.That(applied.Select(c => (after[c].Origin, after[c].DataCategory)), Is.EqualTo(new (Origin?, string?)[]
            {
                (Origin.DatabaseLabel, "contact.email"), (Origin.DatabaseLabel, "contact.phone"),
                (Origin.DatabaseLabel, "contact.username"), (Origin.DatabaseLabel, "other_personal.date_of_birth"),
            }));
            // and the others are named as skipped and keep their definition
            Assert.That(skipped, Has.All.Matches<string>(c => output.Contains($"skipped `customer`.`{c}`", StringComparison.Ordinal)));
            Assert.That(skipped.Select(c => after[c].Comment), Has.All.Null);
            Assert.That(await copy.ScalarAsync("SELECT EXTRA FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'id'"), Is.EqualTo("auto_increment"));
            Assert.That(await copy.ScalarAsync("SELECT COLUMN_DEFAULT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'city'"), Is.EqualTo("'Paris'"));
            Assert.That(await copy.ScalarAsync("SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'latin_name'"), Is.EqualTo("latin1"));
            // the scanned database was never written, and no sampled value is in the script
            Assert.That(await db.ScalarAsync("SELECT COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'customer' AND COLUMN_NAME = 'email'"), Is.EqualTo("Customer's e-mail; see CRM"));
            Assert.That(await File.ReadAllTextAsync(scriptPath), Does.Not.Contain("@example").And.Not.Contain("+49"));
        }
    }

    private static Task<InventoryDocument> ScanAsync(string connectionString) =>
        new ScanRunner(ClassifierFactory.CreateDefault())
            .RunAsync(new ScanRequest { Sources = [new SourceConfig { Name = "shop", Connection = connectionString, Provider = "mysql" }], Parallelism = 2 });

    /// <summary>Runs a script with the mariadb command-line client as the admin, in the given database; returns its output.</summary>
    private static string Apply(TestMySqlDatabase db, string script)
    {
        var b = new MySqlConnectionStringBuilder(db.ConnectionString);
        var client = File.Exists("/usr/bin/mariadb") ? "mariadb" : "mysql";
        var args = new List<string> { "--no-defaults", "--batch", "-u", b.UserID };
        if (b.ConnectionProtocol == MySqlConnectionProtocol.UnixSocket) args.AddRange(["-S", b.Server]);
        else args.AddRange(["-h", b.Server, "-P", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        args.Add(db.Name);
        var psi = new ProcessStartInfo(client, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        if (!string.IsNullOrEmpty(b.Password)) psi.Environment["MYSQL_PWD"] = b.Password;
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(File.ReadAllText(script));
        p.StandardInput.Close();
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{client} failed on {script}: {stderr.Result}");
        return stdout;
    }
}
