using System.ComponentModel;
using Inventory.Annotations;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory annotate</c>: writes YAML stubs for the columns that have no annotation entry, with the suggested
/// category and its evidence as comments and an empty <c>category:</c>. Never rewrites existing entries or other files;
/// a second run changes nothing. Exit 0 on success, 2 when existing annotation files are invalid (fix them first).</summary>
internal sealed class AnnotateCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<AnnotateCommand.Settings>
{
    public sealed class Settings : GateSettings
    {
        [CommandOption("--table <TABLE>")]
        [Description("Only this table (exact qualified name, e.g. app.users).")]
        public string? Table { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for new stub files (default: the annotations folder).")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            var scan = base.Validate();
            return scan.Successful ? OutputPaths.Validate(new OutputOption("--out", Out, OutputKind.Folder)) : scan;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = settings.ToGateConfig();
        var flow = new InventoryFlow(config);
        var document = await settings.LoadInventoryAsync(console, errors, flow, cancellationToken).ConfigureAwait(false);
        // --out without --annotations: the stubs go there and the entries already there count.
        var location = settings.Annotations is null && settings.Out is not null
            ? new AnnotationsLocation(settings.Out, false) : settings.ResolveAnnotations(config);
        var outDir = settings.Out ?? location.Folder;
        var annotations = flow.LoadAnnotations(location);
        if (annotations.Errors.Count > 0)
        {
            // Every error check would list, in its order (the policy's unknown ids too: trial35 finding 9).
            var invalid = InventoryFlow.AnnotationErrors(annotations, flow.LoadPolicy(null).Policy);
            foreach (var error in invalid) errors.Line(flow.AnnotationErrorLine(error, location));
            errors.Line($"no stub written: fix the {invalid.Count} annotation error(s) above first, so stubs never duplicate an entry (exit {ExitCodes.BadInput})");
            return ExitCodes.BadInput;
        }
        if (settings.Table is { } table && !document.AllTables().Any(t => t.Table.QualifiedName == table))
        {
            var names = document.AllTables().Select(t => t.Table.QualifiedName).Distinct().ToArray();
            var close = names.FirstOrDefault(n => string.Equals(n, table, StringComparison.OrdinalIgnoreCase));
            throw new ConfigurationException($"table '{table}' is not in the inventory{(close is null ? "" : $" (names are case-sensitive: '{close}'?)")}");
        }

        var plan = flow.PlanAnnotationStubs(document, annotations, outDir, settings.Table);
        foreach (var file in plan)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AtomicFile.WriteAllText(file.Path, file.Content);
            var verb = file.Action switch
            {
                StubAction.Create => "created",
                StubAction.Append => "appended to",
                _ => "wrote pending entries (move them by hand) to",
            };
            console.Write(new Text($"{verb} {Path.GetRelativePath(Directory.GetCurrentDirectory(), file.Path)}: {file.Table}, {CountWording.Phrase(file.Columns.Count, "column", "columns")}\n"));
        }
        // Processor sources get no stub (AnnotationStubs skips them): say so, so a fleet's user does not look for them
        // (trial37 finding 8).
        var processor = document.Sources.Where(s => s.Role == ProcessingRole.Processor && (settings.Table is null || s.Tables.Any(t => t.QualifiedName == settings.Table))).ToList();
        if (processor.Count > 0)
            console.Write(new Text($"{CountWording.Phrase(processor.Count, "processor source", "processor sources")}: no stubs, their columns are customers' data outside the gate (catalog only; role: processor)\n"));
        if (plan.Count == 0)
            console.Write(new Text("nothing to write: every column already has an annotation entry\n"));
        else
            console.Write(new Text("fill in each empty `category:`, then run `inventory check`\n"));
        return ExitCodes.Ok;
    }
}
