using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.Postgres;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>A role that lacks USAGE on a schema or SELECT on a table is told exactly which GRANT it needs, naming the
/// schema, the table and the role, never the password.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class PostgresPrivilegeHintTests
{
    private const string Setup = """
        CREATE SCHEMA sales;
        CREATE TABLE sales.orders (id int PRIMARY KEY, email text);
        INSERT INTO sales.orders VALUES (1, 'someone@example.com');
        CREATE SCHEMA hr;
        CREATE TABLE hr.staff (id int, full_name text);
        CREATE SCHEMA billing;
        CREATE TABLE billing.invoice (id int, total numeric);
        CREATE TABLE billing.ledger (id int, amount numeric);
        INSERT INTO billing.invoice VALUES (1, 10.5);
        """;

    [Test]
    public async Task Sample_RoleWithoutSchemaUsage_HintGrantsUsageNamingSchemaAndRole()
    {
        // Given: sales.orders is granted SELECT but its schema is not granted USAGE; hr has neither;
        // billing has USAGE, invoice has SELECT, ledger has none.
        await using var db = await TestPostgres.CreateAsync("usage", Setup);
        var role = "inv_use_" + Guid.NewGuid().ToString("N")[..10];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await PostgresTestKit.AdminExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT CONNECT ON DATABASE \"{db.Name}\" TO {role};");
        try
        {
            await db.ExecuteAsync($"GRANT SELECT ON sales.orders TO {role}; GRANT USAGE ON SCHEMA billing TO {role}; GRANT SELECT ON billing.invoice TO {role};");

            // When
            await using var connector = PostgresTestKit.Connector(db, role, password);
            var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
            var samples = await PostgresTestKit.SampleAllAsync(connector, catalog, new SampleOptions { Rows = 10 });
            await connector.DisposeAsync();

            // Then
            string Hint(string table) => samples[table].Issues.Single(i => i.Column is null).Message;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(catalog.QueryCount, Is.EqualTo(3), "no extra catalog query for privileges");
                Assert.That(samples["sales.orders"].NotSampled, Is.EqualTo(NotSampledReason.NoPrivilege));
                Assert.That(samples["sales.orders"].Issues.Single().Kind, Is.EqualTo("no-privilege"));
                Assert.That(Hint("sales.orders"), Is.EqualTo(
                    $"the connected role lacks USAGE on schema sales; " + MissingAccess.LeaveOutHint + $"; to scan it, run: GRANT USAGE ON SCHEMA \"sales\" TO \"{role}\""));
                Assert.That(Hint("hr.staff"), Is.EqualTo(
                    $"the connected role lacks USAGE on schema hr and SELECT on the table; " + MissingAccess.LeaveOutHint + $"; to scan it, run: GRANT USAGE ON SCHEMA \"hr\" TO \"{role}\"; GRANT SELECT ON \"hr\".\"staff\" TO \"{role}\""));
                Assert.That(Hint("billing.ledger"), Is.EqualTo(
                    $"the connected role lacks SELECT on the table; " + MissingAccess.LeaveOutHint + $"; to scan it, run: GRANT SELECT ON \"billing\".\"ledger\" TO \"{role}\""));
                Assert.That(samples["billing.invoice"].Issues, Is.Empty);
                Assert.That(samples["billing.invoice"].RowCount, Is.EqualTo(1));
                Assert.That(samples.Values.SelectMany(s => s.Issues).Select(i => i.Message), Has.None.Contains(password));
            }

            // And the printed statements work: the DBA runs them and the next scan reads every table.
            foreach (var grant in new[] { "sales.orders", "hr.staff", "billing.ledger" }.SelectMany(t => samples[t].Issues)
                         .Select(i => i.Message[(i.Message.IndexOf("run: ", StringComparison.Ordinal) + 5)..]))
                await db.ExecuteAsync(grant);
            await using var again = PostgresTestKit.Connector(db, role, password);
            var catalog2 = await again.ReadCatalogAsync(CatalogFilter.All);
            var samples2 = await PostgresTestKit.SampleAllAsync(again, catalog2, new SampleOptions { Rows = 10 });
            Assert.That(samples2.Values.SelectMany(s => s.Issues), Is.Empty);
            Assert.That(samples2["sales.orders"].RowCount, Is.EqualTo(1));
        }
        finally
        {
            await db.DisposeAsync();
            await PostgresTestKit.AdminExecuteAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    [Test]
    public void MissingAccessTo_OddNames_Quoted()
    {
        var access = PostgresDialect.MissingAccessTo("Sales Dept", "Order\"s", "scanner-ro", schemaUsage: false, maySelect: false)!;
        Assert.That(access.Grants, Is.EqualTo(new[]
        {
            "GRANT USAGE ON SCHEMA \"Sales Dept\" TO \"scanner-ro\"",
            "GRANT SELECT ON \"Sales Dept\".\"Order\"\"s\" TO \"scanner-ro\"",
        }));
    }

    [Test]
    public void MissingAccessTo_Readable_Null() =>
        Assert.That(PostgresDialect.MissingAccessTo("s", "t", "r", schemaUsage: true, maySelect: true), Is.Null);
}
