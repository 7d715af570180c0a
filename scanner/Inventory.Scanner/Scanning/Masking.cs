namespace Inventory.Scanning;

/// <summary>Masks a value so it can be shown as an example without revealing it: each run of letters (with its
/// combining accents) becomes <c>***</c>, each run of digits <c>###</c>, separators stay, so only the value's shape can be
/// read back, neither its letters nor the length of its parts (<c>john.doe@example.com</c> → <c>***.***@***.***</c>,
/// <c>+33 6 12 34 56 78</c> → <c>+### ### ### ### ### ###</c>). No letter is kept: a first letter per run gave the
/// initials of every person named in a value (trial 27: <c>j*** s***</c> in support messages; DESIGN's masking example
/// <c>j***@e***.com</c> kept them too). Input longer than 64 characters is cut first.
/// <see cref="Examples"/> decides which columns may show examples at all: a mask hides a value drawn from many, not one
/// drawn from a short list (<c>A+</c> → <c>A***+</c> is the blood group itself), and never a credential. A value that
/// reads as a token (<see cref="IsTokenLike"/>: a crypt hash, a JWT, a long run mixing letters and digits) is masked
/// whole as <see cref="TokenMask"/>: even one letter per run of it says something of a secret.</summary>
public static class Masking
{
    /// <summary>A column whose sample repeats at most this many distinct values, or fewer than one in ten, is a value set.</summary>
    private const int MaxValueSetSize = 12;

    /// <summary>What a token-like value becomes: nothing of it is kept, not even its shape.</summary>
    public const string TokenMask = "***";

    /// <summary>A run of token characters this long that mixes letters and digits reads as a token.</summary>
    private const int MinTokenRun = 16;

    /// <summary>Words of credential column names, matched inside the name's letters run together (so
    /// <c>password_hash</c>, <c>apiKey</c>, <c>mot_de_passe</c>, <c>Kennwort</c>, <c>auth_token</c> all match), in
    /// English, French, German and Spanish.</summary>
    private static readonly string[] CredentialWords =
    [
        "password", "passwd", "passphrase", "passwort", "kennwort", "motdepasse", "contrasena", "contraseña",
        "secret", "token", "apikey", "accesskey", "privatekey", "hash", "salt", "credential", "otpseed", "totp",
    ];

    /// <summary>Prefixes of modular-crypt password hashes (bcrypt <c>$2a$</c>/<c>$2b$</c>/<c>$2y$</c>, SHA-crypt
    /// <c>$5$</c>/<c>$6$</c>, MD5-crypt <c>$1$</c>, Argon2, PBKDF2, scrypt). Source: the formats passlib documents.</summary>
    private static readonly string[] CryptPrefixes = ["$2a$", "$2b$", "$2y$", "$2x$", "$1$", "$5$", "$6$", "$argon2", "$pbkdf2", "$scrypt", "$7$", "pbkdf2_", "sha1$", "bcrypt$", "argon2$"];

    /// <summary>Up to three masked examples of a column (distinct masks, in sample order), or null when the column holds
    /// a small set of repeated values: there the signs and shapes that a mask keeps name the values themselves
    /// (<c>A+</c>/<c>O-</c>, party or church-tax codes; trial 17), so no example is shown. A value set is at most 12 distinct non-blank values, or fewer than one distinct value in ten.</summary>
    /// <param name="values">The column's non-null sampled values (raw; never stored).</param>
    /// <param name="category">The column's suggested category, or null. A column classified as health or
    /// special-category data (GDPR Article 9) shows no example whatever its variety: every example of it, however
    /// masked, says something about a person's health, beliefs or life.</param>
    /// <param name="columnName">The column's name, or null. A credential column (<see cref="IsCredentialName"/>, or
    /// <paramref name="category"/> <c>other_personal.credentials</c>) shows no example: masks of password hashes, keys
    /// and tokens still show their first characters and their shape (trial 22).</param>
    /// <returns>One to three masked examples, or null (no values, a value set, Article 9 data, or credentials).</returns>
    public static IReadOnlyList<string>? Examples(IReadOnlyList<string> values, string? category = null, string? columnName = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (category is "other_personal.health" or "other_personal.special_category" or "other_personal.credentials") return null;
        if (columnName is not null && IsCredentialName(columnName)) return null;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        int total = 0;
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            total++;
            distinct.Add(v.Trim());
        }
        if (total == 0 || distinct.Count <= MaxValueSetSize || distinct.Count < 0.1 * total) return null;
        // A column of tokens is masked whole, values that happen to escape IsTokenLike (a key drawn without a digit) too.
        if (distinct.Count(IsTokenLike) * 2 >= distinct.Count) return [TokenMask];
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(Mask).Distinct(StringComparer.Ordinal).Take(3).ToList();
    }

    /// <summary>True when a column's name says it holds credentials: its letters, lower-cased and run together, contain
    /// a word of a password, secret, token, key or hash in English, French, German or Spanish, or one of its words is
    /// <c>pwd</c> or <c>pin</c>.</summary>
    /// <param name="columnName">The column's name as the catalog spells it.</param>
    public static bool IsCredentialName(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        var letters = new string(columnName.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        if (CredentialWords.Any(w => letters.Contains(w, StringComparison.Ordinal))) return true;
        var words = System.Text.RegularExpressions.Regex.Split(columnName, @"[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})");
        return words.Any(w => w.Equals("pwd", StringComparison.OrdinalIgnoreCase) || w.Equals("pin", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when a value reads as a secret token: it starts with a modular-crypt prefix (<c>$2b$12$…</c>), or
    /// holds a run of at least 16 characters of <c>A–Z a–z 0–9 + / = _ -</c> that mixes letters and digits or both
    /// letter cases with <c>+</c> or <c>/</c> (hex digests, base64 and base64url keys, each part of a JWT, vendor keys
    /// such as <c>sk_live_…</c>, UUIDs, which often serve as reset or session tokens).</summary>
    /// <param name="value">A raw value.</param>
    public static bool IsTokenLike(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.AsSpan().Trim();
        foreach (var prefix in CryptPrefixes)
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return true;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/' or '=' or '_' or '-')) continue;
            if (i - start >= MinTokenRun && ReadsAsToken(text[start..i])) return true;
            start = i + 1;
        }
        return false;
    }

    private static bool ReadsAsToken(ReadOnlySpan<char> run)
    {
        bool digit = false, lower = false, upper = false, base64Sign = false;
        foreach (var c in run)
        {
            digit |= char.IsAsciiDigit(c);
            lower |= char.IsAsciiLetterLower(c);
            upper |= char.IsAsciiLetterUpper(c);
            base64Sign |= c is '+' or '/';
        }
        return (digit && (lower || upper)) || (lower && upper && base64Sign);
    }

    /// <summary>Masks one value.</summary>
    /// <param name="value">Raw value.</param>
    /// <returns>The masked text: no letter and no digit of the value, fixed-length runs, its separators; a token-like
    /// value (<see cref="IsTokenLike"/>) becomes <see cref="TokenMask"/>.</returns>
    public static string Mask(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsTokenLike(value)) return TokenMask;
        var text = value.Length > 64 ? value[..64] : value;
        var b = new System.Text.StringBuilder(text.Length + 8);
        var shape = Shape.Other;
        foreach (var rune in text.EnumerateRunes())
        {
            var next = ShapeOf(rune);
            if (next == Shape.Letter) { if (shape != Shape.Letter) b.Append("***"); }
            else if (next == Shape.Number) { if (shape != Shape.Number) b.Append("###"); }
            else if (next == Shape.Hidden) b.Append('?');
            else b.Append(rune.ToString());
            shape = next;
        }
        if (value.Length > 64) b.Append('…');
        return b.ToString();
    }

    private enum Shape { Letter, Number, Hidden, Other }

    /// <summary>What a character becomes in a mask. Letters with their combining marks (a decomposed <c>é</c> is
    /// <c>e</c> + U+0301: kept apart, the accent of a name would show through) and letters outside the Basic
    /// Multilingual Plane (surrogate pairs: CJK extension B names, mathematical letters) are a letter run; every kind of
    /// number (decimal digits, superscripts <c>¹²</c>, fractions, Roman numerals: Unicode categories Nd, Nl, No) a number
    /// run (trial36: <c>¹ ²</c> passed through); control, format, private-use and unpaired surrogate characters become
    /// <c>?</c>; punctuation, symbols and spaces (the value's shape) stay.</summary>
    private static Shape ShapeOf(System.Text.Rune rune) => System.Text.Rune.GetUnicodeCategory(rune) switch
    {
        System.Globalization.UnicodeCategory.UppercaseLetter or System.Globalization.UnicodeCategory.LowercaseLetter
            or System.Globalization.UnicodeCategory.TitlecaseLetter or System.Globalization.UnicodeCategory.ModifierLetter
            or System.Globalization.UnicodeCategory.OtherLetter or System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark => Shape.Letter,
        System.Globalization.UnicodeCategory.DecimalDigitNumber or System.Globalization.UnicodeCategory.LetterNumber
            or System.Globalization.UnicodeCategory.OtherNumber => Shape.Number,
        System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.PrivateUse or System.Globalization.UnicodeCategory.Surrogate
            or System.Globalization.UnicodeCategory.OtherNotAssigned => Shape.Hidden,
        _ => Shape.Other,
    };
}
