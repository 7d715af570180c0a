namespace Inventory.Connectors.SqlServer;

/// <summary>The single quoting helper for T-SQL identifiers.</summary>
internal static class SqlServerIdentifiers
{
    /// <summary>Quotes an identifier with brackets, doubling every closing bracket (T-SQL "Database Identifiers":
    /// a delimited identifier may hold any character; <c>]</c> is written <c>]]</c>). Unlike <c>QUOTENAME</c> it has no
    /// 128-character limit that would turn a name into NULL.</summary>
    /// <param name="identifier">Exact, case-preserved name.</param>
    /// <returns>e.g. <c>Weird]Name</c> → <c>[Weird]]Name]</c>.</returns>
    public static string Quote(string identifier) => "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";

    /// <summary>Quotes a two-part name <c>[schema].[name]</c>.</summary>
    /// <param name="schema">Exact schema name.</param>
    /// <param name="name">Exact object name.</param>
    public static string Quote(string schema, string name) => Quote(schema) + "." + Quote(name);
}
