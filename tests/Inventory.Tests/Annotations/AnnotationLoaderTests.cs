using Inventory.Annotations;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

[TestFixture]
public sealed class AnnotationLoaderTests
{
    private const string Good = """
        table: users
        activity: account-management
        retention: account lifetime + 30 days
        shared-with: [intercom]
        columns:
          id: none
          email: { category: contact.email, shared-with: [intercom] }
          last_sign_in_ip:
            category: automatic.ip_address
            retention: 13 months
          notes: { category: none, reason: "staff notes, reviewed", type: text }
          pending: {}
        """;

    [Test]
    public void Load_ValidFile_ReadsTableAndColumns()
    {
        using var dir = new TempFolder();
        var file = dir.Write("users.yml", Good);

        var set = new AnnotationLoader().Load(dir.Path);

        Assert.That(set.Errors, Is.Empty);
        var table = set.Annotations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Table, Is.EqualTo("users"));
            Assert.That(table.Activities, Is.EqualTo(new[] { "account-management" }));
            Assert.That(table.SharedWith, Is.EqualTo(new[] { "intercom" }));
            Assert.That(table.Columns.Select(c => (c.Name, c.Category)), Is.EqualTo(new (string, string?)[]
            {
                ("id", "none"), ("email", "contact.email"), ("last_sign_in_ip", "automatic.ip_address"), ("notes", "none"), ("pending", null),
            }));
            Assert.That(table.Columns[2].Retention, Is.EqualTo("13 months"));
            Assert.That(table.Columns[3].Reason, Is.EqualTo("staff notes, reviewed"));
            Assert.That(table.Columns[3].Type, Is.EqualTo("text"));
            Assert.That(table.Columns[1].Location, Is.EqualTo(new AnnotationLocation(file, 7, 3)));
        }
    }

    // Each malformed example: the text, the expected line and column, and a word of the message.
    [TestCase("bad-indent.yml", "table: t\ncolumns:\n  a: none\n   b: none\n", 4, "invalid YAML")]
    // YamlDotNet abandons these two without a YamlException (an internal error before trial 19): the error is at the '{' or '['.
    [TestCase("unclosed-flow-mapping.yml", "table: t\ncolumns:\n  a: none\n  b: { category: none\n  c: none\n", 4, "the '{' opened here is not closed")]
    [TestCase("unclosed-flow-sequence.yml", "table: t\nshared-with: [intercom\ncolumns:\n  a: none\n", 2, "the '[' opened here is not closed")]
    [TestCase("tab.yml", "table: t\ncolumns:\n\ta: none\n", 3, "tab character")]
    [TestCase("unknown-key.yml", "table: t\ncolums:\n  a: none\n", 2, "unknown key 'colums'")]
    [TestCase("unknown-column-key.yml", "table: t\ncolumns:\n  a: { category: none, retension: 1y }\n", 3, "unknown key 'retension'")]
    [TestCase("unknown-category.yml", "table: t\ncolumns:\n  a: { category: contact.emial }\n", 3, "unknown category 'contact.emial' (did you mean 'contact.email'?)")]
    [TestCase("unknown-category-short.yml", "table: t\ncolumns:\n  a: personal\n", 3, "unknown category 'personal'")]
    [TestCase("duplicate-column.yml", "table: t\ncolumns:\n  a: none\n  a: contact\n", 4, "duplicate key 'a'")]
    [TestCase("duplicate-key.yml", "table: t\ntable: u\n", 2, "duplicate key 'table'")]
    [TestCase("no-table.yml", "columns:\n  a: none\n", 1, "needs 'table:'")]
    [TestCase("table-default-twice.yml", "table: t\ncategory: contact\ndefault: { category: contact }\n", 3, "table-level default once")]
    public void Load_MalformedFile_ReportsFileLineColumnAndKeepsOtherFiles(string name, string text, int line, string message)
    {
        using var dir = new TempFolder();
        dir.Write("a-good.yml", Good);
        var bad = dir.Write(name, text);
        dir.Write("z-good.yaml", "table: orders\ncolumns:\n  id: none\n");

        var set = new AnnotationLoader().Load(dir.Path);

        Assert.That(set.Errors, Has.Count.EqualTo(1));
        var error = set.Errors[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.File, Is.EqualTo(bad));
            Assert.That(error.Line, Is.EqualTo(line));
            Assert.That(error.Column, Is.GreaterThan(0));
            Assert.That(error.Message, Does.StartWith($"{bad}:{line}:{error.Column}: "));
            Assert.That(error.Message, Does.Contain(message));
            Assert.That(set.Annotations.Select(a => a.Table), Is.SupersetOf(new[] { "users", "orders" }), "the good files still load");
        }
    }

    [Test]
    public void Load_SeveralErrors_CollectsAllAndKeepsValidColumns()
    {
        using var dir = new TempFolder();
        var file = dir.Write("t.yml", "table: t\nfoo: 1\ncolumns:\n  a: none\n  b: { category: nope }\n  c: contact.email\n---\ntable: u\ncolumns:\n  x: [1]\n");

        var set = new AnnotationLoader().Load(file);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Errors.Select(e => (e.Line, e.Column)), Is.EqualTo(new[] { (2, 1), (5, 18), (10, 6) }));
            Assert.That(set.Annotations.Select(a => a.Table), Is.EqualTo(new[] { "t", "u" }));
            Assert.That(set.Annotations[0].Columns.Select(c => c.Name), Is.EqualTo(new[] { "a", "c" }));
        }
    }

    [Test]
    public void Load_SeveralErrors_EachCarriesItsKindAndTheDroppedColumn()
    {
        using var dir = new TempFolder();
        var file = dir.Write("t.yml", "table: t\nfoo: 1\ncolumns:\n  a: nope\n  b:\n    category: telefone\n  c: [1]\ncategory: nada\n");

        var set = new AnnotationLoader().Load(file);

        Assert.That(set.Errors.Select(e => (e.Kind, e.ColumnName, e.Line)), Is.EqualTo(new (AnnotationErrorKind, string?, int)[]
        {
            (AnnotationErrorKind.UnknownKey, null, 2),
            (AnnotationErrorKind.UnknownCategory, "a", 4),
            (AnnotationErrorKind.UnknownCategory, "b", 6),       // block entry: the column key, not 'category'
            (AnnotationErrorKind.InvalidValue, "c", 7),          // its entry is dropped too (trial38 finding 3)
            (AnnotationErrorKind.UnknownCategory, null, 8),      // the table default: no column dropped
        }), "in reading order: line by line (trial35 finding 9)");
    }

    [Test]
    public void Load_SameTableInTwoFiles_ReportsTheSecond()
    {
        using var dir = new TempFolder();
        var first = dir.Write("a.yml", "table: t\ncolumns:\n  a: none\n");
        var second = dir.Write("sub/b.yml", "# again\ntable: t\ncolumns:\n  b: none\n");

        var set = new AnnotationLoader().Load(dir.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Errors.Single().File, Is.EqualTo(second));
            Assert.That(set.Errors.Single().Line, Is.EqualTo(2));
            // The first file is named relative to the working directory, never as an absolute path.
            Assert.That(set.Errors.Single().Reason, Does.Contain($"already annotated at {AnnotationMerger.DisplayPath(first, Directory.GetCurrentDirectory())}:1:8"));
            Assert.That(set.Errors.Single().Reason, Does.Not.Contain(" at /"));
            Assert.That(set.Annotations.Single().Columns.Single().Name, Is.EqualTo("a"));
        }
    }

    [Test]
    public void Load_MultiDocumentStreamAndHiddenFiles_ReadsDocumentsSkipsHidden()
    {
        using var dir = new TempFolder();
        dir.Write("schema.yml", "table: app.a\ncolumns:\n  x: none\n---\ntable: app.b\nsource: crm\ncolumns:\n  y: contact\n");
        dir.Write(".hidden.yml", "not: valid: yaml: [");
        dir.Write("notes.txt", "not yaml at all: [");

        var set = new AnnotationLoader().Load(dir.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Errors, Is.Empty);
            Assert.That(set.Annotations.Select(a => (a.Table, a.Source, a.TablesInFile)),
                Is.EqualTo(new (string, string?, int)[] { ("app.a", null, 2), ("app.b", "crm", 2) }));
        }
    }

    [Test]
    public void Load_C06TableDefault_IsReadButIsNoColumnTag()
    {
        var set = new AnnotationLoader().Load(Path.Combine(SharedPaths.Cases, "C06-ci-gate-tagged", "annotations.yml"));

        Assert.That(set.Errors, Is.Empty);
        var table = set.Annotations.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.DefaultCategory, Is.EqualTo("financial"));
            Assert.That(table.Columns.Select(c => (c.Name, c.Category)), Is.EqualTo(new (string, string?)[]
                { ("id", "none"), ("customer_name", "contact"), ("vat_number", "financial"), ("total", null) }));
        }
    }

    [Test]
    public void Load_MissingPath_Throws()
    {
        Assert.That(() => new AnnotationLoader().Load("/nonexistent/annotations"),
            Throws.TypeOf<ConfigurationException>().With.Message.Contains("not found"));
    }

    [Test]
    public void Load_CustomCategories_AcceptsOnlyThose()
    {
        var categories = KnownCategories.From(c => c is "pets" or "pets.name", ["pets", "pets.name"]);
        using var dir = new TempFolder();
        dir.Write("t.yml", "table: t\ncolumns:\n  a: pets.name\n  b: contact.email\n  c: none\n");

        var set = new AnnotationLoader(categories).Load(dir.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(set.Errors.Single().Line, Is.EqualTo(4));
            Assert.That(set.Annotations.Single().Columns.Select(c => c.Name), Is.EqualTo(new[] { "a", "c" }));
        }
    }
}
