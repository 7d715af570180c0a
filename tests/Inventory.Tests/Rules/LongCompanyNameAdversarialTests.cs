using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Company names long enough to look like prose (four words and twenty characters: <c>Société Nouvelle des Transports
/// Martin SAS</c>) under a column named as a company's name are company names (LABELS.md <c>contact.company_name</c>), not
/// users' free text: the legal form that closes most of them is their own proof (trial 27, reports25: a French
/// <c>raison_sociale</c> was a conflict, 29 of 30 values read as messages). Generated in bulk in English, French, German
/// and Spanish, with the look-alike that must not move: prose that mentions companies in a ticket's body stays a
/// message. Failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class LongCompanyNameAdversarialTests : GeneratedNameFixture
{
    private static readonly Dictionary<string, (string[] Columns, string[] Tables, string[] Openings, string[] Trades, string[] Forms)> Languages = new()
    {
        ["en"] = (["company_name", "companyName", "legal_name", "organisation_name", "business_name", "COMPANY_NAME"],
            ["organisations", "companies", "customers", "accounts", "suppliers"],
            ["The", "United", "General", "First", "Northern", "Royal"],
            ["Freight and Logistics", "Building Services", "Software Consulting", "Farm Supplies", "Dental Care Group", "Print and Media"],
            ["Ltd", "Limited", "Inc.", "LLC", "PLC", "Corp."]),
        ["fr"] = (["raison_sociale", "raisonSociale", "nom_societe", "nom_entreprise", "denomination_sociale", "RAISON_SOCIALE"],
            ["organisations", "societes", "clients", "entreprises", "fournisseurs"],
            ["Société Nouvelle", "Groupe", "Etablissements", "Compagnie Générale", "Atelier", "Cabinet"],
            ["des Transports", "de Boulangerie du Centre", "Bâtiment et Rénovation", "Conseil en Informatique", "et Fils", "des Eaux de Provence"],
            ["SAS", "SARL", "SA", "SASU", "EURL", "SNC"]),
        ["de"] = (["firmenname", "firma_name", "unternehmensname", "name_der_firma", "Firmenname", "FIRMA"],
            ["firmen", "unternehmen", "kunden", "lieferanten", "organisationen"],
            ["Erste", "Neue", "Deutsche", "Vereinigte", "Norddeutsche", "Bayerische"],
            ["Spedition und Logistik", "Bau und Sanierung", "Software Beratung", "Zahnarztpraxis am Markt", "Druck und Medien", "Landhandel"],
            ["GmbH", "AG", "KG", "GmbH & Co. KG", "UG", "OHG"]),
        ["es"] = (["razon_social", "razonSocial", "nombre_empresa", "nombre_de_la_empresa", "denominacion_social", "RAZON_SOCIAL"],
            ["empresas", "clientes", "organizaciones", "proveedores", "cuentas"],
            ["Compañía", "Grupo", "Talleres", "Distribuciones", "Construcciones", "Transportes"],
            ["del Norte", "de Servicios Informáticos", "y Reformas del Levante", "Agrícolas del Sur", "de Artes Gráficas", "Hermanos"],
            ["S.L.", "S.A.", "SL", "SA", "S.L.U.", "S.Coop."]),
    };

    private static readonly string[] Surnames =
        ["Martin", "Dubois", "Schmidt", "Müller", "García", "Fernández", "Smith", "Johnson", "Lefèvre", "Becker", "López", "Walker"];

    private static string CompanyName(Random random, string language)
    {
        var l = Languages[language];
        string Pick(string[] a) => a[random.Next(a.Length)];
        return random.Next(3) switch
        {
            0 => $"{Pick(l.Openings)} {Pick(l.Trades)} {Pick(Surnames)} {Pick(l.Forms)}",
            1 => $"{Pick(Surnames)} {Pick(l.Trades)} {Pick(l.Forms)}",
            _ => $"{Pick(l.Openings)} {Pick(Surnames)} {Pick(l.Trades)} {random.Next(2, 99)} {Pick(l.Forms)}",
        };
    }

    private static IEnumerable<(string Language, ColumnEvidence Column)> Columns(int count, int seed, Func<Random, string, ColumnEvidence> build)
    {
        var random = new Random(seed);
        var languages = Languages.Keys.ToArray();
        for (int i = 0; i < count; i++)
        {
            var language = languages[i % languages.Length];
            yield return (language, build(random, language));
        }
    }

    private static ColumnEvidence CompanyColumn(Random random, string language)
    {
        var l = Languages[language];
        var values = Enumerable.Range(0, 30).Select(_ => CompanyName(random, language)).ToArray();
        return Some.InTable(l.Tables[random.Next(l.Tables.Length)], ["id", "siret", "city", "created_at"],
            l.Columns[random.Next(l.Columns.Length)], random.Next(2) == 0 ? "varchar(255)" : "text", values);
    }

    [Test]
    public void GeneratedCompanyNames_LookLikeProse()
    {
        // The kind's premise: most generated values are long enough to pass the free-text shape (four words, 20 characters).
        var random = new Random(7);
        var values = Languages.Keys.SelectMany(l => Enumerable.Range(0, 200).Select(_ => CompanyName(random, l))).ToArray();
        double prose = values.Count(v => v.Length >= 20 && v.Count(c => c == ' ') >= 3) / (double)values.Length;
        Assert.That(prose, Is.GreaterThan(0.6));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void LongCompanyNames_UnderACompanyName_AreCompanyNames(bool combined)
    {
        var classifier = combined ? Combined : Rules;
        var columns = Columns(400, 2502, CompanyColumn).ToArray();
        var suggestions = classifier.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var misses = columns.Zip(suggestions)
            .Where(p => p.Second.DataCategory != "contact.company_name")
            .Select(p => $"{p.First.Language} {p.First.Column.Table}.{p.First.Column.Column.Name} → {p.Second.DataCategory ?? "untagged"}")
            .ToList();
        Assert.That(misses, Is.Empty, $"{misses.Count} of {columns.Length}: {string.Join("; ", misses.Take(8))}");
    }

    private static readonly Dictionary<string, string[]> TicketSentences = new()
    {
        ["en"] = ["Hello, our supplier {0} has not received the invoice yet, could you check?", "Please update the address of {0} before the next delivery."],
        ["fr"] = ["Bonjour, la société {0} n'a toujours pas reçu la facture, pouvez-vous vérifier ?", "Merci de mettre à jour l'adresse de {0} avant la prochaine livraison."],
        ["de"] = ["Hallo, unser Lieferant {0} hat die Rechnung noch nicht erhalten, bitte prüfen.", "Bitte aktualisieren Sie die Adresse von {0} vor der nächsten Lieferung."],
        ["es"] = ["Hola, la empresa {0} todavía no ha recibido la factura, ¿pueden revisarlo?", "Por favor actualicen la dirección de {0} antes del próximo envío."],
    };

    [Test]
    public void TicketBodiesMentioningCompanies_StayMessages()
    {
        var columns = Columns(200, 2503, (random, language) =>
        {
            var sentences = TicketSentences[language];
            var values = Enumerable.Range(0, 30)
                .Select(_ => string.Format(System.Globalization.CultureInfo.InvariantCulture, sentences[random.Next(sentences.Length)], CompanyName(random, language)))
                .ToArray();
            var (column, table) = language switch
            {
                "fr" => ("corps", "tickets"), "de" => ("nachricht", "tickets"), "es" => ("mensaje", "tickets"), _ => ("body", "support_tickets"),
            };
            return Some.InTable(table, ["id", "subject", "status", "created_at"], column, "text", values);
        }).ToArray();
        var suggestions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var misses = columns.Zip(suggestions)
            .Where(p => p.Second.DataCategory is not { } c || !c.StartsWith("customer_content", StringComparison.Ordinal))
            .Select(p => $"{p.First.Language} {p.First.Column.Table}.{p.First.Column.Column.Name} → {p.Second.DataCategory ?? "untagged"}")
            .ToList();
        Assert.That(misses, Is.Empty, $"{misses.Count} of {columns.Length}: {string.Join("; ", misses.Take(8))}");
    }
}
