using Inventory.Catalog;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>Column lineage of views and materialized views on a real PostgreSQL server: which base column each view
/// column shows, read from the views' stored rules in one catalog query for every view.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class PostgresViewLineageTests
{
    private const string Setup = """
        CREATE TABLE clients (id int PRIMARY KEY, courriel text, nom text, telephone text);
        CREATE TABLE commandes (id int PRIMARY KEY, client_id int REFERENCES clients(id), montant numeric);
        INSERT INTO clients VALUES (1, 'ana@example.org', 'Ana', '+33612345678');
        INSERT INTO commandes VALUES (1, 1, 12.5);
        CREATE SCHEMA rapports;
        CREATE VIEW v_contacts AS SELECT c.courriel AS mail, c.nom, c.nom || ' ' || c.telephone AS libelle, upper(c.nom) AS nom_maj, 1 AS un
            FROM clients c WHERE c.telephone IS NOT NULL;
        CREATE VIEW v_jointure AS SELECT k.montant, c.courriel AS "Adresse Électronique" FROM commandes k JOIN clients c ON c.id = k.client_id;
        CREATE MATERIALIZED VIEW mv_par_nom AS SELECT s.nom AS "Nom Client", count(*) AS n FROM (SELECT nom FROM clients) s GROUP BY s.nom;
        CREATE VIEW v_sur_vue AS SELECT mail AS courriel_contact FROM v_contacts;
        CREATE VIEW rapports.v_autre AS SELECT courriel, (SELECT max(montant) FROM commandes) AS plus_grosse FROM public.clients;
        CREATE VIEW v_union AS SELECT courriel FROM clients UNION SELECT nom FROM clients;
        CREATE VIEW v_cachee AS SELECT telephone FROM clients;
        """;

    [Test]
    public async Task ReadCatalog_ViewsAndMaterializedViews_EachColumnReadsItsBaseColumnOrNone()
    {
        // Given: views over one table, a join, a materialized view over a subquery, a view over a view, a view in another
        // schema, a UNION, and a view the scanning role may not read
        await using var db = await TestPostgres.CreateAsync("lineage", Setup);
        var role = "inv_lin_" + Guid.NewGuid().ToString("N")[..10];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await PostgresTestKit.AdminExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT CONNECT ON DATABASE \"{db.Name}\" TO {role};");
        try
        {
            await db.ExecuteAsync($"""
                GRANT SELECT ON clients, commandes, v_contacts, v_jointure, mv_par_nom, v_sur_vue, v_union TO {role};
                GRANT USAGE ON SCHEMA rapports TO {role}; GRANT SELECT ON rapports.v_autre TO {role};
                """);

            // When
            await using var connector = PostgresTestKit.Connector(db, role, password);
            var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

            // Then
            string? ReadsFrom(string table, string column)
            {
                var t = catalog.Tables.Single(x => x.QualifiedName(catalog.DefaultSchema) == table);
                return t.Columns.Single(c => c.Name == column).ReadsFrom is { } r ? $"{r.Schema}.{r.Table}.{r.Column}" : null;
            }
            using (Assert.EnterMultipleScope())
            {
                Assert.That(ReadsFrom("v_contacts", "mail"), Is.EqualTo("public.clients.courriel"), "an alias");
                Assert.That(ReadsFrom("v_contacts", "nom"), Is.EqualTo("public.clients.nom"));
                Assert.That(ReadsFrom("v_contacts", "libelle"), Is.Null, "a concatenation of two columns is an expression: no lineage");
                Assert.That(ReadsFrom("v_contacts", "nom_maj"), Is.Null, "a function");
                Assert.That(ReadsFrom("v_contacts", "un"), Is.Null, "a constant");
                Assert.That(ReadsFrom("v_jointure", "montant"), Is.EqualTo("public.commandes.montant"), "a join of two tables");
                Assert.That(ReadsFrom("v_jointure", "Adresse Électronique"), Is.EqualTo("public.clients.courriel"));
                Assert.That(ReadsFrom("mv_par_nom", "Nom Client"), Is.EqualTo("public.clients.nom"), "a materialized view over a subquery");
                Assert.That(ReadsFrom("mv_par_nom", "n"), Is.Null, "an aggregate");
                Assert.That(ReadsFrom("v_sur_vue", "courriel_contact"), Is.EqualTo("public.v_contacts.mail"), "a view over a view names the view");
                Assert.That(ReadsFrom("rapports.v_autre", "courriel"), Is.EqualTo("public.clients.courriel"), "a view in another schema");
                Assert.That(ReadsFrom("rapports.v_autre", "plus_grosse"), Is.Null, "a scalar subquery");
                Assert.That(ReadsFrom("v_union", "courriel"), Is.Null, "a UNION shows two columns");
                Assert.That(ReadsFrom("v_cachee", "telephone"), Is.EqualTo("public.clients.telephone"), "the rule is in the catalog even when the view is not readable");
                Assert.That(catalog.Tables.Single(t => t.Name == "v_cachee").Readable, Is.False);
                Assert.That(catalog.Tables.Single(t => t.Name == "mv_par_nom").Kind, Is.EqualTo(TableKind.MaterializedView));
                Assert.That(catalog.Tables.Where(t => t.Kind == TableKind.Table).SelectMany(t => t.Columns).Select(c => c.ReadsFrom), Has.All.Null);
                Assert.That(catalog.QueryCount, Is.EqualTo(4), "one lineage query for every view");
            }
        }
        finally
        {
            await db.DisposeAsync();
            await PostgresTestKit.AdminExecuteAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    [TestCase(0, 3)]
    [TestCase(1, 4)]
    [TestCase(40, 4)]
    public async Task ReadCatalog_ManyViews_OneLineageQueryWhateverTheirNumber(int views, int expectedQueries)
    {
        // Given: a table and N views over it
        var script = "CREATE TABLE personnes (id int PRIMARY KEY, courriel text);\n"
            + string.Concat(Enumerable.Range(0, views).Select(i => $"CREATE VIEW v_{i:D2} AS SELECT courriel AS c_{i} FROM personnes;\n"));
        await using var db = await TestPostgres.CreateAsync("linmany", script);

        // When
        await using var connector = PostgresTestKit.Connector(db);
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // Then: no query per view, and every view column reads the base column
        using (Assert.EnterMultipleScope())
        {
            Assert.That(catalog.QueryCount, Is.EqualTo(expectedQueries));
            Assert.That(catalog.Tables.Where(t => t.Kind == TableKind.View).Select(t => t.Columns.Single().ReadsFrom).ToList(),
                Has.Count.EqualTo(views).And.All.EqualTo(new ColumnReference("public", "personnes", "courriel")));
        }
    }

    [Test]
    public async Task ReadCatalog_BaseTableExcludedByFilter_ViewStillRecordsItsBaseColumn()
    {
        // Given: the scan covers the schema of the view only
        await using var db = await TestPostgres.CreateAsync("linfilter", Setup);

        // When
        await using var connector = PostgresTestKit.Connector(db);
        var catalog = await connector.ReadCatalogAsync(new CatalogFilter(["rapports.*"], []));

        // Then: the view is kept with its lineage, the base table is not in the catalog
        Assert.That(catalog.Tables.Select(t => t.Name), Is.EqualTo(new[] { "v_autre" }));
        Assert.That(catalog.Tables[0].Columns[0].ReadsFrom, Is.EqualTo(new ColumnReference("public", "clients", "courriel")));
    }
}
