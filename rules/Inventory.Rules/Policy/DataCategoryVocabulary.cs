namespace Inventory.Rules.Policy;

/// <summary>The data-category vocabulary a policy may name: the categories and subcategories of the default taxonomy
/// (<c>rules/taxonomy.yml</c>, from <c>../shared/data/LABELS.md</c>) (<c>contact.email</c>, <c>automatic.ip_address</c>…), bare categories
/// (<c>contact</c>) and <c>none</c>. Users may extend it with their own taxonomy's categories.</summary>
public sealed class DataCategoryVocabulary
{
    private readonly HashSet<string> _known;

    private DataCategoryVocabulary(HashSet<string> known) => _known = known;

    /// <summary>The built-in vocabulary: the default taxonomy.</summary>
    public static DataCategoryVocabulary Default { get; } = new(BuildDefault());

    /// <summary>The built-in vocabulary plus extra data categories (e.g. from a user taxonomy).</summary>
    /// <param name="extra">Extra <c>category</c> or <c>category.subcategory</c> names; a subcategory also adds its category.</param>
    /// <returns>A new vocabulary.</returns>
    public static DataCategoryVocabulary With(IEnumerable<string> extra)
    {
        var set = BuildDefault();
        foreach (var name in extra)
        {
            set.Add(name);
            set.Add(Inventory.Classification.DataCategory.TopLevelOf(name));
        }
        return new DataCategoryVocabulary(set);
    }

    /// <summary>The personal data the scan found embedded in a column's content ("also contains": e-mail addresses and
    /// phone numbers inside support messages, an e-mail in an SSH key's comment; <see cref="Inventory.Classification.ColumnClassification.AlsoContains"/>),
    /// as data categories with a subcategory that the column's own category does not cover, in ordinal order; empty for a
    /// column that is not personal data (tagged or suggested <c>none</c>, or undecided) or in which nothing was found. The
    /// bare top levels that JSON documents report (<c>contact</c>, <c>financial</c>) are left out: a JSON column's paths
    /// carry their own categories. Categories only, never a value. The record, the claims and <c>inventory annotate</c>
    /// read embedded data through this one rule (trial34 finding 7f).</summary>
    /// <param name="column">The column.</param>
    public static IReadOnlyList<string> FoundInside(Inventory.Model.ColumnEntry column) =>
        !IsPersonal(column.DataCategory) || column.Classification?.AlsoContains is not { Count: > 0 } also ? []
            : also.Where(a => a.Contains('.') && IsPersonal(a) && !Covers(column.DataCategory!, a))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Every known name, sorted ordinally.</summary>
    public IEnumerable<string> Names => _known.Order(StringComparer.Ordinal);

    /// <summary>True when <paramref name="dataCategory"/> is <c>none</c>, a known category or a known subcategory.</summary>
    /// <param name="dataCategory">e.g. <c>contact.email</c>.</param>
    public bool IsKnown(string dataCategory) => _known.Contains(dataCategory);

    /// <summary>The closest known name, for "did you mean" messages, or null when nothing is close.</summary>
    /// <param name="dataCategory">An unknown name.</param>
    public string? Closest(string dataCategory) => Inventory.Yaml.NameSuggestions.Closest(dataCategory, _known);

    /// <summary>True when <paramref name="declared"/> covers <paramref name="dataCategory"/>: equal, or a bare category
    /// covering its subcategories (<c>contact</c> covers <c>contact.email</c>).</summary>
    /// <param name="declared">A category from the policy.</param>
    /// <param name="dataCategory">A column's data category.</param>
    public static bool Covers(string declared, string dataCategory) =>
        declared == dataCategory || (!declared.Contains('.', StringComparison.Ordinal) && Inventory.Classification.DataCategory.TopLevelOf(dataCategory) == declared);

    /// <summary>True for a data category that is personal data: anything but <c>none</c>.</summary>
    /// <param name="dataCategory">A data category, or null (undecided: false).</param>
    public static bool IsPersonal(string? dataCategory) => dataCategory is not null && dataCategory != "none";

    private static HashSet<string> BuildDefault() => new(Annotations.KnownCategories.BuiltIn.All, StringComparer.Ordinal);

}
