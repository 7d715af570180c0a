using NUnit.Framework;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Tests.Reports;

/// <summary>declared-categories-only never calls a category an activity declares undeclared; its <c>undeclared</c>
/// categories need an explicit declaration, which a broader declaration does not give.</summary>
[TestFixture]
public sealed class ClaimDeclaredCategoriesTests
{
    /// <summary>A clinic policy: the patient-care activity declares four special categories; claims as given.</summary>
    private static PolicyDocument Clinic(string declared, string claimParameters = "") => PolicyDocument.Parse($$"""
        controller: { name: Example Clinic SAS, address: Strasbourg }
        activities:
          - id: patient-care
            name: Patient care
            purposes: [care]
            data-categories: [contact.name, {{declared}}]
        claims:
          - id: declared-only
            text: The personal data we hold is limited to the categories the policy declares.
            kind: declared-categories-only
        {{claimParameters}}
        """, "policy.yml");

    private static InventoryDocument Patients() => Some.Document(Some.Source("app", Some.Table("patients", "patient-care",
        Some.Id(), Some.Column("name", "contact.name"), Some.Column("diagnosis", "other_personal.health"),
        Some.Column("birth_date", "other_personal.date_of_birth"), Some.Column("ssn", "other_personal.national_id"),
        Some.Column("gender", "other_personal.gender"))));

    private static ClaimResult Check(PolicyDocument policy, InventoryDocument inventory) =>
        ClaimEvaluator.Evaluate(policy.Claims.Single(), policy, inventory);

    [Test]
    public void DeclaredCategoriesOnly_DefaultParametersAndTheActivityDeclaresTheSpecialCategories_Holds()
    {
        // Given an activity that declares health, date of birth, national id and gender, and the claim without parameters
        var policy = Clinic("other_personal.health, other_personal.date_of_birth, other_personal.national_id, other_personal.gender");

        // When checked on columns of that activity's table holding them
        var result = Check(policy, Patients());

        // Then no declared category is called undeclared, and the report lists them under the activity
        var report = ReportModel.Build(Patients(), policy, [result]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), string.Join("; ", result.Findings.Select(f => f.Reason)));
            Assert.That(result.Findings, Is.Empty);
            Assert.That(report.Claims.Single().Verdict, Is.EqualTo("holds"));
        }
    }

    [Test]
    public void DeclaredCategoriesOnly_OneSpecialCategoryNotDeclared_OnlyThatColumnIsAFindingSayingNoActivityDeclaresIt()
    {
        var result = Check(Clinic("other_personal.health, other_personal.date_of_birth, other_personal.national_id"), Patients());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated));
            Assert.That(result.Findings.Select(f => f.Column), Is.EqualTo(new[] { "gender" }));
            Assert.That(result.Findings.Single().Reason, Is.EqualTo("other_personal.gender is declared by no processing activity"));
        }
    }

    [Test]
    public void DeclaredCategoriesOnly_BareOtherPersonalDeclaredUnderTheDefault_Holds()
    {
        // The default `undeclared: [other_personal]` asks for other_personal to be declared; declaring it satisfies it.
        var result = Check(Clinic("other_personal"), Patients());

        Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Holds), string.Join("; ", result.Findings.Select(f => f.Reason)));
    }

    [Test]
    public void DeclaredCategoriesOnly_HealthMustBeExplicitButOnlyOtherPersonalIsDeclared_HealthIsAFindingNamingTheBroadDeclaration()
    {
        // Given undeclared: [other_personal.health] and an activity declaring only the bare other_personal
        var policy = Clinic("other_personal", """
                parameters:
                  undeclared: [other_personal.health]
            """);

        var result = Check(policy, Patients());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated));
            Assert.That(result.Findings.Select(f => f.Column), Is.EqualTo(new[] { "diagnosis" }));
            Assert.That(result.Findings.Single().Reason, Is.EqualTo(
                "other_personal.health is covered only by the broader declaration other_personal (activity patient-care); the claim's undeclared: other_personal.health must be declared explicitly: declare other_personal.health"));
        }
    }
}
