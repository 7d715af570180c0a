using Inventory.Catalog;
using Inventory.Connectors.Sampling;

namespace Inventory.Connectors.SqlServer;

/// <summary>The rows one sampling statement returned (one cell per projected column: null, text, or a byte length as
/// <see cref="long"/>), or the statement's failure.</summary>
/// <param name="Rows">The rows, in the order read; empty on failure.</param>
/// <param name="Failure">Set when the statement failed.</param>
internal sealed record StatementRows(IReadOnlyList<object?[]> Rows, SampleFailure? Failure);

/// <summary>
/// One read of some columns of a SQL Server table, for the shared <see cref="TableSampler"/>: the statement the dialect
/// plans, then the attempts <see cref="SqlServerDialect.NextAttempt"/> asks for (a TABLESAMPLE that returned too few
/// rows widened once, then a plain TOP), and the values collected with <see cref="ColumnValues"/>. Running a statement is
/// passed in, so the planning is tested without a server.
/// </summary>
internal static class SqlServerSampleAttempts
{
    /// <summary>Reads the given columns of a table.</summary>
    /// <param name="dialect">Builds the statements.</param>
    /// <param name="table">The table.</param>
    /// <param name="columns">Readable columns to read, in order.</param>
    /// <param name="options">Rows, seed, value length.</param>
    /// <param name="execute">Runs one statement (the connector's; a lost connection is thrown from there).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One sample per requested column (columns the dialect skips are marked with its reason), the rows read
    /// and the method of the last attempt; or the failure of the last statement.</returns>
    public static async Task<SampleRead> ReadAsync(SqlServerDialect dialect, TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options,
        Func<SamplePlan, CancellationToken, Task<StatementRows>> execute, CancellationToken cancellationToken)
    {
        var plan = dialect.BuildSample(table, columns, options);
        var outcome = await execute(plan, cancellationToken).ConfigureAwait(false);
        while (outcome.Failure is null && SqlServerDialect.NextAttempt(plan, outcome.Rows.Count, options) is { } next)
        {
            plan = dialect.BuildSample(table, columns, options, next);
            outcome = await execute(plan, cancellationToken).ConfigureAwait(false);
        }
        if (outcome.Failure is { } failure) return SampleRead.Failed(failure, plan.Method);

        var collected = plan.Columns.Select(p => new ColumnValues(p.Column, options)).ToArray();
        foreach (var row in outcome.Rows)
            for (int i = 0; i < collected.Length; i++)
                collected[i].Add(row[i]);
        var samples = collected.ToDictionary(c => c.Column.Name, c => c.ToSample(), StringComparer.Ordinal);
        foreach (var (name, reason) in plan.Skipped) samples[name] = new ColumnSample { Column = name, NotSampled = reason };
        return new SampleRead(outcome.Rows.Count, samples, plan.Method, null);
    }
}
