using Inventory.Model;
using Inventory.Reports;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>trial37 finding 2, the record's half: a controller activity whose tables hold health data (found in the
/// data, not declared by the policy, so the policy reader could not refuse it) and whose legal bases hold no Art. 9(2)
/// condition gets a flagged line in its legal-basis cell; an Art. 9(2) condition, or no special category, leaves the
/// cell as the policy writes it.</summary>
[TestFixture]
public sealed class SpecialCategoryConditionTests
{
    private const string Flag = "⚠ no condition of Art. 9(2) for other_personal.health (special categories of data, Art. 9(1))";

    private static ActivityRecord Record(string legalBasis, bool healthColumn)
    {
        var policy = PolicyDocument.Parse(SignableRecordTests.PolicyText().Replace(
            "    recipients: [payroll-us]\n", $"    recipients: [payroll-us]\n{legalBasis}", StringComparison.Ordinal), "policy.yml");
        var inventory = SignableRecordTests.Inventory();
        if (healthColumn)
            inventory.Sources.Single(s => s.Name == "app").Tables.Single(t => t.Name == "staff_absences").Columns
                .Add(Some.Column("diagnosis", "other_personal.health"));
        inventory.Normalize();
        return ReportModel.Build(inventory, policy).Activities.Single(a => a.Id == "hr-absences");
    }

    [Test]
    public void HealthDataFound_WithOnlyArticle6Bases_IsFlaggedAfterTheBases()
    {
        var record = Record("    legal-basis: [Art. 6(1)(b), { article: Art. 6(1)(c), detail: labour code }]\n", healthColumn: true);

        Assert.That(record.LegalBasis, Is.EqualTo(new[] { "Art. 6(1)(b)", "Art. 6(1)(c): labour code", Flag }));
    }

    [Test]
    public void HealthDataFound_WithNoBasis_SaysNoneDeclaredAndTheFlag()
    {
        var record = Record("", healthColumn: true);

        Assert.That(record.LegalBasis, Is.EqualTo(new[] { RecordWording.NoneDeclared, Flag }));
    }

    [TestCase("    legal-basis: [Art. 6(1)(b), { article: Art. 9(2)(b), detail: employment law }]\n", true, 2)]
    [TestCase("    legal-basis: [Art. 6(1)(b)]\n", false, 1)]
    public void WithAnArticle9Condition_OrNoSpecialCategory_TheCellIsThePolicys(string legalBasis, bool healthColumn, int bases)
    {
        var record = Record(legalBasis, healthColumn);

        Assert.That(record.LegalBasis, Has.Count.EqualTo(bases));
        Assert.That(record.LegalBasis, Has.None.Contains("Art. 9(1)"));
    }
}
