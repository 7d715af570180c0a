using System.Threading.Channels;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Scanning;

/// <summary>A sampled table waiting for classification: its catalog entry, its sample and where its result goes.</summary>
internal sealed record SampledTable(SourceScan Source, TableInfo Table, TableSample Sample)
{
    /// <summary>Told when the table is classified, or null.</summary>
    public IScanProgress? Progress { get; init; }

    /// <summary>Budget units held while queued: one per column plus one per sampled value.</summary>
    public int Units { get; } = Table.Columns.Count + Sample.Columns.Values.Sum(c => c.Values.Count);
}

/// <summary>
/// Classifies sampled tables of every source of a scan in batches that cross table (and source) boundaries, while
/// sampling goes on: the model is scored once per batch instead of once per table, which is where a per-table scan
/// spent most of its time (profile in bench/README.md). Memory stays bounded: producers wait while the queued tables
/// hold more than <see cref="MaxQueuedUnits"/> columns+values (a single table larger than that is still admitted
/// alone), and values are dropped as soon as their batch is classified, so peak memory follows the largest table, not
/// the database. A batch whose classification throws is retried table by table; a table whose classification still
/// throws becomes a <c>classification-failed</c> scan issue (its columns left undecided) and the scan goes on. The
/// exception's message is never recorded, since a classifier may quote the value it failed on.
/// </summary>
internal sealed class ClassificationStage
{
    /// <summary>Columns classified in one batch at most. Small enough that a scan which queues every table at once (names
    /// only: `--sample-rows 0`, where 20,000 columns arrive within milliseconds of the catalog) spreads its batches over
    /// every worker to the end: with 4,096 a 20,000-column scan made five batches for two workers and classified the
    /// last one on one core (bench/README.md, 2026-12-03, ninth session). A batch of 1,024 columns still spans about
    /// fifty tables, so the model is scored in large batches as before.</summary>
    internal const int MaxBatchColumns = 1024;
    /// <summary>Sampled values classified in one batch at most (a single table over either bound is a batch of its own).</summary>
    internal const int MaxBatchValues = 200_000;
    /// <summary>Columns+values queued at most before sampling waits.</summary>
    internal const int MaxQueuedUnits = 400_000;

    private readonly Task<IColumnClassifier> _classifier;
    private readonly bool _maskedExamples;
    private readonly bool _writeTablesAhead;
    private readonly Channel<SampledTable> _queue = Channel.CreateUnbounded<SampledTable>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Lock _budgetGate = new();
    private readonly Queue<(int Units, TaskCompletionSource Ready)> _waiting = new();
    private int _queuedUnits;
    // Units of the tables written to the channel and not yet read by a worker (the fair share's base).
    private int _unitsInChannel;
    private readonly Task[] _workers;
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _failure;
    private readonly CancellationTokenSource _faulted = new();

    /// <summary>Cancelled when a batch fails outside the classifier (a bug in building a table's entry, its document
    /// part or a progress callback): the tables of that batch are never reported classified, so whoever waits for them
    /// must stop waiting and let <see cref="CompleteAsync"/> throw the failure. Found by a Native AOT build whose
    /// document writer threw there: the scan hung instead of failing (bench/README.md, perf34).</summary>
    public CancellationToken Faulted => _faulted.Token;

    /// <summary>Starts the workers.</summary>
    /// <param name="classifier">Thread-safe classifier, possibly still being built: tables queue (within the bound)
    /// until it is; if building it fails, queued tables are dropped unclassified and <see cref="CompleteAsync"/> throws
    /// that failure.</param>
    /// <param name="maskedExamples">Keep up to three masked examples per column.</param>
    /// <param name="workers">Batches classified at once.</param>
    /// <param name="writeTablesAhead">Write each classified table's part of the document ahead, on the worker
    /// (<see cref="PrewrittenTable.WriteAhead"/>).</param>
    public ClassificationStage(Task<IColumnClassifier> classifier, bool maskedExamples, int workers, bool writeTablesAhead = false)
    {
        _classifier = classifier;
        _maskedExamples = maskedExamples;
        _writeTablesAhead = writeTablesAhead;
        _workers = Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Task.Run(WorkAsync)).ToArray();
    }

    /// <summary>Queues a sampled table, waiting while the queue holds too many values.</summary>
    public async ValueTask EnqueueAsync(SampledTable table, CancellationToken cancellationToken)
    {
        Task? wait = null;
        lock (_budgetGate)
        {
            if (_waiting.Count == 0 && (_queuedUnits == 0 || _queuedUnits + table.Units <= MaxQueuedUnits))
                _queuedUnits += table.Units;
            else
            {
                var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue((table.Units, ready));
                wait = ready.Task;
            }
        }
        if (wait is not null) await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _unitsInChannel, table.Units);
        await _queue.Writer.WriteAsync(table, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>No more tables: waits until every queued table is classified.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        _failure?.Throw();
    }

    private void Release(int units)
    {
        lock (_budgetGate)
        {
            _queuedUnits -= units;
            while (_waiting.TryPeek(out var next) && (_queuedUnits == 0 || _queuedUnits + next.Units <= MaxQueuedUnits))
            {
                _waiting.Dequeue();
                _queuedUnits += next.Units;
                next.Ready.TrySetResult();
            }
        }
    }

    private async Task WorkAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<SampledTable>();
        IColumnClassifier? classifier = null;
        try
        {
            classifier = await _classifier.ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The scan runner stops the scan and reports this exception; keep draining so producers never wait forever.
            _failure ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
        }
        // A table that would take a non-empty batch over a bound opens this worker's next batch instead, so a batch stays
        // within both bounds unless one table alone exceeds them.
        SampledTable? carried = null;
        while (carried is not null || await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            int columns = 0, values = 0;
            // A worker takes at most its share of what is queued (the first table always): with every table of a small
            // scan queued at once (one source, sampled while the classifier loads) the first worker took them all and
            // classified them on one core while the other workers found nothing (bench/README.md, perf46).
            int share = FairShare(Volatile.Read(ref _unitsInChannel) + (carried?.Units ?? 0), _workers.Length);
            if (carried is not null)
            {
                batch.Add(carried);
                columns += carried.Table.Columns.Count;
                values += carried.Units - carried.Table.Columns.Count;
                carried = null;
            }
            while (columns < MaxBatchColumns && values < MaxBatchValues && (batch.Count == 0 || columns + values < share) && reader.TryRead(out var table))
            {
                Interlocked.Add(ref _unitsInChannel, -table.Units);
                int tableColumns = table.Table.Columns.Count, tableValues = table.Units - tableColumns;
                if (batch.Count > 0 && (columns + tableColumns > MaxBatchColumns || values + tableValues > MaxBatchValues))
                {
                    carried = table;
                    break;
                }
                batch.Add(table);
                columns += tableColumns;
                values += tableValues;
            }
            if (batch.Count == 0) continue;
            try
            {
                if (classifier is not null) Classify(classifier, batch);
            }
            catch (Exception e)
            {
                // A fault outside the classifier (a bug): keep draining so producers never wait forever, stop the
                // sources waiting for this batch's tables, rethrow at the end.
                _failure ??= System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                _faulted.Cancel();
            }
            finally
            {
                Release(batch.Sum(t => t.Units));
                batch.Clear();
            }
        }
    }

    /// <summary>The units (columns + values) one worker takes into a batch: the queued units divided among the
    /// workers, rounded up. A batch still takes whole tables (its first one whatever its size) and stays within
    /// <see cref="MaxBatchColumns"/> and <see cref="MaxBatchValues"/>.</summary>
    /// <param name="queuedUnits">Units of the tables waiting in the queue (and any table carried over to this batch).</param>
    /// <param name="workers">Workers classifying at once.</param>
    internal static int FairShare(int queuedUnits, int workers) =>
        workers <= 1 ? int.MaxValue : (int)Math.Min(int.MaxValue, ((long)Math.Max(0, queuedUnits) + workers - 1) / workers);

    private void Classify(IColumnClassifier classifier, List<SampledTable> batch)
    {
        var evidence = batch.Select(t => TableEntries.Evidence(t.Source.Config, t.Source.Provider, t.Source.DefaultSchema, t.Table, t.Sample)).ToArray();
        var decisions = TryClassify(classifier, evidence.SelectMany(e => e).ToArray());
        int offset = 0;
        for (int i = 0; i < batch.Count; i++)
        {
            var table = batch[i];
            IReadOnlyList<ColumnClassification>? own = null;
            string? failure = decisions.Failure;
            if (decisions.Result is { } all)
                own = new ArraySegment<ColumnClassification>(all, offset, evidence[i].Length);
            else if (batch.Count > 1)
                (own, failure) = TryClassify(classifier, evidence[i]);
            offset += evidence[i].Length;
            var issues = table.Sample.Issues.Count;
            if (own is null)
            {
                table.Source.AddIssue(new ScanIssue(table.Source.Config.Name, table.Table.QualifiedName(table.Source.DefaultSchema), null,
                    "classification-failed", $"the classifier failed on this table ({failure}); its columns are left undecided"));
                own = evidence[i].Select(_ => ColumnClassification.Undecided()).ToArray();
                issues++;
            }
            else own = GeneratedColumnCategories.Apply(table.Table, own);
            var entry = TableEntries.Build(table.Source.DefaultSchema, table.Table, table.Sample, evidence[i], own, _maskedExamples);
            // Written ahead before the table is handed over: nothing else holds it yet.
            if (_writeTablesAhead) PrewrittenTable.WriteAhead(entry);
            table.Source.TableClassified(entry);
            if (table.Sample.NotSampled is NotSampledReason.ProcessorScope or NotSampledReason.Disabled)
                table.Progress?.TableNotSampled(table.Source.Config.Name, entry.QualifiedName, table.Sample.NotSampled.Value, issues);
            else
                table.Progress?.TableFinished(table.Source.Config.Name, entry.QualifiedName, table.Sample.RowCount, issues);
        }
    }

    /// <summary>Classifies columns; no result when the classifier throws or answers with the wrong number of decisions,
    /// and then the failure named by the exception's type only (its message may quote a value).</summary>
    private static (ColumnClassification[]? Result, string? Failure) TryClassify(IColumnClassifier classifier, ColumnEvidence[] columns)
    {
        try
        {
            var result = classifier.ClassifyMany(columns);
            return result.Count == columns.Length
                ? (result as ColumnClassification[] ?? result.ToArray(), null)
                : (null, $"{result.Count} decisions for {columns.Length} columns");
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            return (null, e.GetType().Name);
        }
    }
}
