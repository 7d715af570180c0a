using System.Globalization;
using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>Placeholders, enumerations, address records, checksums over phone shapes, version gates and table context
/// (sign-in and payment-method tables): each test fixes a kind of column, with invented values.</summary>
public sealed class RuleContextTests
{
    private static readonly RuleClassifier Classifier = ClassifierFactory.CreateRules();

    private static string[] Repeat(int count, params string[] values) => Enumerable.Range(0, count).Select(i => values[i % values.Length]).ToArray();

    [Test]
    public void Classify_EmailsAmongManyPlaceholders_EmailWithPlaceholderEvidence()
    {
        var values = Repeat(400, "n/a", "N/A", "none", "-", "unknown")
            .Concat(Enumerable.Range(0, 100).Select(i => $"user{i}@example.com")).ToArray();

        var result = Classifier.Classify(Some.Column("signup", "contact", "text", values));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DataCategory, Is.EqualTo("contact.email"));
            var placeholders = result.Evidence.Single(e => e.Id == "sample.placeholders");
            Assert.That(placeholders.Matched, Is.EqualTo(400));
            Assert.That(result.Evidence.Single(e => e.Id == "detector.email").Total, Is.EqualTo(100));
        }
    }

    [TestCase("api_tokens", "scopes", "read", "read write", "deploy", "admin")]
    [TestCase("login_events", "method", "password", "sso", "github", "api-token")]
    [TestCase("support_tickets", "assigned_team", "billing", "platform", "security")]
    [TestCase("imports", "imported_from", "Export batch of March", "legacy CRM dump")]
    [TestCase("signup", "note", "web", "migrated")]
    [TestCase("Signup", "Remarque", "WEB", "MIGRÉ")]
    public void Classify_FewDistinctLabelsRepeated_NoneAsEnumeration(string table, string column, params string[] labels)
    {
        var result = Classifier.Classify(Some.Column(table, column, "varchar(64)", Repeat(200, labels)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DataCategory, Is.EqualTo("none"));
            Assert.That(result.Evidence.Select(e => e.Id), Does.Contain("sample.enumeration"));
        }
    }

    /// <summary>Trial 31: a currency column holding one code in every row read "1 distinct values repeated over 500" in
    /// `check` and the annotation stubs.</summary>
    [TestCase(1, "1 distinct value repeated over 200: an enumeration or configuration")]
    [TestCase(3, "3 distinct values repeated over 200: an enumeration or configuration")]
    public void Classify_Enumeration_CountsItsDistinctValuesInGoodEnglish(int distinct, string expected)
    {
        var result = Classifier.Classify(Some.Column("factures", "devise", "char(3)", Repeat(200, new[] { "EUR", "USD", "CHF" }[..distinct])));

        Assert.That(result.Evidence.Single(e => e.Id == "sample.enumeration").Detail, Is.EqualTo(expected));
    }

    [Test]
    public void Classify_RepeatedLabelsInAPersonalNamedColumn_KeepTheName()
    {
        var result = Classifier.Classify(Some.Column("users", "gender", "text", Repeat(200, "f", "m", "x")));
        Assert.That(result.DataCategory, Is.EqualTo("other_personal.gender"));
    }

    [Test]
    public void Classify_FewRepeatedEmails_StillEmail()
    {
        var result = Classifier.Classify(Some.Column("t", "notify", "text", Repeat(200, "ops@example.com", "billing@example.org")));
        Assert.That(result.DataCategory, Is.EqualTo("contact.email"));
    }

    [Test]
    public void Classify_ShortSampleOfLabels_NotDecidedAsEnumeration()
    {
        var result = Classifier.Classify(Some.Column("t", "misc", "text", Repeat(10, "web", "migrated")));
        Assert.That(result.Evidence.Select(e => e.Id), Does.Not.Contain("sample.enumeration"));
    }

    [TestCase("country", "char(2)")]
    [TestCase("Country", "NVARCHAR(40)")]
    [TestCase("pays", "text")]
    [TestCase("Land", "text")]
    [TestCase("pais", "text")]
    public void Classify_AddressPartWithoutAnAddressRecord_None(string column, string type)
    {
        var evidence = Some.Unsampled("customer", column, type) with { TableColumns = ["id", "full_name", "email", column] };

        var result = Classifier.Classify(evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DataCategory, Is.EqualTo("none"));
            Assert.That(result.Evidence.Select(e => e.Id), Does.Contain("gate.context.contact.postal_address"));
        }
    }

    [TestCase("country", "street")]
    [TestCase("City", "PostalCode")]
    [TestCase("country_code", "address_line1")]
    [TestCase("ville", "code_postal")]
    [TestCase("city", "country")]
    public void Classify_AddressPartInsideAnAddressRecord_PostalAddress(string column, string sibling)
    {
        var evidence = Some.Unsampled("customer", column, "text") with { TableColumns = ["id", "name", sibling, column] };
        Assert.That(Classifier.Classify(evidence).DataCategory, Is.EqualTo("contact.postal_address"));
    }

    [Test]
    public void Classify_AddressPartWithUnknownSiblings_PostalAddress()
    {
        Assert.That(Classifier.Classify(Some.Unsampled("customer", "country", "text")).DataCategory, Is.EqualTo("contact.postal_address"));
    }

    [Test]
    public void Classify_SiretValuesThatAlsoParseAsPhones_TaxId()
    {
        // 14 digits with a Luhn key: a phone library may accept many as international numbers; the checksum decides.
        var values = LuhnNumbers("362521879", 40, 5).ToArray();

        var result = Classifier.Classify(Some.Column("organisations", "siret", "char(14)", values));

        Assert.That(result.DataCategory, Is.EqualTo("financial.tax_id"));
    }

    [TestCase("version", "varchar(32)")]
    [TestCase("schema_version", "bigint")]
    [TestCase("migration", "text")]
    public void Classify_CompactTimestamps_NotPhone(string column, string type)
    {
        var values = Enumerable.Range(0, 40).Select(i => new DateTime(2023, 1, 1, 8, 0, 0).AddDays(i * 9).AddMinutes(i * 7)
            .ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)).ToArray();

        var result = Classifier.Classify(Some.Column("schema_migrations", column, type, values));

        Assert.That(result.DataCategory, Is.Not.EqualTo("contact.phone"));
    }

    [TestCase("payment_methods", "last4", "char(4)", ExpectedResult = "financial.payment_card")]
    [TestCase("payment_methods", "brand", "varchar(20)", ExpectedResult = "financial.payment_card")]
    [TestCase("cards", "card_last_4", "text", ExpectedResult = "financial.payment_card")]
    [TestCase("PaymentMethod", "Network", "text", ExpectedResult = "financial.payment_card")]
    [TestCase("products", "brand", "text", ExpectedResult = null)] // a catalogue brand: no personal category from the name
    [TestCase("login_events", "occurred_at", "timestamp", ExpectedResult = "automatic.activity")]
    [TestCase("user_sessions", "started_at", "timestamp", ExpectedResult = "automatic.activity")]
    [TestCase("app_log_lines", "occurred_at", "timestamp", ExpectedResult = "none")]
    [TestCase("api_tokens", "last_used_at", "timestamp", ExpectedResult = "automatic.activity")]
    [TestCase("orders", "created_at", "timestamp", ExpectedResult = "none")]
    [TestCase("referral_invites", "invitee_name", "varchar(200)", ExpectedResult = "contact.name")]
    [TestCase("referral_invites", "credit_cents", "integer", ExpectedResult = "financial.billing")]
    [TestCase("organisations", "vat_number", "varchar(20)", ExpectedResult = "financial.tax_id")]
    public string? Classify_NameInTableContext_Category(string table, string column, string type) =>
        Classifier.Classify(Some.Unsampled(table, column, type)).DataCategory;

    [TestCase("film", "description")]
    [TestCase("product_categories", "description")]
    [TestCase("media_type", "name")]
    public void Classify_ProseInACatalogueTable_None(string table, string column)
    {
        var values = Enumerable.Range(0, 40).Select(i => $"A thoughtful story of a robot number {i} and a dentist who must find a lost boat in the old harbour").ToArray();

        var result = Classifier.Classify(Some.Column(table, column, "text", values));

        Assert.That(result.DataCategory, Is.EqualTo("none"));
    }

    [TestCase("track", "name")]
    [TestCase("language", "name")]
    [TestCase("category", "name")]
    public void Classify_TitleCaseWordsInACatalogueTable_None(string table, string column)
    {
        var result = Classifier.Classify(Some.Column(table, column, "varchar(120)", "Blue Harbour", "Night Train", "English", "Action", "Old Friends"));
        Assert.That(result.DataCategory, Is.EqualTo("none"));
    }

    [Test]
    public void Classify_ProseInAReviewTableOfProducts_Message()
    {
        var values = Enumerable.Range(0, 40).Select(i => $"I bought this for my son {i} weeks ago and the handle broke twice, support never answered my mail").ToArray();

        var result = Classifier.Classify(Some.Column("product_reviews", "body", "text", values));

        Assert.That(result.DataCategory, Is.EqualTo("customer_content.message"));
    }

    /// <summary>Luhn-valid 14-digit numbers: a 9-digit base, a 4-digit counter and the Luhn key.</summary>
    private static IEnumerable<string> LuhnNumbers(string siren, int count, int start)
    {
        for (int i = start; i < start + count; i++)
        {
            var body = siren + i.ToString("0000", CultureInfo.InvariantCulture);
            for (int key = 0; key < 10; key++)
            {
                var candidate = body + key.ToString(CultureInfo.InvariantCulture);
                if (Luhn(candidate)) { yield return candidate; break; }
            }
        }
    }

    private static bool Luhn(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
