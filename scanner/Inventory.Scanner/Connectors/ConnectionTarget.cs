using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Inventory.Connectors;

/// <summary>A parsed connection: provider, native connection string, and a display form without credentials.</summary>
public sealed record ConnectionTarget
{
    /// <summary>postgres, sqlserver or sqlite.</summary>
    public required string Provider { get; init; }
    /// <summary>The driver's native connection string. Holds secrets: never print it.</summary>
    public required string ConnectionString { get; init; }
    /// <summary>host:port/database or the file path; safe to print.</summary>
    public required string Display { get; init; }

    /// <summary>Known providers.</summary>
    public static IReadOnlyList<string> Providers { get; } = ["postgres", "sqlserver", "sqlite"];

    /// <summary>Parses what <c>--connection</c> or <c>connection:</c> holds.</summary>
    /// <param name="connection">
    /// <c>postgres://user:pass@host:port/db?sslmode=require</c> (also <c>postgresql://</c>, the DATABASE_URL form),
    /// <c>sqlserver://user:pass@host:port/db?encrypt=true</c>, <c>sqlite:path/to/file.db</c>, or a native connection string.
    /// </param>
    /// <param name="provider">Explicit provider (config), or null to infer it.</param>
    /// <exception cref="ConfigurationException">Malformed URI, unknown provider, or a string the tool cannot attribute to a provider. The message never holds the password.</exception>
    public static ConnectionTarget Parse(string connection, string? provider = null)
    {
        if (string.IsNullOrWhiteSpace(connection))
            throw new ConfigurationException("the connection is empty; pass --connection or set connection: in inventory.yml");
        if (provider is not null && !Providers.Contains(provider))
            throw new ConfigurationException($"unknown provider '{provider}'; use one of: {string.Join(", ", Providers)}");
        connection = connection.Trim();
        int colon = connection.IndexOf(':');
        string scheme = colon > 0 ? connection[..colon].ToLowerInvariant() : "";
        return scheme switch
        {
            "postgres" or "postgresql" => FromPostgresUri(connection),
            "sqlserver" or "mssql" => FromSqlServerUri(connection),
            "sqlite" => FromSqlite(connection[(colon + 1)..]),
            _ when connection.Contains("://") => throw new ConfigurationException($"unknown connection scheme '{Safe(scheme)}://'; use postgres://, sqlserver:// or sqlite:PATH"),
            _ => FromNative(connection, provider),
        };
    }

    private static string Safe(string s) => s.Length > 20 ? s[..20] + "…" : s;

    private static (string? User, string? Password, string Host, int? Port, string Database, Dictionary<string, string> Query) SplitUri(string text, string kind)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            throw new ConfigurationException($"malformed {kind} URI: expected {kind}://user:password@host:port/database");
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            query[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return (user, password, uri.Host.Trim('[', ']'), uri.IsDefaultPort || uri.Port < 0 ? null : uri.Port, database, query);
    }

    private static ConnectionTarget FromPostgresUri(string text)
    {
        var (user, password, host, port, database, query) = SplitUri(text, "postgres");
        var b = new NpgsqlConnectionStringBuilder { Host = host, Port = port ?? 5432 };
        if (user is not null) b.Username = user;
        if (password is not null) b.Password = password;
        if (database.Length > 0) b.Database = database;
        foreach (var (key, value) in query)
        {
            try
            {
                switch (key.ToLowerInvariant())
                {
                    case "sslmode": b.SslMode = Enum.Parse<SslMode>(value.Replace("-", ""), ignoreCase: true); break;
                    case "application_name": b.ApplicationName = value; break;
                    case "connect_timeout": b.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    default: b[key] = value; break;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new ConfigurationException($"unsupported or invalid postgres URI parameter '{key}'", innerException: null);
            }
        }
        return new ConnectionTarget { Provider = "postgres", ConnectionString = b.ConnectionString, Display = $"{host}:{b.Port}/{b.Database}" };
    }

    private static ConnectionTarget FromSqlServerUri(string text)
    {
        var (user, password, host, port, database, query) = SplitUri(text, "sqlserver");
        var b = new SqlConnectionStringBuilder { DataSource = port is null ? host : $"{host},{port}" };
        if (user is not null) b.UserID = user; else b.IntegratedSecurity = true;
        if (password is not null) b.Password = password;
        if (database.Length > 0) b.InitialCatalog = database;
        foreach (var (key, value) in query)
        {
            try { b[key] = value; }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new ConfigurationException($"unsupported or invalid sqlserver URI parameter '{key}'");
            }
        }
        return new ConnectionTarget { Provider = "sqlserver", ConnectionString = b.ConnectionString, Display = $"{b.DataSource}/{b.InitialCatalog}" };
    }

    private static ConnectionTarget FromSqlite(string path)
    {
        path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
        if (path.Length == 0)
            throw new ConfigurationException("sqlite connection needs a file: sqlite:path/to/file.db");
        var full = Path.GetFullPath(path);
        var b = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        return new ConnectionTarget { Provider = "sqlite", ConnectionString = b.ConnectionString, Display = path };
    }

    private static ConnectionTarget FromNative(string text, string? provider)
    {
        DbConnectionStringBuilder probe;
        try { probe = new DbConnectionStringBuilder { ConnectionString = text }; }
        catch (ArgumentException)
        {
            throw new ConfigurationException("the connection is neither a URI (postgres://, sqlserver://, sqlite:) nor a key=value connection string");
        }
        bool Has(string key) => probe.ContainsKey(key);
        provider ??= Has("host") || Has("username") ? "postgres"
            : Has("initial catalog") || Has("database") && Has("server") || Has("trusted_connection") || Has("integrated security") || Has("user id") ? "sqlserver"
            : Has("data source") ? "sqlite"
            : Has("server") ? "sqlserver"
            : throw new ConfigurationException("cannot tell the provider of this connection string; set provider: (postgres, sqlserver, sqlite) or use a URI");
        try
        {
            switch (provider)
            {
                case "postgres":
                    var pg = new NpgsqlConnectionStringBuilder(text);
                    return new ConnectionTarget { Provider = provider, ConnectionString = pg.ConnectionString, Display = $"{pg.Host}:{pg.Port}/{pg.Database}" };
                case "sqlserver":
                    var ss = new SqlConnectionStringBuilder(text);
                    return new ConnectionTarget { Provider = provider, ConnectionString = ss.ConnectionString, Display = $"{ss.DataSource}/{ss.InitialCatalog}" };
                default:
                    var lite = new SqliteConnectionStringBuilder(text);
                    return FromSqlite(lite.DataSource);
            }
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ConfigurationException($"invalid {provider} connection string: a key or value is not recognised");
        }
    }
}
