namespace Inventory.Connectors;

/// <summary>Creates the connector for a parsed connection, through <see cref="Providers"/>.</summary>
public static class ConnectorFactory
{
    /// <summary>Creates a connector; it connects lazily, on the first catalog read.</summary>
    /// <param name="target">A parsed connection.</param>
    /// <exception cref="ConfigurationException">Unknown provider.</exception>
    public static IConnector Create(ConnectionTarget target) => Providers.Get(target.Provider).CreateConnector(target);
}
