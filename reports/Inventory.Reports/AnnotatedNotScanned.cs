using Inventory.Annotations;

namespace Inventory.Reports;

/// <summary>An annotated table, column or source that the inventory does not hold: dropped or renamed, or hidden from the
/// scanning user (MySQL and MariaDB list only the objects the user holds a privilege on), or a source not scanned. The
/// record of processing is built from the inventory, so without this line such an item would leave it silently (trial33
/// finding 1b: a per-table grant made a bank-account column and a whole table vanish from the DPO's record). Names,
/// categories and annotation places only, never a value.</summary>
public sealed class AnnotatedNotScannedRow
{
    /// <summary><c>source/table.column</c>, <c>table.column</c> or <c>table</c>, as the annotation names it.</summary>
    public required string Location { get; init; }
    /// <summary>What the annotation records for it: the column's category, or for a table the categories of its entries
    /// (<c>3 columns: contact.name, financial.bank_account</c>); "" when it gives none.</summary>
    public required string Annotated { get; init; }
    /// <summary>Why it is not in the inventory, as <c>inventory check</c> says it (the stale message).</summary>
    public required string Why { get; init; }
    /// <summary>The annotation's place, <c>file:line</c>.</summary>
    public required string At { get; init; }

    /// <summary>The rows of the stale annotations that name something the inventory does not hold (a table, a column, a
    /// source); a changed type is not one (the column is in the record). Null when there is none, so that the JSON report
    /// of an inventory without any stays as it was.</summary>
    /// <param name="stale">The merge's stale annotations, in annotation order.</param>
    /// <param name="annotations">The annotations merged, to say what each records; null to leave that out.</param>
    /// <param name="pathBase">Folder the annotation places are shown relative to.</param>
    internal static IReadOnlyList<AnnotatedNotScannedRow>? Of(IReadOnlyList<StaleAnnotation> stale, AnnotationSet? annotations, string pathBase)
    {
        var rows = stale.Where(s => s.Kind is StaleKind.TableMissing or StaleKind.ColumnMissing or StaleKind.SourceMissing)
            .Select(s => new AnnotatedNotScannedRow
            {
                Location = (s.Source is null ? "" : s.Source + "/") + s.Table + (s.Column is null ? "" : "." + s.Column),
                Annotated = Recorded(s, annotations),
                Why = s.Message,
                At = $"{AnnotationMerger.DisplayPath(s.Location.File, pathBase)}:{s.Location.Line}",
            }).ToList();
        return rows.Count == 0 ? null : rows;
    }

    private static string Recorded(StaleAnnotation stale, AnnotationSet? annotations)
    {
        var table = annotations?.Annotations.FirstOrDefault(a => a.Table == stale.Table && a.Source == stale.Source
            && (stale.Column is not null || a.Location == stale.Location));
        if (table is null) return "";
        if (stale.Column is not null)
            return table.Columns.FirstOrDefault(c => c.Name == stale.Column && c.Location == stale.Location)?.Category ?? "";
        var categories = table.Columns.Select(c => c.Category).OfType<string>().Where(c => c != "none").Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        return $"{CountWording.Phrase(table.Columns.Count, "column", "columns")}{(categories.Count == 0 ? "" : ": " + string.Join(", ", categories))}";
    }
}
