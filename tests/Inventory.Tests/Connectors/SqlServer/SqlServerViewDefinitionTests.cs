using Inventory.Catalog;
using Inventory.Connectors.SqlServer;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.SqlServer;

/// <summary>SQL Server view lineage: the CREATE VIEW text parsed by ScriptDom, plain column references mapped to their
/// base column by position, everything else none. (No SQL Server here: the live catalog read is covered by
/// <see cref="SqlServerLiveTests.ReadCatalog_Views_LineageFromDefinitions"/> when <c>INVENTORY_SQLSERVER</c> is set.)</summary>
[TestFixture]
public sealed class SqlServerViewDefinitionTests
{
    private static string?[] Read(string definition, string schema = "dbo") =>
        SqlServerViewDefinition.OutputColumns(definition, schema).Select(r => r is null ? null : $"{r.Schema}|{r.Table}.{r.Column}").ToArray();

    [Test]
    public void OutputColumns_AliasesAndJoin_EachPlainReferenceMapped() => Assert.That(Read("""
        CREATE VIEW dbo.v_contacts AS
        SELECT c.Courriel AS Mail, k.Montant, c.Nom + N' ' + c.Telephone AS Libelle, UPPER(c.Nom) AS NomMaj, 1 AS Un
        FROM dbo.Clients AS c INNER JOIN sales.Commandes k ON k.ClientId = c.Id
        WHERE c.Nom <> N'a, b FROM x'
        """), Is.EqualTo(new[] { "dbo|Clients.Courriel", "sales|Commandes.Montant", null, null, null }));

    [Test]
    public void OutputColumns_BareColumnsOverOneTable_MappedToThatTable() => Assert.That(Read("""
        CREATE VIEW [rapports].[v_autre] ([adresse], [personne]) AS SELECT [Courriel], Clients.[Nom] FROM Clients
        """, "rapports"), Is.EqualTo(new[] { "|Clients.Courriel", "|Clients.Nom" }), "no schema written: the caller resolves it (view's schema, then dbo)");

    [Test]
    public void OutputColumns_BareColumnOverTwoTables_None() => Assert.That(Read("""
        CREATE VIEW v AS SELECT Courriel, c.Nom FROM dbo.Clients c CROSS JOIN dbo.Pays
        """), Is.EqualTo(new[] { null, "dbo|Clients.Nom" }));

    [Test]
    public void OutputColumns_ThreePartName_Mapped() => Assert.That(Read("""
        CREATE VIEW v AS SELECT dbo.Clients.Courriel FROM dbo.Clients
        """), Is.EqualTo(new[] { "dbo|Clients.Courriel" }));

    [TestCase("CREATE VIEW v AS SELECT Courriel FROM dbo.Clients UNION SELECT Nom FROM dbo.Clients", TestName = "OutputColumns_Union_NoLineage")]
    [TestCase("CREATE VIEW v AS SELECT * FROM dbo.Clients", TestName = "OutputColumns_Star_NoLineage")]
    [TestCase("CREATE VIEW v AS WITH x AS (SELECT Courriel FROM dbo.Clients) SELECT Courriel FROM x", TestName = "OutputColumns_Cte_NoLineage")]
    [TestCase("CREATE VIEW v AS SELECT FROM WHERE", TestName = "OutputColumns_Unparsable_NoLineage")]
    [TestCase("", TestName = "OutputColumns_NoDefinition_NoLineage")]
    public void OutputColumns_NotASinglePlainSelect_Empty(string definition) =>
        Assert.That(SqlServerViewDefinition.OutputColumns(definition, "dbo"), Is.Empty);

    [Test]
    public void OutputColumns_DerivedTableAndOtherDatabase_None() => Assert.That(Read("""
        CREATE VIEW v AS SELECT s.Courriel, o.Nom FROM (SELECT Courriel FROM dbo.Clients) AS s JOIN Archive.dbo.Clients o ON o.Courriel = s.Courriel
        """), Is.EqualTo(new string?[] { null, null }));

    [Test]
    public void OutputColumns_CreateOrAlterViewOverView_NamesTheView() => Assert.That(Read("""
        CREATE OR ALTER VIEW dbo.v_sur_vue AS SELECT Mail AS CourrielContact FROM dbo.v_contacts
        """), Is.EqualTo(new[] { "dbo|v_contacts.Mail" }));

    [TestCase("rapports", true, false, ExpectedResult = "rapports")]
    [TestCase("rapports", false, true, ExpectedResult = "dbo")]
    [TestCase("rapports", false, false, ExpectedResult = null)]
    public string? ResolveSchema_UnqualifiedTable_ViewSchemaThenDbo(string viewSchema, bool inViewSchema, bool inDbo) =>
        SqlServerViewDefinition.ResolveSchema(new ColumnReference("", "Clients", "Courriel"), viewSchema,
            (schema, _) => schema == viewSchema ? inViewSchema : schema == "dbo" && inDbo)?.Schema;
}

/// <summary>View lineage read from a live SQL Server (ignored with the reason when <c>INVENTORY_SQLSERVER</c> is unset).</summary>
public sealed partial class SqlServerLiveTests
{
    [Test]
    public async Task ReadCatalog_Views_LineageFromDefinitions()
    {
        // Given: views with aliases, a join, an expression, a view over a view and one in another schema, names spelt
        // in other capitals than the catalog's
        await using var connector = await CreateDatabaseAsync("""
            CREATE TABLE dbo.Clients (Id int PRIMARY KEY, Courriel nvarchar(80), Nom nvarchar(40));
            CREATE TABLE dbo.Commandes (Id int PRIMARY KEY, ClientId int, Montant decimal(9,2));
            GO
            CREATE SCHEMA rapports;
            GO
            CREATE VIEW dbo.v_contacts AS SELECT c.courriel AS Mail, c.Nom + N'!' AS Libelle FROM clients c;
            GO
            CREATE VIEW dbo.v_jointure AS SELECT k.Montant, c.Courriel FROM dbo.Commandes k JOIN dbo.Clients c ON c.Id = k.ClientId;
            GO
            CREATE VIEW dbo.v_sur_vue AS SELECT Mail FROM dbo.v_contacts;
            GO
            CREATE VIEW rapports.v_autre AS SELECT Nom FROM Clients;
            GO
            """);

        // When
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        // Then
        ColumnReference? Of(string schema, string view, string column) =>
            catalog.Tables.Single(t => t.Schema == schema && t.Name == view).Columns.Single(c => c.Name == column).ReadsFrom;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Of("dbo", "v_contacts", "Mail"), Is.EqualTo(new ColumnReference("dbo", "Clients", "Courriel")), "the catalog's spelling");
            Assert.That(Of("dbo", "v_contacts", "Libelle"), Is.Null);
            Assert.That(Of("dbo", "v_jointure", "Montant"), Is.EqualTo(new ColumnReference("dbo", "Commandes", "Montant")));
            Assert.That(Of("dbo", "v_sur_vue", "Mail"), Is.EqualTo(new ColumnReference("dbo", "v_contacts", "Mail")));
            Assert.That(Of("rapports", "v_autre", "Nom"), Is.EqualTo(new ColumnReference("dbo", "Clients", "Nom")), "unqualified: the view's schema, then dbo");
        }
    }
}
