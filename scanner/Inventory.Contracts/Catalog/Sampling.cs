namespace Inventory.Catalog;

/// <summary>How to sample a table. Defaults suit production databases.</summary>
public sealed record SampleOptions
{
    /// <summary>Target number of rows per table (default 500). 0 disables sampling (names and types only).</summary>
    public int Rows { get; init; } = 500;
    /// <summary>Statement timeout for every query (default 30 s).</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Lock timeout (default 5 s): a scan waits at most this long for a lock, never blocks writers for longer.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Longest wait for a database server to accept a connection (whole seconds, rounded up), or null for the
    /// connection's own (a <c>connect_timeout</c> URI parameter, else the driver's 15 s). Not used by file engines.</summary>
    public TimeSpan? ConnectTimeout { get; init; }
    /// <summary>Seed for repeatable sampling (<c>REPEATABLE(seed)</c>, SQLite rowid picks).</summary>
    public int Seed { get; init; } = 42;
    /// <summary>Values longer than this many characters are cut before classification (default 4096).</summary>
    public int MaxValueLength { get; init; } = 4096;
    /// <summary>Values of a document-typed column (JSON, XML: <see cref="TypeFamily.Document"/>) are cut at this many
    /// characters instead, when it is larger (default 16,384): payloads and snapshots are often longer than a plain value,
    /// and the classifier reads their paths. Only the first <see cref="WholeDocuments"/> values of such a column are kept
    /// this long (the classifier reads no more documents); later ones are cut at <see cref="MaxValueLength"/>.</summary>
    public int MaxDocumentLength { get; init; } = 16_384;

    /// <summary>Values of a document-typed column kept at <see cref="MaxDocumentLength"/>, the documents the classifier
    /// reads per column.</summary>
    public const int WholeDocuments = 50;

    /// <summary>The length a column's sampled values are cut to on the server: <see cref="MaxDocumentLength"/> for a
    /// document-typed column when larger, else <see cref="MaxValueLength"/>; at least 1.</summary>
    /// <param name="column">The column.</param>
    /// <returns>Characters.</returns>
    public int LengthFor(ColumnInfo column) =>
        Math.Max(1, column.Family == TypeFamily.Document ? Math.Max(MaxValueLength, MaxDocumentLength) : MaxValueLength);
}

/// <summary>Why a column or table has no sampled values.</summary>
public enum NotSampledReason
{
    /// <summary>The table has no rows.</summary>
    Empty,
    /// <summary>The connected role may not read it.</summary>
    NoPrivilege,
    /// <summary>The statement timed out.</summary>
    TimedOut,
    /// <summary>Binary data: only lengths are recorded, never decoded.</summary>
    Binary,
    /// <summary>A type the client cannot materialise and the server cannot project to text.</summary>
    UnsupportedType,
    /// <summary>The read failed for another reason (see the scan issue).</summary>
    Error,
    /// <summary>The source holds customer-owned data (processor role): values are never sampled.</summary>
    ProcessorScope,
    /// <summary>Sampling was switched off (rows: 0).</summary>
    Disabled,
}

/// <summary>The sampled values of one column. Values live in memory only; they are never written anywhere.</summary>
public sealed record ColumnSample
{
    /// <summary>Exact column name.</summary>
    public required string Column { get; init; }
    /// <summary>Non-null values rendered as text by the server (invariant formats), cut to <see cref="SampleOptions.MaxValueLength"/>.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
    /// <summary>Number of sampled rows where the column was NULL (for an array column, also the rows whose array held no
    /// element: no evidence either way).</summary>
    public int NullCount { get; init; }
    /// <summary>For an array column (<see cref="ColumnInfo.ElementFamily"/> set): the rows whose array held at least one
    /// element, <see cref="Values"/> then holding their elements one by one (C29), so that rows = ElementRows + NullCount;
    /// null for every other column, whose rows are <see cref="Values"/> + NullCount (+ binary lengths).</summary>
    public int? ElementRows { get; init; }
    /// <summary>For binary columns: the byte lengths of the non-null values (values are never decoded).</summary>
    public IReadOnlyList<long>? BinaryLengths { get; init; }
    /// <summary>The shortest length <see cref="Values"/> were cut to (<see cref="SampleOptions.MaxValueLength"/>; a document
    /// column's first values are kept longer, <see cref="SampleOptions.LengthFor"/>), so a value of that length or longer
    /// may be the start of a longer one (a JSON or XML document is then read up to the cut); null when the connector did
    /// not cut.</summary>
    public int? ValueLengthLimit { get; init; }
    /// <summary>Set when the column has no sample, with the reason.</summary>
    public NotSampledReason? NotSampled { get; init; }
}

/// <summary>A problem met while scanning; the scan goes on and the exit code says coverage is incomplete.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Table">Qualified table name, or null for a source-level problem.</param>
/// <param name="Column">Column name, or null.</param>
/// <param name="Kind">timeout, no-privilege, conversion-error, connection-lost, error, <see cref="TableDroppedKind"/>.</param>
/// <param name="Message">Safe message: never a value or a password.</param>
public sealed record ScanIssue(string Source, string? Table, string? Column, string Kind, string Message)
{
    /// <summary>The kind of a table that no longer existed when it was sampled: dropped or renamed after the catalog was
    /// read (PostgreSQL SQLSTATE 42P01, MySQL/MariaDB error 1146, SQLite "no such table", SQL Server error 208). A
    /// warning (<see cref="IsWarning"/>): a concurrent migration is not a gap in what the scan could read, so a nightly
    /// scan of a live fleet does not turn red (trial40 finding 10).</summary>
    public const string TableDroppedKind = "table-dropped";

    /// <summary>True for an issue that does not make the scan incomplete (<see cref="TableDroppedKind"/>); every other
    /// issue does (exit 3). Derived from <see cref="Kind"/>, so not serialized: a saved inventory keeps it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsWarning => Kind == TableDroppedKind;

    /// <summary>For a <c>shard-missing</c> issue of <c>inventory merge</c>: the shard not among the merged parts, as
    /// <c>I/N</c> (<c>3/3</c>), so what reads missing shards need not parse <see cref="Message"/>; null for every other
    /// issue, and in documents written before session 44, whose message still starts with <c>shard I/N</c>.</summary>
    public string? Shard { get; init; }
}

/// <summary>The sample of one table.</summary>
public sealed record TableSample
{
    /// <summary>Number of rows read.</summary>
    public int RowCount { get; init; }
    /// <summary>Per-column samples keyed by exact column name (ordinal comparison).</summary>
    public required IReadOnlyDictionary<string, ColumnSample> Columns { get; init; }
    /// <summary>Set when the whole table could not be sampled.</summary>
    public NotSampledReason? NotSampled { get; init; }
    /// <summary>Problems met (timeouts, privileges, conversion errors).</summary>
    public IReadOnlyList<ScanIssue> Issues { get; init; } = [];
    /// <summary>How the rows were chosen, e.g. <c>tablesample system(1.2) repeatable(42)</c>, <c>full (small table)</c>, <c>limit (view)</c>.</summary>
    public string? Method { get; init; }
}
