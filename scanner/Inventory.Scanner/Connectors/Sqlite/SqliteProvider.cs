using Microsoft.Data.Sqlite;

namespace Inventory.Connectors.Sqlite;

/// <summary>The SQLite entry of <see cref="Providers"/>: <c>sqlite:PATH</c> and Microsoft.Data.Sqlite strings, always opened read-only.</summary>
internal static class SqliteProvider
{
    /// <summary>The registry entry.</summary>
    public static ProviderInfo Info { get; } = new()
    {
        Name = "sqlite",
        DisplayName = "SQLite",
        Schemes = ["sqlite"],
        UriExample = "sqlite:PATH",
        ParseUri = text => FromPath(text[(text.IndexOf(':') + 1)..]),
        DetectNative = has => has("data source") ? NativeMatch.Certain : NativeMatch.None,
        ParseNative = text => FromPath(new SqliteConnectionStringBuilder(text).DataSource),
        CreateConnector = target => new SqliteConnector(target),
    };

    private static ConnectionTarget FromPath(string path)
    {
        path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
        if (path.Length == 0)
            throw new ConfigurationException("sqlite connection needs a file: sqlite:path/to/file.db");
        var full = Path.GetFullPath(path);
        var b = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        return new ConnectionTarget { Provider = Info.Name, ConnectionString = b.ConnectionString, Display = path };
    }
}
