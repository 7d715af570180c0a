using Inventory.Catalog;
using Inventory.Connectors;
using Inventory.Connectors.Sampling;
using Inventory.Connectors.SqlServer;
using NUnit.Framework;
using static Inventory.Tests.Connectors.SqlServer.SqlServerDialectTests;

namespace Inventory.Tests.Connectors.SqlServer;

/// <summary>The SQL Server connector on the shared sampler, without a server: the statements it would send (each parsed
/// by ScriptDom), the TABLESAMPLE attempts, the per-column narrowing of a failed statement and the columns it leaves
/// out. A statement's outcome is given by the test in place of the server; the SQL is the dialect's own.</summary>
public sealed class SqlServerSamplingTests
{
    private static readonly SqlServerDialect Dialect = SqlServerDialect.Instance;

    private static TableInfo Customer(long? rows) => new()
    {
        Schema = "dbo", Name = "customer", RowEstimate = rows, PrimaryKey = ["id"],
        Columns = [Col("id", 1, "int"), Col("email", 2, "nvarchar(200)"), Col("notes", 3, "ntext"), Col("photo", 4, "varbinary(max)")],
    };

    // C15/C16 shapes: a CLR type the server cannot project, a rowversion, and a column whose values fail to convert.
    private static TableInfo Mixed() => new()
    {
        Schema = "dbo", Name = "Store", RowEstimate = 3, PrimaryKey = ["Id"],
        Columns =
        [
            Col("Id", 1, "int"), Col("Email", 2, "nvarchar(200)"), Col("Bad", 3, "sql_variant"),
            Col("Custom", 4, "MyClrType", assembly: true), Col("Version", 5, "timestamp"),
        ],
    };

    /// <summary>Stands in for the server: records every statement (after parsing it) and answers with the test's rows or failure.</summary>
    private sealed class Statements(Func<SamplePlan, StatementRows> answer)
    {
        public List<SamplePlan> Sent { get; } = [];

        public Task<StatementRows> ExecuteAsync(SamplePlan plan, CancellationToken cancellationToken)
        {
            Parse(plan.Sql);
            Sent.Add(plan);
            return Task.FromResult(answer(plan));
        }

        public Task<ISampleSession> OpenAsync(CancellationToken cancellationToken) => Task.FromResult<ISampleSession>(new Session(this));

        private sealed class Session(Statements statements) : ISampleSession
        {
            public Task<SampleRead> ReadAsync(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken cancellationToken) =>
                SqlServerSampleAttempts.ReadAsync(Dialect, table, columns, options, statements.ExecuteAsync, cancellationToken);

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private static StatementRows Rows(SamplePlan plan, int count, Func<ProjectedColumn, int, object?> cell) =>
        new(Enumerable.Range(0, count).Select(r => plan.Columns.Select(c => cell(c, r)).ToArray()).ToList(), null);

    private static readonly SampleFailure ConversionError = SqlServerConnector.SampleFailureOf(245, "SQL Server error 245, severity 16", new SampleOptions());

    [Test]
    public void NextAttempt_TableSampleTooFewRows_WidenedThenPlainTop()
    {
        var table = Customer(10_000_000);
        var options = new SampleOptions { Rows = 500, Seed = 7 };
        var first = Dialect.BuildSample(table, table.Columns, options);

        var second = Dialect.BuildSample(table, table.Columns, options, SqlServerDialect.NextAttempt(first, 100, options)!.Value);
        var third = Dialect.BuildSample(table, table.Columns, options, SqlServerDialect.NextAttempt(second, 0, options)!.Value);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Sql, Does.Contain("TABLESAMPLE SYSTEM (0.02 PERCENT) REPEATABLE (7)"));
            Assert.That(second.Attempt, Is.EqualTo(SampleAttempt.Widened));
            Assert.That(second.Sql, Does.Contain("TABLESAMPLE SYSTEM (0.2 PERCENT) REPEATABLE (7)"));
            Assert.That(third.Attempt, Is.EqualTo(SampleAttempt.PlainTop));
            Assert.That(third.Sql, Does.Not.Contain("TABLESAMPLE").And.StartWith("SELECT TOP (@n) "));
            Assert.That(third.Method, Is.EqualTo("top (fallback)"));
            Assert.That(SqlServerDialect.NextAttempt(third, 0, options), Is.Null, "plain TOP is the last attempt");
        }
        foreach (var plan in new[] { first, second, third }) Parse(plan.Sql);
    }

    [TestCase(125, ExpectedResult = "none", Description = "a quarter of the rows is enough")]
    [TestCase(124, ExpectedResult = "Widened")]
    public string NextAttempt_FirstTableSample_WidenedBelowAQuarter(int rowsRead) =>
        SqlServerDialect.NextAttempt(Dialect.BuildSample(Customer(10_000_000), new SampleOptions { Rows = 500 }), rowsRead, new SampleOptions { Rows = 500 })
            ?.ToString() ?? "none";

    [Test]
    public void NextAttempt_KeyHashFilterWithFewRows_NoRetry()
    {
        var plan = Dialect.BuildSample(Customer(5_000), new SampleOptions { Rows = 500 });

        Assert.That(SqlServerDialect.NextAttempt(plan, 0, new SampleOptions { Rows = 500 }), Is.Null);
    }

    [Test]
    public async Task Sample_TableSampleEmpty_RetriesAndCollectsValuesLengthsAndNulls()
    {
        // Given a big table whose TABLESAMPLE attempts return nothing and whose plain TOP returns three rows
        var statements = new Statements(plan => plan.Attempt != SampleAttempt.PlainTop
            ? new StatementRows([], null)
            : Rows(plan, 3, (c, r) => r == 2 ? null : c.IsLength ? 10L + r : new string('x', 20)));
        var options = new SampleOptions { Rows = 500, MaxValueLength = 8 };

        // When it is sampled through the shared sampler
        var sample = await TableSampler.SampleAsync(Customer(10_000_000), options, statements.OpenAsync, CancellationToken.None, Dialect.LeaveOut);

        // Then three statements were sent and the last one's rows are the sample
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statements.Sent.Select(p => p.Attempt), Is.EqualTo(new[] { SampleAttempt.First, SampleAttempt.Widened, SampleAttempt.PlainTop }));
            Assert.That(sample.Method, Is.EqualTo("top (fallback)"));
            Assert.That(sample.RowCount, Is.EqualTo(3));
            Assert.That(sample.Issues, Is.Empty);
            Assert.That(sample.Columns["email"].Values, Is.EqualTo(new[] { "xxxxxxxx", "xxxxxxxx" }), "values cut to the maximum length");
            Assert.That(sample.Columns["email"].NullCount, Is.EqualTo(1));
            Assert.That(sample.Columns["photo"].Values, Is.Empty);
            Assert.That(sample.Columns["photo"].BinaryLengths, Is.EqualTo(new long[] { 10, 11 }));
            Assert.That(sample.Columns["photo"].NotSampled, Is.EqualTo(NotSampledReason.Binary));
        }
    }

    [Test]
    public async Task Sample_OneColumnFailsToConvert_NarrowedColumnByColumn()
    {
        // Given a statement fails whenever it projects [Bad] (a conversion error), and succeeds otherwise
        var statements = new Statements(plan => plan.Columns.Any(c => c.Column.Name == "Bad")
            ? new StatementRows([], ConversionError)
            : Rows(plan, 2, (c, r) => "v" + r));

        // When the table is sampled
        var sample = await TableSampler.SampleAsync(Mixed(), new SampleOptions(), statements.OpenAsync, CancellationToken.None, Dialect.LeaveOut);

        // Then the whole statement is followed by one statement per column; only Bad is lost
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statements.Sent.Select(p => string.Join(",", p.Columns.Select(c => c.Column.Name))),
                Is.EqualTo(new[] { "Id,Email,Bad", "Id", "Email", "Bad" }));
            Assert.That(statements.Sent.Select(p => p.Sql), Has.None.Contains("[Custom]").And.None.Contains("[Version]"));
            Assert.That(sample.NotSampled, Is.Null);
            Assert.That(sample.RowCount, Is.EqualTo(2));
            Assert.That(sample.Columns["Email"].Values, Is.EqualTo(new[] { "v0", "v1" }));
            Assert.That(sample.Columns["Bad"].NotSampled, Is.EqualTo(NotSampledReason.Error));
            Assert.That(sample.Columns["Custom"].NotSampled, Is.EqualTo(NotSampledReason.UnsupportedType));
            Assert.That(sample.Columns["Version"].NotSampled, Is.EqualTo(NotSampledReason.Binary));
            Assert.That(sample.Issues.Select(i => (i.Column, i.Kind)),
                Is.EquivalentTo(new (string?, string)[] { ("Custom", "unsupported-type"), ("Bad", "conversion-error") }));
            Assert.That(sample.Issues.Select(i => i.Message), Has.None.Contains("v0"), "no value in an issue");
        }
    }

    [Test]
    public async Task Sample_LockTimeout_WholeTableNotNarrowed()
    {
        var timeout = SqlServerConnector.SampleFailureOf(1222, "SQL Server error 1222, severity 16", new SampleOptions { LockTimeout = TimeSpan.FromSeconds(5) });
        var statements = new Statements(_ => new StatementRows([], timeout));

        var sample = await TableSampler.SampleAsync(Mixed(), new SampleOptions(), statements.OpenAsync, CancellationToken.None, Dialect.LeaveOut);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statements.Sent, Has.Count.EqualTo(1));
            Assert.That(sample.NotSampled, Is.EqualTo(NotSampledReason.TimedOut));
            Assert.That(sample.Columns["Email"].NotSampled, Is.EqualTo(NotSampledReason.TimedOut));
            Assert.That(sample.Issues.Single(i => i.Column is null).Message, Is.EqualTo("a lock was not granted within the lock timeout of 5 s; "
                + "the limits were a statement timeout of 30 s and a lock timeout of 5 s; to read it, raise lock-timeout: under the source's "
                + "sample: in inventory.yml (or pass --lock-timeout), scan again when the other session's lock is released, or exclude the table"));
        }
    }

    [Test]
    public async Task Sample_OnlyClrAndRowversionColumns_NoStatementSent()
    {
        var table = Mixed() with { Columns = [Col("Custom", 1, "MyClrType", assembly: true), Col("Version", 2, "timestamp")] };
        var statements = new Statements(_ => throw new AssertionException("no statement expected"));

        var sample = await TableSampler.SampleAsync(table, new SampleOptions(), statements.OpenAsync, CancellationToken.None, Dialect.LeaveOut);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statements.Sent, Is.Empty);
            Assert.That(sample.Method, Is.EqualTo("none (no readable column)"));
            Assert.That(sample.Columns.Keys, Is.EquivalentTo(new[] { "Custom", "Version" }));
            Assert.That(sample.Issues.Select(i => i.Kind), Is.EqualTo(new[] { "unsupported-type" }));
        }
    }

    [Test]
    public async Task Sample_RowsZero_EveryColumnDisabledWithoutConnection()
    {
        var sample = await TableSampler.SampleAsync(Customer(10), new SampleOptions { Rows = 0 },
            _ => throw new AssertionException("no connection expected"), CancellationToken.None, Dialect.LeaveOut);

        Assert.That(sample.Columns.Values.Select(c => c.NotSampled).ToList(), Has.Count.EqualTo(4).And.All.EqualTo(NotSampledReason.Disabled));
    }

    [TestCase(-2, "timeout", NotSampledReason.TimedOut)]
    [TestCase(1222, "timeout", NotSampledReason.TimedOut)]
    [TestCase(229, "no-privilege", NotSampledReason.NoPrivilege)]
    [TestCase(8114, "conversion-error", NotSampledReason.Error)]
    [TestCase(601, "error", NotSampledReason.Error)]
    public void SampleFailureOf_ErrorNumber_KindAndReason(int number, string kind, NotSampledReason reason)
    {
        var failure = SqlServerConnector.SampleFailureOf(number, "SQL Server error", new SampleOptions());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(failure.Kind, Is.EqualTo(kind));
            Assert.That(failure.Reason, Is.EqualTo(reason));
            Assert.That(failure.Narrowable, Is.True, "the shared sampler narrows only ordinary errors: timeouts and privileges fail the table by reason");
        }
    }
}
