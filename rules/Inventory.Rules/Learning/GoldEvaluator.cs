using Inventory.Classification;
using Inventory.Model;
using Inventory.Rules.Evaluation;

namespace Inventory.Rules.Learning;

/// <summary>The result of classifying one gold file.</summary>
/// <param name="Name">File name (without folder).</param>
/// <param name="Pairs">(gold data category, predicted data category or null) per gold row, in file order.</param>
/// <param name="Metrics">Metrics over <paramref name="Pairs"/>.</param>
/// <param name="Unmatched">Gold rows with no scanned column (only with a database); counted as undecided.</param>
public sealed record GoldFileResult(string Name, IReadOnlyList<(string Gold, string? Predicted)> Pairs, ClassificationMetrics Metrics, int Unmatched = 0)
{
    /// <summary>The confidence of each prediction, in <see cref="Pairs"/> order (0 when undecided).</summary>
    public IReadOnlyList<double> Confidences { get; init; } = [];
}

/// <summary>Classifies gold files from names and types and measures the classifier against them.</summary>
public static class GoldEvaluator
{
    /// <summary>Classifies every row of a gold file from its names and declared types (no values), each column with
    /// its table's other column names as context, in one batch.</summary>
    /// <param name="classifier">The classifier to measure.</param>
    /// <param name="name">Display name of the file.</param>
    /// <param name="rows">Gold rows (<see cref="GoldFile.Read"/>).</param>
    /// <returns>Pairs and metrics.</returns>
    public static GoldFileResult EvaluateNamesOnly(IColumnClassifier classifier, string name, IReadOnlyList<GoldRow> rows)
    {
        var decisions = classifier.ClassifyMany(GoldFile.ToEvidence(rows));
        var pairs = rows.Select((r, i) => (r.DataCategory, decisions[i].DataCategory)).ToArray();
        return new GoldFileResult(name, pairs, ClassificationMetrics.Compute(pairs)) { Confidences = decisions.Select(d => d.Confidence).ToArray() };
    }

    /// <summary>Measures a scanned inventory against a gold file: each gold row is matched to a scanned column (table by
    /// qualified name, <c>schema.name</c> or bare name; column by name; all case-insensitive) and its classifier decision
    /// (<see cref="ColumnEntry.Classification"/>, annotations left out) is compared. A gold row with no scanned column
    /// counts as undecided and in <see cref="GoldFileResult.Unmatched"/>.</summary>
    /// <param name="name">Display name of the gold file.</param>
    /// <param name="rows">Gold rows (<see cref="GoldFile.Read"/>).</param>
    /// <param name="document">The inventory of the scanned database.</param>
    /// <returns>Pairs, metrics and the unmatched count.</returns>
    public static GoldFileResult EvaluateScanned(string name, IReadOnlyList<GoldRow> rows, InventoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(document);
        var columns = new Dictionary<string, ColumnEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in document.Sources)
            foreach (var table in source.Tables)
                foreach (var column in table.Columns)
                    foreach (var key in new[] { table.QualifiedName, $"{table.Schema}.{table.Name}", table.Name })
                        columns.TryAdd(key + "\u0001" + column.Name, column);
        int unmatched = 0;
        var matched = rows.Select(r =>
        {
            if (columns.TryGetValue(r.Table + "\u0001" + r.Column, out var c)) return (Gold: r.DataCategory, Predicted: c.Classification?.DataCategory, Confidence: c.Classification?.Confidence ?? 0);
            unmatched++;
            return (Gold: r.DataCategory, Predicted: (string?)null, Confidence: 0.0);
        }).ToArray();
        var pairs = matched.Select(m => (m.Gold, m.Predicted)).ToArray();
        return new GoldFileResult(name, pairs, ClassificationMetrics.Compute(pairs), unmatched) { Confidences = matched.Select(m => m.Confidence).ToArray() };
    }

    /// <summary>Metrics over the rows of several files taken together.</summary>
    /// <param name="files">Per-file results.</param>
    /// <returns>Pooled metrics.</returns>
    public static ClassificationMetrics Pool(IEnumerable<GoldFileResult> files) =>
        ClassificationMetrics.Compute(files.SelectMany(f => f.Pairs));
}
