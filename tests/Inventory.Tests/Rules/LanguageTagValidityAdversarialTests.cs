using System.Globalization;
using Inventory.Catalog;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Kind: a value is a browser language only when every subtag of its BCP 47 tag is registered (RFC 5646 §2.2.9), not
/// merely well-formed. Cloud and data-centre region codes share the grammar when their first word is a language code
/// (<c>eu</c> Basque, <c>ca</c> Catalan, <c>af</c> Afrikaans, <c>sa</c> Sanskrit, <c>de</c>, <c>fr</c>…) and the next a
/// four-letter "script" (<c>west</c>, <c>east</c>) or a five-to-eight-letter "variant" (<c>central</c>, <c>south</c>);
/// they are not languages (trial41 M2: a preferences table's time-zone column of such codes read 30/30 as browser
/// languages and was suggested <c>automatic.browser_language</c> at 0.95). Every tag the platform's cultures name, in
/// both separators and inside Accept-Language headers with weights, still is.
/// </summary>
[TestFixture]
public sealed class LanguageTagValidityAdversarialTests : GeneratedNameFixture
{
    private const string LanguageTag = "detector.language-tag";

    // First words of cloud, hosting and data-centre region codes, many of them ISO 639-1 language codes.
    private static readonly string[] RegionPrefixes =
        ["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx", "uk", "in", "jp", "kr", "au", "cn", "de", "fr", "ch", "no", "se",
         "br", "za", "ae", "es", "it", "pl", "nl", "fi", "at", "be", "dk", "ie", "pt", "gr", "cz", "hu", "ro", "bg", "tr", "ru"];

    private static readonly string[] Directions =
        ["east", "west", "north", "south", "central", "centre", "northeast", "southeast", "northwest", "southwest", "east2",
         "west3", "nord", "sud", "ouest", "est", "mitte", "ost", "norte", "oeste", "centro", "zentral"];

    private static string RegionCode(Random random)
    {
        var code = $"{Pick(random, RegionPrefixes)}{(random.Next(4) == 0 ? "_" : "-")}{Pick(random, Directions)}";
        return random.Next(3) switch { 0 => code, 1 => $"{code}-{random.Next(1, 10)}", _ => code.ToUpperInvariant() };
    }

    private static readonly string[] CultureTags = CultureInfo.GetCultures(CultureTypes.AllCultures)
        .Select(c => c.Name)
        // "nd" (North Ndebele) is also "n/d", a placeholder every detector leaves (DetectorSuite).
        .Where(n => n.Length > 0 && n != "nd").OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [Test]
    public void CloudRegionCodes_AreNotLanguageTags()
    {
        // Given every region code of the generated kind (prefix × direction × separator × zone digit × case)
        var random = new Random(41);
        var codes = Enumerable.Range(0, 5_000).Select(_ => RegionCode(random)).Distinct(StringComparer.Ordinal).ToArray();
        // When the language-tag detector reads each one
        var taken = codes.Where(c => DetectorSuite.Default.IsMatch(LanguageTag, c, TypeFamily.Text)).ToArray();
        // Then none is a language tag
        Assert.That(codes, Has.Length.GreaterThan(1_500));
        Assert.That(taken, Is.Empty, $"{taken.Length} of {codes.Length} region codes read as language tags: {string.Join(", ", taken.Take(20))}");
    }

    [Test]
    public void EveryCultureTag_InBothSeparatorsAndInWeightedHeaders_IsStillALanguageTag()
    {
        // Given every culture name the platform knows (en-US, zh-Hant-TW, sr-Latn-RS, es-419, ca-ES-valencia, en-US-POSIX…),
        // with hyphens and with POSIX underscores, and Accept-Language headers of two to four of them with q-weights
        Assert.That(CultureTags, Has.Length.GreaterThan(500));
        var random = new Random(7);
        var headers = Enumerable.Range(0, 2_000).Select(_ =>
        {
            int n = random.Next(2, 5);
            return string.Join(",", Enumerable.Range(0, n).Select(i => i == 0 ? Pick(random, CultureTags) : $"{Pick(random, CultureTags)};q=0.{9 - i}"));
        });
        var values = CultureTags.Concat(CultureTags.Select(t => t.Replace('-', '_'))).Concat(headers).ToArray();
        // When the detector reads them
        var missed = values.Where(v => !DetectorSuite.Default.IsMatch(LanguageTag, v, TypeFamily.Text)).ToArray();
        // Then every one is a language tag
        Assert.That(missed, Is.Empty, $"{missed.Length} of {values.Length} missed: {string.Join(", ", missed.Take(20))}");
    }

    [TestCase("de-DE-1996", ExpectedResult = true)]
    [TestCase("sl-rozaj", ExpectedResult = true)]
    [TestCase("en-GB-oxendict", ExpectedResult = true)]
    [TestCase("zh-cmn-Hans-CN", ExpectedResult = false)]
    [TestCase("fr-est", ExpectedResult = false)]
    [TestCase("ja-Jpan-JP", ExpectedResult = true)]
    [TestCase("en-US-u-ca-gregory", ExpectedResult = true)]
    [TestCase("de-CH-x-phonebk", ExpectedResult = true)]
    [TestCase("eu-west", ExpectedResult = false)]
    [TestCase("ca-central-1", ExpectedResult = false)]
    [TestCase("af-south-1", ExpectedResult = false)]
    [TestCase("de-Test", ExpectedResult = false)]
    [TestCase("en-ZZ", ExpectedResult = false)]
    [TestCase("en-US-Latn", ExpectedResult = false)]
    [TestCase("fr-prodmain", ExpectedResult = false)]
    public bool RegisteredSubtagsInTheirOrder(string value) => DetectorSuite.Default.IsMatch(LanguageTag, value, TypeFamily.Text);

    [TestCase(1)]
    [TestCase(2)]
    public void RegionCodesInAPersonsPreferences_AreNotBrowserLanguage_LanguageTagsStillAre(int seed)
    {
        // Given a person's preferences or profile table with a region or data-centre column of cloud region codes, and a
        // person's table with a locale column of language tags
        var random = new Random(seed);
        string[] tables = ["account_preferences", "user_settings", "profiles", "preferences_utilisateur", "benutzereinstellungen", "preferencias_usuario"];
        string[] people = ["users", "customers", "profiles", "utilisateurs", "kunden", "clientes"];
        string[] siblings = ["id", "user_id", "email", "theme", "created_at"];
        // (A time zone is a browser language by LABELS.md, whatever it holds: such names are not in this kind.)
        string[] regionColumns = ["region", "data_region", "datacenter", "hosting_region", "cloud_region", "deployment_region", "region_hebergement", "rechenzentrum", "region_alojamiento"];
        string[] localeColumns = ["locale", "language", "preferred_language", "ui_language", "langue", "sprache", "idioma"];
        const int columns = 300;
        var wrong = new List<string>();
        for (int i = 0; i < columns; i++)
        {
            var regions = NeutralColumn(random, tables, siblings, regionColumns, RegionCode, rows: 30);
            var regionDecision = Combined.Classify(regions);
            if (regionDecision.DataCategory == "automatic.browser_language")
                wrong.Add($"{regions.Table}.{regions.Column.Name} (region codes) → {regionDecision.DataCategory}");
            var locales = NeutralColumn(random, people, siblings, localeColumns, r => Pick(r, CultureTags), rows: 30);
            var localeDecision = Combined.Classify(locales);
            if (localeDecision.DataCategory != "automatic.browser_language")
                wrong.Add($"{locales.Table}.{locales.Column.Name} (language tags) → {localeDecision.DataCategory ?? "nothing"}");
        }
        // Then region codes are never a browser language, and language tags still are
        AssertNoneWrong(wrong, 2 * columns, "region codes read as a browser language, or language tags not");
    }
}
