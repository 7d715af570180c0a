using System.Text.Json;
using Inventory.Cli;
using Inventory.Config;
using Inventory.Tests.Annotations;
using Inventory.Tests.Support;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Sqlite;

/// <summary>
/// <c>immutable: true</c> on a SQLite source (users45): the file is opened with SQLite's <c>immutable=1</c>, which takes
/// no lock. Shown on a real file another connection holds an exclusive lock on: the ordinary scan cannot read the
/// table within its lock timeout, the immutable one reads and classifies it. Refused, at the key, on a source that is
/// not SQLite.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ImmutableSqliteTests
{
    private TempFolder _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = new TempFolder();

    [TearDown]
    public void RemoveFolder()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private async Task<(int Code, string Output, JsonElement? Table)> ScanAsync(string config)
    {
        var path = _dir.Write("inventory.yml", config);
        var output = Path.Combine(_dir.Path, $"{Guid.NewGuid():N}.json");
        var (code, console) = await InProcessCli.RunAsync("scan", "--config", path, "--out", output);
        if (!File.Exists(output)) return (code, console, null);
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        var tables = document.RootElement.GetProperty("sources")[0].GetProperty("tables").EnumerateArray().ToArray();
        return (code, console, tables.Length == 0 ? null : tables[0].Clone());
    }

    private static string? EmailEvidence(JsonElement? table)
    {
        if (table is not { } t) return null;
        var email = t.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "email");
        var detector = email.GetProperty("classification").GetProperty("evidence").EnumerateArray()
            .FirstOrDefault(e => e.GetProperty("id").GetString() == "detector.email");
        return detector.ValueKind == JsonValueKind.Undefined ? null : $"{detector.GetProperty("matched").GetInt32()}/{detector.GetProperty("total").GetInt32()}";
    }

    /// <summary>Writes a SQLite file of 20 people at <paramref name="database"/>.</summary>
    private static void WriteArchive(string database) =>
        InProcessCli.ExecuteSqlite(database, "CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT);"
            + string.Concat(Enumerable.Range(1, 20).Select(i => $"INSERT INTO people (email) VALUES ('person{i}@example.org');")));

    /// <summary>Another process's writer on a file of 20 people (<see cref="WriteArchive"/>), holding an exclusive lock
    /// (rollback journal mode, the default) with one row pending until disposed, when it rolls back.</summary>
    private sealed class LockedArchive : IDisposable
    {
        private readonly SqliteConnection _writer;

        public LockedArchive(string database)
        {
            WriteArchive(database);
            _writer = new SqliteConnection($"Data Source={database};Pooling=False");
            _writer.Open();
            using var begin = _writer.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE; INSERT INTO people (email) VALUES ('pending@example.org');";
            begin.ExecuteNonQuery();
        }

        public void Dispose()
        {
            using (var rollback = _writer.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }
            _writer.Dispose();
        }
    }

    [Test]
    public async Task ExclusivelyLockedFile_ReadOnlyWhenImmutable()
    {
        var database = Path.Combine(_dir.Path, "archive.db");
        using var writer = new LockedArchive(database);

        var locked = await ScanAsync("connection: sqlite:archive.db\nsample: { lock-timeout: 1s }\n");
        var immutable = await ScanAsync("connection: sqlite:archive.db\nimmutable: true\nsample: { lock-timeout: 1s }\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(EmailEvidence(locked.Table), Is.Null, $"the locked file is not read without immutable; exit {locked.Code}: {locked.Output}");
            Assert.That(immutable.Code, Is.EqualTo(ExitCodes.Ok), immutable.Output);
            // The committed rows only: the writer's pending row is in its journal, which immutable never reads.
            Assert.That(EmailEvidence(immutable.Table), Is.EqualTo("20/20"));
        }
    }

    [Test]
    public async Task NotLocked_SameInventoryWithAndWithoutImmutable()
    {
        var database = Path.Combine(_dir.Path, "archive.db");
        WriteArchive(database);

        var plain = await ScanAsync("connection: sqlite:archive.db\n");
        var immutable = await ScanAsync("connection: sqlite:archive.db\nimmutable: true\n");

        Assert.That((plain.Code, immutable.Code), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)));
        Assert.That(EmailEvidence(immutable.Table), Is.EqualTo(EmailEvidence(plain.Table)).And.EqualTo("20/20"));
        Assert.That(File.Exists(database + "-journal") || File.Exists(database + "-wal"), Is.False, "nothing written beside the file");
    }

    [Test]
    public void Load_ImmutableOnAnExplicitProvider_ErrorAtTheKey()
    {
        var path = _dir.Write("inventory.yml", "sources:\n  - name: crm\n    provider: postgres\n    connection: postgres://scanner@db.example/crm\n    immutable: true\n");

        var error = Assert.Throws<ConfigurationException>(() => InventoryConfig.Load(path, _ => null))!;

        Assert.That((error.Line, error.Column), Is.EqualTo((5, 16)));
        Assert.That(error.Reason, Is.EqualTo("'immutable' opens a SQLite file without locking; source 'crm' is provider 'postgres'"));
    }

    [Test]
    public async Task Scan_ImmutableOnAnInferredPostgresConnection_ErrorAtTheKeyBeforeConnecting()
    {
        var (code, output, _) = await ScanAsync("sources:\n  - name: crm\n    connection: postgres://scanner@127.0.0.1:1/crm\n    immutable: true\n");

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
        Assert.That(output, Does.Contain("inventory.yml:4:16: source 'crm': 'immutable' opens a SQLite file without locking; this connection is postgres"));
    }

    /// <summary><c>scan --immutable</c> (session 46): the config key as a flag, for a <c>--connection</c> given on the
    /// command line. The same exclusively locked file: not read without the flag, read (committed rows only) with it.</summary>
    [Test]
    public async Task ScanFlag_ExclusivelyLockedFile_ReadOnlyWithTheFlag()
    {
        var database = Path.Combine(_dir.Path, "archive.db");
        using var writer = new LockedArchive(database);

        var locked = await ScanFlagsAsync("--connection", "sqlite:" + database, "--lock-timeout", "1s");
        var immutable = await ScanFlagsAsync("--connection", "sqlite:" + database, "--lock-timeout", "1s", "--immutable");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(EmailEvidence(locked.Table), Is.Null, $"the locked file is not read without --immutable; exit {locked.Code}: {locked.Output}");
            Assert.That(immutable.Code, Is.EqualTo(ExitCodes.Ok), immutable.Output);
            Assert.That(EmailEvidence(immutable.Table), Is.EqualTo("20/20"));
        }
    }

    [Test]
    public async Task ScanFlag_OnAPostgresConnection_ErrorNamingTheFlagBeforeConnecting()
    {
        var (code, output, _) = await ScanFlagsAsync("--connection", "postgres://scanner@127.0.0.1:1/crm", "--immutable");

        Assert.That(code, Is.EqualTo(ExitCodes.BadInput), output);
        Assert.That(output, Does.Contain("source 'default': --immutable opens a SQLite file without locking; this connection is postgres"));
    }

    private async Task<(int Code, string Output, JsonElement? Table)> ScanFlagsAsync(params string[] flags)
    {
        var output = Path.Combine(_dir.Path, $"{Guid.NewGuid():N}.json");
        var (code, console) = await InProcessCli.RunAsync(["scan", .. flags, "--out", output]);
        if (!File.Exists(output)) return (code, console, null);
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        var tables = document.RootElement.GetProperty("sources")[0].GetProperty("tables").EnumerateArray().ToArray();
        return (code, console, tables.Length == 0 ? null : tables[0].Clone());
    }

    [Test]
    public void Load_ImmutableNotABoolean_Refused()
    {
        var path = _dir.Write("inventory.yml", "connection: sqlite:archive.db\nimmutable: sometimes\n");

        var error = Assert.Throws<ConfigurationException>(() => InventoryConfig.Load(path, _ => null))!;

        Assert.That((error.Line, error.Column, error.Reason), Is.EqualTo((2, 12, "'immutable' must be true or false, not 'sometimes'")));
    }
}
