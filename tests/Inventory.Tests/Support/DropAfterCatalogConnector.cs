using Inventory.Catalog;
using Inventory.Connectors;

namespace Inventory.Tests.Support;

/// <summary>A real connector whose catalog read is followed by a statement run on the server before any table is
/// sampled: the seam that lets a test drop a table between the catalog and sampling, as a migration running beside a
/// nightly scan does. Handed to <see cref="Inventory.Scanning.ScanRunner"/> through its connector factory; everything
/// else is the inner connector's.</summary>
/// <param name="inner">The connector to the test's database.</param>
/// <param name="afterCatalog">Runs once, after the first catalog read (e.g. <c>DROP TABLE gone</c>).</param>
internal sealed class DropAfterCatalogConnector(IConnector inner, Func<Task> afterCatalog) : IConnector
{
    private bool _ran;

    public string Provider => inner.Provider;

    public string Target => inner.Target;

    public async Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default)
    {
        var catalog = await inner.ReadCatalogAsync(filter, timeouts, cancellationToken);
        if (!_ran)
        {
            _ran = true;
            await afterCatalog();
        }
        return catalog;
    }

    public Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default) =>
        inner.SampleAsync(table, options, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
