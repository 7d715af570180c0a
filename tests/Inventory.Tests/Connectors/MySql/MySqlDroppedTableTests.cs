using Inventory.Catalog;
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
        // Given a catalog read while both tables existed
        await using var db = await TestMySql.CreateAsync("perf12_drop", """
            CREATE TABLE gone (id int PRIMARY KEY, email varchar(80), phone varchar(20), note text, created_at datetime);
            INSERT INTO gone SELECT seq, CONCAT('u', seq, '@example.org'), '+33612345678', 'n', NOW() FROM seq_1_to_50;
            CREATE TABLE kept (id int PRIMARY KEY, city varchar(40));
            INSERT INTO kept SELECT seq, 'Lyon' FROM seq_1_to_20;
            """);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
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
            Assert.That(gone.Issues.Single().Message, Does.Contain("table not found"));
            Assert.That(gone.NotSampled, Is.EqualTo(NotSampledReason.Error));
            Assert.That(gone.Columns.Values.Select(c => c.NotSampled), Has.All.EqualTo(NotSampledReason.Error));
            Assert.That(gone.Columns, Has.Count.EqualTo(5));
            Assert.That(kept.Issues, Is.Empty);
            Assert.That(kept.Columns["city"].Values, Has.Count.EqualTo(20).And.All.EqualTo("Lyon"));
        }
    }
}
