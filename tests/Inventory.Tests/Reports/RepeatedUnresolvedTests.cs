using System.Text;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial 22 finding 7: two claims that cannot decide the same untagged columns printed the same list twice, one
/// after the other; the second now points at the first. JSON keeps both lists.</summary>
[TestFixture]
public sealed class RepeatedUnresolvedTests
{
    private static InventoryDocument Untagged() => Some.Document(Some.Source("app", Some.Table("people", null,
        Some.Id(), Some.Column("email", "contact.email", ColumnStatus.Suggested), Some.Column("seen_from", "automatic.ip_address", ColumnStatus.Suggested),
        Some.Column("full_name", "contact.name", ColumnStatus.Suggested))));

    [TestCase("md")]
    [TestCase("html")]
    [TestCase("xlsx")]
    public async Task Report_TwoClaimsSameUndecidedColumns_ListedOnce(string format)
    {
        var model = ReportModel.Build(Untagged(), PolicyDocument.Seed, null);
        var repeated = model.Claims.Where(c => c.UnresolvedSameAs is not null).ToList();

        var bytes = await ReportWriterTests.RenderAsync(ReportWriters.Create(format), model);
        var text = format == "xlsx" ? ReportWriterTests.XlsxText(bytes) : Encoding.UTF8.GetString(bytes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(repeated, Is.Not.Empty, "the seed policy's category claims leave the same columns undecided");
            foreach (var claim in repeated)
            {
                var first = model.Claims.Single(c => c.Id == claim.UnresolvedSameAs);
                Assert.That(claim.Unresolved.Select(u => u.Location), Is.EqualTo(first.Unresolved.Select(u => u.Location)));
                Assert.That(text, Does.Contain($"the same {claim.Unresolved.Count} items as").Or.Contain($"les mêmes {claim.Unresolved.Count} éléments que"));
            }
        }
    }
}
