using Inventory.Catalog;

namespace Inventory.Connectors;

/// <summary>PLACEHOLDER: being written.</summary>
public sealed class SqlServerConnector(ConnectionTarget target) : IConnector
{
    /// <inheritdoc />
    public string Provider => target.Provider;
    /// <inheritdoc />
    public string Target => target.Display;
    /// <inheritdoc />
    public Task<Catalog.Catalog> ReadCatalogAsync(CatalogFilter filter, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
    /// <inheritdoc />
    public Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
