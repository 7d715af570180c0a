using Microsoft.Data.SqlClient;

namespace Inventory.Connectors.SqlServer;

/// <summary>The SQL Server entry of <see cref="Providers"/>: <c>sqlserver://</c>/<c>mssql://</c> URIs and SqlClient strings.</summary>
internal static class SqlServerProvider
{
    /// <summary>The registry entry.</summary>
    public static ProviderInfo Info { get; } = new()
    {
        Name = "sqlserver",
        DisplayName = "SQL Server",
        Schemes = ["sqlserver", "mssql"],
        UriExample = "sqlserver://",
        ParseUri = FromUri,
        // Initial Catalog, Trusted_Connection, Integrated Security and User ID are SqlClient's spellings; a bare
        // Server= is also MySqlConnector's, so alone it is only a possible match.
        DetectNative = has =>
            has("initial catalog") || has("database") && has("server") || has("trusted_connection") || has("integrated security") || has("user id")
                ? NativeMatch.Certain
                : has("server") ? NativeMatch.Possible : NativeMatch.None,
        ParseNative = FromNative,
        CreateConnector = target => new SqlServerConnector(target),
    };

    private static ConnectionTarget FromUri(string text)
    {
        var uri = ConnectionUri.Split(text, "sqlserver");
        var b = new SqlConnectionStringBuilder { DataSource = uri.Port is null ? uri.Host : $"{uri.Host},{uri.Port}" };
        if (uri.User is not null) b.UserID = uri.User; else b.IntegratedSecurity = true;
        if (uri.Password is not null) b.Password = uri.Password;
        if (uri.Database.Length > 0) b.InitialCatalog = uri.Database;
        foreach (var (key, value) in uri.Query)
        {
            try { b[key] = value; }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new ConfigurationException($"unsupported or invalid sqlserver URI parameter '{key}'");
            }
        }
        return new ConnectionTarget { Provider = Info.Name, ConnectionString = b.ConnectionString, Display = $"{b.DataSource}/{b.InitialCatalog}" };
    }

    private static ConnectionTarget FromNative(string text)
    {
        var ss = new SqlConnectionStringBuilder(text);
        return new ConnectionTarget { Provider = Info.Name, ConnectionString = ss.ConnectionString, Display = $"{ss.DataSource}/{ss.InitialCatalog}" };
    }
}
