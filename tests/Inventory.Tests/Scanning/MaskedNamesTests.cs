using System.Text;
using Inventory.Scanning;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>A masked example reveals nothing of a person's name (trial 27: ticket bodies masked as <c>j*** s*** A***
/// T***</c> kept everyone's initials in <c>inventory.json</c>). Names are generated in bulk from given names and
/// surnames of four languages (en, fr, de, es), composed and decomposed (NFD), alone, in e-mail addresses and inside
/// sentences; no masked output may hold a letter of them, let alone two in a row.</summary>
[TestFixture]
public sealed class MaskedNamesTests
{
    private static readonly Dictionary<string, (string[] Given, string[] Surnames)> Names = new()
    {
        ["en"] = (["James", "Olivia", "Harry", "Amelia", "George", "Isla", "Jack", "Emily", "Oscar", "Grace", "Thomas", "Chloe"],
            ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thompson", "O'Neill", "Fitzgerald", "Clarke", "Walker"]),
        ["fr"] = (["Jean-Pierre", "Élodie", "François", "Anaïs", "Gaëtan", "Hélène", "Loïc", "Maëlle", "Joël", "Céline", "Benoît", "Léa"],
            ["Dupont", "Lefèvre", "Moreau", "Girard", "Fournier", "Bénard", "Rousseau", "Lemaître", "Chevalier", "Noël", "Gauthier", "Mercier"]),
        ["de"] = (["Jürgen", "Käthe", "Günther", "Jörg", "Björn", "Lena", "Maximilian", "Sören", "Ursula", "Dietrich", "Anneliese", "Uwe"],
            ["Müller", "Schröder", "Weiß", "Groß", "Köhler", "Schäfer", "Bäcker", "Fuchs", "Hoffmann", "Krüger", "Wöhler", "Zimmermann"]),
        ["es"] = (["José", "María", "Begoña", "Íñigo", "Ramón", "Lucía", "Jesús", "Adrián", "Sofía", "Álvaro", "Nuria", "Joaquín"],
            ["García", "Núñez", "Muñoz", "Fernández", "Peña", "Ibáñez", "López", "Martínez", "Sánchez", "Gómez", "Díaz", "Rodríguez"]),
    };

    private static readonly string[] Sentences =
    [
        "Hello, {0} here, please call me back.", "Bonjour, c'est {0}, merci de me rappeler.", "Hallo, hier ist {0}, bitte zurückrufen.",
        "Hola, soy {0}, llámeme por favor.", "{0}", "{0} <{1}>", "Contact: {1}", "cc {0}; {0} asked again",
    ];

    /// <summary>Every generated name in the four languages, with the texts that carry it: the name, its e-mail address
    /// and sentences around it, each composed (NFC) and decomposed (NFD).</summary>
    private static IEnumerable<(string Name, string Text)> Texts()
    {
        foreach (var (_, (given, surnames)) in Names)
            foreach (var g in given)
                foreach (var s in surnames)
                {
                    var name = $"{g} {s}";
                    var email = $"{g.ToLowerInvariant()}.{s.ToLowerInvariant()}@example.org";
                    foreach (var sentence in Sentences)
                    {
                        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, name, email);
                        yield return (name, text);
                        yield return (name, text.Normalize(NormalizationForm.FormD));
                    }
                }
    }

    /// <summary>The 2-letter substrings of a name's tokens, composed and decomposed, any case.</summary>
    private static IEnumerable<string> Bigrams(string name) =>
        name.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(t => new[] { t, t.Normalize(NormalizationForm.FormD) })
            .SelectMany(t => Enumerable.Range(0, Math.Max(0, t.Length - 1)).Select(i => t.Substring(i, 2)))
            .Where(b => b.All(char.IsLetter));

    [Test]
    public void Mask_GeneratedNamesInFourLanguages_NoLetterOfTheNameSurvives()
    {
        var leaks = new List<string>();
        int texts = 0;
        foreach (var (name, text) in Texts())
        {
            texts++;
            var masked = Masking.Mask(text);
            if (masked.Any(char.IsLetter) || Bigrams(name).Any(b => masked.Contains(b, StringComparison.OrdinalIgnoreCase)))
                leaks.Add($"a masked text around a {name.Length}-character name kept letters");
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(texts, Is.GreaterThan(9_000));
            Assert.That(leaks, Is.Empty, $"{leaks.Count} of {texts}");
        }
    }

    [Test]
    public void Examples_ColumnsOfGeneratedNames_NoTwoLetterPieceOfAnyName()
    {
        // Columns as the scan hands them to Examples: 200 distinct names of one language per column.
        foreach (var (language, (given, surnames)) in Names)
        {
            var names = given.SelectMany(g => surnames.Select(s => $"{g} {s}")).ToList();
            var examples = Masking.Examples(names, "contact.name", "full_name");
            Assert.That(examples, Is.Not.Null.And.Not.Empty, language);
            var leaked = names.Where(n => Bigrams(n).Any(b => examples!.Any(e => e.Contains(b, StringComparison.OrdinalIgnoreCase)))).ToList();
            Assert.That(leaked, Is.Empty, $"{language}: {leaked.Count} names with a piece in the examples");
            Assert.That(examples!.Any(e => e.Any(char.IsLetter)), Is.False, $"{language}: letters kept");
        }
    }

    [Test]
    public void Mask_DecomposedAccent_StaysInsideTheMask()
    {
        // "Noël" decomposed is N o e U+0308 l: the diaeresis once split the run and showed through.
        Assert.That(Masking.Mask("Noe\u0308l Mu\u0308ller"), Is.EqualTo("*** ***"));
    }
}
