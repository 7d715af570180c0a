using Inventory.Annotations;
using Inventory.Model;
using Inventory.Tests.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Trial32 findings 5 and 12: <c>annotate</c> over a fleet of tenant sources of one schema wrote one stub per
/// source per table (110 files for 2 tables on 55 sources), and an annotation applying to many tenants (source-less, or a
/// schema glob) printed its append once per tenant. Generated fleets in fr/de/es/en, with tenants whose table differs
/// (a column fewer, another declared type).</summary>
[TestFixture]
public sealed class FleetStubTests
{
    private static readonly (string Table, string[] Columns)[] Schemas =
    [
        ("utilisateurs", ["id", "courriel", "nom", "telephone"]),
        ("benutzer", ["id", "e_mail_adresse", "nachname", "telefonnummer"]),
        ("usuarios", ["id", "correo_electronico", "apellido", "telefono"]),
        ("users", ["id", "email", "last_name", "phone"]),
    ];

    /// <summary>Runs annotate's steps: load, merge, plan, write. Returns the plan.</summary>
    private static IReadOnlyList<StubFile> Annotate(InventoryDocument document, string dir)
    {
        var set = Directory.EnumerateFileSystemEntries(dir).Any() ? new AnnotationLoader().Load(dir) : AnnotationSet.Empty;
        Assert.That(set.Errors, Is.Empty);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir, ReportMissingTables = false }).Apply(document, set);
        var plan = AnnotationStubs.Plan(document, set, dir);
        foreach (var file in plan) AtomicFile.WriteAllText(file.Path, file.Content);
        return plan;
    }

    /// <summary>A fleet of sources <c>locataire-NN</c>, each with the language's account table and a <c>journal</c>
    /// table; tenant <paramref name="fewer"/> lacks the last column, tenant <paramref name="retyped"/> declares its
    /// second column as <c>varchar(320)</c>.</summary>
    private static InventoryDocument Fleet(int language, int tenants, int fewer = 0, int retyped = 0)
    {
        var (table, columns) = Schemas[language];
        return Some.Document(Enumerable.Range(1, tenants).Select(i => Some.Source($"locataire-{i:D2}",
            Some.Table(table, null, [.. columns.Take(i == fewer ? columns.Length - 1 : columns.Length)
                .Select((c, k) => Some.Column(c, null, declaredType: k == 1 && i == retyped ? "varchar(320)" : null))]),
            Some.Table("journal", null, Some.Column("id", null), Some.Column("message", null)))).ToArray());
    }

    private static IEnumerable<TestCaseData> Fleets() =>
        from language in Enumerable.Range(0, Schemas.Length)
        from tenants in new[] { 2, 55 }
        select new TestCaseData(language, tenants).SetArgDisplayNames(Schemas[language].Table, tenants.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [TestCaseSource(nameof(Fleets))]
    public void Plan_FleetOfOneSchema_OneSourceLessStubPerTable(int language, int tenants)
    {
        using var dir = new TempFolder();
        var table = Schemas[language].Table;

        var plan = Annotate(Fleet(language, tenants), dir.Path);

        var stub = plan.Single(p => p.Table == table);
        var text = File.ReadAllText(stub.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Select(p => Path.GetFileName(p.Path)), Is.EquivalentTo(new[] { "journal.yml", $"{table}.yml" }));
            Assert.That(text, Does.Not.Contain("\nsource:"));
            Assert.That(text, Does.Contain($"# One entry for the {tenants} sources holding this table with these columns"));
            Assert.That(text, Does.Contain($"table: {table}\ncolumns:\n"));
        }
        Assert.That(Annotate(Fleet(language, tenants), dir.Path), Is.Empty, "a second run finds every tenant's columns covered");
    }

    private static IEnumerable<TestCaseData> FleetsWithExceptions() =>
        from language in Enumerable.Range(0, Schemas.Length)
        from tenants in new[] { 31, 55 }
        select new TestCaseData(language, tenants).SetArgDisplayNames(Schemas[language].Table, tenants.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [TestCaseSource(nameof(FleetsWithExceptions))]
    public void Plan_TenantsWhoseTableDiffers_GetTheirOwnStubs(int language, int tenants)
    {
        using var dir = new TempFolder();
        var table = Schemas[language].Table;

        var plan = Annotate(Fleet(language, tenants, fewer: 17, retyped: 30), dir.Path).ToDictionary(p => Path.GetFileName(p.Path));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Keys, Is.EquivalentTo(new[]
                { "journal.yml", $"locataire-17.{table}.yml", $"locataire-30.{table}.yml", $"{table}.yml" }));
            Assert.That(File.ReadAllText(plan[$"locataire-17.{table}.yml"].Path), Does.Contain("source: locataire-17\n"));
            Assert.That(File.ReadAllText(plan[$"{table}.yml"].Path), Does.Contain($"# One entry for the {tenants - 2} sources holding this table with these columns"));
            Assert.That(File.ReadAllText(plan[$"locataire-30.{table}.yml"].Path), Does.Contain("type: \"varchar(320)\""));
        }
        Assert.That(Annotate(Fleet(language, tenants, fewer: 17, retyped: 30), dir.Path), Is.Empty,
            "each tenant's table is covered: the source-specific stubs win for the two that differ");
    }

    [Test]
    public void Plan_OneSourceLessAnnotationOverTheFleet_AppendsOnceWithEveryTenantsMissingColumns()
    {
        // Given a source-less annotation of users over 55 tenants; tenants add columns the annotation lacks, not all the same
        using var dir = new TempFolder();
        dir.Write("users.yml", "table: users\ncolumns:\n  id: none\n  email: contact.email\n");
        var document = Some.Document(Enumerable.Range(1, 55).Select(i => Some.Source($"locataire-{i:D2}",
            Some.Table("users", null, [Some.Column("id", null), Some.Column("email", null), Some.Column("telephone", null),
                .. i % 5 == 0 ? new[] { Some.Column("fax", null) } : []]))).ToArray());

        var plan = Annotate(document, dir.Path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Select(p => (Path.GetFileName(p.Path), p.Action, p.Table)), Is.EqualTo(new[] { ("users.yml", StubAction.Append, "users") }),
                "one plan line, not one per tenant");
            Assert.That(plan[0].Columns, Is.EqualTo(new[] { "telephone", "fax" }), "every tenant's missing column, once");
        }
        Assert.That(Annotate(document, dir.Path), Is.Empty);
    }

    [Test]
    public void Plan_SchemaGlobOverTenantSchemas_AppendsOnce()
    {
        using var dir = new TempFolder();
        dir.Write("clients.yml", "table: \"tenant_*.clients\"\ncolumns:\n  courriel: contact.email\n");
        var tables = new[] { "tenant_acme", "tenant_globex", "tenant_initech", "tenant_müller" }.Select(s =>
        {
            var t = Some.Table("clients", null, Some.Column("courriel", null), Some.Column("nom", null));
            t.Schema = s;
            t.QualifiedName = $"{s}.clients";
            return t;
        }).ToArray();

        var plan = Annotate(Some.Document(Some.Source("app", tables)), dir.Path);

        Assert.That(plan.Select(p => (Path.GetFileName(p.Path), p.Action, p.Table)), Is.EqualTo(new[] { ("clients.yml", StubAction.Append, "tenant_*.clients") }));
        Assert.That(File.ReadAllText(plan[0].Path), Does.EndWith("  nom:\n    category:\n    type: text\n"));
    }

    [Test]
    public void Plan_SameTableNameInTwoUnrelatedSourcesWithOtherColumns_OneStubEachWithItsSource()
    {
        using var dir = new TempFolder();
        var document = Some.Document(
            Some.Source("shop", Some.Table("users", null, Some.Column("id", null), Some.Column("email", null))),
            Some.Source("crm", Some.Table("users", null, Some.Column("id", null), Some.Column("phone", null))));

        var plan = Annotate(document, dir.Path);

        Assert.That(plan.Select(p => Path.GetFileName(p.Path)), Is.EqualTo(new[] { "crm.users.yml", "shop.users.yml" }));
    }
}
