using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Session 38 (content38, issue 10; rules/MODEL.md): a note or comment (<c>comment</c>, <c>note</c>, <c>remarks</c>,
/// <c>commentaire</c>, <c>Bemerkung</c>, <c>comentario</c>) in a table whose rows are named things (another column is a
/// <c>name</c>, <c>label</c>, <c>designation</c>, <c>libelle</c>, <c>Bezeichnung</c>, <c>nombre</c>) and that refers to no
/// one is staff's description of a thing the application is configured with or keeps as reference data (<c>none</c>,
/// LABELS.md tie-breakers 6 and 15), in English, French, German and Spanish, names only. <c>name.multi.message</c> read
/// them as users' messages at 0.85. Look-alikes that keep <c>customer_content.message</c>: the same notes beside a key to a
/// person or a person's identifier, in tables of people, content, tickets and orders, and in tables without a name column;
/// other free-text names beside a name (a description, a body) are left to the other rules. Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class NoteOnANamedThingAdversarialTests : GeneratedNameFixture
{
    // Reference data and configured things in no group of people's records, content or cases.
    private static readonly string[][] ThingTables =
    [
        ["manufacturers", "calendars", "domains", "blocklists", "service_levels", "image_formats", "constants",
         "holiday_calendars", "certificates", "line_operators", "rss_feeds", "kernels", "architectures", "environments"],
        ["fabricants", "calendriers", "domaines", "listes_noires", "niveaux_de_service", "formats_image", "constantes",
         "certificats", "operateurs", "flux_rss", "environnements"],
        ["hersteller", "kalender", "domaenen", "sperrlisten", "dienstgueten", "bildformate", "konstanten", "zertifikate",
         "netzbetreiber", "umgebungen"],
        ["fabricantes", "calendarios", "dominios", "listas_negras", "niveles_de_servicio", "formatos_de_imagen", "constantes",
         "certificados", "operadores", "entornos"],
    ];
    private static readonly string[][] ThingNames =
    [
        ["name", "label", "designation", "Name"],
        ["nom", "libelle", "designation", "intitule"],
        ["name", "bezeichnung", "Benennung"],
        ["nombre", "etiqueta", "denominacion"],
    ];
    private static readonly string[][] NoteColumns =
    [
        ["comment", "comments", "note", "notes", "remark", "remarks"],
        ["commentaire", "commentaires", "remarque", "remarques", "note"],
        ["kommentar", "bemerkung", "bemerkungen", "notiz", "notizen"],
        ["comentario", "comentarios", "nota", "notas"],
    ];
    private static readonly string[] NeutralSiblings =
        ["is_active", "date_mod", "date_creation", "entities_id", "is_recursive", "level", "position", "code", "value", "created_at",
         "updated_at", "sort_order", "manufacturers_id", "type_id"];
    private static readonly string[] TextTypes = ["text", "varchar(255)", "character varying(255)", "longtext", "nvarchar(max)", "string"];
    private static readonly string[] Prefixes = ["", "", "glpi_", "llx_c_", "app_", "tbl_", "public."];

    private static ColumnEvidence Column(string table, string column, string type, string[] siblings) =>
        Some.Unsampled(table, column, type) with { TableColumns = [.. siblings, column] };

    private static List<ColumnEvidence> NotesOnThings(Random random, int count, Func<Random, int, string[]>? extraSiblings = null,
        string[][]? tables = null, string[][]? notes = null, bool named = true)
    {
        var columns = new List<ColumnEvidence>();
        for (int c = 0; c < count; c++)
        {
            int language = c % 4;
            var table = AsIsPascalOrUpper(random, Pick(random, Prefixes) + Pick(random, (tables ?? ThingTables)[language]));
            var siblings = new List<string> { "id", Pick(random, NeutralSiblings), Pick(random, NeutralSiblings) };
            if (named) siblings.Insert(1, Pick(random, ThingNames[language]));
            if (extraSiblings is not null) siblings.AddRange(extraSiblings(random, language));
            var note = SnakeCamelOrPascal(random, Pick(random, (notes ?? NoteColumns)[language]));
            columns.Add(Column(table, note, Pick(random, TextTypes), [.. siblings]));
        }
        return columns;
    }

    private static string Describe(ColumnEvidence column, ColumnClassification decision) =>
        $"{column.Table}.{column.Column.Name} [{string.Join(",", column.TableColumns)}] → {decision.DataCategory ?? "untagged"}";

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void NotesOnNamedThingsThatReferToNoOne_AreNone(int seed)
    {
        // Given 1,600 notes of tables of reference data and configured things, beside a name column, in four languages
        var columns = NotesOnThings(new Random(seed), 1600);
        // When the rules and the combined classifier classify them, names only
        var ruled = Rules.ClassifyMany(columns);
        var combined = Combined.ClassifyMany(columns);
        // Then the rule decides every one none, and so does the combination
        var notRuled = columns.Zip(ruled).Where(p => p.Second.DataCategory != "none"
                || !p.Second.Evidence.Any(e => e.Id == RuleClassifier.NoteOnANamedThingEvidence))
            .Select(p => Describe(p.First, p.Second)).ToList();
        var notNone = columns.Zip(combined).Where(p => p.Second.DataCategory != "none").Select(p => Describe(p.First, p.Second)).ToList();
        Assert.Multiple(() =>
        {
            AssertNoneWrong(notRuled, columns.Count, "notes on named things not decided none by the rule");
            AssertNoneWrong(notNone, columns.Count, "notes on named things not none in the combination");
        });
    }

    private static readonly string[] StaffDescriptions =
    [
        "Main calendar of the Paris office", "Imported from the PCI ID database", "Used for production servers only",
        "Default format for scans", "Calendrier principal du siège", "Importé de la base PCI", "Réservé aux serveurs de production",
        "Standardkalender der Zentrale", "Aus der PCI-Datenbank importiert", "Nur für Produktionsserver",
        "Calendario principal de la sede", "Importado de la base PCI", "Solo para servidores de producción", "Legacy entry, keep",
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void NotesOnNamedThingsWithStaffDescriptionsOrNulls_AreNone(int seed)
    {
        // Given 800 notes on named things whose sampled values are staff's short descriptions, or all NULL
        var random = new Random(seed);
        var columns = NotesOnThings(random, 800).Select((c, i) => Some.InTable(c.Table, [.. c.TableColumns.SkipLast(1)], c.Column.Name,
            c.Column.DeclaredType, i % 2 == 0
                ? Enumerable.Range(0, random.Next(30, 80)).Select(_ => Pick(random, StaffDescriptions)).ToArray()
                : Enumerable.Range(0, 40).Select(_ => (string?)null).ToArray())).ToList();
        // When the combined classifier classifies them, Then they are none
        var combined = Combined.ClassifyMany(columns);
        var notNone = columns.Zip(combined).Where(p => p.Second.DataCategory != "none").Select(p => Describe(p.First, p.Second)).ToList();
        AssertNoneWrong(notNone, columns.Count, "notes on named things with staff's descriptions or NULLs not none");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void NotesOnNamedThingsWhoseProseHoldsSomeonesIdentifiers_StayMessages(int seed)
    {
        // Given 800 notes on named things whose sampled prose mentions e-mail addresses or phone numbers
        var random = new Random(seed);
        var columns = NotesOnThings(random, 800).Select(c => Some.InTable(c.Table, [.. c.TableColumns.SkipLast(1)], c.Column.Name,
            c.Column.DeclaredType, Enumerable.Range(0, random.Next(30, 80)).Select(i =>
                $"{Pick(random, StaffDescriptions)}, ask {(random.Next(2) == 0 ? $"agent{i}@example.org" : $"+33 6 12 34 {i % 90 + 10:00} {random.Next(10, 99)}")}")
                .ToArray())).ToList();
        // When the rules classify them, Then the rule never decides: the values say content, with what it also contains
        AssertLeftAsMessages(columns, "notes whose prose holds someone's identifiers taken as staff's notes");
    }

    private static readonly string[][] PersonKeys =
    [
        ["user_id", "author_id", "customer_id", "owner_id", "member_id", "users_id"],
        ["id_utilisateur", "utilisateur_id", "id_client", "auteur_id", "id_adherent"],
        ["benutzer_id", "kunde_id", "kunden_id", "mitglied_id", "autor_id"],
        ["usuario_id", "id_usuario", "id_cliente", "cliente_id", "autor_id"],
    ];
    private static readonly string[][] PersonIdentifiers =
    [
        ["email", "phone", "first_name", "username", "contact_email"],
        ["courriel", "telephone", "prenom", "adresse_email"],
        ["email", "telefon", "vorname", "benutzername"],
        ["correo", "telefono", "apellido", "correo_electronico"],
    ];

    /// <summary>Asserts that the rule never decides <paramref name="columns"/> and that the rules keep reading them as users'
    /// messages (<c>name.multi.message</c>'s category), so the look-alike's decision is what it was before the rule.</summary>
    private static void AssertLeftAsMessages(List<ColumnEvidence> columns, string what)
    {
        var ruled = Rules.ClassifyMany(columns);
        var taken = columns.Zip(ruled).Where(p => p.Second.Evidence.Any(e => e.Id == RuleClassifier.NoteOnANamedThingEvidence)
                || p.Second.DataCategory != "customer_content.message")
            .Select(p => Describe(p.First, p.Second)).ToList();
        AssertNoneWrong(taken, columns.Count, what);
    }

    /// <summary>Asserts that the rule decides none of <paramref name="columns"/> (whatever the other rules decide).</summary>
    private static void AssertNeverDecided(List<ColumnEvidence> columns, string what)
    {
        var ruled = Rules.ClassifyMany(columns);
        var taken = columns.Zip(ruled).Where(p => p.Second.Evidence.Any(e => e.Id == RuleClassifier.NoteOnANamedThingEvidence))
            .Select(p => Describe(p.First, p.Second)).ToList();
        AssertNoneWrong(taken, columns.Count, what);
    }

    [TestCase(1)]
    [TestCase(2)]
    public void NotesBesideAKeyToAPerson_StayMessages(int seed)
    {
        // Given notes of the same named-thing tables with a key to a user, an author, a customer or a member beside them
        var columns = NotesOnThings(new Random(seed), 800, (random, language) => [Pick(random, PersonKeys[language])]);
        // When the rules classify them, Then they stay users' messages: the note may be about that person
        AssertLeftAsMessages(columns, "notes beside a key to a person taken as staff's notes");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void NotesBesideAPersonsIdentifier_StayMessages(int seed)
    {
        // Given notes of named-thing tables with an e-mail, a phone, a first name or a user name beside them
        var columns = NotesOnThings(new Random(seed), 800, (random, language) => [Pick(random, PersonIdentifiers[language])]);
        // When the rules classify them, Then they stay users' messages
        AssertLeftAsMessages(columns, "notes beside a person's identifier taken as staff's notes");
    }

    private static readonly string[][] PeopleAndContentTables =
    [
        ["customers", "members", "contacts", "tickets", "posts", "messages", "comments", "reviews", "orders", "invoices",
         "attachments", "meetings", "suppliers", "companies", "patients", "employees"],
        ["clients", "adherents", "contacts", "commentaires", "messages", "demandes", "commandes", "factures", "pieces_jointes",
         "fournisseurs", "salaries", "patients"],
        ["kunden", "mitglieder", "kontakte", "nachrichten", "kommentare", "anfragen", "bestellungen", "rechnungen", "anhaenge",
         "lieferanten", "mitarbeiter", "patienten"],
        ["clientes", "socios", "contactos", "mensajes", "comentarios", "solicitudes", "pedidos", "facturas", "adjuntos",
         "proveedores", "empleados", "pacientes"],
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void NotesInTablesOfPeopleContentAndCases_StayMessages(int seed)
    {
        // Given notes beside a name column in tables of people, companies, content, tickets, orders and uploads
        var columns = NotesOnThings(new Random(seed), 800, tables: PeopleAndContentTables);
        // When the rules classify them, Then the rule never decides: the note is about a person or their case
        AssertNeverDecided(columns, "notes of tables of people, content or cases taken as staff's notes");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void NotesOfTablesWithoutAName_StayMessages(int seed)
    {
        // Given notes of the same tables without a name, label or designation column (a title does not name a thing)
        var columns = NotesOnThings(new Random(seed), 800, (random, _) => random.Next(2) == 0 ? ["title"] : [], named: false);
        // When the rules classify them, Then they stay users' messages
        AssertLeftAsMessages(columns, "notes of tables without a name taken as staff's notes");
    }

    private static readonly string[][] OtherTextColumns =
    [
        ["description", "body", "content", "message", "email_comment", "comment_count", "notes_url", "review"],
        ["description", "contenu", "message", "corps", "nombre_commentaires"],
        ["beschreibung", "inhalt", "nachricht", "kommentar_anzahl"],
        ["descripcion", "contenido", "mensaje", "cuerpo", "numero_comentarios"],
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void OtherTextNamesBesideAName_AreLeftToTheirRules(int seed)
    {
        // Given descriptions, bodies, messages, counts and URLs of notes in the same named-thing tables
        var columns = NotesOnThings(new Random(seed), 800, notes: OtherTextColumns);
        // When the rules classify them, Then the rule takes none of them: only a note or comment named as such
        AssertNeverDecided(columns, "other text names beside a name taken as staff's notes");
    }

    [Test]
    public void NoteWordsAndThingNames_AreNameGroupsOfTheShippedRules()
    {
        // Given the shipped rules, When their name groups are read, Then a note is a note and a title is no thing's name
        Assert.Multiple(() =>
        {
            foreach (var note in new[] { "comment", "remarks", "commentaire", "bemerkung", "comentarios" })
                Assert.That(NameRules.IsNameGroupPhrase(NameRules.Match("t", note, Catalog.TypeFamily.Text).Tokens, "note-word"), Is.True, note);
            foreach (var name in new[] { "name", "libelle", "bezeichnung", "nombre", "designation" })
                Assert.That(NameRules.IsNameGroupPhrase(NameRules.Match("t", name, Catalog.TypeFamily.Text).Tokens, "thing-name"), Is.True, name);
            foreach (var other in new[] { "title", "titre", "email_comment", "user_name" })
                Assert.That(NameRules.IsNameGroupPhrase(NameRules.Match("t", other, Catalog.TypeFamily.Text).Tokens, "thing-name")
                    || NameRules.IsNameGroupPhrase(NameRules.Match("t", other, Catalog.TypeFamily.Text).Tokens, "note-word"), Is.False, other);
        });
    }
}
