using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Spectre.Console;

namespace Inventory.Cli;

/// <summary>The steps every command shares after the scan: the classifier the config asks for, and the annotation merge.</summary>
internal static class Pipeline
{
    /// <summary>The default classifier (name rules + detectors + model), with the config's overrides.</summary>
    /// <exception cref="ConfigurationException">A taxonomy, name-rules or model file named by the config is missing or invalid.</exception>
    public static IColumnClassifier CreateClassifier(InventoryConfig config, ClassifierKind kind = ClassifierKind.Combined) =>
        ClassifierFactory.CreateDefault(new ClassifierOptions
        {
            TaxonomyPath = config.Taxonomy is null ? null : config.Resolve(config.Taxonomy),
            NameRulesPath = config.NameRules is null ? null : config.Resolve(config.NameRules),
            ModelPath = config.Model is null ? null : config.Resolve(config.Model),
            Kind = kind,
        });

    /// <summary>The categories annotations may use: the taxonomy (the built-in one extended by the config's file).</summary>
    /// <exception cref="ConfigurationException">The taxonomy file is missing or invalid.</exception>
    public static IKnownCategories Categories(InventoryConfig? config)
    {
        var taxonomy = config?.Taxonomy is null ? Taxonomy.Default : Taxonomy.Load(config.Resolve(config.Taxonomy));
        var all = taxonomy.Categories.SelectMany(c => c.Subcategories.Keys.Select(s => $"{c.Name}.{s}").Prepend(c.Name)).ToArray();
        return KnownCategories.From(taxonomy.IsKnown, all);
    }

    /// <summary>Merges the configured annotations into the document (annotation > database label > classification).
    /// Annotation file errors are printed (file:line:column) and returned; the good files still apply.</summary>
    /// <returns>The loaded set (with its errors) and the merge result, or nulls when no annotations are configured.</returns>
    public static (AnnotationSet? Set, MergeResult? Result) ApplyAnnotations(IAnsiConsole console, InventoryDocument document, InventoryConfig config)
    {
        if (config.Annotations is null) return (null, null);
        var path = config.Resolve(config.Annotations);
        if (!Directory.Exists(path) && !File.Exists(path))
            throw new ConfigurationException("annotations folder or file not found", path);
        var applied = Gate.ApplyAnnotations(document, config, path, isExplicit: true);
        foreach (var error in applied.Annotations.Errors)
            console.Write(new Text($"error: {error.Message}\n", new Style(Color.Red)));
        return (applied.Annotations, applied.Merge);
    }
}
