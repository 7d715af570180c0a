using Inventory.Catalog;
using Inventory.Connectors;
using NUnit.Framework;

namespace Inventory.Tests.Connectors;

/// <summary>
/// An error's code is named as its engine names it (trial32 finding 11: a text file among SQLite sources ended
/// "… SQLite error 26: file is not a database; is this a SQLite database file? (SQLSTATE 26)"; SQLite has result codes,
/// SQL Server error numbers, and only PostgreSQL, MySQL and MariaDB SQLSTATEs).
/// </summary>
public sealed class ConnectorErrorCodeTests
{
    [TestCase("postgres", "28P01", "db: refused (SQLSTATE 28P01)")]
    [TestCase("mysql", "42000", "db: refused (SQLSTATE 42000)")]
    [TestCase("mariadb", "1045", "db: refused (error 1045)")]
    [TestCase("sqlserver", "18456", "db: refused (error 18456)")]
    [TestCase("sqlserver", "4060", "db: refused (error 4060)")]
    [TestCase("sqlite", "14", "db: refused (SQLite result code 14)")]
    public void Message_NamesTheCodeAsItsEngineDoes(string provider, string code, string ending) =>
        Assert.That(new ConnectorException(provider, "db", "refused", code).Message, Is.EqualTo($"{provider} {ending}"));

    [Test]
    public void Message_WithoutACode_EndsWithTheMessage() =>
        Assert.That(new ConnectorException("postgres", "db", "refused").Message, Is.EqualTo("postgres db: refused"));

    [Test]
    public async Task SqliteCatalog_OfAFileThatIsNoDatabase_SaysSQLiteErrorOnceAndNoSqlState()
    {
        // Given a text file where a SQLite database was expected
        var path = Path.Combine(Path.GetTempPath(), $"inventory-not-a-db-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("this is a text file, not a database\n", 200)));
        try
        {
            await using var connector = new SqliteConnector(ConnectionTarget.Parse("sqlite:" + path));

            // When its catalog is read
            var error = Assert.ThrowsAsync<ConnectorException>(async () => await connector.ReadCatalogAsync(CatalogFilter.All));

            // Then the error names SQLite's result code once, asks whether it is a SQLite file, and says no SQLSTATE
            using (Assert.EnterMultipleScope())
            {
                Assert.That(error!.Message, Does.Contain("SQLite error 26"));
                Assert.That(error.Message, Does.Contain("is this a SQLite database file?"));
                Assert.That(error.Message, Does.Not.Contain("SQLSTATE"));
                Assert.That(error.SqlState, Is.EqualTo("26"));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
