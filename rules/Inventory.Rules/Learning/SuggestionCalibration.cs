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
/// <param name="Basis">Which evidence the suggested category rests on (the rule, the model, both); the calibration
/// per group reads it.</param>
public sealed record RawSuggestion(string DataCategory, double Score, bool LeanedPersonal, SuggestionBasis Basis = SuggestionBasis.ModelAlone);

/// <summary>Which evidence a suggested category rests on: the rule decision and the column model's own most probable
/// category (summed over its labels), before the combination weighs them. errors35 measured that at the same combination
/// probability these kinds of suggestions are right at very different rates (<c>rules/MODEL.md</c>, session 36).</summary>
public enum SuggestionBasis
{
    /// <summary>The rule decided the suggested category and the model's own top category is the same.</summary>
    RuleAndModel,
    /// <summary>The rule decided the suggested category; the model's own top category is another one (the model doubts).</summary>
    RuleAlone,
    /// <summary>No rule decided the column; the suggestion is the model's, through the combination.</summary>
    ModelAlone,
    /// <summary>A rule decided another category; the combination followed the model instead.</summary>
    ModelOverRule,
}

/// <summary>How the out-of-fold suggestions are grouped for the calibration (<see cref="SuggestionCalibration.Fit(StackedCombination?, IEnumerable{ValueTuple{RawSuggestion, bool}}, CalibrationGrouping, int)"/>):
/// one isotonic map per group, a group with fewer suggestions than the minimum falling back to the pooled map.</summary>
public enum CalibrationGrouping
{
    /// <summary>One map for every suggestion (the calibration before session 36).</summary>
    Pooled,
    /// <summary>One map per suggested category (<see cref="DataCategory.TopLevels"/>).</summary>
    Category,
    /// <summary>One map per <see cref="SuggestionBasis"/>.</summary>
    Basis,
    /// <summary>One map per suggested category and basis; a small one falls back to its category's map, then to the pooled one.</summary>
    CategoryAndBasis,
}

/// <summary>How a calibration map turns a suggestion's score into a confidence.</summary>
public enum CalibrationMethod
{
    /// <summary>Isotonic regression (pool-adjacent-violators): a non-decreasing step function of the score, one
    /// confidence per block (the calibration before session 39).</summary>
    Isotonic,
    /// <summary>Platt scaling (<see cref="PlattScaling"/>): a sigmoid of a line in the score's log-odds.</summary>
    Platt,
}

/// <summary>
/// Turns a model's label distribution and the rule decision into a suggestion with a confidence that means what it says:
/// (1) the category is the most probable one of the <see cref="StackedCombination"/> (the learned combination of model and
/// rules, fitted on out-of-fold predictions), or of the model's summed probabilities when there is none, except that a
/// column both the model and the rule call <c>none</c> stays <c>none</c>, and that a <c>none</c> whose probability is
/// under <see cref="LeanBelow"/> leans to the most probable personal category, and a <c>none</c> under
/// <see cref="LeanToRuleBelow"/> against a name rule's personal category leans to the rule's (names only); (2) the label is the rule's
/// when the rule decided that category, else the model's most probable label of it; (3) the confidence is the isotonic
/// regression (pool-adjacent-violators) or, since session 39, the Platt scaling (<see cref="Method"/>) of "the suggested
/// category was right" on the category's probability, fitted on
/// out-of-fold suggestions of the cross-validation over the corpus applications (<see cref="CrossValidation"/>), one map
/// per group of suggestions (<see cref="GroupBy"/>: per suggested category since session 36) with the pooled map for a
/// group too small to fit, so that among suggestions at confidence ≥ 0.9 about nine in ten or more were right in
/// cross-validation, whatever their category. Immutable and thread-safe.
/// </summary>
public sealed class SuggestionCalibration
{
    /// <summary>Logical name of the default calibration embedded in Inventory.Rules (from <c>rules/model/calibration.json</c>).</summary>
    public const string DefaultResourceName = "Inventory.Rules.Defaults.calibration.json";

    /// <summary>Fewest out-of-fold suggestions a group needs for its own isotonic map (<see cref="Fit(StackedCombination?, IEnumerable{ValueTuple{RawSuggestion, bool}}, CalibrationGrouping, int)"/>);
    /// a smaller group takes the pooled map. On the corpus every category has more (the fewest: about 430 other_personal
    /// suggestions in a fold's training part), so it guards smaller corpora and the per-basis groups (<c>rules/MODEL.md</c>, session 36).</summary>
    public const int DefaultMinimumGroupSize = 300;

    private readonly double[] _scores;
    private readonly double[] _precisions;
    private readonly IReadOnlyDictionary<string, (double[] Scores, double[] Precisions)> _groups;
    private readonly PlattScaling? _platt;
    private readonly IReadOnlyDictionary<string, PlattScaling> _plattGroups;

    /// <summary>Creates a pooled calibration from its combination and breakpoints.</summary>
    /// <param name="combination">The learned combination, or null to take the model's top category as it is.</param>
    /// <param name="scores">Increasing scores (upper ends of the isotonic blocks).</param>
    /// <param name="precisions">Non-decreasing precision of each block, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public SuggestionCalibration(StackedCombination? combination, IReadOnlyList<double> scores, IReadOnlyList<double> precisions)
        : this(combination, scores, precisions, CalibrationGrouping.Pooled, new Dictionary<string, (IReadOnlyList<double>, IReadOnlyList<double>)>())
    {
    }

    /// <summary>Creates a calibration from its combination, pooled breakpoints and per-group breakpoints.</summary>
    /// <param name="combination">The learned combination, or null to take the model's top category as it is.</param>
    /// <param name="scores">Pooled map: increasing scores (upper ends of the isotonic blocks).</param>
    /// <param name="precisions">Pooled map: non-decreasing precision of each block, same length.</param>
    /// <param name="groupBy">How suggestions are grouped (<see cref="GroupKeys"/>).</param>
    /// <param name="groups">Group key → its map (scores, precisions); a group absent here takes the pooled map.</param>
    /// <param name="leanBelow">See <see cref="LeanBelow"/>; 0 for no leaning beyond the combination's own.</param>
    /// <param name="leanToRuleBelow">See <see cref="LeanToRuleBelow"/>; 0 for none.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a leaning threshold is outside [0, 1].</exception>
    public SuggestionCalibration(StackedCombination? combination, IReadOnlyList<double> scores, IReadOnlyList<double> precisions,
        CalibrationGrouping groupBy, IReadOnlyDictionary<string, (IReadOnlyList<double> Scores, IReadOnlyList<double> Precisions)> groups, double leanBelow = 0,
        double leanToRuleBelow = 0)
        : this(combination, groupBy, leanBelow, leanToRuleBelow, null, new Dictionary<string, PlattScaling>())
    {
        if (scores.Count != precisions.Count) throw new ArgumentException("scores and precisions must have the same length", nameof(precisions));
        foreach (var (key, map) in groups)
            if (map.Scores.Count != map.Precisions.Count) throw new ArgumentException($"group '{key}': scores and precisions must have the same length", nameof(groups));
        _scores = scores.ToArray();
        _precisions = precisions.ToArray();
        _groups = groups.ToDictionary(g => g.Key, g => (g.Value.Scores.ToArray(), g.Value.Precisions.ToArray()), StringComparer.Ordinal);
    }

    /// <summary>Creates a calibration of Platt scalings (<see cref="CalibrationMethod.Platt"/>): a pooled one and one per group.</summary>
    /// <param name="combination">The learned combination, or null to take the model's top category as it is.</param>
    /// <param name="pooled">The pooled scaling (a suggestion whose group has none).</param>
    /// <param name="groupBy">How suggestions are grouped (<see cref="GroupKeys"/>).</param>
    /// <param name="groups">Group key → its scaling; a group absent here takes the pooled one.</param>
    /// <param name="leanBelow">See <see cref="LeanBelow"/>; 0 for no leaning beyond the combination's own.</param>
    /// <param name="leanToRuleBelow">See <see cref="LeanToRuleBelow"/>; 0 for none.</param>
    /// <exception cref="ArgumentException">A leaning threshold is outside [0, 1].</exception>
    public SuggestionCalibration(StackedCombination? combination, PlattScaling pooled, CalibrationGrouping groupBy,
        IReadOnlyDictionary<string, PlattScaling> groups, double leanBelow = 0, double leanToRuleBelow = 0)
        : this(combination, groupBy, leanBelow, leanToRuleBelow, pooled, groups)
    {
    }

    private SuggestionCalibration(StackedCombination? combination, CalibrationGrouping groupBy, double leanBelow, double leanToRuleBelow,
        PlattScaling? platt, IReadOnlyDictionary<string, PlattScaling> plattGroups)
    {
        if (leanBelow is < 0 or > 1 || double.IsNaN(leanBelow)) throw new ArgumentException($"leanBelow must be in [0, 1], not {leanBelow}", nameof(leanBelow));
        if (leanToRuleBelow is < 0 or > 1 || double.IsNaN(leanToRuleBelow))
            throw new ArgumentException($"leanToRuleBelow must be in [0, 1], not {leanToRuleBelow}", nameof(leanToRuleBelow));
        Combination = combination;
        GroupBy = groupBy;
        LeanBelow = leanBelow;
        LeanToRuleBelow = leanToRuleBelow;
        _platt = platt;
        _plattGroups = plattGroups.ToDictionary(g => g.Key, g => g.Value, StringComparer.Ordinal);
        _scores = [];
        _precisions = [];
        _groups = new Dictionary<string, (double[], double[])>(StringComparer.Ordinal);
    }

    /// <summary>The identity calibration: the model's top category, confidence = its probability.</summary>
    public static SuggestionCalibration Identity { get; } = new(null, [], []);

    /// <summary>The same calibration (combination, maps, <see cref="LeanToRuleBelow"/>) with another
    /// <see cref="LeanBelow"/>: the recall-first setting of a DPO (<c>lean-personal-below</c> in <c>inventory.yml</c>), which
    /// suggests a names-only column's most probable personal category, at the low confidence its map gives, wherever the
    /// combination says <c>none</c> at a probability under <paramref name="leanBelow"/> (the trade-off curve is in
    /// <c>rules/MODEL.md</c>, session 41). Decisions are unchanged where sampled values were examined.</summary>
    /// <param name="leanBelow">The leaning threshold, 0 (off) to 1.</param>
    /// <returns>A new calibration; this one is unchanged.</returns>
    /// <exception cref="ArgumentException"><paramref name="leanBelow"/> is outside [0, 1] or NaN.</exception>
    public SuggestionCalibration WithLeanBelow(double leanBelow) => _platt is not null
        ? new SuggestionCalibration(Combination, _platt, GroupBy, _plattGroups, leanBelow, LeanToRuleBelow)
        : new SuggestionCalibration(Combination, _scores, _precisions, GroupBy,
            _groups.ToDictionary(g => g.Key, g => ((IReadOnlyList<double>)g.Value.Scores, (IReadOnlyList<double>)g.Value.Precisions), StringComparer.Ordinal),
            leanBelow, LeanToRuleBelow);

    /// <summary>The learned combination, or null.</summary>
    public StackedCombination? Combination { get; }

    /// <summary>How suggestions are grouped for their confidence (<see cref="CalibrationGrouping.Pooled"/> for a
    /// calibration.json written before session 36).</summary>
    public CalibrationGrouping GroupBy { get; }

    /// <summary>The leaning threshold on the combination's probability of <c>none</c>: a column whose most probable
    /// category is <c>none</c> at a probability under it is suggested its most probable personal category instead (at the
    /// low confidence its calibration gives), unless the model and the rule both say <c>none</c> or sampled values were
    /// examined. 0 (no such leaning; the class weights of the combination lean alone) for files written before session 36.</summary>
    public double LeanBelow { get; }

    /// <summary>The leaning threshold towards a name rule's personal category: a column (names only) whose most probable
    /// combination category is <c>none</c> at a probability under it, while the rule decided a personal category, is
    /// suggested the rule's category (at the low confidence its calibration gives): the evidence disagrees, and issue 10
    /// asks such a column to lean personal at low confidence rather than <c>none</c> at high. 0 (off) for files written
    /// before session 39; <see cref="CombinationOptions.ShippedLeanToRuleBelow"/> is the shipped one.</summary>
    public double LeanToRuleBelow { get; }

    /// <summary>How a map turns a score into a confidence: <see cref="CalibrationMethod.Platt"/> when the calibration holds
    /// Platt scalings, else <see cref="CalibrationMethod.Isotonic"/>.</summary>
    public CalibrationMethod Method => _platt is null ? CalibrationMethod.Isotonic : CalibrationMethod.Platt;

    /// <summary>Breakpoints (score, precision) of the pooled isotonic fit.</summary>
    public IReadOnlyList<(double Score, double Precision)> Breakpoints => _scores.Zip(_precisions).ToArray();

    /// <summary>The groups with a map of their own (<see cref="GroupKeys"/>), ordinal order.</summary>
    public IReadOnlyList<string> Groups => (_platt is null ? _groups.Keys : _plattGroups.Keys).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The Platt scaling of a group (<see cref="Groups"/>), or of every suggestion whose group has none when
    /// <paramref name="group"/> is null; null for an isotonic calibration or a group without its own.</summary>
    /// <param name="group">A group key, or null for the pooled scaling.</param>
    public PlattScaling? PlattOf(string? group) => group is null ? _platt : _plattGroups.GetValueOrDefault(group);

    /// <summary>The group keys of a suggestion under a grouping, most specific first: the suggested category
    /// (<c>contact</c>), the basis (<c>rule-and-model</c>), or both (<c>contact/rule-and-model</c>, then <c>contact</c>).
    /// Empty for <see cref="CalibrationGrouping.Pooled"/>.</summary>
    /// <param name="suggestion">The raw suggestion.</param>
    /// <param name="groupBy">The grouping.</param>
    /// <returns>Keys to try in order before the pooled map.</returns>
    public static IReadOnlyList<string> GroupKeys(RawSuggestion suggestion, CalibrationGrouping groupBy)
    {
        var category = DataCategory.TopLevelOf(suggestion.DataCategory);
        var basis = BasisName(suggestion.Basis);
        return groupBy switch
        {
            CalibrationGrouping.Category => [category],
            CalibrationGrouping.Basis => [basis],
            CalibrationGrouping.CategoryAndBasis => [category + "/" + basis, category],
            _ => [],
        };
    }

    /// <summary>The kebab-case name of a basis (group keys and JSON).</summary>
    public static string BasisName(SuggestionBasis basis) => basis switch
    {
        SuggestionBasis.RuleAndModel => "rule-and-model",
        SuggestionBasis.RuleAlone => "rule-alone",
        SuggestionBasis.ModelOverRule => "model-over-rule",
        _ => "model-alone",
    };

    /// <summary>Draws the raw suggestion (steps 1 and 2 of the class summary).</summary>
    /// <param name="labels">The model's labels.</param>
    /// <param name="distribution">Their probabilities, same order.</param>
    /// <param name="rule">The rule decision of the column, or null.</param>
    /// <param name="valuesExamined">True when sampled values were examined by the detectors: the combination's leaning
    /// towards personal categories (its class weights and <see cref="LeanBelow"/>) is then undone, since the names are not
    /// the only evidence and a <c>none</c> the values did not contradict stands.</param>
    /// <param name="tableContext">The column's table context (<see cref="StackedCombination.TableContext"/> over the model's
    /// distributions of its table's columns), or null for none.</param>
    /// <returns>The suggestion, its score and its basis.</returns>
    public RawSuggestion Suggest(IReadOnlyList<string> labels, IReadOnlyList<float> distribution, ColumnClassification? rule = null,
        bool valuesExamined = false, float[]? tableContext = null)
    {
        var summed = StackedCombination.SummedByCategory(labels, distribution);
        var probabilities = Combination?.Probabilities(StackedCombination.Features(summed, rule, tableContext), valuesExamined) ?? summed;
        // Ties broken by the order of LABELS.md, so the answer never depends on dictionary order.
        static int Best(double[] p, int count)
        {
            int best = 0;
            for (int c = 1; c < count; c++) if (p[c] > p[best]) best = c;
            return best;
        }
        int none = DataCategory.TopLevels.Count - 1;
        int category = Best(probabilities, probabilities.Length);
        int modelTop = Best(summed, summed.Length);
        // The combination's class weights lean towards personal categories where the evidence cannot separate them from
        // none; where the model's own top category and the rule both say none, nothing disagrees, so none stands
        // (measured in cross-validation: macro-F1 0.693 → 0.692, personal precision 0.698 → 0.721; rules/MODEL.md).
        bool noneStands = Combination is not null && modelTop == none && rule?.DataCategory == "none";
        if (noneStands) category = none;
        // A none the combination is not sure of leans to the most probable personal category (issue 10 item 5: "leans
        // personal at low confidence rather than none at high"); names only, as the class weights.
        else if (category == none && !valuesExamined && probabilities[none] < LeanBelow) category = Best(probabilities, none);
        string? ruleCategory = rule?.DataCategory is { } r ? DataCategory.TopLevelOf(r) : null;
        // A none the combination is not sure of, against a name rule's personal category, leans to the rule's category
        // (the two sources disagree; session 39, chosen by grouped cross-validation, rules/MODEL.md); names only.
        if (category == none && !valuesExamined && ruleCategory is not null && ruleCategory != "none" && probabilities[none] < LeanToRuleBelow
            && IndexOfTopLevel(ruleCategory) is >= 0 and var ruled)
            category = ruled;
        var name = DataCategory.TopLevels[category];
        string label;
        if (rule?.DataCategory is { } decided && ruleCategory == name) label = decided;
        else
        {
            int bestLabel = -1;
            for (int i = 0; i < labels.Count; i++)
                if (DataCategory.TopLevelOf(labels[i]) == name && (bestLabel < 0 || distribution[i] > distribution[bestLabel])) bestLabel = i;
            label = bestLabel >= 0 ? labels[bestLabel] : name;
        }
        bool leaned = name != "none" && modelTop == none;
        var basis = ruleCategory is null ? SuggestionBasis.ModelAlone
            : ruleCategory != name ? SuggestionBasis.ModelOverRule
            : modelTop == category ? SuggestionBasis.RuleAndModel : SuggestionBasis.RuleAlone;
        return new RawSuggestion(label, Math.Min(1, probabilities[category]), leaned, basis);
    }

    private static int IndexOfTopLevel(string category)
    {
        for (int c = 0; c < DataCategory.TopLevels.Count; c++)
            if (string.Equals(DataCategory.TopLevels[c], category, StringComparison.Ordinal)) return c;
        return -1;
    }

    /// <summary>The calibrated confidence of a score on the pooled map: its Platt scaling, or the precision of its isotonic
    /// block (the first block whose upper score is ≥ the score; the last block above). Identity when there are no
    /// breakpoints.</summary>
    /// <param name="score">A raw score in [0, 1].</param>
    /// <returns>A confidence in [0, 1], rounded to 4 decimals.</returns>
    public double Confidence(double score) => _platt?.Confidence(score) ?? Confidence(_scores, _precisions, score);

    /// <summary>The calibrated confidence of a suggestion: its group's map (<see cref="GroupKeys"/>, most specific group
    /// with a map first), else the pooled map (<see cref="Confidence(double)"/>).</summary>
    /// <param name="suggestion">A raw suggestion of <see cref="Suggest"/>.</param>
    /// <returns>A confidence in [0, 1], rounded to 4 decimals.</returns>
    public double Confidence(RawSuggestion suggestion)
    {
        foreach (var key in GroupKeys(suggestion, GroupBy))
        {
            if (_platt is not null && _plattGroups.TryGetValue(key, out var scaling)) return scaling.Confidence(suggestion.Score);
            if (_platt is null && _groups.TryGetValue(key, out var map)) return Confidence(map.Scores, map.Precisions, suggestion.Score);
        }
        return Confidence(suggestion.Score);
    }

    private static double Confidence(double[] scores, double[] precisions, double score)
    {
        if (scores.Length == 0) return Math.Round(score, 4);
        int i = Array.BinarySearch(scores, score);
        if (i < 0) i = ~i;
        if (i >= scores.Length) i = scores.Length - 1;
        return Math.Round(precisions[i], 4);
    }

    /// <summary>Fits the pooled isotonic map of correctness on scores (pool-adjacent-violators over the points sorted by score).</summary>
    /// <param name="combination">The combination the suggestions were drawn with, or null.</param>
    /// <param name="points">(score, right) per out-of-fold suggestion.</param>
    /// <returns>The calibration.</returns>
    public static SuggestionCalibration Fit(StackedCombination? combination, IEnumerable<(double Score, bool Right)> points)
    {
        var (scores, precisions) = Isotonic(points);
        return new SuggestionCalibration(combination, scores, precisions);
    }

    /// <summary>Fits the pooled isotonic map on every suggestion and one map per group (<see cref="GroupKeys"/>) on the
    /// group's suggestions; a group of fewer than <paramref name="minimumGroupSize"/> suggestions gets no map and takes the
    /// pooled one (with <see cref="CalibrationGrouping.CategoryAndBasis"/>, its category's map first).</summary>
    /// <param name="combination">The combination the suggestions were drawn with, or null.</param>
    /// <param name="points">(suggestion, right) per out-of-fold suggestion.</param>
    /// <param name="groupBy">How to group them.</param>
    /// <param name="minimumGroupSize">Fewest suggestions of a group with a map of its own (<see cref="DefaultMinimumGroupSize"/>).</param>
    /// <param name="leanBelow">The <see cref="LeanBelow"/> the suggestions were drawn with (kept in the calibration).</param>
    /// <param name="minimumBlockSize">Fewest suggestions of an isotonic block: a smaller block (a handful of suggestions
    /// at the top of a group, all right by chance) is merged into its upper neighbour, or the lower one for the last
    /// block; merging two adjacent blocks of a monotone map keeps it monotone. 1 keeps the plain pool-adjacent-violators fit.
    /// Not read by <see cref="CalibrationMethod.Platt"/>.</param>
    /// <param name="method">Isotonic maps or Platt scalings (<see cref="Method"/>).</param>
    /// <param name="leanToRuleBelow">The <see cref="LeanToRuleBelow"/> the suggestions were drawn with (kept in the calibration).</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumGroupSize"/> or <paramref name="minimumBlockSize"/> under 1.</exception>
    /// <exception cref="ArgumentException">No points, with <see cref="CalibrationMethod.Platt"/>.</exception>
    public static SuggestionCalibration Fit(StackedCombination? combination, IEnumerable<(RawSuggestion Suggestion, bool Right)> points,
        CalibrationGrouping groupBy, int minimumGroupSize = DefaultMinimumGroupSize, double leanBelow = 0, int minimumBlockSize = 1,
        CalibrationMethod method = CalibrationMethod.Isotonic, double leanToRuleBelow = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumGroupSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumBlockSize, 1);
        var all = points.ToArray();
        var members = all.SelectMany(p => GroupKeys(p.Suggestion, groupBy).Select(k => (Key: k, Point: (p.Suggestion.Score, p.Right))))
            .GroupBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Points: g.Select(m => m.Point).ToArray()))
            .Where(g => g.Points.Length >= minimumGroupSize).ToArray();
        if (method == CalibrationMethod.Platt)
            return new SuggestionCalibration(combination, PlattScaling.Fit(all.Select(p => (p.Suggestion.Score, p.Right))), groupBy,
                members.ToDictionary(g => g.Key, g => PlattScaling.Fit(g.Points), StringComparer.Ordinal), leanBelow, leanToRuleBelow);
        var (scores, precisions) = Isotonic(all.Select(p => (p.Suggestion.Score, p.Right)), minimumBlockSize);
        var groups = members.ToDictionary(g => g.Key, g => ((IReadOnlyList<double>, IReadOnlyList<double>))Isotonic(g.Points, minimumBlockSize), StringComparer.Ordinal);
        return new SuggestionCalibration(combination, scores, precisions, groupBy, groups, leanBelow, leanToRuleBelow);
    }

    private static (double[] Scores, double[] Precisions) Isotonic(IEnumerable<(double Score, bool Right)> points, int minimumBlockSize = 1)
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
        for (int i = 0; i < counts.Count && counts.Count > 1;)
        {
            if (counts[i] >= minimumBlockSize) { i++; continue; }
            int into = i + 1 < counts.Count ? i + 1 : i - 1;
            sums[into] += sums[i];
            counts[into] += counts[i];
            if (into < i) uppers[into] = uppers[i];
            sums.RemoveAt(i);
            counts.RemoveAt(i);
            uppers.RemoveAt(i);
            if (into < i) i--;
        }
        return (uppers.ToArray(), sums.Select((s, i) => s / counts[i]).ToArray());
    }

    private static readonly IReadOnlyDictionary<CalibrationGrouping, string> GroupingNames = new Dictionary<CalibrationGrouping, string>
    {
        [CalibrationGrouping.Pooled] = "pooled",
        [CalibrationGrouping.Category] = "category",
        [CalibrationGrouping.Basis] = "basis",
        [CalibrationGrouping.CategoryAndBasis] = "category-and-basis",
    };

    /// <summary>The kebab-case name of a grouping (JSON and <c>evaluate --calibration-groups</c>).</summary>
    public static string GroupingName(CalibrationGrouping groupBy) => GroupingNames[groupBy];

    /// <summary>The grouping of a kebab-case name, or null for an unknown name.</summary>
    public static CalibrationGrouping? ParseGrouping(string name) =>
        GroupingNames.FirstOrDefault(g => g.Value == name) is { Value: not null } found ? found.Key : null;

    private static JsonArray MapJson(double[] scores, double[] precisions) =>
        new(scores.Select((s, i) => (JsonNode)new JsonArray(Math.Round(s, 6), Math.Round(precisions[i], 6))).ToArray());

    private static JsonObject PlattJson(PlattScaling scaling) =>
        new() { ["slope"] = Math.Round(scaling.Slope, 6), ["intercept"] = Math.Round(scaling.Intercept, 6) };

    /// <summary>Writes the calibration as JSON (invariant culture, stable order): <c>combination</c>, the pooled
    /// <c>breakpoints</c>, since session 36 <c>leanBelow</c>, <c>groupBy</c> and <c>groups</c> (key → breakpoints), and since
    /// session 39 <c>leanToRuleBelow</c> and <c>method</c>; a Platt calibration writes its pooled scaling as <c>platt</c>
    /// (<c>slope</c>, <c>intercept</c>), each group's the same way, and no breakpoints.</summary>
    public string ToJson()
    {
        var groups = new JsonObject();
        foreach (var key in Groups)
            groups[key] = _platt is null ? MapJson(_groups[key].Scores, _groups[key].Precisions) : PlattJson(_plattGroups[key]);
        var root = new JsonObject
        {
            ["combination"] = Combination?.ToJson(),
            ["method"] = Method == CalibrationMethod.Platt ? "platt" : "isotonic",
            ["breakpoints"] = MapJson(_scores, _precisions),
            ["leanBelow"] = Math.Round(LeanBelow, 6),
            ["leanToRuleBelow"] = Math.Round(LeanToRuleBelow, 6),
            ["groupBy"] = GroupingName(GroupBy),
            ["groups"] = groups,
        };
        if (_platt is not null) root["platt"] = PlattJson(_platt);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads a calibration written by <see cref="ToJson"/>, or by a release before session 36 (no <c>leanBelow</c>,
    /// <c>groupBy</c>, <c>groups</c>: a pooled calibration without the threshold leaning) or 39 (no <c>method</c>: isotonic;
    /// no <c>leanToRuleBelow</c>: 0).</summary>
    /// <param name="json">The text.</param>
    /// <param name="file">File name for errors.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="ConfigurationException">Not a calibration document (also an unknown <c>groupBy</c>).</exception>
    public static SuggestionCalibration Parse(string json, string file)
    {
        try
        {
            var root = JsonNode.Parse(json)!.AsObject();
            static (IReadOnlyList<double>, IReadOnlyList<double>) Map(JsonNode node)
            {
                var points = node.AsArray().Select(p => (p![0]!.GetValue<double>(), p[1]!.GetValue<double>())).ToArray();
                return (points.Select(p => p.Item1).ToArray(), points.Select(p => p.Item2).ToArray());
            }
            static PlattScaling Platt(JsonNode node) => new(node["slope"]!.GetValue<double>(), node["intercept"]!.GetValue<double>());
            var combination = root["combination"] is { } c ? StackedCombination.Parse(c) : null;
            var groupBy = root["groupBy"] is { } g
                ? ParseGrouping(g.GetValue<string>()) ?? throw new FormatException($"unknown groupBy '{g.GetValue<string>()}' (pooled, category, basis or category-and-basis)")
                : CalibrationGrouping.Pooled;
            double leanBelow = root["leanBelow"]?.GetValue<double>() ?? 0;
            double leanToRuleBelow = root["leanToRuleBelow"]?.GetValue<double>() ?? 0;
            string method = root["method"]?.GetValue<string>() ?? "isotonic";
            if (method == "platt")
                return new SuggestionCalibration(combination, Platt(root["platt"]!), groupBy,
                    (root["groups"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => Platt(p.Value!), StringComparer.Ordinal), leanBelow, leanToRuleBelow);
            if (method != "isotonic") throw new FormatException($"unknown method '{method}' (isotonic or platt)");
            var (scores, precisions) = Map(root["breakpoints"]!);
            var groups = (root["groups"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => Map(p.Value!), StringComparer.Ordinal);
            return new SuggestionCalibration(combination, scores, precisions, groupBy, groups, leanBelow, leanToRuleBelow);
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException or ArgumentException)
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
        string.Create(CultureInfo.InvariantCulture, $"{(Combination is null ? "no combination" : "stacked combination")}, {(_platt is null ? $"{_scores.Length} blocks" : "Platt scaling")}"
            + $"{(Groups.Count == 0 ? "" : $", {Groups.Count} groups by {GroupingName(GroupBy)}")}{(LeanBelow > 0 ? $", leaning below {LeanBelow:0.###}" : "")}"
            + $"{(LeanToRuleBelow > 0 ? $", leaning to a personal rule below {LeanToRuleBelow:0.###}" : "")}");
}
