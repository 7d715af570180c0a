using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>Where the classifier's rules come from (all optional: the embedded defaults are used).</summary>
public sealed record ClassifierOptions
{
    /// <summary>A user taxonomy file that extends the default, or null.</summary>
    public string? TaxonomyPath { get; init; }
    /// <summary>A name-rules file replacing the default, or null.</summary>
    public string? NameRulesPath { get; init; }
    /// <summary>A trained model zip, or null for the embedded one (used by the model-backed classifier).</summary>
    public string? ModelPath { get; init; }
    /// <summary>Rule thresholds.</summary>
    public RuleClassifierOptions Rules { get; init; } = new();
}

/// <summary>Builds the classifier the CLI uses.</summary>
public static class ClassifierFactory
{
    /// <summary>Creates the default classifier: the rule classifier with the embedded (or given) taxonomy and name rules.</summary>
    /// <param name="options">Optional paths and thresholds.</param>
    /// <returns>A thread-safe classifier.</returns>
    /// <exception cref="ConfigurationException">A given taxonomy or name-rules file is missing or invalid.</exception>
    public static IColumnClassifier CreateDefault(ClassifierOptions? options = null) => CreateRules(options);

    /// <summary>Creates the rule classifier alone (no model).</summary>
    /// <param name="options">Optional paths and thresholds.</param>
    /// <exception cref="ConfigurationException">A given taxonomy or name-rules file is missing or invalid.</exception>
    public static RuleClassifier CreateRules(ClassifierOptions? options = null)
    {
        options ??= new ClassifierOptions();
        var taxonomy = Taxonomy.Load(options.TaxonomyPath);
        var rules = options.NameRulesPath is null && options.TaxonomyPath is null ? NameRuleSet.Default : NameRuleSet.Load(options.NameRulesPath, taxonomy);
        return new RuleClassifier(rules, DetectorSuite.Default, options.Rules);
    }
}
