using Inventory.Catalog;

namespace Inventory.Connectors.Sampling;

/// <summary>Why one read of a table (or of one column) failed, in words safe to record: never a value, a server
/// message that may quote one, or a password.</summary>
/// <param name="Reason">What the table or column is marked with.</param>
/// <param name="Kind">The scan issue's kind: <c>timeout</c>, <c>no-privilege</c>, <c>conversion-error</c>, <c>error</c>.</param>
/// <param name="Message">One line for the scan issue.</param>
/// <param name="Narrowable">True when reading the columns one by one may isolate the cause (a value one column cannot
/// convert); false when the failure belongs to the whole table whatever is selected (SQLite errors).</param>
internal sealed record SampleFailure(NotSampledReason Reason, string Kind, string Message, bool Narrowable = true)
{
    /// <summary>The failure of a sampling statement a server refused, as the MySQL and PostgreSQL connectors record it:
    /// the issue kind from the reason (<c>timeout</c>, <c>no-privilege</c>, else <c>conversion-error</c> or
    /// <c>error</c>), the message <c>sampling failed: DESCRIPTION</c>, followed after a timeout by the limits and what to
    /// change (<see cref="SampleLimits.TimeoutAdvice"/>).</summary>
    /// <param name="reason">The reason the engine's error maps to.</param>
    /// <param name="conversion">True when the engine says a value could not be converted to text.</param>
    /// <param name="description">The engine's safe description of the error (code and state, never its message text).</param>
    /// <param name="options">The limits the read ran under.</param>
    /// <param name="narrowable">False when the failure belongs to the whole table (a table dropped since the catalog read).</param>
    /// <returns>The failure.</returns>
    /// <param name="lockWait">True when the statement gave up waiting for another session's lock (its advice then names
    /// the lock timeout only).</param>
    public static SampleFailure OfRefusedStatement(NotSampledReason reason, bool conversion, string description, SampleOptions options, bool narrowable,
        bool lockWait = false)
    {
        var kind = reason switch
        {
            NotSampledReason.TimedOut => "timeout",
            NotSampledReason.NoPrivilege => "no-privilege",
            _ => conversion ? "conversion-error" : "error",
        };
        var advice = reason == NotSampledReason.TimedOut ? "; " + SampleLimits.TimeoutAdvice(options, lockWait) : "";
        return new SampleFailure(reason, kind, $"sampling failed: {description}{advice}", narrowable);
    }

    /// <summary>The failure of a table that no longer exists when it is sampled (dropped or renamed after the catalog
    /// was read): a <see cref="ScanIssue.TableDroppedKind"/> warning for the whole table (never narrowed column by
    /// column: every column fails alike), its columns marked <see cref="NotSampledReason.Error"/>; the scan runner
    /// leaves the table out of the inventory.</summary>
    /// <param name="description">The engine's safe description of the error (its code, never its message text).</param>
    /// <returns>The failure.</returns>
    public static SampleFailure OfDroppedTable(string description) => new(NotSampledReason.Error, ScanIssue.TableDroppedKind,
        $"dropped during the scan: {description}; left out of the inventory (the next scan reads what replaced it)", Narrowable: false);
}

/// <summary>What one read of some columns of a table returned.</summary>
/// <param name="RowCount">Rows read.</param>
/// <param name="Columns">One sample per requested column (empty on failure).</param>
/// <param name="Method">How the rows were chosen, for <see cref="TableSample.Method"/>; null when unknown.</param>
/// <param name="Failure">Set when the read failed (the statement, not the connection).</param>
internal sealed record SampleRead(int RowCount, IReadOnlyDictionary<string, ColumnSample> Columns, string? Method, SampleFailure? Failure)
{
    /// <summary>A failed read.</summary>
    public static SampleRead Failed(SampleFailure failure, string? method = null) => new(0, new Dictionary<string, ColumnSample>(), method, failure);
}

/// <summary>
/// One engine's reading of rows over one open connection: the part of a connector that <see cref="TableSampler"/>
/// cannot share. It builds its SQL with the engine's dialect, runs it read-only under the statement and lock timeouts,
/// and turns a statement's failure into a <see cref="SampleFailure"/>.
/// </summary>
internal interface ISampleSession : IAsyncDisposable
{
    /// <summary>Samples the given columns of a table in one read (one statement or one read-only transaction).</summary>
    /// <param name="table">The table, as its catalog describes it.</param>
    /// <param name="columns">Readable columns to read, in order; never empty.</param>
    /// <param name="options">Sample size, timeouts, seed and value length.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The values, or the failure of the statement.</returns>
    /// <exception cref="ConnectorException">The connection itself was lost: the scan of this source cannot go on.</exception>
    Task<SampleRead> ReadAsync(TableInfo table, IReadOnlyList<ColumnInfo> columns, SampleOptions options, CancellationToken cancellationToken);
}

/// <summary>The words of a timed-out read: the limit it ran under and what to change, so a timeout issue says what to do
/// as a privilege issue names its GRANT.</summary>
internal static class SampleLimits
{
    /// <summary>A duration as the issue writes it: <c>250 ms</c> below one second, else seconds (<c>1.5 s</c>, <c>30 s</c>).</summary>
    /// <param name="duration">A timeout.</param>
    public static string Duration(TimeSpan duration) => duration < TimeSpan.FromSeconds(1)
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(duration.TotalMilliseconds))} ms")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#} s");

    /// <summary>What to change after a timeout: <c>the limits were a statement timeout of 30 s and a lock timeout of 5 s;
    /// to read it, raise timeout: (or lock-timeout:) under the source's sample: in inventory.yml, or pass --timeout (or --lock-timeout), or
    /// exclude the table</c>.</summary>
    /// <param name="options">The limits the read ran under.</param>
    /// <param name="lockWait">True when the read waited for a lock another session holds (PostgreSQL 55P03, MySQL 1205,
    /// SQL Server 1222, a locked SQLite file): then only the lock timeout, or scanning once the lock is released, helps, so
    /// the advice names those (trial36 finding 11: it started with "raise timeout:").</param>
    public static string TimeoutAdvice(SampleOptions options, bool lockWait = false) =>
        $"the limits were a statement timeout of {Duration(options.StatementTimeout)} and a lock timeout of {Duration(options.LockTimeout)}; "
        + (lockWait
            ? "to read it, raise lock-timeout: under the source's sample: in inventory.yml (or pass --lock-timeout), scan again when the other session's lock is released, or exclude the table"
            : "to read it, raise timeout: (or lock-timeout:) under the source's sample: in inventory.yml, or pass --timeout (or --lock-timeout), or exclude the table");

    /// <summary>What to change after a catalog read outlasted the lock timeout: <c>the catalog read waited longer than the
    /// lock timeout of 5 s for a lock …; raise lock-timeout: under the source's sample: in inventory.yml (or pass --lock-timeout), or scan again
    /// when it is released</c>.</summary>
    /// <param name="options">The limits the catalog read ran under.</param>
    /// <param name="holder">Who holds the lock, in the engine's terms (e.g. <c>another session holds a lock on a system
    /// catalog (DDL in progress)</c>).</param>
    public static string CatalogLockAdvice(SampleOptions options, string holder) =>
        $"the catalog read waited longer than the lock timeout of {Duration(options.LockTimeout)} for a lock ({holder}); "
        + "raise lock-timeout: under the source's sample: in inventory.yml (or pass --lock-timeout), or scan again when the lock is released";

    /// <summary>What to change after a catalog read outlasted the statement timeout.</summary>
    /// <param name="options">The limits the catalog read ran under.</param>
    public static string CatalogStatementAdvice(SampleOptions options) =>
        $"a catalog query ran longer than the statement timeout of {Duration(options.StatementTimeout)}; "
        + "raise timeout: under the source's sample: in inventory.yml, or pass --timeout";
}
