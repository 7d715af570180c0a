namespace Inventory.Rules.Learning;

/// <summary>
/// Splits a closed compound (a column-name token that joins words without a separator: <c>billingaddress</c>,
/// <c>emailverified</c>, <c>createdat</c>, <c>kundennummer</c>, <c>rechnungsadresse</c>, <c>fechadenacimiento</c>) into the
/// words it is made of, so that the column model sees the words a name shares with names spelled with separators. The
/// segmentation is the classic dynamic programme over a dictionary (fewest words covering the whole token; among those,
/// the one whose shortest word is longest; Norvig, "Natural Language Corpus Data", in <i>Beautiful Data</i>, 2009, without
/// the word frequencies, which no corpus here gives for column names). The dictionary is fixed: the words the default name
/// rules name (<see cref="NameRuleSet.Words"/>, four languages) and those of the name lexicon (<see cref="NameLexicon.Words"/>),
/// never fitted on a cross-validation's test fold.
/// <list type="bullet">
/// <item>A word of four letters or more is a dictionary word, or one with an inflection or a German linking <c>s</c>
/// (<c>ports</c> → <c>port</c>, <c>rechnungs</c> → <c>rechnung</c>, <c>scheduled</c> → <c>schedule</c>) whose stem has four letters or more;
/// derivational endings (<c>ship</c>, <c>uses</c>, …) are never words of their own (<c>ownership</c> stays whole).</item>
/// <item>A word of three letters is one of <see cref="ThreeLetterWords"/> (short words that compound in schemas: <c>sub</c>,
/// <c>geo</c>, <c>api</c>, <c>url</c>, <c>tax</c>, …), dictionary or not: most three-letter dictionary entries are
/// abbreviations that end real words (<c>ext</c>ended, <c>exp</c>ort, <c>lat</c>est).</item>
/// <item>A word of two letters is allowed only where names put it: first <c>ip</c>, <c>is</c>, <c>id</c>; inside <c>de</c>, <c>du</c>,
/// <c>la</c>, <c>el</c>, <c>le</c>, <c>of</c>, <c>by</c>, <c>id</c>; last <c>id</c>, <c>at</c>, <c>on</c>, <c>by</c>, <c>of</c>,
/// <c>to</c> (so <c>information</c>, <c>invalid</c> and <c>brutto</c> stay whole).</item>
/// <item>A token that is itself a dictionary word (<c>metadata</c>, <c>telefonnummer</c>, <c>createat</c>) is a word the rules
/// name as it is and stays whole; so do <see cref="WholeWords"/>.</item>
/// </list>
/// Immutable and thread-safe.
/// </summary>
public sealed class ClosedCompoundSegmenter
{
    /// <summary>Shortest token read as a possible compound.</summary>
    public const int MinimumCompoundLength = 5;
    /// <summary>Longest token read as a possible compound (a bound on the programme's cost).</summary>
    public const int MaximumCompoundLength = 48;

    /// <summary>Three-letter words that are words of a compound (see the class summary).</summary>
    public static IReadOnlySet<string> ThreeLetterWords => ThreeLetter;

    private static readonly HashSet<string> ThreeLetter = new(StringComparer.Ordinal)
    {
        "sub", "geo", "msg", "max", "min", "day", "job", "doc", "end", "tax", "log", "run", "bot", "api", "key", "url", "tag",
        "pay", "fee", "new", "old", "top", "web", "app", "bcc", "tel", "fax", "zip", "iso", "pin", "vat", "sms", "ean", "utm",
        "dns", "ssh", "gps", "mac", "mfa", "otp", "sso", "crm", "pdf", "csv", "xml", "img", "src", "ref", "seo", "sku", "qty",
        "amt", "num", "nom", "rue", "cvv", "dob", "bio", "lat", "lng", "uid", "pwd", "tva", "ttc", "iva", "nif", "cif", "typ", "ids",
    };

    /// <summary>Words never read as a word of a compound: English derivational endings and words that end many unrelated
    /// words.</summary>
    public static IReadOnlySet<string> NeverWords => Never;

    private static readonly HashSet<string> Never = new(StringComparer.Ordinal)
        { "ship", "ships", "uses", "able", "ment", "ness", "less", "ward", "wards", "ling", "ance", "ence" };

    /// <summary>Words that look like compounds of dictionary words and are not (look-alikes): never split.</summary>
    public static IReadOnlySet<string> WholeWords => Whole;

    private static readonly HashSet<string> Whole = new(StringComparer.Ordinal)
        { "append", "carton", "passeport", "passport", "password", "keyword", "keywords", "island", "network", "networks", "brutto", "identity", "identities" };

    private static readonly HashSet<string> FirstTwoLetterWords = new(StringComparer.Ordinal) { "ip", "is", "id" };
    private static readonly HashSet<string> InnerTwoLetterWords = new(StringComparer.Ordinal) { "de", "du", "la", "el", "le", "of", "by", "id" };
    private static readonly HashSet<string> LastTwoLetterWords = new(StringComparer.Ordinal) { "id", "at", "on", "by", "of", "to" };

    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates a segmenter over a dictionary.</summary>
    /// <param name="dictionary">Folded lower-case words (<see cref="NameTokenizer.Fold"/>); words of fewer than two letters
    /// and words with other characters than <c>a</c>–<c>z</c> are ignored.</param>
    public ClosedCompoundSegmenter(IEnumerable<string> dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        _words = new HashSet<string>(dictionary.Where(w => w.Length >= 2 && w.All(char.IsAsciiLetterLower)), StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The segmenter over the default name rules' words and the name lexicon's.</summary>
    public static ClosedCompoundSegmenter Default { get; } =
        new(NameRuleSet.Default.Words().Concat(NameLexicon.Default.Words()));

    /// <summary>Number of dictionary words.</summary>
    public int Count => _words.Count;

    /// <summary>True when the word is in the dictionary (and so is never split, <see cref="Segment"/>).</summary>
    /// <param name="word">A folded lower-case word.</param>
    public bool Contains(string word) => _words.Contains(word);

    /// <summary>The words of a closed compound.</summary>
    /// <param name="token">A folded lower-case token (<see cref="NameTokenizer.Tokenize"/>).</param>
    /// <returns>Two or more words in order (each in its dictionary form: <c>rechnungs</c> → <c>rechnung</c>), or null when the
    /// token is shorter than <see cref="MinimumCompoundLength"/> or longer than <see cref="MaximumCompoundLength"/>, holds
    /// anything but the letters a–z, is a dictionary word or one of <see cref="WholeWords"/>, or has no segmentation.</returns>
    public string[]? Segment(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        int n = token.Length;
        if (n < MinimumCompoundLength || n > MaximumCompoundLength || Whole.Contains(token)) return null;
        foreach (var c in token) if (!char.IsAsciiLetterLower(c)) return null;
        // A dictionary word is a word the rules name as it is (metadata, telefonnummer, createat): kept whole. Splitting them
        // too broke 19 columns and fixed none in cross-validation (rules/MODEL.md).
        return _words.Contains(token) ? null : Split(token);
    }

    private string[]? Split(string token)
    {
        int n = token.Length;
        // best[i]: the fewest words covering token[..i], then the longest shortest word; from[i] the start of the last word.
        Span<int> count = stackalloc int[n + 1], shortest = stackalloc int[n + 1], from = stackalloc int[n + 1];
        count.Fill(int.MaxValue);
        count[0] = 0;
        shortest[0] = int.MaxValue;
        for (int end = 1; end <= n; end++)
            for (int start = 0; start < end; start++)
            {
                int length = end - start;
                if (count[start] == int.MaxValue || (start == 0 && end == n)) continue;
                if (WordAt(token, start, end) is null) continue;
                int c = count[start] + 1, s = Math.Min(shortest[start], length);
                if (c < count[end] || (c == count[end] && s > shortest[end]))
                {
                    count[end] = c;
                    shortest[end] = s;
                    from[end] = start;
                }
            }
        if (count[n] == int.MaxValue) return null;
        var parts = new string[count[n]];
        for (int end = n, k = parts.Length - 1; end > 0; end = from[end], k--)
            parts[k] = WordAt(token, from[end], end)!;
        return parts;
    }

    /// <summary>The dictionary form of <c>token[start..end]</c> as a word of a compound, or null when it is none.</summary>
    private string? WordAt(string token, int start, int end)
    {
        var word = token.AsSpan(start, end - start);
        bool first = start == 0, last = end == token.Length;
        switch (word.Length)
        {
            case < 2:
                return null;
            case 2:
                var set = first ? FirstTwoLetterWords : last ? LastTwoLetterWords : InnerTwoLetterWords;
                return set.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var two) ? two : null;
            case 3:
                return ThreeLetter.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var three) ? three : null;
        }
        if (IsNeverWord(word)) return null;
        if (_lookup.TryGetValue(word, out var known)) return known;
        // Inflections and the German linking s: the stem (four letters or more) is a dictionary word.
        if (word[^1] == 's' && Stem(word[..^1]) is { } singular) return singular;
        if (word.EndsWith("es") && Stem(word[..^2]) is { } plural) return plural;
        if (word[^1] == 'd' && Stem(word[..^1]) is { } participle) return participle;
        if (word.EndsWith("ed") && Stem(word[..^2]) is { } past) return past;
        return null;
    }

    private string? Stem(ReadOnlySpan<char> stem) =>
        stem.Length >= 4 && !IsNeverWord(stem) && _lookup.TryGetValue(stem, out var word) ? word : null;

    private static bool IsNeverWord(ReadOnlySpan<char> word) =>
        Never.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
