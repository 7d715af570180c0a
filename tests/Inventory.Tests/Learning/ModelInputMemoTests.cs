using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Learning;

/// <summary>The model's inputs memoise their joined texts (name, context, table signals) per name and table head or
/// signal bits: every input must be exactly the one built without the memos, whatever table filled them first.</summary>
public sealed class ModelInputMemoTests
{
    // Column names in English, French, German and Spanish, with look-alikes, repeated from table to table.
    private static readonly string[] Names =
    [
        "id", "email", "customer_email", "first_name", "last_name", "phone", "created_at", "updated_by", "author_id",
        "price", "amount", "comment", "status", "ip_address", "note", "description", "user_ref",
        "courriel", "prenom", "nom", "telephone", "adresse_postale", "montant_ttc", "date_naissance", "commentaire",
        "vorname", "nachname", "strasse", "telefonnummer", "betrag", "geburtsdatum", "kommentar", "erstellt_von",
        "correo", "nombre", "apellido", "telefono", "importe", "fecha_nacimiento", "comentario", "usuario_id",
    ];

    // Table names of every context group, in the four languages, with schemas and none.
    private static readonly string[] Tables =
    [
        "users", "customers", "posts", "orders", "products", "payments", "events", "settings",
        "clients", "commandes", "factures", "utilisateurs", "kunden", "bestellungen", "rechnungen", "benutzer",
        "clientes", "pedidos", "facturas", "usuarios", "sales.customer", "app.kunden", "widgets",
    ];

    private static readonly string[] Spellings =
        ["integer", "bigint", "varchar(120)", "character varying(16)", "text", "numeric(10,2)", "timestamptz", "date", "uuid",
         "jsonb", "boolean", "NVARCHAR(MAX)", "tinyint(1)", "money", "int unsigned", "\"Name\"", "text[]", ""];

    [Test]
    public void BuildMany_CorpusAndGeneratedTables_SameInputsWithAndWithoutTheMemos()
    {
        // Given every column of the corpus and 800 generated tables that reuse the same names under tables of other heads
        // and groups, with their rule decisions
        var (evidence, decisions) = ModelInputEquivalence.CorpusAnd(Generated(800, seed: 27));

        // When the inputs are built without the memos (the reference), then with them: in reverse order (the memos filled
        // by other tables first) and once more (every key a hit)
        var (reference, reversed, again) = ModelInputEquivalence.BuildThreeWays(evidence, decisions, on => ColumnFeatures.BypassInputMemos = on);

        // Then every input is the same, and the memoised texts were really exercised
        var fields = reference.Select(r => r.Split('|')).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(evidence, Has.Length.GreaterThan(5_000));
            Assert.That(reversed, Is.EqualTo(reference));
            Assert.That(again, Is.EqualTo(reference));
            Assert.That(fields.Select(f => f[3]).Where(c => c.Length > 0).Distinct().Count(), Is.GreaterThan(500), "distinct contexts");
            Assert.That(fields.Select(f => f[^1]).Where(s => s.Length > 0).Distinct().Count(), Is.GreaterThan(200), "distinct table signals");
            Assert.That(fields.Select(f => f[4]).Distinct().Count(), Is.GreaterThan(5), "distinct type families");
        }
    }

    /// <summary>Tables of 3–14 distinct columns drawn from <see cref="Names"/>, named from <see cref="Tables"/> (a running
    /// suffix on most, so names meet the same head in other tables), each column of a declared type drawn at random.</summary>
    private static IEnumerable<ColumnEvidence> Generated(int tables, int seed)
    {
        var random = new Random(seed);
        for (int t = 0; t < tables; t++)
        {
            var table = Tables[random.Next(Tables.Length)] + (random.Next(4) == 0 ? "" : "_" + t);
            var columns = Names.OrderBy(_ => random.Next()).Take(random.Next(3, 15)).ToArray();
            foreach (var name in columns)
            {
                var declared = Spellings[random.Next(Spellings.Length)];
                yield return new ColumnEvidence
                {
                    Table = table,
                    TableColumns = columns,
                    Column = new ColumnInfo { Name = name, Ordinal = 1, DeclaredType = declared, Family = DeclaredTypes.FamilyOf(declared) },
                    Sampled = false,
                };
            }
        }
    }
}
