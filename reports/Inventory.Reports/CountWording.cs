using System.Globalization;

namespace Inventory.Reports;

/// <summary>English wording of a count for what a DPO reads (report cards and summaries, claim summaries, the diff, export
/// headers): the singular for exactly one, the plural otherwise (<c>0 conflicts</c>, <c>1 conflict</c>,
/// <c>2 conflicts</c>). The plural is given, never derived (<c>category</c>/<c>categories</c>,
/// <c>claim holds</c>/<c>claims hold</c>).</summary>
public static class CountWording
{
    /// <summary>The noun (or phrase) that goes with <paramref name="count"/>.</summary>
    /// <param name="count">The count; negative counts take the plural.</param>
    /// <param name="singular">The wording for exactly one (<c>conflict</c>).</param>
    /// <param name="plural">The wording for any other count (<c>conflicts</c>).</param>
    /// <returns><paramref name="singular"/> when <paramref name="count"/> is 1, else <paramref name="plural"/>.</returns>
    public static string Noun(long count, string singular, string plural) => count == 1 ? singular : plural;

    /// <summary>The count followed by its noun (<c>1 column</c>, <c>3 columns</c>), the number in invariant digits.</summary>
    /// <param name="count">The count.</param>
    /// <param name="singular">The wording for exactly one.</param>
    /// <param name="plural">The wording for any other count.</param>
    /// <returns><c>count noun</c>.</returns>
    public static string Phrase(long count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + Noun(count, singular, plural);
}
