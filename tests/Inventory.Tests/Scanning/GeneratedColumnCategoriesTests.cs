using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Connectors;
using Inventory.Scanning;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>Trial 35 finding 3c: a generated column's expression, as each engine's catalog spells it, read for the
/// columns of its table it uses; and the category a generated column takes from them.</summary>
[TestFixture]
public sealed class GeneratedColumnCategoriesTests
{
    private static readonly string[] Customers = ["id", "company_name", "city", "label", "text", "concat", "note"];

    [TestCase("concat(`company_name`,' (',`city`,')')", ExpectedResult = "company_name,city")] // MariaDB
    [TestCase("concat(`company_name`,_utf8mb4' (',`city`,_utf8mb4')')", ExpectedResult = "company_name,city")] // MySQL 8
    [TestCase("((company_name || ' ('::text) || city) || ')'::text)", ExpectedResult = "company_name,city")] // PostgreSQL
    [TestCase("company_name || ' (' || \"city\" || ')'", ExpectedResult = "company_name,city")] // SQLite
    [TestCase("COMPANY_NAME || [City]", ExpectedResult = "company_name")] // bare words fold case, quoted ones do not
    [TestCase("'company_name is ' || city || 'note'", ExpectedResult = "city")] // names inside string literals are text
    [TestCase("concat(note, text(id))", ExpectedResult = "note,id")] // a word before '(' is a function, its argument a column
    [TestCase("(id)::text || 'x'::concat", ExpectedResult = "id")] // a word after '::' is a type
    [TestCase("upper(label) || city", ExpectedResult = "city")] // the column itself is left out
    [TestCase("city || city || company_name", ExpectedResult = "city,company_name")] // each once, in order
    [TestCase("'constant' || 42", ExpectedResult = "")]
    [TestCase("concat(`company_name`,'it''s', `ci", ExpectedResult = "company_name")] // unclosed: ends there, no throw
    public string ColumnsRead_EnginesSpelling_ColumnsOfTheTableInOrder(string expression) =>
        string.Join(",", GenerationExpression.ColumnsRead(expression, "label", Customers)!);

    [Test]
    public void ColumnsRead_NoExpression_Null() =>
        Assert.That(GenerationExpression.ColumnsRead("  ", "label", Customers), Is.Null);

    [Test]
    public void SqliteExpressions_CreateTableText_EachGeneratedColumnsExpression()
    {
        const string sql = """
            CREATE TABLE "customers" (
              id INTEGER PRIMARY KEY,
              company_name TEXT NOT NULL DEFAULT 'x, y',
              city TEXT CHECK (length(city) < 80 AND city NOT LIKE '%AS (%'),
              "label" TEXT GENERATED ALWAYS AS (company_name || ' (' || city || ')') VIRTUAL,
              [total] INTEGER AS ((qty * (price + 1))) STORED,
              note TEXT,
              CONSTRAINT c CHECK (note AS (x)),
              PRIMARY KEY (id)
            )
            """;
        var expressions = GenerationExpression.SqliteExpressions(sql);
        Assert.That(expressions, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["label"] = "company_name || ' (' || city || ')'",
            ["total"] = "(qty * (price + 1))",
        }));
    }

    /// <summary>Any text, however broken (random pieces of SQL punctuation and words), is read without throwing and gives
    /// only columns of the table.</summary>
    [Test]
    public void ColumnsRead_RandomBrokenText_NeverThrowsAndOnlyTableColumns()
    {
        var random = new Random(36);
        string[] pieces = ["'", "\"", "`", "[", "]", "(", ")", "::", ",", " ", "||", "company_name", "city", "concat", "AS", "x''y", "\\'", "é", "_utf8mb4"];
        var failures = new List<string>();
        for (int i = 0; i < 5000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            try
            {
                var read = GenerationExpression.ColumnsRead(text, "label", Customers) ?? [];
                if (read.Any(r => !Customers.Contains(r))) failures.Add(text);
                _ = GenerationExpression.SqliteExpressions("CREATE TABLE t (" + text);
            }
            catch (Exception e) when (e is not AssertionException)
            {
                failures.Add($"{text}: {e.GetType().Name}");
            }
        }
        Assert.That(failures, Is.Empty);
    }

    private static TableInfo Table(params (string Name, string[]? Reads)[] columns) => new()
    {
        Schema = "public",
        Name = "customers",
        Columns = columns.Select((c, i) => new ColumnInfo
        {
            Name = c.Name, Ordinal = i + 1, DeclaredType = "text", Family = TypeFamily.Text, Computed = c.Reads is not null, GeneratedFrom = c.Reads,
        }).ToList(),
    };

    private static ColumnClassification Decided(string category, double confidence, Origin origin = Origin.Model) =>
        new() { DataCategory = category, Confidence = confidence, Origin = origin };

    [Test]
    public void Apply_GeneratedFromContactParts_TakesTheFirstPersonalCategory()
    {
        var table = Table(("id", null), ("company_name", null), ("city", null), ("label", ["company_name", "city"]));
        var decisions = new[]
        {
            Decided("none", 0.99), Decided("contact.company_name", 0.93), Decided("contact.postal_address", 0.9),
            Decided("customer_content.message", 0.94, Origin.Rules),
        };
        var label = GeneratedColumnCategories.Apply(table, decisions)[3];
        using (Assert.EnterMultipleScope())
        {
            Assert.That((label.DataCategory, label.Confidence), Is.EqualTo(("contact.company_name", 0.93)));
            Assert.That(label.Evidence[0], Is.EqualTo(new EvidenceItem("generated", GeneratedColumnCategories.EvidenceId, "contact.company_name",
                Score: 0.93, Detail: "generated from company_name, city")));
        }
    }

    [Test]
    public void Apply_GeneratedFromNoneColumns_None()
    {
        var table = Table(("qty", null), ("unit_price", null), ("summary", ["qty", "unit_price"]));
        var decisions = new[] { Decided("none", 0.97), Decided("none", 0.8), Decided("customer_content.message", 0.7) };
        Assert.That(GeneratedColumnCategories.Apply(table, decisions)[2] is { DataCategory: "none", Confidence: 0.8 }, Is.True);
    }

    [TestCase("contact.email", Origin.Rules, Description = "its own values said a precise kind")]
    [TestCase("customer_content.message", Origin.DatabaseLabel, Description = "a database label is never replaced")]
    public void Apply_OwnDecisionKept(string own, Origin origin)
    {
        var table = Table(("doc", null), ("email", ["doc"]));
        var decisions = new[] { Decided("customer_content.application_data", 0.8), Decided(own, 0.95, origin) };
        Assert.That(GeneratedColumnCategories.Apply(table, decisions)[1].DataCategory, Is.EqualTo(own));
    }

    [Test]
    public void Apply_ReadColumnUndecidedOrMissing_OwnDecisionKept()
    {
        var table = Table(("a", null), ("g1", ["a"]), ("g2", ["gone"]));
        var decisions = new[] { ColumnClassification.Undecided(), Decided("none", 0.6), Decided("none", 0.6) };
        Assert.That(GeneratedColumnCategories.Apply(table, decisions), Is.SameAs(decisions));
    }
}
