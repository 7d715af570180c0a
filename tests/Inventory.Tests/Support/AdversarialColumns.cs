using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Evaluation;

namespace Inventory.Tests.Support;

/// <summary>One language's ways of naming a kind of column: each name is a list of lower-case words, written by
/// <see cref="AdversarialColumns.Spell"/> in a database's styles.</summary>
/// <param name="Language">en, fr, de or es.</param>
/// <param name="Names">The names, as words (<c>["id", "session"]</c>, <c>["browsersprache"]</c>).</param>
/// <param name="Tables">Tables such a column stands in (written as given, sometimes with a schema or app prefix).</param>
internal sealed record KindWording(string Language, string[][] Names, string[] Tables);

/// <summary>A kind of column generated in bulk: the names of every language, the declared types it comes in, the sibling
/// columns of its table, and the categories a correct decision may take.</summary>
/// <param name="What">What the kind is, for failure messages.</param>
/// <param name="Wordings">One wording per language (en, fr, de, es).</param>
/// <param name="Types">Declared types the column is given (picked at random).</param>
/// <param name="Siblings">Other columns of its table (names only).</param>
/// <param name="Accepted">Categories a correct decision takes: a full category (<c>financial.tax_id</c>) must be met
/// exactly; a top level alone (<c>automatic</c>, <c>none</c>) is met by any of its subcategories.</param>
internal sealed record ColumnKind(string What, KindWording[] Wordings, string[] Types, string[] Siblings, string[] Accepted);

/// <summary>A generated column: table, siblings, name and declared type, and what a correct decision is.</summary>
/// <param name="Kind">The kind it was generated from.</param>
/// <param name="Language">The language of its name.</param>
/// <param name="Table">Its table.</param>
/// <param name="Column">Its name as written.</param>
/// <param name="Type">Its declared type.</param>
/// <param name="Siblings">Other columns of its table.</param>
internal sealed record AdversarialColumn(ColumnKind Kind, string Language, string Table, string Column, string Type, string[] Siblings)
{
    /// <summary>The column known by name and type only (not sampled), with its table's column names: what CI sees of a
    /// freshly migrated database, and what cross-validation measures.</summary>
    public ColumnEvidence ToEvidence() => new()
    {
        Table = Table,
        Column = new ColumnInfo { Name = Column, Ordinal = 1, DeclaredType = Type, Family = DeclaredTypes.FamilyOf(Type) },
        Sampled = false,
        TableColumns = [.. Siblings, Column],
    };

    /// <summary>True when <paramref name="category"/> (null: untagged) is one the kind accepts.</summary>
    public bool Accepts(string? category) =>
        category is not null && Kind.Accepted.Any(a => a == category || (!a.Contains('.') && DataCategory.TopLevelOf(category) == a));
}

/// <summary>
/// Generates adversarial columns of a kind in bulk (issue 10 item 6): names of the four languages (en, fr, de, es) in the
/// spellings databases use (snake, camel, Pascal, upper snake), tables of the kind with and without a schema or app
/// prefix, and the kind's declared types; seeded, so a failure is reproducible. Only kinds are asserted, never one
/// literal row. Shared by the adversarial tests of the rules (<c>HeldBackKindAdversarialTests</c>,
/// <c>NameKindAdversarialTests</c>, <c>IdentityDocumentAdversarialTests</c>).
/// </summary>
internal static class AdversarialColumns
{
    /// <summary>A value of <paramref name="values"/> picked at random.</summary>
    public static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>Writes words (lower case) as a database would name them: snake, camel, Pascal or upper snake case.</summary>
    /// <param name="random">The seeded source.</param>
    /// <param name="words">The words, lower case.</param>
    /// <returns>The name.</returns>
    public static string Spell(Random random, params string[] words) => random.Next(4) switch
    {
        0 => string.Join('_', words),
        1 => words[0] + string.Concat(words.Skip(1).Select(Capital)),
        2 => string.Concat(words.Select(Capital)),
        _ => string.Join('_', words).ToUpperInvariant(),
    };

    /// <summary>Writes a snake-case name in one of the database styles (<see cref="Spell"/>).</summary>
    public static string Styled(Random random, string snake) => Spell(random, snake.Split('_'));

    private static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    /// <summary>A table name as a schema writes it: as given, or behind a schema or application prefix.</summary>
    public static string Table(Random random, string table) => Pick(random, ["", "", "", "app_", "tbl_", "public.", "crm_"]) + table;

    /// <summary><paramref name="count"/> columns of <paramref name="kind"/>, the languages taken in turn.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="count">How many columns.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The columns.</returns>
    public static IReadOnlyList<AdversarialColumn> Generate(ColumnKind kind, int count, int seed)
    {
        var random = new Random(seed);
        var columns = new List<AdversarialColumn>(count);
        for (int i = 0; i < count; i++)
        {
            var wording = kind.Wordings[i % kind.Wordings.Length];
            var column = Spell(random, Pick(random, wording.Names));
            columns.Add(new AdversarialColumn(kind, wording.Language, Table(random, Pick(random, wording.Tables)), column, Pick(random, kind.Types), kind.Siblings));
        }
        return columns;
    }

    /// <summary>The columns <paramref name="classifier"/> gets wrong, each as <c>table.column (type, language) → got</c>.</summary>
    /// <param name="classifier">The classifier (scored in one batch).</param>
    /// <param name="columns">Generated columns.</param>
    /// <returns>One line per wrong column.</returns>
    public static IReadOnlyList<string> Misses(IColumnClassifier classifier, IReadOnlyList<AdversarialColumn> columns)
    {
        var decisions = classifier.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        return columns.Zip(decisions)
            .Where(p => !p.First.Accepts(p.Second.DataCategory))
            .Select(p => $"{p.First.Table}.{p.First.Column} ({p.First.Type}, {p.First.Language}) → {p.Second.DataCategory ?? "untagged"}")
            .ToList();
    }

    /// <summary>Word lists for a kind's names: each entry split on spaces (<c>"last login"</c> → <c>last</c>, <c>login</c>),
    /// spelled later in the naming styles of <see cref="Spell"/>.</summary>
    public static string[][] Words(params string[] names) => names.Select(n => n.Split(' ')).ToArray();

    /// <summary>Generates <paramref name="count"/> columns of <paramref name="kind"/> and asserts that
    /// <paramref name="classifier"/> gives every one an accepted category (names and types only), printing the count.</summary>
    public static void AssertAllAccepted(IColumnClassifier classifier, ColumnKind kind, int count, int seed)
    {
        var columns = Generate(kind, count, seed);
        var misses = Misses(classifier, columns);
        NUnit.Framework.TestContext.Out.WriteLine($"{kind.What}: {misses.Count} of {columns.Count} wrong");
        NUnit.Framework.Assert.That(misses, NUnit.Framework.Is.Empty, Describe(kind, misses, columns.Count));
    }

    /// <summary>Generates <paramref name="count"/> columns of <paramref name="kind"/> (look-alikes) and asserts that
    /// <paramref name="classifier"/> gives none of them <paramref name="refused"/> (a full category, or a top level and
    /// everything under it).</summary>
    public static void AssertNoneTake(IColumnClassifier classifier, ColumnKind kind, int count, int seed, string refused)
    {
        var columns = Generate(kind, count, seed);
        var decisions = classifier.ClassifyMany(columns.Select(c => c.ToEvidence()).ToArray());
        var wrong = columns.Zip(decisions)
            .Where(p => p.Second.DataCategory is { } d && (d == refused || d.StartsWith(refused + ".", StringComparison.Ordinal)))
            .Select(p => $"{p.First.Table}.{p.First.Column} ({p.First.Type}, {p.First.Language}) → {p.Second.DataCategory}")
            .ToList();
        NUnit.Framework.TestContext.Out.WriteLine($"{kind.What}: {wrong.Count} of {columns.Count} took {refused}");
        NUnit.Framework.Assert.That(wrong, NUnit.Framework.Is.Empty,
            $"{wrong.Count} of {columns.Count} {kind.What} took {refused}; e.g. {string.Join("; ", wrong.Take(12))}");
    }

    /// <summary>A failure message: how many of the kind's columns were wrong, and the first of them.</summary>
    public static string Describe(ColumnKind kind, IReadOnlyList<string> misses, int total) =>
        $"{misses.Count} of {total} {kind.What} wrong (expected {string.Join(" or ", kind.Accepted)}); e.g. {string.Join("; ", misses.Take(12))}";
}
