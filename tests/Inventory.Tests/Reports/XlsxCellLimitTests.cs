using DocumentFormat.OpenXml.Packaging;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial 32: over a fleet of tenant databases the register's "tables and columns" cell of one category grows
/// with every tenant (21,889 characters for 55 SQLite tenants); past Excel's 32,767 characters per cell Excel calls the
/// workbook damaged and cuts the cell. Every cell now fits, a cut one says so and where the whole list is, and the
/// column sheet still lists every column.</summary>
[TestFixture]
public sealed class XlsxCellLimitTests
{
    [Test]
    public async Task Xlsx_CategoryHeldByThousandsOfColumns_EveryCellFitsAndTheCutOneSaysWhereTheRestIs()
    {
        var inventory = SampleInventory.Build();
        var users = inventory.Sources[0].Tables.Single(t => t.Name == "users");
        string[] stems = ["backup_email", "courriel_secours", "E_Mail_Adresse_alt", "correo_alternativo"];
        const int added = 2_000;
        for (int i = 0; i < added; i++) users.Columns.Add(Some.Column($"{stems[i % stems.Length]}_{i:D4}", "contact.email"));
        var model = ReportModel.Build(inventory, PolicyDocument.Seed);

        using var stream = new MemoryStream(await ReportWriterTests.RenderAsync(new XlsxReportWriter(), model));
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!).ToArray();
        var register = ReportWriterTests.ReadSheet(workbook, "Registre");
        var cell = register.Single(r => r[1] == "account-management")[^1];

        using (Assert.EnterMultipleScope())
        {
            foreach (var sheet in sheets)
                Assert.That(ReportWriterTests.ReadSheet(workbook, sheet).SelectMany(r => r).Max(c => c.Length),
                    Is.LessThanOrEqualTo(XlsxReportWriter.MaxCellCharacters), sheet);
            Assert.That(cell, Does.StartWith("contact.name: app/users.full_name"), "the cell keeps its first lines");
            Assert.That(cell, Does.Match(@"users\.\w+_\d{4} … cut: [\d,]+ more characters \(Excel holds 32,767 per cell\); every column is in the Colonnes sheet"),
                "cut after a whole column name, then the note");
            var columns = ReportWriterTests.ReadSheet(workbook, "Colonnes");
            Assert.That(columns.Count(r => stems.Any(s => r[Array.IndexOf(columns[0], "Colonne")].StartsWith(s + "_", StringComparison.Ordinal))),
                Is.EqualTo(added), "the column sheet still lists every column");
        }
    }

    [Test]
    public void FitCell_TextThatFits_IsUnchanged()
    {
        var text = string.Join(", ", Enumerable.Range(0, 3000).Select(i => $"t.c{i}"));
        Assert.That(text.Length, Is.LessThan(XlsxReportWriter.MaxCellCharacters));
        Assert.That(XlsxReportWriter.FitCell(text), Is.SameAs(text));
    }
}
