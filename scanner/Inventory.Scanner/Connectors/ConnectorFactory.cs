namespace Inventory.Connectors;

/// <summary>Creates the connector for a parsed connection.</summary>
public static class ConnectorFactory
{
    /// <summary>Creates a connector; it connects lazily, on the first catalog read.</summary>
    /// <param name="target">A parsed connection.</param>
    /// <exception cref="ConfigurationException">Unknown provider.</exception>
    public static IConnector Create(ConnectionTarget target) => target.Provider switch
    {
        "postgres" => new PostgresConnector(target),
        "sqlserver" => new SqlServerConnector(target),
        "sqlite" => new SqliteConnector(target),
        _ => throw new ConfigurationException($"unknown provider '{target.Provider}'"),
    };
}
