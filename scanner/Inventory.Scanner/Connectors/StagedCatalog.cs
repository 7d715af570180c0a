using Inventory.Catalog;

namespace Inventory.Connectors;

/// <summary>A catalog read in two stages (<see cref="IConnector.ReadCatalogInStagesAsync"/>): the tables and their
/// columns first, enough to sample them, then the whole catalog once the rest of it (primary and foreign keys) has been
/// read in the same snapshot. Sampling can start on <see cref="Sampleable"/> while the keys are still being read; the
/// classification must wait for <see cref="Whole"/>, whose tables carry the keys.</summary>
public sealed class StagedCatalog
{
    /// <summary>Creates a staged catalog.</summary>
    /// <param name="sampleable">Every table of the whole catalog, in its order, with everything sampling reads (names,
    /// kinds, columns, access) but possibly no keys yet.</param>
    /// <param name="whole">The whole catalog, ending only once the catalog's connection has been given back (closed or
    /// returned to the connector's pool): its tables are <paramref name="sampleable"/>'s, in the same order, with their
    /// keys. It throws what <see cref="IConnector.ReadCatalogAsync"/> throws.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public StagedCatalog(DatabaseCatalog sampleable, Task<DatabaseCatalog> whole)
    {
        ArgumentNullException.ThrowIfNull(sampleable);
        ArgumentNullException.ThrowIfNull(whole);
        Sampleable = sampleable;
        Whole = whole;
    }

    /// <summary>The catalog as far as sampling needs it: the whole catalog's tables in its order, keys possibly empty.</summary>
    public DatabaseCatalog Sampleable { get; }

    /// <summary>The whole catalog (see the constructor).</summary>
    public Task<DatabaseCatalog> Whole { get; }

    /// <summary>A catalog read in one piece: both stages are the same catalog, already complete.</summary>
    /// <param name="catalog">The whole catalog.</param>
    /// <returns>The staged catalog.</returns>
    public static StagedCatalog Complete(DatabaseCatalog catalog) => new(catalog, Task.FromResult(catalog));

    /// <summary>The whole catalog's table at <paramref name="index"/> of <see cref="Sampleable"/>, checked to be the same
    /// relation.</summary>
    /// <param name="whole">The completed <see cref="Whole"/>.</param>
    /// <param name="index">The table's index in <see cref="Sampleable"/>.</param>
    /// <returns>The table with its keys.</returns>
    /// <exception cref="InvalidOperationException">The connector's two stages list different tables.</exception>
    public TableInfo WholeTable(DatabaseCatalog whole, int index)
    {
        ArgumentNullException.ThrowIfNull(whole);
        var early = Sampleable.Tables[index];
        var table = index < whole.Tables.Count ? whole.Tables[index] : null;
        if (table is null || table.Schema != early.Schema || table.Name != early.Name)
            throw new InvalidOperationException($"the catalog's two stages disagree at table {index} ({early.Schema}.{early.Name})");
        return table;
    }
}
