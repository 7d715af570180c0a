using System.Globalization;
using System.Text;

namespace Inventory.Reports.Export;

/// <summary>The comment block every exported script starts with: what it does, where the labels come from, how to apply
/// it and how to undo it. Database names inside comments go through <see cref="Safe"/>, so a name holding a line break
/// cannot end the comment and smuggle a statement into the script.</summary>
internal static class ScriptHeader
{
    /// <summary>Writes the header as <c>--</c> lines (SQL) or <c>#</c> lines (YAML).</summary>
    /// <param name="text">Destination.</param>
    /// <param name="plan">The export plan (sources, counts, options).</param>
    /// <param name="prefix"><c>--</c> or <c>#</c>.</param>
    /// <param name="title">First line, e.g. <c>SQL Server sensitivity classifications</c>.</param>
    /// <param name="does">What applying the file does, one sentence per line.</param>
    /// <param name="undo">How to undo it, one sentence per line.</param>
    public static void Write(StringBuilder text, ExportPlan plan, string prefix, string title, IEnumerable<string> does, IEnumerable<string> undo)
    {
        void Line(string line = "") => text.Append(prefix).Append(line.Length == 0 ? "" : " " + line).Append('\n');
        var columns = plan.Columns;
        Line($"inventory export: {title}");
        Line($"Inventory: {Safe(plan.Options.InventoryName ?? "inventory.json")} ({Safe(plan.Provenance)})");
        foreach (var source in plan.Sources)
            Line($"Source: {Safe(source.Name)} ({Safe(source.Provider)}{(source.ServerVersion is { } v ? ", " + Safe(v) : "")})");
        var suggestions = Count(columns, ExportBasis.Suggestion);
        Line($"Columns exported: {columns.Count} ({Count(columns, ExportBasis.Annotation)} annotated, {Count(columns, ExportBasis.DatabaseLabel)} from database labels, " +
             $"{CountWording.Phrase(suggestions, "suggestion", "suggestions")}{Threshold(plan.Options.AcceptClassificationAbove)}); " +
             $"{columns.Count(c => c.IsPersonal)} personal, {columns.Count(c => !c.IsPersonal)} none.");
        Line($"Columns not exported: {plan.NotExported} (untagged, or suggested below the accepted confidence).");
        if (plan.HeldBack.Count > 0)
        {
            Line($"Columns held back: {plan.HeldBack.Count} in conflict (the scan's evidence contradicts the category; fix it, or confirm it with a");
            Line("  `reason:` in the annotation, then export again):");
            foreach (var held in plan.HeldBack)
                Line($"  {Safe(held.Key)}: {Safe(held.Category)} ({Safe(held.Provenance)}): {Safe(held.Conflict)}");
        }
        if (plan.ViewColumnsLeftOut > 0)
            Line($"View columns left out: {plan.ViewColumnsLeftOut} of views and materialized views (their base tables carry the labels; --include-views exports them too).");
        if (plan.ProcessorSources.Count > 0)
            Line($"Processor sources left out (customer-owned data, outside the gate as in `inventory check`): {string.Join(", ", plan.ProcessorSources.Select(Safe))}.");
        Line();
        Line("What it does:");
        foreach (var line in does) Line("  " + line);
        Line();
        Line("How to undo it:");
        foreach (var line in undo) Line("  " + line);
        Line();
        Line("Written by `inventory export`, which never connects to a database: review it, then apply it yourself.");
        Line("It holds names, categories and comments only, never a sampled value.");
        text.Append('\n');
    }

    /// <summary>Text safe inside a one-line comment: control characters (line breaks included) become <c>\uXXXX</c>.</summary>
    /// <param name="text">A name or comment from the catalog.</param>
    public static string Safe(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            sb.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        return sb.ToString();
    }

    /// <summary>The per-statement comment: <c>table.column: category (provenance)</c>.</summary>
    /// <param name="column">The exported column.</param>
    public static string Describe(ExportedColumn column) =>
        Safe($"{column.Table.QualifiedName}.{column.Column.Name}: {column.Category} ({column.Provenance})");

    private static int Count(IReadOnlyList<ExportedColumn> columns, ExportBasis basis) => columns.Count(c => c.Basis == basis);

    private static string Threshold(Inventory.Model.AcceptanceThresholds? threshold) =>
        threshold is { } t ? $" with confidence >= {t.Text}" : " (no --accept-classification-above)";
}
