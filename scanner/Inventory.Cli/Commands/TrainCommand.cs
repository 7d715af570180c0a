using System.ComponentModel;
using System.Diagnostics;
using Inventory.Rules.Learning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory train</c>: trains the Microsoft.ML column model from the labelled corpus and saves it (with its
/// input schema) as a zip. Exit 0 when saved, 2 on bad input (missing corpus folder, malformed TSV).</summary>
internal sealed class TrainCommand(IAnsiConsole console) : Command<TrainCommand.Settings>
{
    /// <summary>Command-line settings of <c>inventory train</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Folder of the labelled corpus (*.tsv).</summary>
        [CommandOption("--corpus <DIR>")]
        [Description("Folder of labelled corpus files (*.tsv: table, column, data_type, category, subcategory, language). Default rules/corpus.")]
        public string Corpus { get; init; } = Path.Combine("rules", "corpus");

        /// <summary>Destination zip.</summary>
        [CommandOption("--out <FILE>")]
        [Description("Where to write the model zip. Default rules/model/column-model.zip.")]
        public string Out { get; init; } = Path.Combine("rules", "model", "column-model.zip");

        /// <summary>Seed of the training.</summary>
        [CommandOption("--seed <N>")]
        [Description("Seed of Microsoft.ML and of the synthetic sampled rows (default 1). Same corpus + seed = same predictions.")]
        public int Seed { get; init; } = 1;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var rows = TrainingCorpus.ReadDirectory(settings.Corpus);
        var model = ColumnModelTrainer.Train(rows, new TrainingOptions { Seed = settings.Seed });
        model.Save(settings.Out);
        watch.Stop();
        console.Write(new Text($"trained on {rows.Count} columns ({rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count()} labels) " +
            $"in {watch.Elapsed.TotalSeconds:0.0} s; saved {settings.Out}\n"));
        return ExitCodes.Ok;
    }
}
