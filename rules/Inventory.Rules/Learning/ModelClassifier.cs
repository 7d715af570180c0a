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
                Confidence = _calibration.Confidence(raw.Score),
                Origin = Origin.Model,
                Evidence = [Evidence(p, raw)],
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

    /// <summary>The evidence item that records a model suggestion.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <param name="suggestion">The suggestion drawn from it.</param>
    /// <returns>Kind <c>model</c>, id <c>model.column</c>, the suggested label and its category's probability; the
    /// runner-up and any leaning in the detail.</returns>
    public static EvidenceItem Evidence(ModelPrediction prediction, RawSuggestion suggestion) =>
        new("model", "model.column", suggestion.DataCategory, Score: Math.Round(suggestion.Score, 4),
            Detail: Describe(prediction, suggestion));

    private static string Describe(ModelPrediction prediction, RawSuggestion suggestion)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = (suggestion.LeanedPersonal ? "leaned personal: none not sure enough; " : "") +
            "top label " + prediction.DataCategory + " " + prediction.Probability.ToString("0.000", inv);
        return prediction.RunnerUp is null ? text : text + ", runner-up " + prediction.RunnerUp + " " + prediction.RunnerUpProbability.ToString("0.000", inv);
    }
}
