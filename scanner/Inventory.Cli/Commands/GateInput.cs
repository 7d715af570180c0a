using System.ComponentModel;
using Inventory.Annotations;
using Inventory.Config;
using Inventory.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary>Options shared by <c>check</c> and <c>annotate</c>: where the inventory comes from and where the annotations are.</summary>
internal class GateSettings : ScanSettings
{
    [CommandOption("--inventory <FILE>")]
    [Description("Read a saved inventory.json instead of scanning.")]
    public string? Inventory { get; init; }
}

/// <summary>Loads what <c>check</c> and <c>annotate</c> work on.</summary>
internal static class GateInput
{
    /// <summary>The config file, or null.</summary>
    /// <exception cref="ConfigurationException">Bad config or flags; nothing to scan when no --inventory is given.</exception>
    public static InventoryConfig? LoadConfig(GateSettings settings)
    {
        if (settings.Inventory is null && settings.Config is null && settings.Connection is null && !File.Exists("inventory.yml"))
            throw new ConfigurationException("say what to check: --inventory FILE (a saved scan), or --config FILE / --connection CONNECTION to scan");
        return settings.Inventory is null ? ScanSupport.LoadConfig(settings)
            : settings.Config is null ? null : ScanSupport.LoadConfig(settings, requireSources: false);
    }

    /// <summary>The inventory to check: a saved file, or a live scan.</summary>
    /// <exception cref="ConfigurationException">No input given, or the file is missing or malformed.</exception>
    public static async Task<InventoryDocument> LoadInventoryAsync(IAnsiConsole console, GateSettings settings, InventoryConfig? config, CancellationToken cancellationToken)
    {
        if (settings.Inventory is not null)
            return InventoryJson.Read(settings.Inventory);
        if (config is null)
            throw new ConfigurationException("say what to check: --inventory FILE (a saved scan), or --config FILE / --connection CONNECTION to scan");
        return await ScanSupport.ScanAsync(console, config, Pipeline.CreateClassifier(config), settings.MaskedExamples, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The annotations path: --annotations, else the config's, else <c>annotations/</c> in the working directory.</summary>
    /// <returns>The path and whether it was given explicitly (an explicit path must exist).</returns>
    public static (string Path, bool Explicit) AnnotationsPath(GateSettings settings, InventoryConfig? config) =>
        settings.Annotations is not null ? (settings.Annotations, true)
        : config?.Annotations is not null ? (config.Resolve(config.Annotations), true)
        : ("annotations", false);

    /// <summary>Loads the annotations (every error collected); a default folder that does not exist is an empty set.</summary>
    /// <exception cref="ConfigurationException">An explicitly given path does not exist.</exception>
    public static AnnotationSet LoadAnnotations(string path, bool isExplicit, IKnownCategories categories) =>
        !isExplicit && !Directory.Exists(path) && !File.Exists(path) ? AnnotationSet.Empty : new AnnotationLoader(categories).Load(path);

    /// <summary>Writes text as-is to the console (no markup, no wrapping at the console width: CI parsers read these lines whole).</summary>
    public static void WriteRaw(IAnsiConsole console, string text) => console.Write(new RawLines(text));

    /// <summary>Lines rendered as one segment each, never folded.</summary>
    private sealed class RawLines(string text) : Spectre.Console.Rendering.IRenderable
    {
        private readonly string[] _lines = text.TrimEnd('\n').Split('\n');

        public Spectre.Console.Rendering.Measurement Measure(Spectre.Console.Rendering.RenderOptions options, int maxWidth) =>
            new(1, Math.Max(1, _lines.Max(l => l.Length)));

        public IEnumerable<Spectre.Console.Rendering.Segment> Render(Spectre.Console.Rendering.RenderOptions options, int maxWidth)
        {
            foreach (var line in _lines)
            {
                if (line.Length > 0) yield return new Spectre.Console.Rendering.Segment(line);
                yield return Spectre.Console.Rendering.Segment.LineBreak;
            }
        }
    }
}
