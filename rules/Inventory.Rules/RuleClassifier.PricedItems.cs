using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's decisions on columns of tables that describe things, not people (ship27): the bare
/// name of a priced item and the age of a record.</summary>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of <see cref="PricedItemName"/>'s decision (kind <c>table-context</c>).</summary>
    public const string PricedItemEvidence = "table.priced-items";

    /// <summary>Evidence id of <see cref="AgeOfARecord"/>'s decision (kind <c>table-context</c>).</summary>
    public const string AgeOfARecordEvidence = "table.age-of-a-record";

    // Table groups whose bare name or age is a person's, a company's, a device's or a machine's, or belongs to the record
    // of something a person did: their own rules and the model decide (a customer's name, a vendor's, an order's buyer).
    private static readonly string[] PeoplesGroups =
    [
        "person", "employment", "company", "device", "infrastructure", "order", "payment", "address", "content", "care",
        "user-account", "identity-link", "group-member", "sign-in", "event-log",
    ];

    // Last words of a key column (as the model's `pr` table signal reads them, ColumnFeatures.Table).
    private static readonly HashSet<string> KeyWords = new(StringComparer.Ordinal) { "id", "ids", "key", "uuid", "guid", "fk", "pk", "ref", "oid", "by" };

    /// <summary>True when the column's table may hold someone's record: its name is of a group of people's records
    /// (<see cref="PeoplesGroups"/>), or another column identifies someone (a match of a <c>contact</c> category, a VAT or
    /// a national number) or refers to a person (a key whose other words are a person word: <c>user_id</c>,
    /// <c>customer_ref</c>, <c>owner_id</c>, <c>id_cliente</c>, <c>id_adherent</c>).</summary>
    private bool MayHoldSomeonesRecord(ColumnEvidence column, NameMatch name)
    {
        if (name.TableGroups.Any(PeoplesGroups.Contains)) return true;
        foreach (var sibling in column.TableColumns)
        {
            if (string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)) continue;
            var match = _rules.Match(TableContext.NameOf(column), sibling, TypeFamily.Text);
            if (match.Gates.Count == 0 && match.DataCategory is { } category
                && (DataCategory.TopLevelOf(category) == "contact" || category is "financial.tax_id" or "other_personal.national_id")) return true;
            // A key written id last (user_id) or, as French and Spanish write it, id first (id_cliente, id_adherent).
            var tokens = match.Tokens;
            if (tokens.Count < 2) continue;
            var rest = KeyWords.Contains(tokens[^1]) ? tokens.Take(tokens.Count - 1) : KeyWords.Contains(tokens[0]) ? tokens.Skip(1) : null;
            if (rest is not null && _rules.TableGroups(string.Join('_', rest)).Contains("person")) return true;
        }
        return false;
    }

    /// <summary>The bare name (the whole column name a phrase of the name group <c>item-label</c> of
    /// <c>name-rules.yml</c>: <c>name</c>, <c>nom</c>, <c>nombre</c>, <c>Bezeichnung</c>, <c>label</c>, <c>libelle</c>,
    /// <c>titulo</c>) of a table whose rows are items the organisation prices, sells or stocks (another column's name holds
    /// a word of the name group <c>priced-item</c>: <c>price</c>, <c>prix</c>, <c>precio</c>, <c>Preis</c>, <c>sku</c>,
    /// <c>stock</c>, <c>barcode</c>) is the item's name: <c>none</c> (LABELS.md tie-breaker 6, the organisation's own
    /// configuration and catalogue: plans, fees, options, forfaits, Tarife, etiquetas). Not when the table may hold
    /// someone's record (<see cref="MayHoldSomeonesRecord"/>: a supplier or a customer with prices keeps its name), nor
    /// when the sampled values decided (people's names under a bare name are people, <c>ValueRules</c>). A table-context
    /// decision, so it stands in the combination, names only as well: the corpus's priced tables whose bare name is a
    /// company's (a French <c>societe.nom</c>) taught every retrain after session 26 that a <c>nom</c> beside a price is a
    /// company's name (rules/MODEL.md, "The combination's class-weight power, again").</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The column name's match: none, or a <c>none</c> match without gate.</param>
    /// <param name="evidence">The column's evidence, prepended to when the rule applies.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? PricedItemName(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is not (null or "none") || name.Gates.Count > 0) return null;
        if (column.Column.Family is not (TypeFamily.Text or TypeFamily.Untyped) || !_rules.IsNameGroupPhrase(name.Tokens, "item-label")) return null;
        bool priced = false;
        foreach (var sibling in column.TableColumns)
            if (!string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)
                && _rules.InNameGroup(_rules.Match(TableContext.NameOf(column), sibling, TypeFamily.Text).Tokens, "priced-item")) { priced = true; break; }
        if (!priced || MayHoldSomeonesRecord(column, name)) return null;
        evidence.Insert(0, new EvidenceItem("table-context", PricedItemEvidence, "none",
            Detail: "the bare name of a table of priced items (another column names a price, a SKU or a stock) that identifies no one: the item's name"));
        return Decide("none", 0.8, evidence);
    }

    /// <summary>An age (a name holding a word of the name group <c>age</c> of <c>name-rules.yml</c>: <c>max_age</c>,
    /// <c>cache_age</c>, <c>age_limit</c>, <c>age_max</c>, <c>Alter</c>, <c>edad_maxima</c>) that no rule gives a personal
    /// category but the date of birth its age word alone gives (<c>name.en.date-of-birth</c> reads a bare <c>age</c>), as
    /// a number or text, in a table that may hold no one's record (<see cref="MayHoldSomeonesRecord"/>:
    /// settings, caches, HTTP headers, retention policies, products) is the age of the record, a duration: <c>none</c>,
    /// never a date of birth (a person's age in a person table is <c>name.multi.age-of-a-person</c>; held-back kind of
    /// kinds23, which every retrain at power 0.4 read as dates of birth). A table-context decision: it stands in the
    /// combination, names only as well.</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The column name's match: none, a <c>none</c> match, or a gated one.</param>
    /// <param name="evidence">The column's evidence, prepended to when the rule applies.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? AgeOfARecord(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is not (null or "none" or "other_personal.date_of_birth")) return null;
        if (column.Column.Family is not (TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other)) return null;
        if (!_rules.InNameGroup(name.Tokens, "age") || column.TableColumns.Count == 0) return null;
        // A date of birth read from the age word alone (name.en.date-of-birth takes a bare age), not from a word of birth
        // (birth_year_age, geburtsjahr_alter keep theirs).
        if (name.DataCategory == "other_personal.date_of_birth"
            && _rules.Match(TableContext.NameOf(column), string.Join('_', name.Tokens.Where(t => !_rules.InNameGroup([t], "age"))), column.Column.Family).DataCategory
                == "other_personal.date_of_birth") return null;
        // A person's age named as such (customer_age, edad_paciente) is theirs wherever it is kept.
        if (_rules.TableGroups(column.Column.Name).Contains("person") || MayHoldSomeonesRecord(column, name)) return null;
        evidence.Insert(0, new EvidenceItem("table-context", AgeOfARecordEvidence, "none",
            Detail: "an age in a table that holds no one's record (settings, caches, headers, policies, items): the record's age, a duration"));
        return Decide("none", 0.8, evidence);
    }
}
