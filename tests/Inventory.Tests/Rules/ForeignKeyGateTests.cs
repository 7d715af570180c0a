using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

public sealed class ForeignKeyGateTests
{
    private static readonly RuleClassifier Classifier = ClassifierFactory.CreateRules();

    [Test]
    public void Classify_ForeignKeyNamedLikeADeviceId_IsNone()
    {
        // Given orders.client_id, a foreign key to clients (a name the device-id rule would take)
        var column = Some.Column("orders", "client_id", "integer", "1", "2", "3", "2", "7") with { References = "clients" };

        var result = Classifier.Classify(column);

        Assert.That(result.DataCategory, Is.EqualTo("none"));
        Assert.That(result.Evidence.Select(e => e.Id), Does.Contain("gate.foreign-key"));
    }

    [Test]
    public void Classify_SameColumnWithoutForeignKey_KeepsTheNameRule()
    {
        var column = Some.Column("orders", "client_id", "integer", "1", "2", "3", "2", "7");

        Assert.That(Classifier.Classify(column).DataCategory, Is.Not.EqualTo("none"));
    }

    [Test]
    public void Classify_ForeignKeyHoldingEmails_StaysContact()
    {
        // A key made of e-mail addresses still holds e-mail addresses: validated values beat the key gate.
        var column = Some.Column("subscriptions", "subscriber", "text", "ana.k@example.com", "b.osei@example.org", "li.wen@example.com")
            with { References = "subscribers" };

        Assert.That(Classifier.Classify(column).DataCategory, Is.EqualTo("contact.email"));
    }
}
