using Inventory.Model;
using Inventory.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary><see cref="Recipients.Of"/>: a column's recipients are its table's <c>shared-with</c> ∪ its own entry's.</summary>
[TestFixture]
public sealed class RecipientsTests
{
    [Test]
    public void Of_TableAndColumnEntries_UnionEachOnceTheTablesFirst()
    {
        var email = Some.Column("email", "contact.email");
        email.Annotation!.SharedWith = ["intercom", "call-centre"];
        var users = Some.Table("users", "account-management", email).SharedWith("intercom", "stripe");

        Assert.That(Recipients.Of(users, email), Is.EqualTo(new[]
        {
            new RecipientShare("intercom", ShareScope.Table), new RecipientShare("stripe", ShareScope.Table),
            new RecipientShare("call-centre", ShareScope.Column),
        }));
    }

    [Test]
    public void Of_NoSharedWith_Empty()
    {
        var phone = Some.Column("phone", "contact.phone");
        Assert.That(Recipients.Of(Some.Table("users", null, phone), phone), Is.Empty);
    }

    [Test]
    public void Include_ColumnEntryOnly_TrueForThatColumnAndNotItsNeighbour()
    {
        var email = Some.Column("email", "contact.email");
        email.Annotation!.SharedWith = ["intercom"];
        var phone = Some.Column("phone", "contact.phone");
        var users = Some.Table("users", null, email, phone);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Recipients.Include(users, email, "intercom"), Is.True);
            Assert.That(Recipients.Include(users, phone, "intercom"), Is.False);
        }
    }
}
