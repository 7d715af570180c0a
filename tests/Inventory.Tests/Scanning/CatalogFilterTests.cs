using Inventory.Catalog;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>Include/exclude patterns, including schema and table names that contain a dot.</summary>
[TestFixture]
public sealed class CatalogFilterTests
{
    [TestCase("public.*", "public", "users", ExpectedResult = true)]
    [TestCase("Sales.*", "sales", "orders", ExpectedResult = false)]
    [TestCase("users", "any", "users", ExpectedResult = true)]
    [TestCase("\"My.Schema\".*", "My.Schema", "orders", ExpectedResult = true)]
    [TestCase("\"My.Schema\".*", "My", "Schema.orders", ExpectedResult = false)]
    [TestCase("\"My.Schema\".\"ord*\"", "My.Schema", "orders", ExpectedResult = false)]   // quoted: literal, * included
    [TestCase("\"My.Schema\".ord*", "My.Schema", "orders", ExpectedResult = true)]
    [TestCase("\"My.Schema\"", "other", "My.Schema", ExpectedResult = true)]               // one part: the table, any schema
    [TestCase("\"a\"\"b\".t", "a\"b", "t", ExpectedResult = true)]
    [TestCase("My.Schema.*", "My.Schema", "orders", ExpectedResult = true)]                 // several dots: any split
    [TestCase("My.Schema.*", "My", "Schema.orders", ExpectedResult = true)]
    [TestCase("My.Schema.*", "My", "orders", ExpectedResult = false)]
    public bool Matches_Pattern(string pattern, string schema, string table) => new CatalogFilter([pattern], []).Matches(schema, table);

    [Test]
    public void Matches_ExcludeQuotedDottedSchema_ExcludesOnlyThatSchema()
    {
        var filter = new CatalogFilter([], ["\"My.Schema\".*"]);

        Assert.That((filter.Matches("My.Schema", "t"), filter.Matches("My", "Schema.t")), Is.EqualTo((false, true)));
    }

    [TestCase("\"My.Schema.*", "unclosed quote")]
    [TestCase("\"a\".\"b\".\"c\"", "has 3 parts")]
    [TestCase(" ", "pattern is empty")]
    public void Create_MalformedPattern_Throws(string pattern, string message) =>
        Assert.That(() => new CatalogFilter([pattern], []), Throws.TypeOf<ConfigurationException>().With.Message.Contains(message));
}
