using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>
/// trial37 finding 2: a legal basis the GDPR does not have (<c>Art. 6(1)(g)</c>) went into the record unchecked, and an
/// activity declaring health data needed no Art. 9(2) condition. Every accepted article in every accepted spelling, every
/// point outside the Regulation's lists, and the policy errors with their line and column.
/// </summary>
[TestFixture]
public sealed class LegalBasisArticleTests
{
    private static readonly string[] Spellings = ["Art. {0}", "Art {0}", "art. {0}", "Article {0}", "ARTICLE {0}", "GDPR Art. {0}", "Art. {0} RGPD", "Artikel {0} DSGVO", "Artículo {0}"];

    private static IEnumerable<string> Every(string reference) => Spellings.Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, s, reference));

    [Test]
    public void EveryPointOfTheRegulationsLists_InEverySpelling_IsAccepted()
    {
        var references = "abcdef".Select(p => $"6(1)({p})").Concat("abcdefghij".Select(p => $"9(2)({p})"))
            .Concat(["10", "28", "28(3)", "88", "88(1)", "6 (1) (b)", "9(2)(H)"]).ToList();
        var refused = references.SelectMany(Every).Where(text => !LegalBasisArticle.TryRead(text, out _, out _)).ToList();

        Assert.That(references.SelectMany(Every).Count(), Is.EqualTo(references.Count * Spellings.Length));
        Assert.That(refused, Is.Empty);
    }

    [Test]
    public void ReadArticle_HasItsParts_AndOnlyArticle9IsASpecialCategoryCondition()
    {
        Assert.That(LegalBasisArticle.TryRead("Art. 9 (2) (H)", out var health, out var none), Is.True);
        Assert.That(none, Is.Null);
        Assert.That(health, Is.EqualTo(new LegalBasisArticle(9, 2, 'h')));
        Assert.That(health!.IsSpecialCategoryCondition, Is.True);
        Assert.That(LegalBasisArticle.TryRead("Art. 6(1)(b)", out var contract, out _) && !contract!.IsSpecialCategoryCondition, Is.True);
    }

    [TestCase("Art. 6(1)(g)", "Art. 6(1) has points (a) to (f) only")]
    [TestCase("Art. 6(1)(z)", "Art. 6(1) has points (a) to (f) only")]
    [TestCase("Art. 6(1)", "names no point: Art. 6(1) has points (a) consent")]
    [TestCase("Art. 6(2)(a)", "the bases are the points of Art. 6(1)")]
    [TestCase("Art. 6", "the bases are the points of Art. 6(1)")]
    [TestCase("Art. 9(2)(k)", "Art. 9(2)") ]
    [TestCase("Art. 9(2)", "names no point: Art. 9(2) has points (a) to (j)")]
    [TestCase("Art. 9(1)", "those are the points of Art. 9(2)")]
    [TestCase("Art. 5(1)(a)", "is not a legal basis; a legal basis is Art. 6(1)(a) to (f)")]
    [TestCase("Art. 28(1)", "is not a legal basis")]
    [TestCase("Art. 10(1)(a)", "is not a legal basis")]
    [TestCase("contract", "is not an article of the GDPR")]
    [TestCase("6(1)(b)", "is not an article of the GDPR")]
    [TestCase("Art. 6(1)(b) and (c)", "is not an article of the GDPR")]
    [TestCase("§ 26 BDSG", "national law goes in 'detail'")]
    public void ArticleOutsideTheRegulationsLists_IsRefusedSayingWhy(string text, string reason)
    {
        Assert.That(LegalBasisArticle.TryRead(text, out var article, out var error), Is.False);
        Assert.That(article, Is.Null);
        Assert.That(error, Does.StartWith($"'{text}' ").And.Contain(reason));
    }

    private const string Policy = """
        controller: { name: Example PaaS SAS, address: Strasbourg }
        activities:
          - id: hr-absences
            name: Absences
            purposes: [manage sick leave]
            data-categories: [contact.name, other_personal.health]
        """;

    [TestCase("legal-basis: Art. 6(1)(g)", 7, 18, "'Art. 6(1)(g)' is not a legal basis: Art. 6(1) has points (a) to (f) only")]
    [TestCase("legal-basis: { article: Art. 6(1)(g), detail: employment contract }", 7, 29, "'Art. 6(1)(g)' is not a legal basis")]
    [TestCase("legal-basis: [Art. 6(1)(b), contract]", 7, 33, "'contract' is not an article of the GDPR")]
    public void Policy_WithAnArticleOutsideTheRegulation_FailsAtItsLineAndColumn(string line, int lineNumber, int column, string message)
    {
        var e = Assert.Throws<ConfigurationException>(() => PolicyDocument.Parse(Policy.Replace("other_personal.health", "contact.email") + "\n    " + line, "policy.yml"))!;

        Assert.That((e.Line, e.Column), Is.EqualTo((lineNumber, column)));
        Assert.That(e.Message, Does.StartWith($"policy.yml:{lineNumber}:{column}: {message}"));
    }

    [Test]
    public void Policy_DeclaringHealthData_WithoutAnArticle9Condition_FailsNamingTheCategory()
    {
        var e = Assert.Throws<ConfigurationException>(() => PolicyDocument.Parse(Policy + "\n    legal-basis: [Art. 6(1)(b), Art. 6(1)(c)]", "policy.yml"))!;

        Assert.That(e.Message, Does.StartWith("policy.yml:7:18: activity 'hr-absences' declares other_personal.health, a special category of data (Art. 9(1))")
            .And.Contain("needs a condition of Art. 9(2)"));
    }

    [TestCase("\n    legal-basis: [Art. 6(1)(b), { article: Art. 9(2)(b), detail: employment law }]")]
    [TestCase("")]
    public void Policy_DeclaringHealthData_WithAnArticle9Condition_OrNoBasisYet_Loads(string legal)
    {
        var policy = PolicyDocument.Parse(Policy + legal, "policy.yml");

        Assert.That(policy.Activities.Single().DataCategories, Does.Contain("other_personal.health"));
        Assert.That(policy.Activities.Single().LegalBasis, Has.Count.EqualTo(legal.Length == 0 ? 0 : 2));
    }
}
