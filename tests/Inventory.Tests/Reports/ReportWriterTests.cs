using NUnit.Framework;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using Inventory.Tests.Support;

namespace Inventory.Tests.Reports;

/// <summary>Report writers against expected files. Set <c>INVENTORY_UPDATE_EXPECTED=1</c> to rewrite the files under
/// tests/Inventory.Tests/Reports/Expected/ from the current output (then review the diff before committing).</summary>
[TestFixture]
public sealed class ReportWriterTests
{
    private static readonly PolicyDocument Policy = PolicyDocument.Seed;

    internal static ReportModel DemoModel() => ReportModel.Build(SampleInventory.Build(), Policy, previous: SampleInventory.BuildPrevious());

    internal static async Task<byte[]> RenderAsync(IReportWriter writer, ReportModel model)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(model, stream);
        return stream.ToArray();
    }

    /// <summary>A text format's output as a reader sees it: HTML decoded, its <c>&lt;wbr&gt;</c> break hints removed.</summary>
    internal static async Task<string> RenderTextAsync(string format, ReportModel model)
    {
        var text = Encoding.UTF8.GetString(await RenderAsync(ReportWriters.Create(format), model));
        return format == "html" ? System.Net.WebUtility.HtmlDecode(text.Replace("<wbr>", "", StringComparison.Ordinal)) : text;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string ExpectedPath(string name) => Path.Combine(SharedPaths.Repository, "tests", "Inventory.Tests", "Reports", "Expected", name);

    [TestCase("md", "ropa.md")]
    [TestCase("json", "report.json")]
    [TestCase("csv", "columns.csv")]
    public async Task WriteAsync_Demo_MatchesExpectedFile(string format, string file)
    {
        var actual = Normalize(Encoding.UTF8.GetString(await RenderAsync(ReportWriters.Create(format), DemoModel())));
        var path = ExpectedPath(file);
        if (Environment.GetEnvironmentVariable("INVENTORY_UPDATE_EXPECTED") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, actual, new UTF8Encoding(false));
            Assert.Ignore($"rewrote {path}");
        }
        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run with INVENTORY_UPDATE_EXPECTED=1 to create it");
        Assert.That(actual, Is.EqualTo(Normalize(await File.ReadAllTextAsync(path))));
    }

    /// <summary>The French record (report.language: fr) of the same demo model, against its own expected files; the English
    /// ones above are the default's and stay as they were.</summary>
    [TestCase("md", "ropa.fr.md")]
    [TestCase("html", "ropa.fr.html")]
    public async Task WriteAsync_DemoInFrench_MatchesExpectedFile(string format, string file)
    {
        var actual = Normalize(Encoding.UTF8.GetString(await RenderAsync(ReportWriters.Create(format, Inventory.Config.ReportLanguage.French), DemoModel())));
        var path = ExpectedPath(file);
        if (Environment.GetEnvironmentVariable("INVENTORY_UPDATE_EXPECTED") == "1")
        {
            await File.WriteAllTextAsync(path, actual, new UTF8Encoding(false));
            Assert.Ignore($"rewrote {path}");
        }
        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run with INVENTORY_UPDATE_EXPECTED=1 to create it");
        Assert.That(actual, Is.EqualTo(Normalize(await File.ReadAllTextAsync(path))));
    }

    [Test]
    public async Task WriteAsync_EveryFormatTwice_SameBytesExceptXlsxContainer()
    {
        foreach (var format in new[] { "html", "md", "csv", "json" })
        {
            var first = await RenderAsync(ReportWriters.Create(format), DemoModel());
            var second = await RenderAsync(ReportWriters.Create(format), DemoModel());
            Assert.That(second, Is.EqualTo(first), format);
        }
    }

    [Test]
    public async Task Markdown_Demo_ListsColumnsBehindEachCategory()
    {
        var md = Encoding.UTF8.GetString(await RenderAsync(new MarkdownReportWriter(), DemoModel()));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(md, Does.Contain("| `contact.email` | État civil, identité, données d'identification |"));
            Assert.That(md, Does.Contain("deletion requests handled within 24 hours | `app/users.email` |"));
            Assert.That(md, Does.Contain("| `financial.payment_card` | Informations d'ordre économique et financier | 10 years;"));
            Assert.That(md, Does.Contain("`app/legacy_payments.card_number`: detector.payment-card matched 38 of 40 sampled values (95.0%)"));
            Assert.That(md, Does.Contain("| `no-stored-card-number`"));
        }
    }

    [Test]
    public void ReportModel_ColumnsAttributedToTheirTableActivityOnly()
    {
        var model = DemoModel();

        var billing = model.Activities.Single(a => a.Id == "billing-and-payment");
        var card = billing.Categories.Single(c => c.Category == "financial.payment_card");
        var analytics = model.Activities.Single(a => a.Id == "activity-analytics");
        using (Assert.EnterMultipleScope())
        {
            // legacy_payments names no activity: its card column is a finding, not spread over billing-and-payment
            // because billing happens to declare financial.payment_card.
            Assert.That(card.Columns, Is.EqualTo(new[] { "app/payment_methods.card_last4", "app/payment_methods.card_exp_month" }));
            Assert.That(model.Activities.SelectMany(a => a.Categories).SelectMany(c => c.Columns), Has.None.StartsWith("app/legacy_payments."));
            Assert.That(model.Unassigned.Select(c => c.Location), Is.EqualTo(new[] { "app/legacy_payments.card_number", "app/legacy_payments.amount" }));
            Assert.That(model.Columns.Single(c => c.Location == "app/legacy_payments.card_number").Activity, Is.Empty);
            // intercom_contacts is annotated activity-analytics: its e-mail goes there only, not to account management.
            Assert.That(analytics.Categories.Single(c => c.Category == "contact.email").Columns, Is.EqualTo(new[] { "app/intercom_contacts.email" }));
            Assert.That(model.Activities.Single(a => a.Id == "account-management").Categories.Single(c => c.Category == "contact.email").Columns,
                Is.EqualTo(new[] { "app/users.email" }));
            // users.encrypted_password (annotated account-management) is declared there; users.last_sign_in_at is shown
            // there as undeclared, and listed as a finding.
            Assert.That(model.Activities.Single(a => a.Id == "account-management").Categories.Single(c => c.Category == "other_personal.credentials").Declared, Is.True);
            Assert.That(model.Activities.Single(a => a.Id == "account-management").Categories.Single(c => c.Category == "automatic.activity").Declared, Is.False);
            Assert.That(model.UndeclaredCategories.Select(u => $"{u.Activity} {u.Category} {string.Join(",", u.Columns)}"),
                Does.Contain("account-management automatic.activity app/users.last_sign_in_at").And.None.Contains("credentials"));
            Assert.That(analytics.Transfers.Single(), Does.Contain("United States"));
            // The processor record lists the tables annotated with the processor activity and the processor source's tables.
            Assert.That(model.ProcessorActivities.Single().Tables, Is.EqualTo(new[] { "app/deployments", "customer-dbs/tenant_42.orders" }));
            Assert.That(model.ProcessorSources.Single().Name, Is.EqualTo("customer-dbs"));
        }
    }

    [Test]
    public void ReportModel_NoPolicy_InventsNoControllerClaimsOrActivities()
    {
        var model = ReportModel.Build(SampleInventory.Build(), policy: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(model.PolicyGiven, Is.False);
            Assert.That(model.Controller, Is.Null);
            Assert.That(model.Dpo, Is.Null);
            Assert.That(model.Claims, Is.Empty);
            Assert.That(model.Activities, Is.Empty);
            Assert.That(model.ProcessorActivities, Is.Empty);
            // Every personal column is unattributed (activities unknown), none of the non-personal ones.
            var personal = model.Columns.Where(c => c.Category is not ("" or "none")).Select(c => c.Location);
            Assert.That(model.Unassigned.Select(c => c.Location), Is.EquivalentTo(personal));
            Assert.That(model.Columns.Select(c => c.Retention), Has.All.Empty);
        }
    }

    [Test]
    public async Task Markdown_NoPolicy_SaysSoAndNamesNoCompany()
    {
        var model = ReportModel.Build(SampleInventory.Build(), policy: null);

        var md = Encoding.UTF8.GetString(await RenderAsync(ReportWriters.Create("md"), model));
        var html = Encoding.UTF8.GetString(await RenderAsync(ReportWriters.Create("html"), model));

        using (Assert.EnterMultipleScope())
        {
            foreach (var text in new[] { md, html })
            {
                Assert.That(text, Does.Contain("No policy given"));
                Assert.That(text, Does.Contain("No claims: no policy given"));
                Assert.That(text, Does.Contain("not attributed to any processing activity"));
                Assert.That(text, Does.Not.Contain(PolicyDocument.Seed.Controller.Name));
                Assert.That(text, Does.Not.Contain("Strasbourg").And.Not.Contain("Intercom").And.Not.Contain("Stripe"));
                Assert.That(text, Does.Not.Contain("no-stored-card-number"));
            }
        }
    }

    [Test]
    public void ReportModel_Coverage_SuggestedIsUntaggedAndPercentAgreesWithTheGate()
    {
        var document = SampleInventory.Build();
        var model = ReportModel.Build(document, policy: null);
        var gate = Inventory.Reports.Check.CheckGate.Evaluate(document, new Inventory.Reports.Check.CheckOptions());
        var totals = model.CoverageTotals;
        var legacy = model.Coverage.Single(s => s.Name == "app").Tables.Single(t => t.Name == "legacy_payments");

        using (Assert.EnterMultipleScope())
        {
            // legacy_payments: id and user_id tagged, two suggested columns untagged for the gate.
            Assert.That((legacy.Tagged, legacy.UntaggedWithSuggestion, legacy.UntaggedNoSuggestion, legacy.Conflict), Is.EqualTo((2, 2, 0, 0)));
            Assert.That(totals.Tagged + totals.UntaggedWithSuggestion + totals.UntaggedNoSuggestion + totals.Conflict, Is.EqualTo(totals.Columns));
            // Same scope and same count as check: controller sources, tagged + conflict.
            Assert.That(totals.Columns, Is.EqualTo(gate.Columns.Count));
            Assert.That(totals.GateTagged, Is.EqualTo(gate.Columns.Count(c => c.Accepted)));
        }
    }

    [Test]
    public void ReportModel_AcceptedClassification_CountsAsTaggedAsInTheGate()
    {
        var document = SampleInventory.Build();
        foreach (var c in document.AllColumns().Where(c => c.Column.Status == ColumnStatus.Suggested))
        {
            c.Column.Origin = Origin.Rules;
            c.Column.Confidence = 0.95;
        }
        var model = ReportModel.Build(document, policy: null, options: new ReportOptions { AcceptClassificationAbove = 0.9 });
        var gate = Inventory.Reports.Check.CheckGate.Evaluate(document, new Inventory.Reports.Check.CheckOptions { AcceptClassificationAbove = 0.9 });

        Assert.That(model.CoverageTotals.GateTagged, Is.EqualTo(gate.Columns.Count(c => c.Accepted)));
        Assert.That(model.CoverageTotals.UntaggedWithSuggestion, Is.Zero);
    }

    [Test]
    public async Task Xlsx_Demo_OpensAndReadsBackWithCnilHeadingsInOrder()
    {
        var bytes = await RenderAsync(new XlsxReportWriter(), DemoModel());

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheetNames = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        var register = ReadSheet(workbook, "Registre");

        // The CNIL register model's activity fields, in the model's order (legal basis added after the purposes).
        string[] cnil =
        [
            "Nom / sigle", "N° / REF", "Date de création", "Mise à jour", "Responsable du traitement",
            "Délégué à la protection des données", "Représentant", "Responsable(s) conjoint(s)", "Finalité(s) du traitement effectué",
            "Base légale", "Mesures de sécurité", "Catégories de données personnelles concernées", "Données sensibles",
            "Catégories de personnes concernées", "Destinataires", "Transferts des données hors UE", "Durées de conservation",
        ];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sheetNames, Is.EqualTo(new[] { "Registre", "Sous-traitant", "Colonnes", "Revendications", "Conflits", "Couverture", "Changements" }));
            Assert.That(register[0].Take(cnil.Length), Is.EqualTo(cnil));
            Assert.That(register.Skip(1).Select(r => r[0]), Is.EqualTo(Policy.Activities.Where(a => !a.IsProcessor).Select(a => a.Name)));
            var analytics = register.Single(r => r[1] == "activity-analytics");
            Assert.That(analytics[Array.IndexOf(cnil, "Transferts des données hors UE")], Does.Contain("United States").And.Contain("Data Privacy Framework"));
            Assert.That(analytics[17], Does.Contain("app/intercom_contacts.email"));
            var claims = ReadSheet(workbook, "Revendications");
            Assert.That(claims.Single(r => r[0] == "no-stored-card-number")[3], Is.EqualTo("Contredite (violated)"));
            Assert.That(claims.Skip(1).Select(r => r[3]).Distinct(),
                Is.SubsetOf(new[] { "Respectée (holds)", "Contredite (violated)", "Indéterminée (unknown)" }), "every verdict in the sheet's language");
            Assert.That(ReadSheet(workbook, "Colonnes"), Has.Count.EqualTo(SampleInventory.Build().AllColumns().Count() + 1));
        }
    }

    /// <summary>Every cell's text of every sheet of a workbook.</summary>
    internal static List<string> AllCells(WorkbookPart workbook) =>
        workbook.Workbook.Sheets!.Elements<Sheet>().SelectMany(s => ReadSheet(workbook, s.Name!.Value!)).SelectMany(r => r).ToList();

    internal static List<string[]> ReadSheet(WorkbookPart workbook, string name)
    {
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
    }

    [Test]
    public async Task EveryFormat_CanaryInRawValuePlaces_NeverReachesAReport()
    {
        // Given: the only places a raw value could ride along in an inventory — masked examples, evidence details,
        // conflict explanations, annotation reasons and comments — carry canaries; and typical fake raw values that
        // a scan would have sampled (a test PAN, an e-mail address) were never put into the document.
        const string canary = "CANARY-7f3a9c";
        string[] fakeRaw = ["4111111111111111", "4242 4242 4242 4242", "jane.doe@example.com", "192.0.2.44"];
        var inventory = SampleInventory.Build();
        int n = 0;
        foreach (var (_, table, column) in inventory.AllColumns())
        {
            column.MaskedExamples = [$"{canary}-masked-{n}"];
            column.Comment = $"{canary}-comment-{n}";
            column.Conflict = $"{canary}-conflict-{n}";
            column.Stats = new SampleStats { SampledRows = 40, NonNull = 40 };
            if (column.Annotation is not null) column.Annotation.Reason = $"{canary}-reason-{n}";
            column.Classification = (column.Classification ?? new ColumnClassification()) with
            {
                Evidence = [.. column.Classification?.Evidence ?? [], new EvidenceItem("detector", "detector.email", null, 1, 40, 0.025, $"{canary}-detail-{n}")],
            };
            table.Comment = $"{canary}-table-comment";
            n++;
        }
        Assert.That(InventoryJson.Serialize(inventory), Does.Not.Contain(fakeRaw[0]).And.Not.Contain(fakeRaw[2]));
        var model = ReportModel.Build(inventory, Policy, previous: SampleInventory.BuildPrevious());

        foreach (var format in ReportWriters.Formats)
        {
            var bytes = await RenderAsync(ReportWriters.Create(format), model);
            var text = format == "xlsx" ? XlsxText(bytes) : Encoding.UTF8.GetString(bytes);
            Assert.That(text, Does.Not.Contain(canary), format);
            foreach (var raw in fakeRaw)
                Assert.That(text, Does.Not.Contain(raw), $"{format}: {raw}");
        }
    }

    /// <summary>Every XML part of the workbook, decompressed and concatenated.</summary>
    internal static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var sb = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            sb.Append(reader.ReadToEnd());
        }
        return sb.ToString();
    }

    [Test]
    public async Task Csv_HostileNames_QuotedAndFormulaNeutralised()
    {
        var table = Some.Table("t,1", null, Some.Column("=HYPERLINK(\"x\")", "contact.email"));
        var model = ReportModel.Build(Some.Document(Some.Source("app", table)), Policy);

        var csv = Encoding.UTF8.GetString(await RenderAsync(new CsvReportWriter(), model));

        Assert.That(csv.Split('\n')[1], Does.StartWith("app,\"t,1\",\"'=HYPERLINK(\"\"x\"\")\",contact.email,tagged,"));
    }

    [Test]
    public async Task Json_Demo_ParsesAndCarriesVerdicts()
    {
        var json = Encoding.UTF8.GetString(await RenderAsync(new JsonReportWriter(), DemoModel()));

        using var doc = JsonDocument.Parse(json);
        var claims = doc.RootElement.GetProperty("claims").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("verdict").GetString());
        Assert.That(claims["intercom-email-and-signup-date-only"], Is.EqualTo("holds"));
        Assert.That(claims["no-stored-card-number"], Is.EqualTo("violated"));
    }

    [Test]
    public async Task Demo_BillingKeptClaim_NamesItsExaminedTablesInJsonMarkdownAndHtml()
    {
        // Trial 19 #14: a table-level verdict names the tables it rests on (names only); other claims carry no list.
        var model = DemoModel();
        var billing = model.Claims.Single(c => c.Kind == "billing-not-cascade-deleted");
        Assert.That(billing.ExaminedTables, Is.Not.Null.And.Not.Empty);
        Assert.That(billing.ExaminedTables, Has.Count.EqualTo(billing.Examined));

        var json = Encoding.UTF8.GetString(await RenderAsync(new JsonReportWriter(), model));
        var md = Encoding.UTF8.GetString(await RenderAsync(ReportWriters.Create("md"), model));
        var html = Encoding.UTF8.GetString(await RenderAsync(ReportWriters.Create("html"), model));

        using var doc = JsonDocument.Parse(json);
        var claims = doc.RootElement.GetProperty("claims").EnumerateArray().ToList();
        var listed = claims.Single(c => c.GetProperty("id").GetString() == billing.Id).GetProperty("examinedTables").EnumerateArray().Select(e => e.GetString()).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(listed, Is.EqualTo(billing.ExaminedTables));
            // The table-level checks name what they examined (deletion-path too since trial35 finding 7); the column-level ones count.
            Assert.That(claims.Where(c => c.GetProperty("kind").GetString() is not ("billing-not-cascade-deleted" or "deletion-path"))
                .Select(c => c.TryGetProperty("examinedTables", out _)), Is.All.False);
            foreach (var table in billing.ExaminedTables!)
            {
                Assert.That(md, Does.Contain($"`{table}`"), table);
                Assert.That(html, Does.Contain($"<code>{TemplateRenderer.Name(table)}</code>"), table);
            }
            Assert.That(md, Does.Contain("; examined: `"));
            Assert.That(html, Does.Contain("examined: <code>"));
        }
    }

    [Test]
    public void Create_UnknownFormat_ConfigurationError()
    {
        Assert.That(() => ReportWriters.CreateMany("html,pdf"), Throws.TypeOf<ConfigurationException>().With.Message.Contains("'pdf'"));
        Assert.That(ReportWriters.CreateMany(null).Select(w => w.Format), Is.EqualTo(ReportWriters.Formats));
    }
}
