using Npgsql;
using NUnit.Framework;

namespace Inventory.Tests.Support;

/// <summary>
/// The real PostgreSQL server the integration tests use. <c>.ci/run</c> starts it and exports
/// <see cref="EnvironmentVariable"/> with an admin connection string (a role that may create databases and roles).
/// Each test creates a uniquely named database and drops it afterwards.
/// </summary>
public static class TestPostgres
{
    /// <summary>Variable shared with .ci/run.</summary>
    public const string EnvironmentVariable = "INVENTORY_TEST_PG";

    /// <summary>Admin connection string; tests that need the server are ignored with a reason when it is unset.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s
        : throw new IgnoreException($"{EnvironmentVariable} is not set: no PostgreSQL server for integration tests (.ci/run starts one)");

    /// <summary>Creates a fresh database named <c>inv_{prefix}_{random}</c>, optionally running a setup script with psql semantics
    /// (the whole script in one simple-protocol batch).</summary>
    /// <param name="prefix">Short lower-case label.</param>
    /// <param name="setupSql">Script to run in the new database, or null.</param>
    public static async Task<TestDatabase> CreateAsync(string prefix, string? setupSql = null)
    {
        var name = $"inv_{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 37)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        var db = new TestDatabase(name, new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString);
        if (setupSql is not null) await db.ExecuteAsync(setupSql);
        return db;
    }

    /// <summary>Drops a role a test created, if it exists; nothing when no server is configured (then none was created).</summary>
    /// <param name="role">The role's name.</param>
    public static async Task DropRoleAsync(string role)
    {
        try
        {
            await using var admin = new NpgsqlConnection(AdminConnectionString);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP ROLE IF EXISTS \"{role}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (IgnoreException)
        {
            // No server: nothing was created.
        }
    }
}

/// <summary>A throw-away database; dropped (with FORCE) on dispose.</summary>
public sealed class TestDatabase(string name, string connectionString) : IAsyncDisposable
{
    /// <summary>Database name.</summary>
    public string Name { get; } = name;
    /// <summary>Admin connection string to this database.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>Runs SQL (may hold many statements).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a psql script file with <c>psql -v ON_ERROR_STOP=1 -f</c> (for scripts with COPY FROM stdin or meta-commands).</summary>
    public void RunPsqlFile(string path)
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        var psi = new System.Diagnostics.ProcessStartInfo("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-h", b.Host!, "-p", b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", b.Username!, "-d", Name, "-f", path])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["PGPASSWORD"] = b.Password;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"psql failed on {path}: {stderr.Result}");
    }

    /// <summary>Drops the database (terminating leftover sessions).</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await admin.OpenAsync();
        // Dropping thousands of tables (C45) takes minutes on a loaded machine: more than the default 30 s.
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
