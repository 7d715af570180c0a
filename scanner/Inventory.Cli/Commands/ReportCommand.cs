using System.ComponentModel;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory report --inventory FILE [--policy FILE] [--config FILE] [--previous FILE] [--out DIR]
/// [--format html,md,xlsx,csv,json]</c>: writes the Article 30 records, the claims check, coverage and changes.
/// Each file is written atomically. Exit 0 when written (a violated claim is reported, not an error: <c>check</c> is
/// the gate); 2 on bad input.</summary>
internal sealed class ReportCommand(IAnsiConsole console) : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--inventory <FILE>")]
        [Description("The inventory.json to report on (from `inventory scan --out`).")]
        public string? Inventory { get; init; }

        [CommandOption("--policy <FILE>")]
        [Description("policy.yml; default: the config's policy, else the built-in seed policy.")]
        public string? Policy { get; init; }

        [CommandOption("--config <FILE>")]
        [Description("inventory.yml, read only for its 'policy' entry.")]
        public string? Config { get; init; }

        [CommandOption("--previous <FILE>")]
        [Description("A previous inventory.json, for the changes section.")]
        public string? Previous { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Output folder (created if needed). Default: report")]
        public string Out { get; init; } = "report";

        [CommandOption("--format <LIST>")]
        [Description("Comma-separated formats: html, md, xlsx, csv, json. Default: all.")]
        public string? Format { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Inventory is null)
            throw new ConfigurationException("--inventory FILE is required; run `inventory scan --out inventory.json` first");
        var writers = ReportWriters.CreateMany(settings.Format);
        var policyPath = settings.Policy;
        if (policyPath is null && settings.Config is { } configPath && InventoryConfig.Load(configPath) is { Policy: { } p } config)
            policyPath = config.Resolve(p);
        var policy = PolicyDocument.Load(policyPath);
        var inventory = InventoryJson.Read(settings.Inventory);
        var previous = settings.Previous is null ? null : InventoryJson.Read(settings.Previous);
        var claims = ClaimEvaluator.EvaluateAll(policy, inventory);
        var model = ReportModel.Build(inventory, policy, claims, previous);

        foreach (var writer in writers)
        {
            var path = Path.Combine(settings.Out, ReportWriters.FileName(writer.Format));
            await AtomicFile.WriteAsync(path, stream => writer.WriteAsync(model, stream, cancellationToken), cancellationToken);
            console.Write(new Text($"wrote {path}\n"));
        }
        foreach (var claim in model.Claims)
            console.Write(new Text($"{claim.Verdict,-9} {claim.Id}: {claim.Summary}\n"));
        return ExitCodes.Ok;
    }
}
