using Inventory.Catalog;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>A table dropped between the catalog read and its sampling (trial finding 10), on the real server: one scan
/// issue for the table, not one per column, and the other tables sampled as usual.</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresDroppedTableTests
{
    [Test]
    public async Task Sample_TableDroppedAfterCatalog_OneIssueForTheTable()
    {
        // Given a catalog read while both tables existed
        await using var db = await TestPostgres.CreateAsync("perf12_drop");
        await db.ExecuteAsync("""
            CREATE TABLE gone (id int PRIMARY KEY, email text, phone text, note text, created_at timestamptz);
            INSERT INTO gone SELECT g, 'u' || g || '@example.org', '+3361234567' || (g % 10), 'n', now() FROM generate_series(1, 50) g;
            CREATE TABLE kept (id int PRIMARY KEY, city text);
            INSERT INTO kept SELECT g, 'Lyon' FROM generate_series(1, 20) g;
            """);
        await using var connector = PostgresTestKit.Connector(db);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // When one of them is dropped before it is sampled
        await db.ExecuteAsync("DROP TABLE gone");
        var gone = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "gone"), new SampleOptions());
        var kept = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "kept"), new SampleOptions());

        // Then the dropped table gives one issue naming the cause, every column not sampled; the other is read
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gone.Issues, Has.Count.EqualTo(1));
            Assert.That(gone.Issues.Single().Column, Is.Null);
            Assert.That(gone.Issues.Single().Message, Does.Contain("relation not found"));
            Assert.That(gone.NotSampled, Is.EqualTo(NotSampledReason.Error));
            Assert.That(gone.Columns.Values.Select(c => c.NotSampled), Has.All.EqualTo(NotSampledReason.Error));
            Assert.That(gone.Columns, Has.Count.EqualTo(5));
            Assert.That(kept.Issues, Is.Empty);
            Assert.That(kept.Columns["city"].Values, Has.Count.EqualTo(20).And.All.EqualTo("Lyon"));
        }
    }
}
