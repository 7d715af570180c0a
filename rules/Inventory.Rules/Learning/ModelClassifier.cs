using System.Globalization;
using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>Classifies columns with the column model (<see cref="ColumnModel"/>): name tokens, table tokens, sibling columns, type
/// family/shape, key flags and the rule classifier's decision as features (stacking), then a calibrated suggestion
/// (<see cref="SuggestionCalibration"/>): every column gets a suggestion whose confidence is the precision such
/// suggestions had in cross-validation. Evidence kind <c>model</c> with the probability. <see cref="ClassifyMany"/>
/// scores every column in one batch. Thread-safe and deterministic.</summary>
public sealed class ModelClassifier : IColumnClassifier
{
    private readonly ColumnModel _model;
    private readonly IColumnClassifier? _rules;
    private readonly SuggestionCalibration _calibration;

    /// <summary>Creates the classifier.</summary>
    /// <param name="model">A loaded model (load it once: <see cref="ColumnModel.LoadDefault"/> or <see cref="ColumnModel.Load(string)"/>).</param>
    /// <param name="rules">The rule classifier whose decisions feed the model (the one it was trained with), or null.</param>
    /// <param name="calibration">The calibration shipped with the model; null for <see cref="SuggestionCalibration.Identity"/>.</param>
    public ModelClassifier(ColumnModel model, IColumnClassifier? rules, SuggestionCalibration? calibration = null)
    {
        _model = model;
        _rules = rules;
        _calibration = calibration ?? SuggestionCalibration.Identity;
    }

    /// <summary>The model in use.</summary>
    public ColumnModel Model => _model;

    /// <summary>The calibration in use.</summary>
    public SuggestionCalibration Calibration => _calibration;

    /// <inheritdoc />
    public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

    /// <inheritdoc />
    public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
    {
        var rules = _rules?.ClassifyMany(columns);
        return Suggest(columns, rules).Select(s => s.Classification).ToArray();
    }

    /// <summary>Scores columns in one batch and draws each one's calibrated suggestion.</summary>
    /// <param name="columns">Columns.</param>
    /// <param name="rules">The rule decisions of the same columns (same order), or null.</param>
    /// <returns>Per column: the model's prediction and its suggestion as a classification (origin Model).</returns>
    public IReadOnlyList<(ModelPrediction Prediction, ColumnClassification Classification)> Suggest(IReadOnlyList<ColumnEvidence> columns,
        IReadOnlyList<ColumnClassification>? rules)
    {
        // A model trained without the rule decision (the rules enter only the combination) is scored without it too.
        var inputs = ColumnFeatures.BuildMany(columns, _model.ReadsRules ? rules : null);
        var predictions = _model.Predict(inputs);
        var contexts = _calibration.Combination?.ReadsTableContext == true ? TableContexts(columns, predictions) : new float[]?[columns.Count];
        var result = new (ModelPrediction, ColumnClassification)[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            var p = predictions[i];
            // Leaning personal is for columns known by their names only: once non-null values were sampled, the
            // detectors have examined them, and a none they did not contradict is not leaned away from.
            var raw = _calibration.Suggest(_model.Labels, p.Distribution, rules?[i], valuesExamined: HasValues(columns[i]), contexts[i]);
            result[i] = (p, new ColumnClassification
            {
                DataCategory = raw.DataCategory,
                Confidence = _calibration.Confidence(raw),
                Origin = Origin.Model,
                Evidence = EvidenceItems(p, raw, combined: _calibration.Combination is not null),
            });
        }
        return result;
    }

    /// <summary>The table context of each column (<see cref="StackedCombination.TableContext"/>) over the columns of its
    /// table in this batch (the scan classifies a table's columns in one batch): columns of one table are those with the
    /// same schema, table name and column names.</summary>
    private IReadOnlyList<float[]?> TableContexts(IReadOnlyList<ColumnEvidence> columns, IReadOnlyList<ModelPrediction> predictions)
    {
        var tables = new Dictionary<(string Schema, string Table), List<(IReadOnlyList<string> Columns, List<int> Members)>>();
        for (int i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var key = (c.Schema, c.Table);
            if (!tables.TryGetValue(key, out var candidates)) tables[key] = candidates = [];
            var group = candidates.FirstOrDefault(g => ReferenceEquals(g.Columns, c.TableColumns) || g.Columns.SequenceEqual(c.TableColumns, StringComparer.Ordinal));
            if (group.Members is null) candidates.Add(group = (c.TableColumns, []));
            group.Members.Add(i);
        }
        var result = new float[columns.Count][];
        foreach (var group in tables.Values.SelectMany(g => g))
        {
            var context = StackedCombination.TableContext(group.Members.Select(i => StackedCombination.SummedByCategory(_model.Labels, predictions[i].Distribution)).ToArray());
            for (int k = 0; k < group.Members.Count; k++) result[group.Members[k]] = context[k];
        }
        return result;
    }

    /// <summary>True when non-null values of the column were sampled (so the detectors examined them).</summary>
    internal static bool HasValues(ColumnEvidence column) => column.Sampled && column.SampledRows > column.NullCount;

    /// <summary>Evidence id of the learned combination's suggestion (<see cref="StackedCombination"/>).</summary>
    public const string CombinationEvidence = "model.combination";

    /// <summary>Evidence id of the column model's own prediction (the first level).</summary>
    public const string ColumnModelEvidence = "model.column";

    /// <summary>The evidence items that record a model suggestion, each describing one model (trial 26: one item gave the
    /// combination's category and score with the column model's top label in its detail, <c>none 0.78</c> beside
    /// <c>top label customer_content.message 0.956</c>).</summary>
    /// <param name="prediction">The column model's prediction.</param>
    /// <param name="suggestion">The suggestion drawn from it (and from the rule decision, through the combination).</param>
    /// <param name="combined">True when the suggestion came from the learned combination of the model and the rules.</param>
    /// <returns>With a combination: first <c>model.combination</c> (the suggested label and the combination's
    /// probability of its category, any leaning in the detail), then <c>model.column</c> (the column model's top label
    /// and its probability, the runner-up in the detail). Without one: <c>model.column</c> alone, with the suggested label
    /// and the summed probability of its category, the top label and runner-up in the detail. Kind <c>model</c>.</returns>
    public static IReadOnlyList<EvidenceItem> EvidenceItems(ModelPrediction prediction, RawSuggestion suggestion, bool combined)
    {
        var inv = CultureInfo.InvariantCulture;
        string P(double p) => p.ToString("0.000", inv);
        if (!combined)
        {
            var runnerUp = prediction.RunnerUp is null ? "" : $"runner-up {prediction.RunnerUp} {P(prediction.RunnerUpProbability)}";
            var top = $"top label {prediction.DataCategory} {P(prediction.Probability)}" + (runnerUp.Length == 0 ? "" : ", " + runnerUp);
            return
            [
                new("model", ColumnModelEvidence, suggestion.DataCategory, Score: Math.Round(suggestion.Score, 4),
                    Detail: (suggestion.LeanedPersonal ? "leaned personal: none not sure enough; " : "")
                        + $"the column model's own prediction: probability of {DataCategory.TopLevelOf(suggestion.DataCategory)} {P(suggestion.Score)} (labels summed); {top}"),
            ];
        }
        // Each detail is written once (the combined path runs for every column of a scan): the same texts as joining
        // the parts.
        var leaned = suggestion.LeanedPersonal ? "leaned personal: the column model's none was not sure enough; " : "";
        return
        [
            new("model", CombinationEvidence, suggestion.DataCategory, Score: Math.Round(suggestion.Score, 4),
                Detail: $"{leaned}the learned combination (second level) of the column model and the rule decision: probability of {DataCategory.TopLevelOf(suggestion.DataCategory)}"),
            new("model", ColumnModelEvidence, prediction.DataCategory, Score: Math.Round(prediction.Probability, 4),
                Detail: prediction.RunnerUp is null ? "the column model's own prediction (first level)"
                    : string.Create(inv, $"the column model's own prediction (first level): runner-up {prediction.RunnerUp} {prediction.RunnerUpProbability:0.000}")),
        ];
    }
}
