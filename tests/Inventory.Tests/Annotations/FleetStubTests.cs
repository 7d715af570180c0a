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
    private static InventoryDocument Fleet(int language, int tenants, int fewer = 0, int retyped = 0, int extra = 0)
    {
        var (table, columns) = Schemas[language];
        return Some.Document(Enumerable.Range(1, tenants).Select(i => Some.Source($"locataire-{i:D2}",
            Some.Table(table, null, [.. columns.Take(i == fewer ? columns.Length - 1 : columns.Length).Concat(i == extra ? [columns[^1] + "_2"] : [])
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
    public void Plan_TenantsWhoseTableDiffers_StubsHoldOnlyWhatDiffersOverTheSharedOne(int language, int tenants)
    {
        // Given a fleet where tenant 7 has a column more, tenant 17 a column fewer, tenant 30 another type for a column
        using var dir = new TempFolder();
        var (table, columns) = Schemas[language];
        InventoryDocument Document() => Fleet(language, tenants, fewer: 17, retyped: 30, extra: 7);

        var plan = Annotate(Document(), dir.Path).ToDictionary(p => Path.GetFileName(p.Path));

        // Then the shared stub names its exceptions, and the tenants' stubs hold only what differs (trial33 finding 8);
        // tenant 17 needs none: the shared entry covers each of its columns
        var shared = File.ReadAllText(plan[$"{table}.yml"].Path);
        var extra = File.ReadAllText(plan[$"locataire-07.{table}.yml"].Path);
        var retyped = File.ReadAllText(plan[$"locataire-30.{table}.yml"].Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Keys, Is.EquivalentTo(new[] { "journal.yml", $"locataire-07.{table}.yml", $"locataire-30.{table}.yml", $"{table}.yml" }));
            Assert.That(shared, Does.Contain($"# One entry without `source:` for the {tenants} sources holding this table; all but locataire-07, locataire-17, locataire-30\n"));
            Assert.That(extra, Does.Contain("source: locataire-07\n"));
            Assert.That(plan[$"locataire-07.{table}.yml"].Columns, Is.EqualTo(new[] { columns[^1] + "_2" }));
            Assert.That(plan[$"locataire-30.{table}.yml"].Columns, Is.EqualTo(new[] { columns[1] }));
            Assert.That(retyped, Does.Contain("type: \"varchar(320)\""));
            Assert.That(retyped, Does.Contain("takes the rest from").Or.Contain("take the shared entry's categories"));
        }

        // When every stub is filled in (the retyped column differently in its tenant's stub) and merged again
        foreach (var file in plan.Values)
            File.WriteAllText(file.Path, File.ReadAllText(file.Path).Replace("category:\n",
                file.Path.EndsWith($"locataire-30.{table}.yml", StringComparison.Ordinal) ? "category: contact.email\n" : "category: none\n", StringComparison.Ordinal));
        var document = Document();
        Assert.That(Annotate(document, dir.Path), Is.Empty, "each tenant's table is covered by its stub layered over the shared one");

        // Then every column of the differing tenants is tagged: their own entries, and the shared entry's for the rest
        var byTenant = document.Sources.ToDictionary(s => s.Name, s => s.Tables.Single(t => t.Name == table));
        using (Assert.EnterMultipleScope())
        {
            foreach (var tenant in new[] { "locataire-07", "locataire-17", "locataire-30" })
                Assert.That(byTenant[tenant].Columns.Where(c => c.Status != ColumnStatus.Tagged).Select(c => c.Name), Is.Empty, tenant);
            Assert.That(byTenant["locataire-30"].Columns[1].DataCategory, Is.EqualTo("contact.email"), "the tenant's own entry wins");
            Assert.That(byTenant["locataire-30"].Columns[0].Annotation?.File, Does.EndWith($"{table}.yml").And.Not.Contain("locataire"));
            Assert.That(byTenant["locataire-01"].Columns[1].DataCategory, Is.EqualTo("none"));
            Assert.That(byTenant["locataire-07"].Columns[^1].Annotation?.File, Does.EndWith($"locataire-07.{table}.yml"));
        }
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
