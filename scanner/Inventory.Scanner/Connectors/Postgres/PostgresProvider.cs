using System.Globalization;
using Npgsql;

namespace Inventory.Connectors.Postgres;

/// <summary>The PostgreSQL entry of <see cref="Providers"/>: <c>postgres://</c>/<c>postgresql://</c> URIs and Npgsql strings.</summary>
internal static class PostgresProvider
{
    /// <summary>The registry entry.</summary>
    public static ProviderInfo Info { get; } = new()
    {
        Name = "postgres",
        DisplayName = "PostgreSQL",
        Schemes = ["postgres", "postgresql"],
        UriExample = "postgres://",
        ParseUri = FromUri,
        // Host= and Username= are Npgsql's own spellings (SqlClient says Server=, User ID=).
        DetectNative = has => has("host") || has("username") ? NativeMatch.Certain : NativeMatch.None,
        ParseNative = FromNative,
        CreateConnector = target => new PostgresConnector(target),
    };

    private static ConnectionTarget FromUri(string text)
    {
        var uri = ConnectionUri.Split(text, "postgres");
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host, Port = uri.Port ?? 5432 };
        if (uri.User is not null) b.Username = uri.User;
        if (uri.Password is not null) b.Password = uri.Password;
        if (uri.Database.Length > 0) b.Database = uri.Database;
        foreach (var (key, value) in uri.Query)
        {
            try
            {
                switch (key.ToLowerInvariant())
                {
                    case "sslmode":
                        // Names only: Enum.Parse would also take "7" as an (undefined) mode.
                        if (!Enum.TryParse<SslMode>(value.Replace("-", ""), ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || value.All(char.IsAsciiDigit))
                            throw new ConfigurationException("sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full", innerException: null);
                        b.SslMode = mode;
                        break;
                    case "application_name": b.ApplicationName = value; break;
                    case "connect_timeout": b.Timeout = int.Parse(value, CultureInfo.InvariantCulture); break;
                    default: b[key] = value; break;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new ConfigurationException($"unsupported or invalid postgres URI parameter '{key}'", innerException: null);
            }
        }
        return new ConnectionTarget { Provider = Info.Name, ConnectionString = b.ConnectionString, Display = $"{uri.Host}:{b.Port}/{b.Database}" };
    }

    private static ConnectionTarget FromNative(string text)
    {
        var pg = new NpgsqlConnectionStringBuilder(text);
        return new ConnectionTarget { Provider = Info.Name, ConnectionString = pg.ConnectionString, Display = $"{pg.Host}:{pg.Port}/{pg.Database}" };
    }
}
