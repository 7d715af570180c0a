namespace Inventory.Connectors;

/// <summary>
/// Identifier quoting for the SQL the connectors build. Names are always quoted, so their exact case and any odd
/// characters (spaces, slashes, quotes) survive: <c>Sales</c> → <c>"Sales"</c>, <c>buyer "nick" name</c> →
/// <c>"buyer ""nick"" name"</c>. Rule: SQL standard delimited identifiers (ISO/IEC 9075-2, 5.2 &lt;delimited identifier&gt;),
/// as PostgreSQL and SQLite read them: the identifier between double quotes, each double quote inside doubled.
/// </summary>
internal static class Identifiers
{
    /// <summary>Quotes one identifier for a <c>"…"</c> dialect (PostgreSQL, SQLite).</summary>
    /// <param name="identifier">The exact name as the catalog spells it; not empty.</param>
    /// <returns>The delimited identifier, e.g. <c>"Full Name"</c>.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds a NUL character (no engine accepts it; it could end the SQL text early).</exception>
    public static string QuoteDouble(string identifier) => Delimit(identifier, '"');

    /// <summary>Delimits one identifier between two <paramref name="quote"/> characters, each one inside doubled: the
    /// rule every dialect here shares, with its own character (<c>"</c> for PostgreSQL and SQLite, <c>`</c> for MySQL).</summary>
    /// <param name="identifier">The exact name as the catalog spells it; not empty.</param>
    /// <param name="quote">The dialect's identifier quote character.</param>
    /// <returns>The delimited identifier.</returns>
    /// <exception cref="ArgumentException">The name is empty or holds a NUL character (no engine accepts it; it could end the SQL text early).</exception>
    public static string Delimit(string identifier, char quote)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        if (identifier.Length == 0)
            throw new ArgumentException("an identifier cannot be empty", nameof(identifier));
        if (identifier.Contains('\0'))
            throw new ArgumentException("an identifier cannot contain a NUL character", nameof(identifier));
        var q = quote.ToString();
        return q + identifier.Replace(q, q + q, StringComparison.Ordinal) + q;
    }

    /// <summary>Quotes a schema-qualified name for a <c>"…"</c> dialect: <c>"schema"."table"</c>, or just
    /// <c>"table"</c> when the schema is empty (SQLite's main database).</summary>
    /// <param name="schema">Exact schema name, or empty.</param>
    /// <param name="name">Exact relation name.</param>
    /// <returns>The qualified, delimited name.</returns>
    /// <exception cref="ArgumentException">A part is invalid (see <see cref="QuoteDouble(string)"/>).</exception>
    public static string QuoteDouble(string schema, string name) =>
        string.IsNullOrEmpty(schema) ? QuoteDouble(name) : QuoteDouble(schema) + "." + QuoteDouble(name);
}
