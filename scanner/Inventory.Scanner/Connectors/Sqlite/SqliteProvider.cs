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
        // A relative file of inventory.yml is the config file's, like its annotations and policy (README): a fleet's
        // config run from another folder (CI's checkout root, a Kubernetes pod) opened files relative to the working
        // directory instead, and every source failed with "file not found".
        FileRelativeTo = (target, folder) => Path.IsPathRooted(target.Display) ? target
            : target with { ConnectionString = ReadOnly(Path.GetFullPath(target.Display, folder)) },
    };

    private static ConnectionTarget FromPath(string path)
    {
        path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
        if (path.Length == 0)
            throw new ConfigurationException("sqlite connection needs a file: sqlite:path/to/file.db");
        return new ConnectionTarget { Provider = Info.Name, ConnectionString = ReadOnly(Path.GetFullPath(path)), Display = path };
    }

    /// <summary>The connection string of a file opened read-only, without pooling.</summary>
    private static string ReadOnly(string fullPath) =>
        new SqliteConnectionStringBuilder { DataSource = fullPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString;
}
