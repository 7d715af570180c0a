using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.MySql;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>A MySQL user without a privilege on the database, or on a table it can see, is told which GRANT it needs,
/// naming the database, the table and the account, never the password.</summary>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class MySqlPrivilegeHintTests
{
    private const string Setup = """
        CREATE TABLE orders (id int PRIMARY KEY, email varchar(80));
        INSERT INTO orders VALUES (1, 'someone@example.com');
        CREATE TABLE notes (id int PRIMARY KEY, body text);
        """;

    [Test]
    public async Task ReadCatalog_UserWithoutPrivilegeOnDatabase_HintGrantsSelectOnTheDatabase()
    {
        await using var db = await TestMySql.CreateAsync("nodb", Setup);
        var uri = await db.CreateUserAsync("SELECT 1");   // the user exists and holds nothing on the database
        var user = new Uri(uri).UserInfo.Split(':')[0];
        var password = Uri.UnescapeDataString(new Uri(uri).UserInfo.Split(':')[1]);
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri));

        var e = Assert.ThrowsAsync<ConnectorException>(() => connector.ReadCatalogAsync(CatalogFilter.All));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(e!.Message, Does.Contain($"user '{user}' has no privilege on database {db.Name}"));
            Assert.That(e.Message, Does.Contain($"GRANT SELECT, SHOW VIEW ON `{db.Name}`.* TO '{user}'@'%'"));
            Assert.That(e.Message, Does.Not.Contain(password).And.Not.Contain("\n"));
        }
    }

    [Test]
    public async Task Sample_TableVisibleWithoutSelect_HintGrantsSelectToTheAccount()
    {
        await using var db = await TestMySql.CreateAsync("nosel", Setup);
        var uri = await db.CreateUserAsync($"GRANT SELECT ON `{db.Name}`.orders TO {{user}}; GRANT INSERT ON `{db.Name}`.notes TO {{user}}");
        var user = new Uri(uri).UserInfo.Split(':')[0];
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse(uri));
        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        var notes = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "notes"), new SampleOptions());
        var orders = await connector.SampleAsync(catalog.Tables.Single(t => t.Name == "orders"), new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notes.NotSampled, Is.EqualTo(NotSampledReason.NoPrivilege));
            Assert.That(notes.Issues.Single().Message, Is.EqualTo(
                $"the connected account '{user}'@'%' holds no SELECT privilege on any column of this table; " + MissingAccess.LeaveOutHint + $"; to scan it, run: GRANT SELECT ON `{db.Name}`.`notes` TO '{user}'@'%'"));
            Assert.That(orders.Issues, Is.Empty);
            Assert.That(orders.RowCount, Is.EqualTo(1));
        }

        // And the printed statement works.
        var message = notes.Issues.Single().Message;
        await TestMySql.ExecuteAdminAsync(message[(message.IndexOf("run: ", StringComparison.Ordinal) + 5)..]);
        await using var again = ConnectorFactory.Create(ConnectionTarget.Parse(uri));
        var catalog2 = await again.ReadCatalogAsync(CatalogFilter.All);
        var notes2 = await again.SampleAsync(catalog2.Tables.Single(t => t.Name == "notes"), new SampleOptions());
        Assert.That(notes2.Issues, Is.Empty);
    }

    [TestCase("scanner@%", ExpectedResult = "'scanner'@'%'")]
    [TestCase("scan@ner@10.0.0.%", ExpectedResult = "'scan@ner'@'10.0.0.%'")]
    [TestCase("o'brien@localhost", ExpectedResult = "'o''brien'@'localhost'")]
    public string AccountOf_CurrentUser_QuotedForGrant(string currentUser) => MySqlDialect.AccountOf(currentUser);
}
