using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>Where the classifier's rules come from (all optional: the embedded defaults are used).</summary>
public sealed record ClassifierOptions
{
    /// <summary>A user taxonomy file that extends the default, or null.</summary>
    public string? TaxonomyPath { get; init; }
    /// <summary>A user's name-rules file whose rules are added to the shipped ones (<see cref="NameRuleSet.Extend"/>: where
    /// they match they win, and they stand in the combination), or null.</summary>
    public string? NameRulesPath { get; init; }
    /// <summary>A trained model file (<c>inventory train</c>), or null for the embedded one (used by the model-backed classifier).</summary>
    public string? ModelPath { get; init; }
    /// <summary>Rule thresholds.</summary>
    public RuleClassifierOptions Rules { get; init; } = new();
    /// <summary>Which classifier <see cref="ClassifierFactory.CreateDefault"/> builds (default: rules and model combined).</summary>
    public ClassifierKind Kind { get; init; } = ClassifierKind.Combined;
    /// <summary>Calibration JSON matching <see cref="ModelPath"/>, or null for the embedded one (or, with a model path, the
    /// <c>calibration.json</c> beside the model when present).</summary>
    public string? CalibrationPath { get; init; }
    /// <summary>The recall-first leaning (<c>lean-personal-below</c> in <c>inventory.yml</c>): a names-only column whose
    /// combination says <c>none</c> at a probability under it is suggested its most probable personal category at low
    /// confidence (<see cref="Learning.SuggestionCalibration.WithLeanBelow"/>); null keeps the calibration's own
    /// (<c>leanBelow</c> of calibration.json, 0 as shipped). 0 to 1.</summary>
    public double? LeanPersonalBelow { get; init; }
    /// <summary>The user's value patterns (<c>value-patterns:</c> of <c>inventory.yml</c>), run beside the shipped detectors by
    /// <see cref="ValuePatternClassifier"/> around whichever classifier <see cref="Kind"/> names; empty for none.</summary>
    public IReadOnlyList<Inventory.Config.ValuePatternConfig> ValuePatterns { get; init; } = [];
}

/// <summary>Builds the classifier the CLI uses.</summary>
public static class ClassifierFactory
{
    private static readonly Lazy<Learning.ColumnModel> DefaultModel = new(Learning.ColumnModel.LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Learning.SuggestionCalibration> DefaultCalibration = new(Learning.SuggestionCalibration.LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates the classifier chosen by <see cref="ClassifierOptions.Kind"/>: by default the rule classifier
    /// combined with the column model (<see cref="Learning.CombinedClassifier"/>); or rules only; or the model only.
    /// The embedded model is loaded once per process.</summary>
    /// <param name="options">Optional paths, thresholds and kind.</param>
    /// <returns>A thread-safe classifier.</returns>
    /// <exception cref="ConfigurationException">A given taxonomy, name-rules or model file is missing or invalid.</exception>
    /// <exception cref="InventoryException">A model is needed and none is embedded nor given.</exception>
    public static IColumnClassifier CreateDefault(ClassifierOptions? options = null)
    {
        options ??= new ClassifierOptions();
        IColumnClassifier classifier = options.Kind switch
        {
            ClassifierKind.Rules => CreateRules(options),
            ClassifierKind.Model => CreateModel(options),
            _ => new Learning.CombinedClassifier(CreateRules(options), CreateModel(options)),
        };
        return options.ValuePatterns.Count == 0 ? classifier
            : new ValuePatternClassifier(classifier, options.ValuePatterns, Taxonomy.Load(options.TaxonomyPath));
    }

    /// <summary>Creates the model classifier alone: the model at <see cref="ClassifierOptions.ModelPath"/>, or the embedded one.</summary>
    /// <param name="options">Optional model path.</param>
    /// <exception cref="ConfigurationException">The given model file is missing or not a model, or
    /// <see cref="ClassifierOptions.LeanPersonalBelow"/> is outside [0, 1].</exception>
    /// <exception cref="InventoryException">No path is given and no model is embedded.</exception>
    public static Learning.ModelClassifier CreateModel(ClassifierOptions? options = null)
    {
        var model = options?.ModelPath is { } path ? Learning.ColumnModel.Load(path) : DefaultModel.Value;
        var besideModel = options?.ModelPath is { } m ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(m))!, "calibration.json") : null;
        var calibration = options?.CalibrationPath is { } c ? Learning.SuggestionCalibration.Load(c)
            : besideModel is not null && File.Exists(besideModel) ? Learning.SuggestionCalibration.Load(besideModel)
            : options?.ModelPath is null ? DefaultCalibration.Value : Learning.SuggestionCalibration.Identity;
        if (options?.LeanPersonalBelow is { } leanBelow)
        {
            if (leanBelow is < 0 or > 1 || double.IsNaN(leanBelow))
                throw new ConfigurationException($"lean-personal-below must be between 0 and 1, not {leanBelow}");
            calibration = calibration.WithLeanBelow(leanBelow);
        }
        return new Learning.ModelClassifier(model, CreateRules(options), calibration);
    }

    /// <summary>Creates the rule classifier alone (no model).</summary>
    /// <param name="options">Optional paths and thresholds.</param>
    /// <exception cref="ConfigurationException">A given taxonomy or name-rules file is missing or invalid.</exception>
    public static RuleClassifier CreateRules(ClassifierOptions? options = null)
    {
        options ??= new ClassifierOptions();
        var taxonomy = Taxonomy.Load(options.TaxonomyPath);
        var shipped = options.TaxonomyPath is null ? NameRuleSet.Default : NameRuleSet.Load(null, taxonomy);
        var rules = options.NameRulesPath is null ? shipped : shipped.Extend(options.NameRulesPath, taxonomy);
        return new RuleClassifier(rules, DetectorSuite.Default, options.Rules);
    }
}
