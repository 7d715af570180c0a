using System.Text.RegularExpressions;

namespace Inventory.Catalog;

/// <summary>
/// Include/exclude patterns on <c>schema.table</c>, applied before anything is queried.
/// Semantics: a pattern is <c>schema.table</c> where each part is a glob (<c>*</c> any run of characters,
/// <c>?</c> one character); a pattern without a dot applies to tables of any schema. Matching is exact and
/// case-sensitive (<c>Sales.*</c> does not match <c>sales.x</c>). A table is in scope when the include list is
/// empty or one include pattern matches, and no exclude pattern matches (exclude wins).
/// Names that contain a dot: a part in double quotes is taken literally, dots included (<c>"My.Schema".*</c>, <c>""</c>
/// for a quote inside); an unquoted pattern with several dots matches at any of its dots (<c>My.Schema.*</c> is
/// schema <c>My.Schema</c> with any table, or schema <c>My</c> with a table matching <c>Schema.*</c>).
/// </summary>
public sealed class CatalogFilter
{
    private readonly IReadOnlyList<(Regex? Schema, Regex Table)[]> _include;
    private readonly IReadOnlyList<(Regex? Schema, Regex Table)[]> _exclude;

    /// <summary>A filter that lets every table through.</summary>
    public static CatalogFilter All { get; } = new([], []);

    /// <summary>Builds a filter.</summary>
    /// <param name="include">Patterns; empty means everything.</param>
    /// <param name="exclude">Patterns; a match removes the table.</param>
    /// <exception cref="ConfigurationException">A pattern is empty, has an unclosed quote, or has more than two parts
    /// once quoted parts are read.</exception>
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

    /// <summary>True when one pattern, alone, matches the table (e.g. to tell an include that matches nothing).</summary>
    /// <param name="pattern">An include/exclude pattern.</param>
    /// <param name="schema">Exact schema name.</param>
    /// <param name="table">Exact table name.</param>
    /// <exception cref="ConfigurationException">As the constructor.</exception>
    public static bool PatternMatches(string pattern, string schema, string table) => Hit(Compile(pattern), schema, table);

    private static bool Hit((Regex? Schema, Regex Table)[] alternatives, string schema, string table) =>
        alternatives.Any(p => (p.Schema is null || p.Schema.IsMatch(schema)) && p.Table.IsMatch(table));

    /// <summary>The (schema, table) readings of a pattern: one when it has at most one unquoted dot or quotes; one per
    /// dot for an unquoted pattern with several.</summary>
    private static (Regex?, Regex)[] Compile(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
            throw new ConfigurationException("an include/exclude pattern is empty; use schema.table globs such as public.* or app.customer");
        if (pattern.Contains('"'))
        {
            var parts = QuotedParts(pattern);
            return parts.Count switch
            {
                1 => [(null, parts[0])],
                2 => [(parts[0], parts[1])],
                _ => throw new ConfigurationException(
                    $"pattern '{pattern}' has {parts.Count} parts; use schema.table, and quote a name that contains a dot (\"My.Schema\".*)"),
            };
        }
        var dots = Enumerable.Range(0, pattern.Length).Where(i => pattern[i] == '.').ToList();
        if (dots.Count == 0) return [(null, Glob(pattern))];
        return dots.Select(dot => ((Regex?)Glob(pattern[..dot]), Glob(pattern[(dot + 1)..]))).ToArray();
    }

    /// <summary>Splits a pattern with quotes at its unquoted dots: a quoted part is literal (<c>""</c> is one quote),
    /// an unquoted one a glob; a part may mix both (<c>"My.App"_*</c>).</summary>
    private static List<Regex> QuotedParts(string pattern)
    {
        var parts = new List<Regex>();
        var regex = new System.Text.StringBuilder("^");
        int i = 0;
        while (i <= pattern.Length)
        {
            if (i == pattern.Length || pattern[i] == '.')
            {
                parts.Add(new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline));
                regex.Clear().Append('^');
                i++;
                continue;
            }
            if (pattern[i] == '"')
            {
                var literal = new System.Text.StringBuilder();
                i++;
                while (true)
                {
                    if (i >= pattern.Length)
                        throw new ConfigurationException($"pattern '{pattern}' has an unclosed quote; close it (\"My.Schema\".*)");
                    if (pattern[i] == '"')
                    {
                        if (i + 1 < pattern.Length && pattern[i + 1] == '"') { literal.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    literal.Append(pattern[i++]);
                }
                regex.Append(Regex.Escape(literal.ToString()));
                continue;
            }
            regex.Append(pattern[i] switch { '*' => ".*", '?' => ".", var c => Regex.Escape(c.ToString()) });
            i++;
        }
        return parts;
    }

    private static Regex Glob(string glob) =>
        new("^" + Regex.Escape(glob).Replace("\\*", ".*").Replace("\\?", ".") + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
