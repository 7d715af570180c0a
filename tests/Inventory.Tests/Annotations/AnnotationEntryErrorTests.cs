using Inventory.Annotations;
using Inventory.Model;
using Inventory.Tests.Support;
using NUnit.Framework;
using static Inventory.Tests.Annotations.CaseInventories;

namespace Inventory.Tests.Annotations;

/// <summary>One bad entry costs that entry only (README: other columns of the same table are still applied); a syntax
/// error, which stops the file's parse, says that none of the file was applied.</summary>
[TestFixture]
public sealed class AnnotationEntryErrorTests
{
    // C05's table with display_name given twice (line 5 and line 7, column 3).
    private const string DuplicatedColumn = """
        table: app_user
        columns:
          id: none
          display_name: contact
          resource_path: { category: none, reason: "storage path, reviewed 2025-05-02" }
          backup_email: none
          display_name: contact.name
        """;

    [Test]
    public void Load_ColumnKeyTwice_ErrorAtTheRepeatAndTheOtherEntriesApply()
    {
        using var dir = new TempFolder();
        var file = dir.Write("app_user.yml", DuplicatedColumn);

        var set = new AnnotationLoader().Load(dir.Path);

        var error = set.Errors.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((error.Kind, error.Line, error.Column), Is.EqualTo((AnnotationErrorKind.DuplicateKey, 7, 3)));
            Assert.That(error.Message, Is.EqualTo($"{file}:7:3: duplicate key 'display_name' (first defined on line 4); neither entry is applied: keep one"));
            Assert.That(set.Annotations.Single().Columns.Select(c => (c.Name, c.Category)), Is.EqualTo(new (string, string?)[]
            {
                ("id", "none"), ("resource_path", "none"), ("backup_email", "none"),
            }), "neither display_name entry applies; every other entry does");
        }
    }

    [Test]
    public void Merge_ColumnKeyTwice_OtherColumnsTaggedDuplicatedColumnUntagged()
    {
        using var dir = new TempFolder();
        dir.Write("app_user.yml", DuplicatedColumn);
        var document = C05();
        var set = new AnnotationLoader().Load(dir.Path);

        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);

        var status = document.AllColumns().ToDictionary(x => x.Column.Name, x => x.Column.Status);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status["id"], Is.EqualTo(ColumnStatus.Tagged));
            Assert.That(status["resource_path"], Is.EqualTo(ColumnStatus.Tagged));
            Assert.That(status["backup_email"], Is.EqualTo(ColumnStatus.Conflict), "its annotation applies, and the data contradicts it");
            Assert.That(status["display_name"], Is.EqualTo(ColumnStatus.Suggested), "neither duplicate tags it");
        }
    }

    [Test]
    public void Load_TableLevelKeyTwice_NeitherValueAppliesColumnsDo()
    {
        using var dir = new TempFolder();
        var file = dir.Write("t.yml", "table: t\nactivity: billing\nactivity: support\ncolumns:\n  a: none\n");

        var set = new AnnotationLoader().Load(file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Errors.Select(e => (e.Kind, e.Line, e.Column)), Is.EqualTo(new[] { (AnnotationErrorKind.DuplicateKey, 3, 1) }));
            Assert.That(set.Annotations.Single().Activities, Is.Empty);
            Assert.That(set.Annotations.Single().Columns.Select(c => c.Name), Is.EqualTo(new[] { "a" }));
        }
    }

    [Test]
    public void Load_TabInIndentation_ErrorNamesFileLineColumnAndSaysNothingOfTheFileApplied()
    {
        using var dir = new TempFolder();
        var file = dir.Write("t.yml", "table: t\ncolumns:\n  a: none\n\tb: none\n");

        var set = new AnnotationLoader().Load(file);

        var error = set.Errors.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Kind, Is.EqualTo(AnnotationErrorKind.Syntax));
            Assert.That(error.Message, Does.StartWith($"{file}:4:1: tab character in indentation"));
            Assert.That(error.Message, Does.EndWith("none of this file's annotations were applied (fix the file and run again)"));
            Assert.That(set.Annotations, Is.Empty);
        }
    }
}
