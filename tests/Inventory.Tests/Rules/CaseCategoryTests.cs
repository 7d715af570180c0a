using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// The category rows of ../shared/cases/*/expected.tsv that names, types and values decide, with the values of each
/// case's setup script put into <see cref="ColumnEvidence"/> by hand (the scanning tests run the same cases on a database).
/// <c>untagged</c> means undecided (null); a bare category asserts the category only.
/// </summary>
public sealed class CaseCategoryTests
{
    private static readonly RuleClassifier Classifier = ClassifierFactory.CreateRules();

    private static void AssertExpected(ColumnEvidence column, string expected)
    {
        var result = Classifier.Classify(column);
        if (expected == "untagged")
            // "needs annotation": no decision, or at most a weak suggestion that no acceptance threshold turns into a tag.
            Assert.That(result.DataCategory is null || result.Confidence < 0.6, Is.True,
                $"{column.Table}.{column.Column.Name}: {result.DataCategory} ({result.Confidence})");
        else if (expected.Contains('.'))
            Assert.That(result.DataCategory, Is.EqualTo(expected), $"{column.Table}.{column.Column.Name}");
        else
            Assert.That(result.DataCategory is null ? null : DataCategory.TopLevelOf(result.DataCategory), Is.EqualTo(expected), $"{column.Table}.{column.Column.Name}");
        Assert.That(result.Confidence, Is.InRange(0.0, 1.0));
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        // C01: name says email/phone, values and types decide.
        yield return Row("C01", Some.Column("account", "email", "text", "ana.k@example.com", "b.osei@example.org", "li.wen@example.com"), "contact.email");
        yield return Row("C01", Some.Column("account", "email_verified", "boolean", "true", "false", "true"), "none");
        yield return Row("C01", Some.Column("account", "email_count", "integer", "2", "0", "5"), "none");
        yield return Row("C01", Some.Column("account", "phone_confirmed_at", "timestamptz", "2024-03-01 10:00:00+00", null, "2024-04-11 08:30:00+00"), "none");
        yield return Row("C01", Some.Column("account", "phone", "bigint", "12025550143", "12025550178", "447700900123"), "contact.phone");
        // C07: empty and all-NULL tables.
        yield return Row("C07", Some.Column("newsletter_optin", "subscriber_email", "text"), "contact");
        yield return Row("C07", Some.Column("newsletter_optin", "consent_ip", "inet"), "automatic");
        yield return Row("C07", Some.Column("newsletter_optin", "created_at", "timestamptz"), "none");
        yield return Row("C07", Some.Column("audit_tmp", "payload", "jsonb", null, null), "untagged");
        // C08: free text with identifiers stays customer content.
        yield return Row("C08", Some.Column("support_ticket", "subject", "text", "Refund", "Login issue", "Feature idea", "Call back"), "customer_content");
        yield return Row("C08", Some.Column("support_ticket", "body", "text",
            "Hi, please refund to DE12 5001 0517 0648 4898 90, thanks Jorinde", "My colleague a.kessler@example.org cannot log in from 198.51.100.7",
            "Could the export include a totals row?", "Call me on +44 7700 900456 after 5pm"), "customer_content");
        yield return Row("C08", Some.Column("support_ticket", "requester_email", "text", "j.vass@example.com", "a.kessler@example.org", "li.wen@example.com", "o.melnyk@example.com"), "contact");
        // C16: SQL Server CLR types.
        yield return Row("C16", Some.Column("Store", "Name", "nvarchar(100)", "Example Books GmbH", "Sample Café SARL"), "contact.company_name");
        yield return Row("C16", Some.Column("Store", "Street", "nvarchar(200)", "12 Sample Lane", "7 Example Road"), "contact");
        yield return Row("C16", Clr("Store", "OrgNode", "hierarchyid", "clr", "/1/", "/1/2/"), "none");
        yield return Row("C16", Clr("Store", "Location", "geography", "spatial"), "untagged");
        // C17: driver-unfriendly PostgreSQL types.
        yield return Row("C17", Binary("profile_blob", "avatar", 4, 8), "untagged");
        yield return Row("C17", Some.Column("profile_blob", "owner_rel", "regclass", "profile_blob", "pg_class", "profile_blob"), "none");
        yield return Row("C17", Some.Column("profile_blob", "pref", "contact_pref", "email", "post", "phone"), "none");
        yield return Row("C17", Some.Column("profile_blob", "stay", "daterange", "[2024-01-01,2024-01-08)", "empty", "[2024-03-01,)"), "none");
        yield return Row("C17", Some.Column("profile_blob", "cols", "int2vector", "1 2", "3", ""), "none");
        yield return Row("C17", Some.Column("profile_blob", "email", "text", "ana.k@example.com", "b.osei@example.org", "li.wen@example.com"), "contact");
        // C18: SQLite columns without a declared type.
        yield return Row("C18", Some.Column("import_raw", "a", "", "Jorinde Vass", "Amadou Kessler", "42"), "contact");
        yield return Row("C18", Some.Column("import_raw", "b", "", "j.vass@example.com", "a.kessler@example.org", "00FF"), "contact");
        yield return Row("C18", Some.Column("import_raw", "c", "", "12025550143", "+44 7700 900456", null), "contact");
        // C23: user agent and browser language are automatic.
        yield return Row("C23", Some.Column("web_session", "user_agent", "text",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
            "FeedReader/1.14 (Linux; en_GB.UTF-8; +https://example.org/bot)", "curl/8.5.0"), "automatic.user_agent");
        yield return Row("C23", Some.Column("web_session", "accept_language", "text", "de-DE,de;q=0.9,en;q=0.8", "en-GB,en;q=0.7", "*"), "automatic.browser_language");
        yield return Row("C23", Some.Column("web_session", "ui_locale", "varchar(10)", "de_DE", "en_GB", "fr"), "automatic.browser_language");
        yield return Row("C23", Some.Column("web_session", "client_ip", "inet", "192.0.2.44", "198.51.100.23", "2001:db8::44"), "automatic.ip_address");
        yield return Row("C23", Some.Column("web_session", "country_code", "char(2)", "DE", "GB", "FR"), "none");
        // C26: detector result mapped to the right category.
        yield return Row("C26", Some.Column("customer_contact", "id", "int", "1", "2"), "none");
        yield return Row("C26", Some.Column("customer_contact", "email_addr", "text", "ana.k@example.com", "b.osei@example.org"), "contact.email");
        yield return Row("C26", Some.Column("customer_contact", "contact_no", "text", "+1 202-555-0143", "+44 7700 900456"), "contact.phone");
        yield return Row("C26", Some.Column("customer_contact", "company", "text", "Example Books GmbH", "Sample Café SARL"), "contact.company_name");
    }

    private static TestCaseData Row(string caseId, ColumnEvidence column, string expected) =>
        new TestCaseData(column, expected).SetName($"Classify_{caseId}_{column.Table}_{column.Column.Name}_{expected.Replace('.', '_')}");

    private static ColumnEvidence Clr(string table, string column, string type, string hint, params string[] values) => new()
    {
        Table = table,
        Column = new ColumnInfo { Name = column, Ordinal = 1, DeclaredType = type, Family = TypeFamily.Other, SamplingHint = hint },
        Sampled = values.Length > 0,
        SampledRows = values.Length,
        Values = values,
    };

    private static ColumnEvidence Binary(string table, string column, params long[] lengths) => new()
    {
        Table = table,
        Column = new ColumnInfo { Name = column, Ordinal = 1, DeclaredType = "bytea", Family = TypeFamily.Binary },
        Sampled = true,
        SampledRows = lengths.Length + 1,
        NullCount = 1,
        BinaryLengths = lengths,
    };

    [TestCaseSource(nameof(Cases))]
    public void Classify_CaseRow_MatchesExpected(ColumnEvidence column, string expected) => AssertExpected(column, expected);

    [Test]
    public void Classify_C08Body_AlsoContainsIdentifiersButNeverFinancialCategory()
    {
        var column = Some.Column("support_ticket", "body", "text",
            "Hi, please refund to DE12 5001 0517 0648 4898 90, thanks Jorinde", "My colleague a.kessler@example.org cannot log in from 198.51.100.7",
            "Could the export include a totals row?", "Call me on +44 7700 900456 after 5pm");
        var result = Classifier.Classify(column);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DataCategory, Is.EqualTo("customer_content.message"));
            Assert.That(result.AlsoContains, Is.EquivalentTo(new[] { "financial.bank_account", "contact.email", "contact.phone", "automatic.ip_address" }));
        }
    }

    [Test]
    public void Classify_C07AllNull_MarkedNoDataAndUndecided()
    {
        var result = Classifier.Classify(Some.Column("audit_tmp", "payload", "jsonb", null, null));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DataCategory, Is.Null);
            Assert.That(result.Confidence, Is.Zero);
            Assert.That(result.Evidence.Select(e => e.Kind), Does.Contain("no-data"));
        }
    }

    [Test]
    public void Classify_C07EmptyTable_FromNameMarkedNoData()
    {
        var result = Classifier.Classify(Some.Column("newsletter_optin", "subscriber_email", "text"));
        Assert.That(result.Evidence.Select(e => e.Kind), Does.Contain("no-data"));
    }

    [Test]
    public void Classify_C26Email_EvidenceHasCountsAndDetectorIdNeverValues()
    {
        var values = new[] { "ana.k@example.com", "b.osei@example.org" };
        var result = Classifier.Classify(Some.Column("customer_contact", "email_addr", "text", values));
        var detector = result.Evidence.Single(e => e.Id == "detector.email");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((detector.Matched, detector.Total), Is.EqualTo((2, 2)));
            Assert.That(detector.Score, Is.EqualTo(1.0));
            foreach (var e in result.Evidence)
                foreach (var v in values)
                    Assert.That($"{e.Id} {e.Detail} {e.DataCategory}", Does.Not.Contain(v).And.Not.Contain("ana.k"));
        }
    }
}
