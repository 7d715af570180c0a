namespace Inventory.Rules.Detectors;

/// <summary>
/// The German tax number (Steuernummer, issued by a Finanzamt; not the personal Steuer-ID of
/// <see cref="NationalIdShape"/>) in the forms the Länder write it and in the 13-digit unified federal form that ELSTER
/// transmits. Source: the Länder formats and the "bundeseinheitliches Format" table of the ELSTER interface documentation
/// (ERiC, Steuernummer-Formate): Baden-Württemberg <c>FFBBB/UUUUP</c>; Bayern, Brandenburg, Mecklenburg-Vorpommern,
/// Saarland, Sachsen, Sachsen-Anhalt, Thüringen <c>FFF/BBB/UUUUP</c>; Berlin, Hamburg, Niedersachsen <c>FF/BBB/UUUUP</c>;
/// Bremen, Schleswig-Holstein <c>FF BBB UUUUP</c>; Hessen <c>0FF BBB UUUUP</c>; Nordrhein-Westfalen <c>FFF/BBBB/UUUP</c>;
/// Rheinland-Pfalz <c>FF/BBB/UUUU/P</c>; unified form: the four-digit Finanzamt number (led by the Land's code: 10
/// Saarland, 11 Berlin, 21 Schleswig-Holstein, 22 Hamburg, 23 Niedersachsen, 24 Bremen, 26 Hessen, 27 Rheinland-Pfalz,
/// 28 Baden-Württemberg, 30 Brandenburg, 31 Sachsen-Anhalt, 32 Sachsen, 40 Mecklenburg-Vorpommern, 41 Thüringen,
/// 5 Nordrhein-Westfalen, 9 Bayern), a 0, then the district, the distinguishing number and the check digit (13 digits).
/// The check digit's method differs by Land and is not tested: the forms are shapes, read together with a column's
/// other values (a phone plan accepts many of these digit runs; trial44).
/// </summary>
internal static class GermanTaxNumber
{
    // Group lengths of the Länder forms written with separators.
    private static readonly int[][] SlashForms = [[5, 5], [3, 3, 5], [2, 3, 5], [3, 4, 4], [2, 3, 4, 1]];
    private static readonly int[][] SpaceForms = [[2, 3, 5]];

    private static readonly string[] LandCodes = ["10", "11", "21", "22", "23", "24", "26", "27", "28", "30", "31", "32", "40", "41"];

    /// <summary>True when a trimmed value is a tax number in a Land's written form that no phone number is written as:
    /// the groups of a slash form (<c>21/815/08150</c>, <c>133/8150/8159</c>, <c>93815/08152</c>, <c>22/815/0815/4</c>),
    /// or Bremen's and Schleswig-Holstein's 2-3-5 digits with spaces (<c>75 815 08152</c>); the first digit is not a
    /// trunk 0 in a form a national phone number shares (a phone is written <c>08151/12345</c> or <c>089 123 45678</c>:
    /// Hessen's <c>013 815 08153</c> is left to the other values).</summary>
    /// <param name="value">A trimmed value.</param>
    public static bool IsWrittenForm(ReadOnlySpan<char> value)
    {
        if (value.Length is < 11 or > 15 || !char.IsAsciiDigit(value[0])) return false;
        char separator = value.IndexOf('/') >= 0 ? '/' : ' ';
        Span<int> groups = stackalloc int[5];
        int count = 0, length = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c)) { length++; continue; }
            if (c != separator || length == 0 || count == 4) return false;
            groups[count++] = length;
            length = 0;
        }
        if (length == 0) return false;
        groups[count++] = length;
        if (count < 2) return false;
        var forms = separator == '/' ? SlashForms : SpaceForms;
        foreach (var form in forms)
        {
            if (!groups[..count].SequenceEqual(form)) continue;
            // One slash or spaces: the forms a national phone number with its trunk 0 shares.
            if ((count == 2 || separator == ' ') && value[0] == '0') return false;
            return true;
        }
        return false;
    }

    /// <summary>True when 13 ASCII digits have the shape of the unified federal form: a Land's code leading the Finanzamt
    /// number, then a 0 as the fifth digit.</summary>
    /// <param name="digits">A bare digit run.</param>
    public static bool IsUnifiedForm(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 13 || digits[4] != '0' || digits.ContainsAnyExceptInRange('0', '9')) return false;
        if (digits[0] is '5' or '9') return true;
        foreach (var code in LandCodes)
            if (digits.StartsWith(code, StringComparison.Ordinal)) return true;
        return false;
    }
}
