namespace Inventory.Classification;

/// <summary>What the scan found at one schema path of a column's JSON documents (C28). Counts and ids only, never a
/// value.</summary>
/// <param name="Path">The path, <c>$.customer.email</c>, array elements as <c>[*]</c> (<see cref="JsonPathText.IsSchemaShape"/>).</param>
/// <param name="DataCategory">The category found there (<c>contact.email</c>), or null when no detector and no name rule
/// matched (<c>$.plan</c>).</param>
/// <param name="Id">The detector or name rule that found it (<c>detector.email</c>, <c>name.en.email</c>), or null.</param>
/// <param name="Matched">Values at the path the detector matched, or null for a name rule.</param>
/// <param name="Total">Values at the path the detector tested, or null for a name rule.</param>
/// <param name="Documents">Sampled documents holding the path.</param>
public sealed record JsonPathFinding(string Path, string? DataCategory, string? Id = null, int? Matched = null, int? Total = null,
    int Documents = 0);

/// <summary>How a JSON document column's category was derived (C28), the part of it an annotation can change.</summary>
public enum JsonColumnDerivation
{
    /// <summary>The most identifying category among the paths (financial &gt; contact &gt; other_personal &gt; automatic
    /// &gt; customer_content &gt; none); annotating the paths changes the column's category.</summary>
    PathRanking,
    /// <summary>The column's own name is personal and decides; the paths only add "also contains".</summary>
    ColumnName,
    /// <summary>The documents' keys change from row to row: documents users write (customer content); the paths only
    /// add "also contains".</summary>
    VaryingKeys,
}

/// <summary>The paths a scan saw in one JSON document column, bounded: the schema paths (that recur across documents and
/// whose keys are identifiers, so they may be named in an inventory and in annotations) with what was found at each,
/// and the categories found at paths that cannot be named (a map keyed by e-mail addresses: keys are data).</summary>
public sealed record JsonPathSummary
{
    /// <summary>Schema paths in order of first appearance, at most <see cref="MaxNamed"/>.</summary>
    public IReadOnlyList<JsonPathFinding> Named { get; init; } = [];
    /// <summary>Categories found at paths that are not schema paths, sorted; never names a path.</summary>
    public IReadOnlyList<string> Unnamed { get; init; } = [];
    /// <summary>How the column's category was derived.</summary>
    public JsonColumnDerivation Derivation { get; init; } = JsonColumnDerivation.PathRanking;
    /// <summary>True when a limit (depth, paths, elements per array) cut the documents short: a path not seen may lie
    /// beyond it.</summary>
    public bool Truncated { get; init; }

    /// <summary>At most this many schema paths are kept per column (the distinct paths read are bounded the same way).</summary>
    public const int MaxNamed = 200;
}

/// <summary>The path syntax shared by the scan and the annotation files.</summary>
public static class JsonPathText
{
    /// <summary>True when <paramref name="path"/> has the shape of a schema path: <c>$</c> followed by steps, each
    /// <c>.key</c> (1 to 40 ASCII letters, digits, <c>_</c> or <c>-</c>, starting with a letter or <c>_</c>, at most 4
    /// digits) or <c>[*]</c> (every element of an array), at least one step. A key holding anything else (<c>@</c>, a
    /// dot, a space, a digit run) may be data and is never named (C28).</summary>
    /// <param name="path">Any text.</param>
    /// <returns>True for <c>$.customer.email</c>, <c>$.items[*].sku</c>; false for <c>$</c>, <c>customer.email</c>,
    /// <c>$.a@b.c</c>, <c>$.x[0]</c>.</returns>
    public static bool IsSchemaShape(string path)
    {
        var p = path.AsSpan();
        if (!p.StartsWith("$") || p.Length == 1) return false;
        p = p[1..];
        while (!p.IsEmpty)
        {
            if (p.StartsWith("[*]")) { p = p[3..]; continue; }
            if (p[0] != '.') return false;
            p = p[1..];
            int end = p.IndexOfAny('.', '[');
            var key = end < 0 ? p : p[..end];
            if (key.IsEmpty || key.Length > 40 || !(char.IsAsciiLetter(key[0]) || key[0] == '_')) return false;
            int digits = 0;
            foreach (var c in key)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
                if (char.IsAsciiDigit(c)) digits++;
            }
            if (digits > 4) return false;
            p = end < 0 ? default : p[end..];
        }
        return true;
    }

    /// <summary>The category a JSON document column takes from its paths (C28), the one rule the scan's classification
    /// and the annotation merge both apply, so that writing empty path stubs never changes a column's suggestion: the
    /// most identifying top-level category (<see cref="Rank"/>); within it, the path held by the most sampled documents,
    /// then the first path in ordinal order (so every engine's key order gives the same answer).</summary>
    /// <param name="paths">Each path's category (a full category, <c>contact.email</c>), the number of sampled documents
    /// holding it, and its path text (<c>""</c> and 0 documents for a category found at a path that cannot be named).</param>
    /// <returns>The derived category, or null when <paramref name="paths"/> is empty.</returns>
    public static string? MostIdentifying(IEnumerable<(string Category, int Documents, string Path)> paths) =>
        paths.OrderByDescending(p => Rank(DataCategory.TopLevelOf(p.Category)))
            .ThenByDescending(p => p.Documents)
            .ThenBy(p => p.Path, StringComparer.Ordinal)
            .Select(p => p.Category)
            .FirstOrDefault();

    /// <summary>The rank of a top-level category when a document's paths disagree (C28): the most identifying wins, in
    /// the fixed order financial &gt; contact &gt; other_personal &gt; automatic &gt; customer_content &gt; none.</summary>
    /// <param name="category">A top-level category.</param>
    /// <returns>Higher is more identifying.</returns>
    public static int Rank(string category) => category switch
    {
        "financial" => 5,
        "contact" => 4,
        "other_personal" => 3,
        "automatic" => 2,
        "customer_content" => 1,
        _ => 0,
    };
}
