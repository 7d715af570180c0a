using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Inventory.Reports;
using Inventory.Reports.Writers;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The workbook a DPO opens: every sheet filters from its heading row and fits its columns to their content
/// (trial39 finding 6: no autofilter anywhere, and one width for every column of a sheet, dates as wide as purposes).</summary>
[TestFixture]
public sealed class XlsxLayoutTests
{
    private static async Task<SpreadsheetDocument> Workbook()
    {
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), ReportWriterTests.DemoModel());
        return SpreadsheetDocument.Open(new MemoryStream(bytes), false);
    }

    private static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    [Test]
    public async Task EverySheet_AutoFilterCoversHeadingAndRows()
    {
        using var document = await Workbook();

        using (Assert.EnterMultipleScope())
        {
            foreach (var sheet in document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>())
            {
                var worksheet = Sheet(document, sheet.Name!);
                var rows = worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
                var lastCell = rows[0].Elements<Cell>().Last().CellReference!.Value!;
                var lastColumn = new string(lastCell.TakeWhile(char.IsLetter).ToArray());
                Assert.That(worksheet.GetFirstChild<AutoFilter>()?.Reference?.Value, Is.EqualTo($"A1:{lastColumn}{rows.Count}"), sheet.Name!.Value);
            }
        }
    }

    [Test]
    public async Task Columns_WidthFollowsTheLongestLine()
    {
        using var document = await Workbook();
        var columns = Sheet(document, "Colonnes").GetFirstChild<Columns>()!.Elements<Column>().ToList();
        var register = Sheet(document, "Registre").GetFirstChild<Columns>()!.Elements<Column>().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(columns, Has.Count.EqualTo(15), "one width per column (10, and the 5 of trial41 finding 3)");
            Assert.That(columns.Select(c => c.Width!.Value), Has.All.InRange(10, 24));
            // "Source" holds short source names; "Durée de conservation" holds sentences: not one width for both.
            Assert.That(columns[0].Width!.Value, Is.LessThan(columns[6].Width!.Value));
            // Each register column is as wide as its longest line (heading included) and 3 more, between 10 and 40.
            var cells = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Registre");
            for (int i = 0; i < register.Count; i++)
                Assert.That(register[i].Width!.Value, Is.EqualTo(Math.Clamp(cells.Max(r => i < r.Length ? r[i].Split('\n').Max(l => l.Length) : 0) + 3, 10, 40)), cells[0][i]);
            Assert.That(register.Select(c => c.Width!.Value).Distinct().Count(), Is.GreaterThan(1), "not one width for every column");
        }
    }

    [TestCase(0, 40, 10)]
    [TestCase(12, 40, 15)]
    [TestCase(300, 40, 40)]
    public void ColumnWidth_ClampsTheLongestLine(int longest, double widest, double expected) =>
        Assert.That(XlsxReportWriter.ColumnWidth(longest, widest), Is.EqualTo(expected));
}
