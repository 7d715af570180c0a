using System.Buffers;
using System.Collections.Frozen;

namespace Inventory.Rules.Detectors;

/// <summary>
/// The shape of a postal address written on one line (issue 10 item 6, defect "addresses taken for messages"):
/// two to seven short parts separated by commas or line breaks (<c>12 Hauptstrasse, 10115 Berlin, Germany</c>,
/// <c>12 High Street, London</c>, <c>Calle Mayor 5, 28013 Madrid</c>), no sentence punctuation, every word capitalised,
/// a number or one of the particles of street and place names (<c>de</c>, <c>la</c>, <c>of</c>, <c>rue</c>, <c>von</c>),
/// and at least one part that is a street line (a house number and a street word such as Street, Road, rue, Calle, Via,
/// or a German or Dutch street suffix such as -strasse, -weg, -straat) or a postal code with a place name (4–5 digit
/// codes, US ZIP with state, UK and Canadian postcodes, the hyphenated codes of Poland, Portugal and Japan). Sources:
/// the UPU's postal addressing standards (S42) and national formats. User-written prose has lower-case words and fails.
/// Pure and allocation-free.
/// </summary>
internal static class PostalAddressShape
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StreetWords = Lookup(
        "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "way", "boulevard", "blvd", "bd", "place",
        "pl", "court", "ct", "crescent", "close", "terrace", "square", "sq", "gardens", "row", "mews", "parkway", "pkwy", "highway",
        "hwy", "circle", "trail", "walk", "grove", "rue", "chemin", "allée", "allee", "impasse", "quai", "cours", "route", "calle",
        "c/", "avenida", "avda", "paseo", "plaza", "camino", "carrer", "ronda", "travesía", "travesia", "glorieta", "carretera", "ctra",
        "pasaje", "avinguda", "passeig", "plaça", "via", "viale", "piazza", "corso", "vicolo", "largo", "rua",
        "travessa", "praça", "praca", "ulica", "ul", "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm");
    private static readonly string[] StreetSuffixes =
        ["straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer", "chaussee", "steig", "pfad", "straat",
         "laan", "plein", "gracht", "kade", "gatan", "vägen", "vej", "gade"];
    // Lower-case words that street and place names contain in the four languages (and English, Dutch, Italian, Portuguese).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles = Lookup(
        "de", "del", "della", "delle", "dei", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "los", "las", "y",
        "e", "of", "the", "upon", "on", "am", "an", "der", "den", "dem", "die", "im", "in", "auf", "von", "van", "zu", "zum", "zur", "bis", "ter",
        "sur", "sous", "en", "lès", "rue", "avenue", "av", "boulevard", "bd", "chemin", "place", "allée", "impasse", "quai", "route",
        "calle", "c/", "avenida", "via", "viale", "piazza", "corso", "rua", "str.", "ul", "ul.", "apt", "apt.", "no", "no.", "nº", "n°", "s/n");

    // Lower-case words of the lines people add to an address: building, staircase, floor, flat, door and side (FR, DE, ES,
    // English), care-of and unit markers. Written in lower case they are still part of an address (2e étage, 3. OG links,
    // piso 4, puerta 2, 7º izq., c/o).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitWords = Lookup(
        "étage", "etage", "bis", "ter", "cours", "appt", "appt.", "apt", "apt.", "app.", "bât", "bât.", "bat.", "esc", "esc.", "escalier",
        "porte", "gauche", "droite", "cedex", "og", "eg", "dg", "links", "rechts", "mitte", "stock", "etg.", "whg.", "wohnung", "piso",
        "puerta", "planta", "bajo", "izq", "izq.", "izda", "izda.", "izquierda", "dcha", "dcha.", "derecha", "portal",
        "escalera", "c/o", "#", "flat", "floor", "unit", "suite", "ste", "ste.", "box", "apartment");

    // Sentence and markup punctuation that no one-line address holds, and that no single street line holds (with the
    // comma and line break that separate an address's parts, parentheses and the characters of code and markup). As
    // SearchValues, built once: the IndexOfAny of a string of more than five characters built its lookup on every call,
    // once per free-text candidate and once per postal-address candidate (bench/README.md, perf32).
    private static readonly SearchValues<char> NotInAddress = SearchValues.Create("?!;:@\"[]{}<>=");
    private static readonly SearchValues<char> NotInStreetLine = SearchValues.Create(",\n?!;:@\"()[]{}<>=|#*_");

    /// <summary>The longest value read as one address: several lines with a name, a care-of, flat, floor and country fit.</summary>
    public const int MaxLength = 240;

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the value has the shape of a one-line postal address (see the class summary).</summary>
    /// <param name="value">A trimmed value.</param>
    /// <returns>Whether it is address-shaped; never throws.</returns>
    public static bool IsAddressLike(ReadOnlySpan<char> value)
    {
        if (value.Length is < 8 or > MaxLength || value.IndexOfAny(',', '\n') < 0 || value.ContainsAny(NotInAddress)) return false;
        int parts = 0;
        bool located = false, streetNamed = false;
        var rest = value;
        while (true)
        {
            int cut = rest.IndexOfAny(',', '\n');
            var part = (cut < 0 ? rest : rest[..cut]).Trim();
            if (part.IsEmpty || part.Length > 50 || ++parts > 9) return false;
            if (!Part(part, out bool place)) return false;
            // Spanish, Catalan, Italian and Portuguese write the house number after a comma: Calle Mayor, 12, 3º B;
            // Plaza de España, 34; Avda. de la Paz, nº 5 (the street part, then a part of the number alone).
            located |= place || (streetNamed && IsNumberPart(part));
            streetNamed = IsStreetNamePart(part);
            if (cut < 0) break;
            rest = rest[(cut + 1)..];
        }
        return parts >= 2 && located;
    }

    // A street named by its leading type and at least one more word, without a number: Calle Mayor, Plaza de España,
    // Avda. de la Constitución, Ronda de Valencia (the first part of a Spanish-order address).
    private static bool IsStreetNamePart(ReadOnlySpan<char> part)
    {
        int space = part.IndexOf(' ');
        if (space <= 0 || space == part.Length - 1) return false;
        if (!LeadingStreetTypes.Contains(part[..space])) return false;
        foreach (var c in part) if (char.IsAsciiDigit(c)) return false;
        return true;
    }

    // A house number alone, or after a number sign (12, 12a, 12-14, nº 12, n° 5, no. 7, s/n for a building without one).
    private static bool IsNumberPart(ReadOnlySpan<char> part)
    {
        if (part.Equals("s/n", StringComparison.OrdinalIgnoreCase)) return true;
        int space = part.IndexOf(' ');
        if (space < 0) return IsHouseNumber(part);
        var sign = part[..space];
        return (sign is "nº" or "Nº" or "n°" or "N°" or "no." or "No." or "núm." or "Núm." or "num." or "número" or "Número")
               && part[(space + 1)..].IndexOf(' ') < 0 && IsHouseNumber(part[(space + 1)..]);
    }

    // French street types that follow the house number (12 rue de la Paix, 3 bis avenue Foch).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberFirstStreetTypes = Lookup(
        "rue", "avenue", "av", "av.", "boulevard", "bd", "bd.", "chemin", "allée", "allee", "impasse", "quai", "place", "route", "cours",
        "passage", "square", "villa", "cité", "cite", "sentier", "voie", "via", "rua");
    // Street types that open a street name whose house number comes last (Calle Mayor 5, Via Roma 12, Rua Augusta 27).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadingStreetTypes = Lookup(
        "calle", "c/", "avenida", "avda", "avda.", "paseo", "plaza", "camino", "carrer", "via", "viale", "piazza", "corso", "vicolo",
        "largo", "rua", "travessa", "praça", "praca", "ulica", "ul.", "ul", "rue", "avenue", "boulevard", "place",
        "ronda", "travesía", "travesia", "glorieta", "carretera", "ctra.", "pasaje", "avinguda", "passeig", "plaça");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GermanPrepositions = Lookup(
        "am", "an", "auf", "im", "in", "zum", "zur", "unter", "hinter", "vor", "beim");
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberSuffixes = Lookup("bis", "ter", "quater", "b", "a");

    /// <summary>True for one street line without commas, in the orders the four languages write it: a house number, then a
    /// French street type (<c>12 rue de la Paix</c>, <c>3 bis avenue Foch</c>); a house number, capitalised words, and an
    /// English street word last (<c>221B Baker Street</c>, <c>10 Downing St</c>); a street word or a German/Dutch street
    /// suffix, then the number last (<c>Hauptstraße 12</c>, <c>Calle Mayor 5</c>, <c>Via Roma 12a</c>, <c>Am Markt 5</c>); or a five-digit,
    /// UK, Canadian or hyphenated postal code with a capitalised place name (<c>75002 Paris</c>, <c>SW1A 1AA London</c>).
    /// Two to seven words, no sentence punctuation; product names and sentences, whose numbers sit elsewhere or whose
    /// words are lower case, fail.</summary>
    /// <param name="value">A trimmed value.</param>
    /// <returns>Whether it is one street line or one postcode with its place; never throws.</returns>
    public static bool IsStreetLine(ReadOnlySpan<char> value)
    {
        if (value.Length is < 6 or > 80 || value.ContainsAny(NotInStreetLine)) return false;
        Span<Range> ranges = stackalloc Range[9];
        int count = value.Split(ranges, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count is < 2 or > 7) return false;
        var first = value[ranges[0]];
        var last = value[ranges[count - 1]];
        // Every word: capitalised, a particle, a number, or a street type.
        for (int i = 0; i < count; i++)
        {
            var w = value[ranges[i]];
            if (!(char.IsUpper(w[0]) || char.IsAsciiDigit(w[0]) || Particles.Contains(w) || NumberSuffixes.Contains(w)
                || NumberFirstStreetTypes.Contains(w) || LeadingStreetTypes.Contains(w))) return false;
            if (i > 0 && i < count - 1 && char.IsAsciiDigit(w[0]) && !(i == 1 && IsPostcode(first) is false && IsUkPostcode(first, w))) return false;
        }
        if (IsHouseNumber(first))
        {
            int next = 1;
            if (next < count - 1 && NumberSuffixes.Contains(value[ranges[next]])) next++;
            var type = value[ranges[next]];
            if (NumberFirstStreetTypes.Contains(type) && next < count - 1) return true;
            if (count >= 3 && IsStreetWord(last) && !char.IsAsciiDigit(last[0]) && char.IsUpper(value[ranges[1]][0])) return true;
        }
        if (IsHouseNumber(last) && count >= 2)
        {
            var head = value[ranges[0]];
            if (LeadingStreetTypes.Contains(head) && count >= 3) return true;
            // German streets named by a preposition and a place: Am Markt 5, An der Kirche 3, Im Winkel 12.
            if (GermanPrepositions.Contains(head) && count is >= 3 and <= 5 && char.IsUpper(value[ranges[count - 2]][0])) return true;
            if (count == 2 && head.Length >= 6 && char.IsUpper(head[0]) && IsStreetWord(head) && !StreetWords.Contains(head.TrimEnd('.'))) return true;
            if (count >= 3 && IsStreetWord(value[ranges[count - 2]]) && char.IsUpper(head[0])) return true;
        }
        // Postcode and place: 75002 Paris, 00-950 Warszawa, SW1A 1AA London.
        int placeFrom = -1;
        if (first.Length == 5 && AllDigits(first) || (first.IndexOf('-') > 0 && IsPostcode(first))) placeFrom = 1;
        else if (count >= 3 && IsUkPostcode(first, value[ranges[1]])) placeFrom = 2;
        if (placeFrom < 0 || placeFrom >= count || count - placeFrom > 3) return false;
        for (int i = placeFrom; i < count; i++)
        {
            var w = value[ranges[i]];
            if (!(char.IsUpper(w[0]) || Particles.Contains(w)) || char.IsAsciiDigit(w[0])) return false;
        }
        return char.IsUpper(value[ranges[placeFrom]][0]);
    }

    // One comma-separated part: at most seven words, each capitalised, a number, a floor ordinal, a postcode, a particle or
    // a word of a flat, floor or unit line (a province in parentheses and a '#' unit number too). Tells whether the part
    // is a street line or a postcode with a place.
    private static bool Part(ReadOnlySpan<char> part, out bool place)
    {
        place = false;
        int words = 0;
        bool houseNumber = false, streetWord = false, postcode = false, capitalised = false;
        ReadOnlySpan<char> previous = default;
        foreach (var range in part.Split(' '))
        {
            var word = part[range];
            if (word.IsEmpty) continue;
            if (++words > 7) return false;
            if (word[0] == '(' && word[^1] == ')' && word.Length > 3) word = word[1..^1]; // a province after its city: Sevilla (Sevilla)
            else if (word[0] == '#' && word.Length > 1) word = word[1..]; // a unit number: #4B
            char first = word[0];
            if (char.IsAsciiDigit(first))
            {
                if (IsPostcode(word) || (!previous.IsEmpty && IsUkPostcode(previous, word))) postcode = true;
                else if (IsHouseNumber(word)) houseNumber = true;
                else if (!IsOrdinal(word)) return false;
                if (word.Length <= 4 && IsHouseNumber(word)) houseNumber = true;
            }
            else if (char.IsUpper(first))
            {
                capitalised = true;
                if (IsStreetWord(word)) streetWord = true;
            }
            else if (Particles.Contains(word))
            {
                if (IsStreetWord(word)) streetWord = true;
            }
            else if (UnitWords.Contains(word))
            {
                if (word.SequenceEqual("cours")) streetWord = true;
            }
            else return false;
            previous = word;
        }
        place = (houseNumber && streetWord) || (postcode && capitalised);
        return words > 0;
    }

    // Floor and unit ordinals: 1er, 2e, 3ème, 1st, 2nd, 3rd, 4th, 3. (German), 7º, 6ª, 2°.
    private static bool IsOrdinal(ReadOnlySpan<char> word)
    {
        int digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
        if (digits is 0 or > 3) return false;
        var tail = word[digits..];
        // A Spanish floor with its door letter written together: 2ºA, 4ªB, 1º-C.
        if (tail.Length is 2 or 3 && tail[0] is 'º' or 'ª' or '°' && char.IsAsciiLetterUpper(tail[^1]) && (tail.Length == 2 || tail[1] == '-')) return true;
        return tail is "e" or "er" or "re" or "ère" or "eme" or "ème" or "è" or "st" or "nd" or "rd" or "th" or "." or "º" or "ª" or "°" or "o" or "a";
    }

    private static bool IsStreetWord(ReadOnlySpan<char> word)
    {
        var bare = word.TrimEnd('.');
        if (StreetWords.Contains(bare)) return true;
        if (word.Length < 6) return false;
        foreach (var suffix in StreetSuffixes)
            if (word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // 12, 12a, 12B, 12-14, 12/3, 1234.
    private static bool IsHouseNumber(ReadOnlySpan<char> word)
    {
        int digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
        if (digits is 0 or > 4) return false;
        var tail = word[digits..];
        if (tail.IsEmpty) return true;
        if (tail.Length == 1 && char.IsAsciiLetter(tail[0])) return true;
        if (tail.Length >= 2 && tail[0] is '-' or '/' && tail[1..].Length <= 4)
        {
            foreach (var c in tail[1..]) if (!char.IsAsciiDigit(c)) return false;
            return true;
        }
        return false;
    }

    // 4–5 digit codes (DE, FR, ES, IT, AT, CH, NL numeric part, US ZIP), ZIP+4 (12345-6789), Poland 00-950, Portugal 1000-001,
    // Japan 100-0001.
    private static bool IsPostcode(ReadOnlySpan<char> word)
    {
        int dash = word.IndexOf('-');
        if (dash < 0) return word.Length is 4 or 5 && AllDigits(word);
        var head = word[..dash];
        var tail = word[(dash + 1)..];
        return AllDigits(head) && AllDigits(tail) && (head.Length, tail.Length) is (5, 4) or (2, 3) or (4, 3) or (3, 4);
    }

    // UK (SW1A 1AA, M1 1AE, EC1V 9HX) and Canada (K1A 0B1): an outward code then an inward code of digit-letter-letter or
    // digit-letter-digit.
    private static bool IsUkPostcode(ReadOnlySpan<char> outward, ReadOnlySpan<char> inward)
    {
        if (outward.Length is < 2 or > 4 || inward.Length != 3) return false;
        if (!char.IsAsciiLetterUpper(outward[0]) || !char.IsAsciiDigit(inward[0]) || !char.IsAsciiLetterUpper(inward[1])) return false;
        if (!(char.IsAsciiLetterUpper(inward[2]) || char.IsAsciiDigit(inward[2]))) return false;
        bool digit = false;
        foreach (var c in outward)
        {
            if (char.IsAsciiDigit(c)) digit = true;
            else if (!char.IsAsciiLetterUpper(c)) return false;
        }
        return digit;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
