using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.Postgres;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Postgres;

[TestFixture]
public sealed class PostgresDialectTests
{
    private static readonly PostgresDialect Dialect = new();
    private static readonly SampleOptions Options = new() { Rows = 500, Seed = 7, MaxValueLength = 100 };

    private static ColumnInfo Col(string name, string type, TypeFamily family) =>
        new() { Name = name, Ordinal = 1, DeclaredType = type, Family = family };

    private static TableInfo Table(string schema, string name, TableKind kind, params ColumnInfo[] columns) =>
        new() { Schema = schema, Name = name, Kind = kind, Columns = columns };

    [TestCase("Full Name", ExpectedResult = "\"Full Name\"")]
    [TestCase("buyer \"nick\" name", ExpectedResult = "\"buyer \"\"nick\"\" name\"")]
    [TestCase("EMail", ExpectedResult = "\"EMail\"")]
    [TestCase("Order Lines/2024", ExpectedResult = "\"Order Lines/2024\"")]
    [TestCase("\"", ExpectedResult = "\"\"\"\"")]
    public string QuoteDouble_Identifier_KeepsCaseAndDoublesQuotes(string name) => Identifiers.QuoteDouble(name);

    [Test]
    public void QuoteDouble_SchemaAndName_JoinsWithDot() =>
        Assert.That(Identifiers.QuoteDouble("Sales", "Full Name"), Is.EqualTo("\"Sales\".\"Full Name\""));

    [TestCase("")]
    [TestCase("a\0b")]
    public void QuoteDouble_EmptyOrNul_Throws(string name) =>
        Assert.That(() => Identifiers.QuoteDouble(name), Throws.ArgumentException);

    [Test]
    public void PlanSample_BigTable_UsesTableSampleSystemWithSeedShuffleAndLimit()
    {
        var table = Table("Sales", "Customer", TableKind.Table, Col("Full Name", "text", TypeFamily.Text), Col("born", "date", TypeFamily.Temporal));
        var plan = Dialect.PlanSample(table, table.Columns, 5_000_000, Options);
        Assert.That(plan.Sql, Is.EqualTo(
            "SELECT pg_catalog.left(\"Full Name\", 100), pg_catalog.left(\"born\"::text, 100) FROM \"Sales\".\"Customer\" " +
            "WHERE ctid = ANY (ARRAY(SELECT ctid FROM \"Sales\".\"Customer\" " +
            "TABLESAMPLE SYSTEM (0.04) REPEATABLE (7) ORDER BY pg_catalog.hashtext(ctid::text) LIMIT 500))"));
        Assert.That(plan.Method, Is.EqualTo(SampleMethod.System));
        Assert.That(plan.Description, Is.EqualTo("tablesample system(0.04) repeatable(7)"));
    }

    [Test]
    public void PlanSample_MidSizeTable_UsesBernoulli()
    {
        var table = Table("public", "t", TableKind.Table, Col("a", "integer", TypeFamily.Integer));
        var plan = Dialect.PlanSample(table, table.Columns, 2_000, Options);
        Assert.That(plan.Sql, Does.EndWith("FROM \"public\".\"t\" TABLESAMPLE BERNOULLI (100) REPEATABLE (7) ORDER BY pg_catalog.hashtext(ctid::text) LIMIT 500"));
    }

    [Test]
    public void PlanSample_BigPartitionedTable_ShufflesRowsNotCtids()
    {
        // ctids repeat across partitions, so a partitioned table is never fetched back by ctid.
        var table = Table("public", "p", TableKind.PartitionedTable, Col("a", "integer", TypeFamily.Integer));
        var plan = Dialect.PlanSample(table, table.Columns, 5_000_000, Options);
        Assert.That(plan.Sql, Is.EqualTo(
            "SELECT pg_catalog.left(\"a\"::text, 100) FROM \"public\".\"p\" TABLESAMPLE SYSTEM (0.04) REPEATABLE (7) ORDER BY pg_catalog.hashtext(ctid::text) LIMIT 500"));
    }

    [TestCase(TableKind.View, "view")]
    [TestCase(TableKind.ForeignTable, "foreign table")]
    public void PlanSample_ViewOrForeignTable_NeverTableSample(TableKind kind, string why)
    {
        var table = Table("public", "v", kind, Col("a", "integer", TypeFamily.Integer));
        var plan = Dialect.PlanSample(table, table.Columns, 10_000_000, Options);
        Assert.That(plan.Sql, Is.EqualTo("SELECT pg_catalog.left(\"a\"::text, 100) FROM \"public\".\"v\" LIMIT 500"));
        Assert.That(plan.Sql, Does.Not.Contain("TABLESAMPLE"));
        Assert.That(plan.Description, Does.Contain(why));
    }

    [Test]
    public void TableSamplePlan_View_Throws()
    {
        var table = Table("public", "v", TableKind.View, Col("a", "integer", TypeFamily.Integer));
        Assert.That(() => Dialect.TableSamplePlan(table, table.Columns, SampleMethod.System, 1, Options), Throws.InvalidOperationException);
    }

    [TestCase(null, "limit 500 (no statistics)")]
    [TestCase(300L, "full (small table)")]
    public void PlanSample_SmallOrUnknownTable_PlainLimit(long? estimate, string description)
    {
        var table = Table("public", "t", TableKind.Table, Col("a", "integer", TypeFamily.Integer));
        var plan = Dialect.PlanSample(table, table.Columns, estimate, Options);
        Assert.That(plan.Description, Is.EqualTo(description));
        Assert.That(plan.Sql, Does.EndWith("LIMIT 500").And.Not.Contain("TABLESAMPLE"));
    }

    [TestCase("bytea", TypeFamily.Binary, "pg_catalog.octet_length(\"c\")::int8")]
    [TestCase("text", TypeFamily.Text, "pg_catalog.left(\"c\", 100)")]
    [TestCase("character varying(80)", TypeFamily.Text, "pg_catalog.left(\"c\", 100)")]
    [TestCase("character(2)", TypeFamily.Text, "pg_catalog.left(\"c\"::text, 100)")]
    [TestCase("timestamp with time zone", TypeFamily.Temporal, "pg_catalog.left(\"c\"::text, 100)")]
    [TestCase("regclass", TypeFamily.Other, "pg_catalog.left(\"c\"::text, 100)")]
    [TestCase("int2vector", TypeFamily.Other, "pg_catalog.left(\"c\"::text, 100)")]
    [TestCase("daterange", TypeFamily.Other, "pg_catalog.left(\"c\"::text, 100)")]
    [TestCase("email_domain", TypeFamily.Text, "pg_catalog.left(\"c\"::text, 100)")]
    public void ColumnExpression_Type_CastsEverythingButPlainText(string type, TypeFamily family, string expected) =>
        Assert.That(Dialect.ColumnExpression(Col("c", type, family), 100), Is.EqualTo(expected));

    [Test]
    public void PlanSample_NeverSelectsStar()
    {
        var table = Table("public", "t", TableKind.Table, Col("a", "integer", TypeFamily.Integer));
        foreach (var estimate in new long?[] { null, 10, 2_000, 10_000_000 })
            Assert.That(Dialect.PlanSample(table, table.Columns, estimate, Options).Sql, Does.Not.Contain("*"));
    }

    [TestCase("int4", "N", TypeFamily.Integer)]
    [TestCase("int8", "N", TypeFamily.Integer)]
    [TestCase("numeric", "N", TypeFamily.Decimal)]
    [TestCase("money", "N", TypeFamily.Decimal)]
    [TestCase("regclass", "N", TypeFamily.Other)]
    [TestCase("oid", "N", TypeFamily.Other)]
    [TestCase("varchar", "S", TypeFamily.Text)]
    [TestCase("bpchar", "S", TypeFamily.Text)]
    [TestCase("timestamptz", "D", TypeFamily.Temporal)]
    [TestCase("interval", "T", TypeFamily.Temporal)]
    [TestCase("bool", "B", TypeFamily.Boolean)]
    [TestCase("uuid", "U", TypeFamily.Uuid)]
    [TestCase("bytea", "U", TypeFamily.Binary)]
    [TestCase("jsonb", "U", TypeFamily.Document)]
    [TestCase("inet", "I", TypeFamily.Network)]
    [TestCase("_text", "A", TypeFamily.Other)]
    [TestCase("daterange", "R", TypeFamily.Other)]
    [TestCase("mpaa_rating", "E", TypeFamily.Other)]
    public void FamilyOf_BaseType_Maps(string baseType, string category, TypeFamily expected) =>
        Assert.That(PostgresDialect.FamilyOf(baseType, category), Is.EqualTo(expected));

    [TestCase("a", ExpectedResult = "no-action")]
    [TestCase("r", ExpectedResult = "restrict")]
    [TestCase("c", ExpectedResult = "cascade")]
    [TestCase("n", ExpectedResult = "set-null")]
    [TestCase("d", ExpectedResult = "set-default")]
    public string DeleteRule_Code_Maps(string code) => PostgresDialect.DeleteRule(code);

    [Test]
    public void BeginReadOnly_Options_ReadOnlyWithTimeoutsInMilliseconds()
    {
        var statements = Dialect.BeginReadOnly(new SampleOptions { StatementTimeout = TimeSpan.FromSeconds(30), LockTimeout = TimeSpan.FromMilliseconds(1500) });
        Assert.That(statements, Is.EqualTo(new[] { "BEGIN TRANSACTION READ ONLY", "SET LOCAL statement_timeout = 30000", "SET LOCAL lock_timeout = 1500" }));
    }

    [Test]
    public void CatalogSql_FiltersArePassedAsParameters()
    {
        Assert.That(Dialect.ColumnsSql, Does.Contain("ANY(@oids::oid[])"));
        Assert.That(Dialect.ConstraintsSql, Does.Contain("ANY(@oids::oid[])"));
        Assert.That(Dialect.RelationSizeSql, Does.Contain("@relation::regclass"));
    }
}
