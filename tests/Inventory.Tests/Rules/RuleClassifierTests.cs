using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>Decision rules of the rule classifier: shares, checksums, gates on values, determinism, evidence.</summary>
public sealed class RuleClassifierTests
{
    private static readonly RuleClassifier Classifier = ClassifierFactory.CreateRules();

    [Test]
    public void Classify_OneEmailAmongManyValues_NotAnEmailColumn()
    {
        var values = Enumerable.Range(0, 19).Select(i => $"plain label {i}").Append("a@example.com").ToArray();
        var result = Classifier.Classify(Some.Column("t", "misc", "text", values));
        Assert.That(result.DataCategory, Is.Not.EqualTo("contact.email"));
    }

    [Test]
    public void Classify_LuhnValidNumbersWithoutCardIin_NotPaymentCard()
    {
        // Luhn passes one number in ten: a checksum is necessary, not sufficient (these start with 1, no IIN).
        var values = new[] { "1000000000000008", "1000000000000016", "1000000000000024", "1000000000000032" };
        var result = Classifier.Classify(Some.Column("t", "reference", "text", values));
        Assert.That(result.DataCategory, Is.Not.EqualTo("financial.payment_card"));
    }

    [Test]
    public void Classify_EpochMillisecondsInBigint_NotPaymentCard()
    {
        var values = new[] { "1700000000000", "1709251200000", "1712000000123", "1717171717171" };
        var result = Classifier.Classify(Some.Column("events", "occurred", "bigint", values));
        Assert.That(result.DataCategory, Is.Not.EqualTo("financial.payment_card"));
    }

    [Test]
    public void Classify_CardNumbersInUnnamedColumn_PaymentCard()
    {
        var values = new[] { "4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005", "2223003122003222" };
        var result = Classifier.Classify(Some.Column("t", "c1", "text", values));
        Assert.That(result.DataCategory, Is.EqualTo("financial.payment_card"));
    }

    [Test]
    public void Classify_DottedQuadsInVersionColumn_NotIpAddress()
    {
        var result = Classifier.Classify(Some.Column("releases", "version", "text", "1.2.3.4", "1.2.3.5", "2.0.0.1"));
        Assert.That(result.DataCategory, Is.Not.EqualTo("automatic.ip_address"));
    }

    [Test]
    public void Classify_LoopbackOnlyColumn_NotIpAddressFromValues()
    {
        var result = Classifier.Classify(Some.Column("probes", "target", "text", "127.0.0.1", "127.0.0.1", "::1"));
        Assert.That(result.DataCategory, Is.Not.EqualTo("automatic.ip_address"));
    }

    [Test]
    public void Classify_DocumentationRangeIps_IpAddress()
    {
        var result = Classifier.Classify(Some.Column("t", "addr_x", "text", "192.0.2.1", "198.51.100.2", "203.0.113.3", "2001:db8::1"));
        Assert.That(result.DataCategory, Is.EqualTo("automatic.ip_address"));
    }

    [Test]
    public void Classify_EmailNameWithNonEmailValues_LowConfidence()
    {
        var result = Classifier.Classify(Some.Column("users", "email", "text", "pending", "ask later", "see notes", "todo"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DataCategory, Is.EqualTo("contact.email"));
            Assert.That(result.Confidence, Is.LessThan(0.5));
        }
    }

    [Test]
    public void Classify_SirenValuesWithoutNameSupport_NotTaxId()
    {
        var result = Classifier.Classify(Some.Column("t", "code", "text", "732829320", "404833048", "443061841"));
        Assert.That(result.DataCategory, Is.Not.EqualTo("financial.tax_id"));
    }

    [Test]
    public void Classify_SirenValuesWithName_TaxId()
    {
        var result = Classifier.Classify(Some.Column("clients", "siren", "text", "732829320", "404833048", "443061841"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.DataCategory, Is.EqualTo("financial.tax_id"));
            Assert.That(result.Evidence.Select(e => e.Id), Does.Contain("detector.siren-siret"));
        }
    }

    [Test]
    public void Classify_JsonWithPersonalKeys_ContainsThem()
    {
        var result = Classifier.Classify(Some.Column("events", "payload", "jsonb",
            "{\"email\": \"a@example.com\", \"ip\": \"192.0.2.1\"}", "{\"email\": \"b@example.org\", \"ip\": \"192.0.2.2\"}"));
        Assert.That(result.AlsoContains, Does.Contain("contact").And.Contain("automatic"));
    }

    [Test]
    public void Classify_SameInputTwice_SameOutput()
    {
        var column = Some.Column("support_ticket", "body", "text", "Call me on +44 7700 900456 after 5pm", "Could the export include a totals row?");
        var a = Classifier.Classify(column);
        var b = ClassifierFactory.CreateRules().Classify(column);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(b.DataCategory, Is.EqualTo(a.DataCategory));
            Assert.That(b.Confidence, Is.EqualTo(a.Confidence));
            Assert.That(b.Evidence, Is.EqualTo(a.Evidence));
            Assert.That(b.AlsoContains, Is.EqualTo(a.AlsoContains));
        }
    }

    [Test]
    public void Classify_SampledColumn_EvidenceHasSampleSizeNullAndDistinctRatios()
    {
        var result = Classifier.Classify(Some.Column("users", "email", "text", "a@example.com", "a@example.com", null, "b@example.org"));
        var sample = result.Evidence.Single(e => e.Kind == "sample");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sample.Matched, Is.EqualTo(3));
            Assert.That(sample.Total, Is.EqualTo(4));
            Assert.That(sample.Detail, Does.Contain("null ratio 0.25").And.Contain("distinct ratio 0.667"));
        }
    }

    [Test]
    public void Classify_Sha256ChecksumColumn_NotCredentials()
    {
        var result = Classifier.Classify(Some.Column("uploads", "checksum", "text",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        Assert.That(result.DataCategory, Is.Not.EqualTo("other_personal.credentials"));
    }

    [Test]
    public void Classify_HexDigestsNamedPassword_Credentials()
    {
        var result = Classifier.Classify(Some.Column("users", "password", "text",
            "5f4dcc3b5aa765d61d8327deb882cf99", "e99a18c428cb38d5f260853678922e03"));
        Assert.That(result.DataCategory, Is.EqualTo("other_personal.credentials"));
    }

    [Test]
    public void Classify_BcryptHashesInUnnamedColumn_Credentials()
    {
        var result = Classifier.Classify(Some.Column("t", "c7", "text",
            "$2b$12$KIXQJQ5vQ1Y8Z9y8bN4uOe1c2a3b4c5d6e7f8g9h0i1j2k3l4m5n6", "$2b$12$AbCdEfGhIjKlMnOpQrStUuVwXyZ0123456789abcdefghijklmnopq"));
        Assert.That(result.DataCategory, Is.EqualTo("other_personal.credentials"));
    }

    [Test]
    public void Classify_UnknownTextColumnWithoutValues_Undecided()
    {
        var result = Classifier.Classify(Some.Unsampled("t", "xyz", "text"));
        Assert.That(result.DataCategory, Is.Null);
    }
}
