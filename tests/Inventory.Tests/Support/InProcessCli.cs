using Inventory.Cli;
using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;

namespace Inventory.Tests.Support;

/// <summary>The <c>inventory</c> command line run in the test's process on a 300-column test console, and the SQLite
/// statements a test runs on its database file between two runs (a migration between two scans).</summary>
internal static class InProcessCli
{
    /// <summary>Runs <c>inventory ARGS</c>.</summary>
    /// <param name="args">The command line, without <c>inventory</c>.</param>
    /// <returns>The exit code and everything written to the console (output and errors).</returns>
    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    /// <summary>Runs <paramref name="sql"/> on the SQLite file <paramref name="database"/> (created when absent), unpooled
    /// so the file is not held open afterwards.</summary>
    /// <param name="database">The file's path.</param>
    /// <param name="sql">One or more statements.</param>
    public static void ExecuteSqlite(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
