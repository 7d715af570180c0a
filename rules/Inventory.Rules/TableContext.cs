using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The name of a column's table as the classifier reads its context (the name rules' table groups, the column
/// model's table signals): the same in a scan and in <c>inventory evaluate</c>.</summary>
public static class TableContext
{
    /// <summary>The table's name qualified by its schema (<c>events.clicks</c>) when the schema is not the source's
    /// default one (<see cref="ColumnEvidence.InDefaultSchema"/>), else the bare table name. A qualified name's schema
    /// passes on only the groups of <see cref="NameRuleSet.SchemaContextGroups"/> (<see cref="NameRuleSet.TableGroups"/>),
    /// and the column model's table tokens leave the schema out (<see cref="Learning.ColumnFeatures.TableTokens"/>).</summary>
    /// <param name="column">The column's evidence.</param>
    /// <returns><c>schema.table</c> or <c>table</c>.</returns>
    public static string NameOf(ColumnEvidence column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Schema.Length == 0 || column.InDefaultSchema ? column.Table : column.Schema + "." + column.Table;
    }
}
