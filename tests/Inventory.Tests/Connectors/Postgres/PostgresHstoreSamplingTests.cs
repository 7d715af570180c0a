using System.Text.Json;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Connectors.Postgres;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>
/// Trial 32 on the real server: an <c>hstore</c> column (also through a domain) holding personal values under its keys
/// was sampled in hstore's text form (<c>"email"=&gt;"…"</c>), read as free text, and the e-mail addresses in it went
/// unseen (customer_content.message). It is now sampled as a JSON object, so its keys are read path by path like a
/// <c>jsonb</c> column's. Generated keys and values in English, French, German and Spanish, with quotes, backslashes,
/// <c>=&gt;</c>, commas and NULL values.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresHstoreSamplingTests
{
    private static readonly string[] Keys = ["email", "courriel", "E-Mail", "correo", "tel", "telefon", "Straße", "ville", "note"];
    private static readonly string[] Names = ["camille.martin", "jürgen.müller", "lucía.garcía", "o'brien", "a\\b", "x=>y", "a,b", "Zoë \"Z\""];

    private static Dictionary<string, string?> Attributes(Random random)
    {
        var map = new Dictionary<string, string?>();
        foreach (var key in Keys.OrderBy(_ => random.Next()).Take(random.Next(1, Keys.Length)))
            map[key] = random.Next(8) == 0 ? null : key switch
            {
                "email" or "courriel" or "E-Mail" or "correo" => $"{Names[random.Next(Names.Length)].Replace(" ", "")}{random.Next(100)}@exemple.fr",
                "tel" or "telefon" => $"+33 6 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}",
                _ => Names[random.Next(Names.Length)],
            };
        return map;
    }

    [Test]
    public async Task HstoreColumns_SampledAsJsonObjectsOfTheirKeysAndValues()
    {
        await using var db = await TestPostgres.CreateAsync("hstore",
            "CREATE EXTENSION hstore; CREATE DOMAIN attrs AS hstore; CREATE TABLE profil (id int PRIMARY KEY, attributs hstore, extra attrs, nom text)");
        var random = new Random(32);
        var written = new List<Dictionary<string, string?>>();
        await using (var connection = new NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ReloadTypesAsync();
            for (int id = 1; id <= 120; id++)
            {
                var attributes = Attributes(random);
                written.Add(attributes);
                await using var insert = new NpgsqlCommand("INSERT INTO profil VALUES (@id, @a, @a, 'n')", connection);
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("a", attributes);
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using var connector = PostgresTestKit.Connector(db);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var table = catalog.Tables.Single(t => t.Name == "profil");
        var sample = await connector.SampleAsync(table, new SampleOptions { Rows = 1000 });

        // One line per row: its keys in ordinal order with their values (null as ␀), to compare rows whatever their order.
        static string Canonical(IReadOnlyDictionary<string, string?> row) =>
            string.Join("\u0001", row.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "\u0002" + (p.Value ?? "\u0000")));
        var expected = written.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        using (Assert.EnterMultipleScope())
        {
            foreach (var column in new[] { "attributs", "extra" })
            {
                var read = sample.Columns[column].Values
                    .Select(v => Canonical(JsonSerializer.Deserialize<Dictionary<string, string?>>(v)!)).Order(StringComparer.Ordinal).ToList();
                Assert.That(read, Is.EqualTo(expected), $"{column}: every row's keys and values, as written");
            }
            Assert.That(table.Columns.Single(c => c.Name == "nom").SamplingHint, Is.Null, "a text column is read as before");
        }
    }

    [Test]
    public async Task HstoreColumn_ItsKeysAreClassifiedPathByPath()
    {
        var random = new Random(33);
        var rows = string.Join(",\n", Enumerable.Range(1, 60).Select(id =>
            $"({id}, hstore(ARRAY['email', 'tel'], ARRAY['p{random.Next(1000)}.{Names[random.Next(3)].Split('.')[0]}@exemple.fr', '+33 6 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}']))"));
        await using var db = await TestPostgres.CreateAsync("hstorecl",
            $"CREATE EXTENSION hstore; CREATE TABLE client (id int PRIMARY KEY, attributs hstore); INSERT INTO client VALUES {rows};");
        var document = await new ScanRunner(ClassifierFactory.CreateDefault()).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "default", Provider = "postgres", Connection = db.ConnectionString }],
        });

        var column = document.AllColumns().Single(c => c.Column.Name == "attributs").Column;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DataCategory.TopLevelOf(column.DataCategory!), Is.EqualTo("contact"));
            Assert.That(column.Classification!.JsonPaths!.Named.Select(p => (p.Path, p.DataCategory)),
                Is.EquivalentTo(new[] { ("$.email", (string?)"contact.email"), ("$.tel", (string?)"contact.phone") }));
        }
    }
}
