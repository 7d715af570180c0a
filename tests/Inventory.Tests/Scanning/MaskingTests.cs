using Inventory.Scanning;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

public sealed class MaskingTests
{
    [TestCase("john.doe@example.com", ExpectedResult = "***.***@***.***")]
    [TestCase("+33 6 12 34 56 78", ExpectedResult = "+### ### ### ### ### ###")]
    [TestCase("4242 4242 4242 4242", ExpectedResult = "### ### ### ###")]
    [TestCase("192.0.2.17", ExpectedResult = "###.###.###.###")]
    [TestCase("Brad", ExpectedResult = "***")]
    [TestCase("Éloïse Dürr", ExpectedResult = "*** ***")]
    public string Mask_KeepsOnlyTheShapeNoLetter(string value) => Masking.Mask(value);

    /// <summary>trial36: superscript digits and control characters passed through a mask. Every Unicode scalar value,
    /// alone and between letters: no letter, mark or number of any kind (decimal, superscript, fraction, Roman numeral,
    /// CJK extension B letters as surrogate pairs) and no control or format character survives.</summary>
    [Test]
    public void Mask_EveryScalarValue_KeepsNoLetterNumberOrControlCharacter()
    {
        var leaked = new List<int>();
        for (int code = 0; code <= 0x10FFFF; code++)
        {
            if (!System.Text.Rune.IsValid(code)) continue;
            var value = "x" + new System.Text.Rune(code) + "1";
            foreach (var rune in Masking.Mask(value).EnumerateRunes())
            {
                if (rune.Value is '*' or '#' or '?') continue;
                if (System.Text.Rune.IsLetterOrDigit(rune) || System.Text.Rune.IsNumber(rune) || System.Text.Rune.IsControl(rune)
                    || System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark
                        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark
                        or System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.PrivateUse)
                    leaked.Add(code);
            }
        }
        Assert.That(leaked, Is.Empty, $"{leaked.Count} code points show through, e.g. U+{(leaked.Count > 0 ? leaked[0] : 0):X4}");
    }

    [TestCase("x² + y¹", ExpectedResult = "***### + ***###")]
    [TestCase("Ⅻ ½", ExpectedResult = "### ###")]
    [TestCase("a\u0011b\u001fc", ExpectedResult = "***?***?***")]
    public string Mask_NumbersOfEveryKindAndControlCharacters(string value) => Masking.Mask(System.Text.RegularExpressions.Regex.Unescape(value));

    [Test]
    public void Mask_HidesTheLengthOfEachPart()
    {
        Assert.That(Masking.Mask("Al"), Is.EqualTo(Masking.Mask("Alexandrina")));
    }

    [Test]
    public void Mask_LongValue_IsCutAndMarked()
    {
        var masked = Masking.Mask(new string('a', 30) + " " + new string('b', 100));

        Assert.That(masked, Is.EqualTo("*** ***…"));
    }

    // Trial 17 finding 9, generated in bulk: value sets (codes, flags, blood groups, party or church-tax codes) whose
    // masks would name the values get no example; columns of many distinct values keep three. Messages name kinds only.
    private static readonly (string Kind, string[] Set)[] ValueSets =
    [
        ("gender", ["M", "F", "X", "m", "w", "d", "male", "female", "diverse"]),
        ("blood-group", ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"]),
        ("flag", ["true", "false", "t", "f", "yes", "no", "Y", "N", "0", "1"]),
        ("party", ["SPD", "CDU", "FDP", "Grüne", "LFI", "RN", "PS", "LR"]),
        ("church-tax", ["rk", "ev", "--", "ak", "lt", "fr"]),
        ("country", ["FR", "DE", "GB", "ES", "IT", "NL", "BE", "CH", "AT", "PL", "PT", "SE"]),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void Examples_ValueSets_AreNotShown(int seed)
    {
        var random = new Random(seed);
        var shown = new List<string>();
        for (int c = 0; c < 300; c++)
        {
            var (kind, set) = ValueSets[c % ValueSets.Length];
            var pool = set.OrderBy(_ => random.Next()).Take(random.Next(2, set.Length + 1)).ToArray();
            var values = Enumerable.Range(0, random.Next(20, 500)).Select(_ => pool[random.Next(pool.Length)]).ToArray();
            if (Masking.Examples(values) is { } examples) shown.Add($"{kind} ({pool.Length} values): {examples.Count} examples");
        }
        Assert.That(shown, Is.Empty, $"value-set columns with examples: {string.Join("; ", shown.Take(10))}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Examples_ColumnsOfManyValues_KeepUpToThreeMaskedExamples(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            var values = Enumerable.Range(0, random.Next(30, 400))
                .Select(i => c % 2 == 0 ? $"user{random.Next(100_000)}@example.org" : $"Person {(char)('A' + random.Next(26))}{random.Next(10_000)}").ToArray();
            var examples = Masking.Examples(values);
            if (examples is not { Count: >= 1 and <= 3 }) wrong.Add($"column {c}: {examples?.Count ?? 0} examples");
            else if (examples.Any(e => values.Contains(e))) wrong.Add($"column {c}: an example equals a raw value");
        }
        Assert.That(wrong, Is.Empty, string.Join("; ", wrong.Take(10)));
    }

    [Test]
    public void Examples_NoValues_Null() => Assert.That(Masking.Examples(["", " "]), Is.Null);
}

/// <summary>Which columns may show masked examples at all: never a short list of values (its masks stay readable), never
/// health or special-category data (trial 17: blood groups, sexes and yes/no answers came out as <c>A***+</c>, <c>M***</c>,
/// <c>t***</c>).</summary>
public sealed class MaskedExamplesPolicyTests
{
    private static IReadOnlyList<string> Repeat(int rows, params string[] distinct) =>
        Enumerable.Range(0, rows).Select(i => distinct[i % distinct.Length]).ToArray();

    /// <summary>Short lists of every kind a DPO would not want spelled out: each one, at every size below the bound and
    /// over 200 rows, shows no example.</summary>
    [Test]
    public void Examples_ShortLists_ShowNone()
    {
        string[][] lists =
        [
            ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"],
            ["M", "F", "X"], ["m", "w", "d"], ["t", "f"], ["true", "false"], ["yes", "no"], ["Y", "N"],
            ["catholic", "protestant", "muslim", "jewish", "none", "other"], ["rk", "ev", "--"],
            ["single", "married", "divorced", "widowed"], ["PS", "LR", "RN", "EELV", "LFI"],
        ];
        var shown = new List<string>();
        foreach (var list in lists)
            for (int size = 1; size <= list.Length; size++)
                if (Masking.Examples(Repeat(200, list[..size]), "contact.name") is { } examples)
                    shown.Add($"{string.Join('|', list[..size])} → {string.Join('|', examples)}");

        Assert.That(shown, Is.Empty);
    }

    [TestCase("other_personal.health")]
    [TestCase("other_personal.special_category")]
    public void Examples_Article9Column_ShowsNoneWhateverItsVariety(string category)
    {
        var values = Enumerable.Range(0, 500).Select(i => $"diagnosis note {i} for case {i * 7}").ToArray();

        Assert.That(Masking.Examples(values, category), Is.Null);
    }

    [Test]
    public void Examples_VariedContactColumn_ShowsThreeMaskedShapes()
    {
        var values = Enumerable.Range(0, 50).Select(i => $"user{i}@example{i % 7}.org").ToArray();

        var examples = Masking.Examples(values, "contact.email");

        Assert.That(examples, Is.EqualTo(new[] { "***###@***###.***" }), "distinct masks only: the shapes, no value");
    }

    [Test]
    public void Examples_NoValues_ShowsNone()
    {
        Assert.That(Masking.Examples([], "contact.email"), Is.Null);
    }
}
