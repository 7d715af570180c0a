using System.Text;
using Inventory.Annotations;
using Inventory.Config;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules;
using Inventory.Rules.Policy;
using Inventory.Scanning;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>Trial32 finding 3 end to end: a generated fleet of 55 SQLite tenant databases, and a PostgreSQL database
/// with one schema per tenant, scanned with the rules, annotated by one source-less (or schema-glob) annotation, then
/// reported: each table.column is one line with its tenants, the tenant that differs is named, and the column sheet
/// and the inventory keep every tenant's columns.</summary>
[TestFixture]
public sealed class FleetReportLiveTests
{
    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void TearDown() => _files.DeleteAll();

    private const string Annotation = """
        table: utilisateurs
        activity: account-management
        columns:
          id: none
          courriel: contact.email
          nom: contact.name
          telephone: contact.phone
        ---
        table: factures
        activity: billing-and-payment
        columns:
          id: none
          utilisateur_id: none
          montant: financial.billing
          iban: financial.bank_account
        """;

    private static async Task<string> MarkdownOf(ReportModel model) =>
        Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(new MarkdownReportWriter(), model));

    [Test]
    public async Task Report_FiftyFiveSqliteTenants_OneLinePerTableColumnAndTheDifferentTenantNamed()
    {
        // Given 55 tenant databases of one schema; tenant 17 has no telephone column
        var sources = new List<SourceConfig>();
        for (int i = 1; i <= 55; i++)
        {
            var path = _files.NewPath("inv_fleet");
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"""
                    CREATE TABLE utilisateurs (id INTEGER PRIMARY KEY, courriel TEXT, nom TEXT{(i == 17 ? "" : ", telephone TEXT")});
                    CREATE TABLE factures (id INTEGER PRIMARY KEY, utilisateur_id INTEGER REFERENCES utilisateurs(id) ON DELETE CASCADE, montant NUMERIC, iban TEXT);
                    INSERT INTO utilisateurs (id, courriel, nom) VALUES (1, 'a{i}@exemple.fr', 'Nom {i}');
                    """;
                await command.ExecuteNonQueryAsync();
            }
            sources.Add(new SourceConfig { Name = $"locataire-{i:D2}", Connection = "sqlite:" + path });
        }
        var document = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = sources, SourceParallelism = 4 });
        using var dir = new TempFolder();
        dir.Write("fleet.yml", Annotation);
        var set = new AnnotationLoader().Load(dir.Path);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);

        // When the record is written
        var markdown = await MarkdownOf(ReportModel.Build(document, PolicyDocument.Seed));

        // Then each table.column is said once, with the tenant without a telephone column named
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.AllTables().Count(), Is.EqualTo(110), "the inventory keeps every tenant's tables");
            Assert.That(markdown, Does.Contain("`utilisateurs.courriel` in 55 sources (locataire-01 … locataire-55)"));
            Assert.That(markdown, Does.Contain("`utilisateurs.telephone` in 54 of the 55 sources holding utilisateurs (locataire-01 … locataire-55); not here: locataire-17: no column telephone"));
            Assert.That(markdown, Does.Contain("`factures.iban` in 55 sources (locataire-01 … locataire-55): "), "the gateway claim's finding once");
            Assert.That(markdown, Does.Not.Contain("`locataire-23/utilisateurs."), "no tenant's own column in the record");
            Assert.That(markdown, Does.Contain("| `locataire-23/utilisateurs` |"), "coverage stays per source and table");
            Assert.That(markdown.Split('\n').Count(l => l.Contains("locataire-23", StringComparison.Ordinal)), Is.EqualTo(3),
                "a tenant is named only in the coverage (its source and its two tables)");
        }
    }

    [Test]
    [Category("Integration")]
    public async Task Report_PostgresSchemaPerTenant_OneLinePerTableColumnNamingTheSchemas()
    {
        // Given a database with 4 tenant schemas (one mixed-case) holding the same tables; tenant_globex has no telephone
        string[] tenants = ["Mandant_Nord", "tenant_acme", "tenant_globex", "tenant_initech"];
        var setup = string.Concat(tenants.Select(t =>
            $"CREATE SCHEMA \"{t}\"; CREATE TABLE \"{t}\".utilisateurs (id int PRIMARY KEY, courriel text, nom text{(t == "tenant_globex" ? "" : ", telephone text")}); " +
            $"CREATE TABLE \"{t}\".factures (id int PRIMARY KEY, utilisateur_id int REFERENCES \"{t}\".utilisateurs(id) ON DELETE CASCADE, montant numeric, iban text);\n"));
        await using var db = await TestPostgres.CreateAsync("fleetrep", setup);
        var document = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "app", Provider = "postgres", Connection = db.ConnectionString }],
        });
        using var dir = new TempFolder();
        dir.Write("fleet.yml", Annotation.Replace("table: utilisateurs", "table: \"*.utilisateurs\"", StringComparison.Ordinal)
            .Replace("table: factures", "table: \"*.factures\"", StringComparison.Ordinal));
        var set = new AnnotationLoader().Load(dir.Path);
        Assert.That(set.Errors, Is.Empty);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, set);

        var markdown = await MarkdownOf(ReportModel.Build(document, PolicyDocument.Seed));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("`utilisateurs.courriel` in 4 schemas of app (Mandant\\_Nord … tenant\\_initech)"));
            Assert.That(markdown, Does.Contain("`utilisateurs.telephone` in 3 of the 4 schemas of app holding utilisateurs (Mandant\\_Nord, tenant\\_acme, tenant\\_initech); not here: tenant\\_globex: no column telephone"));
            Assert.That(markdown, Does.Contain("`factures.iban` in 4 schemas of app (Mandant\\_Nord … tenant\\_initech): "));
            Assert.That(markdown, Does.Not.Contain("`app/tenant_acme.utilisateurs.courriel`"));
        }
    }
}
