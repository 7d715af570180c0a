using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Annotations;
using NUnit.Framework;
using Some = Inventory.Tests.Reports.Some;

namespace Inventory.Tests.Check;

/// <summary>A stale column entry whose column was renamed to a name nothing like it (trial 27: <c>telephone</c> →
/// <c>numero_mobile</c>) gets a rename hint from the only column without an entry whose values the scan reads as the
/// entry's category, as <c>diff</c> hints "renamed from" by category.</summary>
[TestFixture]
public sealed class StaleRenameByCategoryTests
{
    private static ColumnEntry Suggested(string name, string category)
    {
        var column = Some.Column(name, null);
        column.Classification = new ColumnClassification
        {
            DataCategory = category, Confidence = 0.97, Origin = Origin.Rules,
            Evidence = [new EvidenceItem("detector", "detector.phone", category, 38, 40, 0.95)],
        };
        return column;
    }

    private static (StaleAnnotation Stale, string Line) Check(params ColumnEntry[] columns)
    {
        var document = Some.Document(Some.Source("app", Some.Table("users", null, [Some.Column("id", null, family: Inventory.Catalog.TypeFamily.Integer), .. columns])));
        using var dir = new TempFolder();
        dir.Write("users.yml", "table: users\ncolumns:\n  id: none\n  telephone: contact.phone\n");
        var set = new AnnotationLoader().Load(dir.Path);
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);
        var result = CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path, Stale = merge.Stale, AnnotationErrors = set.Errors });
        var line = CheckTextWriter.Render(result).Split('\n').Single(l => l.Contains("stale", StringComparison.Ordinal));
        return (merge.Stale.Single(), line);
    }

    [Test]
    public void Check_RenamedToAnUnlikeNameWithTheSameCategory_SuggestsItInWords()
    {
        var (stale, line) = Check(Suggested("numero_mobile", "contact.phone"), Suggested("courriel", "contact.email"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale.Suggestion, Is.EqualTo("numero_mobile"));
            Assert.That(line, Does.Contain(
                "column 'telephone' is not in table 'users'; renamed to 'numero_mobile'? it has no entry of its own and the scan reads its values as contact.phone, the category of this entry"));
            Assert.That(line, Does.Contain("rename the entry"));
        }
    }

    [Test]
    public void Check_TwoColumnsOfTheEntrysCategory_NoGuess()
    {
        var (stale, line) = Check(Suggested("numero_mobile", "contact.phone"), Suggested("numero_fixe", "contact.phone"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale.Suggestion, Is.Null);
            Assert.That(line, Does.Contain("(dropped or renamed?)"));
        }
    }

    [Test]
    public void Check_NoColumnOfTheEntrysCategory_NoGuess()
    {
        var (stale, _) = Check(Suggested("courriel", "contact.email"));

        Assert.That(stale.Suggestion, Is.Null);
    }

    [Test]
    public void Check_ANameAlike_WinsOverTheCategory()
    {
        var (stale, _) = Check(Suggested("numero_mobile", "contact.phone"), Suggested("telephone_2", "none"));

        Assert.That(stale.Suggestion, Is.EqualTo("telephone_2"));
    }
}
