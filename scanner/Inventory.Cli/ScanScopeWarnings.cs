using Inventory.Model;
using Inventory.Scanning;

namespace Inventory.Cli;

/// <summary>Warnings about a scan that read other than its configuration suggests: an include pattern that matched
/// nothing, an exclude pattern that names a schema as if it were a table, a source that held no table, one database read by two sources. Printed on standard error by every command that scans (<c>scan</c>, and
/// <c>check</c> and <c>annotate</c> when they scan from <c>--config</c>), since a scan of nothing otherwise passes the
/// gate on 0 of 0 columns.</summary>
internal static class ScanScopeWarnings
{
    /// <summary>All warnings of a scanned inventory: <see cref="UnmatchedIncludes"/>, <see cref="EmptySources"/>, then
    /// <see cref="SharedDatabases"/>.</summary>
    /// <param name="document">The scanned inventory.</param>
    /// <returns>The warning lines; empty when the scan read what its configuration names.</returns>
    public static IEnumerable<string> For(InventoryDocument document) =>
        UnmatchedIncludes(document).Concat(SchemaExcludedAsATable(document)).Concat(EmptySources(document)).Concat(SharedDatabases(document));

    /// <summary>One warning per exclude pattern without a dot that is the name of a schema whose tables were scanned: a
    /// pattern without a dot names a table in any schema, so <c>--exclude audit</c>, written as a schema filter of
    /// another tool takes it, leaves the schema's tables in the scan, silently (trial44 finding 6). Names the pattern that
    /// excludes the schema (<c>audit.*</c>). Sharded sources are skipped like any other.</summary>
    /// <param name="document">The scanned inventory (each source records its exclude patterns).</param>
    /// <returns>The warning lines, in source then pattern order; empty when no such pattern was given.</returns>
    public static IEnumerable<string> SchemaExcludedAsATable(InventoryDocument document)
    {
        foreach (var source in document.Sources.Where(s => s.Scope is { Exclude.Count: > 0 }))
            foreach (var pattern in source.Scope!.Exclude.Where(p => !p.Contains('.', StringComparison.Ordinal)))
            {
                int scanned = source.Tables.Count(t => Inventory.Catalog.CatalogFilter.PatternMatches(pattern + ".*", t.Schema, t.Name));
                if (scanned == 0) continue;
                yield return $"warning: exclude pattern '{pattern}' names a table (a pattern without a dot matches table names in "
                             + $"any schema), but '{pattern}' is a schema of source '{source.Name}' whose {scanned} table(s) were scanned; "
                             + $"to leave the schema out, exclude '{pattern}.*'";
            }
    }

    /// <summary>One warning per include pattern that matched no table of its source: a typo or a case mismatch
    /// (<c>Sales.*</c> vs <c>sales</c>), or a schema name with a dot left unquoted, would otherwise pass as a scan of
    /// nothing. Sharded sources are skipped (the pattern may match tables of another shard).</summary>
    /// <param name="document">The scanned inventory (each source records its include patterns).</param>
    /// <returns>The warning lines, in source then pattern order; empty when every include matched.</returns>
    public static IEnumerable<string> UnmatchedIncludes(InventoryDocument document)
    {
        foreach (var source in document.Sources.Where(s => s.Scope is { Shard: null, Include.Count: > 0 }))
        {
            var unmatched = source.Scope!.Include
                .Where(p => !source.Tables.Any(t => Inventory.Catalog.CatalogFilter.PatternMatches(p, t.Schema, t.Name)))
                .ToList();
            foreach (var pattern in unmatched)
                yield return $"warning: include pattern '{pattern}' matches no table of source '{source.Name}'"
                             + (source.Tables.Count == 0 ? " (0 tables scanned)" : "")
                             + "; names are case-sensitive, and a name with a dot is quoted: \"My.Schema\".*";
        }
    }

    /// <summary>One warning per source whose catalog held no table at all although no pattern narrowed it: a connection
    /// naming the wrong (empty) database, or a user who sees none of its tables (MySQL lists only tables the user holds
    /// a privilege on), would otherwise pass as a clean scan whose gate "passes" on 0 of 0 columns (found by a
    /// newcomer's trial on a fresh empty database). Skipped: sources with include patterns
    /// (<see cref="UnmatchedIncludes"/> warns for them) or exclude patterns (which may leave nothing on purpose),
    /// sharded sources (their tables may be in another shard) and sources that could not be reached (a
    /// <c>connection-failed</c> issue says why).</summary>
    /// <param name="document">The scanned inventory.</param>
    /// <returns>The warning lines, in source order; empty when every source held a table.</returns>
    public static IEnumerable<string> EmptySources(InventoryDocument document) =>
        document.Sources
            .Where(s => s.Tables.Count == 0 && s.Scope is null or { Shard: null, Include.Count: 0, Exclude.Count: 0 })
            .Where(s => !document.Issues.Any(i => i.Source == s.Name && i.Kind == ScanRunner.ConnectionFailedKind))
            .Select(s => $"warning: source '{s.Name}' holds no table: the database its connection names is empty, or the "
                         + "connected user sees none of its tables; check the database name and the user's privileges "
                         + "(an empty inventory passes `inventory check` on 0 columns)");

    /// <summary>One warning per database that several scanned sources read with the same include and exclude patterns
    /// (same provider and target: host, port and database, or SQLite file as written): a connection copied in a fleet's
    /// config and not edited puts that database's tables in the inventory once per source, so the gate, the reports and
    /// their counts see them twice while the database it should have named is not scanned at all (found by a platform
    /// engineer's trial on a config of 34 sources). Sources that split one database by different patterns, or under
    /// different roles, are not warned of; sources that could not be reached are not in the document.</summary>
    /// <param name="document">The scanned inventory.</param>
    /// <returns>The warning lines, one per shared database, in the order of its first source; empty when every source
    /// reads its own database.</returns>
    public static IEnumerable<string> SharedDatabases(InventoryDocument document) =>
        document.Sources
            .GroupBy(s => new ReadDatabase(s.Provider, s.Target, s.Role, string.Join('\n', s.Scope?.Include ?? []), string.Join('\n', s.Scope?.Exclude ?? [])))
            .Where(g => g.Count() > 1)
            .Select(g => $"warning: sources {string.Join(", ", g.Select(s => $"'{s.Name}'"))} read {g.Key.Provider} {g.Key.Target} "
                         + "with the same include/exclude patterns: its tables are in the inventory once per source; "
                         + "a connection copied and not edited? give each source its own database, or patterns that split it");

    /// <summary>What a source reads: its database (provider, target), its role and its patterns (joined by line breaks).
    /// A class, not a tuple, so that grouping by it runs LINQ's shared precompiled code in the ReadyToRun build.</summary>
    private sealed record ReadDatabase(string Provider, string Target, ProcessingRole Role, string Include, string Exclude);
}
