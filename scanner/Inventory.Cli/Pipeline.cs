using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Spectre.Console;

namespace Inventory.Cli;

/// <summary>The steps every command shares after the scan: the classifier the config asks for, and the annotation merge.</summary>
internal static class Pipeline
{
    /// <summary>The default classifier (name rules + detectors + model), with the config's overrides.</summary>
    public static IColumnClassifier CreateClassifier(InventoryConfig config) => new UndecidedClassifier();

    /// <summary>The categories annotations may use (the taxonomy).</summary>
    public static IKnownCategories Categories(InventoryConfig config) => KnownCategories.BuiltIn;

    /// <summary>Merges the configured annotations into the document (annotation > database label > classification).
    /// Annotation file errors are printed (file:line:column) and returned; the good files still apply.</summary>
    /// <returns>The loaded set (with its errors) and the merge result, or nulls when no annotations are configured.</returns>
    public static (AnnotationSet? Set, MergeResult? Result) ApplyAnnotations(IAnsiConsole console, InventoryDocument document, InventoryConfig config)
    {
        if (config.Annotations is null) return (null, null);
        var path = config.Resolve(config.Annotations);
        if (!Directory.Exists(path) && !File.Exists(path))
            throw new ConfigurationException("annotations folder or file not found", path);
        var categories = Categories(config);
        var set = new AnnotationLoader(categories).Load(path);
        foreach (var error in set.Errors)
            console.Write(new Text($"error: {error.Message}\n", new Style(Color.Red)));
        var result = new AnnotationMerger(categories, new MergeOptions { PathBase = Directory.GetCurrentDirectory() }).Apply(document, set);
        return (set, result);
    }

    private sealed class UndecidedClassifier : IColumnClassifier
    {
        public Classification.Classification Classify(ColumnEvidence column) => Classification.Classification.Undecided();
    }
}
