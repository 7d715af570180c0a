using System.ComponentModel;
using Inventory.Model;
using Inventory.Reports.Diff;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory diff OLD NEW [--schema-only] [--format text,markdown] [--markdown FILE] [--json FILE]</c>: added,
/// removed and changed tables and columns, and category changes, as text on the console (schema changes first, status
/// changes counted), as a Markdown summary for a pull-request comment (<see cref="DiffMarkdownWriter"/>: on standard
/// output, or to <c>--markdown FILE</c>) and optionally as JSON. Exit 0 whether or not something changed; 2 on bad input
/// (an unknown format among them).
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

        [CommandOption("--format <FORMATS>")]
        [Description("Comma-separated: text, markdown (or md: a summary to post as a pull-request comment). Both go to standard output, markdown to --markdown FILE when given. Default: text.")]
        public string[] Format { get; init; } = [];

        [CommandOption("--markdown <FILE>")]
        [Description("Write the Markdown summary to FILE (written atomically) instead of standard output.")]
        public string? Markdown { get; init; }

        public override ValidationResult Validate() =>
            OutputPaths.Validate(new OutputOption("--json", Json, OutputKind.File), new OutputOption("--markdown", Markdown, OutputKind.File));
    }

    /// <summary>The formats <c>diff</c> writes.</summary>
    private enum DiffFormat { Text, Markdown }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // An OLD saved as a plain scan holds no records of processing: say so once rather than list every activity.
        var formats = ParseFormats(settings);
        var (old, @new) = (InventoryJson.Read(settings.Old), InventoryJson.Read(settings.New));
        var diff = InventoryDiff.CompareSince(old, @new);
        if (settings.SchemaOnly) diff = diff.SchemaOnly();
        if (formats.Contains(DiffFormat.Text)) console.Write(new Text(InventoryDiffWriter.ToText(diff)));
        if (formats.Contains(DiffFormat.Markdown))
        {
            var markdown = DiffMarkdownWriter.ToMarkdown(diff, old, @new);
            if (settings.Markdown is { } file) AtomicFile.WriteAllText(file, markdown);
            else RawConsoleText.Write(console, markdown);
        }
        if (settings.Json is { } json)
            AtomicFile.WriteAllText(json, InventoryDiffWriter.ToJson(diff));
        return ExitCodes.Ok;
    }

    /// <summary>The formats asked for: <c>--format</c>'s list (<c>md</c> is <c>markdown</c>, as <c>report</c> names
    /// it), markdown when <c>--markdown FILE</c> is given, text when nothing is.</summary>
    /// <exception cref="ConfigurationException">A format other than text, markdown or md.</exception>
    private static HashSet<DiffFormat> ParseFormats(Settings settings)
    {
        var formats = new HashSet<DiffFormat>();
        foreach (var name in settings.Format.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            formats.Add(name.ToLowerInvariant() switch
            {
                "text" => DiffFormat.Text,
                "markdown" or "md" => DiffFormat.Markdown,
                _ => throw new ConfigurationException($"unknown --format '{name}'; use text, markdown"),
            });
        if (settings.Markdown is not null) formats.Add(DiffFormat.Markdown);
        if (formats.Count == 0) formats.Add(DiffFormat.Text);
        return formats;
    }
}
