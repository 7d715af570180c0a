using System.ComponentModel;
using System.Diagnostics;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Rules.Learning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory train</c>: trains the column model (Microsoft.ML's L-BFGS maximum entropy, exported to our own linear scorer) on the labelled corpus (one TSV per
/// application), after a grouped cross-validation that fits the learned combination of model and rules and the
/// calibration on out-of-fold predictions (and prints its figures); saves the model file (<c>column-model.bin</c>, our own linear scorer) and <c>calibration.json</c> beside it. Same corpus and seed give
/// byte-identical files. Exit 0 when saved, 2 on bad input (missing corpus folder, malformed TSV).</summary>
internal sealed class TrainCommand(IAnsiConsole console) : Command<TrainCommand.Settings>
{
    /// <summary>Command-line settings of <c>inventory train</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Folder of the labelled corpus (*.tsv, one per application).</summary>
        [CommandOption("--corpus <DIR>")]
        [Description("Folder of labelled corpus files, one per application (gold format). Default $INVENTORY_SHARED/data/corpus, else ../shared/data/corpus.")]
        public string? Corpus { get; init; }

        /// <summary>Destination model file.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the model file (calibration.json is written beside it). Default rules/model/column-model.bin.")]
        public string Out { get; init; } = Path.Combine("rules", "model", "column-model.bin");

        /// <summary>Seed of the training.</summary>
        [CommandOption("--seed <N>")]
        [Description("Seed of Microsoft.ML and of the fold assignment (default 1). Same corpus + seed = same files.")]
        public int Seed { get; init; } = 1;

        /// <summary>Group folds of the calibration's cross-validation.</summary>
        [CommandOption("--folds <K>")]
        [Description("Group folds of the cross-validation that fits the calibration (default 5).")]
        public int Folds { get; init; } = 5;

        /// <summary>Where to write the cross-validation's figures as JSON (they are printed in any case).</summary>
        [CommandOption("--report <FILE>")]
        [Description("Also write the figures of the calibration's cross-validation (the same out-of-fold predictions, as 'evaluate --cross-validate' prints them) to this JSON file.")]
        public string? Report { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            Folds < 2 && Folds != 0 ? ValidationResult.Error($"--folds must be 0 or at least 2, not {Folds}")
                : OutputPaths.Validate(new OutputOption("--out", Out, OutputKind.File), new OutputOption("--report", Report, OutputKind.File));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ColumnModelTrainer.RequireTrainingSupport(); // before minutes of reading and feature building
        var watch = Stopwatch.StartNew();
        var corpus = settings.Corpus ?? Path.Combine(Environment.GetEnvironmentVariable("INVENTORY_SHARED") is { Length: > 0 } shared ? shared : Path.Combine("..", "shared"), "data", "corpus");
        var applications = LabelledApplication.ReadCorpus(corpus);
        var rules = ClassifierFactory.CreateRules();
        var options = new CrossValidationOptions { Folds = settings.Folds, Seed = settings.Seed };
        // The shipped first level does not depend on the cross-validation (only the calibration does), so it trains
        // beside the folds: the same single-threaded seeded fit whenever it runs, so the file does not change.
        // It reads the rules only when the cross-validation's did (CrossValidationOptions.RulesInFirstLevel).
        var inputs = applications.SelectMany(a => CrossValidation.Inputs(a, options.RulesInFirstLevel ? rules : null)).ToArray();
        var shippedFit = Task.Run(() => ColumnModelTrainer.Train(inputs, options.Training with { Seed = settings.Seed }), cancellationToken);
        var cv = CrossValidation.Run(applications, rules, options,
            (fold, folds) => console.Write(new Text($"calibration fold {fold}/{folds} ({watch.Elapsed.TotalSeconds:0} s)\n")));
        var label = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"cross-validated, {cv.FoldOf.Values.Max() + 1} group folds, seed {settings.Seed}, as trained, stacked combination");
        new EvaluateCommand(console).ReportCrossValidation(applications, cv, label, settings.Report);
        var model = shippedFit.GetAwaiter().GetResult();
        model.Save(settings.Out);
        var calibrationPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Out))!, "calibration.json");
        AtomicFile.WriteAllText(calibrationPath, cv.Calibration.ToJson());
        watch.Stop();
        console.Write(new Text($"trained on {inputs.Length} columns of {applications.Count} applications ({model.Labels.Count} labels) " +
            $"in {watch.Elapsed.TotalSeconds:0.0} s; saved {settings.Out} and {calibrationPath} ({cv.Calibration})\n"));
        return ExitCodes.Ok;
    }
}
