using System.Globalization;
using Inventory.Annotations;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Tests.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>Trial45: 30 tenant databases on one MariaDB server, scanned as one source, gave one <c>annotate</c> stub per
/// tenant per table (153 files; as 30 sources, 42). A table held by several schemas of one source with the same columns
/// now gets one stub whose <c>table:</c> is a schema glob (<see cref="TenantSchemaGlob"/>). Generated schema-per-tenant
/// sources in four languages, five tenant-naming styles and three fleet sizes; tenants a migration missed; tables that
/// only share the name; the gate's advice.</summary>
[TestFixture]
public sealed class TenantSchemaGlobStubTests
{
    private static readonly (string Table, string[] Columns)[] Schemas =
    [
        ("utilisateurs", ["id", "courriel", "nom", "telephone", "cree_le"]),
        ("benutzer", ["id", "e_mail_adresse", "nachname", "telefonnummer", "erstellt_am"]),
        ("usuarios", ["id", "correo_electronico", "apellido", "telefono", "creado_en"]),
        ("users", ["id", "email", "last_name", "phone", "created_at"]),
    ];

    private static readonly string[] Words =
    [
        "acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell", "cyberdyne", "soylent", "massive",
        "aperture", "monarch", "oscorp", "pied", "vandelay", "gringotts", "nakatomi", "duff", "zorg", "virtucon", "ingen", "bluth",
        "dunder", "kramerica", "prestige", "sterling", "wernham", "paper",
    ];

    /// <summary>Tenant schema naming styles and the glob each gives.</summary>
    private static readonly (string Style, Func<int, string> Schema, string Glob)[] Styles =
    [
        ("numbered", i => $"tenant_{i:D2}", "tenant_*"),
        ("suffixed", i => $"{Words[i - 1]}_eu", "*_eu"),
        ("digits", i => $"shop{i}", "shop*"),
        ("dashed", i => $"client-{Words[i - 1]}", "client-*"),
        ("named", i => Words[i - 1], "*"),
    ];

    private static TableEntry TenantTable(string schema, string name, IEnumerable<string> columns, string? retype = null)
    {
        var table = Some.Table(name, null, [.. columns.Select(c => Some.Column(c, null, declaredType: c == retype ? "varchar(320)" : null))]);
        table.Schema = schema;
        table.QualifiedName = $"{schema}.{name}";
        return table;
    }

    /// <summary>One source holding the language's account table and a <c>journal</c> table in each tenant schema.</summary>
    private static SourceEntry Tenants(string source, int language, Func<int, string> schema, int tenants, int fewer = 0, int extra = 0, int retyped = 0)
    {
        var (table, columns) = Schemas[language];
        return Some.Source(source, [.. Enumerable.Range(1, tenants).SelectMany(i => new[]
        {
            TenantTable(schema(i), table, columns.Take(i == fewer ? columns.Length - 1 : columns.Length).Concat(i == extra ? ["note_interne"] : []),
                i == retyped ? columns[1] : null),
            TenantTable(schema(i), "journal", ["id", "message"]),
        })]);
    }

    /// <summary>Runs annotate's steps: load, merge, plan, write. Returns the plan and the merge's stale entries.</summary>
    private static (IReadOnlyList<StubFile> Plan, IReadOnlyList<StaleAnnotation> Stale) Annotate(InventoryDocument document, string dir)
    {
        var set = Directory.EnumerateFileSystemEntries(dir).Any() ? new AnnotationLoader().Load(dir) : AnnotationSet.Empty;
        Assert.That(set.Errors, Is.Empty);
        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = dir, ReportMissingTables = false }).Apply(document, set);
        var plan = AnnotationStubs.Plan(document, set, dir);
        foreach (var file in plan) AtomicFile.WriteAllText(file.Path, file.Content);
        return (plan, merge.Stale);
    }

    /// <summary>Fills every empty <c>category:</c> of the folder's stubs with <c>none</c>, as the engineer would.</summary>
    private static void FillIn(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*.yml"))
            File.WriteAllText(file, File.ReadAllText(file).Replace("category:\n", "category: none\n", StringComparison.Ordinal));
    }

    private static IEnumerable<TestCaseData> Fleets() =>
        from language in Enumerable.Range(0, Schemas.Length)
        from style in Enumerable.Range(0, Styles.Length)
        from tenants in new[] { 3, 12, 29 }
        select new TestCaseData(language, style, tenants)
            .SetArgDisplayNames(Schemas[language].Table, Styles[style].Style, tenants.ToString(CultureInfo.InvariantCulture));

    [TestCaseSource(nameof(Fleets))]
    public void Plan_SchemaPerTenantSource_OneGlobStubPerTableThatCoversEveryTenantAndTheNextOne(int language, int style, int tenants)
    {
        using var dir = new TempFolder();
        var (table, columns) = Schemas[language];
        var (_, schema, schemaGlob) = Styles[style];

        var (plan, _) = Annotate(Some.Document(Tenants("app", language, schema, tenants)), dir.Path);

        var stub = plan.Single(p => p.Table == $"{schemaGlob}.{table}");
        var text = File.ReadAllText(stub.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.Select(p => p.Table), Is.EquivalentTo(new[] { $"{schemaGlob}.{table}", $"{schemaGlob}.journal" }), "one stub per table name, not per tenant");
            Assert.That(stub.Columns, Is.EqualTo(columns));
            Assert.That(text, Does.Contain($"\ntable: \"{schemaGlob}.{table}\"\ncolumns:\n"));
            Assert.That(text, Does.Not.Contain("\nsource:"), "one source: the stub names none");
            Assert.That(text, Does.Contain($"# One entry for table {table} in the {tenants} schemas ({schema(1)}"));
        }

        // Once filled in, every tenant's columns are tagged from the one file, nothing is stale, and a tenant added since
        // (the next schema of the same style) is covered without a new stub.
        FillIn(dir.Path);
        var grown = Some.Document(Tenants("app", language, schema, tenants + 1));
        var (again, stale) = Annotate(grown, dir.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.Empty);
            Assert.That(stale, Is.Empty);
            Assert.That(grown.Sources[0].Tables.SelectMany(t => t.Columns).Count(c => c.Status != ColumnStatus.Tagged), Is.Zero);
            Assert.That(grown.Sources[0].Tables.Select(t => t.AnnotationFile).Distinct().Count(), Is.EqualTo(2));
        }
    }

    [TestCase(0, 12)]
    [TestCase(1, 29)]
    [TestCase(2, 7)]
    [TestCase(3, 18)]
    public void Plan_TenantsAMigrationMissed_GlobStubPlusOnlyWhatDiffers(int language, int tenants)
    {
        // Given tenant 2 without the last column, tenant 5 with a column more and tenant 6 with another type for a column
        using var dir = new TempFolder();
        var (table, columns) = Schemas[language];
        var document = Some.Document(Tenants("app", language, i => $"tenant_{i:D2}", tenants, fewer: 2, extra: 5, retyped: 6));

        var (plan, _) = Annotate(document, dir.Path);

        var own = plan.Where(p => !p.Table.Contains('*')).ToDictionary(p => p.Table, p => p.Columns);
        var glob = plan.Single(p => p.Table == $"tenant_*.{table}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(glob.Columns, Is.EqualTo(columns));
            Assert.That(own.Keys, Is.EquivalentTo(new[] { $"tenant_05.{table}", $"tenant_06.{table}" }), "tenant 2 lacks a column: nothing of its own");
            Assert.That(own[$"tenant_05.{table}"], Is.EqualTo(new[] { "note_interne" }));
            Assert.That(own[$"tenant_06.{table}"], Is.EqualTo(new[] { columns[1] }));
            Assert.That(File.ReadAllText(glob.Path), Does.Contain($"# It also matches tenant_02.{table}, tenant_05.{table}, tenant_06.{table}, whose columns differ"));
            Assert.That(File.ReadAllText(plan.Single(p => p.Table == $"tenant_05.{table}").Path),
                Does.Contain($"# Only what tenant_05.{table} has that the entry of tenant_*.{table} in {Path.GetFileName(glob.Path)} does not"));
        }

        FillIn(dir.Path);
        var (again, stale) = Annotate(Some.Document(Tenants("app", language, i => $"tenant_{i:D2}", tenants, fewer: 2, extra: 5, retyped: 6)), dir.Path);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.Empty);
            Assert.That(stale.Select(s => s.Message), Is.EqualTo(new[]
            {
                $"column '{columns[^1]}' is not in 1 of the {tenants} tables matching 'tenant_*.{table}': tenant_02.{table} (a migration not applied there?); the entry applies to the others",
            }));
        }
    }

    [TestCase(0)]
    [TestCase(3)]
    public void Plan_TwoTenantsOnly_OneStubEach(int language)
    {
        using var dir = new TempFolder();
        var table = Schemas[language].Table;

        var (plan, _) = Annotate(Some.Document(Tenants("app", language, i => $"tenant_{i:D2}", 2)), dir.Path);

        Assert.That(plan.Select(p => p.Table), Is.EquivalentTo(new[] { $"tenant_01.{table}", $"tenant_02.{table}", "tenant_01.journal", "tenant_02.journal" }));
    }

    [TestCase(0)]
    [TestCase(2)]
    public void Plan_GlobWouldCoverAnAnnotatedTenant_OneStubEachForTheOthers(int language)
    {
        using var dir = new TempFolder();
        var (table, columns) = Schemas[language];
        dir.Write("own.yml", $"table: tenant_03.{table}\ncolumns:\n" + string.Concat(columns.Select(c => $"  {c}: none\n")));

        var (plan, _) = Annotate(Some.Document(Tenants("app", language, i => $"tenant_{i:D2}", 6)), dir.Path);

        Assert.That(plan.Where(p => p.Table.EndsWith("." + table, StringComparison.Ordinal)).Select(p => p.Table),
            Is.EquivalentTo(new[] { 1, 2, 4, 5, 6 }.Select(i => $"tenant_{i:D2}.{table}")), "the glob would have layered its entries under tenant_03's");
    }

    [TestCase(0, "named")]
    [TestCase(1, "named")]
    [TestCase(2, "numbered")]
    [TestCase(3, "numbered")]
    public void Plan_ApplicationTableWithTheTenantsTableName_NeverTakesTheGlobsEntries(int language, string style)
    {
        // Given the application's own public.<table> (other columns) beside the tenants' copies
        using var dir = new TempFolder();
        var (table, _) = Schemas[language];
        var (_, schema, schemaGlob) = Styles.Single(s => s.Style == style);
        var source = Tenants("app", language, schema, 8);
        source.Tables.Add(TenantTable("public", table, ["id", "login", "password_hash", "role"]));

        var (plan, _) = Annotate(Some.Document(source), dir.Path);

        var tables = plan.Where(p => p.Table.EndsWith("." + table, StringComparison.Ordinal)).Select(p => p.Table).ToList();
        if (schemaGlob == "*")
            Assert.That(tables, Has.Count.EqualTo(9).And.Contains($"public.{table}"), "'*' would cover the application's table: one stub each");
        else
            Assert.That(tables, Is.EquivalentTo(new[] { $"{schemaGlob}.{table}", $"public.{table}" }));
    }

    [Test]
    public void Plan_TwoSchemaPerTenantSources_AGlobStubEachNamingItsSource()
    {
        using var dir = new TempFolder();
        var document = Some.Document(Tenants("eu", 0, i => $"tenant_{i:D2}", 5), Tenants("us", 0, i => $"tenant_{i:D2}", 4));

        var (plan, _) = Annotate(document, dir.Path);

        var stubs = plan.Where(p => p.Table == "tenant_*.utilisateurs").Select(p => File.ReadAllText(p.Path)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan, Has.Count.EqualTo(4));
            Assert.That(stubs.Select(s => s.Contains("\nsource: eu\n", StringComparison.Ordinal) ? "eu" : s.Contains("\nsource: us\n", StringComparison.Ordinal) ? "us" : "-"),
                Is.EquivalentTo(new[] { "eu", "us" }));
        }
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Check_UnannotatedTenants_AdviceNamesTheGlobFileAnnotateWrites(int language)
    {
        // Given 9 unannotated tenant schemas, tenant 4's table having a column more
        using var dir = new TempFolder();
        var table = Schemas[language].Table;
        var document = Some.Document(Tenants("app", language, i => $"tenant_{i:D2}", 9, extra: 4));
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path, ReportMissingTables = false }).Apply(document, AnnotationSet.Empty);
        var planned = AnnotationStubs.Plan(document, AnnotationSet.Empty, Path.Combine(dir.Path, "annotations"))
            .ToDictionary(p => p.Table, p => "annotations/" + Path.GetFileName(p.Path));

        var result = CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path, AnnotationsDirectory = "annotations" });

        var files = result.Findings.Where(f => f.Kind == FindingKind.Untagged).Select(f => (f.Column, f.Location.File)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Has.Count.EqualTo(9 * (Schemas[language].Columns.Length + 2) + 1));
            Assert.That(files.Where(f => f.Column != "note_interne" && f.Column is not ("message" or "id")).Select(f => f.File),
                Has.All.EqualTo(planned[$"tenant_*.{table}"]));
            Assert.That(files.Single(f => f.Column == "note_interne").File, Is.EqualTo(planned[$"tenant_04.{table}"]));
            Assert.That(files.Select(f => f.File).Distinct(), Is.SubsetOf(planned.Values));
        }
    }
}
