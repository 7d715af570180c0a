using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Inventory.Cli;

/// <summary>Shows a scan's progress: a live display (one row per table) on an interactive console, one line per table
/// otherwise (CI logs).</summary>
internal static class ScanProgressView
{
    /// <summary>Runs the flow's scan with the progress display.</summary>
    /// <param name="console">The console.</param>
    /// <param name="flow">The flow.</param>
    /// <param name="request">What to scan.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    public static async Task<InventoryDocument> ScanAsync(IAnsiConsole console, InventoryFlow flow, ScanRequest request, CancellationToken cancellationToken)
    {
        // The model is deserialised while the catalog is read and the first tables are sampled.
        var classifier = flow.StartClassifier();
        // Once it is built, the inventory's serializer and the summary's table are warmed on a pool thread while tables are
        // sampled, so the document is written and the summary printed warm at the end (InventoryJson.WarmUp,
        // ScanSummaryView.WarmUp; bench/README.md). Not run inline: the classification workers' own continuations on the
        // classifier must not wait behind it.
        _ = classifier.ContinueWith(static _ =>
        {
            InventoryJson.WarmUp();
            ScanSummaryView.WarmUp();
        }, CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        // With several sources, tables of one name come from many of them (one database per tenant): each table's line
        // names its source as check and report do, source/table (trial 19: "rendez_vous: 300 rows sampled" three times).
        var severalSources = request.Sources.Count > 1;
        if (!console.Profile.Capabilities.Interactive)
        {
            var lines = new LineProgress(console, ProgressWriter, severalSources, SlowTableAfter, TimeProvider.System);
            try
            {
                return await flow.ScanAsync(request, lines, classifier, cancellationToken);
            }
            finally
            {
                lines.End();
            }
        }
        InventoryDocument? document = null;
        await LiveDisplay(console)
            .StartAsync(async ctx =>
            {
                document = await flow.ScanAsync(request, new LiveProgress(ctx, severalSources), classifier, cancellationToken);
            });
        return document!;
    }

    /// <summary>Consoles at least this wide show the whole live display: description, a 40-column bar, percentage,
    /// elapsed time and spinner.</summary>
    internal const int FullDisplayWidth = 120;

    /// <summary>Consoles narrower than this show the description and the percentage only.</summary>
    internal const int BarDisplayWidth = 60;

    /// <summary>The live display of an interactive console, its columns fitted to the console's width so that the
    /// description (the table or source being scanned) keeps the room: Spectre.Console's default 40-column bar with the
    /// percentage, elapsed time and spinner left none of a 40-column terminal, which showed a lone "…" per row
    /// (polish31). From <see cref="FullDisplayWidth"/> the
    /// whole display; from <see cref="BarDisplayWidth"/> a bar of a sixth of the width and the percentage; below, the
    /// description and the percentage. Completed rows are hidden and the display is cleared at the end.</summary>
    /// <param name="console">The interactive console.</param>
    internal static Progress LiveDisplay(IAnsiConsole console)
    {
        var width = console.Profile.Width;
        // The description takes what the other columns and the spaces between columns leave (percentage 4, elapsed
        // time 8, spinner 1), so a long name is cut with an ellipsis rather than folding the percentage.
        ProgressColumn[] columns = width >= FullDisplayWidth
            ? [new DescriptionColumn(width - 40 - 4 - 8 - 1 - 4), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn()]
            : width >= BarDisplayWidth
                ? [new DescriptionColumn(width - width / 6 - 4 - 2), new ProgressBarColumn { Width = width / 6 }, new PercentageColumn()]
                : [new DescriptionColumn(Math.Max(1, width - 4 - 1)), new PercentageColumn()];
        return console.Progress().AutoClear(true).HideCompleted(true).Columns(columns);
    }

    /// <summary>A task's description in a column of a fixed width, right-aligned as Spectre.Console's own, cut with an
    /// ellipsis when longer so that the columns after it keep their width.</summary>
    /// <param name="width">The column's width in cells.</param>
    private sealed class DescriptionColumn(int width) : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override int? GetColumnWidth(RenderOptions options) => width;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup(task.Description).Overflow(Overflow.Ellipsis).RightJustified();
    }

    /// <summary>What a source's time in the progress lines is: the wall-clock time from the source's start (connecting)
    /// to its last table classified. Sources scanned at once share the classification stage and each server's
    /// connection slots, so under <c>--source-parallelism</c> above 1 it includes waiting behind the other sources'
    /// tables; it is not the source's own cost (trial 28: "slowest: crm 5.2 s" for a source that took 1.6 s alone).
    /// Speed is measured on the whole process (bench/README.md).</summary>
    internal const string SourceTimeLabel = "from start to last table classified";

    /// <summary>A table as a progress line names it: <c>source/table</c> when the scan has several sources.</summary>
    private static string TableLabel(string source, string table, bool severalSources) => severalSources ? $"{source}/{table}" : table;

    private sealed class LiveProgress(ProgressContext context, bool severalSources) : IScanProgress
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private readonly Dictionary<string, ProgressTask> _overall = new(StringComparer.Ordinal);
        private ProgressTask? _sources;
        private (string Source, TimeSpan Elapsed) _slowest;

        private readonly SourceTally _tally = new();

        public void SourceFinished(string source, int done, int total, TimeSpan elapsed)
        {
            if (total < 2) return;
            lock (_gate)
            {
                if (elapsed >= _slowest.Elapsed) _slowest = (source, elapsed);
                Show(done, total, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $", longest {_slowest.Source} {_slowest.Elapsed.TotalSeconds:0.0} s {SourceTimeLabel}"));
            }
        }

        public void SourceFailed(string source, int ended, int total, string cause)
        {
            if (total < 2) return;
            lock (_gate)
            {
                _tally.Failed(source);
                Show(ended, total, _slowest.Source is null ? "" : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $", longest {_slowest.Source} {_slowest.Elapsed.TotalSeconds:0.0} s {SourceTimeLabel}"));
            }
        }

        private void Show(int ended, int total, string slowest)
        {
            _sources ??= context.AddTask("sources", maxValue: total);
            _sources.Value = ended;
            _sources.Description = Markup.Escape(_tally.Describe(ended, total) + slowest);
        }
        private readonly Lock _gate = new();

        public void CatalogRead(string source, int tables, int columns)
        {
            lock (_gate) _overall[source] = context.AddTask(Markup.Escape($"{source}: {tables} tables, {columns} columns"), maxValue: Math.Max(1, tables));
        }

        public void TableStarted(string source, string table)
        {
            lock (_gate) _tasks[source + "\u0001" + table] = context.AddTask(Markup.Escape($"  {TableLabel(source, table, severalSources)}"), maxValue: 1).IsIndeterminate();
        }

        public void TableFinished(string source, string table, int sampledRows, int issues)
        {
            lock (_gate)
            {
                if (_tasks.Remove(source + "\u0001" + table, out var task)) { task.IsIndeterminate(false); task.Value = 1; task.StopTask(); }
                if (_overall.TryGetValue(source, out var overall)) overall.Increment(1);
            }
        }
    }

    /// <summary>The sources line of a fleet scan: sources scanned out of the total, and those that could not be reached
    /// named (trial 19: an unreachable source printed "sources 6/9 done" as if it had been scanned). Not thread-safe:
    /// callers hold their lock.</summary>
    internal sealed class SourceTally
    {
        /// <summary>Failed sources named in the line; more are counted only.</summary>
        private const int NamedFailures = 3;
        private readonly List<string> _failed = [];

        /// <summary>Records a source that could not be reached.</summary>
        /// <param name="source">Its name.</param>
        public void Failed(string source) => _failed.Add(source);

        /// <summary>The line: <c>sources 6/9 done</c>, then <c>, 1 failed: tenant-down</c> once a source failed.</summary>
        /// <param name="ended">Sources ended (scanned or failed).</param>
        /// <param name="total">Sources of the scan.</param>
        /// <returns>The text, without the slowest sources.</returns>
        public string Describe(int ended, int total)
        {
            var text = $"sources {ended - _failed.Count}/{total} done";
            if (_failed.Count == 0) return text;
            var named = string.Join(", ", _failed.Take(NamedFailures));
            var more = _failed.Count > NamedFailures ? $" and {_failed.Count - NamedFailures} more" : "";
            return $"{text}, {_failed.Count} failed: {named}{more}";
        }
    }

    /// <summary>Where progress lines go when the console is not interactive: standard error in the real program (so
    /// findings piped from standard output stay clean), or null to write them to the console (tests).</summary>
    public static TextWriter? ProgressWriter { get; set; }

    /// <summary>One line per table, for logs (CI) where a live display cannot render. Lines are written in blocks, at most
    /// <see cref="FlushInterval"/> after they happen (and all of them when the scan ends): one write per line cost a
    /// system call per table under a lock the sampling tasks share (about 2 % of a 1,000-table scan's CPU,
    /// bench/README.md).</summary>
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>A table still being read this long after its read started gets a <c>still reading</c> line in a log, then
    /// another each time the wait doubles (10 s, 20 s, 40 s…), so a nightly log shows which table of which source holds a
    /// source up before its timeout issue appears (trial42 finding 8). Tests shorten it.</summary>
    internal static TimeSpan SlowTableAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>One line per table, for logs, each starting with the seconds since the scan started
    /// (<c>[  12.3 s]</c>; the first line gives the start as a UTC timestamp), and a <c>still reading</c> line for a table
    /// whose read lasts longer than <see cref="SlowTableAfter"/> (trial42 finding 8: no line said when, and nothing was
    /// printed for the length of a slow statement).</summary>
    /// <param name="console">Where lines go when <paramref name="writer"/> is null.</param>
    /// <param name="writer">Where lines go (standard error), or null.</param>
    /// <param name="severalSources">Table lines name their source.</param>
    /// <param name="slowAfter">When a table's read counts as slow.</param>
    /// <param name="time">The clock.</param>
    internal sealed class LineProgress : IScanProgress
    {
        private readonly Lock _gate = new();
        private readonly IAnsiConsole _console;
        private readonly TextWriter? _writer;
        private readonly bool _severalSources;
        private readonly TimeSpan _slowAfter;
        private readonly TimeProvider _time;
        private readonly long _start;
        /// <summary>Tables being read: when their read started and when the next <c>still reading</c> line is due.</summary>
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Source, string Table), (long Started, TimeSpan Due)> _reading = new();
        private readonly ITimer _watch;

        public LineProgress(IAnsiConsole console, TextWriter? writer, bool severalSources, TimeSpan slowAfter, TimeProvider time)
        {
            (_console, _writer, _severalSources, _slowAfter, _time) = (console, writer, severalSources, slowAfter, time);
            _start = time.GetTimestamp();
            var every = TimeSpan.FromTicks(Math.Clamp(slowAfter.Ticks / 4, TimeSpan.TicksPerMillisecond * 50, TimeSpan.TicksPerSecond));
            _watch = time.CreateTimer(_ => WatchSlowTables(), null, every, every);
            _startLine = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"scan started {time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss'Z'} (each line: [seconds since the start])");
        }

        /// <summary>The line that gives the start's UTC time, written before the first progress line (never alone: a
        /// scan that fails before any progress prints its one error line only).</summary>
        private string? _startLine;

        public void CatalogRead(string source, int tables, int columns) =>
            Line($"{source}: catalog read, {tables} tables, {columns} columns");
        public void TableStarted(string source, string table) => _reading[(source, table)] = (_time.GetTimestamp(), _slowAfter);
        public void TableSampled(string source, string table) => _reading.TryRemove((source, table), out _);
        public void TableFinished(string source, string table, int sampledRows, int issues)
        {
            _reading.TryRemove((source, table), out _);
            Line($"  {TableLabel(source, table, _severalSources)}: {sampledRows} rows sampled{(issues > 0 ? $", {issues} issue(s)" : "")}");
        }
        // A processor source's table is never sampled: "0 rows sampled" read as an empty table or a failed read (trial 22).
        public void TableNotSampled(string source, string table, NotSampledReason reason, int issues)
        {
            _reading.TryRemove((source, table), out _);
            Line($"  {TableLabel(source, table, _severalSources)}: not sampled ({(reason == NotSampledReason.ProcessorScope ? "processor source: catalog only" : "sampling disabled: catalog only")}){(issues > 0 ? $", {issues} issue(s)" : "")}");
        }
        // Trial47: a table dropped by a migration beside the scan read "not sampled (sampling disabled: catalog only)".
        public void TableDropped(string source, string table, int issues)
        {
            _reading.TryRemove((source, table), out _);
            Line($"  {TableLabel(source, table, _severalSources)}: dropped during the scan: left out of the inventory (table-dropped warning){(issues > 1 ? $", {issues} issue(s)" : "")}");
        }

        /// <summary>Writes a <c>still reading</c> line for each table whose read has lasted past its due time, and doubles
        /// that table's due time.</summary>
        private void WatchSlowTables()
        {
            foreach (var (key, (started, due)) in _reading)
            {
                var reading = _time.GetElapsedTime(started);
                if (reading < due || !_reading.TryUpdate(key, (started, due * 2), (started, due))) continue;
                Line(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"  {key.Source}/{key.Table}: still reading ({reading.TotalSeconds:0} s so far)"));
            }
        }

        private readonly List<(string Source, TimeSpan Elapsed)> _slowest = [];

        public void SourceFinished(string source, int done, int total, TimeSpan elapsed)
        {
            if (total < 2) return;
            string slowest;
            lock (_gate)
            {
                _slowest.Add((source, elapsed));
                _slowest.Sort((a, b) => b.Elapsed.CompareTo(a.Elapsed));
                if (_slowest.Count > 3) _slowest.RemoveAt(3);
                slowest = string.Join(", ", _slowest.Select(s => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{s.Source} {s.Elapsed.TotalSeconds:0.0} s")));
            }
            string tally;
            lock (_gate) tally = _tally.Describe(done, total);
            Line(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{tally} ({source} {elapsed.TotalSeconds:0.0} s {SourceTimeLabel}); longest: {slowest}"));
        }

        private readonly SourceTally _tally = new();

        public void SourceFailed(string source, int ended, int total, string cause)
        {
            if (total < 2) return;
            string tally;
            lock (_gate)
            {
                _tally.Failed(source);
                tally = _tally.Describe(ended, total);
            }
            Line($"{tally} ({source} not scanned: {cause})");
        }

        private readonly System.Text.StringBuilder _pending = new();
        private Timer? _timer;

        private void Line(string text)
        {
            lock (_gate)
            {
                // The first pending line arms a one-shot timer; the block is written when it fires.
                if (_pending.Length == 0)
                {
                    _timer ??= new Timer(_ => { lock (_gate) FlushLocked(); });
                    _timer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
                }
                if (_startLine is not null)
                {
                    _pending.Append("[   0.0 s] ").Append(_startLine).Append('\n');
                    _startLine = null;
                }
                _pending.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{_time.GetElapsedTime(_start).TotalSeconds,6:0.0} s] ").Append(text).Append('\n');
            }
        }

        /// <summary>Stops watching for slow tables and writes the lines not written yet.</summary>
        public void End()
        {
            _watch.Dispose();
            lock (_gate) FlushLocked();
        }

        private void FlushLocked()
        {
            if (_pending.Length == 0) return;
            var text = _pending.ToString();
            _pending.Clear();
            if (_writer is not null)
            {
                _writer.Write(text);
                _writer.Flush();
            }
            else _console.Write(new Text(text));
        }
    }
}
