namespace Inventory.Scanning;

/// <summary>Masks a value so it can be shown as an example without revealing it: each run of letters keeps its first
/// letter and becomes <c>x***</c>, each run of digits becomes <c>###</c>, separators stay, so neither the value nor the
/// length of its parts can be read back (<c>john.doe@example.com</c> → <c>j***.d***@e***.c***</c>,
/// <c>+33 6 12 34 56 78</c> → <c>+### ### ### ### ### ###</c>). Input longer than 64 characters is cut first.
/// <see cref="Examples"/> decides which columns may show examples at all: a mask hides a value drawn from many, not one
/// drawn from a short list (<c>A+</c> → <c>A***+</c> is the blood group itself).</summary>
public static class Masking
{
    /// <summary>A column whose sample repeats at most this many distinct values, or fewer than one in ten, is a value set.</summary>
    private const int MaxValueSetSize = 12;

    /// <summary>Up to three masked examples of a column (distinct masks, in sample order), or null when the column holds
    /// a small set of repeated values: there the first letters and signs that a mask keeps name the values themselves
    /// (<c>M</c>/<c>F</c>, <c>A+</c>/<c>O-</c>, <c>true</c>/<c>false</c>, party or church-tax codes; trial 17), so no
    /// example is shown. A value set is at most 12 distinct non-blank values, or fewer than one distinct value in ten.</summary>
    /// <param name="values">The column's non-null sampled values (raw; never stored).</param>
    /// <param name="category">The column's suggested category, or null. A column classified as health or
    /// special-category data (GDPR Article 9) shows no example whatever its variety: every example of it, however
    /// masked, says something about a person's health, beliefs or life.</param>
    /// <returns>One to three masked examples, or null (no values, a value set, or Article 9 data).</returns>
    public static IReadOnlyList<string>? Examples(IReadOnlyList<string> values, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (category is "other_personal.health" or "other_personal.special_category") return null;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        int total = 0;
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            total++;
            distinct.Add(v.Trim());
        }
        if (total == 0 || distinct.Count <= MaxValueSetSize || distinct.Count < 0.1 * total) return null;
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(Mask).Distinct(StringComparer.Ordinal).Take(3).ToList();
    }

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
