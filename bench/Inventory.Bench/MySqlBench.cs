using System.Diagnostics;
using System.Text;
using Inventory.Catalog;
using Inventory.Connectors;
using MySqlConnector;

namespace Inventory.Bench;

/// <summary>
/// mysql-scan: builds a database of 1,000 tables × 5 columns (5 rows each), <c>big</c> (5,000,000 rows, integer primary
/// key) and <c>small</c> (1,000 rows, same columns), all generated server-side (MariaDB's sequence engine) and analysed;
/// and a second database with 1 table. Measures the catalog of 1 table and of 1,002 tables (query count and time), and
/// sampling the 5M-row table against the 1,000-row table (21 interleaved pairs after a warm-up; median, min, max).
/// Options: <c>--keep</c>, <c>--reuse</c> (database inv_bench_mysql).
/// </summary>
internal static class MySqlBench
{
    private const string DatabaseName = "inv_bench_mysql";
    private const string OneTableDatabase = "inv_bench_mysql_one";
    private const int Tables = 1000;

    public static async Task<int> RunAsync(string[] args)
    {
        var admin = Environment.GetEnvironmentVariable("INVENTORY_BENCH_MYSQL") is { Length: > 0 } b ? b
            : Environment.GetEnvironmentVariable("INVENTORY_TEST_MYSQL") is { Length: > 0 } t ? t : null;
        if (admin is null)
        {
            Console.Error.WriteLine("set INVENTORY_BENCH_MYSQL (or INVENTORY_TEST_MYSQL) to an admin connection string");
            return 2;
        }
        bool keep = args.Contains("--keep"), reuse = args.Contains("--reuse");
        if (!reuse)
        {
            var sw = Stopwatch.StartNew();
            await GenerateAsync(admin);
            Console.WriteLine($"generate: {sw.Elapsed.TotalSeconds:F1} s ({Tables} tables x 5 columns x 5 rows, big 5,000,000 rows, small 1,000 rows)");
        }
        try
        {
            await MeasureAsync(admin);
        }
        finally
        {
            if (!keep) await ExecAsync(admin, $"DROP DATABASE IF EXISTS {DatabaseName}; DROP DATABASE IF EXISTS {OneTableDatabase}");
        }
        return 0;
    }

    private static async Task MeasureAsync(string admin)
    {
        var options = new SampleOptions();
        var many = ConnectionTarget.Parse(new MySqlConnectionStringBuilder(admin) { Database = DatabaseName }.ConnectionString, "mysql");
        var one = ConnectionTarget.Parse(new MySqlConnectionStringBuilder(admin) { Database = OneTableDatabase }.ConnectionString, "mysql");
        Console.WriteLine($"load average before: {LoadAverage()}; {Environment.ProcessorCount} cores");

        foreach (var (label, target, filter) in new[]
        {
            ("1 table", one, CatalogFilter.All),
            ("1,002 tables", many, CatalogFilter.All),
            ("1,002 tables, filter keeps 1", many, new CatalogFilter(["big"], [])),
        })
        {
            var times = new List<double>();
            int queries = 0, tables = 0;
            for (int round = 0; round <= 5; round++)
            {
                await using var connector = ConnectorFactory.Create(target);
                var sw = Stopwatch.StartNew();
                var catalog = await connector.ReadCatalogAsync(filter);
                if (round > 0) times.Add(sw.Elapsed.TotalMilliseconds);
                (queries, tables) = (catalog.QueryCount, catalog.Tables.Count);
            }
            Console.WriteLine($"catalog {label}: {Stats(times, "ms")}, {queries} queries, {tables} tables kept");
        }

        await using (var connector = ConnectorFactory.Create(many))
        {
            var catalog = await connector.ReadCatalogAsync(new CatalogFilter(["big", "small"], []));
            var big = catalog.Tables.Single(x => x.Name == "big");
            var small = catalog.Tables.Single(x => x.Name == "small");
            await connector.SampleAsync(big, options);
            await connector.SampleAsync(small, options);
            var bigTimes = new List<double>();
            var smallTimes = new List<double>();
            string? bigMethod = null, smallMethod = null;
            int bigRows = 0, smallRows = 0;
            for (int i = 0; i < 21; i++)
            {
                var sw = Stopwatch.StartNew();
                var s = await connector.SampleAsync(big, options);
                bigTimes.Add(sw.Elapsed.TotalMilliseconds);
                (bigMethod, bigRows) = (s.Method, s.RowCount);
                sw.Restart();
                s = await connector.SampleAsync(small, options);
                smallTimes.Add(sw.Elapsed.TotalMilliseconds);
                (smallMethod, smallRows) = (s.Method, s.RowCount);
            }
            Console.WriteLine($"big 5M rows: {Stats(bigTimes, "ms")}, {bigRows} rows, {bigMethod}");
            Console.WriteLine($"small 1,000 rows: {Stats(smallTimes, "ms")}, {smallRows} rows, {smallMethod}");
            Console.WriteLine($"big/small (ratio of medians): {Median(bigTimes) / Median(smallTimes):F2}");
        }
        Console.WriteLine($"load average after: {LoadAverage()}");
    }

    private static async Task GenerateAsync(string admin)
    {
        await ExecAsync(admin, $"DROP DATABASE IF EXISTS {DatabaseName}; CREATE DATABASE {DatabaseName}; DROP DATABASE IF EXISTS {OneTableDatabase}; CREATE DATABASE {OneTableDatabase};"
            + $"CREATE TABLE {OneTableDatabase}.person (id int PRIMARY KEY, email varchar(80), name varchar(80), born date, note text);");
        var db = new MySqlConnectionStringBuilder(admin) { Database = DatabaseName }.ConnectionString;
        for (int start = 0; start < Tables; start += 100)
        {
            var sql = new StringBuilder();
            for (int i = start; i < start + 100; i++)
                sql.Append($"CREATE TABLE t{i:D4} (id int PRIMARY KEY, email varchar(80), name varchar(80), born date, note text);")
                   .Append($"INSERT INTO t{i:D4} SELECT seq, CONCAT('u', seq, '@example.com'), CONCAT('n', seq), '1980-01-01' + INTERVAL seq DAY, 'x' FROM seq_1_to_5;");
            await ExecAsync(db, sql.ToString());
        }
        await ExecAsync(db, """
            CREATE TABLE big (id int PRIMARY KEY, email varchar(80), name varchar(80), born date, note text);
            INSERT INTO big SELECT seq, CONCAT('u', seq, '@example.com'), CONCAT('n', seq), '1980-01-01' + INTERVAL (seq % 10000) DAY, 'x' FROM seq_1_to_5000000;
            CREATE TABLE small (id int PRIMARY KEY, email varchar(80), name varchar(80), born date, note text);
            INSERT INTO small SELECT seq, CONCAT('u', seq, '@example.com'), CONCAT('n', seq), '1980-01-01' + INTERVAL seq DAY, 'x' FROM seq_1_to_1000;
            ANALYZE TABLE big, small;
            """);
    }

    private static async Task ExecAsync(string connection, string sql)
    {
        await using var c = new MySqlConnection(connection);
        await c.OpenAsync();
        await using var cmd = new MySqlCommand(sql, c) { CommandTimeout = 3600 };
        await cmd.ExecuteNonQueryAsync();
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static string Stats(List<double> v, string unit) => $"{Median(v):F1} {unit} ({v.Min():F1}-{v.Max():F1})";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
