using Inventory.Classification;
using Inventory.Rules.Evaluation;

namespace Inventory.Rules.Model;

/// <summary>The result of classifying one gold file.</summary>
/// <param name="Name">File name (without folder).</param>
/// <param name="Pairs">(gold data category, predicted data category or null) per gold row, in file order.</param>
/// <param name="Metrics">Metrics over <paramref name="Pairs"/>.</param>
/// <param name="Unmatched">Gold rows with no scanned column (only with a database); counted as undecided.</param>
public sealed record GoldFileResult(string Name, IReadOnlyList<(string Gold, string? Predicted)> Pairs, ClassificationMetrics Metrics, int Unmatched = 0);

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
        return new GoldFileResult(name, pairs, ClassificationMetrics.Compute(pairs));
    }

    /// <summary>Metrics over the rows of several files taken together.</summary>
    /// <param name="files">Per-file results.</param>
    /// <returns>Pooled metrics.</returns>
    public static ClassificationMetrics Pool(IEnumerable<GoldFileResult> files) =>
        ClassificationMetrics.Compute(files.SelectMany(f => f.Pairs));
}
