using Inventory.Catalog;
using Inventory.Connectors.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Sqlite;

public sealed class SqliteDialectTests
{
    [TestCase("plain", ExpectedResult = "\"plain\"")]
    [TestCase("buyer \"nick\" name", ExpectedResult = "\"buyer \"\"nick\"\" name\"")]
    [TestCase("Order Lines/2024", ExpectedResult = "\"Order Lines/2024\"")]
    [TestCase("Weird]Name", ExpectedResult = "\"Weird]Name\"")]
    public string Quote_Identifier_DoublesDoubleQuotes(string name) => SqliteDialect.Quote(name);

    [TestCase("", ExpectedResult = TypeFamily.Untyped)]
    [TestCase("INTEGER", ExpectedResult = TypeFamily.Integer)]
    [TestCase("BIGINT", ExpectedResult = TypeFamily.Integer)]
    [TestCase("POINT", ExpectedResult = TypeFamily.Integer)]          // "INT" wins, as SQLite's rule 1 says
    [TestCase("NVARCHAR(160)", ExpectedResult = TypeFamily.Text)]
    [TestCase("clob", ExpectedResult = TypeFamily.Text)]
    [TestCase("BLOB", ExpectedResult = TypeFamily.Binary)]
    [TestCase("DOUBLE PRECISION", ExpectedResult = TypeFamily.Decimal)]
    [TestCase("NUMERIC(10,2)", ExpectedResult = TypeFamily.Decimal)]
    [TestCase("DATETIME", ExpectedResult = TypeFamily.Temporal)]
    [TestCase("BOOLEAN", ExpectedResult = TypeFamily.Boolean)]
    [TestCase("UUID", ExpectedResult = TypeFamily.Uuid)]
    [TestCase("JSON", ExpectedResult = TypeFamily.Document)]
    [TestCase("FANCY", ExpectedResult = TypeFamily.Other)]
    public TypeFamily Family_DeclaredType_FollowsAffinityRules(string declared) => SqliteDialect.Family(declared);

    [TestCase("CASCADE", ExpectedResult = "cascade")]
    [TestCase("SET NULL", ExpectedResult = "set-null")]
    [TestCase("SET DEFAULT", ExpectedResult = "set-default")]
    [TestCase("RESTRICT", ExpectedResult = "restrict")]
    [TestCase("NO ACTION", ExpectedResult = "no-action")]
    public string OnDelete_PragmaText_MapsToModel(string rule) => SqliteDialect.OnDelete(rule);

    [TestCase("CREATE TABLE t (a INTEGER PRIMARY KEY, b)", ExpectedResult = false)]
    [TestCase("CREATE TABLE t (a TEXT PRIMARY KEY, b) WITHOUT ROWID", ExpectedResult = true)]
    [TestCase("CREATE TABLE t (a TEXT PRIMARY KEY, b) strict, without   rowid", ExpectedResult = true)]
    [TestCase("CREATE TABLE t (without_rowid TEXT, b)", ExpectedResult = false)]
    [TestCase("CREATE VIRTUAL TABLE d USING fts5(body)", ExpectedResult = true)]
    public bool LacksRowid_CreateSql_Detected(string sql) => SqliteDialect.LacksRowid(sql);

    [TestCase(1e20, ExpectedResult = "100000000000000000000")]
    [TestCase(1.5e-7, ExpectedResult = "0.00000015")]
    [TestCase(-2.5e21, ExpectedResult = "-2500000000000000000000")]
    [TestCase(12.25, ExpectedResult = "12.25")]
    [TestCase(1.2345e-5, ExpectedResult = "0.000012345")]
    public string FormatReal_Value_NoExponent(double value) => SqliteDialect.FormatReal(value);

    [Test]
    public void RowidAlias_ColumnNamedRowid_UsesNextAlias()
    {
        var columns = new[] { Col("RowId"), Col("x") };
        Assert.That(SqliteDialect.RowidAlias(columns), Is.EqualTo("_rowid_"));
    }

    [Test]
    public void SampleAtRowids_QuotedNames_NeverPastesValues()
    {
        var table = new TableInfo { Schema = "main", Name = "we\"ird", Columns = [Col("a b")] };
        var sql = SqliteDialect.SampleAtRowids(table, table.Columns, "rowid");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sql, Does.Contain("FROM json_each(@points) AS p CROSS JOIN \"we\"\"ird\" AS t"));
            Assert.That(sql, Does.Contain("typeof(t.\"a b\")"));
            Assert.That(sql, Does.Contain("@maxlen"));
        }
    }

    private static ColumnInfo Col(string name) => new() { Name = name, Ordinal = 1, DeclaredType = "", Family = TypeFamily.Untyped };
}
