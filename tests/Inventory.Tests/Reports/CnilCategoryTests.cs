using DocumentFormat.OpenXml.Packaging;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The CNIL register category of each data category, per kind and not by top level only (trial 26 finding 3;
/// DESIGN.md §7, the CNIL register template where the design is silent).</summary>
[TestFixture]
public sealed class CnilCategoryTests
{
    private const string Identity = "État civil, identité, données d'identification";

    [TestCase("contact.email", ExpectedResult = Identity)]
    [TestCase("contact", ExpectedResult = Identity)]
    [TestCase("financial.tax_id", ExpectedResult = "Informations d'ordre économique et financier")]
    [TestCase("automatic.ip_address", ExpectedResult = "Données de connexion")]
    [TestCase("automatic.activity", ExpectedResult = "Données de connexion")]
    [TestCase("automatic.device_id", ExpectedResult = "Internet (cookies, traceurs, données de navigation)")]
    [TestCase("automatic.geolocation", ExpectedResult = "Données de localisation")]
    [TestCase("other_personal.date_of_birth", ExpectedResult = Identity)]
    [TestCase("other_personal.gender", ExpectedResult = Identity)]
    [TestCase("other_personal.national_id", ExpectedResult = Identity)]
    [TestCase("other_personal.photo", ExpectedResult = Identity)]
    [TestCase("other_personal.employment", ExpectedResult = "Vie professionnelle")]
    [TestCase("other_personal.location", ExpectedResult = "Données de localisation")]
    [TestCase("other_personal.credentials", ExpectedResult = "Données de connexion")]
    [TestCase("other_personal.health", ExpectedResult = "Données sensibles (art. 9 RGPD)")]
    [TestCase("other_personal.special_category", ExpectedResult = "Données sensibles (art. 9 RGPD)")]
    [TestCase("other_personal", ExpectedResult = "Autres catégories de données (à préciser)")]
    [TestCase("customer_content.message", ExpectedResult = "Autres catégories de données : contenu des messages adressés à l'organisme")]
    [TestCase("customer_content.file", ExpectedResult = "Autres catégories de données : contenus déposés par les utilisateurs")]
    [TestCase("none", ExpectedResult = "—")]
    public string CnilCategory_InAControllerActivity(string category) => ReportModelBuilder.CnilCategory(category, ProcessingRole.Controller);

    [TestCase("customer_content.message")]
    [TestCase("customer_content.source_code")]
    public void CnilCategory_CustomerContentInAProcessorActivity_TheProcessorRecord(string category) =>
        Assert.That(ReportModelBuilder.CnilCategory(category, ProcessingRole.Processor), Is.EqualTo("Données hébergées pour le compte des clients (Art. 30(2))"));

    [TestCase("other_personal.health", ExpectedResult = true)]
    [TestCase("other_personal.special_category", ExpectedResult = true)]
    [TestCase("other_personal.national_id", ExpectedResult = true)]
    [TestCase("other_personal.date_of_birth", ExpectedResult = false)]
    [TestCase("contact.email", ExpectedResult = false)]
    public bool Sensitive_TheTemplatesSensitiveDataQuestion(string category) => ReportModelBuilder.Sensitive(category);

    [Test]
    public void Build_SupportMessagesInAControllerActivity_NotCalledDataHostedForCustomers()
    {
        // Given: support tickets of account-management (the company's own processing, DESIGN §1) with a message column
        // and a declared-by-no-one date of birth.
        var inventory = SampleInventory.Build();
        inventory.Sources[0].Tables.Add(Some.Table("support_tickets", "account-management", Some.Id(), Some.Fk(),
            Some.Column("body", "customer_content.message"), Some.Column("birth_date", "other_personal.date_of_birth")));

        var record = ReportModel.Build(inventory, PolicyDocument.Seed).Activities.Single(a => a.Id == "account-management");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Categories.Single(k => k.Category == "customer_content.message").CnilCategory,
                Is.EqualTo("Autres catégories de données : contenu des messages adressés à l'organisme"));
            Assert.That(record.Categories.Single(k => k.Category == "other_personal.date_of_birth").CnilCategory, Is.EqualTo(Identity));
            Assert.That(record.Categories.Single(k => k.Category == "other_personal.credentials").CnilCategory, Is.EqualTo("Données de connexion"));
        }
    }

    [Test]
    public async Task Xlsx_HealthColumn_RegisterSaysSensitiveData()
    {
        var inventory = SampleInventory.Build();
        inventory.Sources[0].Tables.Single(t => t.Name == "users").Columns.Add(Some.Column("allergies", "other_personal.health"));
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), ReportModel.Build(inventory, PolicyDocument.Seed));

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var register = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Registre");
        var row = register.Single(r => r[1] == "account-management");

        Assert.That(row[Array.IndexOf(register[0], "Données sensibles")], Is.EqualTo("Oui: other_personal.health"));
    }
}
