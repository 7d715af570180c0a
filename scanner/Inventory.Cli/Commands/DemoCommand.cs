using System.ComponentModel;
using System.Globalization;
using Inventory.Demo;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Pipeline;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using Inventory.Reports.Writers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary><c>inventory demo</c>: builds the demo PaaS-host database and runs the main job end to end:
/// scan → classify → merge annotations → inventory.json → check → reports. Exits 0 even though the gate fails:
/// the demo shows the failure, it does not fail itself.</summary>
internal sealed class DemoCommand(IAnsiConsole console) : AsyncCommand<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the demo database, config, annotations, inventory.json, check results and reports (default demo-out).")]
        public string Out { get; init; } = "demo-out";

        [CommandOption("--seed <N>")]
        [Description("Seed of the data generator (default 20261129): same seed, same database.")]
        public int Seed { get; init; } = DemoDatabase.DefaultSeed;

        [CommandOption("--size <SIZE>")]
        [Description("small, default or large (about 7k, 70k or 340k rows).")]
        public DemoSize Size { get; init; } = DemoSize.Default;

        public override ValidationResult Validate() => OutputPaths.Validate(new OutputOption("--out", Out, OutputKind.Folder));

    }

    /// <summary>Files and figures of one demo run (used by tests).</summary>
    internal sealed record DemoRun(DemoManifest Manifest, InventoryDocument Inventory, GateOutcome Gate, double Agreement, IReadOnlyList<string> Files);

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await RunAsync(console, settings.Out, settings.Seed, settings.Size, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>Runs the demo into <paramref name="outDir"/>.</summary>
    internal static async Task<DemoRun> RunAsync(IAnsiConsole console, string outDir, int seed, DemoSize size, CancellationToken cancellationToken)
    {
        outDir = Path.GetFullPath(outDir);
        Directory.CreateDirectory(outDir);
        var files = new List<string>();

        // 1. The database of the PaaS host, its config and annotations.
        var databasePath = Path.Combine(outDir, DemoDatabase.DefaultFileName);
        var manifest = DemoDatabase.Create(databasePath, seed, size);
        files.Add(databasePath);
        files.AddRange(await DemoAssets.WriteAsync(outDir, databasePath, cancellationToken));
        var truthPath = Path.Combine(outDir, "demo-truth.tsv");
        manifest.WriteTruthTsv(truthPath);
        files.Add(truthPath);
        console.Write(new Text($"demo database: {manifest.Tables.Count} tables, {manifest.Columns.Count} columns, {manifest.TotalRows:N0} rows → {databasePath}\n"));

        // 2. Scan with the demo's inventory.yml (two sources: the platform as controller, customer hosting as processor).
        var config = InventoryConfig.Load(Path.Combine(outDir, DemoAssets.ConfigFileName));
        var flow = new InventoryFlow(config);
        var inventory = await ScanProgressView.ScanAsync(console, flow, flow.CreateScanRequest(maskedExamples: false), cancellationToken);

        // 3. The CI gate (merges the annotations into the inventory) and the policy claims.
        var gate = flow.EvaluateGate(inventory, new GateRequest { Annotations = AnnotationsLocation.Resolve(null, config) });
        var inventoryPath = Path.Combine(outDir, "inventory.json");
        InventoryJson.Write(inventory, inventoryPath);
        files.Add(inventoryPath);

        var checkDir = Path.Combine(outDir, "check");
        foreach (var format in CheckWriters.Formats)
        {
            var writer = CheckWriters.Create(format);
            var path = Path.Combine(checkDir, writer.DefaultFileName);
            await AtomicFile.WriteAsync(path, s => writer.WriteAsync(gate.Result, s, cancellationToken), cancellationToken);
            files.Add(path);
        }

        // 4. The DPO's reports.
        var model = flow.BuildReport(inventory, gate.Policy, gate.Claims);
        files.AddRange(await InventoryFlow.WriteReportsAsync(model, ReportWriters.CreateMany(null), Path.Combine(outDir, "reports"), cancellationToken));

        var agreement = Agreement(manifest, inventory);
        PrintSummary(console, manifest, inventory, gate, agreement, outDir);
        return new DemoRun(manifest, inventory, gate, agreement, files);
    }

    /// <summary>Share of the generator's columns whose effective category in the inventory equals the true one.</summary>
    internal static double Agreement(DemoManifest manifest, InventoryDocument inventory)
    {
        var columns = inventory.AllColumns().ToDictionary(c => (c.Table.QualifiedName, c.Column.Name), c => c.Column);
        int agree = manifest.Columns.Count(t => columns.TryGetValue((t.Table, t.Column), out var c) && c.DataCategory == t.DataCategory);
        return manifest.Columns.Count == 0 ? 0 : (double)agree / manifest.Columns.Count;
    }

    private static string Kebab(FindingKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static void PrintSummary(IAnsiConsole console, DemoManifest manifest, InventoryDocument inventory, GateOutcome gate, double agreement, string outDir)
    {
        var columns = inventory.AllColumns().Select(c => c.Column).ToList();
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var table = new Table().Border(TableBorder.Rounded).Title("inventory demo").HideHeaders().AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("tables", N(inventory.AllTables().Count()));
        table.AddRow("columns", N(columns.Count));
        foreach (var g in columns.GroupBy(c => c.DataCategory is { } d ? DataCategory.TopLevelOf(d) : "(undecided)").OrderBy(g => g.Key, StringComparer.Ordinal))
            table.AddRow(new Text($"  {g.Key}"), new Text(N(g.Count())));
        table.AddRow("untagged columns", N(gate.Result.Findings.Count(f => f.Kind == FindingKind.Untagged)));
        table.AddRow("conflicts", N(gate.Result.Findings.Count(f => f.Kind == FindingKind.Conflict)));
        table.AddRow("claims violated", N(gate.Claims.Count(c => c.Verdict == ClaimVerdict.Violated)) + " of " + N(gate.Claims.Count));
        table.AddRow("agreement with the generator's truth", (agreement * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %");
        table.AddRow("CI gate", gate.Result.Passed ? "passes" : $"fails (inventory check would exit {ExitCodes.GateFailed})");
        console.Write(table);
        // The gate's own findings first (untagged, conflicts), then the claims, each list complete or pointing at the full file.
        var gateFindings = gate.Result.Findings.Where(f => f.Kind is not FindingKind.ClaimViolated && (f.Failing || f.Kind == FindingKind.Conflict)).ToList();
        foreach (var f in gateFindings.Take(20))
            console.Write(new Text($"  ✗ {f.Key}  {Kebab(f.Kind)}  {f.Message}\n", new Style(f.Failing ? Color.Red : Color.Yellow)));
        if (gateFindings.Count > 20)
            console.Write(new Text($"  … and {gateFindings.Count - 20} more: see check/check.txt\n"));
        foreach (var c in gate.Claims.Where(c => c.Verdict == ClaimVerdict.Violated))
            console.Write(new Text($"  ✗ claim {c.Claim.Id}: {c.Summary}\n", new Style(Color.Yellow)));
        RawConsoleText.Write(console, $"\nwritten to {outDir}: inventory.json, check/, reports/ (open reports/{ReportWriters.FileName("html")})\n");
    }
}
