using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 31: a PaaS host's column of application domains (lower-case labels joined by hyphens and dots) was read by the
/// person-name detector as names in every row, suggested <c>contact.name</c> above the accepted confidence, and its
/// <c>none</c> annotation raised a conflict that failed the gate. The kind, generated in bulk from words of English,
/// French, German and Spanish, hyphenated and dotted as hosts are, under neutral column names of the four languages:
/// host and domain names are never person names, value by value or as a column; names keep matching (initials,
/// hyphens, apostrophes, all-caps and lower-case exports). Only kinds and counts are asserted, never a row.
/// </summary>
[TestFixture]
public sealed class HostNameValuesAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] Words =
    [
        "shop", "blog", "api", "crm", "wiki", "store", "app", "portal", "cloud", "studio", "agency", "news",
        "boutique", "boulangerie", "atelier", "cabinet", "agence", "fromagerie", "librairie", "dupont", "garage",
        "baeckerei", "laden", "praxis", "kanzlei", "werkstatt", "mueller", "schmidt", "verein",
        "tienda", "panaderia", "taller", "clinica", "libreria", "garcia", "lopez", "despacho",
    ];
    private static readonly string[] TopLevels = ["fr", "com", "io", "eu", "de", "es", "net", "org", "be", "ch", "cloud", "dev", "app", "shop"];

    /// <summary>A host or domain name: one to three labels of words (hyphenated, sometimes with a random suffix) and a
    /// top-level domain, sometimes behind a <c>www.</c> or an environment label.</summary>
    internal static string HostName(Random random)
    {
        string Label()
        {
            var label = Pick(random, Words);
            if (random.Next(2) == 0) label += "-" + Pick(random, Words);
            if (random.Next(3) == 0) label += "-" + new string(Enumerable.Range(0, 5).Select(_ => (char)('a' + random.Next(26))).ToArray());
            return label;
        }
        var prefix = random.Next(4) switch { 0 => "www.", 1 => Pick(random, ["staging.", "preprod.", "api.", "mail."]), _ => "" };
        var labels = random.Next(3) == 0 ? $"{Label()}.{Label()}" : Label();
        return $"{prefix}{labels}.{Pick(random, TopLevels)}";
    }

    [TestCase(1)]
    [TestCase(2)]
    public void HostNames_AreNeverPersonNames(int seed)
    {
        var random = new Random(seed);
        int hits = 0;
        const int count = 5000;
        for (int i = 0; i < count; i++)
            if (Rules.Detectors.IsMatch("detector.person-name", HostName(random), TypeFamily.Text)) hits++;
        Assert.That(hits, Is.Zero, $"{hits} of {count} generated host names read as person names");
    }

    [TestCase("Jean-Pierre Dupont")]
    [TestCase("J. R. Tolkien")]
    [TestCase("O'Neil")]
    [TestCase("MÜLLER, GÜNTHER")]
    [TestCase("maría lópez")]
    [TestCase("jean-pierre")]
    [TestCase("St. John")]
    [TestCase("Dupont J.-P.")]
    public void PersonNames_StillMatch(string name) =>
        Assert.That(Rules.Detectors.IsMatch("detector.person-name", name, TypeFamily.Text), Is.True);

    private static readonly string[] ColumnNames =
    [
        "domain", "hostname", "host", "fqdn", "custom_domain", "site",
        "domaine", "nom_de_domaine", "hote", "domaine_perso", "adresse_site",
        "domaene", "hostname_kunde", "rechnername", "eigene_domain",
        "dominio", "nombre_host", "dominio_propio", "servidor",
    ];
    private static readonly (string Table, string[] Siblings)[] Tables =
    [
        ("applications", ["id", "owner_id", "name", "region", "created_at"]),
        ("applications", ["id", "proprietaire_id", "nom_app", "region", "cree_le"]),
        ("anwendungen", ["id", "besitzer_id", "name", "region", "erstellt_am"]),
        ("aplicaciones", ["id", "propietario_id", "nombre", "region", "creado_en"]),
        ("sites", ["id", "customer_id", "plan", "tls_enabled"]),
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void ColumnsOfHostNames_AreNeverContactNames(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(string Where, ColumnEvidence Evidence)>();
        for (int i = 0; i < 120; i++)
        {
            var (table, siblings) = Tables[random.Next(Tables.Length)];
            var name = AdversarialColumns.Styled(random, Pick(random, ColumnNames));
            var type = Pick(random, EngineTextTypes);
            var values = Enumerable.Range(0, random.Next(40, 300)).Select(_ => HostName(random)).ToArray();
            columns.Add(($"{table}.{name} ({type})", Some.InTable(table, siblings, name, type, values)));
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Evidence).ToArray());
        var rules = Rules.ClassifyMany(columns.Select(c => c.Evidence).ToArray());
        var wrong = columns.Zip(decisions, rules)
            .Where(x => x.Second.DataCategory == "contact.name" || x.Third.DataCategory == "contact.name")
            .Select(x => $"{x.First.Where} → {x.Second.DataCategory} (rules {x.Third.DataCategory})")
            .ToList();
        TestContext.Out.WriteLine($"host-name columns: {wrong.Count} of {columns.Count} took contact.name");
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {columns.Count} host-name columns took contact.name; e.g. {string.Join("; ", wrong.Take(10))}");
    }
}
