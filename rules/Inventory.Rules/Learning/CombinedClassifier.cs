using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>Thresholds of <see cref="CombinedClassifier"/>.</summary>
public sealed record CombinedClassifierOptions
{
    /// <summary>A rule decision at or above this confidence stands whatever the model says (default 0.8).</summary>
    public double RuleConfident { get; init; } = 0.8;
    /// <summary>The model overrides a weaker rule decision when its probability exceeds the rule confidence by this margin (default 0.5: the model must be far surer than the rules).</summary>
    public double OverrideMargin { get; init; } = 0.5;
    /// <summary>The model fills an undecided column only at or above this probability (default 0.6).</summary>
    public double FillProbability { get; init; } = 0.6;
}

/// <summary>Rules first, model second. (1) A rule decision backed by a validated value detector, or with confidence ≥
/// <see cref="CombinedClassifierOptions.RuleConfident"/>, stands. (2) A weaker rule decision stands unless the model
/// names another category with a probability higher by <see cref="CombinedClassifierOptions.OverrideMargin"/>; when the
/// model agrees, the confidence becomes the larger of the two. (3) An undecided column takes the model's label when its
/// probability is ≥ <see cref="CombinedClassifierOptions.FillProbability"/>, else stays undecided (zero evidence is never
/// <c>none</c>). Every result carries the rule evidence and the
/// model evidence (kind <c>model</c> with the probability). Scores all columns in one model batch; thread-safe.</summary>
public sealed class CombinedClassifier : IColumnClassifier
{
    private readonly IColumnClassifier _rules;
    private readonly ModelClassifier _model;
    private readonly CombinedClassifierOptions _options;

    /// <summary>Creates the combination.</summary>
    /// <param name="rules">The rule classifier.</param>
    /// <param name="model">The model classifier.</param>
    /// <param name="options">Thresholds; null for defaults.</param>
    public CombinedClassifier(IColumnClassifier rules, ModelClassifier model, CombinedClassifierOptions? options = null)
    {
        _rules = rules;
        _model = model;
        _options = options ?? new CombinedClassifierOptions();
    }

    /// <inheritdoc />
    public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

    /// <inheritdoc />
    public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
    {
        var rules = _rules.ClassifyMany(columns);
        var predictions = _model.Predict(columns);
        var result = new ColumnClassification[columns.Count];
        for (int i = 0; i < columns.Count; i++) result[i] = Combine(columns[i], rules[i], predictions[i]);
        return result;
    }

    private ColumnClassification Combine(ColumnEvidence column, ColumnClassification rule, ModelPrediction model)
    {
        var modelEvidence = ModelClassifier.Evidence(model);
        var evidence = rule.Evidence.Append(modelEvidence).ToArray();
        if (rule.DataCategory is not null)
        {
            bool valueBacked = rule.Evidence.Any(e => e.Kind == "detector" && e.DataCategory == rule.DataCategory);
            bool agrees = ColumnModel.CategoryOf(rule.DataCategory) == model.Category;
            if (valueBacked || rule.Confidence >= _options.RuleConfident)
                return rule with { Evidence = evidence, Confidence = agrees ? Math.Max(rule.Confidence, Math.Round(model.Probability, 4)) : rule.Confidence };
            if (agrees)
                return rule with { Evidence = evidence, Confidence = Math.Max(rule.Confidence, Math.Round(model.Probability, 4)) };
            if (model.Probability >= rule.Confidence + _options.OverrideMargin)
                return ModelDecision();
            return rule with { Evidence = evidence };
        }
        if (model.Probability >= _options.FillProbability)
            return ModelDecision();
        return rule with { Evidence = evidence };

        ColumnClassification ModelDecision() => new()
        {
            DataCategory = model.DataCategory,
            Confidence = Math.Round(model.Probability, 4),
            Origin = Origin.Model,
            Evidence = [modelEvidence, .. rule.Evidence],
            AlsoContains = rule.AlsoContains,
        };
    }
}
