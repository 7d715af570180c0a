using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Rules.Policy;

namespace Inventory.Reports.Diff;

/// <summary>What changed between two inventories.</summary>
public enum ChangeKind
{
    /// <summary>A source appears in the new inventory only.</summary>
    SourceAdded,
    /// <summary>A source appears in the old inventory only.</summary>
    SourceRemoved,
    /// <summary>A table appears in the new inventory only.</summary>
    TableAdded,
    /// <summary>A table appears in the old inventory only.</summary>
    TableRemoved,
    /// <summary>A table's processing activity changed (annotation).</summary>
    ActivityChanged,
    /// <summary>A table's recipients (<c>shared-with</c>) changed, or a column entry's own (its <see cref="InventoryChange.Column"/> set).</summary>
    SharedWithChanged,
    /// <summary>A table's annotated <c>retention</c> changed, or a column entry's own (its <see cref="InventoryChange.Column"/> set).</summary>
    RetentionChanged,
    /// <summary>A column appears in the new inventory only.</summary>
    ColumnAdded,
    /// <summary>A column appears in the old inventory only.</summary>
    ColumnRemoved,
    /// <summary>A column's effective data category changed.</summary>
    CategoryChanged,
    /// <summary>A column's declared type changed.</summary>
    TypeChanged,
    /// <summary>A foreign key appears in the new inventory only (matched on its columns and referenced table and
    /// columns, not its name, which SQLite numbers and MySQL may generate).</summary>
    ForeignKeyAdded,
    /// <summary>A foreign key appears in the old inventory only.</summary>
    ForeignKeyRemoved,
    /// <summary>A foreign key's delete rule changed (e.g. <c>restrict</c> → <c>cascade</c>): what deleting an account
    /// erases.</summary>
    DeleteRuleChanged,
    /// <summary>Whether the database keeps the table's row history (system versioning) changed: a table that starts
    /// keeping it no longer erases rows with DELETE.</summary>
    HistoryChanged,
    /// <summary>The base column a view column shows (<see cref="ColumnEntry.ReadsFrom"/>) changed, appeared or went
    /// (the view's SELECT was redefined): old and new are <c>table.column</c>, or null for none. Not reported against a
    /// previous inventory whose source records no lineage at all (written before lineage was read).</summary>
    LineageChanged,
    /// <summary>A column's status (tagged, suggested, untagged, conflict) changed.</summary>
    StatusChanged,
}

/// <summary>One change. <see cref="Old"/> and <see cref="New"/> hold names, categories, types or statuses, never values.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Source">Source name.</param>
/// <param name="Table">Qualified table name, or null for a source-level change.</param>
/// <param name="Column">Column name, or null for a table-level change.</param>
/// <param name="Old">The old category/type/status/activity (null when absent or for additions).</param>
/// <param name="New">The new one (null when absent or for removals).</param>
/// <param name="ForeignKey">For a foreign-key change, the key as <c>name (columns) → table (columns)</c>; else null.
/// Its <see cref="Old"/> and <see cref="New"/> are then delete rules (<c>on delete cascade</c>).</param>
/// <param name="RenamedFrom">For an added column, the column of the same table that was removed in the same change with
/// the same category, when it is the only such pair; for an added table, the table of the same source that was removed
/// with exactly the same column names and declared types, when it is the only such pair: a likely rename (a hint, not a
/// fact); else null.</param>
/// <param name="Conflict">For an added column, a category change or a status change, when the new column's status is
/// conflict: why the evidence contradicts its annotation or database label (<see cref="ColumnEntry.Conflict"/>, the
/// message <c>inventory check</c> reports: categories and counts, never values); else null.</param>
public sealed record InventoryChange(ChangeKind Kind, string Source, string? Table, string? Column, string? Old, string? New,
    string? ForeignKey = null, string? RenamedFrom = null, string? Conflict = null)
{
    /// <summary><c>source/table.column</c>, <c>source/table</c> or <c>source</c>.</summary>
    public string Location => Table is null ? Source : Column is null ? $"{Source}/{Table}" : $"{Source}/{Table}.{Column}";

    /// <summary>What changed: <see cref="Location"/>, followed for a foreign key by <c>foreign key</c> and the key.</summary>
    public string Subject => ForeignKey is null ? Location : $"{Location} foreign key {ForeignKey}";
}

/// <summary>The differences between two inventories, in canonical order (source, table, column, kind).</summary>
public sealed record InventoryDiff
{
    /// <summary>Every change.</summary>
    public required IReadOnlyList<InventoryChange> Changes { get; init; }

    /// <summary>True when nothing changed.</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>Number of changes per kind (kinds with none omitted), in enum order.</summary>
    public IReadOnlyList<KeyValuePair<ChangeKind, int>> Counts =>
        Changes.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => KeyValuePair.Create(g.Key, g.Count())).ToList();

    /// <summary>True for a change of the database's structure (sources, tables, columns or foreign keys added or
    /// removed, a column's declared type, a foreign key's delete rule); false for a change of what the inventory says about it (category, status, activity,
    /// shared-with, retention), which annotating alone produces.</summary>
    /// <param name="kind">The change's kind.</param>
    public static bool IsSchemaChange(ChangeKind kind) => kind is ChangeKind.SourceAdded or ChangeKind.SourceRemoved
        or ChangeKind.TableAdded or ChangeKind.TableRemoved or ChangeKind.ColumnAdded or ChangeKind.ColumnRemoved or ChangeKind.TypeChanged
        or ChangeKind.ForeignKeyAdded or ChangeKind.ForeignKeyRemoved or ChangeKind.DeleteRuleChanged or ChangeKind.HistoryChanged
        or ChangeKind.LineageChanged;

    /// <summary>The schema changes only (<see cref="IsSchemaChange"/>), in the same order.</summary>
    /// <returns>A new diff; this one is not modified.</returns>
    public InventoryDiff SchemaOnly() => this with { Changes = Changes.Where(c => IsSchemaChange(c.Kind)).ToList(), ClassificationLeftOut = true };

    /// <summary>True for the view <see cref="SchemaOnly"/> returns: the classification changes were left out, not found
    /// absent.</summary>
    public bool ClassificationLeftOut { get; init; }

    /// <summary>True for a change of the records of processing that annotating alone makes: a table's processing
    /// activity, or a table's or column entry's recipients (<c>shared-with</c>) or retention.</summary>
    /// <param name="kind">The change's kind.</param>
    public static bool IsRecordChange(ChangeKind kind) => kind is ChangeKind.ActivityChanged or ChangeKind.SharedWithChanged or ChangeKind.RetentionChanged;

    /// <summary>True when <paramref name="inventory"/> holds records of processing: some table has a processing activity,
    /// recipients or a retention, or some column an annotation. A plain saved scan (<c>inventory scan</c> without
    /// annotations) holds none.</summary>
    /// <param name="inventory">The inventory.</param>
    public static bool HoldsRecords(InventoryDocument inventory) =>
        inventory.AllTables().Any(x => x.Table.ActivityIds().Count > 0 || x.Table.AnnotationFile is not null || x.Table.SharedWith.Count > 0 || x.Table.Retention is not null)
        || inventory.AllColumns().Any(x => x.Column.Annotation is not null);

    /// <summary>This diff without what annotating <paramref name="current"/> recorded: its record changes
    /// (<see cref="IsRecordChange"/>), and the category and status changes of the columns <paramref name="current"/>
    /// annotates (or that are views of such columns and tagged through them). The view for a previous inventory that held no records of processing (a plain saved scan), where every
    /// activity, recipient and retention, and every annotated category, is new because annotations were merged since,
    /// not because the database changed; <see cref="RecordChangesLeftOut"/> and <see cref="AnnotatedColumnsLeftOut"/>
    /// count what was left out. Schema changes and the classification changes of columns not annotated stay.</summary>
    /// <param name="current">The inventory this diff compares to (the new one), with annotations merged.</param>
    /// <returns>A new diff in the same order; this one is not modified.</returns>
    public InventoryDiff WithoutWhatAnnotatingRecorded(InventoryDocument current)
    {
        // A view column tagged through its base column (lineage) carries that column's decision: against a plain scan, which
        // already held every database label, its change came from annotating the base (trial38 finding 8: four view
        // columns listed "suggested → tagged" under a line saying annotated columns are left out).
        var annotated = current.AllColumns()
            .Where(x => x.Column.Annotation is not null || (x.Column.Origin == Inventory.Classification.Origin.Lineage && x.Column.Status != ColumnStatus.Suggested))
            .Select(x => $"{x.Source.Name}/{x.Table.QualifiedName}.{x.Column.Name}").ToHashSet(StringComparer.Ordinal);
        bool Annotation(InventoryChange c) => c.Kind is ChangeKind.CategoryChanged or ChangeKind.StatusChanged && c.Column is not null && annotated.Contains(c.Location);
        return this with
        {
            Changes = Changes.Where(c => !IsRecordChange(c.Kind) && !Annotation(c)).ToList(),
            RecordChangesLeftOut = RecordChangesLeftOut + Changes.Count(c => IsRecordChange(c.Kind)),
            AnnotatedColumnsLeftOut = AnnotatedColumnsLeftOut + Changes.Where(Annotation).Select(c => c.Location).Distinct(StringComparer.Ordinal).Count(),
        };
    }

    /// <summary>True for the view <see cref="CompareSince"/> returns when the previous inventory held no records of
    /// processing while the current one does: what annotating recorded since was left out
    /// (<see cref="WithoutWhatAnnotatingRecorded"/>), and the text and JSON say so once.</summary>
    public bool PreviousHeldNoRecords { get; init; }

    /// <summary>The changes since <paramref name="previous"/>, as <c>inventory diff</c> and <c>report --previous</c> show
    /// them: <see cref="Compare"/>, except that when <paramref name="previous"/> holds no records of processing
    /// (<see cref="HoldsRecords"/>: a plain saved scan) and <paramref name="current"/> does, what annotating recorded
    /// since is left out (<see cref="WithoutWhatAnnotatingRecorded"/>) and <see cref="PreviousHeldNoRecords"/> is set,
    /// rather than every processing activity listed as changed; when that leaves nothing out (stubs without categories
    /// or activities), the full diff, with nothing to say about it.</summary>
    /// <param name="previous">The previous (old) inventory.</param>
    /// <param name="current">The current (new) inventory.</param>
    /// <returns>The changes; the documents are not modified.</returns>
    public static InventoryDiff CompareSince(InventoryDocument previous, InventoryDocument current)
    {
        var diff = Compare(previous, current);
        if (HoldsRecords(previous) || !HoldsRecords(current)) return diff;
        // Nothing left out (annotation stubs without categories or activities merged since): no line saying
        // "0 activity, recipient and retention entries and 0 annotated columns … are not listed" (polish31).
        var since = diff.WithoutWhatAnnotatingRecorded(current);
        return since.RecordChangesLeftOut + since.AnnotatedColumnsLeftOut == 0 ? diff : since with { PreviousHeldNoRecords = true };
    }

    /// <summary>How many activity, recipient and retention changes <see cref="WithoutWhatAnnotatingRecorded"/> left out
    /// (0 for a full diff).</summary>
    public int RecordChangesLeftOut { get; init; }

    /// <summary>How many annotated columns' category or status changes <see cref="WithoutWhatAnnotatingRecorded"/> left
    /// out (0 for a full diff).</summary>
    public int AnnotatedColumnsLeftOut { get; init; }

    /// <summary>A table's activities as a diff shows them (<c>accounts, marketing</c>), or null for none.</summary>
    private static string? ActivitiesText(TableEntry table) => table.ActivityIds() is { Count: > 0 } ids ? string.Join(", ", ids) : null;

    /// <summary>Compares two inventories by source name, qualified table name and exact column name.</summary>
    /// <param name="old">The previous inventory.</param>
    /// <param name="new">The current inventory.</param>
    /// <returns>The changes; the documents are not modified.</returns>
    public static InventoryDiff Compare(InventoryDocument old, InventoryDocument @new)
    {
        var changes = new List<InventoryChange>();
        var oldSources = old.Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var newSources = @new.Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var name in oldSources.Keys.Union(newSources.Keys).Order(StringComparer.Ordinal))
        {
            oldSources.TryGetValue(name, out var os);
            newSources.TryGetValue(name, out var ns);
            if (os is null) { changes.Add(new(ChangeKind.SourceAdded, name, null, null, null, $"{ns!.Tables.Count} tables")); continue; }
            if (ns is null) { changes.Add(new(ChangeKind.SourceRemoved, name, null, null, $"{os.Tables.Count} tables", null)); continue; }
            var oldTables = os.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
            var newTables = ns.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
            var firstOfSource = changes.Count;
            bool oldLineage = os.Tables.Any(t => t.Columns.Any(c => c.ReadsFrom is not null));
            foreach (var table in oldTables.Keys.Union(newTables.Keys).Order(StringComparer.Ordinal))
            {
                oldTables.TryGetValue(table, out var ot);
                newTables.TryGetValue(table, out var nt);
                if (ot is null) { changes.Add(new(ChangeKind.TableAdded, name, table, null, null, Columns(nt!))); continue; }
                if (nt is null) { changes.Add(new(ChangeKind.TableRemoved, name, table, null, Columns(ot), null)); continue; }
                // A table's activities are a set (none is primary): an activity added to or removed from the list is a
                // change, its order is not; old and new are the lists as annotated, `a, b`.
                if (!ot.ActivityIds().Order(StringComparer.Ordinal).SequenceEqual(nt.ActivityIds().Order(StringComparer.Ordinal), StringComparer.Ordinal))
                    changes.Add(new(ChangeKind.ActivityChanged, name, table, null, ActivitiesText(ot), ActivitiesText(nt)));
                var oldShared = string.Join(", ", ot.SharedWith.Order(StringComparer.Ordinal));
                var newShared = string.Join(", ", nt.SharedWith.Order(StringComparer.Ordinal));
                if (oldShared != newShared)
                    changes.Add(new(ChangeKind.SharedWithChanged, name, table, null, Empty(oldShared), Empty(newShared)));
                if (ot.Retention != nt.Retention)
                    changes.Add(new(ChangeKind.RetentionChanged, name, table, null, ot.Retention, nt.Retention));
                if (HistoryOf(ot) != HistoryOf(nt))
                    changes.Add(new(ChangeKind.HistoryChanged, name, table, null, HistoryOf(ot), HistoryOf(nt)));
                CompareColumns(changes, name, table, ot, nt);
                if (oldLineage) CompareLineage(changes, os, ns, table, ot, nt);
                CompareForeignKeys(changes, name, ns.DefaultSchema, table, ot, nt);
            }
            HintTableRenames(changes, firstOfSource, oldTables, newTables);
        }
        return new InventoryDiff { Changes = changes, Places = new FleetChangeLines(old, @new) };
    }

    /// <summary>Which places (sources, tenant schemas) hold which tables in the two inventories, for the text's fleet
    /// lines (<see cref="FleetChangeLines"/>); null for a diff built without <see cref="Compare"/>.</summary>
    internal FleetChangeLines? Places { get; init; }

    /// <summary>A table's row history as a diff shows it: <c>system-versioning</c>, <c>temporal-table (history in …)</c>, or null.</summary>
    private static string? HistoryOf(TableEntry table) => table.History switch
    {
        null => null,
        { HistoryTable: { } history } h => $"{h.Mechanism} (history in {history})",
        { VersionsOf: { } of } h => $"{h.Mechanism}, history of {of}",
        var h => h.Mechanism,
    };

    /// <summary>Adds a <see cref="ChangeKind.LineageChanged"/> for each column of both inventories whose base column
    /// differs. Called only when the old source records some lineage (an inventory written before lineage was read
    /// would otherwise show every view column as changed).</summary>
    private static void CompareLineage(List<InventoryChange> changes, SourceEntry os, SourceEntry ns, string table, TableEntry ot, TableEntry nt)
    {
        var oldColumns = ot.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var nc in nt.Columns)
            if (oldColumns.TryGetValue(nc.Name, out var oc) && oc.ReadsFrom != nc.ReadsFrom)
                changes.Add(new(ChangeKind.LineageChanged, ns.Name, table, nc.Name, oc.ReadsFrom?.Display(os.DefaultSchema), nc.ReadsFrom?.Display(ns.DefaultSchema)));
    }

    private static void CompareColumns(List<InventoryChange> changes, string source, string table, TableEntry ot, TableEntry nt)
    {
        var oldColumns = ot.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var newColumns = nt.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        // New-table order first (ordinal positions), then columns that disappeared in their old order.
        var names = nt.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name)
            .Concat(ot.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name).Where(n => !newColumns.ContainsKey(n)));
        var firstChange = changes.Count;
        foreach (var column in names)
        {
            oldColumns.TryGetValue(column, out var oc);
            newColumns.TryGetValue(column, out var nc);
            if (oc is null) { changes.Add(new(ChangeKind.ColumnAdded, source, table, column, null, nc!.DataCategory ?? "undecided", Conflict: ConflictOf(nc))); continue; }
            if (nc is null) { changes.Add(new(ChangeKind.ColumnRemoved, source, table, column, oc.DataCategory ?? "undecided", null)); continue; }
            if (oc.DataCategory != nc.DataCategory)
                changes.Add(new(ChangeKind.CategoryChanged, source, table, column, oc.DataCategory ?? "undecided", nc.DataCategory ?? "undecided", Conflict: ConflictOf(nc)));
            if (oc.DeclaredType != nc.DeclaredType)
                changes.Add(new(ChangeKind.TypeChanged, source, table, column, oc.DeclaredType, nc.DeclaredType));
            // A column entry's own shared-with and retention (trial 27: kept on the annotation since then, not compared).
            var oldShared = string.Join(", ", (oc.Annotation?.SharedWith ?? []).Order(StringComparer.Ordinal));
            var newShared = string.Join(", ", (nc.Annotation?.SharedWith ?? []).Order(StringComparer.Ordinal));
            if (oldShared != newShared)
                changes.Add(new(ChangeKind.SharedWithChanged, source, table, column, Empty(oldShared), Empty(newShared)));
            if (oc.Annotation?.Retention != nc.Annotation?.Retention)
                changes.Add(new(ChangeKind.RetentionChanged, source, table, column, oc.Annotation?.Retention, nc.Annotation?.Retention));
            if (oc.Status != nc.Status)
                changes.Add(new(ChangeKind.StatusChanged, source, table, column, Status(oc.Status), Status(nc.Status), Conflict: ConflictOf(nc)));
        }
        HintRenames(changes, firstChange);
    }

    /// <summary>Why the evidence contradicts the column's annotation or label when its status is conflict, as
    /// <c>inventory check</c> words it; null otherwise.</summary>
    private static string? ConflictOf(ColumnEntry column) => column.Status == ColumnStatus.Conflict
        ? column.Conflict ?? $"annotated {column.DataCategory}, contradicted by the evidence"
        : null;

    /// <summary>Marks an added column as a likely rename of a removed one: the table's only removed column of a category
    /// and its only added column of that category (a column's category travels with its data, its name does not).</summary>
    private static void HintRenames(List<InventoryChange> changes, int first)
    {
        var added = Enumerable.Range(first, changes.Count - first).Where(i => changes[i].Kind == ChangeKind.ColumnAdded && changes[i].New != "undecided").ToList();
        var removed = changes.Skip(first).Where(c => c.Kind == ChangeKind.ColumnRemoved && c.Old != "undecided").ToList();
        foreach (var i in added)
        {
            var category = changes[i].New;
            var from = removed.Where(r => r.Old == category).ToList();
            if (from.Count == 1 && added.Count(j => changes[j].New == category) == 1)
                changes[i] = changes[i] with { RenamedFrom = from[0].Column };
        }
    }

    /// <summary>Marks an added table as a likely rename of a removed one of the same source: the only removed table whose
    /// columns (names and declared types, in any order) are exactly the added table's, and the only added table with
    /// those columns (a renamed table keeps its columns, its name does not; trial28: <c>ALTER TABLE support_tickets
    /// RENAME TO tickets</c> showed as a removal and an addition while <c>check</c> already asked "renamed to
    /// 'tickets'?").</summary>
    private static void HintTableRenames(List<InventoryChange> changes, int first, Dictionary<string, TableEntry> oldTables, Dictionary<string, TableEntry> newTables)
    {
        static string Shape(TableEntry t) => string.Join("\u0001", t.Columns.Select(c => $"{c.Name}\u0002{c.DeclaredType}").Order(StringComparer.Ordinal));
        var added = Enumerable.Range(first, changes.Count - first).Where(i => changes[i].Kind == ChangeKind.TableAdded).ToList();
        var removed = changes.Skip(first).Where(c => c.Kind == ChangeKind.TableRemoved).Select(c => (Table: c.Table!, Shape: Shape(oldTables[c.Table!]))).ToList();
        var addedShapes = added.Select(i => Shape(newTables[changes[i].Table!])).ToList();
        for (var k = 0; k < added.Count; k++)
        {
            var shape = addedShapes[k];
            if (newTables[changes[added[k]].Table!].Columns.Count == 0) continue;
            var from = removed.Where(r => r.Shape == shape).ToList();
            if (from.Count == 1 && addedShapes.Count(s => s == shape) == 1)
                changes[added[k]] = changes[added[k]] with { RenamedFrom = from[0].Table };
        }
    }

    private static void CompareForeignKeys(List<InventoryChange> changes, string source, string defaultSchema, string table, TableEntry ot, TableEntry nt)
    {
        static string Key(ForeignKeyInfo fk) => string.Join("\u0001", [.. fk.Columns, "\u0002", fk.ReferencedSchema, fk.ReferencedTable, .. fk.ReferencedColumns]);
        var oldKeys = ot.ForeignKeys.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var newKeys = nt.ForeignKeys.GroupBy(Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var fk in nt.ForeignKeys.Where(f => !oldKeys.ContainsKey(Key(f))).OrderBy(f => f.Name, StringComparer.Ordinal))
            changes.Add(new(ChangeKind.ForeignKeyAdded, source, table, null, null, Rule(fk), Describe(fk, defaultSchema)));
        foreach (var fk in ot.ForeignKeys.Where(f => !newKeys.ContainsKey(Key(f))).OrderBy(f => f.Name, StringComparer.Ordinal))
            changes.Add(new(ChangeKind.ForeignKeyRemoved, source, table, null, Rule(fk), null, Describe(fk, defaultSchema)));
        foreach (var fk in nt.ForeignKeys.OrderBy(f => f.Name, StringComparer.Ordinal))
            if (oldKeys.TryGetValue(Key(fk), out var before) && before.OnDelete != fk.OnDelete)
                changes.Add(new(ChangeKind.DeleteRuleChanged, source, table, null, Rule(before), Rule(fk), Describe(fk, defaultSchema)));
    }

    /// <summary><c>name (columns) → table (columns)</c>, the referenced table named as the inventory names its tables
    /// (<see cref="ForeignKeyInfo.ReferencedQualifiedName"/>: bare in the source's default schema, so a one-database MySQL
    /// scan's <c>bookings</c> is not <c>shop.bookings</c> here; trial 28).</summary>
    private static string Describe(ForeignKeyInfo fk, string defaultSchema) =>
        $"{fk.Name} ({string.Join(", ", fk.Columns)}) → {fk.ReferencedQualifiedName(defaultSchema)} ({string.Join(", ", fk.ReferencedColumns)})";

    private static string Rule(ForeignKeyInfo fk) => "on delete " + fk.OnDelete.Replace('-', ' ');

    /// <summary>What an added or removed table holds: its column count and the personal categories of its columns,
    /// tagged or suggested, in ordinal order (trial34 finding 6: a new table of e-mails and IP addresses read only
    /// "(4 columns)", while a new column showed its category).</summary>
    private static string Columns(TableEntry t)
    {
        var count = CountWording.Phrase(t.Columns.Count, "column", "columns");
        var personal = t.Columns.Select(c => c.DataCategory).Where(DataCategoryVocabulary.IsPersonal)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return personal.Count == 0 ? count : $"{count}; personal: {string.Join(", ", personal)}";
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;

    internal static string Status(ColumnStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    internal static string KindName(ChangeKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}

/// <summary>Writes an <see cref="InventoryDiff"/> as text (one line per change) or JSON.</summary>
public static class InventoryDiffWriter
{
    /// <summary>Plain text, schema changes apart so that annotating does not bury them: first, when the previous inventory
    /// held no records of processing (<see cref="InventoryDiff.PreviousHeldNoRecords"/>), the line saying so
    /// (<see cref="PreviousWithoutRecords"/>); a <c>schema:</c> summary line
    /// and a <c>classification:</c> one (counts per kind, or <c>no changes</c>; left out of the <c>--schema-only</c>
    /// view, which did not compare them), then one line per schema change, one per category, activity,
    /// shared-with or retention change (a table's, or a column entry's own), and the status changes summarised as one count line per transition
    /// (<c>~ status untagged → tagged: 57 columns</c>; each column is in the JSON).</summary>
    /// <param name="diff">The diff.</param>
    /// <returns>Text with LF newlines.</returns>
    public static string ToText(InventoryDiff diff)
    {
        var sb = new StringBuilder();
        if (diff.PreviousHeldNoRecords && !diff.ClassificationLeftOut) sb.Append(PreviousWithoutRecords(diff)).Append('\n');
        if (diff.IsEmpty) return sb.Append("no changes\n").ToString();
        var schema = diff.Changes.Where(c => InventoryDiff.IsSchemaChange(c.Kind)).ToList();
        var other = diff.Changes.Where(c => !InventoryDiff.IsSchemaChange(c.Kind)).ToList();
        static string Counts(IEnumerable<InventoryChange> changes) => string.Join(", ",
            changes.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {InventoryDiff.KindName(g.Key)}"));
        sb.Append("schema: ").Append(schema.Count == 0 ? "no changes" : Counts(schema)).Append('\n');
        if (!diff.ClassificationLeftOut) sb.Append("classification: ").Append(other.Count == 0 ? "no changes" : Counts(other)).Append('\n');
        var listed = schema.Concat(other.Where(c => c.Kind != ChangeKind.StatusChanged)).ToList();
        // Over a fleet, the same change in several sources or tenant schemas is one line naming them (trial33 finding 7).
        var fleet = diff.Places;
        foreach (var line in fleet?.Lines(listed) ?? listed.Select(c => new FleetChangeLines.ChangeLine(c, null)))
            sb.Append(line.Places is null ? Line(line.Change) : FleetLine(line.Change, line.Places)).Append('\n');
        // A column that became a conflict without a line of its own (its category did not change) is named, not only counted.
        var named = listed.Where(c => c.Conflict is not null).Select(c => c.Location).ToHashSet(StringComparer.Ordinal);
        var conflicts = other.Where(c => c.Kind == ChangeKind.StatusChanged && c.Conflict is not null && !named.Contains(c.Location)).ToList();
        foreach (var line in fleet?.Lines(conflicts) ?? conflicts.Select(c => new FleetChangeLines.ChangeLine(c, null)))
            sb.Append(line.Places is null
                ? $"! {line.Change.Location} conflict: {line.Change.Conflict}\n"
                : $"! {line.Places.Location} {line.Places.Where}{line.Places.NotHere} conflict: {line.Change.Conflict}\n");
        foreach (var transition in other.Where(c => c.Kind == ChangeKind.StatusChanged).GroupBy(c => (c.Old, c.New))
                     .OrderBy(g => g.Key.Old, StringComparer.Ordinal).ThenBy(g => g.Key.New, StringComparer.Ordinal))
            sb.Append(CultureInfo.InvariantCulture, $"~ status {transition.Key.Old} → {transition.Key.New}: {CountWording.Phrase(transition.Count(), "column", "columns")}\n");
        return sb.ToString();
    }

    /// <summary>The statement that the previous inventory held no records of processing, and what was left out because
    /// of it (<see cref="InventoryDiff.PreviousHeldNoRecords"/>): <c>the previous inventory holds no records of processing
    /// (saved without annotations): 3 activity, recipient and retention entries and 4 annotated columns recorded since are
    /// not listed as changes</c>.</summary>
    /// <param name="diff">A diff whose previous inventory held no records.</param>
    public static string PreviousWithoutRecords(InventoryDiff diff) =>
        "the previous inventory holds no records of processing (saved without annotations): " +
        $"{CountWording.Phrase(diff.RecordChangesLeftOut, "activity, recipient or retention entry", "activity, recipient and retention entries")} and " +
        $"{CountWording.Phrase(diff.AnnotatedColumnsLeftOut, "annotated column", "annotated columns")} recorded since are not listed as changes";

    /// <summary>One change as a line, e.g. <c>~ app/users.email category: none → contact.email</c>; an added column or
    /// a category change whose column is now a conflict ends with <c>; conflict: …</c> (<see cref="InventoryChange.Conflict"/>).</summary>
    /// <param name="change">The change.</param>
    public static string Line(InventoryChange change) => change.Conflict is { } conflict && change.Kind is not ChangeKind.StatusChanged
        ? $"{ChangeLine(change)}; conflict: {conflict}"
        : ChangeLine(change);

    /// <summary>The same change in several places as one line: the change's line with its subject the unqualified
    /// <c>table.column</c>, followed by where (<c>in 21 of the 22 sources holding utilisateurs (locataire-01 …
    /// locataire-22)</c>) and the places not on it (<c>; not here: locataire-07: no column date_naissance</c>).</summary>
    /// <param name="change">The line's first change (its kind, old and new values are every member's).</param>
    /// <param name="places">Where the line's changes are.</param>
    internal static string FleetLine(InventoryChange change, LocationGroup places)
    {
        var subject = change.ForeignKey is null ? places.Location : $"{places.Location} foreign key {FleetChangeLines.WithoutSchema(change.ForeignKey, change)}";
        var line = ChangeLine(change, subject) + $" {places.Where}{places.NotHere}";
        return change.Conflict is { } conflict && change.Kind is not ChangeKind.StatusChanged ? $"{line}; conflict: {conflict}" : line;
    }

    private static string ChangeLine(InventoryChange change) => ChangeLine(change, change.Subject);

    private static string ChangeLine(InventoryChange change, string subject) => change.Kind switch
    {
        ChangeKind.ColumnAdded or ChangeKind.TableAdded when change.RenamedFrom is { } from => $"+ {subject} ({change.New}; renamed from '{from}'?)",
        ChangeKind.SourceAdded or ChangeKind.TableAdded or ChangeKind.ColumnAdded or ChangeKind.ForeignKeyAdded => $"+ {subject} ({change.New})",
        ChangeKind.SourceRemoved or ChangeKind.TableRemoved or ChangeKind.ColumnRemoved or ChangeKind.ForeignKeyRemoved => $"- {subject} ({change.Old})",
        ChangeKind.ActivityChanged when ActivitiesAddedRemoved(change) is { } delta => $"~ {subject} activity: {change.Old} → {change.New} ({delta})",
        _ => $"~ {subject} {What(change.Kind)}: {change.Old ?? "(none)"} → {change.New ?? "(none)"}",
    };

    /// <summary>For a table whose list of several activities changed: what was added and removed (<c>added marketing</c>,
    /// <c>added marketing; removed billing-and-payment</c>); null when the table had none before or has none now, or one
    /// activity before and after (the line's old and new say it all).</summary>
    private static string? ActivitiesAddedRemoved(InventoryChange change)
    {
        if (change.Old is null || change.New is null) return null;
        var old = change.Old.Split(", ");
        var @new = change.New.Split(", ");
        if (old.Length == 1 && @new.Length == 1) return null;
        var added = @new.Except(old, StringComparer.Ordinal).ToList();
        var removed = old.Except(@new, StringComparer.Ordinal).ToList();
        var parts = new[] { added.Count > 0 ? "added " + string.Join(", ", added) : null, removed.Count > 0 ? "removed " + string.Join(", ", removed) : null };
        return string.Join("; ", parts.OfType<string>()) is { Length: > 0 } text ? text : null;
    }

    private static string What(ChangeKind kind) => kind switch
    {
        ChangeKind.ActivityChanged => "activity",
        ChangeKind.SharedWithChanged => "shared-with",
        ChangeKind.RetentionChanged => "retention",
        ChangeKind.CategoryChanged => "category",
        ChangeKind.TypeChanged => "type",
        ChangeKind.StatusChanged => "status",
        ChangeKind.DeleteRuleChanged => "delete rule",
        ChangeKind.HistoryChanged => "row history",
        ChangeKind.LineageChanged => "view of",
        _ => InventoryDiff.KindName(kind),
    };

    /// <summary>JSON: <c>{"summary": {kind: count}, "changes": [{kind, source, table, column, foreignKey, old, new, renamedFrom, conflict}]}</c>, camelCase keys,
    /// kebab-case kinds, nulls omitted, LF newlines. When the previous inventory held no records of processing
    /// (<see cref="InventoryDiff.PreviousHeldNoRecords"/>), also <c>"previousHeldNoRecords": true</c>,
    /// <c>"recordChangesLeftOut"</c> and <c>"annotatedColumnsLeftOut"</c> (the counts left out of <c>changes</c>).</summary>
    /// <param name="diff">The diff.</param>
    /// <returns>JSON text ending with a newline.</returns>
    public static string ToJson(InventoryDiff diff)
    {
        var payload = new DiffJson(
            diff.Counts.ToDictionary(c => InventoryDiff.KindName(c.Key), c => c.Value),
            diff.Changes.Select(c => new ChangeJson(InventoryDiff.KindName(c.Kind), c.Source, c.Table, c.Column, c.ForeignKey, c.Old, c.New, c.RenamedFrom, c.Conflict)).ToList(),
            diff.PreviousHeldNoRecords ? true : null,
            diff.PreviousHeldNoRecords ? diff.RecordChangesLeftOut : null,
            diff.PreviousHeldNoRecords ? diff.AnnotatedColumnsLeftOut : null);
        return JsonSerializer.Serialize(payload, ReportJson.DiffType) + "\n";
    }

    internal sealed record DiffJson(Dictionary<string, int> Summary, List<ChangeJson> Changes, bool? PreviousHeldNoRecords,
        int? RecordChangesLeftOut, int? AnnotatedColumnsLeftOut);

    internal sealed record ChangeJson(string Kind, string Source, string? Table, string? Column, string? ForeignKey, string? Old,
        [property: JsonPropertyName("new")] string? New, string? RenamedFrom, string? Conflict);
}
