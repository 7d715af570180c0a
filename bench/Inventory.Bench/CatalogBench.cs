using System.Diagnostics;
using Inventory.Catalog;
using Inventory.Connectors;

namespace Inventory.Bench;

/// <summary>catalog: the PostgreSQL connector's catalog read of the issue-11 database (or another), in process. One
/// connector and its pool for every round, so after the warm-up round each read is the catalog's queries alone: the
/// snapshot's BEGIN, relations, columns, keys, COMMIT, and the tables built. Median (min–max) of N rounds.</summary>
internal static class CatalogBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(21);
        var database = args.SkipWhile(a => a != "--database").Skip(1).FirstOrDefault() ?? "inv_bench_scale";
        var admin = ScaleBench.AdminConnection();
        if (admin is null)
        {
            Console.Error.WriteLine("set INVENTORY_TEST_PG (an admin connection string)");
            return 2;
        }
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        await using var connector = new PostgresConnector(ConnectionTarget.Parse(connection, "postgres"));
        var times = new List<double>();
        int queries = 0, tables = 0, columns = 0;
        for (int round = 0; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var catalog = await connector.ReadCatalogAsync(CatalogFilter.All);
            if (round > 0) times.Add(clock.Elapsed.TotalMilliseconds);
            (queries, tables, columns) = (catalog.QueryCount, catalog.Tables.Count, catalog.Tables.Sum(t => t.Columns.Count));
        }
        times.Sort();
        Console.WriteLine($"catalog of {database}: {times[times.Count / 2]:0.0} ms ({times[0]:0.0}–{times[^1]:0.0}), {rounds} rounds after a warm-up; {queries} queries, {tables} tables, {columns} columns; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }
}
