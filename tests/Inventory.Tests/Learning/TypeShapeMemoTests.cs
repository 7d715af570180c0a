using Inventory.Catalog;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>The model's type shape is memoised per declared type and family (<see cref="ColumnFeatures.ShapeOf"/>): the
/// memo answers what the function itself answers, for the same declared type under every family, in any order.</summary>
[TestFixture]
public sealed class TypeShapeMemoTests
{
    private static IEnumerable<string> DeclaredTypes()
    {
        string[] bases = ["varchar", "character varying", "nvarchar", "char", "text", "numeric", "decimal", "money", "float",
            "real", "double precision", "smallint", "tinyint", "integer", "bigint", "int", "date", "timestamp", "timestamptz",
            "timestamp with time zone", "datetime2", "bytea", "uuid", "jsonb", "boolean", "bit", "  VARCHAR ", "Number"];
        foreach (var b in bases)
        {
            yield return b;
            foreach (var n in new[] { 1, 3, 4, 16, 17, 64, 65, 1000, 1001, 4000 })
            {
                yield return $"{b}({n})";
                yield return $"{b}({n},2)";
                yield return $"{b}({n}, 4)";
            }
        }
    }

    [Test]
    public void ShapeOf_EveryDeclaredTypeAndFamilyTwice_SameAsUncached()
    {
        // Given declared types of every kind with lengths around the shape boundaries, under every type family
        var families = Enum.GetValues<TypeFamily>();
        var cases = DeclaredTypes().SelectMany(t => families.Select(f => (Type: t, Family: f))).ToArray();

        // When each is shaped through the memo twice (the second answer comes from the memo), forwards then backwards
        var differing = cases.Concat(cases.Reverse()).Count(c =>
            ColumnFeatures.ShapeOf(c.Type, c.Family) != ColumnFeatures.ShapeOfUncached(c.Type, c.Family)
            || ColumnFeatures.ShapeOf(c.Type, c.Family) != ColumnFeatures.ShapeOfUncached(c.Type, c.Family));

        // Then every answer is the function's own, and the cases cover distinct shapes (the test could fail)
        Assert.That(cases.Select(c => ColumnFeatures.ShapeOfUncached(c.Type, c.Family)).Distinct().Count(), Is.GreaterThan(8));
        Assert.That(differing, Is.Zero);
    }
}
