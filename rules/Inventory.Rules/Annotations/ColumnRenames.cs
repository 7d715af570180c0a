using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>A column entry carried over to the column its column was renamed to.</summary>
/// <param name="File">The annotation file holding the entry.</param>
/// <param name="Table">The table the file annotates.</param>
/// <param name="OldColumn">The column the entry names now, which the table no longer holds.</param>
/// <param name="NewColumn">The column it was renamed to.</param>
/// <param name="Content">The file's new text: only the entry's key changed, every other line (comments included) kept.</param>
/// <param name="Evidence">Why the column is taken as renamed, in words for <c>annotate</c>'s line.</param>
public sealed record CarriedColumnEntry(string File, string Table, string OldColumn, string NewColumn, string Content,
    string Evidence = "the one column without an entry, and the one entry without a column");

/// <summary>
/// Carries a renamed column's reviewed entry over to its new name (trial38 finding 10: after <c>RENAME COLUMN phone TO
/// mobile_phone</c>, <c>annotate</c> left the <c>phone</c> entry stale and wrote an empty stub for <c>mobile_phone</c>
/// while <c>check</c> already asked "renamed to 'mobile_phone'?"). The rule is that hint (<see cref="AnnotationMerger"/>'s
/// stale column entry and its suggestion), made strict as <see cref="TableRenames"/> makes the table's: the annotation
/// names one table (no pattern) and its file holds it alone; the entry is the annotation's only stale column entry; its
/// hint names a column of that table; that column is the table's only column without an entry of its own; and the
/// entry's key is written on its line as the plain or quoted old name. When the migration also added other columns
/// (trial47 L3: <c>tel_port</c> renamed <c>tel_mobile</c> beside a new <c>num_secu</c>), the hinted column must also have
/// the type the entry's <c>type:</c> records; the entry's line then ends with a comment saying it was carried over and
/// from what. Anything else is ambiguous and left to the reader of <c>check</c>.
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
            if (without is [var only] && only == target)
            {
                if (Rewritten(File.ReadAllText(annotation.Location.File), entry.Location, old, target) is { } content)
                    carried.Add(new CarriedColumnEntry(annotation.Location.File, annotation.Table, old, target, content));
                continue;
            }
            // Other new columns beside it: the hint's column must also have the type the entry was written for.
            var renamed = tables[0].Columns.FirstOrDefault(c => c.Name == target);
            var oldEntry = annotation.Columns.First(c => c.Location == entry.Location);
            if (renamed is null || !without.Contains(target) || oldEntry.Type is not { } type
                || AnnotationMerger.Normalize(type) != AnnotationMerger.Normalize(renamed.DeclaredType)) continue;
            var evidence = $"check's rename hint, the same type {type}, while {without.Count - 1} other new {(without.Count == 2 ? "column has" : "columns have")} no entry";
            if (Rewritten(File.ReadAllText(annotation.Location.File), entry.Location, old, target,
                    $"carried over from '{old}' by `inventory annotate` ({evidence}); review it") is { } typed)
                carried.Add(new CarriedColumnEntry(annotation.Location.File, annotation.Table, old, target, typed, evidence));
        }
        return carried;
    }

    /// <summary>The file's text with the key at <paramref name="at"/> (1-based line and column) renamed, or null when the
    /// key is not written there as <paramref name="old"/> (plain, single- or double-quoted) followed by <c>:</c>.</summary>
    /// <param name="note">A comment to end the line with, or null; the line is left without it when it already holds a
    /// <c>#</c>.</param>
    private static string? Rewritten(string text, AnnotationLocation at, string old, string target, string? note = null)
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
            var comment = note is null || after.Contains('#', StringComparison.Ordinal) ? "" : $"  # {Suggestions.OneLine(note)}";
            lines[at.Line - 1] = line[..start] + YamlText.Scalar(target) + after.TrimEnd('\r') + comment + (after.EndsWith('\r') ? "\r" : "");
            return string.Join('\n', lines);
        }
        return null;
    }
}
