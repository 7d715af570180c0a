using System.Globalization;
using System.Text;

namespace Inventory.Rules;

/// <summary>
/// Splits a table or column name into lower-case, accent-folded tokens: <c>"customerEmail_2"</c> → <c>customer, email, 2</c>,
/// <c>"Prénom"</c> → <c>prenom</c>, <c>"Straße"</c> → <c>strasse</c>, <c>"IPAddress"</c> → <c>ip, address</c>.
/// Separators are anything that is not a letter or digit (snake_case, kebab-case, spaces, dots, quotes, brackets);
/// camelCase and PascalCase boundaries split too; a run of digits is its own token except in short letter+digit
/// technical words (<c>ipv4</c>, <c>md5</c>, <c>sha256</c>, <c>s3</c>) which stay whole.
/// </summary>
public static class NameTokenizer
{
    /// <summary>Tokenises a name.</summary>
    /// <param name="name">A column, table or JSON key name, possibly quoted (<c>"Full Name"</c>, <c>[Order Lines]</c>); null counts as empty.</param>
    /// <returns>Tokens in order, lower-case invariant, accents folded (ß → ss, æ → ae, œ → oe, ø → o, ł → l); empty when the name has no letters or digits.</returns>
    public static IReadOnlyList<string> Tokenize(string? name)
    {
        if (string.IsNullOrEmpty(name)) return [];
        var tokens = new List<string>(4);
        // Segment on non-alphanumerics first, then split camel case inside each segment on the original casing.
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            bool alnum = i < name.Length && (char.IsLetterOrDigit(name[i])
                || (start >= 0 && char.GetUnicodeCategory(name[i]) == UnicodeCategory.NonSpacingMark));
            if (alnum && start < 0) start = i;
            else if (!alnum && start >= 0)
            {
                SplitSegment(name.AsSpan(start, i - start), tokens);
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>Folds one word like <see cref="Tokenize"/> does (lower-case, accents removed) without splitting it.</summary>
    /// <param name="word">Any text.</param>
    /// <returns>The folded text.</returns>
    public static string Fold(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word) AppendFolded(sb, c);
        return sb.ToString();
    }

    /// <summary>Folds one word exactly like <see cref="Fold(string)"/>, into <paramref name="buffer"/> when the folded text
    /// fits there (no allocation: the detectors fold words of every sampled value they test), otherwise into a new string.</summary>
    /// <param name="word">Any text.</param>
    /// <param name="buffer">Room for the folded text (a word of n characters folds to at most n characters unless it holds
    /// characters that decompose into several, such as ß → ss).</param>
    /// <returns>The folded text: a slice of <paramref name="buffer"/>, or of a new string when it did not fit.</returns>
    /// <exception cref="ArgumentException">The word holds a lone surrogate (Unicode normalisation refuses it, as in
    /// <see cref="Fold(string)"/>).</exception>
    internal static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = 0;
        foreach (var c in word)
        {
            if (c < 128)
            {
                if (!char.IsAsciiLetterOrDigit(c)) continue;
                if (n == buffer.Length) return Fold(word.ToString());
                buffer[n++] = char.ToLowerInvariant(c);
                continue;
            }
            var folded = FoldedChar(c);
            if (n + folded.Length > buffer.Length) return Fold(word.ToString());
            folded.CopyTo(buffer[n..]);
            n += folded.Length;
        }
        return buffer[..n];
    }

    // A piece of a segment once folded: where its text lies in the fold buffer, and whether the piece is a digit run.
    private readonly record struct Piece(int Start, int Length, bool Digits);

    // Splits one segment (letters, digits and combining marks) into its folded tokens. Every name rule's phrase goes
    // through here when the rules are built (about 30 ms of a process's start when each piece was a StringBuilder's
    // string in a list of tuples: bench/README.md, perf47), so the pieces are folded into one buffer on the stack and a
    // string is made only for each token kept.
    private static void SplitSegment(ReadOnlySpan<char> segment, List<string> tokens)
    {
        // Pieces: letters split on lower→Upper and UPPER→Upper+lower boundaries; digit runs separate. A piece whose fold
        // is empty (combining marks alone) is dropped.
        Span<Piece> pieces = segment.Length <= 32 ? stackalloc Piece[segment.Length] : new Piece[segment.Length];
        Span<char> buffer = stackalloc char[128];
        int count = 0, n = 0, pieceStart = 0;
        for (int i = 1; i <= segment.Length; i++)
        {
            bool boundary = i == segment.Length;
            if (!boundary)
            {
                char prev = segment[i - 1], c = segment[i];
                bool prevDigit = char.IsDigit(prev), digit = char.IsDigit(c);
                if (prevDigit != digit) boundary = true;
                else if (!digit && char.IsLower(prev) && char.IsUpper(c)) boundary = true;
                else if (!digit && char.IsUpper(prev) && char.IsUpper(c) && i + 1 < segment.Length && char.IsLower(segment[i + 1])) boundary = true;
            }
            if (!boundary) continue;
            int folded = n;
            foreach (var ch in segment[pieceStart..i])
            {
                if (ch < 128)
                {
                    if (!char.IsAsciiLetterOrDigit(ch)) continue;
                    if (n == buffer.Length) buffer = Grown(buffer, n, 1);
                    buffer[n++] = char.ToLowerInvariant(ch);
                    continue;
                }
                var fold = FoldedChar(ch);
                if (n + fold.Length > buffer.Length) buffer = Grown(buffer, n, fold.Length);
                fold.CopyTo(buffer[n..]);
                n += fold.Length;
            }
            if (n > folded) pieces[count++] = new Piece(folded, n - folded, char.IsDigit(segment[pieceStart]));
            pieceStart = i;
        }
        for (int p = 0; p < count; p++)
        {
            var text = buffer.Slice(pieces[p].Start, pieces[p].Length);
            // Keep short technical words whole: ipv4, md5, sha256, s3, x509 (letters ≤ 3, digits ≤ 3).
            if (!pieces[p].Digits && text.Length <= 3 && p + 1 < count && pieces[p + 1].Digits && pieces[p + 1].Length <= 3
                && (p + 2 >= count || !pieces[p + 2].Digits) && IsTechnicalStem(text))
            {
                tokens.Add(string.Concat(text, buffer.Slice(pieces[p + 1].Start, pieces[p + 1].Length)));
                p++;
                continue;
            }
            tokens.Add(text.ToString());
        }
    }

    // A larger fold buffer holding the first n characters of the full one, with room for at least `more` others.
    private static char[] Grown(ReadOnlySpan<char> buffer, int n, int more)
    {
        var grown = new char[Math.Max(buffer.Length * 2, n + more)];
        buffer[..n].CopyTo(grown);
        return grown;
    }

    private static bool IsTechnicalStem(ReadOnlySpan<char> text) => text is "ipv" or "ip" or "md" or "sha" or "s" or "x" or "utf" or "iso" or "e" or "oauth" or "bcp" or "v";

    private static void AppendFolded(StringBuilder sb, char c)
    {
        if (c < 128)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            return;
        }
        sb.Append(FoldedChar(c));
    }

    // The fold of each character from U+0080 to U+2FFF (Latin, Greek, Cyrillic and the other alphabetic scripts), kept on
    // first use: decomposing one character through ICU costs about a microsecond, and the detectors fold every accented
    // value they test (PlaceNames: 2 % of a 60-source scan's running time, bench/README.md, sources35). A character's fold
    // never changes, so threads racing to fill an entry write the same text.
    private static readonly string?[] FoldedChars = new string?[0x3000];

    private static string FoldedChar(char c) => c < FoldedChars.Length ? FoldedChars[c] ??= FoldNonAscii(c) : FoldNonAscii(c);

    private static string FoldNonAscii(char c)
    {
        switch (c)
        {
            case 'ß' or 'ẞ': return "ss";
            case 'æ' or 'Æ': return "ae";
            case 'œ' or 'Œ': return "oe";
            case 'ø' or 'Ø': return "o";
            case 'ł' or 'Ł': return "l";
            case 'đ' or 'Đ': return "d";
            case 'þ' or 'Þ': return "th";
        }
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
        {
            var category = char.GetUnicodeCategory(d);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            if (char.IsLetterOrDigit(d)) sb.Append(char.ToLowerInvariant(d));
        }
        return sb.ToString();
    }
}
