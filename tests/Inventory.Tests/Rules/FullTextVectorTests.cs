using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// PostgreSQL <c>tsvector</c> columns (trial 32 part 2: a vector built from names and messages was <c>none</c>): a
/// full-text vector holds the words of the text it indexes, so it is that text's data in another form; with no name
/// saying its source it is read as users' text (<c>customer_content.message</c>, LABELS.md tie-breakers 6 and 9) with the
/// e-mail addresses its lexemes keep whole as "also contains". Vectors generated in bulk from words of four languages.
/// </summary>
[TestFixture]
public sealed class FullTextVectorTests : GeneratedNameFixture
{
    private static readonly string[] Words =
        ["bonjour", "commande", "livraison", "merci", "retard", "hallo", "bestellung", "lieferung", "danke", "hola", "pedido", "entrega",
         "gracias", "hello", "order", "deliveri", "thank", "jean", "martin", "anna", "muller", "lucia", "garcia", "factur", "rechnung", "o'brien"];
    private static readonly string[] Names = ["search_vector", "tsv", "document_tsv", "fts", "recherche", "vecteur_recherche", "suchvektor", "vector_busqueda", "textsearch", "idx_contenu"];
    private static readonly string[] Tables = ["messages", "tickets", "commentaires", "nachrichten", "comentarios", "notes", "documents", "clients"];

    private static string Vector(Random random, bool withEmail)
    {
        var lexemes = Enumerable.Range(0, random.Next(3, 14)).Select(_ => Pick(random, Words)).Distinct(StringComparer.Ordinal).ToList();
        if (withEmail) lexemes.Add($"{Pick(random, Words).Replace("'", "", StringComparison.Ordinal)}{random.Next(1, 999)}@{Pick(random, ["example.com", "exemple.fr", "beispiel.de"])}");
        lexemes.Sort(StringComparer.Ordinal);
        return string.Join(' ', lexemes.Select((l, i) => $"'{l.Replace("'", "''", StringComparison.Ordinal)}':{i + 1}{(i % 3 == 0 ? "A" : "")}"));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void TsvectorColumns_ReadAsTheTextTheyIndex(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            bool emails = c % 2 == 0;
            var values = Enumerable.Range(0, random.Next(5, 60)).Select(_ => Vector(random, emails)).ToArray();
            var column = Some.Column(Pick(random, Tables), Pick(random, Names), Pick(random, ["tsvector", "pg_catalog.tsvector", "TSVECTOR"]), values);
            var decision = Combined.Classify(column);
            if (decision.DataCategory != "customer_content.message" || emails != decision.AlsoContains.Contains("contact.email"))
                wrong.Add($"{column.Table}.{column.Column.Name} emails={emails} → {decision.DataCategory} also [{string.Join(",", decision.AlsoContains)}]");
        }
        AssertNoneWrong(wrong, 200, "tsvector columns not read as the text they index");
    }

    [TestCase("'jean':1 'martin':2A", new[] { "jean", "martin" })]
    [TestCase("'o''brien':3 'it\\'s':1,2", new[] { "o'brien", "it's" })]
    [TestCase("'a' 'b'", new[] { "a", "b" })]
    [TestCase("'unclosed", new string[0])]
    [TestCase("plain text", new string[0])]
    public void Lexemes_TextForm(string vector, string[] expected) =>
        Assert.That(FullTextVector.Lexemes([vector]), Is.EqualTo(expected));
}
