using Inventory.Config;

namespace Inventory.Pipeline;

/// <summary>Where the annotations are: the one rule every command follows. A path named by the <c>--annotations</c> flag
/// must exist; a path named by the config's <c>annotations:</c> may not exist yet (a first run: "no annotations yet",
/// <c>annotate</c> creates it); otherwise <c>annotations/</c> in the working directory, used only when it exists.</summary>
/// <param name="Path">Folder or file, as given (a flag) or resolved against the config file's folder (the config).</param>
/// <param name="IsExplicit">True when a flag or the config named it.</param>
/// <param name="MayBeAbsent">True when a missing path means "no annotations yet" rather than an error (the config's).</param>
public sealed record AnnotationsLocation(string Path, bool IsExplicit, bool MayBeAbsent = false)
{
    /// <summary>The folder used when nothing names one.</summary>
    public const string DefaultFolder = "annotations";

    /// <summary>The flag's path (must exist), else the config's (may not exist yet), else <see cref="DefaultFolder"/>
    /// (implicit).</summary>
    /// <param name="flag">The <c>--annotations</c> value, or null.</param>
    /// <param name="config">The config (its <c>annotations:</c> is relative to the config file), or null.</param>
    public static AnnotationsLocation Resolve(string? flag, InventoryConfig? config) =>
        flag is not null ? new AnnotationsLocation(flag, true)
        : config?.Annotations is not null ? new AnnotationsLocation(config.Resolve(config.Annotations), true, MayBeAbsent: true)
        : new AnnotationsLocation(DefaultFolder, false);

    /// <summary>The path a flag or the config names, or null when neither does (<c>scan</c> merges only named
    /// annotations: a scan never picks up a folder because it happens to lie in the working directory).</summary>
    /// <param name="flag">The <c>--annotations</c> value, or null.</param>
    /// <param name="config">The config, or null.</param>
    public static AnnotationsLocation? Named(string? flag, InventoryConfig? config) =>
        Resolve(flag, config) is { IsExplicit: true } named ? named : null;

    /// <summary>True when the folder or file exists.</summary>
    public bool Exists => Directory.Exists(Path) || File.Exists(Path);

    /// <summary>True when a missing path is an error: named by a flag.</summary>
    public bool MustExist => IsExplicit && !MayBeAbsent;

    /// <summary>True when the annotations are to be loaded: a path that must exist (a missing one is then reported), or
    /// one that exists.</summary>
    public bool ShouldLoad => MustExist || Exists;

    /// <summary>Checks the path before any work is done (commands call it before scanning, so a typo never costs a
    /// whole sampling run).</summary>
    /// <returns>This location.</returns>
    /// <exception cref="ConfigurationException">A path that must exist does not.</exception>
    public AnnotationsLocation EnsureUsable() =>
        MustExist && !Exists
            ? throw new ConfigurationException("annotations folder or file not found; create it or run `inventory annotate --out DIR`", Path)
            : this;

    /// <summary>The folder new annotation files go to: the path itself, or the folder of a single annotation file.</summary>
    public string Folder => File.Exists(Path) ? System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))! : Path;
}
