using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 18 (a DPO's own HR and payroll databases), generated in bulk from seeded generators: an account or card holder's
/// name in French, German, Spanish or English is a person's name however often payroll repeats it; a generic name
/// column of an applicants' table holds people's names; a sick-leave record's reason is health data, read or not; and
/// their look-alikes (job titles and product labels under title/label names, the reasons of paid-leave requests, holder
/// counts and flags) are never called names or health. Only kinds and rates are asserted, never rows, and failure
/// messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class HolderApplicantLeaveKindAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Hugo", "Nathalie", "Sébastien", "Inès", "Yannick", "Lukas", "Jürgen", "Anna", "Jonas", "Sofía", "Mateo",
        "Lucía", "Pablo", "Carmen", "Emma", "James", "Olivia", "Thomas", "Chloé", "Björn", "Marie", "Pierre", "Klaus", "María",
    ];
    private static readonly string[] LastNames =
    [
        "Dubois", "Lefèvre", "Martin", "Girard", "Fontaine", "Roux", "Müller", "Schmidt", "Weber", "Schäfer", "Becker", "García",
        "Fernández", "López", "Rodríguez", "Sánchez", "Smith", "Johnson", "Brown", "Taylor", "Moreau", "Garnier", "Blanc", "Hoffmann",
    ];

    private static string Person(Random random) => random.Next(5) switch
    {
        0 => $"{Pick(random, LastNames).ToUpperInvariant()} {Pick(random, FirstNames)}",
        1 => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}-{Pick(random, LastNames)}",
        _ => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}",
    };

    private static string[] Pool(Random random, int size, Func<Random, string> generate)
    {
        var pool = new HashSet<string>(StringComparer.Ordinal);
        for (int attempts = 0; pool.Count < size && attempts < size * 50; attempts++) pool.Add(generate(random));
        return [.. pool];
    }

    private static string[] Rows(Random random, string[] pool, int rows) => Enumerable.Range(0, rows).Select(_ => Pick(random, pool)).ToArray();

    // ---- account and card holders -----------------------------------------------------------------------------------

    private static readonly string[] HolderTables =
    [
        "salaires", "paie", "payroll", "virements", "comptes_bancaires", "mandats_sepa", "bankverbindungen", "lastschriftmandate",
        "cuentas_bancarias", "nominas", "bank_accounts", "payouts", "refunds", "rib",
    ];
    private static readonly string[] HolderNames =
    [
        "titulaire_compte", "titulaire_du_compte", "nom_titulaire", "nom_du_titulaire", "titulaire_carte", "TitulaireCompte",
        "kontoinhaber", "karteninhaber", "name_kontoinhaber", "Kontoinhaberin", "titular_cuenta", "nombre_titular", "titular_de_la_cuenta",
        "titular_tarjeta", "account_holder", "account_holder_name", "holder_name", "card_holder", "cardholder_name",
    ];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void HolderNames_RepeatedAcrossPayrollRows_AreNames_NeverConfidentNone(int seed)
    {
        var random = new Random(seed);
        var confidentNone = new List<string>();
        var notNames = new List<string>();
        const int columns = 120;
        for (int c = 0; c < columns; c++)
        {
            // A payroll or transfer table repeats each holder once a month: 3 to 150 people over 60 to 500 rows.
            var pool = Pool(random, random.Next(3, 151), Person);
            var column = Some.Column(Pick(random, HolderTables), Pick(random, HolderNames), "character varying(120)", Rows(random, pool, random.Next(60, 501)));
            var result = Combined.Classify(column);
            if (result.DataCategory == "none" && result.Confidence >= 0.8) confidentNone.Add($"{column.Table}.{column.Column.Name} none {result.Confidence:0.00}");
            if (result.DataCategory != "contact.name") notNames.Add($"{column.Table}.{column.Column.Name} ({pool.Length} people) → {result.DataCategory}");
        }
        Assert.Multiple(() =>
        {
            AssertNoneWrong(confidentNone, columns, "holder-name columns called none at ≥ 0.8");
            Assert.That(notNames.Count, Is.LessThanOrEqualTo(columns / 20), $"holder-name columns not called names: {string.Join("; ", notNames)}");
        });
    }

    /// <summary>Unsampled, the name rules alone call a holder column a name. (The combined classifier does not yet: its
    /// learned stage sets the rule aside for unsampled holder names in any language, English included; a finding of
    /// trial 18 left to the model's owners.)</summary>
    [Test]
    public void HolderNames_Unsampled_AreNamesByTheNameRules()
    {
        var wrong = new List<string>();
        foreach (var name in HolderNames)
        foreach (var table in new[] { "salaires", "bankverbindungen", "cuentas_bancarias", "payouts" })
        {
            var category = Rules.Classify(Some.Unsampled(table, name, "varchar(120)")).DataCategory;
            if (category != "contact.name") wrong.Add($"{table}.{name} → {category}");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of {HolderNames.Length * 4} unsampled holder-name columns not called names: {string.Join("; ", wrong)}");
    }

    [Test]
    public void HolderLookAlikes_CountsFlagsAndPlaceholders_AreNeverNames()
    {
        var random = new Random(11);
        var wrong = new List<string>();
        for (int c = 0; c < 120; c++)
        {
            var (name, type, values) = (c % 4) switch
            {
                0 => (Pick(random, ["holder_count", "nb_titulaires", "titulaires_count", "anzahl_kontoinhaber"]), "integer",
                    Enumerable.Range(0, 200).Select(_ => random.Next(0, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
                1 => (Pick(random, ["is_titulaire", "est_titulaire", "has_account_holder", "titulaire_verifie"]), "boolean",
                    Enumerable.Range(0, 200).Select(_ => random.Next(2) == 0 ? "true" : "false").ToArray()),
                2 => (Pick(random, ["placeholder", "placeholder_text", "input_placeholder"]), "text",
                    Rows(random, ["Votre e-mail", "Search…", "Rechercher", "Ihre Nachricht", "Escriba aquí", "Type a message"], 200)),
                _ => (Pick(random, ["titulaire_type", "holder_kind", "type_titulaire", "titulaire", "titular"]), "text",
                    Rows(random, ["particulier", "entreprise", "joint", "individual", "company"], 200)),
            };
            var column = Some.Column(Pick(random, ["comptes", "accounts", "form_fields", "bankverbindungen"]), name, type, values);
            var category = Combined.Classify(column).DataCategory;
            if (category == "contact.name") wrong.Add($"{column.Table}.{name} → {category}");
        }
        AssertNoneWrong(wrong, 120, "holder look-alike columns called names");
    }

    // ---- applicants' tables -----------------------------------------------------------------------------------------

    [TestCase(1)]
    [TestCase(2)]
    public void GenericNameColumn_OfApplicantsTable_IsAPersonsName(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 80;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, ["candidats", "candidat", "candidatos", "candidato", "bewerber", "Bewerberinnen", "postulants", "solicitantes", "hr.candidats"]);
            var name = Pick(random, ["name", "Name", "nom", "nombre"]);
            var pool = Pool(random, random.Next(20, 200), Person);
            var column = Some.Column(table, name, "character varying(120)", Rows(random, pool, random.Next(30, 300)));
            var category = Combined.Classify(column).DataCategory;
            if (category != "contact.name") wrong.Add($"{table}.{name} → {category}");
        }
        Assert.That(wrong.Count, Is.LessThanOrEqualTo(columns / 20), $"applicant-name columns not called names: {string.Join("; ", wrong)}");
    }

    // ---- titles and labels of a catalogue -----------------------------------------------------------------------------

    private static readonly string[] JobTitles =
    [
        "Comptable", "Ingénieur SRE", "Développeuse", "Chef de projet", "Responsable RH", "Juriste", "Assistante de direction",
        "Buchhalter", "Softwareentwickler", "Projektleiterin", "Vertriebsleiter", "Contable", "Jefe de proyecto", "Desarrolladora",
        "Accountant", "Site Reliability Engineer", "Support", "Product Manager", "Data Analyst", "Office Manager",
    ];
    private static readonly string[] ProductLabels =
    [
        "Croissant", "Baguette Tradition", "Pain au Chocolat", "Brezel", "Churros", "Tarte Tatin", "Apfelstrudel", "Ensaimada",
        "Café Crème", "Chocolat Chaud", "Forfait Pro", "Offre Découverte", "Hébergement Mutualisé", "Serveur Dédié",
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void TitlesAndLabels_OfJobAndProductCatalogues_AreNeverNames(int seed)
    {
        var random = new Random(seed);
        var names = new List<string>();
        const int columns = 120;
        for (int c = 0; c < columns; c++)
        {
            bool jobs = c % 2 == 0;
            var table = jobs ? Pick(random, ["postes", "emplois", "fonctions", "puestos", "stellen", "job_titles", "positions", "metiers"])
                : Pick(random, ["produits", "articles", "offres", "formules", "productos", "artikel"]);
            var name = Pick(random, ["intitule", "intitulé", "libelle", "libellé", "titre", "title", "titulo", "bezeichnung", "label", "etiqueta"]);
            // A small catalogue: every row a different title, 3 to the whole list.
            var source = jobs ? JobTitles : ProductLabels;
            var values = source.OrderBy(_ => random.Next()).Take(random.Next(3, source.Length + 1)).ToArray();
            var column = Some.Column(table, name, "character varying(100)", values);
            var category = Combined.Classify(column).DataCategory;
            if (category == "contact.name") names.Add($"{table}.{name} ({values.Length} rows) → {category}");
        }
        AssertNoneWrong(names, columns, "catalogue title or label columns called person names");
    }

    // ---- sick leave -----------------------------------------------------------------------------------------------------

    private static readonly string[] SickReasons =
    [
        "grippe", "lombalgie", "burn-out", "chirurgie du genou", "COVID-19", "dépression", "gastro-entérite", "migraine",
        "Grippe", "Bandscheibenvorfall", "Erkältung", "gripe", "lumbalgia", "ansiedad", "flu", "back pain", "surgery", "fracture du poignet",
    ];
    private static readonly string[] SickLeaveTables =
    [
        "arrets_maladie", "arret_maladie", "arrets_de_travail", "conges_maladie", "sick_leaves", "sick_leave", "sick_notes",
        "krankmeldungen", "krankmeldung", "krankenstand", "bajas_medicas", "baja_medica", "bajas_laborales", "rh.arrets_maladie",
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void ReasonAndNotes_OfSickLeaveRecords_AreHealth_ReadOrNot(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 90;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, SickLeaveTables);
            var name = Pick(random, ["motif", "reason", "notes", "note", "comment", "comments", "observations", "bemerkung", "motivo", "remarks"]);
            var column = (c % 3) switch
            {
                // Read: a pick list of reasons, or what HR typed; not read (the role may not SELECT it): its name and table.
                0 => Some.Column(table, name, "text", Rows(random, Pool(random, random.Next(3, 12), r => Pick(r, SickReasons)), random.Next(60, 300))),
                1 => Some.Column(table, name, "text", Enumerable.Range(0, 200).Select(_ =>
                    $"{Pick(random, ["Arrêt prolongé", "Certificat reçu", "Reprise à mi-temps prévue", "Attest liegt vor", "Parte de baja recibido", "Doctor's note received"])}: {Pick(random, SickReasons)}, {random.Next(2, 30)} jours").ToArray()),
                _ => Some.Unsampled(table, name, "text"),
            };
            var category = Combined.Classify(column).DataCategory;
            if (category != "other_personal.health") wrong.Add($"{table}.{name} ({(c % 3 == 2 ? "not sampled" : "sampled")}) → {category}");
        }
        AssertNoneWrong(wrong, columns, "sick-leave reason and note columns not called health");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void ReasonsOfPaidLeaveAndOtherRequests_AreNeverHealth(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 90;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, ["conges", "conges_payes", "leave_requests", "vacation_requests", "urlaubsantraege", "vacaciones",
                "demandes_rtt", "refunds", "cancellations", "arrets", "work_stoppages_planning"]);
            var name = Pick(random, ["motif", "reason", "comment", "notes", "motivo", "bemerkung"]);
            var values = Rows(random, Pool(random, random.Next(3, 9), r => Pick(r, ["Congés payés", "RTT", "Vacation", "Family event", "Urlaub",
                "Vacaciones", "Déménagement", "Mariage", "Sonderurlaub", "Produit défectueux", "Changed my mind", "Maintenance planifiée"])), random.Next(60, 300));
            var column = Some.Column(table, name, "text", values);
            var category = Combined.Classify(column).DataCategory;
            if (category == "other_personal.health") wrong.Add($"{table}.{name} → {category}");
        }
        AssertNoneWrong(wrong, columns, "leave-request and other reason columns called health");
    }
}
