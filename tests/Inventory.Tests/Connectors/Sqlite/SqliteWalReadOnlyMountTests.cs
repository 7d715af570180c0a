using System.Diagnostics;
using Inventory.Catalog;
using Inventory.Connectors;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Sqlite;

/// <summary>trial42 finding 4: a WAL-mode SQLite file on a read-only mount failed with "SQLite error 14: unable to open
/// database file; is this a SQLite database file?", which sends the user to a corrupt file. The error now says the file is
/// in WAL mode, that SQLite needs its -shm file beside it even to read, and the ways out; a rollback-journal file on the
/// same mount is still read. Real files on a real read-only bind mount: root ignores folder permissions, so a
/// <c>chmod</c> would prove nothing when the tests run as root; without the right to mount the test is skipped.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SqliteWalReadOnlyMountTests
{
    private string _source = "";
    private string _mount = "";
    private bool _mounted;

    [SetUp]
    public void SetUp()
    {
        _source = Path.Combine(Path.GetTempPath(), $"inventory-walsrc-{Guid.NewGuid():N}");
        _mount = Path.Combine(Path.GetTempPath(), $"inventory-walro-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_source);
        Directory.CreateDirectory(_mount);
        Create(Path.Combine(_source, "app.db"), wal: true);
        Create(Path.Combine(_source, "legacy.db"), wal: false);
        SqliteConnection.ClearAllPools();
        if (!Run("mount", "--bind", _source, _mount))
            Assert.Ignore("no right to bind-mount a folder here (not root, or no CAP_SYS_ADMIN): a read-only mount cannot be made");
        _mounted = true;
        if (!Run("mount", "-o", "remount,bind,ro", _mount))
            Assert.Ignore("the bind mount could not be made read-only here");
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        if (_mounted) Run("umount", _mount);
        Directory.Delete(_mount, recursive: true);
        Directory.Delete(_source, recursive: true);
    }

    private static void Create(string path, bool wal)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA journal_mode={(wal ? "WAL" : "DELETE")}; CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO customers (email) VALUES ('a.b@example.org');";
        cmd.ExecuteNonQuery();
    }

    private static bool Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [Test]
    public async Task ReadCatalog_WalFileOnAReadOnlyMount_ErrorSaysWalAndTheWaysOut()
    {
        // Given the mount really refuses writes and the file really is in WAL mode
        Assert.That(() => File.WriteAllText(Path.Combine(_mount, "probe"), ""), Throws.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());

        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse("sqlite:" + Path.Combine(_mount, "app.db")));
        var error = Assert.ThrowsAsync<ConnectorException>(async () => await connector.ReadCatalogAsync(CatalogFilter.All));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.SqlState, Is.EqualTo("14"));
            Assert.That(error.Message, Does.Contain("the file is in WAL mode (journal_mode=WAL) and SQLite could not create or open app.db-shm beside it"));
            Assert.That(error.Message, Does.Contain("a read-only folder or mount").And.Contain(".backup").And.Contain("journal_mode=DELETE").And.Contain("immutable: true"));
            Assert.That(error.Message, Does.Not.Contain("is this a SQLite database file"));
            Assert.That(File.Exists(Path.Combine(_source, "app.db-shm")), Is.False, "nothing was created beside the file");
        }
    }

    /// <summary>users45: the same WAL file on the same read-only mount, opened with <c>immutable: true</c>, is read (no
    /// <c>-shm</c> needed), and nothing is created beside it.</summary>
    [Test]
    public async Task ReadCatalog_WalFileOnAReadOnlyMountOpenedImmutable_Read()
    {
        var target = ConnectionTarget.Parse("sqlite:" + Path.Combine(_mount, "app.db")) with { Immutable = true };
        await using var connector = ConnectorFactory.Create(target);

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        Assert.That(catalog.Tables.Select(t => t.Name), Is.EqualTo(new[] { "customers" }));
        Assert.That(File.Exists(Path.Combine(_source, "app.db-shm")), Is.False, "nothing was created beside the file");
    }

    [Test]
    public async Task ReadCatalog_RollbackJournalFileOnTheSameMount_Read()
    {
        await using var connector = ConnectorFactory.Create(ConnectionTarget.Parse("sqlite:" + Path.Combine(_mount, "legacy.db")));

        var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);

        Assert.That(catalog.Tables.Select(t => t.Name), Is.EqualTo(new[] { "customers" }));
    }
}
