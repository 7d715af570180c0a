using Bogus;
using Inventory.Catalog;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Kind: a job title is employment, not a person's name (LABELS.md: job title → <c>other_personal.employment</c>). The
/// person-name detector reads shape only, and capitalised job titles share it (<c>CTO</c>, <c>Developer</c>,
/// <c>Senior Markets Designer</c>, <c>Directeur Général</c>, <c>Jefe de Ventas</c>); trial41 M1: a contacts table's
/// <c>title</c> of job titles read 18/25 as names and was suggested <c>contact.name</c> at 0.88. Generated in bulk: Bogus's
/// English job titles and titles built from French, German and Spanish job nouns, departments and seniority; people's
/// names of eight Bogus locales (occupational family names among them) must stay names. Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class JobTitlesAreNotNamesAdversarialTests : GeneratedNameFixture
{
    private const string PersonName = "detector.person-name";

    private static readonly string[] Seniority = ["Senior", "Junior", "Lead", "Principal", "Chief", "Head", "Assistant", "Deputy"];
    private static readonly string[] Departments = ["Sales", "Marketing", "Finance", "Operations", "Product", "Engineering", "Support", "Data", "Security", "Legal", "HR", "IT"];
    private static readonly string[] EnglishNouns = ["Manager", "Director", "Engineer", "Developer", "Officer", "Analyst", "Consultant", "Designer", "Accountant", "Administrator", "Architect", "Specialist", "Coordinator", "Intern", "Recruiter"];
    private static readonly string[] Acronyms = ["CEO", "CTO", "CFO", "COO", "CIO", "CMO", "CPO", "CISO", "DPO", "VP"];
    private static readonly string[] FrenchTitles = ["Directeur", "Directrice", "Gérant", "Ingénieur", "Développeuse", "Comptable", "Stagiaire", "Responsable", "Chef", "Chargée", "Technicien", "Secrétaire", "Conseillère", "Adjoint"];
    private static readonly string[] FrenchQualifiers = ["Général", "Commercial", "Financier", "Technique", "Marketing", "Juridique", "Administratif", "Informatique"];
    private static readonly string[] GermanTitles = ["Geschäftsführer", "Geschäftsführerin", "Leiterin", "Entwickler", "Entwicklerin", "Berater", "Buchhalterin", "Praktikant", "Sachbearbeiter", "Teamleiter", "Projektleiterin", "Werkstudent", "Referentin", "Vertriebsleiter"];
    private static readonly string[] GermanQualifiers = ["Vertrieb", "Marketing", "Finanzen", "Einkauf", "Personal", "Technik", "Controlling"];
    private static readonly string[] SpanishTitles = ["Director", "Directora", "Gerente", "Ingeniero", "Desarrolladora", "Contable", "Jefe", "Jefa", "Asesor", "Becaria", "Vendedor", "Administrativo", "Analista", "Coordinadora", "Encargado"];
    private static readonly string[] SpanishQualifiers = ["de Ventas", "de Compras", "Comercial", "Financiero", "de Marketing", "de Proyecto", "Técnico", "General"];

    private static string JobTitle(Random random, Faker faker) => random.Next(8) switch
    {
        0 => faker.Name.JobTitle(),
        1 => Pick(random, Acronyms),
        2 => $"{Pick(random, Acronyms)} {Pick(random, Departments)}",
        3 => $"{Pick(random, Seniority)} {Pick(random, Departments)} {Pick(random, EnglishNouns)}",
        4 => random.Next(2) == 0 ? Pick(random, EnglishNouns) : $"{Pick(random, Departments)} {Pick(random, EnglishNouns)}",
        5 => random.Next(2) == 0 ? Pick(random, FrenchTitles) : $"{Pick(random, FrenchTitles)} {Pick(random, FrenchQualifiers)}",
        6 => random.Next(2) == 0 ? Pick(random, GermanTitles) : $"{Pick(random, GermanTitles)} {Pick(random, GermanQualifiers)}",
        _ => random.Next(2) == 0 ? Pick(random, SpanishTitles) : $"{Pick(random, SpanishTitles)} {Pick(random, SpanishQualifiers)}",
    };

    [Test]
    public void JobTitles_AreNotPersonNames()
    {
        // Given 6,000 job titles in four languages (Bogus's English titles and built ones), in three cases
        var random = new Random(41);
        var faker = new Faker("en") { Random = new Randomizer(41) };
        var titles = Enumerable.Range(0, 6_000).Select(_ =>
        {
            var title = JobTitle(random, faker);
            return random.Next(5) == 0 ? title.ToUpperInvariant() : title;
        }).ToArray();
        // When the person-name detector reads each one
        var taken = titles.Where(t => DetectorSuite.Default.IsMatch(PersonName, t, TypeFamily.Text)).Distinct().ToArray();
        // Then none is a person's name
        Assert.That(taken, Is.Empty, $"{taken.Length} job titles read as names: {string.Join(", ", taken.Take(20))}");
    }

    [Test]
    public void PeoplesNames_OfEightLocales_AreNeverTakenForAJob()
    {
        // Given 8,000 people's names of the rules' four languages and their regional variants, in the orders columns hold
        var random = new Random(7);
        var names = new List<string>();
        foreach (var locale in FakerLocales)
        {
            var faker = new Faker(locale) { Random = new Randomizer(random.Next()) };
            for (int i = 0; i < 1_000; i++)
                names.Add((i % 4) switch
                {
                    0 => faker.Name.FullName(),
                    1 => faker.Name.LastName(),
                    2 => faker.Name.FirstName(),
                    _ => $"{faker.Name.LastName()}, {faker.Name.FirstName()}",
                });
        }
        // When the job reading looks at each one
        var taken = names.Where(n => PersonNameDetector.NamesAJob(n)).Distinct().ToArray();
        // Then none reads as a job title
        Assert.That(taken, Is.Empty, $"{taken.Length} names read as job titles: {string.Join(", ", taken.Take(20))}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void JobTitleColumnsOfContacts_AreNeverAPersonsName(int seed)
    {
        // Given a contacts or employees table whose job-title column (in the four languages) holds job titles
        var random = new Random(seed);
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        string[] tables = ["customer_contacts", "contacts", "employees", "staff", "contacts_clients", "mitarbeiter", "empleados"];
        string[] siblings = ["id", "first_name", "last_name", "email", "phone"];
        // (A bare `title` of a person's table is read by its name as the salutation, contact.name, whatever it holds: the
        // name rule's reading, left as it is; the detector no longer adds to it, JobTitles_AreNotPersonNames.)
        string[] columns = ["job_title", "position", "role", "fonction", "poste", "berufsbezeichnung", "stellung", "cargo", "puesto"];
        const int count = 300;
        var wrong = new List<string>();
        for (int i = 0; i < count; i++)
        {
            var column = NeutralColumn(random, tables, siblings, columns, r => JobTitle(r, faker), rows: 25);
            var decision = Combined.Classify(column);
            // Then the column is never a person's name, and the name detector never speaks for it
            if (decision.DataCategory == "contact.name" || decision.Evidence.Any(e => e.Id == PersonName && e.Matched is > 0))
                wrong.Add($"{column.Table}.{column.Column.Name} → {decision.DataCategory}");
        }
        AssertNoneWrong(wrong, count, "job titles read as a person's name");
    }
}
