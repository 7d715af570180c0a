namespace Inventory.Rules.Detectors;

/// <summary>
/// National identifiers written in a fixed national format whose digits a phone library may also parse as a number
/// (issue 10 item 6: a column of US SSNs read as phones at 1.00). Each test checks the published structure, not only the
/// length, so that real phone numbers rarely pass it:
/// <list type="bullet">
/// <item>US Social Security Number <c>NNN-NN-NNNN</c> with hyphens (SSA: area 001–899 except 666, group 01–99, serial
/// 0001–9999); no numbering plan groups a phone number 3-2-4.</item>
/// <item>French NIR (INSEE social security number): 13 digits (sex 1–4, 7 or 8, then year, month,
/// département, commune, order) and a 2-digit key equal to 97 − (number mod 97), compact or in its printed groups; Corsica's
/// 2A/2B are read as 19/18 for the key, as INSEE prescribes.</item>
/// <item>German tax identification number (Steueridentifikationsnummer, BZSt): 11 digits, the first not 0, in the first ten
/// exactly one digit repeated (two or three times) and at least one missing, and an ISO 7064 MOD 11,10
/// check digit; random digit runs pass about one time in 600.</item>
/// <item>Spanish social security affiliation number (número de afiliación a la Seguridad Social, TGSS): 12 digits,
/// province 01–53 or 66, an eight-digit number and a two-digit key, compact or grouped 2-8-2 by spaces, slashes or hyphens
/// (<c>28/12345678/40</c>); the key is the number mod 97 (province × 10⁷ + number when the number is under 10⁷, else the
/// province followed by the number); random digit runs pass about one time in 180 (trial44 finding 4: such a column was
/// read as phone numbers).</item>
/// </list>
/// UK National Insurance numbers and Spanish DNI/NIE carry letters, which phone shapes already reject.
/// <see cref="MatchesChecked"/> adds the identifiers the national-id detector reads besides these (kinds23): Spanish
/// DNI/NIE, Italian codice fiscale, UK NINO, Belgian national register number and Dutch BSN. They are kept out of
/// <see cref="Matches"/>, which the phone detector uses: a nine-digit BSN check passes one Spanish phone number in eleven.
/// </summary>
internal static class NationalIdShape
{
    /// <summary>True when the trimmed value has the structure of one of the national identifiers above.</summary>
    /// <param name="value">A trimmed value.</param>
    /// <returns>True for a US SSN, French NIR or German tax id; false otherwise (never throws).</returns>
    public static bool Matches(ReadOnlySpan<char> value) => IsUsSsn(value) || IsFrenchNir(value) || IsGermanTaxId(value) || IsSpanishSocialSecurityNumber(value);

    /// <summary>Spanish social security affiliation number (see the class summary): 12 digits, compact or grouped 2-8-2 by
    /// one kind of separator (space, <c>/</c> or <c>-</c>), province 01–53 or 66, key = number mod 97.</summary>
    public static bool IsSpanishSocialSecurityNumber(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[12];
        if (value.Length == 12) value.CopyTo(digits);
        else if (value.Length == 14 && value[2] is ' ' or '/' or '-' && value[11] == value[2])
        {
            value[..2].CopyTo(digits);
            value[3..11].CopyTo(digits[2..]);
            value[12..].CopyTo(digits[10..]);
        }
        else return false;
        foreach (var c in digits) if (!char.IsAsciiDigit(c)) return false;
        int province = Number(digits[..2]);
        if (province is not ((>= 1 and <= 53) or 66)) return false;
        long number = Number(digits[2..10]);
        long body = number < 10_000_000 ? province * 10_000_000L + number : province * 100_000_000L + number;
        return body % 97 == Number(digits[10..]);
    }

    /// <summary>US SSN <c>NNN-NN-NNNN</c> in the issuable ranges (area 001–899 except 666, group and serial not zero).</summary>
    public static bool IsUsSsn(ReadOnlySpan<char> value)
    {
        if (value.Length != 11 || value[3] != '-' || value[6] != '-') return false;
        for (int i = 0; i < 11; i++)
            if (i is not (3 or 6) && !char.IsAsciiDigit(value[i])) return false;
        int area = Number(value[..3]), group = Number(value[4..6]), serial = Number(value[7..]);
        return area is > 0 and < 900 and not 666 && group > 0 && serial > 0;
    }

    /// <summary>French NIR: 15 digits after removing spaces (13 + key), sex digit 1–4, 7 or 8, key = 97 − (n mod 97).</summary>
    public static bool IsFrenchNir(ReadOnlySpan<char> value)
    {
        Span<char> digits = stackalloc char[15];
        int n = 0;
        foreach (var c in value)
        {
            if (c == ' ') continue;
            if (n == 15) return false;
            digits[n++] = c;
        }
        if (n != 15 || digits[0] is not ('1' or '2' or '3' or '4' or '7' or '8')) return false;
        // Corsica: 2A → 19, 2B → 18 for the key.
        long corsica = 0;
        if (digits[5] == '2' && digits[6] is 'A' or 'B' or 'a' or 'b')
        {
            corsica = digits[6] is 'A' or 'a' ? 1_000_000 : 2_000_000;
            digits[6] = '0';
        }
        foreach (var c in digits) if (!char.IsAsciiDigit(c)) return false;
        long body = 0;
        for (int i = 0; i < 13; i++) body = body * 10 + (digits[i] - '0');
        body -= corsica;
        int key = (digits[13] - '0') * 10 + (digits[14] - '0');
        return key == 97 - (int)(body % 97);
    }

    /// <summary>German Steueridentifikationsnummer: 11 digits, structure and ISO 7064 MOD 11,10 check digit.</summary>
    public static bool IsGermanTaxId(ReadOnlySpan<char> value)
    {
        if (value.Length != 11 || value[0] == '0') return false;
        Span<int> counts = stackalloc int[10];
        for (int i = 0; i < 11; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
            if (i < 10) counts[value[i] - '0']++;
        }
        int repeated = 0, missing = 0;
        foreach (var count in counts)
        {
            if (count == 0) missing++;
            else if (count > 3) return false;
            else if (count > 1) repeated++;
        }
        if (repeated != 1 || missing == 0) return false;
        int product = 10;
        for (int i = 0; i < 10; i++)
        {
            int sum = (value[i] - '0' + product) % 10;
            if (sum == 0) sum = 10;
            product = sum * 2 % 11;
        }
        int check = 11 - product;
        if (check == 10) check = 0;
        return check == value[10] - '0';
    }

    /// <summary>True when the trimmed value is a Spanish DNI/NIE, an Italian codice fiscale, a UK NINO, a Belgian national
    /// register number or a Dutch BSN by their published structure and check (see each method).</summary>
    /// <param name="value">A trimmed value.</param>
    /// <returns>True when one of them matches; never throws.</returns>
    public static bool MatchesChecked(ReadOnlySpan<char> value) =>
        IsSpanishDniOrNie(value) || IsItalianCodiceFiscale(value) || IsUkNino(value) || IsBelgianNationalNumber(value) || IsDutchBsn(value);

    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    /// <summary>Spanish DNI (eight digits) or NIE (X, Y or Z read as 0, 1, 2, then seven digits) and the check letter
    /// <c>TRWAGMYFPDXBNJZSQVHLCKE[number mod 23]</c> (Ministerio del Interior, Real Decreto 1553/2005), upper or lower case,
    /// with at most one space or hyphen before the letter.</summary>
    public static bool IsSpanishDniOrNie(ReadOnlySpan<char> value)
    {
        if (value.Length is < 9 or > 10) return false;
        if (value.Length == 10)
        {
            if (value[8] is not (' ' or '-')) return false;
            Span<char> compact = stackalloc char[9];
            value[..8].CopyTo(compact);
            compact[8] = value[9];
            return IsSpanishDniOrNie(compact);
        }
        char first = char.ToUpperInvariant(value[0]);
        int number = first switch { 'X' => 0, 'Y' => 1, 'Z' => 2, _ => char.IsAsciiDigit(first) ? first - '0' : -1 };
        if (number < 0) return false;
        for (int i = 1; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
            number = number * 10 + (value[i] - '0');
        }
        return char.ToUpperInvariant(value[8]) == DniLetters[number % 23];
    }

    private static readonly int[] CodiceOdd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    /// <summary>Italian codice fiscale (DM 23 dicembre 1976; Agenzia delle Entrate): six letters, year (two digits), month
    /// letter (ABCDEHLMPRST), day (two digits, +40 for women), municipality (letter and three digits) and the check letter
    /// from the odd/even position tables mod 26; digits may be replaced by the omocodia letters LMNPQRSTUV.</summary>
    public static bool IsItalianCodiceFiscale(ReadOnlySpan<char> value)
    {
        if (value.Length != 16) return false;
        int sum = 0;
        for (int i = 0; i < 16; i++)
        {
            char c = char.ToUpperInvariant(value[i]);
            bool letter = c is >= 'A' and <= 'Z', digit = char.IsAsciiDigit(c);
            bool digitPlace = i is 6 or 7 or 9 or 10 or 12 or 13 or 14;
            if (digitPlace ? !(digit || "LMNPQRSTUV".Contains(c)) : !letter) return false;
            if (i == 8 && !"ABCDEHLMPRST".Contains(c)) return false;
            if (i == 15) return c == (char)('A' + sum % 26);
            int index = digit ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? CodiceOdd[index] : index;
        }
        return false;
    }

    /// <summary>UK National Insurance number (HMRC National Insurance Manual NIM39110): two prefix letters (not D, F, I, Q,
    /// U, V; second not O; not BG, GB, NK, KN, TN, NT, ZZ), six digits and a suffix A–D, compact or in printed pairs.</summary>
    public static bool IsUkNino(ReadOnlySpan<char> value)
    {
        Span<char> compact = stackalloc char[9];
        int n = 0;
        foreach (var c in value)
        {
            if (c == ' ') continue;
            if (n == 9) return false;
            compact[n++] = char.ToUpperInvariant(c);
        }
        if (n != 9) return false;
        char a = compact[0], b = compact[1];
        if (a is < 'A' or > 'Z' || b is < 'A' or > 'Z' || "DFIQUV".Contains(a) || "DFIOQUV".Contains(b)) return false;
        if (compact[..2] is "BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ") return false;
        for (int i = 2; i < 8; i++) if (!char.IsAsciiDigit(compact[i])) return false;
        return compact[8] is >= 'A' and <= 'D';
    }

    /// <summary>Belgian national register number (Rijksregister / Registre national, law of 8 August 1983): birth date
    /// YYMMDD (month 0–12, or +20/+40 for BIS numbers), a serial and a two-digit key 97 − (first nine digits mod 97), with
    /// 2 placed before them for people born from 2000; eleven digits, bare or printed <c>YY.MM.DD-SSS.CC</c>.</summary>
    public static bool IsBelgianNationalNumber(ReadOnlySpan<char> value)
    {
        Span<int> digits = stackalloc int[11];
        int n = 0;
        foreach (var c in value)
        {
            if (c is '.' or '-' or ' ') continue;
            if (!char.IsAsciiDigit(c) || n == 11) return false;
            digits[n++] = c - '0';
        }
        if (n != 11) return false;
        int month = digits[2] * 10 + digits[3], day = digits[4] * 10 + digits[5];
        if (month % 20 > 12 || month > 52 || day > 31) return false;
        long body = 0;
        for (int i = 0; i < 9; i++) body = body * 10 + digits[i];
        int key = digits[9] * 10 + digits[10];
        return key == 97 - (int)(body % 97) || key == 97 - (int)((2_000_000_000L + body) % 97);
    }

    /// <summary>Dutch burgerservicenummer (Wet algemene bepalingen burgerservicenummer): nine digits (eight when an integer
    /// column dropped the leading zero), not all zero, passing the 11-proof 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11).</summary>
    public static bool IsDutchBsn(ReadOnlySpan<char> value)
    {
        if (value.Length is < 8 or > 9) return false;
        int sum = 0, weight = 9, nonZero = 0;
        if (value.Length == 8) weight = 8;
        for (int i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i])) return false;
            int d = value[i] - '0';
            if (d != 0) nonZero++;
            sum += i == value.Length - 1 ? -d : weight-- * d;
        }
        return nonZero > 1 && sum % 11 == 0;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        int n = 0;
        foreach (var c in digits) n = n * 10 + (c - '0');
        return n;
    }
}
