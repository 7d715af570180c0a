using Inventory.Connectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>A table dropped between the catalog read and its sampling (trial finding 10), on the real MariaDB server:
/// one scan issue for the table, not one per column, and the other tables sampled as usual.</summary>
[TestFixture]
[Category("Integration")]
public sealed class MySqlDroppedTableTests
{
    [Test]
    public async Task Sample_TableDroppedAfterCatalog_OneIssueForTheTable()
    {
        // Given both tables on the server
        await using var db = await TestMySql.CreateAsync("perf12_drop", """
            CREATE TABLE gone (id int PRIMARY KEY, email varchar(80), phone varchar(20), note text, created_at datetime);
            INSERT INTO gone SELECT seq, CONCAT('u', seq, '@example.org'), '+33612345678', 'n', NOW() FROM seq_1_to_50;
            CREATE TABLE kept (id int PRIMARY KEY, city varchar(40));
            INSERT INTO kept SELECT seq, 'Lyon' FROM seq_1_to_20;
            """);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
        // When one of them is dropped before it is sampled, then one issue for it and the other table read
        await DroppedTableScenario.AssertOneIssueForTheDroppedTableAsync(connector, () => db.ExecuteAsync("DROP TABLE gone"), "table not found");
    }
}
