using Inventory.Catalog;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Inventory.Connectors.SqlServer;

/// <summary>
/// Reads which base column each output column of a SQL Server view shows, from the view's CREATE VIEW text
/// (<c>sys.sql_modules.definition</c>) parsed by Microsoft's own T-SQL parser (ScriptDom, SQL Server 2022 grammar).
/// Only a single SELECT is read (no UNION, no <c>SELECT *</c>): an output column that is a plain column reference
/// (<c>column</c>, <c>alias.column</c>, <c>table.column</c> or <c>schema.table.column</c>) of a table named in its FROM
/// (through joins and aliases) gets its base column; an expression, a column of a derived table or CTE, a bare column
/// name over several tables (which one holds it is the catalog's knowledge, not the text's) gets none. No lineage is
/// better than a wrong one.
/// </summary>
internal static class SqlServerViewDefinition
{
    /// <summary>The base column of each output column, by position.</summary>
    /// <param name="definition">The CREATE VIEW text, or null (encrypted, or not visible to the user).</param>
    /// <param name="viewSchema">The view's schema, for tables named without one (resolved further by the caller,
    /// <see cref="ResolveSchema"/>).</param>
    /// <returns>One entry per output column (null where there is none), or an empty list when the text does not parse
    /// or is not a single SELECT with an explicit column list. A table named without a schema gets an empty
    /// <see cref="ColumnReference.Schema"/>.</returns>
    public static IReadOnlyList<ColumnReference?> OutputColumns(string? definition, string viewSchema)
    {
        if (string.IsNullOrWhiteSpace(definition)) return [];
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(definition);
        var fragment = parser.Parse(reader, out var errors);
        if (errors.Count > 0 || fragment is not TSqlScript script) return [];
        var body = script.Batches.SelectMany(b => b.Statements).OfType<ViewStatementBody>().FirstOrDefault();
        var query = body?.SelectStatement?.QueryExpression;
        while (query is QueryParenthesisExpression parenthesis) query = parenthesis.QueryExpression;
        if (query is not QuerySpecification select || body!.SelectStatement.WithCtesAndXmlNamespaces is not null) return [];
        if (select.SelectElements.Any(e => e is SelectStarExpression)) return [];

        var tables = new Dictionary<string, ColumnReference?>(StringComparer.OrdinalIgnoreCase);
        int named = 0;
        void Add(string key, ColumnReference? table) => tables[key] = tables.ContainsKey(key) ? null : table;
        void Walk(TableReference? reference)
        {
            switch (reference)
            {
                case NamedTableReference t when t.SchemaObject.ServerIdentifier is null && t.SchemaObject.DatabaseIdentifier is null:
                    named++;
                    var table = new ColumnReference(t.SchemaObject.SchemaIdentifier?.Value ?? "", t.SchemaObject.BaseIdentifier.Value, "");
                    if (t.Alias is { } alias) Add(alias.Value, table);
                    else
                    {
                        Add(table.Table, table);
                        if (table.Schema.Length > 0) Add($"{table.Schema}.{table.Table}", table);
                    }
                    break;
                case NamedTableReference:
                    named += 2; // another database or server: its columns are not this source's
                    break;
                case JoinTableReference join:
                    Walk(join.FirstTableReference);
                    Walk(join.SecondTableReference);
                    break;
                case JoinParenthesisTableReference parenthesis:
                    Walk(parenthesis.Join);
                    break;
                case TableReferenceWithAlias other:
                    named += 2; // a derived table, a function: its alias resolves to nothing
                    if (other.Alias is { } a) Add(a.Value, null);
                    break;
                default:
                    named += 2;
                    break;
            }
        }
        foreach (var reference in select.FromClause?.TableReferences ?? []) Walk(reference);
        var only = named == 1 ? tables.Values.FirstOrDefault(t => t is not null) : null;

        return select.SelectElements.Select(element =>
        {
            if (element is not SelectScalarExpression { Expression: ColumnReferenceExpression { ColumnType: ColumnType.Regular } column }) return null;
            var parts = column.MultiPartIdentifier.Identifiers.Select(i => i.Value).ToList();
            ColumnReference? table = parts.Count switch
            {
                1 => only,
                2 => tables.GetValueOrDefault(parts[0]),
                3 => tables.GetValueOrDefault($"{parts[0]}.{parts[1]}"),
                _ => null,
            };
            return table is null ? null : table with { Column = parts[^1] };
        }).ToList();
    }

    /// <summary>The schema of a table a view names without one: SQL Server resolves such a name in the view's own schema
    /// first, then in <c>dbo</c>.</summary>
    /// <param name="reference">A base column from <see cref="OutputColumns"/>.</param>
    /// <param name="viewSchema">The view's schema.</param>
    /// <param name="exists">True when the source holds the table (schema, table).</param>
    /// <returns>The reference with its schema, or null when neither schema holds the table.</returns>
    public static ColumnReference? ResolveSchema(ColumnReference reference, string viewSchema, Func<string, string, bool> exists)
    {
        if (reference.Schema.Length > 0) return reference;
        if (exists(viewSchema, reference.Table)) return reference with { Schema = viewSchema };
        return exists(SqlServerDialect.DefaultSchema, reference.Table) ? reference with { Schema = SqlServerDialect.DefaultSchema } : null;
    }
}
