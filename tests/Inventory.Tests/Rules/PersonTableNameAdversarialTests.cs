using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 (held-back kind): a bare <c>name</c> (<c>nom</c>, <c>nombre</c>) column of a person's table (users, customers,
/// kunden, clientes, mitglieder, pacientes, attendees…) holds that person's full name (<c>contact.name</c>); the same word
/// in a product, plan, tag, role, team or settings table is the organisation's own configuration (<c>none</c>, LABELS.md
/// tie-breaker 6). Generated in bulk over English, French, German and Spanish table names, prefixes and case styles,
/// names only and with sampled values ("First Last" people against product, plan and role names, some of which have a
/// person's shape). Only kinds are asserted; failure messages name columns, never values.
/// </summary>
[TestFixture]
public sealed class PersonTableNameAdversarialTests : GeneratedNameFixture
{
    // Person tables, with the word their language uses for the name column.
    private static readonly (string[] Tables, string[] Columns)[] PersonTables =
    [
        (["users", "user", "customers", "customer", "clients", "members", "contacts", "employees", "patients", "students", "subscribers",
          "people", "persons", "guests", "passengers", "applicants", "candidates", "authors", "attendees", "participants", "leads",
          "drivers", "teachers", "volunteers", "donors", "speakers", "user_profiles", "profiles"], ["name", "Name"]),
        (["utilisateurs", "adherents", "abonnes", "personnes", "clients", "salaries", "patients", "participants", "benevoles"], ["nom", "name"]),
        (["kunden", "benutzer", "mitarbeiter", "mitglieder", "nutzer", "personen", "teilnehmer", "patienten"], ["name", "Name"]),
        (["clientes", "usuarios", "empleados", "socios", "pacientes", "alumnos", "estudiantes", "participantes", "voluntarios"], ["nombre", "name"]),
    ];

    // Tables of the organisation's own configuration and catalogue. Not "groups" nor "workspaces": the corpus labels some
    // of their names as the organisations that use the service (contact.company_name).
    private static readonly string[] ConfigurationTables =
    [
        "products", "plans", "tags", "roles", "categories", "teams", "projects", "features", "permissions", "labels",
        "channels", "countries", "currencies", "services", "integrations", "webhooks", "templates", "pipelines", "stages", "badges",
        "departments", "skills", "languages", "statuses", "workflows", "boards", "reports", "dashboards", "playlists", "albums",
        "genres", "warehouses", "menus", "courses", "price_plans", "subscription_plans", "licenses", "modules", "settings", "queues",
        "produits", "categories_produits", "etiquettes", "forfaits", "produkte", "kategorien", "rollen", "tarife", "productos",
        "etiquetas", "planes", "categorias",
    ];

    private static readonly string[] Prefixes = ["", "", "app_", "tbl_", "crm_", "shop_", "core_"];

    private static readonly string[] FirstNames =
    [
        "Camille", "Julien", "Sophie", "Nicolas", "Lukas", "Anna", "Jonas", "Lena", "Sofia", "Javier", "Lucia", "Carmen", "Pablo",
        "Emily", "James", "Olivia", "Daniel", "Grace", "Henry", "Chloe", "Marie", "Pierre", "Ahmed", "Fatima", "Oliver", "Zoé", "Jörg",
        "Siobhan", "Gwenaëlle", "Wiebke", "Itziar",
    ];
    private static readonly string[] LastNames =
    [
        "Roux", "Martin", "Bernard", "Dubois", "Schmidt", "Weber", "Becker", "Garcia", "Lopez", "Sanchez", "Smith", "Johnson", "Brown",
        "Taylor", "Wilson", "Petit", "Lambert", "Müller", "Fernández", "O'Brien", "Dupont-Moreau", "Núñez",
    ];
    // Catalogue and configuration values, a few with a person's shape (a rose, a record, a role).
    private static readonly string[] CatalogueValues =
    [
        "Blue Widget", "Steel Hammer", "Coffee Mug XL", "Garden Hose", "Wireless Mouse", "Desk Lamp", "Yoga Mat", "Pro Plan", "Starter",
        "Enterprise Annual", "Team Monthly", "Basic", "Premium Support", "Oak Table", "Chaise Longue", "Tischlampe Nova", "Silla Roble",
        "Grace Kelly Rose", "Ella Fitzgerald Vinyl", "Office Admin", "Account Manager", "Billing Viewer", "Urgent", "Feature Request",
        "Lavender Soap", "Ruby Red", "Forfait Famille", "Jahresabo Plus", "Plan Empresa", "Marketing", "Support Team", "Backend",
    ];

    private static string Person(Random random) => $"{Pick(random, FirstNames)} {Pick(random, LastNames)}";
    private static (List<ColumnEvidence> Columns, List<string> Expected) Generate(int seed, bool withValues)
    {
        var random = new Random(seed);
        var columns = new List<ColumnEvidence>();
        var expected = new List<string>();
        for (int c = 0; c < 800; c++)
        {
            bool person = c % 2 == 0;
            string table, column;
            string[] siblings;
            if (person)
            {
                var (tables, names) = PersonTables[random.Next(PersonTables.Length)];
                table = AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, tables));
                column = Pick(random, names);
                siblings = ["id", Pick(random, ["email", "courriel", "e_mail", "correo"]), "created_at", Pick(random, ["phone", "telefon", "telefono", "status"])];
            }
            else
            {
                table = AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, ConfigurationTables));
                column = Pick(random, ["name", "Name", "nom", "nombre"]);
                siblings = ["id", Pick(random, ["description", "slug", "price", "position", "color"]), "created_at", "updated_at"];
            }
            var type = Pick(random, ["character varying(255)", "text", "varchar(100)", "nvarchar(200)"]);
            var values = withValues
                ? Enumerable.Range(0, random.Next(40, 120)).Select(_ => person ? Person(random) : Pick(random, CatalogueValues)).ToArray()
                : null;
            var evidence = values is null
                ? Some.Unsampled(table, column, type) with { TableColumns = [.. siblings, column] }
                : Some.InTable(table, siblings, column, type, values);
            columns.Add(evidence);
            expected.Add(person ? "contact" : "none");
        }
        return (columns, expected);
    }

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(1, true)]
    [TestCase(2, true)]
    public void BareNameColumns_ArePeoplesNamesInPersonTables_AndConfigurationElsewhere(int seed, bool withValues)
    {
        var (columns, expected) = Generate(seed, withValues);
        var decisions = Combined.ClassifyMany(columns);
        var missedPeople = new List<string>();
        var falsePeople = new List<string>();
        for (int i = 0; i < columns.Count; i++)
        {
            var category = decisions[i].DataCategory is { } d ? DataCategory.TopLevelOf(d) : "untagged";
            var label = $"{columns[i].Table}.{columns[i].Column.Name} → {decisions[i].DataCategory ?? "untagged"}";
            if (expected[i] == "contact" && decisions[i].DataCategory != "contact.name") missedPeople.Add(label);
            if (expected[i] == "none" && category != "none") falsePeople.Add(label);
        }
        int people = expected.Count(e => e == "contact");
        Assert.Multiple(() =>
        {
            AssertNoneWrong(missedPeople, people, "person-table name columns not called a person's name");
            // Names only and with values, no configuration name is personal: a bare name, nom, nombre or Bezeichnung of a
            // configuration or catalogue record is its label (name.multi.name-of-a-configuration-record, eighth error-kind
            // round), whatever the model leans to.
            AssertNoneWrong(falsePeople, columns.Count - people, "configuration name columns called personal");
        });
    }
    // Tables that say nothing about whom they hold: their bare name column is a person's only when its values are people.
    private static readonly string[] NeutralTables =
    [
        "registrations", "bookings", "reservations", "signups", "entries", "records", "hosts", "workers", "waitlist", "rsvps",
        "inscriptions", "reservations_hotel", "anmeldungen", "buchungen", "reservas", "inscripciones", "projects_archive", "imports",
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void BareNameColumnsOfNeutralTables_ArePeopleOnlyWhenTheValuesArePeoplesNames(int seed)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, bool Person)>();
        for (int c = 0; c < 600; c++)
        {
            bool person = c % 2 == 0;
            var values = Enumerable.Range(0, random.Next(30, 100))
                .Select(_ => person ? (random.Next(4) == 0 ? $"{Pick(random, LastNames)}, {Pick(random, FirstNames)}" : Person(random)) : Pick(random, CatalogueValues))
                .ToArray();
            columns.Add((Some.InTable(AsIsPascalOrUpper(random, Pick(random, NeutralTables)), ["id", "created_at", Pick(random, ["status", "notes", "source"])],
                Pick(random, ["name", "Name", "nom", "nombre"]), Pick(random, ["text", "character varying(255)"]), values), person));
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var missed = columns.Zip(decisions).Where(p => p.First.Person && p.Second.DataCategory != "contact.name")
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} → {p.Second.DataCategory ?? "untagged"}").ToList();
        var invented = columns.Zip(decisions).Where(p => !p.First.Person && p.Second.DataCategory is { } d && d != "none")
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} → {p.Second.DataCategory}").ToList();
        Assert.Multiple(() =>
        {
            AssertNoneWrong(missed, 300, "neutral-table name columns holding people's names not called names");
            AssertNoneWrong(invented, 300, "neutral-table name columns holding product, plan and team names called personal");
        });
    }
}
