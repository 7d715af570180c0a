using Inventory.Catalog;
using Inventory.Connectors.MySql;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.MySql;

/// <summary>The issue of a base table information_schema listed without any column, by the warnings it left (the lock
/// case runs live in <see cref="CatalogLockTimeoutLiveTests"/>).</summary>
[TestFixture]
public sealed class MySqlUnreadDefinitionTests
{
    private static readonly SampleOptions Limits = new() { StatementTimeout = TimeSpan.FromMilliseconds(250), LockTimeout = TimeSpan.FromSeconds(2) };

    [TestCase(1205, "the catalog read waited longer than the lock timeout of 2 s for a lock (another session holds an exclusive metadata lock on the table, as DDL does)")]
    [TestCase(1969, "a catalog query ran longer than the statement timeout of 250 ms; raise timeout: under the source's sample: in inventory.yml, or pass --timeout")]
    [TestCase(3024, "a catalog query ran longer than the statement timeout of 250 ms")]
    [TestCase(1356, "information_schema listed no column of it (warning 1356); check the account's privileges")]
    public void UnreadDefinition_Warning_NamesTheLimitOrTheCode(int warning, string expected)
    {
        var message = MySqlDatabaseConnector.UnreadDefinition(new HashSet<int> { warning }, Limits);

        Assert.That(message, Does.StartWith("its definition could not be read, so it is left out of the inventory: ").And.Contain(expected));
    }

    [Test]
    public void UnreadDefinition_NoWarning_SaysSo() =>
        Assert.That(MySqlDatabaseConnector.UnreadDefinition(new HashSet<int>(), Limits), Does.Contain("(no warning)"));
}
