using Inventory.Catalog;
using Inventory.Config;
using Inventory.Model;

namespace Inventory.Pipeline;

/// <summary>Which tables a scan covered, as the annotation merge asks it: a table the scan left out is out of scope and
/// its annotations are not stale.</summary>
internal static class ScanScope
{
    /// <summary>The scope as a <see cref="Annotations.MergeOptions.InScope"/> predicate (source name, schema, table):
    /// each source's include/exclude filter. Null when nothing is known (everything in scope); a source without a
    /// recorded scope is in scope.</summary>
    /// <param name="document">The inventory.</param>
    /// <param name="config">The config, or null.</param>
    /// <exception cref="ConfigurationException">An empty include/exclude pattern.</exception>
    public static Func<string, string, string, bool>? Of(InventoryDocument document, InventoryConfig? config)
    {
        _ = document;
        if (config is null || config.Sources.Count == 0) return null;
        var filters = config.Sources.GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CatalogFilter(g.First().Include, g.First().Exclude), StringComparer.Ordinal);
        return (source, schema, table) => !filters.TryGetValue(source, out var filter) || filter.Matches(schema, table);
    }
}
