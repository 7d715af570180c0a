using System.Buffers;
using System.Text;
using System.Text.Json;
using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Free text written by people: at least 20 characters and four words, letters making up at least half of the
/// non-space characters, and neither a user-agent string, a one-line postal address nor a street line alone
/// (<c>12 bis rue du Général Leclerc</c>, <see cref="PostalAddressShape"/>). The column-level signal (length, token diversity) combines this
/// ratio with the distinct ratio in the classifier.
/// </summary>
internal sealed class FreeTextDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.FreeText;
    /// <inheritdoc />
    public override string? DataCategory => "customer_content.message";
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Evidence;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.ShapeOnly;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length < 20 || shape.Spaces < 3) return false;
        if (shape.Letters * 2 < shape.Length - shape.Spaces) return false;
        char first = value[0];
        if (first is '{' or '[' or '<') return false;
        if (value.StartsWith("Mozilla/", StringComparison.Ordinal)) return false;
        if (!ReadsAsWords(value)) return false;
        // A one-line postal address (12 Hauptstrasse, 10115 Berlin, Germany) or the street line of an address record's first
        // line (45 avenue du Général de Gaulle) is not a message a person wrote (trial31: French address lines of four to
        // seven words were read as prose, so the free text outranked the postal-address detector).
        return shape.Length > PostalAddressShape.MaxLength || !(PostalAddressShape.IsAddressLike(value) || PostalAddressShape.IsStreetLine(value));
    }

    /// <summary>True when the text is made of words: no control character other than tab and line ends (text people
    /// type has none; binary junk stored as text does), and at least three runs of two or more letters (trial36: symbols
    /// and stray letters with no word among them were read as a message).</summary>
    private static bool ReadsAsWords(ReadOnlySpan<char> value)
    {
        int words = 0, run = 0;
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return false;
            if (char.IsLetter(c)) { if (++run == 2) words++; }
            else run = 0;
        }
        return words >= 3;
    }
}

/// <summary>
/// JSON documents: an object or array that a strict UTF-8 JSON reader (System.Text.Json, RFC 8259) reads to the end.
/// Keys are examined by the classifier (key-level detection), not here.
/// </summary>
internal sealed class JsonDocumentDetector : ValueDetector
{
    /// <inheritdoc />
    public override string Id => DetectorIds.Json;
    /// <inheritdoc />
    public override string? DataCategory => null;
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Evidence;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape)
    {
        if (shape.Length < 2) return false;
        if (!((value[0] == '{' && value[^1] == '}') || (value[0] == '[' && value[^1] == ']'))) return false;
        if (!OpensJsonContent(value)) return false;
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            int n = Encoding.UTF8.GetBytes(value, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, n), new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read()) { }
            return reader.BytesConsumed == n;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>True when the first token inside the bracket can follow it in JSON (RFC 8259 sections 2 to 5: after
    /// <c>{</c> a member name or <c>}</c>; after <c>[</c> a value or <c>]</c>), JSON whitespace skipped. A bracketed label
    /// (<c>[Untitled]</c>, <c>{name}</c>) is refused here, as the reader would refuse it, without the reader's exception
    /// (thrown and caught once per such value: 0.6 % of a 60-Chinook scan, bench/README.md perf27).</summary>
    /// <param name="value">A value that starts with <c>{</c> or <c>[</c> and ends with the matching bracket.</param>
    internal static bool OpensJsonContent(ReadOnlySpan<char> value)
    {
        var inner = value[1..].TrimStart(" \t\r\n");
        if (inner.IsEmpty) return false;
        char c = inner[0];
        return value[0] == '{'
            ? c is '"' or '}'
            : c is ']' or '{' or '[' or '"' or '-' or (>= '0' and <= '9') or 't' or 'f' or 'n';
    }
}

/// <summary>Kinds of identifiers found inside a longer text.</summary>
[Flags]
internal enum EmbeddedKinds
{
    None = 0,
    Email = 1,
    Phone = 2,
    Iban = 4,
    IpAddress = 8,
    PaymentCard = 16,
}

/// <summary>
/// Identifiers embedded in free text (C08): e-mail addresses, IBANs, IP addresses, payment card numbers and phone
/// numbers, each found as a word (or run of digit groups) and validated with the same rules as the whole-value
/// detectors. A card number in text must also be written as cards are (one unbroken run, 4-4-4-4[-3], 4-4-4-1…3,
/// 4-6-5 American Express, 4-6-4 Diners, 4-3-3-3 thirteen-digit Visa) and not after a <c>+</c>: digits grouped as a
/// phone number are a phone number. A SIRET or a GS1 product code is neither (<see cref="OtherCheckedNumber"/>), and an
/// unbroken run of digits led by 1–9 is a phone number only as a ten-digit North American one (<see
/// cref="WrittenAsAPhone"/>). A value matches when it is free text holding at least one of them; the kinds feed "also contains".
/// </summary>
internal sealed class EmbeddedIdentifierDetector : ValueDetector
{
    private static readonly EmailDetector Email = new();
    private static readonly IpAddressDetector Ip = new();
    private static readonly PhoneDetector Phone = new();
    private static readonly PaymentCardDetector Card = new();

    /// <inheritdoc />
    public override string Id => DetectorIds.EmbeddedIdentifier;
    /// <inheritdoc />
    public override string? DataCategory => null;
    /// <inheritdoc />
    public override DetectorWeight Weight => DetectorWeight.Evidence;
    /// <inheritdoc />
    public override DetectorCheck Check => DetectorCheck.Validated;

    /// <inheritdoc />
    public override bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape) =>
        shape.Length >= 20 && shape.Spaces >= 3 && Find(value) != EmbeddedKinds.None;

    /// <summary>The kinds of identifiers inside a text.</summary>
    public static EmbeddedKinds Find(ReadOnlySpan<char> text)
    {
        var kinds = EmbeddedKinds.None;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsBreak(text[i])) i++;
            int start = i;
            while (i < text.Length && !IsBreak(text[i])) i++;
            if (i == start) continue;
            var word = text[start..i].TrimEnd(".,;:!?)]}\"'").TrimStart("([{\"'<");
            if (word.IsEmpty) continue;
            // Only an '@', a '.' or a ':' (e-mail, IP address) or twelve characters (an IBAN's ten digits and two letters)
            // can pass the tests below: the other words of a text, most of them, are not measured.
            if (word.Length < 12 && !word.ContainsAny('@', '.', ':')) continue;
            var shape = ValueShape.Of(word, false);
            if (shape.At == 1 && Email.IsMatch(word, in shape)) kinds |= EmbeddedKinds.Email;
            else if ((shape.Dots == 3 || shape.Colons >= 2) && Ip.IsMatch(word, in shape)) kinds |= EmbeddedKinds.IpAddress;
            else if (shape.Letters >= 2 && shape.Digits >= 10 && IbanDetector.IsIban(word)) kinds |= EmbeddedKinds.Iban;
        }
        // Digit runs may span spaces (card and phone groups, spaced IBANs): scan runs of digits, spaces, + - ( ) and letters of an IBAN prefix.
        i = 0;
        while (i < text.Length)
        {
            if (!(char.IsAsciiDigit(text[i]) || text[i] == '+' || (char.IsAsciiLetterUpper(text[i]) && i + 3 < text.Length && char.IsAsciiLetterUpper(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]))))
            { i++; continue; }
            int start = i;
            if (char.IsAsciiLetter(text[i])) i += 2;
            else if (text[i] == '+') i++;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is ' ' or '-' or '(' or ')' || (char.IsAsciiLetterUpper(text[i]) && i > start + 3))) i++;
            var run = text[start..i].TrimEnd(" -(");
            i = Math.Max(i, start + 1);
            if (run.Length < 7) continue;
            var shape = ValueShape.Of(run, false);
            if (shape.Letters >= 2 && IbanDetector.IsIban(run)) { kinds |= EmbeddedKinds.Iban; continue; }
            if (shape.Letters > 0) continue;
            // A checked number of another kind is that number, neither a card nor a phone (trial43 finding 2).
            if (OtherCheckedNumber(run)) continue;
            // A PAN in prose is written as one run or in the card's own grouping; a run with a '+' (E.164), parentheses or
            // a phone's grouping (+49 151 2345…, 0049 151 …) is a phone number whatever Luhn says of its digits.
            if (run[0] != '+' && PaymentCardDetector.HasCardGrouping(run) && Card.IsMatch(run, in shape)) { kinds |= EmbeddedKinds.PaymentCard; continue; }
            if (WrittenAsAPhone(run) && Phone.IsMatch(run, in shape)) kinds |= EmbeddedKinds.Phone;
        }
        return kinds;
    }

    /// <summary>True when a run of digits in prose is a checked number of a kind that is neither a card nor a phone,
    /// whatever the card's Luhn check or a phone plan makes of its digits: a SIRET (14 digits whose first nine, the SIREN,
    /// and all fourteen pass the Luhn check, INSEE; La Poste's establishments by their digit sum, as
    /// <see cref="SirenSiretDetector"/>) written unbroken or in its printed 3-3-3-5 or 9-5 layout (<c>732 829 320
    /// 00074</c>), or a GS1 code written unbroken: GTIN-12 (UPC-A), GTIN-13 (EAN-13), GTIN-14 or SSCC-18 with its GS1
    /// check digit (GS1 General Specifications §7.9: weights 3 and 1 from the right). A UPC-A led by 0 reads as a
    /// German number with its trunk prefix; one unbroken twelve-digit German number in ten passes the GS1 check and is
    /// then not reported (written in its groups, <c>0151 23456789</c>, it always is). Every SIRET passes Luhn by construction, so one that
    /// starts with 30–305, 36, 38–39, 50, 56–58 or 6 reads as a 14-digit Diners Club or Maestro card; a GTIN-13 that
    /// starts with 4, 50, 56–58 or 6 passes Luhn one time in ten and reads as a 13-digit Visa or Maestro card (trial43:
    /// 49 of 300 support messages quoting the customer's SIRET made "card numbers are stored"). A card number written in
    /// a card's grouping (4-6-4 Diners, 4-3-3-3 Visa) is never taken for one of these; an unbroken 13-, 14- or 18-digit
    /// card number passes the other check one time in ten (one in five for 14 digits) and is then left to the column's
    /// other values: such card lengths are the rare ones (16 digits is no SIRET and no GS1 length).</summary>
    /// <param name="run">Digits with single spaces or hyphens between groups (no letter, no '+').</param>
    internal static bool OtherCheckedNumber(ReadOnlySpan<char> run)
    {
        if (run.Length > 23 || run[0] == '+') return false;
        Span<byte> digits = stackalloc byte[23];
        Span<int> groups = stackalloc int[8];
        int n = 0, count = 0, length = 0;
        foreach (var c in run)
        {
            if (char.IsAsciiDigit(c)) { digits[n++] = (byte)(c - '0'); length++; continue; }
            if (c is not (' ' or '-') || length == 0 || count == groups.Length - 1) return false;
            groups[count++] = length;
            length = 0;
        }
        if (length == 0) return false;
        groups[count++] = length;
        var d = digits[..n];
        var g = groups[..count];
        bool siretLayout = count == 1 || (count == 4 && g[0] == 3 && g[1] == 3 && g[2] == 3 && g[3] == 5) || (count == 2 && g[0] == 9 && g[1] == 5);
        if (n == 14 && siretLayout && SirenSiretDetector.IsSiret(d)) return true;
        return count == 1 && n is 12 or 13 or 14 or 18 && Gs1CheckDigit.IsValid(d);
    }

    /// <summary>True when a run of digits is written as people write a phone number in prose: with a <c>+</c> or a
    /// leading <c>0</c> (a national trunk prefix, or <c>00</c> before a country code), with separators or parentheses,
    /// or, unbroken and led by another digit, as a ten-digit North American number (the one plan written without a trunk
    /// prefix that <see cref="PhoneDetector"/> reads as a bare run: <c>2125550123</c>). An unbroken run of digits led by
    /// 1–9 is otherwise a reference, a count or a code in a sentence: <see cref="PhoneDetector"/> reads ten or more bare
    /// digits as an international number without its <c>+</c> (the E.164 digits an integer column stores) or as a national
    /// number without its trunk <c>0</c>, so SIRETs, UPC and EAN codes, French NIRs and Unix times in milliseconds written
    /// in a message read as phone numbers (trial43 finding 3: 200 to 294 of 300 messages each). Those digits in a column of
    /// their own are still read by the column's detectors.</summary>
    /// <param name="run">Digits, separators, parentheses or a leading '+'.</param>
    internal static bool WrittenAsAPhone(ReadOnlySpan<char> run)
    {
        if (run[0] is '+' or '0' || run.ContainsAnyExcept("0123456789")) return true;
        return run.Length == 10 && PhoneDetector.IsNorthAmericanNationalNumber(run.ToString());
    }

    private static bool IsBreak(char c) => c is ' ' or '\t' or '\n' or '\r' or ',' or ';';
}
