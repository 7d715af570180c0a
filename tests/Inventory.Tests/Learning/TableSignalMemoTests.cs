using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Learning;

/// <summary>The table signals' column bits are memoised per table groups and column name; the model's inputs must be
/// exactly those of the reading without the memo (every name matched again), whatever table filled the memo first.</summary>
public sealed class TableSignalMemoTests
{
    // Column names that give or do not give each column signal (person identifier, reference to a person, money), with
    // look-alikes that must not (created_by names no person; order_id is no person's key).
    private static readonly string[] Names =
    [
        "id", "email", "e_mail", "email_verified", "customer_email", "name", "first_name", "product_name", "phone",
        "phone_type", "username", "user_name", "author_id", "user_ref", "owner_by", "created_by", "updated_by", "order_id",
        "customer_id", "price", "unit_price", "amount", "total_amount", "amount_count", "comment", "body", "title",
        "status", "created_at", "ip_address", "iban", "sku", "quantity", "note", "description", "event_type", "payload",
    ];

    // Table names of every context group the signals read (person, content, order, catalogue, payment, event log) and none.
    private static readonly string[] Tables =
    [
        "users", "customers", "authors", "posts", "comments", "orders", "order_items", "products", "catalog_items",
        "payments", "invoices", "events", "audit_log", "page_views", "settings", "widgets", "sales.customer", "app.kunden",
    ];

    [Test]
    public void BuildMany_CorpusAndGeneratedTables_SameInputsWithAndWithoutTheSignalMemo()
    {
        // Given every column of the corpus (each application's tables apart) and 600 generated tables that reuse the same
        // column names under tables of different groups, with their rule decisions
        var (evidence, decisions) = ModelInputEquivalence.CorpusAnd(Generated(600, seed: 12));

        // When the inputs are built without the memo (the reference), then with it: once in reverse order (the memo filled
        // by other tables first) and once more (every name a hit)
        var (reference, reversed, again) = ModelInputEquivalence.BuildThreeWays(evidence, decisions, on => ColumnFeatures.BypassSignalBitsCache = on);

        // Then every input is the same, and the signals were really exercised
        var signals = reference.Select(r => r.Split('|')[^1]).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(evidence, Has.Length.GreaterThan(5_000));
            Assert.That(reversed, Is.EqualTo(reference));
            Assert.That(again, Is.EqualTo(reference));
            foreach (var signal in new[] { "pi", "pr", "mo", "tp", "to", "tf", "te" })
                Assert.That(signals.Count(s => s.Split(' ').Contains(signal)), Is.GreaterThan(50), signal);
            Assert.That(signals.Count(s => s.Length == 0), Is.GreaterThan(50), "columns without any signal");
        }
    }

    /// <summary>Tables of 3–12 distinct columns drawn from <see cref="Names"/>, named from <see cref="Tables"/> (with a
    /// running suffix so no two share a name, and now and then none, so a name meets the same groups in other tables).</summary>
    private static IEnumerable<ColumnEvidence> Generated(int tables, int seed)
    {
        var random = new Random(seed);
        for (int t = 0; t < tables; t++)
        {
            var table = Tables[random.Next(Tables.Length)] + (random.Next(3) == 0 ? "" : "_" + t);
            var columns = Names.OrderBy(_ => random.Next()).Take(random.Next(3, 13)).ToArray();
            foreach (var name in columns)
            {
                var declared = name.EndsWith("id", StringComparison.Ordinal) ? "integer"
                    : name.Contains("price", StringComparison.Ordinal) || name.Contains("amount", StringComparison.Ordinal) ? "numeric(10,2)"
                    : "varchar(120)";
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
