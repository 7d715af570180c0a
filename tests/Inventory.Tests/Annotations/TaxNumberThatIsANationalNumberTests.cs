using System.Globalization;
using System.Text;
using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Tests.Support;
using NUnit.Framework;
using static Inventory.Tests.Annotations.CaseInventories;

namespace Inventory.Tests.Annotations;

/// <summary>
/// Trial44 finding 2, generated in bulk: a person's tax number that is their national number (Spanish NIF as a DNI or
/// NIE, German Steuer-IdNr, Italian codice fiscale, Belgian national register number, Dutch BSN, US SSN) annotated
/// <c>financial.tax_id</c>, as LABELS.md labels a tax ID, is not contradicted by <c>detector.national-id</c> hits: it
/// was a conflict, which failed the gate and kept the label out of <c>export</c>. Look-alikes keep their conflict: the
/// same values annotated <c>none</c> or <c>contact.email</c>, and e-mails annotated <c>financial.tax_id</c>. Only counts are
/// asserted; messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class TaxNumberThatIsANationalNumberTests
{
    private static readonly IColumnClassifier Combined = ClassifierFactory.CreateDefault();

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static readonly (string[] Tables, string[] Names, Func<Random, string> Value)[] Kinds =
    [
        (["profesionales", "pacientes", "empleados", "clientes"], ["nif", "nif_nie", "numero_fiscal", "nif_titular", "identificacion_fiscal"], CheckedNumbers.SpanishDniOrNie),
        (["mitarbeiter", "personal", "kunden", "beschaeftigte"], ["steuer_id", "steuerid", "steuer_identifikationsnummer", "steueridnr", "idnr"], CheckedNumbers.GermanTaxId),
        (["dipendenti", "clienti", "pazienti"], ["codice_fiscale", "cod_fiscale", "codicefiscale"], CheckedNumbers.ItalianCodiceFiscale),
        (["employees", "werknemers", "klanten"], ["tax_id", "fiscaal_nummer", "tin", "taxpayer_id"], r => r.Next(2) == 0 ? CheckedNumbers.DutchBsn(r) : CheckedNumbers.BelgianNationalNumber(r)),
        (["contractors", "payees", "employees"], ["tin", "tax_id", "taxpayer_identification_number"], CheckedNumbers.UsSsn),
    ];

    /// <summary>Classifies <paramref name="count"/> generated columns, one table each, and returns the inventory with the
    /// annotation file that gives each column <paramref name="category"/>, and how many held national-id hits.</summary>
    private static (InventoryDocument Document, string Yaml, int WithHits) Build(int seed, int count, string category, Func<Random, string>? value = null)
    {
        var random = new Random(seed);
        var tables = new List<TableEntry>();
        var yaml = new StringBuilder();
        int withHits = 0;
        for (int c = 0; c < count; c++)
        {
            var (tableNames, columnNames, generate) = Kinds[c % Kinds.Length];
            var table = $"{Pick(random, tableNames)}_{c}";
            var name = Pick(random, columnNames);
            const string type = "character varying(16)";
            int rows = random.Next(40, 300);
            var evidence = Inventory.Tests.Rules.Some.InTable(table, ["id", "nombre", name, "created_at"], name, type,
                Enumerable.Range(0, rows).Select(_ => (value ?? generate)(random)).ToArray());
            var classification = Combined.Classify(evidence);
            if (classification.Evidence.Any(e => e.Id == "detector.national-id" && e.Matched > 0)) withHits++;
            tables.Add(Table(table, rows, Column(name, 1, type, DeclaredTypes.FamilyOf(type), classification, rows, rows)));
            yaml.Append(CultureInfo.InvariantCulture, $"---\ntable: {table}\ncolumns:\n  {name}: {category}\n");
        }
        return (Document([.. tables]), yaml.ToString(), withHits);
    }

    private static List<string> Conflicts(InventoryDocument document) => document.AllColumns()
        .Where(x => x.Column.Status == ColumnStatus.Conflict).Select(x => $"{x.Table.QualifiedName}.{x.Column.Name}: {x.Column.Conflict}").ToList();

    [TestCase(1)]
    [TestCase(2)]
    public void NationalNumbersAnnotatedAsTaxIds_AreNoConflict(int seed)
    {
        var (document, yaml, withHits) = Build(seed, 200, "financial.tax_id");
        MergeAnnotationText(document, yaml);
        Assert.That(withHits, Is.GreaterThan(150), "columns whose values detector.national-id validates");
        var conflicts = Conflicts(document);
        Assert.That(conflicts, Is.Empty, $"{conflicts.Count} of 200 tax-number columns annotated financial.tax_id in conflict: {string.Join("; ", conflicts.Take(8))}");
    }

    [TestCase(1, "none")]
    [TestCase(2, "contact.email")]
    public void NationalNumbersAnnotatedOtherwise_StayConflicts(int seed, string category)
    {
        var (document, yaml, withHits) = Build(seed, 200, category);
        var result = MergeAnnotationText(document, yaml);
        Assert.That(withHits, Is.GreaterThan(150));
        // The same columns annotated financial.tax_id are no conflict at all (the test above); annotated otherwise, the
        // national numbers still contradict the annotation wherever enough values pass their checks.
        Assert.That(result.Conflicts, Is.GreaterThan(withHits * 3 / 4), $"national numbers annotated {category} are conflicts");
    }

    [Test]
    public void EmailsAnnotatedAsTaxIds_StayConflicts()
    {
        var (document, yaml, _) = Build(3, 100, "financial.tax_id", r => $"contact{r.Next(10_000)}@example.org");
        var result = MergeAnnotationText(document, yaml);
        Assert.That(result.Conflicts, Is.EqualTo(100));
    }
}
