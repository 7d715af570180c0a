using Inventory.Catalog;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>The catalog reads every column, primary key and foreign key (composite, across schemas, each delete rule) in
/// three queries, and its transaction is over when the read returns (the guard of any change to how the three queries
/// are sent: perf27 tried one batch for the columns, the keys and the COMMIT).</summary>
[TestFixture]
[Category("Integration")]
public sealed class PostgresCatalogKeysTests
{
    [Test]
    public async Task ReadCatalog_TablesWithKeys_EveryColumnAndKeyReadAndTransactionEnded()
    {
        // Given tables with single and composite primary keys, foreign keys within and across schemas (cascade, restrict,
        // set null), a dropped column and a table without keys
        await using var db = await TestPostgres.CreateAsync("perf27_keys");
        await db.ExecuteAsync("""
            CREATE SCHEMA billing;
            CREATE TABLE customers (id int PRIMARY KEY, email text, name text);
            ALTER TABLE customers DROP COLUMN name;
            ALTER TABLE customers ADD COLUMN phone text;
            CREATE TABLE billing.invoices (tenant int, number int, customer_id int REFERENCES customers(id) ON DELETE CASCADE,
                total numeric(10,2), PRIMARY KEY (tenant, number));
            CREATE TABLE billing.lines (tenant int, invoice int, pos int, note text, reviewer int,
                PRIMARY KEY (tenant, invoice, pos),
                CONSTRAINT lines_invoice FOREIGN KEY (tenant, invoice) REFERENCES billing.invoices (tenant, number) ON DELETE RESTRICT,
                CONSTRAINT lines_reviewer FOREIGN KEY (reviewer) REFERENCES customers (id) ON DELETE SET NULL);
            CREATE TABLE notes (body text);
            """);
        await using var connector = PostgresTestKit.Connector(db);

        // When the catalog is read
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // Then every column in order, every key and every delete rule, in three queries, and no session of the database is
        // left inside the catalog's transaction
        var tables = catalog.Tables.ToDictionary(t => t.QualifiedName(catalog.DefaultSchema), StringComparer.Ordinal);
        await using var admin = new NpgsqlConnection(db.ConnectionString);
        await admin.OpenAsync();
        await using var open = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'", admin);
        var inTransaction = (long)(await open.ExecuteScalarAsync())!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.QueryCount, Is.EqualTo(3));
            Assert.That(tables.Keys, Is.EquivalentTo(new[] { "customers", "billing.invoices", "billing.lines", "notes" }));
            Assert.That(tables["customers"].Columns.Select(c => $"{c.Ordinal}:{c.Name}"), Is.EqualTo(new[] { "1:id", "2:email", "3:phone" }));
            Assert.That(tables["customers"].PrimaryKey, Is.EqualTo(new[] { "id" }));
            Assert.That(tables["customers"].ForeignKeys, Is.Empty);
            Assert.That(tables["billing.invoices"].PrimaryKey, Is.EqualTo(new[] { "tenant", "number" }));
            Assert.That(tables["billing.invoices"].ForeignKeys.Select(Describe), Is.EqualTo(new[] { "customer_id -> public.customers(id) cascade" }));
            Assert.That(tables["billing.lines"].PrimaryKey, Is.EqualTo(new[] { "tenant", "invoice", "pos" }));
            Assert.That(tables["billing.lines"].ForeignKeys.Select(Describe).Order(StringComparer.Ordinal), Is.EqualTo(new[]
            {
                "reviewer -> public.customers(id) set-null",
                "tenant,invoice -> billing.invoices(tenant,number) restrict",
            }));
            Assert.That(tables["notes"].PrimaryKey, Is.Empty);
            Assert.That(tables["notes"].ForeignKeys, Is.Empty);
            Assert.That(inTransaction, Is.Zero, "sessions left idle in transaction");
        }
    }

    private static string Describe(ForeignKeyInfo key) =>
        $"{string.Join(',', key.Columns)} -> {key.ReferencedSchema}.{key.ReferencedTable}({string.Join(',', key.ReferencedColumns)}) {key.OnDelete}";
}
