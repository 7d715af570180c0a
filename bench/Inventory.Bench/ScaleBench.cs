using System.Diagnostics;
using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Connectors;
using Inventory.Connectors.Postgres;
using Inventory.Rules;
using Inventory.Rules.Learning;
using Inventory.Scanning;
using Npgsql;

namespace Inventory.Bench;

/// <summary>
/// scale: the figures of issue 11, measured as users run the tool, on <see cref="ScaleDatabase"/>.
/// <list type="number">
/// <item>Whole process against plain read, interleaved: each round runs <c>inventory scan --connection … --out FILE</c>
/// as a child process (the real classifier, the document written; wall time, CPU time and peak RSS through
/// <c>/usr/bin/time</c>), and the plain read of the same samples (in this process, a fresh Npgsql pool, the catalog's
/// column query, then the very SELECT texts the connector sends, at the same parallelism, every value read), in
/// alternating order. Ratios per round; median, min and max.</item>
/// <item>The same for <c>--sample-rows 0</c> (names only).</item>
/// <item>Names-only classification of 20,000 columns: the default classifier (loaded first) on the evidence of the
/// first 20,000 catalog columns, in the scan's batch size.</item>
/// </list>
/// Options: <c>--rounds N</c> (default 5), <c>--parallelism P</c> (default 4), <c>--regenerate</c>, <c>--cli PATH</c>
/// (another build's inventory.dll instead of this one, or a self-contained publish's <c>inventory</c> executable), <c>--before PATH</c> (a second build run in the same rounds, in
/// rotating order with this one and the plain read, to compare before and after under the same load), <c>--classifier-only</c>.
/// </summary>
internal static class ScaleBench
{
    internal static string? AdminConnection() =>
        Environment.GetEnvironmentVariable("INVENTORY_BENCH_PG") is { Length: > 0 } b ? b
        : Environment.GetEnvironmentVariable("INVENTORY_TEST_PG") is { Length: > 0 } t ? t : null;

    public static async Task<int> GenerateOnlyAsync(string[] args)
    {
        if (AdminConnection() is not { } admin) { Console.Error.WriteLine("set INVENTORY_BENCH_PG or INVENTORY_TEST_PG"); return 2; }
        if (args.Contains("--drop")) { await ScaleDatabase.DropAsync(admin); return 0; }
        var sw = Stopwatch.StartNew();
        await ScaleDatabase.GenerateAsync(admin, Database(admin));
        Console.WriteLine($"generated {ScaleDatabase.Name} in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static string Database(string admin) => new NpgsqlConnectionStringBuilder(admin) { Database = ScaleDatabase.Name }.ConnectionString;

    public static async Task<int> RunAsync(string[] args)
    {
        if (AdminConnection() is not { } admin) { Console.Error.WriteLine("set INVENTORY_BENCH_PG or INVENTORY_TEST_PG"); return 2; }
        int rounds = IntOption(args, "--rounds", 5), parallelism = IntOption(args, "--parallelism", 4);
        var connection = Database(admin);
        if (args.Contains("--regenerate") || !await ScaleDatabase.ExistsAsync(admin))
            await ScaleDatabase.GenerateAsync(admin, connection);
        var cli = args.SkipWhile(a => a != "--cli").Skip(1).FirstOrDefault() ?? Path.Combine(AppContext.BaseDirectory, "inventory.dll");
        var builder = new NpgsqlConnectionStringBuilder(connection);
        // --sslmode MODE: the same SSL mode for both sides (the scan's URI and the plain read's pool), so the comparison
        // stays fair whichever mode is measured; without it both use the connection string's mode (Npgsql's default,
        // Prefer: TLS whenever the server offers it).
        var sslMode = args.SkipWhile(a => a != "--sslmode").Skip(1).FirstOrDefault();
        if (sslMode is not null) builder.SslMode = Enum.Parse<SslMode>(sslMode, ignoreCase: true);
        connection = builder.ConnectionString;
        var uri = $"postgres://{builder.Username}:{builder.Password}@{builder.Host}:{builder.Port}/{builder.Database}?sslmode={builder.SslMode}";
        Console.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores; parallelism {parallelism}; {rounds} rounds after one warm-up round");
        Console.WriteLine($"SSL mode {builder.SslMode} on both sides; TLS in use: plain read {await UsesTlsAsync(connection)}, scan (its URI as the scanner parses it) {await UsesTlsAsync(ConnectionTarget.Parse(uri, "postgres").ConnectionString)}");

        var target = ConnectionTarget.Parse(connection, "postgres");
        DatabaseCatalog catalog;
        await using (var connector = new PostgresConnector(target)) catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
        var options = new SampleOptions();
        var dialect = new PostgresDialect();
        var statements = catalog.Tables.Select(x => dialect.PlanSample(x, x.Columns.Where(c => c.Readable).ToList(), x.RowEstimate, options).Sql).ToList();
        Console.WriteLine($"database: {catalog.Tables.Count} tables, {catalog.Tables.Sum(t => t.Columns.Count)} columns");

        // --before PATH: a second build (e.g. main's inventory.dll) run in the same rounds, so that before and after meet
        // the same load; the order of the builds and the plain read rotates from round to round.
        var builds = new List<(string Name, string Path)> { ("this build", cli) };
        if (args.SkipWhile(a => a != "--before").Skip(1).FirstOrDefault() is { } before) builds.Add(("before (" + before + ")", before));
        var processRuns = args.Contains("--classifier-only") ? [] : new[] { ("whole scan", "", true), ("names only (--sample-rows 0)", " --sample-rows 0", false) };
        // The issue's own baseline: plain psql reading the catalog and the same samples, a separate process (psql's
        // start, its connection and its output formatting included), written to /dev/null. Without psql on the PATH
        // (or with --no-psql) only the in-process plain read runs.
        var psql = args.Contains("--no-psql") ? null : PsqlBaseline.Find();
        if (psql is null) Console.WriteLine("psql baseline: not run (psql not found on the PATH, or --no-psql)");
        foreach (var (label, extra, sampled) in processRuns)
        {
            var scans = builds.Select(_ => new List<Run>()).ToArray();
            var plains = new List<double>();
            var psqls = new List<Run>();
            var ratios = builds.Select(_ => new List<double>()).ToArray();
            var psqlRatios = builds.Select(_ => new List<double>()).ToArray();
            using var psqlScript = psql is null ? null : PsqlBaseline.Script(sampled ? statements : []);
            for (int round = 0; round <= rounds; round++)
            {
                var scan = new Run[builds.Count];
                double plain = 0;
                Run psqlRun = default;
                int steps = builds.Count + (psql is null ? 1 : 2);
                for (int k = 0; k < steps; k++)
                {
                    int step = (k + round) % steps;
                    if (step < builds.Count) scan[step] = RunProcess(builds[step].Path, $"scan --connection {uri}{extra} --parallelism {parallelism} --out {Path.Combine(Path.GetTempPath(), "inventory-scale-bench.json")}");
                    else if (step == builds.Count) plain = await PlainReadAsync(connection, sampled ? statements : [], parallelism);
                    else psqlRun = RunTimed(psql!, psqlScript!.Arguments(builder), psqlScript.Variables(builder));
                }
                if (round == 0) continue;
                plains.Add(plain);
                if (psql is not null) psqls.Add(psqlRun);
                for (int b = 0; b < builds.Count; b++)
                {
                    scans[b].Add(scan[b]);
                    ratios[b].Add(scan[b].WallMs / plain);
                    if (psql is not null) psqlRatios[b].Add(scan[b].WallMs / psqlRun.WallMs);
                }
            }
            for (int b = 0; b < builds.Count; b++)
            {
                Console.WriteLine($"{label}, {builds[b].Name}: process {Stats(scans[b].Select(s => s.WallMs).ToList(), "ms")}; CPU {Stats(scans[b].Select(s => s.CpuMs).ToList(), "ms")}; peak RSS {Stats(scans[b].Select(s => s.PeakRssMb).ToList(), "MB")}; exit codes {string.Join(",", scans[b].Select(s => s.ExitCode).Distinct())}");
                Console.WriteLine($"  process/plain read in this process, per round: {Stats(ratios[b], "")}");
                if (psql is not null) Console.WriteLine($"  process/psql process (the issue's baseline), per round: {Stats(psqlRatios[b], "")}");
            }
            Console.WriteLine($"  plain read in this process ({(sampled ? "catalog columns + same SELECTs" : "catalog columns only")}, parallelism {parallelism}): {Stats(plains, "ms")}; load average now {LoadAverage()}");
            if (psql is not null)
                Console.WriteLine($"  psql process ({(sampled ? "catalog columns + same SELECTs" : "catalog columns only")}, one connection, output to /dev/null): {Stats(psqls.Select(r => r.WallMs).ToList(), "ms")}; CPU {Stats(psqls.Select(r => r.CpuMs).ToList(), "ms")}; exit codes {string.Join(",", psqls.Select(r => r.ExitCode).Distinct())}");
        }

        // Names-only classification of 20,000 columns, the classifier alone (model loaded before timing).
        var evidence = catalog.Tables.SelectMany(t => t.Columns.Select(c => new ColumnEvidence
        {
            Source = "bench", Provider = "postgres", Schema = t.Schema, Table = t.Name, TableKind = t.Kind,
            TableColumns = t.Columns.Select(x => x.Name).ToArray(), Column = c, NotSampled = NotSampledReason.Disabled,
        })).Take(20_000).ToArray();
        foreach (var kind in new[] { ClassifierKind.Combined, ClassifierKind.Rules, ClassifierKind.Model })
        {
            var classifier = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = kind });
            classifier.ClassifyMany(evidence.Take(100).ToArray());
            var times = new List<double>();
            for (int i = 0; i < rounds; i++)
            {
                var sw = Stopwatch.StartNew();
                foreach (var chunk in evidence.Chunk(ClassificationStage.MaxBatchColumns)) classifier.ClassifyMany(chunk);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            // The first round meets the process's memos (name tokens, name features, joined texts) as a scan does, with only
            // the warm-up's names in them; later rounds find every name there.
            Console.WriteLine($"names-only classification of {evidence.Length} columns ({kind}, classifier alone, batches of {ClassificationStage.MaxBatchColumns:N0}, the scan's): {Stats(times, "ms")}; first round {times[0]:0} ms");
        }
        {
            // The cold first round split in two: a new classifier, after the rounds above (the code JIT-compiled and tiered,
            // types loaded, libraries initialised), classifies the same columns under names this process has never seen
            // (each table and column name with a suffix), so every name-level memo misses as in a scan's first round. What
            // the first round costs beyond this is the process's own warm-up; what this costs beyond the warm rounds is
            // the work of names met for the first time (perf32).
            var renamed = evidence.Select(e => e with
            {
                Table = e.Table + "_u",
                TableColumns = [.. e.TableColumns.Select(n => n + "_u")],
                Column = e.Column with { Name = e.Column.Name + "_u" },
            }).ToArray();
            var classifier = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = ClassifierKind.Combined });
            var sw = Stopwatch.StartNew();
            foreach (var chunk in renamed.Chunk(ClassificationStage.MaxBatchColumns)) classifier.ClassifyMany(chunk);
            Console.WriteLine($"names-only classification of {renamed.Length} columns (Combined) under names not seen yet, code warm: {sw.Elapsed.TotalMilliseconds:0} ms");
        }
        if (args.Contains("--input-memos"))
        {
            // The model inputs' joined-text memos (ColumnFeatures.BypassInputMemos) on and off in alternate rounds, same
            // process, same classifier: what the memos save once they hold the database's names.
            var classifier = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = ClassifierKind.Combined });
            var with = new List<double>();
            var without = new List<double>();
            for (int i = 0; i < 2 * rounds + 2; i++)
            {
                bool bypass = i % 2 == 1;
                ColumnFeatures.BypassInputMemos = bypass;
                var sw = Stopwatch.StartNew();
                foreach (var chunk in evidence.Chunk(ClassificationStage.MaxBatchColumns)) classifier.ClassifyMany(chunk);
                if (i >= 2) (bypass ? without : with).Add(sw.Elapsed.TotalMilliseconds);
            }
            ColumnFeatures.BypassInputMemos = false;
            Console.WriteLine($"names-only classification of {evidence.Length} columns (Combined), input memos on: {Stats(with, "ms")}; off: {Stats(without, "ms")} (alternate rounds after one of each)");
        }
        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;
    }

    /// <summary>sources: one Chinook (SQLite) against 60 copies, each as a whole <c>inventory scan --config</c> process,
    /// interleaved rounds; the per-source overhead is (T60 − T1) / 59.</summary>
    public static int RunSources(string[] args)
    {
        int rounds = IntOption(args, "--rounds", 5), count = IntOption(args, "--sources", 60);
        // --tiny: one-table SQLite databases of three rows instead of Chinook, so (T60 - T1) / 59 is the per-source
        // overhead itself (connection, catalog, one sample, classification round trip, document entry).
        bool tiny = args.Contains("--tiny");
        var chinook = args.SkipWhile(a => a != "--chinook").Skip(1).FirstOrDefault()
            ?? Path.Combine(Environment.GetEnvironmentVariable("INVENTORY_SHARED") ?? "/work/shared", "data", "chinook", "Chinook_Sqlite.sqlite");
        var dir = Path.Combine(Path.GetTempPath(), $"inventory-sources-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            string Config(int n)
            {
                var path = Path.Combine(dir, $"sources-{n}.yml");
                var lines = new List<string> { "sources:" };
                for (int i = 1; i <= n; i++)
                {
                    var file = Path.Combine(dir, tiny ? $"tiny-{i:00}.sqlite" : $"chinook-{i:00}.sqlite");
                    if (!File.Exists(file))
                    {
                        if (tiny) CreateTinyDatabase(file);
                        else File.Copy(chinook, file);
                    }
                    lines.Add($"  - name: {(tiny ? "tiny" : "chinook")}-{i:00}");
                    lines.Add($"    connection: \"sqlite:{file}\"");
                }
                File.WriteAllLines(path, lines);
                return path;
            }
            var one = Config(1);
            var many = Config(count);
            var cli = args.SkipWhile(a => a != "--cli").Skip(1).FirstOrDefault() ?? Path.Combine(AppContext.BaseDirectory, "inventory.dll");
            var output = Path.Combine(dir, "out.json");
            Console.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores; {rounds} rounds after one warm-up round");
            var builds = new List<(string Name, string Path)> { ("this build", cli) };
            if (args.SkipWhile(a => a != "--before").Skip(1).FirstOrDefault() is { } before) builds.Add(("before (" + before + ")", before));
            var ones = builds.Select(_ => new List<Run>()).ToArray();
            var manys = builds.Select(_ => new List<Run>()).ToArray();
            for (int round = 0; round <= rounds; round++)
            {
                var a = new Run[builds.Count];
                var b = new Run[builds.Count];
                int steps = 2 * builds.Count;
                for (int k = 0; k < steps; k++)
                {
                    int step = (k + round) % steps, build = step / 2;
                    if (step % 2 == 0) a[build] = RunProcess(builds[build].Path, $"scan --config {one} --out {output}");
                    else b[build] = RunProcess(builds[build].Path, $"scan --config {many} --out {output}");
                }
                if (round == 0) continue;
                for (int x = 0; x < builds.Count; x++)
                {
                    ones[x].Add(a[x]);
                    manys[x].Add(b[x]);
                }
            }
            for (int x = 0; x < builds.Count; x++)
            {
                Console.WriteLine($"{builds[x].Name}:");
                Console.WriteLine($"  1 source: {Stats(ones[x].Select(r => r.WallMs).ToList(), "ms")}; CPU {Stats(ones[x].Select(r => r.CpuMs).ToList(), "ms")}; exit codes {string.Join(",", ones[x].Select(r => r.ExitCode).Distinct())}");
                Console.WriteLine($"  {count} sources: {Stats(manys[x].Select(r => r.WallMs).ToList(), "ms")}; CPU {Stats(manys[x].Select(r => r.CpuMs).ToList(), "ms")}; peak RSS {Stats(manys[x].Select(r => r.PeakRssMb).ToList(), "MB")}; exit codes {string.Join(",", manys[x].Select(r => r.ExitCode).Distinct())}");
                Console.WriteLine($"  {count}/1 per round: {Stats(ones[x].Zip(manys[x], (p, q) => q.WallMs / p.WallMs).ToList(), "")}");
                Console.WriteLine($"  per-source overhead (T{count} - T1) / {count - 1}: {Stats(ones[x].Zip(manys[x], (p, q) => (q.WallMs - p.WallMs) / (count - 1)).ToList(), "ms")}");
            }
            Console.WriteLine($"load average after: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A SQLite database with one table <c>contact</c> (id, email, note) of three rows.</summary>
    private static void CreateTinyDatabase(string file)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE contact (id INTEGER PRIMARY KEY, email TEXT NOT NULL, note TEXT);
            INSERT INTO contact (email, note) VALUES ('ann@example.org', 'first'), ('bob@example.org', NULL), ('cy@example.net', 'third');
            """;
        command.ExecuteNonQuery();
    }

    private readonly record struct Run(double WallMs, double CpuMs, double PeakRssMb, int ExitCode);

    /// <summary>Runs the CLI under /usr/bin/time (peak RSS, CPU) and measures its wall time here.</summary>
    /// <summary>Runs one build: an <c>inventory.dll</c> through the dotnet host, any other path (a self-contained
    /// publish's <c>inventory</c> executable, as the Dockerfile builds it) directly.</summary>
    private static Run RunProcess(string cli, string arguments) =>
        cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? RunTimed("dotnet", [cli, .. arguments.Split(' ')], new Dictionary<string, string>())
            : RunTimed(cli, [.. arguments.Split(' ')], new Dictionary<string, string>());

    /// <summary>Runs a program under /usr/bin/time (peak RSS, CPU) and measures its wall time here.</summary>
    /// <param name="program">the program (found on the PATH).</param>
    /// <param name="arguments">its arguments, passed as they are (no shell).</param>
    /// <param name="environment">variables added to the child's environment (e.g. PGPASSWORD, never printed).</param>
    private static Run RunTimed(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var report = Path.GetTempFileName();
        var timeTool = File.Exists("/usr/bin/time");
        var start = new ProcessStartInfo(timeTool ? "/usr/bin/time" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        if (timeTool) foreach (var a in new[] { "-o", report, "-f", "%M %U %S", program }) start.ArgumentList.Add(a);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var wall = sw.Elapsed.TotalMilliseconds;
        double rss = 0, cpu = 0;
        if (timeTool && File.ReadAllText(report).Trim().Split('\n').Last().Split(' ') is [var m, var u, var s])
        {
            rss = double.Parse(m, CultureInfo.InvariantCulture) / 1024;
            cpu = (double.Parse(u, CultureInfo.InvariantCulture) + double.Parse(s, CultureInfo.InvariantCulture)) * 1000;
        }
        File.Delete(report);
        if (process.ExitCode is not (0 or 3)) Console.Error.WriteLine($"{Path.GetFileName(program)} exited {process.ExitCode}: {stderr.Result.Split('\n').FirstOrDefault()}");
        _ = stdout.Result;
        return new Run(wall, cpu, rss, process.ExitCode);
    }

    /// <summary>Whether a connection opened with this connection string is encrypted (<c>pg_stat_ssl</c> of its backend).</summary>
    private static async Task<bool> UsesTlsAsync(string connection)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", c);
        return await cmd.ExecuteScalarAsync() is true;
    }

    /// <summary>The catalog's columns in one query, as both plain reads (in this process and psql) send it.</summary>
    internal const string CatalogColumnsQuery = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped";

    /// <summary>The physical limit of a user's scan: a fresh pool, the catalog's columns in one query, then the very
    /// SELECT texts the connector sends at the same parallelism, every value read.</summary>
    private static async Task<double> PlainReadAsync(string connection, IReadOnlyList<string> statements, int parallelism)
    {
        var sw = Stopwatch.StartNew();
        var builder = new NpgsqlDataSourceBuilder(connection);
        builder.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        await using var dataSource = builder.Build();
        await using (var c = await dataSource.OpenConnectionAsync())
        await using (var cmd = new NpgsqlCommand(CatalogColumnsQuery, c))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) { _ = reader.GetString(0); _ = reader.GetString(1); _ = reader.GetString(2); }
        await Parallel.ForEachAsync(statements, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (sql, ct) =>
        {
            await using var c = await dataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand(sql, c);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                for (int i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i)) _ = reader.GetValue(i);
        });
        return sw.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Stats(List<double> values, string unit)
    {
        var format = unit == "" ? "F2" : "F0";
        var u = unit == "" ? "" : " " + unit;
        return $"median {Median(values).ToString(format, CultureInfo.InvariantCulture)}{u} (min {values.Min().ToString(format, CultureInfo.InvariantCulture)}, max {values.Max().ToString(format, CultureInfo.InvariantCulture)}, n={values.Count})";
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
    }
}
