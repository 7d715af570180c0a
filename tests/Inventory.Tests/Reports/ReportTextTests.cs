using System.Reflection;
using System.Text.RegularExpressions;
using Inventory.Config;
using Inventory.Reports.Language;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The report's string tables (<see cref="ReportText"/>): every key has a text in both languages, the lists
/// (XLSX headings) have the same length in both, every key the templates name exists, and every key is used by a
/// template or a writer (no dead entry left behind).</summary>
[TestFixture]
public sealed class ReportTextTests
{
    private static readonly ReportText[] Languages = [ReportText.English, ReportText.French];

    private static IEnumerable<PropertyInfo> Keys() => typeof(ReportText).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.PropertyType == typeof(string) || p.PropertyType == typeof(IReadOnlyList<string>))
        .Where(p => p.Name is not (nameof(ReportText.CultureName) or nameof(ReportText.LanguageCode)));

    private static string SnakeCase(string name) => Regex.Replace(name, "(?<=[a-z0-9])([A-Z])", "_$1").ToLowerInvariant();

    private static string Source(params string[] parts) => File.ReadAllText(Path.Combine([SharedPaths.Repository, .. parts]));

    [Test]
    public void EveryKey_HasATextInBothLanguages()
    {
        var keys = Keys().ToList();
        Assert.That(keys, Has.Count.GreaterThan(200), "the catalogue's keys are found");
        using (Assert.EnterMultipleScope())
        {
            foreach (var key in keys)
                foreach (var text in Languages)
                {
                    var value = key.GetValue(text);
                    if (value is string s) Assert.That(s, Is.Not.Empty.And.Not.Contains("TODO"), $"{text.Language}.{key.Name}");
                    else
                    {
                        var list = (IReadOnlyList<string>)value!;
                        Assert.That(list, Is.Not.Empty.And.All.Not.Empty, $"{text.Language}.{key.Name}");
                        Assert.That(list, Has.Count.EqualTo(((IReadOnlyList<string>)key.GetValue(ReportText.English)!).Count), $"{key.Name}: as many headings in both languages");
                    }
                }
        }
    }

    [Test]
    public void FrenchTable_IsFrench_WhereTheWordsDiffer()
    {
        // Words that are the same in both languages (Source, Table, Verdict, Annotation, DPO, Pseudonymisation...) are
        // allowed; a French table that copied most of the English one is not.
        var same = Keys().Where(k => k.PropertyType == typeof(string))
            .Count(k => Equals(k.GetValue(ReportText.English), k.GetValue(ReportText.French)));
        Assert.That(same, Is.LessThanOrEqualTo(8), "keys whose French text is the English one");
        Assert.That(ReportText.French.Summary, Is.EqualTo("Synthèse"));
        Assert.That(ReportText.English.Summary, Is.EqualTo("Summary"));
    }

    [Test]
    public void Templates_NameOnlyKeysThatExist_AndEveryKeyIsUsed()
    {
        var templates = Source("reports", "Inventory.Reports", "Templates", "report.html.sbn")
                        + Source("reports", "Inventory.Reports", "Templates", "report.md.sbn");
        var writers = Source("reports", "Inventory.Reports", "Writers", "XlsxReportWriter.cs")
                      + Source("reports", "Inventory.Reports", "Writers", "TextWriters.cs")
                      + Source("reports", "Inventory.Reports", "Language", "ReportText.cs")
                      + Source("reports", "Inventory.Reports", "ReportModelBuilder.cs");
        var snakeKeys = Keys().Select(k => SnakeCase(k.Name)).ToHashSet(StringComparer.Ordinal);
        snakeKeys.Add("language_code");
        var named = Regex.Matches(templates, @"\bt\.([a-z_]+)").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(named, Has.Count.GreaterThan(150), "the templates read their words from the catalogue");
            Assert.That(named.Except(snakeKeys), Is.Empty, "keys the templates name that the catalogue lacks");
            var unused = Keys().Where(k => !named.Contains(SnakeCase(k.Name))
                    && !writers.Contains("_text." + k.Name, StringComparison.Ordinal) && !writers.Contains("text." + k.Name, StringComparison.Ordinal) && !writers.Contains("=> " + k.Name + ",", StringComparison.Ordinal) && !writers.Contains("English." + k.Name, StringComparison.Ordinal))
                .Select(k => k.Name).ToList();
            Assert.That(unused, Is.Empty, "keys no template or writer uses");
        }
    }

    [TestCase("en", ReportLanguage.English)]
    [TestCase("fr", ReportLanguage.French)]
    [TestCase("FR", ReportLanguage.French)]
    [TestCase("fr-FR", ReportLanguage.French)]
    [TestCase("fr_CA", ReportLanguage.French)]
    [TestCase("en-GB", ReportLanguage.English)]
    public void Parse_CodeOrBcp47Tag_ItsPrimaryLanguage(string text, ReportLanguage expected) =>
        Assert.That(ReportLanguages.TryParse(text), Is.EqualTo(expected));

    [TestCase("de")]
    [TestCase("de-FR")]
    [TestCase("english")]
    [TestCase("")]
    public void Parse_Unsupported_Null(string text) => Assert.That(ReportLanguages.TryParse(text), Is.Null);

    [Test]
    public void Formats_DatesPercentagesAndNumbersPerLanguage()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ReportText.English.FormatDate("2026-06-02"), Is.EqualTo("2026-06-02"));
            Assert.That(ReportText.French.FormatDate("2026-06-02"), Is.EqualTo("02/06/2026"));
            Assert.That(ReportText.English.FormatPercent("72.5%"), Is.EqualTo("72.5%"));
            Assert.That(ReportText.French.FormatPercent("72.5%"), Is.EqualTo("72,5\u00A0%"));
            Assert.That(ReportText.English.FormatNumber(12345), Is.EqualTo("12345"));
            Assert.That(ReportText.French.FormatNumber(12345), Is.EqualTo("12\u00A0345"));
            Assert.That(ReportText.French.FormatTimestamp("2026-12-05T10:00:00Z"), Is.EqualTo("05/12/2026 10:00:00 UTC"));
            Assert.That(ReportText.French.Noun(0, "conflit", "conflits"), Is.EqualTo("conflit"), "French: singular for 0");
            Assert.That(ReportText.English.Noun(0, "conflict", "conflicts"), Is.EqualTo("conflicts"));
        }
    }
}
