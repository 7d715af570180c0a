using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

public sealed class ForeignKeyGateTests : GeneratedNameFixture
{
    [Test]
    public void Classify_ForeignKeyNamedLikeADeviceId_IsNone()
    {
        // Given orders.device_id, a foreign key to devices (a name the device-id rule takes; client_id no longer is one:
        // an entity's key by name, issue 10 item 6)
        var column = Some.Column("orders", "device_id", "integer", "1", "2", "3", "2", "7") with { References = "devices" };

        var result = Rules.Classify(column);

        Assert.That(result.DataCategory, Is.EqualTo("none"));
        Assert.That(result.Evidence.Select(e => e.Id), Does.Contain("gate.foreign-key"));
    }

    [Test]
    public void Classify_SameColumnWithoutForeignKey_KeepsTheNameRule()
    {
        var column = Some.Column("orders", "device_id", "integer", "1", "2", "3", "2", "7");

        Assert.That(Rules.Classify(column).DataCategory, Is.EqualTo("automatic.device_id"));
    }

    [Test]
    public void Classify_ForeignKeyHoldingEmails_StaysContact()
    {
        // A key made of e-mail addresses still holds e-mail addresses: validated values beat the key gate.
        var column = Some.Column("subscriptions", "subscriber", "text", "ana.k@example.com", "b.osei@example.org", "li.wen@example.com")
            with { References = "subscribers" };

        Assert.That(Rules.Classify(column).DataCategory, Is.EqualTo("contact.email"));
    }
}
