using Npgsql;

namespace Inventory.Bench;

/// <summary>
/// The baseline issue 11 defines: "plain psql reading the catalog and the same samples", a separate <c>psql</c>
/// process (its start, one connection, the catalog's column query, then the very SELECT texts the connector sends, one
/// after the other, output formatted by psql and written to /dev/null).
/// </summary>
internal sealed class PsqlBaseline : IDisposable
{
    private readonly string scriptPath;

    private PsqlBaseline(string scriptPath) => this.scriptPath = scriptPath;

    /// <summary>The psql program on the PATH.</summary>
    /// <returns>its full path, or null when there is none.</returns>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "psql")).FirstOrDefault(File.Exists);

    /// <summary>Writes the script psql runs: the catalog's column query, then each statement, each ended by a semicolon.</summary>
    /// <param name="statements">the sample SELECT texts (no parameters: the PostgreSQL dialect's plans are literal SQL).</param>
    /// <returns>the script, deleted on dispose.</returns>
    public static PsqlBaseline Script(IReadOnlyList<string> statements)
    {
        var path = Path.Combine(Path.GetTempPath(), $"inventory-psql-baseline-{Environment.ProcessId}-{Guid.NewGuid():N}.sql");
        using (var writer = new StreamWriter(path))
        {
            writer.Write(ScaleBench.CatalogColumnsQuery);
            writer.WriteLine(';');
            foreach (var sql in statements)
            {
                writer.Write(sql);
                writer.WriteLine(';');
            }
        }
        return new PsqlBaseline(path);
    }

    /// <summary>psql's arguments: no psqlrc, quiet, stop at the first error, output to /dev/null.</summary>
    /// <param name="connection">host, port, user and database of the bench's connection (the password goes by environment).</param>
    public IReadOnlyList<string> Arguments(NpgsqlConnectionStringBuilder connection) =>
    [
        "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", connection.Host ?? "127.0.0.1", "-p", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "-U", connection.Username ?? "postgres", "-d", connection.Database ?? "postgres", "-f", scriptPath, "-o", "/dev/null",
    ];

    /// <summary>psql's environment: the password and the same SSL mode as the scan (libpq's spelling).</summary>
    /// <param name="connection">the bench's connection.</param>
    public IReadOnlyDictionary<string, string> Variables(NpgsqlConnectionStringBuilder connection) => new Dictionary<string, string>
    {
        ["PGPASSWORD"] = connection.Password ?? "",
        ["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            var mode => mode.ToString().ToLowerInvariant(),
        },
        ["PGCONNECT_TIMEOUT"] = "30",
    };

    /// <summary>Deletes the script.</summary>
    public void Dispose() => File.Delete(scriptPath);
}
