using Inventory.Catalog;
using Inventory.Config;

namespace Inventory.Scanning;

/// <summary>What to scan.</summary>
public sealed record ScanRequest
{
    /// <summary>Sources, each with its connection, filters and sampling options.</summary>
    public required IReadOnlyList<SourceConfig> Sources { get; init; }
    /// <summary>Tables sampled at once per source (bounded degree of parallelism, default 4).</summary>
    public int Parallelism { get; init; } = 4;
    /// <summary>Sources scanned at once (default 4). Tables of every source share one classification stage.</summary>
    public int SourceParallelism { get; init; } = 4;
    /// <summary>Connections open at once on one server (host and port), catalog, sampling and idle pooled ones
    /// together, whatever the number of its sources scanned at once (default 8; <see cref="ServerSlots"/>). SQLite
    /// files count as one server each.</summary>
    public int MaxConnectionsPerServer { get; init; } = 8;
    /// <summary>When set, only this slice of the sources (or, for a single source, of its tables) is scanned and the
    /// document records it (<see cref="Model.InventoryDocument.Shard"/>).</summary>
    public ScanShard? Shard { get; init; }
    /// <summary>When true, up to three masked examples per column are kept (e.g. <c>j***@e***.c***</c>). Off by default.</summary>
    public bool MaskedExamples { get; init; }
    /// <summary>Time stamp to record, or null for a reproducible document.</summary>
    public DateTimeOffset? ScannedAt { get; init; }
    /// <summary>When true, each table's part of the document is written ahead as soon as the table is classified
    /// (<see cref="Model.PrewrittenTable"/>), so writing the document after the scan mostly copies bytes. For a caller
    /// that writes the document; the bytes cost memory (about the document's size) until then. Off by default.</summary>
    public bool WriteTablesAhead { get; init; }
}

/// <summary>Receives progress; implementations must be thread-safe (calls come from sampling and classification
/// threads at once).</summary>
public interface IScanProgress
{
    /// <summary>The catalog of a source was read.</summary>
    void CatalogRead(string source, int tables, int columns);
    /// <summary>Sampling of a table started.</summary>
    void TableStarted(string source, string table);
    /// <summary>A table's rows were read (or its read failed, an issue): it now waits for its keys and its classification,
    /// and holds no statement of the database any more. Lets a log tell a table still being read from one waiting to be
    /// classified (trial42 finding 8). By default nothing.</summary>
    /// <param name="source">Source name.</param>
    /// <param name="table">Qualified table name.</param>
    void TableSampled(string source, string table) { }
    /// <summary>A table was sampled and classified.</summary>
    void TableFinished(string source, string table, int sampledRows, int issues);
    /// <summary>A table was classified from its catalog only, without sampling (a processor source's customer-owned
    /// data, or sampling disabled). By default reported as <see cref="TableFinished"/> with no rows.</summary>
    /// <param name="source">Source name.</param>
    /// <param name="table">Qualified table name.</param>
    /// <param name="reason">Why no row was read: <see cref="NotSampledReason.ProcessorScope"/> or <see cref="NotSampledReason.Disabled"/>.</param>
    /// <param name="issues">Scan issues recorded for the table.</param>
    void TableNotSampled(string source, string table, NotSampledReason reason, int issues) => TableFinished(source, table, 0, issues);
    /// <summary>A table in the catalog was gone when it was sampled (dropped or renamed by a migration running beside the
    /// scan): it is left out of the inventory, with a <see cref="ScanIssue.TableDroppedKind"/> warning. By default reported
    /// as <see cref="TableFinished"/> with no rows (trial47: a log line said such a table was "not sampled (sampling
    /// disabled: catalog only)").</summary>
    /// <param name="source">Source name.</param>
    /// <param name="table">Qualified table name.</param>
    /// <param name="issues">Scan issues recorded for the table (its warning included).</param>
    void TableDropped(string source, string table, int issues) => TableFinished(source, table, 0, issues);
    /// <summary>A source was scanned completely (every table classified).</summary>
    /// <param name="source">Its name.</param>
    /// <param name="done">Sources ended so far (scanned, or failed: see <see cref="SourceFailed"/>), this one included.</param>
    /// <param name="total">Sources of the scan.</param>
    /// <param name="elapsed">Time from its first connection to its last table classified.</param>
    void SourceFinished(string source, int done, int total, TimeSpan elapsed) { }
    /// <summary>A source could not be connected to (or its catalog read) and is left out of the scan: a
    /// <see cref="ScanRunner.ConnectionFailedKind"/> issue of the inventory (trial 19: such a source was counted as
    /// "done" as if it had been scanned).</summary>
    /// <param name="source">Its name.</param>
    /// <param name="ended">Sources ended so far (scanned or failed), this one included.</param>
    /// <param name="total">Sources of the scan.</param>
    /// <param name="cause">Why it could not be reached: the connector's message (no credentials, no sampled value).</param>
    void SourceFailed(string source, int ended, int total, string cause) { }
}
