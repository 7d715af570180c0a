using System.Text.RegularExpressions;
using Inventory.Cli;
using Inventory.Model;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Cli;

/// <summary>
/// Trial34 finding 10: every command prints an annotation error in one format, the line <c>check</c> writes for its
/// <c>invalid-annotation</c> finding (<c>path:line:column  invalid-annotation: reason</c>, the path relative to the
/// working directory), and <c>report</c> counts the same errors <c>check</c> lists (the files' errors and the activity
/// ids the policy does not define). Run as real <c>inventory</c> processes in a folder of their own, as a user runs them.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AnnotationErrorPresentationTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), $"inventory-error-lines-{Guid.NewGuid():N}"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static readonly Regex ErrorLine = new(@"^(\S+:\d+:\d+)  invalid-annotation: .+$", RegexOptions.Multiline);

    private static List<string> ErrorLines(string text) => ErrorLine.Matches(text.ReplaceLineEndings("\n")).Select(m => m.Value).ToList();

    /// <summary>A saved inventory and an annotations folder with two broken files (a tab, a misspelt key) and one whose
    /// activity the built-in policy does not define.</summary>
    private void Arrange(bool withFileErrors)
    {
        InventoryJson.Write(Inventory.Tests.Reports.SampleInventory.Build(), Path.Combine(_folder, "inventory.json"));
        var annotations = Path.Combine(_folder, "annotations");
        Directory.CreateDirectory(annotations);
        if (withFileErrors)
        {
            File.WriteAllText(Path.Combine(annotations, "a.yml"), "table: app.users\ncolumns:\n\temail: { category: contact.email }\n");
            File.WriteAllText(Path.Combine(annotations, "b.yml"), "table: app.orders\ncolums:\n  id: { category: none }\n");
        }
        File.WriteAllText(Path.Combine(annotations, "c.yml"), "table: legacy_payments\nactivity: billing-and-paiement\n");
    }

    [Test]
    public void CheckReportAnnotateExport_FileErrors_SameLinesRelativePathsAndAgreeingCounts()
    {
        // Given two broken files and an unknown activity, in a folder run as the working directory
        Arrange(withFileErrors: true);
        string[] common = ["--inventory", "inventory.json", "--annotations", Path.Combine(_folder, "annotations")];

        // When check, report, annotate and export run on them
        var check = CliProcess.Run(_folder, ["check", .. common, "--policy", "builtin"]);
        var report = CliProcess.Run(_folder, ["report", .. common, "--policy", "builtin", "--out", "report"]);
        var annotate = CliProcess.Run(_folder, ["annotate", .. common]);
        var export = CliProcess.Run(_folder, ["export", .. common, "--format", "fides", "--out", "fides.yml"]);

        // Then check lists three invalid annotations (two files' and the activity's); report prints the same three
        // lines and counts three; annotate and export print the two files' lines as check does; no absolute path, no
        // "error:" prefix of another format
        var checkLines = ErrorLines(check.Output);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(checkLines, Has.Count.EqualTo(3), check.Output + check.Error);
            Assert.That(checkLines, Has.All.StartWith("annotations/"), "relative to the working directory");
            Assert.That(report.Exit, Is.EqualTo(ExitCodes.BadInput), report.Error);
            Assert.That(ErrorLines(report.Error), Is.EquivalentTo(checkLines));
            Assert.That(report.Error, Does.Contain("fix the 3 annotation error(s) above"));
            Assert.That(annotate.Exit, Is.EqualTo(ExitCodes.BadInput), annotate.Error);
            Assert.That(ErrorLines(annotate.Error), Is.EquivalentTo(checkLines.Where(l => !l.Contains("c.yml"))));
            Assert.That(annotate.Error, Does.Contain("fix the 2 annotation error(s) above"));
            Assert.That(export.Exit, Is.EqualTo(ExitCodes.BadInput), export.Error);
            Assert.That(ErrorLines(export.Error), Is.EquivalentTo(checkLines.Where(l => !l.Contains("c.yml"))));
            Assert.That(report.Error + annotate.Error + export.Error, Does.Not.Contain(_folder).And.Not.Contain("error: "));
            Assert.That(Directory.Exists(Path.Combine(_folder, "report")), Is.False);
        }
    }

    [Test]
    public void Report_OnlyAnUnknownActivity_PrintsCheckLineAndStillWrites()
    {
        // Given valid files, one of which names an activity the built-in policy does not define
        Arrange(withFileErrors: false);
        string[] common = ["--inventory", "inventory.json", "--annotations", "annotations", "--policy", "builtin"];

        // When check and report run
        var check = CliProcess.Run(_folder, ["check", .. common]);
        var report = CliProcess.Run(_folder, ["report", .. common, "--out", "report", "--format", "json"]);

        // Then report prints check's line for it and says how many, and writes the record that lists it
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ErrorLines(check.Output), Has.Count.EqualTo(1).And.One.StartWith("annotations/c.yml:2:"), check.Output);
            Assert.That(ErrorLines(report.Error), Is.EqualTo(ErrorLines(check.Output)));
            Assert.That(report.Error, Does.Contain("1 annotation error(s) above"));
            Assert.That(report.Exit, Is.EqualTo(ExitCodes.Ok), report.Error);
            Assert.That(File.Exists(Path.Combine(_folder, "report", "report.json")), Is.True);
        }
    }
}
