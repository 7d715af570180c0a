using System.Text;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The report's "JSON documents: categories by path" table, read by a DPO: a path where nothing was found says
/// so in words, in Markdown, HTML and XLSX (trial 19: two empty cells, which read as "not filled in").</summary>
[TestFixture]
public sealed class JsonPathReportRowsTests
{
    private static ReportModel Model()
    {
        var payload = Some.Column("payload", "contact.email", ColumnStatus.Suggested);
        payload.Paths =
        [
            new PathEntry { Path = "$.psp" },
            new PathEntry { Path = "$.charge.billing_details.email", DataCategory = "contact.email", Origin = Origin.Rules },
        ];
        return ReportModel.Build(Some.Document(Some.Source("tenant-a", Some.Table("paiements", null, Some.Id(), payload))), PolicyDocument.Seed);
    }

    [TestCase("md", "| `tenant-a/paiements.payload` | `$.psp` | no category found | no rule or detector matched, no annotation |")]
    [TestCase("html", "<td><code>$.<wbr>psp</code></td><td class=\"category\">no category found</td><td>no rule or detector matched, no annotation</td>")]
    public async Task PathWithNothingFound_SaysSoInWords(string format, string expectedRow)
    {
        using var stream = new MemoryStream();
        await ReportWriters.Create(format).WriteAsync(Model(), stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain(expectedRow));
            Assert.That(text, Does.Contain("contact.email"), "a path with a category keeps it");
        }
    }

    [Test]
    public async Task PathWithNothingFound_XlsxSaysSoInWords()
    {
        using var stream = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(Model(), stream);
        stream.Position = 0;
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var sheet = ReportWriterTests.ReadSheet(workbook.WorkbookPart!, "Chemins JSON");

        var row = sheet.Single(r => r[1] == "$.psp");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row[2], Is.EqualTo("aucune catégorie trouvée"));
            Assert.That(row[3], Is.EqualTo("aucune règle ni aucun détecteur, pas d'annotation"));
            Assert.That(sheet.Single(r => r[1] == "$.charge.billing_details.email")[2], Is.EqualTo("contact.email"));
        }
    }
}
