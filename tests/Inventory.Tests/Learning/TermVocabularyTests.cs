using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Learning;

/// <summary>The model's vocabulary lookup by span (<see cref="TermVocabulary"/>) gives the answers of the ordinal
/// dictionary it replaced, for its terms and for every other span the vectorizer cuts.</summary>
[TestFixture]
public sealed class TermVocabularyTests
{
    private const string Letters = "abcdeéßz_0 \u0002\u0003";

    private static string RandomTerm(Random random, int maximumLength)
    {
        var chars = new char[random.Next(1, maximumLength + 1)];
        for (int i = 0; i < chars.Length; i++) chars[i] = Letters[random.Next(Letters.Length)];
        return new string(chars);
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(5_000)]
    [TestCase(60_000)]
    public void TryGetValue_GeneratedTermsAndOtherSpans_SameAnswersAsTheOrdinalDictionary(int count)
    {
        // Given a vocabulary of distinct generated terms (n-gram-like and word-like, accents, markers, spaces)
        var random = new Random(count + 30);
        var terms = new HashSet<string>(StringComparer.Ordinal);
        while (terms.Count < count) terms.Add(RandomTerm(random, random.Next(2) == 0 ? 4 : 12));
        var array = terms.ToArray();
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < array.Length; i++) dictionary.Add(array[i], i);
        var vocabulary = new TermVocabulary(array);

        // When every term and 20,000 other spans (cut from longer text, so not strings of their own) are looked up
        var probes = array.Concat(Enumerable.Range(0, 20_000).Select(_ => RandomTerm(random, 6))).Append("").ToList();
        int found = 0;
        foreach (var probe in probes)
        {
            var text = "##" + probe + "##";
            bool inVocabulary = vocabulary.TryGetValue(text.AsSpan(2, probe.Length), out var index);

            // Then the answer and the index are the dictionary's
            Assert.That(inVocabulary, Is.EqualTo(dictionary.TryGetValue(probe, out var expected)), probe);
            Assert.That(index, Is.EqualTo(inVocabulary ? expected : -1), probe);
            if (inVocabulary) found++;
        }
        Assert.That(found, Is.GreaterThanOrEqualTo(count), "every term is found");
    }

    [Test]
    public void New_TermTwice_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new TermVocabulary(["email", "phone", "email"]));
        Assert.That(e!.Message, Is.EqualTo("term 'email' appears twice"));
    }
}
