using Inventory.Classification;

namespace Inventory.Annotations;

/// <summary>The data categories an annotation may name. The taxonomy (rules/taxonomy.yml) implements it; until then
/// <see cref="KnownCategories.BuiltIn"/> holds the categories of LABELS.md.</summary>
public interface IKnownCategories
{
    /// <summary>True when <paramref name="dataCategory"/> is <c>none</c>, a bare category (<c>contact</c>) or a
    /// <c>category.subcategory</c> of the taxonomy. Comparison is exact (case-sensitive).</summary>
    /// <param name="dataCategory">The text written in the annotation.</param>
    bool IsKnown(string dataCategory);

    /// <summary>Every known value (bare categories, <c>category.subcategory</c> and <c>none</c>), used to suggest the
    /// closest one in error messages.</summary>
    IReadOnlyCollection<string> All { get; }
}

/// <summary>A fixed set of known data categories. Bare categories are added for every <c>category.subcategory</c>
/// given, and <c>none</c> is always known.</summary>
public sealed class KnownCategories : IKnownCategories
{
    private readonly HashSet<string> _all;

    /// <summary>Creates the set.</summary>
    /// <param name="dataCategories">Values such as <c>contact.email</c> or <c>contact</c>.</param>
    public KnownCategories(IEnumerable<string> dataCategories)
    {
        _all = new HashSet<string>(StringComparer.Ordinal) { "none" };
        foreach (var c in dataCategories)
        {
            _all.Add(c);
            _all.Add(DataCategory.TopLevelOf(c));
        }
        All = _all.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Adapts a predicate (e.g. the taxonomy's lookup) plus the list used for suggestions.</summary>
    /// <param name="isKnown">Decides whether a value is known.</param>
    /// <param name="all">Values offered as suggestions.</param>
    public static IKnownCategories From(Func<string, bool> isKnown, IReadOnlyCollection<string> all) => new PredicateCategories(isKnown, all);

    /// <summary>The categories and subcategories of the default taxonomy (rules/taxonomy.yml, from ../shared/data/LABELS.md).</summary>
    public static KnownCategories BuiltIn { get; } = new(Names(Inventory.Rules.Taxonomy.Default));

    /// <summary>The categories of a taxonomy (the built-in one, or the built-in one extended by a user's file).</summary>
    /// <param name="taxonomy">The taxonomy.</param>
    /// <returns>Known when the taxonomy knows the value; every category and subcategory offered as a suggestion.</returns>
    public static IKnownCategories Of(Inventory.Rules.Taxonomy taxonomy) => From(taxonomy.IsKnown, Names(taxonomy));

    /// <summary>Every category and <c>category.subcategory</c> of a taxonomy, each category before its subcategories.</summary>
    private static string[] Names(Inventory.Rules.Taxonomy taxonomy) =>
        taxonomy.Categories.SelectMany(c => c.Subcategories.Keys.Select(s => $"{c.Name}.{s}").Prepend(c.Name)).ToArray();

    /// <inheritdoc />
    public bool IsKnown(string dataCategory) => _all.Contains(dataCategory);

    /// <inheritdoc />
    public IReadOnlyCollection<string> All { get; }

    private sealed class PredicateCategories(Func<string, bool> isKnown, IReadOnlyCollection<string> all) : IKnownCategories
    {
        public bool IsKnown(string dataCategory) => dataCategory == "none" || isKnown(dataCategory);
        public IReadOnlyCollection<string> All { get; } = all;
    }
}

/// <summary>Edit distance used to suggest the closest name (categories, tables, columns).</summary>
internal static class Closest
{
    /// <summary>The candidate closest to <paramref name="name"/>, or null when none is close enough
    /// (distance ≤ max(2, length/3), or equal ignoring case).</summary>
    public static string? Find(string name, IEnumerable<string> candidates) => Inventory.Yaml.NameSuggestions.Closest(name, candidates);

    /// <summary>Tokens that mark a renamed or retired copy rather than what a column holds (<c>phone_old</c>).</summary>
    private static readonly HashSet<string> RenameMarkers = new(StringComparer.Ordinal)
    {
        "old", "new", "tmp", "temp", "bak", "backup", "legacy", "deprecated", "copy", "orig", "original", "prev", "previous", "unused",
    };

    /// <summary>The existing identifier an annotated name was most likely renamed to, or null. First the closest by
    /// edit distance (<see cref="Find"/>); failing that, the candidate sharing the largest share of name tokens (split at
    /// <c>_</c>, <c>-</c>, spaces, digits and camelCase humps, lower-cased, rename markers such as <c>old</c>, <c>tmp</c>,
    /// <c>legacy</c> ignored): shared tokens / tokens of the longer name must reach 0.5 (<c>phone_old</c> →
    /// <c>phone_number</c>). Ties go to the smaller edit distance, then ordinal order.</summary>
    /// <param name="name">The annotated name that is gone.</param>
    /// <param name="candidates">Existing names.</param>
    public static string? FindName(string name, IEnumerable<string> candidates)
    {
        var list = candidates as IReadOnlyCollection<string> ?? candidates.ToList();
        if (Find(name, list) is { } close) return close;
        var tokens = Tokens(name);
        if (tokens.Count == 0) return null;
        return list
            .Select(c => (Name: c, Tokens: Tokens(c)))
            .Where(c => c.Tokens.Count > 0)
            .Select(c => (c.Name, Score: (double)c.Tokens.Intersect(tokens).Count() / Math.Max(c.Tokens.Count, tokens.Count), Distance: Inventory.Yaml.NameSuggestions.Levenshtein(name, c.Name)))
            .Where(c => c.Score >= 0.5)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>Lower-cased name tokens without rename markers.</summary>
    internal static HashSet<string> Tokens(string name)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            if (current.Length == 0) return;
            var token = current.ToString().ToLowerInvariant();
            if (!RenameMarkers.Contains(token)) tokens.Add(token);
            current.Clear();
        }
        for (int i = 0; i < name.Length; i++)
        {
            char ch = name[i];
            if (!char.IsLetter(ch)) { Flush(); continue; }
            if (char.IsUpper(ch) && i > 0 && char.IsLower(name[i - 1])) Flush();
            current.Append(ch);
        }
        Flush();
        return tokens;
    }

}
