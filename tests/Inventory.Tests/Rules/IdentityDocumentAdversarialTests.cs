using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, held-back kinds of shared cases C35, C36 and C14 (kinds19), generated in bulk over English, French,
/// German and Spanish names, case styles, types and read outcomes (values sampled, sampling switched off, no privilege,
/// empty table):
/// <list type="bullet">
/// <item>an identity document or national number, named in any of the four languages (<c>numero_passeport</c>,
/// <c>reisepassnummer</c>, <c>ausweisnummer</c>, <c>pasaporte</c>, <c>numero_cni</c>), is <c>other_personal.national_id</c>;
/// a software licence number and a key to a passports table are not;</item>
/// <item>a fragment of such a number (<c>ssn_last4</c>, <c>nino_last_four</c>, <c>nir_fin</c>, <c>dni_ultimos4</c>,
/// <c>ssn_masked</c>) is still the person's national identifier, never payment-card data, while a card's last four
/// digits stay <c>financial.payment_card</c>;</item>
/// <item>the holder of an account or card (<c>account_holder</c>, <c>titulaire_compte</c>, <c>Kontoinhaber</c>,
/// <c>nombre_titular</c>) is a person's name even when no value could be read; placeholders, counts and flags are not.</item>
/// </list>
/// Only kinds and rates are asserted; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class IdentityDocumentAdversarialTests : GeneratedNameFixture
{
    private static string Digits(Random random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    internal static string Styled(Random random, string snake) => Inventory.Tests.Support.AdversarialColumns.Styled(random, snake);

    private static readonly string[] PersonTables =
        ["employees", "customers", "patients", "personnel", "salaries", "mitarbeiter", "empleados", "travellers", "voyageurs", "reisende", "viajeros", "clients"];

    private static readonly NotSampledReason[] Unread = [NotSampledReason.Disabled, NotSampledReason.NoPrivilege, NotSampledReason.Empty];

    /// <summary>A column with values from <paramref name="value"/> (when <paramref name="read"/> is null) or not read for the given reason.</summary>
    private static ColumnEvidence Column(Random random, string table, string name, string type, NotSampledReason? read, Func<Random, string> value, string[] siblings)
    {
        if (read is { } reason)
            return Some.Unsampled(table, name, type) with { NotSampled = reason, TableColumns = [.. siblings, name] };
        return Some.InTable(table, siblings, name, type, Enumerable.Range(0, random.Next(30, 120)).Select(_ => value(random)).ToArray());
    }

    /// <summary>Values sampled (null) or one of the three ways of not reading them.</summary>
    private static NotSampledReason? ReadOutcome(Random random) => random.Next(4) switch
    {
        0 => null,
        1 => NotSampledReason.Disabled,
        2 => NotSampledReason.NoPrivilege,
        _ => NotSampledReason.Empty,
    };

    private static List<string> Wrong(IReadOnlyList<ColumnEvidence> columns, Func<string?, bool> right)
    {
        var decisions = Combined.ClassifyMany(columns);
        return columns.Zip(decisions).Where(p => !right(p.Second.DataCategory))
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} ({p.First.Column.DeclaredType}, {p.First.NotSampled?.ToString() ?? "sampled"}) → {p.Second.DataCategory ?? "untagged"}")
            .ToList();
    }

    // ---- identity documents -------------------------------------------------------------------------------------------

    private static readonly string[] DocumentNames =
    [
        "passport_number", "passport_no", "numero_passeport", "num_passeport", "passeport", "reisepass_nr", "reisepassnummer",
        "reisepass_nummer", "pasaporte", "numero_pasaporte", "numero_cni", "carte_nationale_identite", "ausweisnummer",
        "personalausweis_nr", "personalausweisnummer", "id_card_number", "dni", "cedula_identidad", "social_insurance_number",
        "employee_passport_number", "nss", "numero_secu",
    ];

    /// <summary>An identity-document number as documents print them: two digits, two letters, five digits; nine letters and
    /// digits; or a DNI (eight digits and a letter).</summary>
    private static string DocumentNumber(Random random) => random.Next(3) switch
    {
        0 => Digits(random, 2) + Pick(random, ["AB", "CD", "XK", "FR", "ZT"]) + Digits(random, 5),
        1 => Pick(random, ["C", "L", "P", "X"]) + Digits(random, 8),
        _ => Digits(random, 8) + "TRWAGMYFPDXBNJZSQVHLCKE"[random.Next(23)],
    };

    [TestCase(1)]
    [TestCase(2)]
    public void IdentityDocuments_InEveryLanguage_AreNationalIds_SampledOrNot(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 400).Select(c => Column(random, Pick(random, PersonTables), Styled(random, DocumentNames[c % DocumentNames.Length]),
            Pick(random, ["character varying(20)", "varchar(32)", "text", "nvarchar(20)"]), ReadOutcome(random), DocumentNumber, ["id", "first_name", "last_name"])).ToList();
        var wrong = Wrong(columns, c => c == "other_personal.national_id");
        AssertNoneWrong(wrong, columns.Count, "identity-document columns not other_personal.national_id");
    }

    [TestCase(1)]
    public void LicenceNumbersAndKeysToDocumentTables_AreNeverNationalIds(int seed)
    {
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < 200; c++)
        {
            columns.Add(c % 2 == 0
                ? Column(random, Pick(random, ["software_licenses", "glpi_items_operatingsystems", "licences", "lizenzen", "licencias", "os_installs"]),
                    Styled(random, Pick(random, ["license_number", "licence_number", "license_no", "licence_key", "license_key"])), "varchar(255)",
                    random.Next(2) == 0 ? null : NotSampledReason.Disabled,
                    r => $"{Digits(r, 5)}-{Digits(r, 5)}-{Digits(r, 5)}-{Digits(r, 5)}", ["id", "name", "serial", "version"])
                : Some.Unsampled(Pick(random, PersonTables), Styled(random, Pick(random, ["passport_id", "id_card_id", "document_type_id"])), "integer"));
        }
        var wrong = Wrong(columns, c => c != "other_personal.national_id");
        AssertNoneWrong(wrong, columns.Count, "licence numbers and keys called national identifiers");
    }

    // ---- fragments of national identifiers ------------------------------------------------------------------------------

    private static readonly string[] IdentifierWords = ["ssn", "nino", "nir", "nss", "dni", "passport", "national_id", "social_security_number", "national_insurance_number", "id_card"];

    private static readonly string[] FragmentForms =
    [
        "{0}_last4", "last4_{0}", "{0}_last_four", "{0}_last_4", "last_four_{0}", "{0}_last_4_digits", "{0}_suffix", "{0}_masked",
        "masked_{0}", "partial_{0}", "{0}_fin", "fin_{0}", "{0}_4_derniers", "{0}_derniers_chiffres", "{0}_ultimos4", "{0}_ultimos_digitos",
        "{0}_letzte4", "{0}_letzte_ziffern", "{0}4",
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void FragmentsOfNationalIdentifiers_AreNationalIds_NeverCardData(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 500).Select(c =>
        {
            var name = string.Format(CultureInfo.InvariantCulture, FragmentForms[c % FragmentForms.Length], Pick(random, IdentifierWords));
            return Column(random, Pick(random, PersonTables), Styled(random, name), Pick(random, ["char(4)", "varchar(4)", "varchar(11)", "text"]),
                ReadOutcome(random), r => Digits(r, 4), ["id", "first_name", "last_name", "hire_date"]);
        }).ToList();
        var wrong = Wrong(columns, c => c == "other_personal.national_id");
        AssertNoneWrong(wrong, columns.Count, "national-identifier fragments not other_personal.national_id");
    }

    [TestCase(1)]
    public void CardLastFour_StaysPaymentCard_FlagsOfIdentifiersStayNone(int seed)
    {
        var random = new Random(seed);
        var cards = Enumerable.Range(0, 200).Select(_ => Column(random, Pick(random, ["payments", "cards", "payment_methods", "charges", "subscriptions"]),
            Styled(random, Pick(random, ["card_last4", "last4", "cc_last4", "pan_last4", "card_last_four", "last_four", "credit_card_last4", "card_last_4",
                "derniers_chiffres_carte", "carte_4_derniers", "karte_letzte4", "karte_letzte_ziffern", "tarjeta_ultimos4", "ultimos_digitos_tarjeta"])),
            Pick(random, ["char(4)", "varchar(4)", "text"]), ReadOutcome(random), r => Digits(r, 4), ["id", "customer_id", "amount", "card_brand"])).ToList();
        var flags = Enumerable.Range(0, 100).Select(_ => Column(random, Pick(random, PersonTables),
            Styled(random, Pick(random, ["ssn_verified", "is_ssn_verified", "passport_verified", "has_passport", "nir_valide", "dni_verificado", "ssn_count"])),
            Pick(random, ["boolean", "integer"]), random.Next(2) == 0 ? null : NotSampledReason.Disabled, r => r.Next(2) == 0 ? "true" : "false", ["id", "first_name"])).ToList();
        var notCard = Wrong(cards, c => c == "financial.payment_card");
        var flagged = Wrong(flags, c => c == "none");
        Assert.Multiple(() =>
        {
            AssertNoneWrong(notCard, cards.Count, "card last-four columns not financial.payment_card");
            AssertNoneWrong(flagged, flags.Count, "flags and counts of identifiers not none");
        });
    }

    // ---- holders ----------------------------------------------------------------------------------------------------------

    private static readonly string[] HolderNames =
    [
        "account_holder", "account_holder_name", "holder_name", "cardholder", "cardholder_name", "card_holder", "name_on_card",
        "beneficiary_name", "payee_name", "titulaire_compte", "titulaire_du_compte", "nom_titulaire", "titulaire_carte", "nom_beneficiaire",
        "kontoinhaber", "Kontoinhaberin", "karteninhaber", "name_des_kontoinhabers", "empfaenger_name", "kontoinhabername",
        "titular_cuenta", "nombre_titular", "titular_de_la_tarjeta", "nombre_beneficiario",
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void Holders_ArePeoplesNames_WhenNoValueCouldBeRead(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 400).Select(c => Some.Unsampled(
                Pick(random, ["payout", "salaires", "virements", "auszahlungen", "gehaelter", "pagos", "nominas", "bank_accounts", "payment_methods", "ribs"]),
                Styled(random, HolderNames[c % HolderNames.Length]), Pick(random, ["varchar(120)", "text", "character varying(255)", "nvarchar(100)"]))
            with { NotSampled = Unread[c % Unread.Length], TableColumns = ["id", "iban", "amount", "created_at"] }).ToList();
        var wrong = Wrong(columns, c => c == "contact.name");
        AssertNoneWrong(wrong, columns.Count, "unread holder columns not contact.name");
    }

    [TestCase(1)]
    public void HolderLookAlikes_PlaceholdersCountsAndTypes_AreNeverNames(int seed)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 200).Select(_ =>
        {
            var (name, type) = Pick(random, ["place_holder", "placeholder", "title_placeholder", "holder_count", "account_holder_count",
                    "is_account_holder", "holder_type", "type_titulaire", "kontoinhaber_anzahl", "cardholder_verified"]) switch
            {
                var n when n.Contains("count") || n.Contains("anzahl") => (n, "integer"),
                var n when n.StartsWith("is_", StringComparison.Ordinal) || n.EndsWith("verified", StringComparison.Ordinal) => (n, "boolean"),
                var n => (n, "varchar(64)"),
            };
            return Some.Unsampled(Pick(random, ["form_fields", "payout", "bank_accounts", "settings", "payment_methods"]), Styled(random, name), type)
                with { NotSampled = Unread[random.Next(Unread.Length)], TableColumns = ["id", "label", "created_at"] };
        }).ToList();
        var wrong = Wrong(columns, c => c != "contact.name");
        AssertNoneWrong(wrong, columns.Count, "holder look-alikes called names");
    }
}
