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
/// table (same 5 columns), all generated server-side and analysed; then reports catalog time and query count, the
/// whole scan time (ScanRunner, undecided classifier), the time to run the very same sample SELECTs with plain
/// Npgsql (the physical limit) at the same parallelism, the 5M-row against the 1,000-row table, and peak memory.
/// Options: <c>--keep</c> keeps the database (named inv_bench_pg) for another run, <c>--reuse</c> reuses it.
/// </summary>
internal static class PostgresBench
{
    private const string DatabaseName = "inv_bench_pg";
    private const int Tables = 1000;
    private const int Parallelism = 4;

    private sealed class Undecided : IColumnClassifier
    {
        public Classification.Classification Classify(ColumnEvidence column) => Classification.Classification.Undecided();
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
        var dbConnection = new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName }.ConnectionString;
        if (!reuse || !await ExistsAsync(admin))
        {
            var sw = Stopwatch.StartNew();
            await GenerateAsync(admin, dbConnection);
            Console.WriteLine($"generate: {sw.Elapsed.TotalSeconds:F1} s ({Tables} tables x 20 columns x 5 rows, big 5,000,000 rows, small 1,000 rows)");
        }
        try
        {
            await MeasureAsync(dbConnection);
        }
        finally
        {
            if (!keep) await ExecAsync(admin, $"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)");
        }
        return 0;
    }

    private static async Task MeasureAsync(string connection)
    {
        var options = new SampleOptions();
        var target = ConnectionTarget.Parse(connection, "postgres");

        // Warm the pool and Npgsql's type cache once, so neither side pays it.
        await using (var warm = new PostgresConnector(target)) await warm.ReadCatalogAsync(new CatalogFilter(["public.big"], []));

        // Catalog
        Catalog.Catalog catalog;
        await using (var connector = new PostgresConnector(target))
        {
            var sw = Stopwatch.StartNew();
            catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
            Console.WriteLine($"catalog: {sw.Elapsed.TotalMilliseconds:F0} ms, {catalog.QueryCount} queries, {catalog.Tables.Count} tables, {catalog.Tables.Sum(x => x.Columns.Count)} columns");
            sw.Restart();
            var one = await connector.ReadCatalogAsync(new CatalogFilter(["public.small"], []));
            Console.WriteLine($"catalog (1 table kept by filter): {sw.Elapsed.TotalMilliseconds:F0} ms, {one.QueryCount} queries");
        }

        // Whole scan through the runner
        var runner = new ScanRunner(new Undecided());
        var source = new SourceConfig { Name = "bench", Provider = "postgres", Connection = connection, Sample = options };
        var scanWatch = Stopwatch.StartNew();
        var document = await runner.RunAsync(new ScanRequest { Sources = [source], Parallelism = Parallelism });
        var scan = scanWatch.Elapsed;
        var rows = document.Sources.Sum(s => s.Tables.Sum(x => x.SampledRows));
        Console.WriteLine($"scan (ScanRunner, parallelism {Parallelism}): {scan.TotalSeconds:F2} s, {rows} rows sampled, complete={document.Complete}, issues={document.Issues.Count}");

        // The connector alone (no runner, no classifier), same parallelism, to split the overhead.
        await using (var connector = new PostgresConnector(target))
        {
            var cat = await connector.ReadCatalogAsync(CatalogFilter.All);
            var sw = Stopwatch.StartNew();
            await Parallel.ForEachAsync(cat.Tables, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (x, ct) => await connector.SampleAsync(x, options, ct));
            Console.WriteLine($"connector SampleAsync only (parallelism {Parallelism}, warm pool): {sw.Elapsed.TotalSeconds:F2} s");
        }

        // The very same sample SELECTs with plain Npgsql, same parallelism, values read as strings.
        var dialect = new PostgresDialect();
        var statements = catalog.Tables.Select(x => dialect.PlanSample(x, x.Columns, x.RowEstimate, options).Sql).ToList();
        await using var dataSource = NpgsqlDataSource.Create(connection);
        var plainWatch = Stopwatch.StartNew();
        long plainRows = 0;
        await Parallel.ForEachAsync(statements, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (sql, ct) =>
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
            Interlocked.Add(ref plainRows, n);
        });
        var plain = plainWatch.Elapsed;
        Console.WriteLine($"plain Npgsql, same SELECTs: {plain.TotalSeconds:F2} s, {plainRows} rows; scan/plain ratio {scan.TotalSeconds / plain.TotalSeconds:F2}");

        // 5M-row table against the 1,000-row table (median of 5 after a warm-up)
        await using (var connector = new PostgresConnector(target))
        {
            var cat = await connector.ReadCatalogAsync(new CatalogFilter(["public.big", "public.small"], []));
            var big = cat.Tables.Single(x => x.Name == "big");
            var small = cat.Tables.Single(x => x.Name == "small");
            var bigTime = await MedianAsync(() => connector.SampleAsync(big, options));
            var smallTime = await MedianAsync(() => connector.SampleAsync(small, options));
            var bigSample = await connector.SampleAsync(big, options);
            Console.WriteLine($"big (5,000,000 rows, estimate {big.RowEstimate}): {bigTime:F1} ms, {bigSample.RowCount} rows, {bigSample.Method}");
            Console.WriteLine($"small (1,000 rows): {smallTime:F1} ms; big/small ratio {bigTime / smallTime:F2}");
        }
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");
    }

    private static async Task<double> MedianAsync(Func<Task<TableSample>> run)
    {
        await run();
        var times = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[2];
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
