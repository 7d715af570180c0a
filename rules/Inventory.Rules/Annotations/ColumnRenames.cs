using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>A column entry carried over to the column its column was renamed to.</summary>
/// <param name="File">The annotation file holding the entry.</param>
/// <param name="Table">The table the file annotates.</param>
/// <param name="OldColumn">The column the entry names now, which the table no longer holds.</param>
/// <param name="NewColumn">The column it was renamed to.</param>
/// <param name="Content">The file's new text: only the entry's key changed, every other line (comments included) kept.</param>
public sealed record CarriedColumnEntry(string File, string Table, string OldColumn, string NewColumn, string Content);

/// <summary>
/// Carries a renamed column's reviewed entry over to its new name (trial38 finding 10: after <c>RENAME COLUMN phone TO
/// mobile_phone</c>, <c>annotate</c> left the <c>phone</c> entry stale and wrote an empty stub for <c>mobile_phone</c>
/// while <c>check</c> already asked "renamed to 'mobile_phone'?"). The rule is that hint (<see cref="AnnotationMerger"/>'s
/// stale column entry and its suggestion), made strict as <see cref="TableRenames"/> makes the table's: the annotation
/// names one table (no pattern) and its file holds it alone; the entry is the annotation's only stale column entry; its
/// hint names a column of that table; that column is the table's only column without an entry of its own; and the
/// entry's key is written on its line as the plain or quoted old name. Anything else is ambiguous and left to the
/// reader of <c>check</c>.
/// </summary>
public static class ColumnRenames
{
    /// <summary>Plans the carry-overs.</summary>
    /// <param name="document">The inventory, after <see cref="AnnotationMerger.Apply"/> with <paramref name="existing"/>.</param>
    /// <param name="existing">The annotations on disk.</param>
    /// <param name="stale">The merger's stale annotations.</param>
    /// <returns>One carry-over per file at most, in annotation order; empty when no column was renamed unambiguously.</returns>
    public static IReadOnlyList<CarriedColumnEntry> Plan(InventoryDocument document, AnnotationSet existing, IReadOnlyList<StaleAnnotation> stale)
    {
        var carried = new List<CarriedColumnEntry>();
        foreach (var annotation in existing.Annotations)
        {
            var gone = stale.Where(s => s.Kind == StaleKind.ColumnMissing && s.Table == annotation.Table && s.Source == annotation.Source
                                        && annotation.Columns.Any(c => c.Location == s.Location)).ToList();
            if (gone is not [{ Suggestion: { } target, Column: { } old } entry]) continue;
            if (existing.Annotations.Concat(existing.Duplicates).Count(a => a.Location.File == annotation.Location.File) != 1) continue;
            var tables = document.Sources.Where(s => s.Role != ProcessingRole.Processor && (annotation.Source is null || s.Name == annotation.Source))
                .SelectMany(s => s.Tables).Where(t => t.QualifiedName == annotation.Table).ToList();
            if (tables.Count != 1) continue;
            var withEntry = annotation.Columns.Select(c => c.Name).Concat(annotation.EntryNames).ToHashSet(StringComparer.Ordinal);
            var without = tables[0].Columns.Where(c => !withEntry.Contains(c.Name)).Select(c => c.Name).ToList();
            if (without is not [var only] || only != target) continue;
            if (Rewritten(File.ReadAllText(annotation.Location.File), entry.Location, old, target) is { } content)
                carried.Add(new CarriedColumnEntry(annotation.Location.File, annotation.Table, old, target, content));
        }
        return carried;
    }

    /// <summary>The file's text with the key at <paramref name="at"/> (1-based line and column) renamed, or null when the
    /// key is not written there as <paramref name="old"/> (plain, single- or double-quoted) followed by <c>:</c>.</summary>
    private static string? Rewritten(string text, AnnotationLocation at, string old, string target)
    {
        var lines = text.Split('\n');
        if (at.Line < 1 || at.Line > lines.Length || at.Column < 1) return null;
        var line = lines[at.Line - 1];
        int start = at.Column - 1;
        foreach (var written in new[] { old, $"'{old.Replace("'", "''", StringComparison.Ordinal)}'", $"\"{old}\"" })
        {
            if (start + written.Length >= line.Length || string.CompareOrdinal(line, start, written, 0, written.Length) != 0) continue;
            var after = line[(start + written.Length)..];
            if (!after.TrimStart(' ', '\t').StartsWith(':')) continue;
            lines[at.Line - 1] = line[..start] + YamlText.Scalar(target) + after;
            return string.Join('\n', lines);
        }
        return null;
    }
}
