using System.Collections.Concurrent;
using Inventory.Catalog;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>connections-per-server bounds every connection a scan has open on one server, catalog, sampling and idle
/// pooled ones together, as the DBA sees them in <c>pg_stat_activity</c> (trial36 finding 5: a fleet of 20 databases,
/// bound 3, source-parallelism 8 showed up to 8).</summary>
/// <remarks>A backend whose client has closed (the source's pool sent Terminate and closed its socket, and only then
/// gave its slots back) stays in <c>pg_stat_activity</c> until the server process has exited, which on a loaded machine
/// can be after the next source has connected: the poll then saw one more than the bound (the flaky case (1, 8, 4)).
/// Such a backend is no longer the scan's. The scan gives a source's slots back only after its connector has closed, so
/// a backend listed beside the next source's can only be listed if its source had closed before the poll's answer came
/// back: each poll counts the backends of sources whose connector had not finished closing when its answer arrived
/// (counting those closed before it was sent, as before session 42, still let a source that closed while the poll ran
/// be counted beside the next one under load), and the backends left over from closed sources must still disappear.
/// A scan over the bound still fails: its sources' connections overlap while none of them is closing.</remarks>
[TestFixture]
[Category("Integration")]
[NonParallelizable]
public sealed class ConnectionsPerServerLiveTests
{
    [TestCase(3, 8, 8)]
    [TestCase(1, 8, 4)]
    public async Task Run_FleetOnOneServer_NeverMoreConnectionsOpenThanTheBound(int bound, int sourceParallelism, int parallelism)
    {
        // Given 20 databases of one server, 6 tables each
        var setup = string.Concat(Enumerable.Range(1, 6).Select(t =>
            $"CREATE TABLE t{t} (id int PRIMARY KEY, email text, note text); "
            + $"INSERT INTO t{t} SELECT g, 'user' || g || '@example.org', 'note ' || g FROM generate_series(1, 300) g; ANALYZE t{t}; "));
        var databases = new List<TestDatabase>();
        try
        {
            for (int i = 0; i < 20; i++) databases.Add(await TestPostgres.CreateAsync($"bound{i:00}", setup));
            var tag = $"inventory-bound-{Guid.NewGuid():N}"[..40];
            var sources = databases.Select((d, i) => new SourceConfig
            {
                Name = $"tenant{i:00}",
                Provider = "postgres",
                // The driver's pool on, as in a real scan: its idle connections count too.
                Connection = new NpgsqlConnectionStringBuilder(d.ConnectionString) { Pooling = true, ApplicationName = tag }.ConnectionString,
            }).ToList();

            // When the fleet is scanned while another session polls pg_stat_activity for the scan's connections
            await using var poller = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Pooling = false }.ConnectionString);
            await poller.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*)::int FROM pg_stat_activity WHERE application_name = @tag", poller);
            count.Parameters.AddWithValue("tag", tag);
            await using var backends = new NpgsqlCommand("SELECT datname FROM pg_stat_activity WHERE application_name = @tag", poller);
            backends.Parameters.AddWithValue("tag", tag);
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10)); // a deadlock fails here instead of hanging the suite
            var closed = new ConcurrentDictionary<string, bool>(); // database → its source's connector closed every connection
            var scan = new ScanRunner(ClassifierFactory.CreateRules(), target => new ClosingRecorder(ConnectorFactory.Create(target), target, closed)).RunAsync(new ScanRequest
            {
                Sources = sources,
                SourceParallelism = sourceParallelism,
                Parallelism = parallelism,
                MaxConnectionsPerServer = bound,
            }, cancellationToken: deadline.Token);
            int max = 0, polls = 0, seen = 0, closing = 0, mostListed = 0;
            while (!scan.IsCompleted)
            {
                var listedDatabases = new List<string>();
                await using (var reader = await backends.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync()) listedDatabases.Add(reader.GetString(0));
                }
                // Sources closed by the time the answer is back: their backends, if listed, may be exiting (the server's
                // snapshot can be taken after such a source closed and the next one connected in its slot).
                var closedByAnswer = closed.Keys.ToHashSet(StringComparer.Ordinal);
                int listed = listedDatabases.Count, open = listedDatabases.Count(d => !closedByAnswer.Contains(d));
                max = Math.Max(max, open);
                polls++;
                if (open > 0) seen++;
                if (listed > open) closing++;
                mostListed = Math.Max(mostListed, listed);
            }
            TestContext.Out.WriteLine($"{polls} polls, most open {max}, most listed {mostListed}, {closing} polls listing backends of closed sources");
            var document = await scan;
            // Once the scan has returned, nothing of it stays open (the pools were closed with their sources).
            int after = -1;
            for (int i = 0; i < 600 && after != 0; i++) // up to 30 s: an exiting backend waits for a core on a loaded machine
            {
                after = (int)(await count.ExecuteScalarAsync())!;
                if (after != 0) await Task.Delay(50);
            }

            // Then every source was scanned and no poll saw more connections than the bound
            using (Assert.EnterMultipleScope())
            {
                Assert.That(document.Sources, Has.Count.EqualTo(20));
                Assert.That(document.Issues, Is.Empty);
                Assert.That(document.AllTables().Count(), Is.EqualTo(120));
                Assert.That(seen, Is.GreaterThan(0), $"the poller saw the scan's connections ({polls} polls)");
                Assert.That(closed.Keys, Is.EquivalentTo(databases.Select(d => d.Name)), "every source's connector closed");
                Assert.That(max, Is.InRange(1, bound), $"most connections of the scan open at once over {polls} polls");
                Assert.That(after, Is.Zero, "connections left open after the scan");
            }
        }
        finally
        {
            foreach (var d in databases) await d.DisposeAsync();
        }
    }

    /// <summary>The scan's connector for one database, recording that the database's connections are closed once its
    /// disposal (which closes the pool's connections) has returned.</summary>
    private sealed class ClosingRecorder(IConnector inner, ConnectionTarget target, ConcurrentDictionary<string, bool> closed) : IConnector
    {
        public string Provider => inner.Provider;
        public string Target => inner.Target;

        public Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default) =>
            inner.ReadCatalogAsync(filter, timeouts, cancellationToken);

        // The scan reads the catalog in stages (sampling while the keys are read): the bound must hold then too.
        public Task<StagedCatalog> ReadCatalogInStagesAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default) =>
            inner.ReadCatalogInStagesAsync(filter, timeouts, cancellationToken);

        public Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default) =>
            inner.SampleAsync(table, options, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            closed[new NpgsqlConnectionStringBuilder(target.ConnectionString).Database!] = true;
        }
    }
}
