using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 25 (note 21/22 open item): the short subject or title a user types on a support ticket, a request, a complaint or a
/// message (<c>sujet</c>, <c>objet</c>, <c>subject</c>, <c>Betreff</c>, <c>asunto</c>) is part of the user's message: LABELS.md
/// tie-breaker 6 makes it <c>customer_content.message</c>. Outside English it was suggested <c>none</c>: the rule for
/// titles in content tables knew English words only, for both the column and the table. The same words in the
/// organisation's own catalogue or configuration tables (a product's title, a plan's description) stay <c>none</c>.
/// Names in English, French, German and Spanish, generated in bulk, by name and type alone and with typed subjects sampled.
/// </summary>
[TestFixture]
public sealed class TicketSubjectAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] TextTypes = ["text", "varchar(255)", "character varying(200)", "nvarchar(250)", "TEXT"];

    private static readonly ColumnKind Subject = new(
        "subjects and titles users type on tickets, requests and messages",
        [
            new("en", [["subject"], ["ticket", "subject"], ["title"], ["message", "subject"], ["request", "title"], ["summary"]],
                ["support_tickets", "tickets", "helpdesk_tickets", "messages", "conversations", "support_requests", "complaints", "enquiries"]),
            new("fr", [["sujet"], ["objet"], ["titre"], ["sujet", "du", "ticket"], ["objet", "du", "message"], ["titre", "demande"]],
                ["tickets", "tickets_support", "demandes_support", "demandes", "reclamations", "messages", "demandes_assistance"]),
            new("de", [["betreff"], ["titel"], ["betreff", "der", "anfrage"], ["nachricht", "betreff"], ["anfrage", "titel"], ["zusammenfassung"]],
                ["anfragen", "supportanfragen", "support_anfragen", "tickets", "nachrichten", "reklamationen", "beschwerden", "kundenanfragen"]),
            new("es", [["asunto"], ["titulo"], ["asunto", "del", "ticket"], ["asunto", "mensaje"], ["titulo", "solicitud"], ["resumen"]],
                ["incidencias", "tickets_soporte", "consultas", "solicitudes", "mensajes", "reclamaciones", "solicitudes_soporte", "peticiones"]),
        ],
        TextTypes, ["id", "user_id", "status", "created_at"], ["customer_content.message"]);

    private static readonly ColumnKind CatalogueTitle = new(
        "titles and descriptions of the organisation's catalogue and configuration",
        [
            new("en", [["title"], ["description"], ["summary"], ["product", "title"]], ["products", "plans", "roles", "categories", "price_list", "settings"]),
            new("fr", [["titre"], ["description"], ["resume"], ["titre", "produit"]], ["produits", "plans", "roles", "categories", "articles"]),
            new("de", [["titel"], ["beschreibung"], ["zusammenfassung"], ["produkt", "titel"]], ["produkte", "artikel", "kategorien", "rollen"]),
            new("es", [["titulo"], ["descripcion"], ["resumen"], ["titulo", "producto"]], ["productos", "articulos", "categorias", "roles"]),
        ],
        TextTypes, ["id", "price", "status", "created_at"], ["none"]);

    private static readonly Dictionary<string, (string[] Openings, string[] Topics)> Words = new(StringComparer.Ordinal)
    {
        ["en"] = (["Cannot", "Problem with", "Question about", "Error in", "Help with", "Urgent:", "Still no"],
            ["log in", "my invoice", "the export", "calendar sync", "password reset", "the mobile app", "refund", "team invitations", "CSV import"]),
        ["fr"] = (["Impossible de", "Problème avec", "Question sur", "Erreur dans", "Aide pour", "Urgent :", "Toujours pas de"],
            ["me connecter", "ma facture", "l'export", "la synchronisation", "mot de passe", "l'application mobile", "remboursement", "l'import CSV"]),
        ["de"] = (["Kann nicht", "Problem mit", "Frage zu", "Fehler bei", "Hilfe bei", "Dringend:", "Immer noch kein"],
            ["anmelden", "meiner Rechnung", "dem Export", "Kalendersynchronisierung", "Passwort", "der App", "Rückerstattung", "CSV-Import"]),
        ["es"] = (["No puedo", "Problema con", "Pregunta sobre", "Error en", "Ayuda con", "Urgente:", "Todavía sin"],
            ["iniciar sesión", "mi factura", "la exportación", "la sincronización", "contraseña", "la app", "reembolso", "importar CSV"]),
    };

    /// <summary>Subjects a user types: an opening and a topic, sometimes with a number, mostly distinct.</summary>
    private static string[] TypedSubjects(Random random, string language, int count)
    {
        var (openings, topics) = Words[language];
        return Enumerable.Range(0, count).Select(_ => $"{AdversarialColumns.Pick(random, openings)} {AdversarialColumns.Pick(random, topics)}"
            + (random.Next(3) == 0 ? $" #{random.Next(100, 99999)}" : random.Next(2) == 0 ? $" ({random.Next(2, 30)} users)" : "")).ToArray();
    }

    private static ColumnEvidence WithValues(AdversarialColumn column, Random random)
    {
        var values = TypedSubjects(random, column.Language, random.Next(60, 300));
        return column.ToEvidence() with { Sampled = true, SampledRows = values.Length, Values = values };
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void TicketSubjects_NamesOnly_AreCustomerContentMessage(int seed)
    {
        var columns = AdversarialColumns.Generate(Subject, 400, seed);

        var misses = AdversarialColumns.Misses(Combined, columns);

        // At most 2 %: the rule does not stand in the combination (standing, it turned configuration tables of the corpus,
        // ticket categories and message templates, to customer content), and by name alone the model still reads a few
        // app_-prefixed German and Spanish tables as none (223 of 400 were wrong before the rule knew these words).
        Assert.That(misses, Has.Count.LessThanOrEqualTo(8), AdversarialColumns.Describe(Subject, misses, columns.Count));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void TicketSubjects_TypedValuesSampled_AreCustomerContentMessage(int seed)
    {
        var random = new Random(seed);
        var columns = AdversarialColumns.Generate(Subject, 400, seed);
        var decisions = Combined.ClassifyMany(columns.Select(c => WithValues(c, random)).ToArray());

        var misses = columns.Zip(decisions).Where(p => !p.First.Accepts(p.Second.DataCategory))
            .Select(p => $"{p.First.Table}.{p.First.Column} ({p.First.Language}) → {p.Second.DataCategory ?? "untagged"}").ToList();

        Assert.That(misses, Is.Empty, AdversarialColumns.Describe(Subject, misses, columns.Count));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void CatalogueTitles_NamesOnly_StayNone(int seed)
    {
        var columns = AdversarialColumns.Generate(CatalogueTitle, 400, seed);

        var misses = AdversarialColumns.Misses(Combined, columns);

        Assert.That(misses, Is.Empty, AdversarialColumns.Describe(CatalogueTitle, misses, columns.Count));
    }

    [TestCase("sujet", "tickets_support", "fr")]
    [TestCase("betreff", "anfragen", "de")]
    [TestCase("asunto", "incidencias", "es")]
    [TestCase("subject", "support_tickets", "multi")]
    public void TicketSubject_Suggestion_NamesTheRuleWithoutCallingTheNameEnglish(string column, string table, string _)
    {
        // The rule reads all four languages, so its id says multi, not en (note 21 open item: "rule ids say en for French names").
        var evidence = new ColumnEvidence
        {
            Table = table, TableColumns = ["id", "user_id", column, "created_at"],
            Column = new ColumnInfo { Name = column, Ordinal = 3, DeclaredType = "text", Family = TypeFamily.Text },
        };

        var decision = Combined.Classify(evidence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.DataCategory, Is.EqualTo("customer_content.message"));
            Assert.That(decision.Evidence.Select(e => e.Id), Does.Contain("name.multi.message-in-content-table"));
        }
    }
}
