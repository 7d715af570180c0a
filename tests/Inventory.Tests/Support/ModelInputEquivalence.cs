using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;

namespace Inventory.Tests.Support;

/// <summary>The model's inputs built three ways over the same columns, for the memo tests of <see cref="ColumnFeatures"/>:
/// with a memo bypassed (the reference), in reverse order (the memo filled by other tables first) and once more (every key
/// a hit). Each input is rendered as one line of its fields joined by <c>|</c>.</summary>
public static class ModelInputEquivalence
{
    /// <summary>Every column of ../shared/data/corpus followed by <paramref name="generated"/>, with the rules' decisions.</summary>
    /// <param name="generated">The test's generated columns.</param>
    /// <returns>The columns and their rule decisions, index for index.</returns>
    /// <exception cref="IOException">The corpus cannot be read.</exception>
    public static (ColumnEvidence[] Evidence, ColumnClassification[] Decisions) CorpusAnd(IEnumerable<ColumnEvidence> generated)
    {
        var evidence = LabelledApplication.ReadCorpus(Path.Combine(SharedPaths.Data, "corpus"))
            .SelectMany(a => GoldFile.ToEvidence(a.Rows)).Concat(generated).ToArray();
        return (evidence, ClassifierFactory.CreateRules().ClassifyMany(evidence).ToArray());
    }

    /// <summary>Builds the inputs of <paramref name="evidence"/> three ways: with <paramref name="bypass"/> set to true
    /// (reset to false after, even on error), in reverse order, and again in order.</summary>
    /// <param name="evidence">The columns.</param>
    /// <param name="decisions">Their rule decisions, index for index.</param>
    /// <param name="bypass">Sets the memo's bypass flag (<see cref="ColumnFeatures.BypassInputMemos"/> or
    /// <see cref="ColumnFeatures.BypassSignalBitsCache"/>).</param>
    /// <returns>The rendered inputs of each build, in the columns' order.</returns>
    public static (string[] Reference, string[] Reversed, string[] Again) BuildThreeWays(
        ColumnEvidence[] evidence, ColumnClassification[] decisions, Action<bool> bypass)
    {
        string[] reference;
        bypass(true);
        try
        {
            reference = ColumnFeatures.BuildMany(evidence, decisions).Select(Render).ToArray();
        }
        finally
        {
            bypass(false);
        }
        var reversed = ColumnFeatures.BuildMany(evidence.Reverse().ToArray(), decisions.Reverse().ToArray()).Select(Render).Reverse().ToArray();
        var again = ColumnFeatures.BuildMany(evidence, decisions).Select(Render).ToArray();
        return (reference, reversed, again);
    }

    /// <summary>One input as a line: name, table, siblings, context, type family, type shape, rule, flags, table signals.</summary>
    public static string Render(ColumnModelInput i) =>
        $"{i.Name}|{i.Table}|{i.Siblings}|{i.Context}|{i.TypeFamily}|{i.TypeShape}|{i.Rule}|{string.Join(",", i.Flags)}|{i.TableSignals}";
}
