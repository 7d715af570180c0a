using Inventory.Classification;
using Inventory.Rules.Detectors;
using Inventory.Rules.Evaluation;

namespace Inventory.Rules.Learning;

/// <summary>The pooled cross-validated figures of one variant of the rules.</summary>
/// <param name="MacroF1">Pooled macro-F1 over the six categories.</param>
/// <param name="PersonalRecall">Personal-vs-none recall.</param>
/// <param name="PersonalPrecision">Personal-vs-none precision.</param>
public sealed record AblationFigures(double MacroF1, double PersonalRecall, double PersonalPrecision)
{
    /// <summary>The figures of out-of-fold outcomes.</summary>
    /// <param name="columns">Every column's outcome.</param>
    /// <returns>Pooled macro-F1 and personal recall and precision.</returns>
    public static AblationFigures Of(IReadOnlyList<CrossValidatedColumn> columns)
    {
        var pairs = columns.Select(c => (c.Gold, (string?)c.Predicted)).ToArray();
        var personal = PersonalVsNone.Compute(pairs);
        return new AblationFigures(ClassificationMetrics.Compute(pairs).MacroF1, personal.Recall, personal.Precision);
    }
}

/// <summary>What one part of the rules is worth: the figures without it, against the figures with every rule.</summary>
/// <param name="Id">A rule id of <c>name-rules.yml</c>, or a negative-evidence group (<c>gates.suffix</c>,
/// <c>gates.prefix</c>, <c>gates.type</c>, <c>gates.context</c>, <c>gates.none-by-type</c>).</param>
/// <param name="Kind"><c>rule</c> or <c>gates</c>.</param>
/// <param name="Category">The rule's data category, or null for a group.</param>
/// <param name="ChangedDecisions">Corpus columns whose rule decision (category or confidence) differs without it; 0
/// means the corpus does not exercise it.</param>
/// <param name="Without">The figures without it.</param>
/// <param name="With">The figures with every rule (the same for every row).</param>
public sealed record AblationRow(string Id, string Kind, string? Category, int ChangedDecisions, AblationFigures Without, AblationFigures With)
{
    /// <summary>Corpus applications with at least one changed rule decision: a part whose removal changes decisions in one
    /// application only decides that application's columns (issue 10 item 4: a rule written for one application's column
    /// is a defect).</summary>
    public int ChangedApplications { get; init; }
    /// <summary>Columns whose out-of-fold suggestion (the combination's category after calibration) differs without it.</summary>
    public int ChangedSuggestions { get; init; }
    /// <summary>Corpus applications with at least one changed out-of-fold suggestion.</summary>
    public int ChangedSuggestionApplications { get; init; }
    /// <summary>True when the figures without it come from the full set's combinations, not refitted (the variant lost
    /// more than the screen's margin with them: <see cref="RuleAblation.Run"/>).</summary>
    public bool Screened { get; init; }

    /// <summary>Macro-F1 without it minus with it: negative when the part earns its place.</summary>
    public double DeltaMacroF1 => Without.MacroF1 - With.MacroF1;
    /// <summary>Personal recall without it minus with it.</summary>
    public double DeltaPersonalRecall => Without.PersonalRecall - With.PersonalRecall;
    /// <summary>Personal precision without it minus with it.</summary>
    public double DeltaPersonalPrecision => Without.PersonalPrecision - With.PersonalPrecision;
}

/// <summary>The result of an ablation: the figures with every rule, then one row per rule and per gate group.</summary>
/// <param name="With">The figures with every rule.</param>
/// <param name="Rows">One row per name rule (file order), then per negative-evidence group.</param>
public sealed record AblationResult(AblationFigures With, IReadOnlyList<AblationRow> Rows);

/// <summary>
/// Per-rule ablation by cross-validation (issue 10 item 4: a name rule stays only if removing it lowers the
/// cross-validated score; negative evidence is measured the same way). Exact and tractable because the first-level model
/// does not read the rules (<see cref="CrossValidationOptions.RulesInFirstLevel"/> false; the rules enter only the stacked
/// combination): the first level's out-of-fold distributions are computed once, and each variant only re-runs the rule
/// classifier over the corpus with one rule (or one kind of gate) left out and refits the combination and calibration per
/// fold (<see cref="CrossValidation.Combine(IReadOnlyList{LabelledApplication}, FirstLevelResult, IReadOnlyDictionary{string, IReadOnlyList{ColumnClassification}}?, int, bool, CombinationOptions?)"/>),
/// which gives the outcome of a full cross-validation of that variant to the combination fit's tolerance (the table
/// signals of the first level read the default name rules, <see cref="ColumnFeatures"/>, and are not ablated). Each fold's combination starts from the full
/// set's fit of that fold (the objective is strictly convex, so it reaches the same optimum to L-BFGS's tolerance, in a
/// fraction of the iterations; a variant that changes no rule decision keeps the full set's figures). Every name rule is left out in turn, then each kind of negative evidence: gate suffixes, gate prefixes, type
/// gates, context gates (<see cref="NameGates"/>) and the rule classifier's <c>none</c> by type for flags, timestamps
/// and numbers (<see cref="RuleClassifierOptions.NoneByType"/>).
/// </summary>
public static class RuleAblation
{
    /// <summary>The negative-evidence groups measured after the rules, with the gates each turns off (none for
    /// <c>gates.none-by-type</c>, which is a rule classifier option).</summary>
    public static IReadOnlyList<(string Id, NameGates Gates)> GateGroups { get; } =
    [
        ("gates.suffix", NameGates.Suffix),
        ("gates.prefix", NameGates.Prefix),
        ("gates.type", NameGates.Type),
        ("gates.context", NameGates.Context),
        ("gates.none-by-type", NameGates.None),
    ];

    /// <summary>Runs the ablation.</summary>
    /// <param name="applications">The corpus applications (at least two).</param>
    /// <param name="rules">The name rules to measure (e.g. <see cref="NameRuleSet.Default"/>).</param>
    /// <param name="options">Folds, seed, learner of the first level (<see cref="CrossValidationOptions.UseRules"/> and
    /// <see cref="CrossValidationOptions.RulesInFirstLevel"/> are ignored: the first level never reads the rules here).</param>
    /// <param name="detectors">Detector suite of the rule classifier (default <see cref="DetectorSuite.Default"/>).</param>
    /// <param name="thresholds">Rule classifier thresholds (default <see cref="RuleClassifierOptions"/>).</param>
    /// <param name="progress">Called with a line of progress (first-level folds, then each variant), or null.</param>
    /// <param name="firstLevel">The first level of <paramref name="options"/> computed earlier (e.g. read from a
    /// <see cref="FirstLevelCache"/>; it must not read the rules), or null to compute it here.</param>
    /// <param name="screen">Null: every variant that changes a rule decision refits the combination (exact). A margin
    /// (e.g. 0.002): each such variant is first scored with the full set's combination of each fold kept (calibration
    /// refitted), and only a variant that then loses no more than the margin of macro-F1 and of personal recall is
    /// refitted; the others keep those figures (<see cref="AblationRow.Screened"/>). The refit lets the combination
    /// make up for a missing rule, so it can only narrow a loss the screen saw; a rule that loses more than the margin
    /// without the refit earns its place at the screen's reading.</param>
    /// <returns>The figures with every rule and one row per rule and gate group.</returns>
    /// <exception cref="ConfigurationException">Fewer than two applications, or a category missing from a fold's training part.</exception>
    public static AblationResult Run(IReadOnlyList<LabelledApplication> applications, NameRuleSet rules, CrossValidationOptions options,
        DetectorSuite? detectors = null, RuleClassifierOptions? thresholds = null, Action<string>? progress = null,
        FirstLevelResult? firstLevel = null, double? screen = null)
    {
        detectors ??= DetectorSuite.Default;
        thresholds ??= new RuleClassifierOptions();
        firstLevel ??= FirstLevel(applications, options, progress);
        var evidence = applications.ToDictionary(a => a.Name, a => GoldFile.ToEvidence(a.Rows), StringComparer.Ordinal);
        var full = applications.ToDictionary(a => a.Name, a => new RuleClassifier(rules, detectors, thresholds).ClassifyMany(evidence[a.Name]), StringComparer.Ordinal);
        // The columns a rule can reach: those of a table where a column name mentions it (NameRuleSet.RulesMentioning; a
        // column's rule decision reads its own name and its table's other names only). A variant re-decides only those;
        // every other column keeps the full set's decision, as re-deciding it would give.
        var reach = Reach(applications, evidence, rules);
        IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>> Decide(RuleClassifier classifier, IEnumerable<(string Application, int Row)> columns)
        {
            var decisions = applications.ToDictionary(a => a.Name, a => full[a.Name].ToArray(), StringComparer.Ordinal);
            foreach (var (application, row) in columns) decisions[application][row] = classifier.Classify(evidence[application][row]);
            return decisions.ToDictionary(p => p.Key, p => (IReadOnlyList<ColumnClassification>)p.Value, StringComparer.Ordinal);
        }
        var everyColumn = applications.SelectMany(a => Enumerable.Range(0, a.Rows.Count).Select(row => (a.Name, row))).ToArray();
        var withColumns = CrossValidation.Combine(applications, firstLevel, full, options.Seed, false, null, out var start, options.Combination).Columns;
        var with = AblationFigures.Of(withColumns);
        progress?.Invoke($"with every rule: macro-F1 {with.MacroF1:0.0000}");

        var variants = rules.Rules.Select(r => (r.Id, Kind: "rule", Category: (string?)r.DataCategory,
                Classifier: new RuleClassifier(rules.WithoutRule(r.Id), detectors, thresholds),
                Columns: (IEnumerable<(string, int)>)(reach.TryGetValue(r.Id, out var reached) ? reached : [])))
            .Concat(GateGroups.Select(g => (g.Id, Kind: "gates", Category: (string?)null,
                Classifier: g.Gates == NameGates.None
                    ? new RuleClassifier(rules, detectors, thresholds with { NoneByType = false })
                    : new RuleClassifier(rules.WithoutGates(g.Gates), detectors, thresholds),
                Columns: (IEnumerable<(string, int)>)everyColumn)));
        var rows = new List<AblationRow>();
        foreach (var (id, kind, category, classifier, reachable) in variants)
        {
            var decisions = Decide(classifier, reachable);
            var changedPerApplication = applications.Select(a => Changed(full[a.Name], decisions[a.Name])).ToArray();
            int changed = changedPerApplication.Sum();
            // A variant that changes no decision has the figures of the full set (the combination's fit is deterministic).
            // With a screen, the full set's combinations first stay as they are (only the calibration is refitted): a
            // variant that then costs more than the screen earns its place without the exact refit.
            var columns = withColumns;
            bool screened = false;
            if (changed > 0 && screen is { } margin)
            {
                columns = CrossValidation.Combine(applications, firstLevel, decisions, options.Seed, false, start, out _, options.Combination, refit: false).Columns;
                var frozen = AblationFigures.Of(columns);
                screened = frozen.MacroF1 - with.MacroF1 < -margin || frozen.PersonalRecall - with.PersonalRecall < -margin;
            }
            if (changed > 0 && !screened)
                columns = CrossValidation.Combine(applications, firstLevel, decisions, options.Seed, false, start, out _, options.Combination).Columns;
            var suggestions = Enumerable.Range(0, columns.Count).Where(i => columns[i].Predicted != withColumns[i].Predicted).ToArray();
            var row = new AblationRow(id, kind, category, changed, changed == 0 ? with : AblationFigures.Of(columns), with)
            {
                Screened = screened,
                ChangedApplications = changedPerApplication.Count(n => n > 0),
                ChangedSuggestions = suggestions.Length,
                ChangedSuggestionApplications = suggestions.Select(i => withColumns[i].Application).Distinct(StringComparer.Ordinal).Count(),
            };
            rows.Add(row);
            progress?.Invoke($"{rows.Count}/{rules.Rules.Count + GateGroups.Count} {id}: {changed} decisions changed in {row.ChangedApplications} applications, "
                + $"{row.ChangedSuggestions} suggestions in {row.ChangedSuggestionApplications}, Δ macro-F1 {row.DeltaMacroF1:+0.0000;-0.0000;0}, "
                + $"Δ personal recall {row.DeltaPersonalRecall:+0.0000;-0.0000;0}{(screened ? " (screened: combination not refitted)" : "")}");
        }
        return new AblationResult(with, rows);
    }

    /// <summary>The first level an ablation runs over: <paramref name="options"/>' folds, seed, training and table
    /// signals, the rules not read (<see cref="CrossValidationOptions.RulesInFirstLevel"/> false), so the same as a
    /// cross-validation's with the rules in the combination only, and the same <see cref="FirstLevelCache"/> entry.</summary>
    /// <param name="applications">The corpus applications (at least two).</param>
    /// <param name="options">Folds, seed, learner and table signals.</param>
    /// <param name="progress">Called with a line per first-level fold, or null.</param>
    /// <returns>Every column's out-of-fold model distribution.</returns>
    /// <exception cref="ConfigurationException">Fewer than two applications, or a category missing from a fold's training part.</exception>
    public static FirstLevelResult FirstLevel(IReadOnlyList<LabelledApplication> applications, CrossValidationOptions options, Action<string>? progress = null) =>
        CrossValidation.FirstLevel(applications, null, options with { RulesInFirstLevel = false },
            (fold, folds) => progress?.Invoke($"first level: fold {fold}/{folds}"));

    /// <summary>The rule decisions each rule changes when left out, per application, without any cross-validation (no
    /// first level, no combination): which rules the corpus exercises at all, and which decide columns of one
    /// application only (<c>inventory evaluate --ablate-rules --ablation-decisions-only</c>).</summary>
    /// <param name="applications">The corpus applications.</param>
    /// <param name="rules">The name rules to measure.</param>
    /// <param name="detectors">Detector suite of the rule classifier (default <see cref="DetectorSuite.Default"/>).</param>
    /// <param name="thresholds">Rule classifier thresholds (default <see cref="RuleClassifierOptions"/>).</param>
    /// <returns>Per rule, in file order: its id, category and the changed decisions per application (applications with
    /// none left out).</returns>
    public static IReadOnlyList<(string Id, string Category, IReadOnlyDictionary<string, int> ChangedByApplication)> DecisionChanges(
        IReadOnlyList<LabelledApplication> applications, NameRuleSet rules, DetectorSuite? detectors = null, RuleClassifierOptions? thresholds = null)
    {
        detectors ??= DetectorSuite.Default;
        thresholds ??= new RuleClassifierOptions();
        var evidence = applications.ToDictionary(a => a.Name, a => GoldFile.ToEvidence(a.Rows), StringComparer.Ordinal);
        var fullClassifier = new RuleClassifier(rules, detectors, thresholds);
        var full = applications.ToDictionary(a => a.Name, a => fullClassifier.ClassifyMany(evidence[a.Name]), StringComparer.Ordinal);
        var reach = Reach(applications, evidence, rules);
        var result = new List<(string, string, IReadOnlyDictionary<string, int>)>();
        foreach (var rule in rules.Rules)
        {
            var without = new RuleClassifier(rules.WithoutRule(rule.Id), detectors, thresholds);
            var changed = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var (application, row) in reach.TryGetValue(rule.Id, out var reached) ? reached : [])
                if (Changed([full[application][row]], [without.Classify(evidence[application][row])]) > 0)
                    changed[application] = changed.GetValueOrDefault(application) + 1;
            result.Add((rule.Id, rule.DataCategory, changed));
        }
        return result;
    }

    /// <summary>Per rule id, the corpus columns (application, row) of the tables where some column name mentions the rule
    /// (<see cref="NameRuleSet.RulesMentioning"/>): the only columns whose rule decision can change without it.</summary>
    internal static Dictionary<string, List<(string Application, int Row)>> Reach(IReadOnlyList<LabelledApplication> applications,
        IReadOnlyDictionary<string, IReadOnlyList<ColumnEvidence>> evidence, NameRuleSet rules)
    {
        var mentioned = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> Mentioning(string name) =>
            mentioned.TryGetValue(name, out var ids) ? ids : mentioned[name] = rules.RulesMentioning(name);
        var reach = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        foreach (var application in applications)
        {
            var columns = evidence[application.Name];
            foreach (var table in Enumerable.Range(0, columns.Count).GroupBy(i => (columns[i].Schema, columns[i].Table)))
            {
                var ids = new HashSet<string>(StringComparer.Ordinal);
                foreach (int i in table)
                {
                    ids.UnionWith(Mentioning(columns[i].Column.Name));
                    foreach (var sibling in columns[i].TableColumns) ids.UnionWith(Mentioning(sibling));
                }
                foreach (var id in ids)
                {
                    if (!reach.TryGetValue(id, out var list)) reach[id] = list = [];
                    list.AddRange(table.Select(i => (application.Name, i)));
                }
            }
        }
        return reach;
    }

    private static int Changed(IReadOnlyList<ColumnClassification> full, IReadOnlyList<ColumnClassification> variant)
    {
        int changed = 0;
        for (int i = 0; i < full.Count; i++)
            if (full[i].DataCategory != variant[i].DataCategory || full[i].Confidence != variant[i].Confidence
                || !full[i].Evidence.Select(e => (e.Kind, e.Id, e.DataCategory)).SequenceEqual(variant[i].Evidence.Select(e => (e.Kind, e.Id, e.DataCategory))))
                changed++;
        return changed;
    }
}
