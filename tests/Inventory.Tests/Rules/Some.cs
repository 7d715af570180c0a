using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Evaluation;

namespace Inventory.Tests.Rules;

/// <summary>Builders for column evidence in rule tests.</summary>
internal static class Some
{
    /// <summary>A sampled column; <paramref name="values"/> may hold nulls (counted as NULL rows).</summary>
    public static ColumnEvidence Column(string table, string column, string declaredType, params string?[] values) => new()
    {
        Table = table,
        Column = new ColumnInfo { Name = column, Ordinal = 1, DeclaredType = declaredType, Family = DeclaredTypes.FamilyOf(declaredType) },
        Sampled = true,
        SampledRows = values.Length,
        NullCount = values.Count(v => v is null),
        Values = values.Where(v => v is not null).Select(v => v!).ToArray(),
    };

    /// <summary>A column known only by name and type (not sampled).</summary>
    public static ColumnEvidence Unsampled(string table, string column, string declaredType) => new()
    {
        Table = table,
        Column = new ColumnInfo { Name = column, Ordinal = 1, DeclaredType = declaredType, Family = DeclaredTypes.FamilyOf(declaredType) },
        Sampled = false,
    };

    /// <summary>A sampled column with its table's other column names (table context for the rules).</summary>
    public static ColumnEvidence InTable(string table, string[] siblings, string column, string declaredType, params string?[] values) =>
        Column(table, column, declaredType, values) with { TableColumns = [.. siblings, column] };

    /// <summary>A sampled array column (PostgreSQL <c>text[]</c>…): <paramref name="elements"/> are the sampled elements,
    /// as the sampler gives them; <paramref name="emptyArrays"/> rows held an empty array or NULL.</summary>
    public static ColumnEvidence Array(string table, string column, string declaredType, TypeFamily elementFamily, int emptyArrays, params string[] elements) => new()
    {
        Table = table,
        Column = new ColumnInfo { Name = column, Ordinal = 1, DeclaredType = declaredType, Family = TypeFamily.Other, ElementFamily = elementFamily },
        Sampled = true,
        SampledRows = emptyArrays + Math.Max(1, elements.Length / 2),
        NullCount = emptyArrays,
        Values = elements,
    };
}
