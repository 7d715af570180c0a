using System.Globalization;
using System.Numerics;
using System.Text;

namespace Inventory.Tests.Support;

/// <summary>
/// Generated values that carry their real check digits or letters, as the issuing bodies publish them, for the bulk
/// adversarial tests of issue 10 item 6 (kinds23): national identifiers of several countries, IBANs and card numbers in
/// the ways people write them, phone numbers in national formats, and look-alikes that pass no check. Every generator is
/// driven by the caller's seeded <see cref="Random"/>, so a failure is reproducible; the values are invented.
/// </summary>
internal static class CheckedNumbers
{
    private const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";

    /// <summary>A run of <paramref name="count"/> random ASCII digits.</summary>
    public static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    /// <summary>Spanish DNI: eight digits and the check letter of the Ministry of the Interior (number mod 23), or an NIE:
    /// X, Y or Z (read as 0, 1, 2), seven digits and the same letter; sometimes with a hyphen before the letter.</summary>
    public static string SpanishDniOrNie(Random random)
    {
        bool nie = random.Next(3) == 0;
        string body = nie ? "XYZ"[random.Next(3)] + Digits(random, 7) : Digits(random, 8);
        long number = long.Parse(nie ? (body[0] - 'X').ToString(CultureInfo.InvariantCulture) + body[1..] : body, CultureInfo.InvariantCulture);
        return body + (random.Next(4) == 0 ? "-" : "") + DniLetters[(int)(number % 23)];
    }

    /// <summary>A Spanish DNI-shaped reference whose letter is wrong (order or dossier numbers: eight digits and a letter).</summary>
    public static string DniLookAlike(Random random)
    {
        string body = Digits(random, 8);
        char right = DniLetters[(int)(long.Parse(body, CultureInfo.InvariantCulture) % 23)];
        char letter;
        do letter = (char)('A' + random.Next(26)); while (letter == right);
        return body + letter;
    }

    private static readonly int[] CodiceOdd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    /// <summary>Italian codice fiscale (Agenzia delle Entrate, DM 23/12/1976): three consonant letters of the surname and
    /// of the name, two digits of the year, the month letter, the day (+40 for women), a municipality code (letter and
    /// three digits) and the check letter (odd and even position tables, sum mod 26).</summary>
    public static string ItalianCodiceFiscale(Random random)
    {
        const string consonants = "BCDFGHJKLMNPQRSTVWXZ";
        var sb = new StringBuilder(16);
        for (int i = 0; i < 6; i++) sb.Append(consonants[random.Next(consonants.Length)]);
        sb.Append(Digits(random, 2)).Append("ABCDEHLMPRST"[random.Next(12)]);
        int day = random.Next(1, 29) + (random.Next(2) == 0 ? 40 : 0);
        sb.Append(day.ToString("00", CultureInfo.InvariantCulture)).Append("ABCDEFGHILM"[random.Next(11)]).Append(Digits(random, 3));
        int sum = 0;
        for (int i = 0; i < 15; i++)
        {
            char c = sb[i];
            int index = char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? CodiceOdd[index] : index;
        }
        return sb.Append((char)('A' + sum % 26)).ToString();
    }

    /// <summary>UK National Insurance number (HMRC NIM39110): two prefix letters from the allocated set, six digits and a
    /// suffix A–D, compact or in its printed pairs (<c>AB 12 34 56 C</c>).</summary>
    public static string UkNino(Random random)
    {
        const string first = "ABCEGHJKLMNOPRSTWXYZ", second = "ABCEGHJKLMNPRSTWXYZ";
        string prefix;
        do prefix = $"{first[random.Next(first.Length)]}{second[random.Next(second.Length)]}";
        while (prefix is "BG" or "GB" or "NK" or "KN" or "TN" or "NT" or "ZZ");
        string digits = Digits(random, 6), suffix = "ABCD"[random.Next(4)].ToString();
        return random.Next(2) == 0 ? prefix + digits + suffix : $"{prefix} {digits[..2]} {digits[2..4]} {digits[4..]} {suffix}";
    }

    /// <summary>US Social Security number in the issuable ranges (area 001–899 but 666, group and serial not zero), with
    /// hyphens or as nine bare digits.</summary>
    public static string UsSsn(Random random)
    {
        int area;
        do area = random.Next(1, 900); while (area == 666);
        var ssn = string.Create(CultureInfo.InvariantCulture, $"{area:000}-{random.Next(1, 100):00}-{random.Next(1, 10000):0000}");
        return random.Next(3) == 0 ? ssn.Replace("-", "", StringComparison.Ordinal) : ssn;
    }

    /// <summary>Dutch burgerservicenummer: nine digits passing the 11-proof (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11).</summary>
    public static string DutchBsn(Random random)
    {
        while (true)
        {
            string body = (char)('1' + random.Next(9)) + Digits(random, 7);
            int sum = 0;
            for (int i = 0; i < 8; i++) sum += (9 - i) * (body[i] - '0');
            int check = sum % 11;
            if (check < 10) return body + (char)('0' + check);
        }
    }

    /// <summary>Belgian national register number (rijksregisternummer / numéro de registre national): birth date YYMMDD, a
    /// serial 001–997 and the check 97 − (number mod 97), with 2 before the number for people born from 2000; printed
    /// <c>YY.MM.DD-SSS.CC</c> or as eleven digits.</summary>
    public static string BelgianNationalNumber(Random random)
    {
        int year = random.Next(1940, 2010);
        string body = string.Create(CultureInfo.InvariantCulture, $"{year % 100:00}{random.Next(1, 13):00}{random.Next(1, 29):00}{random.Next(1, 998):000}");
        long number = long.Parse(body, CultureInfo.InvariantCulture) + (year >= 2000 ? 2_000_000_000L : 0);
        int check = 97 - (int)(number % 97);
        string digits = body + check.ToString("00", CultureInfo.InvariantCulture);
        return random.Next(2) == 0 ? digits : $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}-{digits[6..9]}.{digits[9..]}";
    }

    /// <summary>German tax identification number (Steueridentifikationsnummer): eleven digits, the first not 0, one digit
    /// of the first ten repeated two or three times and at least one missing, and the ISO 7064 MOD 11,10 check digit.</summary>
    public static string GermanTaxId(Random random)
    {
        while (true)
        {
            string body = (char)('1' + random.Next(9)) + Digits(random, 9);
            var counts = body.GroupBy(c => c).Select(g => g.Count()).ToArray();
            if (counts.Count(c => c > 1) != 1 || counts.Any(c => c > 3) || counts.Length == 10) continue;
            int product = 10;
            foreach (char c in body)
            {
                int sum = (c - '0' + product) % 10;
                if (sum == 0) sum = 10;
                product = sum * 2 % 11;
            }
            int check = 11 - product;
            if (check == 10) check = 0;
            return body + (char)('0' + check);
        }
    }

    /// <summary>French NIR (INSEE): sex, year, month, département, commune, order and the key 97 − (number mod 97), compact
    /// or in its printed groups.</summary>
    public static string FrenchNir(Random random)
    {
        string body = string.Create(CultureInfo.InvariantCulture,
            $"{random.Next(1, 3)}{random.Next(0, 100):00}{random.Next(1, 13):00}{random.Next(1, 96):00}{random.Next(1, 990):000}{random.Next(1, 999):000}");
        int key = 97 - (int)(long.Parse(body, CultureInfo.InvariantCulture) % 97);
        string nir = body + key.ToString("00", CultureInfo.InvariantCulture);
        return random.Next(2) == 0 ? nir : $"{nir[0]} {nir[1..3]} {nir[3..5]} {nir[5..7]} {nir[7..10]} {nir[10..13]} {nir[13..]}";
    }

    /// <summary>An IBAN of France, Germany, Spain, Italy, the Netherlands or Belgium with its ISO 13616 check digits, written
    /// as given: compact upper case, lower case, or in groups of four (upper or lower).</summary>
    public static string Iban(Random random)
    {
        var (country, bban) = random.Next(6) switch
        {
            0 => ("FR", Digits(random, 23)),
            1 => ("DE", Digits(random, 18)),
            2 => ("ES", Digits(random, 20)),
            3 => ("IT", (char)('A' + random.Next(26)) + Digits(random, 22)),
            4 => ("NL", Pick(random, ["ABNA", "RABO", "INGB"]) + Digits(random, 10)),
            _ => ("BE", Digits(random, 12)),
        };
        var rearranged = new StringBuilder();
        foreach (char c in bban + country + "00")
            rearranged.Append(char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
        int check = 98 - (int)(BigInteger.Parse(rearranged.ToString(), CultureInfo.InvariantCulture) % 97);
        string iban = country + check.ToString("00", CultureInfo.InvariantCulture) + bban;
        return random.Next(4) switch
        {
            0 => iban,
            1 => iban.ToLowerInvariant(),
            2 => string.Join(' ', iban.Chunk(4).Select(c => new string(c))),
            _ => string.Join(' ', iban.ToLowerInvariant().Chunk(4).Select(c => new string(c))),
        };
    }

    /// <summary>A card number (PAN) of Visa, Mastercard or American Express with its Luhn digit.</summary>
    public static string Pan(Random random)
    {
        var (prefix, length) = random.Next(3) switch
        {
            0 => ("4" + Digits(random, 5), 16),
            1 => ((51 + random.Next(5)).ToString(CultureInfo.InvariantCulture) + Digits(random, 4), 16),
            _ => (random.Next(2) == 0 ? "34" : "37", 15),
        };
        return WithLuhn(prefix + Digits(random, length - 1 - prefix.Length));
    }

    /// <summary>Appends the Luhn check digit (ISO/IEC 7812-1) to a digit string.</summary>
    public static string WithLuhn(string body)
    {
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            int d = body[body.Length - 1 - i] - '0';
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return body + (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>A PAN written with spaces or hyphens in its printed groups (4-4-4-4, Amex 4-6-5).</summary>
    public static string SeparatedPan(Random random)
    {
        string pan = Pan(random);
        string separator = random.Next(2) == 0 ? " " : "-";
        return pan.Length == 15 ? $"{pan[..4]}{separator}{pan[4..10]}{separator}{pan[10..]}" : string.Join(separator, pan.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>A PAN masked as PCI DSS allows it to be shown: the first six and last four, or the last four only, the rest
    /// as <c>*</c>, <c>X</c> or <c>•</c>, compact or in groups.</summary>
    public static string MaskedPan(Random random)
    {
        string pan = Pan(random);
        char mask = "*X•x"[random.Next(4)];
        return random.Next(3) switch
        {
            0 => pan[..6] + new string(mask, pan.Length - 10) + pan[^4..],
            1 => new string(mask, pan.Length - 4) + pan[^4..],
            _ => $"{new string(mask, 4)} {new string(mask, 4)} {new string(mask, 4)} {pan[^4..]}",
        };
    }

    /// <summary>A phone number of France, Germany, Spain or the United Kingdom in its national format (trunk prefix, no
    /// country code), mobile or geographic, with the spacing each country prints.</summary>
    public static string NationalPhone(Random random) => random.Next(6) switch
    {
        0 => $"0{"67"[random.Next(2)]} {Digits(random, 2)} {Digits(random, 2)} {Digits(random, 2)} {Digits(random, 2)}",
        1 => $"0{random.Next(1, 6)}{Digits(random, 8)}",
        2 => $"01{"567"[random.Next(3)]}{random.Next(0, 8)} {Digits(random, 7)}",
        3 => $"0{Pick(random, ["30", "40", "89", "69", "221"])} {Digits(random, 7)}",
        4 => $"6{Digits(random, 2)} {Digits(random, 3)} {Digits(random, 3)}",
        _ => $"07{random.Next(4, 10)}{Digits(random, 2)} {Digits(random, 6)}",
    };

    /// <summary>An IPv6 address of a global unicast range as logs write it: compressed, IPv4-mapped or full.</summary>
    public static string Ipv6(Random random)
    {
        string Group() => random.Next(0x1000, 0x10000).ToString("x", CultureInfo.InvariantCulture);
        return random.Next(3) switch
        {
            0 => $"{Pick(random, ["2a01", "2001", "2a02", "2600", "2804"])}:{Group()}:{Group()}::{Group()}",
            1 => $"::ffff:{random.Next(11, 223)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}",
            _ => string.Join(':', Enumerable.Range(0, 8).Select(i => i == 0 ? Pick(random, ["2a01", "2001", "2a02"]) : Group())),
        };
    }

    /// <summary>A value of <paramref name="values"/> picked at random.</summary>
    public static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
