using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6 (kinds19): the held-back cases of shared cases C01, C04, C07, C23, C35 and C38 in the other languages
/// and spellings a new user's schema has, generated in bulk with look-alikes that must stay negative:
/// <list type="bullet">
/// <item>C04: "no value" written the local way (<c>aucun</c>, <c>k.A.</c>, <c>ninguno</c>, <c>n/d</c>, <c>xxx</c>) is a
/// placeholder, so the contacts behind it are still found;</item>
/// <item>C01: a count, flag or code under an e-mail or phone name (<c>nb_telephones</c>, <c>anzahl_handy</c>,
/// <c>cantidad_movil</c>, <c>phone_total</c>) is <c>none</c>, while a phone name over E.164 digits in a number column stays
/// a phone;</item>
/// <item>C23: browser languages and user agents named in French, German and Spanish (<c>langue_navigateur</c>,
/// <c>gebietsschema</c>, <c>idioma_navegador</c>, <c>agente_usuario</c>) are <c>automatic</c>;</item>
/// <item>C35: session, visitor and device identifiers written id first (<c>id_session</c>, <c>id_visiteur</c>,
/// <c>sitzungs_id</c>, <c>id_sesion</c>) are device ids, while a session table's own <c>id</c> stays <c>none</c>;</item>
/// <item>C38: short and foreign birth-date names (<c>gebdat</c>, <c>datenaiss</c>, <c>ne_le</c>, <c>data_nascita</c>) are
/// dates of birth in every date format, event dates are not; an integer <c>cod_postal</c> of an address record is a postal
/// address;</item>
/// <item>C30: a digest of a contact named in French, German or Spanish (<c>hash_courriel</c>, <c>telefon_hash</c>) is a
/// pseudonymised identifier, a digest of a file (<c>fichier_sha256</c>, <c>pruefsumme</c>) is <c>none</c>; C33: coordinates
/// named <c>breitengrad</c>, <c>latitud</c>… are a device's position in a device table and <c>none</c> in a shop's;</item>
/// <item>C18: people's names that repeat across rows (an import with one row per order) under a name that says nothing
/// are names; two-word labels repeated the same way are not;</item>
/// <item>C07: an IP address named <c>ip_adresse</c> in an empty table is an IP address, not a postal address.</item>
/// </list>
/// Only kinds and rates are asserted; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class LanguageVariantKindAdversarialTests : GeneratedNameFixture
{
    private static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static string Styled(Random random, string snake) => IdentityDocumentAdversarialTests.Styled(random, snake);

    private static string[] Rows(Random random, Func<Random, string> value, int min = 40, int max = 120) =>
        Enumerable.Range(0, random.Next(min, max)).Select(_ => value(random)).ToArray();

    private static List<string> Wrong(IReadOnlyList<ColumnEvidence> columns, Func<string?, bool> right)
    {
        var decisions = Combined.ClassifyMany(columns);
        return columns.Zip(decisions).Where(p => !right(p.Second.DataCategory))
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} ({p.First.Column.DeclaredType}, {p.First.NotSampled?.ToString() ?? "sampled"}) → {p.Second.DataCategory ?? "untagged"}")
            .ToList();
    }

    private static bool Under(string? category, string expected) =>
        category is not null && (category == expected || category.StartsWith(expected + ".", StringComparison.Ordinal));

    private static string Email(Random random) =>
        $"{Pick(random, ["marie", "jonas", "lucia", "hugo", "emma", "felix"])}.{Pick(random, ["dubois", "mueller", "garcia", "smith"])}{random.Next(1000)}@example.{Pick(random, ["com", "org", "net"])}";

    private static string Phone(Random random) => random.Next(4) switch
    {
        0 => $"0{Pick(random, ["6", "7", "1"])} {Digits(random, 2)} {Digits(random, 2)} {Digits(random, 2)} {Digits(random, 2)}",
        1 => $"+49 {Pick(random, ["151", "160", "170"])} {Digits(random, 7)}",
        2 => $"+34 6{Digits(random, 2)} {Digits(random, 3)} {Digits(random, 3)}",
        _ => $"+44 7700 900{Digits(random, 3)}",
    };

    // ---- C04: placeholders ----------------------------------------------------------------------------------------------

    private static readonly string[] LocalPlaceholders =
        ["aucun", "Néant", "N.C.", "n/d", "nd", "s/o", "xxx", "keine", "k.A.", "entfällt", "ninguno", "sin datos", "no disponible", "undefined", "vacío", "TBA"];

    [Test]
    public void LocalPlaceholders_AreNoValue_InEveryLanguage()
    {
        var missed = LocalPlaceholders.Where(p => !DetectorSuite.IsPlaceholder(p)).ToList();
        var real = new[] { "Marie", "FR", "de", "ka", "x", "0612345678", "Paris", "keiner@example.com", "ninguno de ellos" }.Where(v => DetectorSuite.IsPlaceholder(v)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(missed, Is.Empty, "local placeholders not recognised");
            Assert.That(real, Is.Empty, "real values taken for placeholders");
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ContactsBehindLocalPlaceholders_AreStillFound(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 300).Select(c =>
        {
            var placeholder = LocalPlaceholders[c % LocalPlaceholders.Length];
            Func<Random, string> contact = c % 2 == 0 ? Email : Phone;
            int rows = random.Next(100, 300), placeholders = rows * random.Next(30, 46) / 100;
            var values = Enumerable.Range(0, rows).Select(i => i < placeholders ? placeholder : contact(random)).ToArray();
            return Some.Column(Pick(random, ["signup", "inscriptions", "anmeldungen", "registros", "leads"]),
                Styled(random, Pick(random, ["contact", "kontakt", "contacto", "moyen_contact", "contact_info", "info"])), "text", values);
        }).ToList();
        var wrong = Wrong(columns, c => Under(c, "contact"));
        AssertNoneWrong(wrong, columns.Count, "contact columns behind local placeholders not contact");
    }

    // ---- C01: counts under contact names ------------------------------------------------------------------------------

    // Contact words with their plurals as the languages write them.
    private static readonly (string One, string Many)[] ContactWords =
    [
        ("phone", "phones"), ("telephone", "telephones"), ("telefono", "telefonos"), ("telefon", "telefone"), ("mobile", "mobiles"),
        ("portable", "portables"), ("movil", "moviles"), ("handy", "handys"), ("email", "emails"), ("mail", "mails"), ("courriel", "courriels"),
        ("correo", "correos"), ("e_mail", "e_mails"),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void CountsAndFlagsUnderContactNames_AreNone_InEveryLanguage(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 400).Select(c =>
        {
            var (word, words) = ContactWords[random.Next(ContactWords.Length)];
            bool flag = c % 4 == 0;
            var name = flag
                ? Pick(random, [$"{word}_confirme", $"{word}_confirmado", $"{word}_bestaetigt", $"{word}_verifiziert", $"{word}_verificado", $"{word}_valide"])
                : Pick(random, [$"nb_{word}", $"num_{words}", $"anzahl_{word}", $"{word}_anzahl", $"cantidad_{words}", $"{word}_cantidad",
                    $"nombre_{words}", $"total_{words}", $"{words}_total", $"{word}_total", $"count_{word}"]);
            return Some.Column(Pick(random, ["users", "clients", "kunden", "usuarios", "contacts", "stats_comptes"]), Styled(random, name),
                flag ? Pick(random, ["boolean", "tinyint(1)", "bit"]) : Pick(random, ["integer", "bigint", "smallint", "int", "numeric(6,0)"]),
                Rows(random, r => flag ? Pick(r, ["true", "false", "1"]) : r.Next(1, 5000).ToString(CultureInfo.InvariantCulture)));
        }).ToList();
        var wrong = Wrong(columns, c => c == "none");
        AssertNoneWrong(wrong, columns.Count, "counts and flags under contact names not none");
    }

    private static string E164Digits(Random random) => random.Next(4) switch
    {
        0 => "336" + Digits(random, 8),
        1 => "4915" + Pick(random, ["1", "2", "7"]) + Digits(random, 8),
        2 => "346" + Digits(random, 8),
        _ => "447700900" + Digits(random, 3),
    };

    [TestCase(1)]
    public void PhoneNamesOverE164DigitsInNumberColumns_StayPhones(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 200).Select(_ => Some.Column(Pick(random, ["account", "clients", "kunden", "clientes", "members"]),
            Styled(random, Pick(random, ["phone", "telephone", "telefono", "telefon", "mobile", "portable", "movil", "handy", "numero_telephone", "telefonnummer", "num_telephone", "gsm", "numero_gsm"])),
            Pick(random, ["bigint", "numeric(15,0)", "decimal(15,0)", "int8"]), Rows(random, E164Digits))).ToList();
        var wrong = Wrong(columns, c => c == "contact.phone");
        AssertNoneWrong(wrong, columns.Count, "phone numbers in number columns not contact.phone");
    }

    // ---- C23: browser language and user agent in other languages -------------------------------------------------------

    [TestCase(1)]
    [TestCase(2)]
    public void BrowserLanguagesAndUserAgents_NamedInOtherLanguages_AreAutomatic(int seed)
    {
        var random = new Random(seed);
        (string[] Names, Func<Random, string> Value, string Expected)[] kinds =
        [
            (["langue_navigateur", "langue_du_navigateur", "idioma_navegador", "idioma_del_navegador", "browser_sprache", "gebietsschema",
                "lang_pref", "language_pref", "langue_interface", "idioma_interfaz", "ui_sprache", "idioma_preferido"],
                r => Pick(r, ["fr-FR,fr;q=0.9,en;q=0.8", "de-DE,de;q=0.9", "es-ES", "en-GB,en;q=0.7", "fr_FR", "de_DE", "es-MX", "pt-BR"]), "automatic.browser_language"),
            (["agente_usuario", "agente_de_usuario", "benutzeragent", "benutzer_agent", "agent_utilisateur", "user_agent_string", "client_agent"],
                r => Pick(r, ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
                    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
                    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"]) + " " + r.Next(100), "automatic.user_agent"),
        ];
        var columns = Enumerable.Range(0, 300).Select(c =>
        {
            var (names, value, _) = kinds[c % 2];
            return Some.InTable(Pick(random, ["web_session", "sessions", "visites", "besuche", "visitas", "connexions"]), ["id", "user_id", "created_at"],
                Styled(random, Pick(random, names)), "text", Rows(random, value));
        }).ToList();
        var decisions = Combined.ClassifyMany(columns);
        var wrong = columns.Zip(decisions).Select((p, i) => (p, expected: kinds[i % 2].Expected))
            .Where(x => x.p.Second.DataCategory != x.expected)
            .Select(x => $"{x.p.First.Table}.{x.p.First.Column.Name} → {x.p.Second.DataCategory ?? "untagged"}, expected {x.expected}").ToList();
        AssertNoneWrong(wrong, columns.Count, "browser-language and user-agent columns misclassified");
    }

    // ---- C35: session, visitor and device ids written id first -----------------------------------------------------------

    [TestCase(1)]
    [TestCase(2)]
    public void SessionVisitorAndDeviceIds_WrittenIdFirst_AreDeviceIds_SessionKeysStayNone(int seed)
    {
        var random = new Random(seed);
        string Uuid(Random r) => new Guid(Enumerable.Range(0, 16).Select(_ => (byte)r.Next(256)).ToArray()).ToString();
        var ids = Enumerable.Range(0, 300).Select(_ => Some.InTable(Pick(random, ["events", "visites", "besuche", "visitas", "page_views", "evenements", "ereignisse", "eventos"]),
            ["id", "user_id", "created_at"],
            Styled(random, Pick(random, ["id_session", "id_de_session", "identifiant_session", "id_visiteur", "id_appareil", "sitzungs_id", "sitzungsid",
                "besucher_id", "id_sesion", "id_de_sesion", "id_visitante", "id_dispositivo", "identificador_sesion"])),
            Pick(random, ["uuid", "varchar(64)", "char(36)"]), Rows(random, Uuid))).ToList();
        var keys = Enumerable.Range(0, 100).Select(_ => Some.InTable(Pick(random, ["sessions", "user_sessions", "sitzungen", "sesiones"]),
            ["user_id", "created_at", "expires_at"], "id", Pick(random, ["uuid", "bigint"]), Rows(random, Uuid))).ToList();
        var notDevice = Wrong(ids, c => c == "automatic.device_id");
        var keyWrong = Wrong(keys, c => c == "none");
        Assert.Multiple(() =>
        {
            AssertNoneWrong(notDevice, ids.Count, "id-first session, visitor and device ids not automatic.device_id");
            AssertNoneWrong(keyWrong, keys.Count, "session tables' own keys not none");
        });
    }

    // ---- C38: birth dates, event dates, integer postal codes -------------------------------------------------------------

    [TestCase(1)]
    [TestCase(2)]
    public void BirthDates_UnderShortAndForeignNames_AreDatesOfBirth_EventDatesAreNot(int seed)
    {
        var random = new Random(seed);
        var births = Enumerable.Range(0, 300).Select(c =>
        {
            bool text = c % 2 == 0;
            var format = Pick(random, ["dd.MM.yyyy", "dd/MM/yyyy", "yyyy-MM-dd", "MM/dd/yyyy", "d/M/yyyy"]);
            return Some.Column(Pick(random, ["patients", "clients", "kunden", "empleados", "members", "pazienti"]),
                Styled(random, Pick(random, ["gebdat", "geb_dat", "datenaiss", "date_naiss", "ne_le", "nee_le", "data_nascita", "data_di_nascita", "nascita",
                    "fecha_nac", "fecha_nacim", "birth_dt"])),
                text ? "text" : "date", Rows(random, r => new DateTime(1935, 1, 1).AddDays(r.Next(25_000)).ToString(text ? format : "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }).ToList();
        var events = Enumerable.Range(0, 200).Select(c =>
        {
            bool text = c % 2 == 0;
            return Some.Column(Pick(random, ["orders", "commandes", "bestellungen", "pedidos", "patient_visit"]),
                Styled(random, Pick(random, ["date_creation", "erstellt_am", "fecha_creacion", "date_commande", "bestelldatum", "fecha_pedido", "created_at", "date_maj"])),
                text ? "text" : "timestamptz",
                Rows(random, r => new DateTime(2019, 1, 1).AddMinutes(r.Next(3_000_000)).ToString(text ? "yyyy-MM-ddTHH:mm:ssZ" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        }).ToList();
        var notBirth = Wrong(births, c => c == "other_personal.date_of_birth");
        var eventWrong = Wrong(events, c => c == "none");
        Assert.Multiple(() =>
        {
            AssertNoneWrong(notBirth, births.Count, "birth dates not other_personal.date_of_birth");
            AssertNoneWrong(eventWrong, events.Count, "event dates not none");
        });
    }

    [TestCase(1)]
    public void IntegerCodPostalInAddressRecords_IsAPostalAddress(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 200).Select(c => Some.InTable(Pick(random, ["clientes", "direcciones", "clients", "adresses", "customers"]),
            ["id", "calle", "ciudad", "nombre"], Styled(random, Pick(random, ["cod_postal", "codpostal", "cod_postal_envio"])), Pick(random, ["integer", "int", "int4", "mediumint"]),
            Rows(random, r => r.Next(1000, 99_999).ToString(CultureInfo.InvariantCulture)))).ToList();
        var wrong = Wrong(columns, c => c == "contact.postal_address");
        AssertNoneWrong(wrong, columns.Count, "integer postal codes of address records not contact.postal_address");
    }

    // ---- C30: digests named in other languages; C33: coordinates named in other languages -----------------------------

    private static string Hex(Random random, int length) => string.Concat(Enumerable.Range(0, length).Select(_ => "0123456789abcdef"[random.Next(16)]));

    [TestCase(1)]
    [TestCase(2)]
    public void DigestsOfContacts_ArePseudonymised_DigestsOfFilesAreNone_InEveryLanguage(int seed)
    {
        var random = new Random(seed);
        string Digest(Random r) => Hex(r, Pick(r, ["32", "40", "64"]) switch { "32" => 32, "40" => 40, _ => 64 });
        var personal = Enumerable.Range(0, 200).Select(_ => Some.Column(Pick(random, ["audience", "abonnes", "kunden", "clientes", "contacts"]),
            Styled(random, Pick(random, ["hash_courriel", "courriel_sha256", "telefon_hash", "telefono_sha256", "hash_telefono", "telephone_hache",
                "handy_hash", "movil_md5", "correo_hash", "utilisateur_sha256", "hashwert_email", "usuario_hash"])), "text", Rows(random, Digest))).ToList();
        var files = Enumerable.Range(0, 200).Select(_ => Some.Column(Pick(random, ["uploads", "documents", "fichiers", "dateien", "archivos", "attachments"]),
            Styled(random, Pick(random, ["fichier_sha256", "hash_fichier", "datei_hash", "archivo_md5", "file_hash", "checksum", "content_sha256",
                "pruefsumme", "somme_controle", "contenu_hash", "anhang_sha1", "etag"])), "text", Rows(random, Digest))).ToList();
        var notPseudonymised = Wrong(personal, c => c == "other_personal");
        var notNone = Wrong(files, c => c == "none");
        Assert.Multiple(() =>
        {
            AssertNoneWrong(notPseudonymised, personal.Count, "digests of contacts not other_personal");
            AssertNoneWrong(notNone, files.Count, "digests of files not none");
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Coordinates_NamedInOtherLanguages_AreADevicesPosition_ShopsStayNone(int seed)
    {
        var random = new Random(seed);
        string[] names = ["breitengrad", "laengengrad", "latitud", "longitud", "geo_breitengrad", "position_latitud", "koordinaten", "coordenadas"];
        string Coordinate(Random r) => (r.NextDouble() * 160 - 80).ToString("0.0000000000000", CultureInfo.InvariantCulture);
        var devices = Enumerable.Range(0, 200).Select(_ => Some.InTable(Pick(random, ["device_ping", "positions_appareil", "geraete_positionen", "ubicaciones_dispositivo", "besuche", "visitas"]),
            ["id", "user_id", "device_id", "recorded_at"], Styled(random, Pick(random, names)), Pick(random, ["double precision", "numeric(9,6)", "float"]), Rows(random, Coordinate))).ToList();
        var shops = Enumerable.Range(0, 200).Select(_ => Some.InTable(Pick(random, ["store", "magasins", "filialen", "tiendas", "warehouses"]),
            ["id", "name", "city"], Styled(random, Pick(random, names)), Pick(random, ["double precision", "numeric(9,6)", "float"]), Rows(random, Coordinate))).ToList();
        var notDevice = Wrong(devices, c => c is "automatic.geolocation" or "other_personal.location");
        var notNone = Wrong(shops, c => c == "none");
        Assert.Multiple(() =>
        {
            AssertNoneWrong(notDevice, devices.Count, "device coordinates not a position of a person's device");
            AssertNoneWrong(notNone, shops.Count, "coordinates of the organisation's premises not none");
        });
    }

    // ---- C18: people's names repeated row after row under a name that says nothing -------------------------------------

    private static readonly string[] Given = ["Marie", "Jean", "Lukas", "Sofía", "Emma", "Hugo", "Lucía", "Jonas", "Chloé", "Mateo", "Anna", "Pierre", "Carmen", "Felix"];
    private static readonly string[] Family = ["Dubois", "Müller", "García", "Martin", "Schneider", "Fernández", "Lefèvre", "Schmidt", "López", "Moreau"];

    [TestCase(1)]
    [TestCase(2)]
    public void PeoplesNamesRepeatedAcrossRows_UnderNamesThatSayNothing_AreNames_OtherTwoWordValuesAreNot(int seed)
    {
        var random = new Random(seed);
        string[] neutral = ["a", "x", "col1", "field_2", "champ3", "spalte4", "columna5", "data", "valeur", "wert"];
        string[] tables = ["import_raw", "import_brut", "staging", "feuille1", "tabelle1", "hoja1"];
        var people = Enumerable.Range(0, 200).Select(_ =>
        {
            var pool = Enumerable.Range(0, random.Next(15, 40)).Select(_ => $"{Pick(random, Given)} {Pick(random, Family)}").ToArray();
            return Some.Column(Pick(random, tables), Pick(random, neutral), Pick(random, ["", "text"]), Rows(random, r => Pick(r, pool), 150, 400));
        }).ToList();
        string[] things = ["Classic Burger", "Buenos Aires", "Red Sox", "Blue Team", "Green Valley", "Summer Sale", "Black Friday", "Grand Hotel",
            "North Wing", "Royal Gala", "Golden Delicious", "Silver Plan", "New York", "Los Angeles", "San Diego", "Rio Grande", "Mont Blanc"];
        var others = Enumerable.Range(0, 200).Select(_ => Some.Column(Pick(random, tables), Pick(random, neutral), Pick(random, ["", "text"]),
            Rows(random, r => Pick(r, things), 150, 400))).ToList();
        var notNames = Wrong(people, c => c == "contact.name");
        var names = Wrong(others, c => c != "contact.name");
        Assert.Multiple(() =>
        {
            AssertNoneWrong(notNames, people.Count, "columns of repeated people's names not contact.name");
            AssertNoneWrong(names, others.Count, "columns of repeated two-word labels called names");
        });
    }

    // ---- C07: an IP address in an empty table ------------------------------------------------------------------------------

    [TestCase(1)]
    public void IpAdresseOfEmptyTables_IsAnIpAddress_NeverPostal(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 200).Select(_ => Some.Unsampled(Pick(random, ["newsletter_optin", "inscriptions", "newsletter_anmeldungen", "suscripciones"]),
                Styled(random, Pick(random, ["ip_adresse", "ip_adresse_einwilligung", "adresse_ip", "ip_direccion", "direccion_ip", "ip_adresse_client"])),
                Pick(random, ["inet", "varchar(45)", "text"]))
            with { NotSampled = NotSampledReason.Empty, TableColumns = ["id", "email", "created_at"] }).ToList();
        var wrong = Wrong(columns, c => Under(c, "automatic"));
        AssertNoneWrong(wrong, columns.Count, "IP-address columns of empty tables not automatic");
    }
}
