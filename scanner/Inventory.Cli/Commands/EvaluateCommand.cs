using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using Inventory.Scanning;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory evaluate</c>: classifies the columns of one or more gold files (names and types only, or after
/// scanning a database with <c>--connection</c>) and prints precision, recall and F1 per category, macro-F1, accuracy,
/// subcategory accuracy and the confusion matrix, per file and pooled, as tables and optionally as JSON.
/// Exit 0 when measured, 2 on bad input (missing or malformed gold file, unknown classifier, unreachable database).</summary>
internal sealed class EvaluateCommand(IAnsiConsole console) : AsyncCommand<EvaluateCommand.Settings>
{
    /// <summary>Command-line settings of <c>inventory evaluate</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Gold TSV files.</summary>
        [CommandOption("--gold <FILE>")]
        [Description("Gold TSV file (table, column, data_type, category, subcategory, note). Repeat for several files: pooled and per-file figures.")]
        public string[] Gold { get; init; } = [];

        /// <summary>Database to scan first.</summary>
        [CommandOption("--connection <CONN>")]
        [Description("Scan this database (URI or connection string) and classify with sampled values; gold rows are matched to scanned columns by table and column name (case-insensitive).")]
        public string? Connection { get; init; }

        /// <summary>JSON output file.</summary>
        [CommandOption("--json <FILE>")]
        [Description("Also write the figures as JSON to this file.")]
        public string? Json { get; init; }

        /// <summary>Classifier kind.</summary>
        [CommandOption("--classifier <KIND>")]
        [Description("rules, model or combined (default combined).")]
        public string Classifier { get; init; } = "combined";

        /// <summary>Model zip to use instead of the embedded one.</summary>
        [CommandOption("--model <FILE>")]
        [Description("Model zip to use instead of the embedded one (e.g. a fresh 'inventory train' output).")]
        public string? Model { get; init; }

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Gold.Length == 0) return ValidationResult.Error("--gold is required (one or more gold TSV files)");
            if (Classifier is not ("rules" or "model" or "combined"))
                return ValidationResult.Error($"--classifier must be rules, model or combined, not '{Classifier}'");
            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var kind = settings.Classifier switch { "rules" => ClassifierKind.Rules, "model" => ClassifierKind.Model, _ => ClassifierKind.Combined };
        var classifier = ClassifierFactory.CreateDefault(new ClassifierOptions { Kind = kind, ModelPath = settings.Model });
        var golds = settings.Gold.Select(path => (Path: path, Rows: GoldFile.Read(path))).ToArray();
        var results = new List<GoldFileResult>();
        if (settings.Connection is null)
        {
            foreach (var (path, rows) in golds)
                results.Add(GoldEvaluator.EvaluateNamesOnly(classifier, Path.GetFileName(path), rows));
        }
        else
        {
            var runner = new ScanRunner(classifier);
            var document = await runner.RunAsync(new ScanRequest
            {
                Sources = [new SourceConfig { Connection = settings.Connection }],
                Parallelism = 2,
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var (path, rows) in golds)
                results.Add(Match(Path.GetFileName(path), rows, document));
        }
        var pooled = GoldEvaluator.Pool(results);
        Print(results, pooled, settings.Classifier, settings.Connection is null ? "names and types" : "scanned with samples");
        if (settings.Json is not null)
            AtomicFile.WriteAllText(settings.Json, ToJson(results, pooled, settings.Classifier, settings.Connection is not null));
        return ExitCodes.Ok;
    }

    /// <summary>Matches gold rows to the scanned columns (<see cref="GoldEvaluator.EvaluateScanned"/>).</summary>
    internal static GoldFileResult Match(string name, IReadOnlyList<GoldRow> rows, InventoryDocument document) =>
        GoldEvaluator.EvaluateScanned(name, rows, document);

    private void Print(IReadOnlyList<GoldFileResult> results, ClassificationMetrics pooled, string classifier, string mode)
    {
        var inv = CultureInfo.InvariantCulture;
        console.Write(new Rule(Markup.Escape($"classifier: {classifier} ({mode})")).LeftJustified());
        var files = new Table().AddColumn(new TableColumn("gold file").NoWrap()).AddColumns("rows", "macro-F1", "accuracy", "subcat. acc.", "unmatched");
        foreach (var r in results)
            files.AddRow(new Text(Path.GetFileNameWithoutExtension(r.Name)), new Text(r.Metrics.Total.ToString(inv)), new Text(r.Metrics.MacroF1.ToString("0.000", inv)),
                new Text(r.Metrics.Accuracy.ToString("0.000", inv)), new Text(r.Metrics.SubcategoryAccuracy.ToString("0.000", inv)),
                new Text(r.Unmatched.ToString(inv)));
        if (results.Count > 1)
            files.AddRow(new Text("pooled"), new Text(pooled.Total.ToString(inv)), new Text(pooled.MacroF1.ToString("0.000", inv)),
                new Text(pooled.Accuracy.ToString("0.000", inv)), new Text(pooled.SubcategoryAccuracy.ToString("0.000", inv)),
                new Text(results.Sum(r => r.Unmatched).ToString(inv)));
        console.Write(files);
        var scores = new Table().AddColumns("category", "support", "predicted", "precision", "recall", "F1");
        foreach (var s in pooled.Scores)
            scores.AddRow(new Text(s.Category), new Text(s.Support.ToString(inv)), new Text(s.Predicted.ToString(inv)),
                new Text(s.Precision.ToString("0.000", inv)), new Text(s.Recall.ToString("0.000", inv)), new Text(s.F1.ToString("0.000", inv)));
        console.Write(scores);
        var categories = pooled.Scores.Select(s => s.Category).ToList();
        var predicted = categories.Append(ClassificationMetrics.Undecided).ToList();
        // Short headings (the category's first letters) keep the matrix readable at 80 columns; the legend is the row labels.
        var confusion = new Table().AddColumn(new TableColumn("gold \\ predicted").NoWrap());
        foreach (var c in predicted) confusion.AddColumn(new TableColumn(new Text(Abbreviation(c))).RightAligned());
        foreach (var g in categories)
            confusion.AddRow(predicted.Select(p => (Spectre.Console.Rendering.IRenderable)new Text(pooled.Confusion.GetValueOrDefault((g, p)).ToString(inv)))
                .Prepend(new Text($"{g} ({Abbreviation(g)})")).ToArray());
        console.Write(confusion);
        console.Write(new Text($"macro-F1 {pooled.MacroF1.ToString("0.000", inv)}  accuracy {pooled.Accuracy.ToString("0.000", inv)}  " +
            $"subcategory accuracy {pooled.SubcategoryAccuracy.ToString("0.000", inv)} over {pooled.Total} columns\n"));
    }

    private static string Abbreviation(string category)
    {
        var word = category.Trim('(', ')');
        return word.Length <= 4 ? word : word[..3].ToUpperInvariant();
    }

    internal static string ToJson(IReadOnlyList<GoldFileResult> results, ClassificationMetrics pooled, string classifier, bool scanned)
    {
        JsonObject Metrics(ClassificationMetrics m) => new()
        {
            ["rows"] = m.Total,
            ["macroF1"] = Math.Round(m.MacroF1, 4),
            ["accuracy"] = Math.Round(m.Accuracy, 4),
            ["subcategoryAccuracy"] = Math.Round(m.SubcategoryAccuracy, 4),
            ["categories"] = new JsonArray(m.Scores.Select(s => (JsonNode)new JsonObject
            {
                ["category"] = s.Category,
                ["support"] = s.Support,
                ["predicted"] = s.Predicted,
                ["precision"] = Math.Round(s.Precision, 4),
                ["recall"] = Math.Round(s.Recall, 4),
                ["f1"] = Math.Round(s.F1, 4),
            }).ToArray()),
            ["confusion"] = new JsonArray(m.Confusion.Select(kv => (JsonNode)new JsonObject
            {
                ["gold"] = kv.Key.Gold,
                ["predicted"] = kv.Key.Predicted,
                ["count"] = kv.Value,
            }).ToArray()),
        };
        var root = new JsonObject
        {
            ["classifier"] = classifier,
            ["mode"] = scanned ? "scanned" : "names-and-types",
            ["pooled"] = Metrics(pooled),
            ["files"] = new JsonArray(results.Select(r =>
            {
                var o = Metrics(r.Metrics);
                o["file"] = r.Name;
                o["unmatched"] = r.Unmatched;
                return (JsonNode)o;
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
