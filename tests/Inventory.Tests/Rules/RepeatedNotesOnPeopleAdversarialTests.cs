using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Notes, remarks and comments kept about people, sampled from a small table where a few remarks repeat (trial38 finding 5:
/// <c>customers.notes</c> holding three remarks over the sample was suggested <c>none</c> 0.75 as an enumeration), checked
/// in bulk with generated table and column names and generated remarks in English, French, German and Spanish: prose
/// repeated over a people's table is still what staff wrote about those people, <c>customer_content.message</c> (LABELS.md
/// tie-breaker 15; patients' notes are left out: the health facts read them). The look-alikes whose value rules still
/// read an enumeration: the same names holding labels (<c>vip</c>, <c>migrated</c>), and repeated sentences in a table that
/// configures the application (types, templates). Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class RepeatedNotesOnPeopleAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] PersonTables =
        ["customers", "clients", "members", "contacts", "users", "subscribers", "customer", "adherents", "membres",
         "kunden", "mitglieder", "kontakte", "clientes", "socios", "contactos", "usuarios"];

    private static readonly string[] NoteColumns =
        ["notes", "note", "remarks", "remark", "comments", "comment", "internal_notes", "staff_notes", "customer_notes",
         "observations", "memo", "remarques", "commentaire", "notes_internes", "notizen", "bemerkung", "bemerkungen",
         "anmerkungen", "kommentar", "notas", "observaciones", "comentario", "comentarios"];

    // Fragments put together into remarks about a person, per language: a handful of them repeat in each column.
    private static readonly Dictionary<string, (string[] Heads, string[] Tails)> Remarks = new()
    {
        ["en"] = (["Prefers to be called", "Asked us to send", "Was unhappy with", "Wants to be reminded about", "Complained twice about"],
                  ["in the morning before the shop opens", "a copy of every invoice by post", "the last delivery and the missing parts",
                   "the renewal a month before it is due", "the noise from the workshop next door"]),
        ["fr"] = (["Préfère être appelé", "Nous a demandé d'envoyer", "N'était pas satisfait de", "Souhaite un rappel pour", "S'est plaint deux fois de"],
                  ["le matin avant l'ouverture du magasin", "une copie de chaque facture par courrier", "la dernière livraison et des pièces manquantes",
                   "le renouvellement un mois avant l'échéance", "du bruit de l'atelier voisin"]),
        ["de"] = (["Möchte angerufen werden", "Hat uns gebeten zu schicken", "War unzufrieden mit", "Möchte erinnert werden an", "Hat sich zweimal beschwert über"],
                  ["am Morgen bevor der Laden öffnet", "eine Kopie jeder Rechnung per Post", "der letzten Lieferung und den fehlenden Teilen",
                   "die Verlängerung einen Monat vor Ablauf", "den Lärm aus der Werkstatt nebenan"]),
        ["es"] = (["Prefiere que le llamen", "Nos pidió que enviáramos", "No quedó contento con", "Quiere que le recordemos", "Se quejó dos veces de"],
                  ["por la mañana antes de abrir la tienda", "una copia de cada factura por correo", "la última entrega y las piezas que faltaban",
                   "la renovación un mes antes del vencimiento", "el ruido del taller de al lado"]),
    };

    private static string[] FewRemarks(Random random)
    {
        var (heads, tails) = Remarks[Pick(random, Remarks.Keys.ToArray())];
        return Enumerable.Range(0, 2 + random.Next(6)).Select(_ => $"{Pick(random, heads)} {Pick(random, tails)}.").Distinct().ToArray();
    }

    private static bool IsEnumeration(Inventory.Classification.ColumnClassification decision) =>
        decision.DataCategory == "none" && decision.Evidence.Any(e => e.Id == "sample.enumeration");

    // At least twelve rows a distinct value, so that the sample's variety stays under the value rules' enumeration bound
    // (at least 30 values, at most 10 % distinct) whatever the count of remarks.
    private static string[] Repeated(Random random, string[] distinct) =>
        Enumerable.Range(0, random.Next(Math.Max(40, 12 * distinct.Length), 200)).Select(_ => Pick(random, distinct)).ToArray();

    [TestCase(1)]
    [TestCase(2)]
    public void FewRemarksRepeatedOnPeople_Message(int seed)
    {
        // Given a note column of a people's table whose sample repeats two to seven remarks
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 800;
        for (int c = 0; c < columns; c++)
        {
            var table = AsIsPascalOrUpper(random, Pick(random, PersonTables));
            var name = SnakeCamelOrPascal(random, Pick(random, NoteColumns));
            var column = Some.InTable(table, ["id", "name", "email", "created_at"], name, Pick(random, EngineTextTypes), Repeated(random, FewRemarks(random)));
            // When classified, then it is what staff wrote about the people: a message
            var decision = Combined.Classify(column);
            if (decision.DataCategory != "customer_content.message") wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "a few remarks repeated over a people's table read as an enumeration");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void LabelsInANoteOfPeople_StayAnEnumeration(int seed)
    {
        // Given the same note names holding labels (one word each), not prose
        string[] labels = ["vip", "migrated", "web", "import", "legacy", "beta", "partner", "b2b"];
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, PersonTables);
            var name = SnakeCamelOrPascal(random, Pick(random, NoteColumns));
            var distinct = labels.OrderBy(_ => random.Next()).Take(2 + random.Next(4)).ToArray();
            var column = Some.InTable(table, ["id", "name", "email"], name, Pick(random, EngineTextTypes), Repeated(random, distinct));
            // When the rules read the values, then they are an enumeration
            var decision = Rules.Classify(column);
            if (!IsEnumeration(decision)) wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence} [{string.Join(",", decision.Evidence.Select(e => e.Id))}]");
        }
        AssertNoneWrong(wrong, columns, "labels in a note of a people's table not read as an enumeration by the value rules");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void RepeatedSentencesInConfigurationTables_StayAnEnumeration(int seed)
    {
        // Given repeated sentences in a note of a table that configures the application (member types, customer templates)
        string[] tables = ["member_types", "customer_types", "client_templates", "user_roles_templates", "kundentypen", "tipos_de_cliente"];
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, tables);
            var name = SnakeCamelOrPascal(random, Pick(random, NoteColumns));
            var column = Some.InTable(table, ["id", "label", "position"], name, Pick(random, EngineTextTypes), Repeated(random, FewRemarks(random)));
            // When the rules read the values, then they are an enumeration
            var decision = Rules.Classify(column);
            if (!IsEnumeration(decision)) wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence} [{string.Join(",", decision.Evidence.Select(e => e.Id))}]");
        }
        AssertNoneWrong(wrong, columns, "repeated sentences of a configuration table not read as an enumeration by the value rules");
    }
}
