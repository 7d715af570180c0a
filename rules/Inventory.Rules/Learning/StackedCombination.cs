using System.Globalization;
using System.Text.Json.Nodes;
using Inventory.Classification;
using Inventory.Model;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Inventory.Rules.Learning;

/// <summary>
/// The learned combination of the rule classifier and the column model (stacking, Wolpert 1992): a multinomial logistic
/// regression over the six categories whose inputs are the model's summed probability of each category (as logarithms),
/// the rule decision's category (one-hot, with an "undecided" slot), that one-hot scaled by the rule's confidence, and two
/// flags (a <c>none</c> reached through a gate; a rule at confidence ≥ 0.8), then room for the column's table context
/// (<see cref="TableContext"/>: measured, not shipped; zeros when absent, and a combination fitted without it has zero
/// weights there, <see cref="ReadsTableContext"/>). It is fitted by
/// <see cref="CrossValidation"/> on out-of-fold predictions of the model, so it learns how far to trust each source on
/// applications the model has not seen, instead of hand-set margins. Training examples are weighted by
/// (count of <c>none</c> / count of the category)^<see cref="ClassWeightPower"/>, which moves borderline columns from
/// <c>none</c> towards a personal category (LABELS.md tie-breaker 9: a DPO would rather review a column than miss it);
/// <see cref="Probabilities"/> can undo that weighting (a prior shift of log weight per class) for columns whose sampled
/// values were examined by the detectors. Immutable and thread-safe.
/// </summary>
public sealed partial class StackedCombination
{
    /// <summary>Exponent of the class weights used in fitting, chosen by cross-validation (<c>rules/MODEL.md</c>: 0, 0.25,
    /// 0.3, 0.35, 0.5 compared in the table-context round): the largest personal recall whose personal precision stays
    /// ≥ 0.70 with macro-F1 within noise of the best. Session 26 measured 0.35 and 0.4 again (recall +0.018 / +0.034 at
    /// precision 0.730 / 0.717 over 0.3); session 27 ships 0.4 with the retrain that fixed the look-alikes 0.4 let through
    /// (MODEL.md "The combination's class-weight power, again"); session 28 ships 0.45 after a precision round (recall
    /// 0.791 at precision 0.712, where 0.5 fell under 0.70; MODEL.md "Shipped in session 28").</summary>
    public const double ClassWeightPower = 0.45;

    /// <summary>Length of the feature vector of the first combinations (<see cref="Features"/> without the table context);
    /// a combination of that width still parses and scores as it did (<see cref="Parse"/>).</summary>
    public const int ColumnFeatureCount = 6 + 7 + 7 + 2;

    /// <summary>Length of the table context (<see cref="TableContext"/>): the other columns' mean and largest summed
    /// probability of each category, and their share whose most probable category is personal.</summary>
    public const int TableContextCount = 6 + 6 + 1;

    /// <summary>Length of the feature vector (<see cref="Features"/>).</summary>
    public const int FeatureCount = ColumnFeatureCount + TableContextCount;

    private static readonly IReadOnlyList<string> Categories = DataCategory.TopLevels;
    private readonly float[][] _weights;
    private readonly float[] _biases;
    private readonly double[] _logClassWeights;

    /// <summary>Creates a combination from its parameters (one row per category, in <see cref="DataCategory.TopLevels"/> order).</summary>
    /// <param name="weights">Per category, <see cref="FeatureCount"/> weights (or <see cref="ColumnFeatureCount"/>: a
    /// combination written before the table context, which then does not read it).</param>
    /// <param name="biases">Per category, its bias.</param>
    /// <param name="classWeights">Per category, the example weight used in fitting.</param>
    /// <exception cref="ArgumentException">Wrong dimensions.</exception>
    public StackedCombination(IReadOnlyList<float[]> weights, IReadOnlyList<float> biases, IReadOnlyList<double> classWeights)
    {
        if (weights.Count != Categories.Count || biases.Count != Categories.Count || classWeights.Count != Categories.Count
            || weights.Any(w => w.Length != FeatureCount && w.Length != ColumnFeatureCount) || weights.Select(w => w.Length).Distinct().Count() != 1
            || classWeights.Any(w => w <= 0))
            throw new ArgumentException($"a stacked combination needs {Categories.Count} rows of {FeatureCount} (or, written before the table context, {ColumnFeatureCount}) weights, biases and positive class weights");
        _weights = weights.Select(w => (float[])w.Clone()).ToArray();
        _biases = biases.ToArray();
        _logClassWeights = classWeights.Select(w => Math.Log(w)).ToArray();
    }

    /// <summary>The stacking features of one column.</summary>
    /// <param name="labels">The model's labels.</param>
    /// <param name="distribution">Their probabilities (same order).</param>
    /// <param name="rule">The rule decision, or null when rules were not used.</param>
    /// <returns><see cref="FeatureCount"/> values.</returns>
    public static float[] Features(IReadOnlyList<string> labels, IReadOnlyList<float> distribution, ColumnClassification? rule) =>
        Features(SummedByCategory(labels, distribution), rule, null);

    /// <summary>The stacking features of one column whose per-category sums are already known.</summary>
    /// <param name="summed">From <see cref="SummedByCategory"/>.</param>
    /// <param name="rule">The rule decision, or null when rules were not used.</param>
    /// <param name="tableContext">The column's table context (<see cref="TableContext"/>), or null for none (zeros).</param>
    /// <returns><see cref="FeatureCount"/> values.</returns>
    public static float[] Features(double[] summed, ColumnClassification? rule, float[]? tableContext)
    {
        var features = new float[FeatureCount];
        for (int c = 0; c < Categories.Count; c++) features[c] = (float)Math.Log(Math.Max(summed[c], 1e-6));
        int slot = rule?.DataCategory is { } decided ? IndexOf(DataCategory.TopLevelOf(decided)) : Categories.Count;
        if (slot < 0) slot = Categories.Count;
        double confidence = rule?.DataCategory is null ? 0 : rule.Confidence;
        features[6 + slot] = 1;
        features[13 + slot] = (float)confidence;
        features[20] = rule is { DataCategory: "none" } && rule.Evidence.Any(e => e.Kind.EndsWith("gate", StringComparison.Ordinal)) ? 1 : 0;
        features[21] = rule?.DataCategory is not null && confidence >= 0.8 ? 1 : 0;
        if (tableContext is not null) tableContext.AsSpan(0, TableContextCount).CopyTo(features.AsSpan(ColumnFeatureCount));
        return features;
    }

    /// <summary>The table context of each column of one table: over the table's other columns, the mean and the largest
    /// summed probability of each category (<see cref="SummedByCategory"/>, <see cref="DataCategory.TopLevels"/> order), and
    /// the share of them whose most probable category is a personal one (not <c>none</c>). Zeros for a table of one
    /// column. Computed from the model's distributions of the table's columns, which the scan scores in one batch (no
    /// second pass).</summary>
    /// <param name="summed">Per column of the table, its summed probabilities.</param>
    /// <returns>Per column, <see cref="TableContextCount"/> values.</returns>
    public static float[][] TableContext(IReadOnlyList<double[]> summed)
    {
        int n = summed.Count, k = Categories.Count, none = k - 1;
        var result = new float[n][];
        var total = new double[k];
        // The two largest values per category, so each column's maximum over the others is known without a second loop.
        var first = new double[k];
        var second = new double[k];
        var firstAt = new int[k];
        Array.Fill(firstAt, -1);
        int personal = 0;
        var isPersonal = new bool[n];
        for (int i = 0; i < n; i++)
        {
            var p = summed[i];
            int best = 0;
            for (int c = 0; c < k; c++)
            {
                total[c] += p[c];
                if (p[c] > p[best]) best = c;
                if (firstAt[c] < 0 || p[c] > first[c]) { second[c] = first[c]; first[c] = p[c]; firstAt[c] = i; }
                else if (p[c] > second[c]) second[c] = p[c];
            }
            isPersonal[i] = best != none;
            if (isPersonal[i]) personal++;
        }
        for (int i = 0; i < n; i++)
        {
            var context = new float[TableContextCount];
            result[i] = context;
            if (n < 2) continue;
            for (int c = 0; c < k; c++)
            {
                context[c] = (float)((total[c] - summed[i][c]) / (n - 1));
                context[k + c] = (float)(firstAt[c] == i ? second[c] : first[c]);
            }
            context[2 * k] = (float)(personal - (isPersonal[i] ? 1 : 0)) / (n - 1);
        }
        return result;
    }

    /// <summary>The model's probability summed per category, in <see cref="DataCategory.TopLevels"/> order.</summary>
    /// <param name="labels">The model's labels.</param>
    /// <param name="distribution">Their probabilities.</param>
    /// <returns>Six sums.</returns>
    public static double[] SummedByCategory(IReadOnlyList<string> labels, IReadOnlyList<float> distribution)
    {
        var summed = new double[Categories.Count];
        var categories = CategoriesOf(labels);
        for (int i = 0; i < categories.Length; i++)
        {
            int c = categories[i];
            if (c >= 0) summed[c] += distribution[i];
        }
        return summed;
    }

    // The category index of each label of a label list, kept for the last list asked (a scan asks with the model's one
    // list for every column, twice: the table context and the calibration): one array read per label instead of a
    // dictionary lookup hashing the label's text (perf45). A list other than the last one (cross-validation's folds) is
    // indexed afresh and becomes the last one.
    private static int[] CategoriesOf(IReadOnlyList<string> labels)
    {
        var last = Volatile.Read(ref _lastLabels);
        if (last is not null && ReferenceEquals(last.Labels, labels) && last.Categories.Length == labels.Count) return last.Categories;
        var categories = new int[labels.Count];
        for (int i = 0; i < categories.Length; i++)
            categories[i] = LabelCategory.GetOrAdd(labels[i], l => IndexOf(DataCategory.TopLevelOf(l)));
        Volatile.Write(ref _lastLabels, new LabelCategories(labels, categories));
        return categories;
    }

    private sealed record LabelCategories(IReadOnlyList<string> Labels, int[] Categories);

    private static LabelCategories? _lastLabels;

    /// <summary>True when the combination reads the table context (<see cref="TableContext"/>): it was fitted with it, so
    /// a weight of it is not zero. A combination fitted without it (the shipped one: the table context did not earn its
    /// place in cross-validation, <c>rules/MODEL.md</c>) lets a scan skip computing it.</summary>
    public bool ReadsTableContext => _weights.Any(w => w.Length == FeatureCount && w.AsSpan(ColumnFeatureCount).ContainsAnyExcept(0f));

    /// <summary>The probability of each category (softmax of the linear scores).</summary>
    /// <param name="features">From <see cref="Features"/>.</param>
    /// <param name="undoClassWeights">True to remove the class weighting of the fit (columns whose values were examined).</param>
    /// <returns>Six probabilities in <see cref="DataCategory.TopLevels"/> order, summing to 1.</returns>
    public double[] Probabilities(float[] features, bool undoClassWeights)
    {
        var scores = new double[Categories.Count];
        double max = double.NegativeInfinity;
        for (int c = 0; c < scores.Length; c++)
        {
            double s = _biases[c];
            var w = _weights[c];
            for (int j = 0; j < w.Length; j++) s += w[j] * features[j];
            if (undoClassWeights) s -= _logClassWeights[c];
            scores[c] = s;
            max = Math.Max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < scores.Length; c++) sum += scores[c] = Math.Exp(scores[c] - max);
        for (int c = 0; c < scores.Length; c++) scores[c] /= sum;
        return scores;
    }

    private sealed class StackingRow
    {
        public string Label { get; set; } = "";
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = new float[FeatureCount];
        public float Weight { get; set; } = 1;
    }

    /// <summary>Fits the combination with Microsoft.ML's L-BFGS maximum entropy trainer (one thread, fixed seed, so the
    /// same rows give the same parameters), each example weighted by its category's class weight (see the class summary).</summary>
    /// <param name="rows">(features, gold category) per out-of-fold column; every category should occur.</param>
    /// <param name="seed">Seed of the Microsoft.ML context.</param>
    /// <returns>The fitted combination.</returns>
    /// <exception cref="ConfigurationException">A category of the six has no example.</exception>
    public static StackedCombination Fit(IReadOnlyList<(float[] Features, string Category)> rows, int seed) => Fit(rows, seed, null);

    /// <summary>Fits the combination with another exponent of the class weights (<see cref="ClassWeightPower"/> is the
    /// shipped one; cross-validation compares others, <c>inventory evaluate --class-weight-power</c>).</summary>
    /// <param name="rows">(features, gold category) per out-of-fold column; every category should occur.</param>
    /// <param name="seed">Seed of the Microsoft.ML context.</param>
    /// <param name="classWeightPower">Exponent of (count of <c>none</c> / count of the category); 0 weighs every example 1.</param>
    /// <returns>The fitted combination.</returns>
    /// <exception cref="ConfigurationException">A category of the six has no example.</exception>
    public static StackedCombination Fit(IReadOnlyList<(float[] Features, string Category)> rows, int seed, double classWeightPower) =>
        Fit(rows, seed, null, classWeightPower);

    /// <summary>Fits the combination, starting L-BFGS from the parameters of an earlier fit instead of zero (Microsoft.ML's
    /// continued training). The objective is strictly convex (L2), so both starts reach the same optimum, to the
    /// optimizer's tolerance; a start near it (the fit of rows that differ in a few rule decisions) needs far fewer
    /// iterations (<see cref="RuleAblation"/>).</summary>
    /// <param name="rows">(features, gold category) per out-of-fold column; every category should occur.</param>
    /// <param name="seed">Seed of the Microsoft.ML context.</param>
    /// <param name="start">A combination returned by an earlier <see cref="Fit(IReadOnlyList{ValueTuple{float[], string}}, int)"/>
    /// in this process, or null to start from zero.</param>
    /// <returns>The fitted combination.</returns>
    /// <exception cref="ConfigurationException">A category of the six has no example.</exception>
    /// <param name="classWeightPower">Exponent of the class weights.</param>
    internal static StackedCombination Fit(IReadOnlyList<(float[] Features, string Category)> rows, int seed, StackedCombination? start,
        double classWeightPower = ClassWeightPower)
    {
        var counts = Categories.Select(c => rows.Count(r => r.Category == c)).ToArray();
        if (counts.Any(n => n == 0))
            throw new ConfigurationException("the corpus needs columns of all six categories to fit the combination");
        int none = counts[IndexOf("none")];
        var classWeights = counts.Select(n => Math.Pow((double)none / n, classWeightPower)).ToArray();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new StackingRow
        {
            Label = r.Category, Features = r.Features, Weight = (float)classWeights[IndexOf(r.Category)],
        }));
        // Cached in memory: L-BFGS reads the rows once per iteration, and without a cache every pass went through the
        // enumerable and the key mapping again, split across threads that spin-wait on a busy machine (a fit took
        // minutes; the cache reads the same rows in the same order, so the parameters do not change).
        var keyed = ml.Data.Cache(ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(data).Transform(data));
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1, L2Regularization = 1e-3f, L1Regularization = 0, ExampleWeightColumnName = "Weight",
        });
        var model = (start?._fitted is { } initial ? trainer.Fit(keyed, initial) : trainer.Fit(keyed)).Model;
        var keys = default(VBuffer<ReadOnlyMemory<char>>);
        keyed.Schema["Label"].GetKeyValues(ref keys);
        var keyNames = keys.DenseValues().Select(k => k.ToString()).ToArray();
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out _);
        var biases = model.GetBiases().ToArray();
        var byCategory = new float[Categories.Count][];
        var biasByCategory = new float[Categories.Count];
        for (int k = 0; k < keyNames.Length; k++)
        {
            int c = IndexOf(keyNames[k]);
            byCategory[c] = weights[k].DenseValues().ToArray();
            biasByCategory[c] = biases[k];
        }
        return new StackedCombination(byCategory, biasByCategory, classWeights) { _fitted = model };
    }

    // The Microsoft.ML parameters this combination was fitted as (null when parsed from JSON): a warm start of later fits.
    private MaximumEntropyModelParameters? _fitted;

    /// <summary>The parameters as JSON (invariant culture, rounded to 6 decimals).</summary>
    public JsonObject ToJson() => new()
    {
        ["categories"] = new JsonArray(Categories.Select(c => (JsonNode)c).ToArray()),
        ["classWeights"] = new JsonArray(_logClassWeights.Select(l => (JsonNode)Math.Round(Math.Exp(l), 6)).ToArray()),
        ["biases"] = new JsonArray(_biases.Select(b => (JsonNode)Math.Round(b, 6)).ToArray()),
        ["weights"] = new JsonArray(_weights.Select(w => (JsonNode)new JsonArray(w.Select(x => (JsonNode)Math.Round(x, 6)).ToArray())).ToArray()),
    };

    /// <summary>Reads parameters written by <see cref="ToJson"/>.</summary>
    /// <param name="node">The JSON object.</param>
    /// <returns>The combination.</returns>
    /// <exception cref="FormatException">Missing members, another category order, or wrong dimensions.</exception>
    public static StackedCombination Parse(JsonNode node)
    {
        var categories = node["categories"]?.AsArray().Select(c => c!.GetValue<string>()).ToArray() ?? throw new FormatException("combination without categories");
        if (!categories.SequenceEqual(Categories, StringComparer.Ordinal))
            throw new FormatException($"combination categories {string.Join(", ", categories)} differ from {string.Join(", ", Categories)}");
        var weights = node["weights"]!.AsArray().Select(w => w!.AsArray().Select(x => (float)x!.GetValue<double>()).ToArray()).ToArray();
        var biases = node["biases"]!.AsArray().Select(b => (float)b!.GetValue<double>()).ToArray();
        var classWeights = node["classWeights"]!.AsArray().Select(b => b!.GetValue<double>()).ToArray();
        try
        {
            return new StackedCombination(weights, biases, classWeights);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    // Category index of each model label (a model has a few dozen labels; asked for every label of every column).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> LabelCategory = new(StringComparer.Ordinal);

    private static int IndexOf(string category)
    {
        for (int i = 0; i < Categories.Count; i++)
            if (string.Equals(Categories[i], category, StringComparison.Ordinal)) return i;
        return -1;
    }

    /// <summary>Describes the combination (diagnostics).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"stacked combination of {Categories.Count} categories, class weights {string.Join(", ", _logClassWeights.Select(l => Math.Exp(l).ToString("0.###", CultureInfo.InvariantCulture)))}");
}
