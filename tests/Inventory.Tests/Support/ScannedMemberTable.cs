using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Support;

/// <summary>A SQLite database <c>app.db</c> of one table, <c>member</c> (an integer id and <c>backup_email</c> holding 40
/// invented e-mail addresses), scanned into <c>inventory.json</c> by a real <c>inventory scan</c> in the same folder.</summary>
internal static class ScannedMemberTable
{
    /// <summary>Creates the database in <paramref name="folder"/> and scans it; asserts the scan exits 0.</summary>
    /// <param name="folder">The working folder.</param>
    /// <param name="run">Runs an <c>inventory</c> command there: arguments in, exit code, output and error out.</param>
    /// <returns>The database's path.</returns>
    public static string Create(string folder, Func<string[], (int Exit, string Output, string Error)> run)
    {
        var database = Path.Combine(folder, "app.db");
        using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE member (id INTEGER PRIMARY KEY, backup_email TEXT);" +
                string.Concat(Enumerable.Range(1, 40).Select(i => $"INSERT INTO member VALUES ({i}, 'person{i}@example.org');"));
            command.ExecuteNonQuery();
        }
        var (exit, _, error) = run(["scan", "--connection", "sqlite:" + database, "--out", "inventory.json"]);
        Assert.That(exit, Is.Zero, error);
        return database;
    }
}
