using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Reports;

/// <summary>deletion-path on real foreign keys (trial 26 finding 4), end to end through <c>scan</c> and <c>report</c>
/// with the seed policy, on PostgreSQL and MariaDB: a table of IP addresses whose key to the account is ON DELETE SET
/// NULL keeps its rows and is a finding naming that key; the same under ON DELETE CASCADE is erased; support messages
/// kept by SET NULL, in which the scan finds phone numbers, leave the claim undecided for their table.</summary>
[TestFixture]
[Category("Integration")]
public sealed class DeletionPathLiveTests
{
    private static readonly string[] Annotations =
    [
        "table: users\nactivity: account-management\ncolumns:\n  id: none\n  email: contact.email\n",
        "table: audit\nactivity: account-management\ncolumns:\n  id: none\n  user_id: none\n  ip: automatic.ip_address\n",
        "table: sessions\nactivity: account-management\ncolumns:\n  id: none\n  user_id: none\n  ip: automatic.ip_address\n",
        "table: support_tickets\nactivity: account-management\ncolumns:\n  id: none\n  user_id: none\n  body: customer_content.message\n",
    ];

    [Test]
    public async Task Report_PostgresSetNullAndCascadeKeys_SetNullTablesNotCountedAsErased()
    {
        await using var db = await TestPostgres.CreateAsync("delsn", """
            CREATE TABLE users (id int PRIMARY KEY, email text);
            CREATE TABLE audit (id int PRIMARY KEY, user_id int REFERENCES users ON DELETE SET NULL, ip text);
            CREATE TABLE sessions (id int PRIMARY KEY, user_id int REFERENCES users ON DELETE CASCADE, ip text);
            CREATE TABLE support_tickets (id int PRIMARY KEY, user_id int REFERENCES users ON DELETE SET NULL, body text);
            INSERT INTO users SELECT g, 'person' || g || '@example.org' FROM generate_series(1, 60) g;
            INSERT INTO audit SELECT g, g, '192.0.2.' || g FROM generate_series(1, 60) g;
            INSERT INTO sessions SELECT g, g, '198.51.100.' || g FROM generate_series(1, 60) g;
            INSERT INTO support_tickets SELECT g, g, 'Hello, my invoice is wrong since last month. Please call me back on +33 6 12 34 '
              || lpad((g % 100)::text, 2, '0') || ' ' || lpad(((g * 7) % 100)::text, 2, '0') || ' before Friday, thank you.' FROM generate_series(1, 60) g;
            """);
        await AssertDeletionPathAsync(db.ConnectionString);
    }

    [Test]
    public async Task Report_MariaDbSetNullAndCascadeKeys_SetNullTablesNotCountedAsErased()
    {
        await using var db = await TestMySql.CreateAsync("delsn", """
            CREATE TABLE users (id int PRIMARY KEY, email varchar(80));
            CREATE TABLE audit (id int PRIMARY KEY, user_id int, ip varchar(45), CONSTRAINT audit_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL);
            CREATE TABLE sessions (id int PRIMARY KEY, user_id int, ip varchar(45), CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
            CREATE TABLE support_tickets (id int PRIMARY KEY, user_id int, body text, CONSTRAINT support_tickets_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL);
            INSERT INTO users SELECT seq, CONCAT('person', seq, '@example.org') FROM seq_1_to_60;
            INSERT INTO audit SELECT seq, seq, CONCAT('192.0.2.', seq) FROM seq_1_to_60;
            INSERT INTO sessions SELECT seq, seq, CONCAT('198.51.100.', seq) FROM seq_1_to_60;
            INSERT INTO support_tickets SELECT seq, seq, CONCAT('Hello, my invoice is wrong since last month. Please call me back on +33 6 12 34 ',
              LPAD(seq % 100, 2, '0'), ' ', LPAD((seq * 7) % 100, 2, '0'), ' before Friday, thank you.') FROM seq_1_to_60;
            """);
        // A SELECT-only user, as the README asks: MariaDB then reads the delete rules from SHOW CREATE TABLE.
        await AssertDeletionPathAsync(await db.CreateUserAsync());
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    private static async Task AssertDeletionPathAsync(string connection)
    {
        using var dir = new TempFolder();
        var inventory = Path.Combine(dir.Path, "inventory.json");
        var annotations = Path.Combine(dir.Path, "annotations");
        Directory.CreateDirectory(annotations);
        for (int i = 0; i < Annotations.Length; i++)
            File.WriteAllText(Path.Combine(annotations, $"{i}.yml"), Annotations[i]);
        var (scanCode, scanOutput) = await RunAsync("scan", "--connection", connection, "--out", inventory);
        Assert.That(scanCode, Is.EqualTo(ExitCodes.Ok), scanOutput);

        var claim = await BuiltinPolicyClaim.ReportAsync(inventory, annotations, "deletion-path");
        var findings = claim.Findings;
        var unresolved = claim.Unresolved;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(claim.Verdict, Is.EqualTo("violated"));
            Assert.That(findings.Select(f => f.Location), Is.EqualTo(new[] { "default/audit" }));
            Assert.That(findings.Single().Reason, Does.Contain("audit_user_id_fkey → users is ON DELETE SET NULL, which keeps the row and its personal columns (ip)"));
            Assert.That(unresolved.Select(f => f.Location), Is.EqualTo(new[] { "default/support_tickets" }));
            Assert.That(unresolved.Single().Reason, Does.Contain("support_tickets_user_id_fkey → users is ON DELETE SET NULL").And.Contain("body: contact.phone"));
            Assert.That(claim.Examined, Is.EqualTo(4), "users, audit, sessions and the support tickets");
        }
    }
}
