using System.Globalization;

namespace Inventory.Rules.Learning;

/// <summary>Switches of the session-42 first-level experiments (model42), read once from the environment; all off by
/// default, so the shipped features and learner are unchanged. <c>INV_M42_ITER</c> (L-BFGS iterations),
/// <c>INV_M42_TOL</c> (L-BFGS optimisation tolerance), <c>INV_M42_TRACE</c> (a file that receives each fit's time and
/// Microsoft.ML's messages), <c>INV_M42_SIBSPLIT=1</c> (the closed-compound split in the siblings group),
/// <c>INV_M42_SIB2G=1</c> (each sibling name's own word 2-grams in the siblings group).</summary>
internal static class FirstLevelExperiment
{
    public static readonly int? Iterations = int.TryParse(Environment.GetEnvironmentVariable("INV_M42_ITER"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null;
    public static readonly float? Tolerance = float.TryParse(Environment.GetEnvironmentVariable("INV_M42_TOL"), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ? t : null;
    public static readonly string? TracePath = Environment.GetEnvironmentVariable("INV_M42_TRACE") is { Length: > 0 } p ? p : null;
    public static readonly bool SiblingCompounds = Environment.GetEnvironmentVariable("INV_M42_SIBSPLIT") == "1";
    public static readonly bool SiblingBigrams = Environment.GetEnvironmentVariable("INV_M42_SIB2G") == "1";
    private static readonly object Gate = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> Siblings = new(StringComparer.Ordinal);

    /// <summary>A column name's tokens as the siblings group reads them: <see cref="ColumnFeatures.Tokenize"/> (shipped);
    /// with <see cref="SiblingCompounds"/> <see cref="ColumnFeatures.NameTokens"/> instead; with <see cref="SiblingBigrams"/>
    /// followed by the name's own consecutive word pairs (abbreviations expanded, before the lexicon's English), joined by
    /// an underscore so that the group's space split keeps each pair whole.</summary>
    public static IReadOnlyList<string> SiblingTokens(string name)
    {
        if (!SiblingCompounds && !SiblingBigrams) return ColumnFeatures.Tokenize(name);
        return Siblings.GetOrAdd(name, static n =>
        {
            var tokens = (SiblingCompounds ? ColumnFeatures.NameTokens(n) : ColumnFeatures.Tokenize(n)).ToList();
            if (SiblingBigrams)
            {
                var words = NameRuleSet.Default.ExpandAbbreviations(NameTokenizer.Tokenize(n)).Where(w => !char.IsAsciiDigit(w[0])).ToArray();
                for (int k = 0; k + 1 < words.Length; k++) tokens.Add(words[k] + "_" + words[k + 1]);
            }
            return tokens;
        });
    }

    /// <summary>Appends a fit's heading and its Microsoft.ML messages to <see cref="TracePath"/>.</summary>
    public static void WriteTrace(string heading, IEnumerable<string> messages)
    {
        lock (Gate) File.AppendAllLines(TracePath!, [heading, .. messages, ""]);
    }
}
