using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.MySql;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>trial42 finding 7: a view calling a function the scanning account may not EXECUTE has its columns hidden by
/// information_schema (warning 1370), and the scan said "holds no SELECT privilege … GRANT SELECT" while SELECT was
/// granted. The issue now names the function and the GRANT EXECUTE the server asked for, and that statement, run as
/// printed, lets the next scan read the view. Live on the real MariaDB.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MySqlViewExecutePrivilegeTests
{
    private const string Setup = """
        CREATE TABLE accounts (id int PRIMARY KEY, email varchar(80));
        INSERT INTO accounts VALUES (1, 'someone@example.com'), (2, 'other@example.com');
        CREATE FUNCTION hit() RETURNS int DETERMINISTIC RETURN 1;
        CREATE VIEW tracked_accounts AS SELECT id, email, hit() AS hits FROM accounts;
        CREATE SQL SECURITY INVOKER VIEW tracked_by_invoker AS SELECT id, email, hit() AS hits FROM accounts;
        CREATE VIEW plain_accounts AS SELECT id, email FROM accounts;
        """;

    [Test]
    public async Task ReadCatalog_ViewCallingAFunctionTheAccountMayNotExecute_IssueGrantsExecuteNotSelect()
    {
        // Given an account that may SELECT (and SHOW VIEW) every table and view of the database, but execute no function
        await using var db = await TestMySql.CreateAsync("u43exec", Setup);
        var uri = await db.CreateUserAsync();
        var user = new Uri(uri).UserInfo.Split(':')[0];
        var grant = $"GRANT EXECUTE ON FUNCTION `{db.Name}`.`hit` TO '{user}'@'%'";

        // When its catalog is read and the views are sampled
        TableInfo definer, invoker, plain;
        TableSample definerSample;
        await using (var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri)))
        {
            var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
            (definer, invoker, plain) = (catalog.Tables.Single(t => t.Name == "tracked_accounts"),
                catalog.Tables.Single(t => t.Name == "tracked_by_invoker"), catalog.Tables.Single(t => t.Name == "plain_accounts"));
            definerSample = await connector.SampleAsync(definer, new SampleOptions());
        }

        // Then both views that call the function name it and the GRANT EXECUTE, never a GRANT SELECT
        using (Assert.EnterMultipleScope())
        {
            foreach (var view in new[] { definer, invoker })
            {
                Assert.That(view.Columns, Is.Empty, view.Name);
                Assert.That(view.MissingAccess?.Grants, Is.EqualTo(new[] { grant }), view.Name);
                Assert.That(view.MissingAccess?.Missing, Does.Contain($"may not execute the function `{db.Name}`.`hit` this view calls (error 1370)"), view.Name);
            }
            Assert.That(plain.MissingAccess, Is.Null);
            Assert.That(plain.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "email" }));
            Assert.That(definerSample.NotSampled, Is.EqualTo(NotSampledReason.NoPrivilege));
            Assert.That(definerSample.Issues.Single().Message, Does.EndWith("to scan it, run: " + grant).And.Not.Contain("GRANT SELECT"));
        }

        // And the printed statement, run as is, lets the next scan read the view
        await TestMySql.ExecuteAdminAsync(definerSample.Issues.Single().Message[(definerSample.Issues.Single().Message.IndexOf("run: ", StringComparison.Ordinal) + 5)..]);
        await using var again = ConnectorFactory.Create(ConnectionTarget.Parse(uri));
        var after = (await again.ReadCatalogAsync(CatalogFilter.All)).Tables.Single(t => t.Name == "tracked_accounts");
        var read = await again.SampleAsync(after, new SampleOptions());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Columns.Select(c => c.Name), Is.EqualTo(new[] { "id", "email", "hits" }));
            Assert.That(after.MissingAccess, Is.Null);
            Assert.That(read.Issues, Is.Empty);
            Assert.That(read.RowCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task ReadCatalog_ViewBrokenByAColumnRename_IssueSaysRepairTheViewNotGrantSelect()
    {
        // Trial47: a migration renamed a column a view reads; MariaDB lists the view without columns (warning 1356), and
        // the scan advised "GRANT SELECT ON `shop`.`v_clients` …" to an account that could already SELECT it.
        await using var db = await TestMySql.CreateAsync("t47view", """
            CREATE TABLE comptes (id int PRIMARY KEY, mail varchar(80), tel_port varchar(20));
            INSERT INTO comptes VALUES (1, 'someone@example.com', '0612345678');
            CREATE VIEW v_clients AS SELECT id, mail AS email_client, tel_port AS telephone FROM comptes;
            CREATE VIEW v_ids AS SELECT id FROM comptes;
            ALTER TABLE comptes CHANGE tel_port tel_mobile varchar(20);
            """);
        var uri = await db.CreateUserAsync();

        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var broken = catalog.Tables.Single(t => t.Name == "v_clients");
        var sample = await connector.SampleAsync(broken, new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(broken.Columns, Is.Empty);
            Assert.That(broken.MissingAccess?.Grants, Is.Empty, "no GRANT makes a broken view readable");
            Assert.That(sample.Issues.Single().Message, Does.StartWith("the server cannot open this view (error 1356): it reads a table, column or function that no longer exists")
                .And.Contain($"repair the view (SHOW CREATE VIEW `{db.Name}`.`v_clients` shows its definition) or drop it")
                .And.EndWith("; to leave it out on purpose, exclude it (exclude: in inventory.yml, or --exclude)")
                .And.Not.Contain("GRANT"));
            Assert.That(catalog.Tables.Single(t => t.Name == "v_ids").MissingAccess, Is.Null, "a view the rename left whole is read");
        }
    }

    [Test]
    public void Describe_NoStatementToRun_EndsWithTheLeaveOutHint() =>
        Assert.That(new MissingAccess("the view is broken", []).Describe(),
            Is.EqualTo("the view is broken; to leave it out on purpose, exclude it (exclude: in inventory.yml, or --exclude)"));

    [TestCase("execute command denied to user 'scanner'@'%' for routine 'shop.hit'", "shop", "hit")]
    [TestCase("execute command denied to user 'a'@'10.0.0.%' for routine 'app_db.Count Visits'", "app_db", "Count Visits")]
    public void DeniedRoutine_Error1370Text_DatabaseAndName(string message, string database, string name) =>
        Assert.That(MySqlDialect.DeniedRoutine(message), Is.EqualTo((database, name)));

    [Test]
    public void DeniedRoutine_TextNamingNoRoutine_Null() =>
        Assert.That(MySqlDialect.DeniedRoutine("View 'shop.v' references invalid table(s) or column(s) or function(s)"), Is.Null);
}
