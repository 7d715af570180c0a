using System.Globalization;
using System.Text;
using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using NUnit.Framework;
using static Inventory.Tests.Annotations.CaseInventories;

namespace Inventory.Tests.Annotations;

/// <summary>
/// Trial 17 finding 8, generated in bulk: an annotation that says what the classifier itself concluded from the sampled
/// values is not contradicted by them. Columns whose values a detector of another category matches, and which the
/// classifier (having weighed that evidence) still gives another category (push tokens under device-id names: secret
/// tokens; tax numbers under tax names and Unix times under time names: digit runs a phone plan accepts), were put in
/// conflict when a stub was filled with the suggestion. Contrary evidence still raises a conflict when the classifier
/// agrees with the evidence (e-mails annotated <c>none</c>). Only counts are asserted; messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class OwnSuggestionConflictTests
{
    private static readonly IColumnClassifier Combined = ClassifierFactory.CreateDefault();

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Alphanumeric(Random random, int length, string alphabet) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));

    private const string Hex = "0123456789abcdef";
    private const string Base62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // Kinds whose values a detector of another top level matches, with names that say what they are.
    private static readonly (string Kind, string[] Tables, string[] Names, string Type, Func<Random, string> Value)[] Kinds =
    [
        ("push-token", ["devices", "user_devices", "push_subscriptions"], ["push_token", "device_token", "fcm_token", "apns_token"], "text",
            r => r.Next(2) == 0 ? Alphanumeric(r, 64, Hex) : Alphanumeric(r, 40, Base62) + ":" + Alphanumeric(r, 20, Base62)),
        ("tax-number", ["employees", "mitarbeiter", "suppliers"], ["steuernummer", "tax_number", "tax_id", "steuer_nr"], "character varying(11)",
            r => r.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture)),
        ("unix-time", ["events", "page_views", "audit_log"], ["occurred_ts", "event_time_unix", "created_epoch", "ts"], "text",
            r => r.NextInt64(1_500_000_000, 1_760_000_000).ToString(CultureInfo.InvariantCulture)),
        ("order-number", ["orders", "shipments"], ["order_number", "tracking_number", "shipment_no"], "character varying(20)",
            r => r.NextInt64(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture)),
        ("e-mail", ["members", "contacts"], ["backup_email", "email", "notify_to"], "text",
            r => $"{Alphanumeric(r, 6, "abcdefghij")}{r.Next(100)}@example.org"),
    ];

    /// <summary>Classifies <paramref name="count"/> generated columns, one table each, and returns the inventory with the
    /// annotation file that gives each column <paramref name="annotate"/>(its classification).</summary>
    private static (InventoryDocument Document, string Yaml, List<string> Columns) Build(int seed, int count, Func<ColumnClassification, string?> annotate)
    {
        var random = new Random(seed);
        var tables = new List<TableEntry>();
        var yaml = new StringBuilder();
        var names = new List<string>();
        for (int c = 0; c < count; c++)
        {
            var (kind, tableNames, columnNames, type, generate) = Kinds[c % Kinds.Length];
            var table = $"{Pick(random, tableNames)}_{c}";
            var name = Pick(random, columnNames);
            int rows = random.Next(50, 400);
            var evidence = Inventory.Tests.Rules.Some.InTable(table, ["id", name, "created_at"], name, type, Enumerable.Range(0, rows).Select(_ => generate(random)).ToArray());
            var classification = Combined.Classify(evidence);
            var category = annotate(classification);
            if (category is null) continue;
            tables.Add(Table(table, rows, Column(name, 1, type, DeclaredTypes.FamilyOf(type), classification, rows, rows)));
            yaml.Append(CultureInfo.InvariantCulture, $"---\ntable: {table}\ncolumns:\n  {name}: {category}\n");
            names.Add($"{table}.{name} ({kind}) annotated {category}");
        }
        return (Document([.. tables]), yaml.ToString(), names);
    }


    [TestCase(1)]
    [TestCase(2)]
    public void AnnotationEqualToTheSuggestion_IsNeverAConflict(int seed)
    {
        var (document, yaml, columns) = Build(seed, 150, c => c.DataCategory);

        var result = MergeAnnotationText(document, yaml);

        var conflicts = document.AllColumns().Where(x => x.Column.Status == ColumnStatus.Conflict)
            .Select(x => $"{x.Table.QualifiedName}.{x.Column.Name}: {x.Column.Conflict}").ToList();
        Assert.That(columns, Has.Count.GreaterThan(100), "annotated columns");
        Assert.That(conflicts, Is.Empty, $"{conflicts.Count} of {columns.Count} stubs filled with their own suggestion in conflict: {string.Join("; ", conflicts.Take(10))}");
        Assert.That(result.Conflicts, Is.Zero);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AnnotationAgainstEvidenceTheClassifierFollowed_IsStillAConflict(int seed)
    {
        // Only the e-mail kind: the classifier follows detector.email, and the annotation says none.
        var (emails, yaml, columns) = Build(seed, 150, c => c.DataCategory == "contact.email" ? "none" : null);

        var result = MergeAnnotationText(emails, yaml);

        Assert.That(columns, Has.Count.GreaterThan(20), "e-mail columns annotated none");
        Assert.That(result.Conflicts, Is.EqualTo(columns.Count), "every e-mail column annotated none is a conflict");
    }
}
