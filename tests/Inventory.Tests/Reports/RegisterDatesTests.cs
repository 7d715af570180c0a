using DocumentFormat.OpenXml.Packaging;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using Inventory.Tests.Support;
using NUnit.Framework;
using System.Text;

namespace Inventory.Tests.Reports;

/// <summary>The register's creation and update dates (CNIL "Date de création", "Mise à jour") and the fields a policy
/// leaves out: filled in every format from what the inventories know, never a blank cell a DPO reads as not filled in
/// (polish31: "Date de création" was always blank in the XLSX register).</summary>
[TestFixture]
public sealed class RegisterDatesTests
{
    private static readonly DateTimeOffset Scanned = new(2026, 12, 5, 21, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Before = new(2026, 6, 2, 8, 0, 0, TimeSpan.Zero);

    private static InventoryDocument Scan(DateTimeOffset? at, string? activity = "account-management")
    {
        var document = SampleInventory.Build();
        document.ScannedAt = at;
        foreach (var table in document.Sources[0].Tables.Where(t => t.Activity == "account-management"))
            table.Activity = activity;
        return document;
    }

    private static async Task<List<string[]>> Register(ReportModel model, string sheet = "Registre")
    {
        using var stream = new MemoryStream(await ReportWriterTests.RenderAsync(new XlsxReportWriter(), model));
        using var document = SpreadsheetDocument.Open(stream, false);
        return ReportWriterTests.ReadSheet(document.WorkbookPart!, sheet);
    }

    private static string Cell(List<string[]> sheet, string activity, string heading) =>
        sheet.Single(r => r[1] == activity)[Array.IndexOf(sheet[0], heading)];

    [Test]
    public async Task Xlsx_NoPreviousInventory_CreatedAndUpdatedOnTheScanDate()
    {
        var register = await Register(ReportModel.Build(Scan(Scanned), PolicyDocument.Seed));

        using (Assert.EnterMultipleScope())
        {
            foreach (var row in register.Skip(1))
            {
                Assert.That(row[Array.IndexOf(register[0], "Date de création")], Is.EqualTo("2026-12-05"), row[1]);
                Assert.That(row[Array.IndexOf(register[0], "Mise à jour")], Is.EqualTo("2026-12-05"), row[1]);
            }
            Assert.That(register, Has.Count.GreaterThan(1));
        }
    }

    [Test]
    public async Task Xlsx_PreviousInventoryRecordedTheActivity_CreatedOnItsScanDate()
    {
        // Given a previous inventory whose users table was already annotated with account-management, and whose other
        // tables named no activity yet (a scan saved before they were annotated).
        var previous = Scan(Before);
        foreach (var table in previous.Sources.SelectMany(s => s.Tables).Where(t => t.Activity != "account-management"))
            table.Activity = null;

        var model = ReportModel.Build(Scan(Scanned), PolicyDocument.Seed, previous: previous);
        var register = await Register(model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Cell(register, "account-management", "Date de création"), Is.EqualTo("2026-06-02"));
            Assert.That(Cell(register, "account-management", "Mise à jour"), Is.EqualTo("2026-12-05"));
            Assert.That(Cell(register, "billing-and-payment", "Date de création"), Is.EqualTo("2026-12-05"), "first recorded by this scan");
            Assert.That(model.Activities.Single(a => a.Id == "account-management").CreatedInPrevious, Is.True);
            Assert.That(model.Activities.Single(a => a.Id == "billing-and-payment").CreatedInPrevious, Is.False);
        }
    }

    [Test]
    public async Task Xlsx_NoScanTimeRecorded_DateCellsSaySoInWords()
    {
        var register = await Register(ReportModel.Build(Scan(at: null), PolicyDocument.Seed));

        Assert.That(register.Skip(1).Select(r => r[Array.IndexOf(register[0], "Date de création")]).Distinct(),
            Is.EqualTo(new[] { "non enregistrée (scan time not recorded)" }));
    }

    [TestCase("md", "| Record dates | created 2026-06-02 (already recorded by the previous inventory), updated 2026-12-05 (this scan) |")]
    [TestCase("html", "<tr><th>Record dates</th><td>created 2026-06-02 (already recorded by the previous inventory), updated 2026-12-05 (this scan)</td><td class=\"muted\">the inventories' scan dates</td></tr>")]
    [TestCase("json", "\"createdOn\": \"2026-06-02\"")]
    public async Task Render_PreviousInventoryRecordedTheActivity_SameDatesAsTheRegister(string format, string expected)
    {
        var model = ReportModel.Build(Scan(Scanned), PolicyDocument.Seed, previous: Scan(Before));

        var text = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create(format), model));

        Assert.That(text, Does.Contain(expected));
    }

    [Test]
    public async Task Xlsx_PolicyWithoutOptionalFields_NoActivityCellIsBlank()
    {
        // Given a policy naming no DPO, representative, legal basis, data subject or security measure, and an
        // inventory whose tables name no activity (the billing activity has no column).
        var model = ReportModel.Build(Scan(Scanned, activity: null), PolicyDocument.Parse(SamplePolicies.OneBareActivity, "policy.yml"));

        var register = await Register(model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(register, Has.Count.EqualTo(2));
            for (int i = 0; i < register[0].Length; i++)
                Assert.That(register[1][i], Is.Not.Empty, register[0][i]);
            Assert.That(Cell(register, "billing", "Délégué à la protection des données"), Is.EqualTo("Aucun déclaré (none declared)"));
            Assert.That(Cell(register, "billing", "Tables et colonnes (inventaire)"), Is.EqualTo("Aucune colonne trouvée (no column found)"));
        }
    }

    [TestCase("md", "| DPO | none declared |")]
    [TestCase("html", "<tr><th>DPO</th><td><span class=\"muted\">none declared</span></td></tr>")]
    public async Task Render_PolicyWithoutDpo_SaysNoneDeclaredAsTheRegisterDoes(string format, string expected)
    {
        var model = ReportModel.Build(Scan(Scanned), PolicyDocument.Parse(SamplePolicies.OneBareActivity, "policy.yml"));

        var text = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create(format), model));

        Assert.That(text, Does.Contain(expected));
    }
}
