namespace Inventory.Rules.Policy;

/// <summary>The data-category vocabulary a policy may name: the categories and subcategories of
/// <c>../shared/data/LABELS.md</c> (<c>contact.email</c>, <c>automatic.ip_address</c>…), bare categories
/// (<c>contact</c>) and <c>none</c>. Users may extend it with their own taxonomy's categories.</summary>
public sealed class DataCategoryVocabulary
{
    private static readonly Dictionary<string, string[]> Builtin = new(StringComparer.Ordinal)
    {
        ["contact"] = ["name", "company_name", "postal_address", "phone", "email", "username"],
        ["financial"] = ["payment_card", "bank_account", "tax_id", "payment_reference", "billing"],
        ["automatic"] = ["ip_address", "user_agent", "browser_language", "device_id", "geolocation", "activity"],
        ["customer_content"] = ["source_code", "application_data", "file", "message", "transaction_history"],
        ["other_personal"] = ["credentials", "date_of_birth", "gender", "national_id", "photo", "health", "employment", "location", "special_category"],
    };

    private readonly HashSet<string> _known;

    private DataCategoryVocabulary(HashSet<string> known) => _known = known;

    /// <summary>The built-in vocabulary of LABELS.md.</summary>
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
            if (name.IndexOf('.', StringComparison.Ordinal) is var dot and > 0) set.Add(name[..dot]);
        }
        return new DataCategoryVocabulary(set);
    }

    /// <summary>Every known name, sorted ordinally.</summary>
    public IEnumerable<string> Names => _known.Order(StringComparer.Ordinal);

    /// <summary>True when <paramref name="dataCategory"/> is <c>none</c>, a known category or a known subcategory.</summary>
    /// <param name="dataCategory">e.g. <c>contact.email</c>.</param>
    public bool IsKnown(string dataCategory) => _known.Contains(dataCategory);

    /// <summary>The closest known name, for "did you mean" messages, or null when nothing is close.</summary>
    /// <param name="dataCategory">An unknown name.</param>
    public string? Closest(string dataCategory)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var name in _known)
        {
            int d = Distance(dataCategory, name);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(name, best) < 0)) (best, bestDistance) = (name, d);
        }
        return bestDistance <= Math.Max(2, dataCategory.Length / 3) ? best : null;
    }

    /// <summary>True when <paramref name="declared"/> covers <paramref name="dataCategory"/>: equal, or a bare category
    /// covering its subcategories (<c>contact</c> covers <c>contact.email</c>).</summary>
    /// <param name="declared">A category from the policy.</param>
    /// <param name="dataCategory">A column's data category.</param>
    public static bool Covers(string declared, string dataCategory) =>
        declared == dataCategory
        || (dataCategory.Length > declared.Length && dataCategory[declared.Length] == '.' && dataCategory.StartsWith(declared, StringComparison.Ordinal));

    /// <summary>The top-level category of a data category (<c>contact</c> for <c>contact.email</c>).</summary>
    /// <param name="dataCategory">A data category.</param>
    public static string TopLevel(string dataCategory) =>
        dataCategory.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? dataCategory[..dot] : dataCategory;

    /// <summary>True for a data category that is personal data: anything but <c>none</c>.</summary>
    /// <param name="dataCategory">A data category, or null (undecided: false).</param>
    public static bool IsPersonal(string? dataCategory) => dataCategory is not null && dataCategory != "none";

    private static HashSet<string> BuildDefault()
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { "none" };
        foreach (var (category, subs) in Builtin)
        {
            set.Add(category);
            foreach (var sub in subs) set.Add($"{category}.{sub}");
        }
        return set;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
