using System.Text;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Counts on the report's cards and in the Markdown summary agree with their nouns (review: "1 conflicts"):
/// 0 and 2 take the plural, 1 the singular.</summary>
[TestFixture]
public sealed class CountWordingTests
{
    [TestCase(0, "column", "columns", ExpectedResult = "0 columns")]
    [TestCase(1, "column", "columns", ExpectedResult = "1 column")]
    [TestCase(2, "column", "columns", ExpectedResult = "2 columns")]
    [TestCase(1, "category", "categories", ExpectedResult = "1 category")]
    [TestCase(12_000, "category", "categories", ExpectedResult = "12000 categories")]
    public string Phrase_Count_SingularOnlyForOne(int count, string singular, string plural) => CountWording.Phrase(count, singular, plural);

    /// <summary>An inventory with <paramref name="count"/> conflicting columns (annotated none, every value an e-mail
    /// address) and <paramref name="count"/> personal columns in a table of no processing activity.</summary>
    private static InventoryDocument WithConflictsAndUnassigned(int count)
    {
        var users = Some.Table("users", null, Some.Id());
        for (int i = 0; i < count; i++)
        {
            var conflict = Some.Column($"notify_to_{i}", "none", ColumnStatus.Conflict);
            conflict.Ordinal = 10 + i;
            conflict.Conflict = "annotated none, but 40/40 non-null sampled values are e-mail addresses (detector.email)";
            users.Columns.Add(conflict);
            var personal = Some.Column($"email_{i}", "contact.email");
            personal.Ordinal = 20 + i;
            users.Columns.Add(personal);
        }
        return Some.Document(Some.Source("app", users));
    }

    private static async Task<string> RenderAsync(string format, int count) =>
        Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create(format),
            ReportModel.Build(WithConflictsAndUnassigned(count), PolicyDocument.Seed)));

    [TestCase(0, "<b>0</b>conflicts: annotations", "<b>0</b>personal columns not attributed")]
    [TestCase(1, "<b>1</b>conflict: annotations", "<b>1</b>personal column not attributed")]
    [TestCase(2, "<b>2</b>conflicts: annotations", "<b>2</b>personal columns not attributed")]
    public async Task HtmlCards_Count_NounAgrees(int count, string conflictCard, string unassignedCard)
    {
        var html = await RenderAsync("html", count);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html.Contains(conflictCard, StringComparison.Ordinal), Is.True, conflictCard);
            Assert.That(html.Contains(unassignedCard, StringComparison.Ordinal), Is.True, unassignedCard);
        }
    }

    [TestCase(0, ", 0 conflicts |")]
    [TestCase(1, ", 1 conflict |")]
    [TestCase(2, ", 2 conflicts |")]
    public async Task MarkdownSummary_ConflictCount_NounAgrees(int count, string expected)
    {
        var md = await RenderAsync("md", count);

        Assert.That(md.Contains(expected, StringComparison.Ordinal), Is.True, expected);
    }

    /// <summary>Claim results with the given verdicts, for the seed policy's first claims (the cards count verdicts).</summary>
    private static List<ClaimResult> Verdicts(params ClaimVerdict[] verdicts) => verdicts
        .Select((v, i) => new ClaimResult { Claim = PolicyDocument.Seed.Claims[i], Verdict = v, Summary = "a summary" }).ToList();

    [TestCase(new[] { ClaimVerdict.Violated, ClaimVerdict.Unknown, ClaimVerdict.Holds },
        "<b>1</b>claim violated", "<b>1</b>claim unknown", "<b>1</b>claim holds")]
    [TestCase(new[] { ClaimVerdict.Violated, ClaimVerdict.Violated, ClaimVerdict.Holds, ClaimVerdict.Holds },
        "<b>2</b>claims violated", "<b>0</b>claims unknown", "<b>2</b>claims hold")]
    public async Task HtmlCards_ClaimCounts_NounAgrees(ClaimVerdict[] verdicts, string violated, string unknown, string holds)
    {
        var model = ReportModel.Build(WithConflictsAndUnassigned(0), PolicyDocument.Seed, Verdicts(verdicts));

        var html = Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create("html"), model));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html.Contains(violated, StringComparison.Ordinal), Is.True, violated);
            Assert.That(html.Contains(unknown, StringComparison.Ordinal), Is.True, unknown);
            Assert.That(html.Contains(holds, StringComparison.Ordinal), Is.True, holds);
        }
    }
}
