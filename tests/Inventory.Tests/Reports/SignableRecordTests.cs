using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Reports;
using Inventory.Reports.Check;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The record a DPO can sign (trial37 findings 1, 1b, 3, 7, 8 and 10), rendered from the sample inventory and a
/// copy of the seed policy with the trial's additions: a recipient in the US without a <c>transfer:</c> block, and an
/// activity without legal basis, data subjects, security measures or retention, whose table holds a reviewed and an
/// unreviewed column. Every format is asserted on the exact cell or line.</summary>
[TestFixture]
public sealed class SignableRecordTests
{
    /// <summary>The seed policy with the trial's recipient and activity inserted before the seed's own activities.</summary>
    internal static string PolicyText() => PolicyDocument.SeedText().Replace("\nactivities:\n", """

          - id: payroll-us
            name: PayCloud Inc.
            kind: processor
            country: US
        activities:
          - id: hr-absences
            name: Staff absences
            purposes: [Record staff absences]
            data-categories: [contact.name, other_personal.employment]
            recipients: [payroll-us]

        """.Replace("\n        ", "\n", StringComparison.Ordinal), StringComparison.Ordinal);

    private string _policyFile = "";
    private PolicyDocument _policy = null!;

    [OneTimeSetUp]
    public void WritePolicy()
    {
        _policyFile = Path.Combine(Path.GetTempPath(), $"dpo37-policy-{Guid.NewGuid():N}.yml");
        File.WriteAllText(_policyFile, PolicyText());
        _policy = PolicyDocument.Load(_policyFile);
    }

    [OneTimeTearDown]
    public void RemovePolicy() => File.Delete(_policyFile);

    /// <summary>The sample inventory with the trial's staff table (one reviewed name column, one only suggested) and the
    /// processor source naming its controller.</summary>
    internal static InventoryDocument Inventory(string? controller = "Acme SAS, dpo@acme.example")
    {
        var inventory = SampleInventory.Build();
        var staff = Some.Table("staff_absences", "hr-absences", Some.Id(), Some.Column("employee_name", "contact.name"),
            Some.Column("backup_name", "contact.name", ColumnStatus.Suggested));
        inventory.Sources.Single(s => s.Name == "app").Tables.Add(staff);
        inventory.Sources.Single(s => s.Role == ProcessingRole.Processor).Controller = controller;
        inventory.Normalize();
        return inventory;
    }

    private ReportModel Model(InventoryDocument? inventory = null) => ReportModel.Build(inventory ?? Inventory(), _policy);

    private static async Task<List<string[]>> Sheet(ReportModel model, string name)
    {
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), model);
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        return ReportWriterTests.ReadSheet(document.WorkbookPart!, name);
    }

    private static async Task<string> RegisterCell(ReportModel model, string activity, string heading)
    {
        var register = await Sheet(model, "Registre");
        return register.Single(r => r[1] == activity)[Array.IndexOf(register[0], heading)];
    }

    private const string UsTransfer = "PayCloud Inc.: US ⚠ no safeguard declared";

    // Finding 1: a recipient in a third country without `transfer:` is a transfer, flagged, never "none".
    [Test]
    public void Build_RecipientInTheUsWithoutTransfer_ListedAsATransferWithoutSafeguard()
    {
        var record = Model().Activities.Single(a => a.Id == "hr-absences");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Transfers, Is.EqualTo(new[] { UsTransfer }));
            Assert.That(record.Recipients.Single().NoSafeguard, Is.True);
            // The seed's Intercom has its transfer block: listed with its safeguard, unflagged.
            Assert.That(Model().Activities.Single(a => a.Id == "activity-analytics").Recipients.Single(r => r.Id == "intercom").NoSafeguard, Is.False);
        }
    }

    [TestCase("md", "| Transfers to a third country or an international organisation (e) | " + UsTransfer + " |")]
    [TestCase("html", "<tr><th>Transfers to a third country or an international organisation (e)</th><td><ul><li>" + UsTransfer + "</li></ul></td><td class=\"muted\">declared in dpo37-policy-")]
    public async Task Render_RecipientInTheUsWithoutTransfer_TransferRowFlagsIt(string format, string expected)
    {
        var text = await ReportWriterTests.RenderTextAsync(format, Model());

        Assert.That(text, Does.Contain(expected));
    }

    [Test]
    public async Task Json_RecipientInTheUsWithoutTransfer_TransfersAndRecipientFlagged()
    {
        using var json = JsonDocument.Parse(await ReportWriterTests.RenderTextAsync("json", Model()));

        var activity = json.RootElement.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "hr-absences");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(activity.GetProperty("transfers").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { UsTransfer }));
            Assert.That(activity.GetProperty("recipients")[0].GetProperty("noSafeguard").GetBoolean(), Is.True);
        }
    }

    [Test]
    public async Task Xlsx_RecipientInTheUsWithoutTransfer_TransferCellFlagsIt()
    {
        Assert.That(await RegisterCell(Model(), "hr-absences", "Transferts des données hors UE"), Is.EqualTo(UsTransfer));
    }

    [TestCase("US", true)]
    [TestCase("us", true)]
    [TestCase("CH", true)]
    [TestCase("GB", true)]
    [TestCase("FR", false)]
    [TestCase("GR", false)]
    [TestCase("NO", false)]
    [TestCase("LI", false)]
    [TestCase("IS", false)]
    [TestCase("United States", false)]
    public void IsOutsideEea_IsoCode_EeaIsTheEu27AndIcelandLiechtensteinNorway(string country, bool outside) =>
        Assert.That(ThirdCountries.IsOutsideEea(country), Is.EqualTo(outside));

    [Test]
    public void EeaCodes_Count_ThirtyCountries() => Assert.That(ThirdCountries.EeaCodes, Has.Count.EqualTo(30));

    [Test]
    public void LacksSafeguard_CountryNotACode_ListedWithWhySinceItMayBeOutside()
    {
        var recipient = new Recipient { Id = "x", Name = "X Ltd", Kind = "processor", Country = "United States" };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ThirdCountries.LacksSafeguard(recipient), Is.True);
            Assert.That(ThirdCountries.UndeclaredTransfer(recipient), Is.EqualTo(
                "X Ltd: United States ⚠ no safeguard declared (the country is not an ISO 3166-1 alpha-2 code, so whether it is outside the EEA is unknown)"));
            Assert.That(ThirdCountries.LacksSafeguard(recipient with { Country = "DE" }), Is.False);
            Assert.That(ThirdCountries.LacksSafeguard(recipient with { Country = null }), Is.False);
        }
    }

    [Test]
    public async Task Check_RecipientInTheUsWithoutTransfer_WarningAtTheRecipientsPolicyLineInSarifAndGitHub()
    {
        // Given the policy file on disk: the recipient's entry is at a known line.
        var lines = File.ReadAllLines(_policyFile);
        int line = Array.FindIndex(lines, l => l.Contains("- id: payroll-us", StringComparison.Ordinal)) + 1;

        var finding = ClaimFindings.TransfersWithoutSafeguard(_policy, _policyFile, null, Path.GetDirectoryName(_policyFile)!).Single();
        var result = CheckGate.Evaluate(Inventory(), new CheckOptions { ExtraFindings = [finding] });
        var sarif = await CheckOutput(new SarifCheckWriter(), result);
        var github = await CheckOutput(new GitHubCheckWriter(), result);

        var produced = result.Findings.Single(f => f.Kind == FindingKind.TransferWithoutSafeguard);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((produced.Location.Line, produced.Location.Column), Is.EqualTo((line, 5)));
            Assert.That(produced.Failing, Is.False, "a warning unless --strict");
            Assert.That(produced.Message, Is.EqualTo("PayCloud Inc. is in US, outside the EEA, and the policy declares no transfer for it: "
                + "the record lists the transfer as '⚠ no safeguard declared' (Art. 30(1)(e))"));
            using var doc = JsonDocument.Parse(sarif);
            var sarifResult = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Single(r => r.GetProperty("ruleId").GetString() == "transfer-without-safeguard");
            Assert.That(sarifResult.GetProperty("level").GetString(), Is.EqualTo("warning"));
            Assert.That(sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(line));
            Assert.That(github, Does.Contain($"::warning file={Path.GetFileName(_policyFile)},line={line},col=5,title=inventory transfer-without-safeguard%3A recipient 'payroll-us'::recipient 'payroll-us': PayCloud Inc. is in US"));
        }
    }

    [Test]
    public async Task Check_RecipientInTheUsWithoutTransfer_JUnitCaseInThePolicySuiteNotTheAnnotations()
    {
        var finding = ClaimFindings.TransfersWithoutSafeguard(_policy, _policyFile, null, Path.GetDirectoryName(_policyFile)!).Single();
        var result = CheckGate.Evaluate(Inventory(), new CheckOptions { ExtraFindings = [finding] });

        var xml = System.Xml.Linq.XDocument.Parse(await CheckOutput(new JUnitCheckWriter(), result));

        var suites = xml.Root!.Elements("testsuite").ToDictionary(e => (string)e.Attribute("name")!);
        Assert.That(suites.ContainsKey("annotations"), Is.False, "no annotation finding in this check");
        var policyCase = suites["policy"].Elements("testcase").Single();
        Assert.That((string?)policyCase.Attribute("name"), Is.EqualTo("transfer-without-safeguard recipient 'payroll-us'"));
        Assert.That((string?)policyCase.Attribute("file"), Is.EqualTo(Path.GetFileName(_policyFile)));
        Assert.That(policyCase.Element("failure"), Is.Null, "a warning unless --strict");
        Assert.That((string?)policyCase.Element("system-out"), Does.StartWith("warning: ").And.Contain("PayCloud Inc. is in US"));
    }

    [Test]
    public void Check_SeedPolicy_NoTransferWarning() =>
        Assert.That(ClaimFindings.TransfersWithoutSafeguard(PolicyDocument.Seed, null, null, "."), Is.Empty);

    private static async Task<string> CheckOutput(ICheckWriter writer, CheckResult result)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // Finding 1b: a field the policy leaves out is "none declared" in every format.
    [TestCase("md", "| Legal basis | none declared |")]
    [TestCase("md", "| Data subjects (c) | none declared |")]
    [TestCase("md", "| Security measures (g) | none declared |")]
    [TestCase("html", "<tr><th>Legal basis</th><td><span class=\"muted\">none declared</span></td><td class=\"muted\"></td></tr>")]
    [TestCase("html", "<tr><th>Data subjects (c)</th><td><span class=\"muted\">none declared</span></td><td class=\"muted\"></td></tr>")]
    [TestCase("html", "<tr><th>Security measures (g)</th><td><span class=\"muted\">none declared</span></td><td class=\"muted\"></td></tr>")]
    public async Task Render_ActivityWithoutOptionalFields_NoneDeclaredNeverABlankCell(string format, string expected)
    {
        var text = await ReportWriterTests.RenderTextAsync(format, Model());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(expected));
            Assert.That(text, Does.Not.Contain("<td><ul></ul></td>").And.Not.Contain("| Legal basis |  |")
                .And.Not.Contain("| Data subjects (c) |  |").And.Not.Contain("| Security measures (g) |  |"));
        }
    }

    [TestCase("Base légale")]
    [TestCase("Catégories de personnes concernées")]
    [TestCase("Mesures de sécurité")]
    public async Task Xlsx_ActivityWithoutOptionalFields_NoneDeclared(string heading) =>
        Assert.That(await RegisterCell(Model(), "hr-absences", heading), Is.EqualTo("Aucun déclaré (none declared)"));

    // Finding 3: the default retention is shown as a default, the same in every format, declared categories included.
    private const string DefaultRetention = "other data deleted within 30 days (policy default)";
    private const string DefaultRetentionFr = "other data deleted within 30 days (durée par défaut de la politique)";

    [Test]
    public void Build_ActivityWithoutRetention_DeclaredCategoryAndItsColumnsGiveTheDefaultAsADefault()
    {
        var model = Model();

        var record = model.Activities.Single(a => a.Id == "hr-absences").Categories.Single(k => k.Category == "contact.name");
        var row = model.Columns.Single(c => c.Location == "app/staff_absences.employee_name");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.Retention, Is.EqualTo(DefaultRetention));
            Assert.That((row.Retention, row.PolicyRetention), Is.EqualTo((DefaultRetention, DefaultRetention)));
        }
    }

    [TestCase("md", "| `contact.name` | État civil, identité, données d'identification | " + DefaultRetention + " |")]
    [TestCase("html", "<td>" + DefaultRetention + "</td>")]
    [TestCase("csv", "app,staff_absences,employee_name,contact.name,tagged,hr-absences," + DefaultRetention + "," + DefaultRetention + ",,")]
    public async Task Render_ActivityWithoutRetention_DefaultShownAsADefault(string format, string expected) =>
        Assert.That(await ReportWriterTests.RenderTextAsync(format, Model()), Does.Contain(expected));

    [Test]
    public async Task Xlsx_ActivityWithoutRetention_OneRetentionLinePerCategoryDeclaredOrNot()
    {
        var cell = await RegisterCell(Model(), "hr-absences", "Durées de conservation");

        // The register (French by default) words the provenance in French, the policy's period as written (session 48).
        Assert.That(cell.Split('\n'), Is.EqualTo(new[] { $"contact.name: {DefaultRetentionFr}", $"other_personal.employment: {DefaultRetentionFr}" }));
    }

    [Test]
    public async Task Xlsx_RuleNotErasable_RetentionCellInOneLanguage()
    {
        // Trial37 finding 10: "non effaçable sur demande" sat beside the English of the undeclared rows. Since session 48
        // the French register words every retention line in French.
        var cell = await RegisterCell(Model(), "service-operation", "Durées de conservation");

        Assert.That(cell, Does.Contain("non effaçable sur demande").And.Not.Contain("not erasable").And.Not.Contain("policy default"));
    }

    // Finding 7: a suggested-only column is marked per column in the controller record.
    [TestCase("md", "`app/staff_absences.employee_name`, `app/staff_absences.backup_name` (suggested, not reviewed) |")]
    [TestCase("html", "<code>app/staff_absences.employee_name</code>, <code>app/staff_absences.backup_name</code> <span class=\"muted\">(suggested, not reviewed)</span></td>")]
    public async Task Render_SuggestedColumnAmongReviewedOnes_MarkedPerColumn(string format, string expected) =>
        Assert.That(await ReportWriterTests.RenderTextAsync(format, Model()), Does.Contain(expected));

    [Test]
    public async Task Json_SuggestedColumnAmongReviewedOnes_SuggestedOnlyPerEntry()
    {
        using var json = JsonDocument.Parse(await ReportWriterTests.RenderTextAsync("json", Model()));

        var entries = json.RootElement.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "hr-absences")
            .GetProperty("categories").EnumerateArray().Single(k => k.GetProperty("category").GetString() == "contact.name").GetProperty("entries")
            .EnumerateArray().ToDictionary(e => e.GetProperty("location").GetString()!, e => e.TryGetProperty("suggestedOnly", out var s) && s.GetBoolean());
        Assert.That(entries, Is.EqualTo(new Dictionary<string, bool> { ["app/staff_absences.employee_name"] = false, ["app/staff_absences.backup_name"] = true }));
    }

    [Test]
    public async Task Xlsx_SuggestedColumnAmongReviewedOnes_MarkedPerColumn()
    {
        var cell = await RegisterCell(Model(), "hr-absences", "Tables et colonnes (inventaire)");

        Assert.That(cell, Is.EqualTo("contact.name: app/staff_absences.employee_name, app/staff_absences.backup_name (suggested, not reviewed)"));
    }

    // Finding 8: the processor record names each processor source's controller.
    [TestCase("md", "| `customer-dbs` | Acme SAS, dpo@acme.example | postgres | 1 | 3 |")]
    [TestCase("html", "<tr><td><code>customer-dbs</code></td><td>Acme SAS, dpo@acme.example</td><td>postgres</td>")]
    public async Task Render_ProcessorSourceNamingItsController_ListedWithIt(string format, string expected) =>
        Assert.That(await ReportWriterTests.RenderTextAsync(format, Model()), Does.Contain(expected));

    [TestCase("md", "| `customer-dbs` | not declared ⚠ | postgres | 1 | 3 |")]
    [TestCase("html", "<tr><td><code>customer-dbs</code></td><td><span class=\"undeclared\">not declared ⚠</span></td><td>postgres</td>")]
    public async Task Render_ProcessorSourceWithoutController_NotDeclaredFlagged(string format, string expected) =>
        Assert.That(await ReportWriterTests.RenderTextAsync(format, Model(Inventory(controller: null))), Does.Contain(expected));

    [Test]
    public async Task XlsxAndJson_ProcessorSourceController_SameInBoth()
    {
        var processor = await Sheet(Model(), "Sous-traitant");
        var cell = processor[1][Array.IndexOf(processor[0], "Responsable(s) de traitement pour le compte duquel/desquels le traitement est effectué")];
        using var json = JsonDocument.Parse(await ReportWriterTests.RenderTextAsync("json", Model(Inventory(controller: null))));
        using var declared = JsonDocument.Parse(await ReportWriterTests.RenderTextAsync("json", Model()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(cell.Split('\n')[^1], Is.EqualTo("customer-dbs: Acme SAS, dpo@acme.example"));
            Assert.That(declared.RootElement.GetProperty("processorSources")[0].GetProperty("controller").GetString(), Is.EqualTo("Acme SAS, dpo@acme.example"));
            Assert.That(json.RootElement.GetProperty("processorSources")[0].TryGetProperty("controller", out _), Is.False);
        }
    }

    [Test]
    public void Build_CategoryThePolicyDeclaresForTheProcessorActivity_NotMarkedSuggested()
    {
        // The customer database's e-mail column is only suggested; the processor activity declares customer_content.
        var inventory = Inventory();
        var email = inventory.Sources.Single(s => s.Name == "customer-dbs").Tables[0].Columns.Single(c => c.Name == "customer_email");
        email.DataCategory = "customer_content.application_data";
        email.Status = ColumnStatus.Suggested;

        var categories = Model(inventory).ProcessorActivities.Single().Categories;

        var declared = _policy.Activities.Single(a => a.IsProcessor).DataCategories;
        Assert.That(categories.Where(k => declared.Contains(k.Category) && k.SuggestedOnly).Select(k => k.Category), Is.Empty);
    }

    [Test]
    public void Build_HostsOwnUsersTableBesideCustomersUsersTables_NotNamedInTheProcessorGrouping()
    {
        // Given the host's account table `users` and two customer databases holding a `users` table each.
        SourceEntry Customer(string name)
        {
            var source = Some.Source(name, Some.Table("users", null, Some.Column("id", null, family: global::Inventory.Catalog.TypeFamily.Integer), Some.Column("email", null)));
            source.Role = ProcessingRole.Processor;
            return source;
        }
        var inventory = Some.Document(Some.Source("panel", Some.Table("users", "account-management", Some.Id(), Some.Column("email", "contact.email"))),
            Customer("app01"), Customer("app02"));

        var line = ReportModel.Build(inventory, PolicyDocument.Seed).ProcessorActivities.Single().TableGroups.Single();

        Assert.That((line.Text, line.Locations), Is.EqualTo(("users in 2 sources (app01, app02)", new[] { "app01/users", "app02/users" })));
    }

    // Finding 10: the chart counts the host's own data; processor sources are counted apart.
    [Test]
    public void Build_ProcessorSource_ChartLeavesItsColumnsOutAndCountsThem()
    {
        var inventory = Inventory();
        var model = ReportModel.Build(inventory, _policy);

        int processorColumns = inventory.AllColumns().Count(x => x.Source.Role == ProcessingRole.Processor);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.ChartProcessorColumns, Is.EqualTo(3));
            Assert.That(model.CategoryChart.Sum(b => b.Count), Is.EqualTo(inventory.AllColumns().Count() - processorColumns));
        }
    }

    [Test]
    public async Task Markdown_ProcessorSource_ChartCaptionSaysWhatIsLeftOut() =>
        Assert.That(await ReportWriterTests.RenderTextAsync("md", Model()),
            Does.Contain("| Columns per data category (controller sources; the 3 columns of 1 processor source, read from their catalog only, are not counted) |"));
}
