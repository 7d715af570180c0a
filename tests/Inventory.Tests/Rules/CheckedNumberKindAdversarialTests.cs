using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, held-back kinds of this round (kinds23), generated in bulk in English, French, German and Spanish
/// names (<see cref="AdversarialColumns"/>) and with values that carry their real checks (<see cref="CheckedNumbers"/>):
/// <list type="bullet">
/// <item>national identification numbers of other countries (Spanish DNI/NIE, Italian codice fiscale, UK NINO, US SSN,
/// Dutch BSN, Belgian national register number), named in any of the four languages or abbreviated
/// (<c>soc_sec_no</c>, <c>num_documento</c>, <c>rijksregisternummer</c>), and found by their checks under names that say
/// nothing; order numbers, SKUs and dossier references that pass no check, and checked numbers under names that say key,
/// reference or id, are not;</item>
/// <item>card numbers masked as PCI DSS allows (first six and last four, last four) are card data under any name; masked
/// IBANs, phone numbers and password placeholders are not;</item>
/// <item>a date of birth as a year, as a person's age or as dd/mm/yyyy text (<c>geburtsjahr</c>, <c>edad</c>,
/// <c>geboren_am</c>) is <c>other_personal.date_of_birth</c>; a cache's or a setting's age is not;</item>
/// <item>phone numbers under abbreviations and fixed-line words (<c>tlf</c>, <c>Festnetz</c>, <c>telefono_fijo</c>) are
/// phones; counts and prices that contain those words are not.</item>
/// </list>
/// Only kinds are asserted, never one literal row; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class CheckedNumberKindAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] PersonEn = ["employees", "customers", "patients", "users", "members", "applicants", "clients"];
    private static readonly string[] PersonFr = ["salaries", "clients", "patients", "utilisateurs", "adherents", "candidats"];
    private static readonly string[] PersonDe = ["mitarbeiter", "kunden", "patienten", "benutzer", "mitglieder", "bewerber"];
    private static readonly string[] PersonEs = ["empleados", "clientes", "pacientes", "usuarios", "socios", "candidatos"];
    private static readonly string[] PersonSiblings = ["id", "first_name", "last_name", "created_at"];

    private static KindWording[] InPersonTables(string[] en, string[] fr, string[] de, string[] es) =>
        [new("en", W(en), PersonEn), new("fr", W(fr), PersonFr), new("de", W(de), PersonDe), new("es", W(es), PersonEs)];

    /// <summary>The columns of <paramref name="kind"/> (names, types, tables), each sampled with 40 values of
    /// <paramref name="value"/> as a scan reads them.</summary>
    private static ColumnEvidence[] Sampled(IReadOnlyList<AdversarialColumn> columns, Func<Random, string> value, int seed)
    {
        var random = new Random(seed * 7919);
        return columns.Select(c => Some.InTable(c.Table, c.Siblings, c.Column, c.Type, Enumerable.Range(0, 40).Select(_ => value(random)).ToArray())).ToArray();
    }

    private static List<string> Wrong(IReadOnlyList<ColumnEvidence> columns, Func<string?, bool> right) =>
        columns.Zip(Combined.ClassifyMany(columns)).Where(p => !right(p.Second.DataCategory))
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} ({p.First.Column.DeclaredType}, {(p.First.Sampled ? "sampled" : "names only")}) → {p.Second.DataCategory ?? "untagged"}")
            .ToList();

    /// <summary>Asserts a kind names only and with its values.</summary>
    private static void AssertKind(ColumnKind kind, Func<Random, string> value, int count, int seed)
    {
        var columns = AdversarialColumns.Generate(kind, count, seed);
        var namesOnly = AdversarialColumns.Misses(Combined, columns);
        var sampled = Wrong(Sampled(columns, value, seed), c => c is not null && kind.Accepted.Contains(c));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(namesOnly, Is.Empty, "names only: " + AdversarialColumns.Describe(kind, namesOnly, columns.Count));
            Assert.That(sampled, Is.Empty, $"sampled: {sampled.Count} of {columns.Count} {kind.What} wrong; e.g. {string.Join("; ", sampled.Take(12))}");
        }
    }

    // ---- national identification numbers ------------------------------------------------------------------------------

    internal static readonly ColumnKind SpanishDni = new("Spanish DNI/NIE numbers",
        InPersonTables(["dni number", "nie number", "dni", "nie", "dni nie number"], ["numero dni", "numero nie", "dni", "nie"],
            ["dni nummer", "nie nummer", "dni", "nie"], ["num documento", "numero documento", "numero de documento", "doc identidad", "dni", "nif nie", "nro documento"]),
        ["varchar(9)", "varchar(12)", "char(9)", "text"], PersonSiblings, ["other_personal.national_id"]);

    internal static readonly ColumnKind CodiceFiscale = new("Italian codici fiscali",
        InPersonTables(["codice fiscale", "fiscal code", "cod fiscale"], ["code fiscal", "codice fiscale", "code fiscal italien"],
            ["codice fiscale", "cod fiscale"], ["codigo fiscal", "codice fiscale", "codigo fiscal italiano"]),
        ["varchar(16)", "char(16)", "text"], PersonSiblings, ["other_personal.national_id"]);

    internal static readonly ColumnKind UkNino = new("UK National Insurance numbers",
        InPersonTables(["nino", "ni number", "ni no", "national insurance", "national insurance no", "nat ins no"], ["numero ni", "nino", "numero nino"],
            ["nino", "ni nummer"], ["nino", "numero ni"]),
        ["varchar(9)", "varchar(13)", "char(9)", "text"], PersonSiblings, ["other_personal.national_id"]);

    internal static readonly ColumnKind UsSsn = new("US Social Security numbers",
        InPersonTables(["ssn", "soc sec no", "social sec num", "ss number", "ssn number", "social security no", "soc sec number"],
            ["num secu", "numero secu", "ssn"], ["sv nummer", "sv nr", "sozialversicherungsnr", "ssn"],
            ["numero seguro social", "num seguridad social", "numero seguridad social", "nss", "ssn"]),
        ["varchar(11)", "char(11)", "text", "varchar(9)"], PersonSiblings, ["other_personal.national_id"]);

    internal static readonly ColumnKind DutchBsn = new("Dutch BSNs",
        InPersonTables(["bsn", "citizen service number", "bsn number", "burgerservicenummer", "sofi number"], ["numero bsn", "bsn"],
            ["bsn", "burgerservicenummer", "bsn nummer", "sofinummer"], ["bsn", "numero bsn"]),
        ["varchar(9)", "char(9)", "integer", "bigint", "text"], PersonSiblings, ["other_personal.national_id"]);

    internal static readonly ColumnKind BelgianNationalNumber = new("Belgian national register numbers",
        InPersonTables(["national register number", "nrn", "rrn", "insz", "rijksregisternummer"], ["numero registre national", "numero de registre national", "nrn", "niss"],
            ["nationalregisternummer", "rijksregisternummer", "rijksregister nummer"], ["numero registro nacional", "registro nacional", "nrn"]),
        ["varchar(15)", "char(11)", "bigint", "text"], PersonSiblings, ["other_personal.national_id"]);

    [TestCase(1)]
    [TestCase(2)]
    public void SpanishDniAndNie_AreNationalIds(int seed) => AssertKind(SpanishDni, CheckedNumbers.SpanishDniOrNie, 300, seed);

    [TestCase(1)]
    [TestCase(2)]
    public void ItalianCodiciFiscali_AreNationalIds(int seed) => AssertKind(CodiceFiscale, CheckedNumbers.ItalianCodiceFiscale, 300, seed);

    [TestCase(1)]
    [TestCase(2)]
    public void UkNationalInsuranceNumbers_AreNationalIds(int seed) => AssertKind(UkNino, CheckedNumbers.UkNino, 300, seed);

    [TestCase(1)]
    [TestCase(2)]
    public void UsSocialSecurityNumbers_AreNationalIds(int seed) => AssertKind(UsSsn, CheckedNumbers.UsSsn, 300, seed);

    [TestCase(1)]
    [TestCase(2)]
    public void DutchBsns_AreNationalIds(int seed) => AssertKind(DutchBsn, CheckedNumbers.DutchBsn, 300, seed);

    [TestCase(1)]
    [TestCase(2)]
    public void BelgianNationalRegisterNumbers_AreNationalIds(int seed) => AssertKind(BelgianNationalNumber, CheckedNumbers.BelgianNationalNumber, 300, seed);

    private static string HyphenatedSsn(Random random)
    {
        string ssn;
        do ssn = CheckedNumbers.UsSsn(random); while (!ssn.Contains('-', StringComparison.Ordinal));
        return ssn;
    }

    private static readonly Func<Random, string>[] CheckedIdentifiers =
    [
        CheckedNumbers.FrenchNir, CheckedNumbers.SpanishDniOrNie, CheckedNumbers.ItalianCodiceFiscale, CheckedNumbers.UkNino, HyphenatedSsn,
        CheckedNumbers.DutchBsn, CheckedNumbers.BelgianNationalNumber, CheckedNumbers.GermanTaxId,
    ];

    internal static readonly ColumnKind NeutralNumberColumns = new("national numbers under names that say nothing",
        InPersonTables(["identifier", "number", "code", "reference", "personal number", "document"], ["identifiant", "numero", "code", "reference", "numero personnel"],
            ["kennung", "nummer", "code", "referenz", "personennummer"], ["identificador", "numero", "codigo", "referencia", "numero personal"]),
        ["varchar(20)", "text", "character varying(32)"], PersonSiblings, ["other_personal.national_id"]);

    // One country's numbers per column, as a scan of one application meets them.
    [TestCase(1)]
    [TestCase(2)]
    public void NationalNumbersUnderNamesThatSayNothing_AreFoundByTheirChecks(int seed)
    {
        var columns = AdversarialColumns.Generate(NeutralNumberColumns, 400, seed);
        var random = new Random(seed);
        var sampled = columns.Select((c, i) =>
        {
            var value = CheckedIdentifiers[i % CheckedIdentifiers.Length];
            return Some.InTable(c.Table, c.Siblings, c.Column, c.Type, Enumerable.Range(0, random.Next(20, 80)).Select(_ => value(random)).ToArray());
        }).ToArray();
        var wrong = Wrong(sampled, c => c == "other_personal.national_id");
        AssertNoneWrong(wrong, sampled.Length, "columns of checked national numbers not other_personal.national_id");
    }

    internal static readonly ColumnKind ReferenceLookAlikes = new("order numbers, SKUs and references",
        [
            new("en", W("order number", "order no", "sku", "invoice number", "tracking number", "reference", "voucher code"), ["orders", "products", "invoices", "shipments", "vouchers"]),
            new("fr", W("numero commande", "ref article", "numero facture", "reference", "numero suivi", "code bon"), ["commandes", "produits", "factures", "expeditions"]),
            new("de", W("bestellnummer", "artikelnummer", "rechnungsnummer", "referenz", "sendungsnummer", "gutscheincode"), ["bestellungen", "artikel", "rechnungen", "sendungen"]),
            new("es", W("numero pedido", "referencia", "numero factura", "codigo articulo", "numero seguimiento", "codigo cupon"), ["pedidos", "productos", "facturas", "envios"]),
        ],
        ["varchar(20)", "varchar(32)", "text", "bigint"], ["id", "customer_id", "total", "created_at"], ["none"]);

    /// <summary>References shaped like national numbers that fail their checks: DNI-shaped with a wrong letter, NIR-shaped
    /// with a wrong key, digit runs of nine and eleven digits, letter-digit codes.</summary>
    private static string LookAlike(Random random) => random.Next(5) switch
    {
        0 => CheckedNumbers.DniLookAlike(random),
        1 => CheckedNumbers.FrenchNir(random).Replace(" ", "", StringComparison.Ordinal) is var nir && nir[^1] != '9' ? nir[..^1] + (char)(nir[^1] + 1) : nir[..^1] + '0',
        2 => CheckedNumbers.Digits(random, 9),
        3 => CheckedNumbers.Digits(random, 11),
        _ => "SKU-" + CheckedNumbers.Digits(random, 6),
    };

    [TestCase(1)]
    [TestCase(2)]
    public void ReferencesThatPassNoCheck_AreNeverNationalIds(int seed)
    {
        var columns = AdversarialColumns.Generate(ReferenceLookAlikes, 400, seed);
        var sampled = Sampled(columns, LookAlike, seed);
        var wrong = Wrong(sampled, c => c != "other_personal.national_id");
        AssertNoneWrong(wrong, sampled.Length, "references called national identifiers");
    }

    // A checksum alone decides nothing for a column whose name says id, ref, key or time (issue 10 item 6), even when every
    // value passes one: dossier and external references, foreign keys.
    [TestCase(1)]
    [TestCase(2)]
    public void CheckedNumbersUnderKeyNames_AreNeverNationalIdsByTheirValues(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 300).Select(i =>
        {
            var value = CheckedIdentifiers[i % CheckedIdentifiers.Length];
            var name = AdversarialColumns.Styled(random, AdversarialColumns.Pick(random,
                ["ref_dossier", "external_ref", "dossier_ref", "order_id", "account_key", "ref_client", "referenz_id", "id_externo", "batch_ref", "import_key"]));
            return Some.InTable(AdversarialColumns.Pick(random, ["dossiers", "orders", "imports", "commandes", "bestellungen", "pedidos"]), ["id", "status", "created_at"], name,
                AdversarialColumns.Pick(random, ["varchar(20)", "text", "bigint"]), Enumerable.Range(0, 40).Select(_ => value(random)).ToArray());
        }).ToArray();
        var wrong = Wrong(columns, c => c != "other_personal.national_id");
        AssertNoneWrong(wrong, columns.Length, "key and reference columns called national identifiers by their checksums");
    }

    // Spanish and French phone numbers have the lengths of a BSN or an NIR; the phone column stays a phone column.
    [TestCase(1)]
    [TestCase(2)]
    public void NationalFormatPhones_StayPhones_NeverNationalIds(int seed)
    {
        var columns = AdversarialColumns.Generate(PhoneAbbreviations, 300, seed);
        var sampled = Sampled(columns, r => r.Next(2) == 0 ? CheckedNumbers.NationalPhone(r) : "6" + CheckedNumbers.Digits(r, 8), seed);
        var wrong = Wrong(sampled, c => c == "contact.phone");
        AssertNoneWrong(wrong, sampled.Length, "phone columns not contact.phone");
    }

    // ---- masked card numbers ----------------------------------------------------------------------------------------------

    internal static readonly ColumnKind MaskedCards = new("masked card numbers",
        [
            new("en", W("masked card", "card mask", "masked pan", "card display", "display", "label", "description", "card"), ["payments", "cards", "payment_methods", "orders"]),
            new("fr", W("carte masquee", "numero carte masque", "masque carte", "libelle", "affichage", "carte"), ["paiements", "cartes", "moyens_paiement", "commandes"]),
            new("de", W("maskierte karte", "karte maskiert", "anzeige", "bezeichnung", "karte"), ["zahlungen", "karten", "zahlungsmittel", "bestellungen"]),
            new("es", W("tarjeta enmascarada", "mascara tarjeta", "etiqueta", "descripcion", "tarjeta"), ["pagos", "tarjetas", "medios_pago", "pedidos"]),
        ],
        ["varchar(19)", "varchar(25)", "text"], ["id", "customer_id", "amount", "created_at"], ["financial.payment_card"]);

    [TestCase(1)]
    [TestCase(2)]
    public void MaskedCardNumbers_AreCardData_WhateverTheName(int seed)
    {
        var sampled = Sampled(AdversarialColumns.Generate(MaskedCards, 400, seed), CheckedNumbers.MaskedPan, seed);
        var wrong = Wrong(sampled, c => c == "financial.payment_card");
        AssertNoneWrong(wrong, sampled.Length, "masked card columns not financial.payment_card");
    }

    /// <summary>Masked values that are not cards: IBANs, phone numbers, e-mails and password placeholders.</summary>
    private static string MaskedOther(Random random) => random.Next(4) switch
    {
        0 => CheckedNumbers.Pick(random, ["FR76", "DE89", "ES91", "IT60"]) + " **** **** **** " + CheckedNumbers.Digits(random, 4),
        1 => "06 ** ** " + CheckedNumbers.Digits(random, 2) + " " + CheckedNumbers.Digits(random, 2),
        2 => CheckedNumbers.Pick(random, ["j***@example.com", "m****n@example.org", "a*****@gmail.com"]),
        _ => new string('*', random.Next(6, 20)),
    };

    [TestCase(1)]
    [TestCase(2)]
    public void MaskedIbansPhonesAndPlaceholders_AreNeverCards(int seed)
    {
        var kind = MaskedCards with { What = "masked non-card values" };
        var sampled = Sampled(AdversarialColumns.Generate(kind, 400, seed), MaskedOther, seed)
            .Where(c => !c.Column.Name.Contains("card", StringComparison.OrdinalIgnoreCase) && !c.Column.Name.Contains("kart", StringComparison.OrdinalIgnoreCase)
                && !c.Column.Name.Contains("carte", StringComparison.OrdinalIgnoreCase) && !c.Column.Name.Contains("tarjeta", StringComparison.OrdinalIgnoreCase)
                && !c.Column.Name.Contains("pan", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var wrong = Wrong(sampled, c => c != "financial.payment_card");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sampled, Has.Length.GreaterThan(100), "enough columns under names that say nothing of a card");
            AssertNoneWrong(wrong, sampled.Length, "masked non-card columns called card data");
        }
    }

    // ---- dates of birth as a year, an age or text -------------------------------------------------------------------------

    internal static readonly ColumnKind BirthYearsAndAges = new("birth years and ages",
        InPersonTables(["birth year", "year of birth", "yob", "age", "customer age", "birthyear"], ["annee naissance", "annee de naissance", "age", "age client"],
            ["geburtsjahr", "alter", "jahrgang", "geburts jahr"], ["ano nacimiento", "anio nacimiento", "edad", "ano de nacimiento", "edad cliente"]),
        ["integer", "smallint", "int(4)", "numeric(4,0)"], PersonSiblings, ["other_personal.date_of_birth"]);

    internal static readonly ColumnKind BirthDatesAsText = new("dates of birth stored as text",
        InPersonTables(["dob", "birth date", "birthdate", "date of birth", "born on", "birthday"], ["date naissance", "ne le", "date de naissance", "naissance", "nee le"],
            ["geburtsdatum", "geb datum", "geboren am", "geburtstag"], ["fecha nacimiento", "f nac", "fecha de nacimiento", "nacimiento", "cumpleanos"]),
        ["varchar(10)", "char(10)", "text"], PersonSiblings, ["other_personal.date_of_birth"]);

    private static string DayMonthYear(Random random)
    {
        string separator = CheckedNumbers.Pick(random, ["/", ".", "-"]);
        return string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 29):00}{separator}{random.Next(1, 13):00}{separator}{random.Next(1940, 2006)}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void BirthYearsAndAges_AreDatesOfBirth(int seed) =>
        AssertKind(BirthYearsAndAges, r => r.Next(2) == 0 ? r.Next(1940, 2006).ToString(CultureInfo.InvariantCulture) : r.Next(18, 90).ToString(CultureInfo.InvariantCulture), 400, seed);

    [TestCase(1)]
    [TestCase(2)]
    public void BirthDatesStoredAsText_AreDatesOfBirth(int seed) => AssertKind(BirthDatesAsText, DayMonthYear, 400, seed);

    internal static readonly ColumnKind AgesOfThings = new("ages of caches, sessions and settings",
        [
            new("en", W("max age", "cache age", "age limit", "age", "age days", "age count"), ["settings", "cache_entries", "http_headers", "retention_policies", "products"]),
            new("fr", W("age max", "age cache", "age", "duree age"), ["parametres", "cache", "politiques_retention", "produits"]),
            new("de", W("max alter", "cache alter", "alter", "alter tage"), ["einstellungen", "cache", "aufbewahrung", "artikel"]),
            new("es", W("edad maxima", "edad cache", "edad", "edad dias"), ["ajustes", "cache", "politicas_retencion", "productos"]),
        ],
        ["integer", "bigint", "smallint"], ["id", "name", "updated_at"], ["none"]);

    [TestCase(1)]
    [TestCase(2)]
    public void AgesOfCachesAndSettings_AreNeverDatesOfBirth(int seed)
    {
        var columns = AdversarialColumns.Generate(AgesOfThings, 300, seed);
        var namesOnly = Wrong(columns.Select(c => c.ToEvidence()).ToArray(), c => c != "other_personal.date_of_birth");
        AssertNoneWrong(namesOnly, columns.Count, "ages of things called dates of birth");
    }

    // ---- phone abbreviations and fixed lines ------------------------------------------------------------------------------

    internal static readonly ColumnKind PhoneAbbreviations = new("phone abbreviations and fixed-line names",
        InPersonTables(["tel", "landline", "mobile no", "phone no", "home tel", "work tel", "tel no"], ["tel", "portable", "telephone fixe", "num tel", "tel portable", "tel domicile", "tel fixe"],
            ["tel", "handy", "festnetz", "festnetznummer", "mobilnummer", "handynr", "telefonnr", "telnr"], ["tlf", "tfno", "movil", "telefono fijo", "celular", "tel fijo", "tel movil"]),
        ["varchar(20)", "varchar(32)", "text"], PersonSiblings, ["contact.phone"]);

    [TestCase(1)]
    [TestCase(2)]
    public void PhoneAbbreviationsAndFixedLines_ArePhones(int seed) => AssertKind(PhoneAbbreviations, CheckedNumbers.NationalPhone, 400, seed);

    internal static readonly ColumnKind PhoneWordLookAlikes = new("counts, prices and flags that contain a phone word",
        InPersonTables(["landline count", "has landline", "tel verified", "landline enabled"], ["tel actif", "tel verifie", "prix fixe"],
            ["festnetz anzahl", "festnetz aktiv", "handynr verifiziert"], ["precio fijo", "tlf verificado", "cantidad tlf", "tfno activo"]),
        ["integer", "boolean", "decimal(10,2)", "smallint"], PersonSiblings, ["none"]);

    [TestCase(1)]
    [TestCase(2)]
    public void CountsPricesAndFlagsWithAPhoneWord_AreNeverPhones(int seed)
    {
        var columns = AdversarialColumns.Generate(PhoneWordLookAlikes, 300, seed);
        var namesOnly = Wrong(columns.Select(c => c.ToEvidence()).ToArray(), c => c != "contact.phone");
        AssertNoneWrong(namesOnly, columns.Count, "counts, prices and flags called phones");
    }
    // ---- e-mail addresses written with markers ----------------------------------------------------------------------------

    internal static readonly ColumnKind PublicContacts = new("public contact addresses",
        InPersonTables(["contact", "public contact", "contact email", "reach me", "email public"], ["contact", "courriel contact", "contact public", "courriel public"],
            ["kontakt", "kontakt email", "oeffentlicher kontakt", "email oeffentlich"], ["contacto", "correo contacto", "contacto publico", "correo publico"]),
        ["varchar(255)", "text", "character varying(320)"], PersonSiblings, ["contact.email"]);

    /// <summary>An address written with markers in place of '@' and dots, in the four languages' habits.</summary>
    internal static string ObfuscatedEmail(Random random)
    {
        string local = CheckedNumbers.Pick(random, ["jean.dupont", "hans.mueller", "maria.garcia", "john.smith", "l.martin", "contact", "info"]) + random.Next(100);
        string domain = CheckedNumbers.Pick(random, ["gmail", "example", "orange", "web", "correo", "posteo"]), tld = CheckedNumbers.Pick(random, ["com", "fr", "de", "es", "org"]);
        return random.Next(5) switch
        {
            4 => $"{local} at {domain} {CheckedNumbers.Pick(random, ["[dot]", "(dot)", "[point]"])} {tld}",
            0 => $"{local} {CheckedNumbers.Pick(random, ["[at]", "(at)", "[arobase]", "[arroba]"])} {domain} {CheckedNumbers.Pick(random, ["[dot]", "(dot)", "[point]", "[punto]", "[punkt]"])} {tld}",
            1 => $"{local}{CheckedNumbers.Pick(random, ["[at]", "(at)", "(a)", "[AT]"])}{domain}.{tld}",
            2 => $"{local} at {domain} dot {tld}",
            _ => $"{local}{CheckedNumbers.Pick(random, ["[at]", "(at)"])}{domain}{CheckedNumbers.Pick(random, ["[dot]", "(dot)"])}{tld}",
        };
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AddressesWrittenWithMarkers_AreEmails(int seed)
    {
        var sampled = Sampled(AdversarialColumns.Generate(PublicContacts, 400, seed), ObfuscatedEmail, seed);
        var wrong = Wrong(sampled, c => c == "contact.email");
        AssertNoneWrong(wrong, sampled.Length, "columns of marked addresses not contact.email");
    }

    internal static readonly ColumnKind NotesAndLists = new("notes and lists with brackets and the words at and dot",
        [
            new("en", W("note", "comment", "tags", "remark", "description"), ["tickets", "orders", "tasks", "posts"]),
            new("fr", W("note", "commentaire", "etiquettes", "remarque"), ["tickets", "commandes", "taches", "articles"]),
            new("de", W("notiz", "kommentar", "schlagworte", "bemerkung"), ["tickets", "bestellungen", "aufgaben", "beitraege"]),
            new("es", W("nota", "comentario", "etiquetas", "observacion"), ["tickets", "pedidos", "tareas", "publicaciones"]),
        ],
        ["text", "varchar(255)"], ["id", "user_id", "created_at"], ["customer_content", "none"]);

    /// <summary>Prose and lists that hold brackets, "at" and "dot" without being an address.</summary>
    private static string NoteWithMarkers(Random random) => random.Next(5) switch
    {
        0 => $"Meeting at {random.Next(8, 19)}h, see [attached] notes (at the office)",
        1 => $"[\"{CheckedNumbers.Pick(random, ["urgent", "vip", "at-risk", "dot-net"])}\", \"{CheckedNumbers.Pick(random, ["b2b", "retail"])}\"]",
        2 => $"Le client passe à {random.Next(8, 19)}h (at home) pour le colis [point relais]",
        3 => $"Kunde ist at work, Rückruf um {random.Next(8, 19)} Uhr (dot matrix Drucker)",
        _ => $"Llamar at {random.Next(8, 19)}h, dot {random.Next(100)} en la lista (a) revisar",
    };

    [TestCase(1)]
    [TestCase(2)]
    public void NotesAndListsWithMarkerWords_AreNeverEmails(int seed)
    {
        var sampled = Sampled(AdversarialColumns.Generate(NotesAndLists, 400, seed), NoteWithMarkers, seed);
        var wrong = Wrong(sampled, c => c != "contact.email");
        AssertNoneWrong(wrong, sampled.Length, "note and list columns called e-mail");
    }

    // ---- named parties: beneficiaries, payees, insured people -------------------------------------------------------------

    internal static readonly ColumnKind NamedParties = new("beneficiaries, payees and insured people",
        [
            new("en", W("beneficiary", "payee", "insured", "insured name", "beneficiary name", "insured person"), ["payouts", "transfers", "policies", "claims", "pensions"]),
            new("fr", W("nom assure", "nom beneficiaire", "nom de l assure", "nom du beneficiaire"), ["virements", "contrats", "sinistres", "prestations"]),
            new("de", W("beguenstigter", "versicherter", "name versicherter", "versicherte", "name des versicherten"), ["ueberweisungen", "vertraege", "schaeden", "leistungen"]),
            new("es", W("nombre asegurado", "nombre beneficiario", "nombre del asegurado", "nombre del beneficiario"), ["transferencias", "polizas", "siniestros", "prestaciones"]),
        ],
        ["varchar(100)", "varchar(255)", "text"], ["id", "amount", "created_at", "iban"], ["contact.name"]);

    /// <summary>A person's name as registers print it: the surname in capitals, "Last, First", or all in capitals.</summary>
    private static string RegisterName(Random random) =>
        CheckedNumbers.Pick(random, ["DUPONT", "MÜLLER", "GARCÍA LÓPEZ", "SMITH", "MARTIN", "SCHMIDT", "FERNÁNDEZ", "BERNARD", "ROSSI", "WEBER"])
        + CheckedNumbers.Pick(random, [", ", " "])
        + CheckedNumbers.Pick(random, ["Jean", "Hans", "María", "John", "Claire", "Jürgen", "Lucía", "Paul", "JEAN", "MARIA", "Anna", "Pierre"]);

    [TestCase(1)]
    [TestCase(2)]
    public void BeneficiariesPayeesAndInsuredPeople_AreNames(int seed) => AssertKind(NamedParties, RegisterName, 400, seed);

    internal static readonly ColumnKind NamedPartyLookAlikes = new("counts, flags and keys of beneficiaries",
        [
            new("en", W("beneficiary id", "beneficiary count", "is insured", "insured amount", "payee type", "beneficiary verified"), ["payouts", "policies", "claims"]),
            new("fr", W("beneficiaire id", "nombre beneficiaires", "montant assure", "type beneficiaire"), ["virements", "contrats", "sinistres"]),
            new("de", W("versicherter id", "anzahl versicherte", "versicherungsnehmer typ", "beguenstigter id"), ["vertraege", "schaeden", "leistungen"]),
            new("es", W("beneficiario id", "cantidad beneficiarios", "tipo asegurado", "asegurado activo"), ["polizas", "siniestros", "prestaciones"]),
        ],
        ["integer", "bigint", "boolean", "decimal(12,2)", "varchar(20)"], ["id", "amount", "created_at"], ["none", "financial"]);

    [TestCase(1)]
    [TestCase(2)]
    public void CountsFlagsAndKeysOfNamedParties_AreNeverNames(int seed)
    {
        var columns = AdversarialColumns.Generate(NamedPartyLookAlikes, 300, seed);
        var wrong = Wrong(columns.Select(c => c.ToEvidence()).ToArray(), c => c != "contact.name");
        AssertNoneWrong(wrong, columns.Count, "counts, flags and keys called names");
    }
}

/// <summary>The national-number checks of <c>NationalIdShape</c> on the published examples and one-character changes of
/// them, and the generators of <see cref="CheckedNumbers"/> against the checks (kinds23).</summary>
[TestFixture]
public sealed class NationalNumberCheckTests
{
    [TestCase("12345678Z", ExpectedResult = true)]
    [TestCase("12345678-z", ExpectedResult = true)]
    [TestCase("X1234567L", ExpectedResult = true)]
    [TestCase("12345678A", ExpectedResult = false)]
    [TestCase("X1234567A", ExpectedResult = false)]
    [TestCase("RSSMRA85T10A562S", ExpectedResult = true)]
    [TestCase("RSSMRA85T10A562T", ExpectedResult = false)]
    [TestCase("AB123456C", ExpectedResult = true)]
    [TestCase("AB 12 34 56 C", ExpectedResult = true)]
    [TestCase("AB123456E", ExpectedResult = false)]
    [TestCase("QQ123456C", ExpectedResult = false)]
    [TestCase("85.07.30-033.28", ExpectedResult = true)]
    [TestCase("85073003328", ExpectedResult = true)]
    [TestCase("85073003329", ExpectedResult = false)]
    [TestCase("111222333", ExpectedResult = true)]
    [TestCase("111222334", ExpectedResult = false)]
    [TestCase("000000000", ExpectedResult = false)]
    public bool MatchesChecked_PublishedExamplesAndNearMisses(string value) =>
        Inventory.Rules.Detectors.NationalIdShape.MatchesChecked(value);

    [TestCase(1)]
    [TestCase(2)]
    public void Generators_PassTheChecks_LookAlikesFailThem(int seed)
    {
        var random = new Random(seed);
        Func<Random, string>[] generators =
        [
            CheckedNumbers.SpanishDniOrNie, CheckedNumbers.ItalianCodiceFiscale, CheckedNumbers.UkNino, CheckedNumbers.DutchBsn,
            CheckedNumbers.BelgianNationalNumber,
        ];
        int failed = 0, lookAlikesPassing = 0;
        for (int i = 0; i < 5000; i++)
        {
            if (!Inventory.Rules.Detectors.NationalIdShape.MatchesChecked(generators[i % generators.Length](random))) failed++;
            if (Inventory.Rules.Detectors.NationalIdShape.MatchesChecked(CheckedNumbers.DniLookAlike(random))) lookAlikesPassing++;
        }
        bool othersPass = Enumerable.Range(0, 2000).All(_ => Inventory.Rules.Detectors.NationalIdShape.Matches(CheckedNumbers.FrenchNir(random))
            && Inventory.Rules.Detectors.NationalIdShape.Matches(CheckedNumbers.GermanTaxId(random)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed, Is.Zero, "generated national numbers failing their checks");
            Assert.That(lookAlikesPassing, Is.Zero, "DNI look-alikes passing a check");
            Assert.That(othersPass, Is.True, "generated NIRs and German tax ids pass NationalIdShape.Matches");
        }
    }
}
