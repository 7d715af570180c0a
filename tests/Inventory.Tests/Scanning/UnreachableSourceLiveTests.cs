using System.Net;
using System.Net.Sockets;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using Npgsql;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Scanning;

/// <summary>A fleet scan where some sources cannot be reached (trial 19: one tenant database down, or one the scanning
/// role may not CONNECT to, aborted the scan of every other source with exit 2 and no inventory). Live: a real
/// PostgreSQL database that is scanned, a real one the role may not connect to, and a port nothing listens on.</summary>
[TestFixture]
[Category("Integration")]
public sealed class UnreachableSourceLiveTests
{
    private const string Password = "Fl33t#s3cret";
    private string _dir = "";
    private TestDatabase? _reachable;
    private TestDatabase? _forbidden;
    private string _role = "";

    [OneTimeSetUp]
    public async Task CreateDatabases()
    {
        _role = $"inv_fleet_{Guid.NewGuid():N}"[..24];
        _reachable = await TestPostgres.CreateAsync("fleetok",
            "CREATE TABLE clients (id int PRIMARY KEY, email text); INSERT INTO clients VALUES (1, 'a.b@example.org'), (2, 'c.d@example.org');");
        _forbidden = await TestPostgres.CreateAsync("fleetno", "CREATE TABLE clients (id int PRIMARY KEY, email text);");
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await admin.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"CREATE ROLE \"{_role}\" LOGIN PASSWORD '{Password}'; " +
            $"REVOKE CONNECT ON DATABASE \"{_forbidden.Name}\" FROM PUBLIC; " +
            $"GRANT CONNECT ON DATABASE \"{_reachable.Name}\" TO \"{_role}\";", admin);
        await cmd.ExecuteNonQueryAsync();
        await _reachable.ExecuteAsync($"GRANT SELECT ON clients TO \"{_role}\"");
    }

    [OneTimeTearDown]
    public async Task DropDatabases()
    {
        if (_reachable is not null) await _reachable.DisposeAsync();
        if (_forbidden is not null) await _forbidden.DisposeAsync();
        await TestPostgres.DropRoleAsync(_role);
    }

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-fleet-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>A URI for the test role on the test server, to the named database and, when given, another port.</summary>
    private string Connection(string database, int? port = null)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        return $"postgres://{_role}:{System.Uri.EscapeDataString(Password)}@{admin.Host}:{port ?? admin.Port}/{database}";
    }

    /// <summary>A local TCP port nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private List<SourceConfig> Fleet()
    {
        var sqlite = Path.Combine(_dir, "support.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqlite}"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE tickets (id INTEGER PRIMARY KEY, requester_email TEXT); INSERT INTO tickets (requester_email) VALUES ('e.f@example.org');";
            cmd.ExecuteNonQuery();
        }
        return
        [
            new SourceConfig { Name = "tenant-ok", Connection = Connection(_reachable!.Name) },
            new SourceConfig { Name = "tenant-down", Connection = Connection(_reachable.Name, ClosedPort()) },
            new SourceConfig { Name = "tenant-no-connect", Connection = Connection(_forbidden!.Name) },
            new SourceConfig { Name = "support", Connection = "sqlite:" + sqlite },
        ];
    }

    [Test]
    public async Task Run_SomeSourcesUnreachable_ScansTheOthersAndRecordsOneIssueEach()
    {
        var document = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = Fleet(), SourceParallelism = 2 });

        var failed = document.Issues.Where(i => i.Kind == "connection-failed").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Sources.Select(s => s.Name), Is.EquivalentTo(new[] { "tenant-ok", "support" }), "the reachable sources are scanned");
            Assert.That(document.AllTables().Select(t => t.Table.QualifiedName), Is.EquivalentTo(new[] { "clients", "tickets" }));
            Assert.That(failed.Select(i => i.Source), Is.EquivalentTo(new[] { "tenant-down", "tenant-no-connect" }));
            Assert.That(failed.Select(i => (i.Table, i.Column)), Is.All.EqualTo(((string?)null, (string?)null)));
            Assert.That(failed.Single(i => i.Source == "tenant-down").Message, Does.Contain("connection refused"));
            Assert.That(failed.Single(i => i.Source == "tenant-no-connect").Message, Does.Contain("SQLSTATE 42501"));
            Assert.That(failed.Select(i => i.Message), Has.None.Contains(Password).And.None.Contains(System.Uri.EscapeDataString(Password)));
            Assert.That(document.Complete, Is.False, "a source left out makes the scan incomplete");
        }
    }

    [Test]
    public void Run_EverySourceUnreachable_ThrowsOneErrorNamingEachSource()
    {
        var sources = Fleet().Where(s => s.Name is "tenant-down" or "tenant-no-connect").ToList();

        var error = Assert.ThrowsAsync<ConnectorException>(async () => await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = sources }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Failures.Select(f => f.SourceName), Is.EqualTo(new[] { "tenant-down", "tenant-no-connect" }), "each source, in name order");
            Assert.That(error.Failures[0].Message, Does.Contain("connection refused"));
            Assert.That(error.Failures[1].SqlState, Is.EqualTo("42501"));
            Assert.That(error.Message, Does.StartWith("none of the 2 sources could be reached, nothing was scanned: (1) source 'tenant-down': postgres "));
            Assert.That(error.Message, Does.Contain("; (2) source 'tenant-no-connect': postgres ").And.Contain("(SQLSTATE 42501)"));
            Assert.That(error.Message, Does.Not.Contain(Password).And.Not.Contain(System.Uri.EscapeDataString(Password)));
        }
    }

    /// <summary>trial42 finding 9: with no source reached (exit 2) the <c>error:</c> line named the first source only. Now
    /// it names each, where its connection is written, its engine and target, and why: a refused port, a wrong password,
    /// a database the role may not CONNECT to.</summary>
    [Test]
    public async Task ScanCommand_NoSourceReachable_ErrorLineNamesEverySourceWithItsCause()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        var wrongPassword = $"postgres://{_role}:Wr0ng%23pw@{admin.Host}:{admin.Port}/{_reachable!.Name}";
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config,
            "sources:\n" +
            $"  - name: tenant-down\n    connection: \"{Connection(_reachable.Name, ClosedPort())}\"\n" +
            $"  - name: tenant-bad-login\n    connection: \"{wrongPassword}\"\n" +
            $"  - name: tenant-no-connect\n    connection: \"{Connection(_forbidden!.Name)}\"\n");
        var output = Path.Combine(_dir, "inventory.json");
        var console = new TestConsole();
        console.Profile.Width = 250;

        var code = await InventoryApp.RunAsync(["scan", "--config", config, "--out", output], console);

        var error = console.Output.Split('\n').Single(l => l.StartsWith("error:", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.BadInput), console.Output);
            Assert.That(File.Exists(output), Is.False, "nothing was scanned, nothing is written");
            Assert.That(error, Does.StartWith("error: none of the 3 sources could be reached, nothing was scanned: (1) source 'tenant-bad-login' (connection at inventory.yml:5:17): postgres "));
            Assert.That(error, Does.Contain("password authentication failed for user"));
            Assert.That(error, Does.Contain("; (2) source 'tenant-down' (connection at inventory.yml:3:17): postgres ").And.Contain("connection refused"));
            Assert.That(error, Does.Contain("; (3) source 'tenant-no-connect' (connection at inventory.yml:7:17): postgres ").And.Contain("(SQLSTATE 42501)"));
            Assert.That(console.Output, Does.Not.Contain(Password).And.Not.Contain(System.Uri.EscapeDataString(Password)).And.Not.Contain("Wr0ng"));
        }
    }

    [Test]
    public async Task ScanCommand_FleetWithOneSourceDown_WritesTheInventoryAndExitsThree()
    {
        var fleet = Fleet();
        var config = Path.Combine(_dir, "inventory.yml");
        File.WriteAllText(config, "sources:\n" + string.Concat(fleet.Select(s => $"  - name: {s.Name}\n    connection: \"{s.Connection}\"\n")));
        var output = Path.Combine(_dir, "inventory.json");
        var console = new TestConsole();
        console.Profile.Width = 250;

        var code = await InventoryApp.RunAsync(["scan", "--config", config, "--out", output], console);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(ExitCodes.ScanIncomplete), console.Output);
            Assert.That(File.Exists(output), Is.True, "the inventory of the reachable sources is written");
            Assert.That(InventoryJson.Read(output).Sources.Select(s => s.Name), Is.EquivalentTo(new[] { "tenant-ok", "support" }));
            Assert.That(console.Output, Does.Contain("! tenant-down: connection-failed: source not scanned (connection at inventory.yml:5:17): postgres "));
            Assert.That(console.Output, Does.Not.Contain(Password));
            // Progress (trial 19 #15): the unreachable sources are counted and named as failed, never as done.
            Assert.That(console.Output, Does.Match(@"sources 2/4 done, 2 failed: (tenant-down, tenant-no-connect|tenant-no-connect, tenant-down) "));
            Assert.That(console.Output, Does.Contain("(tenant-down not scanned: postgres "));
            Assert.That(console.Output, Does.Not.Match(@"\((tenant-down|tenant-no-connect) \d+\.\d s\)"), "a failed source is never timed as scanned");
            Assert.That(console.Output, Does.Not.Match(@"sources [34]/4 done"), "only the two reached sources count as done");
        }
    }

    [Test]
    public async Task Run_SomeSourcesUnreachable_ReportsThemAsFailedNotFinished()
    {
        var progress = new SourceRecorder();

        await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = Fleet(), SourceParallelism = 2 }, progress);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(progress.Finished, Is.EquivalentTo(new[] { "tenant-ok", "support" }));
            Assert.That(progress.Failed.Select(f => f.Source), Is.EquivalentTo(new[] { "tenant-down", "tenant-no-connect" }));
            Assert.That(progress.Failed.Single(f => f.Source == "tenant-down").Cause, Does.Contain("connection refused").And.Not.Contains(Password));
            Assert.That(progress.Ended.Order(), Is.EqualTo(new[] { 1, 2, 3, 4 }), "scanned and failed sources share one count of ended sources");
        }
    }

    [Test]
    public void SourceTally_NamesTheFirstThreeFailuresAndCountsTheRest()
    {
        var tally = new ScanProgressView.SourceTally();
        Assert.That(tally.Describe(2, 9), Is.EqualTo("sources 2/9 done"));
        foreach (var name in new[] { "a", "b", "c", "d" }) tally.Failed(name);

        Assert.That(tally.Describe(7, 9), Is.EqualTo("sources 3/9 done, 4 failed: a, b, c and 1 more"));
    }

    private sealed class SourceRecorder : IScanProgress
    {
        private readonly Lock _gate = new();
        public List<string> Finished { get; } = [];
        public List<(string Source, string Cause)> Failed { get; } = [];
        public List<int> Ended { get; } = [];
        public void CatalogRead(string source, int tables, int columns) { }
        public void TableStarted(string source, string table) { }
        public void TableFinished(string source, string table, int sampledRows, int issues) { }
        public void SourceFinished(string source, int done, int total, TimeSpan elapsed)
        {
            lock (_gate) { Finished.Add(source); Ended.Add(done); }
        }
        public void SourceFailed(string source, int ended, int total, string cause)
        {
            lock (_gate) { Failed.Add((source, cause)); Ended.Add(ended); }
        }
    }
}
