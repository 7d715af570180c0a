using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>deletion-path and what is not a stored copy of an account's rows (trial34 findings 3 and 4): a plain view
/// stores no rows, so it is never a finding; a materialized view keeps its rows until the next refresh, which the catalog
/// cannot see, so it is undecided with that reason; a table whose every tagged personal category the built-in policy
/// keeps for a declared period and marks not erasable on request (service logs) is not promised to go with the account.
/// Against the built-in policy's claim (<see cref="SeedClaims"/>).</summary>
[TestFixture]
public sealed class DeletionPathViewsAndRetentionTests
{
    private static ClaimResult Check(params TableEntry[] tables) => SeedClaims.Evaluate("deletion-path", tables);

    private static TableEntry Users() => Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"), Some.Column("last_login_at", "automatic.activity"));

    private static TableEntry Kind(TableEntry table, TableKind kind)
    {
        table.Kind = kind;
        return table;
    }

    [Test]
    public void DeletionPath_PlainViewOverTheAccountTable_NotExamined()
    {
        var result = Check(Users(), Kind(Some.Table("active_users", "account-management", Some.Column("email", "contact.email"), Some.Column("last_login_at", "automatic.activity")), TableKind.View));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), result.Summary);
            Assert.That(result.Examined, Is.EqualTo(1), "the account table only");
        }
    }

    [Test]
    public void DeletionPath_MaterializedView_UndecidedUntilItsRefreshIsKnown()
    {
        var result = Check(Users(), Kind(Some.Table("user_stats", "account-management", Some.Column("email", "contact.email")), TableKind.MaterializedView));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Unknown), result.Summary);
            Assert.That(result.Unresolved.Single().Table, Is.EqualTo("user_stats"));
            Assert.That(result.Unresolved.Single().Reason, Does.Contain("REFRESH MATERIALIZED VIEW user_stats"));
            Assert.That(result.Summary, Does.Contain("kept in a materialized view until its refresh"));
        }
    }

    [Test]
    public void DeletionPath_ServiceLogsTheBuiltinPolicyKeepsNotErasable_NotAFinding()
    {
        // service-operation: retention [automatic], 12 months, erasable: false.
        var logs = Some.Table("access_logs", "service-operation", Some.Id(), Some.Column("ip", "automatic.ip_address"), Some.Column("path", "automatic.activity"));

        var result = Check(Users(), logs);

        Assert.That((result.Verdict, result.Findings.Count), Is.EqualTo((ClaimVerdict.Holds, 0)), result.Summary);
    }

    [Test]
    public void DeletionPath_LogsHoldingAnErasableCategoryToo_StillAFinding()
    {
        // The e-mail address is not covered by service-operation's not-erasable rule: the promise holds for it.
        var logs = Some.Table("access_logs", "service-operation", Some.Id(), Some.Column("ip", "automatic.ip_address"), Some.Column("email", "contact.email"));
        var unannotated = Some.Table("audit_trail", null, Some.Id(), Some.Column("ip", "automatic.ip_address"));

        var result = Check(Users(), logs, unannotated);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => f.Table), Is.EquivalentTo(new[] { "access_logs", "audit_trail" }),
                "a table with an erasable category, and one without an activity, are examined as before");
        }
    }
}

/// <summary>declared-categories-only and processor activities (trial34 finding 5): a category declared only by a
/// processor activity (customers' data hosted on their instruction) does not cover a controller table's column — the
/// controller's support messages were excused by hosting-customer-data's customer_content — while a table annotated with
/// that processor activity is covered by it.</summary>
[TestFixture]
public sealed class DeclaredCategoriesProcessorTests
{
    [Test]
    public void DeclaredCategoriesOnly_ControllerSupportMessages_NotCoveredByTheProcessorsDeclaration()
    {
        var support = Some.Table("support_messages", "account-management", Some.Id(), Some.Column("body", "customer_content.message"));
        var hosted = Some.Table("deployments", "hosting-customer-data", Some.Id(), Some.Column("build_log", "customer_content.source_code"));

        var result = SeedClaims.Evaluate("declared-categories-only", support, hosted);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated), result.Summary);
            Assert.That(result.Findings.Select(f => (f.Table, f.Column)), Is.EqualTo(new[] { ("support_messages", (string?)"body") }));
            Assert.That(result.Findings.Single().Reason, Does.Contain("declared only by processor activities (hosting-customer-data"));
        }
    }
}
