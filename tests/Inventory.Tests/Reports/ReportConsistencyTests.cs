using System.Text;
using System.Text.Json.Nodes;
using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Check;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>One concept, one name, in every report and check format: a suggestion the threshold accepts is
/// <c>accepted</c> wherever a column's status is written; a column is <c>source/table.column</c> in reports and check
/// alike; an empty record says "None declared" instead of leaving a bare heading; SARIF gives the annotation's real
/// column, or none.</summary>
[TestFixture]
public sealed class ReportConsistencyTests
{
    private static async Task<byte[]> Render(string format, ReportModel model) =>
        await ReportWriterTests.RenderAsync(ReportWriters.Create(format), model);

    private static async Task<string> Text(string format, ReportModel model) =>
        format == "xlsx" ? ReportWriterTests.XlsxText(await Render(format, model)) : Encoding.UTF8.GetString(await Render(format, model));

    /// <summary>One source, table invoices: amount suggested financial.billing at 0.95, note suggested at 0.5.</summary>
    private static InventoryDocument Suggestions()
    {
        static ColumnEntry Suggested(string name, string category, double confidence) => new()
        {
            Name = name, DeclaredType = "text", DataCategory = category, Confidence = confidence, Origin = Origin.Rules,
            Status = ColumnStatus.Suggested,
            Classification = new ColumnClassification { DataCategory = category, Confidence = confidence, Origin = Origin.Rules },
            Stats = new SampleStats { SampledRows = 10, NonNull = 10 },
        };
        return Some.Document(Some.Source("app", Some.Table("invoices", "billing", Some.Id(),
            Suggested("amount", "financial.billing", 0.95), Suggested("note", "customer_content.message", 0.5))));
    }

    [TestCase("csv", "app,invoices,amount,financial.billing,accepted,")]
    [TestCase("json", "\"status\": \"accepted\"")]
    [TestCase("xlsx", ">acceptée (accepted)<")]
    public async Task Report_SuggestionAboveTheThreshold_IsAcceptedInEveryFormat(string format, string expected)
    {
        var model = ReportModel.Build(Suggestions(), PolicyDocument.Parse(SamplePolicies.OneBareActivity, "policy.yml"), options: new ReportOptions { AcceptClassificationAbove = 0.9 });

        var text = await Text(format, model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(expected));
            Assert.That(model.Columns.Single(c => c.Column == "note").Status, Is.EqualTo("suggested"), "below the threshold");
            Assert.That(model.CoverageTotals.Tagged, Is.EqualTo(2), "id and the accepted amount");
        }
    }

    [TestCase("md", "A suggestion with confidence 0.9 or more is `accepted`: it counts as tagged")]
    [TestCase("html", "A suggestion with confidence 0.9 or more is <code>accepted</code>: it counts as tagged")]
    public async Task Report_WithThreshold_CoverageNoteSaysAcceptedSuggestionsCount(string format, string expected)
    {
        var withThreshold = await Text(format, ReportModel.Build(Suggestions(), null, options: new ReportOptions { AcceptClassificationAbove = 0.9 }));
        var without = await Text(format, ReportModel.Build(Suggestions(), null));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withThreshold, Does.Contain(expected));
            Assert.That(withThreshold, Does.Not.Contain("A suggested category does not tag a column:"));
            Assert.That(without, Does.Contain("A suggested category does not tag a column:"));
        }
    }

    [Test]
    public void Check_SuggestionAboveTheThreshold_JsonStatusIsAcceptedAsInTheReport()
    {
        var result = CheckGate.Evaluate(Suggestions(), new CheckOptions { AcceptClassificationAbove = 0.9 });
        var report = ReportModel.Build(Suggestions(), null, options: new ReportOptions { AcceptClassificationAbove = 0.9 });

        Assert.That(result.Columns.Select(c => (c.Column, c.Status)),
            Is.EqualTo(report.Columns.OrderBy(c => c.Column, StringComparer.Ordinal).Select(c => (c.Column, c.Status))));
        Assert.That(result.Columns.Single(c => c.Column == "amount").Status, Is.EqualTo("accepted"));
    }

    [Test]
    public void Check_SeveralSources_NamesColumnsAsTheReportsDo()
    {
        var document = Some.Document(
            Some.Source("app", Some.Table("users", null, Some.Column("email", null))),
            Some.Source("crm", Some.Table("leads", null, Some.Column("phone", null))));

        var keys = CheckGate.Evaluate(document, new CheckOptions()).Findings.Select(f => f.Key).ToArray();
        var locations = ReportModel.Build(document, null).Columns.Select(c => c.Location).ToArray();

        Assert.That(keys, Is.EqualTo(new[] { "app/users.email", "crm/leads.phone" }));
        Assert.That(locations, Is.EqualTo(keys));
    }

    [Test]
    public async Task JUnit_SeveralSources_SuiteNamedSourceSlashTable()
    {
        var document = Some.Document(
            Some.Source("app", Some.Table("users", null, Some.Column("email", null))),
            Some.Source("crm", Some.Table("leads", null, Some.Column("phone", null))));
        using var stream = new MemoryStream();

        await new JUnitCheckWriter().WriteAsync(CheckGate.Evaluate(document, new CheckOptions()), stream);

        var suites = System.Xml.Linq.XDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).Root!.Elements("testsuite")
            .Select(s => (string)s.Attribute("name")!).ToArray();
        Assert.That(suites, Does.Contain("crm/leads").And.Contain("app/users"));
    }

    [TestCase("md", "## Processor record (Art. 30(2))\n\nNone declared: the policy names no processor activity, and no source is held as processor (`role: processor`).\n")]
    [TestCase("html", "<h2 id=\"processor-record\">Processor record (Art. 30(2))</h2>\n<p class=\"muted\">None declared: the policy names no processor activity, and no source is held as processor (<code>role: processor</code>).</p>")]
    [TestCase("xlsx", "Aucun traitement déclaré en sous-traitance (none declared)")]
    public async Task Report_NoProcessorActivityNorSource_SaysNoneDeclared(string format, string expected)
    {
        var model = ReportModel.Build(Suggestions(), PolicyDocument.Parse(SamplePolicies.OneBareActivity, "policy.yml"));

        Assert.That(await Text(format, model), Does.Contain(expected));
    }

    [Test]
    public async Task Report_ProcessorActivity_NoNoneDeclaredLine()
    {
        var text = await Text("md", ReportWriterTests.DemoModel());

        Assert.That(text, Does.Not.Contain("None declared"));
    }

    [Test]
    public async Task Sarif_ConflictAtTheEntrysColumn_UnknownColumnLeftOut()
    {
        // Given C05's annotation file, whose backup_email entry starts at column 3 of line 7, and a table without annotations
        using var dir = new TempFolder();
        dir.Write("app_user.yml", File.ReadAllText(Path.Combine(SharedPaths.Cases, "C05-annotation-vs-detector", "annotations.yml")));
        var document = CaseInventories.C05();
        document.Sources[0].Tables.AddRange(CaseInventories.C06().Sources[0].Tables.Where(t => t.Name == "invoice_line"));
        document.Normalize();
        var set = new AnnotationLoader().Load(dir.Path);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);
        var result = CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path });
        using var stream = new MemoryStream();

        // When written as SARIF
        await new SarifCheckWriter().WriteAsync(result, stream);

        // Then the conflict points at line 7, column 3; a file to create has a line and no column
        var results = JsonNode.Parse(stream.ToArray())!["runs"]![0]!["results"]!.AsArray();
        var conflict = results.Single(r => (string)r!["ruleId"]! == "conflict")!["locations"]![0]!["physicalLocation"]!["region"]!;
        var create = results.First(r => ((string)r!["message"]!["text"]!).Contains("create ", StringComparison.Ordinal))!["locations"]![0]!["physicalLocation"]!["region"]!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(((int)conflict["startLine"]!, (int)conflict["startColumn"]!), Is.EqualTo((7, 3)));
            Assert.That((int)create["startLine"]!, Is.EqualTo(1));
            Assert.That(create.AsObject().ContainsKey("startColumn"), Is.False, "unknown column: left out, not 1");
        }
    }
    /// <summary>The summary and the DPO's contact details say the same in Markdown and HTML (trial28 on the demo: the
    /// HTML summary had no undeclared-categories count, the Markdown no columns per category, and the Markdown's DPO
    /// row dropped the DPO's address that Art. 30(1)(a) asks for and the HTML gives).</summary>
    [TestCase("md")]
    [TestCase("html")]
    public async Task Summary_AndDpoContact_AreTheSameInMarkdownAndHtml(string format)
    {
        var model = ReportWriterTests.DemoModel();

        var text = System.Net.WebUtility.HtmlDecode(await Text(format, model));

        var expected = new List<string> { PolicyDocument.Seed.Dpo!.Address! };
        expected.Add(format == "md"
            ? $"| Undeclared categories in activities' tables | {model.UndeclaredCategories.Count} |"
            : $"<b>{model.UndeclaredCategories.Count}</b>undeclared categories in activities' tables");
        expected.AddRange(format == "md"
            ? [$"| Columns per data category (controller sources; the {model.ChartProcessorColumns} columns of {model.ChartProcessorSources} processor source, read from their catalog only, are not counted) | {string.Join(", ", model.CategoryChart.Select(b => $"{b.Category.Replace("_", "\\_", StringComparison.Ordinal)} {b.Count}"))} |"]
            : model.CategoryChart.Select(b => $"<text x=\"0\" y=\"17\">{b.Category}</text>"));

        Assert.That(expected.Where(e => !text.Contains(e, StringComparison.Ordinal)), Is.Empty);
    }
}
