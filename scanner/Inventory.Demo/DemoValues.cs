using System.Globalization;
using System.Net;
using System.Text;
using Bogus;

namespace Inventory.Demo;

/// <summary>
/// Invented, realistic-looking values for the demo database, all drawn from one seeded <see cref="Randomizer"/> so a seed
/// gives the same values. Only reserved or fictional ranges are used: mailboxes under example.com/.org/.net (RFC 2606),
/// IPv4 documentation blocks 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 (RFC 5737), IPv6 2001:db8::/32 (RFC 3849),
/// phone numbers from the ranges regulators keep for fiction (ARCEP 01 99 00 / 06 39 98, Ofcom 07700 900, US 555-01xx,
/// Berlin 030 23125), and the card numbers payment gateways publish for testing.
/// </summary>
internal sealed class DemoValues(Randomizer random)
{
    /// <summary>Public test card numbers documented by payment gateways (Luhn-valid, never issued to a cardholder),
    /// with their brand.</summary>
    public static IReadOnlyList<(string Pan, string Brand)> TestPans { get; } =
    [
        ("4242424242424242", "visa"),
        ("4000056655665556", "visa"),
        ("4000002500001001", "visa"),
        ("4000000000003220", "visa"),
        ("5555555555554444", "mastercard"),
        ("2223003122003222", "mastercard"),
        ("5200828282828210", "mastercard"),
        ("5105105105105100", "mastercard"),
        ("378282246310005", "amex"),
        ("371449635398431", "amex"),
        ("6011111111111117", "discover"),
        ("6011000990139424", "discover"),
        ("3056930009020004", "diners"),
        ("36227206271667", "diners"),
        ("3566002020360505", "jcb"),
        ("6200000000000005", "unionpay"),
    ];

    private static readonly string[] MailDomains = ["example.com", "example.org", "example.net"];
    private static readonly string[] Ipv4Blocks = ["192.0.2", "198.51.100", "203.0.113"];

    /// <summary>The generator behind every value.</summary>
    public Randomizer Random { get; } = random;

    /// <summary>Lower-case ASCII slug: diacritics removed, runs of other characters turned into <paramref name="separator"/>.</summary>
    public static string Slug(string text, string separator = "-")
    {
        var decomposed = text.Replace("ß", "ss", StringComparison.Ordinal).Replace("œ", "oe", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal).Replace("ø", "o", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var b = new StringBuilder(decomposed.Length);
        bool pending = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pending && b.Length > 0) b.Append(separator);
                b.Append(c);
                pending = false;
            }
            else pending = true;
        }
        return b.ToString();
    }

    /// <summary>A mailbox under one of the example domains, e.g. <c>camille.martin@example.org</c>.</summary>
    public string Email(string first, string last)
    {
        var local = Random.Int(0, 9) switch
        {
            <= 5 => $"{Slug(first, "")}.{Slug(last, "")}",
            6 => $"{Slug(first, "")[..1]}{Slug(last, "")}",
            7 => $"{Slug(first, "")}{Random.Int(1, 99)}",
            8 => $"{Slug(last, "")}.{Slug(first, "")[..1]}",
            _ => $"{Slug(first, "")}_{Slug(last, "")}",
        };
        return $"{local}@{Random.ArrayElement(MailDomains)}";
    }

    /// <summary>A role mailbox such as <c>ops.dupont-conseil@example.net</c>.</summary>
    public string RoleEmail(string role, string slug) => $"{role}.{slug}@{Random.ArrayElement(MailDomains)}";

    /// <summary>An IPv4 address in a documentation block (RFC 5737).</summary>
    public string Ipv4() => $"{Random.ArrayElement(Ipv4Blocks)}.{Random.Int(1, 254)}";

    /// <summary>An IPv6 address in 2001:db8::/32 (RFC 3849), in canonical compressed form (RFC 5952).</summary>
    public string Ipv6()
    {
        var bytes = new byte[16];
        bytes[0] = 0x20; bytes[1] = 0x01; bytes[2] = 0x0d; bytes[3] = 0xb8;
        for (int i = 4; i < 8; i++) bytes[i] = (byte)Random.Int(0, 255);
        // interface ids: half random, half short (::1, ::2a) as hosts are often numbered
        if (Random.Bool()) for (int i = 8; i < 16; i++) bytes[i] = (byte)Random.Int(0, 255);
        else bytes[15] = (byte)Random.Int(1, 255);
        return new IPAddress(bytes).ToString();
    }

    /// <summary>An IPv4 address with probability <paramref name="v4Share"/>, else IPv6.</summary>
    public string Ip(double v4Share = 0.65) => Random.Double() < v4Share ? Ipv4() : Ipv6();

    /// <summary>A user agent of a current browser, a mobile browser or the host's CLI.</summary>
    public string UserAgent()
    {
        int chrome = Random.Int(118, 131), firefox = Random.Int(115, 133), safari = Random.Int(16, 18);
        return Random.Int(0, 19) switch
        {
            <= 5 => $"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Safari/537.36",
            6 or 7 => $"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Safari/537.36",
            8 or 9 => $"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{safari}.{Random.Int(0, 6)} Safari/605.1.15",
            10 or 11 => $"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:{firefox}.0) Gecko/20100101 Firefox/{firefox}.0",
            12 => $"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:{firefox}.0) Gecko/20100101 Firefox/{firefox}.0",
            13 or 14 => $"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Safari/537.36 Edg/{chrome}.0.{Random.Int(1000, 2999)}.{Random.Int(10, 99)}",
            15 => $"Mozilla/5.0 (iPhone; CPU iPhone OS {safari}_{Random.Int(0, 6)} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{safari}.{Random.Int(0, 6)} Mobile/15E148 Safari/604.1",
            16 => $"Mozilla/5.0 (Linux; Android {Random.Int(12, 15)}; Pixel {Random.Int(6, 9)}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Mobile Safari/537.36",
            17 => $"Mozilla/5.0 (Linux; Android {Random.Int(12, 15)}; SM-S{Random.Int(901, 928)}B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Mobile Safari/537.36",
            18 => $"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{chrome}.0.0.0 Safari/537.36",
            _ => $"paas-cli/{Random.Int(7, 9)}.{Random.Int(0, 20)}.{Random.Int(0, 9)} linux-x64 node-v{Random.Int(18, 22)}.{Random.Int(0, 12)}.{Random.Int(0, 9)}",
        };
    }

    /// <summary>An Accept-Language header consistent with a BCP 47 <paramref name="locale"/>, e.g.
    /// <c>fr-FR,fr;q=0.9,en;q=0.8</c>.</summary>
    public string AcceptLanguage(string locale)
    {
        var lang = locale.Split('-')[0];
        return Random.Int(0, 5) switch
        {
            0 => lang,
            1 => $"{locale},{lang};q=0.9",
            2 when lang != "en" => $"{locale},{lang};q=0.9,en-US;q=0.8,en;q=0.7",
            3 when lang != "en" && locale.Contains('-', StringComparison.Ordinal) => $"{locale},{lang};q=0.8,en;q=0.5,de;q=0.3",
            _ when lang == "en" => $"{locale},en;q=0.9,fr;q=0.8",
            _ => $"{locale},{lang};q=0.9,en;q=0.8",
        };
    }

    /// <summary>A phone number for a person in <paramref name="country"/> (ISO 3166 alpha-2) in E.164 and in the
    /// national format, both from fiction ranges.</summary>
    public (string E164, string National) Phone(string country)
    {
        string d(int n) => Random.ReplaceNumbers(new string('#', n));
        switch (country)
        {
            case "DE":
            {
                var s = d(3);
                return ($"+493023125{s}", $"030 23125{s}");
            }
            case "GB":
            {
                var s = d(3);
                return ($"+447700900{s}", $"07700 900{s}");
            }
            case "US":
            {
                var area = Random.ArrayElement(["202", "212", "415", "617"]);
                var s = d(2);
                return ($"+1{area}55501{s}", $"({area}) 555-01{s}");
            }
            default:
            {
                // ARCEP keeps 01 99 00 xx xx and 06 39 98 xx xx for fiction; Belgian users get French numbers too.
                var mobile = Random.Double() < 0.8;
                string a = d(2), b = d(2);
                return mobile ? ($"+3363998{a}{b}", $"06 39 98 {a} {b}") : ($"+3319900{a}{b}", $"01 99 00 {a} {b}");
            }
        }
    }

    /// <summary>The Luhn check digit for <paramref name="digits"/> (ISO/IEC 7812-1 annex B: double every second digit from the right of the payload).</summary>
    public static int LuhnCheckDigit(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int v = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) { v *= 2; if (v > 9) v -= 9; }
            sum += v;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>A Luhn-valid SIREN (9 digits; INSEE uses the Luhn key).</summary>
    public string Siren()
    {
        var payload = Random.Int(1, 9).ToString(CultureInfo.InvariantCulture) + Random.ReplaceNumbers("#######");
        return payload + LuhnCheckDigit(payload).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A Luhn-valid SIRET: the SIREN and a 5-digit establishment number (NIC) whose last digit makes the 14 digits Luhn-valid.</summary>
    public string Siret(string siren)
    {
        var payload = siren + "000" + Random.Int(1, 9).ToString(CultureInfo.InvariantCulture);
        return payload + LuhnCheckDigit(payload).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The French VAT number of a SIREN: FR, key = (12 + 3 × (SIREN mod 97)) mod 97, then the SIREN.</summary>
    public static string FrenchVat(string siren)
    {
        var key = (12 + 3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97)) % 97;
        return $"FR{key:00}{siren}";
    }

    /// <summary>A German VAT number (USt-IdNr.): DE and 9 digits, the last an ISO 7064 MOD 11,10 check digit.</summary>
    public string GermanVat()
    {
        var payload = Random.Int(1, 9).ToString(CultureInfo.InvariantCulture) + Random.ReplaceNumbers("#######");
        int product = 10;
        foreach (var ch in payload)
        {
            int sum = (ch - '0' + product) % 10;
            if (sum == 0) sum = 10;
            product = 2 * sum % 11;
        }
        int check = 11 - product;
        if (check == 10) check = 0;
        return $"DE{payload}{check}";
    }

    /// <summary>A Belgian VAT number: BE0 and 9 digits whose last two are 97 − (first 8 digits mod 97).</summary>
    public string BelgianVat()
    {
        var body = "0" + Random.Int(2, 9).ToString(CultureInfo.InvariantCulture) + Random.ReplaceNumbers("######");
        var check = 97 - long.Parse(body, CultureInfo.InvariantCulture) % 97;
        return $"BE{body}{check:00}";
    }

    /// <summary>A UK VAT number: GB and 9 digits; weights 8…2 on the first 7 digits plus the last two must be a multiple of 97.</summary>
    public string BritishVat()
    {
        var body = Random.Int(1, 9).ToString(CultureInfo.InvariantCulture) + Random.ReplaceNumbers("######");
        int sum = 0;
        for (int i = 0; i < 7; i++) sum += (8 - i) * (body[i] - '0');
        return $"GB{body}{(97 - sum % 97) % 97:00}";
    }

    /// <summary><paramref name="length"/> lower-case hexadecimal digits.</summary>
    public string Hex(int length)
    {
        var b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.Append("0123456789abcdef"[Random.Int(0, 15)]);
        return b.ToString();
    }

    /// <summary><paramref name="length"/> characters from <paramref name="alphabet"/>.</summary>
    public string Chars(int length, string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    {
        var b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.Append(alphabet[Random.Int(0, alphabet.Length - 1)]);
        return b.ToString();
    }

    /// <summary>A bcrypt-shaped (cost 12) or argon2id-shaped (PHC string) password hash of random bytes.</summary>
    public string PasswordHash() =>
        Random.Double() < 0.75
            ? "$2a$12$" + Chars(53, "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            : "$argon2id$v=19$m=65536,t=3,p=4$" + Chars(22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") +
              "$" + Chars(43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");

    /// <summary>A PAN written as stored by the legacy import: 60% bare digits, 25% grouped with spaces, 15% with dashes
    /// (groups 4-6-5 for 15-digit Amex, 4-6-4 for 14-digit Diners, else fours).</summary>
    public string FormatPan(string pan)
    {
        var roll = Random.Double();
        if (roll < 0.60) return pan;
        var sep = roll < 0.85 ? " " : "-";
        int[] groups = pan.Length switch { 15 => [4, 6, 5], 14 => [4, 6, 4], _ => [4, 4, 4, 4] };
        var parts = new List<string>();
        int at = 0;
        foreach (var g in groups) { parts.Add(pan.Substring(at, g)); at += g; }
        return string.Join(sep, parts);
    }

    /// <summary>A timestamp uniformly between <paramref name="from"/> and <paramref name="to"/>, to the second.</summary>
    public DateTime Between(DateTime from, DateTime to)
    {
        if (to <= from) return from;
        var seconds = (long)(Random.Double() * (to - from).TotalSeconds);
        return from.AddSeconds(seconds);
    }

    /// <summary>Formats a timestamp as SQLite text (<c>yyyy-MM-dd HH:mm:ss</c>, UTC).</summary>
    public static string Sql(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Formats a date as SQLite text (<c>yyyy-MM-dd</c>).</summary>
    public static string SqlDate(DateTime time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
