using Inventory.Config;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>connections-per-server bounds every connection a scan has open on one server, catalog, sampling and idle
/// pooled ones together, as the DBA sees them in <c>pg_stat_activity</c> (trial36 finding 5: a fleet of 20 databases,
/// bound 3, source-parallelism 8 showed up to 8).</summary>
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
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10)); // a deadlock fails here instead of hanging the suite
            var scan = new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest
            {
                Sources = sources,
                SourceParallelism = sourceParallelism,
                Parallelism = parallelism,
                MaxConnectionsPerServer = bound,
            }, cancellationToken: deadline.Token);
            int max = 0, polls = 0, seen = 0;
            while (!scan.IsCompleted)
            {
                var open = (int)(await count.ExecuteScalarAsync())!;
                max = Math.Max(max, open);
                polls++;
                if (open > 0) seen++;
            }
            var document = await scan;
            // Once the scan has returned, nothing of it stays open (the pools were closed with their sources).
            int after = -1;
            for (int i = 0; i < 100 && after != 0; i++)
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
                Assert.That(max, Is.InRange(1, bound), $"most connections of the scan open at once over {polls} polls");
                Assert.That(after, Is.Zero, "connections left open after the scan");
            }
        }
        finally
        {
            foreach (var d in databases) await d.DisposeAsync();
        }
    }
}
