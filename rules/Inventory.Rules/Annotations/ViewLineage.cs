using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>
/// Column lineage of views inside one inventory: which column of the same source a view column shows
/// (<see cref="ColumnEntry.ReadsFrom"/>, read from the engine's catalog by the scan), and the labels a view column
/// inherits from it. Rules (trial 32 finding 9; peers: column lineage in OpenMetadata and Microsoft Purview, SQL Server
/// classifications on views):
/// <list type="bullet">
/// <item>A view column with no annotation and no database label of its own takes its base column's category, confidence
/// and status (<see cref="Origin.Lineage"/>): tagged when the base column is tagged or in conflict, a suggestion when the
/// base column's category is a suggestion (then the gate accepts both or neither). A view over a view follows the chain.</item>
/// <item>An annotation or database label of the view column itself wins; when it names another category than the base
/// column's human decision (annotation or database label), the view column is in conflict and says so.</item>
/// <item>A base column outside the inventory (another schema the scan excluded, a relation the user cannot see) gives
/// nothing to inherit: the view column keeps its own classification.</item>
/// </list>
/// </summary>
public sealed class ViewLineage
{
    /// <summary>Longest chain of views followed (a view over a view over …); a longer one, or a cycle, stops there.</summary>
    private const int MaxDepth = 32;

    private readonly Dictionary<(string Schema, string Name), TableEntry> _tables = [];

    private ViewLineage(SourceEntry source)
    {
        foreach (var table in source.Tables) _tables.TryAdd((table.Schema, table.Name), table);
    }

    /// <summary>The lineage of one source's tables as they are now (an index of its tables by schema and name: build it
    /// again after changing the source's tables).</summary>
    /// <param name="source">The source.</param>
    public static ViewLineage Of(SourceEntry source) => new(source);

    /// <summary>The column <paramref name="column"/> shows, when it is in the same source of the inventory.</summary>
    /// <param name="column">A column (of a view, or any other: null when it has no <see cref="ColumnEntry.ReadsFrom"/>).</param>
    /// <returns>The base table and column, or null.</returns>
    public (TableEntry Table, ColumnEntry Column)? Base(ColumnEntry column)
    {
        if (column.ReadsFrom is not { } reference || !_tables.TryGetValue((reference.Schema, reference.Table), out var table)) return null;
        var target = table.Columns.FirstOrDefault(c => c.Name == reference.Column);
        return target is null || ReferenceEquals(target, column) ? null : (table, target);
    }

    /// <summary>The last column of the chain a view column reads through (the table column under a view over a view),
    /// when that chain stays in the source's inventory.</summary>
    /// <param name="column">A view column.</param>
    /// <returns>The root table and column, or null when the column reads no column of the inventory.</returns>
    public (TableEntry Table, ColumnEntry Column)? Root(ColumnEntry column)
    {
        (TableEntry Table, ColumnEntry Column)? root = null;
        var current = column;
        for (int depth = 0; depth < MaxDepth && Base(current) is { } next; depth++)
        {
            root = next;
            current = next.Column;
        }
        return root;
    }

    /// <summary>Applies the inheritance rules (see the type's summary) to every view column of the document, after its
    /// annotations and database labels are merged. Calling it again on a merged document gives the same result only
    /// after the merge reset the columns (the merger calls it once per merge).</summary>
    /// <param name="document">The inventory, changed in place.</param>
    /// <returns>The number of view columns that inherited a category.</returns>
    public static int Inherit(InventoryDocument document)
    {
        int inherited = 0;
        foreach (var source in document.Sources)
        {
            if (!source.Tables.Any(t => t.Columns.Any(c => c.ReadsFrom is not null))) continue;
            var lineage = Of(source);
            var done = new HashSet<ColumnEntry>(ReferenceEqualityComparer.Instance);
            foreach (var table in source.Tables)
                foreach (var column in table.Columns)
                    if (column.ReadsFrom is not null && lineage.Resolve(source, column, done, 0)) inherited++;
        }
        return inherited;
    }

    /// <summary>Resolves one column after its base column; true when it inherited a category here.</summary>
    private bool Resolve(SourceEntry source, ColumnEntry column, HashSet<ColumnEntry> done, int depth)
    {
        if (!done.Add(column) || depth >= MaxDepth || Base(column) is not { } found) return false;
        Resolve(source, found.Column, done, depth + 1);
        var basis = found.Column;
        var shown = column.ReadsFrom!.Display(source.DefaultSchema);
        if (column.Origin is Origin.Annotation or Origin.DatabaseLabel)
        {
            // The view column's own human decision wins; a different human decision on the base column is a conflict.
            if (column.DataCategory is { } own && HumanDecided(basis) && basis.DataCategory is { } other && own != other)
            {
                column.Status = ColumnStatus.Conflict;
                var whose = column.Origin == Origin.Annotation ? "annotated" : "labelled";
                column.Conflict = string.Join("; ", new[] { column.Conflict, $"{whose} {own}, but it is a view of {shown}, tagged {other}" }.OfType<string>());
            }
            return false;
        }
        if (basis.DataCategory is not { } category) return false;
        column.DataCategory = category;
        column.Confidence = basis.Confidence;
        column.Origin = Origin.Lineage;
        column.Status = basis.Status == ColumnStatus.Conflict ? ColumnStatus.Tagged : basis.Status;
        column.Conflict = null;
        return true;
    }

    /// <summary>True when a human decided the column's category: its annotation or database label, or a chain of
    /// views ending in one.</summary>
    private static bool HumanDecided(ColumnEntry column) =>
        column.Origin is Origin.Annotation or Origin.DatabaseLabel || (column.Origin == Origin.Lineage && column.Status != ColumnStatus.Suggested);

    /// <summary>The evidence a report shows for a view column that inherited its category: <c>view of table.column</c>.</summary>
    /// <param name="source">The source holding the view.</param>
    /// <param name="column">The view column.</param>
    /// <returns>The text, or null when the column did not inherit.</returns>
    public static string? Evidence(SourceEntry source, ColumnEntry column) =>
        column.Origin == Origin.Lineage && column.ReadsFrom is { } reference ? $"view of {reference.Display(source.DefaultSchema)}" : null;
}
