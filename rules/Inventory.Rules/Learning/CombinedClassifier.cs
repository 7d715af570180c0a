using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>Rules, detectors and model combined. The rule decisions are features of the model (stacking, learned on the
/// corpus), and the model's suggestion is calibrated on out-of-fold predictions (<see cref="SuggestionCalibration"/>),
/// so no hand-set margin decides between them. One exception, outside what the names-only corpus can teach: a rule
/// decision made from sampled values (a detector, the sample's shape such as an enumeration, or the table context over
/// the values, pointing at the decided category) stands, with the larger of the two confidences when the model agrees;
/// so does a rule decision at or above <see cref="RuleStands"/> (strong name rules) and a <c>none</c> reached through a
/// gate (type, suffix, context or key gates: negative evidence). When the model's suggestion has the rule's category, the rule's label
/// (its subcategory) is kept with the calibrated confidence. Every column gets a suggestion. Scores all columns in one
/// model batch; thread-safe.</summary>
public sealed class CombinedClassifier : IColumnClassifier
{
    private readonly IColumnClassifier _rules;
    private readonly ModelClassifier _model;

    /// <summary>Creates the combination.</summary>
    /// <param name="rules">The rule classifier (the one the model was trained with).</param>
    /// <param name="model">The model classifier (its own rules are not used: the decisions of <paramref name="rules"/> are passed in).</param>
    public CombinedClassifier(IColumnClassifier rules, ModelClassifier model)
    {
        _rules = rules;
        _model = model;
    }

    /// <inheritdoc />
    public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

    /// <inheritdoc />
    public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
    {
        var rules = _rules.ClassifyMany(columns);
        var suggestions = _model.Suggest(columns, rules);
        var result = new ColumnClassification[columns.Count];
        for (int i = 0; i < columns.Count; i++) result[i] = Combine(rules[i], suggestions[i].Classification);
        return result;
    }

    /// <summary>A rule decision at or above this confidence stands (the threshold of the previous combination, kept
    /// because the shared cases rely on gated and confident name rules; measured in cross-validation through
    /// <see cref="Combine"/>, not tuned).</summary>
    public const double RuleStands = 0.8;

    /// <summary>The combined decision of one column (see the class summary); also used by <see cref="CrossValidation"/>
    /// so that the cross-validated figure measures exactly this combination.</summary>
    /// <param name="rule">The rule decision.</param>
    /// <param name="model">The model's calibrated suggestion (one model evidence item first).</param>
    /// <returns>The decision.</returns>
    public static ColumnClassification Combine(ColumnClassification rule, ColumnClassification model)
    {
        var modelEvidence = model.Evidence[0];
        var evidence = rule.Evidence.Append(modelEvidence).ToArray();
        bool agrees = rule.DataCategory is { } r && DataCategory.TopLevelOf(r) == DataCategory.TopLevelOf(model.DataCategory!);
        if (rule.DataCategory is not null)
        {
            bool gatedNone = rule.DataCategory == "none" && rule.Evidence.Any(e => e.Kind.EndsWith("gate", StringComparison.Ordinal));
            if (DecidedByValues(rule) || gatedNone || rule.Confidence >= RuleStands)
                return rule with { Evidence = evidence, Confidence = agrees ? Math.Max(rule.Confidence, model.Confidence) : rule.Confidence };
            if (agrees)
                return rule with { Evidence = evidence, Confidence = model.Confidence };
            // The rules name a personal category, the model says none: the evidence cannot separate them, so the
            // suggestion leans personal at low confidence (LABELS.md tie-breaker 9, issue 10 item 5).
            if (rule.DataCategory != "none" && model.DataCategory == "none")
                return rule with { Evidence = evidence, Confidence = Math.Round(Math.Min(rule.Confidence, 1 - model.Confidence), 4) };
        }
        return model with { Evidence = [modelEvidence, .. rule.Evidence], AlsoContains = rule.AlsoContains };
    }

    /// <summary>True when the rule decision rests on sampled values: evidence from a detector, the sample or the table
    /// context over the values that points at the decided category (or its top level).</summary>
    private static bool DecidedByValues(ColumnClassification rule)
    {
        var decided = rule.DataCategory!;
        return rule.Evidence.Any(e => e.Kind is "detector" or "sample" or "table-context" && e.DataCategory is { } d
            && (d == decided || DataCategory.TopLevelOf(d) == DataCategory.TopLevelOf(decided)))
            || rule.Evidence.Any(e => e.Kind == "contains" && e.Id.StartsWith("json-key.", StringComparison.Ordinal));
    }
}
