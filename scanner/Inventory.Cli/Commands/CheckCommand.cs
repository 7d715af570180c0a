using System.ComponentModel;
using System.Globalization;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Reports.Check;
using Inventory.Yaml;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory check</c>: the CI gate. Applies the annotations to the inventory and exits 0 when every in-scope
/// column is tagged (and, with --strict, nothing conflicts or is stale), 1 when the gate fails, 2 when an annotation
/// file or an option is invalid, 3 when the gate passed but the scan was incomplete.</summary>
internal sealed class CheckCommand(IAnsiConsole console, ErrorOutput errors) : AsyncCommand<CheckCommand.Settings>
{
    public sealed class Settings : GateSettings
    {
        [CommandOption("--baseline <FILE>")]
        [Description("An earlier inventory.json or check JSON: only columns absent from it fail (new columns).")]
        public string? Baseline { get; init; }

        [CommandOption("--accept-classification-above <P>")]
        [Description("Classifications with confidence >= P (0..1) count as tags.")]
        public double? AcceptClassificationAbove { get; init; }

        [CommandOption("--strict")]
        [Description("Conflicts and stale annotations fail the gate too (default: warnings).")]
        public bool Strict { get; init; }

        [CommandOption("--policy <FILE>")]
        [Description("policy.yml whose claims are checked, or 'builtin' for the demo company's seed policy (default: the config's 'policy:', else no policy and no claims).")]
        public string? Policy { get; init; }

        [CommandOption("--format <FORMATS>")]
        [Description("Comma-separated: text, json, sarif, junit, github (repeatable). Default: text.")]
        public string[] Format { get; init; } = [];

        [CommandOption("--output-dir <DIR>")]
        [Description("Folder for file formats (default: the working directory).")]
        public string? OutputDir { get; init; }

        [CommandOption("--sarif <FILE>")]
        [Description("Write SARIF 2.1.0 to FILE.")]
        public string? Sarif { get; init; }

        [CommandOption("--junit <FILE>")]
        [Description("Write JUnit XML to FILE.")]
        public string? JUnit { get; init; }

        [CommandOption("--json <FILE>")]
        [Description("Write the check result as JSON to FILE (usable as --baseline).")]
        public string? Json { get; init; }

        [CommandOption("--sarif-known-gaps <WHEN>")]
        [Description("include (default): each finding the baseline already had is a SARIF result, level note; omit: left out of SARIF (GitHub code scanning opens an alert for each note), counted in a notification.")]
        public string? SarifKnownGaps { get; init; }

        [CommandOption("--github <FILE>")]
        [Description("Write GitHub Actions workflow commands to FILE instead of standard output.")]
        public string? GitHub { get; init; }

        public override ValidationResult Validate()
        {
            if (SarifKnownGaps is not null && SarifKnownGaps is not ("include" or "omit"))
                return ValidationResult.Error($"--sarif-known-gaps must be include or omit, not '{SarifKnownGaps}'");
            if (AcceptClassificationAbove is < 0 or > 1)
                return ValidationResult.Error("--accept-classification-above must be between 0 and 1");
            if (Inventory is not null && Connection is not null)
                return ValidationResult.Error("give either --inventory or --connection, not both");
            var scan = base.Validate();
            return scan.Successful
                ? OutputPaths.Validate(new OutputOption("--output-dir", OutputDir, OutputKind.Folder), new OutputOption("--sarif", Sarif, OutputKind.File),
                    new OutputOption("--junit", JUnit, OutputKind.File), new OutputOption("--json", Json, OutputKind.File), new OutputOption("--github", GitHub, OutputKind.File))
                : scan;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var formats = ParseFormats(settings);
        var config = settings.ToGateConfig();
        var flow = new InventoryFlow(config);
        var document = await settings.LoadInventoryAsync(console, errors, flow, cancellationToken).ConfigureAwait(false);
        if (settings.Inventory is not null) document.EnsureNotShardPart(settings.Inventory, "check");
        var outcome = flow.EvaluateGate(document, new GateRequest
        {
            Annotations = settings.ResolveAnnotations(config),
            AcceptClassificationAbove = AcceptanceThresholds.Uniform(settings.AcceptClassificationAbove),
            Strict = settings.Strict,
            Baseline = settings.Baseline is null ? null : CheckBaseline.Read(settings.Baseline),
            PolicyPath = settings.Policy,
        });
        var (result, annotations) = (outcome.Result, outcome.Annotations);

        foreach (var format in formats)
        {
            var writer = CheckWriters.Create(format, settings.SarifKnownGaps == "omit" ? Reports.Check.SarifKnownGaps.Omit : Reports.Check.SarifKnownGaps.Include);
            var file = format switch
            {
                "sarif" => settings.Sarif,
                "junit" => settings.JUnit,
                "json" => settings.Json,
                "github" => settings.GitHub,
                _ => null,
            };
            if (file is null && format is "text" or "github")
            {
                RawConsoleText.Write(console, format == "text" ? CheckTextWriter.Render(result) : GitHubCheckWriter.Render(result));
                continue;
            }
            file ??= Path.Combine(settings.OutputDir ?? ".", writer.DefaultFileName);
            await AtomicFile.WriteAsync(file, s => writer.WriteAsync(result, s, cancellationToken), cancellationToken).ConfigureAwait(false);
            // On standard error like other progress: standard output carries only the findings (README).
            errors.Line($"wrote {format} to {file}");
        }

        // An annotation file's error (a category typo, bad YAML) is an invalid-annotation finding, as an unknown activity
        // id is: the developer's to fix in the change under review, so the gate fails (exit 1), while exit 2 stays for
        // what stops the pipeline itself (config, options, missing files, unreachable sources): trial40 finding 8.
        if (!result.Passed || annotations.Errors.Count > 0) return ExitCodes.GateFailed;
        return result.ScanComplete ? ExitCodes.Ok : ExitCodes.ScanIncomplete;
    }

    private static List<string> ParseFormats(Settings settings)
    {
        var formats = settings.Format.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(f => f.ToLowerInvariant()).ToList();
        foreach (var f in formats)
            if (!CheckWriters.Formats.Contains(f))
                throw new ConfigurationException($"unknown --format '{f}'; use {string.Join(", ", CheckWriters.Formats)}");
        if (settings.Sarif is not null) formats.Add("sarif");
        if (settings.JUnit is not null) formats.Add("junit");
        if (settings.Json is not null) formats.Add("json");
        if (settings.GitHub is not null) formats.Add("github");
        if (formats.Count == 0) formats.Add("text");
        return formats.Distinct().ToList();
    }

}
