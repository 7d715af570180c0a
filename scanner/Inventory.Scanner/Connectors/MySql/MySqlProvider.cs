using System.Globalization;
using MySqlConnector;

namespace Inventory.Connectors.MySql;

/// <summary>
/// The MySQL / MariaDB entry of <see cref="Providers"/>: <c>mysql://</c> and <c>mariadb://</c> URIs (the
/// <c>DATABASE_URL</c> form, percent-encoded as RFC 3986 says) and MySqlConnector connection strings.
/// A URI without a database scans every database the user can see; with one, only that database.
/// </summary>
internal static class MySqlProvider
{
    /// <summary>MySQL's default TCP port.</summary>
    public const int DefaultPort = 3306;

    /// <summary>The registry entry.</summary>
    public static ProviderInfo Info { get; } = new()
    {
        Name = "mysql",
        DisplayName = "MySQL / MariaDB",
        Schemes = ["mysql", "mariadb"],
        UriExample = "mysql://",
        ParseUri = FromUri,
        // Keys only MySqlConnector reads (SqlClient has no Port=, Uid=, SslMode=; Npgsql says Host= and Username=, which
        // MySqlConnector also accepts, so those stay PostgreSQL's unless a MySQL-only key is present).
        DetectNative = has =>
            has("uid") || has("pwd") || has("server") && has("port") || has("allowuservariables") || has("allowzerodatetime")
            || has("convertzerodatetime") || has("treattinyasboolean") || has("guidformat") || has("allowpublickeyretrieval") || has("characterset")
                ? NativeMatch.Certain
                : NativeMatch.None,
        ParseNative = FromNative,
        CreateConnector = target => new MySqlDatabaseConnector(target),
    };

    /// <summary>Maps the <c>ssl-mode</c> values of the MySQL client (DISABLED, PREFERRED, REQUIRED, VERIFY_CA,
    /// VERIFY_IDENTITY; MySQL 8 reference, "Command Options for Encrypted Connections") and MySqlConnector's own names.</summary>
    /// <param name="value">Case-insensitive; <c>-</c> and <c>_</c> ignored.</param>
    /// <exception cref="ConfigurationException">An unknown mode.</exception>
    public static MySqlSslMode SslMode(string value) => value.Replace("-", "").Replace("_", "").ToLowerInvariant() switch
    {
        "disabled" or "none" or "disable" => MySqlSslMode.None,
        "preferred" or "prefer" => MySqlSslMode.Preferred,
        "required" or "require" => MySqlSslMode.Required,
        "verifyca" => MySqlSslMode.VerifyCA,
        "verifyidentity" or "verifyfull" => MySqlSslMode.VerifyFull,
        _ => throw new ConfigurationException($"unknown mysql ssl-mode '{(value.Length > 20 ? value[..20] : value)}'; use disabled, preferred, required, verify_ca or verify_identity"),
    };

    private static ConnectionTarget FromUri(string text)
    {
        var uri = ConnectionUri.Split(text, text.StartsWith("mariadb", StringComparison.OrdinalIgnoreCase) ? "mariadb" : "mysql");
        var b = new MySqlConnectionStringBuilder { Server = uri.Host, Port = (uint)(uri.Port ?? DefaultPort) };
        if (uri.User is not null) b.UserID = uri.User;
        if (uri.Password is not null) b.Password = uri.Password;
        if (uri.Database.Length > 0) b.Database = uri.Database;
        foreach (var (key, value) in uri.Query)
        {
            try
            {
                switch (key.ToLowerInvariant())
                {
                    case "ssl-mode" or "sslmode" or "ssl_mode": b.SslMode = SslMode(value); break;
                    case "connect_timeout" or "connect-timeout": b.ConnectionTimeout = uint.Parse(value, CultureInfo.InvariantCulture); break;
                    default: b[key] = value; break;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or OverflowException or InvalidOperationException)
            {
                throw new ConfigurationException($"unsupported or invalid mysql URI parameter '{key}'");
            }
        }
        return Target(b);
    }

    private static ConnectionTarget FromNative(string text) => Target(new MySqlConnectionStringBuilder(text));

    private static ConnectionTarget Target(MySqlConnectionStringBuilder b) => new()
    {
        Provider = Info.Name,
        ConnectionString = b.ConnectionString,
        Display = $"{b.Server}:{b.Port.ToString(CultureInfo.InvariantCulture)}/{b.Database}",
    };
}
