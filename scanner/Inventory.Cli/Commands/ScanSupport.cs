using System.ComponentModel;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary>Options shared by every command that scans a database (scan, check, annotate, evaluate).</summary>
internal class ScanSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("Config file (inventory.yml). Default: ./inventory.yml when it exists. Flags override it.")]
    public string? Config { get; init; }

    [CommandOption("--connection <CONN>")]
    [Description("Database to scan: postgres://user:pass@host:port/db?sslmode=…, sqlserver://…, sqlite:PATH, or a native connection string. Prefer ${ENV} in inventory.yml for secrets.")]
    public string? Connection { get; init; }

    [CommandOption("--provider <NAME>")]
    [Description("postgres, sqlserver or sqlite, when a native connection string is ambiguous.")]
    public string? Provider { get; init; }

    [CommandOption("--include <PATTERN>")]
    [Description("Only tables matching schema.table globs (repeatable; case-sensitive; * and ?).")]
    public string[] Include { get; init; } = [];

    [CommandOption("--exclude <PATTERN>")]
    [Description("Skip tables matching schema.table globs (repeatable; exclude wins). Excluded tables are never queried.")]
    public string[] Exclude { get; init; } = [];

    [CommandOption("--sample-rows <N>")]
    [Description("Rows sampled per table (default 500; 0 = names and types only).")]
    public int? SampleRows { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("Statement timeout per query, e.g. 30s (default 30s).")]
    public string? Timeout { get; init; }

    [CommandOption("--parallelism <N>")]
    [Description("Tables sampled at once per source (default 4).")]
    public int? Parallelism { get; init; }

    [CommandOption("--source-parallelism <N>")]
    [Description("Sources scanned at once (default 4; config source-parallelism). Connections per server stay bounded (config connections-per-server, default 8).")]
    public int? SourceParallelism { get; init; }

    [CommandOption("--annotations <DIR>")]
    [Description("Annotations folder or file (overrides inventory.yml).")]
    public string? Annotations { get; init; }

    [CommandOption("--masked-examples")]
    [Description("Keep up to three masked examples per column in inventory.json (e.g. j***@e***.c***). Off by default.")]
    public bool MaskedExamples { get; init; }

    [CommandOption("-v|--verbose")]
    [Description("Show stack traces on errors.")]
    public bool Verbose { get; init; }

    public override ValidationResult Validate()
    {
        if (SampleRows is < 0) return ValidationResult.Error("--sample-rows must be 0 or more");
        if (Parallelism is < 1 or > 64) return ValidationResult.Error("--parallelism must be from 1 to 64");
        if (SourceParallelism is < 1 or > 256) return ValidationResult.Error("--source-parallelism must be from 1 to 256");
        return ValidationResult.Success();
    }
}

/// <summary>Turns settings into a config and runs a scan with a progress display.</summary>
internal static class ScanSupport
{
    /// <summary>Loads inventory.yml (explicit, or ./inventory.yml when present) and applies the flags.</summary>
    /// <exception cref="ConfigurationException">Bad config, bad flag, or nothing to scan.</exception>
    public static InventoryConfig LoadConfig(ScanSettings settings, bool requireSources = true)
    {
        InventoryConfig config;
        if (settings.Config is not null)
            config = InventoryConfig.Load(settings.Config);
        else if (settings.Connection is null && File.Exists("inventory.yml"))
            config = InventoryConfig.Load("inventory.yml");
        else
            config = new InventoryConfig();

        var sources = config.Sources.ToList();
        if (settings.Connection is not null)
        {
            var template = config.SourceDefaults ?? new SourceConfig { Connection = "" };
            sources = [template with { Connection = settings.Connection, Provider = settings.Provider ?? template.Provider, Name = template.Name }];
        }
        sources = sources.Select(s => s with
        {
            Include = settings.Include.Length > 0 ? settings.Include : s.Include,
            Exclude = settings.Exclude.Length > 0 ? [.. s.Exclude, .. settings.Exclude] : s.Exclude,
            Sample = s.Sample with
            {
                Rows = settings.SampleRows ?? s.Sample.Rows,
                StatementTimeout = settings.Timeout is null ? s.Sample.StatementTimeout : InventoryConfig.ParseDuration(settings.Timeout),
            },
        }).ToList();
        if (requireSources && sources.Count == 0)
            throw new ConfigurationException("nothing to scan: pass --connection (e.g. sqlite:app.db or postgres://user@host/db) or --config inventory.yml with sources");
        return config with
        {
            Sources = sources,
            Parallelism = settings.Parallelism ?? config.Parallelism,
            SourceParallelism = settings.SourceParallelism ?? config.SourceParallelism,
            Annotations = settings.Annotations is null ? config.Annotations is null ? null : config.Resolve(config.Annotations) : Path.GetFullPath(settings.Annotations),
        };
    }

    /// <summary>Scans every source of the config with a live progress display (one row per table) when the console is interactive.</summary>
    public static async Task<InventoryDocument> ScanAsync(IAnsiConsole console, InventoryConfig config, IColumnClassifier classifier,
        bool maskedExamples, CancellationToken cancellationToken, ScanShard? shard = null)
    {
        var request = new ScanRequest
        {
            Sources = config.Sources,
            Parallelism = config.Parallelism,
            SourceParallelism = config.SourceParallelism,
            MaxConnectionsPerServer = config.ConnectionsPerServer,
            Shard = shard,
            MaskedExamples = maskedExamples,
            ScannedAt = DateTimeOffset.UtcNow,
        };
        var runner = new ScanRunner(classifier);
        if (!console.Profile.Capabilities.Interactive)
            return await runner.RunAsync(request, new LineProgress(console, ProgressWriter), cancellationToken);
        InventoryDocument? document = null;
        await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                document = await runner.RunAsync(request, new LiveProgress(ctx), cancellationToken);
            });
        return document!;
    }

    /// <summary>Prints the scan summary: tables, columns, columns per category, statuses, issues.</summary>
    public static void PrintSummary(IAnsiConsole console, InventoryDocument document)
    {
        var columns = document.AllColumns().ToList();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("sources", document.Sources.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("tables", document.AllTables().Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("columns", columns.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var group in columns.GroupBy(c => c.Column.DataCategory?.Split('.')[0] ?? "(undecided)").OrderBy(g => g.Key, StringComparer.Ordinal))
            table.AddRow(new Text($"  category {group.Key}"), new Text(group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var group in columns.GroupBy(c => c.Column.Status).OrderBy(g => g.Key))
            table.AddRow(new Text($"  status {group.Key.ToString().ToLowerInvariant()}"), new Text(group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        table.AddRow("scan issues", document.Issues.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(table);
        foreach (var issue in document.Issues.Take(20))
            console.Write(new Text($"  ! {issue.Source} {issue.Table}{(issue.Column is null ? "" : "." + issue.Column)}: {issue.Kind}: {issue.Message}\n", new Style(Color.Yellow)));
        if (document.Issues.Count > 20)
            console.Write(new Text($"  … and {document.Issues.Count - 20} more issues (see inventory.json)\n", new Style(Color.Yellow)));
    }

    private sealed class LiveProgress(ProgressContext context) : IScanProgress
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private readonly Dictionary<string, ProgressTask> _overall = new(StringComparer.Ordinal);
        private ProgressTask? _sources;
        private (string Source, TimeSpan Elapsed) _slowest;
        private readonly Lock _gate = new();

        public void SourceFinished(string source, int done, int total, TimeSpan elapsed)
        {
            if (total < 2) return;
            lock (_gate)
            {
                _sources ??= context.AddTask("sources", maxValue: total);
                _sources.Value = done;
                if (elapsed >= _slowest.Elapsed) _slowest = (source, elapsed);
                _sources.Description = Markup.Escape(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"sources {done}/{total}, slowest {_slowest.Source} {_slowest.Elapsed.TotalSeconds:0.0} s"));
            }
        }

        public void CatalogRead(string source, int tables, int columns)
        {
            lock (_gate) _overall[source] = context.AddTask(Markup.Escape($"{source}: {tables} tables, {columns} columns"), maxValue: Math.Max(1, tables));
        }

        public void TableStarted(string source, string table)
        {
            lock (_gate) _tasks[source + "\u0001" + table] = context.AddTask(Markup.Escape($"  {table}"), maxValue: 1).IsIndeterminate();
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

    /// <summary>Where progress lines go when the console is not interactive: standard error in the real program (so
    /// findings piped from standard output stay clean), or null to write them to the console (tests).</summary>
    public static TextWriter? ProgressWriter { get; set; }

    /// <summary>One line per table, for logs (CI) where a live display cannot render.</summary>
    private sealed class LineProgress(IAnsiConsole console, TextWriter? writer) : IScanProgress
    {
        private readonly Lock _gate = new();
        public void CatalogRead(string source, int tables, int columns) =>
            Line($"{source}: catalog read, {tables} tables, {columns} columns");
        public void TableStarted(string source, string table) { }
        public void TableFinished(string source, string table, int sampledRows, int issues) =>
            Line($"  {table}: {sampledRows} rows sampled{(issues > 0 ? $", {issues} issue(s)" : "")}");

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
                slowest = string.Join(", ", _slowest.Select(s => $"{s.Source} {s.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s"));
            }
            Line($"sources {done}/{total} done ({source} {elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s); slowest: {slowest}");
        }

        private void Line(string text)
        {
            lock (_gate)
            {
                if (writer is not null) writer.WriteLine(text);
                else console.Write(new Text(text + "\n"));
            }
        }
    }
}
