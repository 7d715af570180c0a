using System.Globalization;
using System.Text;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;

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
/// <remarks>Over a fleet (more than one source in either inventory, session 42) the changes are listed per source: the
/// sources added and removed as a whole (each with its tables, columns and personal categories), a table counting each
/// source's changes, then one part per changed source (a heading naming it and its count, folded in
/// <c>&lt;details&gt;</c> above <see cref="FoldAbove"/> rows) holding that source's sections. A reviewer of a fleet's
/// pull request reads which database a migration touched without scanning a 50-tenant table.</remarks>
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

        var fleet = old.Sources.Select(x => x.Name).Union(@new.Sources.Select(x => x.Name), StringComparer.Ordinal).Count() > 1;
        if (!fleet)
        {
            Sections(sb, diff.Changes, schema, old, @new, before, after, "###", sourceLines: true);
        }
        else
        {
            WholeSources(sb, "Sources added", schema.Where(c => c.Kind == ChangeKind.SourceAdded), @new);
            WholeSources(sb, "Sources removed", schema.Where(c => c.Kind == ChangeKind.SourceRemoved), old);
            var perSource = diff.Changes.Where(c => c.Kind is not (ChangeKind.SourceAdded or ChangeKind.SourceRemoved) && c.Kind != ChangeKind.StatusChanged)
                .GroupBy(c => c.Source, StringComparer.Ordinal).ToList();
            if (perSource.Count > 0)
            {
                sb.Append("### Changes per source\n\n| source | tables added | tables removed | columns added | columns removed | columns changed | other |\n|---|---:|---:|---:|---:|---:|---:|\n");
                foreach (var g in perSource)
                {
                    var tablesAdded = g.Count(c => c.Kind == ChangeKind.TableAdded);
                    var tablesRemoved = g.Count(c => c.Kind == ChangeKind.TableRemoved);
                    var columnsAdded = g.Count(c => c.Kind == ChangeKind.ColumnAdded);
                    var columnsRemoved = g.Count(c => c.Kind == ChangeKind.ColumnRemoved);
                    var columnsChanged = g.Count(IsColumnChange);
                    var others = g.Count() - tablesAdded - tablesRemoved - columnsAdded - columnsRemoved - columnsChanged;
                    sb.Append(CultureInfo.InvariantCulture, $"| {Md(g.Key)} | {tablesAdded} | {tablesRemoved} | {columnsAdded} | {columnsRemoved} | {columnsChanged} | {others} |\n");
                }
                sb.Append('\n');
            }
            foreach (var g in perSource)
            {
                var changes = g.ToList();
                var part = new StringBuilder();
                Sections(part, changes, changes.Where(c => InventoryDiff.IsSchemaChange(c.Kind)).ToList(), old, @new, before, after, "####", sourceLines: false);
                // Rows of its tables and lists (header rows left out) decide whether the source's part is folded.
                var rows = part.ToString().Split('\n').Count(l => (l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| table |", StringComparison.Ordinal))
                    || l.StartsWith("- ", StringComparison.Ordinal));
                var title = $"Source {Md(g.Key)} ({CountWording.Phrase(changes.Count, "change", "changes")})";
                if (rows > FoldAbove) sb.Append(CultureInfo.InvariantCulture, $"<details><summary><b>{title}</b></summary>\n\n").Append(part).Append("</details>\n\n");
                else sb.Append("### ").Append(title).Append("\n\n").Append(part);
            }
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

    /// <summary>The sections of <paramref name="changes"/> (tables and columns added, removed, changed, other changes) under
    /// headings of <paramref name="level"/>; with <paramref name="sourceLines"/>, a line naming the source above each
    /// source's rows (a single source's diff), else the rows of one source (its part of a fleet's diff).</summary>
    private static void Sections(StringBuilder sb, IReadOnlyList<InventoryChange> changes, List<InventoryChange> schema, InventoryDocument old,
        InventoryDocument @new, Dictionary<string, ColumnEntry> before, Dictionary<string, ColumnEntry> after, string level, bool sourceLines)
    {
        var heading = new Heading(level, sourceLines);
        // Every cell below is escaped where it is built (TemplateRenderer.Markdown): names, categories, types, hints.
        Section(sb, heading, "Tables added", schema.Where(c => c.Kind == ChangeKind.TableAdded), ["columns"],
            c => [Md(c.New + (c.RenamedFrom is { } from ? $"; renamed from '{from}'?" : ""))]);
        Section(sb, heading, "Tables removed", schema.Where(c => c.Kind == ChangeKind.TableRemoved), ["columns"], c => [Md(c.Old)]);
        // A reviewer reads a new table's columns with their categories as new columns (an e-mail column in a new table
        // is as new as one added to an old table); a removed table's columns likewise.
        Section(sb, heading, "Columns added", WithTableColumns(schema, ChangeKind.TableAdded, ChangeKind.ColumnAdded, @new), ["category", "confidence", "status"],
            c => [CategoryCell(c.New, c.RenamedFrom is { } from ? $"renamed from '{from}'?" : null, c.Conflict), .. State(after, c)]);
        Section(sb, heading, "Columns removed", WithTableColumns(schema, ChangeKind.TableRemoved, ChangeKind.ColumnRemoved, old), ["category", "confidence", "status"],
            c => [Md(c.Old), .. State(before, c)]);
        Section(sb, heading, "Columns changed", changes.Where(IsColumnChange),
            ["change", "before", "after", "confidence", "status"],
            c => [c.Kind == ChangeKind.CategoryChanged ? "category" : "type", Md(c.Old ?? "(none)"), CategoryCell(c.New ?? "(none)", null, c.Conflict), .. State(after, c)]);

        var listed = new HashSet<ChangeKind> { ChangeKind.TableAdded, ChangeKind.TableRemoved, ChangeKind.ColumnAdded, ChangeKind.ColumnRemoved, ChangeKind.StatusChanged };
        var rest = changes.Where(c => !listed.Contains(c.Kind) && !IsColumnChange(c)).ToList();
        if (rest.Count > 0)
        {
            Open(sb, heading, "Other changes", rest.Count);
            foreach (var change in rest.Take(RowsPerSection))
                sb.Append("- ").Append(TemplateRenderer.Markdown(InventoryDiffWriter.Line(change))).Append('\n');
            More(sb, rest.Count);
            Close(sb, rest.Count);
        }
    }

    /// <summary>How a section's heading is written: its Markdown level, and whether rows are grouped under source lines.</summary>
    private sealed record Heading(string Level, bool SourceLines);

    /// <summary>A column's category or type change (listed in the <c>Columns changed</c> section).</summary>
    private static bool IsColumnChange(InventoryChange c) => c.Column is not null && c.Kind is ChangeKind.CategoryChanged or ChangeKind.TypeChanged;

    /// <summary>The sources of a fleet added or removed as a whole, one line each with what it holds (tables, columns, the
    /// personal categories of its columns) in <paramref name="document"/>.</summary>
    private static void WholeSources(StringBuilder sb, string title, IEnumerable<InventoryChange> changes, InventoryDocument document)
    {
        var list = changes.ToList();
        if (list.Count == 0) return;
        Open(sb, new Heading("###", false), title, list.Count);
        foreach (var change in list.Take(RowsPerSection))
        {
            var source = document.Sources.First(x => x.Name == change.Source);
            var columns = source.Tables.SelectMany(t => t.Columns).ToList();
            var personal = columns.Select(c => c.DataCategory).OfType<string>().Where(DataCategoryVocabulary.IsPersonal)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            sb.Append("- **").Append(Md(source.Name)).Append("**: ")
                .Append(CountWording.Phrase(source.Tables.Count, "table", "tables")).Append(", ")
                .Append(CountWording.Phrase(columns.Count, "column", "columns"))
                .Append(personal.Count == 0 ? "; no personal category" : "; personal: " + Md(string.Join(", ", personal))).Append('\n');
        }
        More(sb, list.Count);
        Close(sb, list.Count);
    }

    /// <summary>One section: a heading with its count (folded in <c>&lt;details&gt;</c> above <see cref="FoldAbove"/>
    /// rows), then per source a line naming it and a table whose first cells are the table
    /// (on its first row only) and the column.</summary>
    private static void Section(StringBuilder sb, Heading heading, string title, IEnumerable<InventoryChange> changes, string[] headers, Func<InventoryChange, string[]> cells)
    {
        var rows = changes.ToList();
        if (rows.Count == 0) return;
        Open(sb, heading, title, rows.Count);
        var shown = rows.Take(RowsPerSection).ToList();
        var sources = shown.Select(c => c.Source).Distinct(StringComparer.Ordinal).ToList();
        var tableLevel = shown[0].Column is null;
        foreach (var source in sources)
        {
            if (heading.SourceLines) sb.Append("source **").Append(Md(source)).Append("**\n\n");
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

    private static void Open(StringBuilder sb, Heading heading, string title, int count)
    {
        if (count > FoldAbove)
            sb.Append(CultureInfo.InvariantCulture, $"<details><summary><b>{title} ({count})</b></summary>\n\n");
        else
            sb.Append(CultureInfo.InvariantCulture, $"{heading.Level} {title} ({count})\n\n");
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
