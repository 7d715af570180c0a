using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Model;
using NUnit.Framework;
using static Inventory.Tests.Annotations.CaseInventories;

namespace Inventory.Tests.Annotations;

[TestFixture]
public sealed class AnnotationStubsTests
{
    /// <summary>Runs annotate's steps: load, merge, plan, write. Returns the plan.</summary>
    private static IReadOnlyList<StubFile> Annotate(InventoryDocument document, string dir, string? table = null)
    {
        var set = Directory.EnumerateFileSystemEntries(dir).Any() ? new AnnotationLoader().Load(dir) : AnnotationSet.Empty;
        Assert.That(set.Errors, Is.Empty);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir, ReportMissingTables = false }).Apply(document, set);
        var plan = AnnotationStubs.Plan(document, set, dir, table);
        foreach (var file in plan) AtomicFile.WriteAllText(file.Path, file.Content);
        return plan;
    }

    [Test]
    public void Plan_NewTables_WritesStubsWithSuggestionsThatTagNothing()
    {
        using var dir = new TempFolder();

        var plan = Annotate(C06(), dir.Path);

        Assert.That(plan.Select(p => (Path.GetFileName(p.Path), p.Action)), Is.EqualTo(new[]
            { ("invoice.yml", StubAction.Create), ("invoice_line.yml", StubAction.Create) }));
        var text = File.ReadAllText(plan[0].Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Does.Contain("table: invoice\ncolumns:\n"));
            Assert.That(text, Does.Contain("  # suggested: contact.email (0.80) — name.en.email 0.80; not sampled (empty): from the name and type alone\n  billing_email:\n    category:\n    type: text\n"));
            Assert.That(File.ReadAllText(plan[1].Path), Does.Contain("  # no suggestion: no data sampled (empty)\n  description:\n"));
        }
        var reread = new AnnotationLoader().Load(dir.Path);
        Assert.That(reread.Errors, Is.Empty);
        Assert.That(reread.Annotations.SelectMany(a => a.Columns).Select(c => c.Category), Is.All.Null, "a stub never tags");
    }

    [Test]
    public void Plan_RunTwice_ChangesNothing()
    {
        using var dir = new TempFolder();
        Annotate(C06(), dir.Path);
        var before = Directory.GetFiles(dir.Path).ToDictionary(f => f, File.ReadAllText);

        var second = Annotate(C06(), dir.Path);

        Assert.That(second, Is.Empty);
        Assert.That(Directory.GetFiles(dir.Path).ToDictionary(f => f, File.ReadAllText), Is.EqualTo(before));
    }

    [Test]
    public void Plan_OneTableFile_AppendsMissingColumnsKeepingExistingLines()
    {
        using var dir = new TempFolder();
        var original = "# written by hand\ntable: invoice\ndefault: { category: financial }\ncolumns:\n    id:            { category: none }\n    total:         {}   # later\n# trailing comment\n";
        var file = dir.Write("billing.yml", original);

        var plan = Annotate(C06(), dir.Path, "invoice");

        Assert.That(plan.Single().Action, Is.EqualTo(StubAction.Append));
        var text = File.ReadAllText(file);
        Assert.That(text, Does.StartWith(original));
        var table = new AnnotationLoader().LoadFile(file).Single();
        Assert.That(table.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "total", "customer_name", "vat_number", "billing_email" }));
        Assert.That(text[original.Length..], Does.StartWith("    # suggested: contact.name (0.80)"), "appended at the existing indentation");
        Assert.That(Annotate(C06(), dir.Path, "invoice"), Is.Empty, "second run: nothing");
    }

    [Test]
    public void Plan_MultiTableFile_WritesCommentedPendingFileOnce()
    {
        using var dir = new TempFolder();
        var original = "table: invoice\ncolumns:\n  id: none\n---\ntable: invoice_line\ncolumns:\n  id: none\n";
        var file = dir.Write("schema.yml", original);

        var plan = Annotate(C06(), dir.Path);

        Assert.That(plan.Select(p => (Path.GetFileName(p.Path), p.Action)), Is.EqualTo(new[]
            { ("invoice.pending.yml", StubAction.Pending), ("invoice_line.pending.yml", StubAction.Pending) }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.ReadAllText(file), Is.EqualTo(original), "the multi-table file is never rewritten");
            Assert.That(new AnnotationLoader().Load(dir.Path).Errors, Is.Empty, "the pending file holds no document: no duplicate table");
            Assert.That(File.ReadAllText(plan[0].Path), Does.Contain("#   billing_email:\n"));
            Assert.That(Annotate(C06(), dir.Path), Is.Empty, "second run: nothing");
        }
    }

    [Test]
    public void Plan_OddIdentifiers_AreQuotedAndFileNamesSafe()
    {
        using var dir = new TempFolder();
        var table = Table("Order Lines/2024", 0, Column("Customer E-mail", 1, "character varying(80)", TypeFamily.Text), Column("null", 2, "text", TypeFamily.Text));
        table.Schema = "Sales";
        table.QualifiedName = "Sales.Order Lines/2024";
        var document = Document(table);

        var plan = Annotate(document, dir.Path);

        var name = Path.GetFileName(plan.Single().Path);
        Assert.That(name, Does.Match(@"^sales\.order_lines_2024-[0-9a-f]{8}\.yml$"));
        var reread = new AnnotationLoader().LoadFile(plan.Single().Path).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(reread.Table, Is.EqualTo("Sales.Order Lines/2024"));
            Assert.That(reread.Columns.Select(c => (c.Name, c.Type)), Is.EqualTo(new (string, string?)[] { ("Customer E-mail", "character varying(80)"), ("null", "text") }));
            Assert.That(AnnotationStubs.FileNameFor("users"), Is.Not.EqualTo(AnnotationStubs.FileNameFor("Users")));
        }
    }

    [Test]
    public void Plan_AllNullColumnWithASuggestion_SaysTheSuggestionRestsOnTheName()
    {
        // Trial 17 finding 18: a new, all-NULL column showed its name-only suggestion as if values had been seen.
        using var dir = new TempFolder();
        var document = Document(Table("customers", 40,
            Column("newsletter_email", 1, "text", TypeFamily.Text, Decided("contact.email", 0.99, NameRule("name.en.email", "contact.email", 0.9)), 40, 0)));

        var plan = Annotate(document, dir.Path);

        Assert.That(File.ReadAllText(plan.Single().Path),
            Does.Contain("  # suggested: contact.email (0.99) — name.en.email 0.90; all sampled values NULL: from the name and type alone\n  newsletter_email:\n"));
    }

    [TestCase("plain_name", ExpectedResult = "plain_name")]
    [TestCase("yes", ExpectedResult = "\"yes\"")]
    [TestCase("a: b", ExpectedResult = "\"a: b\"")]
    [TestCase("quote\"back\\slash", ExpectedResult = "\"quote\\\"back\\\\slash\"")]
    [TestCase("line\nbreak", ExpectedResult = "\"line\\nbreak\"")]
    public string Scalar_QuotesWhenNeeded(string value) => YamlText.Scalar(value);
}
