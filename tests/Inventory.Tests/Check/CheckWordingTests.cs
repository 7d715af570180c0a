using NUnit.Framework;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Annotations;
using Inventory.Tests.Annotations;

namespace Inventory.Tests.Check;

/// <summary>Finding wording a newcomer reads: each hint said once, the real reason for an untagged column, and the
/// annotation file to create named exactly as <c>inventory annotate</c> names it.</summary>
[TestFixture]
public sealed class CheckWordingTests
{
    private static CheckResult Gate(InventoryDocument document, string dir)
    {
        var set = new AnnotationLoader().Load(dir);
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = dir }).Apply(document, set);
        return CheckGate.Evaluate(document, new CheckOptions { PathBase = dir, Stale = merge.Stale, AnnotationErrors = set.Errors });
    }

    /// <summary>trial36 finding 7: a binary column's suggestion rests on the lengths of its sampled values too, so the
    /// finding must not say "not sampled … from its name and type alone"; a column that was really not read still does.</summary>
    [Test]
    public void Evaluate_UntaggedBinaryColumnWithMeasuredLengths_SaysLengthsNotNameAndTypeAlone()
    {
        var suggestion = new Inventory.Classification.ColumnClassification { DataCategory = "customer_content.file", Confidence = 0.97 };
        var measured = Inventory.Tests.Reports.Some.Column("content", null, family: Inventory.Catalog.TypeFamily.Binary, declaredType: "bytea",
            classification: suggestion, notSampled: Inventory.Catalog.NotSampledReason.Binary);
        measured.Stats = new SampleStats { SampledRows = 500, NonNull = 500, DistinctRatio = 0.96 };
        var unread = Inventory.Tests.Reports.Some.Column("scan", null, family: Inventory.Catalog.TypeFamily.Binary, declaredType: "bytea",
            classification: suggestion, notSampled: Inventory.Catalog.NotSampledReason.NoPrivilege);
        var document = Inventory.Tests.Reports.Some.Document(Inventory.Tests.Reports.Some.Source("app",
            Inventory.Tests.Reports.Some.Table("attachments", null, Inventory.Tests.Reports.Some.Id(), measured, unread)));
        using var dir = new TempFolder();

        var result = Gate(document, dir.Path);

        using (Assert.EnterMultipleScope())
        {
            var content = result.Failures.Single(f => f.Key == "attachments.content").Message;
            Assert.That(content, Does.Contain("binary: classified from its name, its type and the sampled values' lengths (never decoded)"));
            Assert.That(content, Does.Not.Contain("name and type alone"));
            Assert.That(result.Failures.Single(f => f.Key == "attachments.scan").Message,
                Does.Contain("not sampled (no-privilege): classified from its name and type alone"));
        }
    }

    /// <summary>trial36 finding 10: the columns of a table whose own annotation file could not be read (a tab, an
    /// unclosed bracket) were listed as "no annotation", as if no file existed; they now name the file and why it did not
    /// apply. A table with no file at all still says "no annotation".</summary>
    [TestCase("table: app_user\ncolumns:\n\tid: none\n")]
    [TestCase("table: app_user\ncolumns: [id, email\n")]
    public void Evaluate_TableWhoseOwnFileCouldNotBeRead_SaysTheFileWasNotApplied(string yaml)
    {
        // As the CLI runs it: the working directory is the path base, the annotations in its annotations/ folder.
        using var dir = new TempFolder();
        dir.Write("annotations/app_user.yml", System.Text.RegularExpressions.Regex.Unescape(yaml));
        var document = CaseInventories.C05();
        var set = new AnnotationLoader().Load(Path.Combine(dir.Path, "annotations"));
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);

        var result = CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path, Stale = merge.Stale, AnnotationErrors = set.Errors });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Findings.Any(f => f.Kind == FindingKind.InvalidAnnotation), Is.True);
            var untagged = result.Failures.Where(f => f.Kind == FindingKind.Untagged && f.Table == "app_user").ToList();
            Assert.That(untagged, Is.Not.Empty);
            Assert.That(untagged.Select(f => f.Message), Has.All.StartWith("its annotation file annotations/app_user.yml could not be read, so nothing in it applies"));
        }
    }

    /// <summary>trial41 finding 5: a misspelt <c>source:</c> (<c>pass</c> for <c>paas</c>) named no close source, pointed
    /// at the <c>table:</c> line and ended with the column-rename hint "rename the entry". It now names the closest
    /// scanned source, points at the <c>source:</c> value and says to update it.</summary>
    [TestCase("table: request_traces\nsource: pass\ncolumns:\n  id: none\n", "pass", 2, "source 'pass' was not scanned (did you mean 'paas'?); fix 'source:'")]
    [TestCase("table: request_traces\ncolumns:\n  id: none\nsource: billing-eu\n", "billing-eu", 4, "source 'billing-eu' was not scanned; fix 'source:'")]
    public void Render_AnnotationOfASourceNotScanned_NamesTheClosestSourceAtItsSourceLine(string yaml, string source, int line, string message)
    {
        using var dir = new TempFolder();
        dir.Write("request_traces.yml", yaml);
        var document = Inventory.Tests.Reports.Some.Document(Inventory.Tests.Reports.Some.Source("paas",
            Inventory.Tests.Reports.Some.Table("request_traces", null, Inventory.Tests.Reports.Some.Id())));

        var result = Gate(document, dir.Path);
        var text = CheckTextWriter.Render(result).Split('\n').Single(l => l.Contains($"source '{source}'", StringComparison.Ordinal));

        var stale = result.Findings.Single(f => f.Kind == FindingKind.Stale);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stale.Message, Does.StartWith(message));
            Assert.That((stale.Location!.Line, stale.Location.Column), Is.EqualTo((line, 9)), "at the source: value");
            Assert.That(text, Does.Not.Contain("rename the entry"));
            Assert.That(stale.Suggestion, Is.EqualTo(source == "pass" ? "update 'source:'" : null));
        }
    }

    [Test]
    public void Render_StaleEntryWithLikelyRename_SaysTheRenameOnce()
    {
        using var dir = new TempFolder();
        dir.Write("app_user.yml", "table: app_user\ncolumns:\n  id: none\n  display_nam: contact\n");

        var line = CheckTextWriter.Render(Gate(CaseInventories.C05(), dir.Path)).Split('\n').Single(l => l.Contains("display_nam ", StringComparison.Ordinal) || l.Contains("display_nam  ", StringComparison.Ordinal));

        // Given: "renamed to 'telephone'? rename the entry  rename to telephone" said it three times.
        Assert.That(line.Split("display_name", StringSplitOptions.None), Has.Length.EqualTo(2), line);
        Assert.That(line.Split("rename the entry", StringSplitOptions.None), Has.Length.EqualTo(2), line);
        Assert.That(line, Does.Contain("renamed to 'display_name'?").And.Not.Contain("rename to"));
    }

    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email: contactt.email\n")]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email: { category: contactt.email }\n")]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email:\n    category: contactt.email\n    reason: checked\n")]
    public void Evaluate_EntryWithInvalidCategory_UntaggedReasonPointsAtTheInvalidAnnotation(string yaml)
    {
        using var dir = new TempFolder();
        dir.Write("app_user.yml", yaml);

        var result = Gate(CaseInventories.C05(), dir.Path);

        var untagged = result.Findings.Single(f => f.Kind == FindingKind.Untagged && f.Column == "backup_email");
        Assert.That(untagged.Message, Does.StartWith("entry has an invalid category (see the invalid-annotation finding)"));
        Assert.That(result.Findings.Single(f => f.Kind == FindingKind.Untagged && f.Column == "display_name").Message,
            Does.StartWith("no entry in the table's annotation"), "a column without an entry keeps its own reason");
    }

    /// <summary>trial38 finding 3: an entry dropped for a misspelt key (<c>categroy:</c>) or a value of the wrong shape read
    /// "no entry in the table's annotation" at line 1 of the file, so a second entry was added (a duplicate key). It says
    /// the entry was dropped and why, at the entry's line, as an entry with an invalid category does.</summary>
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email:\n    categroy: contact.email\n", "entry has an unknown key, so it is not applied", 5)]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email:\n    category: contact.email\n    reasons: checked\n", "entry has an unknown key, so it is not applied", 6)]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email:\n    category: contact.email\n    retention: [1 year]\n", "entry has an invalid value, so it is not applied", 6)]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email: [contact.email]\n", "entry has an invalid value, so it is not applied", 4)]
    public void Evaluate_EntryDroppedForAnUnknownKeyOrValue_UntaggedReasonSaysSoAtTheEntry(string yaml, string reason, int line)
    {
        using var dir = new TempFolder();
        dir.Write("app_user.yml", yaml);

        var result = Gate(CaseInventories.C05(), dir.Path);

        var untagged = result.Findings.Single(f => f.Kind == FindingKind.Untagged && f.Column == "backup_email");
        var invalid = result.Findings.Single(f => f.Kind == FindingKind.InvalidAnnotation);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(untagged.Message, Does.StartWith(reason + " (see the invalid-annotation finding)"));
            Assert.That(untagged.Location.Line, Is.EqualTo(line));
            Assert.That(untagged.Location.Line, Is.EqualTo(invalid.Location.Line));
            Assert.That(result.Findings.Single(f => f.Kind == FindingKind.Untagged && f.Column == "display_name").Message,
                Does.StartWith("no entry in the table's annotation"), "a column without an entry keeps its own reason");
        }
    }

    /// <summary>Trial30: an annotation file whose <c>table:</c> has a typo left the real table's columns saying only "no
    /// annotation" (the stale entry's warning came further down); they name the entry and where it is.</summary>
    [Test]
    public void Evaluate_EntryForAMisspelledTable_UntaggedColumnsOfTheRealTableNameIt()
    {
        using var dir = new TempFolder();
        dir.Write("app_user.yml", "table: app_usr\ncolumns:\n  id: none\n  display_name: contact.name\n");

        var result = Gate(CaseInventories.C05(), dir.Path);

        var untagged = result.Findings.Where(f => f.Kind == FindingKind.Untagged && f.Table == "app_user").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(untagged, Is.Not.Empty);
            Assert.That(untagged.Select(f => f.Message).Distinct(),
                Is.EqualTo(new[] { "no annotation; the entry for table 'app_usr' (app_user.yml:1) matches no table: meant for this one?" }));
            Assert.That(result.Findings.Count(f => f.Kind == FindingKind.Stale && f.Table == "app_usr"), Is.EqualTo(1), "the stale finding stays");
        }
    }

    /// <summary>Trial 18: the untagged finding of an entry the loader dropped pointed at line 1 of its file (SARIF region,
    /// JUnit <c>line</c>, GitHub <c>line=</c>); it points at the entry's own error, as the invalid-annotation finding does.</summary>
    [TestCase("table: app_user\ncolumns:\n  id: none\n  display_name: contact.name\n  backup_email: contactt.email\n", 5)]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email:\n    category: contactt.email\n    reason: checked\n", 5)]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email: contact.email\n  display_name: contact.name\n  backup_email: none\n", 6)]
    public void Evaluate_DroppedEntry_UntaggedFindingPointsAtTheEntryNotTheFirstLine(string yaml, int line)
    {
        using var dir = new TempFolder();
        dir.Write("app_user.yml", yaml);

        var result = Gate(CaseInventories.C05(), dir.Path);

        var untagged = result.Findings.Single(f => f.Kind == FindingKind.Untagged && f.Column == "backup_email");
        var invalid = result.Findings.Single(f => f.Kind == FindingKind.InvalidAnnotation);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(untagged.Location.File, Is.EqualTo("app_user.yml"));
            Assert.That(untagged.Location.Line, Is.EqualTo(line));
            Assert.That((untagged.Location.Line, untagged.Location.Column), Is.EqualTo((invalid.Location.Line, invalid.Location.Column)));
            Assert.That(untagged.Location.Column, Is.GreaterThan(0));
        }
    }

    [TestCase("table: app_user\ncolumns:\n  id: none\n  Backup_Email: contact.email\n")]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email: contact.email\n  BACKUP_EMAIL: contact.email\n")]
    public void Evaluate_EntryWithOtherCapitals_SaysNamesAreCaseSensitive(string yaml)
    {
        // Trial 17 finding 12: 'Email' next to an annotated 'email' was said to be renamed to 'email_verified'.
        using var dir = new TempFolder();
        dir.Write("app_user.yml", yaml);

        var result = Gate(CaseInventories.C05(), dir.Path);

        var stale = result.Findings.Single(f => f.Kind == FindingKind.Stale && f.Column != "backup_email");
        Assert.That(stale.Message, Does.EndWith("names are case-sensitive, the column is 'backup_email'"));
    }

    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email: contact.email\n  backup_email: none\n")]
    [TestCase("table: app_user\ncolumns:\n  id: none\n  backup_email:\n    category: contact.email\n  backup_email: { category: none }\n")]
    public void Evaluate_EntryGivenTwice_UntaggedReasonSaysSo(string yaml)
    {
        // Trial 17 finding 11: the column said "no entry in the table's annotation" although it had two.
        using var dir = new TempFolder();
        dir.Write("app_user.yml", yaml);

        var result = Gate(CaseInventories.C05(), dir.Path);

        var untagged = result.Findings.Single(f => f.Kind == FindingKind.Untagged && f.Column == "backup_email");
        Assert.That(untagged.Message, Does.StartWith("entry given twice, so neither applies (see the invalid-annotation finding)"));
        Assert.That(result.Findings.Single(f => f.Kind == FindingKind.Untagged && f.Column == "display_name").Message,
            Does.StartWith("no entry in the table's annotation"), "a column without an entry keeps its own reason");
    }

    [Test]
    public void Evaluate_UnannotatedTableNextToAProcessorSource_PointsAtTheFileAnnotateCreates()
    {
        // Given a controller source and a processor source (as in the demo): annotate and check must name the same file.
        using var dir = new TempFolder();
        var document = CaseInventories.C05();
        var processor = new SourceEntry { Name = "customer-dbs", Provider = "postgres", Role = ProcessingRole.Processor, Target = "x/y" };
        document.Sources.Add(processor);

        var result = Gate(document, dir.Path);
        var planned = AnnotationStubs.Plan(document, AnnotationSet.Empty, dir.Path);

        var location = result.Findings.First(f => f.Kind == FindingKind.Untagged && f.Table == "app_user").Location.File;
        Assert.That(Path.GetFileName(location), Is.EqualTo(Path.GetFileName(planned.Single(p => p.Table == "app_user").Path)));
        Assert.That(Path.GetFileName(location), Is.EqualTo(AnnotationStubs.FileNameFor(document, document.Sources[0], "app_user")));
    }
}
