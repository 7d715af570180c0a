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
        // Given both tables on the server
        await using var db = await TestPostgres.CreateAsync("perf12_drop");
        await db.ExecuteAsync("""
            CREATE TABLE gone (id int PRIMARY KEY, email text, phone text, note text, created_at timestamptz);
            INSERT INTO gone SELECT g, 'u' || g || '@example.org', '+3361234567' || (g % 10), 'n', now() FROM generate_series(1, 50) g;
            CREATE TABLE kept (id int PRIMARY KEY, city text);
            INSERT INTO kept SELECT g, 'Lyon' FROM generate_series(1, 20) g;
            """);
        await using var connector = PostgresTestKit.Connector(db);
        // When one of them is dropped before it is sampled, then one issue for it and the other table read
        await DroppedTableScenario.AssertOneIssueForTheDroppedTableAsync(connector, () => db.ExecuteAsync("DROP TABLE gone"), "relation not found");
    }
}
