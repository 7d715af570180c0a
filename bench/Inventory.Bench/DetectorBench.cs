using System.Diagnostics;
using System.Globalization;
using Inventory.Catalog;
using Inventory.Rules.Detectors;

namespace Inventory.Bench;

/// <summary>
/// <c>bench detectors [--values N] [--column-size M] [--per-detector] [--phone-regions] [--sqlite FILE] [--passes N]</c>: runs the detector pass (<see cref="DetectorSuite.Default"/>)
/// over N realistic sampled values (default 1,000,000) grouped into columns of M values (default 500), on one thread,
/// and reports values per second per core. The values are generated deterministically (seed 42) in the proportions of a
/// typical application schema: keys, amounts, timestamps, statuses, names, e-mails, phones, addresses, IPs, user
/// agents, UUIDs, free text, IBANs and card numbers.
/// </summary>
internal static class DetectorBench
{
    /// <summary>Runs the benchmark and prints the figure.</summary>
    /// <param name="args">Command-line arguments after <c>detectors</c>.</param>
    /// <returns>Exit code 0.</returns>
    public static Task<int> RunAsync(string[] args)
    {
        int total = Option(args, "--values", 1_000_000);
        int columnSize = Option(args, "--column-size", 500);
        var sqlite = args.SkipWhile(a => a != "--sqlite").Skip(1).FirstOrDefault();
        var columns = sqlite is null ? Generate(total, columnSize) : ReadSqlite(sqlite, columnSize);
        if (args.Contains("--passes")) return Task.FromResult(Passes(columns, Option(args, "--passes", 30)));
        var suite = DetectorSuite.Default;

        // Two warm-up passes (tiered JIT reaches its optimised code, libphonenumber metadata and ICU data load), then the
        // measured pass on this thread.
        for (int pass = 0; pass < 2; pass++)
            foreach (var (values, family) in columns) suite.Run(values, family);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long matched = 0;
        foreach (var (values, family) in columns)
        {
            var result = suite.Run(values, family);
            foreach (var s in result.Scores) matched += s.Matched;
        }
        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        int count = columns.Sum(c => c.Values.Count);
        double perSecond = count / watch.Elapsed.TotalSeconds;
        double perCpuSecond = count / Math.Max(cpu.TotalSeconds, 1e-9);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"detector pass: {count:N0} values in {columns.Count:N0} columns, {suite.DetectorIds.Count} detectors, one thread"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"elapsed {watch.Elapsed.TotalMilliseconds:0} ms; {perSecond:N0} values/s per core (wall); {perCpuSecond:N0} values/s per CPU-second; {matched:N0} detector hits"));
        if (args.Contains("--phone-regions")) PhoneRegions(columns);
        if (args.Contains("--per-detector"))
        {
            // Each detector alone over the same columns (the shape pass and distinct set are paid by each run).
            var baseline = new DetectorSuite([]);
            var baseCpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var (values, family) in columns) baseline.Run(values, family);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"(shape pass only)",-30} {(Process.GetCurrentProcess().TotalProcessorTime - baseCpu).TotalMilliseconds,8:0} CPU ms"));
            foreach (var detector in DetectorSuite.BuiltIn)
            {
                var single = new DetectorSuite([detector]);
                var c0 = Process.GetCurrentProcess().TotalProcessorTime;
                foreach (var (values, family) in columns) single.Run(values, family);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {detector.Id,-30} {(Process.GetCurrentProcess().TotalProcessorTime - c0).TotalMilliseconds,8:0} CPU ms"));
            }
        }
        return Task.FromResult(0);
    }


    /// <summary><c>--phone-regions</c>: the phone detector alone over the same columns' values and over 200,000 bare
    /// digit runs of 9–13 digits (ids, counters, phone numbers stored as integers), parsing every candidate region
    /// against skipping the regions no reading of the digits fits (the detector's default), each timed on this thread
    /// after a warm-up; the decisions must agree (PhoneDetectorEquivalenceTests).</summary>
    private static void PhoneRegions(List<(IReadOnlyList<string> Values, TypeFamily Family)> columns)
    {
        var random = new Random(7);
        var runs = Enumerable.Range(0, 200_000).Select(_ =>
        {
            int length = random.Next(9, 14);
            var digits = new char[length];
            for (int i = 0; i < length; i++) digits[i] = (char)('0' + random.Next(i == 0 ? 1 : 0, 10));
            if (random.Next(4) == 0) digits[0] = '0';
            return new string(digits);
        }).ToArray();
        var sets = new (string Name, string[] Values)[] { ("the columns' values", [.. columns.SelectMany(c => c.Values)]), ("bare digit runs", runs) };
        foreach (var (name, values) in sets)
        {
            var shapes = values.Select(v => ValueShape.Of(v, fraction: false)).ToArray();
            double[] cpu = new double[2];
            int[] hits = new int[2];
            for (int pass = 0; pass < 3; pass++)
                foreach (bool skip in new[] { false, true })
                {
                    var c0 = Process.GetCurrentProcess().TotalProcessorTime;
                    int matched = 0;
                    for (int i = 0; i < values.Length; i++)
                        if (values[i].Length > 0 && PhoneDetector.IsMatch(values[i], shapes[i], skip)) matched++;
                    if (pass == 0) continue;
                    cpu[skip ? 1 : 0] += (Process.GetCurrentProcess().TotalProcessorTime - c0).TotalMilliseconds / 2;
                    hits[skip ? 1 : 0] = matched;
                }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  phone detector over {values.Length:N0} {name}: every region parsed {cpu[0]:0} CPU ms, unfit regions skipped {cpu[1]:0} CPU ms; phones {hits[0]:N0} / {hits[1]:N0}"));
        }
    }

    /// <summary><c>--passes N</c>: N detector passes over the same columns on this thread, each timed alone; the minimum
    /// is the pass's cost with the least interference from other processes (the machine is shared), the median beside
    /// it, and the sum of each column's fastest run (steadier: a column's run is rarely interrupted). Compare builds by running each build's bench in turn (perf32).</summary>
    private static int Passes(List<(IReadOnlyList<string> Values, TypeFamily Family)> columns, int passes)
    {
        var suite = DetectorSuite.Default;
        for (int pass = 0; pass < 3; pass++)
            foreach (var (values, family) in columns) suite.Run(values, family);
        var times = new List<double>();
        // Each column's own fastest run too: a column takes well under a millisecond, so its minimum over the passes is
        // rarely one the scheduler cut into, and their sum is the pass's cost with the least interference.
        var fastest = new double[columns.Count];
        Array.Fill(fastest, double.MaxValue);
        for (int pass = 0; pass < passes; pass++)
        {
            var watch = Stopwatch.StartNew();
            for (int c = 0; c < columns.Count; c++)
            {
                long start = Stopwatch.GetTimestamp();
                suite.Run(columns[c].Values, columns[c].Family);
                fastest[c] = Math.Min(fastest[c], Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        int count = columns.Sum(c => c.Values.Count);
        double sum = fastest.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"detector pass over {count:N0} values in {columns.Count:N0} columns, {passes} passes: min {times[0]:0.00} ms, median {times[passes / 2]:0.00} ms; sum of each column's fastest run {sum:0.00} ms ({1e6 * sum / count:0} ns per value)"));
        return 0;
    }

    /// <summary><c>--sqlite FILE</c>: every column of every table of a SQLite database, up to M values each (the first
    /// rows; NULLs left out), as text the way the connector hands values over (integers and reals in invariant
    /// culture), with the type family of the declared type; e.g. Chinook, the sources bench's database.</summary>
    private static List<(IReadOnlyList<string> Values, TypeFamily Family)> ReadSqlite(string path, int columnSize)
    {
        var columns = new List<(IReadOnlyList<string>, TypeFamily)>();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\" LIMIT {columnSize}";
            using var reader = command.ExecuteReader();
            var values = Enumerable.Range(0, reader.FieldCount).Select(_ => new List<string>()).ToArray();
            var families = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetDataTypeName(i).ToUpperInvariant() switch
            {
                var t when t.Contains("INT", StringComparison.Ordinal) => TypeFamily.Integer,
                var t when t.Contains("NUMERIC", StringComparison.Ordinal) || t.Contains("REAL", StringComparison.Ordinal) || t.Contains("DEC", StringComparison.Ordinal) => TypeFamily.Decimal,
                var t when t.Contains("DATE", StringComparison.Ordinal) || t.Contains("TIME", StringComparison.Ordinal) => TypeFamily.Temporal,
                _ => TypeFamily.Text,
            }).ToArray();
            while (reader.Read())
                for (int i = 0; i < reader.FieldCount; i++)
                    if (!reader.IsDBNull(i)) values[i].Add(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
            for (int i = 0; i < values.Length; i++) columns.Add((values[i], families[i]));
        }
        return columns;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }

    private static readonly string[] First = ["Ana", "Bruno", "Chloé", "Dmitri", "Eun-ji", "Fatima", "Günther", "Hélène", "Ivan", "Jorinde", "Kofi", "Li", "María", "Nadia", "Olu"];
    private static readonly string[] Last = ["Kowalski", "Osei", "Wen", "Dupont", "Müller", "García", "O'Brien", "Nakamura", "Vass", "Kessler", "Silva", "Novak"];
    private static readonly string[] Streets = ["rue de la Paix", "Hauptstraße", "Calle Mayor", "Baker Street", "Main St", "avenue Foch"];
    private static readonly string[] Statuses = ["active", "pending", "cancelled", "shipped", "refunded", "draft"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "curl/8.5.0", "okhttp/4.12.0",
    ];
    private static readonly string[] Words = ["please", "refund", "the", "order", "arrived", "late", "and", "box", "was", "damaged", "thanks", "could", "you", "call", "me", "tomorrow", "invoice", "export"];

    private static List<(IReadOnlyList<string> Values, TypeFamily Family)> Generate(int total, int columnSize)
    {
        var random = new Random(42);
        var kinds = new (Func<Random, string> Make, TypeFamily Family)[]
        {
            (r => r.Next(1, 2_000_000).ToString(CultureInfo.InvariantCulture), TypeFamily.Integer),
            (r => r.Next(1, 2_000_000).ToString(CultureInfo.InvariantCulture), TypeFamily.Integer),
            (r => (r.Next(100, 99_999) / 100m).ToString(CultureInfo.InvariantCulture), TypeFamily.Decimal),
            (r => new DateTime(2020, 1, 1).AddSeconds(r.Next(0, 150_000_000)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TypeFamily.Temporal),
            (r => Statuses[r.Next(Statuses.Length)], TypeFamily.Text),
            (r => First[r.Next(First.Length)], TypeFamily.Text),
            (r => Last[r.Next(Last.Length)].ToUpperInvariant(), TypeFamily.Text),
            (r => $"{First[r.Next(First.Length)].ToLowerInvariant()}.{r.Next(1, 999)}@example.{(r.Next(2) == 0 ? "com" : "org")}", TypeFamily.Text),
            (r => r.Next(3) switch { 0 => $"+1 202-555-01{r.Next(10, 99)}", 1 => $"+44 7700 900{r.Next(100, 999)}", _ => $"01 23 45 {r.Next(10, 99)} {r.Next(10, 99)}" }, TypeFamily.Text),
            (r => $"{r.Next(1, 200)} {Streets[r.Next(Streets.Length)]}", TypeFamily.Text),
            (r => r.Next(10000, 99999).ToString(CultureInfo.InvariantCulture), TypeFamily.Text),
            (r => r.Next(2) == 0 ? $"192.0.2.{r.Next(1, 254)}" : $"2001:db8::{r.Next(1, 0xffff):x}", TypeFamily.Network),
            (r => Agents[r.Next(Agents.Length)], TypeFamily.Text),
            (r => new Guid(r.Next(), (short)r.Next(), (short)r.Next(), 1, 2, 3, 4, 5, 6, 7, 8).ToString(), TypeFamily.Uuid),
            (r => string.Join(' ', Enumerable.Range(0, r.Next(5, 25)).Select(_ => Words[r.Next(Words.Length)])), TypeFamily.Text),
            (r => r.Next(2) == 0 ? "DE89 3704 0044 0532 0130 00" : "FR14 2004 1010 0505 0001 3M02 606", TypeFamily.Text),
            (r => r.Next(3) switch { 0 => "4111 1111 1111 1111", 1 => "5555555555554444", _ => "2223003122003222" }, TypeFamily.Text),
            (r => r.Next(3) switch { 0 => "fr-FR,fr;q=0.9,en;q=0.8", 1 => "en_GB", _ => "de" }, TypeFamily.Text),
            (r => $"https://example.org/p/{r.Next(1, 9999)}?ref=mail", TypeFamily.Text),
            (r => $"Example {Last[r.Next(Last.Length)]} {(r.Next(3) switch { 0 => "SARL", 1 => "GmbH", _ => "Ltd" })}", TypeFamily.Text),
        };
        var columns = new List<(IReadOnlyList<string>, TypeFamily)>();
        int made = 0;
        while (made < total)
        {
            var (make, family) = kinds[random.Next(kinds.Length)];
            int n = Math.Min(columnSize, total - made);
            var values = new string[n];
            for (int i = 0; i < n; i++) values[i] = make(random);
            columns.Add((values, family));
            made += n;
        }
        return columns;
    }
}
