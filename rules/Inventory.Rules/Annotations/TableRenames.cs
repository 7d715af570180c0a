using System.Text.RegularExpressions;
using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>An annotation file carried over to the table its table was renamed to.</summary>
/// <param name="OldPath">The file as it is now.</param>
/// <param name="NewPath">Where it goes: named after the new table when it was named after the old one (same folder and
/// extension), else <paramref name="OldPath"/>.</param>
/// <param name="OldTable">The table the file annotates now, which the inventory no longer holds.</param>
/// <param name="NewTable">The table it was renamed to.</param>
/// <param name="Content">The file's new text: only its <c>table:</c> value changed, every other line (comments
/// included) kept.</param>
public sealed record CarriedAnnotation(string OldPath, string NewPath, string OldTable, string NewTable, string Content);

/// <summary>What <see cref="TableRenames.Plan"/> found.</summary>
/// <param name="Carried">Files to carry over, in annotation order.</param>
/// <param name="Notes">For a table that a stale annotation may have been renamed to but that was not carried over (the
/// match is ambiguous), the comment lines its new stub starts with, by qualified table name.</param>
public sealed record TableRenamePlan(IReadOnlyList<CarriedAnnotation> Carried, IReadOnlyDictionary<string, string> Notes);

/// <summary>
/// Carries the reviewed entries of a renamed table over to its new name (trial36 finding 4: <c>annotate</c> wrote an
/// empty stub for <c>support.pieces_jointes</c> and left <c>attachments.yml</c> stale). The rule is <c>check</c>'s rename
/// hint (<see cref="AnnotationMerger"/>'s stale "renamed to '…'?"), made strict: the annotation's table is in no source
/// it applies to; exactly one table that no annotation covers holds at least half the columns it names (every table
/// when it names none; the same candidates the hint chooses among); the hint names that table; no other stale
/// annotation points at it; and the file holds this table alone, with one top-level <c>table:</c> line. Anything else
/// is ambiguous: nothing is carried over and the candidates' stubs say which old table may be theirs.
/// </summary>
public static partial class TableRenames
{
    /// <summary>Plans the carry-overs.</summary>
    /// <param name="document">The inventory, after <see cref="AnnotationMerger.Apply"/> with <paramref name="existing"/>
    /// (tables an annotation covers have their <see cref="TableEntry.AnnotationFile"/> set).</param>
    /// <param name="existing">The annotations on disk.</param>
    /// <param name="stale">The merger's stale annotations, with missing tables reported.</param>
    /// <returns>The files to carry over and the notes for ambiguous matches; both empty when nothing was renamed.</returns>
    public static TableRenamePlan Plan(InventoryDocument document, AnnotationSet existing, IReadOnlyList<StaleAnnotation> stale)
    {
        var found = new List<(TableAnnotation Annotation, string Target)>();
        var notes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var missing in stale.Where(s => s.Kind == StaleKind.TableMissing))
        {
            var annotation = existing.Annotations.FirstOrDefault(a => a.Location == missing.Location && a.Table == missing.Table);
            if (annotation is null) continue;
            var sources = document.Sources.Where(s => s.Role != ProcessingRole.Processor && (annotation.Source is null || s.Name == annotation.Source)).ToList();
            var columns = annotation.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
            var candidates = sources.SelectMany(s => s.Tables)
                .Where(t => t.AnnotationFile is null && (columns.Count == 0 || 2 * columns.Count(c => t.Columns.Any(tc => tc.Name == c)) >= columns.Count))
                .Select(t => t.QualifiedName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (candidates.Count == 1 && missing.Suggestion == candidates[0]
                && existing.Annotations.Concat(existing.Duplicates).Count(a => a.Location.File == annotation.Location.File) == 1)
            {
                found.Add((annotation, candidates[0]));
                continue;
            }
            foreach (var candidate in candidates)
                Note(notes, candidate, annotation, candidates.Where(c => c != candidate).ToList());
        }
        var carried = new List<CarriedAnnotation>();
        foreach (var (annotation, target) in found)
        {
            if (found.Count(f => f.Target == target) > 1 || TableLine().Matches(File.ReadAllText(annotation.Location.File)).Count != 1)
            {
                Note(notes, target, annotation, []);
                continue;
            }
            var text = File.ReadAllText(annotation.Location.File);
            var content = TableLine().Replace(text, m => "table: " + YamlText.Scalar(target) + m.Groups["rest"].Value);
            carried.Add(new CarriedAnnotation(annotation.Location.File, NewPath(annotation, target), annotation.Table, target, content));
        }
        return new TableRenamePlan(carried, notes.ToDictionary(n => n.Key, n => string.Concat(n.Value), StringComparer.Ordinal));
    }

    /// <summary>The file's new path: named after the new table when its name is the old table's stub name (with or without
    /// the source prefix), and no file has that name yet; else unchanged.</summary>
    private static string NewPath(TableAnnotation annotation, string target)
    {
        var path = annotation.Location.File;
        var folder = Path.GetDirectoryName(path) ?? "";
        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        string? renamed = null;
        if (stem == AnnotationStubs.FileNameFor(annotation.Table)) renamed = AnnotationStubs.FileNameFor(target);
        else if (annotation.Source is { } source && stem == AnnotationStubs.FileNameFor(annotation.Table, source))
            renamed = AnnotationStubs.FileNameFor(target, source);
        if (renamed is null) return path;
        var candidate = Path.Combine(folder, renamed + extension);
        return File.Exists(candidate) ? path : candidate;
    }

    private static void Note(Dictionary<string, List<string>> notes, string table, TableAnnotation annotation, IReadOnlyList<string> others)
    {
        if (!notes.TryGetValue(table, out var lines)) notes[table] = lines = [];
        lines.Add(
            $"# Table {Suggestions.OneLine(annotation.Table)}, annotated in {Suggestions.OneLine(Path.GetFileName(annotation.Location.File))}, is no longer in the inventory: it may have been renamed to this table"
            + (others.Count == 0 ? "" : $" or to {string.Join(", ", others.Select(o => $"'{Suggestions.OneLine(o)}'"))}") + ".\n"
            + "# Its entries were not carried over (the match is ambiguous): if this is the table, set `table:` in that file and delete this stub.\n");
    }

    /// <summary>A top-level <c>table:</c> line: its value (plain or quoted) and any comment after it.</summary>
    [GeneratedRegex(@"^table:[ \t]*(?:'(?:[^']|'')*'|""(?:[^""\\]|\\.)*""|[^#\r\n]*?)(?<rest>[ \t]+#[^\r\n]*)?(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex TableLine();
}
