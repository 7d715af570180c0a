using System.Globalization;
using System.Text;
using Inventory.Classification;
using Inventory.Rules.Learning;
using Inventory.Model;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory evaluate --cross-validate DIR --predictions FILE</c>: every column's out-of-fold outcome as TSV.</summary>
internal sealed partial class EvaluateCommand
{
    /// <summary>The heading of the <c>--predictions</c> TSV.</summary>
    internal const string PredictionsHeading = "application\tfold\ttable\tcolumn\ttype\tgold\tpredicted\tconfidence\trule\trule_id\tmodel_top\tmodel_probability\tscore\tbasis\tcalibrated\tp_none\tbest_personal\tp_best_personal";

    /// <summary>Writes one line per corpus column (application then row order): where it was tested, its names and
    /// declared type (the corpus holds no values), its gold and predicted labels with the calibrated confidence, the rule
    /// classifier's decision (<c>undecided</c> when none) and the id of its first evidence item, and the first level's
    /// most probable category (summed over its labels) with that probability; then the combination's raw score of the
    /// suggestion (the calibration's input), its basis, whether the confidence is the calibration's (<c>1</c>) or a
    /// standing rule's (<c>0</c>), the combination's probability of <c>none</c> and its most probable personal category
    /// with that probability (what the leaning threshold reads). Tabs and line breaks inside a name are
    /// replaced by spaces. Written atomically.</summary>
    /// <param name="path">Output file.</param>
    /// <param name="applications">The corpus applications (the order of <paramref name="cv"/>'s columns).</param>
    /// <param name="cv">The cross-validation result.</param>
    /// <param name="firstLevel">Its first level.</param>
    /// <param name="decisions">The rule decisions, or null without rules.</param>
    internal static void WritePredictions(string path, IReadOnlyList<LabelledApplication> applications, CrossValidationResult cv,
        FirstLevelResult firstLevel, IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>>? decisions)
    {
        var inv = CultureInfo.InvariantCulture;
        var model = firstLevel.Rows.ToDictionary(r => (r.Application, r.Row));
        static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
        var text = new StringBuilder(PredictionsHeading).Append('\n');
        int index = 0;
        foreach (var application in applications)
            for (int row = 0; row < application.Rows.Count; row++, index++)
            {
                var column = cv.Columns[index];
                var gold = application.Rows[row];
                var rule = decisions?[application.Name][row];
                var first = model[(application.Name, row)];
                var (top, probability) = StackedCombination.SummedByCategory(first.Labels, first.Distribution)
                    .Select((p, k) => (Category: DataCategory.TopLevels[k], P: p)).MaxBy(t => t.P);
                text.Append(application.Name).Append('\t').Append(column.Fold.ToString(inv)).Append('\t')
                    .Append(Clean(gold.Table)).Append('\t').Append(Clean(gold.Column)).Append('\t').Append(Clean(gold.DataType)).Append('\t')
                    .Append(column.Gold).Append('\t').Append(column.Predicted).Append('\t').Append(column.Confidence.ToString("0.0000", inv)).Append('\t')
                    .Append(rule?.DataCategory ?? "undecided").Append('\t').Append(rule is { Evidence.Count: > 0 } ? rule.Evidence[0].Id : "").Append('\t')
                    .Append(top).Append('\t').Append(probability.ToString("0.0000", inv));
                var p = column.Probabilities;
                int personal = p is null ? -1 : Enumerable.Range(0, p.Count - 1).MaxBy(k => p[k]);
                text.Append('\t').Append(column.Suggestion?.Score.ToString("0.000000", inv) ?? "")
                    .Append('\t').Append(column.Suggestion is { } s ? SuggestionCalibration.BasisName(s.Basis) : "")
                    .Append('\t').Append(column.Calibrated ? '1' : '0')
                    .Append('\t').Append(p?[^1].ToString("0.000000", inv) ?? "")
                    .Append('\t').Append(personal >= 0 ? DataCategory.TopLevels[personal] : "")
                    .Append('\t').Append(personal >= 0 ? p![personal].ToString("0.000000", inv) : "").Append('\n');
            }
        AtomicFile.WriteAllText(path, text.ToString());
    }
}
