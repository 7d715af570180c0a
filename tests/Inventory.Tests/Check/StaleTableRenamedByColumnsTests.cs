using Inventory.Annotations;
using Inventory.Catalog;
using NUnit.Framework;
using Some = Inventory.Tests.Reports.Some;

namespace Inventory.Tests.Check;

/// <summary>trial36 finding 4: a table renamed to a name nothing alike (<c>attachments</c> → <c>pieces_jointes</c>) was
/// called "dropped or renamed?" with no target, though <c>diff</c> matched it by its columns. The one table no annotation
/// names that holds every column of the stale annotation is now the hint; none, or several, or an annotated one, is not.</summary>
[TestFixture]
public sealed class StaleTableRenamedByColumnsTests
{
    private const string Annotation = "table: attachments\ncolumns:\n  id: none\n  file_name: customer_content.file\n  uploaded_by: contact.email\n";

    private static StaleAnnotation Stale(string extraAnnotations, params Inventory.Model.TableEntry[] tables)
    {
        var document = Some.Document(Some.Source("app", tables));
        using var dir = new Inventory.Tests.Annotations.TempFolder();
        dir.Write("attachments.yml", Annotation);
        if (extraAnnotations.Length > 0) dir.Write("other.yml", extraAnnotations);
        var set = new AnnotationLoader().Load(dir.Path);
        return new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set).Stale
            .Single(s => s.Table == "attachments");
    }

    private static Inventory.Model.TableEntry Files(string name, params string[] extra) =>
        Some.Table(name, null, [Some.Id(), Some.Column("file_name", null), Some.Column("uploaded_by", null), .. extra.Select(e => Some.Column(e, null))]);

    [Test]
    public void Stale_RenamedToAnUnlikeNameKeepingItsColumns_NamesTheNewTable()
    {
        var stale = Stale("", Files("pieces_jointes", "size"), Some.Table("users", null, Some.Id(), Some.Column("email", null)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale.Suggestion, Is.EqualTo("pieces_jointes"));
            Assert.That(stale.Message, Does.Contain("renamed to 'pieces_jointes'?"));
        }
    }

    [Test]
    public void Stale_TwoTablesHoldTheColumns_NoGuess()
    {
        var stale = Stale("", Files("pieces_jointes"), Files("anhaenge"));
        Assert.That(stale.Suggestion, Is.Null, stale.Message);
    }

    [Test]
    public void Stale_TheOnlyTableHoldingTheColumnsIsAnnotated_NoGuess()
    {
        var stale = Stale("table: pieces_jointes\ncolumns:\n  id: none\n", Files("pieces_jointes"));
        Assert.That(stale.Suggestion, Is.Null, stale.Message);
    }
}
