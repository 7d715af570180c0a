using Inventory.Catalog;
using Inventory.Model;

namespace Inventory.Scanning;

/// <summary>One inventory file to merge: where it came from (for error messages) and its document.</summary>
/// <param name="File">The path as the user gave it.</param>
/// <param name="Document">Its parsed document.</param>
public sealed record InventoryPart(string File, InventoryDocument Document);

/// <summary>
/// Joins the inventories of a scan split with <c>inventory scan --shard I/N</c> (or of separate scans of disjoint
/// sources) into one document that check, report, annotate and diff read exactly like a whole scan. Sources of the same
/// name are joined table by table (a single source sharded by its tables); a table present in two parts, or one source
/// name pointing at two different databases, is an error naming both files. When the parts carry shards, every shard
/// 1..N must be there: a missing one adds a <c>shard-missing</c> scan issue, so the result is incomplete (exit 3, like a
/// failed table). Issues of the parts are kept; the merged document has no shard.
/// </summary>
public static class InventoryMerge
{
    /// <summary>The parts of a split into <paramref name="shards"/>, the others left out: on a volume the shards of every
    /// run share, a run with fewer shards than the one before leaves the earlier run's higher parts behind (a part of
    /// shard 4/4 beside this run's 1/3 … 3/3), which a glob of the parts would merge, or refuse for their other N.
    /// A part recorded as a shard of another count is left out; every other part (a shard of N, a whole scan, a shard
    /// not written as I/N) is kept, for <see cref="Merge"/> to judge as usual.</summary>
    /// <param name="parts">The parts given.</param>
    /// <param name="shards">The number of shards of this run (≥ 1).</param>
    /// <returns>The parts to merge and those left out, each in the order given.</returns>
    /// <exception cref="ConfigurationException">No part is a shard of <paramref name="shards"/> (each left out named
    /// with its shard).</exception>
    public static (IReadOnlyList<InventoryPart> Kept, IReadOnlyList<InventoryPart> LeftOut) OfShardCount(IReadOnlyList<InventoryPart> parts, int shards)
    {
        bool Other(InventoryPart p) => ScanShard.TryParseRecorded(p.Document.Shard, out var shard) && shard.Count != shards;
        var kept = parts.Where(p => !Other(p)).ToList();
        var leftOut = parts.Where(Other).ToList();
        if (kept.Count == 0 && leftOut.Count > 0)
            throw new ConfigurationException($"none of the parts is a shard of {shards}: " +
                string.Join(", ", leftOut.Select(p => $"{p.File} is shard {p.Document.Shard}")) + "; give the number of shards the scan Job ran with");
        return (kept, leftOut);
    }

    /// <summary>Merges parts.</summary>
    /// <param name="parts">At least one part.</param>
    /// <returns>The merged document, normalised.</returns>
    /// <exception cref="ConfigurationException">No part; one file given twice; a shard recorded twice or with different counts; parts cut from
    /// different configurations (<see cref="InventoryDocument.SplitOf"/>, or one source's include/exclude); a table in
    /// two parts; a source name in two parts with different providers or targets. The message names both files.</exception>
    public static InventoryDocument Merge(IReadOnlyList<InventoryPart> parts)
    {
        if (parts.Count == 0) throw new ConfigurationException("nothing to merge: give the shard inventories (inventory merge PART.json… --out inventory.json)");
        // One file named twice (a glob and a name, a name typed again) is no overlap of two shards (trial40 finding 7:
        // "shard 1/3 is in both part-1.json and part-1.json").
        if (parts.GroupBy(p => Path.GetFullPath(p.File), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ConfigurationException($"{twice.First().File} is given {twice.Count()} times{(twice.Select(p => p.File).Distinct(StringComparer.Ordinal).Count() > 1 ? $" (as {string.Join(", ", twice.Select(p => p.File).Distinct(StringComparer.Ordinal))})" : "")}: give each part once");
        var merged = new InventoryDocument
        {
            Tool = parts[0].Document.Tool,
            ScannedAt = parts.Select(p => p.Document.ScannedAt).Where(t => t is not null).Min(),
        };
        CheckShards(parts, merged);
        var sources = new Dictionary<string, (SourceEntry Entry, string File)>(StringComparer.Ordinal);
        var tables = new Dictionary<(string Source, string Schema, string Table), string>();
        foreach (var (file, document) in parts)
        {
            foreach (var source in document.Sources)
            {
                if (!sources.TryGetValue(source.Name, out var into))
                {
                    into = (new SourceEntry
                    {
                        Name = source.Name,
                        Provider = source.Provider,
                        Role = source.Role,
                        Controller = source.Controller,
                        Target = source.Target,
                        ServerVersion = source.ServerVersion,
                        DefaultSchema = source.DefaultSchema,
                        Complete = source.Complete,
                        // The merge is the whole scan again: the same include/exclude, no shard.
                        Scope = source.Scope is { } scope ? new SourceScope { Include = [.. scope.Include], Exclude = [.. scope.Exclude] } : null,
                    }, file);
                    sources.Add(source.Name, into);
                }
                else
                {
                    if (into.Entry.Provider != source.Provider || into.Entry.Target != source.Target || into.Entry.Role != source.Role)
                        throw new ConfigurationException($"source '{source.Name}' is {into.Entry.Provider} {into.Entry.Target} in {into.File} but {source.Provider} {source.Target} in {file}: parts of one merge must come from one config");
                    into.Entry.Complete &= source.Complete;
                }
                foreach (var table in source.Tables)
                {
                    if (!tables.TryAdd((source.Name, table.Schema, table.Name), file))
                        throw new ConfigurationException($"table {table.QualifiedName} of source '{source.Name}' is in both {tables[(source.Name, table.Schema, table.Name)]} and {file}: shards must not overlap (were they scanned with different --shard counts or configs?)");
                    into.Entry.Tables.Add(table);
                }
            }
            merged.Issues.AddRange(document.Issues);
        }
        merged.Sources.AddRange(sources.Values.Select(v => v.Entry));
        merged.Normalize();
        return merged;
    }

    /// <summary>Parts of one split were cut from one configuration: the same sources (name, provider, target) with the
    /// same include/exclude patterns, whichever shard holds them. Parts that record the split
    /// (<see cref="InventoryDocument.SplitOf"/>) are compared on it; every part's sources are compared by scope too, so
    /// parts written before splits were recorded are still checked where they share a source.</summary>
    /// <exception cref="ConfigurationException">Two parts disagree; the message names both files.</exception>
    private static void CheckSameSplit(List<InventoryPart> sharded)
    {
        var recorded = sharded.Where(p => p.Document.SplitOf is not null).ToList();
        foreach (var part in recorded.Skip(1))
        {
            var (first, other) = (recorded[0].Document.SplitOf!, part.Document.SplitOf!);
            if (first.Count == other.Count && first.Zip(other).All(pair => pair.First.SameAs(pair.Second))) continue;
            var onlyFirst = first.Where(a => !other.Any(a.SameAs)).Select(a => a.ToString());
            var onlyOther = other.Where(b => !first.Any(b.SameAs)).Select(b => b.ToString());
            throw new ConfigurationException($"{recorded[0].File} and {part.File} are parts of different scans: their splits were cut from different sources or scopes " +
                $"(only in {recorded[0].File}: {Describe(onlyFirst)}; only in {part.File}: {Describe(onlyOther)}); merge the shards of one `inventory scan --shard I/N` configuration");
        }
        var scopes = new Dictionary<string, (SourceScope? Scope, string File)>(StringComparer.Ordinal);
        foreach (var (file, document) in sharded)
            foreach (var source in document.Sources)
            {
                if (!scopes.TryAdd(source.Name, (source.Scope, file)) && scopes[source.Name] is var (scope, firstFile)
                    && !SamePatterns(scope, source.Scope))
                    throw new ConfigurationException($"source '{source.Name}' has different include/exclude patterns in {firstFile} and {file}: parts of one merge must come from one config");
            }
        foreach (var (file, document) in recorded)
            foreach (var source in document.Sources)
                if (!document.SplitOf!.Any(s => s.Name == source.Name))
                    throw new ConfigurationException($"source '{source.Name}' in {file} is not among the sources its split records");
    }

    private static string Describe(IEnumerable<string> sources) => sources.Any() ? string.Join(", ", sources) : "none";

    private static bool SamePatterns(SourceScope? a, SourceScope? b) =>
        a is null || b is null || (a.Include.SequenceEqual(b.Include) && a.Exclude.SequenceEqual(b.Exclude));

    private static void CheckShards(IReadOnlyList<InventoryPart> parts, InventoryDocument merged)
    {
        var sharded = parts.Where(p => p.Document.Shard is not null).ToList();
        if (sharded.Count == 0) return;
        var seen = new Dictionary<int, string>();
        int count = 0;
        foreach (var (file, document) in sharded)
        {
            if (!ScanShard.TryParseRecorded(document.Shard, out var shard))
                throw new ConfigurationException($"{file} records shard '{document.Shard}', which is not I/N");
            if (count != 0 && shard.Count != count)
                throw new ConfigurationException($"{file} is shard {shard} but {sharded[0].File} is shard {sharded[0].Document.Shard}: all parts must be split the same way (same N)");
            count = shard.Count;
            if (!seen.TryAdd(shard.Index, file))
                throw new ConfigurationException($"shard {shard} is in both {seen[shard.Index]} and {file}");
        }
        if (sharded.Count != parts.Count)
            throw new ConfigurationException($"{parts.First(p => p.Document.Shard is null).File} is a whole scan but {sharded[0].File} is shard {sharded[0].Document.Shard}: merge the shards of one split only");
        CheckSameSplit(sharded);
        var split = sharded.Select(p => p.Document.SplitOf).FirstOrDefault(s => s is not null);
        for (int i = 1; i <= count; i++)
        {
            if (seen.ContainsKey(i)) continue;
            var missing = new ScanShard(i, count);
            // The split names the sources the missing shard held (each whole when there are several, or the tables of
            // the one source), so annotations of those are known to be unknown, not stale. Parts without the split
            // record cannot tell: one issue for every source ('*').
            List<string> held = split switch
            {
                null => [],
                { Count: 1 } => [split[0].Name],
                _ => split.Where(s => missing.Owns(s.Name)).Select(s => s.Name).ToList(),
            };
            ScanIssue Missing(string source, string what) =>
                new(source, null, null, ShardMissingKind, $"shard {missing} is not among the merged parts: {what}") { Shard = missing.ToString() };
            if (held.Count == 0)
                merged.Issues.Add(Missing("*", "its sources or tables are missing from this inventory"));
            else if (split!.Count == 1)
                merged.Issues.Add(Missing(held[0], $"the tables of source '{held[0]}' it held are missing from this inventory"));
            else
                foreach (var name in held)
                    merged.Issues.Add(Missing(name, $"source '{name}', which it held, is missing from this inventory"));
        }
    }

    /// <summary>The scan issue kind of a shard not among the merged parts. Its source is the source the shard held (one
    /// issue each; the tables of the one source of a split by tables), or <c>*</c> when the parts do not record their
    /// split (<see cref="InventoryDocument.SplitOf"/>) or the shard held no source.</summary>
    public const string ShardMissingKind = "shard-missing";

    /// <summary>The shards missing from a merged inventory, as a summary names them: <c>shard 3/3 missing (beta,
    /// gamma)</c>, <c>shards 2/4, 4/4 missing (sources not known: the parts do not record their split)</c>; null when no
    /// shard is missing. Read from the <see cref="ShardMissingKind"/> issues <see cref="Merge"/> writes: their
    /// <see cref="ScanIssue.Shard"/>, or, in an inventory merged before that field was written, the <c>shard I/N</c> their
    /// message starts with.</summary>
    /// <param name="issues">The inventory's scan issues.</param>
    public static string? MissingShards(IEnumerable<ScanIssue> issues)
    {
        var missing = issues.Where(i => i.Kind == ShardMissingKind)
            .Select(i => (Shard: i.Shard ?? (i.Message.Split(' ', 3) is [_, var shard, _] ? shard : "?"), i.Source))
            .GroupBy(x => x.Shard, StringComparer.Ordinal).ToList();
        if (missing.Count == 0) return null;
        var sources = missing.SelectMany(g => g.Select(x => x.Source)).Where(s => s != "*").Distinct(StringComparer.Ordinal).ToList();
        return $"{(missing.Count == 1 ? "shard" : "shards")} {string.Join(", ", missing.Select(g => g.Key))} missing "
            + (sources.Count == 0 ? "(sources not known: the parts do not record their split)" : $"({string.Join(", ", sources)})");
    }
}
