using System.Diagnostics;
using System.Globalization;
using Inventory.Rules.Learning;

namespace Inventory.Bench;

/// <summary>Model scoring throughput: scores N columns (default 100,000) with the embedded column model, in batches of
/// a table-like size (default 1,000), on one thread, after a warm-up; prints columns per second (which is per core, the
/// loop being single-threaded). Columns are built from the corpus (names, types and the rule decision, as the model sees them), cycled to N.
/// Usage: <c>model [--columns N] [--batch N]</c>.</summary>
public static class ModelBench
{
    /// <summary>Runs the benchmark and prints the figure.</summary>
    /// <param name="args">Optional <c>--columns N</c> and <c>--batch N</c>.</param>
    /// <returns>0.</returns>
    public static Task<int> RunAsync(string[] args)
    {
        int columns = Option(args, "--columns", 100_000), batch = Option(args, "--batch", 1_000);
        var corpus = FindCorpus();
        var rules = Inventory.Rules.ClassifierFactory.CreateRules();
        var rows = LabelledApplication.ReadCorpus(corpus).SelectMany(a => CrossValidation.Inputs(a, rules)).ToArray();
        var inputs = Enumerable.Range(0, columns).Select(i => rows[i % rows.Length]).ToArray();
        var load = Stopwatch.StartNew();
        var model = ColumnModel.LoadDefault();
        load.Stop();
        model.Predict(inputs.Take(batch).ToArray()); // warm-up
        var watch = Stopwatch.StartNew();
        long scored = 0;
        for (int i = 0; i < inputs.Length; i += batch)
            scored += model.Predict(inputs.AsSpan(i, Math.Min(batch, inputs.Length - i)).ToArray()).Count;
        watch.Stop();
        var inv = CultureInfo.InvariantCulture;
        // The dot products and softmax alone, on vectors built beforehand: the two-labels-at-a-time path the model
        // scores with against the scalar loop it replaced (same bits: ColumnModelScoringTests), alternated three times.
        var vectors = inputs.Take(Math.Min(inputs.Length, 20_000)).Select(model.Vectorizer.Vectorize).ToArray();
        foreach (var v in vectors.Take(200)) { model.Probabilities(v); model.ProbabilitiesScalar(v); }
        for (int round = 0; round < 3; round++)
        {
            var vector = Stopwatch.StartNew();
            foreach (var v in vectors) model.Probabilities(v);
            vector.Stop();
            var scalar = Stopwatch.StartNew();
            foreach (var v in vectors) model.ProbabilitiesScalar(v);
            scalar.Stop();
            Console.WriteLine(string.Create(inv,
                $"dot products and softmax of {vectors.Length} columns: two labels at a time {vector.Elapsed.TotalMilliseconds:0.0} ms, scalar {scalar.Elapsed.TotalMilliseconds:0.0} ms"));
        }
        Console.WriteLine(string.Create(inv, $"model load: {load.Elapsed.TotalMilliseconds:0} ms"));
        Console.WriteLine(string.Create(inv,
            $"model scoring: {scored} columns in {watch.Elapsed.TotalSeconds:0.00} s, batch {batch}, 1 thread: {scored / watch.Elapsed.TotalSeconds:0} columns/s per core"));
        return Task.FromResult(0);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }

    private static string FindCorpus()
    {
        if (Environment.GetEnvironmentVariable("INVENTORY_SHARED") is { Length: > 0 } shared) return Path.Combine(shared, "data", "corpus");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "corpus");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("the corpus (../shared/data/corpus) was not found; set INVENTORY_SHARED");
    }
}
