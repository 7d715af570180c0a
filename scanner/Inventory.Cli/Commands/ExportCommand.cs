using System.ComponentModel;
using Inventory.Config;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Reports;
using Inventory.Reports.Export;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory export</c>: writes the effective category of every tagged column of a saved inventory (plus
/// suggestions at or above <c>--accept-classification-above</c>) as a script a DBA reviews and applies, or as a Fides
/// dataset. Same annotation merge and threshold as <c>check</c>; a column in conflict is held back, with one warning line
/// on standard error each (<see cref="LabelSelection"/>). Never connects to a database. Exit 0 when written,
/// 2 on bad input (options, inventory, config, or invalid annotation files: nothing is written then).</summary>
internal sealed class ExportCommand(IAnsiConsole console, ErrorOutput errors) : Command<ExportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--inventory <FILE>")]
        [Description("The saved inventory.json to export (required: export never scans).")]
        public string? Inventory { get; init; }

        [CommandOption("-c|--config <FILE>")]
        [Description("Config file (default: ./inventory.yml when it exists) for the annotations folder, taxonomy, source scopes and check.accept-classification-above.")]
        public string? Config { get; init; }

        [CommandOption("--annotations <DIR>")]
        [Description("Annotations folder or file (overrides inventory.yml; default: ./annotations when it exists).")]
        public string? Annotations { get; init; }

        [CommandOption("--accept-classification-above <P>")]
        [Description("Also export suggestions with confidence >= P (0..1), as check accepts them (default: the config's check setting, else none).")]
        public double? AcceptClassificationAbove { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("sqlserver-labels (SQL Server 2019+, Azure SQL), sqlserver-extended-properties (SQL Server 2012-2017), postgres-comments, mysql-comments (MySQL and MariaDB; mariadb-comments is the same) or fides.")]
        public string? Format { get; init; }

        [CommandOption("-o|--out <FILE>")]
        [Description("File to write (atomically).")]
        public string? Out { get; init; }

        [CommandOption("--include-views")]
        [Description("Also export the columns of views and materialized views (postgres-comments and fides only). Default: base tables only, since a view's data is stored in its base tables, which carry the labels.")]
        public bool IncludeViews { get; init; }

        [CommandOption("--source <NAME>")]
        [Description("Only this source of the inventory (needed for a database script when it holds several).")]
        public string? Source { get; init; }

        public override ValidationResult Validate()
        {
            if (Inventory is null) return ValidationResult.Error("--inventory FILE is required: export works on a saved scan and never connects to a database");
            if (Format is null) return ValidationResult.Error($"--format is required: one of {string.Join(", ", LabelExport.FormatNames)}");
            if (Out is null) return ValidationResult.Error("--out FILE is required");
            if (AcceptClassificationAbove is < 0 or > 1) return ValidationResult.Error("--accept-classification-above must be between 0 and 1");
            return OutputPaths.Validate(new OutputOption("--out", Out, OutputKind.File));
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var format = LabelExport.ParseFormat(settings.Format!);
        var config = InventoryConfig.LoadNamedOrDefault(settings.Config);
        var flow = new InventoryFlow(config);
        var document = InventoryJson.Read(settings.Inventory!);
        // The same annotations and merge as `check` (flag, else the config's folder, else ./annotations when present).
        var location = AnnotationsLocation.Resolve(settings.Annotations, config);
        var applied = flow.MergeAnnotations(document, location);
        if (applied.Annotations.Errors.Count > 0)
        {
            // Every error check would list, in its order (the policy's unknown ids too: trial35 finding 9).
            var invalid = InventoryFlow.AnnotationErrors(applied.Annotations, flow.LoadPolicy(null).Policy);
            foreach (var error in invalid) errors.Line(flow.AnnotationErrorLine(error, location));
            errors.Line($"nothing exported: fix the {invalid.Count} annotation error(s) above first, so no label is silently left out (exit {ExitCodes.BadInput})");
            return ExitCodes.BadInput;
        }
        var plan = LabelSelection.Select(document, new ExportOptions
        {
            AcceptClassificationAbove = AcceptanceThresholds.Uniform(settings.AcceptClassificationAbove) ?? (config is null ? null : new InventoryFlow(config).ConfiguredAcceptance()),
            Source = settings.Source,
            InventoryName = Path.GetFileName(settings.Inventory),
            IncludeViews = settings.IncludeViews,
        });
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.WriteAllText(settings.Out!, LabelExport.Write(plan, format));
        // A disputed label is not written into the database's catalog: each one is named, with what settles it.
        foreach (var held in plan.HeldBack)
            errors.Line($"warning: {held.Key}  conflict, not exported: {held.Conflict} ({held.Provenance}); {held.Remedy}");
        console.Write(new Text($"wrote {settings.Format!.Trim().ToLowerInvariant()} for {CountWording.Phrase(plan.Columns.Count, "column", "columns")} to {settings.Out} " +
                               $"({plan.NotExported} not exported: untagged or below the accepted confidence" +
                               (plan.ViewColumnsLeftOut > 0 ? $"; {plan.ViewColumnsLeftOut} of views left out: --include-views exports them" : "") +
                               (plan.HeldBack.Count > 0 ? $"; {plan.HeldBack.Count} held back: annotation contradicted by the scan, see the warnings" : "") + ")\n"));
        return ExitCodes.Ok;
    }
}
