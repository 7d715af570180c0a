using System.Globalization;
using Inventory.Classification;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory evaluate --cross-validate DIR --compare-combinations POWERS</c> and <c>--compare-leanings
/// THRESHOLDS</c>: the combination's variants over one first level.</summary>
internal sealed partial class EvaluateCommand
{
    /// <summary>Prints the pooled figures of the combination with each class-weight power, with and without the table
    /// context, over one first level: macro-F1, personal recall and precision, precision and coverage at confidence ≥ 0.9,
    /// and F1 per category. The other options (calibration groups, leaning) are the main run's.</summary>
    private void CompareCombinations(IReadOnlyList<LabelledApplication> applications, FirstLevelResult firstLevel,
        IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>>? decisions, int seed, IReadOnlyList<double> powers,
        IReadOnlyList<StackedCombination> start, CombinationOptions main)
    {
        var variants = new[] { true, false }.SelectMany(context => powers.Select(power => main with { ClassWeightPower = power, TableContext = context }));
        CompareVariants(applications, firstLevel, decisions, seed, start, variants.ToArray(), ["power", "table context"],
            v => [v.ClassWeightPower.ToString("0.###", CultureInfo.InvariantCulture), v.TableContext ? "yes" : "no"]);
    }

    /// <summary>Prints the pooled figures of the main run's combination with each leaning threshold
    /// (<see cref="SuggestionCalibration.LeanBelow"/>) over one first level: the trade-off table of macro-F1 against personal
    /// recall and precision, with the flagged counts and the ≥ 0.9 band.</summary>
    private void CompareLeanings(IReadOnlyList<LabelledApplication> applications, FirstLevelResult firstLevel,
        IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>>? decisions, int seed, IReadOnlyList<double> thresholds,
        IReadOnlyList<StackedCombination> start, CombinationOptions main) =>
        CompareVariants(applications, firstLevel, decisions, seed, start, thresholds.Select(t => main with { LeanBelow = t }).ToArray(), ["lean below"],
            v => [v.LeanBelow.ToString("0.###", CultureInfo.InvariantCulture)]);

    private void CompareVariants(IReadOnlyList<LabelledApplication> applications, FirstLevelResult firstLevel,
        IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>>? decisions, int seed, IReadOnlyList<StackedCombination> start,
        IReadOnlyList<CombinationOptions> variants, string[] headings, Func<CombinationOptions, string[]> describe)
    {
        // Each variant's fit starts from the main run's fit of the same fold (same strictly convex objective family: the
        // optimum does not depend on the start, the iterations do; RuleAblation does the same).
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns(headings).AddColumns("macro-F1", "personal R", "personal P", "flagged (personal)", "≥0.9 P", "≥0.9 cov.")
            .AddColumns(DataCategory.TopLevels.Select(c => c.Length <= 4 ? c : c[..3].ToUpperInvariant() + " F1").ToArray());
        foreach (var variant in variants)
        {
            var columns = CrossValidation.Combine(applications, firstLevel, decisions, seed, false, start, out _, variant).Columns;
            var pairs = columns.Select(c => (c.Gold, (string?)c.Predicted)).ToArray();
            var metrics = ClassificationMetrics.Compute(pairs);
            var personal = PersonalVsNone.Compute(pairs);
            var high = columns.Where(c => c.Confidence >= 0.9).ToArray();
            double highPrecision = high.Length == 0 ? 0 : (double)high.Count(c => DataCategory.TopLevelOf(c.Gold) == DataCategory.TopLevelOf(c.Predicted)) / high.Length;
            var cells = describe(variant).Concat([metrics.MacroF1.ToString("0.0000", inv),
                    personal.Recall.ToString("0.0000", inv), personal.Precision.ToString("0.0000", inv),
                    $"{personal.Flagged.ToString(inv)} ({personal.FlaggedPersonal.ToString(inv)})", highPrecision.ToString("0.0000", inv),
                    ((double)high.Length / columns.Count).ToString("0.0000", inv)])
                .Concat(DataCategory.TopLevels.Select(c => (metrics.Scores.FirstOrDefault(s => s.Category == c)?.F1 ?? 0).ToString("0.000", inv)));
            table.AddRow(cells.Select(t => (Spectre.Console.Rendering.IRenderable)new Text(t)).ToArray());
            console.Write(new Text(string.Create(inv, $"{string.Join(", ", headings.Zip(describe(variant), (h, d) => $"{h} {d}"))}: macro-F1 {metrics.MacroF1:0.0000}, personal {personal.Recall:0.0000} / {personal.Precision:0.0000}\n")));
        }
        console.Write(table);
    }
}
