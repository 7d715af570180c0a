using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Session 28: the foreign-key marker <c>fk</c> before or after a personal word (<c>fk_salary</c>, <c>SALAIRE_FK</c>,
/// <c>fkEmail</c>, <c>fk_telefono_id</c>) says the column holds another row's key, like <c>_id</c>: the name rules gate
/// it to <c>none</c> evidence (name-rules.yml <c>gate-prefixes</c> and <c>gate-suffixes</c>) instead of giving the
/// personal category of its other words. Generated in bulk over four languages and five spellings, no declared foreign
/// key (a declared one has its own gate, <see cref="ForeignKeyGateTests"/>); the same words without the marker keep
/// their category (the control).
/// </summary>
public sealed class ForeignKeyMarkerGateTests : GeneratedNameFixture
{
    private static readonly (string Word, string Category)[] PersonalWords =
    [
        ("salary", "financial"), ("salaire", "financial"), ("gehalt", "financial"), ("sueldo", "financial"),
        ("email", "contact"), ("courriel", "contact"), ("phone", "contact"), ("telefono", "contact"),
        ("iban", "financial"), ("ip_address", "automatic"), ("first_name", "contact"), ("passport_number", "other_personal"),
    ];

    private static IEnumerable<(string Table, string Name, string Category, string Type)> Columns(int seed, bool marked)
    {
        var random = new Random(seed);
        for (int i = 0; i < 600; i++)
        {
            var (word, category) = AdversarialColumns.Pick(random, PersonalWords);
            var snake = marked ? AdversarialColumns.Pick(random, ["fk_{0}", "{0}_fk", "fk_{0}_id"]).Replace("{0}", word, StringComparison.Ordinal) : word;
            yield return (AdversarialColumns.Table(random, AdversarialColumns.Pick(random, ["employees", "payments", "customers", "contacts", "virements", "personal"])),
                AdversarialColumns.Styled(random, snake), category, AdversarialColumns.Pick(random, ["integer", "bigint", "int(11)", "varchar(64)"]));
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void MarkedWithFk_IsGatedToNone(int seed)
    {
        var wrong = Columns(seed, marked: true)
            .Select(c => (c, Result: Rules.Classify(Some.Unsampled(c.Table, c.Name, c.Type))))
            .Where(p => p.Result.DataCategory != "none")
            .Select(p => $"{p.c.Table}.{p.c.Name} {p.c.Type} → {p.Result.DataCategory}")
            .ToList();

        AssertNoneWrong(wrong, 600, "fk-marked columns given a personal category");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void SameWordsWithoutTheMarker_KeepTheirPersonalCategory(int seed)
    {
        var columns = Columns(seed, marked: false).Where(c => c.Type.StartsWith("varchar", StringComparison.Ordinal)).ToList();
        var kept = columns.Count(c => Rules.Classify(Some.Unsampled(c.Table, c.Name, c.Type)).DataCategory?
            .StartsWith(c.Category, StringComparison.Ordinal) == true);

        Assert.That(kept, Is.EqualTo(columns.Count), "text columns named by the personal word alone");
    }
}
