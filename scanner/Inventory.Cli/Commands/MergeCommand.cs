using System.ComponentModel;
using System.Globalization;
using Inventory.Model;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory merge PART.json… --out inventory.json</c>: joins shard inventories (<see cref="InventoryMerge"/>).
/// Exit 0 when complete, 3 when a shard is missing or a part is incomplete (each such part named with its issues), 2 on
/// overlapping or mismatched parts.</summary>
internal sealed class MergeCommand(IAnsiConsole console) : Command<MergeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PART>")]
        [Description("Shard inventories written by `inventory scan --shard I/N` (all N of them).")]
        public string[] Parts { get; init; } = [];

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the merged inventory (default inventory.json). Written atomically.")]
        public string Out { get; init; } = "inventory.json";

        [CommandOption("--shards <N>")]
        [Description("The number of shards the scan ran with. A part of a split into another number (left on a shared volume by an earlier run with more shards) is left out and named; a shard of N missing among the parts is reported (exit 3). Without it, parts of different N are an error.")]
        public int? Shards { get; init; }

        public override ValidationResult Validate() =>
            Shards is < 1 ? ValidationResult.Error("--shards must be at least 1 (the number of shards the scan ran with)")
            : OutputPaths.Validate(new OutputOption("--out", Out, OutputKind.File));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<InventoryPart> parts = settings.Parts.Select(p => new InventoryPart(p, InventoryJson.Read(p))).ToList();
        if (settings.Shards is { } shards)
        {
            (parts, var leftOut) = InventoryMerge.OfShardCount(parts, shards);
            foreach (var part in leftOut)
                console.Write(new Text($"  ! left out {part.File}: shard {part.Document.Shard}, not one of this run's {shards} (a part of an earlier run with more shards?)\n", new Style(Color.Yellow)));
        }
        var merged = InventoryMerge.Merge(parts);
        InventoryJson.Write(merged, settings.Out);
        var tables = merged.AllTables().Count();
        var columns = merged.AllColumns().Count();
        console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
            $"merged {parts.Count} part(s): {merged.Sources.Count} source(s), {tables} table(s), {columns} column(s) → {settings.Out}\n")));
        foreach (var issue in merged.Issues.Where(i => i.Kind == InventoryMerge.ShardMissingKind))
            console.Write(new Text($"  ! {issue.Message}\n", new Style(Color.Yellow)));
        foreach (var part in parts)
            WritePartIssues(part);
        if (!merged.Complete)
        {
            console.Write(new Text($"merged inventory incomplete: {merged.Issues.Count(i => !i.IsWarning)} issue(s) (exit {ExitCodes.ScanIncomplete})\n", new Style(Color.Yellow)));
            return ExitCodes.ScanIncomplete;
        }
        return ExitCodes.Ok;
    }

    /// <summary>The issues a part brings (a source that could not be connected to, a table that could not be read),
    /// each under the part's file and shard, so the operator of a fleet knows which shard to look at or run again; the
    /// merged document keeps the issues but, having no shard, no longer says which part they came from. At most
    /// <see cref="IssuesListedPerPart"/> lines per part, then a count of the rest.</summary>
    private void WritePartIssues(InventoryPart part)
    {
        var issues = part.Document.Issues;
        if (issues.Count == 0) return;
        var shard = part.Document.Shard is { } s ? $" (shard {s})" : "";
        console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
            $"  ! {part.File}{shard} is incomplete: {issues.Count} issue(s)\n"), new Style(Color.Yellow)));
        foreach (var issue in issues.Take(IssuesListedPerPart))
            console.Write(new Text($"    {ScanSummaryView.Describe(issue)}\n", new Style(Color.Yellow)));
        if (issues.Count > IssuesListedPerPart)
            console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
                $"    … and {issues.Count - IssuesListedPerPart} more (the merged inventory's issues list them all)\n"), new Style(Color.Yellow)));
    }

    /// <summary>Issues of one part listed on the console; a part with thousands of unreadable tables gets a count.</summary>
    private const int IssuesListedPerPart = 10;
}
