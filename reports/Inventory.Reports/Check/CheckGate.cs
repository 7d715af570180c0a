using System.Globalization;
using System.Text.Json;
using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Reports.Check;

/// <summary>
/// The CI gate. In scope: every column of every controller source (processor sources hold customer-owned data and are
/// recorded at system level only). A column counts as tagged when its own annotation entry has a category, when the
/// database labels it, or when its classification reaches <see cref="CheckOptions.AcceptClassificationAbove"/>; a
/// table-level default never counts (C06), and zero evidence never passes (C07: an empty or all-NULL column is untagged).
/// </summary>
public static class CheckGate
{
    /// <summary>Evaluates the gate on an inventory that went through <see cref="AnnotationMerger.Apply"/>.</summary>
    /// <param name="document">The merged inventory.</param>
    /// <param name="options">Thresholds, strictness, baseline, stale annotations and load errors.</param>
    /// <returns>Findings sorted by source, table, column, kind (ordinal) and the in-scope columns.</returns>
    public static CheckResult Evaluate(InventoryDocument document, CheckOptions options)
    {
        var failOn = new HashSet<FindingKind>(options.FailOn);
        if (options.Strict) { failOn.Add(FindingKind.Conflict); failOn.Add(FindingKind.Stale); failOn.Add(FindingKind.Missing); failOn.Add(FindingKind.TransferWithoutSafeguard); }
        var scoped = document.Sources.Where(s => s.Role != ProcessingRole.Processor).ToArray();
        bool multiSource = scoped.Length > 1;
        var annotationsDir = AnnotationMerger.DisplayPath(Path.Combine(options.PathBase, options.AnnotationsDirectory), options.PathBase);

        var invalidEntries = InvalidCategoryEntries(options);
        // Files with an annotation error: a table with no annotation whose own file is among them was not annotated
        // because that file could not be applied.
        var unreadableFiles = options.AnnotationErrors.Where(e => e.File is not null).Select(e => FullPath(e.File!, options.PathBase))
            .ToHashSet(StringComparer.Ordinal);
        // Entries whose table is in no scanned source but close to one that is (a typo, a rename): that table's untagged
        // columns name the entry, since "no annotation" alone sent the engineer looking for a file that exists (trial30).
        var misnamed = options.Stale.Where(x => x.Kind == StaleKind.TableMissing && x.Suggestion is not null)
            .GroupBy(x => (x.Source, Table: x.Suggestion!)).ToDictionary(g => g.Key, g => g.First());
        var findings = new List<CheckFinding>();
        var columns = new List<CheckedColumn>();
        foreach (var source in scoped)
        foreach (var table in source.Tables)
        foreach (var column in table.Columns)
        {
            var key = Key(multiSource ? source.Name : null, table.QualifiedName, column.Name);
            bool accepted = column.CountsAsTagged(options.AcceptClassificationAbove);
            columns.Add(new CheckedColumn(source.Name, table.QualifiedName, column.Name, key, column.DataCategory,
                GateStatus.Of(column, options.AcceptClassificationAbove), accepted));
            var suggestion = Suggestions.Describe(column.Classification);
            if (column.Status == ColumnStatus.Conflict)
            {
                findings.Add(new CheckFinding
                {
                    Kind = FindingKind.Conflict, Source = source.Name, Table = table.QualifiedName, Column = column.Name, Key = key,
                    AnnotatedCategory = column.DataCategory,
                    Message = column.Conflict ?? $"annotated {column.DataCategory}, contradicted by the evidence",
                    Suggestion = column.Origin == Origin.DatabaseLabel
                        ? (suggestion is null ? "" : $"evidence suggests {suggestion}; ")
                          + "fix the label in the database, or annotate the column (with a reason to confirm the label's category)"
                        : suggestion is null ? null : $"evidence suggests {suggestion}; fix the category or add a reason to confirm it",
                    Location = column.Origin == Origin.DatabaseLabel && column.DatabaseLabel is { } label
                        ? FindingLocation.InDatabase(DatabaseLabels.OriginOf(label)) with { Anchor = AnnotationLocation(document, column, table, source, annotationsDir, options.PathBase) }
                        : AnnotationLocation(document, column, table, source, annotationsDir, options.PathBase),
                });
            }
            else if (!accepted)
            {
                var location = table.AnnotationFile is { } file && invalidEntries.TryGetValue((file, column.Name), out var dropped)
                    // The entry the loader dropped (an unknown category, a key given twice): its own line and column.
                    ? new FindingLocation(file, Math.Max(1, dropped.Line), Math.Max(0, dropped.Column), File.Exists(Path.Combine(options.PathBase, file)))
                    : AnnotationLocation(document, column, table, source, annotationsDir, options.PathBase);
                // The table's own file exists but could not be read (a tab, an unclosed bracket): the reason names it
                // rather than "no annotation" (trial36 finding 10: a dozen such lines for tables whose file was there).
                var unreadOwnFile = table.AnnotationFile is null && column.Annotation is null && location.Exists
                    && unreadableFiles.Contains(FullPath(location.File, options.PathBase)) ? location.File : null;
                var message = UntaggedReason(column, table, source.DefaultSchema, options.AcceptClassificationAbove, invalidEntries,
                    misnamed.GetValueOrDefault((source.Name, table.QualifiedName)) ?? misnamed.GetValueOrDefault((null, table.QualifiedName)), unreadOwnFile, options.PathBase);
                findings.Add(new CheckFinding
                {
                    Kind = FindingKind.Untagged, Source = source.Name, Table = table.QualifiedName, Column = column.Name, Key = key,
                    Message = message,
                    Suggestion = suggestion is null ? "no suggestion" : $"suggested: {suggestion}",
                    Location = location,
                });
            }
        }

        foreach (var stale in options.Stale)
        {
            var source = multiSource ? stale.Source : null;
            findings.Add(new CheckFinding
            {
                Kind = FindingKind.Stale, Source = stale.Source, Table = stale.Table, Column = stale.Column,
                Key = stale.Column is null ? Key(source, stale.Table, null) : Key(source, stale.Table, stale.Column),
                Message = stale.Message,
                // The message states the fact and the likely new name ("renamed to 'x'?"); the suggestion is the action,
                // without repeating the name.
                Suggestion = stale.Suggestion is null ? null : stale.Kind switch
                {
                    StaleKind.TypeChanged => $"type: {stale.Suggestion}",
                    StaleKind.TableMissing => "update 'table:'",
                    StaleKind.SourceMissing => "update 'source:'",
                    _ => "rename the entry",
                },
                Location = new FindingLocation(AnnotationMerger.DisplayPath(stale.Location.File, options.PathBase), stale.Location.Line, stale.Location.Column, true),
            });
        }
        // What the baseline held and this scan does not (a dropped table, or one hidden by lost grants: trial35 finding 6).
        // A sharded scan holds only its slice, so it is not compared.
        if (options.Baseline is { } baseline && document.Shard is null)
            foreach (var gone in baseline.Missing(scoped, scoped.Length))
            {
                var source = multiSource ? gone.Source : null;
                findings.Add(new CheckFinding
                {
                    Kind = FindingKind.Missing, Source = gone.Source, Table = gone.Table, Column = gone.Column,
                    Key = Key(source, gone.Table, gone.Column),
                    Message = gone.Column is null
                        ? $"table '{gone.Table}' ({CountWording.Phrase(gone.Columns, "column", "columns")}) was in the baseline and is not in this scan: dropped, renamed, excluded, or hidden from the scanning user"
                          + RenameHint(gone)
                        : $"column '{gone.Column}' of '{gone.Table}' was in the baseline and is not in this scan: dropped, renamed, or hidden from the scanning user (a column privilege)"
                          + RenameHint(gone),
                    Suggestion = "check the scanner's grants (MySQL and MariaDB list only what the user may read); after a deliberate drop, take a new baseline",
                    Location = baseline.FilePath is { } file
                        ? new FindingLocation(AnnotationMerger.DisplayPath(file, options.PathBase), 1, 0, File.Exists(file))
                        : new FindingLocation(annotationsDir, 1, 0, true),
                });
            }
        foreach (var error in options.AnnotationErrors)
            findings.Add(InvalidAnnotation(error, annotationsDir, options.PathBase));
        // Claim findings name their column as every other finding does (source/ prefix when several sources are in scope).
        // Tables looked up by name through one index (was a scan of the sources' tables per claim finding and scan issue).
        var lookup = new Lazy<TableLookup>(() => new TableLookup(document));
        findings.AddRange(options.ExtraFindings.Select(f => f.Kind == FindingKind.ClaimViolated && f.Source is not null
            ? f with { Key = Key(multiSource ? f.Source : null, f.Table, f.Column), Location = Anchored(f, document, lookup.Value, annotationsDir, options.PathBase) }
            : f));

        var result = findings
            .Select(f =>
            {
                bool baselined = options.Baseline is { } b && f.Column is not null
                                 && b.Excuses(f.Source, f.Table, f.Column, f.Kind, f.Kind == FindingKind.Conflict ? f.AnnotatedCategory : null);
                return f with { Baselined = baselined, Failing = !baselined && failOn.Contains(f.Kind) };
            })
            .OrderBy(f => f.Source ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Table, StringComparer.Ordinal)
            .ThenBy(f => f.Column ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Kind)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.Location.Column)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ToArray();
        var fleet = new FleetSummary(document);
        return new CheckResult
        {
            Findings = result,
            // Over a fleet the text output says a finding once with its places; the other formats keep every location.
            Lines = FindingLines.Of(document, result),
            Columns = columns.OrderBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Table, StringComparer.Ordinal)
                .ThenBy(c => c.Column, StringComparer.Ordinal).ToArray(),
            ScanComplete = document.Complete,
            ScanIssues = document.Issues.Select(i => new CheckScanIssue(i.Table is null ? i.Source : Key(multiSource ? i.Source : null, i.Table, i.Column), i)
            {
                Anchor = IssueAnchor(document, lookup.Value, i, annotationsDir, options.PathBase),
            }).ToArray(),
            Tool = document.Tool,
            UsedBaseline = options.Baseline is not null,
            Claims = options.Claims,
            ClaimLines = options.Claims.Select(c => CheckWriters.ClaimLine(c, fleet)).ToArray(),
            AnnotatedTablesNotScanned = options.Stale.Where(s => s.Kind == StaleKind.TableMissing).Select(s => (s.Source, s.Table)).Distinct().Count(),
            ReportOnlyAt = options.Strict ? null : options.ReportOnlyAt,
            AcceptClassificationAbove = options.AcceptClassificationAbove,
        };
    }

    /// <summary>The <c>invalid-annotation</c> finding of an annotation file error: its key is the error's place,
    /// <c>file:line:column</c>, the file shown relative to <paramref name="pathBase"/> (<c>../</c> when outside it,
    /// <see cref="AnnotationMerger.DisplayPath(string, string)"/>), so text, GitHub and SARIF output point at the exact
    /// spot; an error without a file points at the annotations folder.</summary>
    /// <param name="error">The error (a file's, or an unknown policy id's).</param>
    /// <param name="annotationsDirectory">The annotations folder as shown, for an error without a file.</param>
    /// <param name="pathBase">The folder paths are shown relative to (the working directory).</param>
    /// <returns>The finding.</returns>
    public static CheckFinding InvalidAnnotation(AnnotationError error, string annotationsDirectory, string pathBase)
    {
        var file = error.File is null ? annotationsDirectory : AnnotationMerger.DisplayPath(error.File, pathBase);
        var location = new FindingLocation(file, Math.Max(1, error.Line), error.Line > 0 ? Math.Max(0, error.Column) : 0, error.File is not null && File.Exists(error.File));
        return new CheckFinding
        {
            Kind = FindingKind.InvalidAnnotation, Table = file, Key = location.ToString(),
            Message = error.Reason,
            Location = location,
        };
    }

    /// <summary>"; renamed to 'x'?" for a gone table or column with a likely new name (the stale finding's wording), else "".</summary>
    private static string RenameHint(CheckBaseline.Gone gone) => gone.RenamedTo is { } to ? $"; renamed to '{to}'?" : "";

    private static string FullPath(string file, string pathBase) => Path.GetFullPath(Path.Combine(pathBase, file));

    /// <summary>The display key of a column: <c>table.column</c>, prefixed by <c>source/</c> when given (the
    /// <c>source/table.column</c> form of the reports, claims, diff and scan issues).</summary>
    /// <param name="source">Source name, or null.</param>
    /// <param name="table">Qualified table name.</param>
    /// <param name="column">Column name, or null for the table itself.</param>
    public static string Key(string? source, string table, string? column) =>
        $"{(source is null ? "" : source + "/")}{table}{(column is null ? "" : "." + column)}";

    private static string UntaggedReason(ColumnEntry column, TableEntry table, string defaultSchema, AcceptanceThresholds? threshold, Dictionary<(string File, string Column), AnnotationError> invalid,
        StaleAnnotation? misnamed, string? unreadOwnFile, string pathBase)
    {
        var why = column.Annotation is not null ? "annotation entry has no category" + PathGap(column)
            : table.AnnotationFile is not null && invalid.TryGetValue((table.AnnotationFile, column.Name), out var error)
                ? error.Kind switch
                {
                    AnnotationErrorKind.DuplicateKey => "entry given twice, so neither applies (see the invalid-annotation finding)",
                    AnnotationErrorKind.UnknownCategory => "entry has an invalid category (see the invalid-annotation finding)",
                    AnnotationErrorKind.UnknownKey => "entry has an unknown key, so it is not applied (see the invalid-annotation finding)",
                    _ => "entry has an invalid value, so it is not applied (see the invalid-annotation finding)",
                }
            : table.AnnotationFile is not null ? "no entry in the table's annotation"
            : misnamed is not null
                ? $"no annotation; the entry for table '{misnamed.Table}' ({AnnotationMerger.DisplayPath(misnamed.Location.File, pathBase)}:{misnamed.Location.Line}) matches no table: meant for this one?"
            : unreadOwnFile is not null
                ? $"its annotation file {unreadOwnFile} could not be read, so nothing in it applies (see the invalid-annotation finding)"
            : "no annotation";
        if (column.Status == ColumnStatus.Suggested && threshold?.For(column.DataCategory) is { } t && column.Confidence < t)
            why += $"; classification confidence {ConfidenceText.Format(column.Confidence)} is below {threshold.TextFor(column.DataCategory)}"
                + (threshold.IsUniform ? "" : $", the acceptance threshold of {column.DataCategory}");
        else if (column.Status == ColumnStatus.Suggested && threshold is { IsUniform: false } && threshold.For(column.DataCategory) is null)
            why += $"; the acceptance thresholds name no {column.DataCategory} and no default: its suggestions need an annotation";
        if (column.Origin == Origin.Lineage && column.ReadsFrom is { } of)
            // A view column whose base column is only suggested carries that suggestion (ViewLineage): tag the base.
            // Named as every other finding names a table: without the source's default schema (or database), so a
            // one-database MySQL scan no longer says 'shop.customers.id' here and 'customers.id' elsewhere (trial35 finding 13).
            why += $"; a view of {of.Display(defaultSchema)}, whose category is only suggested: tag that column and this one inherits it";
        var notSampled = column.NotSampled ?? table.NotSampled;
        if (column.Classification?.DataCategory is not null && notSampled is NotSampledReason.Binary && column.Stats.SampledRows > 0)
            // Binary values are measured, never decoded (trial36: "from its name and type alone" beside length evidence).
            why += "; binary: classified from its name, its type and the sampled values' lengths (never decoded)";
        else if (column.Classification?.DataCategory is not null && notSampled is { } unread)
            // The suggestion printed beside it rests on the name and type alone: say so, as `annotate` does in its stubs.
            why += $"; not sampled ({JsonNamingPolicy.KebabCaseLower.ConvertName(unread.ToString())}): classified from its name and type alone";
        else if (column.Classification?.DataCategory is not null && column.Stats.SampledRows > 0 && column.Stats.NonNull == 0)
            why += "; all sampled values NULL: classified from its name and type alone";
        if (column.Classification?.DataCategory is null)
        {
            if (notSampled is { } reason)
                why += $"; no data sampled ({JsonNamingPolicy.KebabCaseLower.ConvertName(reason.ToString())})";
            else if (column.Stats.SampledRows > 0 && column.Stats.NonNull == 0)
                why += "; all sampled values NULL";
        }
        return why;
    }

    /// <summary>For a JSON document column whose entry gives no category: why its paths do not tag it yet (C28), as
    /// <c>; 2 of 7 JSON paths have no category: $.a, $.b</c>; empty for any other column.</summary>
    private static string PathGap(ColumnEntry column)
    {
        if (column.Paths is not { } paths || column.Classification?.JsonPaths is not { } summary) return "";
        if (summary.Derivation != JsonColumnDerivation.PathRanking)
            return summary.Derivation == JsonColumnDerivation.ColumnName
                ? "; its category comes from the column's name, not from its JSON paths: give the column a category"
                : "; its documents are written by users (keys change from row to row): give the column a category";
        var gap = "";
        var missing = paths.Where(p => p.Annotation?.DataCategory is null).Select(p => p.Path).ToArray();
        if (missing.Length > 0)
            gap += $"; {missing.Length} of {paths.Count} JSON paths have no category: {string.Join(", ", missing.Take(5))}{(missing.Length > 5 ? ", …" : "")}";
        if (summary.Unnamed.Count > 0)
            gap += $"; {string.Join(", ", summary.Unnamed.Select(DataCategory.TopLevelOf).Distinct())} found at paths that cannot be named (keys that are data): give the column a category";
        return gap;
    }

    /// <summary>Column entries dropped by the loader for an error of their own (an unknown category, key or value, a key
    /// given twice):
    /// (annotation file as displayed, column name) → the error (its kind and place), from the loader's structured errors.</summary>
    private static Dictionary<(string File, string Column), AnnotationError> InvalidCategoryEntries(CheckOptions options)
    {
        var entries = new Dictionary<(string File, string Column), AnnotationError>();
        foreach (var e in options.AnnotationErrors)
            if (e.File is not null && e.ColumnName is not null)
                entries.TryAdd((AnnotationMerger.DisplayPath(e.File, options.PathBase), e.ColumnName), e);
        return entries;
    }

    /// <summary>A claim finding's location, anchored (<see cref="FindingLocation.Anchor"/>) on the annotation of its table
    /// or column when the location is not a file (the built-in policy chosen by <c>--policy builtin</c>).</summary>
    private static FindingLocation Anchored(CheckFinding finding, InventoryDocument document, TableLookup lookup, string annotationsDir, string pathBase)
    {
        if (finding.Location.Physical || finding.Location.Anchor is not null) return finding.Location;
        var (source, table) = lookup.Find(finding.Source, finding.Table);
        if (source is null || table is null) return finding.Location;
        var column = finding.Column is null ? null : table.Columns.FirstOrDefault(c => c.Name == finding.Column);
        return finding.Location with
        {
            Anchor = column is not null ? AnnotationLocation(document, column, table, source, annotationsDir, pathBase)
                : table.AnnotationFile is { } file ? new FindingLocation(file, 1, 0, File.Exists(Path.Combine(pathBase, file)))
                : StubLocation(document, table, source, annotationsDir, pathBase),
        };
    }

    /// <summary>Where a scan issue about a table is shown in CI: the table's annotation file (the entry of its column when
    /// there is one), or the file <c>annotate</c> would create; null for a source-level issue or a table not in the inventory.</summary>
    private static FindingLocation? IssueAnchor(InventoryDocument document, TableLookup lookup, Catalog.ScanIssue issue, string annotationsDir, string pathBase)
    {
        var (source, table) = lookup.Find(issue.Source, issue.Table);
        if (source is null || table is null) return null;
        var column = issue.Column is null ? null : table.Columns.FirstOrDefault(c => c.Name == issue.Column);
        return column is not null ? AnnotationLocation(document, column, table, source, annotationsDir, pathBase)
            : table.AnnotationFile is { } file ? new FindingLocation(file, 1, 0, File.Exists(Path.Combine(pathBase, file)))
            : StubLocation(document, table, source, annotationsDir, pathBase);
    }

    /// <summary>The document's sources by name and each source's tables by qualified name, the first of each name as a
    /// scan of the lists finds it: built once per check, so anchoring thousands of claim findings and scan issues reads
    /// no list per item.</summary>
    private sealed class TableLookup(InventoryDocument document)
    {
        private readonly Dictionary<string, (Model.SourceEntry Source, Dictionary<string, TableEntry> Tables)> _sources = Index(document);

        private static Dictionary<string, (Model.SourceEntry, Dictionary<string, TableEntry>)> Index(InventoryDocument document)
        {
            var sources = new Dictionary<string, (Model.SourceEntry, Dictionary<string, TableEntry>)>(StringComparer.Ordinal);
            foreach (var source in document.Sources)
            {
                if (sources.ContainsKey(source.Name)) continue;
                var tables = new Dictionary<string, TableEntry>(StringComparer.Ordinal);
                foreach (var table in source.Tables) tables.TryAdd(table.QualifiedName, table);
                sources[source.Name] = (source, tables);
            }
            return sources;
        }

        /// <summary>The source of that name and its table of that qualified name; either is null when absent (the table
        /// also when <paramref name="table"/> is null).</summary>
        public (Model.SourceEntry? Source, TableEntry? Table) Find(string? source, string? table) =>
            source is not null && _sources.TryGetValue(source, out var held)
                ? (held.Source, table is not null && held.Tables.TryGetValue(table, out var entry) ? entry : null)
                : (null, null);
    }

    private static FindingLocation StubLocation(InventoryDocument document, TableEntry table, Model.SourceEntry source, string annotationsDir, string pathBase,
        ColumnEntry? column = null)
    {
        // The file annotate writes for it: over a fleet, the shared stub where the tenants' tables are alike (trial35 finding 13).
        var create = $"{annotationsDir.TrimEnd('/')}/{AnnotationStubs.FileNameFor(document, source, table.QualifiedName, column)}";
        return new FindingLocation(create, 1, 0, File.Exists(Path.Combine(pathBase, create)));
    }

    private static FindingLocation AnnotationLocation(InventoryDocument document, ColumnEntry column, TableEntry table, Model.SourceEntry source,
        string annotationsDir, string pathBase)
    {
        // The entry's own line and column (its key) when there is one; the file's first line, column unknown (0), for a
        // column without an entry or a file to create: no column is claimed that the file does not have.
        if (column.Annotation is { } a)
            return new FindingLocation(a.File, Math.Max(1, a.Line), Math.Max(0, a.Column), File.Exists(Path.Combine(pathBase, a.File)));
        if (table.AnnotationFile is { } f)
            return new FindingLocation(f, 1, 0, File.Exists(Path.Combine(pathBase, f)));
        return StubLocation(document, table, source, annotationsDir, pathBase, column);
    }
}

/// <summary>What one column looked like in the baseline run: the finding it had (untagged or conflict; null when it had
/// none) and, for a conflict, the category its annotation (or database label) gave.</summary>
/// <param name="Source">Source name.</param>
/// <param name="Table">Qualified table name.</param>
/// <param name="Column">Column name.</param>
/// <param name="Finding"><see cref="FindingKind.Untagged"/>, <see cref="FindingKind.Conflict"/>, or null for a tagged
/// (or accepted) column.</param>
/// <param name="AnnotatedCategory">The annotated category of a conflict; null otherwise.</param>
public sealed record BaselineColumn(string Source, string Table, string Column, FindingKind? Finding, string? AnnotatedCategory);

/// <summary>The columns of an earlier run: the findings they already had are known gaps and do not fail the gate, so only
/// new gaps do. A finding is excused only when the baseline records the same finding for the column: an untagged column
/// that was untagged then, a conflict that was a conflict then <b>with the same annotated category</b>. So a wrong
/// annotation written after the baseline (an e-mail column annotated <c>none</c>) or changed since still fails, and a
/// column tagged then and untagged now is not excused. Read from an inventory JSON (every column, its saved status and
/// category) or a check-result JSON written by <c>check --format json</c> (every in-scope column: status and category).</summary>
public sealed class CheckBaseline
{
    private readonly Dictionary<(string Source, string Table, string Column), BaselineColumn> _columns;
    private readonly Dictionary<(string Table, string Column), BaselineColumn> _anySource;
    private readonly bool _singleSource;

    /// <summary>Creates a baseline of columns that were all untagged (nothing annotated yet).</summary>
    /// <param name="columns">(source, qualified table, column) triples.</param>
    public CheckBaseline(IEnumerable<(string Source, string Table, string Column)> columns)
        : this(columns.Select(c => new BaselineColumn(c.Source, c.Table, c.Column, FindingKind.Untagged, null)))
    {
    }

    /// <summary>Creates a baseline from what each column looked like.</summary>
    /// <param name="columns">One entry per column; a repeated column keeps its last entry.</param>
    public CheckBaseline(IEnumerable<BaselineColumn> columns)
    {
        _columns = [];
        foreach (var c in columns) _columns[(c.Source, c.Table, c.Column)] = c;
        _anySource = [];
        foreach (var c in _columns.Values) _anySource[(c.Table, c.Column)] = c;
        _singleSource = _columns.Keys.Select(c => c.Source).Distinct().Count() <= 1;
    }

    /// <summary>Number of columns in the baseline.</summary>
    public int Count => _columns.Count;

    /// <summary>The file the baseline was read from, or null when built in code.</summary>
    public string? FilePath { get; private set; }

    /// <summary>A table (Column null, with its baseline column count) or a column of the baseline that is not in the scan,
    /// with the table or column it was likely renamed to (<paramref name="RenamedTo"/>, a hint; null when none fits).</summary>
    public sealed record Gone(string Source, string Table, string? Column, int Columns, string? RenamedTo = null);

    /// <summary>The tables and columns of the baseline that the scanned sources no longer hold: a whole table once, with
    /// its column count; a column of a table still there, each. A one-source baseline is compared with the only scanned
    /// source; otherwise a baseline source is compared with the scanned source of that name, and a source the scan does
    /// not hold (not configured, or not reached: a scan issue) is not compared.</summary>
    /// <param name="scanned">The scanned controller sources of a whole (not sharded) scan.</param>
    /// <param name="scopedCount">How many controller sources the inventory holds (sharded ones included).</param>
    /// <returns>In baseline order of source, table, column (ordinal).</returns>
    public IEnumerable<Gone> Missing(IReadOnlyList<SourceEntry> scanned, int scopedCount)
    {
        var bySource = scanned.ToDictionary(s => s.Name, StringComparer.Ordinal);
        foreach (var table in _columns.Values.GroupBy(c => (c.Source, c.Table)).OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Table, StringComparer.Ordinal))
        {
            var source = _singleSource && scopedCount == 1 && scanned.Count == 1 ? scanned[0] : bySource.GetValueOrDefault(table.Key.Source);
            if (source is null) continue;
            var entry = source.Tables.FirstOrDefault(t => t.QualifiedName == table.Key.Table);
            if (entry is null)
            {
                yield return new Gone(source.Name, table.Key.Table, null, table.Count(), TableRenamedTo(source, table.Key.Source, table.Key.Table, table.Select(c => c.Column).ToList()));
                continue;
            }
            // A column renamed since the baseline is one of the table's columns the baseline did not hold (trial38
            // finding 9), named as a stale entry's is (Closest.FindName: "renamed to 'mobile_phone'?").
            var added = entry.Columns.Select(c => c.Name).Where(n => Find(table.Key.Source, table.Key.Table, n) is null).ToList();
            foreach (var c in table.Where(c => !entry.Columns.Any(x => x.Name == c.Column)).OrderBy(c => c.Column, StringComparer.Ordinal))
                yield return new Gone(source.Name, table.Key.Table, c.Column, 1, Closest.FindName(c.Column, added));
        }
    }

    /// <summary>The table of the scan, absent from the baseline, that a gone baseline table was likely renamed to: among those
    /// holding at least half of its columns (a renamed table keeps its columns), the closest by name
    /// (<see cref="Closest.FindName"/>, as a stale annotation's table is hinted); failing that, the only one holding all of
    /// them (at least two), as <c>diff</c> matches a table renamed to a name nothing alike. Null when none fits.</summary>
    private string? TableRenamedTo(SourceEntry scanned, string baselineSource, string gone, IReadOnlyList<string> columns)
    {
        var candidates = scanned.Tables
            .Where(t => !_columns.Keys.Any(k => k.Table == t.QualifiedName && (_singleSource || k.Source == baselineSource)))
            .Where(t => t.Columns.Count(c => columns.Contains(c.Name, StringComparer.Ordinal)) * 2 >= columns.Count)
            .ToList();
        if (Closest.FindName(gone, candidates.Select(t => t.QualifiedName)) is { } byName)
            return byName;
        var holding = candidates.Where(t => columns.Count >= 2 && columns.All(c => t.Columns.Any(x => x.Name == c))).Take(2).ToList();
        return holding.Count == 1 ? holding[0].QualifiedName : null;
    }

    /// <summary>True when the column was in the baseline. A one-source baseline matches by table and column only.</summary>
    /// <param name="source">Source name, or null.</param>
    /// <param name="table">Qualified table name.</param>
    /// <param name="column">Column name.</param>
    public bool Contains(string? source, string table, string column) => Find(source, table, column) is not null;

    /// <summary>True when the baseline had this very finding on the column: the same kind and, for a conflict, the same
    /// annotated category.</summary>
    /// <param name="source">Source name, or null.</param>
    /// <param name="table">Qualified table name.</param>
    /// <param name="column">Column name.</param>
    /// <param name="kind">The finding's kind; only untagged and conflict findings can be excused.</param>
    /// <param name="annotatedCategory">For a conflict, the category the annotation (or label) gives now.</param>
    public bool Excuses(string? source, string table, string column, FindingKind kind, string? annotatedCategory) =>
        kind is FindingKind.Untagged or FindingKind.Conflict
        && Find(source, table, column) is { } then
        && then.Finding == kind
        && (kind != FindingKind.Conflict || string.Equals(then.AnnotatedCategory, annotatedCategory, StringComparison.Ordinal));

    private BaselineColumn? Find(string? source, string table, string column) =>
        _singleSource ? _anySource.GetValueOrDefault((table, column)) : _columns.GetValueOrDefault((source ?? "", table, column));

    /// <summary>Reads a baseline file.</summary>
    /// <param name="path">An inventory JSON or a check-result JSON.</param>
    /// <exception cref="ConfigurationException">Missing, malformed, or neither kind of file.</exception>
    public static CheckBaseline Read(string path)
    {
        var baseline = ReadColumns(path);
        baseline.FilePath = path;
        return baseline;
    }

    private static CheckBaseline ReadColumns(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException("baseline file not found", path);
        var text = File.ReadAllText(path);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"baseline is not valid JSON: {e.Message.Split(" Path:")[0]}", path,
                (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, e);
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
                && kind.GetString() == CheckJsonWriter.Kind)
            {
                if (!root.TryGetProperty("columns", out var cols) || cols.ValueKind != JsonValueKind.Array)
                    throw new ConfigurationException("check-result baseline has no 'columns' list", path);
                return new CheckBaseline(cols.EnumerateArray().Select(c =>
                {
                    var status = Str(c, "status");
                    FindingKind? finding = status switch
                    {
                        "conflict" => FindingKind.Conflict,
                        "tagged" or GateStatus.Accepted => null,
                        _ => FindingKind.Untagged,
                    };
                    return new BaselineColumn(Str(c, "source"), Str(c, "table"), Str(c, "column"), finding,
                        finding == FindingKind.Conflict && c.TryGetProperty("dataCategory", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);
                }));
            }
        }
        var document = InventoryJson.Deserialize(text, path);
        return new CheckBaseline(document.AllColumns().Select(x => new BaselineColumn(x.Source.Name, x.Table.QualifiedName, x.Column.Name,
            x.Column.Status switch
            {
                ColumnStatus.Conflict => FindingKind.Conflict,
                ColumnStatus.Tagged => null,
                _ => FindingKind.Untagged,
            },
            x.Column.Status == ColumnStatus.Conflict ? x.Column.DataCategory : null)));
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
}
