using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>Rules, detectors and model combined. The rule decisions are features of the model (stacking, learned on the
/// corpus), and the model's suggestion is calibrated on out-of-fold predictions (<see cref="SuggestionCalibration"/>),
/// so no hand-set margin decides between them. One exception, outside what the names-only corpus can teach: a rule
/// decision made from sampled values (a detector, the sample's shape such as an enumeration, or the table context over
/// the values, pointing at the decided category) stands, with the larger of the two confidences when the model agrees. When the model's suggestion has the rule's category, the rule's label
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

    private static ColumnClassification Combine(ColumnClassification rule, ColumnClassification model)
    {
        var modelEvidence = model.Evidence[0];
        var evidence = rule.Evidence.Append(modelEvidence).ToArray();
        bool agrees = rule.DataCategory is { } r && DataCategory.TopLevelOf(r) == DataCategory.TopLevelOf(model.DataCategory!);
        if (rule.DataCategory is not null)
        {
            if (DecidedByValues(rule))
                return rule with { Evidence = evidence, Confidence = agrees ? Math.Max(rule.Confidence, model.Confidence) : rule.Confidence };
            if (agrees)
                return rule with { Evidence = evidence, Confidence = model.Confidence };
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
