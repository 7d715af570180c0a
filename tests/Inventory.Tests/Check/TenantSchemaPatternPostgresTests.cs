using Inventory.Annotations;
using Inventory.Tests.Annotations;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Reports.Check;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>Trial 32 on a real PostgreSQL server: a schema-per-tenant database (the same tables in every tenant schema,
/// mixed-case ones too, beside a shared <c>public</c> schema) is covered by one annotation whose <c>table:</c> is a
/// schema glob; the gate then passes for the tenant tables and still fails the shared table it does not match.</summary>
[TestFixture]
[Category("Integration")]
public sealed class TenantSchemaPatternPostgresTests
{
    private sealed class UndecidedClassifier : IColumnClassifier
    {
        public ColumnClassification Classify(ColumnEvidence column) => ColumnClassification.Undecided();
    }

    private static readonly string[] Tenants = ["tenant_acme", "tenant_globex", "tenant_Initech", "tenant_müller"];

    [Test]
    public async Task Check_SchemaPerTenantDatabase_OneGlobAnnotationTagsEveryTenantSchema()
    {
        var setup = string.Concat(Tenants.Select(t =>
            $"CREATE SCHEMA \"{t}\"; CREATE TABLE \"{t}\".clients (courriel text, nom text); " +
            $"INSERT INTO \"{t}\".clients SELECT 'c' || g || '@exemple.fr', 'n' || g FROM generate_series(1, 5) g;\n"))
            + "CREATE TABLE public.clients (courriel text, nom text); CREATE TABLE public.forfaits (libelle text);";
        await using var db = await TestPostgres.CreateAsync("tenants", setup);
        var document = await new ScanRunner(new UndecidedClassifier()).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "default", Provider = "postgres", Connection = db.ConnectionString }],
        });
        using var dir = new TempFolder();
        dir.Write("clients.yml", "table: \"tenant_*.clients\"\ncolumns:\n  courriel: contact.email\n  nom: contact.name\n---\ntable: forfaits\ncolumns:\n  libelle: none\n");
        var set = new AnnotationLoader().Load(dir.Path);
        Assert.That(set.Errors, Is.Empty);

        var merge = new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);
        var result = CheckGate.Evaluate(document, new CheckOptions { PathBase = dir.Path, Stale = merge.Stale });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(merge.Stale, Is.Empty);
            Assert.That(merge.Tagged, Is.EqualTo(Tenants.Length * 2 + 1));
            Assert.That(result.Failures.Select(f => f.Key), Is.EqualTo(new[] { "clients.courriel", "clients.nom" }),
                "the shared schema's table is not a tenant's: the glob leaves it untagged");
        }
    }
}
