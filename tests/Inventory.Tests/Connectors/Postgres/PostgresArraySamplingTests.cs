using Inventory.Catalog;
using Inventory.Connectors.Postgres;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>
/// C29 on the real server, in bulk: arrays of generated elements (quotes, backslashes, commas, braces, spaces, the word
/// NULL, NULL elements, empty arrays) written through Npgsql parameters, then sampled by the connector, which must give
/// back exactly the non-null elements of each array (at most <see cref="PostgresArrayText.MaxElements"/> per row), count
/// empty and NULL arrays as NULL cells, and report the element family from the catalog.
/// </summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresArraySamplingTests
{
    private static string Element(Random random)
    {
        const string alphabet = "abcxyz019@.-_ ,\"\\{}é'";
        if (random.Next(12) == 0) return random.Next(3) switch { 0 => "NULL", 1 => "", _ => " " };
        var chars = new char[random.Next(1, 14)];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    [Test]
    public async Task GeneratedArrays_SampledElementByElement_AsWritten()
    {
        await using var db = await TestPostgres.CreateAsync("arr");
        await db.ExecuteAsync("CREATE TABLE bag (id int PRIMARY KEY, words text[], ips inet[], counts bigint[], vec int2vector)");
        var random = new Random(29);
        var expected = new List<string>();
        int emptyOrNull = 0;
        await using (var connection = new NpgsqlConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            for (int id = 1; id <= 400; id++)
            {
                string?[]? words = random.Next(10) switch
                {
                    0 => null,
                    1 => [],
                    _ => Enumerable.Range(0, random.Next(1, 30)).Select(_ => random.Next(9) == 0 ? null : Element(random)).ToArray(),
                };
                if (words is null || words.All(w => w is null)) emptyOrNull++;
                else expected.AddRange(words.Where(w => w is not null).Take(PostgresArrayText.MaxElements)!);
                await using var insert = new NpgsqlCommand("INSERT INTO bag VALUES (@id, @words, ARRAY['192.0.2.1', '2001:db8::7']::inet[], ARRAY[33612345678], '1 2')", connection);
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("words", (object?)words ?? DBNull.Value);
                await insert.ExecuteNonQueryAsync();
            }
        }

        await using var connector = PostgresTestKit.Connector(db);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var table = catalog.Tables.Single(t => t.Name == "bag");
        var sample = await connector.SampleAsync(table, new SampleOptions { Rows = 1000 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(table.Columns.Single(c => c.Name == "words").ElementFamily, Is.EqualTo(TypeFamily.Text));
            Assert.That(table.Columns.Single(c => c.Name == "ips").ElementFamily, Is.EqualTo(TypeFamily.Network));
            Assert.That(table.Columns.Single(c => c.Name == "counts").ElementFamily, Is.EqualTo(TypeFamily.Integer));
            Assert.That(table.Columns.Single(c => c.Name == "vec").ElementFamily, Is.Null, "int2vector prints without braces: one value");
            Assert.That(sample.Columns["words"].Values, Is.EquivalentTo(expected), "every non-null element, as written");
            Assert.That(sample.Columns["words"].NullCount, Is.EqualTo(emptyOrNull), "empty and NULL arrays count as NULL cells");
            Assert.That(sample.Columns["words"].ElementRows, Is.EqualTo(400 - emptyOrNull), "every row accounted for: rows with elements + NULL cells");
            Assert.That(sample.Columns["vec"].ElementRows, Is.Null);
            Assert.That(sample.Columns["ips"].Values, Has.Count.EqualTo(800).And.Contain("2001:db8::7"));
            Assert.That(sample.Columns["vec"].Values, Has.All.EqualTo("1 2"));
        }
    }
}
