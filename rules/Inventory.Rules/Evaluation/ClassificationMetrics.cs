using Inventory.Classification;
using System.Globalization;
using System.Text;

namespace Inventory.Rules.Evaluation;

/// <summary>Precision, recall and F1 of one category.</summary>
/// <param name="Category">The category.</param>
/// <param name="Support">Gold rows of this category.</param>
/// <param name="Predicted">Rows predicted as this category.</param>
/// <param name="TruePositives">Rows both gold and predicted as this category.</param>
public sealed record CategoryScore(string Category, int Support, int Predicted, int TruePositives)
{
    /// <summary>TP / predicted; 0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    /// <summary>TP / support; 0 when there is no support.</summary>
    public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;
    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Evaluation of predicted categories against gold labels: per-category precision/recall/F1, macro-F1 over the
/// categories with gold support (or over a fixed list), accuracy, subcategory accuracy, and the confusion matrix.
/// An undecided prediction (null) counts as the pseudo-category <c>undecided</c>: a miss for its gold category.
/// </summary>
public sealed class ClassificationMetrics
{
    /// <summary>The six categories of LABELS.md, in report order.</summary>
    public static IReadOnlyList<string> SixCategories { get; } = ["contact", "financial", "automatic", "customer_content", "other_personal", "none"];

    /// <summary>Label used for undecided predictions.</summary>
    public const string Undecided = "undecided";

    private ClassificationMetrics(IReadOnlyList<CategoryScore> scores, double macroF1, double accuracy, double subAccuracy, int subTotal,
        IReadOnlyDictionary<(string Gold, string Predicted), int> confusion, int total)
    {
        Scores = scores;
        MacroF1 = macroF1;
        Accuracy = accuracy;
        SubcategoryAccuracy = subAccuracy;
        SubcategoryTotal = subTotal;
        Confusion = confusion;
        Total = total;
    }

    /// <summary>Per-category scores, in <see cref="SixCategories"/> order then any others.</summary>
    public IReadOnlyList<CategoryScore> Scores { get; }
    /// <summary>Mean F1 over the categories that have gold support or predictions.</summary>
    public double MacroF1 { get; }
    /// <summary>Share of rows whose category is right.</summary>
    public double Accuracy { get; }
    /// <summary>Share of rows with a gold subcategory whose full <c>category.subcategory</c> is right.</summary>
    public double SubcategoryAccuracy { get; }
    /// <summary>Rows with a gold subcategory.</summary>
    public int SubcategoryTotal { get; }
    /// <summary>(gold category, predicted category or <c>undecided</c>) → count.</summary>
    public IReadOnlyDictionary<(string Gold, string Predicted), int> Confusion { get; }
    /// <summary>Rows evaluated.</summary>
    public int Total { get; }

    /// <summary>Computes the metrics.</summary>
    /// <param name="pairs">(gold data category, predicted data category or null) per row; data categories may be bare categories.</param>
    /// <param name="categories">Categories to average over (default: the six; a category without support and without predictions is left out).</param>
    public static ClassificationMetrics Compute(IEnumerable<(string Gold, string? Predicted)> pairs, IReadOnlyList<string>? categories = null)
    {
        categories ??= SixCategories;
        var confusion = new SortedDictionary<(string, string), int>(Comparer<(string, string)>.Create((a, b) =>
        {
            int c = string.CompareOrdinal(a.Item1, b.Item1);
            return c != 0 ? c : string.CompareOrdinal(a.Item2, b.Item2);
        }));
        int total = 0, correct = 0, subTotal = 0, subCorrect = 0;
        foreach (var (gold, predicted) in pairs)
        {
            total++;
            var g = DataCategory.TopLevelOf(gold);
            var p = predicted is null ? Undecided : DataCategory.TopLevelOf(predicted);
            confusion[(g, p)] = confusion.GetValueOrDefault((g, p)) + 1;
            if (g == p) correct++;
            if (gold.Contains('.'))
            {
                subTotal++;
                if (predicted == gold) subCorrect++;
            }
        }
        var all = categories.Concat(confusion.Keys.SelectMany(k => new[] { k.Item1, k.Item2 }).Where(c => c != Undecided && !categories.Contains(c)).Distinct().Order(StringComparer.Ordinal)).ToList();
        var scores = new List<CategoryScore>();
        foreach (var c in all)
        {
            int support = confusion.Where(kv => kv.Key.Item1 == c).Sum(kv => kv.Value);
            int predictedCount = confusion.Where(kv => kv.Key.Item2 == c).Sum(kv => kv.Value);
            int tp = confusion.GetValueOrDefault((c, c));
            scores.Add(new CategoryScore(c, support, predictedCount, tp));
        }
        var averaged = scores.Where(s => categories.Contains(s.Category) && (s.Support > 0 || s.Predicted > 0)).ToList();
        double macro = averaged.Count == 0 ? 0 : averaged.Average(s => s.F1);
        return new ClassificationMetrics(scores, macro, total == 0 ? 0 : (double)correct / total, subTotal == 0 ? 0 : (double)subCorrect / subTotal,
            subTotal, confusion, total);
    }

    /// <summary>A plain-text table of the scores and the confusion matrix (rows gold, columns predicted).</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{"category",-18} {"support",7} {"precision",9} {"recall",7} {"F1",6}");
        foreach (var s in Scores)
            sb.AppendLine(inv, $"{s.Category,-18} {s.Support,7} {s.Precision,9:0.000} {s.Recall,7:0.000} {s.F1,6:0.000}");
        sb.AppendLine(inv, $"macro-F1 {MacroF1:0.000}  accuracy {Accuracy:0.000}  subcategory accuracy {SubcategoryAccuracy:0.000} ({SubcategoryTotal} rows)  rows {Total}");
        var columns = Scores.Select(s => s.Category).Append(Undecided).ToList();
        sb.Append(inv, $"{"gold \\ predicted",-18}");
        foreach (var c in columns) sb.Append(inv, $" {Short(c),8}");
        sb.AppendLine();
        foreach (var g in Scores.Select(s => s.Category))
        {
            sb.Append(inv, $"{g,-18}");
            foreach (var c in columns) sb.Append(inv, $" {Confusion.GetValueOrDefault((g, c)),8}");
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Short(string c) => c.Length <= 8 ? c : c[..8];
}
