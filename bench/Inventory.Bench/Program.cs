// Benchmarks: dotnet run -c Release --project bench/Inventory.Bench -- <command> [options]
using Inventory.Bench;

var command = args.Length > 0 ? args[0] : "";
switch (command)
{
    case "pg-scan":
        return await PostgresBench.RunAsync(args[1..]);
    default:
        Console.Error.WriteLine("usage: Inventory.Bench <command>\n  pg-scan   PostgreSQL catalog and sampling benchmark (needs INVENTORY_BENCH_PG or INVENTORY_TEST_PG)");
        return 2;
}
