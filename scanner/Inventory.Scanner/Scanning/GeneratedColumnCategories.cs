using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Scanning;

/// <summary>
/// A generated (computed) column takes its category from the columns of its table its generation expression reads
/// (<see cref="ColumnInfo.GeneratedFrom"/>), as a view column takes its base column's (view lineage): a MariaDB
/// <c>label = CONCAT(company_name,' (',city,')')</c> holds a company name and a city, not text a user wrote, though its
/// values look like free text (trial 35 finding 3c: it was <c>customer_content.message</c> 0.94 by the free-text
/// detector). Rules, applied once the table's columns are classified:
/// <list type="bullet">
/// <item>Only a column whose own decision is undecided, <c>none</c> or <c>customer_content</c> (what concatenated values
/// look like) takes an inherited category; a column whose own values or name said a precise personal kind (an e-mail
/// extracted from a JSON document by the expression) keeps it, and a database label is never replaced.</item>
/// <item>The category is that of the first column the expression reads (in its order) whose category is personal (not
/// <c>none</c>), with that column's confidence (LABELS.md tie-breaker 15: the most identifying expected content);
/// when every column read is <c>none</c>, the generated column is <c>none</c> with the lowest of their confidences;
/// when a column read is undecided or not in the table, the column keeps its own decision.</item>
/// </list>
/// The evidence says <c>generated from a, b</c> (column names only).
/// </summary>
internal static class GeneratedColumnCategories
{
    /// <summary>The evidence id of an inherited category.</summary>
    public const string EvidenceId = "generated.reads";

    /// <summary>The table's decisions with the rules above applied (the same list when no column changes).</summary>
    /// <param name="table">The table, its columns in the order of <paramref name="decisions"/>.</param>
    /// <param name="decisions">One decision per column of <paramref name="table"/>.</param>
    /// <returns>One decision per column, in order.</returns>
    public static IReadOnlyList<ColumnClassification> Apply(TableInfo table, IReadOnlyList<ColumnClassification> decisions)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count != table.Columns.Count || !table.Columns.Any(c => c.GeneratedFrom is { Count: > 0 })) return decisions;
        ColumnClassification[]? result = null;
        for (int i = 0; i < decisions.Count; i++)
        {
            if (table.Columns[i].GeneratedFrom is not { Count: > 0 } read || Inherited(table, decisions, decisions[i], read) is not { } inherited) continue;
            result ??= [.. decisions];
            result[i] = inherited;
        }
        return result ?? decisions;
    }

    private static ColumnClassification? Inherited(TableInfo table, IReadOnlyList<ColumnClassification> decisions, ColumnClassification own,
        IReadOnlyList<string> read)
    {
        if (own.Origin is Origin.Annotation or Origin.DatabaseLabel or Origin.Lineage) return null;
        if (own.DataCategory is { } ownCategory && ownCategory != "none" && !ownCategory.StartsWith("customer_content", StringComparison.Ordinal)) return null;
        var sources = new List<ColumnClassification>(read.Count);
        foreach (var name in read)
        {
            int index = -1;
            for (int j = 0; j < table.Columns.Count && index < 0; j++)
                if (table.Columns[j].Name == name) index = j;
            if (index < 0 || decisions[index].DataCategory is null) return null;
            sources.Add(decisions[index]);
        }
        var personal = sources.FirstOrDefault(s => s.DataCategory != "none");
        var category = personal?.DataCategory ?? "none";
        var confidence = personal?.Confidence ?? sources.Min(s => s.Confidence);
        return new ColumnClassification
        {
            DataCategory = category,
            Confidence = confidence,
            Origin = Origin.Rules,
            Evidence = [new EvidenceItem("generated", EvidenceId, category, Score: confidence, Detail: $"generated from {string.Join(", ", read)}"), .. own.Evidence],
            AlsoContains = own.AlsoContains,
            JsonPaths = own.JsonPaths,
        };
    }
}
