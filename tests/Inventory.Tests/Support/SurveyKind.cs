using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Tests.Rules;

namespace Inventory.Tests.Support;

/// <summary>A kind of column generated anew with its values (a case kind of <c>../shared/cases</c> or a held-back kind):
/// names, tables and types (<see cref="ColumnKind"/>), how each column is sampled, and whether names alone must decide.
/// Asserted by <see cref="SampledKindAssertions.AssertSampledKind"/>.</summary>
/// <param name="Case">The case or round it is a kind of (<c>C01</c>…, <c>kinds24</c>).</param>
/// <param name="Kind">Names in en/fr/de/es, tables, declared types (PostgreSQL, SQLite, MariaDB), accepted categories;
/// <c>untagged</c> among them accepts no decision.</param>
/// <param name="Values">Called once per column (its format), then once per value; receives the column. Null values are NULL
/// rows. Null: the kind is decided by names only.</param>
/// <param name="NamesOnly">True when the name and table alone must decide (what CI sees).</param>
/// <param name="Element">The element family of an array column, or null.</param>
/// <param name="ValueCount">Values sampled per column.</param>
internal sealed record SurveyKind(string Case, ColumnKind Kind, Func<Random, AdversarialColumn, Func<Random, string?>>? Values, bool NamesOnly = true,
    TypeFamily? Element = null, int ValueCount = 40)
{
    /// <summary>True when <paramref name="category"/> (null: untagged) is accepted.</summary>
    public bool Accepts(AdversarialColumn column, string? category) =>
        category is null ? Kind.Accepted.Contains("untagged") : column.Accepts(category);

    /// <summary>The generated columns sampled as a scan reads them (values seeded by <paramref name="seed"/>).</summary>
    public ColumnEvidence[] Sample(IReadOnlyList<AdversarialColumn> columns, int seed)
    {
        var random = new Random(seed * 7919);
        return columns.Select(c =>
        {
            var next = Values!(random, c);
            var values = Enumerable.Range(0, ValueCount).Select(_ => next(random)).ToArray();
            return Element is { } element
                ? Some.Array(c.Table, c.Column, c.Type, element, 3, values.OfType<string>().ToArray()) with { TableColumns = [.. c.Siblings, c.Column] }
                : Some.InTable(c.Table, c.Siblings, c.Column, c.Type, values);
        }).ToArray();
    }
}
