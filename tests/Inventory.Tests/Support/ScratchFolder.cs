using Microsoft.Data.Sqlite;

namespace Inventory.Tests.Support;

/// <summary>
/// A folder of its own in the temporary folder for a test that runs real commands (a working directory, databases,
/// annotations, outputs), deleted with everything in it when the test ends, after Microsoft.Data.Sqlite's pools let go
/// of the database files in it.
/// </summary>
internal static class ScratchFolder
{
    /// <summary>Creates a new, empty folder named <paramref name="prefix"/> and a unique suffix.</summary>
    /// <param name="prefix">The start of the folder's name, to tell the tests' folders apart.</param>
    /// <returns>The folder's absolute path.</returns>
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Clears the SQLite connection pools, then deletes <paramref name="path"/> and everything in it.</summary>
    /// <param name="path">A folder made by <see cref="Create"/>.</param>
    /// <exception cref="IOException">A file in it is still open elsewhere.</exception>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(path, recursive: true);
    }
}
