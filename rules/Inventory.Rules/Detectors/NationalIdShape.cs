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
/// </list>
/// UK National Insurance numbers and Spanish DNI/NIE carry letters, which phone shapes already reject.
/// </summary>
internal static class NationalIdShape
{
    /// <summary>True when the trimmed value has the structure of one of the national identifiers above.</summary>
    /// <param name="value">A trimmed value.</param>
    /// <returns>True for a US SSN, French NIR or German tax id; false otherwise (never throws).</returns>
    public static bool Matches(ReadOnlySpan<char> value) => IsUsSsn(value) || IsFrenchNir(value) || IsGermanTaxId(value);

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

    private static int Number(ReadOnlySpan<char> digits)
    {
        int n = 0;
        foreach (var c in digits) n = n * 10 + (c - '0');
        return n;
    }
}
