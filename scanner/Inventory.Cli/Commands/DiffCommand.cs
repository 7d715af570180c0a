using System.ComponentModel;
using Inventory.Model;
using Inventory.Reports.Diff;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory diff OLD NEW [--schema-only] [--json FILE]</c>: added, removed and changed tables and columns,
/// and category changes, as text on the console (schema changes first, status changes counted) and optionally as JSON. Exit 0 whether or not something changed; 2 on bad input.
/// An OLD without records of processing (a plain scan) against an annotated NEW: what annotating recorded is left out
/// and said once (<see cref="InventoryDiff.CompareSince"/>), as <c>report --previous</c> does.</summary>
internal sealed class DiffCommand(IAnsiConsole console) : Command<DiffCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<OLD>")]
        [Description("The previous inventory.json.")]
        public string Old { get; init; } = "";

        [CommandArgument(1, "<NEW>")]
        [Description("The current inventory.json.")]
        public string New { get; init; } = "";

        [CommandOption("--schema-only")]
        [Description("Only schema changes: sources, tables and columns added or removed, declared types; not the category, status, activity and shared-with changes annotating makes.")]
        public bool SchemaOnly { get; init; }

        [CommandOption("--json <FILE>")]
        [Description("Also write the changes as JSON to FILE (written atomically).")]
        public string? Json { get; init; }

        public override ValidationResult Validate() => OutputPaths.Validate(new OutputOption("--json", Json, OutputKind.File));
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // An OLD saved as a plain scan holds no records of processing: say so once rather than list every activity.
        var diff = InventoryDiff.CompareSince(InventoryJson.Read(settings.Old), InventoryJson.Read(settings.New));
        if (settings.SchemaOnly) diff = diff.SchemaOnly();
        console.Write(new Text(InventoryDiffWriter.ToText(diff)));
        if (settings.Json is { } json)
            AtomicFile.WriteAllText(json, InventoryDiffWriter.ToJson(diff));
        return ExitCodes.Ok;
    }
}
