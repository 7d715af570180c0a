using Inventory.Classification;
using NUnit.Framework;

namespace Inventory.Tests.Support;

/// <summary>
/// The one assertion of a kind generated with its values (issue 10 item 6; <c>HeldBackKinds24AdversarialTests</c>,
/// <c>HeldBackKinds25AdversarialTests</c>, <c>HeldBackKinds25Survey</c>, <c>HeldBackKinds26AdversarialTests</c>): generate
/// the kind's columns, classify them names and types only (when names must decide) and sampled (when the kind has values),
/// and count the wrong ones against a ceiling (0 unless a survey recorded a residual). Failure messages name columns and
/// the category they got, never values.
/// </summary>
internal static class SampledKindAssertions
{
    /// <summary>The columns of <paramref name="kind"/> <paramref name="classifier"/> gets wrong, names only (when names
    /// decide) and sampled (when the kind has values), as <c>table.column (type, language) → got</c>; with
    /// <c>INVENTORY_SURVEY_EVIDENCE</c> set, each line also lists the evidence ids.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="count">How many columns to generate.</param>
    /// <param name="seed">The seed of the names and of the values.</param>
    /// <param name="classifier">The classifier (each list scored in one batch).</param>
    /// <returns>The wrong columns, names only and sampled.</returns>
    public static (List<string> NamesOnly, List<string> Sampled) Misses(SurveyKind kind, int count, int seed, IColumnClassifier classifier)
    {
        bool withEvidence = Environment.GetEnvironmentVariable("INVENTORY_SURVEY_EVIDENCE") is { Length: > 0 };
        var columns = AdversarialColumns.Generate(kind.Kind, count, seed);
        var namesOnly = new List<string>();
        if (kind.NamesOnly)
        {
            // An array column's element type is in the catalogue (PostgreSQL's element type), sampled or not.
            var decisions = classifier.ClassifyMany(columns.Select(c => c.ToEvidence())
                .Select(e => kind.Element is { } element ? e with { Column = e.Column with { ElementFamily = element } } : e).ToArray());
            namesOnly = columns.Zip(decisions).Where(p => !kind.Accepts(p.First, p.Second.DataCategory))
                .Select(p => $"{p.First.Table}.{p.First.Column} ({p.First.Type}, {p.First.Language}) → {p.Second.DataCategory ?? "untagged"}"
                    + (withEvidence ? " [" + string.Join(", ", p.Second.Evidence.Select(e => $"{e.Id}:{e.DataCategory}")) + "]" : "")).ToList();
        }
        var sampledWrong = new List<string>();
        if (kind.Values is not null)
        {
            var sampled = kind.Sample(columns, seed);
            sampledWrong = columns.Zip(sampled, classifier.ClassifyMany(sampled)).Where(p => !kind.Accepts(p.First, p.Third.DataCategory))
                .Select(p => $"{p.First.Table}.{p.First.Column} ({p.First.Type}, {p.First.Language}, sampled) → {p.Third.DataCategory ?? "untagged"}"
                    + (withEvidence ? " [" + string.Join(", ", p.Third.Evidence.Select(e => $"{e.Id}:{e.DataCategory}:{e.Matched}/{e.Total}")) + "]" : "")).ToList();
        }
        return (namesOnly, sampledWrong);
    }

    /// <summary>Generates <paramref name="count"/> columns of <paramref name="kind"/> and asserts that at most
    /// <paramref name="ceiling"/> of them are wrong, names only and sampled (both 0 by default: every column right).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="count">How many columns to generate.</param>
    /// <param name="seed">The seed of the names and of the values.</param>
    /// <param name="classifier">The classifier.</param>
    /// <param name="ceiling">The most wrong columns allowed, names only and sampled.</param>
    /// <returns>The wrong columns (for a survey's table).</returns>
    public static (List<string> NamesOnly, List<string> Sampled) AssertSampledKind(SurveyKind kind, int count, int seed, IColumnClassifier classifier,
        (int NamesOnly, int Sampled) ceiling = default)
    {
        var misses = Misses(kind, count, seed, classifier);
        AssertWithin(kind, count, misses, ceiling);
        return misses;
    }

    /// <summary>Asserts that <paramref name="misses"/> of <paramref name="count"/> columns of <paramref name="kind"/> stay
    /// at or under <paramref name="ceiling"/>, names only and sampled, in one scope (both counts reported).</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="count">How many columns were generated.</param>
    /// <param name="misses">The wrong columns (<see cref="Misses"/>).</param>
    /// <param name="ceiling">The most wrong columns allowed, names only and sampled.</param>
    public static void AssertWithin(SurveyKind kind, int count, (List<string> NamesOnly, List<string> Sampled) misses, (int NamesOnly, int Sampled) ceiling)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(misses.NamesOnly, Has.Count.LessThanOrEqualTo(ceiling.NamesOnly),
                "names only: " + AdversarialColumns.Describe(kind.Kind, misses.NamesOnly, count));
            Assert.That(misses.Sampled, Has.Count.LessThanOrEqualTo(ceiling.Sampled),
                $"sampled: {misses.Sampled.Count} of {count} {kind.Kind.What} wrong; e.g. {string.Join("; ", misses.Sampled.Take(12))}");
        }
    }
}
