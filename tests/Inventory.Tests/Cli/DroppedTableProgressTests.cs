using Inventory.Catalog;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary>Trial47: a table dropped by a migration while a nightly fleet scan ran was logged as
/// <c>tenants/trial47_t_stark.clients: not sampled (sampling disabled: catalog only), 1 issue(s)</c>, though sampling was on
/// and the table had gone. The scan now reports such a table through <see cref="IScanProgress.TableDropped"/>, and the log
/// line says what happened.</summary>
[TestFixture]
public sealed class DroppedTableProgressTests
{
    [Test]
    public async Task Scan_TableDroppedAfterCatalog_ProgressToldItWasDroppedNotThatSamplingWasOff()
    {
        // Given a SQLite database whose table 'gone' is dropped once the catalog is read
        var files = new TemporarySqliteFiles();
        try
        {
            var path = files.NewPath("trial47_drop");
            void Execute(string sql) => TemporarySqliteFiles.Execute(path, sql);
            Execute("CREATE TABLE gone (id INTEGER PRIMARY KEY, note TEXT); INSERT INTO gone (note) VALUES ('n');"
                + "CREATE TABLE kept (id INTEGER PRIMARY KEY, city TEXT); INSERT INTO kept (city) VALUES ('Lyon'), ('Lyon');");
            var progress = new RecordingProgress();

            // When it is scanned with sampling on
            var document = await new ScanRunner(ClassifierFactory.CreateRules(),
                    target => new DropAfterCatalogConnector(ConnectorFactory.Create(target), () => { Execute("DROP TABLE gone"); return Task.CompletedTask; }))
                .RunAsync(new ScanRequest { Sources = [new SourceConfig { Name = "live", Provider = "sqlite", Connection = "sqlite:" + path }] }, progress);

            // Then the progress heard that 'gone' was dropped, never that it was left unsampled, and 'kept' finished
            using (Assert.EnterMultipleScope())
            {
                Assert.That(progress.Dropped, Is.EqualTo(new[] { ("live", "gone", 1) }));
                Assert.That(progress.NotSampled, Is.Empty);
                Assert.That(progress.Finished, Is.EqualTo(new[] { ("live", "kept", 2) }));
                Assert.That(document.Issues.Single().Kind, Is.EqualTo(ScanIssue.TableDroppedKind));
            }
        }
        finally
        {
            files.DeleteAll();
        }
    }

    [TestCase(true, "  tenants/t_stark.clients: dropped during the scan: left out of the inventory (table-dropped warning)")]
    [TestCase(false, "  t_stark.clients: dropped during the scan: left out of the inventory (table-dropped warning)")]
    public void LogLine_DroppedTable_SaysDroppedAndLeftOut(bool severalSources, string expected)
    {
        var writer = new StringWriter();
        var lines = new ScanProgressView.LineProgress(new TestConsole(), writer, severalSources, TimeSpan.FromMinutes(1), TimeProvider.System);

        lines.TableDropped("tenants", "t_stark.clients", 1);
        lines.TableNotSampled("tenants", "t_stark.factures", NotSampledReason.Disabled, 0);
        lines.End();

        var text = SlowTableProgressLiveTests.WithoutTimes(writer.ToString()).Split('\n');
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text, Has.One.EqualTo(expected));
            Assert.That(text.Where(l => l.Contains("t_stark.clients", StringComparison.Ordinal)), Has.None.Contains("sampling disabled"));
            Assert.That(text, Has.One.EndsWith("t_stark.factures: not sampled (sampling disabled: catalog only)"), "sampling switched off keeps its words");
        }
    }

    private sealed class RecordingProgress : IScanProgress
    {
        private readonly Lock _gate = new();
        public List<(string Source, string Table, int Issues)> Dropped { get; } = [];
        public List<(string Source, string Table)> NotSampled { get; } = [];
        public List<(string Source, string Table, int Rows)> Finished { get; } = [];
        public void CatalogRead(string source, int tables, int columns) { }
        public void TableStarted(string source, string table) { }
        public void TableFinished(string source, string table, int sampledRows, int issues)
        {
            lock (_gate) Finished.Add((source, table, sampledRows));
        }
        public void TableNotSampled(string source, string table, NotSampledReason reason, int issues)
        {
            lock (_gate) NotSampled.Add((source, table));
        }
        public void TableDropped(string source, string table, int issues)
        {
            lock (_gate) Dropped.Add((source, table, issues));
        }
    }
}
