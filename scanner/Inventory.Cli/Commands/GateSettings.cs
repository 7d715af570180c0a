using System.ComponentModel;
using Inventory.Config;
using Inventory.Model;
using Inventory.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary>Options shared by <c>check</c> and <c>annotate</c>: a saved inventory, or a live scan, and the annotations.</summary>
internal class GateSettings : ScanSettings
{
    private const string SayWhat = "say what to check: --inventory FILE (a saved scan), or --config FILE / --connection CONNECTION to scan";

    [CommandOption("--inventory <FILE>")]
    [Description("Read a saved inventory.json instead of scanning.")]
    public string? Inventory { get; init; }

    /// <summary>The config: required to scan; optional with <c>--inventory</c> (then its sources are not needed). As the
    /// help says, <c>--config</c> defaults to <c>./inventory.yml</c> when it exists, with <c>--inventory</c> too: its
    /// annotations folder, <c>check</c> settings, policy and taxonomy apply to the saved inventory (trial 17: they were
    /// silently left out, and the gate passed conflicts the config makes failures).</summary>
    /// <exception cref="ConfigurationException">Bad config or flags; nothing to scan when no --inventory is given.</exception>
    public InventoryConfig? ToGateConfig()
    {
        if (Inventory is null && Config is null && Connection is null && !File.Exists(InventoryConfig.DefaultFileName))
            throw new ConfigurationException(SayWhat);
        if (Inventory is null) return ToConfig();
        return Config is not null || (Connection is null && File.Exists(InventoryConfig.DefaultFileName)) ? ToConfig(requireSources: false) : null;
    }

    /// <summary>The inventory to work on: the saved file, or a live scan through the flow, whose scope warnings
    /// (<see cref="ScanScopeWarnings"/>) go to <paramref name="errors"/> as scan writes them.</summary>
    /// <exception cref="ConfigurationException">No input given, the file is missing or malformed, or an
    /// <c>--annotations</c> path does not exist (checked before scanning, never after sampling everything).</exception>
    public async Task<InventoryDocument> LoadInventoryAsync(IAnsiConsole console, ErrorOutput errors, InventoryFlow flow, CancellationToken cancellationToken)
    {
        ResolveAnnotations(flow.Config).EnsureUsable();
        if (Inventory is not null)
            return InventoryJson.Read(Inventory);
        if (flow.Config is null)
            throw new ConfigurationException(SayWhat);
        foreach (var warning in flow.Config.LiteralPasswordWarnings())
            errors.Line(warning);
        var document = await ScanProgressView.ScanAsync(console, flow, flow.CreateScanRequest(MaskedExamples), cancellationToken).ConfigureAwait(false);
        foreach (var warning in ScanScopeWarnings.For(document))
            errors.Line(warning);
        return document;
    }

    /// <summary>Where the annotations are (<see cref="AnnotationsLocation.Resolve"/>).</summary>
    public AnnotationsLocation ResolveAnnotations(InventoryConfig? config) => AnnotationsLocation.Resolve(Annotations, config);
}
