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
}

/// <summary>One column's out-of-fold outcome.</summary>
/// <param name="Application">Its application.</param>
/// <param name="Fold">The fold it was tested in.</param>
/// <param name="Gold">Gold label.</param>
/// <param name="Predicted">Suggested label (never null: every column gets a suggestion).</param>
/// <param name="Confidence">Calibrated confidence (calibration fitted on the other folds only).</param>
public sealed record CrossValidatedColumn(string Application, int Fold, string Gold, string Predicted, double Confidence);

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
        Inputs(application, rules?.ClassifyMany(GoldFile.ToEvidence(application.Rows)));

    private static IReadOnlyList<ColumnModelInput> Inputs(LabelledApplication application, IReadOnlyList<ColumnClassification>? decisions)
    {
        var evidence = GoldFile.ToEvidence(application.Rows);
        var inputs = ColumnFeatures.BuildMany(evidence, decisions);
        for (int i = 0; i < evidence.Count; i++) inputs[i].Label = application.Rows[i].DataCategory;
        return inputs;
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

    /// <summary>Runs the cross-validation.</summary>
    /// <param name="applications">The corpus applications (at least two).</param>
    /// <param name="rules">The rule classifier (used when <see cref="CrossValidationOptions.UseRules"/>).</param>
    /// <param name="options">Folds, seed, learner.</param>
    /// <param name="progress">Called after each fold with (fold, folds), or null.</param>
    /// <returns>Every column's out-of-fold outcome, the threshold and the shippable calibration.</returns>
    /// <exception cref="ConfigurationException">Fewer than two applications.</exception>
    public static CrossValidationResult Run(IReadOnlyList<LabelledApplication> applications, IColumnClassifier? rules,
        CrossValidationOptions options, Action<int, int>? progress = null)
    {
        if (applications.Count < 2) throw new ConfigurationException("cross-validation needs at least two applications");
        var foldOf = AssignFolds(applications, options.Folds, options.Seed);
        int folds = foldOf.Values.Max() + 1;
        var ruleDecisions = applications.ToDictionary(a => a.Name,
            a => options.UseRules && rules is not null ? rules.ClassifyMany(GoldFile.ToEvidence(a.Rows)) : null, StringComparer.Ordinal);
        var inputs = applications.ToDictionary(a => a.Name, a => Inputs(a, ruleDecisions[a.Name]), StringComparer.Ordinal);
        var oof = new List<(string App, int Fold, string Gold, IReadOnlyList<string> Labels, IReadOnlyList<float> Distribution, ColumnClassification? Rule)>();
        for (int fold = 0; fold < folds; fold++)
        {
            var train = applications.Where(a => foldOf[a.Name] != fold).SelectMany(a => inputs[a.Name]).ToArray();
            var model = ColumnModelTrainer.Train(train, options.Training with { Seed = options.Seed });
            foreach (var app in applications.Where(a => foldOf[a.Name] == fold))
            {
                var predictions = model.Predict(inputs[app.Name]);
                for (int i = 0; i < predictions.Count; i++)
                    oof.Add((app.Name, fold, app.Rows[i].DataCategory, model.Labels, predictions[i].Distribution, ruleDecisions[app.Name]?[i]));
            }
            progress?.Invoke(fold + 1, folds);
        }
        static string Category(string label) => DataCategory.TopLevelOf(label);
        var features = oof.Select(o => StackedCombination.Features(o.Labels, o.Distribution, o.Rule)).ToArray();
        var combinationByFold = Enumerable.Range(0, folds).Select(f => StackedCombination.Fit(
            oof.Select((o, i) => (o, i)).Where(p => p.o.Fold != f).Select(p => (features[p.i], Category(p.o.Gold))).ToArray(), options.Seed)).ToArray();
        var policyByFold = combinationByFold.Select(c => new SuggestionCalibration(c, [], [])).ToArray();
        var raw = oof.Select(o => (o.App, o.Fold, o.Gold,
            Suggestion: policyByFold[o.Fold].Suggest(o.Labels, o.Distribution, o.Rule), o.Rule)).ToArray();
        static bool Right(string gold, RawSuggestion s) => Category(gold) == Category(s.DataCategory);
        var byFold = Enumerable.Range(0, folds).Select(f => SuggestionCalibration.Fit(combinationByFold[f],
            raw.Where(r => r.Fold != f).Select(r => (r.Suggestion.Score, Right(r.Gold, r.Suggestion))))).ToArray();
        var columns = applications.SelectMany(a => raw.Where(r => r.App == a.Name)).Select(r =>
        {
            var model = new ColumnClassification
            {
                DataCategory = r.Suggestion.DataCategory,
                Confidence = byFold[r.Fold].Confidence(r.Suggestion.Score),
                Origin = Origin.Model,
                Evidence = [new EvidenceItem("model", "model.column", r.Suggestion.DataCategory, Score: r.Suggestion.Score)],
            };
            var decided = r.Rule is null ? model : CombinedClassifier.Combine(r.Rule, model);
            return new CrossValidatedColumn(r.App, r.Fold, r.Gold, decided.DataCategory!, decided.Confidence);
        }).ToArray();
        var combination = StackedCombination.Fit(oof.Select((o, i) => (features[i], Category(o.Gold))).ToArray(), options.Seed);
        var shipped = SuggestionCalibration.Fit(combination, raw.Select(r => (r.Suggestion.Score, Right(r.Gold, r.Suggestion))));
        return new CrossValidationResult(columns, shipped, foldOf);
    }
}
