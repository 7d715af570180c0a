using Inventory.Catalog;
using Inventory.Config;
using Inventory.Model;

namespace Inventory.Pipeline;

/// <summary>Which tables a scan covered, as the annotation merge asks it: a table the scan left out is out of scope and
/// its annotations are not stale.</summary>
internal static class ScanScope
{
    /// <summary>The scope as a <see cref="Annotations.MergeOptions.InScope"/> predicate (source name, schema, table),
    /// read from the document: each source's recorded <see cref="SourceScope"/>. A source of an older document without
    /// a recorded scope falls back to the config's include/exclude for that source; without either, the source is
    /// wholly in scope.</summary>
    /// <param name="document">The inventory.</param>
    /// <param name="config">The config, or null.</param>
    /// <exception cref="ConfigurationException">An empty include/exclude pattern.</exception>
    public static Func<string, string, string, bool>? Of(InventoryDocument document, InventoryConfig? config)
    {
        var configured = (config?.Sources ?? []).GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CatalogFilter(g.First().Include, g.First().Exclude), StringComparer.Ordinal);
        var recorded = document.Sources.Where(s => s.Scope is not null).GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Scope!, StringComparer.Ordinal);
        if (recorded.Count == 0 && configured.Count == 0) return null;
        return (source, schema, table) =>
            recorded.TryGetValue(source, out var scope) ? scope.Covers(schema, table)
            : !configured.TryGetValue(source, out var filter) || filter.Matches(schema, table);
    }
}
