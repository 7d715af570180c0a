using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 17 finding 3, generated in bulk: the name of the customer, patient or employee a row is about, written in
/// German, French or Spanish as column names spell it (<c>Kunden Name</c>, <c>kundenname</c>, <c>nom_client</c>,
/// <c>nombre_cliente</c>), holding people's full names, is <c>contact.name</c>, in order and appointment tables as
/// well as in person tables; a catalogue's <c>name</c> stays <c>none</c>. Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class PartyNameAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] First = ["Anna", "Jonas", "Léa", "Hugo", "Lucía", "Javier", "Marta", "Björn", "Chloé", "Mehdi", "Greta", "Pablo"];
    private static readonly string[] Last = ["Müller", "Schmidt", "Dubois", "Moreau", "García", "López", "Weber", "Fontaine", "Krüger", "Martín", "Roux", "Becker"];

    private static readonly string[] Names =
    [
        "Kunden Name", "kundenname", "kunde_name", "KundenName", "name_des_kunden", "mitarbeitername", "mitarbeiter_name", "patientenname",
        "ansprechpartner", "nom_client", "nom_du_client", "NomClient", "nom_patient", "nom_salarie", "nom_employe",
        "nombre_cliente", "nombre_del_cliente", "NombreCliente", "nombre_paciente", "nombre_empleado",
    ];

    [TestCase(1)]
    [TestCase(2)]
    public void PartyNames_InForeignColumnNames_AreNames(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        int columns = 0;
        for (int c = 0; c < 120; c++)
        {
            var name = Names[c % Names.Length];
            var values = Enumerable.Range(0, random.Next(40, 300)).Select(_ => $"{Pick(random, First)} {Pick(random, Last)}").ToArray();
            var column = Some.InTable(Pick(random, ["Order Lines/2024", "bestellungen", "commandes", "pedidos", "termine", "rendez_vous", "citas"]),
                ["id", "qty", "created_at"], name, Pick(random, ["text", "character varying(200)", "varchar(200)"]), values);
            columns++;
            var combined = Combined.Classify(column).DataCategory;
            var rules = Rules.Classify(column).DataCategory;
            if (combined != "contact.name" || rules != "contact.name") wrong.Add($"{column.Table}.{name} → combined {combined}, rules {rules}");
        }
        AssertNoneWrong(wrong, columns, "customer-name columns not called names");
    }

    [TestCase("products", "name")]
    [TestCase("produkte", "bezeichnung")]
    [TestCase("articles", "nom")]
    public void CatalogueNames_StayNone(string table, string column)
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 120).Select(_ => $"{Pick(random, ["Starter", "Team", "Pro", "Basic", "Premium"])} {Pick(random, ["Plan", "Seat", "Pack", "Bundle"])} {random.Next(1000)}").ToArray();
        Assert.That(Combined.Classify(Some.InTable(table, ["id", "price", "sku"], column, "text", values)).DataCategory, Is.EqualTo("none"));
    }
}
