using Inventory.Catalog;

namespace Inventory.Connectors.Sampling;

/// <summary>A readable column the engine never reads (a type it cannot project to text, a version counter), with the
/// reason it is marked with and, when the user should hear of it, the scan issue to record.</summary>
/// <param name="Reason">What the column is marked with.</param>
/// <param name="Kind">The scan issue's kind (e.g. <c>unsupported-type</c>), or null for no issue.</param>
/// <param name="Message">The issue's one line, or null for no issue.</param>
internal sealed record ColumnLeftOut(NotSampledReason Reason, string? Kind = null, string? Message = null);

/// <summary>
/// The sampling orchestration every SQL connector shares: leave out the columns the role may not read (a
/// <c>no-privilege</c> issue each) and those the engine cannot read (its <c>leaveOut</c> rule, e.g. SQL Server's CLR
/// types), open one connection through the engine, read every remaining column at once, and
/// when that read fails with an ordinary (narrowable) error, narrow the failure by reading each column alone so one unreadable
/// column never costs the others. Timeouts and privilege errors fail the whole table (reading column by column would
/// only hit them again). Issues carry no table name: the scan runner fills it in.
/// </summary>
internal static class TableSampler
{
    /// <summary>Samples a table.</summary>
    /// <param name="table">A table of the connector's catalog.</param>
    /// <param name="options">Sample size, timeouts, seed, value length.</param>
    /// <param name="open">Opens the engine's session (one connection); its <see cref="ConnectorException"/> propagates.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="leaveOut">The engine's rule for readable columns it never reads (null: it reads them all). When it
    /// leaves out every readable column, no connection is opened and the method is <c>none (no readable column)</c>.</param>
    /// <returns>The table's sample with its issues (every column <see cref="NotSampledReason.Disabled"/> when
    /// <see cref="SampleOptions.Rows"/> ≤ 0, without opening a connection); never throws for a failing table or column.</returns>
    /// <exception cref="ConnectorException">The connection cannot be opened or was lost.</exception>
    public static async Task<TableSample> SampleAsync(TableInfo table, SampleOptions options,
        Func<CancellationToken, Task<ISampleSession>> open, CancellationToken cancellationToken,
        Func<ColumnInfo, ColumnLeftOut?>? leaveOut = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rows <= 0)
            return new TableSample { Columns = table.Columns.ToDictionary(c => c.Name, c => new ColumnSample { Column = c.Name, NotSampled = NotSampledReason.Disabled }, StringComparer.Ordinal) };
        var readable = table.Columns.Where(c => c.Readable).ToList();
        var blocked = table.Columns.Where(c => !c.Readable).ToList();
        if (!table.Readable || readable.Count == 0)
        {
            return new TableSample
            {
                NotSampled = NotSampledReason.NoPrivilege,
                Columns = table.Columns.ToDictionary(c => c.Name, c => new ColumnSample { Column = c.Name, NotSampled = NotSampledReason.NoPrivilege }, StringComparer.Ordinal),
                Issues = [Issue(null, "no-privilege", table.MissingAccess?.Describe()
                    ?? $"the connected role may not SELECT any column of this table; {MissingAccess.LeaveOutHint}; GRANT SELECT to scan it")],
            };
        }

        var issues = blocked
            .Select(c => Issue(c.Name, "no-privilege", "the connected role may not SELECT this column; it was left out of the sample"))
            .ToList();
        var result = new Dictionary<string, ColumnSample>(StringComparer.Ordinal);
        foreach (var c in blocked) result[c.Name] = new ColumnSample { Column = c.Name, NotSampled = NotSampledReason.NoPrivilege };
        if (leaveOut is not null)
        {
            foreach (var c in readable.ToList())
            {
                if (leaveOut(c) is not { } left) continue;
                readable.Remove(c);
                result[c.Name] = new ColumnSample { Column = c.Name, NotSampled = left.Reason };
                if (left is { Kind: { } kind, Message: { } message }) issues.Add(Issue(c.Name, kind, message));
            }
            if (readable.Count == 0)
                return new TableSample { Columns = result, Issues = issues, Method = "none (no readable column)" };
        }

        var session = await open(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var outcome = await session.ReadAsync(table, readable, options, cancellationToken).ConfigureAwait(false);
            if (outcome.Failure is { Reason: NotSampledReason.Error, Narrowable: true } && readable.Count > 1)
            {
                // Narrow the failure to the columns that cause it: read each column alone; the others are kept.
                int rows = 0;
                string? method = null;
                foreach (var column in readable)
                {
                    var single = await session.ReadAsync(table, [column], options, cancellationToken).ConfigureAwait(false);
                    if (single.Failure is { } f)
                    {
                        result[column.Name] = new ColumnSample { Column = column.Name, NotSampled = f.Reason };
                        issues.Add(Issue(column.Name, f.Kind, f.Message));
                    }
                    else
                    {
                        result[column.Name] = single.Columns[column.Name];
                        rows = Math.Max(rows, single.RowCount);
                        method ??= single.Method;
                    }
                }
                return new TableSample
                {
                    RowCount = rows,
                    Columns = result,
                    Method = method,
                    Issues = issues,
                    NotSampled = readable.All(c => result[c.Name].NotSampled is not null) ? NotSampledReason.Error : null,
                };
            }
            if (outcome.Failure is { } whole)
            {
                foreach (var c in readable) result[c.Name] = new ColumnSample { Column = c.Name, NotSampled = whole.Reason };
                issues.Add(Issue(null, whole.Kind, whole.Message));
                return new TableSample { Columns = result, NotSampled = whole.Reason, Issues = issues, Method = outcome.Method };
            }
            foreach (var (name, sample) in outcome.Columns) result[name] = sample;
            // Rows the role may not see were not read: the sample is of what its policies let through (trial34 finding 1).
            if (table.RowFilter is { } filter) issues.Add(Issue(null, "row-level-security", filter.Describe(outcome.RowCount, table.RowEstimate)));
            return new TableSample { RowCount = outcome.RowCount, Columns = result, Method = outcome.Method, Issues = issues };
        }
    }

    private static ScanIssue Issue(string? column, string kind, string message) => new("", null, column, kind, message);
}
