using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.Sqlite;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Sqlite;

/// <summary>Column lineage of SQLite views: the base column each view column shows, from SQLite's own resolution of
/// the view's compiled SELECT (column origin), on real database files.</summary>
public sealed class SqliteViewLineageTests
{
    private readonly TemporarySqliteFiles _files = new();

    [TearDown]
    public void DeleteFiles() => _files.DeleteAll();

    private const string Setup = """"
        CREATE TABLE clients (id INTEGER PRIMARY KEY, courriel TEXT, nom TEXT, telephone TEXT);
        CREATE TABLE commandes (id INTEGER PRIMARY KEY, client_id INTEGER REFERENCES clients(id), montant NUMERIC);
        INSERT INTO clients VALUES (1, 'ana@example.org', 'Ana', '+33612345678');
        CREATE VIEW v_contacts AS SELECT c.courriel AS mail, c.nom, c.nom || ' ' || c.telephone AS libelle, upper(c.nom) AS nom_maj, 1 AS un
            FROM clients c WHERE c.nom <> 'a UNION b';
        CREATE VIEW v_jointure AS SELECT k.montant, c.courriel AS "Adresse Électronique" FROM commandes k JOIN clients c ON c.id = k.client_id;
        CREATE VIEW v_sans_alias AS SELECT courriel, clients.nom FROM clients;
        CREATE VIEW v_sur_vue AS SELECT mail AS courriel_contact FROM v_contacts;
        CREATE VIEW v_derivee AS SELECT s.courriel FROM (SELECT courriel FROM clients) s;
        CREATE VIEW v_cte AS WITH actifs AS (SELECT nom FROM clients) SELECT nom AS personne FROM actifs;
        CREATE VIEW v_union AS SELECT courriel FROM clients UNION SELECT nom FROM clients;
        CREATE VIEW v_union_derivee AS SELECT x FROM (SELECT courriel AS x FROM clients UNION ALL SELECT nom FROM clients);
        CREATE VIEW v_colonnes (adresse, personne) AS SELECT courriel, nom FROM clients;
        CREATE VIEW v_sous_requete AS SELECT (SELECT max(courriel) FROM clients) AS dernier, count(*) AS n FROM commandes;
        CREATE VIEW "v ""citée""" AS SELECT [courriel] AS "union" FROM clients -- a comment: UNION
        ;
        CREATE VIEW v_etoile AS SELECT * FROM clients;
        """";

    [Test]
    public async Task ReadCatalog_Views_EachColumnReadsItsBaseColumnOrNone()
    {
        // Given
        var path = _files.NewPath("inv_lineage");
        await using (var setup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString))
        {
            await setup.OpenAsync();
            await using var cmd = setup.CreateCommand();
            cmd.CommandText = Setup;
            await cmd.ExecuteNonQueryAsync();
        }

        // When
        await using var connector = new SqliteConnector(ConnectionTarget.Parse("sqlite:" + path));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // Then
        string? ReadsFrom(string table, string column)
        {
            var t = catalog.Tables.Single(x => x.Name == table);
            return t.Columns.Single(c => c.Name == column).ReadsFrom is { } r ? $"{r.Schema}.{r.Table}.{r.Column}" : null;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReadsFrom("v_contacts", "mail"), Is.EqualTo("main.clients.courriel"), "an alias of a table alias");
            Assert.That(ReadsFrom("v_contacts", "nom"), Is.EqualTo("main.clients.nom"));
            Assert.That(ReadsFrom("v_contacts", "libelle"), Is.Null, "a concatenation is an expression");
            Assert.That(ReadsFrom("v_contacts", "nom_maj"), Is.Null, "a function");
            Assert.That(ReadsFrom("v_contacts", "un"), Is.Null, "a constant");
            Assert.That(ReadsFrom("v_jointure", "montant"), Is.EqualTo("main.commandes.montant"), "a join of two tables");
            Assert.That(ReadsFrom("v_jointure", "Adresse Électronique"), Is.EqualTo("main.clients.courriel"));
            Assert.That(ReadsFrom("v_sans_alias", "courriel"), Is.EqualTo("main.clients.courriel"));
            Assert.That(ReadsFrom("v_sans_alias", "nom"), Is.EqualTo("main.clients.nom"));
            Assert.That(ReadsFrom("v_sur_vue", "courriel_contact"), Is.EqualTo("main.clients.courriel"), "a view over a view: SQLite names the base table");
            Assert.That(ReadsFrom("v_derivee", "courriel"), Is.EqualTo("main.clients.courriel"), "SQLite follows a subquery in FROM");
            Assert.That(ReadsFrom("v_cte", "personne"), Is.EqualTo("main.clients.nom"), "and a CTE");
            Assert.That(ReadsFrom("v_union", "courriel"), Is.Null, "a UNION shows two columns");
            Assert.That(ReadsFrom("v_union_derivee", "x"), Is.Null, "a UNION inside a subquery too");
            Assert.That(ReadsFrom("v_colonnes", "adresse"), Is.EqualTo("main.clients.courriel"), "a view's column list matches by position");
            Assert.That(ReadsFrom("v_colonnes", "personne"), Is.EqualTo("main.clients.nom"));
            Assert.That(ReadsFrom("v_sous_requete", "dernier"), Is.Null, "a scalar subquery");
            Assert.That(ReadsFrom("v_sous_requete", "n"), Is.Null, "an aggregate");
            Assert.That(ReadsFrom("v \"citée\"", "union"), Is.EqualTo("main.clients.courriel"), "UNION as a quoted name or in a comment is no set operation");
            Assert.That(catalog.Tables.Single(t => t.Name == "v_etoile").Columns.Select(c => c.ReadsFrom?.Column),
                Is.EqualTo(new[] { "id", "courriel", "nom", "telephone" }), "SELECT * by position");
            Assert.That(catalog.Tables.Where(t => t.Kind == TableKind.Table).SelectMany(t => t.Columns).Select(c => c.ReadsFrom), Has.All.Null);
            Assert.That(catalog.Issues, Is.Empty);
            Assert.That(catalog.QueryCount, Is.LessThanOrEqualTo(5), "compiling a view's SELECT is no catalog query");
        }
    }

    [TestCase("SELECT a FROM t UNION SELECT b FROM u", true)]
    [TestCase("select a from t union all select b from u", true)]
    [TestCase("SELECT a FROM t INTERSECT SELECT a FROM u", true)]
    [TestCase("SELECT a FROM t\nEXCEPT\nSELECT a FROM u", true)]
    [TestCase("SELECT 'union' AS a FROM t", false)]
    [TestCase("SELECT 'it''s union' AS a FROM t", false)]
    [TestCase("SELECT \"union\" FROM t", false)]
    [TestCase("SELECT `except` FROM t", false)]
    [TestCase("SELECT [intersect] FROM t", false)]
    [TestCase("SELECT a FROM t -- union\n", false)]
    [TestCase("SELECT a /* union */ FROM t", false)]
    [TestCase("SELECT reunion, unions, union_id FROM t", false)]
    [TestCase("SELECT a FROM t WHERE b = 'x' UNION SELECT 'y'", true)]
    public void HasSetOperation_KeywordOutsideLiteralsAndComments(string sql, bool expected) =>
        Assert.That(SqliteViewLineage.HasSetOperation(sql), Is.EqualTo(expected));
}
