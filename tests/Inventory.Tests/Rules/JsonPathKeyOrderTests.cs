using Inventory.Classification;
using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 23 finding: a JSON document column whose paths hold two subcategories of one top-level category (an e-mail and
/// a phone under a customer object) took the first path's subcategory in the documents' key order at scan time, but the
/// path with the most documents, then the first in ordinal order, once an annotation (even an empty `inventory annotate`
/// stub) named its paths: the stub changed the suggestion, and the engine's key order (PostgreSQL jsonb and MySQL JSON
/// reorder keys, json keeps them) changed the scan's answer. Both now apply <see cref="JsonPathText.MostIdentifying"/>.
/// Documents generated in bulk, keys in English, French, German and Spanish, both key orders.
/// </summary>
[TestFixture]
public sealed class JsonPathKeyOrderTests
{
    private static readonly IColumnClassifier Combined = ClassifierFactory.CreateDefault();

    private static readonly string[] Parents = ["customer", "billing_details", "client", "facturation", "kunde", "rechnung", "cliente", "facturacion"];
    private static readonly (string Email, string Phone)[] Keys =
        [("email", "phone"), ("courriel", "telephone"), ("mail", "mobile"), ("e_mail", "handy"), ("correo", "telefono"), ("adresse_mail", "portable")];
    private static readonly string[] Domains = ["example.com", "exemple.fr", "beispiel.de", "ejemplo.es"];

    private static string Phone(Random random) =>
        random.Next(2) == 0
            ? $"+33 6 {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}"
            : $"+34 6{random.Next(10, 99)} {random.Next(100, 999)} {random.Next(100, 999)}";

    private static ColumnEvidence Payload(int seed, bool emailFirst)
    {
        // The same documents for both key orders: the seed fixes every value.
        var random = new Random(seed);
        var parent = Parents[seed % Parents.Length];
        var (emailKey, phoneKey) = Keys[seed % Keys.Length];
        var documents = Enumerable.Range(0, 40).Select(i =>
        {
            var email = $"\"{emailKey}\":\"user{random.Next(1000, 99999)}@{Domains[random.Next(Domains.Length)]}\"";
            var phone = $"\"{phoneKey}\":\"{Phone(random)}\"";
            return $"{{\"{parent}\":{{{(emailFirst ? email + "," + phone : phone + "," + email)}}}}}";
        }).ToArray();
        return Some.Column("webhook_events", "payload", "json", documents);
    }

    [Test]
    public void JsonColumn_TwoSubcategoriesOfOneRank_KeyOrderDoesNotChangeTheCategory()
    {
        var differing = new List<string>();
        int contact = 0;
        for (int seed = 1; seed <= 120; seed++)
        {
            var emailFirst = Combined.Classify(Payload(seed, emailFirst: true));
            var phoneFirst = Combined.Classify(Payload(seed, emailFirst: false));
            if (emailFirst.DataCategory?.StartsWith("contact", StringComparison.Ordinal) == true) contact++;
            if (emailFirst.DataCategory != phoneFirst.DataCategory)
                differing.Add($"seed {seed}: {emailFirst.DataCategory} / {phoneFirst.DataCategory}");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(contact, Is.EqualTo(120), "every payload is read as contact data");
            Assert.That(differing, Is.Empty);
        }
    }

    [Test]
    public void JsonColumn_ScanCategory_IsWhatTheAnnotationMergeDerivesFromThePaths()
    {
        for (int seed = 1; seed <= 60; seed++)
        {
            var decision = Combined.Classify(Payload(seed, emailFirst: seed % 2 == 0));
            var summary = decision.JsonPaths!;
            var derived = JsonPathText.MostIdentifying(summary.Named.Where(p => p.DataCategory is not null)
                .Select(p => (p.DataCategory!, p.Documents, p.Path))
                .Concat(summary.Unnamed.Select(c => (c, 0, ""))));

            Assert.That(decision.DataCategory, Is.EqualTo(derived), $"seed {seed}");
        }
    }
}
