using System.ComponentModel;
using Inventory.Annotations;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory annotate</c>: writes YAML stubs for the columns that have no annotation entry, with the suggested
/// category and its evidence as comments and an empty <c>category:</c>. Never rewrites existing entries or other files,
/// except a renamed table's file, whose <c>table:</c> is carried over to the new name (<see cref="TableRenames"/>);
/// a second run changes nothing. Exit 0 on success, 2 when existing annotation files are invalid (fix them first).</summary>
internal sealed class AnnotateCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<AnnotateCommand.Settings>
{
    public sealed class Settings : GateSettings
    {
        [CommandOption("--table <TABLE>")]
        [Description("Only this table (exact qualified name, e.g. app.users; SOURCE/TABLE, as check prints it over several sources, for that source's table only); repeatable: --table app.users --table app.orders.")]
        public string[]? Table { get; init; }

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
        // The stubs list the policy's activity ids (trial46 finding L6); a broken policy stops here, as in check (exit 2).
        var policy = flow.LoadPolicy(null);
        // Every --table given (trial41 finding 4: a second --table silently replaced the first); none: every table.
        var selections = (settings.Table ?? []).Select(t => ResolveTable(document, t)).Distinct().ToList();
        bool Selected(string table) => selections.Count == 0 || selections.Any(s => s.Table == table);

        // A renamed table's reviewed entries go with it (trial36 finding 4): the file is moved (a rename, so a crash leaves
        // it whole under one name or the other), then its table: line rewritten; the stubs are planned from the files as
        // they are then, so a column the renamed table gained is appended to the carried file.
        var renames = flow.PlanTableRenames(document, annotations);
        foreach (var carried in renames.Carried.Where(c => Selected(c.NewTable)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (carried.NewPath != carried.OldPath) File.Move(carried.OldPath, carried.NewPath);
            AtomicFile.WriteAllText(carried.NewPath, carried.Content);
            var moved = carried.NewPath == carried.OldPath ? "" : $", now {Path.GetRelativePath(Directory.GetCurrentDirectory(), carried.NewPath)}";
            console.Write(new Text($"carried over {Path.GetRelativePath(Directory.GetCurrentDirectory(), carried.OldPath)}{moved}: table {carried.OldTable} was renamed to {carried.NewTable} (the one table without annotation that holds its columns); review its entries\n"));
        }
        if (renames.Carried.Count > 0) annotations = flow.LoadAnnotations(location);
        // A renamed column's reviewed entry goes with it too (trial38 finding 10): its key is rewritten in place.
        var columnRenames = flow.PlanColumnRenames(document, annotations).Where(c => Selected(c.Table)).ToList();
        foreach (var carried in columnRenames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AtomicFile.WriteAllText(carried.File, carried.Content);
            console.Write(new Text($"carried over entry '{carried.OldColumn}' in {Path.GetRelativePath(Directory.GetCurrentDirectory(), carried.File)}: column {carried.OldColumn} of {carried.Table} was renamed to {carried.NewColumn} ({carried.Evidence}); review it\n"));
        }
        if (columnRenames.Count > 0) annotations = flow.LoadAnnotations(location);
        int written = 0;
        List<(string? Source, string? Table)> passes = selections.Count == 0 ? [(null, null)] : [.. selections.Select(s => (s.Source, (string?)s.Table))];
        foreach (var (onlySource, onlyTable) in passes)
        {
            // Planned from the files as the previous table left them (a shared or glob file may be appended to twice).
            if (written > 0) annotations = flow.LoadAnnotations(location);
            var plan = flow.PlanAnnotationStubs(document, annotations, outDir, onlyTable, renames.Notes, onlySource, policy);
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
                written++;
            }
        }
        // Processor sources get no stub (AnnotationStubs skips them): say so, so a fleet's user does not look for them
        // (trial37 finding 8).
        var processor = document.Sources.Where(s => s.Role == ProcessingRole.Processor
            && (selections.Count == 0 || selections.Any(o => (o.Source is null || s.Name == o.Source) && s.Tables.Any(t => t.QualifiedName == o.Table)))).ToList();
        if (processor.Count > 0)
            console.Write(new Text($"{CountWording.Phrase(processor.Count, "processor source", "processor sources")}: no stubs, their columns are customers' data outside the gate (catalog only; role: processor)\n"));
        if (written == 0)
            console.Write(new Text("nothing to write: every column already has an annotation entry\n"));
        else
            console.Write(new Text("fill in each empty `category:`, then run `inventory check`\n"));
        return ExitCodes.Ok;
    }

    /// <summary>What <c>--table</c> names: a qualified table name as the inventory spells it (every source holding it),
    /// or <c>SOURCE/TABLE</c>, the name <c>check</c>, <c>diff</c> and the scan print over several sources, for that source's
    /// table only (trial40 finding 3: the name copied from <c>check</c> was "not in the inventory"). A table whose own
    /// name holds a <c>/</c> is taken as written first.</summary>
    /// <param name="document">The inventory.</param>
    /// <param name="table">The option's value.</param>
    /// <returns>The source to keep (null: every source) and the qualified table name.</returns>
    /// <exception cref="ConfigurationException">No table of that name (the case-insensitive match is suggested).</exception>
    internal static (string? Source, string Table) ResolveTable(InventoryDocument document, string table)
    {
        if (document.AllTables().Any(t => t.Table.QualifiedName == table)) return (null, table);
        var slash = table.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var (source, name) = (table[..slash], table[(slash + 1)..]);
            if (document.Sources.FirstOrDefault(s => s.Name == source) is { } held && held.Tables.Any(t => t.QualifiedName == name))
                return (source, name);
        }
        var names = document.AllTables().SelectMany(t => new[] { t.Table.QualifiedName, $"{t.Source.Name}/{t.Table.QualifiedName}" }).Distinct().ToArray();
        var close = names.FirstOrDefault(n => string.Equals(n, table, StringComparison.OrdinalIgnoreCase));
        throw new ConfigurationException($"table '{table}' is not in the inventory{(close is null ? "" : $" (names are case-sensitive: '{close}'?)")}; "
            + "give its qualified name (app.users), or SOURCE/TABLE (billing/invoices) for one source's table");
    }
}
