using NUnit.Framework;
using Inventory.Rules.Policy;
using Inventory.Tests.Support;

namespace Inventory.Tests.Reports;

[TestFixture]
public sealed class PolicyDocumentTests
{
    private const string Minimal = """
        controller: { name: Example PaaS SAS, address: Strasbourg }
        recipients:
          - { id: stripe, name: Stripe, kind: processor }
        activities:
          - id: billing
            name: Billing
            purposes: [invoice]
            data-categories: [financial.billing]
            recipients: [stripe]
        """;

    private static ConfigurationException Fails(string yaml) =>
        Assert.Throws<ConfigurationException>(() => PolicyDocument.Parse(yaml, "policy.yml"))!;

    [Test]
    public void Load_BuiltIn_HasTheSevenActivitiesAndEightClaims()
    {
        var policy = PolicyDocument.Seed;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.Controller.Address, Does.Contain("Strasbourg"));
            Assert.That(policy.Dpo, Is.Not.Null);
            Assert.That(policy.Activities.Select(a => a.Id), Is.EqualTo(new[]
            {
                "account-management", "billing-and-payment", "service-operation", "activity-analytics", "prospect-contact",
                "legal-requests", "hosting-customer-data",
            }));
            Assert.That(policy.Activities.Single(a => a.IsProcessor).Id, Is.EqualTo("hosting-customer-data"));
            Assert.That(policy.Claims, Has.Count.EqualTo(8));
            Assert.That(policy.Recipient("intercom")!.Transfer!.Safeguard, Does.Contain("Data Privacy Framework"));
            Assert.That(policy.Activity("billing-and-payment")!.RetentionFor("financial.billing")!.Erasable, Is.False);
        }
    }

    /// <summary>Trial 18: the seed's processor activity listed "customers of the platform" and "each the controller of
    /// their own application data" as two controllers (an unquoted comma in a flow sequence); no list item of the seed
    /// starts with a word that continues a sentence.</summary>
    [Test]
    public void Seed_ProcessorActivity_ServesOneControllerDescription()
    {
        var processor = PolicyDocument.Seed.Activities.Single(a => a.Id == "hosting-customer-data");
        Assert.That(processor.Controllers, Is.EqualTo(new[] { "customers of the platform, each the controller of their own application data" }));
        var fragments = PolicyDocument.Seed.Activities.SelectMany(a => a.Controllers.Concat(a.DataSubjects).Concat(a.Purposes))
            .Where(item => item.Split(' ')[0] is "each" or "and" or "or" or "which" or "who").ToArray();
        Assert.That(fragments, Is.Empty, "list items that are the rest of a sentence cut at a comma");
    }

    [Test]
    public void Load_RepositoryFile_EqualsTheEmbeddedResource()
    {
        var file = PolicyDocument.Load(Path.Combine(SharedPaths.Repository, "rules", "policy.yml"));

        Assert.That(file.Claims.Select(c => c.Id), Is.EqualTo(PolicyDocument.Seed.Claims.Select(c => c.Id)));
    }

    [Test]
    public void Parse_Minimal_Succeeds()
    {
        var policy = PolicyDocument.Parse(Minimal, "policy.yml");

        Assert.That(policy.Activity("billing")!.Recipients, Is.EqualTo(new[] { "stripe" }));
    }

    // Trial 22 finding 6: one legal basis given alone, not as a list, was refused ("'legal-basis' must be a list").
    [TestCase("legal-basis: Art. 6(1)(b)", "Art. 6(1)(b)", null)]
    [TestCase("legal-basis: { article: Art. 6(1)(c), detail: accounting }", "Art. 6(1)(c)", "accounting")]
    [TestCase("legal-basis:\n      article: Art. 6(1)(f)\n      detail: fraud prevention", "Art. 6(1)(f)", "fraud prevention")]
    [TestCase("legal-basis: [Art. 6(1)(a)]", "Art. 6(1)(a)", null)]
    public void Parse_SingleLegalBasis_AcceptedAsOneItem(string line, string article, string? detail)
    {
        var policy = PolicyDocument.Parse(Minimal + "\n    " + line, "policy.yml");

        Assert.That(policy.Activities.Single().LegalBasis, Is.EqualTo(new[] { new LegalBasis(article, detail) }));
    }

    [Test]
    public void Parse_UnknownKey_ErrorWithLineColumnAndSuggestion()
    {
        var e = Fails(Minimal + "\n    purpose: [typo]\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e.Line, Is.EqualTo(10));
            Assert.That(e.Column, Is.EqualTo(5));
            Assert.That(e.Message, Does.StartWith("policy.yml:10:5:").And.Contain("did you mean 'purposes'"));
        }
    }

    [Test]
    public void Parse_UnknownDataCategory_ErrorAtTheItem()
    {
        var e = Fails(Minimal.Replace("financial.billing", "financial.biling", StringComparison.Ordinal));

        Assert.That(e.Line, Is.EqualTo(8));
        Assert.That(e.Message, Does.Contain("unknown data category 'financial.biling'").And.Contain("did you mean 'financial.billing'"));
    }

    [Test]
    public void Parse_UnknownRecipient_Error()
    {
        var e = Fails(Minimal.Replace("recipients: [stripe]", "recipients: [paypal]", StringComparison.Ordinal));

        Assert.That(e.Message, Does.Contain("unknown recipient 'paypal'"));
        Assert.That(e.Line, Is.EqualTo(9));
    }

    [Test]
    public void Parse_UnknownClaimKind_Error()
    {
        var e = Fails(Minimal + "\nclaims:\n  - { id: c, text: t, kind: no-pan }\n");

        Assert.That(e.Message, Does.Contain("unknown claim kind 'no-pan'"));
        Assert.That(e.Line, Is.EqualTo(11));
    }

    [Test]
    public void Parse_ClaimNamingUnknownActivity_Error()
    {
        var e = Fails(Minimal + "\nclaims:\n  - id: c\n    text: t\n    kind: billing-not-cascade-deleted\n    parameters: { activity: biling }\n");

        Assert.That(e.Message, Does.Contain("unknown processing activity 'biling'").And.Contain("did you mean 'billing'"));
        Assert.That(e.Line, Is.EqualTo(14));
    }

    [Test]
    public void Parse_ClaimMissingRequiredParameter_Error()
    {
        var e = Fails(Minimal + "\nclaims:\n  - { id: c, text: t, kind: shared-with-only, parameters: { recipient: stripe } }\n");

        Assert.That(e.Message, Does.Contain("needs parameter 'allowed-categories'"));
    }

    [Test]
    public void Parse_UnknownClaimParameter_Error()
    {
        var e = Fails(Minimal + "\nclaims:\n  - { id: c, text: t, kind: no-card-number, parameters: { detector: [x] } }\n");

        Assert.That(e.Message, Does.Contain("unknown key 'detector'").And.Contain("did you mean 'detectors'"));
    }

    [Test]
    public void Parse_DuplicateActivityId_Error()
    {
        var e = Fails(Minimal + "\n  - { id: billing, name: B, purposes: [x] }\n");

        Assert.That(e.Message, Does.Contain("duplicate activity id 'billing'"));
    }

    [Test]
    public void Parse_TransferWithoutSafeguard_Error()
    {
        var e = Fails(Minimal.Replace("kind: processor }", "kind: processor, transfer: { country: US } }", StringComparison.Ordinal));

        Assert.That(e.Message, Does.Contain("safeguard"));
    }

    [Test]
    public void RequireActivity_UnknownId_ErrorAtTheAnnotationPosition()
    {
        var policy = PolicyDocument.Seed;

        var e = Assert.Throws<ConfigurationException>(() => policy.RequireActivity("acount-management", "annotations/users.yml", 2, 11))!;

        Assert.That(e.Message, Does.StartWith("annotations/users.yml:2:11:").And.Contain("did you mean 'account-management'"));
        Assert.DoesNotThrow(() => policy.RequireActivity("account-management", "a.yml", 1, 1));
    }

    [Test]
    public void Load_MissingFile_ConfigurationError()
    {
        Assert.That(() => PolicyDocument.Load("/nonexistent/policy.yml"), Throws.TypeOf<ConfigurationException>());
    }
}
