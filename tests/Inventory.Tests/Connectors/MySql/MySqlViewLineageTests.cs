using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>Column lineage of views on a real MariaDB server: the base column each view column shows, read from the
/// server-rewritten SELECT (<c>VIEWS.VIEW_DEFINITION</c>) in one catalog query for every view.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MySqlViewLineageTests
{
    private const string Setup = """
        CREATE TABLE clients (id int PRIMARY KEY, courriel varchar(80), nom varchar(40), telephone varchar(20));
        CREATE TABLE commandes (id int PRIMARY KEY, client_id int, montant decimal(9,2));
        INSERT INTO clients VALUES (1, 'ana@example.org', 'Ana', '+33612345678');
        CREATE VIEW v_contacts AS SELECT c.courriel AS mail, c.nom, concat(c.nom, ' ', c.telephone) AS libelle, upper(c.nom) AS nom_maj, 1 AS un
            FROM clients c WHERE c.nom <> 'a, b FROM x';
        CREATE VIEW v_jointure AS SELECT k.montant, c.courriel AS `Adresse Électronique` FROM commandes k JOIN clients c ON c.id = k.client_id;
        CREATE VIEW v_sans_alias AS SELECT courriel, clients.nom FROM clients;
        CREATE VIEW v_sur_vue AS SELECT mail AS courriel_contact FROM v_contacts;
        CREATE VIEW v_derivee AS SELECT s.courriel FROM (SELECT courriel FROM clients) s;
        CREATE VIEW v_union AS SELECT courriel FROM clients UNION SELECT nom FROM clients;
        CREATE VIEW v_colonnes (adresse, personne) AS SELECT courriel, nom FROM clients;
        """;

    [Test]
    public async Task ReadCatalog_Views_EachColumnReadsItsBaseColumnOrNone()
    {
        // Given
        await using var db = await TestMySql.CreateAsync("lineage", Setup);

        // When
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // Then
        string? ReadsFrom(string table, string column)
        {
            var t = catalog.Tables.Single(x => x.Name == table);
            return t.Columns.Single(c => c.Name == column).ReadsFrom is { } r ? $"{(r.Schema == db.Name ? "" : r.Schema + ".")}{r.Table}.{r.Column}" : null;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadsFrom("v_contacts", "mail"), Is.EqualTo("clients.courriel"), "an alias of a table alias");
            Assert.That(ReadsFrom("v_contacts", "nom"), Is.EqualTo("clients.nom"));
            Assert.That(ReadsFrom("v_contacts", "libelle"), Is.Null, "a concatenation is an expression");
            Assert.That(ReadsFrom("v_contacts", "nom_maj"), Is.Null, "a function");
            Assert.That(ReadsFrom("v_contacts", "un"), Is.Null, "a constant");
            Assert.That(ReadsFrom("v_jointure", "montant"), Is.EqualTo("commandes.montant"), "a join of two tables");
            Assert.That(ReadsFrom("v_jointure", "Adresse Électronique"), Is.EqualTo("clients.courriel"));
            Assert.That(ReadsFrom("v_sans_alias", "courriel"), Is.EqualTo("clients.courriel"), "no alias: the server qualifies it");
            Assert.That(ReadsFrom("v_sans_alias", "nom"), Is.EqualTo("clients.nom"));
            Assert.That(ReadsFrom("v_sur_vue", "courriel_contact"), Is.EqualTo("v_contacts.mail"), "a view over a view names the view");
            Assert.That(ReadsFrom("v_derivee", "courriel"), Is.Null, "a column of a derived table");
            Assert.That(ReadsFrom("v_union", "courriel"), Is.Null, "a UNION shows two columns");
            Assert.That(ReadsFrom("v_colonnes", "adresse"), Is.EqualTo("clients.courriel"), "a view's column list matches by position");
            Assert.That(ReadsFrom("v_colonnes", "personne"), Is.EqualTo("clients.nom"));
            Assert.That(catalog.Tables.Where(t => t.Kind == TableKind.Table).SelectMany(t => t.Columns).Select(c => c.ReadsFrom), Has.All.Null);
        }
    }

    [Test]
    public async Task ReadCatalog_ManyViews_OneDefinitionQueryWhateverTheirNumber()
    {
        // Given: the same table with 1 view, then with 30
        await using var one = await TestMySql.CreateAsync("linone", "CREATE TABLE personnes (id int PRIMARY KEY, courriel varchar(80)); CREATE VIEW v_00 AS SELECT courriel FROM personnes;");
        await using var many = await TestMySql.CreateAsync("linmany", "CREATE TABLE personnes (id int PRIMARY KEY, courriel varchar(80));"
            + string.Concat(Enumerable.Range(0, 30).Select(i => $"CREATE VIEW v_{i:D2} AS SELECT courriel AS c_{i} FROM personnes;")));
        await using var none = await TestMySql.CreateAsync("linnone", "CREATE TABLE personnes (id int PRIMARY KEY, courriel varchar(80));");

        // When
        async Task<DatabaseCatalog> Read(TestMySqlDatabase db)
        {
            await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(db.ConnectionString, "mysql"));
            return await connector.ReadCatalogAsync(CatalogFilter.All);
        }
        var withOne = await Read(one);
        var withMany = await Read(many);
        var withNone = await Read(none);

        // Then
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withMany.QueryCount, Is.EqualTo(withOne.QueryCount), "no query per view");
            Assert.That(withOne.QueryCount, Is.EqualTo(withNone.QueryCount + 1), "one query when the scan keeps views, none otherwise");
            Assert.That(withMany.Tables.Where(t => t.Kind == TableKind.View).Select(t => t.Columns.Single().ReadsFrom?.Column).ToList(),
                Has.Count.EqualTo(30).And.All.EqualTo("courriel"));
        }
    }

    [Test]
    public async Task ReadCatalog_ViewOverAnotherDatabase_ReadsFromNamesThatDatabase()
    {
        // Given: a view in one database over a table of another
        await using var data = await TestMySql.CreateAsync("lindata", "CREATE TABLE clients (id int PRIMARY KEY, courriel varchar(80));");
        await using var reports = await TestMySql.CreateAsync("linrep", null);
        await reports.ExecuteAsync($"CREATE VIEW v_clients AS SELECT courriel FROM `{data.Name}`.clients");

        // When
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(reports.ConnectionString, "mysql"));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // Then
        var column = catalog.Tables.Single(t => t.Name == "v_clients").Columns.Single();
        Assert.That(column.ReadsFrom, Is.EqualTo(new ColumnReference(data.Name, "clients", "courriel")));
        Assert.That(column.ReadsFrom!.Display(catalog.DefaultSchema), Is.EqualTo($"{data.Name}.clients.courriel"));
    }

    [Test]
    public async Task ReadCatalog_UserWithoutShowView_ViewGetsNoLineage()
    {
        // Given: a user who may SELECT the view but not see its definition (no SHOW VIEW), and one who may
        await using var db = await TestMySql.CreateAsync("linshow", Setup);
        var blind = await db.CreateUserAsync($"GRANT SELECT ON `{db.Name}`.* TO {{user}}");
        var seeing = await db.CreateUserAsync($"GRANT SELECT, SHOW VIEW ON `{db.Name}`.* TO {{user}}");

        // When
        async Task<ColumnReference?> MailOf(string uri)
        {
            await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri));
            var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
            return catalog.Tables.Single(t => t.Name == "v_contacts").Columns.Single(c => c.Name == "mail").ReadsFrom;
        }

        // Then: the definition is the only source, so without SHOW VIEW there is no lineage (never a wrong one)
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await MailOf(blind), Is.Null);
            Assert.That(await MailOf(seeing), Is.EqualTo(new ColumnReference(db.Name, "clients", "courriel")));
        }
    }
}
