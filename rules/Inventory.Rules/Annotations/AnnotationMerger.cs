using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>Options of <see cref="AnnotationMerger"/>.</summary>
public sealed record MergeOptions
{
    /// <summary>Annotation file paths are shown relative to this folder when they are below it (default: the working directory).</summary>
    public string PathBase { get; init; } = Directory.GetCurrentDirectory();
    /// <summary>Share of a detector's tested non-null values that must match for its evidence to contradict an
    /// annotation (default 0.8).</summary>
    public double ConflictRatio { get; init; } = 0.8;
    /// <summary>Fewest non-null values a detector must have tested to contradict an annotation (default 1: C05 reports a
    /// conflict on 1 of 1 values; raise it to need more evidence).</summary>
    public int ConflictMinValues { get; init; } = 1;
    /// <summary>Least confidence of a name-based suggestion of a special category, a national id or a date of birth
    /// (<see cref="ContradictingEvidence.NameContradictedCategories"/>) for it to contradict an annotation of <c>none</c>
    /// without a <c>reason</c> (default 0.6: those categories are rare, so their calibrated confidence stays lower than
    /// an e-mail's; a name rule of that category must also be part of the evidence).</summary>
    public double SensitiveNameConfidence { get; init; } = 0.6;
    /// <summary>When false, annotations of tables absent from the inventory are not reported as stale (use it when the
    /// inventory covers only part of the database, e.g. <c>annotate --table</c>).</summary>
    public bool ReportMissingTables { get; init; } = true;
    /// <summary>Which tables the scan covers: (source name, schema, table name) → true when in scope. An annotation of a
    /// table absent from the inventory is stale only when the table is in scope; one the config's <c>include:</c>/<c>exclude:</c>
    /// leaves out is simply not applied. Null (default): every table is in scope. Build it from the sources'
    /// <see cref="Catalog.CatalogFilter"/>s.</summary>
    public Func<string, string, string, bool>? InScope { get; init; }
}

/// <summary>Why an annotation no longer fits the database.</summary>
public enum StaleKind
{
    /// <summary>The annotated table is not in the inventory (dropped or renamed).</summary>
    TableMissing,
    /// <summary>The annotated column is not in the table (dropped or renamed).</summary>
    ColumnMissing,
    /// <summary>The column's declared type differs from the <c>type:</c> recorded in the annotation.</summary>
    TypeChanged,
    /// <summary>The annotation names a <c>source:</c> that was not scanned.</summary>
    SourceMissing,
    /// <summary>The annotated JSON path is not among the paths the scan named in the column's documents (renamed key,
    /// dropped field, or the column no longer holds JSON documents).</summary>
    PathMissing,
}

/// <summary>An annotation that no longer fits the database.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Source">The annotation's source, or null.</param>
/// <param name="Table">The annotated table.</param>
/// <param name="Column">The annotated column, or null for a table-level problem.</param>
/// <param name="Message">What is wrong and what to do (no values).</param>
/// <param name="Suggestion">The closest existing name (a likely rename), or null.</param>
/// <param name="Location">Where the annotation is.</param>
public sealed record StaleAnnotation(StaleKind Kind, string? Source, string Table, string? Column, string Message, string? Suggestion,
    AnnotationLocation Location);

/// <summary>What <see cref="AnnotationMerger.Apply"/> found besides updating the document.</summary>
/// <param name="Stale">Annotations that no longer fit, in annotation order.</param>
/// <param name="Conflicts">Number of columns whose annotation or database label is contradicted by strong evidence.</param>
/// <param name="Tagged">Number of columns tagged by an annotation or a database label.</param>
public sealed record MergeResult(IReadOnlyList<StaleAnnotation> Stale, int Conflicts, int Tagged);

/// <summary>
/// Applies human annotations and database labels to an inventory. Precedence: annotation (with a category) &gt; database
/// label &gt; classification. The classification is always kept in <see cref="ColumnEntry.Classification"/> (detectors
/// run on every scan) and nothing machine-made is ever stored as an annotation.
/// <para>Conflict rule: an annotation with a category and without a <c>reason</c> is contradicted when a detector's
/// evidence points at a different top-level category with at least <see cref="MergeOptions.ConflictRatio"/> of its
/// tested non-null values (and at least <see cref="MergeOptions.ConflictMinValues"/> values). The column keeps the
/// annotated category, its status becomes <see cref="ColumnStatus.Conflict"/> and <see cref="ColumnEntry.Conflict"/>
/// holds the evidence as counts. An annotation with a <c>reason</c> is a reviewed decision and is never reported
/// again (C05: a dismissed false positive must not come back every run). Second rule, for the kinds no value test can
/// confirm (GDPR Art. 9 special categories, national ids, dates of birth): an annotation of <c>none</c> without a reason
/// is contradicted when a name rule of such a category decided the column's suggestion at
/// <see cref="MergeOptions.SensitiveNameConfidence"/> or more (<see cref="ContradictingEvidence.SensitiveName"/>; trial37
/// finding 4).</para>
/// <para>A database label (a structured column comment, a SQL Server sensitivity classification) is a human decision
/// too and goes through the same rule: contradicted, it keeps its category with status conflict and a
/// <see cref="ColumnEntry.Conflict"/> that names the label's origin. It has no <c>reason</c>; an annotation of the
/// column (with a reason, to confirm the label's category) overrides it.</para>
/// </summary>
public sealed class AnnotationMerger
{
    private readonly IKnownCategories _categories;
    private readonly MergeOptions _options;

    /// <summary>Creates a merger.</summary>
    /// <param name="categories">Known categories (for structured comments); defaults to <see cref="KnownCategories.BuiltIn"/>.</param>
    /// <param name="options">Options; defaults apply when null.</param>
    public AnnotationMerger(IKnownCategories? categories = null, MergeOptions? options = null)
    {
        _categories = categories ?? KnownCategories.BuiltIn;
        _options = options ?? new MergeOptions();
    }

    /// <summary>Updates every column's effective category, origin, confidence, status, annotation and conflict, and every
    /// table's activity, retention, recipients and annotation file. Calling it twice gives the same document.</summary>
    /// <param name="document">The inventory, changed in place.</param>
    /// <param name="annotations">Loaded annotations (errors in it are not repeated here).</param>
    /// <returns>Stale annotations and counts.</returns>
    public MergeResult Apply(InventoryDocument document, AnnotationSet annotations)
    {
        var stale = new List<StaleAnnotation>();
        var bySource = document.Sources.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var applied = new Dictionary<TableEntry, TableAnnotation>(ReferenceEqualityComparer.Instance);
        var layers = new Dictionary<TableEntry, List<TableAnnotation>>(ReferenceEqualityComparer.Instance);
        // Sources the scan could not connect to (a connection-failed issue): which tables they hold is unknown, so an
        // annotation naming one, or a source-less one whose table no scanned source holds, is not stale (trial 19).
        // The same holds for the sources (or the one source's tables) of a shard missing from a merge.
        var unreached = document.Issues.Where(i => i.Kind is Inventory.Scanning.ScanRunner.ConnectionFailedKind or Inventory.Scanning.InventoryMerge.ShardMissingKind
                && i.Table is null && i.Source != "*")
            .Select(i => i.Source).ToHashSet(StringComparer.Ordinal);
        // A missing shard whose parts did not record their split: what it held is unknown, so a stale message says the
        // inventory is incomplete rather than that the table is gone.
        var incomplete = document.Issues.Any(i => i.Kind == Inventory.Scanning.InventoryMerge.ShardMissingKind && i.Source == "*")
            ? "; the inventory is incomplete (a shard is missing from the merge and the parts do not record which sources it held), so it may be there"
            : "";

        // The sources whose engine lists only the tables and columns the scanning user holds a privilege on (MySQL and
        // MariaDB information_schema, SQL Server metadata visibility): there a missing table or column may be hidden
        // from the user rather than gone (trial 33: a per-table grant made check advise removing a bank account's entry).
        var hiding = document.Sources.Where(s => HidesUngrantedObjects(s.Provider)).ToList();
        var hidingTables = hiding.SelectMany(s => s.Tables).ToHashSet(ReferenceEqualityComparer.Instance);
        string GoneOrHidden(IReadOnlyList<SourceEntry> among, string what) => among.Any(hiding.Contains)
            ? $" (dropped or renamed, or hidden from the scanning user: {HiddenObjects}); check the scanner's grants before you remove or rename the {what}"
            : $" (dropped or renamed?); remove or rename the {what}";
        string ColumnGoneOrHidden(TableEntry table) => hidingTables.Contains(table)
            ? $" (dropped or renamed, or hidden from the scanning user: {HiddenObjects}); check the scanner's column grants before you remove or rename the entry"
            : " (dropped or renamed?); remove or rename the entry";

        // The tables some annotation names: a table renamed to a name nothing alike is recognised by its columns, but only
        // among the tables no annotation covers yet (SameColumnsUnannotated).
        var annotatedTables = annotations.Annotations.Select(a => a.Table).ToHashSet(StringComparer.Ordinal);
        // A second document for an annotated table is never applied, but its entries are checked against the scan like
        // the first's, so a stale entry in it is named in the same run as the duplicate (trial35 finding 9).
        foreach (var (annotation, applies) in annotations.Annotations.Select(a => (a, true)).Concat(annotations.Duplicates.Select(a => (a, false))))
        {
            IReadOnlyList<SourceEntry> sources;
            if (annotation.Source is { } sourceName)
            {
                if (!bySource.TryGetValue(sourceName, out var s))
                {
                    if (_options.ReportMissingTables && document.Sources.Count > 0 && !unreached.Contains(sourceName))
                    {
                        // The closest scanned source is named, at the source: line (trial41 finding 5: `source: pass` for
                        // `paas` got no hint and pointed at the table: line).
                        var closest = Closest.Find(sourceName, bySource.Keys);
                        var hint = closest is null ? "" : $" (did you mean '{closest}'?)";
                        stale.Add(new StaleAnnotation(StaleKind.SourceMissing, sourceName, annotation.Table, null,
                            $"source '{sourceName}' was not scanned{hint}; fix 'source:' or remove the annotation{incomplete}",
                            closest, annotation.SourceLocation ?? annotation.Location));
                    }
                    continue;
                }
                sources = [s];
            }
            else sources = document.Sources;

            // An exact name is that table; a pattern (tenant_*.clients) covers every table it matches (trial 32).
            var tables = sources.SelectMany(s => s.Tables).Where(t => t.QualifiedName == annotation.Table).ToArray();
            var pattern = tables.Length == 0 ? TableNamePattern.Of(annotation.Table) : null;
            if (pattern is not null) tables = sources.SelectMany(s => s.Tables).Where(pattern.Matches).ToArray();
            if (tables.Length == 0 && pattern is not null)
            {
                if (_options.ReportMissingTables && !(annotation.Source is null ? unreached.Count > 0 : unreached.Contains(annotation.Source)))
                    stale.Add(new StaleAnnotation(StaleKind.TableMissing, annotation.Source, annotation.Table, null,
                        $"no table of the inventory matches the pattern '{annotation.Table}' (schema.table globs: * any run of characters, ? one character; case-sensitive){incomplete}; fix the pattern or remove the annotation",
                        null, annotation.Location));
                continue;
            }
            if (tables.Length == 0)
            {
                if (_options.ReportMissingTables && !(annotation.Source is null ? unreached.Count > 0 : unreached.Contains(annotation.Source))
                    && (sources.Count == 0 || sources.Any(s => InScope(s, annotation.Table))))
                {
                    var names = sources.SelectMany(s => s.Tables).Select(t => t.QualifiedName).Distinct().ToList();
                    var otherCase = names.FirstOrDefault(n => string.Equals(n, annotation.Table, StringComparison.OrdinalIgnoreCase));
                    var candidates = RenameCandidates(sources, annotation);
                    var suggestion = otherCase ?? SameNameElsewhere(annotation.Table, names, candidates)
                                     ?? Closest.FindName(annotation.Table, candidates)
                                     ?? SameColumnsUnannotated(sources, annotation, annotatedTables);
                    stale.Add(new StaleAnnotation(StaleKind.TableMissing, annotation.Source, annotation.Table, null,
                        otherCase is not null
                            ? $"table '{annotation.Table}' is not in the inventory; names are case-sensitive: the table is '{otherCase}'"
                            : incomplete.Length > 0
                            ? $"table '{annotation.Table}' is not in the inventory{incomplete}" + (suggestion is null ? "" : $"; or renamed to '{suggestion}'?")
                            : suggestion is null
                            ? $"table '{annotation.Table}' is not in the inventory{GoneOrHidden(sources, "annotation")}"
                            : $"table '{annotation.Table}' is not in the inventory; renamed to '{suggestion}'?",
                        suggestion, annotation.Location));
                }
                continue;
            }
            foreach (var table in applies ? tables : [])
            {
                // With several sources an annotation without 'source:' applies to each; the most specific one wins: an
                // exact name over a pattern, then a source-specific one; on a tie the first in load order.
                // The less specific ones stay behind it for what it does not say (a tenant's stub holding only the
                // columns its table adds, over the fleet's source-less entry: trial33 finding 8).
                if (!layers.TryGetValue(table, out var layered)) layers[table] = layered = [];
                TableNamePattern.Layer(layered, annotation, table);
                if (applied.TryGetValue(table, out var previous) && !TableNamePattern.MoreSpecific(annotation, previous, table)) continue;
                applied[table] = annotation;
            }
            // A pattern's entries are checked against each table it matches: a tenant schema a migration missed is named.
            var shapes = pattern is null ? [tables[0]] : tables.DistinctBy(t => t.QualifiedName).ToArray();
            foreach (var column in annotation.Columns)
            {
                var lacking = shapes.Where(t => t.Columns.All(c => c.Name != column.Name)).ToArray();
                var first = lacking.Length == shapes.Length ? shapes[0] : shapes.First(t => !lacking.Contains(t));
                var entry = first.Columns.FirstOrDefault(c => c.Name == column.Name);
                if (entry is not null && lacking.Length > 0)
                    stale.Add(new StaleAnnotation(StaleKind.ColumnMissing, annotation.Source, annotation.Table, column.Name,
                        $"column '{column.Name}' is not in {lacking.Length} of the {shapes.Length} tables matching '{annotation.Table}': "
                        + string.Join(", ", lacking.Take(3).Select(t => t.QualifiedName)) + (lacking.Length > 3 ? $" and {lacking.Length - 3} more" : "")
                        + (lacking.Length * 2 >= shapes.Length ? OwnColumnAdvice(shapes.Except(lacking).ToArray()) : " (a migration not applied there?); the entry applies to the others"),
                        null, column.Location));
                if (entry is null && pattern is not null)
                {
                    var suggestion = Closest.FindName(column.Name, first.Columns.Select(c => c.Name)
                        .Where(n => !annotation.Columns.Any(c => c.Name == n) && !annotation.EntryNames.Contains(n)));
                    stale.Add(new StaleAnnotation(StaleKind.ColumnMissing, annotation.Source, annotation.Table, column.Name,
                        $"column '{column.Name}' is not in any of the {shapes.Length} tables matching '{annotation.Table}'"
                        + (suggestion is null ? ColumnGoneOrHidden(first) : $"; renamed to '{suggestion}'?"),
                        suggestion, column.Location));
                }
                else if (entry is null)
                {
                    // Columns with an entry of their own, including one dropped as invalid (trial 19: 'renamed to
                    // ip_auteur?' when ip_auteur's entry had an unknown category), are never the renamed column.
                    var annotated = annotation.Columns.Select(c => c.Name).Concat(annotation.EntryNames).ToHashSet(StringComparer.Ordinal);
                    // Names are case-sensitive: a column spelt with other capitals is that column, even when it has its own
                    // entry (trial 17: 'Email' was said to be renamed to 'email_verified').
                    var sameLetters = first.Columns.Select(c => c.Name).FirstOrDefault(n => string.Equals(n, column.Name, StringComparison.OrdinalIgnoreCase));
                    var unannotated = first.Columns.Where(c => !annotated.Contains(c.Name)).ToList();
                    var byName = sameLetters ?? Closest.FindName(column.Name, unannotated.Select(c => c.Name));
                    // No name alike (trial 27: 'telephone' renamed 'numero_mobile'): the one column without an entry whose
                    // values the scan reads as the entry's category, as `diff` hints a rename by category.
                    var byCategory = byName is null ? SameCategory(column.Category, unannotated) : null;
                    var suggestion = byName ?? byCategory;
                    stale.Add(new StaleAnnotation(StaleKind.ColumnMissing, annotation.Source, annotation.Table, column.Name,
                        sameLetters is not null
                            ? $"column '{column.Name}' is not in table '{annotation.Table}': names are case-sensitive, the column is '{sameLetters}'"
                        : byCategory is not null
                            ? $"column '{column.Name}' is not in table '{annotation.Table}'; renamed to '{byCategory}'? it has no entry of its own and the scan reads its values as {column.Category}, the category of this entry"
                        : suggestion is null
                            ? $"column '{column.Name}' is not in table '{annotation.Table}'{ColumnGoneOrHidden(first)}"
                            : $"column '{column.Name}' is not in table '{annotation.Table}'; renamed to '{suggestion}'?",
                        suggestion, column.Location));
                }
                else
                {
                    if (column.Type is { } type && Normalize(type) != Normalize(entry.DeclaredType))
                    {
                        stale.Add(new StaleAnnotation(StaleKind.TypeChanged, annotation.Source, annotation.Table, column.Name,
                            $"column '{column.Name}' was annotated for type '{type}' and is now '{entry.DeclaredType}'; review the category and update 'type:'",
                            entry.DeclaredType, column.Location));
                    }
                    stale.AddRange(StalePaths(annotation, column, entry));
                }
            }
        }

        // A table whose JSON the scan wrote ahead keeps it only if the merge leaves every field it writes as it was.
        // Plain loops over the document's sources, tables and columns (not AllTables()/AllColumns(): their tuples cost
        // the ReadyToRun build JIT-compiled LINQ iterators, run for every column of a scan; perf43), in document order.
        var prewritten = new Dictionary<TableEntry, MergedFields>(ReferenceEqualityComparer.Instance);
        foreach (var source in document.Sources)
            foreach (var table in source.Tables)
                if (table.Prewritten is not null) prewritten[table] = MergedFields.Of(table);

        int conflicts = 0, tagged = 0;
        foreach (var source in document.Sources)
        foreach (var table in source.Tables)
        foreach (var column in table.Columns)
        {
            Reset(column);
            ApplyDatabaseLabel(column);
            // The most specific annotation's entry, else a less specific one's (TableNamePattern.Layer).
            var columnAnnotation = layers.TryGetValue(table, out var layered)
                ? layered.Select(a => a.Columns.FirstOrDefault(c => c.Name == column.Name)).FirstOrDefault(c => c is not null)
                : null;
            if (columnAnnotation is not null)
            {
                ApplyAnnotation(column, columnAnnotation);
                ApplyPathAnnotations(column, columnAnnotation);
            }
            if (column.Status == ColumnStatus.Conflict) conflicts++;
            if (column.CountsAsTagged()) tagged++;
        }
        // View columns take their base column's decision once every column's own is known (ViewLineage).
        ViewLineage.Inherit(document);
        conflicts = 0;
        tagged = 0;
        foreach (var source in document.Sources)
            foreach (var table in source.Tables)
                foreach (var column in table.Columns)
                {
                    if (column.Status == ColumnStatus.Conflict) conflicts++;
                    if (column.CountsAsTagged()) tagged++;
                }
        foreach (var source in document.Sources)
        foreach (var table in source.Tables)
        {
            applied.TryGetValue(table, out var annotation);
            // What the most specific annotation leaves unsaid comes from the less specific ones (a tenant's own stub
            // without activity keeps the fleet entry's).
            var layered = layers.GetValueOrDefault(table) ?? [];
            table.SetActivities(layered.Select(a => a.Activities).FirstOrDefault(a => a.Count > 0) ?? []);
            table.Retention = layered.Select(a => a.Retention).FirstOrDefault(r => r is not null);
            table.SharedWith = [.. layered.Select(a => a.SharedWith).FirstOrDefault(w => w.Count > 0) ?? []];
            table.AnnotationFile = annotation is null ? null : DisplayPath(annotation.Location.File);
        }
        foreach (var (table, before) in prewritten)
            if (!before.Same(table)) table.Prewritten = null;
        return new MergeResult(stale, conflicts, tagged);
    }

    /// <summary>True when the annotated table is in the scan's scope for this source (see <see cref="MergeOptions.InScope"/>).
    /// The annotation's name is schema-qualified outside the source's default schema: <c>sales.orders</c> is schema
    /// <c>sales</c>, <c>orders</c> is the default schema. A dotted name is read as <c>schema.table</c> only: read also as a
    /// table of the default schema whose name holds a dot, it was in scope for any <c>exclude: ["finance.*"]</c> (that
    /// pattern never matches the default schema), so the annotation of a table excluded on purpose was called stale
    /// (trial47).</summary>
    private bool InScope(SourceEntry source, string table)
    {
        if (_options.InScope is not { } inScope) return true;
        int dot = table.IndexOf('.');
        return dot > 0
            ? inScope(source.Name, table[..dot], table[(dot + 1)..])
            : inScope(source.Name, source.DefaultSchema, table);
    }

    /// <summary>A file path as shown in the inventory and CI output: relative to <see cref="MergeOptions.PathBase"/> with
    /// forward slashes (<c>../</c> when outside it); the full path only when no relative path exists (another drive).</summary>
    /// <param name="file">Full or relative path.</param>
    public string DisplayPath(string file) => DisplayPath(file, _options.PathBase);

    /// <summary>The table of the same name under another database or schema prefix, or null: <c>customers</c> scanned as
    /// <c>shop.customers</c> once a MySQL source reads the whole server (or the reverse, or another schema), which the
    /// edit distance of the whole names missed for short names (trial35 finding 8: <c>customers</c>, <c>users</c> got
    /// no hint while <c>access_logs</c> did). Of several, the first in ordinal order among those holding the annotated
    /// columns (<paramref name="likely"/>), else among all.</summary>
    /// <param name="annotated">The annotated qualified name that is gone.</param>
    /// <param name="names">The inventory's qualified table names.</param>
    /// <param name="likely">The rename candidates that hold the annotated columns.</param>
    internal static string? SameNameElsewhere(string annotated, IReadOnlyList<string> names, IReadOnlyList<string> likely)
    {
        static string Bare(string name) => name[(name.LastIndexOf('.') + 1)..];
        var bare = Bare(annotated);
        var same = names.Where(n => n != annotated && Bare(n) == bare).Order(StringComparer.Ordinal).ToList();
        return same.FirstOrDefault(likely.Contains) ?? same.FirstOrDefault();
    }

    /// <summary>The one table, among those no annotation names, that holds every column a missing table's annotation names
    /// (at least two), or null when none or several do: a table renamed to a name nothing alike
    /// (<c>support.attachments</c> → <c>support.pieces_jointes</c>, trial36 finding 4, which <c>diff</c> already matched
    /// by its columns) keeps its columns, and a table that is already annotated is not the renamed one.</summary>
    /// <param name="sources">The sources the annotation applies to.</param>
    /// <param name="annotation">The annotation of the missing table.</param>
    /// <param name="annotatedTables">The table names every annotation names.</param>
    private static string? SameColumnsUnannotated(IReadOnlyList<SourceEntry> sources, TableAnnotation annotation, HashSet<string> annotatedTables)
    {
        var columns = annotation.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        if (columns.Count < 2) return null;
        var holding = sources.SelectMany(s => s.Tables)
            .Where(t => !annotatedTables.Contains(t.QualifiedName) && columns.All(c => t.Columns.Any(tc => tc.Name == c)))
            .Select(t => t.QualifiedName).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return holding.Count == 1 ? holding[0] : null;
    }

    /// <summary>The tables a missing annotated table may have been renamed to: every table when the annotation names no
    /// column; otherwise those holding at least half of the columns it names (a renamed table keeps its columns: trial34
    /// finding 11, <c>app.sessions</c> with a <c>token</c> column was guessed renamed to <c>app.users</c>, which shares
    /// nothing with it but the schema).</summary>
    /// <param name="sources">The inventory's sources.</param>
    /// <param name="annotation">The annotation of the missing table.</param>
    private static List<string> RenameCandidates(IReadOnlyList<SourceEntry> sources, TableAnnotation annotation)
    {
        var columns = annotation.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).ToList();
        return sources.SelectMany(s => s.Tables)
            .Where(t => columns.Count == 0 || t.Columns.Count(c => columns.Contains(c.Name, StringComparer.Ordinal)) * 2 >= columns.Count)
            .Select(t => t.QualifiedName).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The end of the stale message of a glob's column that half or fewer of its tables hold: a column of those
    /// tables, whose entry belongs in a stub with their exact name, which <c>annotate</c> writes for such a column
    /// (<see cref="AnnotationStubs"/>) once the glob's entry is gone (trial47 S3: "a migration not applied there?" on
    /// every run for a column one tenant added).</summary>
    /// <param name="holders">The tables matching the glob that hold the column.</param>
    private static string OwnColumnAdvice(TableEntry[] holders) =>
        (holders.Length == 1 ? $"; only {holders[0].QualifiedName} holds it" : $"; only {holders.Length} hold it: "
            + string.Join(", ", holders.Take(3).Select(t => t.QualifiedName)) + (holders.Length > 3 ? $" and {holders.Length - 3} more" : ""))
        + ": move the entry out of this file into a stub with the exact table name (delete it here and run `inventory annotate`, which writes that stub); the entry applies to the others";

    /// <summary>A file path relative to <paramref name="pathBase"/> with forward slashes (<c>../</c> segments when outside
    /// it); the full path only when no relative path exists (another drive).</summary>
    /// <param name="file">Full or relative path.</param>
    /// <param name="pathBase">Base folder.</param>
    public static string DisplayPath(string file, string pathBase)
    {
        var full = Path.GetFullPath(file);
        var relative = Path.GetRelativePath(Path.GetFullPath(pathBase), full);
        return (Path.IsPathRooted(relative) ? full : relative).Replace('\\', '/');
    }

    private static void Reset(ColumnEntry column) => column.ApplyClassification();

    private void ApplyDatabaseLabel(ColumnEntry column)
    {
        string? category = null;
        if (column.DatabaseLabel is { } label)
            category = DatabaseLabels.Map(label, _categories);
        else if (DatabaseLabels.FromComment(column.Comment, _categories) is { } fromComment)
        {
            category = fromComment;
            column.DatabaseLabel = new Catalog.DatabaseLabel("comment", null, fromComment, null);
        }
        if (category is null) return;
        column.DataCategory = category;
        column.Confidence = 1;
        column.Origin = Origin.DatabaseLabel;
        column.Status = ColumnStatus.Tagged;
        // A label is a human decision kept in the database: the same contrary evidence that puts an annotation in
        // conflict puts the label in conflict (an annotation with a reason overrides it and confirms the decision).
        if (Contradiction(column.Classification, category) is { } evidence)
        {
            column.Status = ColumnStatus.Conflict;
            column.Conflict = $"labelled {category} by the {DatabaseLabels.OriginOf(column.DatabaseLabel!)}, but {evidence.Matched}/{evidence.Total} " +
                              $"non-null sampled values are {Suggestions.Noun(evidence.DataCategory!)} ({evidence.Id})";
        }
        else if (SensitiveNameContradiction(column.Classification, category) is { } byName)
        {
            column.Status = ColumnStatus.Conflict;
            column.Conflict = $"labelled {category} by the {DatabaseLabels.OriginOf(column.DatabaseLabel!)}, {byName}";
        }
    }

    /// <summary>What the inventory records of an annotation entry (a column's or a JSON path's): its category, reason
    /// and where it is written.</summary>
    private AnnotationRef Reference(string? category, string? reason, AnnotationLocation location) => new()
    {
        DataCategory = category,
        Reason = reason,
        File = DisplayPath(location.File),
        Line = location.Line,
        Column = location.Column,
    };

    private void ApplyAnnotation(ColumnEntry column, ColumnAnnotation annotation)
    {
        column.Annotation = Reference(annotation.Category, annotation.Reason, annotation.Location);
        column.Annotation.Retention = annotation.Retention;
        column.Annotation.SharedWith = annotation.SharedWith.Count == 0 ? null : [.. annotation.SharedWith];
        if (annotation.Category is not { } category) return; // an entry without a category never tags (C06)
        column.DataCategory = category;
        column.Confidence = 1;
        column.Origin = Origin.Annotation;
        column.Status = ColumnStatus.Tagged;
        column.Conflict = null; // the annotation overrides a database label, and that label's conflict with it
        if (annotation.Reason is not null) return; // reviewed decision: evidence is kept in Classification, not re-raised
        if (Contradiction(column.Classification, category) is { } evidence)
        {
            column.Status = ColumnStatus.Conflict;
            column.Conflict = $"annotated {category}, but {evidence.Matched}/{evidence.Total} non-null sampled values are " +
                              $"{Suggestions.Noun(evidence.DataCategory!)} ({evidence.Id})";
        }
        else if (SensitiveNameContradiction(column.Classification, category) is { } byName)
        {
            column.Status = ColumnStatus.Conflict;
            column.Conflict = $"annotated {category}, {byName}";
        }
    }

    /// <summary>The second half of a conflict message when a name rule contradicts a <c>none</c> given to a column of a
    /// special category, national id or date of birth (<see cref="ContradictingEvidence.SensitiveName"/>), or null:
    /// <c>but its name reads as health data (GDPR Art. 9) (name.en.health, suggested other_personal.health at 0.89) and no
    /// value test can refute it</c>. Names the rule and the confidence, never a value.</summary>
    private string? SensitiveNameContradiction(ColumnClassification? classification, string annotated) =>
        ContradictingEvidence.SensitiveName(classification, annotated, _options.SensitiveNameConfidence) is { } rule
            ? $"but its name reads as {Suggestions.Noun(rule.DataCategory!)} ({rule.Id}, suggested {rule.DataCategory} at " +
              $"{classification!.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}) and no value test can refute it"
            : null;

    /// <summary>What an engine that hides ungranted objects does, for stale messages.</summary>
    private const string HiddenObjects = "MySQL, MariaDB and SQL Server list only the tables and columns the user holds a privilege on";

    /// <summary>True for a provider whose catalog lists only the objects the connected user holds some privilege on
    /// (MySQL/MariaDB <c>information_schema</c>; SQL Server metadata visibility), so that a table or column missing from
    /// its inventory may be there, hidden from the scanner. Sources: MySQL Reference Manual "INFORMATION_SCHEMA Usage
    /// Notes"; SQL Server "Metadata visibility configuration".</summary>
    /// <param name="provider">The source's provider name (<c>mysql</c>, <c>sqlserver</c>, …).</param>
    internal static bool HidesUngrantedObjects(string? provider) => provider is "mysql" or "mariadb" or "sqlserver";

    /// <summary>The column a stale entry was most likely renamed to when no name is alike: the only column without an
    /// entry of its own whose classification gives the entry's personal category (a column's category travels with its
    /// data, its name does not; the same hint as <c>diff</c>'s "renamed from"). Null when the entry names no personal
    /// category, or when no column or more than one fits (two candidates are a guess, not a hint).</summary>
    /// <param name="category">The stale entry's category, or null.</param>
    /// <param name="unannotated">The table's columns that have no entry of their own.</param>
    private static string? SameCategory(string? category, IReadOnlyList<ColumnEntry> unannotated)
    {
        if (!Inventory.Rules.Policy.DataCategoryVocabulary.IsPersonal(category)) return null;
        var fits = unannotated.Where(c => c.Classification?.DataCategory == category).Select(c => c.Name).Take(2).ToList();
        return fits.Count == 1 ? fits[0] : null;
    }

    /// <summary>The path entries of a column annotation that name no path the scan saw in the column's documents. Not
    /// judged when the column was not sampled or held no value (the scan did not look).</summary>
    private static IEnumerable<StaleAnnotation> StalePaths(TableAnnotation table, ColumnAnnotation column, ColumnEntry entry)
    {
        if (column.Paths.Count == 0 || entry.NotSampled is not null || entry.Stats.NonNull == 0) yield break;
        var summary = entry.Classification?.JsonPaths;
        var seen = summary?.Named.Select(p => p.Path).ToHashSet(StringComparer.Ordinal) ?? [];
        var annotated = column.Paths.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in column.Paths.Where(p => !seen.Contains(p.Path)))
        {
            var suggestion = Closest.FindName(path.Path, seen.Where(p => !annotated.Contains(p)));
            var message = summary is null
                ? $"path '{path.Path}' of column '{column.Name}': the sampled values hold no JSON objects, so the column has no paths; remove the entry or annotate the column"
                : suggestion is not null
                    ? $"path '{path.Path}' is not among the paths the scan found in column '{column.Name}'; renamed to '{suggestion}'?"
                    : $"path '{path.Path}' is not among the paths the scan found in column '{column.Name}' (a key renamed or dropped, or in fewer than a fifth of the sampled documents); remove or rename the entry";
            if (summary is { Truncated: true })
                message += " (the scan stopped at its JSON limits, so the path may lie beyond them)";
            yield return new StaleAnnotation(StaleKind.PathMissing, table.Source, table.Table, column.Name, message, suggestion, path.Location);
        }
    }

    /// <summary>Applies a column's path annotations to its <see cref="ColumnEntry.Paths"/>, then, when the column's own
    /// entry gives no category and its category is the ranking of its paths (<see cref="JsonColumnDerivation.PathRanking"/>),
    /// derives the column's category from the effective path categories with the same ranking (C28: financial &gt;
    /// contact &gt; other_personal &gt; automatic &gt; customer_content &gt; none; within the best rank, the category of
    /// the path held by the most sampled documents, then the first path in ordinal order, so every engine's key order
    /// gives the same answer). The column is tagged (origin annotation) only when every path the scan named is annotated with a
    /// category and no category was found at a path that cannot be named; otherwise the derived category stays a
    /// suggestion with the classification's origin and confidence.</summary>
    private void ApplyPathAnnotations(ColumnEntry column, ColumnAnnotation annotation)
    {
        if (annotation.Paths.Count == 0 || column.Paths is not { } paths || column.Classification?.JsonPaths is not { } summary) return;
        var conflicts = new List<string>();
        foreach (var pathAnnotation in annotation.Paths)
        {
            var entry = paths.FirstOrDefault(p => p.Path == pathAnnotation.Path);
            if (entry is null) continue; // stale: reported by StalePaths
            entry.Annotation = Reference(pathAnnotation.Category, pathAnnotation.Reason, pathAnnotation.Location);
            if (pathAnnotation.Category is not { } category) continue;
            entry.DataCategory = category;
            entry.Origin = Origin.Annotation;
            if (pathAnnotation.Reason is null && summary.Named.FirstOrDefault(p => p.Path == entry.Path) is { } found
                && PathContradiction(found, category) is { } evidence)
                conflicts.Add(evidence);
        }

        if (annotation.Category is null && summary.Derivation == JsonColumnDerivation.PathRanking)
        {
            var documents = summary.Named.ToDictionary(p => p.Path, p => p.Documents, StringComparer.Ordinal);
            var derived = JsonPathText.MostIdentifying(paths.Where(p => p.DataCategory is not null)
                .Select(p => (Category: p.DataCategory!, Documents: documents.GetValueOrDefault(p.Path), p.Path))
                .Concat(summary.Unnamed.Select(c => (Category: c, Documents: 0, Path: ""))));
            if (derived is null) return;
            bool covered = paths.Count > 0 && paths.All(p => p.Annotation?.DataCategory is not null) && summary.Unnamed.Count == 0;
            // A database label is a human decision about the whole column: only a full set of path annotations overrides it.
            if (!covered && column.Origin == Origin.DatabaseLabel) return;
            column.DataCategory = derived;
            if (covered)
            {
                column.Confidence = 1;
                column.Origin = Origin.Annotation;
                column.Status = ColumnStatus.Tagged;
                column.Conflict = null;
            }
            else
            {
                column.Origin = column.Classification.Origin;
                column.Confidence = column.Classification.DataCategory is null ? 0 : column.Classification.Confidence;
                if (column.Status == ColumnStatus.Untagged) column.Status = ColumnStatus.Suggested;
            }
        }
        // A contradicted path puts a tagged column in conflict, as a contradicted column annotation does.
        if (conflicts.Count > 0 && column.Status is ColumnStatus.Tagged or ColumnStatus.Conflict)
        {
            column.Conflict = string.Join("; ", conflicts.Prepend(column.Status == ColumnStatus.Conflict ? column.Conflict : null).OfType<string>());
            column.Status = ColumnStatus.Conflict;
        }
    }

    /// <summary>The conflict text when the detector evidence at a path contradicts its annotated category (same ratio
    /// and minimum as for columns), or null.</summary>
    private string? PathContradiction(JsonPathFinding found, string annotated)
    {
        if (found is not { DataCategory: { } category, Id: { } id, Matched: { } matched, Total: { } total }) return null;
        if (DataCategory.TopLevelOf(category) == DataCategory.TopLevelOf(annotated)) return null;
        if (total < Math.Max(1, _options.ConflictMinValues) || (double)matched / total < _options.ConflictRatio) return null;
        return $"path {found.Path} annotated {annotated}, but {matched}/{total} values at this path are {Suggestions.Noun(category)} ({id})";
    }

    private EvidenceItem? Contradiction(ColumnClassification? classification, string annotated)
    {
        return ContradictingEvidence.Against(classification, annotated)
            .FirstOrDefault(e => e.Total >= Math.Max(1, _options.ConflictMinValues) && (double)e.Matched!.Value / e.Total!.Value >= _options.ConflictRatio);
    }

    /// <summary>A declared type as <c>type:</c> is compared: trimmed, lower case, single spaces.</summary>
    internal static string Normalize(string type) =>
        string.Join(' ', type.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
