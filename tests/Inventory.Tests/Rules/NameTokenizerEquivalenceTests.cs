using System.Globalization;
using System.Text;
using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary><see cref="NameTokenizer.Tokenize"/> folds a segment's pieces into one buffer on the stack since perf47 (it
/// made a <see cref="StringBuilder"/> string per piece and a list of tuples per segment): it must give the tokens the
/// former algorithm gave, kept here as the reference, for every phrase of the shipped name rules and for generated names
/// (camel case, digit runs, technical stems, accents, ligatures, combining marks, other scripts, long folds).</summary>
public sealed class NameTokenizerEquivalenceTests
{
    /// <summary>The tokenizer as written before perf47 (per-character fold through <see cref="NameTokenizer.Fold(string)"/>).</summary>
    private static List<string> ReferenceTokenize(string? name)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(name)) return tokens;
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            bool alnum = i < name.Length && (char.IsLetterOrDigit(name[i])
                || (start >= 0 && char.GetUnicodeCategory(name[i]) == UnicodeCategory.NonSpacingMark));
            if (alnum && start < 0) start = i;
            else if (!alnum && start >= 0)
            {
                ReferenceSplit(name.Substring(start, i - start), tokens);
                start = -1;
            }
        }
        return tokens;
    }

    private static void ReferenceSplit(string segment, List<string> tokens)
    {
        var pieces = new List<(string Text, bool Digits)>();
        int pieceStart = 0;
        for (int i = 1; i <= segment.Length; i++)
        {
            bool boundary = i == segment.Length;
            if (!boundary)
            {
                char prev = segment[i - 1], c = segment[i];
                bool prevDigit = char.IsDigit(prev), digit = char.IsDigit(c);
                if (prevDigit != digit) boundary = true;
                else if (!digit && char.IsLower(prev) && char.IsUpper(c)) boundary = true;
                else if (!digit && char.IsUpper(prev) && char.IsUpper(c) && i + 1 < segment.Length && char.IsLower(segment[i + 1])) boundary = true;
            }
            if (boundary)
            {
                var piece = segment[pieceStart..i];
                var folded = new StringBuilder();
                foreach (var ch in piece) folded.Append(NameTokenizer.Fold(ch.ToString()));
                if (folded.Length > 0) pieces.Add((folded.ToString(), char.IsDigit(piece[0])));
                pieceStart = i;
            }
        }
        for (int p = 0; p < pieces.Count; p++)
        {
            var (text, digits) = pieces[p];
            if (!digits && text.Length <= 3 && p + 1 < pieces.Count && pieces[p + 1].Digits && pieces[p + 1].Text.Length <= 3
                && (p + 2 >= pieces.Count || !pieces[p + 2].Digits)
                && text is "ipv" or "ip" or "md" or "sha" or "s" or "x" or "utf" or "iso" or "e" or "oauth" or "bcp" or "v")
            {
                tokens.Add(text + pieces[p + 1].Text);
                p++;
                continue;
            }
            tokens.Add(text);
        }
    }

    private static int Differences(IEnumerable<string> names, out int compared, out int merged)
    {
        int differ = 0;
        compared = 0;
        merged = 0;
        foreach (var name in names)
        {
            compared++;
            var expected = ReferenceTokenize(name);
            var actual = NameTokenizer.Tokenize(name);
            if (!expected.SequenceEqual(actual))
            {
                if (differ < 5) TestContext.Out.WriteLine($"differs: {string.Join(" ", expected)} | {string.Join(" ", actual)}");
                differ++;
            }
            foreach (var token in expected)
                if (token.Length > 1 && char.IsAsciiLetter(token[0]) && char.IsAsciiDigit(token[^1])) { merged++; break; }
        }
        return differ;
    }

    [Test]
    public void Tokenize_EveryLineAndListItemOfTheShippedNameRules_AsTheReference()
    {
        string yaml = Taxonomy.ReadResource("Inventory.Rules.Defaults.name-rules.yml");
        var names = new List<string>();
        foreach (var line in yaml.Split('\n'))
        {
            names.Add(line);
            foreach (var item in line.Split([',', '[', ']', ':', '#'], StringSplitOptions.RemoveEmptyEntries)) names.Add(item.Trim());
        }
        int differ = Differences(names, out int compared, out _);
        Assert.Multiple(() =>
        {
            Assert.That(compared, Is.GreaterThan(10_000), "the rules' phrases were read");
            Assert.That(differ, Is.EqualTo(0));
        });
    }

    [Test]
    public void Tokenize_GeneratedNames_AsTheReference()
    {
        string[] parts =
        [
            "a", "b", "e", "x", "s", "v", "z", "A", "B", "E", "X", "S", "V", "Z", "ip", "IP", "ipv", "IPv", "sha", "SHA", "md", "MD",
            "utf", "iso", "oauth", "bcp", "customer", "Customer", "EMAIL", "Email", "id", "ID", "Number", "0", "1", "4", "5", "8",
            "12", "256", "509", "1234", "_", "-", " ", ".", "\"", "[", "]", "é", "É", "ß", "ẞ", "æ", "Œ", "ø", "ł", "þ", "đ", "ñ",
            "Ç", "\u0301", "\u0308", "\uFDFA", "ǅ", "İ", "ı", "Ω", "ж", "Ж", "中", "文", "٣", "５", "Ⅻ", "ﬁ", "ŉ", "ǰ", "\u00A0",
        ];
        var random = new Random(47);
        var names = new List<string>(120_000);
        var sb = new StringBuilder();
        for (int k = 0; k < 120_000; k++)
        {
            sb.Clear();
            int length = random.Next(1, k % 50 == 0 ? 60 : 12);
            for (int i = 0; i < length; i++) sb.Append(parts[random.Next(parts.Length)]);
            names.Add(sb.ToString());
        }
        // Segments past the stack buffers: a 200-character word, 40 ligatures of 18 characters' fold, 80 camel-case pieces.
        names.Add(new string('q', 200));
        names.Add(string.Concat(Enumerable.Repeat("\uFDFA", 40)));
        names.Add(string.Concat(Enumerable.Repeat("aB1", 80)));
        names.Add(string.Concat(Enumerable.Repeat("ipv4", 50)));
        int differ = Differences(names, out int compared, out int merged);
        Assert.Multiple(() =>
        {
            Assert.That(compared, Is.EqualTo(120_004));
            Assert.That(merged, Is.GreaterThan(1_000), "technical stems with their digits were generated");
            Assert.That(differ, Is.EqualTo(0));
        });
    }
}
