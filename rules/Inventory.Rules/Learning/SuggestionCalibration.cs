using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>A suggestion drawn from a model's label distribution and the rule decision, before calibration.</summary>
/// <param name="DataCategory">The suggested label (<c>category.subcategory</c> or <c>none</c>).</param>
/// <param name="Score">The probability of the suggested label's category, in [0, 1] (the calibration's input).</param>
/// <param name="LeanedPersonal">True when the model's own top category was <c>none</c> and a personal category was
/// suggested instead (LABELS.md tie-breaker 9).</param>
public sealed record RawSuggestion(string DataCategory, double Score, bool LeanedPersonal);

/// <summary>
/// Turns a model's label distribution and the rule decision into a suggestion with a confidence that means what it says:
/// (1) the category is the most probable one of the <see cref="StackedCombination"/> (the learned combination of model and
/// rules, fitted on out-of-fold predictions), or of the model's summed probabilities when there is none, except that a
/// column both the model and the rule call <c>none</c> stays <c>none</c>; (2) the label is
/// the rule's when the rule decided that category, else the model's most probable label of it; (3) the confidence is the
/// isotonic regression (pool-adjacent-violators) of "the suggested category was right" on the category's probability,
/// fitted on out-of-fold suggestions of the cross-validation over the corpus applications (<see cref="CrossValidation"/>),
/// so that among suggestions at confidence ≥ 0.9 about nine in ten or more were right in cross-validation. Immutable and
/// thread-safe.
/// </summary>
public sealed class SuggestionCalibration
{
    /// <summary>Logical name of the default calibration embedded in Inventory.Rules (from <c>rules/model/calibration.json</c>).</summary>
    public const string DefaultResourceName = "Inventory.Rules.Defaults.calibration.json";

    private readonly double[] _scores;
    private readonly double[] _precisions;

    /// <summary>Creates a calibration from its combination and breakpoints.</summary>
    /// <param name="combination">The learned combination, or null to take the model's top category as it is.</param>
    /// <param name="scores">Increasing scores (upper ends of the isotonic blocks).</param>
    /// <param name="precisions">Non-decreasing precision of each block, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public SuggestionCalibration(StackedCombination? combination, IReadOnlyList<double> scores, IReadOnlyList<double> precisions)
    {
        if (scores.Count != precisions.Count) throw new ArgumentException("scores and precisions must have the same length", nameof(precisions));
        Combination = combination;
        _scores = scores.ToArray();
        _precisions = precisions.ToArray();
    }

    /// <summary>The identity calibration: the model's top category, confidence = its probability.</summary>
    public static SuggestionCalibration Identity { get; } = new(null, [], []);

    /// <summary>The learned combination, or null.</summary>
    public StackedCombination? Combination { get; }

    /// <summary>Breakpoints (score, precision) of the isotonic fit.</summary>
    public IReadOnlyList<(double Score, double Precision)> Breakpoints => _scores.Zip(_precisions).ToArray();

    /// <summary>Draws the raw suggestion (steps 1 and 2 of the class summary).</summary>
    /// <param name="labels">The model's labels.</param>
    /// <param name="distribution">Their probabilities, same order.</param>
    /// <param name="rule">The rule decision of the column, or null.</param>
    /// <param name="valuesExamined">True when sampled values were examined by the detectors: the combination's leaning
    /// towards personal categories (its class weights) is then undone, since the names are not the only evidence and a
    /// <c>none</c> the values did not contradict stands.</param>
    /// <param name="tableContext">The column's table context (<see cref="StackedCombination.TableContext"/> over the model's
    /// distributions of its table's columns), or null for none.</param>
    /// <returns>The suggestion and its score.</returns>
    public RawSuggestion Suggest(IReadOnlyList<string> labels, IReadOnlyList<float> distribution, ColumnClassification? rule = null,
        bool valuesExamined = false, float[]? tableContext = null)
    {
        var summed = StackedCombination.SummedByCategory(labels, distribution);
        var probabilities = Combination?.Probabilities(StackedCombination.Features(summed, rule, tableContext), valuesExamined) ?? summed;
        // Ties broken by the order of LABELS.md, so the answer never depends on dictionary order.
        int Best(double[] p)
        {
            int best = 0;
            for (int c = 1; c < p.Length; c++) if (p[c] > p[best]) best = c;
            return best;
        }
        int category = Best(probabilities);
        // The combination's class weights lean towards personal categories where the evidence cannot separate them from
        // none; where the model's own top category and the rule both say none, nothing disagrees, so none stands
        // (measured in cross-validation: macro-F1 0.693 → 0.692, personal precision 0.698 → 0.721; rules/MODEL.md).
        int none = DataCategory.TopLevels.Count - 1;
        if (Combination is not null && Best(summed) == none && rule?.DataCategory == "none") category = none;
        var name = DataCategory.TopLevels[category];
        string label;
        if (rule?.DataCategory is { } decided && DataCategory.TopLevelOf(decided) == name) label = decided;
        else
        {
            int bestLabel = -1;
            for (int i = 0; i < labels.Count; i++)
                if (DataCategory.TopLevelOf(labels[i]) == name && (bestLabel < 0 || distribution[i] > distribution[bestLabel])) bestLabel = i;
            label = bestLabel >= 0 ? labels[bestLabel] : name;
        }
        bool leaned = name != "none" && DataCategory.TopLevels[Best(summed)] == "none";
        return new RawSuggestion(label, Math.Min(1, probabilities[category]), leaned);
    }

    /// <summary>The calibrated confidence of a score: the precision of its isotonic block (the first block whose upper
    /// score is ≥ the score; the last block above). Identity when there are no breakpoints.</summary>
    /// <param name="score">A raw score in [0, 1].</param>
    /// <returns>A confidence in [0, 1], rounded to 4 decimals.</returns>
    public double Confidence(double score)
    {
        if (_scores.Length == 0) return Math.Round(score, 4);
        int i = Array.BinarySearch(_scores, score);
        if (i < 0) i = ~i;
        if (i >= _scores.Length) i = _scores.Length - 1;
        return Math.Round(_precisions[i], 4);
    }

    /// <summary>Fits the isotonic map of correctness on scores (pool-adjacent-violators over the points sorted by score).</summary>
    /// <param name="combination">The combination the suggestions were drawn with, or null.</param>
    /// <param name="points">(score, right) per out-of-fold suggestion.</param>
    /// <returns>The calibration.</returns>
    public static SuggestionCalibration Fit(StackedCombination? combination, IEnumerable<(double Score, bool Right)> points)
    {
        // Equal scores form one point first (their order must not matter), then pool adjacent violators.
        var grouped = points.GroupBy(p => p.Score).OrderBy(g => g.Key).Select(g => (Score: g.Key, Right: g.Count(p => p.Right), Count: g.Count()));
        var sums = new List<double>();
        var counts = new List<int>();
        var uppers = new List<double>();
        foreach (var (score, right, count) in grouped)
        {
            sums.Add(right);
            counts.Add(count);
            uppers.Add(score);
            while (sums.Count > 1 && sums[^2] / counts[^2] >= sums[^1] / counts[^1])
            {
                sums[^2] += sums[^1];
                counts[^2] += counts[^1];
                uppers[^2] = uppers[^1];
                sums.RemoveAt(sums.Count - 1);
                counts.RemoveAt(counts.Count - 1);
                uppers.RemoveAt(uppers.Count - 1);
            }
        }
        return new SuggestionCalibration(combination, uppers, sums.Select((s, i) => s / counts[i]).ToArray());
    }

    /// <summary>Writes the calibration as JSON (invariant culture, stable order).</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["combination"] = Combination?.ToJson(),
            ["breakpoints"] = new JsonArray(_scores.Select((s, i) => (JsonNode)new JsonArray(Math.Round(s, 6), Math.Round(_precisions[i], 6))).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads a calibration written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The text.</param>
    /// <param name="file">File name for errors.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="ConfigurationException">Not a calibration document.</exception>
    public static SuggestionCalibration Parse(string json, string file)
    {
        try
        {
            var root = JsonNode.Parse(json)!.AsObject();
            var points = root["breakpoints"]!.AsArray().Select(p => (p![0]!.GetValue<double>(), p[1]!.GetValue<double>())).ToArray();
            var combination = root["combination"] is { } c ? StackedCombination.Parse(c) : null;
            return new SuggestionCalibration(combination, points.Select(p => p.Item1).ToArray(), points.Select(p => p.Item2).ToArray());
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new ConfigurationException($"not a calibration document ({e.Message}); retrain with 'inventory train'", file, 1, 1, e);
        }
    }

    /// <summary>Loads the calibration embedded in Inventory.Rules, or <see cref="Identity"/> when none is embedded.</summary>
    public static SuggestionCalibration LoadDefault()
    {
        using var stream = typeof(SuggestionCalibration).Assembly.GetManifestResourceStream(DefaultResourceName);
        if (stream is null) return Identity;
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "calibration.json (embedded)");
    }

    /// <summary>Loads a calibration file.</summary>
    /// <exception cref="ConfigurationException">Missing or malformed file.</exception>
    public static SuggestionCalibration Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException($"calibration file '{path}' does not exist; run 'inventory train' first");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Describes the calibration (diagnostics).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{(Combination is null ? "no combination" : "stacked combination")}, {_scores.Length} blocks");
}
