// Benchmarks: dotnet run -c Release --project bench/Inventory.Bench -- <command> [options]
using Inventory.Bench;

var command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "pg-scan":
        return await PostgresBench.RunAsync(args[1..]);
    case "mysql-scan":
        return await MySqlBench.RunAsync(args[1..]);
    case "detectors":
        return await DetectorBench.RunAsync(args[1..]);
    case "scale-db":
        return await ScaleBench.GenerateOnlyAsync(args[1..]);
    case "sources":
        return ScaleBench.RunSources(args[1..]);
    case "scale":
        return await ScaleBench.RunAsync(args[1..]);
    case "document":
        return DocumentBench.Run(args[1..]);
    case "model-load":
        return ModelLoadBench.Run(args[1..]);
    case "model":
        return await ModelBench.RunAsync(args[1..]);
    case "catalog":
        return await CatalogBench.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("""
            usage: Inventory.Bench <command>
              pg-scan     PostgreSQL catalog and sampling benchmark (needs INVENTORY_BENCH_PG or INVENTORY_TEST_PG)
              mysql-scan  MySQL/MariaDB catalog and sampling benchmark (needs INVENTORY_BENCH_MYSQL or INVENTORY_TEST_MYSQL)
              detectors   value-detector pass over 1,000,000 sampled values: values/s per core
              scale-db    (re)create the issue-11 database: 1,000 tables x 20 realistic columns + a 2,000,000-row table
              scale       whole `inventory scan` process vs the plain read of the same samples, interleaved rounds;
                          names-only classification of 20,000 columns; peak RSS of the scan process
                          (--before OTHER/inventory.dll runs a second build in the same rounds)
              sources     one Chinook (SQLite) against 60 copies (--tiny: one-table databases), whole scan processes, interleaved rounds
              document    writing an inventory's JSON as a scan does: first write (cold) and warm (FILE [--rounds N])
              model-load  the embedded column model's load: inflate alone, whole load, vocabulary alone (cold and warm)
              model       column model scoring over 100,000 columns: columns/s per core
              catalog     the PostgreSQL connector's catalog read of inv_bench_scale, warm pool ([--rounds 21] [--database NAME])
            """);
        return 2;
}
