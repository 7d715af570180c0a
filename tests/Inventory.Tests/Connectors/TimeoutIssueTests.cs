using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Connectors.Sampling;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Connectors;

/// <summary>A table whose read hits the statement timeout gets an issue that names the limit it ran under and what to
/// change (trial28 finding 4: PostgreSQL and MariaDB said only "statement timeout"), on every provider.</summary>
[TestFixture]
public sealed class TimeoutIssueTests
{
    private sealed class UndecidedClassifier : IColumnClassifier
    {
        public ColumnClassification Classify(ColumnEvidence column) => ColumnClassification.Undecided();
    }

    [TestCase(1, ExpectedResult = "1 ms")]
    [TestCase(250, ExpectedResult = "250 ms")]
    [TestCase(1000, ExpectedResult = "1 s")]
    [TestCase(1500, ExpectedResult = "1.5 s")]
    [TestCase(30_000, ExpectedResult = "30 s")]
    public string Duration_Milliseconds_Words(int milliseconds) => SampleLimits.Duration(TimeSpan.FromMilliseconds(milliseconds));

    private static void AssertAdvice(InventoryDocument document, string table, string limit)
    {
        var issue = document.Issues.Single(i => i.Table == table);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(issue.Kind, Is.EqualTo("timeout"));
            Assert.That(issue.Message, Does.StartWith("sampling failed: statement timeout"));
            Assert.That(issue.Message, Does.Contain($"the limits were a statement timeout of {limit} and a lock timeout of 5 s"));
            Assert.That(issue.Message, Does.Contain("raise timeout: (or lock-timeout:) under the source's sample: in inventory.yml, or pass --timeout (or --lock-timeout), or exclude the table"));
            Assert.That(issue.Message, Does.Not.Contain("@example."), "no sampled value");
        }
    }

    [Test]
    [Category("Integration")]
    public async Task StatementTimeout_PostgresSlowView_IssueNamesTheLimitAndWhatToChange()
    {
        await using var db = await TestPostgres.CreateAsync("tmoadv", """
            CREATE TABLE a_customer (id int, email text);
            INSERT INTO a_customer VALUES (1, 'ana.k@example.com'), (2, 'b.osei@example.org');
            CREATE FUNCTION slow_id(i int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(5); RETURN i; END $$;
            CREATE VIEW c_slow AS SELECT slow_id(id) AS id, email FROM a_customer;
            """);
        var source = new SourceConfig
        {
            Name = "app", Provider = "postgres", Connection = db.ConnectionString,
            Sample = new SampleOptions { StatementTimeout = TimeSpan.FromMilliseconds(300) },
        };

        var document = await new ScanRunner(new UndecidedClassifier()).RunAsync(new ScanRequest { Sources = [source], Parallelism = 1 });

        AssertAdvice(document, "c_slow", "300 ms");
    }

    [Test]
    [Category("Integration")]
    public async Task StatementTimeout_MariaDbSlowView_IssueNamesTheLimitAndWhatToChange()
    {
        await using var db = await TestMySql.CreateAsync("tmoadv", """
            CREATE TABLE a_customer (id int PRIMARY KEY, email varchar(80));
            INSERT INTO a_customer VALUES (1, 'ana.k@example.com'), (2, 'b.osei@example.org');
            CREATE VIEW c_slow AS SELECT SLEEP(20) AS pause, email FROM a_customer;
            """);
        var uri = await db.CreateUserAsync();
        var source = new SourceConfig { Name = "app", Connection = uri, Sample = new SampleOptions { StatementTimeout = TimeSpan.FromSeconds(1) } };

        var document = await new ScanRunner(new UndecidedClassifier()).RunAsync(new ScanRequest { Sources = [source], Parallelism = 1 });

        AssertAdvice(document, "c_slow", "1 s");
    }
}
