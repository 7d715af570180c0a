using System.Globalization;
using System.Text;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Writers;

namespace Inventory.Reports.Diff;

/// <summary>Writes an <see cref="InventoryDiff"/> as a Markdown summary a CI job can post as a pull-request comment
/// (<c>inventory diff OLD NEW --format markdown</c>): a heading, the counts per change kind (schema and classification
/// apart), then tables of tables added and removed, columns added and removed (those of added and removed tables among
/// them) and changed (each column with its category, confidence and status), other changes (foreign keys, types, activities…) as a list, and status transitions counted.
/// Rows are grouped by source, then table (a line <c>source **name**</c> above each source's table; a table's name is
/// written on its first row only). A section longer than <see cref="FoldAbove"/> rows is folded in
/// <c>&lt;details&gt;</c>; past <see cref="RowsPerSection"/> rows a section says how many more the text and
/// <c>--json</c> list, so a fleet's diff stays under the 65,536 characters a GitHub comment holds. Every name is
/// escaped for Markdown (<c>|</c>, <c>*</c>, <c>_</c>, <c>`</c>, <c>[</c>, <c>&lt;</c>…); the diff holds names,
/// categories, types and counts, never a sampled value, and neither does this output. Deterministic: no clock, no
/// culture.</summary>
public static class DiffMarkdownWriter
{
    /// <summary>A section with more rows than this is folded in <c>&lt;details&gt;</c>.</summary>
    public const int FoldAbove = 10;

    /// <summary>At most this many rows per section; the rest are counted in a line under the table.</summary>
    public const int RowsPerSection = 200;

    /// <summary>The Markdown summary of <paramref name="diff"/>.</summary>
    /// <param name="diff">The changes, as <see cref="InventoryDiff.CompareSince"/> or <see cref="InventoryDiff.SchemaOnly"/> built them.</param>
    /// <param name="old">The previous inventory (the confidence of removed columns).</param>
    /// <param name="new">The current inventory (the confidence and status of added and changed columns).</param>
    /// <returns>Markdown with LF newlines, ending with a newline.</returns>
    public static string ToMarkdown(InventoryDiff diff, InventoryDocument old, InventoryDocument @new)
    {
        var before = Columns(old);
        var after = Columns(@new);
        var sb = new StringBuilder("## Data inventory changes\n\n");
        if (diff.PreviousHeldNoRecords && !diff.ClassificationLeftOut)
            sb.Append("> ").Append(TemplateRenderer.Markdown(InventoryDiffWriter.PreviousWithoutRecords(diff))).Append("\n\n");
        if (diff.IsEmpty) return sb.Append("No changes.\n").ToString();
        var schema = diff.Changes.Where(c => InventoryDiff.IsSchemaChange(c.Kind)).ToList();
        var other = diff.Changes.Where(c => !InventoryDiff.IsSchemaChange(c.Kind)).ToList();
        sb.Append("| change | count |\n|---|---:|\n");
        foreach (var (kind, count) in diff.Counts)
            sb.Append(CultureInfo.InvariantCulture, $"| {(InventoryDiff.IsSchemaChange(kind) ? "schema" : "classification")}: {InventoryDiff.KindName(kind)} | {count} |\n");
        if (diff.ClassificationLeftOut) sb.Append("\nSchema changes only: classification changes were not compared.\n");
        sb.Append('\n');

        // Every cell below is escaped where it is built (TemplateRenderer.Markdown): names, categories, types, hints.
        Section(sb, "Tables added", schema.Where(c => c.Kind == ChangeKind.TableAdded), ["columns"],
            c => [Md(c.New + (c.RenamedFrom is { } from ? $"; renamed from '{from}'?" : ""))]);
        Section(sb, "Tables removed", schema.Where(c => c.Kind == ChangeKind.TableRemoved), ["columns"], c => [Md(c.Old)]);
        // A reviewer reads a new table's columns with their categories as new columns (an e-mail column in a new table
        // is as new as one added to an old table); a removed table's columns likewise.
        Section(sb, "Columns added", WithTableColumns(schema, ChangeKind.TableAdded, ChangeKind.ColumnAdded, @new), ["category", "confidence", "status"],
            c => [CategoryCell(c.New, c.RenamedFrom is { } from ? $"renamed from '{from}'?" : null, c.Conflict), .. State(after, c)]);
        Section(sb, "Columns removed", WithTableColumns(schema, ChangeKind.TableRemoved, ChangeKind.ColumnRemoved, old), ["category", "confidence", "status"],
            c => [Md(c.Old), .. State(before, c)]);
        Section(sb, "Columns changed", diff.Changes.Where(c => c.Column is not null && c.Kind is ChangeKind.CategoryChanged or ChangeKind.TypeChanged),
            ["change", "before", "after", "confidence", "status"],
            c => [c.Kind == ChangeKind.CategoryChanged ? "category" : "type", Md(c.Old ?? "(none)"), CategoryCell(c.New ?? "(none)", null, c.Conflict), .. State(after, c)]);

        var listed = new HashSet<ChangeKind> { ChangeKind.TableAdded, ChangeKind.TableRemoved, ChangeKind.ColumnAdded, ChangeKind.ColumnRemoved, ChangeKind.StatusChanged };
        var rest = diff.Changes.Where(c => !listed.Contains(c.Kind) && !(c.Column is not null && c.Kind is ChangeKind.CategoryChanged or ChangeKind.TypeChanged)).ToList();
        if (rest.Count > 0)
        {
            Open(sb, "Other changes", rest.Count);
            foreach (var change in rest.Take(RowsPerSection))
                sb.Append("- ").Append(TemplateRenderer.Markdown(InventoryDiffWriter.Line(change))).Append('\n');
            More(sb, rest.Count);
            Close(sb, rest.Count);
        }
        var transitions = other.Where(c => c.Kind == ChangeKind.StatusChanged).GroupBy(c => (c.Old, c.New))
            .OrderBy(g => g.Key.Old, StringComparer.Ordinal).ThenBy(g => g.Key.New, StringComparer.Ordinal).ToList();
        if (transitions.Count > 0)
        {
            sb.Append("### Status changes\n\n| from | to | columns |\n|---|---|---:|\n");
            foreach (var t in transitions)
                sb.Append(CultureInfo.InvariantCulture, $"| {TemplateRenderer.Markdown(t.Key.Old)} | {TemplateRenderer.Markdown(t.Key.New)} | {t.Count()} |\n");
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>One section: a heading with its count (folded in <c>&lt;details&gt;</c> above <see cref="FoldAbove"/>
    /// rows), then per source a line naming it and a table whose first cells are the table
    /// (on its first row only) and the column.</summary>
    private static void Section(StringBuilder sb, string title, IEnumerable<InventoryChange> changes, string[] headers, Func<InventoryChange, string[]> cells)
    {
        var rows = changes.ToList();
        if (rows.Count == 0) return;
        Open(sb, title, rows.Count);
        var shown = rows.Take(RowsPerSection).ToList();
        var sources = shown.Select(c => c.Source).Distinct(StringComparer.Ordinal).ToList();
        var tableLevel = shown[0].Column is null;
        foreach (var source in sources)
        {
            sb.Append("source **").Append(Md(source)).Append("**\n\n");
            string[] head = tableLevel ? ["table", .. headers] : ["table", "column", .. headers];
            sb.Append("| ").Append(string.Join(" | ", head)).Append(" |\n|").Append(string.Concat(head.Select(_ => "---|"))).Append('\n');
            string? previousTable = null;
            foreach (var change in shown.Where(c => c.Source == source))
            {
                var table = change.Table == previousTable ? "" : Md(change.Table);
                previousTable = change.Table;
                string[] row = tableLevel ? [table, .. cells(change)] : [table, Md(change.Column), .. cells(change)];
                sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
            }
            sb.Append('\n');
        }
        More(sb, rows.Count);
        Close(sb, rows.Count);
    }

    /// <summary>The column changes of <paramref name="columnKind"/> with, in their place, one such change per column of
    /// each table change of <paramref name="tableKind"/> (the table's columns in <paramref name="document"/>, in ordinal
    /// order): the diff's canonical order (source, table, column) is kept.</summary>
    private static IEnumerable<InventoryChange> WithTableColumns(List<InventoryChange> schema, ChangeKind tableKind, ChangeKind columnKind, InventoryDocument document)
    {
        foreach (var change in schema)
        {
            if (change.Kind == columnKind) yield return change;
            if (change.Kind != tableKind) continue;
            var table = document.Sources.First(s => s.Name == change.Source).Tables.First(t => t.QualifiedName == change.Table);
            foreach (var column in table.Columns.OrderBy(c => c.Ordinal))
            {
                var category = column.DataCategory ?? "undecided";
                yield return columnKind == ChangeKind.ColumnAdded
                    ? new(columnKind, change.Source, change.Table, column.Name, null, category, Conflict: column.Status == ColumnStatus.Conflict ? column.Conflict : null)
                    : new(columnKind, change.Source, change.Table, column.Name, category, null);
            }
        }
    }

    /// <summary>Markdown inline text (<c>TemplateRenderer.Markdown</c>, as the Markdown report escapes); empty for null.</summary>
    private static string Md(string? value) => TemplateRenderer.Markdown(value);

    /// <summary>A category cell, escaped, with a rename hint and the conflict, when there is one, after it.</summary>
    private static string CategoryCell(string? category, string? hint, string? conflict)
    {
        var text = Md(category);
        if (hint is not null) text += $" ({Md(hint)})";
        if (conflict is not null) text += $"<br>**conflict:** {Md(conflict)}";
        return text;
    }

    /// <summary>The column's confidence (two decimals, cut: <see cref="ConfidenceText"/>) and status in
    /// <paramref name="columns"/>; empty cells when the column is not there.</summary>
    private static string[] State(Dictionary<string, ColumnEntry> columns, InventoryChange change) =>
        columns.TryGetValue(change.Location, out var column)
            ? [column.DataCategory is null ? "" : ConfidenceText.Format(column.Confidence), InventoryDiff.Status(column.Status)]
            : ["", ""];

    private static Dictionary<string, ColumnEntry> Columns(InventoryDocument document) =>
        document.AllColumns().GroupBy(x => $"{x.Source.Name}/{x.Table.QualifiedName}.{x.Column.Name}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Column, StringComparer.Ordinal);

    private static void Open(StringBuilder sb, string title, int count)
    {
        if (count > FoldAbove)
            sb.Append(CultureInfo.InvariantCulture, $"<details><summary><b>{title} ({count})</b></summary>\n\n");
        else
            sb.Append(CultureInfo.InvariantCulture, $"### {title} ({count})\n\n");
    }

    private static void Close(StringBuilder sb, int count)
    {
        if (count > FoldAbove) sb.Append("</details>\n\n");
    }

    private static void More(StringBuilder sb, int count)
    {
        if (count > RowsPerSection)
            sb.Append(CultureInfo.InvariantCulture, $"… and {count - RowsPerSection} more: `inventory diff` (text) and `--json` list every change.\n\n");
    }
}
