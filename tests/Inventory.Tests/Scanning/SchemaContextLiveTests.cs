using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>Issue 10 (context39) on real servers: a scan reads a table's schema as <c>inventory evaluate</c> reads the
/// corpus's <c>schema.table</c>. On PostgreSQL, <c>events.clicks</c> and <c>events.entries</c> are event tables by their
/// schema (the event time <c>automatic.activity</c>, the tracking session id <c>automatic.device_id</c>, LABELS.md
/// tie-breakers 10 and 11) while the same <c>entries</c> in <c>public</c> is not; every column gets the decision the
/// evaluate path gives the same names and types. On MariaDB the database the connection opened is the default schema,
/// so a database named with an event word moves nothing.</summary>
[TestFixture]
[Category("Integration")]
public sealed class SchemaContextLiveTests
{
    private static readonly Lazy<IColumnClassifier> Combined = new(() => ClassifierFactory.CreateDefault());

    private static async Task<InventoryDocument> ScanAsync(string provider, string connection) =>
        await new ScanRunner(Combined.Value).RunAsync(new ScanRequest
        {
            Sources = [new SourceConfig { Name = "app", Provider = provider, Connection = connection }],
        });

    // The decision inventory evaluate gives a column of a corpus file (names and types only).
    private static ColumnClassification Evaluated(string table, string column, string type, string[] columns) =>
        Combined.Value.Classify(new GoldRow(table, column, type, "none", "", "", 1).ToEvidence(columns));

    private static ColumnEntry Column(InventoryDocument document, string schema, string table, string column) =>
        document.AllColumns().Single(x => x.Table.Schema == schema && x.Table.Name == table && x.Column.Name == column).Column;

    [Test]
    public async Task Scan_PostgresEventsSchema_ReadsItsTablesAsEventTables_AsEvaluateDoes()
    {
        await using var db = await TestPostgres.CreateAsync("ctx39", """
            CREATE SCHEMA events;
            CREATE TABLE events.clicks (session_id uuid, x integer, y integer, url text, "timestamp" bigint);
            CREATE TABLE events.entries (id bigint, label text, value text, "timestamp" bigint);
            CREATE TABLE public.entries (id bigint, label text, value text, "timestamp" bigint);
            """);
        var document = await ScanAsync("postgres", db.ConnectionString);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Column(document, "events", "clicks", "timestamp").DataCategory, Is.EqualTo("automatic.activity"), "the event's time");
            Assert.That(Column(document, "events", "clicks", "session_id").DataCategory, Is.EqualTo("automatic.device_id"), "a tracking session id");
            Assert.That(Column(document, "events", "entries", "timestamp").DataCategory, Is.EqualTo("automatic.activity"), "the event's time, by the schema alone");
            Assert.That(Column(document, "public", "entries", "timestamp").DataCategory, Is.EqualTo("none"), "public says nothing of the rows");
        }
        // The scan and inventory evaluate read the same context: the same decision for every column (the tables are
        // empty, so the scan has names and types only, like the corpus).
        var disagreements = new List<string>();
        foreach (var (_, table, column) in document.AllColumns())
        {
            var qualified = table.Schema == "public" ? table.Name : $"{table.Schema}.{table.Name}";
            var columns = table.Columns.Select(c => c.Name).ToArray();
            var evaluated = Evaluated(qualified, column.Name, column.DeclaredType, columns);
            if (evaluated.DataCategory != column.DataCategory || Math.Abs(evaluated.Confidence - column.Confidence) > 1e-9)
                disagreements.Add($"{qualified}.{column.Name}: scan {column.DataCategory} {column.Confidence:0.000}, evaluate {evaluated.DataCategory} {evaluated.Confidence:0.000}");
        }
        Assert.That(disagreements, Is.Empty);
        Assert.That(document.AllColumns().Count(), Is.EqualTo(13));
    }

    [Test]
    public async Task Scan_MariaDbDatabaseNamedWithAnEventWord_IsTheDefaultSchema_AndMovesNothing()
    {
        await using var db = await TestMySql.CreateAsync("events", """
            CREATE TABLE entries (id bigint, label text, value text, `timestamp` bigint);
            """);
        var document = await ScanAsync("mysql", db.ConnectionString);
        var entries = document.AllColumns().Where(x => x.Table.Name == "entries").ToList();
        Assert.That(entries, Has.Count.EqualTo(4));
        Assert.That(entries[0].Table.Schema, Does.Contain("events"), "precondition: the database's name holds an event word");
        foreach (var (_, table, column) in entries)
        {
            var bare = Evaluated("entries", column.Name, column.DeclaredType, table.Columns.Select(c => c.Name).ToArray());
            Assert.That(column.DataCategory, Is.EqualTo(bare.DataCategory), $"{column.Name}: the database the connection opened is no context");
        }
        Assert.That(entries.Single(x => x.Column.Name == "timestamp").Column.DataCategory, Is.EqualTo("none"));
    }
}
