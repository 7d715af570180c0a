using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 17 findings 1 and 4, generated in bulk: a person's health or Art. 9 fact stored as a flag, a count, a date or a
/// code (<c>is_pregnant</c>, <c>sick_days</c>, <c>krankheitstage</c>, <c>diagnosed_on</c>, <c>union_member</c>,
/// <c>konfession</c>) is that fact, in English, French, German and Spanish and in every case style: never <c>none</c>.
/// The type gates (a flag, a number, a timestamp without a personal name) and the is/has and count/date gates still make
/// system flags and bookkeeping <c>none</c> (<c>is_disabled</c>, <c>health_check_enabled</c>, <c>fecha_baja</c>). Only
/// kinds are asserted; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class SensitiveFactNameAdversarialTests : GeneratedNameFixture
{
    // Words for the fact, as column names spell them (snake case; styles are applied below).
    private static readonly string[] HealthWords =
    [
        "sick", "sickness", "sick_leave", "sick_note", "illness", "pregnant", "pregnancy", "hiv", "vaccinated", "vaccination",
        "smoker", "blood_pressure", "heart_rate", "bmi", "blood_group", "allergy", "disability", "diagnosis", "diagnosed", "medication",
        "doctor_note", "medical_certificate", "mental_health",
        "maladie", "arret_maladie", "jours_maladie", "conge_maladie", "enceinte", "grossesse", "fumeur", "groupe_sanguin",
        "tension_arterielle", "invalidite",
        "krankheit", "krankheitstage", "krankmeldung", "krankenstand", "arbeitsunfaehigkeit", "schwanger", "schwangerschaft",
        "geimpft", "impfstatus", "raucher", "blutdruck", "blutgruppe", "behinderung", "schwerbehinderung", "krankenkasse",
        "enfermedad", "baja_medica", "dias_baja", "embarazada", "embarazo", "vacunado", "fumador", "discapacidad", "presion_arterial",
    ];

    private static readonly string[] SpecialWords =
    [
        "union_member", "union_membership", "trade_union", "gewerkschaft", "gewerkschaftsmitglied", "syndique", "syndicat", "sindicato",
        "afiliacion_sindical", "konfession", "religionszugehoerigkeit", "kirchensteuer", "religion", "religious_affiliation", "ethnicity",
        "ethnic_origin", "origine_ethnique", "ethnische_herkunft", "origen_etnico", "sexual_orientation", "orientation_sexuelle",
        "political_party", "political_opinion", "parteizugehoerigkeit",
    ];

    // How a fact is stored: (prefix, suffix, declared type, value generator).
    private static readonly (string Prefix, string Suffix, string Type, Func<Random, string> Value)[] Forms =
    [
        ("is_", "", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("has_", "", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("", "", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("", "_days", "integer", r => r.Next(0, 60).ToString(CultureInfo.InvariantCulture)),
        ("", "_count", "integer", r => r.Next(0, 12).ToString(CultureInfo.InvariantCulture)),
        ("", "_date", "date", Date),
        ("", "_on", "date", Date),
        ("", "_since", "date", Date),
        ("", "_status", "character varying(20)", r => Pick(r, ["yes", "no", "unknown", "pending", "confirmed"])),
        ("", "_code", "smallint", r => r.Next(1, 9).ToString(CultureInfo.InvariantCulture)),
        ("", "", "character varying(40)", r => Pick(r, ["A", "B", "C", "yes", "no", "ev", "rk", "n/a", "grade 2", "50%"])),
    ];

    private static string Date(Random r) => new DateOnly(2015, 1, 1).AddDays(r.Next(0, 3600)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string[] PersonTables = ["employees", "staff", "mitarbeiter", "salaries", "personnel", "empleados", "hr_records", "members", "patients"];

    private static List<string> Misclassified(int seed, string[] words, string expected, int columns)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < columns; c++)
        {
            var word = words[c % words.Length];
            var (prefix, suffix, type, generate) = Forms[random.Next(Forms.Length)];
            var name = SnakeCamelOrPascal(random, prefix + word + suffix);
            var column = Some.InTable(Pick(random, PersonTables), ["id", "employee_id", "first_name", "last_name"], name, type,
                Enumerable.Range(0, random.Next(40, 300)).Select(_ => generate(random)).ToArray());
            var result = Combined.Classify(column);
            if (result.DataCategory != expected) wrong.Add($"{column.Table}.{name} ({type}) → {result.DataCategory} {result.Confidence:0.00}");
        }
        return wrong;
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void HealthFacts_InAnyForm_AreHealth(int seed)
    {
        var wrong = Misclassified(seed, HealthWords, "other_personal.health", 400);
        AssertNoneWrong(wrong, 400, "health-fact columns not called health");
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void SpecialCategoryFacts_InAnyForm_AreSpecialCategory(int seed)
    {
        var wrong = Misclassified(seed, SpecialWords, "other_personal.special_category", 300);
        AssertNoneWrong(wrong, 300, "Art. 9 columns not called special category");
    }

    // System flags, bookkeeping and words that only look like the facts: the gates keep them none.
    private static readonly (string Name, string Type, Func<Random, string> Value)[] NotSensitive =
    [
        ("is_disabled", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("disabled", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("is_active", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("health_check_enabled", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("last_health_check_at", "timestamp with time zone", r => Date(r) + " 10:00:00+00"),
        ("smoking_allowed", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("fecha_baja", "date", Date),
        ("order_count", "integer", r => r.Next(0, 50).ToString(CultureInfo.InvariantCulture)),
        ("shipped_on", "date", Date),
        ("email_verified", "boolean", r => r.Next(2) == 0 ? "true" : "false"),
        ("religion_id", "integer", r => r.Next(1, 9).ToString(CultureInfo.InvariantCulture)),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void LookAlikeSystemColumns_StayNone(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        foreach (var (name, type, generate) in NotSensitive)
        {
            var column = Some.InTable(Pick(random, ["accounts", "services", "orders", "clientes", "rooms"]), ["id", "name", "created_at"],
                SnakeCamelOrPascal(random, name), type, Enumerable.Range(0, random.Next(40, 300)).Select(_ => generate(random)).ToArray());
            var category = Combined.Classify(column).DataCategory;
            if (category is "other_personal.health" or "other_personal.special_category") wrong.Add($"{column.Table}.{column.Column.Name} → {category}");
        }
        Assert.That(wrong, Is.Empty, $"look-alike system columns called sensitive: {string.Join("; ", wrong)}");
    }

    [TestCase("born", "date", ExpectedResult = "other_personal.date_of_birth")]
    [TestCase("geb_datum", "character varying(10)", ExpectedResult = "other_personal.date_of_birth")]
    [TestCase("GebDatum", "date", ExpectedResult = "other_personal.date_of_birth")]
    public string? BirthDateNames_AreDatesOfBirth(string column, string type)
    {
        var random = new Random(4);
        var values = Enumerable.Range(0, 200).Select(_ => new DateOnly(1950, 1, 1).AddDays(random.Next(0, 20000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        return Combined.Classify(Some.InTable("employees", ["id", "first_name", "last_name"], column, type, values)).DataCategory;
    }
}
