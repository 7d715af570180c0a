using System.Diagnostics;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Connectors.Postgres;
using Inventory.Scanning;
using Npgsql;

namespace Inventory.Bench;

/// <summary>
/// pg-scan: builds a database of 1,000 tables × 20 columns (5 rows each), one 5,000,000-row table and one 1,000-row
/// table (same 5 columns), all generated server-side and analysed; then, after one warm-up round, measures N rounds
/// (median, min, max) of: the catalog (fresh connector, first connection included) and its query count; the whole
/// scan (ScanRunner with a trivial classifier: catalog, sampling, document); the connector's sampling alone; and the
/// plain read — the very same SELECT texts with plain Npgsql at the same parallelism from a fresh pool, without
/// catalog, transaction or timeouts (the physical limit). Then the 5M-row against the 1,000-row table (21 interleaved
/// pairs), peak working set, and the load average before and after.
/// Options: <c>--keep</c> keeps the database (named inv_bench_pg) for another run, <c>--reuse</c> reuses it,
/// <c>--rounds N</c> (default 5), <c>--parallelism P</c> (default 4).
/// </summary>
internal static class PostgresBench
{
    private const string DatabaseName = "inv_bench_pg";
    private const int Tables = 1000;

    private sealed class Undecided : IColumnClassifier
    {
        public ColumnClassification Classify(ColumnEvidence column) => ColumnClassification.Undecided();
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var admin = Environment.GetEnvironmentVariable("INVENTORY_BENCH_PG") is { Length: > 0 } b ? b
            : Environment.GetEnvironmentVariable("INVENTORY_TEST_PG") is { Length: > 0 } t ? t : null;
        if (admin is null)
        {
            Console.Error.WriteLine("set INVENTORY_BENCH_PG (or INVENTORY_TEST_PG) to an admin connection string");
            return 2;
        }
        bool keep = args.Contains("--keep"), reuse = args.Contains("--reuse");
        int rounds = IntOption(args, "--rounds", 5), parallelism = IntOption(args, "--parallelism", 4);
        var dbConnection = new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName }.ConnectionString;
        if (!reuse || !await ExistsAsync(admin))
        {
            var sw = Stopwatch.StartNew();
            await GenerateAsync(admin, dbConnection);
            Console.WriteLine($"generate: {sw.Elapsed.TotalSeconds:F1} s ({Tables} tables x 20 columns x 5 rows, big 5,000,000 rows, small 1,000 rows)");
        }
        try
        {
            await MeasureAsync(dbConnection, rounds, parallelism);
        }
        finally
        {
            if (!keep) await ExecAsync(admin, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
        }
        return 0;
    }

    private static async Task MeasureAsync(string connection, int rounds, int parallelism)
    {
        var options = new SampleOptions();
        var target = ConnectionTarget.Parse(connection, "postgres");
        Console.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores; parallelism {parallelism}; {rounds} rounds after one warm-up round");

        // The SELECT texts the connector sends, planned from one catalog read, for the plain read.
        DatabaseCatalog reference;
        await using (var connector = new PostgresConnector(target)) reference = await connector.ReadCatalogAsync(CatalogFilter.All);
        var dialect = new PostgresDialect();
        var statements = reference.Tables.Select(x => dialect.PlanSample(x, x.Columns.Where(c => c.Readable).ToList(), x.RowEstimate, options).Sql).ToList();

        var catalogTimes = new List<double>();
        var scanTimes = new List<double>();
        var plainTimes = new List<double>();
        var connectorTimes = new List<double>();
        var ratios = new List<double>();
        int queries = 0, tables = 0, columns = 0;
        long scanRows = 0, plainRows = 0;
        bool complete = true;
        for (int round = 0; round <= rounds; round++)
        {
            // Catalog alone, as a scan pays it: a fresh connector (its own pool), so the first connection is included.
            var sw = Stopwatch.StartNew();
            await using (var connector = new PostgresConnector(target))
            {
                var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
                sw.Stop();
                (queries, tables, columns) = (catalog.QueryCount, catalog.Tables.Count, catalog.Tables.Sum(x => x.Columns.Count));

                // The connector's sampling alone (catalog already read, pool warm), to split the scan's overhead.
                var cw = Stopwatch.StartNew();
                await Parallel.ForEachAsync(catalog.Tables, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (x, ct) => await connector.SampleAsync(x, options, ct));
                if (round > 0) connectorTimes.Add(cw.Elapsed.TotalMilliseconds);
            }
            if (round > 0) catalogTimes.Add(sw.Elapsed.TotalMilliseconds);

            // Whole scan and plain read, in alternating order from round to round so drifting load hits both alike.
            double scan = 0, plain = 0;
            for (int k = 0; k < 2; k++)
            {
                if ((k + round) % 2 == 0)
                {
                    var result = await ScanAsync(connection, options, parallelism);
                    (scan, scanRows, complete) = (result.Milliseconds, result.Rows, complete && result.Complete);
                }
                else
                {
                    var result = await PlainAsync(connection, statements, parallelism);
                    (plain, plainRows) = (result.Milliseconds, result.Rows);
                }
            }
            if (round == 0) continue;
            scanTimes.Add(scan);
            plainTimes.Add(plain);
            ratios.Add(scan / plain);
        }
        Console.WriteLine($"catalog: {Stats(catalogTimes, "ms")}, {queries} queries, {tables} tables, {columns} columns");
        await using (var connector = new PostgresConnector(target))
        {
            await connector.ReadCatalogAsync(new CatalogFilter(["public.small"], []));
            var one = await connector.ReadCatalogAsync(new CatalogFilter(["public.small"], []));
            Console.WriteLine($"catalog (1 table kept by filter): {one.QueryCount} queries");
        }
        Console.WriteLine($"whole scan (ScanRunner: catalog + sampling + trivial classifier + document): {Stats(scanTimes, "ms")}, {scanRows} rows, complete={complete}");
        Console.WriteLine($"connector sampling only (catalog read, pool warm): {Stats(connectorTimes, "ms")}");
        Console.WriteLine($"plain Npgsql, same SELECT texts, no catalog, no transaction or timeouts: {Stats(plainTimes, "ms")}, {plainRows} rows");
        Console.WriteLine($"scan/plain ratio (per round): {Stats(ratios, "")}");

        // 5M-row table against the 1,000-row table, interleaved so both see the same load.
        await using (var connector = new PostgresConnector(target))
        {
            var cat = await connector.ReadCatalogAsync(new CatalogFilter(["public.big", "public.small"], []));
            var big = cat.Tables.Single(x => x.Name == "big");
            var small = cat.Tables.Single(x => x.Name == "small");
            var bigTimes = new List<double>();
            var smallTimes = new List<double>();
            var pairRatios = new List<double>();
            for (int i = 0; i <= 21; i++)
            {
                var sw = Stopwatch.StartNew();
                await connector.SampleAsync(big, options);
                var b = sw.Elapsed.TotalMilliseconds;
                sw.Restart();
                await connector.SampleAsync(small, options);
                var s = sw.Elapsed.TotalMilliseconds;
                if (i == 0) continue;
                bigTimes.Add(b);
                smallTimes.Add(s);
                pairRatios.Add(b / s);
            }
            var bigSample = await connector.SampleAsync(big, options);
            var smallSample = await connector.SampleAsync(small, options);
            Console.WriteLine($"big (5,000,000 rows, estimate {big.RowEstimate}): {Stats(bigTimes, "ms")}, {bigSample.RowCount} rows, {bigSample.Method}");
            Console.WriteLine($"small (1,000 rows): {Stats(smallTimes, "ms")}, {smallSample.RowCount} rows, {smallSample.Method}");
            Console.WriteLine($"big/small: ratio of medians {Median(bigTimes) / Median(smallTimes):F2}; per pair {Stats(pairRatios, "")}");
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");
        Console.WriteLine($"load average after: {LoadAverage()}");
    }

    private static async Task<(double Milliseconds, long Rows, bool Complete)> ScanAsync(string connection, SampleOptions options, int parallelism)
    {
        var runner = new ScanRunner(new Undecided());
        var source = new SourceConfig { Name = "bench", Provider = "postgres", Connection = connection, Sample = options };
        var sw = Stopwatch.StartNew();
        var document = await runner.RunAsync(new ScanRequest { Sources = [source], Parallelism = parallelism });
        var elapsed = sw.Elapsed.TotalMilliseconds;
        return (elapsed, document.Sources.Sum(s => s.Tables.Sum(x => (long)x.SampledRows)), document.Complete);
    }

    /// <summary>The physical limit: the very same SELECT texts, at the same parallelism, each on a connection taken from a
    /// fresh pool (configured like the connector's: no type loading), every value read as a string or number. It reads
    /// no catalog and sends no BEGIN/SET/COMMIT: only what any program reading these samples must do.</summary>
    private static async Task<(double Milliseconds, long Rows)> PlainAsync(string connection, IReadOnlyList<string> statements, int parallelism)
    {
        var builder = new NpgsqlDataSourceBuilder(connection);
        builder.ConfigureTypeLoading(t => t.EnableTypeLoading(false));
        await using var dataSource = builder.Build();
        long rows = 0;
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(statements, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (sql, ct) =>
        {
            await using var c = await dataSource.OpenConnectionAsync(ct);
            await using var cmd = new NpgsqlCommand(sql, c);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            long n = 0;
            while (await reader.ReadAsync(ct))
            {
                n++;
                for (int i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i)) _ = reader.GetValue(i);
            }
            Interlocked.Add(ref rows, n);
        });
        return (sw.Elapsed.TotalMilliseconds, rows);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Stats(List<double> values, string unit)
    {
        var format = unit == "" ? "F2" : "F0";
        if (values.Count > 0 && unit != "" && values.Max() < 100) format = "F1";
        var u = unit == "" ? "" : " " + unit;
        return $"median {Median(values).ToString(format)}{u} (min {values.Min().ToString(format)}, max {values.Max().ToString(format)}, n={values.Count})";
    }

    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    private static async Task GenerateAsync(string admin, string db)
    {
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
        await ExecAsync(admin, $"CREATE DATABASE {DatabaseName}");
        var columns = string.Join(", ", Enumerable.Range(1, 19).Select(i => $"c{i} text"));
        var values = string.Join(", ", Enumerable.Range(1, 19).Select(i => $"''v{i}-'' || g"));
        await ExecAsync(db, $$"""
            DO $$
            BEGIN
              FOR i IN 1..{{Tables}} LOOP
                EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, {{columns}})', i);
                EXECUTE format('INSERT INTO t%s SELECT g, {{values}} FROM generate_series(1, 5) g', i);
              END LOOP;
            END $$;
            """);
        const string shape = "g AS id, 'user' || g || '@example.com' AS email, '198.51.100.' || (g % 250) AS ip, now() - g * interval '1 minute' AS seen_at, md5(g::text) AS token";
        await ExecAsync(db, $"CREATE TABLE big AS SELECT {shape} FROM generate_series(1, 5000000) g");
        await ExecAsync(db, $"CREATE TABLE small AS SELECT {shape} FROM generate_series(1, 1000) g");
        await ExecAsync(db, "VACUUM ANALYZE");
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
    }

    private static async Task<bool> ExistsAsync(string admin)
    {
        await using var c = new NpgsqlConnection(admin);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @d)", c);
        cmd.Parameters.AddWithValue("d", DatabaseName);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task ExecAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c) { CommandTimeout = 3600 };
        await cmd.ExecuteNonQueryAsync();
    }
}
