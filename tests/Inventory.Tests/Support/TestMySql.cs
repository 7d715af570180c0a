using MySqlConnector;
using NUnit.Framework;

namespace Inventory.Tests.Support;

/// <summary>
/// The real MariaDB (or MySQL) server the MySQL integration tests use. <c>.ci/run</c> installs and starts MariaDB and
/// exports <see cref="EnvironmentVariable"/> with an admin connection string (a user that may create databases and
/// users). Each test creates a uniquely named database and drops it afterwards.
/// </summary>
public static class TestMySql
{
    /// <summary>Variable shared with .ci/run.</summary>
    public const string EnvironmentVariable = "INVENTORY_TEST_MYSQL";

    /// <summary>Admin connection string; tests that need the server are ignored with a reason when it is unset.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s
        : throw new IgnoreException($"{EnvironmentVariable} is not set: no MariaDB/MySQL server for integration tests (.ci/run starts one)");

    /// <summary>Creates a fresh database <c>inv_{prefix}_{random}</c>, optionally running a setup script in it.</summary>
    /// <param name="prefix">Short lower-case label.</param>
    /// <param name="setupSql">Statements to run in the new database (several allowed), or null.</param>
    public static async Task<TestMySqlDatabase> CreateAsync(string prefix, string? setupSql = null)
    {
        var name = $"inv_{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 21)].ToLowerInvariant();
        await using (var admin = new MySqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var db = new TestMySqlDatabase(name, new MySqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString);
        if (setupSql is not null) await db.ExecuteAsync(setupSql);
        return db;
    }

    /// <summary>Runs statements as the admin, outside any test database.</summary>
    public static async Task ExecuteAdminAsync(string sql)
    {
        await using var admin = new MySqlConnection(new MySqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();
        await using var cmd = new MySqlCommand(sql, admin) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A throw-away MySQL database; dropped on dispose, with the users created through it.</summary>
public sealed class TestMySqlDatabase(string name, string connectionString) : IAsyncDisposable
{
    private readonly List<string> _users = [];

    /// <summary>Database name.</summary>
    public string Name { get; } = name;
    /// <summary>Admin connection string to this database.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Runs SQL (may hold many statements).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new MySqlCommand(sql, connection) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Reads one scalar as the admin.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new MySqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync();
    }

    /// <summary>Creates a read-only user with the grant README recommends for the scan (SELECT, and SHOW VIEW for views'
    /// lineage) in this database, or only what <paramref name="grants"/> says, and returns a <c>mysql://</c> URI for it;
    /// the user is dropped with the database.</summary>
    /// <param name="grants">GRANT statements with <c>{user}</c> for the quoted user, or null for <c>SELECT, SHOW VIEW ON db.*</c>.</param>
    public async Task<string> CreateUserAsync(string? grants = null)
    {
        var user = "inv_u" + Guid.NewGuid().ToString("N")[..10];
        var password = "pw-" + Guid.NewGuid().ToString("N")[..12];
        var quoted = $"'{user}'@'%'";
        _users.Add(quoted);
        var host = new MySqlConnectionStringBuilder(ConnectionString);
        await TestMySql.ExecuteAdminAsync($"CREATE USER {quoted} IDENTIFIED BY '{password}'; "
            + (grants ?? $"GRANT SELECT, SHOW VIEW ON `{Name}`.* TO {{user}}").Replace("{user}", quoted, StringComparison.Ordinal));
        return $"mysql://{user}:{Uri.EscapeDataString(password)}@{host.Server}:{host.Port}/{Name}?ssl-mode=disabled";
    }

    /// <summary>Drops the database and the users made for it.</summary>
    public async ValueTask DisposeAsync()
    {
        MySqlConnection.ClearAllPools();
        var drops = string.Concat(_users.Select(u => $"DROP USER IF EXISTS {u}; "));
        await TestMySql.ExecuteAdminAsync($"{drops}DROP DATABASE IF EXISTS `{Name}`");
    }
}
