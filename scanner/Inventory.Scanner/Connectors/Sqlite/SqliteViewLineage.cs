using Inventory.Catalog;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Inventory.Connectors.Sqlite;

/// <summary>
/// Reads which base column each output column of a SQLite view shows, from SQLite's own name resolution: the view's
/// <c>SELECT * FROM "view"</c> is compiled (<c>sqlite3_prepare_v2</c>), never run, and for each result column
/// <c>sqlite3_column_database_name</c>, <c>sqlite3_column_table_name</c> and <c>sqlite3_column_origin_name</c> name the
/// table column it is a plain reference to (sqlite.org/c3ref/column_database_name.html: null for an expression or a
/// subquery; the origin is followed through aliases, joins, subqueries in FROM, CTEs and other views, so a view over a
/// view names the base table). Compiling reads only the schema the connection already holds in memory.
/// <para>SQLite gives a compound SELECT's columns the origin of its first arm, which is not what the other arms show,
/// so a view whose definition holds <c>UNION</c>, <c>INTERSECT</c> or <c>EXCEPT</c> anywhere (outside literals,
/// quoted identifiers and comments) gets no lineage at all: no lineage is better than a wrong one. Only columns of the
/// <c>main</c> database are named (an attached or temporary database is outside the scan).</para>
/// </summary>
internal static class SqliteViewLineage
{
    /// <summary>The base column of each output column of <paramref name="view"/>, in order.</summary>
    /// <param name="connection">An open connection whose schema holds the view.</param>
    /// <param name="view">The view's name, as <c>sqlite_schema</c> spells it.</param>
    /// <param name="definition">Its <c>CREATE VIEW</c> text (<c>sqlite_schema.sql</c>), null when unknown.</param>
    /// <returns>One entry per output column (null where it is not a plain column of a table of <c>main</c>), or an empty
    /// list when the view has a set operation or cannot be compiled (a broken view: its columns were not read either).</returns>
    /// <remarks>Never throws for a view SQLite refuses; the connection is left as it was.</remarks>
    public static IReadOnlyList<ColumnReference?> OutputColumns(SqliteConnection connection, string view, string? definition)
    {
        if (definition is null || HasSetOperation(definition) || connection.Handle is not { } db) return [];
        var sql = $"SELECT * FROM main.{SqliteDialect.Quote(view)}";
        int rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        using (statement)
        {
            if (rc != raw.SQLITE_OK) return [];
            int count = raw.sqlite3_column_count(statement);
            var result = new ColumnReference?[count];
            for (int i = 0; i < count; i++)
            {
                var database = raw.sqlite3_column_database_name(statement, i).utf8_to_string();
                var table = raw.sqlite3_column_table_name(statement, i).utf8_to_string();
                var column = raw.sqlite3_column_origin_name(statement, i).utf8_to_string();
                if (database == SqliteDialect.DefaultSchema && table is not null && column is not null)
                    result[i] = new ColumnReference(SqliteDialect.DefaultSchema, table, column);
            }
            return result;
        }
    }

    /// <summary>Whether the SQL text holds the keyword <c>UNION</c>, <c>INTERSECT</c> or <c>EXCEPT</c> outside string
    /// literals, quoted identifiers (<c>"…"</c>, <c>`…`</c>, <c>[…]</c>) and comments (SQLite's lexical rules,
    /// sqlite.org/lang_keywords.html and lang_comment.html).</summary>
    /// <param name="sql">A statement's text.</param>
    /// <returns>True when a set operation may combine result rows.</returns>
    internal static bool HasSetOperation(string sql)
    {
        for (int i = 0; i < sql.Length;)
        {
            char c = sql[i];
            if (c is '\'' or '"' or '`')
            {
                // A quote doubled inside is the quote itself; either way the token ends at the next lone quote.
                int j = i + 1;
                while (j < sql.Length && !(sql[j] == c && (j + 1 >= sql.Length || sql[j + 1] != c))) j += sql[j] == c ? 2 : 1;
                i = j + 1;
            }
            else if (c == '[')
            {
                int j = sql.IndexOf(']', i + 1);
                i = j < 0 ? sql.Length : j + 1;
            }
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                int j = sql.IndexOf('\n', i + 2);
                i = j < 0 ? sql.Length : j + 1;
            }
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                int j = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = j < 0 ? sql.Length : j + 2;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                int j = i;
                while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] is '_' or '$')) j++;
                var word = sql.AsSpan(i, j - i);
                if (word.Equals("union", StringComparison.OrdinalIgnoreCase) || word.Equals("intersect", StringComparison.OrdinalIgnoreCase)
                    || word.Equals("except", StringComparison.OrdinalIgnoreCase)) return true;
                i = j;
            }
            else i++;
        }
        return false;
    }
}
