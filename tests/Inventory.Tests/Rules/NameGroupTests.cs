using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>Name groups of <c>name-rules.yml</c> (<see cref="NameRuleSet.InNameGroup"/>): the payment words the value rules
/// read to tell a payment processor's token from a credential (moved there from a list in ValueRules).</summary>
public sealed class NameGroupTests
{
    private static bool Payment(string column)
    {
        var rules = NameRuleSet.Default;
        return rules.InNameGroup(rules.ExpandAbbreviations(NameTokenizer.Tokenize(column)), "payment");
    }

    [TestCase("stripe_token", ExpectedResult = true)]
    [TestCase("cardToken", ExpectedResult = true)]
    [TestCase("payments_ref", ExpectedResult = true)]
    [TestCase("cc_token", ExpectedResult = true, Description = "cc expands to credit card")]
    [TestCase("jeton_paiement", ExpectedResult = true)]
    [TestCase("api_token", ExpectedResult = false)]
    [TestCase("secret_key", ExpectedResult = false)]
    [TestCase("pays", ExpectedResult = false, Description = "French for country; plurals are listed, not derived")]
    public bool PaymentGroup(string column) => Payment(column);

    [Test]
    public void UnknownGroup_IsFalse() =>
        Assert.That(NameRuleSet.Default.InNameGroup(["stripe", "token"], "no-such-group"), Is.False);

    [Test]
    public void NameGroupsOfAUserFile_AreRead()
    {
        var rules = NameRuleSet.Parse("""
            name-groups:
              payment: [zahlkarte, credit card]
            rules:
              - id: test.email
                category: contact.email
                names: [email]
            """, "user-rules.yml", Taxonomy.Default);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rules.InNameGroup(["zahlkarte", "token"], "payment"), Is.True);
            Assert.That(rules.InNameGroup(["old", "credit", "card", "ref"], "payment"), Is.True, "a phrase matches a run of tokens");
            Assert.That(rules.InNameGroup(["stripe", "token"], "payment"), Is.False, "the user file's group replaces the default words");
        }
    }
}
