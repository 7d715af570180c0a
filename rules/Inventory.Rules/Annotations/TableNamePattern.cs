using Inventory.Catalog;
using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>
/// The tables one annotation document covers. A <c>table:</c> value is an exact, case-sensitive qualified name
/// (<c>app.users</c>), or, when it holds an unquoted <c>*</c> or <c>?</c>, a <c>schema.table</c> glob with the
/// include/exclude semantics of <see cref="CatalogFilter"/> (<c>tenant_*.clients</c>, <c>*.clients</c>: the same table in
/// every tenant schema of a schema-per-tenant application; a pattern without a dot matches the table name in any
/// schema). A value that is the exact name of a scanned table is always that table, even with a <c>*</c> in it.
/// <para>When several documents cover one table, the most specific wins (<see cref="MoreSpecific"/>): an exact name over
/// a pattern, then one with <c>source:</c> over one without, then the pattern with more literal characters; on a tie,
/// the first in load order (file name order, then document order); what it does not say (a column's entry, the
/// activity, retention, recipients) comes from the next most specific (<see cref="Layer"/>). Source of the rule: trial 32 (one annotation per tenant schema was the only way to annotate
/// a schema-per-tenant application).</para>
/// </summary>
public sealed class TableNamePattern
{
    private readonly CatalogFilter _filter;

    private TableNamePattern(string text, CatalogFilter filter)
    {
        Text = text;
        _filter = filter;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>True when a <c>table:</c> value is a pattern: it holds <c>*</c> or <c>?</c> outside double quotes.</summary>
    /// <param name="table">The value of <c>table:</c>.</param>
    public static bool IsPattern(string table)
    {
        bool quoted = false;
        foreach (var c in table)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '*' or '?') return true;
        }
        return false;
    }

    /// <summary>The pattern of a <c>table:</c> value, or null when the value is an exact name.</summary>
    /// <param name="table">The value of <c>table:</c>.</param>
    /// <exception cref="ConfigurationException">The value is a pattern that does not parse (an unclosed quote, more than
    /// two parts once quoted parts are read).</exception>
    public static TableNamePattern? Of(string table) =>
        IsPattern(table) ? new TableNamePattern(table, new CatalogFilter([table], [])) : null;

    /// <summary>True when the pattern covers the table (its schema and name, as the catalog spells them).</summary>
    /// <param name="table">A table of the inventory.</param>
    public bool Matches(TableEntry table) => _filter.Matches(table.Schema, table.Name);

    /// <summary>True when <paramref name="candidate"/> is more specific for the table than <paramref name="current"/>,
    /// both covering it: an exact name beats a pattern, then a document with <c>source:</c> one without, then, between
    /// two patterns, the one with more characters that are not <c>*</c> or <c>?</c> (<c>tenant_*.clients</c> over
    /// <c>*.clients</c>). False on a tie: the first in load order stays.</summary>
    /// <param name="candidate">An annotation that covers <paramref name="table"/>, met later in load order.</param>
    /// <param name="current">The annotation applied so far.</param>
    /// <param name="table">The table.</param>
    public static bool MoreSpecific(TableAnnotation candidate, TableAnnotation current, TableEntry table)
    {
        static (int Exact, int Sourced, int Literal) Rank(TableAnnotation a, TableEntry t) =>
            (a.Table == t.QualifiedName ? 1 : 0, a.Source is null ? 0 : 1, a.Table.Count(c => c is not ('*' or '?')));
        var (c, p) = (Rank(candidate, table), Rank(current, table));
        return c.Exact != p.Exact ? c.Exact > p.Exact
            : c.Sourced != p.Sourced ? c.Sourced > p.Sourced
            : c.Exact == 0 && c.Literal > p.Literal;
    }

    /// <summary>Places an annotation covering <paramref name="table"/> among the others that cover it, most specific
    /// first (<see cref="MoreSpecific"/>; on a tie, load order). The merger takes a column's entry, and a table's activity,
    /// retention and recipients, from the first layer that gives them: a source-specific document holding only the columns
    /// one tenant adds relies on the fleet's source-less document for the rest (trial33 finding 8: the differing tenant's
    /// stub repeated every shared column, to be filled twice and to drift).</summary>
    /// <param name="layers">The annotations covering the table so far, most specific first; modified.</param>
    /// <param name="annotation">An annotation covering the table, met later in load order.</param>
    /// <param name="table">The table.</param>
    public static void Layer(List<TableAnnotation> layers, TableAnnotation annotation, TableEntry table)
    {
        var at = layers.FindIndex(l => MoreSpecific(annotation, l, table));
        layers.Insert(at < 0 ? layers.Count : at, annotation);
    }

    /// <summary>Every annotation that applies to a table of a source, most specific first (<see cref="Layer"/>); empty
    /// when none does.</summary>
    /// <param name="annotations">Loaded annotations with their patterns (<see cref="Read"/>), in load order.</param>
    /// <param name="source">The source's name.</param>
    /// <param name="table">The table.</param>
    public static IReadOnlyList<TableAnnotation> Layers(IReadOnlyList<(TableAnnotation Annotation, TableNamePattern? Pattern)> annotations, string source, TableEntry table)
    {
        var layers = new List<TableAnnotation>();
        foreach (var (annotation, pattern) in annotations)
        {
            if (annotation.Source is not null && annotation.Source != source) continue;
            if (annotation.Table != table.QualifiedName && !(pattern?.Matches(table) ?? false)) continue;
            Layer(layers, annotation, table);
        }
        return layers;
    }

    /// <summary>Each annotation with its <c>table:</c> pattern read once (null for an exact name), for
    /// <see cref="Applying"/> over many tables.</summary>
    /// <param name="annotations">Loaded annotations, in load order.</param>
    /// <returns>The annotations in the same order, each with its pattern.</returns>
    /// <exception cref="ConfigurationException">A <c>table:</c> pattern does not parse (the loader rejects those first).</exception>
    public static IReadOnlyList<(TableAnnotation Annotation, TableNamePattern? Pattern)> Read(IEnumerable<TableAnnotation> annotations) =>
        annotations.Select(a => (a, Of(a.Table))).ToArray();

    /// <summary>The annotation that applies to a table of a source: among the documents whose <c>source:</c> is absent or
    /// names the source and whose <c>table:</c> names or matches the table, the most specific (see the class), first
    /// in load order on a tie. Null when none does.</summary>
    /// <param name="annotations">Loaded annotations with their patterns (<see cref="Read"/>), in load order.</param>
    /// <param name="source">The source's name.</param>
    /// <param name="table">The table.</param>
    public static TableAnnotation? Applying(IReadOnlyList<(TableAnnotation Annotation, TableNamePattern? Pattern)> annotations, string source, TableEntry table) =>
        Layers(annotations, source, table).FirstOrDefault();
}
