using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>A table name's context groups are memoised per name (<see cref="NameRuleSet.TableGroups"/>, shared with
/// <see cref="NameRuleSet.Match(string, string, Inventory.Catalog.TypeFamily)"/>): the memo answers what the groups
/// computed afresh answer, for generated table names in four languages, asked once, again, and after a column match.</summary>
[TestFixture]
public sealed class TableGroupsMemoTests
{
    // Table words in en, fr, de and es, in and outside the rule file's groups, singular and plural.
    private static readonly string[] Words =
    [
        "customer", "customers", "user", "users", "order", "orders", "invoice", "payment", "payments", "event", "log", "audit",
        "product", "products", "address", "addresses", "company", "employee", "ticket", "message", "device", "server", "lookup",
        "type", "status", "setting", "shipping", "billing", "sales", "person", "people", "account", "session", "note",
        "client", "clients", "utilisateur", "commande", "commandes", "facture", "paiement", "produit", "adresse", "societe",
        "salarie", "demande", "appareil", "journal", "parametre", "livraison", "entreprise", "fournisseur", "membre",
        "kunde", "kunden", "benutzer", "bestellung", "bestellungen", "rechnung", "zahlung", "produkt", "adressen", "firma",
        "mitarbeiter", "nachricht", "geraet", "protokoll", "einstellung", "lieferung", "lieferant", "anfrage",
        "cliente", "clientes", "usuario", "pedido", "pedidos", "factura", "pago", "producto", "direccion", "empresa",
        "empleado", "mensaje", "dispositivo", "registro", "configuracion", "envio", "proveedor", "solicitud",
        "tmp", "x", "v2", "2024", "archive", "history", "staging", "raw", "stg", "dim", "fact", "map",
    ];

    private static IEnumerable<string> TableNames()
    {
        var random = new Random(25);
        string[] separators = ["_", "", "-", " "];
        string[] schemas = ["", "public.", "dbo.", "sales.", "crm."];
        for (int n = 0; n < 4000; n++)
        {
            var words = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words[random.Next(Words.Length)]).ToArray();
            var separator = separators[random.Next(separators.Length)];
            if (separator.Length == 0) words = [.. words.Select((w, i) => i == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..])];
            var name = schemas[random.Next(schemas.Length)] + string.Join(separator, words);
            yield return random.Next(5) == 0 ? name.ToUpperInvariant() : name;
        }
    }

    [Test]
    public void TableGroups_GeneratedNamesAskedThreeWays_SameAsUncached()
    {
        // Given 4,000 generated table names (many repeated) and the default rule set
        var rules = NameRuleSet.Default;
        var names = TableNames().ToArray();
        int differing = 0, grouped = 0;
        foreach (var name in names)
        {
            var fresh = rules.TableGroupsUncached(name);
            if (fresh.Count > 0) grouped++;
            // When the groups are asked once, again (from the memo), and after a column match of the same table
            var first = rules.TableGroups(name);
            var second = rules.TableGroups(name);
            rules.Match(name, "email", Inventory.Catalog.TypeFamily.Text);
            var third = rules.TableGroups(name);
            if (!first.SequenceEqual(fresh) || !second.SequenceEqual(fresh) || !third.SequenceEqual(fresh)) differing++;
        }

        // Then every answer is the uncached one, and most names fall in some group (the test could fail)
        Assert.That(grouped, Is.GreaterThan(names.Length / 2));
        Assert.That(differing, Is.Zero);
    }

    [Test]
    public void Match_TableGroupsAskedFirst_SameMatchAsWithoutIt()
    {
        // Given a column matched in a table whose groups were memoised by TableGroups (not by Match) first
        var rules = NameRuleSet.Default;
        var table = "kunden_rechnungsadressen_" + Guid.NewGuid().ToString("N")[..6];
        var groups = rules.TableGroups(table);

        // Then the match carries the same groups
        var match = rules.Match(table, "strasse", Inventory.Catalog.TypeFamily.Text);
        Assert.That(groups, Is.Not.Empty);
        Assert.That(match.TableGroups, Is.EqualTo(rules.TableGroupsUncached(table)));
    }
}
