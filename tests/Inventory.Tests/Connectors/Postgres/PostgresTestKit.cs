using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Tests.Support;
using Npgsql;

namespace Inventory.Tests.Connectors.Postgres;

/// <summary>Helpers for the PostgreSQL connector tests: connectors on test databases, whole-catalog sampling,
/// expected.tsv rows.</summary>
internal static class PostgresTestKit
{
    /// <summary>A connector on the test database, optionally connected as another role.</summary>
    public static PostgresConnector Connector(TestDatabase db, string? user = null, string? password = null)
    {
        var b = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Pooling = true };
        if (user is not null)
        {
            b.Username = user;
            b.Password = password;
        }
        return new PostgresConnector(ConnectionTarget.Parse(b.ConnectionString, "postgres"));
    }

    /// <summary>Samples every table of a catalog, one after the other, keyed by qualified name.</summary>
    public static async Task<Dictionary<string, TableSample>> SampleAllAsync(IConnector connector, DatabaseCatalog catalog, SampleOptions options)
    {
        var samples = new Dictionary<string, TableSample>(StringComparer.Ordinal);
        foreach (var table in catalog.Tables)
            samples[table.QualifiedName(catalog.DefaultSchema)] = await connector.SampleAsync(table, options);
        return samples;
    }

    /// <summary>One row of a case's expected.tsv.</summary>
    public sealed record ExpectedRow(string Table, string Column, string Expected, string Note)
    {
        /// <summary>True when the row names an engine other than PostgreSQL only (C11, C13 SQL Server rows).</summary>
        public bool OtherEngineOnly => Cases.CaseExpectation.ForOtherEngine(Note, "PostgreSQL")
            || (Note.Contains("SQL Server", StringComparison.Ordinal)
                && !Note.Contains("PostgreSQL", StringComparison.Ordinal) && !Note.Contains("both engines", StringComparison.Ordinal));
    }

    /// <summary>Reads expected.tsv (header skipped).</summary>
    public static IReadOnlyList<ExpectedRow> ReadExpected(string caseFolder) =>
        File.ReadAllLines(Path.Combine(caseFolder, "expected.tsv")).Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(f => new ExpectedRow(f[0], f[1], f[2], f.Length > 3 ? f[3] : ""))
            .ToList();

    /// <summary>Runs SQL as the admin role against the server (not a test database).</summary>
    public static async Task AdminExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
