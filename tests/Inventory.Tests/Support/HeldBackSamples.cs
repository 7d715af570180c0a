using System.Globalization;
using System.Text;

namespace Inventory.Tests.Support;

/// <summary>
/// Generated values of the held-back kinds of session 25 (kinds25, issue 10 item 6): the kinds of the cases in
/// <c>../shared/cases</c> (C01–C45) written anew: people's names of four languages, free text that carries identifiers,
/// JSON documents with personal paths in four languages, hashes, password hashes and tokens, ids that happen to pass a
/// check, enumerations, version strings, dates in several renderings. Each <c>…Column</c> generator is called once per
/// column (it picks that column's format) and returns the generator of its values. Seeded by the caller; every value is
/// invented (example domains, drama-range phone numbers, documentation IP ranges, test card numbers).
/// </summary>
internal static class HeldBackSamples
{
    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static readonly string[] FirstNames = ["Alice", "Bruno", "Chloé", "Dieter", "Elena", "François", "Gudrun", "Hugo", "Inés", "Jürgen",
        "Karin", "Lucía", "Marc", "Nadia", "Óscar", "Pauline", "Rafael", "Sabine", "Thomas", "Ursula", "Valérie", "Wolfgang", "Ximena", "Yann"];
    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Müller", "Schmidt", "Schneider", "García", "Fernández", "López",
        "Smith", "Johnson", "Brown", "Lefèvre", "Weber", "Hoffmann", "Martínez", "Sánchez", "Moreau", "Fischer", "Rodríguez", "Wagner", "Taylor"];

    /// <summary>A person's first name.</summary>
    public static string FirstName(Random random) => Pick(random, FirstNames);

    /// <summary>A person's full name, one of four orders per call.</summary>
    public static string FullName(Random random) => random.Next(3) switch
    {
        0 => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
        1 => $"{Pick(random, LastNames)}, {Pick(random, FirstNames)}",
        _ => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}-{Pick(random, LastNames)}",
    };

    /// <summary>An IPv4 address of a documentation range, or an IPv6 address of 2001:db8::/32.</summary>
    public static string Ip(Random random) => random.Next(4) switch
    {
        0 => $"192.0.2.{random.Next(1, 255)}",
        1 => $"198.51.100.{random.Next(1, 255)}",
        2 => $"203.0.113.{random.Next(1, 255)}",
        _ => CheckedNumbers.Ipv6(random),
    };

    /// <summary>A phone number as digits only with its country code (<c>33612345678</c>), as a number column stores it.</summary>
    public static string PhoneDigits(Random random) => random.Next(4) switch
    {
        0 => "336" + CheckedNumbers.Digits(random, 8),
        1 => "4915" + random.Next(1, 8) + CheckedNumbers.Digits(random, 7),
        2 => "346" + CheckedNumbers.Digits(random, 8),
        _ => "1202555" + "01" + CheckedNumbers.Digits(random, 2),
    };

    /// <summary>Free text a user or staff member wrote, in one of four languages, carrying one identifier (an e-mail, a
    /// phone number, an IBAN or an IP address) in about half of the values.</summary>
    public static Func<Random, string> ProseWithIdentifiersColumn(Random random, string language)
    {
        string[] sentences = language switch
        {
            "fr" => ["Bonjour, je n'arrive plus à me connecter depuis hier soir.", "Merci de rembourser ma dernière commande, elle est arrivée abîmée.",
                "Le client rappelle demain matin au sujet de sa facture.", "Pouvez-vous changer l'adresse de livraison ?", "Rendez-vous confirmé, dossier complet."],
            "de" => ["Hallo, ich kann mich seit gestern nicht mehr anmelden.", "Bitte erstatten Sie meine letzte Bestellung, sie kam beschädigt an.",
                "Kunde ruft morgen früh wegen der Rechnung zurück.", "Können Sie die Lieferadresse ändern?", "Termin bestätigt, Unterlagen vollständig."],
            "es" => ["Hola, no puedo iniciar sesión desde ayer por la noche.", "Por favor reembolsen mi último pedido, llegó dañado.",
                "El cliente vuelve a llamar mañana por la factura.", "¿Pueden cambiar la dirección de entrega?", "Cita confirmada, expediente completo."],
            _ => ["Hi, I cannot log in since last night.", "Please refund my last order, it arrived damaged.",
                "Customer will call back tomorrow morning about the invoice.", "Can you change the delivery address?", "Appointment confirmed, file complete."],
        };
        string[] lead = language switch
        {
            "fr" => ["Écrivez-moi à", "Mon numéro :", "Virement depuis", "Connexion depuis"],
            "de" => ["Schreiben Sie mir an", "Meine Nummer:", "Überweisung von", "Anmeldung von"],
            "es" => ["Escríbanme a", "Mi número:", "Transferencia desde", "Acceso desde"],
            _ => ["Write to me at", "My number:", "Transfer from", "Signed in from"],
        };
        return r =>
        {
            string text = Pick(r, sentences) + " " + Pick(r, sentences);
            if (r.Next(2) == 0) return text;
            int which = r.Next(4);
            string id = which switch { 0 => HeldBackValues.Email(r), 1 => HeldBackValues.Phone(r), 2 => CheckedNumbers.Iban(r), _ => Ip(r) };
            return $"{text} {lead[which]} {id}.";
        };
    }

    /// <summary>A long document (<paramref name="length"/> characters or more) of repeated prose with an e-mail inside.</summary>
    public static Func<Random, string> HugeTextColumn(Random random, string language, int length)
    {
        var prose = ProseWithIdentifiersColumn(random, language);
        return r =>
        {
            var text = new StringBuilder(length + 200);
            while (text.Length < length) text.Append(prose(r)).Append(' ');
            return text.ToString();
        };
    }

    /// <summary>An event's or a customer document's JSON with the person's e-mail, name and phone under keys of one
    /// language (nested under a customer object or flat), beside context keys (IP, agent, plan).</summary>
    public static Func<Random, string> PersonalDocumentColumn(Random random, string language)
    {
        var (person, mail, name, phone) = language switch
        {
            "fr" => ("client", "courriel", "nom", "telephone"),
            "de" => ("kunde", "email", "name", "telefon"),
            "es" => ("cliente", "correo", "nombre", "telefono"),
            _ => ("customer", "email", "name", "phone"),
        };
        bool nested = random.Next(2) == 0;
        return r =>
        {
            string inner = $"\"{mail}\": \"{HeldBackValues.Email(r)}\", \"{name}\": \"{FullName(r)}\", \"{phone}\": \"{HeldBackValues.Phone(r)}\"";
            string context = $"\"ctx\": {{\"ip\": \"{Ip(r)}\", \"lang\": \"{Pick(r, ["fr-FR", "de-DE", "es-ES", "en-GB"])}\"}}, \"plan\": \"{Pick(r, ["free", "pro", "team"])}\"";
            return nested ? $"{{\"{person}\": {{{inner}}}, {context}}}" : $"{{{inner}, {context}}}";
        };
    }

    /// <summary>Configuration documents with one stable key set (theme, page size, flags, limits): not personal.</summary>
    public static Func<Random, string> SettingsDocumentColumn(Random random) => r =>
        $"{{\"theme\": \"{Pick(r, ["dark", "light", "system"])}\", \"page_size\": {Pick(r, ["10", "25", "50", "100"])}, \"beta\": {Pick(r, ["true", "false"])}, \"retry_limit\": {r.Next(1, 10)}, \"timezone_default\": \"UTC\"}}";

    /// <summary>A SHA-256 (64 hex) or MD5 (32 hex) digest, lower or upper case per column.</summary>
    public static Func<Random, string> DigestColumn(Random random)
    {
        int length = random.Next(2) == 0 ? 64 : 32;
        bool upper = random.Next(4) == 0;
        return r =>
        {
            var bytes = new byte[length / 2];
            r.NextBytes(bytes);
            string hex = Convert.ToHexString(bytes);
            return upper ? hex : hex.ToLowerInvariant();
        };
    }

    /// <summary>Hex request or trace ids (32 hex) some of which glue a test card number between hex letters (C30's kind).</summary>
    public static Func<Random, string> HexIdWithCardDigitsColumn(Random random) => r =>
    {
        if (r.Next(3) != 0) return DigestColumn(new Random(r.Next()))(r)[..32].ToLowerInvariant().PadRight(32, 'a');
        string pan = CheckedNumbers.Pan(r);
        var bytes = new byte[16];
        r.NextBytes(bytes);
        string hex = Convert.ToHexString(bytes).ToLowerInvariant();
        return ("ab" + pan + hex)[..32];
    };

    /// <summary>Password hashes of one scheme per column: bcrypt, argon2id, SHA-512 crypt, PBKDF2 (Django).</summary>
    public static Func<Random, string> PasswordHashColumn(Random random)
    {
        int scheme = random.Next(4);
        const string alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        string Chars(Random r, int n) => string.Concat(Enumerable.Range(0, n).Select(_ => alphabet[r.Next(alphabet.Length)]));
        return r => scheme switch
        {
            0 => "$2b$12$" + Chars(r, 53),
            1 => "$argon2id$v=19$m=65536,t=3,p=4$" + Chars(r, 22) + "$" + Chars(r, 43),
            2 => "$6$" + Chars(r, 16) + "$" + Chars(r, 86),
            _ => "pbkdf2_sha256$600000$" + Chars(r, 22) + "$" + Chars(r, 43) + "=",
        };
    }

    /// <summary>Base32 OTP seeds (16 or 32 characters).</summary>
    public static Func<Random, string> OtpSeedColumn(Random random)
    {
        int length = random.Next(2) == 0 ? 16 : 32;
        return r => string.Concat(Enumerable.Range(0, length).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[r.Next(32)]));
    }

    /// <summary>Signed session cookie values (<c>s%3A…</c>, Rails-style <c>…--…</c>) or plain random ids, one form per column.</summary>
    public static Func<Random, string> SessionCookieColumn(Random random)
    {
        int form = random.Next(3);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        string Chars(Random r, int n) => string.Concat(Enumerable.Range(0, n).Select(_ => alphabet[r.Next(alphabet.Length)]));
        return r => form switch
        {
            0 => "s%3A" + Chars(r, 32) + "." + Chars(r, 43),
            1 => Chars(r, 40) + "--" + Convert.ToHexString(BitConverter.GetBytes(r.NextInt64())).ToLowerInvariant(),
            _ => Chars(r, 32),
        };
    }

    /// <summary>A passport number: two letters and seven digits (France), nine characters of C, F-H, J-N, P, R-T, V-Z and
    /// digits (Germany), three letters and six digits (Spain), nine digits (United Kingdom, United States).</summary>
    public static string PassportNumber(Random random) => random.Next(4) switch
    {
        0 => $"{random.Next(10, 100)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{CheckedNumbers.Digits(random, 5)}",
        1 => "C" + string.Concat(Enumerable.Range(0, 8).Select(_ => "CFGHJKLMNPRTVWXYZ0123456789"[random.Next(27)])),
        2 => $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{CheckedNumbers.Digits(random, 6)}",
        _ => CheckedNumbers.Digits(random, 9),
    };

    /// <summary>A French NIR whose key is wrong (a dossier number of NIR shape that fails the check).</summary>
    public static string MisKeyedNir(Random random)
    {
        string nir = CheckedNumbers.FrenchNir(random).Replace(" ", "", StringComparison.Ordinal);
        int key = int.Parse(nir[^2..], CultureInfo.InvariantCulture);
        return nir[..^2] + ((key + 1 + random.Next(90)) % 97 + 1).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>A date of birth (1935–2007) in one rendering per column: ISO, dd.mm.yyyy, dd/mm/yyyy.</summary>
    public static Func<Random, string> BirthDateColumn(Random random, bool iso)
    {
        string format = iso ? "yyyy-MM-dd" : Pick(random, ["dd.MM.yyyy", "dd/MM/yyyy"]);
        return r => new DateTime(1935, 1, 1).AddDays(r.Next(0, 26_000)).ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>ISO 8601 event times as text (<c>2024-03-05T10:21:33Z</c>, with offset or fraction per column).</summary>
    public static Func<Random, string> EventTimeTextColumn(Random random)
    {
        string format = Pick(random, ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd'T'HH:mm:ss'+02:00'", "yyyy-MM-dd HH:mm:ss"]);
        return r => new DateTime(2023, 1, 1).AddSeconds(r.Next(0, 60_000_000)).ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Postal codes as integers (France, Germany, Spain, the United States: 5 digits; leading zeros lost).</summary>
    public static string PostalCodeNumber(Random random) => random.Next(1_000, 99_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Yearly salaries as integers (18,000–140,000, round to the hundred).</summary>
    public static string Salary(Random random) => (random.Next(180, 1_400) * 100).ToString(CultureInfo.InvariantCulture);

    /// <summary>Values a date column may hold that a driver cannot read: infinities, year 12000, dates before Christ.</summary>
    public static Func<Random, string> UnreadableDateColumn(Random random) => r => r.Next(5) switch
    {
        0 => "infinity",
        1 => "-infinity",
        2 => "12000-01-01 00:00:00",
        3 => "0044-03-15 BC",
        _ => HeldBackValues.Timestamp(r),
    };

    /// <summary>Statuses and other enumerations, capitalised like names (<c>Active</c>, <c>Pending</c>), of one language.</summary>
    public static Func<Random, string> EnumerationColumn(Random random, string language)
    {
        string[] values = language switch
        {
            "fr" => ["Actif", "En attente", "Suspendu", "Clôturé", "Brouillon", "Validé"],
            "de" => ["Aktiv", "Ausstehend", "Gesperrt", "Geschlossen", "Entwurf", "Bestätigt"],
            "es" => ["Activo", "Pendiente", "Suspendido", "Cerrado", "Borrador", "Validado"],
            _ => ["Active", "Pending", "Suspended", "Closed", "Draft", "Approved"],
        };
        return r => Pick(r, values);
    }

    /// <summary>Dotted version strings of four numbers (<c>10.2.3.4</c>), some of which fall in IP-like ranges.</summary>
    public static Func<Random, string> FourPartVersionColumn(Random random) => r =>
        $"{r.Next(1, 20)}.{r.Next(0, 30)}.{r.Next(0, 200)}.{r.Next(0, 9999)}";

    /// <summary>Order, invoice and shipment numbers of 10 to 16 digits; about a tenth of them pass the Luhn check and some
    /// look like phone numbers with a country code — by chance, as real sequential ids do.</summary>
    public static Func<Random, string> LongIdColumn(Random random)
    {
        int length = 10 + random.Next(7);
        long start = long.Parse("1" + CheckedNumbers.Digits(random, length - 1), CultureInfo.InvariantCulture);
        return r => (start + r.Next(0, 5_000_000)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An identity provider's subject for a person: numeric (Google-style 21 digits), UUID, hex (32), or an
    /// <c>auth0|…</c> / <c>google-oauth2|…</c> prefixed id, one form per column.</summary>
    public static Func<Random, string> ProviderSubjectColumn(Random random)
    {
        int form = random.Next(4);
        return r => form switch
        {
            0 => "1" + CheckedNumbers.Digits(r, 20),
            1 => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)r.Next(256)).ToArray()).ToString(),
            2 => DigestColumn(new Random(r.Next()))(r)[..32].ToLowerInvariant(),
            _ => Pick(r, ["auth0|", "google-oauth2|", "github|"]) + CheckedNumbers.Digits(r, 12),
        };
    }

    /// <summary>Small counts (0–40), as sign-in counters and failed attempts hold.</summary>
    public static Func<Random, string> SmallCountColumn(Random random) => r => r.Next(0, 41).ToString(CultureInfo.InvariantCulture);

    /// <summary>Values of one personal kind written in a column whose name says nothing (<c>col1</c>, <c>data</c>): e-mails,
    /// phones, IBANs or IP addresses; <paramref name="kind"/> picks which.</summary>
    public static Func<Random, string> PersonalValueColumn(int kind) => kind switch
    {
        0 => HeldBackValues.Email,
        1 => HeldBackValues.Phone,
        2 => CheckedNumbers.Iban,
        _ => Ip,
    };

    /// <summary>Range and other types a driver returns as text: date ranges, integer vectors, regclass names.</summary>
    public static Func<Random, string> DriverTextColumn(Random random)
    {
        int form = random.Next(3);
        return r => form switch
        {
            0 => $"[2024-{r.Next(1, 13):00}-{r.Next(1, 28):00},2025-{r.Next(1, 13):00}-{r.Next(1, 28):00})",
            1 => $"{r.Next(1, 9)} {r.Next(1, 9)} {r.Next(1, 9)}",
            _ => "public." + Pick(r, ["orders", "users_pkey", "items", "audit_log"]),
        };
    }
}
