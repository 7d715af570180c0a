namespace Inventory.Scanning;

/// <summary>Masks a value so it can be shown as an example without revealing it: each run of letters keeps its first
/// letter and becomes <c>x***</c>, each run of digits becomes <c>###</c>, separators stay, so neither the value nor the
/// length of its parts can be read back (<c>john.doe@example.com</c> → <c>j***.d***@e***.c***</c>,
/// <c>+33 6 12 34 56 78</c> → <c>+### ### ### ### ### ###</c>). Input longer than 64 characters is cut first.
/// <see cref="Examples"/> decides which columns may show examples at all: a mask hides a value drawn from many, not one
/// drawn from a short list (<c>A+</c> → <c>A***+</c> is the blood group itself).</summary>
public static class Masking
{
    /// <summary>Fewest distinct sampled values a column needs before it shows examples: below it the values form a
    /// short list (sexes, blood groups, yes/no, religions), and a value's initial and separators name the value.</summary>
    public const int MinDistinctValuesForExamples = 10;

    /// <summary>Up to three distinct masked examples of a column's sampled values, or null when the column must not show
    /// any: no value sampled; fewer than <see cref="MinDistinctValuesForExamples"/> distinct values (an enumeration,
    /// whose masked values stay readable); or a column classified as health or special-category data (GDPR Article 9),
    /// whose every example, however masked, says something about a person's health, beliefs or life.</summary>
    /// <param name="values">The column's sampled non-null values (raw; never stored).</param>
    /// <param name="category">The column's suggested category (e.g. <c>other_personal.health</c>), or null.</param>
    /// <returns>Masked examples, or null.</returns>
    public static List<string>? Examples(IReadOnlyList<string> values, string? category)
    {
        if (values.Count == 0 || IsArticle9(category)) return null;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
            if (distinct.Add(v) && distinct.Count >= MinDistinctValuesForExamples) break;
        if (distinct.Count < MinDistinctValuesForExamples) return null;
        return values.Select(Mask).Distinct(StringComparer.Ordinal).Take(3).ToList();
    }

    private static bool IsArticle9(string? category) =>
        category is "other_personal.health" or "other_personal.special_category";

    /// <summary>Masks one value.</summary>
    /// <param name="value">Raw value.</param>
    /// <returns>The masked text: at most one character of any run of letters, no digit, fixed-length runs.</returns>
    public static string Mask(string value)
    {
        var text = value.Length > 64 ? value[..64] : value;
        var b = new System.Text.StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsLetter(c))
            {
                b.Append(c).Append("***");
                while (i < text.Length && char.IsLetter(text[i])) i++;
            }
            else if (char.IsDigit(c))
            {
                b.Append("###");
                while (i < text.Length && char.IsDigit(text[i])) i++;
            }
            else
            {
                b.Append(c);
                i++;
            }
        }
        if (value.Length > 64) b.Append('…');
        return b.ToString();
    }
}
