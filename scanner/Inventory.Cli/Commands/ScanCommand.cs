using System.ComponentModel;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory scan</c>: catalog, sampling, classification, annotations → inventory.json.</summary>
internal sealed class ScanCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<ScanCommand.Settings>
{
    public sealed class Settings : ScanSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the inventory (default inventory.json). Written atomically.")]
        public string Out { get; init; } = "inventory.json";

        [CommandOption("--shard <I/N>")]
        [Description("Scan only shard I of N (sources split by a stable hash of their name; a single source by its tables). auto/N takes I from JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs). Join the parts with `inventory merge`.")]
        public string? Shard { get; init; }

        public override ValidationResult Validate()
        {
            var scan = base.Validate();
            return scan.Successful ? OutputPaths.Validate(new OutputOption("--out", Out, OutputKind.File)) : scan;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = settings.ToConfig();
        foreach (var warning in config.LiteralPasswordWarnings())
            errors.Line(warning);
        var shard = settings.Shard is null ? (ScanShard?)null : ScanShard.Parse(settings.Shard);
        var flow = new InventoryFlow(config);
        // scan merges only annotations a flag or the config names, never a folder that happens to lie here; a flag's
        // path is checked before sampling, a configured folder not created yet means no annotations yet.
        var location = AnnotationsLocation.Named(settings.Annotations, config)?.EnsureUsable();
        // The config's policy, read before sampling, so the annotations' activity and recipient ids are checked as
        // check checks them: every error in one run and one order, whatever command reads the files (trial35 finding 9).
        var policy = location is null ? null : flow.LoadPolicy(null).Policy;
        var request = flow.CreateScanRequest(settings.MaskedExamples) with { Shard = shard, WriteTablesAhead = true };
        var document = await ScanProgressView.ScanAsync(console, flow, request, cancellationToken);
        var applied = location is null ? null : flow.MergeAnnotations(document, location);
        // Without annotation files the database's own labels still apply (trial 17: inventory.json showed the classifier's
        // category for columns the database labels, while check and report applied the labels).
        if (location is null) flow.ApplyDatabaseLabels(document);
        var invalid = applied is null ? [] : InventoryFlow.AnnotationErrors(applied.Annotations, policy);
        foreach (var error in invalid)
            errors.Line(flow.AnnotationErrorLine(error, location!));
        InventoryJson.Write(document, settings.Out);
        if (shard is { } part && EmptyShardNote(part, request.Sources.Count, document) is { } note)
            errors.Line(note);
        foreach (var warning in ScanScopeWarnings.For(document))
            errors.Line(warning);
        ScanSummaryView.Print(console, document);
        // The path as-is: Spectre.Console would fold it with a hard line break at the console's width, and a path
        // copied from the terminal would hold it (polish31).
        RawConsoleText.Write(console, $"inventory written to {settings.Out}\n");
        if (applied is { Annotations.Errors.Count: > 0 })
        {
            console.Write(new Text($"{invalid.Count} annotation error(s) above: fix them and scan again (exit {ExitCodes.BadInput})\n", new Style(Color.Red)));
            return ExitCodes.BadInput;
        }
        if (invalid.Count > 0)
            errors.Line($"{invalid.Count} annotation error(s) above: ids the policy does not define; check fails on them");
        if (!document.Complete)
        {
            console.Write(new Text($"scan incomplete: {document.Issues.Count(i => !i.IsWarning)} source(s), table(s) or column(s) could not be read (exit {ExitCodes.ScanIncomplete})\n", new Style(Color.Yellow)));
            return ExitCodes.ScanIncomplete;
        }
        return ExitCodes.Ok;
    }

    /// <summary>The line that says a shard got nothing to scan: by the stable hash, every source (or, for a single
    /// source, every table) fell into other shards. The part is still a valid inventory for <c>inventory merge</c>
    /// (it records its shard and the split), so the merge can tell it was not lost.</summary>
    /// <param name="shard">This shard.</param>
    /// <param name="sources">Sources of the whole split.</param>
    /// <param name="document">This shard's inventory.</param>
    /// <returns>The note, or null when the shard holds a table.</returns>
    internal static string? EmptyShardNote(ScanShard shard, int sources, InventoryDocument document)
    {
        const string still = "the part is written all the same, for `inventory merge`";
        if (sources == 1)
            return document.Sources.Exists(s => s.Tables.Count > 0) ? null
                : $"note: shard {shard} holds no table{(document.Sources is [var only] ? $" of source '{only.Name}'" : "")} (a single source's tables are assigned by a stable hash of their names, and none fell into this shard); {still}";
        return document.Sources.Count > 0 ? null
            : $"note: shard {shard} holds no source (the {sources} sources are assigned by a stable hash of their names, and none fell into this shard); {still}";
    }
}
