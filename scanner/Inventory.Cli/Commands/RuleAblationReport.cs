using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Rules.Learning;
using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>Prints and writes the result of <c>inventory evaluate --cross-validate DIR --ablate-rules</c>: the figures with
/// every rule, then one row per name rule and negative-evidence group with its figures without it and the deltas, and how
/// many rule decisions and out-of-fold suggestions it changes in how many applications.</summary>
internal static class RuleAblationReport
{
    /// <summary>Prints the table, rules in file order, then gate groups.</summary>
    /// <param name="console">Where to print.</param>
    /// <param name="result">The ablation.</param>
    public static void Print(IAnsiConsole console, AblationResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        console.Write(new Rule(Markup.Escape("rule ablation (cross-validated, names and types only; Δ = without − with)")).LeftJustified());
        var table = new Table().AddColumn(new TableColumn("rule or group").NoWrap())
            .AddColumns("category", "changed", "apps", "suggestions", "apps", "macro-F1", "Δ macro-F1", "Δ pers. recall", "Δ pers. precision");
        foreach (var r in result.Rows)
            table.AddRow(new Text(r.Screened ? r.Id + " (screened)" : r.Id), new Text(r.Category ?? "(gates)"), new Text(r.ChangedDecisions.ToString(inv)),
                new Text(r.ChangedApplications.ToString(inv)), new Text(r.ChangedSuggestions.ToString(inv)), new Text(r.ChangedSuggestionApplications.ToString(inv)),
                new Text(r.Without.MacroF1.ToString("0.0000", inv)), new Text(Delta(r.DeltaMacroF1)),
                new Text(Delta(r.DeltaPersonalRecall)), new Text(Delta(r.DeltaPersonalPrecision)));
        console.Write(table);
        console.Write(new Text(string.Create(inv,
            $"with every rule: macro-F1 {result.With.MacroF1:0.0000}, personal recall {result.With.PersonalRecall:0.0000}, precision {result.With.PersonalPrecision:0.0000}\n")));
        int earn = result.Rows.Count(r => r.DeltaMacroF1 < 0);
        int idle = result.Rows.Count(r => r.ChangedDecisions == 0);
        console.Write(new Text($"{earn} of {result.Rows.Count} lower macro-F1 when left out; {idle} change no corpus decision\n"));
    }

    /// <summary>The result as JSON (invariant culture, figures rounded to 5 decimals).</summary>
    /// <param name="result">The ablation.</param>
    /// <param name="folds">Fold count, recorded.</param>
    /// <param name="seed">Seed, recorded.</param>
    /// <returns>Indented JSON with a final newline.</returns>
    public static string ToJson(AblationResult result, int folds, int seed)
    {
        static JsonObject Figures(AblationFigures f) => new()
        {
            ["macroF1"] = Math.Round(f.MacroF1, 5),
            ["personalRecall"] = Math.Round(f.PersonalRecall, 5),
            ["personalPrecision"] = Math.Round(f.PersonalPrecision, 5),
        };
        var root = new JsonObject
        {
            ["folds"] = folds,
            ["seed"] = seed,
            ["firstLevel"] = "model without the rule decision; rules in the stacked combination only",
            ["with"] = Figures(result.With),
            ["rows"] = new JsonArray(result.Rows.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id,
                ["kind"] = r.Kind,
                ["category"] = r.Category,
                ["changedDecisions"] = r.ChangedDecisions,
                ["changedApplications"] = r.ChangedApplications,
                ["changedSuggestions"] = r.ChangedSuggestions,
                ["changedSuggestionApplications"] = r.ChangedSuggestionApplications,
                ["screened"] = r.Screened,
                ["without"] = Figures(r.Without),
                ["deltaMacroF1"] = Math.Round(r.DeltaMacroF1, 5),
                ["deltaPersonalRecall"] = Math.Round(r.DeltaPersonalRecall, 5),
                ["deltaPersonalPrecision"] = Math.Round(r.DeltaPersonalPrecision, 5),
            }).ToArray()),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Delta(double d) => d.ToString("+0.0000;-0.0000;0", CultureInfo.InvariantCulture);
}
