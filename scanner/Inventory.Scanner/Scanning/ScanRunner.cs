using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Model;

namespace Inventory.Scanning;

/// <summary>The state of one source during a scan: its finished tables and issues, filled from sampling and
/// classification threads.</summary>
internal sealed class SourceScan(SourceConfig config, string provider, string defaultSchema)
{
    private readonly ConcurrentBag<TableEntry> _tables = [];
    private readonly ConcurrentBag<ScanIssue> _issues = [];

    public SourceConfig Config { get; } = config;
    public string Provider { get; } = provider;
    public string DefaultSchema { get; } = defaultSchema;
    public IEnumerable<TableEntry> Tables => _tables;
    public IReadOnlyCollection<ScanIssue> Issues => _issues;

    public void AddIssue(ScanIssue issue) => _issues.Add(issue);
    public void TableClassified(TableEntry table) => _tables.Add(table);
}

/// <summary>
/// Runs a scan: sources at once up to <see cref="ScanRequest.SourceParallelism"/>; for each, the catalog, then its
/// tables sampled at once up to <see cref="ScanRequest.Parallelism"/> (and, whatever the number of sources, at most
/// <see cref="ScanRequest.MaxConnectionsPerServer"/> connections open per server, catalog and idle pooled ones included:
/// <see cref="ServerSlots"/>); every sampled table goes to one
/// shared <see cref="ClassificationStage"/> that classifies in batches across tables and sources while sampling goes on.
/// Sampled values stay in memory only until their batch is classified. A table whose classification throws becomes a
/// scan issue; the scan goes on.
/// </summary>
public sealed class ScanRunner
{
    private readonly Task<IColumnClassifier> _classifier;
    private readonly Func<ConnectionTarget, IConnector> _connectorFactory;

    /// <summary>Creates a runner.</summary>
    /// <param name="classifier">Thread-safe classifier; its <see cref="IColumnClassifier.ClassifyMany"/> receives batches
    /// of columns from many tables.</param>
    /// <param name="connectorFactory">Creates a connector for a parsed connection; defaults to <see cref="ConnectorFactory.Create"/>.</param>
    public ScanRunner(IColumnClassifier classifier, Func<ConnectionTarget, IConnector>? connectorFactory = null)
        : this(Task.FromResult(classifier), connectorFactory)
    {
    }

    /// <summary>Creates a runner whose classifier is still being built (its model deserialised) while the runner
    /// connects, reads catalogs and samples: sampled tables wait in the classification stage's bounded queue until it
    /// is ready, so a process's fixed cost of loading the model is off the scan's critical path.</summary>
    /// <param name="classifier">The thread-safe classifier once built. If building it fails, the scan stops and
    /// <see cref="RunAsync"/> throws that exception (a bad model or rules file is reported as before, whatever the
    /// sources did meanwhile).</param>
    /// <param name="connectorFactory">Creates a connector for a parsed connection; defaults to <see cref="ConnectorFactory.Create"/>.</param>
    public ScanRunner(Task<IColumnClassifier> classifier, Func<ConnectionTarget, IConnector>? connectorFactory = null)
    {
        _classifier = classifier;
        _connectorFactory = connectorFactory ?? ConnectorFactory.Create;
    }

    /// <summary>Scans every source of the request (or the request's shard of them).</summary>
    /// <param name="request">Sources and options.</param>
    /// <param name="progress">Progress sink, or null.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The inventory; <see cref="InventoryDocument.Issues"/> lists what could not be read or classified.</returns>
    /// <exception cref="ConfigurationException">A source's connection cannot be parsed.</exception>
    /// <exception cref="ConnectorException">The only source, or every source, cannot be reached or its catalog read (bad
    /// password, unknown host…; when several sources all fail, one error naming each: <see cref="ConnectorException.NoSourceReached"/>).
    /// With several sources, one that fails this way is a <see cref="ConnectionFailedKind"/>
    /// issue of the document instead and the others are scanned.</exception>
    /// <remarks>Any exception building the classifier (see the constructor) is thrown in preference to the others.</remarks>
    public async Task<InventoryDocument> RunAsync(ScanRequest request, IScanProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var document = new InventoryDocument { ScannedAt = request.ScannedAt, Tool = $"inventory {ToolVersion}", Shard = request.Shard?.ToString() };
        // Parse every connection first: a bad one is a configuration error before anything is read.
        var sources = request.Sources
            .Where(s => request.Shard is not { } shard || request.Sources.Count == 1 || shard.Owns(s.Name))
            .Select(s => new ConfiguredSource(s, ConnectionTarget.Parse(s.Connection, s.Provider, s.BaseDirectory).WithImmutable(s)))
            .ToList();
        // The first TLS handshake would load the system's certificate stores on the critical path: load them meanwhile.
        SystemTrustStore.LoadInBackground(sources.Select(s => s.Target));
        var tableShard = request.Sources.Count == 1 ? request.Shard : null;
        if (request.Shard is not null)
            document.SplitOf = request.Sources
                .Select(s => new ConfiguredSource(s, ConnectionTarget.Parse(s.Connection, s.Provider, s.BaseDirectory)))
                .Select(s => new SplitSource { Name = s.Config.Name, Provider = s.Target.Provider, Target = s.Target.Display, Include = [.. s.Config.Include], Exclude = [.. s.Config.Exclude] })
                .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var servers = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A classifier that cannot be built stops the scan at once (nothing sampled could be classified).
        _ = _classifier.ContinueWith(static (_, state) => CancelQuietly((CancellationTokenSource)state!), stop,
            CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var stage = new ClassificationStage(_classifier, request.MaskedExamples, ClassificationWorkers, request.WriteTablesAhead);
        // A batch that fails outside the classifier leaves its tables unreported: stop, and CompleteAsync throws why.
        using var stageFault = stage.Faulted.Register(static state => CancelQuietly((CancellationTokenSource)state!), stop);
        var entries = new ConcurrentBag<SampledSource>();
        var unreached = new ConcurrentBag<UnreachedSource>();
        int done = 0;
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.SourceParallelism), CancellationToken = stop.Token };
            await Parallel.ForEachAsync(sources, options, async (source, ct) =>
            {
                var clock = Stopwatch.StartNew();
                var server = servers.GetOrAdd(ServerKey(source.Target), _ => new SemaphoreSlim(Math.Max(1, request.MaxConnectionsPerServer)));
                Task pending;
                // The source's first slot, taken before its first connection opens (the catalog's): every connection
                // the scan opens to a server, catalog, sampling or idle in a pool, holds one of its slots (trial36 finding 5).
                var slots = await ServerSlots.TakeFirstAsync(server, ct).ConfigureAwait(false);
                // The connector's disposal closes every connection it opened, then the slots are given back (before the
                // wait for the source's classification, which needs no connection).
                await using (slots.ConfigureAwait(false))
                await using (var connector = _connectorFactory(source.Target.WithConnectTimeout(source.Config.Sample.ConnectTimeout)))
                {
                    try
                    {
                        var sampled = await SampleSourceAsync(connector, source.Config, request, tableShard, slots, stage, progress, ct).ConfigureAwait(false);
                        pending = sampled.Classified;
                        entries.Add(sampled);
                    }
                    catch (ConnectorException e) when (request.Sources.Count == 1 && source.Config.ConnectionOrigin is { } origin && e.SourceName is null)
                    {
                        // The error names the source and where its connection is written (trial35 finding 12).
                        throw e.ForSource(source.Config.Name, origin);
                    }
                    catch (ConnectorException e) when (request.Sources.Count > 1 && !ct.IsCancellationRequested)
                    {
                        // One source of several that cannot be reached (down, wrong port, refused login, no CONNECT) is a
                        // scan issue: the others are still scanned (trial 19: one tenant database down aborted the fleet).
                        // The issue and the progress line already name the source; the issue adds where its connection
                        // is written (trial35 finding 12), the error alone names the source too if every source failed.
                        unreached.Add(new UnreachedSource(source.Config.Name, e, source.Config.ConnectionOrigin));
                        progress?.SourceFailed(source.Config.Name, Interlocked.Increment(ref done), sources.Count, e.Message);
                        return;
                    }
                }
                await pending.WaitAsync(ct).ConfigureAwait(false);
                progress?.SourceFinished(source.Config.Name, Interlocked.Increment(ref done), sources.Count, clock.Elapsed);
            }).ConfigureAwait(false);
        }
        catch (Exception)
        {
            if (!cancellationToken.IsCancellationRequested && await ClassifierFailedAsync().ConfigureAwait(false))
                await _classifier.ConfigureAwait(false); // throws the classifier's own exception
            throw;
        }
        finally
        {
            await stage.CompleteAsync().ConfigureAwait(false);
        }
        // Not one source reached: nothing was scanned, so the failures are the scan's error (exit 2), not an inventory
        // with no columns that a gate would pass; every source is named with its cause (trial42 finding 9: only the first was).
        if (sources.Count > 0 && unreached.Count == sources.Count)
        {
            var failures = unreached.OrderBy(u => u.Source, StringComparer.Ordinal)
                .Select(u => u.Error.SourceName is null ? u.Error.ForSource(u.Source, u.Origin) : u.Error).ToList();
            throw failures.Count == 1 ? failures[0] : ConnectorException.NoSourceReached(failures);
        }
        foreach (var (name, error, origin) in unreached)
            document.Issues.Add(new ScanIssue(name, null, null, ConnectionFailedKind, NotScannedMessage(error, origin)));
        foreach (var (entry, scan, _) in entries)
        {
            entry.Tables.AddRange(scan.Tables);
            document.Issues.AddRange(scan.Issues);
            entry.Complete = scan.Issues.All(i => i.IsWarning);
            document.Sources.Add(entry);
        }
        document.Normalize();
        return document;
    }

    /// <summary>The message of a <see cref="ConnectionFailedKind"/> issue: the issue names the source, so the message
    /// names it no more and says where its connection is written, e.g. <c>source not scanned (connection at
    /// inventory.yml:5:17, from ${PANEL_DB}): mysql 127.0.0.1:3306/panel: access denied …</c>.</summary>
    /// <param name="error">Why the source could not be scanned.</param>
    /// <param name="origin">Where its connection is written (<see cref="SourceConfig.ConnectionOrigin"/>), or null.</param>
    internal static string NotScannedMessage(ConnectorException error, string? origin) =>
        $"source not scanned{(origin is null ? "" : $" (connection at {origin})")}: {error.Message}";

    /// <summary>True when the classifier could not be built (waits for it to be built or to fail).</summary>
    private async Task<bool> ClassifierFailedAsync()
    {
        try
        {
            await _classifier.ConfigureAwait(false);
            return false;
        }
        catch (Exception)
        {
            return true;
        }
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The scan already ended.
        }
    }

    /// <summary>The scan issue kind of a source that could not be connected to or whose catalog could not be read, when
    /// the scan has several sources: the source is left out of the inventory (no tables), the others are scanned, and
    /// the document is incomplete (exit 3). A scan of one source, or one where no source was reached, throws instead.</summary>
    public const string ConnectionFailedKind = "connection-failed";

    /// <summary>The tool's version string.</summary>
    public static string ToolVersion => typeof(ScanRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Batches classified at once: one per core. Sampling is mostly waiting for the database, so it needs
    /// little CPU of its own, and once the last table is sampled every core classifies (with one worker per two cores
    /// a 2-core machine classified on one core for most of a scan: profile in bench/README.md).</summary>
    private static int ClassificationWorkers => Math.Max(1, Environment.ProcessorCount);

    /// <summary>Reads the catalog and samples every table of a source into the classification stage.</summary>
    /// <returns>The source entry (tables added later), its scan state, and a task that ends when all its tables are classified.</returns>
    private static async Task<SampledSource> SampleSourceAsync(IConnector connector, SourceConfig source,
        ScanRequest request, ScanShard? tableShard, ServerSlots slots, ClassificationStage stage, IScanProgress? progress, CancellationToken cancellationToken)
    {
        var filter = new CatalogFilter(source.Include, source.Exclude);
        // Tables are sampled from the catalog's first stage (their columns), while the rest of it (the keys) is still
        // being read on the catalog's connection; each table is classified with its keys (the whole catalog's table).
        var staged = await connector.ReadCatalogInStagesAsync(filter, source.Sample, cancellationToken).ConfigureAwait(false);
        var catalog = staged.Sampleable;
        var tables = new List<int>(catalog.Tables.Count);
        int columns = 0;
        for (int i = 0; i < catalog.Tables.Count; i++)
        {
            if (tableShard is { } shard && !shard.Owns(catalog.Tables[i].QualifiedName(catalog.DefaultSchema))) continue;
            tables.Add(i);
            columns += catalog.Tables[i].Columns.Count;
        }
        progress?.CatalogRead(source.Name, tables.Count, columns);
        var scan = new SourceScan(source, connector.Provider, catalog.DefaultSchema);
        var classified = new TableCountdown(tables.Count);
        var tracking = new CountingProgress(progress, classified);
        var samples = source.Role != ProcessingRole.Processor && source.Sample.Rows > 0;
        async Task ScanTableAsync(int index, CancellationToken ct)
        {
            var table = catalog.Tables[index];
            var name = table.QualifiedName(catalog.DefaultSchema);
            progress?.TableStarted(source.Name, name);
            TableSample sample;
            if (source.Role == ProcessingRole.Processor)
                sample = TableEntries.NotSampled(table, NotSampledReason.ProcessorScope);
            else if (source.Sample.Rows == 0)
                sample = TableEntries.NotSampled(table, NotSampledReason.Disabled);
            else
            {
                try
                {
                    sample = await connector.SampleAsync(table, source.Sample, ct).ConfigureAwait(false);
                }
                catch (ConnectorException e)
                {
                    sample = TableEntries.NotSampled(table, NotSampledReason.Error) with
                    {
                        Issues = [new ScanIssue(source.Name, name, null, "connection-lost", e.Message)],
                    };
                }
            }
            progress?.TableSampled(source.Name, name);
            foreach (var issue in sample.Issues) scan.AddIssue(issue with { Source = source.Name, Table = issue.Table ?? name });
            if (sample.Issues.Any(i => i.Kind == ScanIssue.TableDroppedKind && i.Column is null))
            {
                // Dropped or renamed since the catalog was read (a migration running beside the scan): the inventory
                // describes the database as it is, so the table is left out, its warning says so (trial40 finding 10).
                tracking.TableDropped(source.Name, name, sample.Issues.Count);
                return;
            }
            var keyed = staged.WholeTable(await staged.Whole.WaitAsync(ct).ConfigureAwait(false), index);
            await stage.EnqueueAsync(new SampledTable(scan, keyed, sample) { Progress = tracking }, ct).ConfigureAwait(false);
        }
        // Up to `parallelism` readers take the source's tables in order. The first reads with the slot the catalog read
        // held; each other one first takes another slot of the server, and stops waiting for it once no table is left.
        // A reader holding a slot never waits for another one, so the source always progresses and gives its slots
        // back when it ends: no deadlock whatever the number of sources and slots. The first reader starts once the
        // catalog's connection is given back (the whole catalog read), so the source never has more connections open
        // than slots: the others sample meanwhile.
        var readers = samples ? Math.Clamp(request.Parallelism, 1, Math.Max(1, tables.Count)) : 1;
        try
        {
            await slots.ReadAllAsync(tables, readers, ScanTableAsync, cancellationToken, firstReaderAfter: staged.Whole).ConfigureAwait(false);
        }
        catch (Exception) when (!staged.Whole.IsCompletedSuccessfully)
        {
            // The catalog's own failure (its keys not read) is the source's error; and its connection must be given
            // back before the connector is disposed.
            await staged.Whole.ConfigureAwait(false);
            throw;
        }
        var whole = await staged.Whole.ConfigureAwait(false);
        foreach (var issue in whole.Issues) scan.AddIssue(issue with { Source = source.Name });
        var entry = new SourceEntry
        {
            Name = source.Name,
            Provider = connector.Provider,
            Role = source.Role,
            Controller = source.Controller,
            Target = connector.Target,
            ServerVersion = whole.ServerVersion,
            DefaultSchema = whole.DefaultSchema,
            Scope = new SourceScope { Include = [.. source.Include], Exclude = [.. source.Exclude], Shard = request.Shard?.ToString() },
        };
        return new SampledSource(entry, scan, classified.Task);
    }

    // A scan's per-source values as small classes, not tuples: the parallel loop, the bags and the async builders then
    // run the framework's shared precompiled code, where a tuple costs the ReadyToRun build a JIT compile of every
    // generic method it reaches (perf43's census).

    /// <summary>A configured source with its parsed connection.</summary>
    private sealed record ConfiguredSource(SourceConfig Config, ConnectionTarget Target);

    /// <summary>A sampled source: its entry (tables added at the end), its scan state, and a task that ends when all its
    /// tables are classified.</summary>
    private sealed record SampledSource(SourceEntry Entry, SourceScan Scan, Task Classified);

    /// <summary>A source of several that could not be reached, and where its connection is written (or null).</summary>
    private sealed record UnreachedSource(string Source, ConnectorException Error, string? Origin);

    /// <summary>Host and port (or file) of a connection: sources on one server share its connection bound.</summary>
    internal static string ServerKey(ConnectionTarget target)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
            string? Get(params string[] keys) => keys.Select(k => builder.TryGetValue(k, out var v) ? v?.ToString() : null).FirstOrDefault(v => v is { Length: > 0 });
            var host = Get("Host", "Server", "Data Source", "Address", "Addr") ?? "";
            var port = Get("Port") ?? "";
            return $"{target.Provider}|{host.ToLowerInvariant()}|{port}";
        }
        catch (ArgumentException)
        {
            return $"{target.Provider}|{target.Display}";
        }
    }

    /// <summary>Counts a source's classified tables down to zero.</summary>
    private sealed class TableCountdown
    {
        private int _remaining;
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TableCountdown(int tables)
        {
            _remaining = tables;
            if (tables == 0) _done.TrySetResult();
        }

        public Task Task => _done.Task;

        public void Signal()
        {
            if (Interlocked.Decrement(ref _remaining) == 0) _done.TrySetResult();
        }
    }

    /// <summary>Forwards TableFinished and counts the source's tables down.</summary>
    private sealed class CountingProgress(IScanProgress? inner, TableCountdown countdown) : IScanProgress
    {
        public void CatalogRead(string source, int tables, int columns) => inner?.CatalogRead(source, tables, columns);
        public void TableStarted(string source, string table) => inner?.TableStarted(source, table);
        public void TableFinished(string source, string table, int sampledRows, int issues)
        {
            inner?.TableFinished(source, table, sampledRows, issues);
            countdown.Signal();
        }
        public void TableNotSampled(string source, string table, NotSampledReason reason, int issues)
        {
            inner?.TableNotSampled(source, table, reason, issues);
            countdown.Signal();
        }
        public void TableDropped(string source, string table, int issues)
        {
            inner?.TableDropped(source, table, issues);
            countdown.Signal();
        }
    }
}
