using Inventory.Catalog;
using Inventory.Connectors.SqlServer;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.SqlServer;

/// <summary>SQL Server temporal tables as the catalog rows of <see cref="SqlServerDialect.TemporalTables"/> describe them
/// (no SQL Server here: the statement itself is parsed by ScriptDom in <see cref="SqlServerDialectTests"/>): which table
/// keeps history where, tables named as the inventory names them, and the retention period only when finite.</summary>
[TestFixture]
public sealed class SqlServerTemporalTableTests
{
    [Test]
    public void TemporalHistory_VersionedTable_NamesItsHistoryTable()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SqlServerDialect.TemporalHistory(2, "dbo", "CustomersHistory", null, null),
                Is.EqualTo(new RowHistory(RowHistory.TemporalTable, HistoryTable: "CustomersHistory")), "dbo is the default schema");
            Assert.That(SqlServerDialect.TemporalHistory(2, "history", "Customers", null, null),
                Is.EqualTo(new RowHistory(RowHistory.TemporalTable, HistoryTable: "history.Customers")));
            Assert.That(SqlServerDialect.TemporalHistory(1, null, null, "sales", "Orders"),
                Is.EqualTo(new RowHistory(RowHistory.TemporalTable, VersionsOf: "sales.Orders")));
            Assert.That(SqlServerDialect.TemporalHistory(0, null, null, null, null), Is.Null, "not temporal");
        }
    }

    [TestCase(6, "MONTH", "6 MONTHS")]
    [TestCase(1, "MONTH", "1 MONTH")]
    [TestCase(30, "DAY", "30 DAYS")]
    [TestCase(2, "WEEK", "2 WEEKS")]
    [TestCase(1, "YEAR", "1 YEAR")]
    [TestCase(-1, "INFINITE", null)]
    [TestCase(null, null, null)]
    public void TemporalHistory_RetentionPeriod_OnlyWhenFinite(int? period, string? unit, string? expected)
    {
        var history = SqlServerDialect.TemporalHistory(2, "dbo", "H", null, null, period, unit);

        Assert.That(history!.RetentionPeriod, Is.EqualTo(expected));
    }

    [Test]
    public void PurgeAdvice_FiniteRetention_SaysWhenTheEngineRemovesThem()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new RowHistory(RowHistory.TemporalTable, HistoryTable: "H", RetentionPeriod: "6 MONTHS").PurgeAdvice("T"),
                Does.Contain("retention period of 6 MONTHS").And.Contain("history table H"));
            Assert.That(new RowHistory(RowHistory.TemporalTable, HistoryTable: "H").PurgeAdvice("T"), Does.Contain("purge the history table H"));
            Assert.That(new RowHistory(RowHistory.SystemVersioning).PurgeAdvice("users"), Does.Contain("DELETE HISTORY FROM users"));
        }
    }

    [Test]
    public void SecurityPolicyFilter_NamesThePolicyAndHowToReadEveryRow()
    {
        var filter = SqlServerDialect.SecurityPolicyFilter("security", "tenant]filter");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(filter.Mechanism, Is.EqualTo("security policy [security].[tenant]]filter]"), "names quoted as T-SQL quotes them");
            Assert.That(filter.Describe(0, 193), Is.EqualTo("row-level security (security policy [security].[tenant]]filter]) decides which rows the connected role reads: "
                + "0 rows sampled of about 193 in the table, so the sample speaks for the rows it lets through only; no role bypasses a filter predicate: "
                + "scan as a user its predicate function admits, or switch the policy off for the scan (ALTER SECURITY POLICY [security].[tenant]]filter] WITH (STATE = OFF), "
                + "which needs ALTER ANY SECURITY POLICY)"));
            Assert.That(filter.Describe(12, null), Does.Contain(": 12 rows sampled, so"), "no estimate, none named");
        }
    }
}
