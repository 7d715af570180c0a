using Inventory.Catalog;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>A claim never holds over what the scan did not read (trial39 finding 1: the billing database was
/// unreachable, and <c>no-card-number</c> "held" over the other sources' 41 columns while the unread database held the
/// PANs). A source not scanned, or a table left out of the catalog, makes a claim that held on the rest unknown, named
/// among its unresolved entries; a violated claim stays violated and says what was not read.</summary>
[TestFixture]
public sealed class UnreadScopeClaimsTests
{
    private static InventoryDocument Fleet(params ScanIssue[] issues)
    {
        var document = Some.Document(Some.Source("support",
            Some.Table("tickets", "account-management", Some.Id(), Some.Column("requester_email", "contact.email"))));
        document.Issues.AddRange(issues);
        return document;
    }

    private static ScanIssue ConnectionFailed(string source) =>
        new(source, null, null, "connection-failed", $"source not scanned (connection at inventory.yml:3:17, from ${{BILLING_DB}}): mysql db:3306/{source}: access denied");

    [Test]
    public void SourceNotScanned_ClaimThatHeldOnTheRest_IsUnknownNamingTheSource()
    {
        var result = SeedClaims.Evaluate("no-stored-card-number", Fleet(ConnectionFailed("billing")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
            Assert.That(result.Summary, Does.StartWith("1 source not scanned (billing), so it cannot hold; in what was read: "));
            Assert.That(result.Unresolved.Select(u => u.Location), Is.EqualTo(new[] { "billing/*" }));
            Assert.That(result.Unresolved.Single().Reason, Does.StartWith("source not scanned (connection-failed)").And.Contain("access denied"));
            Assert.That(result.Findings, Is.Empty);
        }
    }

    [Test]
    public void CompleteInventory_SameClaim_Holds()
    {
        var result = SeedClaims.Evaluate("no-stored-card-number", Fleet());

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
        Assert.That(result.Unresolved, Is.Empty);
    }

    [Test]
    public void SourceNotScanned_ViolatedClaim_StaysViolatedAndSaysWhatWasNotRead()
    {
        var document = Fleet(ConnectionFailed("billing"));
        document.Sources[0].Tables.Add(Some.Table("legacy_payments", null, Some.Id(),
            Some.Column("card_number", "financial.payment_card", classification: Some.PanEvidence(30, 30))));

        var result = SeedClaims.Evaluate("no-stored-card-number", document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated));
            Assert.That(result.Findings.Select(f => f.Location), Is.EqualTo(new[] { "support/legacy_payments.card_number" }));
            Assert.That(result.Summary, Does.EndWith("; 1 source not scanned (billing)"));
            Assert.That(result.Unresolved.Select(u => u.Location), Does.Contain("billing/*"));
        }
    }

    [Test]
    public void TableLeftOutOfTheCatalog_IsNamedAndTheClaimUnknown()
    {
        var result = SeedClaims.Evaluate("declared-categories-only", Fleet(
            new ScanIssue("support", "attachments", null, "timeout", "the catalog read of attachments waited past the lock timeout (5 s)")));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown));
            Assert.That(result.Summary, Does.StartWith("1 table not read (support/attachments), so it cannot hold"));
            Assert.That(result.Unresolved.Single().Reason, Does.StartWith("table not read (timeout)"));
        }
    }

    [Test]
    public void IssueOnATableTheInventoryHolds_IsLeftToTheCheck()
    {
        // A table read in part (a column without privilege) is in the inventory: its columns' own status decides.
        var result = SeedClaims.Evaluate("no-stored-card-number", Fleet(
            new ScanIssue("support", "tickets", "requester_email", "no-privilege", "no SELECT on requester_email")));

        Assert.That(result.Unresolved.Select(u => u.Location), Has.None.EqualTo("support/*").And.None.EqualTo("support/tickets"));
    }

    [Test]
    public void SeveralSourcesNotScanned_EveryClaimOfTheSeedPolicy_NeverHolds()
    {
        var document = Fleet(ConnectionFailed("billing"), ConnectionFailed("crm"));

        var results = ClaimEvaluator.EvaluateAll(SeedClaims.Policy, document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Select(r => r.Verdict), Has.None.EqualTo(ClaimVerdict.Holds));
            foreach (var r in results)
            {
                Assert.That(r.Unresolved.Select(u => u.Location), Is.SupersetOf(new[] { "billing/*", "crm/*" }), r.Claim.Id);
                Assert.That(r.Summary, Does.Contain("2 sources not scanned (billing, crm)"), r.Claim.Id);
            }
        }
    }
}

/// <summary>Live (MariaDB and SQLite): a fleet whose billing database cannot be reached does not let the card-number
/// claim hold; the same fleet read whole finds the stored PANs (trial39 finding 1).</summary>
[TestFixture]
[Category("Integration")]
public sealed class UnreadSourceClaimsLiveTests
{
    private TestMySqlDatabase? _billing;
    private string _scanner = "";
    private string _scratch = "";

    [OneTimeSetUp]
    public async Task CreateBilling()
    {
        var random = new Random(39);
        var rows = string.Join(", ", Enumerable.Range(1, 40).Select(i =>
            $"({i}, 'ch_{Guid.NewGuid():N}', {(i % 4 == 0 ? $"'{CheckedNumbers.WithLuhn("4" + CheckedNumbers.Digits(random, 14))}'" : "NULL")})"));
        _billing = await TestMySql.CreateAsync("unread",
            "CREATE TABLE payment_attempts (id INT PRIMARY KEY, gateway_charge_id VARCHAR(40), card_number VARCHAR(19));"
            + $"INSERT INTO payment_attempts VALUES {rows};");
        _scanner = await _billing.CreateUserAsync();
        _scratch = ScratchFolder.Create("inventory-unread");
    }

    [OneTimeTearDown]
    public async Task DropBilling()
    {
        if (_billing is not null) await _billing.DisposeAsync();
        if (_scratch.Length > 0) ScratchFolder.Delete(_scratch);
    }

    private List<SourceConfig> Fleet(string billingConnection)
    {
        var sqlite = Path.Combine(_scratch, $"support-{Guid.NewGuid():N}.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqlite};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE tickets (id INTEGER PRIMARY KEY, requester_email TEXT); INSERT INTO tickets (requester_email) VALUES ('e.f@example.org'), ('g.h@example.org');";
            cmd.ExecuteNonQuery();
        }
        return
        [
            new SourceConfig { Name = "billing", Connection = billingConnection },
            new SourceConfig { Name = "support", Connection = "sqlite:" + sqlite },
        ];
    }

    [Test]
    public async Task BillingUnreachable_NoCardNumber_IsUnknownNotHolds()
    {
        var wrongPassword = System.Text.RegularExpressions.Regex.Replace(_scanner, ":pw-[0-9a-f]+@", ":pw-wrong@");
        var document = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = Fleet(wrongPassword) });

        var result = SeedClaims.Evaluate("no-stored-card-number", document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Sources.Select(s => s.Name), Is.EqualTo(new[] { "support" }), "only the reachable source is in the inventory");
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Select(u => u.Location), Is.EqualTo(new[] { "billing/*" }));
            Assert.That(result.Unresolved.Single().Reason, Does.Contain("connection-failed").And.Not.Contain("pw-wrong"));
        }
    }

    [Test]
    public async Task BillingReachable_NoCardNumber_IsViolatedOnTheStoredPans()
    {
        var document = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = Fleet(_scanner) });

        var result = SeedClaims.Evaluate("no-stored-card-number", document);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Issues, Is.Empty);
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => f.Location), Is.EqualTo(new[] { "billing/payment_attempts.card_number" }));
        }
    }
}
