using System.ComponentModel;
using System.Globalization;
using Inventory.Model;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory merge PART.json… --out inventory.json</c>: joins shard inventories (<see cref="InventoryMerge"/>).
/// Exit 0 when complete, 3 when a shard is missing or a part is incomplete, 2 on overlapping or mismatched parts.</summary>
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
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var parts = settings.Parts.Select(p => new InventoryPart(p, InventoryJson.Read(p))).ToList();
        var merged = InventoryMerge.Merge(parts);
        InventoryJson.Write(merged, settings.Out);
        var tables = merged.AllTables().Count();
        var columns = merged.AllColumns().Count();
        console.Write(new Text(string.Create(CultureInfo.InvariantCulture,
            $"merged {parts.Count} part(s): {merged.Sources.Count} source(s), {tables} table(s), {columns} column(s) → {settings.Out}\n")));
        foreach (var issue in merged.Issues.Where(i => i.Kind == InventoryMerge.ShardMissingKind))
            console.Write(new Text($"  ! {issue.Message}\n", new Style(Color.Yellow)));
        if (!merged.Complete)
        {
            console.Write(new Text($"merged inventory incomplete: {merged.Issues.Count} issue(s) (exit {ExitCodes.ScanIncomplete})\n", new Style(Color.Yellow)));
            return ExitCodes.ScanIncomplete;
        }
        return ExitCodes.Ok;
    }
}
