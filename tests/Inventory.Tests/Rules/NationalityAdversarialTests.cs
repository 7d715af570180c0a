using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 (held-back kind): a person's nationality or citizenship (<c>nationality</c>, <c>nationalite</c>,
/// <c>staatsangehoerigkeit</c>, <c>nacionalidad</c>, <c>citizenship</c>, a code of it) is <c>other_personal</c>: personal
/// data, not a GDPR Art. 9 special category (racial or ethnic origin is, and stays <c>special_category</c>). A key to a
/// country table (<c>nationality_id</c>) and a country lookup's demonym (<c>countries.nationality</c>) are <c>none</c>.
/// Generated in bulk over English, French, German and Spanish names, case styles and types, names only and with values.
/// </summary>
[TestFixture]
public sealed class NationalityAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] NationalityNames =
    [
        "nationality", "nationalities", "citizenship", "country_of_citizenship", "second_nationality", "nationality_code",
        "nationalite", "nationalité", "citoyennete", "code_nationalite", "staatsangehoerigkeit", "Staatsangehörigkeit",
        "staatsangehorigkeit", "staatsbuergerschaft", "nacionalidad", "ciudadania", "nacionalidad_codigo", "person_nationality",
        "passenger_nationality", "employee_nationality",
    ];

    private static readonly string[] PersonTables =
    [
        "employees", "users", "customers", "passengers", "candidates", "students", "patients", "applicants", "travellers", "salaries",
        "utilisateurs", "personnes", "kunden", "mitarbeiter", "reisende", "clientes", "empleados", "pasajeros", "members", "profiles",
    ];

    private static readonly string[] LookupTables = ["countries", "country", "pays", "laender", "paises", "ref_countries", "country_lookup"];

    private static readonly string[] Demonyms =
        ["French", "German", "Spanish", "British", "Italian", "Portuguese", "Moroccan", "française", "deutsch", "española", "FR", "DE", "ES"];
    private static ColumnEvidence Column(Random random, string table, string name, bool withValues)
    {
        var type = Pick(random, ["character varying(64)", "text", "char(2)", "varchar(3)"]);
        string[] siblings = ["id", "first_name", "last_name", "birth_date"];
        return withValues
            ? Some.InTable(table, siblings, name, type, Enumerable.Range(0, random.Next(30, 80)).Select(_ => Pick(random, Demonyms)).ToArray())
            : Some.Unsampled(table, name, type) with { TableColumns = [.. siblings, name] };
    }

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(1, true)]
    [TestCase(2, true)]
    public void Nationality_IsOtherPersonal_NotASpecialCategory_NeverNone(int seed, bool withValues)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, 400)
            .Select(c => Column(random, Pick(random, PersonTables), SnakeCamelOrPascal(random, NationalityNames[c % NationalityNames.Length]), withValues)).ToList();
        var decisions = Combined.ClassifyMany(columns);
        var wrong = columns.Zip(decisions)
            .Where(p => p.Second.DataCategory is not "other_personal")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} → {p.Second.DataCategory ?? "untagged"}").ToList();
        AssertNoneWrong(wrong, columns.Count, "nationality columns not other_personal (without an Art. 9 subcategory)");
    }

    [TestCase(1, false)]
    [TestCase(2, true)]
    public void NationalityKeysAndCountryLookups_StayNone_EthnicOriginStaysSpecial(int seed, bool withValues)
    {
        var random = new Random(seed);
        var none = new List<ColumnEvidence>();
        for (int c = 0; c < 200; c++)
        {
            none.Add(c % 2 == 0
                ? Column(random, Pick(random, LookupTables), SnakeCamelOrPascal(random, Pick(random, ["nationality", "nationalite", "nacionalidad", "staatsangehoerigkeit", "demonym"])), withValues)
                : Some.Unsampled(Pick(random, PersonTables), SnakeCamelOrPascal(random, Pick(random, ["nationality_id", "nationalite_id", "nacionalidad_id", "citizenship_country_id"])), "integer"));
        }
        var special = Enumerable.Range(0, 100)
            .Select(_ => Column(random, Pick(random, PersonTables), SnakeCamelOrPascal(random, Pick(random, ["ethnicity", "ethnic_origin", "origine_ethnique", "ethnische_herkunft", "origen_etnico"])), false)).ToList();
        var noneDecisions = Combined.ClassifyMany(none);
        var specialDecisions = Combined.ClassifyMany(special);
        var personal = none.Zip(noneDecisions).Where(p => p.Second.DataCategory != "none")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} → {p.Second.DataCategory ?? "untagged"}").ToList();
        var notSpecial = special.Zip(specialDecisions).Where(p => p.Second.DataCategory != "other_personal.special_category")
            .Select(p => $"{p.First.Table}.{p.First.Column.Name} → {p.Second.DataCategory ?? "untagged"}").ToList();
        Assert.Multiple(() =>
        {
            AssertNoneWrong(personal, none.Count, "nationality keys and country lookups called personal");
            AssertNoneWrong(notSpecial, special.Count, "ethnic-origin columns not special_category");
        });
    }
}
