using Inventory.Cli;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>trial43 finding 1, end to end: a SQLite <c>accounts</c> table with e-mails and dates of birth, its table
/// annotated with the seed policy's account-management (which declares no date of birth), scanned with values and
/// checked with <c>check.accept-classification-above: 0.9</c>. README (Configuration): "a new date of birth suggested at
/// 0.98 passes the gate, and only the declared-categories-only claim warns … add claim to fail-on so that an undeclared
/// category fails too". Before: the claim said "no undeclared category found" and <c>fail-on: [untagged, claim]</c>
/// passed with exit 0.</summary>
[TestFixture]
public sealed class AcceptedSuggestionClaimGateTests
{
    private TempFolder _dir = null!;
    private string _inventory = "";

    [OneTimeSetUp]
    public async Task ScanAccounts()
    {
        _dir = new TempFolder();
        var database = Path.Combine(_dir.Path, "app.db");
        var random = new Random(43);
        var rows = Enumerable.Range(1, 120).Select(i =>
            $"({i}, 'user{i}.{random.Next(100, 999)}@example.org', '{new DateOnly(1950, 1, 1).AddDays(random.Next(0, 20000)):yyyy-MM-dd}')");
        InProcessCli.ExecuteSqlite(database,
            "CREATE TABLE accounts (id INTEGER PRIMARY KEY, email VARCHAR(255), date_of_birth DATE);"
            + $"INSERT INTO accounts VALUES {string.Join(", ", rows)};");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "annotations"));
        File.WriteAllText(Path.Combine(_dir.Path, "annotations", "accounts.yml"), "table: accounts\nactivity: account-management\n");
        _inventory = Path.Combine(_dir.Path, "inventory.json");
        var (code, output) = await InProcessCli.RunAsync("scan", "--config", Config("[untagged, conflict]"), "--out", _inventory);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
        SqliteConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public void Drop() => _dir.Dispose();

    private string Config(string failOn)
    {
        var file = Path.Combine(_dir.Path, $"inventory-{failOn.Length}.yml");
        File.WriteAllText(file, $"sources:\n  - name: app\n    connection: sqlite:app.db\npolicy: builtin\nannotations: annotations/\n"
            + $"check:\n  fail-on: {failOn}\n  accept-classification-above: 0.9\n");
        return file;
    }

    [Test]
    public async Task Check_FailOnClaim_FailsOnTheAcceptedDateOfBirthNoActivityDeclares()
    {
        var (code, output) = await InProcessCli.RunAsync("check", "--config", Config("[untagged, conflict, claim]"), "--inventory", _inventory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.GateFailed), output);
            Assert.That(output, Does.Contain("claim declared-categories-only: violated"));
            Assert.That(output, Does.Match(@"accounts\.date_of_birth .*other_personal\.date_of_birth is declared by no processing activity \(accepted suggestion: confidence 0\.9\d ≥ 0\.9, not reviewed\)"));
        }
    }

    [Test]
    public async Task Check_WithoutClaimInFailOn_PassesAndTheClaimStillWarns()
    {
        var (code, output) = await InProcessCli.RunAsync("check", "--config", Config("[untagged, conflict]"), "--inventory", _inventory);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.Ok), output);
            Assert.That(output, Does.Contain("warning: accounts.date_of_birth  claim-violated: claim 'declared-categories-only' violated"));
        }
    }
}
