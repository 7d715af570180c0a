using System.Globalization;
using System.Text.RegularExpressions;

namespace Inventory.Rules.Policy;

/// <summary>
/// The GDPR article a legal basis names, read and checked, so that a record of processing never carries a basis the
/// Regulation does not have (trial37 finding 2: <c>Art. 6(1)(g)</c> went into the record unchecked). Accepted, after
/// Regulation (EU) 2016/679: <c>Art. 6(1)(a)</c> to <c>(f)</c> (lawfulness of processing), <c>Art. 9(2)(a)</c> to
/// <c>(j)</c> (the conditions that lift the prohibition on special categories), <c>Art. 10</c> (personal data relating to
/// criminal convictions and offences), <c>Art. 28</c> or <c>Art. 28(3)</c> (a processor's contract or legal act), and
/// <c>Art. 88</c> (processing in the context of employment under Member State law). Written <c>Art. 6(1)(b)</c>,
/// <c>Art 6 (1) (b)</c>, <c>Article 6(1)(b)</c>, optionally preceded or followed by GDPR, RGPD or DSGVO; case-insensitive.
/// National law (<c>§ 26 BDSG</c>, <c>Code de commerce, art. L123-22</c>) goes in the basis's <c>detail</c>.
/// </summary>
/// <param name="Article">The article number (6, 9, 10, 28, 88).</param>
/// <param name="Paragraph">The paragraph, or null when none is written.</param>
/// <param name="Point">The point letter (lower case), or null when none is written.</param>
public sealed partial record LegalBasisArticle(int Article, int? Paragraph, char? Point)
{
    [GeneratedRegex(@"^\s*(?:(?:GDPR|RGPD|DSGVO)\s+)?(?:art(?:icle|ikel|[ií]culo)?\.?)\s*(\d+)\s*(?:\(\s*(\d+)\s*\))?\s*(?:\(\s*([a-z])\s*\))?\s*(?:(?:GDPR|RGPD|DSGVO)\s*)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    private const string Accepted = "a legal basis is Art. 6(1)(a) to (f), with Art. 9(2)(a) to (j) for special categories of data, " +
                                    "Art. 10 for data on criminal convictions, Art. 28(3) for a processor's contract or Art. 88 for employment; " +
                                    "national law goes in 'detail'";

    /// <summary>True for a condition of Art. 9(2), which special categories of data (health, opinions, biometrics…) need
    /// besides an Art. 6(1) basis.</summary>
    public bool IsSpecialCategoryCondition => Article == 9;

    /// <summary>Reads the article of a legal basis.</summary>
    /// <param name="text">What the policy writes (<c>Art. 6(1)(b)</c>).</param>
    /// <param name="article">The article read, or null when <paramref name="text"/> is not an accepted one.</param>
    /// <param name="error">Why it is refused and what to write instead (names the text, never guesses silently), or null.</param>
    /// <returns>True when the text names an accepted article.</returns>
    public static bool TryRead(string text, out LegalBasisArticle? article, out string? error)
    {
        article = null;
        var match = Reference().Match(text);
        if (!match.Success)
        {
            error = $"'{text}' is not an article of the GDPR; {Accepted}";
            return false;
        }
        int number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        int? paragraph = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        char? point = match.Groups[3].Success ? char.ToLowerInvariant(match.Groups[3].Value[0]) : null;
        error = (number, paragraph, point) switch
        {
            (6, 1, >= 'a' and <= 'f') or (9, 2, >= 'a' and <= 'j') or (10, null, null) or (28, null or 3, null) or (88, _, null) => null,
            (6, 1, null) => $"'{text}' names no point: Art. 6(1) has points (a) consent, (b) contract, (c) legal obligation, (d) vital interests, (e) public task, (f) legitimate interests",
            (6, 1, _) => $"'{text}' is not a legal basis: Art. 6(1) has points (a) to (f) only",
            (6, _, _) => $"'{text}' is not a legal basis: the bases are the points of Art. 6(1), e.g. Art. 6(1)(b)",
            (9, 2, null) => $"'{text}' names no point: Art. 9(2) has points (a) to (j), e.g. Art. 9(2)(a) explicit consent",
            (9, 2, _) => $"'{text}' is not a condition of Art. 9(2): it has points (a) to (j) only",
            (9, _, _) => $"'{text}' is not a condition for special categories: those are the points of Art. 9(2), e.g. Art. 9(2)(h)",
            _ => $"'{text}' is not a legal basis; {Accepted}",
        };
        if (error is not null) return false;
        article = new LegalBasisArticle(number, paragraph, point);
        return true;
    }
}
