using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory evaluate</c>: classifies the columns of one or more gold files (names and types only, or after
/// scanning a database with <c>--connection</c>) and prints precision, recall and F1 per category, macro-F1, accuracy,
/// subcategory accuracy and the confusion matrix, per file and pooled, as tables and optionally as JSON.
/// Exit 0 when measured, 2 on bad input (missing or malformed gold file, unknown classifier, unreachable database).</summary>
internal sealed partial class EvaluateCommand(IAnsiConsole console) : AsyncCommand<EvaluateCommand.Settings>
{
    /// <summary>Command-line settings of <c>inventory evaluate</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Gold TSV files.</summary>
        [CommandOption("--gold <FILE>")]
        [Description("Gold TSV file (table, column, data_type, category, subcategory, note). Repeat for several files: pooled and per-file figures.")]
        public string[] Gold { get; init; } = [];

        /// <summary>Database to scan first.</summary>
        [CommandOption("--connection <CONN>")]
        [Description("Scan this database (URI or connection string; '${NAME}', single-quoted, reads the environment variable NAME) and classify with sampled values; gold rows are matched to scanned columns by table and column name (case-insensitive).")]
        public string? Connection { get; init; }

        /// <summary>JSON output file.</summary>
        [CommandOption("--json <FILE>")]
        [Description("Also write the figures as JSON to this file.")]
        public string? Json { get; init; }

        /// <summary>Classifier kind.</summary>
        [CommandOption("--classifier <KIND>")]
        [Description("rules, model or combined (default combined).")]
        public string Classifier { get; init; } = "combined";

        /// <summary>Corpus folder to cross-validate on.</summary>
        [CommandOption("--cross-validate <DIR>")]
        [Description("Cross-validate over the applications of this corpus folder (one TSV per application): train on the other folds, test on each, names and types only. Replaces --gold.")]
        public string? CrossValidate { get; init; }

        /// <summary>Group fold count.</summary>
        [CommandOption("--folds <K>")]
        [Description("Group folds of the cross-validation (default 5; 0 = leave one application out).")]
        public int Folds { get; init; } = 5;

        /// <summary>Seed.</summary>
        [CommandOption("--seed <N>")]
        [Description("Seed of the fold assignment and the training (default 1).")]
        public int Seed { get; init; } = 1;

        /// <summary>Learner of the cross-validation.</summary>
        [CommandOption("--learner <NAME>")]
        [Description("Learner compared in cross-validation: sdca or lbfgs (default: the shipped one).")]
        public string? Learner { get; init; }

        /// <summary>L2 regularisation of L-BFGS.</summary>
        [CommandOption("--l2 <X>")]
        [Description("L2 regularisation of the L-BFGS learner in cross-validation (default: the shipped one).")]
        public float? L2 { get; init; }

        /// <summary>Minimum number of training rows a vocabulary term must occur in.</summary>
        [CommandOption("--min-term-count <N>")]
        [Description("Keep a feature term (word, character n-gram, …) only when it occurs in at least N training rows, in cross-validation (default: the shipped 1).")]
        public int? MinimumTermCount { get; init; }

        /// <summary>Leave the rule decision out of the model's features.</summary>
        [CommandOption("--without-rules")]
        [Description("Cross-validate the model alone: no rule decision in the model nor in the combination (ablation).")]
        public bool WithoutRules { get; init; }

        /// <summary>Feed the rule decision to the first-level model too (the previous design).</summary>
        [CommandOption("--rules-in-first-level")]
        [Description("Cross-validate a first-level model that also reads the rule decision as features (the previous design; by default the rules enter only the stacked combination).")]
        public bool RulesInFirstLevel { get; init; }

        /// <summary>Measure every name rule and gate group by leaving it out.</summary>
        [CommandOption("--ablate-rules")]
        [Description("With --cross-validate: the first level once (a model that does not read the rules), then for every name rule and every negative-evidence group (gate suffixes, prefixes, type gates, context gates, none by type) the pooled figures without it and the delta.")]
        public bool AblateRules { get; init; }

        /// <summary>Screen margin of the rule ablation.</summary>
        [CommandOption("--ablation-screen <MARGIN>")]
        [Description("With --ablate-rules: score each variant first with the full set's combination of each fold (only the calibration refitted) and refit the combination only when the variant then loses no more than MARGIN of macro-F1 and of personal recall (e.g. 0.002); the others are marked screened. Default: refit every variant that changes a rule decision.")]
        public double? AblationScreen { get; init; }

        /// <summary>Only the rule decisions each rule changes, per application.</summary>
        [CommandOption("--ablation-decisions-only")]
        [Description("With --ablate-rules: no cross-validation; for every name rule, the corpus rule decisions that change without it, per application (which rules the corpus exercises, and which decide one application's columns only).")]
        public bool AblationDecisionsOnly { get; init; }

        /// <summary>Leave the table signals out of the first-level model.</summary>
        [CommandOption("--without-table-signals")]
        [Description("Cross-validate a first-level model without the table signals (what the name rules say the table holds, joined to the column's name tokens).")]
        public bool WithoutTableSignals { get; init; }

        /// <summary>Exponent of the combination's class weights.</summary>
        [CommandOption("--class-weight-power <X>")]
        [Description("Exponent of the stacked combination's class weights (count of none / count of the category)^X in cross-validation (default: the shipped one).")]
        public double? ClassWeightPower { get; init; }

        /// <summary>Feed the table context to the combination.</summary>
        [CommandOption("--table-context")]
        [Description("Cross-validate a combination that also reads the table context (the other columns' model distributions: mean and largest per category, share of personal ones); not shipped.")]
        public bool TableContext { get; init; }

        /// <summary>Per-category decision offsets of the combination.</summary>
        [CommandOption("--bias-offsets")]
        [Description("Cross-validate a combination whose category scores are moved by offsets chosen for macro-F1 on the rows it was fitted on (per-category decision thresholds; each fold's on the other folds' rows).")]
        public bool BiasOffsets { get; init; }

        /// <summary>Class-weight powers to compare over one first level.</summary>
        [CommandOption("--compare-combinations <POWERS>")]
        [Description("With --cross-validate: after the main figures, the pooled figures of the combination with each of these comma-separated class-weight powers, with and without the table context, over the same first level.")]
        public string? CompareCombinations { get; init; }

        /// <summary>Grouping of the calibration.</summary>
        [CommandOption("--calibration-groups <MODE>")]
        [Description("With --cross-validate: one isotonic calibration map per group of suggestions: pooled, category (the suggested category), basis (rule and model agree, rule alone, model alone, model over the rule) or category-and-basis (default: the shipped one).")]
        public string? CalibrationGroups { get; init; }

        /// <summary>Fewest suggestions of a calibration group.</summary>
        [CommandOption("--minimum-group-size <N>")]
        [Description("With --cross-validate: fewest out-of-fold suggestions a calibration group needs for its own map; a smaller one takes the pooled map (default: the shipped one).")]
        public int? MinimumGroupSize { get; init; }

        /// <summary>Fewest suggestions of an isotonic block.</summary>
        [CommandOption("--minimum-block-size <N>")]
        [Description("With --cross-validate: fewest out-of-fold suggestions of a block of an isotonic calibration map; a smaller block is merged into its neighbour (default: the shipped one; 1 = plain pool-adjacent-violators).")]
        public int? MinimumBlockSize { get; init; }

        /// <summary>Leaning threshold on the combination's probability of none.</summary>
        [CommandOption("--lean-below <P>")]
        [Description("With --cross-validate: a column whose most probable category is none at a combination probability under P is suggested its most probable personal category instead, unless the model and the rule both say none (default: the shipped one; 0 = off).")]
        public double? LeanBelow { get; init; }

        /// <summary>Calibration method.</summary>
        [CommandOption("--calibration-method <METHOD>")]
        [Description("With --cross-validate: how each calibration map turns a score into a confidence: isotonic (pool-adjacent-violators) or platt (a sigmoid of the score's log-odds) (default: the shipped one).")]
        public string? CalibrationMethod { get; init; }

        /// <summary>Leaning threshold towards a name rule's personal category.</summary>
        [CommandOption("--lean-to-rule-below <P>")]
        [Description("With --cross-validate: a column whose most probable category is none at a combination probability under P, while a name rule decided a personal category, is suggested the rule's category (default: the shipped one; 0 = off).")]
        public double? LeanToRuleBelow { get; init; }

        /// <summary>Leaning thresholds to compare over one first level.</summary>
        [CommandOption("--compare-leanings <THRESHOLDS>")]
        [Description("With --cross-validate: after the main figures, the pooled figures with each of these comma-separated leaning thresholds (--lean-below) over the same first level and combination: macro-F1, personal recall and precision, precision and coverage at ≥ 0.9, F1 per category.")]
        public string? CompareLeanings { get; init; }

        /// <summary>Per-column TSV of the cross-validation's out-of-fold outcomes.</summary>
        [CommandOption("--predictions <FILE>")]
        [Description("With --cross-validate: also write every column's out-of-fold outcome as TSV (application, fold, table, column, type, gold, predicted, confidence, the rule's decision and rule id, the first level's top category and its probability), for grouping the errors by kind. Names and types only: the corpus holds no values.")]
        public string? Predictions { get; init; }

        /// <summary>File keeping the first level between runs.</summary>
        [CommandOption("--first-level-cache <FILE>")]
        [Description("With --cross-validate: read the first level (every column's out-of-fold model distribution) from this file when it was computed from the same model inputs, folds, seed and training options (SHA-256 fingerprint), else compute it and write it there. A rule change that leaves the model inputs unchanged then refits only the combination; --ablate-rules reads and writes the same entry. Delete the file after changing the trainer's code.")]
        public string? FirstLevelCache { get; init; }

        /// <summary>Model file to use instead of the embedded one.</summary>
        [CommandOption("--model <FILE>")]
        [Description("Model file to use instead of the embedded one (e.g. a fresh 'inventory train' output).")]
        public string? Model { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Gold.Length == 0 && CrossValidate is null) return ValidationResult.Error("--gold (one or more gold TSV files) or --cross-validate (a corpus folder) is required");
            if (Gold.Length > 0 && CrossValidate is not null) return ValidationResult.Error("--gold and --cross-validate exclude each other");
            if (Folds is < 0 or 1) return ValidationResult.Error($"--folds must be 0 (leave one application out) or at least 2, not {Folds}");
            if (Learner is not (null or "sdca" or "lbfgs"))
                return ValidationResult.Error($"--learner must be sdca or lbfgs, not '{Learner}'" +
                    (Learner == "lightgbm" ? " (LightGBM was removed: the model is a linear scorer, rules/MODEL.md)" : ""));
            if (MinimumTermCount is < 1) return ValidationResult.Error($"--min-term-count must be at least 1, not {MinimumTermCount}");
            if ((Predictions is not null || FirstLevelCache is not null) && CrossValidate is null)
                return ValidationResult.Error("--predictions and --first-level-cache need --cross-validate (a corpus folder)");
            if (AblateRules && CrossValidate is null) return ValidationResult.Error("--ablate-rules needs --cross-validate (a corpus folder)");
            if (AblateRules && (WithoutRules || RulesInFirstLevel))
                return ValidationResult.Error("--ablate-rules measures the rules in the combination over a first level without them; it excludes --without-rules and --rules-in-first-level");
            if (AblationDecisionsOnly && !AblateRules) return ValidationResult.Error("--ablation-decisions-only needs --ablate-rules");
            if (AblationScreen is not null && !AblateRules) return ValidationResult.Error("--ablation-screen needs --ablate-rules");
            if (AblationScreen is < 0 or > 1) return ValidationResult.Error($"--ablation-screen must be between 0 and 1, not {AblationScreen}");
            if (ClassWeightPower is < 0 or > 2) return ValidationResult.Error($"--class-weight-power must be between 0 and 2, not {ClassWeightPower}");
            if (CompareCombinations is not null && Powers(CompareCombinations) is null)
                return ValidationResult.Error($"--compare-combinations takes comma-separated powers between 0 and 2 (e.g. 0.25,0.3,0.35), not '{CompareCombinations}'");
            if (CalibrationGroups is not null && SuggestionCalibration.ParseGrouping(CalibrationGroups) is null)
                return ValidationResult.Error($"--calibration-groups must be pooled, category, basis or category-and-basis, not '{CalibrationGroups}'");
            if (MinimumBlockSize is < 1) return ValidationResult.Error($"--minimum-block-size must be at least 1, not {MinimumBlockSize}");
            if (MinimumGroupSize is < 1) return ValidationResult.Error($"--minimum-group-size must be at least 1, not {MinimumGroupSize}");
            if (LeanBelow is < 0 or > 1) return ValidationResult.Error($"--lean-below must be between 0 and 1, not {LeanBelow}");
            if (LeanToRuleBelow is < 0 or > 1) return ValidationResult.Error($"--lean-to-rule-below must be between 0 and 1, not {LeanToRuleBelow}");
            if (CalibrationMethod is not null and not "isotonic" and not "platt")
                return ValidationResult.Error($"--calibration-method must be isotonic or platt, not '{CalibrationMethod}'");
            if (CompareLeanings is not null && Thresholds(CompareLeanings) is null)
                return ValidationResult.Error($"--compare-leanings takes comma-separated thresholds between 0 and 1 (e.g. 0,0.55,0.6), not '{CompareLeanings}'");
            if ((CalibrationGroups ?? CompareLeanings ?? CalibrationMethod ?? (object?)MinimumGroupSize ?? (object?)MinimumBlockSize ?? LeanBelow ?? LeanToRuleBelow) is not null
                && CrossValidate is null)
                return ValidationResult.Error("--calibration-groups, --calibration-method, --minimum-group-size, --minimum-block-size, --lean-below, --lean-to-rule-below and --compare-leanings need --cross-validate (a corpus folder)");
            if (Classifier is not ("rules" or "model" or "combined"))
                return ValidationResult.Error($"--classifier must be rules, model or combined, not '{Classifier}'");
            return OutputPaths.Validate(new OutputOption("--json", Json, OutputKind.File), new OutputOption("--predictions", Predictions, OutputKind.File),
                new OutputOption("--first-level-cache", FirstLevelCache, OutputKind.File));
        }
    }

    /// <summary>The powers of <c>--compare-combinations</c> (each in [0, 2]), or null when the list is malformed.</summary>
    internal static double[]? Powers(string list) => NumberList(list, 2);

    /// <summary>The thresholds of <c>--compare-leanings</c> (each in [0, 1]), or null when the list is malformed.</summary>
    internal static double[]? Thresholds(string list) => NumberList(list, 1);

    private static double[]? NumberList(string list, double largest)
    {
        var parts = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var numbers = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !(numbers[i] >= 0 && numbers[i] <= largest)) return null;
        return numbers.Length == 0 ? null : numbers;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.CrossValidate is not null && settings.AblateRules) return RunAblation(settings);
        if (settings.CrossValidate is not null) return RunCrossValidation(settings);
        var kind = settings.Classifier switch { "rules" => ClassifierKind.Rules, "model" => ClassifierKind.Model, _ => ClassifierKind.Combined };
        var classifier = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = kind, ModelPath = settings.Model });
        var golds = settings.Gold.Select(path => (Path: path, Rows: GoldFile.Read(path))).ToArray();
        var results = new List<GoldFileResult>();
        if (settings.Connection is null)
        {
            foreach (var (path, rows) in golds)
                results.Add(GoldEvaluator.EvaluateNamesOnly(classifier, Path.GetFileName(path), rows));
        }
        else
        {
            var runner = new ScanRunner(classifier);
            var document = await runner.RunAsync(new ScanRequest
            {
                Sources = [new SourceConfig
                {
                    Connection = InventoryConfig.ResolveConnectionFlag(settings.Connection, null, Environment.GetEnvironmentVariable).Connection,
                }],
                Parallelism = 2,
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var (path, rows) in golds)
            {
                var result = Match(Path.GetFileName(path), rows, document);
                // Not one row found: the gold file labels another database (0.000 everywhere read as a classifier failing).
                if (rows.Count > 0 && result.Unmatched == rows.Count)
                    throw new ConfigurationException($"{path}: none of its {rows.Count} rows names a table and column of the scanned database; "
                        + "a gold file goes with the database it labels: check --connection");
                results.Add(result);
            }
        }
        var pooled = GoldEvaluator.Pool(results);
        Print(results, pooled, settings.Classifier, settings.Connection is null ? "names and types" : "scanned with samples");
        if (settings.Json is not null)
            AtomicFile.WriteAllText(settings.Json, ToJson(results, pooled, settings.Classifier, settings.Connection is not null));
        return ExitCodes.Ok;
    }

    private static TrainingOptions Training(Settings settings)
    {
        var training = new TrainingOptions();
        if (settings.Learner is { } learner)
            training = training with { Learner = learner == "sdca" ? ColumnLearner.Sdca : ColumnLearner.Lbfgs };
        if (settings.L2 is { } l2) training = training with { L2Regularization = l2 };
        if (settings.MinimumTermCount is { } minimum) training = training with { MinimumTermCount = minimum };
        return training;
    }

    private int RunAblation(Settings settings)
    {
        var applications = LabelledApplication.ReadCorpus(settings.CrossValidate!);
        if (settings.AblationDecisionsOnly)
        {
            var changes = RuleAblation.DecisionChanges(applications, ClassifierFactory.CreateRules().Rules);
            var lines = changes.Select(c => string.Join('\t', c.Id, c.Category, c.ChangedByApplication.Values.Sum().ToString(CultureInfo.InvariantCulture),
                c.ChangedByApplication.Count.ToString(CultureInfo.InvariantCulture),
                string.Join(';', c.ChangedByApplication.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}:{p.Value}")))));
            var text = "rule\tcategory\tchanged\tapplications\tper application\n" + string.Join('\n', lines) + "\n";
            console.Write(new Text(text));
            if (settings.Json is not null) AtomicFile.WriteAllText(settings.Json, text);
            return ExitCodes.Ok;
        }
        var options = new CrossValidationOptions { Folds = settings.Folds, Seed = settings.Seed, Training = Training(settings) };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Progress(string line) => console.Write(new Text($"{line} ({watch.Elapsed.TotalSeconds:0} s)\n"));
        FirstLevelResult? firstLevel = null;
        if (settings.FirstLevelCache is { } cache)
        {
            // The same entry as a cross-validation with the rules in the combination only: the ablation's first level does not read them.
            firstLevel = Inventory.Rules.Learning.FirstLevelCache.GetOrCompute(cache, applications, options, null,
                () => RuleAblation.FirstLevel(applications, options, Progress), out bool hit);
            console.Write(new Text(hit ? $"first level read from {cache} (same model inputs)\n" : $"first level computed and written to {cache}\n"));
        }
        var result = RuleAblation.Run(applications, ClassifierFactory.CreateRules().Rules, options, progress: Progress, firstLevel: firstLevel, screen: settings.AblationScreen);
        RuleAblationReport.Print(console, result);
        if (settings.Json is not null) AtomicFile.WriteAllText(settings.Json, RuleAblationReport.ToJson(result, settings.Folds, settings.Seed));
        console.Write(new Text($"ablation took {watch.Elapsed.TotalSeconds:0} s\n"));
        return ExitCodes.Ok;
    }

    private int RunCrossValidation(Settings settings)
    {
        var applications = LabelledApplication.ReadCorpus(settings.CrossValidate!);
        var training = Training(settings);
        var combination = new CombinationOptions(settings.ClassWeightPower ?? StackedCombination.ClassWeightPower, settings.TableContext, settings.BiasOffsets)
        {
            CalibrationGroups = settings.CalibrationGroups is { } groups ? SuggestionCalibration.ParseGrouping(groups)!.Value : CombinationOptions.ShippedCalibrationGroups,
            MinimumGroupSize = settings.MinimumGroupSize ?? SuggestionCalibration.DefaultMinimumGroupSize,
            MinimumBlockSize = settings.MinimumBlockSize ?? CombinationOptions.ShippedMinimumBlockSize,
            LeanBelow = settings.LeanBelow ?? CombinationOptions.ShippedLeanBelow,
            LeanToRuleBelow = settings.LeanToRuleBelow ?? CombinationOptions.ShippedLeanToRuleBelow,
            CalibrationMethod = settings.CalibrationMethod is "isotonic" ? Inventory.Rules.Learning.CalibrationMethod.Isotonic
                : settings.CalibrationMethod is "platt" ? Inventory.Rules.Learning.CalibrationMethod.Platt : CombinationOptions.ShippedCalibrationMethod,
        };
        var options = new CrossValidationOptions
        {
            Folds = settings.Folds, Seed = settings.Seed, Training = training, UseRules = !settings.WithoutRules,
            RulesInFirstLevel = settings.RulesInFirstLevel, Combination = combination, TableSignals = !settings.WithoutTableSignals,
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // The first level and the combination separately (what CrossValidation.Run does), so --compare-combinations
        // refits only the combination over the same first level.
        var decisions = options.UseRules ? CrossValidation.RuleDecisions(applications, ClassifierFactory.CreateRules()) : null;
        FirstLevelResult ComputeFirstLevel() => CrossValidation.FirstLevel(applications, options.RulesInFirstLevel ? decisions : null, options,
            (fold, folds) => console.Write(new Text($"fold {fold}/{folds} done ({watch.Elapsed.TotalSeconds:0} s)\n")));
        FirstLevelResult firstLevel;
        if (settings.FirstLevelCache is { } cache)
        {
            firstLevel = Inventory.Rules.Learning.FirstLevelCache.GetOrCompute(cache, applications, options, decisions, ComputeFirstLevel, out bool hit);
            console.Write(new Text(hit ? $"first level read from {cache} (same model inputs)\n" : $"first level computed and written to {cache}\n"));
        }
        else firstLevel = ComputeFirstLevel();
        var cv = CrossValidation.Combine(applications, firstLevel, decisions, options.Seed, false, null, out var fits, combination);
        var folds = cv.FoldOf.Values.Max() + 1;
        var label = $"cross-validated, {folds} group folds, seed {settings.Seed}, learner {training.Learner.ToString().ToLowerInvariant()}" +
            (training.Learner == ColumnLearner.Lbfgs ? string.Create(CultureInfo.InvariantCulture, $" (L2 {training.L2Regularization})") : "") +
            (settings.WithoutTableSignals ? ", without table signals" : ", table signals") +
            (training.MinimumTermCount > 1 ? string.Create(CultureInfo.InvariantCulture, $", terms in ≥ {training.MinimumTermCount} rows") : "") +
            (settings.WithoutRules ? ", without rules" : settings.RulesInFirstLevel ? ", rules in the model and the combination" : ", rules in the combination") +
            string.Create(CultureInfo.InvariantCulture, $", stacked combination (class-weight power {combination.ClassWeightPower}{(combination.TableContext ? ", table context" : "")}{(combination.BiasOffsets ? ", bias offsets" : "")}"
                + $"{(combination.LeanBelow > 0 ? $", leaning below {combination.LeanBelow}" : "")}"
                + $"{(combination.LeanToRuleBelow > 0 ? $", leaning to a personal rule below {combination.LeanToRuleBelow}" : "")}), calibration "
                + $"{(combination.CalibrationMethod == Inventory.Rules.Learning.CalibrationMethod.Platt ? "Platt" : "isotonic")} {SuggestionCalibration.GroupingName(combination.CalibrationGroups)}"
                + $"{(combination.CalibrationGroups == CalibrationGrouping.Pooled ? "" : $" (groups of ≥ {combination.MinimumGroupSize})")}"
                + $"{(combination.MinimumBlockSize > 1 && combination.CalibrationMethod == Inventory.Rules.Learning.CalibrationMethod.Isotonic ? $", blocks of ≥ {combination.MinimumBlockSize}" : "")}");
        ReportCrossValidation(applications, cv, label, settings.Json);
        if (settings.Predictions is { } predictions) WritePredictions(predictions, applications, cv, firstLevel, decisions);
        if (settings.CompareCombinations is { } list) CompareCombinations(applications, firstLevel, decisions, settings.Seed, Powers(list)!, fits, combination);
        if (settings.CompareLeanings is { } leanings) CompareLeanings(applications, firstLevel, decisions, settings.Seed, Thresholds(leanings)!, fits, combination);
        console.Write(new Text($"cross-validation took {watch.Elapsed.TotalSeconds:0} s\n"));
        return ExitCodes.Ok;
    }

    /// <summary>Prints a cross-validation's figures (per application, pooled, per category, confusion, personal vs none,
    /// confidence bands) and writes them as JSON when <paramref name="json"/> is given; used by <c>evaluate
    /// --cross-validate</c> and by <c>train</c>, whose calibration comes from the same out-of-fold predictions.</summary>
    /// <param name="applications">The corpus applications, in report order.</param>
    /// <param name="cv">The cross-validation result.</param>
    /// <param name="label">What was cross-validated (folds, seed, learner), printed in the heading.</param>
    /// <param name="json">JSON output path, or null.</param>
    internal void ReportCrossValidation(IReadOnlyList<LabelledApplication> applications, CrossValidationResult cv, string label, string? json)
    {
        var results = applications.Select(a =>
        {
            var columns = cv.Columns.Where(c => c.Application == a.Name).ToArray();
            var pairs = columns.Select(c => (c.Gold, (string?)c.Predicted)).ToArray();
            return new GoldFileResult(a.Name, pairs, ClassificationMetrics.Compute(pairs)) { Confidences = columns.Select(c => c.Confidence).ToArray() };
        }).ToArray();
        var pooled = GoldEvaluator.Pool(results);
        Print(results, pooled, "model", label);
        var byCategory = ConfidenceBand.ComputeBySuggestedCategory(cv.Columns.Select(c => (c.Gold, (string?)c.Predicted, c.Confidence)).ToArray());
        PrintBySuggestedCategory(byCategory);
        if (json is not null)
            AtomicFile.WriteAllText(json, ToJson(results, pooled, "model", false, label, byCategory));
    }

    /// <summary>Prints the calibration per suggested category: one row per confidence band (≥ 0.5), per category the
    /// precision and the number of suggestions in the band.</summary>
    private void PrintBySuggestedCategory(IReadOnlyList<(string Category, IReadOnlyList<ConfidenceBand> Bands)> byCategory)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().AddColumn("confidence").AddColumns(byCategory.Select(c => c.Category).ToArray());
        for (int b = 0; b < byCategory[0].Bands.Count; b++)
        {
            var band = byCategory[0].Bands[b];
            var cells = byCategory.Select(c => c.Bands[b]).Select(x => x.Count == 0 ? "" : $"{x.Precision.ToString("0.000", inv)} ({x.Count.ToString(inv)})");
            table.AddRow(new[] { band.High >= 1 ? $"≥ {band.Low.ToString("0.0", inv)}" : $"{band.Low.ToString("0.0", inv)}–{band.High.ToString("0.0", inv)}" }
                .Concat(cells).Select(t => (Spectre.Console.Rendering.IRenderable)new Text(t)).ToArray());
        }
        console.Write(new Text("calibration per suggested category: precision (suggestions) per confidence band\n"));
        console.Write(table);
    }

    /// <summary>Matches gold rows to the scanned columns (<see cref="GoldEvaluator.EvaluateScanned"/>).</summary>
    internal static GoldFileResult Match(string name, IReadOnlyList<GoldRow> rows, InventoryDocument document) =>
        GoldEvaluator.EvaluateScanned(name, rows, document);

    private void Print(IReadOnlyList<GoldFileResult> results, ClassificationMetrics pooled, string classifier, string mode)
    {
        var inv = CultureInfo.InvariantCulture;
        console.Write(new Rule(Markup.Escape($"classifier: {classifier} ({mode})")).LeftJustified());
        var files = new Table().AddColumn(new TableColumn("gold file").NoWrap()).AddColumns("rows", "macro-F1", "accuracy", "subcat. acc.", "unmatched");
        foreach (var r in results)
            files.AddRow(new Text(Path.GetFileNameWithoutExtension(r.Name)), new Text(r.Metrics.Total.ToString(inv)), new Text(r.Metrics.MacroF1.ToString("0.000", inv)),
                new Text(r.Metrics.Accuracy.ToString("0.000", inv)), new Text(r.Metrics.SubcategoryAccuracy.ToString("0.000", inv)),
                new Text(r.Unmatched.ToString(inv)));
        if (results.Count > 1)
            files.AddRow(new Text("pooled"), new Text(pooled.Total.ToString(inv)), new Text(pooled.MacroF1.ToString("0.000", inv)),
                new Text(pooled.Accuracy.ToString("0.000", inv)), new Text(pooled.SubcategoryAccuracy.ToString("0.000", inv)),
                new Text(results.Sum(r => r.Unmatched).ToString(inv)));
        console.Write(files);
        var scores = new Table().AddColumns("category", "support", "predicted", "precision", "recall", "F1");
        foreach (var s in pooled.Scores)
            scores.AddRow(new Text(s.Category), new Text(s.Support.ToString(inv)), new Text(s.Predicted.ToString(inv)),
                new Text(s.Precision.ToString("0.000", inv)), new Text(s.Recall.ToString("0.000", inv)), new Text(s.F1.ToString("0.000", inv)));
        console.Write(scores);
        var categories = pooled.Scores.Select(s => s.Category).ToList();
        var predicted = categories.Append(ClassificationMetrics.Undecided).ToList();
        // Short headings (the category's first letters) keep the matrix readable at 80 columns; the legend is the row labels.
        var confusion = new Table().AddColumn(new TableColumn("gold \\ predicted").NoWrap());
        foreach (var c in predicted) confusion.AddColumn(new TableColumn(new Text(Abbreviation(c))).RightAligned());
        foreach (var g in categories)
            confusion.AddRow(predicted.Select(p => (Spectre.Console.Rendering.IRenderable)new Text(pooled.Confusion.GetValueOrDefault((g, p)).ToString(inv)))
                .Prepend(new Text($"{g} ({Abbreviation(g)})")).ToArray());
        console.Write(confusion);
        var all = results.SelectMany(Columns).ToArray();
        var personal = PersonalVsNone.Compute(all.Select(c => (c.Gold, c.Predicted)));
        console.Write(new Text($"personal vs none (untagged counts as flagged): recall {personal.Recall.ToString("0.000", inv)}  " +
            $"precision {personal.Precision.ToString("0.000", inv)}  ({personal.FlaggedPersonal}/{personal.Personal} personal flagged, {personal.Flagged} flagged)\n"));
        var bands = new Table().AddColumns("confidence", "suggestions", "precision", "coverage", "cumulative precision", "cumulative coverage");
        int cumCount = 0, cumRight = 0;
        foreach (var b in ConfidenceBand.Compute(all))
        {
            cumCount += b.Count;
            cumRight += b.Right;
            bands.AddRow(new Text(b.High >= 1 ? $"≥ {b.Low.ToString("0.0", inv)}" : $"{b.Low.ToString("0.0", inv)}–{b.High.ToString("0.0", inv)}"),
                new Text(b.Count.ToString(inv)), new Text(b.Precision.ToString("0.000", inv)), new Text(b.Coverage.ToString("0.000", inv)),
                new Text((cumCount == 0 ? 0 : (double)cumRight / cumCount).ToString("0.000", inv)),
                new Text((all.Length == 0 ? 0 : (double)cumCount / all.Length).ToString("0.000", inv)));
        }
        console.Write(bands);
        console.Write(new Text($"untagged {all.Count(c => c.Predicted is null)} of {all.Length}\n"));
        console.Write(new Text($"macro-F1 {pooled.MacroF1.ToString("0.000", inv)}  accuracy {pooled.Accuracy.ToString("0.000", inv)}  " +
            $"subcategory accuracy {pooled.SubcategoryAccuracy.ToString("0.000", inv)} over {pooled.Total} columns\n"));
    }

    private static IEnumerable<(string Gold, string? Predicted, double Confidence)> Columns(GoldFileResult r) =>
        r.Pairs.Select((p, i) => (p.Gold, p.Predicted, i < r.Confidences.Count ? r.Confidences[i] : 0));

    private static string Abbreviation(string category)
    {
        var word = category.Trim('(', ')');
        return word.Length <= 4 ? word : word[..3].ToUpperInvariant();
    }

    internal static string ToJson(IReadOnlyList<GoldFileResult> results, ClassificationMetrics pooled, string classifier, bool scanned, string? crossValidation = null,
        IReadOnlyList<(string Category, IReadOnlyList<ConfidenceBand> Bands)>? bySuggestedCategory = null)
    {
        static JsonArray Bands(IEnumerable<ConfidenceBand> bands) => new(bands.Select(b => (JsonNode)new JsonObject
        {
            ["low"] = b.Low,
            ["high"] = b.High,
            ["count"] = b.Count,
            ["precision"] = Math.Round(b.Precision, 4),
            ["coverage"] = Math.Round(b.Coverage, 4),
        }).ToArray());
        JsonObject Metrics(ClassificationMetrics m) => new()
        {
            ["rows"] = m.Total,
            ["macroF1"] = Math.Round(m.MacroF1, 4),
            ["accuracy"] = Math.Round(m.Accuracy, 4),
            ["subcategoryAccuracy"] = Math.Round(m.SubcategoryAccuracy, 4),
            ["categories"] = new JsonArray(m.Scores.Select(s => (JsonNode)new JsonObject
            {
                ["category"] = s.Category,
                ["support"] = s.Support,
                ["predicted"] = s.Predicted,
                ["precision"] = Math.Round(s.Precision, 4),
                ["recall"] = Math.Round(s.Recall, 4),
                ["f1"] = Math.Round(s.F1, 4),
            }).ToArray()),
            ["confusion"] = new JsonArray(m.Confusion.Select(kv => (JsonNode)new JsonObject
            {
                ["gold"] = kv.Key.Gold,
                ["predicted"] = kv.Key.Predicted,
                ["count"] = kv.Value,
            }).ToArray()),
        };
        var all = results.SelectMany(Columns).ToArray();
        var personal = PersonalVsNone.Compute(all.Select(c => (c.Gold, c.Predicted)));
        var root = new JsonObject
        {
            ["classifier"] = classifier,
            ["mode"] = scanned ? "scanned" : "names-and-types",
            ["pooled"] = Metrics(pooled),
            ["personalVsNone"] = new JsonObject
            {
                ["personal"] = personal.Personal,
                ["flagged"] = personal.Flagged,
                ["flaggedPersonal"] = personal.FlaggedPersonal,
                ["recall"] = Math.Round(personal.Recall, 4),
                ["precision"] = Math.Round(personal.Precision, 4),
            },
            ["untagged"] = all.Count(c => c.Predicted is null),
            ["calibration"] = Bands(ConfidenceBand.Compute(all)),
            ["crossValidation"] = crossValidation,
            ["files"] = new JsonArray(results.Select(r =>
            {
                var o = Metrics(r.Metrics);
                o["file"] = r.Name;
                o["unmatched"] = r.Unmatched;
                return (JsonNode)o;
            }).ToArray()),
        };
        if (bySuggestedCategory is not null)
            root["calibrationBySuggestedCategory"] = new JsonObject(bySuggestedCategory.Select(c => KeyValuePair.Create(c.Category, (JsonNode?)Bands(c.Bands))));
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
