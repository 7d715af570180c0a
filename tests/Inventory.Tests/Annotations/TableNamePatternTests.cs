using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Tests.Support;
using NUnit.Framework;
using static Inventory.Tests.Annotations.CaseInventories;

namespace Inventory.Tests.Annotations;

/// <summary>Trial 32: a schema-per-tenant application holds the same tables in every tenant schema, and an annotation
/// could only name one of them (`table: "*.clients"` was reported stale and tagged nothing), so a user had to copy each
/// file once per tenant. A <c>table:</c> glob now covers every matching table.</summary>
[TestFixture]
public sealed class TableNamePatternTests
{
    private static TableEntry Tenant(string schema, string name, params string[] columns)
    {
        var table = Table(name, 10, columns.Select((c, i) => Column(c, i + 1, "text", TypeFamily.Text,
            Decided("contact.email", 0.9, Detector("detector.email", "contact.email", 10, 10)), 10, 10)).ToArray());
        table.Schema = schema;
        table.QualifiedName = schema == "public" ? name : $"{schema}.{name}";
        return table;
    }

    /// <summary>Tenant schema names as applications make them: prefixes, numbers, capitals, accents, in the four languages.</summary>
    private static IReadOnlyList<string> TenantSchemas()
    {
        var random = new Random(32);
        string[] prefixes = ["tenant_", "client_", "mandant_", "Mandant_", "inquilino_", "locataire_", "kunde_", "cliente_"];
        string[] names = ["acme", "globex", "müller", "señor", "lefèvre", "Nord", "sud_ouest", "42", "initech", "äpfel"];
        return Enumerable.Range(0, 40).Select(i => prefixes[random.Next(prefixes.Length)] + names[random.Next(names.Length)] + "_" + i).ToArray();
    }

    private static (InventoryDocument Document, MergeResult Result) Merge(InventoryDocument document, TempFolder dir)
    {
        var set = new AnnotationLoader().Load(dir.Path);
        Assert.That(set.Errors, Is.Empty);
        return (document, new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set));
    }

    private static ColumnEntry Col(InventoryDocument d, string table, string column) =>
        d.AllColumns().Single(x => x.Table.QualifiedName == table && x.Column.Name == column).Column;

    [Test]
    public void Apply_SchemaGlob_TagsTheTableInEveryMatchingSchemaAndNoOther()
    {
        using var dir = new TempFolder();
        dir.Write("clients.yml", "table: \"*.clients\"\nactivity: account-management\ncolumns:\n  courriel: contact.email\n");
        var schemas = TenantSchemas();
        var document = Document([.. schemas.Select(s => Tenant(s, "clients", "courriel", "notes")),
            .. schemas.Select(s => Tenant(s, "clients_archive", "courriel"))]);

        var (_, result) = Merge(document, dir);

        using (Assert.EnterMultipleScope())
        {
            foreach (var schema in schemas)
            {
                var column = Col(document, $"{schema}.clients", "courriel");
                Assert.That((column.DataCategory, column.Status, column.Origin), Is.EqualTo(("contact.email", ColumnStatus.Tagged, (Origin?)Origin.Annotation)), schema);
                Assert.That(document.AllTables().Single(t => t.Table.QualifiedName == $"{schema}.clients").Table.Activity, Is.EqualTo("account-management"));
                Assert.That(Col(document, $"{schema}.clients_archive", "courriel").Status, Is.EqualTo(ColumnStatus.Suggested), "a glob on the schema only matches the named table");
                Assert.That(Col(document, $"{schema}.clients", "notes").Status, Is.EqualTo(ColumnStatus.Suggested), "a column without an entry stays untagged");
            }
            Assert.That(result.Stale, Is.Empty);
            Assert.That(result.Tagged, Is.EqualTo(schemas.Count));
        }
    }

    [Test]
    public void Apply_SeveralDocumentsCoverATable_TheMostSpecificWinsWhateverTheFileOrder()
    {
        using var dir = new TempFolder();
        // File name order puts the widest pattern first and the exact name last.
        dir.Write("a.yml", "table: \"*.clients\"\ncolumns:\n  courriel: contact\n");
        dir.Write("b.yml", "table: \"tenant_*.clients\"\ncolumns:\n  courriel: contact.email\n");
        dir.Write("c.yml", "table: tenant_b.clients\ncolumns:\n  courriel: none\n  reason: { category: none, reason: test }\n");
        var document = Document(Tenant("public", "clients", "courriel"), Tenant("tenant_a", "clients", "courriel"),
            Tenant("tenant_b", "clients", "courriel"), Tenant("other", "clients", "courriel"));

        var (_, result) = Merge(document, dir);

        Assert.That(new[] { "clients", "tenant_a.clients", "tenant_b.clients", "other.clients" }.Select(t => Col(document, t, "courriel").DataCategory),
            Is.EqualTo(new[] { "contact", "contact.email", "none", "contact" }));
        Assert.That(result.Stale.Select(s => (s.Table, s.Column)), Is.EqualTo(new[] { ("tenant_b.clients", (string?)"reason") }));
    }

    [Test]
    public void Apply_PatternColumnMissingFromSomeTenants_NamesThoseTenantsAndTagsTheOthers()
    {
        using var dir = new TempFolder();
        dir.Write("clients.yml", "table: \"tenant_*.clients\"\ncolumns:\n  courriel: contact.email\n  telephone: contact.phone\n  fax: contact.phone\n");
        var document = Document(Tenant("tenant_a", "clients", "courriel", "telephone"), Tenant("tenant_b", "clients", "courriel"),
            Tenant("tenant_c", "clients", "courriel", "telephone"));

        var (_, result) = Merge(document, dir);

        Assert.That(result.Stale.Select(s => (s.Kind, s.Column, s.Location.Line)), Is.EqualTo(new[]
            { (StaleKind.ColumnMissing, (string?)"telephone", 4), (StaleKind.ColumnMissing, (string?)"fax", 5) }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Stale[0].Message, Does.Contain("is not in 1 of the 3 tables matching 'tenant_*.clients': tenant_b.clients"));
            Assert.That(result.Stale[1].Message, Does.Contain("is not in any of the 3 tables matching 'tenant_*.clients'"));
            Assert.That(Col(document, "tenant_c.clients", "telephone").Status, Is.EqualTo(ColumnStatus.Tagged));
        }
    }

    [Test]
    public void Apply_PatternMatchingNoTable_IsStaleAndSaysItIsAPattern()
    {
        using var dir = new TempFolder();
        dir.Write("clients.yml", "table: \"tenant_*.client\"\ncolumns:\n  courriel: contact.email\n");
        var document = Document(Tenant("tenant_a", "clients", "courriel"));

        var (_, result) = Merge(document, dir);

        Assert.That(result.Stale.Select(s => (s.Kind, s.Table)), Is.EqualTo(new[] { (StaleKind.TableMissing, "tenant_*.client") }));
        Assert.That(result.Stale[0].Message, Does.Contain("no table of the inventory matches the pattern 'tenant_*.client'"));
    }

    [Test]
    public void Load_PatternThatDoesNotParse_IsAnErrorAtTheTableValue()
    {
        using var dir = new TempFolder();
        dir.Write("clients.yml", "table: '\"my.app\".clients.*'\ncolumns:\n  courriel: contact.email\n");

        var set = new AnnotationLoader().Load(dir.Path);

        Assert.That(set.Annotations, Is.Empty);
        Assert.That(set.Errors.Select(e => (e.Kind, e.Line, e.Column)), Is.EqualTo(new[] { (AnnotationErrorKind.InvalidValue, 1, 8) }));
        Assert.That(set.Errors[0].Message, Does.Contain("has 3 parts; use schema.table"));
    }

    [Test]
    public void Plan_TablesCoveredByAPattern_GetNoStubFileOfTheirOwn()
    {
        using var dir = new TempFolder();
        dir.Write("clients.yml", "table: \"*.clients\"\ncolumns:\n  courriel: contact.email\n");
        var document = Document(Tenant("tenant_a", "clients", "courriel", "notes"), Tenant("tenant_b", "clients", "courriel", "notes"));
        var set = new AnnotationLoader().Load(dir.Path);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path, ReportMissingTables = false }).Apply(document, set);

        var plan = AnnotationStubs.Plan(document, set, dir.Path);

        Assert.That(plan.Select(p => (Path.GetFileName(p.Path), p.Action)).Distinct(), Is.EqualTo(new[] { ("clients.yml", StubAction.Append) }),
            "the missing column is appended to the pattern's file, not written as one new file per tenant");
        Assert.That(plan[0].Content, Does.Contain("  notes:\n    category:"));
    }
}
