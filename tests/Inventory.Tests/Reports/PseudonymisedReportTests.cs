using System.Security.Cryptography;
using System.Text;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>C30: "the report states in words that a hash of an e-mail address is still personal data (the DPO needs that
/// sentence for the record of processing)". Columns classified by the rules from generated digests; the Markdown, HTML
/// and JSON reports carry the statement, and never a digest.</summary>
[TestFixture]
public sealed class PseudonymisedReportTests
{
    private static readonly RuleClassifier Rules = ClassifierFactory.CreateRules();

    private static (ColumnEntry Column, string[] Digests) Hashed(string name, Func<int, string> input, string table = "audience_member")
    {
        var digests = Enumerable.Range(0, 40).Select(i => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input(i))))).ToArray();
        var classification = Rules.Classify(Inventory.Tests.Rules.Some.Column(table, name, "text", digests));
        var column = Some.Column(name, classification.DataCategory, ColumnStatus.Suggested, classification: classification);
        column.Origin = Origin.Rules;
        return (column, digests);
    }

    [Test]
    public async Task HashedEmailsAndPhones_TheReportSaysTheyAreStillPersonalData_FileChecksumsAreNotListed()
    {
        var (email, emailDigests) = Hashed("email_sha256", i => $"person{i}@example.org");
        var (phone, _) = Hashed("hashed_phone", i => $"+3361234{i:0000}");
        var (file, _) = Hashed("file_sha256", i => $"file-{i}", "attachments");
        var inventory = Some.Document(Some.Source("app", Some.Table("audience_member", null, Some.Id(), email, phone), Some.Table("attachments", null, Some.Id(), file)));

        var model = ReportModel.Build(inventory, PolicyDocument.Seed);

        Assert.That(model.Pseudonymised, Is.Not.Null);
        Assert.That(model.Pseudonymised!.Select(p => (p.Location, p.DerivedFrom)),
            Is.EqualTo(new[] { ("app/audience_member.email_sha256", "e-mail addresses"), ("app/audience_member.hashed_phone", "phone numbers") }));
        foreach (var format in new[] { "md", "html", "json" })
        {
            using var stream = new MemoryStream();
            await ReportWriters.Create(format).WriteAsync(model, stream);
            var text = Encoding.UTF8.GetString(stream.ToArray());
            using (Assert.EnterMultipleScope())
            {
                Assert.That(text, Does.Contain("A hash of an e-mail address is still personal data"), format);
                Assert.That(text, Does.Contain("pseudonymised, not anonymised"), format);
                Assert.That(emailDigests.Any(d => text.Contains(d[..16], StringComparison.OrdinalIgnoreCase)), Is.False, $"{format}: a digest reached the report");
            }
        }
    }

    [Test]
    public async Task HashedEmails_XlsxWorkbook_PseudonymisationSheetCarriesTheStatement()
    {
        var (email, emailDigests) = Hashed("email_sha256", i => $"person{i}@example.org");
        var (file, _) = Hashed("file_sha256", i => $"file-{i}", "attachments");
        var inventory = Some.Document(Some.Source("app", Some.Table("audience_member", null, Some.Id(), email), Some.Table("attachments", null, Some.Id(), file)));
        var model = ReportModel.Build(inventory, PolicyDocument.Seed);

        using var stream = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(model, stream);
        stream.Position = 0;
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var sheet = ReportWriterTests.ReadSheet(workbook.WorkbookPart!, "Pseudonymisation");
        var cells = ReportWriterTests.AllCells(workbook.WorkbookPart!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sheet[0], Is.EqualTo(XlsxReportWriter.PseudonymisedHeadings));
            Assert.That(sheet.Skip(1).Select(r => (r[0], r[2])), Is.EqualTo(new[] { ("app/audience_member.email_sha256", "e-mail addresses") }));
            Assert.That(sheet[1][1], Is.EqualTo(email.DataCategory));
            Assert.That(sheet[1][3], Does.Contain("A hash of an e-mail address is still personal data").And.Contain("pseudonymised, not anonymised (GDPR Recital 26)"));
            Assert.That(emailDigests.Any(d => cells.Any(c => c.Contains(d[..16], StringComparison.OrdinalIgnoreCase))), Is.False, "a digest reached the workbook");
        }
    }

    [Test]
    public async Task InventoryWithoutHashes_XlsxHasNoPseudonymisationSheet()
    {
        using var stream = new MemoryStream();
        await new XlsxReportWriter().WriteAsync(ReportModel.Build(SampleInventory.Build(), PolicyDocument.Seed), stream);
        stream.Position = 0;
        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);

        Assert.That(workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value),
            Does.Not.Contain("Pseudonymisation").And.Contain("Couverture"));
    }

    [Test]
    public void InventoryWithoutHashes_HasNoPseudonymisedSection()
    {
        var model = ReportModel.Build(SampleInventory.Build(), PolicyDocument.Seed);

        Assert.That(model.Pseudonymised, Is.Null);
    }
}
