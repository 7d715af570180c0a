using System.Globalization;

namespace Inventory.Tests.Support;

/// <summary>
/// Generated values of the held-back kinds of session 24 (kinds24, issue 10 item 6): coordinates written as micro-degree
/// integers or as one text value, card tokens of payment gateways and of token vaults, lists of e-mail addresses and phone
/// numbers in one value, canned replies, and their look-alikes. Each <c>…Column</c> generator is called once per column
/// and picks that column's one format (a column does not mix <c>lat,lng</c> with <c>POINT(…)</c>), then returns the
/// generator of its values. Seeded by the caller; every value is invented (example domains, drama-range numbers).
/// </summary>
internal static class HeldBackValues
{
    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A latitude of Europe or the Americas (degrees, within ±60).</summary>
    public static double Latitude(Random random) => (random.Next(2) == 0 ? 1 : -1) * (20 + random.NextDouble() * 40);

    /// <summary>A longitude (degrees, within ±179).</summary>
    public static double Longitude(Random random) => -179 + random.NextDouble() * 358;

    /// <summary>Coordinates as integers of micro-degrees (× 10⁶) or of 10⁻⁷ degrees (× 10⁷, as GPS receivers and mobile
    /// location APIs store them), one scale per column; latitudes and longitudes both fit the latitude range used.</summary>
    public static Func<Random, string> MicroDegreeColumn(Random random)
    {
        double scale = random.Next(2) == 0 ? 1e6 : 1e7;
        return r => ((long)Math.Round(Latitude(r) * scale)).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Latitude and longitude in one text value, one format per column: <c>lat,lng</c>, <c>lat, lng</c>,
    /// <c>lat lng</c>, <c>(lat,lng)</c>, WKT <c>POINT(lng lat)</c> or EWKT <c>SRID=4326;POINT(lng lat)</c>.</summary>
    public static Func<Random, string> CoordinatePairColumn(Random random)
    {
        int format = random.Next(6);
        int digits = 4 + random.Next(4);
        string f = "0." + new string('0', digits);
        return r =>
        {
            string lat = Latitude(r).ToString(f, CultureInfo.InvariantCulture), lng = Longitude(r).ToString(f, CultureInfo.InvariantCulture);
            return format switch
            {
                0 => $"{lat},{lng}",
                1 => $"{lat}, {lng}",
                2 => $"{lat} {lng}",
                3 => $"({lat},{lng})",
                4 => $"POINT({lng} {lat})",
                _ => $"SRID=4326;POINT({lng} {lat})",
            };
        };
    }

    /// <summary>Decimal degrees, four to eight fraction digits per column.</summary>
    public static Func<Random, string> DecimalDegreeColumn(Random random)
    {
        string f = "0." + new string('0', 4 + random.Next(5));
        return r => Latitude(r).ToString(f, CultureInfo.InvariantCulture);
    }

    /// <summary>Look-alikes of coordinates as one text value: screen and image dimensions (<c>1920,1080</c>,
    /// <c>800x600</c>), version strings, ranges and pairs of prices or of sizes (<c>10.50,20.00</c>, <c>38-42</c>).</summary>
    public static Func<Random, string> PairLookAlikeColumn(Random random) => random.Next(5) switch
    {
        0 => r => Pick(r, ["1920,1080", "1280,720", "2560,1440", "1366,768", "3840,2160", "800,600", "1024,768"]),
        1 => r => Invariant($"{r.Next(100, 4000)}x{r.Next(100, 3000)}"),
        2 => r => Invariant($"{r.Next(0, 12)}.{r.Next(0, 30)}.{r.Next(0, 200)}"),
        3 => r => Invariant($"{r.Next(1, 500)}.{r.Next(0, 100):00},{r.Next(500, 2000)}.{r.Next(0, 100):00}"),
        _ => r => Invariant($"{r.Next(30, 44)}-{r.Next(44, 52)}"),
    };

    /// <summary>Integers of the magnitude of micro-degrees that are not coordinates: positions in a list, distances in
    /// millimetres, durations in milliseconds, amounts in micros (as ad platforms store money), counters.</summary>
    public static Func<Random, string> LargeIntegerLookAlikeColumn(Random random) => random.Next(3) switch
    {
        0 => r => r.Next(1, 5000).ToString(CultureInfo.InvariantCulture),
        1 => r => r.Next(1_000_000, 900_000_000).ToString(CultureInfo.InvariantCulture),
        _ => r => (r.Next(1, 100_000) * 10_000L).ToString(CultureInfo.InvariantCulture),
    };

    private const string Alphanumerics = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static string Alphanumeric(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => Alphanumerics[random.Next(Alphanumerics.Length)]));

    /// <summary>A payment gateway's object id of a card or payment method: <c>tok_</c>, <c>card_</c>, <c>pm_</c> or
    /// <c>src_</c> and 14–24 letters and digits, one prefix per column.</summary>
    public static Func<Random, string> GatewayTokenColumn(Random random)
    {
        string prefix = Pick(random, ["tok_", "card_", "pm_", "src_"]);
        return r => prefix + Alphanumeric(r, 14 + r.Next(11));
    }

    /// <summary>A token vault's reference of a stored card: a UUID, 32 hex digits, or 22–32 letters and digits (one form
    /// per column).</summary>
    public static Func<Random, string> VaultTokenColumn(Random random) => random.Next(3) switch
    {
        0 => r => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)r.Next(256)).ToArray()).ToString(),
        1 => r => string.Concat(Enumerable.Range(0, 32).Select(_ => "0123456789abcdef"[r.Next(16)])),
        _ => r => Alphanumeric(r, 22 + r.Next(11)),
    };

    /// <summary>A format-preserving or network token of a card: 16 digits like a PAN whose Luhn check fails (the token
    /// services' convention, so a token is never taken for a card number), led by a card brand's digit.</summary>
    public static Func<Random, string> LuhnFailingTokenColumn(Random random) => r =>
    {
        string pan = CheckedNumbers.WithLuhn(Pick(r, ["4", "5", "6"]) + CheckedNumbers.Digits(r, 14));
        char last = pan[^1];
        return pan[..^1] + (char)('0' + (last - '0' + 1 + r.Next(9)) % 10);
    };

    /// <summary>Real card numbers (Luhn-valid PANs) in a column named as a token: tokenisation that failed.</summary>
    public static Func<Random, string> PanColumn(Random random) => CheckedNumbers.Pan;

    /// <summary>An API secret with a mode marker (<c>tok_live_…</c>, <c>sk_test_…</c>; shared case C35).</summary>
    public static Func<Random, string> ApiSecretColumn(Random random) =>
        r => Pick(r, ["tok_live_", "tok_test_", "sk_live_", "sk_test_"]) + string.Concat(Enumerable.Range(0, 16).Select(_ => "0123456789abcdef"[r.Next(16)]));

    private static readonly string[] Locals = ["jean.dupont", "hans.mueller", "maria.garcia", "john.smith", "l.martin", "claire", "j.schmidt",
        "lucia.fernandez", "paul", "ana.lopez", "k.weber", "sophie.bernard", "team", "billing"];

    private static readonly string[] Domains = ["example.com", "example.org", "example.net", "mail.example.fr", "example.de", "example.es"];

    /// <summary>An e-mail address at an example domain.</summary>
    public static string Email(Random random) => $"{Pick(random, Locals)}{random.Next(100)}@{Pick(random, Domains)}";

    /// <summary>A phone number in international format of France, Germany, Spain, the United Kingdom or the United States
    /// (drama ranges where they exist), with the spacing each country prints.</summary>
    public static string Phone(Random random) => random.Next(5) switch
    {
        0 => $"+33 {"67"[random.Next(2)]} {CheckedNumbers.Digits(random, 2)} {CheckedNumbers.Digits(random, 2)} {CheckedNumbers.Digits(random, 2)} {CheckedNumbers.Digits(random, 2)}",
        1 => $"+49 15{"127"[random.Next(3)]} {CheckedNumbers.Digits(random, 7)}",
        2 => $"+34 6{CheckedNumbers.Digits(random, 2)} {CheckedNumbers.Digits(random, 3)} {CheckedNumbers.Digits(random, 3)}",
        3 => $"+44 7700 900{CheckedNumbers.Digits(random, 3)}",
        _ => $"+1 202 555 01{CheckedNumbers.Digits(random, 2)}",
    };

    /// <summary>One to four items joined as a list is written in one text value: <c>a, b</c>, <c>a;b</c>, <c>a; b</c> or
    /// <c>a,b</c>, one separator per column.</summary>
    public static Func<Random, string> ListColumn(Random random, Func<Random, string> item)
    {
        string separator = Pick(random, [", ", ";", "; ", ","]);
        return r => string.Join(separator, Enumerable.Range(0, 1 + r.Next(4)).Select(_ => item(r)));
    }

    /// <summary>One to four items as a JSON array of strings (<c>["a", "b"]</c>), as SQLite and SQL Server store arrays.</summary>
    public static Func<Random, string> JsonArrayColumn(Random random, Func<Random, string> item) =>
        r => "[" + string.Join(", ", Enumerable.Range(0, 1 + r.Next(4)).Select(_ => "\"" + item(r) + "\"")) + "]";

    /// <summary>Labels and tags (plan tiers, segments, roles) as a list in one text value or a JSON array.</summary>
    public static Func<Random, string> TagListColumn(Random random)
    {
        string[] tags = ["vip", "beta", "partner", "newsletter", "churn-risk", "edu", "nonprofit", "trial", "admin", "editor", "viewer", "b2b"];
        return random.Next(2) == 0 ? ListColumn(random, r => Pick(r, tags)) : JsonArrayColumn(random, r => Pick(r, tags));
    }

    /// <summary>The elements of one text array column (the sampler gives them one by one): e-mail addresses.</summary>
    public static string[] EmailElements(Random random, int count) => Enumerable.Range(0, count).Select(_ => Email(random)).ToArray();

    /// <summary>The elements of one text array column: phone numbers.</summary>
    public static string[] PhoneElements(Random random, int count) => Enumerable.Range(0, count).Select(_ => Phone(random)).ToArray();

    /// <summary>Canned replies staff send on tickets and messages, per language (en, fr, de, es).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> CannedReplies = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["en"] = ["Thanks for reaching out, we are looking into it.", "Could you send us a screenshot of the error?",
            "This has been fixed in the latest release, please update the app.", "We have refunded the payment, it should show within 5 days.",
            "Please try logging out and back in.", "I have escalated this to our engineering team.", "Closing this ticket as resolved, reply to reopen it.",
            "Your account has been unlocked."],
        ["fr"] = ["Merci pour votre message, nous regardons cela.", "Pouvez-vous nous envoyer une capture d'écran de l'erreur ?",
            "C'est corrigé dans la dernière version, merci de mettre l'application à jour.", "Nous avons remboursé le paiement, comptez 5 jours.",
            "Essayez de vous déconnecter puis de vous reconnecter.", "J'ai transmis votre demande à notre équipe technique.",
            "Je clôture ce ticket, répondez pour le rouvrir.", "Votre compte a été débloqué."],
        ["de"] = ["Danke für Ihre Nachricht, wir sehen uns das an.", "Können Sie uns einen Screenshot des Fehlers schicken?",
            "Das ist in der neuesten Version behoben, bitte aktualisieren Sie die App.", "Wir haben die Zahlung erstattet, das dauert bis zu 5 Tage.",
            "Bitte melden Sie sich ab und wieder an.", "Ich habe das an unser Entwicklungsteam weitergegeben.",
            "Ich schließe dieses Ticket, antworten Sie, um es wieder zu öffnen.", "Ihr Konto wurde entsperrt."],
        ["es"] = ["Gracias por escribirnos, lo estamos revisando.", "¿Puede enviarnos una captura de pantalla del error?",
            "Está corregido en la última versión, actualice la aplicación.", "Hemos reembolsado el pago, tardará hasta 5 días.",
            "Pruebe a cerrar la sesión y volver a entrar.", "He enviado su caso a nuestro equipo técnico.",
            "Cierro esta incidencia, responda para reabrirla.", "Su cuenta ha sido desbloqueada."],
    };

    /// <summary>Three to eight canned replies of one language, repeated over the column's rows.</summary>
    public static Func<Random, string> CannedReplyColumn(Random random, string language)
    {
        var replies = CannedReplies[language].OrderBy(_ => random.Next()).Take(3 + random.Next(6)).ToArray();
        return r => Pick(r, replies);
    }

    /// <summary>Subjects picked from a short list on a ticket form (one language): a topic, not text a person wrote.</summary>
    public static Func<Random, string> PickedSubjectColumn(Random random, string language)
    {
        string[] subjects = language switch
        {
            "fr" => ["Facturation", "Problème de connexion", "Demande de remboursement", "Question technique", "Autre"],
            "de" => ["Abrechnung", "Anmeldeproblem", "Rückerstattung", "Technische Frage", "Sonstiges"],
            "es" => ["Facturación", "Problema de acceso", "Solicitud de reembolso", "Pregunta técnica", "Otro"],
            _ => ["Billing", "Login problem", "Refund request", "Technical question", "Other"],
        };
        return r => Pick(r, subjects);
    }

    /// <summary>A timestamp as a database renders it.</summary>
    public static string Timestamp(Random random) =>
        new DateTime(2023, 1, 1).AddMinutes(random.Next(0, 900_000)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A profile or settings document holding a desk phone's extension (three or four digits) under one of
    /// <paramref name="keys"/>, beside settings that are not personal.</summary>
    public static Func<Random, string> ExtensionDocumentColumn(Random random, string[] keys)
    {
        string key = Pick(random, keys);
        bool quoted = random.Next(2) == 0;
        return r =>
        {
            string extension = r.Next(100, 10_000).ToString(CultureInfo.InvariantCulture);
            return $"{{\"theme\": \"{Pick(r, ["dark", "light", "system"])}\", \"{key}\": {(quoted ? "\"" + extension + "\"" : extension)}, \"items_per_page\": {Pick(r, ["10", "25", "50"])}, \"newsletter\": {Pick(r, ["true", "false"])}}}";
        };
    }

    /// <summary>The same document with the person's phone number beside its extension: a phone number.</summary>
    public static Func<Random, string> PhoneWithExtensionDocumentColumn(Random random, string[] keys)
    {
        string key = Pick(random, keys);
        return r => $"{{\"theme\": \"dark\", \"phone\": \"{Phone(r)}\", \"{key}\": \"{r.Next(100, 10_000).ToString(CultureInfo.InvariantCulture)}\"}}";
    }
}
