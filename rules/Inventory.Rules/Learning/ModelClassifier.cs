using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules.Learning;

/// <summary>Options of the model-backed classifiers.</summary>
public sealed record ModelClassifierOptions
{
    /// <summary>Below this probability the model alone leaves a column undecided (default 0.3).</summary>
    public double MinProbability { get; init; } = 0.3;
}

/// <summary>Classifies columns with the Microsoft.ML column model alone: name tokens, table tokens, type family/shape and,
/// when values were sampled, the detector hit ratios of <see cref="DetectorSuite"/>. Evidence kind <c>model</c> with the
/// label's probability. <see cref="ClassifyMany"/> scores every column in one batch. Thread-safe and deterministic.</summary>
public sealed class ModelClassifier : IColumnClassifier
{
    private readonly ColumnModel _model;
    private readonly DetectorSuite _detectors;
    private readonly ModelClassifierOptions _options;

    /// <summary>Creates the classifier.</summary>
    /// <param name="model">A loaded model (load it once: <see cref="ColumnModel.LoadDefault"/> or <see cref="ColumnModel.Load(string)"/>).</param>
    /// <param name="detectors">Detector suite feeding the ratio features (default <see cref="DetectorSuite.Default"/>).</param>
    /// <param name="options">Thresholds; null for defaults.</param>
    public ModelClassifier(ColumnModel model, DetectorSuite? detectors = null, ModelClassifierOptions? options = null)
    {
        _model = model;
        _detectors = detectors ?? DetectorSuite.Default;
        _options = options ?? new ModelClassifierOptions();
    }

    /// <summary>The model in use.</summary>
    public ColumnModel Model => _model;

    /// <inheritdoc />
    public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

    /// <inheritdoc />
    public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns) =>
        Predict(columns).Select(ToClassification).ToArray();

    /// <summary>Scores columns in one batch.</summary>
    /// <param name="columns">Columns (values are read in memory by the detectors, never kept).</param>
    /// <returns>One prediction per column, in order.</returns>
    public IReadOnlyList<ModelPrediction> Predict(IReadOnlyList<ColumnEvidence> columns) =>
        _model.Predict(columns.Select(ToInput).ToArray());

    /// <summary>Builds the model input of a column: names, types and, when sampled, detector ratios.</summary>
    /// <param name="column">The column's evidence.</param>
    /// <returns>The model input.</returns>
    public ColumnModelInput ToInput(ColumnEvidence column)
    {
        var info = column.Column;
        // The family the model was trained with (from the declared type), unless the spelling is unknown to it.
        var family = ColumnFeatures.FamilyOf(info.DeclaredType) is var f && f is not (TypeFamily.Other or TypeFamily.Untyped) ? f : info.Family;
        float[]? ratios = null;
        if (column.Sampled && column.Values.Count > 0)
        {
            var result = _detectors.Run(column.Values, info.Family);
            ratios = ColumnFeatures.DetectorSlots.Select(slot => (float)result.Ratio("detector." + slot)).ToArray();
        }
        return ColumnFeatures.Build(column.Table, info.Name, info.DeclaredType, family, ratios);
    }

    /// <summary>The evidence item that records a model prediction.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <returns>Kind <c>model</c>, id <c>model.column</c>, the label and its probability; the runner-up in the detail.</returns>
    public static EvidenceItem Evidence(ModelPrediction prediction) =>
        new("model", "model.column", prediction.DataCategory, Score: Math.Round(prediction.Probability, 4),
            Detail: prediction.RunnerUp is null ? null
                : string.Create(CultureInfo.InvariantCulture, $"runner-up {prediction.RunnerUp} {prediction.RunnerUpProbability:0.000}"));

    private ColumnClassification ToClassification(ModelPrediction p) =>
        p.Probability < _options.MinProbability
            ? ColumnClassification.Undecided(Evidence(p))
            : new ColumnClassification
            {
                DataCategory = p.DataCategory,
                Confidence = Math.Round(p.Probability, 4),
                Origin = Origin.Model,
                Evidence = [Evidence(p)],
            };
}
