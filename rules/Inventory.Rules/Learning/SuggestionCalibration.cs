using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>A suggestion drawn from a model's label distribution, before calibration.</summary>
/// <param name="DataCategory">The suggested label (<c>category.subcategory</c> or <c>none</c>).</param>
/// <param name="Score">The summed probability of the suggested label's category, in [0, 1] (the calibration's input).</param>
/// <param name="LeanedPersonal">True when the model's top category was <c>none</c> but not sure enough, so the best
/// personal category was suggested instead (LABELS.md tie-breaker 9).</param>
public sealed record RawSuggestion(string DataCategory, double Score, bool LeanedPersonal);

/// <summary>
/// Turns a model's label distribution into a suggestion with a confidence that means what it says: (1) the category with
/// the highest summed probability wins, its most probable label is suggested; (2) when that category is <c>none</c> with a
/// summed probability below <see cref="NoneThreshold"/>, the best personal category is suggested instead (a DPO would
/// rather review a column than miss it); (3) the confidence is the isotonic regression (pool-adjacent-violators) of
/// "the suggested category was right" on the score, fitted on out-of-fold predictions of the cross-validation over the
/// corpus applications (<see cref="CrossValidation"/>), so that among suggestions at confidence ≥ 0.9 about nine in ten
/// or more were right in cross-validation. Immutable and thread-safe.
/// </summary>
public sealed class SuggestionCalibration
{
    /// <summary>Logical name of the default calibration embedded in Inventory.Rules (from <c>rules/model/calibration.json</c>).</summary>
    public const string DefaultResourceName = "Inventory.Rules.Defaults.calibration.json";

    private readonly double[] _scores;
    private readonly double[] _precisions;

    /// <summary>Creates a calibration from its breakpoints.</summary>
    /// <param name="noneThreshold">See <see cref="NoneThreshold"/>.</param>
    /// <param name="scores">Increasing scores (upper ends of the isotonic blocks).</param>
    /// <param name="precisions">Non-decreasing precision of each block, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public SuggestionCalibration(double noneThreshold, IReadOnlyList<double> scores, IReadOnlyList<double> precisions)
    {
        if (scores.Count != precisions.Count) throw new ArgumentException("scores and precisions must have the same length", nameof(precisions));
        NoneThreshold = noneThreshold;
        _scores = scores.ToArray();
        _precisions = precisions.ToArray();
    }

    /// <summary>The identity calibration with no leaning (confidence = score).</summary>
    public static SuggestionCalibration Identity { get; } = new(0, [], []);

    /// <summary>Below this summed probability of <c>none</c>, the best personal category is suggested instead.</summary>
    public double NoneThreshold { get; }

    /// <summary>Breakpoints (score, precision) of the isotonic fit.</summary>
    public IReadOnlyList<(double Score, double Precision)> Breakpoints => _scores.Zip(_precisions).ToArray();

    /// <summary>Draws the raw suggestion from a label distribution (steps 1 and 2 of the class summary).</summary>
    /// <param name="labels">The model's labels.</param>
    /// <param name="distribution">Their probabilities, same order.</param>
    /// <returns>The suggestion and its score.</returns>
    public RawSuggestion Suggest(IReadOnlyList<string> labels, IReadOnlyList<float> distribution) => Suggest(labels, distribution, lean: true);

    /// <summary>Like <see cref="Suggest(IReadOnlyList{string}, IReadOnlyList{float})"/>; with <paramref name="lean"/> false
    /// the top category is suggested as it is, with no leaning towards personal (used when sampled values were examined
    /// by the detectors: then the names are not the only evidence, and a none the values did not contradict stands).</summary>
    /// <param name="labels">The model's labels.</param>
    /// <param name="distribution">Their probabilities, same order.</param>
    /// <param name="lean">Whether a none below <see cref="NoneThreshold"/> gives way to the best personal category.</param>
    /// <returns>The suggestion and its score.</returns>
    public RawSuggestion Suggest(IReadOnlyList<string> labels, IReadOnlyList<float> distribution, bool lean)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var bestLabel = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++)
        {
            var top = DataCategory.TopLevelOf(labels[i]);
            totals[top] = totals.GetValueOrDefault(top) + distribution[i];
            if (!bestLabel.TryGetValue(top, out var b) || distribution[i] > distribution[b]) bestLabel[top] = i;
        }
        // Ties broken by the order of LABELS.md, so the answer never depends on dictionary order.
        string Best(bool personalOnly) => DataCategory.TopLevels
            .Where(c => totals.ContainsKey(c) && (!personalOnly || c != "none"))
            .Aggregate((a, c) => totals[c] > totals[a] ? c : a);
        var category = Best(false);
        bool leaned = false;
        if (lean && category == "none" && totals["none"] < NoneThreshold && totals.Count > 1)
        {
            category = Best(true);
            leaned = true;
        }
        return new RawSuggestion(labels[bestLabel[category]], Math.Min(1, totals[category]), leaned);
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
    /// <param name="noneThreshold">The leaning threshold the suggestions were drawn with.</param>
    /// <param name="points">(score, right) per out-of-fold suggestion.</param>
    /// <returns>The calibration.</returns>
    public static SuggestionCalibration Fit(double noneThreshold, IEnumerable<(double Score, bool Right)> points)
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
        return new SuggestionCalibration(noneThreshold, uppers, sums.Select((s, i) => s / counts[i]).ToArray());
    }

    /// <summary>Writes the calibration as JSON (invariant culture, stable order).</summary>
    public string ToJson()
    {
        var root = new JsonObject
        {
            ["noneThreshold"] = NoneThreshold,
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
            return new SuggestionCalibration(root["noneThreshold"]!.GetValue<double>(), points.Select(p => p.Item1).ToArray(), points.Select(p => p.Item2).ToArray());
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
        string.Create(CultureInfo.InvariantCulture, $"none threshold {NoneThreshold:0.00}, {_scores.Length} blocks");
}
