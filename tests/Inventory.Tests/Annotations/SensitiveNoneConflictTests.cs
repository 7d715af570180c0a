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
/// trial37 finding 4, generated in bulk: an annotation of <c>none</c> without a reason on a column whose name reads as a
/// special category (health, GDPR Art. 9), a national id or a date of birth is a conflict, as an e-mail column annotated
/// <c>none</c> is. No value detector counts those kinds (a diagnosis code or a birth date looks like any code or date),
/// so the name rule is the evidence; without it the most sensitive columns could be dropped from the record and from
/// every claim without a trace. Look-alikes (plain timestamps, statuses and codes of the same tables) annotated
/// <c>none</c> stay tagged; a reason confirms the decision; an annotation that keeps the category is no conflict.
/// Messages name the rule and the confidence, never a value.
/// </summary>
[TestFixture]
public sealed class SensitiveNoneConflictTests
{
    private static readonly IColumnClassifier Combined = ClassifierFactory.CreateDefault();

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string BirthDate(Random r) =>
        new DateTime(1940, 1, 1).AddDays(r.Next(0, 25_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Icd10(Random r) =>
        $"{(char)('A' + r.Next(26))}{r.Next(10)}{r.Next(10)}{(r.Next(2) == 0 ? "" : "." + r.Next(10).ToString(CultureInfo.InvariantCulture))}";

    // Sensitive kinds, four languages, with tables of people and values the detectors do not count.
    private static readonly (string Kind, string[] Tables, string[] Names, string Type, Func<Random, string> Value)[] Sensitive =
    [
        ("date of birth", ["patients", "contacts", "kunden", "clientes", "adherents", "members"],
            ["date_of_birth", "birth_date", "birthdate", "dob", "date_naissance", "date_de_naissance", "geburtsdatum", "fecha_nacimiento", "fecha_de_nacimiento"],
            "date", BirthDate),
        ("health", ["patients", "staff_absences", "arbeitsunfaehigkeiten", "pacientes", "consultations"],
            ["diagnosis", "diagnostic", "diagnose", "diagnostico", "medical_condition", "allergies", "krankheit", "maladie", "enfermedad"],
            "character varying(16)", Icd10),
    ];

    // Look-alikes of the same tables: none of them is a sensitive kind.
    private static readonly (string Kind, string[] Tables, string[] Names, string Type, Func<Random, string> Value)[] LookAlikes =
    [
        ("timestamp", ["patients", "contacts", "kunden", "clientes"], ["created_at", "updated_at", "fecha_alta", "date_creation", "erstellt_am"], "date", BirthDate),
        ("status", ["consultations", "staff_absences", "pacientes"], ["status", "statut", "estado", "state"], "character varying(16)",
            r => Pick(r, ["open", "closed", "pending", "cancelled"])),
        ("catalogue code", ["diagnosis_codes", "icd_codes", "codes_cim"], ["code", "parent_code", "chapter"], "character varying(16)", Icd10),
    ];

    /// <summary>Classifies <paramref name="count"/> generated columns of <paramref name="kinds"/>, one table each, and
    /// returns the inventory with the annotation file <paramref name="annotate"/> writes for each (null: no entry).</summary>
    private static (InventoryDocument Document, string Yaml, List<(string Column, ColumnClassification Classification)> Annotated) Build(
        int seed, int count, (string Kind, string[] Tables, string[] Names, string Type, Func<Random, string> Value)[] kinds,
        Func<ColumnClassification, string?> annotate)
    {
        var random = new Random(seed);
        var tables = new List<TableEntry>();
        var yaml = new StringBuilder();
        var annotated = new List<(string, ColumnClassification)>();
        for (int c = 0; c < count; c++)
        {
            var (_, tableNames, columnNames, type, generate) = kinds[c % kinds.Length];
            var table = $"{Pick(random, tableNames)}_{c}";
            var name = Pick(random, columnNames);
            int rows = random.Next(40, 300);
            var evidence = Inventory.Tests.Rules.Some.InTable(table, ["id", "last_name", name, "created_at"], name, type,
                Enumerable.Range(0, rows).Select(_ => generate(random)).ToArray());
            var classification = Combined.Classify(evidence);
            var entry = annotate(classification);
            if (entry is null) continue;
            tables.Add(Table(table, rows, Column(name, 1, type, DeclaredTypes.FamilyOf(type), classification, rows, rows)));
            yaml.Append(CultureInfo.InvariantCulture, $"---\ntable: {table}\ncolumns:\n  {name}: {entry}\n");
            annotated.Add(($"{table}.{name}", classification));
        }
        return (Document([.. tables]), yaml.ToString(), annotated);
    }


    private static bool SensitiveByName(ColumnClassification c) =>
        ContradictingEvidence.SensitiveName(c, "none", new MergeOptions().SensitiveNameConfidence) is not null;

    private static List<ColumnEntry> Conflicts(InventoryDocument document) =>
        document.AllColumns().Where(x => x.Column.Status == ColumnStatus.Conflict).Select(x => x.Column).ToList();

    [TestCase(1)]
    [TestCase(2)]
    public void SensitiveColumnsAnnotatedNone_AreConflictsNamingTheRule(int seed)
    {
        var (document, yaml, annotated) = Build(seed, 300, Sensitive, c => SensitiveByName(c) ? "none" : null);

        var result = MergeAnnotationText(document, yaml);

        // Most generated sensitive columns are suggested by a name rule at >= 0.6 (the rest get no entry here).
        Assert.That(annotated, Has.Count.GreaterThan(200), "sensitive columns read by a name rule at >= 0.6");
        Assert.That(result.Conflicts, Is.EqualTo(annotated.Count), "every one annotated none without a reason is a conflict");
        foreach (var column in Conflicts(document))
        {
            Assert.That(column.DataCategory, Is.EqualTo("none"), "the column keeps the human category");
            Assert.That(column.Conflict, Does.Match(@"^annotated none, but its name reads as (health data \(GDPR Art\. 9\)|dates of birth) \(name\.[a-z]+\.[a-z0-9-]+, suggested other_personal\.(health|date_of_birth) at (0\.[6-9]\d|1\.00)\) and no value test can refute it$"),
                column.Name);
        }
    }

    [TestCase(3)]
    public void SensitiveColumnsAnnotatedNoneWithAReason_OrWithTheirCategory_AreNoConflict(int seed)
    {
        var (withReason, yaml, annotated) = Build(seed, 200, Sensitive,
            c => SensitiveByName(c) ? "{ category: none, reason: \"an empty legacy column, reviewed\" }" : null);
        var (kept, keptYaml, keptAnnotated) = Build(seed, 200, Sensitive, c => SensitiveByName(c) ? c.DataCategory : null);

        var reasonResult = MergeAnnotationText(withReason, yaml);
        var keptResult = MergeAnnotationText(kept, keptYaml);

        Assert.That(annotated, Has.Count.GreaterThan(130));
        Assert.That(keptAnnotated, Has.Count.EqualTo(annotated.Count));
        Assert.That(reasonResult.Conflicts, Is.Zero, "a reason confirms the decision");
        Assert.That(reasonResult.Tagged, Is.EqualTo(annotated.Count));
        Assert.That(keptResult.Conflicts, Is.Zero, "an annotation that keeps the suggested category");
    }

    [TestCase(4)]
    [TestCase(5)]
    public void LookAlikesOfTheSameTablesAnnotatedNone_StayTagged(int seed)
    {
        var (document, yaml, annotated) = Build(seed, 300, LookAlikes, _ => "none");

        var result = MergeAnnotationText(document, yaml);

        Assert.That(annotated, Has.Count.EqualTo(300));
        var wrong = Conflicts(document).Select(c => $"{c.Name}: {c.Conflict}").ToList();
        Assert.That(wrong, Is.Empty, string.Join("; ", wrong.Take(5)));
        Assert.That(result.Tagged, Is.EqualTo(300));
    }

    [Test]
    public void AModelOnlySuggestionOrALowConfidence_DoesNotContradict()
    {
        var byModel = new ColumnClassification
        {
            DataCategory = "other_personal.health", Confidence = 0.95, Origin = Origin.Model,
            Evidence = [new EvidenceItem("model", "model.column", "other_personal.health", Score: 0.95)],
        };
        var weakRule = new ColumnClassification
        {
            DataCategory = "other_personal.date_of_birth", Confidence = 0.59,
            Evidence = [new EvidenceItem("name-rule", "name.en.birth-date", "other_personal.date_of_birth", Score: 0.9)],
        };
        var strongRule = weakRule with { Confidence = 0.6 };

        Assert.That(ContradictingEvidence.SensitiveName(byModel, "none", 0.6), Is.Null, "no name rule of that category");
        Assert.That(ContradictingEvidence.SensitiveName(weakRule, "none", 0.6), Is.Null, "under the confidence");
        Assert.That(ContradictingEvidence.SensitiveName(strongRule, "none", 0.6)?.Id, Is.EqualTo("name.en.birth-date"));
        Assert.That(ContradictingEvidence.SensitiveName(strongRule, "contact.name", 0.6), Is.Null, "only a none is contradicted");
    }
}
