using Inventory.Catalog;

namespace Inventory.Connectors;

/// <summary>One per provider: reads a source's catalog and samples its tables, read-only.</summary>
public interface IConnector : IAsyncDisposable
{
    /// <summary>The provider name of <see cref="Providers"/>.</summary>
    string Provider { get; }

    /// <summary>Host and database (or file) with credentials removed, safe to print.</summary>
    string Target { get; }

    /// <summary>Reads the catalog in a fixed number of queries, whatever the number of tables.</summary>
    /// <param name="filter">Applied before anything table-specific is queried.</param>
    /// <param name="timeouts">The scan's limits, as the source's <c>sample:</c> (config) and <c>--timeout</c> (CLI) set
    /// them: the catalog's statements run under its <see cref="SampleOptions.StatementTimeout"/> and wait at most its
    /// <see cref="SampleOptions.LockTimeout"/> for a lock (PostgreSQL <c>statement_timeout</c> and <c>lock_timeout</c> in
    /// the catalog's read-only transaction; MySQL/MariaDB <c>MAX_EXECUTION_TIME</c>/<c>max_statement_time</c>,
    /// <c>innodb_lock_wait_timeout</c> and <c>lock_wait_timeout</c>; SQLite's busy wait; SQL Server's command timeout and
    /// <c>SET LOCK_TIMEOUT</c>). The other members are not used. Null: <see cref="SampleOptions"/>' defaults (30 s, 5 s).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The filtered catalog, tables sorted by schema then name (ordinal).</returns>
    /// <exception cref="ConnectorException">The source cannot be reached or its catalog read, including a catalog read
    /// that outlasted one of the limits: the message names the limit and the setting to raise.</exception>
    Task<DatabaseCatalog> ReadCatalogAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the catalog in two stages, so that tables can be sampled before the slowest part of the catalog
    /// (primary and foreign keys, which sampling does not read on this provider) has arrived; both stages come from one
    /// read-only snapshot, as <see cref="ReadCatalogAsync"/>'s. The catalog's connection stays open until
    /// <see cref="StagedCatalog.Whole"/> ends. By default (a connector whose sampling reads the keys, or one not staged)
    /// the whole catalog is read first and both stages are it.</summary>
    /// <param name="filter">As for <see cref="ReadCatalogAsync"/>.</param>
    /// <param name="timeouts">As for <see cref="ReadCatalogAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the read, both stages.</param>
    /// <returns>The staged catalog; its <see cref="StagedCatalog.Whole"/> is what <see cref="ReadCatalogAsync"/> returns.</returns>
    /// <exception cref="ConnectorException">As for <see cref="ReadCatalogAsync"/>, for the first stage; the second
    /// stage's failure is thrown by <see cref="StagedCatalog.Whole"/>.</exception>
    async Task<StagedCatalog> ReadCatalogInStagesAsync(CatalogFilter filter, SampleOptions? timeouts = null, CancellationToken cancellationToken = default) =>
        StagedCatalog.Complete(await ReadCatalogAsync(filter, timeouts, cancellationToken).ConfigureAwait(false));

    /// <summary>Samples up to <see cref="SampleOptions.Rows"/> random rows of a table, reading only readable columns,
    /// every value rendered as text by the server, inside a read-only transaction under a statement timeout.
    /// A failing table or column is returned as issues, never thrown.</summary>
    /// <param name="table">A table from this connector's catalog.</param>
    /// <param name="options">Sample size, timeouts and seed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ConnectorException">Only when the connection itself is lost.</exception>
    Task<TableSample> SampleAsync(TableInfo table, SampleOptions options, CancellationToken cancellationToken = default);
}
