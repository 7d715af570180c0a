using System.Globalization;
using System.Text.Json;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// JSON columns whose documents are lists of records (<c>[{"filename": …, "size": …, "uploaded_by": …}, …]</c>: attachments,
/// participants, line items), generated in bulk under names of four languages (en, fr, de, es). Their records' keys repeat
/// on every row, so they are structured payloads whose paths decide (C28), not "documents users write whose keys change
/// from row to row"; lists of records whose keys do change by row stay customer content. Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class JsonRecordListAdversarialTests : GeneratedNameFixture
{
    // Column and table names of lists of records, en / fr / de / es.
    private static readonly string[] ColumnNames =
    [
        "attachments", "participants", "items", "recipients", "files",
        "pieces_jointes", "participants_json", "destinataires", "fichiers",
        "anhaenge", "teilnehmerliste", "empfaenger", "dateien",
        "adjuntos", "participantes", "destinatarios", "archivos",
    ];
    private static readonly string[] TableNames = ["tickets", "demandes", "anfragen", "solicitudes", "messages", "envois", "sendungen", "envios"];

    // Keys no name rule knows, so the values decide.
    private static readonly string[] NeutralKeys = ["a", "b", "k1", "k2", "x", "v", "n", "ref", "seq", "slot"];

    private static string Email(Random random) => NestedValueAdversarialTests.Email(random);

    /// <summary>A column of lists of one to four records sharing one key set; the record's <paramref name="emailKey"/> holds
    /// an e-mail address, the others numbers and labels.</summary>
    private static string[] RecordLists(Random random, string emailKey, string[] otherKeys, int rows) =>
        Enumerable.Range(0, rows).Select(_ => JsonSerializer.Serialize(Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
        {
            var record = new Dictionary<string, object>(StringComparer.Ordinal) { [emailKey] = Email(random) };
            foreach (var key in otherKeys)
                record[key] = random.Next(2) == 0 ? random.Next(1, 99_999) : Pick(random, ["pdf", "png", "draft", "final", "ok"]);
            return record;
        }).ToArray())).ToArray();

    [TestCase(1)]
    [TestCase(2)]
    public void JsonListsOfRecordsWithStableKeys_ArePayloadsWhosePathsDecide(int seed)
    {
        var random = new Random(seed);
        int contact = 0, varying = 0, columns = 400;
        for (int c = 0; c < columns; c++)
        {
            var keys = NeutralKeys.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray();
            var values = RecordLists(random, keys[0] + "_" + random.Next(9).ToString(CultureInfo.InvariantCulture), keys[1..], 40);
            var decision = Rules.Classify(Some.Column(Pick(random, TableNames), Pick(random, ColumnNames), Pick(random, ["jsonb", "json", "longtext", "text"]), values));
            if (decision.DataCategory is { } d && DataCategory.TopLevelOf(d) == "contact") contact++;
            if (decision.Evidence.Any(e => e.Id == "sample.json-varying-keys")) varying++;
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That((double)contact / columns, Is.GreaterThanOrEqualTo(0.99), $"{contact} of {columns} lists of records decided by their e-mail path");
            Assert.That(varying, Is.Zero, "lists of records with stable keys called documents whose keys change by row");
        }
    }

    [TestCase(1)]
    public void JsonListsOfRecordsWithStableKeys_DefaultClassifierFollowsThePaths(int seed)
    {
        // The whole classifier (model and rules) as a scan runs it: the payload's most identifying path, not customer content.
        var random = new Random(seed);
        int contentOrNone = 0, columns = 200;
        for (int c = 0; c < columns; c++)
        {
            var keys = NeutralKeys.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToArray();
            var values = RecordLists(random, keys[0], keys[1..], 40);
            var category = Combined.Classify(Some.Column(Pick(random, TableNames), Pick(random, ColumnNames), Pick(random, ["jsonb", "json", "longtext"]), values)).DataCategory;
            if (category is null || DataCategory.TopLevelOf(category) is "customer_content" or "none") contentOrNone++;
        }
        Assert.That((double)contentOrNone / columns, Is.LessThanOrEqualTo(0.02), $"{contentOrNone} of {columns} lists of e-mail records called content or none");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void JsonListsOfRecordsWhoseKeysChangeByRow_StayCustomerContent(int seed)
    {
        // Lists of blocks a user builds: each row's records have their own keys (en, fr, de, es words).
        var random = new Random(seed);
        string[] keys = ["recipe", "steps", "recette", "etapes", "rezept", "schritte", "receta", "pasos", "poem", "poeme", "gedicht",
            "poema", "budget", "haushalt", "presupuesto", "garden", "jardin", "garten", "huerto", "song", "chanson", "lied", "cancion"];
        string[] words = ["mix", "rest", "bake", "mélanger", "backen", "hornear", "water the plants", "arroser", "gießen", "regar"];
        int content = 0, columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var values = Enumerable.Range(0, 40).Select(_ => JsonSerializer.Serialize(Enumerable.Range(0, random.Next(1, 3)).Select(_ =>
                Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(random, keys)).Distinct(StringComparer.Ordinal)
                    .ToDictionary(k => k, _ => Pick(random, words), StringComparer.Ordinal)).ToArray())).ToArray();
            var decision = Rules.Classify(Some.Column(Pick(random, ["tenant_document", "dokument", "documento", "document_client"]), Pick(random, ["blocks", "blocs", "bloecke", "bloques"]), "jsonb", values));
            if (decision.DataCategory is { } d && DataCategory.TopLevelOf(d) == "customer_content") content++;
        }
        Assert.That((double)content / columns, Is.GreaterThanOrEqualTo(0.99), $"{content} of {columns} lists of user blocks called customer content");
    }

    [Test]
    public void Paths_ListsOfRecordsAndKeylessDocuments_TopKeyShareCountsTheRecordsKeys()
    {
        var records = Enumerable.Range(0, 20).Select(i => $$"""[{"name": "f{{i}}.pdf", "size": {{i}}}, {"name": "g.png", "size": 2}]""").ToArray();
        var nested = Enumerable.Range(0, 20).Select(i => $"[[{i}, 2], [3, 4]]").ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonValues.Paths(records).TopKeyShare, Is.EqualTo(1.0), "every list's records hold 'name' and 'size'");
            Assert.That(JsonValues.Paths(nested).TopKeyShare, Is.EqualTo(1.0), "no document holds a key: nothing changes by row");
            Assert.That(JsonValues.Paths(["""{"a": 1}""", """{"b": 1}""", """{"c": 1}""", """{"d": 1}"""]).TopKeyShare, Is.EqualTo(0.25));
        }
    }
}
