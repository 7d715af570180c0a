using Microsoft.Data.Sqlite;

namespace Inventory.Tests.Support;

/// <summary>
/// Paths of SQLite database files a test creates in the temporary folder, deleted with their journal, WAL and shared
/// memory files when the test ends (after Microsoft.Data.Sqlite's pools let go of them).
/// </summary>
public sealed class TemporarySqliteFiles
{
    private readonly List<string> _paths = [];

    /// <summary>A new path in the temporary folder (the file is not created), deleted by <see cref="DeleteAll"/>.</summary>
    /// <param name="prefix">The start of the file name, to tell the tests' files apart (<c>inv_sqlite</c>).</param>
    /// <returns>The absolute path, ending in <c>.db</c>.</returns>
    public string NewPath(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}_{Guid.NewGuid():N}.db");
        _paths.Add(path);
        return path;
    }

    /// <summary>Runs SQL statements on the database file at <paramref name="path"/> (created when missing) over a connection
    /// outside the pools, so a later delete or scan sees the file as written.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="sql">One or more statements separated by semicolons.</param>
    /// <exception cref="SqliteException">A statement fails.</exception>
    public static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Clears the connection pools, then deletes every path given out and its <c>-wal</c>, <c>-shm</c> and
    /// <c>-journal</c> files; a file that does not exist is skipped.</summary>
    public void DeleteAll()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in _paths)
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                File.Delete(path + suffix);
        _paths.Clear();
    }
}
