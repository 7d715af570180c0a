using Inventory.Annotations;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Trial33 finding 9: a file with bad indentation on line 5, a tab on line 6 and an unclosed <c>{</c> on line 8
/// took three runs to fix, and the first named the tab before the indentation. One run now names every error it can, in
/// line order: every tab in indentation, and the YAML parser's first error, which says that the parser stops there
/// (YamlDotNet reads no further, so an error below it shows once it is fixed). Every malformed file of a folder is
/// reported in the same run, and none of their annotations applies.</summary>
[TestFixture]
public sealed class SyntaxErrorsInOneRunTests
{
    private const string ThreeErrors = "table: clients\ncolumns:\n  id: none\n  courriel: contact.email\n    nom: contact.name\n\ttelephone: contact.phone\n  ville: none\n  notes: {category: none\n";

    [Test]
    public void Load_FileWithIndentationTabAndUnclosedBrace_IndentationThenTabInLineOrderInOneRun()
    {
        using var dir = new TempFolder();
        dir.Write("clients.yml", ThreeErrors);

        var set = new AnnotationLoader().Load(dir.Path);

        var errors = set.Errors.Where(e => e.File!.EndsWith("clients.yml", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => e.Line), Is.EqualTo(new[] { 5, 6 }), string.Join("\n", errors.Select(e => e.Message)));
            Assert.That(errors.Select(e => e.Kind), Has.All.EqualTo(AnnotationErrorKind.Syntax));
            Assert.That(errors[0].Reason, Does.Contain("none of this file's annotations were applied"));
            Assert.That(errors[0].Reason, Does.Contain("the YAML parser stops here"), "the parser's error says later ones may follow");
            Assert.That(errors[1].Reason, Does.StartWith("tab character in indentation"));
            Assert.That(errors[1].Column, Is.EqualTo(1));
            Assert.That(set.Annotations, Is.Empty);
        }
    }

    [Test]
    public void Load_SeveralMalformedFiles_EachReportedInTheSameRunWithFileLineAndColumn()
    {
        // Given three malformed files in four languages' table names and one valid file
        using var dir = new TempFolder();
        dir.Write("benutzer.yml", "table: benutzer\ncolumns:\n\temail: contact.email\n\tname: contact.name\n");
        dir.Write("clients.yml", ThreeErrors);
        dir.Write("usuarios.yml", "table: usuarios\ncolumns:\n  correo: [contact.email\n");
        dir.Write("users.yml", "table: users\ncolumns:\n  email: contact.email\n");

        var set = new AnnotationLoader().Load(dir.Path);

        var byFile = set.Errors.GroupBy(e => Path.GetFileName(e.File!)).ToDictionary(g => g.Key, g => g.Select(e => (e.Line, e.Column)).ToList());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(byFile.Keys, Is.EquivalentTo(new[] { "benutzer.yml", "clients.yml", "usuarios.yml" }));
            Assert.That(byFile["benutzer.yml"], Is.EqualTo(new[] { (3, 1), (4, 1) }), "every tab, each on its line");
            Assert.That(byFile["usuarios.yml"].Select(p => p.Line), Has.All.GreaterThanOrEqualTo(3));
            Assert.That(set.Annotations.Select(a => a.Table), Is.EqualTo(new[] { "users" }), "only the valid file applies");
        }
    }

    [Test]
    public void Load_OnlyTabs_EveryTabNamedAndNoParserStopNote()
    {
        using var dir = new TempFolder();
        dir.Write("t.yml", "table: t\ncolumns:\n\ta: none\n  b: none\n\tc: none\n");

        var errors = new AnnotationLoader().Load(dir.Path).Errors;

        Assert.That(errors.Select(e => (e.Line, Stops: e.Reason.Contains("parser stops", StringComparison.Ordinal))),
            Is.EqualTo(new[] { (3, false), (5, false) }));
    }
}
