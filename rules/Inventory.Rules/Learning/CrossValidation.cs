using Inventory.Classification;
using Inventory.Rules.Evaluation;

namespace Inventory.Rules.Learning;

/// <summary>The labelled columns of one application of the corpus (one gold-format TSV file).</summary>
/// <param name="Name">Application name (the file name without extension).</param>
/// <param name="Rows">Its labelled columns.</param>
public sealed record LabelledApplication(string Name, IReadOnlyList<GoldRow> Rows)
{
    /// <summary>Reads every <c>*.tsv</c> of a corpus folder (ordinal file-name order), one application per file.</summary>
    /// <param name="directory">The corpus folder (e.g. <c>../shared/data/corpus</c>).</param>
    /// <returns>The applications.</returns>
    /// <exception cref="ConfigurationException">Missing folder, no TSV file, or a malformed file (with file and line).</exception>
    public static IReadOnlyList<LabelledApplication> ReadCorpus(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ConfigurationException($"corpus folder '{directory}' does not exist; pass the folder of *.tsv files");
        var files = Directory.GetFiles(directory, "*.tsv").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new ConfigurationException($"corpus folder '{directory}' holds no *.tsv file");
        return files.Select(f => new LabelledApplication(Path.GetFileNameWithoutExtension(f), GoldFile.Read(f))).ToArray();
    }
}

/// <summary>Options of <see cref="CrossValidation"/>.</summary>
public sealed record CrossValidationOptions
{
    /// <summary>Group folds (default 5); 0 or at least the number of applications means leave-one-application-out.</summary>
    public int Folds { get; init; } = 5;
    /// <summary>Seed of the fold assignment and of the training (default 1).</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Training options (learner); its seed is replaced by <see cref="Seed"/>.</summary>
    public TrainingOptions Training { get; init; } = new();
    /// <summary>Feed the rule classifier's decision to the model (stacking; default true). False measures the model alone.</summary>
    public bool UseRules { get; init; } = true;
    /// <summary>Feed the rule decision to the first-level model as well (its rule tokens and flags). Default false: the
    /// rules enter only the stacked combination (with <see cref="UseRules"/>), chosen by cross-validation (full CV, seed 1:
    /// macro-F1 0.705 without them in the first level, 0.698 with them, <c>rules/MODEL.md</c>), and what makes per-rule
    /// ablation exact over one first level (<see cref="RuleAblation"/>).</summary>
    public bool RulesInFirstLevel { get; init; }
    /// <summary>Feed the table signals (<see cref="ColumnModelInput.TableSignals"/>) to the first-level model (default
    /// true); false measures the first level without them (<c>evaluate --without-table-signals</c>).</summary>
    public bool TableSignals { get; init; } = true;
    /// <summary>How the second level combines (<see cref="CombinationOptions"/>); default the shipped one.</summary>
    public CombinationOptions Combination { get; init; } = CombinationOptions.Shipped;
    /// <summary>How many folds train at once (default the processor count). Each fold's fit is single-threaded with its
    /// own seeded <c>MLContext</c>, so the figures and the out-of-fold distributions do not depend on it (a test compares
    /// 1 and 2); only the wall time does. Not part of <see cref="FirstLevelCache"/>'s fingerprint for that reason.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>Options of the learned combination (<see cref="StackedCombination"/>) in a cross-validation.</summary>
/// <param name="ClassWeightPower">Exponent of the class weights of the fit (<see cref="StackedCombination.ClassWeightPower"/>).</param>
/// <param name="TableContext">Feed each column's table context (<see cref="StackedCombination.TableContext"/>: the other
/// columns' model distributions) to the combination.</param>
/// <param name="BiasOffsets">Move each category's score of the fitted combination by an offset chosen for macro-F1 on the
/// rows it was fitted on (<see cref="StackedCombination.ChooseBiasOffsets"/>): per-category decision thresholds.</param>
public sealed record CombinationOptions(double ClassWeightPower, bool TableContext, bool BiasOffsets = false)
{
    /// <summary>How the calibration groups the suggestions (<see cref="SuggestionCalibration.GroupBy"/>); default the shipped one.</summary>
    public CalibrationGrouping CalibrationGroups { get; init; } = ShippedCalibrationGroups;

    /// <summary>Fewest out-of-fold suggestions of a group with its own calibration map; default
    /// <see cref="SuggestionCalibration.DefaultMinimumGroupSize"/>.</summary>
    public int MinimumGroupSize { get; init; } = SuggestionCalibration.DefaultMinimumGroupSize;

    /// <summary>Fewest suggestions of an isotonic block of the calibration (<see cref="SuggestionCalibration.Fit(StackedCombination?, IEnumerable{ValueTuple{RawSuggestion, bool}}, CalibrationGrouping, int, double, int)"/>);
    /// default the shipped one.</summary>
    public int MinimumBlockSize { get; init; } = ShippedMinimumBlockSize;

    /// <summary>The shipped fewest suggestions of an isotonic block (session 36, <c>rules/MODEL.md</c>): with 1, a top block
    /// of 28 customer_content suggestions of the other folds, all right, gave glpi's 28 (7 right) a confidence of 1.0; with
    /// 30, full CV: ≥ 0.9 precision 0.980 → 0.982 (coverage 79.0 % → 78.8 %), Brier score 0.0536 → 0.0535.</summary>
    public const int ShippedMinimumBlockSize = 30;

    /// <summary>The leaning threshold on the combination's probability of <c>none</c> (<see cref="SuggestionCalibration.LeanBelow"/>);
    /// default the shipped one.</summary>
    public double LeanBelow { get; init; } = ShippedLeanBelow;

    /// <summary>How each calibration map turns a score into a confidence; default the shipped one.</summary>
    public CalibrationMethod CalibrationMethod { get; init; } = ShippedCalibrationMethod;

    /// <summary>The shipped calibration method (session 39, <c>rules/MODEL.md</c> "A confidence that means what it says"):
    /// Platt scaling per suggested category. Full CV with seed 1, same decisions: every confidence band of ≥ 100 columns
    /// within its band (the isotonic maps left 0.5–0.6 at 0.460 and 0.0–0.1 at 0.165), Brier score 0.0492 → 0.0486,
    /// ten-band ECE 0.0091 → 0.0047, ≥ 0.9 precision 0.980 → 0.981 on 80.6 % → 81.0 % of columns.</summary>
    public const CalibrationMethod ShippedCalibrationMethod = CalibrationMethod.Platt;

    /// <summary>The leaning threshold towards a name rule's personal category (<see cref="SuggestionCalibration.LeanToRuleBelow"/>);
    /// default the shipped one.</summary>
    public double LeanToRuleBelow { get; init; } = ShippedLeanToRuleBelow;

    /// <summary>The shipped leaning towards a name rule's personal category (session 39, <c>rules/MODEL.md</c>): a names-only
    /// <c>none</c> of the combination under 0.8 against a rule's personal category takes the rule's category. Chosen by
    /// grouped cross-validation (each fold's threshold on the other folds among 0, 0.5, 0.6, 0.7, 0.8, 0.9, 1: every fold
    /// chose 0.8): macro-F1 +0.0027, personal recall 0.8223 → 0.8311 at precision 0.7682 → 0.7671.</summary>
    public const double ShippedLeanToRuleBelow = 0.8;

    /// <summary>The shipped grouping of the calibration: per suggested category (session 36, full CV with seed 1;
    /// <c>rules/MODEL.md</c> "Confidence per suggested category and the leaning"): against the pooled map, ≥ 0.9 precision
    /// 0.967 → 0.980 on 77.5 % → 79.0 % of columns, Brier score 0.0641 → 0.0536; per category and basis did not do better
    /// (0.979 on 80.7 %, Brier 0.0538, its 0.8–0.9 band at 0.777).</summary>
    public const CalibrationGrouping ShippedCalibrationGroups = CalibrationGrouping.Category;

    /// <summary>The shipped leaning threshold (session 36; <c>rules/MODEL.md</c> "Confidence per suggested category and the
    /// leaning"): 0, the class weights lean alone. Full CV: 0.35 → macro-F1 −0.004, personal recall 0.816 → 0.822 at
    /// precision 0.727; 0.4 (the most recall with precision ≥ 0.70) → −0.008, 0.829 at 0.714; 0.45 → precision 0.697.
    /// Each costs more than the 0.003 of macro-F1 the joint targets allow.</summary>
    public const double ShippedLeanBelow = 0;

    /// <summary>The shipped combination's options: the table context did not earn its place (full CV, seed 1: macro-F1
    /// 0.7073 with it, 0.7127 without, over the first level with table signals; <c>rules/MODEL.md</c>).</summary>
    public static CombinationOptions Shipped { get; } = new(StackedCombination.ClassWeightPower, false);
}

/// <summary>One column's out-of-fold prediction of the first-level model.</summary>
/// <param name="Application">Its application.</param>
/// <param name="Row">Its row index in the application.</param>
/// <param name="Fold">The fold it was tested in.</param>
/// <param name="Gold">Gold label.</param>
/// <param name="Labels">The fold model's labels.</param>
/// <param name="Distribution">Their probabilities (same order).</param>
public sealed record FirstLevelPrediction(string Application, int Row, int Fold, string Gold, IReadOnlyList<string> Labels,
    IReadOnlyList<float> Distribution);

/// <summary>The first level of a cross-validation (<see cref="CrossValidation.FirstLevel"/>).</summary>
/// <param name="Rows">Every column's out-of-fold prediction, fold by fold.</param>
/// <param name="FoldOf">Fold of each application.</param>
/// <param name="Folds">Number of folds.</param>
public sealed record FirstLevelResult(IReadOnlyList<FirstLevelPrediction> Rows, IReadOnlyDictionary<string, int> FoldOf, int Folds);

/// <summary>One column's out-of-fold outcome.</summary>
/// <param name="Application">Its application.</param>
/// <param name="Fold">The fold it was tested in.</param>
/// <param name="Gold">Gold label.</param>
/// <param name="Predicted">Suggested label (never null: every column gets a suggestion).</param>
/// <param name="Confidence">Calibrated confidence (calibration fitted on the other folds only).</param>
public sealed record CrossValidatedColumn(string Application, int Fold, string Gold, string Predicted, double Confidence)
{
    /// <summary>The raw suggestion of the fold's combination (its score is the calibration's input), or null.</summary>
    public RawSuggestion? Suggestion { get; init; }
    /// <summary>The fold combination's probability of each category (<see cref="DataCategory.TopLevels"/> order), or null.</summary>
    public IReadOnlyList<double>? Probabilities { get; init; }
    /// <summary>True when the confidence is the calibration's (the combination's suggestion was kept); false when a rule
    /// decision stood with its own confidence (<see cref="CombinedClassifier.Combine"/>).</summary>
    public bool Calibrated { get; init; } = true;
}

/// <summary>The result of a cross-validation.</summary>
/// <param name="Columns">Every column's out-of-fold outcome, in application then row order.</param>
/// <param name="Calibration">The combination fitted on all out-of-fold predictions and the calibration fitted on all
/// out-of-fold suggestions (the ones to ship with a model trained on everything).</param>
/// <param name="FoldOf">Fold of each application.</param>
public sealed record CrossValidationResult(IReadOnlyList<CrossValidatedColumn> Columns, SuggestionCalibration Calibration,
    IReadOnlyDictionary<string, int> FoldOf);

/// <summary>
/// Cross-validation grouped by application: an application's columns are all in the training part or all in the test
/// part of a fold. Applications are assigned to folds by a seeded shuffle, then largest first to the fold with the fewest
/// columns (balanced folds). Each fold trains a model (<see cref="ColumnModelTrainer"/>) on the other folds' columns,
/// names and types only, and predicts its own. The <see cref="StackedCombination"/> that turns a column's model
/// distribution and rule decision into a category is fitted, for each fold, on the other folds' out-of-fold predictions
/// only; each fold's confidences come from a calibration fitted on the other folds' suggestions only; the outcome is the
/// decision of <see cref="CombinedClassifier.Combine"/>. The shipped combination and calibration are fitted on all
/// out-of-fold predictions (the model of each fold saw the others' applications, a small optimism of stacking noted in
/// <c>rules/MODEL.md</c>).
/// </summary>
public static class CrossValidation
{
    /// <summary>Builds the labelled model inputs of an application (names and types only, table context, rule decision).</summary>
    /// <param name="application">The application.</param>
    /// <param name="rules">The rule classifier, or null to leave rules out.</param>
    /// <returns>One input per row, label set.</returns>
    public static IReadOnlyList<ColumnModelInput> Inputs(LabelledApplication application, IColumnClassifier? rules) =>
        InputsOf(application, rules?.ClassifyMany(GoldFile.ToEvidence(application.Rows)));

    /// <summary>The labelled model inputs of an application given its rule decisions (null: a first level that does not
    /// read the rules).</summary>
    /// <param name="application">The application.</param>
    /// <param name="decisions">One rule decision per row, or null.</param>
    /// <returns>One input per row, label set.</returns>
    internal static IReadOnlyList<ColumnModelInput> InputsOf(LabelledApplication application, IReadOnlyList<ColumnClassification>? decisions)
    {
        var evidence = GoldFile.ToEvidence(application.Rows);
        var inputs = ColumnFeatures.BuildMany(evidence, decisions);
        for (int i = 0; i < evidence.Count; i++) inputs[i].Label = application.Rows[i].DataCategory;
        return inputs;
    }

    /// <summary>The table context of every out-of-fold row (<see cref="StackedCombination.TableContext"/> over the rows of
    /// the same application and table, as <see cref="ModelClassifier"/> computes it over a scanned table's columns).</summary>
    private static float[]?[] TableContexts(IReadOnlyList<LabelledApplication> applications, IReadOnlyList<FirstLevelPrediction> oof)
    {
        var byName = applications.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var result = new float[]?[oof.Count];
        foreach (var table in Enumerable.Range(0, oof.Count).GroupBy(i => (oof[i].Application, byName[oof[i].Application].Rows[oof[i].Row].Table)))
        {
            var members = table.ToArray();
            var context = StackedCombination.TableContext(members.Select(i => StackedCombination.SummedByCategory(oof[i].Labels, oof[i].Distribution)).ToArray());
            for (int k = 0; k < members.Length; k++) result[members[k]] = context[k];
        }
        return result;
    }

    /// <summary>Assigns applications to folds (see the class summary).</summary>
    /// <param name="applications">The applications.</param>
    /// <param name="folds">Fold count; 0 or ≥ the application count for leave-one-application-out.</param>
    /// <param name="seed">Shuffle seed.</param>
    /// <returns>Application name → fold index.</returns>
    public static IReadOnlyDictionary<string, int> AssignFolds(IReadOnlyList<LabelledApplication> applications, int folds, int seed)
    {
        var random = new Random(seed);
        var shuffled = applications.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (App: a, Key: random.Next())).ToArray();
        if (folds <= 0 || folds >= applications.Count)
            return shuffled.OrderBy(s => s.App.Name, StringComparer.Ordinal).Select((s, i) => (s.App.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var sizes = new int[folds];
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (app, _) in shuffled.OrderByDescending(s => s.App.Rows.Count).ThenBy(s => s.Key))
        {
            int target = 0;
            for (int f = 1; f < folds; f++) if (sizes[f] < sizes[target]) target = f;
            sizes[target] += app.Rows.Count;
            result[app.Name] = target;
        }
        return result;
    }

    /// <summary>Runs the cross-validation: <see cref="FirstLevel"/>, then <see cref="Combine"/> with the same rule decisions.</summary>
    /// <param name="applications">The corpus applications (at least two).</param>
    /// <param name="rules">The rule classifier (used when <see cref="CrossValidationOptions.UseRules"/>).</param>
    /// <param name="options">Folds, seed, learner.</param>
    /// <param name="progress">Called after each fold with (fold, folds), or null.</param>
    /// <returns>Every column's out-of-fold outcome, the threshold and the shippable calibration.</returns>
    /// <exception cref="ConfigurationException">Fewer than two applications.</exception>
    public static CrossValidationResult Run(IReadOnlyList<LabelledApplication> applications, IColumnClassifier? rules,
        CrossValidationOptions options, Action<int, int>? progress = null)
    {
        var decisions = options.UseRules && rules is not null ? RuleDecisions(applications, rules) : null;
        var firstLevel = FirstLevel(applications, options.RulesInFirstLevel ? decisions : null, options, progress);
        return Combine(applications, firstLevel, decisions, options.Seed, true, null, out _, options.Combination);
    }

    /// <summary>The rule classifier's decision of every corpus column (names and types only).</summary>
    /// <param name="applications">The corpus applications.</param>
    /// <param name="rules">The rule classifier.</param>
    /// <returns>Application name → one decision per row, in row order.</returns>
    public static IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>> RuleDecisions(
        IReadOnlyList<LabelledApplication> applications, IColumnClassifier rules) =>
        applications.ToDictionary(a => a.Name, a => rules.ClassifyMany(GoldFile.ToEvidence(a.Rows)), StringComparer.Ordinal);

    /// <summary>The first level of the cross-validation: each fold trains a model (<see cref="ColumnModelTrainer"/>) on
    /// the other folds' columns and predicts its own.</summary>
    /// <param name="applications">The corpus applications (at least two).</param>
    /// <param name="ruleDecisions">The rule decisions the model reads as features (<see cref="RuleDecisions"/>), or null
    /// for a first level that does not read the rules (they then enter only the combination).</param>
    /// <param name="options">Folds, seed, learner.</param>
    /// <param name="progress">Called after each fold with (fold, folds), or null.</param>
    /// <returns>Every column's out-of-fold label distribution and the fold assignment.</returns>
    /// <exception cref="ConfigurationException">Fewer than two applications.</exception>
    public static FirstLevelResult FirstLevel(IReadOnlyList<LabelledApplication> applications,
        IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>>? ruleDecisions, CrossValidationOptions options,
        Action<int, int>? progress = null)
    {
        if (applications.Count < 2) throw new ConfigurationException("cross-validation needs at least two applications");
        var foldOf = AssignFolds(applications, options.Folds, options.Seed);
        int folds = foldOf.Values.Max() + 1;
        var inputs = applications.ToDictionary(a => a.Name, a => InputsOf(a, ruleDecisions?[a.Name]), StringComparer.Ordinal);
        if (!options.TableSignals)
            foreach (var input in inputs.Values.SelectMany(i => i)) input.TableSignals = "";
        // Folds train concurrently (each fit single-threaded and seeded, so the result does not depend on the order in
        // which they finish); the rows are then put together in fold order.
        var byFold = new List<FirstLevelPrediction>[folds];
        int done = 0;
        var gate = new object();
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, fold =>
        {
            var train = applications.Where(a => foldOf[a.Name] != fold).SelectMany(a => inputs[a.Name]).ToArray();
            var model = ColumnModelTrainer.Train(train, options.Training with { Seed = options.Seed });
            var rows = new List<FirstLevelPrediction>();
            foreach (var app in applications.Where(a => foldOf[a.Name] == fold))
            {
                var predictions = model.Predict(inputs[app.Name]);
                for (int i = 0; i < predictions.Count; i++)
                    rows.Add(new FirstLevelPrediction(app.Name, i, fold, app.Rows[i].DataCategory, model.Labels, predictions[i].Distribution));
            }
            byFold[fold] = rows;
            lock (gate) progress?.Invoke(++done, folds);
        });
        return new FirstLevelResult(byFold.SelectMany(r => r).ToArray(), foldOf, folds);
    }

    /// <summary>The second level: for each fold, the <see cref="StackedCombination"/> fitted on the other folds'
    /// out-of-fold rows, the calibration fitted on the other folds' suggestions, and the decision of
    /// <see cref="CombinedClassifier.Combine"/>; and the shippable combination and calibration fitted on all rows. Takes
    /// seconds, so the rule decisions can change (one rule left out, RuleAblation) over one first level.</summary>
    /// <param name="applications">The corpus applications (the order of the result).</param>
    /// <param name="firstLevel">From <see cref="FirstLevel"/>.</param>
    /// <param name="ruleDecisions">The rule decisions of every column (<see cref="RuleDecisions"/>), or null without rules.</param>
    /// <param name="seed">Seed of the combination's fit.</param>
    /// <param name="shippable">False to skip fitting the shippable combination and calibration on all rows (the result's
    /// <see cref="CrossValidationResult.Calibration"/> is then <see cref="SuggestionCalibration.Identity"/>).</param>
    /// <param name="options">Class-weight power and table context of the combination; null for the shipped ones.</param>
    /// <returns>Every column's out-of-fold outcome and the shippable calibration.</returns>
    /// <exception cref="ConfigurationException">A category of the six has no column in the training part of a fold.</exception>
    public static CrossValidationResult Combine(IReadOnlyList<LabelledApplication> applications, FirstLevelResult firstLevel,
        IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>>? ruleDecisions, int seed, bool shippable = true,
        CombinationOptions? options = null) =>
        Combine(applications, firstLevel, ruleDecisions, seed, shippable, null, out _, options);

    /// <summary><see cref="Combine(IReadOnlyList{LabelledApplication}, FirstLevelResult, IReadOnlyDictionary{string, IReadOnlyList{ColumnClassification}}?, int, bool, CombinationOptions?)"/>,
    /// each fold's combination fitted from a start (<see cref="StackedCombination.Fit(IReadOnlyList{ValueTuple{float[], string}}, int, StackedCombination?)"/>)
    /// and returned; with <paramref name="refit"/> false the starts are kept as the folds' combinations (not fitted:
    /// only the calibration is; the rule ablation's screen, <see cref="RuleAblation"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="refit"/> false without starts, or with a shippable fit asked for.</exception>
    internal static CrossValidationResult Combine(IReadOnlyList<LabelledApplication> applications, FirstLevelResult firstLevel,
        IReadOnlyDictionary<string, IReadOnlyList<ColumnClassification>>? ruleDecisions, int seed, bool shippable,
        IReadOnlyList<StackedCombination>? startByFold, out IReadOnlyList<StackedCombination> combinationByFold,
        CombinationOptions? options = null, bool refit = true)
    {
        if (!refit && (startByFold is null || shippable))
            throw new ArgumentException("keeping the folds' combinations (refit false) needs them (startByFold) and no shippable fit", nameof(refit));
        options ??= CombinationOptions.Shipped;
        int folds = firstLevel.Folds;
        var oof = firstLevel.Rows;
        var rules = oof.Select(o => ruleDecisions?[o.Application][o.Row]).ToArray();
        static string Category(string label) => DataCategory.TopLevelOf(label);
        var contexts = options.TableContext ? TableContexts(applications, oof) : new float[]?[oof.Count];
        var features = oof.Select((o, i) => StackedCombination.Features(StackedCombination.SummedByCategory(o.Labels, o.Distribution), rules[i], contexts[i])).ToArray();
        // The guard of SuggestionCalibration.Suggest: where the model's own top category and the rule both say none.
        bool NoneGuard(int i)
        {
            var f = features[i];
            int top = 0;
            for (int c = 1; c < 6; c++) if (f[c] > f[top]) top = c;
            return top == 5 && rules[i]?.DataCategory == "none";
        }
        // The folds' combinations and the shippable one (index `folds`) are independent single-threaded, seeded fits:
        // fitted concurrently, each into its own slot, so the result does not depend on the order they finish in.
        var fits = new StackedCombination[shippable ? folds + 1 : folds];
        Parallel.For(0, fits.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
            fits[f] = !refit ? startByFold![f]
                : f == folds
                ? StackedCombination.Fit(oof.Select((o, i) => (features[i], Category(o.Gold))).ToArray(), seed, null, options.ClassWeightPower)
                : StackedCombination.Fit(oof.Select((o, i) => (o, i)).Where(p => p.o.Fold != f).Select(p => (features[p.i], Category(p.o.Gold))).ToArray(),
                    seed, startByFold?[f], options.ClassWeightPower));
        var byFoldFit = fits.Take(folds).ToArray();
        if (options.BiasOffsets)
        {
            byFoldFit = byFoldFit.Select((c, f) => c.WithBiasOffsets(c.ChooseBiasOffsets(
                oof.Select((o, i) => (o, i)).Where(p => p.o.Fold != f).Select(p => (features[p.i], Category(p.o.Gold), NoneGuard(p.i))).ToArray()))).ToArray();
        }
        combinationByFold = byFoldFit;
        var noGroups = new Dictionary<string, (IReadOnlyList<double>, IReadOnlyList<double>)>();
        var policyByFold = byFoldFit.Select(c => new SuggestionCalibration(c, [], [], CalibrationGrouping.Pooled, noGroups, options.LeanBelow, options.LeanToRuleBelow)).ToArray();
        var raw = oof.Select((o, i) => (App: o.Application, o.Fold, o.Gold,
            Suggestion: policyByFold[o.Fold].Suggest(o.Labels, o.Distribution, rules[i], tableContext: contexts[i]), Rule: rules[i])).ToArray();
        static bool Right(string gold, RawSuggestion s) => Category(gold) == Category(s.DataCategory);
        SuggestionCalibration Calibrate(StackedCombination combination, IEnumerable<(string Gold, RawSuggestion Suggestion)> points) =>
            SuggestionCalibration.Fit(combination, points.Select(p => (p.Suggestion, Right(p.Gold, p.Suggestion))), options.CalibrationGroups,
                options.MinimumGroupSize, options.LeanBelow, options.MinimumBlockSize, options.CalibrationMethod, options.LeanToRuleBelow);
        var byFold = Enumerable.Range(0, folds).Select(f => Calibrate(byFoldFit[f], raw.Where(r => r.Fold != f).Select(r => (r.Gold, r.Suggestion)))).ToArray();
        var order = applications.Select((a, i) => (a.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var columns = raw.Select((r, i) => (r, i)).OrderBy(p => order[p.r.App]).ThenBy(p => oof[p.i].Row).Select(p =>
        {
            var r = p.r;
            var model = new ColumnClassification
            {
                DataCategory = r.Suggestion.DataCategory,
                Confidence = byFold[r.Fold].Confidence(r.Suggestion),
                Origin = Origin.Model,
                Evidence = [new EvidenceItem("model", "model.column", r.Suggestion.DataCategory, Score: r.Suggestion.Score)],
            };
            var decided = r.Rule is null ? model : CombinedClassifier.Combine(r.Rule, model);
            return new CrossValidatedColumn(r.App, r.Fold, r.Gold, decided.DataCategory!, decided.Confidence)
            {
                Suggestion = r.Suggestion,
                Probabilities = byFoldFit[r.Fold].Probabilities(features[p.i], false),
                Calibrated = decided.Evidence.Count > 0 && decided.Evidence[0].Kind == "model",
            };
        }).ToArray();
        if (!shippable) return new CrossValidationResult(columns, SuggestionCalibration.Identity, firstLevel.FoldOf);
        var combination = fits[folds];
        if (options.BiasOffsets)
            combination = combination.WithBiasOffsets(combination.ChooseBiasOffsets(oof.Select((o, i) => (features[i], Category(o.Gold), NoneGuard(i))).ToArray()));
        var shipped = Calibrate(combination, raw.Select(r => (r.Gold, r.Suggestion)));
        return new CrossValidationResult(columns, shipped, firstLevel.FoldOf);
    }
}
