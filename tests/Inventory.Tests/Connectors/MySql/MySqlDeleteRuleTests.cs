using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.MySql;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>Foreign-key delete rules as a SELECT-only user sees them (trial 22 finding 1): MariaDB hides
/// REFERENTIAL_CONSTRAINTS from such a user, so the rules come from SHOW CREATE TABLE.</summary>
[TestFixture]
public sealed class MySqlDeleteRuleTests
{
    [Test]
    public void DeleteRules_ShowCreateTableText_EachConstraintsRule()
    {
        const string text = """
            CREATE TABLE `x``1` (
              `id` int(11) NOT NULL,
              `u` int(11) DEFAULT NULL COMMENT 'CONSTRAINT `fake` FOREIGN KEY (`u`) REFERENCES `t` (`id`) ON DELETE CASCADE',
              `v ON DELETE CASCADE` int(11) DEFAULT NULL,
              `w` int(11) DEFAULT NULL,
              `z` int(11) DEFAULT NULL,
              PRIMARY KEY (`id`),
              CONSTRAINT `fk plain` FOREIGN KEY (`u`) REFERENCES `users` (`id`),
              CONSTRAINT `fk_v` FOREIGN KEY (`v ON DELETE CASCADE`) REFERENCES `other`.`users` (`id`) ON DELETE NO ACTION ON UPDATE CASCADE,
              CONSTRAINT `fk``w` FOREIGN KEY (`w`, `z`) REFERENCES `users` (`id`, `k`) ON DELETE SET NULL ON UPDATE SET NULL,
              CONSTRAINT `fk_z` FOREIGN KEY (`z`) REFERENCES `users` (`id`) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='CONSTRAINT `c` FOREIGN KEY (`a`) REFERENCES `b` (`c`) ON DELETE SET DEFAULT'
            """;

        var rules = MySqlCreateTableText.DeleteRules(text);

        Assert.That(rules, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["fk plain"] = "restrict",
            ["fk_v"] = "no-action",
            ["fk`w"] = "set-null",
            ["fk_z"] = "cascade",
        }));
    }

    [Test]
    public void DeleteRules_NoForeignKey_Empty() =>
        Assert.That(MySqlCreateTableText.DeleteRules("CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB"), Is.Empty);

    [Test]
    [Category("Integration")]
    public async Task ReadCatalog_SelectOnlyUser_DeleteRulesFromTheTablesDefinitions()
    {
        // Given tables with every delete rule, and a user holding SELECT only (MariaDB then hides REFERENTIAL_CONSTRAINTS)
        await using var db = await TestMySql.CreateAsync("fkr", """
            CREATE TABLE account (id int PRIMARY KEY, email varchar(80));
            CREATE TABLE orders (id int PRIMARY KEY, account_id int, CONSTRAINT fk_orders FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE);
            CREATE TABLE note (id int PRIMARY KEY, account_id int, body text, CONSTRAINT fk_note FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL);
            CREATE TABLE invoice (id int PRIMARY KEY, account_id int, order_id int,
              CONSTRAINT fk_invoice_account FOREIGN KEY (account_id) REFERENCES account (id),
              CONSTRAINT fk_invoice_order FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE NO ACTION);
            CREATE TABLE audit (id int PRIMARY KEY, at datetime);
            """);
        var uri = await db.CreateUserAsync($"GRANT SELECT ON `{db.Name}`.* TO {{user}}");
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri));

        // When the catalog is read as that user
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // Then each foreign key has its declared rule, read in one extra round trip for the three tables with keys
        var rules = catalog.Tables.SelectMany(t => t.ForeignKeys.Select(fk => $"{t.Name}.{fk.Name}: {fk.OnDelete}")).Order(StringComparer.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rules, Is.EqualTo(new[]
            {
                "invoice.fk_invoice_account: restrict", "invoice.fk_invoice_order: no-action", "note.fk_note: set-null", "orders.fk_orders: cascade",
            }));
            Assert.That(catalog.QueryCount, Is.EqualTo(6), "tables, columns, primary keys, foreign keys, SHOW CREATE TABLE batch, partitions");
        }
    }

    [Test]
    [Category("Integration")]
    public async Task ReadCatalog_SelectOnlyUser150TablesWithKeys_TwoRoundTripsNotOnePerTable()
    {
        // Given 150 tables with a foreign key each, alternating CASCADE and SET NULL, read by a SELECT-only user
        var tables = string.Concat(Enumerable.Range(1, 150).Select(i =>
            $"CREATE TABLE child_{i:000} (id int PRIMARY KEY, parent_id int, CONSTRAINT fk_{i:000} FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE {(i % 2 == 0 ? "CASCADE" : "SET NULL")});\n"));
        await using var db = await TestMySql.CreateAsync("fkb", "CREATE TABLE parent (id int PRIMARY KEY);\n" + tables);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(await db.CreateUserAsync($"GRANT SELECT ON `{db.Name}`.* TO {{user}}")));

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var rules = catalog.Tables.Where(t => t.Name.StartsWith("child_", StringComparison.Ordinal))
            .Select(t => (Number: int.Parse(t.Name[6..], System.Globalization.CultureInfo.InvariantCulture), t.ForeignKeys.Single().OnDelete)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rules, Has.Count.EqualTo(150));
            Assert.That(rules.Where(r => r.OnDelete != (r.Number % 2 == 0 ? "cascade" : "set-null")), Is.Empty);
            Assert.That(catalog.QueryCount, Is.EqualTo(5 + 2), "100 SHOW CREATE TABLE statements per round trip");
        }
    }

    [Test]
    [Category("Integration")]
    public async Task ReadCatalog_AdminUser_NoExtraQuery()
    {
        await using var db = await TestMySql.CreateAsync("fka", """
            CREATE TABLE account (id int PRIMARY KEY);
            CREATE TABLE orders (id int PRIMARY KEY, account_id int, CONSTRAINT fk_orders FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE);
            """);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.Tables.Single(t => t.Name == "orders").ForeignKeys.Single().OnDelete, Is.EqualTo("cascade"));
            Assert.That(catalog.QueryCount, Is.EqualTo(5), "tables, columns, primary keys, foreign keys, partitions");
        }
    }
}
