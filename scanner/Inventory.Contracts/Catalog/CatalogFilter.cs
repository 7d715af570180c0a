using System.Text.RegularExpressions;

namespace Inventory.Catalog;

/// <summary>
/// Include/exclude patterns on <c>schema.table</c>, applied before anything is queried.
/// Semantics: a pattern is <c>schema.table</c> where each part is a glob (<c>*</c> any run of characters,
/// <c>?</c> one character); a pattern without a dot applies to tables of any schema. Matching is exact and
/// case-sensitive (<c>Sales.*</c> does not match <c>sales.x</c>). A table is in scope when the include list is
/// empty or one include pattern matches, and no exclude pattern matches (exclude wins).
/// </summary>
public sealed class CatalogFilter
{
    private readonly IReadOnlyList<(Regex? Schema, Regex Table)> _include;
    private readonly IReadOnlyList<(Regex? Schema, Regex Table)> _exclude;

    /// <summary>A filter that lets every table through.</summary>
    public static CatalogFilter All { get; } = new([], []);

    /// <summary>Builds a filter.</summary>
    /// <param name="include">Patterns; empty means everything.</param>
    /// <param name="exclude">Patterns; a match removes the table.</param>
    /// <exception cref="ConfigurationException">A pattern is empty or has more than one unquoted dot separating parts.</exception>
    public CatalogFilter(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        Include = include.ToArray();
        Exclude = exclude.ToArray();
        _include = Include.Select(Compile).ToArray();
        _exclude = Exclude.Select(Compile).ToArray();
    }

    /// <summary>The include patterns as given.</summary>
    public IReadOnlyList<string> Include { get; }
    /// <summary>The exclude patterns as given.</summary>
    public IReadOnlyList<string> Exclude { get; }

    /// <summary>True when the table is in scope.</summary>
    /// <param name="schema">Exact schema name.</param>
    /// <param name="table">Exact table name.</param>
    public bool Matches(string schema, string table)
    {
        bool included = _include.Count == 0 || _include.Any(p => Hit(p, schema, table));
        return included && !_exclude.Any(p => Hit(p, schema, table));
    }

    private static bool Hit((Regex? Schema, Regex Table) p, string schema, string table) =>
        (p.Schema is null || p.Schema.IsMatch(schema)) && p.Table.IsMatch(table);

    private static (Regex?, Regex) Compile(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            throw new ConfigurationException("an include/exclude pattern is empty; use schema.table globs such as public.* or app.customer");
        // The first dot separates schema from table, so table names may contain dots only when a schema is given.
        int dot = pattern.IndexOf('.');
        return dot < 0 ? (null, Glob(pattern)) : (Glob(pattern[..dot]), Glob(pattern[(dot + 1)..]));
    }

    private static Regex Glob(string glob) =>
        new("^" + Regex.Escape(glob).Replace("\\*", ".*").Replace("\\?", ".") + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
