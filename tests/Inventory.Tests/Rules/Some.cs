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
}
