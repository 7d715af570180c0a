using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Inventory.Connectors;

/// <summary>The SQLite connector's connections: opened read-only with <c>query_only</c> set, kept once a catalog read or
/// a table's sample is done with them, handed to the next table, closed when the connector is disposed.</summary>
public sealed partial class SqliteConnector
{
    // Open connections no read is using, with the connection string they were opened with; closed by DisposeAsync.
    private readonly List<(string ConnectionString, SqliteConnection Connection)> _idle = [];
    private readonly Lock _idleGate = new();
    private bool _disposed;

    /// <summary>An idle connection opened with the same settings, or a new one: opened read-only, then
    /// <c>PRAGMA query_only = ON</c>.</summary>
    private async Task<SqliteConnection> OpenAsync(TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        var connectionString = ConnectionString(lockTimeout);
        lock (_idleGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            int i = _idle.FindLastIndex(c => c.ConnectionString == connectionString);
            if (i >= 0)
            {
                var idle = _idle[i].Connection;
                _idle.RemoveAt(i);
                return idle;
            }
        }
        if (!File.Exists(_path))
            throw new ConnectorException(Provider, Target, "file not found; check the path after sqlite: (the file is never created)");
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var cmd = Command(connection, "PRAGMA query_only = ON", lockTimeout);
            await cmd.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new ConnectorException(Provider, Target,
                WalInReadOnlyFolder(e) ?? $"cannot open the database read-only (SQLite error {e.SqliteErrorCode}: {SafeReason(e)})",
                e.SqliteErrorCode.ToString(CultureInfo.InvariantCulture), e);
        }
    }

    /// <summary>The words for a WAL-mode file SQLite cannot open because its folder may not be written (trial42 finding 4:
    /// a read-only mount gave "SQLite error 14 … is this a SQLite database file?"): reading a database in WAL mode needs
    /// its <c>-shm</c> (and <c>-wal</c>) file beside it, created if missing (SQLite, "Write-Ahead Logging", section
    /// "Read-Only Databases"), so a read-only folder or mount refuses even a read. Null when the error is not
    /// SQLITE_CANTOPEN (14) or the file's header does not say WAL (bytes 18 and 19 equal to 2: SQLite "Database File
    /// Format", 1.3.4). Nothing is written to find out.</summary>
    /// <param name="e">SQLite's error.</param>
    /// <returns>What happened and the ways out, or null.</returns>
    private string? WalInReadOnlyFolder(SqliteException e)
    {
        if (e.SqliteErrorCode != SQLitePCL.raw.SQLITE_CANTOPEN || !IsWalFile(_path)) return null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(_path)) ?? ".";
        return $"the file is in WAL mode (journal_mode=WAL) and SQLite could not create or open {Path.GetFileName(_path)}-shm beside it "
            + $"(SQLite error 14): a WAL file needs it even to be read, so a read-only folder or mount ({folder}) is not enough for this file. "
            + "Scan it from a folder the scanner may write to (mount it read-write: the scan still only reads the database, "
            + "though SQLite leaves its -shm and an empty -wal file beside it), or scan a copy taken with sqlite3's .backup, "
            + "or have the application switch it to journal_mode=DELETE, or, if nobody writes the file, set immutable: true on the source "
            + "(SQLite then takes no lock and reads no -wal file)";
    }

    /// <summary>True when the file's header says WAL mode (file format write and read versions both 2).</summary>
    private static bool IsWalFile(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[20];
            return file.Read(header) == 20 && header[18] == 2 && header[19] == 2;
        }
        catch (Exception x) when (x is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The connection string for a lock timeout: the source's, read-only, with the timeout in whole seconds.
    /// Built once per lock timeout, not once per table (parsing and writing it again was about a third of each table's
    /// connection hand-over in a 60-source profile, bench/README.md, sources35).</summary>
    private string ConnectionString(TimeSpan lockTimeout)
    {
        if (_settings is { } settings && settings.LockTimeout == lockTimeout) return settings.ConnectionString;
        var builder = new SqliteConnectionStringBuilder(_target.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(lockTimeout.TotalSeconds)),
        };
        // immutable: true (SQLite "URI filenames", immutable=1): no lock is taken and no journal, -wal or -shm file is looked
        // for or created, so a file on read-only media is read; SQLite then trusts that nobody writes it. A "file:" data
        // source makes Microsoft.Data.Sqlite open it as a URI (SQLITE_OPEN_URI).
        if (_target.Immutable) builder.DataSource = new Uri(Path.GetFullPath(_path)).AbsoluteUri + "?immutable=1";
        var connectionString = builder.ConnectionString;
        _settings = new OpenSettings(lockTimeout, connectionString);
        return connectionString;
    }

    // The last connection string built, with its lock timeout (replaced whole, so threads read one or the other).
    private volatile OpenSettings? _settings;

    private sealed record OpenSettings(TimeSpan LockTimeout, string ConnectionString);

    /// <summary>Keeps a connection no read uses any more for the next one (closes it when the connector is disposed).</summary>
    private ValueTask ReturnAsync(SqliteConnection connection)
    {
        lock (_idleGate)
        {
            if (!_disposed && connection.State == System.Data.ConnectionState.Open)
            {
                _idle.Add((connection.ConnectionString, connection));
                return ValueTask.CompletedTask;
            }
        }
        return connection.DisposeAsync();
    }

    /// <summary>Closes the connections the connector kept; a read still running closes its own when it ends.</summary>
    public async ValueTask DisposeAsync()
    {
        List<SqliteConnection> idle;
        lock (_idleGate)
        {
            _disposed = true;
            idle = [.. _idle.Select(i => i.Connection)];
            _idle.Clear();
        }
        foreach (var connection in idle) await connection.DisposeAsync().ConfigureAwait(false);
    }
}
