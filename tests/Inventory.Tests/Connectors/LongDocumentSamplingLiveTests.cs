using System.Text.Json;
using Inventory.Catalog;
using Inventory.Config;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Connectors.Postgres;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors;

/// <summary>
/// Documents longer than a plain value's sampling limit, on the real servers: PostgreSQL <c>jsonb</c>, <c>json</c> and
/// <c>xml</c>, JSON in a <c>text</c> column, MariaDB <c>JSON</c>. Order snapshots of 7,000–9,000 characters hold the
/// customer's e-mail address first and forty order lines after it; before, every one was cut at 4,096 characters, failed to
/// parse, and the column was suggested <c>none</c>. Document-typed columns are now sampled up to
/// <see cref="SampleOptions.MaxDocumentLength"/> (first <see cref="SampleOptions.WholeDocuments"/> values) and cut
/// documents are read up to the cut.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class LongDocumentSamplingLiveTests
{
    private static IEnumerable<(string Email, string Json, string Xml)> Orders(int count, int seed)
    {
        var random = new Random(seed);
        string[] given = ["camille", "jürgen", "lucía", "emma", "noah"], family = ["martin", "müller", "garcía", "dubois", "lópez"];
        for (int i = 0; i < count; i++)
        {
            var email = $"{given[random.Next(given.Length)]}.{family[random.Next(family.Length)]}{i}@exemple.fr";
            var lines = Enumerable.Range(0, 40).Select(j => (Sku: $"SKU-{random.Next(1000, 9999)}", Note: $"ligne {j} " + new string('x', 150 + random.Next(40)))).ToArray();
            var json = JsonSerializer.Serialize(new { a = new { courriel = email }, lignes = lines.Select(l => new { sku = l.Sku, note = l.Note }) });
            var xml = $"<commande><client><courriel>{email}</courriel></client><lignes>{string.Concat(lines.Select(l => $"<ligne><sku>{l.Sku}</sku><note>{l.Note}</note></ligne>"))}</lignes></commande>";
            yield return (email, json, xml);
        }
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    [Test]
    public async Task Postgres_LongJsonbJsonXmlAndTextDocuments_EmailsFoundAtTheirPaths()
    {
        var orders = Orders(80, 3410).ToArray();
        Assert.That(orders.All(o => o.Json.Length > 4096 && o.Xml.Length > 4096), "every document is longer than a plain value's limit");
        var rows = string.Join(",\n", orders.Select((o, i) => $"({i + 1}, {Literal(o.Json)}::jsonb, {Literal(o.Json)}::json, {Literal(o.Json)}, {Literal(o.Xml)}::xml)"));
        await using var db = await TestPostgres.CreateAsync("longdoc",
            $"CREATE TABLE commande (id int PRIMARY KEY, instantane jsonb, brut json, texte text, message xml); INSERT INTO commande VALUES {rows};");
        var document = await new ScanRunner(ClassifierFactory.CreateDefault()).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "default", Provider = "postgres", Connection = db.ConnectionString }],
        });

        var columns = document.AllColumns().ToDictionary(c => c.Column.Name, c => c.Column);
        using (Assert.EnterMultipleScope())
        {
            foreach (var (name, path, cut) in new[]
                     {
                         ("instantane", "$.a.courriel", false), ("brut", "$.a.courriel", false),
                         ("texte", "$.a.courriel", true), ("message", "$.commande.client.courriel", false),
                     })
            {
                var column = columns[name];
                Assert.That(column.DataCategory, Is.EqualTo("contact.email"), name);
                Assert.That(column.Classification!.JsonPaths!.Named.Select(p => (p.Path, p.DataCategory)), Has.Member((path, (string?)"contact.email")), name);
                Assert.That(column.Classification.Evidence.Any(e => e.Id == "sample.documents-cut"), Is.EqualTo(cut),
                    $"{name}: a text column's documents are cut at 4,096 characters and read up to the cut; a document column's are whole");
            }
        }
    }

    [Test]
    public async Task Postgres_DocumentColumn_FirstDocumentsKeptLongerThanPlainValues()
    {
        var orders = Orders(70, 3411).ToArray();
        var rows = string.Join(",\n", orders.Select((o, i) => $"({i + 1}, {Literal(o.Json)}::jsonb, {Literal(o.Json)})"));
        await using var db = await TestPostgres.CreateAsync("longdocs",
            $"CREATE TABLE commande (id int PRIMARY KEY, instantane jsonb, texte text); INSERT INTO commande VALUES {rows};");
        await using var connector = PostgresTestKit.Connector(db);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var sample = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "commande"), new SampleOptions { Rows = 1000, MaxDocumentLength = 6000 });

        var documents = sample.Columns["instantane"].Values;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(documents, Has.Count.EqualTo(70));
            Assert.That(documents.Take(SampleOptions.WholeDocuments).Select(v => v.Length), Is.All.EqualTo(6000),
                "the first documents are cut at the document limit, not the value limit");
            Assert.That(documents.Skip(SampleOptions.WholeDocuments).Select(v => v.Length), Is.All.EqualTo(4096), "later documents at the value limit");
            Assert.That(sample.Columns["texte"].Values.Select(v => v.Length), Is.All.EqualTo(4096), "a text column at the value limit");
            Assert.That(sample.Columns["texte"].ValueLengthLimit, Is.EqualTo(4096));
        }
    }

    [Test]
    public async Task MariaDb_LongJsonDocuments_EmailsFoundAtTheirPaths()
    {
        var orders = Orders(60, 3412).ToArray();
        var rows = string.Join(",\n", orders.Select((o, i) => $"({i + 1}, {Literal(o.Json)}, {Literal(o.Json)})"));
        await using var db = await TestMySql.CreateAsync("longdoc",
            $"CREATE TABLE commande (id INT PRIMARY KEY, instantane JSON, texte LONGTEXT); INSERT INTO commande VALUES {rows};");
        var document = await new ScanRunner(ClassifierFactory.CreateDefault()).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "shop", Provider = "mysql", Connection = db.ConnectionString }],
        });

        var columns = document.AllColumns().ToDictionary(c => c.Column.Name, c => c.Column);
        using (Assert.EnterMultipleScope())
        {
            foreach (var name in new[] { "instantane", "texte" })
            {
                Assert.That(columns[name].DataCategory, Is.EqualTo("contact.email"), name);
                Assert.That(columns[name].Classification!.JsonPaths!.Named.Select(p => (p.Path, p.DataCategory)),
                    Has.Member(("$.a.courriel", (string?)"contact.email")), name);
            }
            Assert.That(columns["texte"].Classification!.Evidence.Any(e => e.Id == "sample.documents-cut"), Is.True, "LONGTEXT: cut at 4,096, read up to the cut");
        }
    }
}
