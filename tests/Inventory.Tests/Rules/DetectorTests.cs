using Inventory.Catalog;
using Inventory.Rules.Detectors;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>Each detector with valid, invalid and adversarial values, fixing whole kinds (numeric types, separators, case, scripts).</summary>
public sealed class DetectorTests
{
    private static bool Match(string id, string value, TypeFamily family = TypeFamily.Text) => DetectorSuite.Default.IsMatch(id, value, family);

    [TestCase("ana.k@example.com", ExpectedResult = true)]
    [TestCase("B.OSEI@EXAMPLE.ORG", ExpectedResult = true)]
    [TestCase("first.last+tag@sub.example.co.uk", ExpectedResult = true)]
    [TestCase("o'brien@example.ie", ExpectedResult = true)]
    [TestCase("josé@exemple.fr", ExpectedResult = true)]
    [TestCase("user@xn--bcher-kva.example", ExpectedResult = true)]
    [TestCase("logo@2x.png", ExpectedResult = false)]
    [TestCase("icon@3x.jpeg", ExpectedResult = false)]
    [TestCase("a..b@example.com", ExpectedResult = false)]
    [TestCase(".a@example.com", ExpectedResult = false)]
    [TestCase("a@example", ExpectedResult = false)]
    [TestCase("a@-example.com", ExpectedResult = false)]
    [TestCase("a@b@example.com", ExpectedResult = false)]
    [TestCase("not an email@example.com", ExpectedResult = false)]
    [TestCase("@example.com", ExpectedResult = false)]
    [TestCase("user@example.c", ExpectedResult = false)]
    public bool Email(string value) => Match("detector.email", value);

    [TestCase("+33 6 12 34 56 78", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("06 12 34 56 78", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("06.12.34.56.78", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("+44 7700 900456", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("07700 900456", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("+1 202-555-0143", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("(202) 555-0143", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("+49 30 12345678", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("+34 612 345 678", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("0033612345678", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("12025550143", TypeFamily.Integer, ExpectedResult = true)]
    [TestCase("447700900123", TypeFamily.Integer, ExpectedResult = true)]
    [TestCase("447700900123", TypeFamily.Decimal, ExpectedResult = true)]
    [TestCase("4.47700900123E+11", TypeFamily.Decimal, ExpectedResult = true)]
    [TestCase("12025550143.00", TypeFamily.Decimal, ExpectedResult = true)]
    [TestCase("12025550143.5", TypeFamily.Decimal, ExpectedResult = false)]
    [TestCase("12345", TypeFamily.Integer, ExpectedResult = false)]
    [TestCase("1234567", TypeFamily.Integer, ExpectedResult = false)]
    [TestCase("2024-03-01", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("01/03/2024", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("+44 20 7946 0958", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("01 99 00 12 34", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("+99 123", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("call me", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("192.0.2.44", TypeFamily.Text, ExpectedResult = false)]
    public bool Phone(string value, TypeFamily family) => Match("detector.phone", value, family);

    [TestCase("192.0.2.44", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("198.51.100.23", TypeFamily.Network, ExpectedResult = true)]
    [TestCase("203.0.113.9/32", TypeFamily.Network, ExpectedResult = true)]
    [TestCase("2001:db8::44", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("2001:DB8:0:0:0:0:0:1", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("::ffff:192.0.2.1", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("127.0.0.1", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("::1", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("0.0.0.0", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("::", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("256.1.1.1", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("1.2.3", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("12:30:45", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("1.2.3.4.5", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("3232235777", TypeFamily.Integer, ExpectedResult = false)]
    public bool IpAddress(string value, TypeFamily family) => Match("detector.ip-address", value, family);

    [TestCase("4111111111111111", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("4111 1111 1111 1111", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("4111-1111-1111-1111", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("5555555555554444", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("2223003122003222", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("378282246310005", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("3782 822463 10005", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("6011111111111117", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("3530111333300000", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("30569309025904", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("4111111111111111", TypeFamily.Integer, ExpectedResult = true)]
    [TestCase("4111111111111111", TypeFamily.Decimal, ExpectedResult = true)]
    [TestCase("4.111111111111111E+15", TypeFamily.Decimal, ExpectedResult = true)]
    [TestCase("4111111111111111.00", TypeFamily.Decimal, ExpectedResult = true)]
    [TestCase("4111111111111111.25", TypeFamily.Decimal, ExpectedResult = false)]
    [TestCase("4111111111111112", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("1717171717171", TypeFamily.Integer, ExpectedResult = false)]
    [TestCase("1700000000000", TypeFamily.Integer, ExpectedResult = false)]
    [TestCase("1234567812345670", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("0000000000000000", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("4111  1111 1111 1111", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("2721003122003220", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("411111111111", TypeFamily.Text, ExpectedResult = false)]
    public bool PaymentCard(string value, TypeFamily family) => Match("detector.payment-card", value, family);

    [TestCase("DE89 3704 0044 0532 0130 00", ExpectedResult = true)]
    [TestCase("DE89370400440532013000", ExpectedResult = true)]
    [TestCase("de89370400440532013000", ExpectedResult = true)]
    [TestCase("FR14 2004 1010 0505 0001 3M02 606", ExpectedResult = true)]
    [TestCase("GB82 WEST 1234 5698 7654 32", ExpectedResult = true)]
    [TestCase("DE12 5001 0517 0648 4898 90", ExpectedResult = true)]
    [TestCase("FR76 **** **** **** **** ***0 189", ExpectedResult = true)]
    [TestCase("DE89 XXXX XXXX XXXX XXXX 00", ExpectedResult = true)]
    [TestCase("DE88 3704 0044 0532 0130 00", ExpectedResult = false)]
    [TestCase("DE89 3704 0044 0532 0130 0", ExpectedResult = false)]
    [TestCase("ZZ89 3704 0044 0532 0130 00", ExpectedResult = false)]
    [TestCase("DE** **** **** **** **** **", ExpectedResult = false)]
    public bool Iban(string value) => Match("detector.iban", value);

    [TestCase("DEUTDEFF", ExpectedResult = true)]
    [TestCase("BNPAFRPPXXX", ExpectedResult = true)]
    [TestCase("deutdeff", ExpectedResult = false)]
    [TestCase("DEUTZZFF", ExpectedResult = false)]
    [TestCase("DEUTDEF", ExpectedResult = false)]
    [TestCase("DEUTDEFO", ExpectedResult = false)]
    public bool Bic(string value) => Match("detector.bic", value);

    [TestCase("FR83404833048", ExpectedResult = true)]
    [TestCase("FR 44 732 829 320", ExpectedResult = true)]
    [TestCase("DE123456789", ExpectedResult = true)]
    [TestCase("ATU12345678", ExpectedResult = true)]
    [TestCase("NL123456789B01", ExpectedResult = true)]
    [TestCase("ESX1234567X", ExpectedResult = true)]
    [TestCase("EL123456789", ExpectedResult = true)]
    [TestCase("FR84404833048", ExpectedResult = false)]
    [TestCase("FR83404833049", ExpectedResult = false)]
    [TestCase("DE12345678", ExpectedResult = false)]
    [TestCase("US123456789", ExpectedResult = false)]
    [TestCase("NL123456789C01", ExpectedResult = false)]
    public bool VatNumber(string value) => Match("detector.vat-number", value);

    [TestCase("732829320", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("732 829 320", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("73282932000074", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("732 829 320 00074", TypeFamily.Text, ExpectedResult = true)]
    [TestCase("732829320", TypeFamily.Integer, ExpectedResult = true)]
    [TestCase("732829321", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("12345678901234", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("000000000", TypeFamily.Text, ExpectedResult = false)]
    [TestCase("732829320.5", TypeFamily.Decimal, ExpectedResult = false)]
    public bool SirenSiret(string value, TypeFamily family) => Match("detector.siren-siret", value, family);

    [TestCase("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36", ExpectedResult = true)]
    [TestCase("FeedReader/1.14 (Linux; en_GB.UTF-8; +https://example.org/bot)", ExpectedResult = true)]
    [TestCase("curl/8.5.0", ExpectedResult = true)]
    [TestCase("okhttp/4.12.0", ExpectedResult = true)]
    [TestCase("text/html", ExpectedResult = false)]
    [TestCase("uploads/2024/file.pdf", ExpectedResult = false)]
    [TestCase("https://example.org/", ExpectedResult = false)]
    [TestCase("Mozilla", ExpectedResult = false)]
    public bool UserAgent(string value) => Match("detector.user-agent", value);

    [TestCase("de-DE,de;q=0.9,en;q=0.8", ExpectedResult = true)]
    [TestCase("en-GB,en;q=0.7", ExpectedResult = true)]
    [TestCase("*", ExpectedResult = true)]
    [TestCase("fr", ExpectedResult = true)]
    [TestCase("de_DE", ExpectedResult = true)]
    [TestCase("en_GB.UTF-8", ExpectedResult = true)]
    [TestCase("zh-Hant-TW", ExpectedResult = true)]
    [TestCase("es-419", ExpectedResult = true)]
    [TestCase("DE", ExpectedResult = false)]
    [TestCase("xx-YY", ExpectedResult = false)]
    [TestCase("hello world", ExpectedResult = false)]
    [TestCase("en;q=2", ExpectedResult = false)]
    [TestCase("active", ExpectedResult = false)]
    public bool LanguageTag(string value) => Match("detector.language-tag", value);

    [TestCase("75008", ExpectedResult = true)]
    [TestCase("10115", ExpectedResult = true)]
    [TestCase("12345-6789", ExpectedResult = true)]
    [TestCase("SW1A 1AA", ExpectedResult = true)]
    [TestCase("sw1a 1aa", ExpectedResult = true)]
    [TestCase("M1 1AE", ExpectedResult = true)]
    [TestCase("1012 AB", ExpectedResult = true)]
    [TestCase("K1A 0B1", ExpectedResult = true)]
    [TestCase("1000-001", ExpectedResult = true)]
    [TestCase("123", ExpectedResult = false)]
    [TestCase("1234567", ExpectedResult = false)]
    [TestCase("ABCDE", ExpectedResult = false)]
    public bool PostalCode(string value) => Match("detector.postal-code", value);

    [TestCase("Jorinde Vass", ExpectedResult = true)]
    [TestCase("JORINDE VASS", ExpectedResult = true)]
    [TestCase("O'Brien", ExpectedResult = true)]
    [TestCase("Jean-Pierre Dupont", ExpectedResult = true)]
    [TestCase("Müller, Günther", ExpectedResult = true)]
    [TestCase("Ελένη Παπαδοπούλου", ExpectedResult = true)]
    [TestCase("Иван Петров", ExpectedResult = true)]
    [TestCase("王小明", ExpectedResult = true)]
    [TestCase("R2D2", ExpectedResult = false)]
    [TestCase("ana.k@example.com", ExpectedResult = false)]
    [TestCase("jorinde Vass", ExpectedResult = false)]
    public bool PersonName(string value) => Match("detector.person-name", value);

    [TestCase("Example Books GmbH", ExpectedResult = true)]
    [TestCase("Sample Café SARL", ExpectedResult = true)]
    [TestCase("SAMPLE CAFÉ SARL", ExpectedResult = true)]
    [TestCase("sample café s.a.r.l.", ExpectedResult = true)]
    [TestCase("Acme, Inc.", ExpectedResult = true)]
    [TestCase("Example Holdings Ltd", ExpectedResult = true)]
    [TestCase("ООО Ромашка", ExpectedResult = true)]
    [TestCase("Ромашка ООО", ExpectedResult = true)]
    [TestCase("株式会社サンプル", ExpectedResult = true)]
    [TestCase("GmbH", ExpectedResult = false)]
    [TestCase("Jorinde Vass", ExpectedResult = false)]
    [TestCase("Jean Dupont et fils", ExpectedResult = false)]
    public bool CompanyName(string value) => Match("detector.company-name", value);

    [TestCase("https://example.org/p/1?ref=mail", "detector.url", ExpectedResult = true)]
    [TestCase("www.example.org/about", "detector.url", ExpectedResult = true)]
    [TestCase("http://192.0.2.1:8080/", "detector.url", ExpectedResult = true)]
    [TestCase("example", "detector.url", ExpectedResult = false)]
    [TestCase("/var/data/uploads/a1b2.pdf", "detector.file-path", ExpectedResult = true)]
    [TestCase(@"C:\Users\ana\report.docx", "detector.file-path", ExpectedResult = true)]
    [TestCase("s3://bucket/key/file.bin", "detector.file-path", ExpectedResult = true)]
    [TestCase("uploads/2024/a1b2.pdf", "detector.file-path", ExpectedResult = true)]
    [TestCase("1/2", "detector.file-path", ExpectedResult = false)]
    [TestCase("and/or", "detector.file-path", ExpectedResult = false)]
    [TestCase("3f2504e0-4f89-11d3-9a0c-0305e82c3301", "detector.uuid", ExpectedResult = true)]
    [TestCase("{3F2504E0-4F89-11D3-9A0C-0305E82C3301}", "detector.uuid", ExpectedResult = true)]
    [TestCase("3f2504e0-4f89-11d3-9a0c-0305e82c330", "detector.uuid", ExpectedResult = false)]
    [TestCase("$2b$12$KIXQJQ5vQ1Y8Z9y8bN4uOe1c2a3b4c5d6e7f8g9h0i1j2k3l4m5n6", "detector.hash", ExpectedResult = true)]
    [TestCase("$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", "detector.hash", ExpectedResult = true)]
    [TestCase("pbkdf2_sha256$600000$salt$hashvalue=", "detector.hash", ExpectedResult = true)]
    [TestCase("5f4dcc3b5aa765d61d8327deb882cf99", "detector.hash", ExpectedResult = false)]
    [TestCase("5f4dcc3b5aa765d61d8327deb882cf99", "detector.hex-digest", ExpectedResult = true)]
    [TestCase("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "detector.hex-digest", ExpectedResult = true)]
    [TestCase("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "detector.hex-digest", ExpectedResult = true)]
    [TestCase("00000000000000000000000000000000", "detector.hex-digest", ExpectedResult = false)]
    [TestCase("5f4dcc3b5aa765d61d8327deb882cf9", "detector.hex-digest", ExpectedResult = false)]
    [TestCase("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlX2hlcmU", "detector.secret-token", ExpectedResult = true)]
    [TestCase("sk_live_51HxyzABCdef123", "detector.secret-token", ExpectedResult = true)]
    [TestCase("q8Zr2Lk9Vb4Tn7Yw1Xc5Md3", "detector.secret-token", ExpectedResult = true)]
    [TestCase("CustomerAccountNumber", "detector.secret-token", ExpectedResult = false)]
    [TestCase("cus_Nffrfeuf2pXy9Q", "detector.payment-reference", ExpectedResult = true)]
    [TestCase("pm_1MqLiJLkdIwHu7ixUEgbFdYF", "detector.payment-reference", ExpectedResult = true)]
    [TestCase("cus_", "detector.payment-reference", ExpectedResult = false)]
    [TestCase("{\"email\": \"a@example.com\", \"n\": 1}", "detector.json", ExpectedResult = true)]
    [TestCase("[1, 2, 3]", "detector.json", ExpectedResult = true)]
    [TestCase("{not json}", "detector.json", ExpectedResult = false)]
    [TestCase("Could the export include a totals row please?", "detector.free-text", ExpectedResult = true)]
    [TestCase("active", "detector.free-text", ExpectedResult = false)]
    [TestCase("Hi, please refund to DE12 5001 0517 0648 4898 90, thanks Jorinde", "detector.embedded-identifier", ExpectedResult = true)]
    [TestCase("My colleague a.kessler@example.org cannot log in from 198.51.100.7", "detector.embedded-identifier", ExpectedResult = true)]
    [TestCase("Call me on +44 7700 900456 after 5pm", "detector.embedded-identifier", ExpectedResult = true)]
    [TestCase("Could the export include a totals row?", "detector.embedded-identifier", ExpectedResult = false)]
    public bool Shapes(string value, string id) => Match(id, value);

    /// <summary>trial36: a text column of junk (control characters, symbols, isolated letters; no word) was read as
    /// messages. Generated in bulk: junk never matches the free-text detector, and sentences people write in English,
    /// French, German and Spanish (Bogus's lorem of each locale, and Bogus's review-like sentences) keep matching.</summary>
    [Test]
    public void FreeText_JunkWithoutWordsNever_SentencesInFourLanguagesStill()
    {
        var random = new Random(36);
        string symbols = "°¥¬±§¶©®×÷¤¦¨¯´¸˾˴ʘʬʭ-_=+*/\\|~^!?.,;:()[]<>";
        var junk = Enumerable.Range(0, 3000).Select(i =>
        {
            var b = new System.Text.StringBuilder();
            int length = random.Next(24, 120);
            while (b.Length < length)
            {
                int pick = random.Next(10);
                if (pick < 2) b.Append(symbols[random.Next(symbols.Length)]);
                else if (pick < 5) b.Append(' ');
                else if (pick < 9) b.Append((char)random.Next(0x250, 0x2AF)); // IPA letters, kept isolated below
                else b.Append(i % 2 == 0 ? (char)(1 + random.Next(8)) : ' '); // a control character (never tab or line end)
                if (b.Length > 1 && char.IsLetter(b[^1]) && char.IsLetter(b[^2])) b.Length--; // keep letters isolated
            }
            return b.ToString();
        }).ToList();
        var sentences = new[] { "en", "fr", "de", "es" }.SelectMany(locale =>
        {
            var faker = new Bogus.Faker(locale) { Random = new Bogus.Randomizer(36) };
            return Enumerable.Range(0, 250).Select(_ => faker.Lorem.Sentence(8, 6));
        }).ToList();

        var junkMatched = junk.Count(v => Match("detector.free-text", v));
        var sentencesMatched = sentences.Count(v => Match("detector.free-text", v));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(junkMatched, Is.Zero, $"{junkMatched} of {junk.Count} junk values read as free text");
            Assert.That(sentencesMatched, Is.EqualTo(sentences.Count), $"{sentences.Count - sentencesMatched} of {sentences.Count} sentences missed");
        }
    }

    [Test]
    public void Run_MixedColumn_CountsMatchedAndTotalOverNonBlankValues()
    {
        var result = DetectorSuite.Default.Run(["a@example.com", "b@example.org", "  ", "pending"], TypeFamily.Text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Total, Is.EqualTo(3));
            Assert.That(result["detector.email"].Matched, Is.EqualTo(2));
            Assert.That(result["detector.email"].Total, Is.EqualTo(3));
            Assert.That(result.Ratio("detector.email"), Is.EqualTo(2.0 / 3).Within(1e-9));
            Assert.That(result.ToFeatures(), Has.Length.EqualTo(DetectorSuite.Default.DetectorIds.Count));
            Assert.That(DetectorSuite.Default.DetectorIds, Is.Unique);
        }
    }

    [Test]
    public void Run_PlaceholderValues_LeftOutOfTheDenominator()
    {
        string[] values = ["a@example.com", "n/a", "N/A", " none ", "-", "unknown", "NULL", "0", "b@example.org", "?", "n/a"];

        var result = DetectorSuite.Default.Run(values, TypeFamily.Text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Total, Is.EqualTo(2));
            Assert.That(result.Placeholders, Is.EqualTo(9));
            Assert.That(result.Distinct, Is.EqualTo(2));
            Assert.That(result.Ratio("detector.email"), Is.EqualTo(1.0));
        }
    }

    [TestCase("n/a", ExpectedResult = true)]
    [TestCase("N.A.", ExpectedResult = true)]
    [TestCase("None", ExpectedResult = true)]
    [TestCase("--", ExpectedResult = true)]
    [TestCase("Unknown", ExpectedResult = true)]
    [TestCase("inconnu", ExpectedResult = true)]
    [TestCase("0", ExpectedResult = true)]
    [TestCase("00", ExpectedResult = false)]
    [TestCase("nancy", ExpectedResult = false)]
    [TestCase("none@example.com", ExpectedResult = false)]
    [TestCase("-1", ExpectedResult = false)]
    public bool IsPlaceholder_Sentinels_OnlyWholeValues(string value) => DetectorSuite.IsPlaceholder(value);

    [Test]
    public void IsPlaceholder_SetLookup_SameAsComparingEachWord()
    {
        // Given every placeholder word in several casings, with a character added or removed, and generated values
        var random = new Random(11);
        var values = new List<string>();
        foreach (var word in DetectorSuite.PlaceholderWords)
        {
            values.AddRange([word, word.ToUpperInvariant(), word.ToLowerInvariant(), char.ToUpperInvariant(word[0]) + word[1..],
                word + "x", word[..^1], "x" + word, word + " ", word.Replace('e', 'é')]);
        }
        const string alphabet = "abcdefgnoltuxk./-?#() éèÉäÄ0";
        for (int i = 0; i < 20_000; i++)
            values.Add(new string(Enumerable.Range(0, random.Next(1, 18)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));

        // Then the set lookup answers as the word-by-word ordinal case-insensitive comparison did
        static bool Reference(string value) =>
            value.Length <= 16 && DetectorSuite.PlaceholderWords.Any(w => value.AsSpan().Equals(w, StringComparison.OrdinalIgnoreCase));
        var differing = values.Where(v => DetectorSuite.IsPlaceholder(v) != Reference(v)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(differing, Is.Empty);
            Assert.That(values.Count(v => DetectorSuite.IsPlaceholder(v)), Is.GreaterThan(4 * DetectorSuite.PlaceholderWords.Length));
        }
    }

    [Test]
    public void Run_RepeatedValues_CountEachOccurrence()
    {
        var result = DetectorSuite.Default.Run(["a@example.com", "a@example.com", "a@example.com", "x"], TypeFamily.Text);
        Assert.That(result["detector.email"].Matched, Is.EqualTo(3));
        Assert.That(result.Distinct, Is.EqualTo(2));
    }

    [TestCase("4111111111111111", ExpectedResult = true)]
    [TestCase("4.111111111111111e+15", ExpectedResult = true)]
    [TestCase("4111111111111111.0", ExpectedResult = true)]
    [TestCase("4111111111111111.7", ExpectedResult = false)]
    public bool PaymentCard_UntypedSqliteValues(string value) => Match("detector.payment-card", value, TypeFamily.Untyped);

    [Test]
    public void Run_RandomAndHostileStrings_NeverThrows()
    {
        // Given random strings over digits, separators, letters of several scripts, JSON and control characters
        var random = new Random(7);
        const string alphabet = "0123456789 +-()./:@_$*{}[]\\\"'xXeEaZéßΩЖ王\t\u0301,;=?#%";
        var values = new List<string>();
        for (int i = 0; i < 20000; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            values.Add(new string(chars));
        }
        values.Add(new string('9', 400));
        values.Add("1e308");
        values.Add("-1.7976931348623157E+308");
        values.Add("{\"a\":" + new string('[', 200) + new string(']', 200) + "}");
        // When every family runs over them; Then nothing throws and counts stay within bounds
        foreach (var family in Enum.GetValues<TypeFamily>())
        {
            var result = DetectorSuite.Default.Run(values, family);
            Assert.That(result.Scores.All(s => s.Matched <= s.Total), Is.True, family.ToString());
        }
    }

    [Test]
    public void Run_BooleanFamily_NoDetectorApplies()
    {
        var result = DetectorSuite.Default.Run(["true", "false"], TypeFamily.Boolean);
        Assert.That(result.Scores.Sum(s => s.Matched), Is.Zero);
    }
}
