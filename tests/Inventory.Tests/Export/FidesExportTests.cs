using Inventory.Reports.Export;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace Inventory.Tests.Export;

/// <summary>The Fides dataset export, checked against fideslang's rules: every <c>fides_key</c> has the <c>FidesKey</c>
/// form and every data category is a key of the default taxonomy shipped with the export.</summary>
[TestFixture]
public sealed class FidesExportTests
{
    [Test]
    public void DefaultTaxonomyKeys_AreLoadedAndWellFormed()
    {
        var keys = FidesDataset.DefaultTaxonomyKeys;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys, Has.Count.EqualTo(101));
            Assert.That(keys, Does.Contain("user.contact.email").And.Contain("system.operations").And.Contain("user.government_id.national_identification_number"));
            Assert.That(keys, Does.Not.Contain("user.contact.organization"), "deprecated keys are not shipped");
            Assert.That(keys.Where(k => !FidesDataset.IsFidesKey(k)), Is.Empty);
        }
    }

    [Test]
    public void Mapping_EveryTargetIsADefaultTaxonomyKey() =>
        Assert.That(FidesDataset.Mapping.Values.Where(k => !FidesDataset.DefaultTaxonomyKeys.Contains(k)), Is.Empty);

    [Test]
    public void Mapping_CoversEveryCategoryOfTheDefaultTaxonomyExplicitlyOrByItsParent()
    {
        var byParent = ExportDocuments.AllCategories.Where(c => !FidesDataset.Mapping.ContainsKey(c)).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byParent, Has.All.StartsWith("customer_content."), "only customer content goes by its parent (DESIGN §7: user.content.private)");
            Assert.That(ExportDocuments.AllCategories.Select(FidesDataset.KeyFor).Where(k => !FidesDataset.DefaultTaxonomyKeys.Contains(k)), Is.Empty);
        }
    }

    [TestCase("contact.email", ExpectedResult = "user.contact.email")]
    [TestCase("contact.company_name", ExpectedResult = "user.contact")]
    [TestCase("financial.payment_card", ExpectedResult = "user.financial.credit_card")]
    [TestCase("financial.billing", ExpectedResult = "user.payment")]
    [TestCase("automatic.ip_address", ExpectedResult = "user.device.ip_address")]
    [TestCase("automatic.user_agent", ExpectedResult = "user.device")]
    [TestCase("customer_content.source_code", ExpectedResult = "user.content.private")]
    [TestCase("other_personal.national_id", ExpectedResult = "user.government_id.national_identification_number")]
    [TestCase("none", ExpectedResult = "system.operations")]
    [TestCase("contact.linkedin", ExpectedResult = "user.contact")]
    [TestCase("biometrics.face", ExpectedResult = "user")]
    public string KeyFor_MapsPerDesignOrToTheClosestParent(string category) => FidesDataset.KeyFor(category);

    [Test]
    public void Dataset_EveryCategory_IsAValidFidesDataset()
    {
        // Given one annotated column per category, in a source whose name is no valid fides key, plus a second source
        var document = ExportDocuments.OneColumnPerCategory("postgres", "public");
        document.Sources[0].Name = "app db/main";
        document.Sources.Add(new Inventory.Model.SourceEntry
        {
            Name = "billing", Provider = "sqlite",
            Tables = [ExportDocuments.Table("main", "invoices", [ExportDocuments.Tagged("total", "financial.billing")], defaultSchema: "main")],
        });
        var plan = ExportDocuments.Plan(document);

        // When the dataset is written and read back as YAML
        var text = LabelExport.Write(plan, ExportFormat.Fides);
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text));
        var datasets = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["dataset"];

        // Then each source is a dataset with a valid fides_key, collections are tables, fields the exported columns,
        // and every data category is a default-taxonomy key
        var keys = datasets.Cast<YamlMappingNode>().Select(d => ((YamlScalarNode)d["fides_key"]).Value!).ToArray();
        var fields = datasets.Cast<YamlMappingNode>()
            .SelectMany(d => ((YamlSequenceNode)d["collections"]).Cast<YamlMappingNode>()
                .SelectMany(c => ((YamlSequenceNode)c["fields"]).Cast<YamlMappingNode>()
                    .Select(f => (Collection: ((YamlScalarNode)c["name"]).Value!, Field: ((YamlScalarNode)f["name"]).Value!,
                        Categories: ((YamlSequenceNode)f["data_categories"]).Cast<YamlScalarNode>().Select(s => s.Value!).ToArray()))))
            .ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(keys, Is.EqualTo(new[] { "inventory_app_db_main", "inventory_billing" }));
            Assert.That(keys, Has.All.Matches<string>(FidesDataset.IsFidesKey));
            Assert.That(fields, Has.Length.EqualTo(plan.Columns.Count));
            Assert.That(fields.SelectMany(f => f.Categories).Where(k => !FidesDataset.DefaultTaxonomyKeys.Contains(k) || !FidesDataset.IsFidesKey(k)), Is.Empty);
            Assert.That(fields, Has.All.Matches<(string Collection, string Field, string[] Categories)>(f => f.Categories.Length == 1));
            Assert.That(fields.First(f => f.Field == "contact_email").Categories, Is.EqualTo(new[] { "user.contact.email" }));
            Assert.That(fields.First(f => f.Field == "total"), Is.EqualTo(("invoices", "total", new[] { "user.payment" })).Using<(string, string, string[])>(
                (a, b) => a.Item1 == b.Item1 && a.Item2 == b.Item2 && a.Item3.SequenceEqual(b.Item3)));
            Assert.That(text, Does.StartWith("# inventory export: Fides dataset (fideslang)\n"));
        }
    }

    [TestCase("app", ExpectedResult = "inventory_app")]
    [TestCase("app db/main", ExpectedResult = "inventory_app_db_main")]
    [TestCase("crm-eu.1", ExpectedResult = "inventory_crm-eu.1")]
    public string DatasetKey_ReplacesCharactersFidesRejects(string source) => FidesDataset.DatasetKey(source);
}
