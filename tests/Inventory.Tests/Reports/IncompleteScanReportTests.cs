using DocumentFormat.OpenXml.Packaging;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>A record built from an incomplete scan says so first, in every format a DPO opens (trial39 finding 1: with
/// the billing database unreachable, the summary read "41 of 41 columns tagged (100.0%)", the billing activity "no
/// column found", and the XLSX showed the gap nowhere).</summary>
[TestFixture]
public sealed class IncompleteScanReportTests
{
    private static ReportModel Model(params ScanIssue[] issues)
    {
        var inventory = SampleInventory.Build();
        inventory.Issues.AddRange(issues);
        return ReportModel.Build(inventory, PolicyDocument.Seed);
    }

    private static readonly ScanIssue BillingDown = new("billing", null, null, "connection-failed",
        "source not scanned (connection at inventory.yml:3:17, from ${BILLING_DB}): mysql db:3306/billing: access denied");

    [Test]
    public void Model_SourceNotScanned_NamedInNotRead()
    {
        var model = Model(BillingDown);

        Assert.That(model.NotRead, Is.EqualTo(new[] { "billing (source not scanned: connection-failed)" }));
    }

    [Test]
    public void Model_CompleteScan_NoNotReadAndNoSummaryLine()
    {
        var model = Model();

        Assert.That(model.NotRead, Is.Null);
    }

    [Test]
    public async Task Markdown_SourceNotScanned_SummaryLineBeforeTheClaims()
    {
        var md = await ReportWriterTests.RenderTextAsync("md", Model(BillingDown));
        var summary = md[md.IndexOf("## Summary", StringComparison.Ordinal)..md.IndexOf("## Controller", StringComparison.Ordinal)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(summary, Does.Contain("| ⚠ Scan incomplete | 1 scan issue, listed under Coverage; not read at all: billing (source not scanned: connection-failed). No claim holds over what was not read"));
            Assert.That(summary.IndexOf("Scan incomplete", StringComparison.Ordinal), Is.LessThan(summary.IndexOf("| Claims |", StringComparison.Ordinal)));
        }
    }

    [Test]
    public async Task Markdown_CompleteScan_NoIncompleteLine()
    {
        var md = await ReportWriterTests.RenderTextAsync("md", Model());

        Assert.That(md, Does.Not.Contain("Scan incomplete"));
    }

    [Test]
    public async Task Markdown_TableIssueOnly_CountsTheIssueWithoutNotReadList()
    {
        // A column the role may not read is an issue, but its table is in the inventory: counted, not "not read at all".
        var md = await ReportWriterTests.RenderTextAsync("md", Model(new ScanIssue("app", "users", "email", "no-privilege", "no SELECT on email")));

        Assert.That(md, Does.Contain("| ⚠ Scan incomplete | 1 scan issue, listed under Coverage |"));
    }

    [Test]
    public async Task Html_SourceNotScanned_CardNamesIt()
    {
        var html = await ReportWriterTests.RenderTextAsync("html", Model(BillingDown, new ScanIssue("app", "attachments", null, "timeout", "catalog lock timeout")));

        Assert.That(html, Does.Contain("id=\"scan-incomplete\"><b>⚠ 2</b>scan issues (see Coverage); not read at all: app/attachments (table not read: timeout), billing (source not scanned: connection-failed). No claim holds over what was not read"));
    }

    [Test]
    public async Task Xlsx_SourceNotScanned_SheetListsWhatWasNotReadAndEveryIssue()
    {
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), Model(BillingDown));

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Analyse incomplète");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sheet[0], Is.EqualTo(new[] { "Problème d'analyse (scan issue)" }));
            // The register (French by default) words the issue in French, the engine's own text quoted (session 48).
            Assert.That(sheet.Skip(1).Select(r => r[0]), Is.EqualTo(new[]
            {
                "non lu (not read): billing (source non analysée : connexion impossible)",
                "billing : connexion impossible : connexion déclarée à inventory.yml:3:17, depuis ${BILLING_DB} ; erreur : « mysql db:3306/billing: access denied »",
            }));
        }
    }

    [Test]
    public async Task Xlsx_CompleteScan_NoIncompleteSheet()
    {
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), Model());

        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);

        Assert.That(document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value), Has.None.EqualTo("Analyse incomplète"));
    }

    [Test]
    public void Claims_SourceNotScanned_NoSeedClaimHoldsInTheModel()
    {
        var complete = Model();
        var model = Model(BillingDown);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(complete.ClaimTotals.Holds, Is.GreaterThan(0), "the sample has claims that hold when read whole");
            Assert.That(model.ClaimTotals.Holds, Is.Zero);
            Assert.That(model.ClaimTotals.Unknown, Is.EqualTo(complete.ClaimTotals.Unknown + complete.ClaimTotals.Holds));
            Assert.That(model.Claims.Select(c => c.Unresolved.Select(u => u.Location)), Has.All.Contains("billing/*"));
        }
    }
}
