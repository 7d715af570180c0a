using System.ComponentModel;
using Inventory.Config;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Reports.Diff;
using Inventory.Reports.Writers;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory report --inventory FILE [--config FILE] [--annotations DIR] [--policy FILE|builtin]
/// [--previous FILE] [--out DIR] [--format html,md,xlsx,csv,json] [--language en|fr]</c>: writes the Article 30 records (in the
/// language of <c>--language</c>, else of the config's <c>report.language</c>, else each format's default), the claims check,
/// coverage and changes. Annotations are merged exactly as <c>check</c> merges them (<see cref="InventoryFlow.MergeAnnotations"/>),
/// so coverage agrees with the gate. Without a policy (no <c>--policy</c>, no <c>policy:</c> in the config) the report
/// invents no controller and no claims. Each file is written atomically. Exit 0 when written (a violated claim is
/// reported, not an error: <c>check</c> is the gate); 2 on bad input, including invalid annotation files (as <c>check</c>
/// and <c>export</c>: the errors on standard error with file:line:column, nothing written).</summary>
internal sealed class ReportCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--inventory <FILE>")]
        [Description("The inventory.json to report on (from `inventory scan --out`).")]
        public string? Inventory { get; init; }

        [CommandOption("--policy <FILE>")]
        [Description("policy.yml whose controller, activities and claims the report uses; 'builtin' for the demo company's seed policy. Default: the config's 'policy:', else none (the report then states that no policy was given).")]
        public string? Policy { get; init; }

        [CommandOption("-c|--config <FILE>")]
        [Description("inventory.yml (default: ./inventory.yml when it exists): its annotations, policy, taxonomy and check.accept-classification-above apply; the scan's scope (include/exclude, shard) is the one the inventory recorded (the config's only for inventories saved before they recorded it); connections are not used.")]
        public string? Config { get; init; }

        [CommandOption("--annotations <PATH>")]
        [Description("Annotations folder or file merged into the inventory as `check` does (default: the config's, else ./annotations when it exists, else the inventory as saved).")]
        public string? Annotations { get; init; }

        [CommandOption("--previous <FILE>")]
        [Description("A previous inventory.json, for the changes section.")]
        public string? Previous { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Output folder (created if needed). Default: report")]
        public string Out { get; init; } = "report";

        [CommandOption("--format <LIST>")]
        [Description("Comma-separated formats: html, md, xlsx, csv, json. Default: all.")]
        public string? Format { get; init; }

        [CommandOption("--language <LANG>")]
        [Description("Language of the HTML, Markdown and XLSX reports: en or fr (a tag such as fr-FR reads as its language). Default: the config's report.language, else HTML and Markdown in English and the XLSX register in French (the CNIL model). CSV and JSON keep their machine keys in every language.")]
        public string? Language { get; init; }

        public override ValidationResult Validate() => OutputPaths.Validate(new OutputOption("--out", Out, OutputKind.Folder));
    }

    /// <summary>The error of <c>report</c> run without <c>--inventory</c>. A DPO who has just run <c>inventory scan --out
    /// inventory.json</c> as the README says was told to run it first (trial46): when the folder holds an
    /// <c>inventory.json</c>, the message names it and the option to pass it.</summary>
    /// <param name="workingDirectory">The folder the command runs in.</param>
    /// <returns>The message of the configuration error (exit 2).</returns>
    public static string MissingInventoryMessage(string workingDirectory) =>
        File.Exists(Path.Combine(workingDirectory, "inventory.json"))
            ? "--inventory FILE is required: report reads a saved scan; this folder holds one, so pass it: --inventory inventory.json"
            : "--inventory FILE is required; run `inventory scan --out inventory.json` first";

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Inventory is null)
            throw new ConfigurationException(MissingInventoryMessage(Directory.GetCurrentDirectory()));
        // The report reads no database: ${VARS} in connections (secrets) are resolved only by a scan.
        var config = InventoryConfig.LoadNamedOrDefault(settings.Config);
        // --language wins over the config's report.language; neither leaves each format its default language.
        var language = settings.Language is { } flag
            ? ReportLanguages.TryParse(flag) ?? throw new ConfigurationException(ReportLanguages.UnknownMessage("--language", flag))
            : config?.Report.Language;
        var writers = ReportWriters.CreateMany(settings.Format, language);
        var flow = new InventoryFlow(config);
        var (policy, _) = flow.LoadPolicy(settings.Policy);
        var inventory = InventoryJson.Read(settings.Inventory);
        inventory.EnsureNotShardPart(settings.Inventory, "report");
        var previous = settings.Previous is null ? null : InventoryJson.Read(settings.Previous);

        var location = AnnotationsLocation.Resolve(settings.Annotations, config);
        AppliedAnnotations? applied = null;
        if (location.ShouldLoad)
        {
            applied = flow.MergeAnnotations(inventory, location);
            // The errors check lists as invalid-annotation, in its format and number (trial34 finding 10): the files'
            // errors and the activity or recipient ids the policy does not define.
            var invalid = InventoryFlow.AnnotationErrors(applied.Annotations, policy);
            foreach (var error in invalid) errors.Line(flow.AnnotationErrorLine(error, location));
            if (applied.Annotations.Errors.Count > 0)
            {
                errors.Line($"no report written: fix the {invalid.Count} annotation error(s) above first, so the records never silently leave a column out (exit {ExitCodes.BadInput})");
                return ExitCodes.BadInput;
            }
            if (invalid.Count > 0)
                errors.Line($"{invalid.Count} annotation error(s) above: the records list these ids under the activities they name as unknown; check fails on them");
            console.Write(new Text($"annotations: {applied.Annotations.Files.Count} file(s), {applied.Merge.Tagged} column(s) tagged\n"));
        }

        // Annotated items the inventory does not hold are listed under coverage (trial33 finding 1b).
        var model = flow.BuildReport(inventory, policy, previous: previous, applied: applied);
        foreach (var path in await InventoryFlow.WriteReportsAsync(model, writers, settings.Out, cancellationToken))
            console.Write(new Text($"wrote {path}\n"));
        if (model.Changes is { PreviousHeldNoRecords: true } changes)
            console.Write(new Text(InventoryDiffWriter.PreviousWithoutRecords(changes) + "\n"));
        var totals = model.CoverageTotals;
        console.Write(new Text($"{totals.GateTagged} of {totals.Columns} in-scope columns tagged ({totals.TaggedPercent}); " +
                               $"{totals.UntaggedWithSuggestion} untagged with a suggestion, {totals.UntaggedNoSuggestion} without\n"));
        if (policy is null)
            console.Write(new Text("no policy given: no controller, activities or claims in the report (pass --policy FILE, or --policy builtin for the demo's)\n"));
        foreach (var claim in model.Claims)
            console.Write(new Text($"{claim.Verdict,-9} {claim.Id}: {claim.Summary}\n"));
        // An inventory that does not hold everything (a shard missing from a merge, a source not reached, a table not
        // read) is reported, and said so: exit 3 as for scan, merge and check (README's exit codes).
        var gaps = inventory.Issues.Where(i => !i.IsWarning).ToList();
        if (gaps.Count == 0) return ExitCodes.Ok;
        errors.Line($"inventory incomplete: {(InventoryMerge.MissingShards(gaps) is { } shards ? shards + ", " : "")}"
            + $"{gaps.Count} scan issue(s), listed in the report under Coverage; its claims do not hold over what was not read (exit {ExitCodes.ScanIncomplete})");
        return ExitCodes.ScanIncomplete;
    }
}
