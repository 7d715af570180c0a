using System.ComponentModel;
using Inventory.Model;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory scan</c>: catalog, sampling, classification, annotations → inventory.json.</summary>
internal sealed class ScanCommand(IAnsiConsole console) : AsyncCommand<ScanCommand.Settings>
{
    public sealed class Settings : ScanSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the inventory (default inventory.json). Written atomically.")]
        public string Out { get; init; } = "inventory.json";

        [CommandOption("--shard <I/N>")]
        [Description("Scan only shard I of N (sources split by a stable hash of their name; a single source by its tables). auto/N takes I from JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs). Join the parts with `inventory merge`.")]
        public string? Shard { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = ScanSupport.LoadConfig(settings);
        var shard = settings.Shard is null ? (ScanShard?)null : ScanShard.Parse(settings.Shard);
        var classifier = Pipeline.CreateClassifier(config);
        var document = await ScanSupport.ScanAsync(console, config, classifier, settings.MaskedExamples, cancellationToken, shard);
        var (annotations, _) = Pipeline.ApplyAnnotations(console, document, config);
        InventoryJson.Write(document, settings.Out);
        ScanSupport.PrintSummary(console, document);
        console.Write(new Text($"inventory written to {settings.Out}\n"));
        if (annotations is { Errors.Count: > 0 })
        {
            console.Write(new Text($"{annotations.Errors.Count} annotation file error(s): fix them and scan again (exit {ExitCodes.BadInput})\n", new Style(Color.Red)));
            return ExitCodes.BadInput;
        }
        if (!document.Complete)
        {
            console.Write(new Text($"scan incomplete: {document.Issues.Count} table(s) or column(s) could not be read (exit {ExitCodes.ScanIncomplete})\n", new Style(Color.Yellow)));
            return ExitCodes.ScanIncomplete;
        }
        return ExitCodes.Ok;
    }
}
