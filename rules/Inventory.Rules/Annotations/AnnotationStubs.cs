using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Yaml;

namespace Inventory.Annotations;

/// <summary>What <see cref="AnnotationStubs.Plan"/> does with one file.</summary>
public enum StubAction
{
    /// <summary>A new file for a table that has no annotation yet.</summary>
    Create,
    /// <summary>Entries appended to the end of an existing one-table file (existing lines untouched).</summary>
    Append,
    /// <summary>The table's annotation sits in a file that cannot be extended safely (several tables, flow style…): the
    /// missing entries go to a new file, commented out, for a human to move; it holds no YAML document, so it never
    /// duplicates the table.</summary>
    Pending,
}

/// <summary>One file to write.</summary>
/// <param name="Path">Full path.</param>
/// <param name="Action">Create, append or pending.</param>
/// <param name="Content">The whole new content of the file (for Append: the old text plus the new lines).</param>
/// <param name="Table">Qualified table name.</param>
/// <param name="Columns">Columns that get a stub entry, in ordinal order.</param>
public sealed record StubFile(string Path, StubAction Action, string Content, string Table, IReadOnlyList<string> Columns);

/// <summary>The processing activities a new stub lists for its <c>activity:</c> key: the configured policy's, in the
/// policy's order.</summary>
/// <param name="Policy">The policy as the stub names it: its path relative to the working directory (<c>policy.yml</c>), or
/// <c>policy.yml (built-in)</c>.</param>
/// <param name="Activities">The policy's activities.</param>
public sealed record StubActivities(string Policy, IReadOnlyList<Inventory.Rules.Policy.ProcessingActivity> Activities)
{
    /// <summary>The stub's comment lines: <c># activity: one id of policy.yml, or a list [id, id]:</c>, then one line per
    /// activity, <c>#   account-management: Account management</c>, a processor activity marked
    /// <c>(processor: customers' data)</c>; "" when the policy has no activity. Ids and names are the policy's own words,
    /// each on one line.</summary>
    public string CommentLines()
    {
        if (Activities.Count == 0) return "";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# activity: one id of {Suggestions.OneLine(Policy)}, or a list [id, id]:\n");
        foreach (var activity in Activities)
            text.Append(CultureInfo.InvariantCulture,
                $"#   {Suggestions.OneLine(activity.Id)}: {Suggestions.OneLine(activity.Name)}{(activity.IsProcessor ? " (processor: customers' data)" : "")}\n");
        return text.ToString();
    }
}

/// <summary>
/// Plans annotation stubs for the columns that have no annotation entry (and no database label): each entry has an empty
/// <c>category:</c> (a stub never tags a column), the declared <c>type:</c> (so a later type change shows as stale),
/// and the suggestion with its evidence as a comment (<c># suggested: contact.email (0.97) — detector.email 48/50</c>).
/// Existing entries and other files are never rewritten; a table already annotated in a one-table file gets its
/// missing entries appended (checked by re-reading the result); running the plan twice gives nothing the second time.
/// </summary>
public static partial class AnnotationStubs
{
    /// <summary>Plans the stub files.</summary>
    /// <param name="document">The inventory, after <see cref="AnnotationMerger.Apply"/> with <paramref name="existing"/>.</param>
    /// <param name="existing">The annotations already on disk.</param>
    /// <param name="outputDirectory">Folder for new files.</param>
    /// <param name="table">Only this qualified table name, or null for every table.</param>
    /// <param name="categories">Known categories, to re-read appended files; defaults to <see cref="KnownCategories.BuiltIn"/>.</param>
    /// <param name="notes">Comment lines a new stub of a table starts with, by qualified table name (the rename candidates
    /// of <see cref="TableRenames.Plan"/>), or null.</param>
    /// <param name="onlySource">Only the tables of this source (with <paramref name="table"/>: <c>annotate --table
    /// SOURCE/TABLE</c>, the name <c>check</c> prints over several sources), or null for every source.</param>
    /// <param name="activities">The configured policy's processing activities and the policy's name as the stub names it
    /// (<c>policy.yml</c>), or null without a policy: each new stub then lists the ids its <c>activity:</c> may take, with
    /// their names (trial46 finding L6: the engineer had to open the policy to find them).</param>
    /// <returns>Files to write, ordered by path; empty when every column already has an entry.</returns>
    public static IReadOnlyList<StubFile> Plan(InventoryDocument document, AnnotationSet existing, string outputDirectory, string? table = null,
        IKnownCategories? categories = null, IReadOnlyDictionary<string, string>? notes = null, string? onlySource = null,
        StubActivities? activities = null)
    {
        var activityLines = activities?.CommentLines() ?? "";
        categories ??= KnownCategories.BuiltIn;
        var outDir = System.IO.Path.GetFullPath(outputDirectory);
        var planned = new List<StubFile>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var annotations = TableNamePattern.Read(existing.Annotations);
        // Over a fleet one annotation (source-less, or a schema glob) applies to the same table in many places: its missing
        // entries are gathered once (the union, in the order first seen) and appended once (trial32 finding 12: one
        // "appended to" per tenant, and a later tenant's append could drop an earlier one's entries).
        var appends = new Dictionary<TableAnnotation, (SourceEntry Source, TableEntry Entry, List<ColumnEntry> Missing)>(ReferenceEqualityComparer.Instance);
        var places = new Dictionary<TableAnnotation, List<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)>>(ReferenceEqualityComparer.Instance);
        var unannotated = new List<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)>();
        foreach (var (source, entry) in document.AllTables())
        {
            if (source.Role == ProcessingRole.Processor) continue;
            if (table is not null && entry.QualifiedName != table) continue;
            if (onlySource is not null && source.Name != onlySource) continue;
            // Entries of less specific annotations count too: the merger layers them (TableNamePattern.Layer).
            var layers = TableNamePattern.Layers(annotations, source.Name, entry);
            var annotation = layers.FirstOrDefault();
            var annotated = layers.SelectMany(a => a.Columns.Select(c => c.Name)).ToHashSet(StringComparer.Ordinal);
            // A view column that shows a base column as it is takes that column's label (ViewLineage): the base column's
            // entry is the one to write, so the view's gets no stub (lineage34: stubs were written for both).
            var missing = entry.Columns
                .Where(c => !annotated.Contains(c.Name) && c.Annotation is null && c.Origin is not (Classification.Origin.DatabaseLabel or Classification.Origin.Lineage))
                .OrderBy(c => c.Ordinal).ToArray();
            if (annotation is not null && PendingPaths(document, source, entry, annotation, outDir, taken) is { } pathsFile)
                planned.Add(pathsFile);
            if (missing.Length == 0) continue;
            if (annotation is null)
            {
                unannotated.Add((source, entry, missing));
                continue;
            }
            if (!appends.TryGetValue(annotation, out var gathered)) appends[annotation] = gathered = (source, entry, []);
            gathered.Missing.AddRange(missing.Where(m => !gathered.Missing.Any(g => g.Name == m.Name)));
            if (!places.TryGetValue(annotation, out var covered)) places[annotation] = covered = [];
            covered.Add((source, entry, missing));
        }

        foreach (var (annotation, (source, entry, gatheredMissing)) in appends)
        {
            // A column that only some of a glob's tables hold (one tenant's own column) is not the tenants' entry: an
            // exact-name stub for each table holding it, beside the glob (trial47 S3: appended to the glob, it was
            // "not in 5 of the 6 tables matching" on every check). A column most of them hold stays in the glob.
            var own = OwnColumns(document, annotation, gatheredMissing);
            foreach (var (ownSource, ownEntry, ownMissing) in own.Count == 0 ? [] : places[annotation])
                if (ownMissing.Where(c => own.Contains(c.Name)).ToArray() is { Length: > 0 } ownColumns)
                    planned.Add(OwnColumnsStub(document, annotation, ownSource, ownEntry, ownColumns, outDir, taken, activityLines));
            var missing = gatheredMissing.Where(c => !own.Contains(c.Name)).ToList();
            if (missing.Count == 0) continue;
            var names = missing.Select(c => c.Name).ToArray();
            if (TryAppend(annotation, missing, categories) is { } appended)
            {
                planned.Add(new StubFile(annotation.Location.File, StubAction.Append, appended, annotation.Table, names));
                continue;
            }
            var pendingPath = FreePath(outDir, StemFor(document, source, entry.QualifiedName) + ".pending", taken);
            if (pendingPath is null) continue; // a pending file from an earlier run is still there: nothing new to say
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"# Entries missing from table {Suggestions.OneLine(annotation.Table)}, annotated in {Suggestions.OneLine(annotation.Location.File)} line {annotation.Location.Line}.\n");
            text.Append("# That file holds several tables, so it is not edited automatically: move these entries under its\n");
            text.Append("# `columns:`, fill in each category, then delete this file. Until then they count as untagged.\n");
            foreach (var line in EntryLines(missing, "  ").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                text.Append("# ").Append(line).Append('\n');
            planned.Add(new StubFile(pendingPath, StubAction.Pending, text.ToString(), annotation.Table, names));
        }

        var sharedPaths = new Dictionary<NewStub, string>(ReferenceEqualityComparer.Instance);
        // Schema-per-tenant copies of a table in one source: one glob stub (trial45), before the sources' shared stubs.
        var tenantStubs = table is null ? TenantStubs(unannotated) : [];
        foreach (var stub in tenantStubs.Concat(FleetStubs(document, unannotated)))
        {
            var (source, entry, missing) = stub.First;
            var stem = stub.Glob is { } glob ? FileNameFor(glob, NamesSource(document) ? source.Name : null)
                : stub.SourceLess ? FileNameFor(entry.QualifiedName) : StemFor(document, source, entry.QualifiedName);
            var path = FreePath(outDir, stem, taken, allowNumbered: true)!;
            if (stub.SourceLess || stub.Glob is not null) sharedPaths[stub] = System.IO.Path.GetFileName(path);
            var content = new StringBuilder();
            content.Append(CultureInfo.InvariantCulture, $"# Annotations of table {Suggestions.OneLine(stub.Glob ?? entry.QualifiedName)}, written by `inventory annotate`.\n");
            if (notes?.GetValueOrDefault(entry.QualifiedName) is { } note) content.Append(note);
            // Where the sources' suggestions differ, the column's comment says so (trial35 finding 13: "suggestions from
            // app01-blog" hid that 2 of 5 blogs read comments.content as none); a glob's tenants are named by schema.
            var disagreements = stub.SourceLess ? Disagreements(stub.Places, missing, "sources", p => p.Source.Name)
                : stub.Glob is not null ? Disagreements(stub.Places, missing, "tenants", p => p.Entry.Schema)
                : new Dictionary<string, string>();
            var who = stub.Glob is null ? "sources" : "tenants";
            var disagree = disagreements.Count == 0 ? "" : $" ({disagreements.Count} {(disagreements.Count == 1 ? "column" : "columns")} where the {who} disagree say so)";
            if (stub.Glob is not null)
            {
                var schemas = stub.Places.Select(p => p.Entry.Schema).ToList();
                content.Append(CultureInfo.InvariantCulture, $"# One entry for table {Suggestions.OneLine(entry.Name)} in the {schemas.Count} schemas ({Suggestions.OneLine(SourceRange(schemas))}) of {Suggestions.OneLine(source.Name)}\n");
                content.Append("# that hold it with these columns: the glob covers each of them, and a new tenant schema it matches.\n");
                if (stub.Others.Count > 0)
                    content.Append(CultureInfo.InvariantCulture, $"# It also matches {Suggestions.OneLine(ExceptionList(stub.Others))}, whose columns differ: a stub with the exact name holds only what differs.\n");
                content.Append(CultureInfo.InvariantCulture, $"# Suggestions from {Suggestions.OneLine(entry.QualifiedName)}{disagree}.\n");
            }
            else if (stub.SourceLess)
            {
                // "all but locataire-07" rather than a range that hides the exception (trial33 finding 8).
                var holders = stub.Sources.Count + stub.Others.Count;
                if (stub.Others.Count == 0)
                {
                    content.Append(CultureInfo.InvariantCulture, $"# One entry for the {stub.Sources.Count} sources holding this table with these columns ({Suggestions.OneLine(SourceRange(stub.Sources))}):\n");
                    content.Append(CultureInfo.InvariantCulture, $"# without `source:` it applies to each of them; suggestions from {Suggestions.OneLine(source.Name)}{disagree}.\n");
                }
                else
                {
                    content.Append(CultureInfo.InvariantCulture, $"# One entry without `source:` for the {holders} sources holding this table; all but {Suggestions.OneLine(ExceptionList(stub.Others))}\n");
                    content.Append("# have exactly these columns: a stub with `source:` holds only what differs and takes the rest from here.\n");
                    content.Append(CultureInfo.InvariantCulture, $"# Suggestions from {Suggestions.OneLine(source.Name)}{disagree}.\n");
                }
            }
            else if (stub.Shared is { Glob: { } sharedGlob } && sharedPaths.GetValueOrDefault(stub.Shared) is { } globFile)
            {
                content.Append(CultureInfo.InvariantCulture, $"# Only what {Suggestions.OneLine(entry.QualifiedName)} has that the entry of {Suggestions.OneLine(sharedGlob)} in {Suggestions.OneLine(globFile)} does not\n");
                content.Append("# (a column more, or another type): its other columns take that entry's categories.\n");
            }
            else if (stub.Shared is not null && sharedPaths.GetValueOrDefault(stub.Shared) is { } sharedFile)
            {
                content.Append(CultureInfo.InvariantCulture, $"# Only what {Suggestions.OneLine(source.Name)}'s table has that the shared entry in {Suggestions.OneLine(sharedFile)} does not\n");
                content.Append("# (a column more, or another type): its other columns take the shared entry's categories.\n");
            }
            content.Append("# Fill in each `category:` (none, a category or category.subcategory); an empty category does not tag the column.\n");
            content.Append("# Optional: activity, retention, shared-with (recipients), reason; per column: reason, retention, shared-with.\n");
            content.Append(activityLines);
            content.Append("table: ").Append(YamlText.Scalar(stub.Glob ?? entry.QualifiedName)).Append('\n');
            if (!stub.SourceLess && NamesSource(document)) content.Append("source: ").Append(YamlText.Scalar(source.Name)).Append('\n');
            content.Append("columns:\n");
            content.Append(EntryLines(missing, "  ", disagreements));
            planned.Add(new StubFile(path, StubAction.Create, content.ToString(), stub.Glob ?? entry.QualifiedName, missing.Select(c => c.Name).ToArray()));
        }
        return planned.OrderBy(p => p.Path, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The missing columns of a <c>table:</c> glob's tables that half or fewer of the tables the glob matches
    /// hold (names): a column of some tenants only, which an exact-name stub takes instead of the glob. The tables are
    /// those <c>check</c> reads the glob's entries against (<see cref="AnnotationMerger"/>: every table the glob matches
    /// in the sources it applies to, by qualified name), so an entry written here is never reported as "not in N of the M
    /// tables matching". Empty for an exact name, or when each column is held by more than half of them (a migration not
    /// yet applied to a few tenants: the glob's entry is right, and <c>check</c> names the tables it is missing from).</summary>
    private static HashSet<string> OwnColumns(InventoryDocument document, TableAnnotation annotation, IReadOnlyList<ColumnEntry> missing)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        if (TableNamePattern.Of(annotation.Table) is not { } pattern) return own;
        var matched = document.Sources
            .Where(s => s.Role != ProcessingRole.Processor && (annotation.Source is null || annotation.Source == s.Name))
            .SelectMany(s => s.Tables).Where(pattern.Matches).DistinctBy(t => t.QualifiedName).ToArray();
        foreach (var column in missing)
            if (matched.Count(t => t.Columns.Any(c => c.Name == column.Name)) * 2 <= matched.Length)
                own.Add(column.Name);
        return own;
    }

    /// <summary>The stub with the exact name of a table a glob covers, holding only the columns of <see cref="OwnColumns"/>
    /// that table has; its other columns keep the glob's entries (an exact name is more specific than a glob,
    /// <see cref="TableNamePattern.Layer"/>).</summary>
    private static StubFile OwnColumnsStub(InventoryDocument document, TableAnnotation glob, SourceEntry source, TableEntry entry,
        ColumnEntry[] columns, string outDir, HashSet<string> taken, string activityLines)
    {
        var path = FreePath(outDir, StemFor(document, source, entry.QualifiedName), taken, allowNumbered: true)!;
        var content = new StringBuilder();
        content.Append(CultureInfo.InvariantCulture, $"# Annotations of table {Suggestions.OneLine(entry.QualifiedName)}, written by `inventory annotate`.\n");
        content.Append(CultureInfo.InvariantCulture, $"# Only the {(columns.Length == 1 ? "column" : "columns")} {Suggestions.OneLine(string.Join(", ", columns.Select(c => c.Name)))} that {Suggestions.OneLine(entry.QualifiedName)} has and most tables matching {Suggestions.OneLine(glob.Table)}\n");
        content.Append(CultureInfo.InvariantCulture, $"# do not: its other columns take the entries of {Suggestions.OneLine(glob.Table)} in {Suggestions.OneLine(System.IO.Path.GetFileName(glob.Location.File))}.\n");
        content.Append("# Fill in each `category:` (none, a category or category.subcategory); an empty category does not tag the column.\n");
        content.Append("# Optional: activity, retention, shared-with (recipients), reason; per column: reason, retention, shared-with.\n");
        content.Append(activityLines);
        content.Append("table: ").Append(YamlText.Scalar(entry.QualifiedName)).Append('\n');
        if (NamesSource(document)) content.Append("source: ").Append(YamlText.Scalar(source.Name)).Append('\n');
        content.Append("columns:\n");
        content.Append(EntryLines(columns, "  "));
        return new StubFile(path, StubAction.Create, content.ToString(), entry.QualifiedName, columns.Select(c => c.Name).ToArray());
    }

    /// <summary>A new stub: one source's table, or one source-less entry for the sources holding the table with the same
    /// columns.</summary>
    /// <param name="SourceLess">True for the shared stub of several sources.</param>
    /// <param name="First">The place the stub is written from, with the entries to write.</param>
    /// <param name="Sources">The sources the stub is for.</param>
    /// <param name="Others">For a shared stub, the sources holding the table that it is not for (their table differs).</param>
    /// <param name="Shared">For the stub of a source whose table differs from a shared one, that shared stub; else null.</param>
    /// <param name="Places">For a shared stub, every place it is for (the first one included); else just <paramref name="First"/>.</param>
    /// <param name="Glob">For the stub of a schema-per-tenant table (<see cref="TenantSchemaGlob"/>), its <c>table:</c>
    /// glob; <paramref name="Others"/> then names the differing copies it matches by qualified name.</param>
    private sealed record NewStub(bool SourceLess, (SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing) First, IReadOnlyList<string> Sources,
        IReadOnlyList<string> Others, NewStub? Shared = null, string? Glob = null)
    {
        public IReadOnlyList<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)> Places { get; init; } = [First];
    }

    /// <summary>For a shared stub: the columns whose suggested category is not the same in every source it is for, each
    /// with a comment naming the categories and how many sources suggest each (up to three source names per category),
    /// most common first: <c>sources disagree: customer_content.message in 3 (app01-blog, app09-blog, app17-blog), none
    /// in 2 (app25-blog, app33-blog)</c>. "no suggestion" counts as a category of its own.</summary>
    private static Dictionary<string, string> Disagreements(IReadOnlyList<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)> places, IEnumerable<ColumnEntry> missing,
        string holders, Func<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing), string> nameOf)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in missing)
        {
            var bySuggestion = places
                .Select(p => (Name: nameOf(p), Category: p.Entry.Columns.FirstOrDefault(c => c.Name == column.Name)?.Classification?.DataCategory ?? "no suggestion"))
                .GroupBy(x => x.Category, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToList();
            if (bySuggestion.Count < 2) continue;
            notes[column.Name] = holders + " disagree: " + string.Join(", ", bySuggestion.Select(g =>
                $"{g.Key} in {g.Count()} ({string.Join(", ", g.Select(x => x.Name).Take(3))}{(g.Count() > 3 ? ", …" : "")})"));
        }
        return notes;
    }

    /// <summary>The glob stubs of schema-per-tenant tables (<see cref="TenantSchemaGlob"/>): one per group, then a stub
    /// with the exact name for each differing copy the glob matches, holding only its columns the glob's entry does not
    /// (a column more, another type). The tables they cover are removed from <paramref name="unannotated"/>.</summary>
    private static List<NewStub> TenantStubs(List<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)> unannotated)
    {
        var stubs = new List<NewStub>();
        var covered = new HashSet<TableEntry>(ReferenceEqualityComparer.Instance);
        foreach (var group in TenantSchemaGlob.Find(unannotated, Shape))
        {
            var first = group.Members[0];
            var globStub = new NewStub(false, first, [first.Source.Name], group.Differing.Select(p => p.Entry.QualifiedName).ToList(), Glob: group.Glob)
                { Places = group.Members };
            stubs.Add(globStub);
            var globColumns = first.Missing.Select(c => (c.Name, c.DeclaredType)).ToHashSet();
            foreach (var place in group.Differing)
            {
                var own = place.Missing.Where(c => !globColumns.Contains((c.Name, c.DeclaredType))).ToArray();
                if (own.Length > 0) stubs.Add(new NewStub(false, place with { Missing = own }, [place.Source.Name], [], globStub));
            }
            covered.UnionWith(group.Members.Concat(group.Differing).Select(p => p.Entry));
        }
        unannotated.RemoveAll(p => covered.Contains(p.Entry));
        return stubs;
    }

    /// <summary>The new stubs for tables without annotation. With several sources, a table held by several of them with
    /// the same columns (names and declared types, in order) gets one source-less stub for those sources (the largest
    /// such set, first in document order on a tie) and a stub with <c>source:</c> for each source whose table differs
    /// (trial32 finding 5: 55 tenant sources of one schema gave 55 stubs per table, and the README told users to delete
    /// 54); a source-specific entry wins over a source-less one, so the differing tenants keep their own. A table of
    /// one source, or one inventory source, keeps one stub per table as before.</summary>
    private static IEnumerable<NewStub> FleetStubs(InventoryDocument document, List<(SourceEntry Source, TableEntry Entry, ColumnEntry[] Missing)> unannotated)
    {
        foreach (var byTable in unannotated.GroupBy(u => u.Entry.QualifiedName, StringComparer.Ordinal))
        {
            var places = byTable.ToList();
            var shapes = places.GroupBy(p => Shape(p.Entry, p.Missing), StringComparer.Ordinal)
                .Select(g => g.ToList()).OrderByDescending(g => g.Count).ToList();
            var shared = NamesSource(document) && shapes[0].Count > 1 ? shapes[0] : null;
            NewStub? sharedStub = null;
            if (shared is not null)
                yield return sharedStub = new NewStub(true, shared[0], shared.Select(p => p.Source.Name).ToList(),
                    places.Where(p => !shared.Contains(p)).Select(p => p.Source.Name).ToList()) { Places = shared };
            foreach (var place in places.Where(p => shared is null || !shared.Contains(p)))
            {
                if (sharedStub is null)
                {
                    yield return new NewStub(false, place, [place.Source.Name], []);
                    continue;
                }
                // Only what differs from the shared entry (a column more, another type); the merger layers the source's
                // document over the shared one for the rest (trial33 finding 8: the stub repeated every shared column).
                var sharedColumns = sharedStub.First.Missing.Select(c => (c.Name, c.DeclaredType)).ToHashSet();
                var own = place.Missing.Where(c => !sharedColumns.Contains((c.Name, c.DeclaredType))).ToArray();
                if (own.Length > 0) yield return new NewStub(false, place with { Missing = own }, [place.Source.Name], [], sharedStub);
            }
        }
    }

    /// <summary>A table's columns as a stub compares them: names and declared types in order, then the columns without an
    /// entry.</summary>
    private static string Shape(TableEntry entry, ColumnEntry[] missing) =>
        string.Join("\u0001", entry.Columns.OrderBy(c => c.Ordinal).Select(c => c.Name + "\u0002" + c.DeclaredType))
        + "\u0003" + string.Join("\u0001", missing.Select(c => c.Name));

    /// <summary>The sources a shared stub is not for, as its comment names them: up to ten, then a count.</summary>
    private static string ExceptionList(IReadOnlyList<string> sources) =>
        sources.Count <= 10 ? string.Join(", ", sources) : $"{string.Join(", ", sources.Take(10))} and {sources.Count - 10} others";

    /// <summary>Source names as a stub's comment gives them: all up to three, else first … last.</summary>
    private static string SourceRange(IReadOnlyList<string> sources) =>
        sources.Count <= 3 ? string.Join(", ", sources) : $"{sources[0]} … {sources[^1]}";

    /// <summary>The JSON paths the scan found in columns whose annotation entry has no category and names some of their
    /// paths but not all (a key added to the documents since): a pending file with the missing path entries commented
    /// out, for a human to move under the column's <c>paths:</c> (an existing entry is never rewritten). Null when
    /// nothing is missing or a pending file from an earlier run is still there.</summary>
    private static StubFile? PendingPaths(InventoryDocument document, SourceEntry source, TableEntry entry, TableAnnotation annotation,
        string outDir, HashSet<string> taken)
    {
        var gaps = annotation.Columns
            .Where(a => a.Category is null)
            .Select(a => (Annotation: a, Column: entry.Columns.FirstOrDefault(c => c.Name == a.Name)))
            .Where(x => x.Column is { Paths: not null, Classification.JsonPaths.Derivation: JsonColumnDerivation.PathRanking })
            .Select(x => (x.Annotation, x.Column!, Missing: x.Column!.Paths!.Where(p => p.Annotation is null).Select(p => p.Path).ToHashSet(StringComparer.Ordinal)))
            .Where(x => x.Missing.Count > 0)
            .ToArray();
        if (gaps.Length == 0) return null;
        var path = FreePath(outDir, StemFor(document, source, entry.QualifiedName) + ".paths.pending", taken);
        if (path is null) return null;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# JSON paths the scan found in table {Suggestions.OneLine(entry.QualifiedName)} that its annotation in {Suggestions.OneLine(annotation.Location.File)} does not name.\n");
        text.Append("# Move each path entry under its column's `paths:` in that file, fill in each category, then delete this file.\n");
        text.Append("# Until then the column is not tagged through its paths.\n");
        foreach (var (columnAnnotation, column, missing) in gaps)
        {
            text.Append(CultureInfo.InvariantCulture, $"# column {Suggestions.OneLine(column.Name)}, annotated on line {columnAnnotation.Location.Line}:\n");
            text.Append("#   ").Append(YamlText.Scalar(column.Name)).Append(":\n#     paths:\n");
            foreach (var finding in column.Classification!.JsonPaths!.Named.Where(p => missing.Contains(p.Path)))
            {
                text.Append("#       # ").Append(PathComment(finding)).Append('\n');
                text.Append("#       ").Append(YamlText.Scalar(finding.Path)).Append(":\n");
                text.Append("#         category:\n");
            }
        }
        return new StubFile(path, StubAction.Pending, text.ToString(), entry.QualifiedName, gaps.Select(g => g.Item2.Name).ToArray());
    }

    /// <summary>True when stub files name their source: the inventory has more than one controller-scope source
    /// (processor-role sources are never annotated, so they do not count). The same rule as the keys of <c>inventory check</c>.</summary>
    /// <param name="document">The inventory.</param>
    public static bool NamesSource(InventoryDocument document) => document.Sources.Count(s => s.Role != ProcessingRole.Processor) > 1;

    /// <summary>The file name (with <c>.yml</c>) that <see cref="Plan"/> creates for a table without annotation, and
    /// that <c>inventory check</c> tells the user to create: the one shared rule, so both always agree
    /// (<see cref="FileNameFor(string, string?)"/> with the source when <see cref="NamesSource"/>). When that name is
    /// already taken, <see cref="Plan"/> numbers it (<c>-2</c>); the name returned here is the first choice.</summary>
    /// <param name="document">The inventory.</param>
    /// <param name="source">The table's source.</param>
    /// <param name="qualifiedName">Exact qualified table name.</param>
    /// <returns>A file name such as <c>referral_invites.yml</c> or <c>platform.referral_invites.yml</c>; over a fleet,
    /// the shared stub's source-less name when this source's table is among the sources <see cref="Plan"/> writes one
    /// shared stub for (trial35 finding 13: SARIF and GitHub annotations said "create app01-blog.authors.yml" for each of
    /// five blogs while <c>annotate</c> wrote one <c>authors.yml</c>).</returns>
    /// <param name="column">The column the file is for, or null for the table: a tenant whose table differs from the
    /// shared stub's gets a file of its own only for what differs (a column more, another type); its other columns are in
    /// the shared stub.</param>
    public static string FileNameFor(InventoryDocument document, SourceEntry source, string qualifiedName, ColumnEntry? column = null) =>
        (TenantGlobFor(document, source, qualifiedName, column) is { } glob ? FileNameFor(glob, NamesSource(document) ? source.Name : null)
            : InSharedStub(document, source, qualifiedName, column) ? FileNameFor(qualifiedName) : StemFor(document, source, qualifiedName)) + ".yml";

    /// <summary>The glob of the stub <see cref="Plan"/> writes for this schema-per-tenant table (<see cref="TenantSchemaGlob"/>),
    /// or null: the table is one of the copies with the same columns, or a differing copy whose column (with its declared
    /// type) is in the glob's entry.</summary>
    private static string? TenantGlobFor(InventoryDocument document, SourceEntry source, string qualifiedName, ColumnEntry? column)
    {
        if (source.Role == ProcessingRole.Processor) return null;
        var index = TablesByName(source);
        if (!index.ByQualifiedName.TryGetValue(qualifiedName, out var table) || table.Schema.Length == 0) return null;
        var sameName = index.ByName[table.Name];
        // Fewer copies than a glob needs: no group, whatever is annotated (skips the per-column work on the common case).
        if (sameName.Length < TenantSchemaGlob.MinimumTenants) return null;
        var places = sameName.Where(t => t.AnnotationFile is null).Select(t => (source, t, Unannotated(t))).Where(p => p.Item3.Length > 0).ToList();
        if (TenantSchemaGlob.OfBucket(places, sameName, Shape) is not { } group) return null;
        if (group.Members.Any(p => ReferenceEquals(p.Entry, table))) return group.Glob;
        return column is not null && group.Differing.Any(p => ReferenceEquals(p.Entry, table))
               && group.Members[0].Missing.Any(c => c.Name == column.Name && c.DeclaredType == column.DeclaredType) ? group.Glob : null;
    }

    /// <summary>True when <see cref="Plan"/> would write one source-less stub covering this source's table: the table is
    /// unannotated in several sources, and this source's table is in the largest group of them with the same columns
    /// (<see cref="Shape"/>; the first such group in document order on a tie), as <see cref="FleetStubs"/> groups them.</summary>
    private static bool InSharedStub(InventoryDocument document, SourceEntry source, string qualifiedName, ColumnEntry? column)
    {
        if (!NamesSource(document)) return false;
        // The places holding a table of this name, from a per-document index (was a scan of every source's tables per
        // untagged column: quadratic over a fleet); which of them are annotated is read now, as it may have changed.
        var places = FleetTablesByName(document).GetValueOrDefault(qualifiedName, [])
            .Where(p => p.Table.AnnotationFile is null)
            .ToList();
        if (places.Count < 2) return false;
        var largest = places.GroupBy(p => Shape(p.Table, Unannotated(p.Table)), StringComparer.Ordinal)
            .Select(g => g.ToList()).OrderByDescending(g => g.Count).First();
        if (largest.Count < 2) return false;
        if (largest.Any(p => ReferenceEquals(p.Source, source))) return true;
        // Another tenant's table: the shared stub holds this column when it has the same name and type there.
        return column is not null && places.Any(p => ReferenceEquals(p.Source, source))
               && Unannotated(largest[0].Table).Any(c => c.Name == column.Name && c.DeclaredType == column.DeclaredType);
    }

    /// <summary>A source's tables by qualified name and by bare name, built once per table list (the gate asks
    /// <see cref="FileNameFor(InventoryDocument, SourceEntry, string, ColumnEntry?)"/> once per untagged column: a scan of
    /// each source's tables per call made the advice quadratic). Rebuilt when the list's length changes.</summary>
    private static TableIndex TablesByName(SourceEntry source)
    {
        if (TableIndexes.TryGetValue(source.Tables, out var cached) && cached.Count == source.Tables.Count) return cached;
        var index = new TableIndex(source.Tables.Count,
            source.Tables.GroupBy(t => t.QualifiedName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal),
            source.Tables.GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
        TableIndexes.AddOrUpdate(source.Tables, index);
        return index;
    }

    /// <summary>The tables of the document's controller-scope sources by qualified name, each with its source, in document
    /// order: built once per document (the gate asks <see cref="InSharedStub"/> once per untagged column, and a scan of
    /// every source's tables per call made the advice quadratic over a fleet). Rebuilt when a source, its role or its
    /// table list changes (<see cref="FleetShape"/>); annotation state is never cached.</summary>
    private static Dictionary<string, (SourceEntry Source, TableEntry Table)[]> FleetTablesByName(InventoryDocument document)
    {
        var shape = FleetShape.Of(document);
        if (FleetIndexes.TryGetValue(document.Sources, out var cached) && cached.Shape.SameAs(shape)) return cached.ByQualifiedName;
        var byName = document.Sources.Where(s => s.Role != ProcessingRole.Processor)
            .SelectMany(s => s.Tables.Select(t => (Source: s, Table: t)))
            .GroupBy(p => p.Table.QualifiedName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        FleetIndexes.AddOrUpdate(document.Sources, new FleetIndex(shape, byName));
        return byName;
    }

    /// <summary>What <see cref="FleetTablesByName"/> was built from: each source with its role, its table list and the
    /// list's length, in order.</summary>
    private sealed record FleetShape((SourceEntry Source, ProcessingRole Role, List<TableEntry> Tables, int Count)[] Sources)
    {
        public static FleetShape Of(InventoryDocument document) =>
            new([.. document.Sources.Select(s => (s, s.Role, s.Tables, s.Tables.Count))]);

        public bool SameAs(FleetShape other) =>
            Sources.Length == other.Sources.Length && Sources.Zip(other.Sources).All(x => ReferenceEquals(x.First.Source, x.Second.Source)
                && x.First.Role == x.Second.Role && ReferenceEquals(x.First.Tables, x.Second.Tables) && x.First.Count == x.Second.Count);
    }

    /// <summary>A document's tables by qualified name (<see cref="FleetTablesByName"/>) and what it was built from.</summary>
    private sealed record FleetIndex(FleetShape Shape, Dictionary<string, (SourceEntry Source, TableEntry Table)[]> ByQualifiedName);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<List<SourceEntry>, FleetIndex> FleetIndexes = new();

    /// <summary>One source's tables by name (<see cref="TablesByName"/>).</summary>
    private sealed record TableIndex(int Count, Dictionary<string, TableEntry> ByQualifiedName, Dictionary<string, TableEntry[]> ByName);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<List<TableEntry>, TableIndex> TableIndexes = new();

    /// <summary>The columns of a table without annotation that a stub lists (as <see cref="Plan"/> picks them).</summary>
    private static ColumnEntry[] Unannotated(TableEntry table) =>
        table.Columns.Where(c => c.Annotation is null && c.Origin is not (Classification.Origin.DatabaseLabel or Classification.Origin.Lineage))
            .OrderBy(c => c.Ordinal).ToArray();

    private static string StemFor(InventoryDocument document, SourceEntry source, string qualifiedName) =>
        FileNameFor(qualifiedName, NamesSource(document) ? source.Name : null);

    /// <summary>A safe file name (without extension) for a table: the qualified name (prefixed by the source when given)
    /// when it holds only lower-case ASCII letters, digits, <c>_</c>, <c>.</c> and <c>-</c>; otherwise those characters
    /// with the rest replaced by <c>_</c> plus the first 8 hex digits of the SHA-256 of the exact name, so
    /// <c>Users</c>, <c>users</c> and <c>Order Lines/2024</c> never collide, even on case-insensitive file systems.</summary>
    /// <param name="qualifiedName">Exact qualified table name.</param>
    /// <param name="source">Source name, or null.</param>
    public static string FileNameFor(string qualifiedName, string? source = null)
    {
        var exact = source is null ? qualifiedName : $"{source}.{qualifiedName}";
        var cleaned = UnsafeChars().Replace(exact.ToLowerInvariant(), "_");
        if (cleaned == exact && !exact.StartsWith('.') && exact.Length <= 120) return exact;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(exact)))[..8];
        var stem = cleaned.TrimStart('.');
        if (stem.Length > 100) stem = stem[..100];
        return $"{(stem.Length == 0 ? "table" : stem)}-{hash}";
    }

    private static string EntryLines(IEnumerable<ColumnEntry> columns, string indent, IReadOnlyDictionary<string, string>? notes = null)
    {
        var text = new StringBuilder();
        foreach (var c in columns)
        {
            text.Append(indent).Append("# ").Append(CommentFor(c)).Append('\n');
            if (notes?.GetValueOrDefault(c.Name) is { } note) text.Append(indent).Append("# ").Append(Suggestions.OneLine(note)).Append('\n');
            if (FoundInsideComment(c) is { } inside) text.Append(indent).Append("# ").Append(inside).Append('\n');
            text.Append(indent).Append(YamlText.Scalar(c.Name)).Append(":\n");
            text.Append(indent).Append("  category:\n");
            if (c.DeclaredType.Length > 0)
                text.Append(indent).Append("  type: ").Append(YamlText.Scalar(c.DeclaredType)).Append('\n');
            if (c.Classification is { JsonPaths: { Named.Count: > 0 } paths } classification)
            {
                text.Append(indent).Append("  # JSON paths the scan found: fill in each path's category (the column then takes the most\n");
                text.Append(indent).Append("  # identifying one and counts as tagged), or the column's category above, which wins.\n");
                if (classification.Evidence.FirstOrDefault(e => e.Id == "sample.documents-read") is { Matched: { } read, Total: { } sampled })
                    text.Append(indent).Append(CultureInfo.InvariantCulture,
                        $"  # Counts are out of the {read} documents read of the {sampled} values sampled (documents read per column are capped).\n");
                text.Append(indent).Append("  paths:\n");
                foreach (var path in paths.Named)
                {
                    text.Append(indent).Append("    # ").Append(PathComment(path)).Append('\n');
                    text.Append(indent).Append("    ").Append(YamlText.Scalar(path.Path)).Append(":\n");
                    text.Append(indent).Append("      category:\n");
                }
            }
        }
        return text.ToString();
    }

    private static string PathComment(JsonPathFinding path)
    {
        if (path.DataCategory is not { } category) return "no suggestion: no rule or detector matched";
        var evidence = path.Id is null ? "" : path.Matched is { } m && path.Total is { } t ? $" — {path.Id} {m}/{t}" : $" — {path.Id}";
        return Suggestions.OneLine($"suggested: {category}{evidence}");
    }

    /// <summary>The comment line that says what personal data the scan found inside a column's content
    /// (<see cref="Inventory.Rules.Policy.DataCategoryVocabulary.FoundInside"/>), with the detector's counts (values holding it / values
    /// tested) when the scan recorded them: <c>also contains (found inside its values): contact.email 12/40, contact.phone
    /// 3/40; the record lists them under their categories for this table's activity</c>. Null when nothing was found.
    /// Categories and counts only, never a value.</summary>
    /// <param name="column">The column.</param>
    private static string? FoundInsideComment(ColumnEntry column)
    {
        var inside = Inventory.Rules.Policy.DataCategoryVocabulary.FoundInside(column);
        if (inside.Count == 0) return null;
        var parts = inside.Select(category =>
            column.Classification!.Evidence.FirstOrDefault(e => e.Kind == "contains" && e.Id == "contains." + category) is { Matched: { } m, Total: { } t }
                ? string.Create(CultureInfo.InvariantCulture, $"{category} {m}/{t}") : category);
        return Suggestions.OneLine($"also contains (found inside its values): {string.Join(", ", parts)}; the record lists them under their categories for this table's activity");
    }

    private static string CommentFor(ColumnEntry column)
    {
        if (Suggestions.Describe(column.Classification) is { } suggestion)
            return Suggestions.OneLine(column.NotSampled is { } notSampled
                ? $"suggested: {suggestion}; not sampled ({System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(notSampled.ToString())}): from the name and type alone"
                : column.Stats.SampledRows > 0 && column.Stats.NonNull == 0
                    ? $"suggested: {suggestion}; all sampled values NULL: from the name and type alone"
                    : $"suggested: {suggestion}");
        var why = column.NotSampled is { } reason ? $"no data sampled ({reason.ToString().ToLowerInvariant()})"
            : column.Stats.SampledRows > 0 && column.Stats.NonNull == 0 ? "all sampled values NULL"
            : "no rule or detector matched";
        return $"no suggestion: {why}";
    }

    private static string? TryAppend(TableAnnotation annotation, IReadOnlyList<ColumnEntry> missing, IKnownCategories categories)
    {
        if (annotation.TablesInFile != 1) return null;
        var file = annotation.Location.File;
        string text;
        try
        {
            text = File.ReadAllText(file);
            var documents = StrictYaml.ReadDocuments(text, file);
            if (documents is not [YMapping root]) return null;
            var columnsNode = root["columns"];
            string addition;
            if (columnsNode is null)
                addition = "columns:\n" + EntryLines(missing, "  ");
            else
            {
                if (root.Entries[^1].Key.Value != "columns") return null; // entries must end the document
                string indent = "  ";
                if (columnsNode is YMapping { Entries.Count: > 0 } m)
                {
                    var lines = text.Split('\n');
                    if (lines[m.Line - 1].Length < m.Column || lines[m.Line - 1][m.Column - 1] == '{') return null; // flow style
                    indent = new string(' ', m.Entries[0].Key.Column - 1);
                }
                else if (columnsNode is not YScalar { IsNull: true, Value: "" }) return null;
                addition = EntryLines(missing, indent);
            }
            var updated = (text.Length == 0 || text.EndsWith('\n') ? text : text + "\n") + addition;

            // Check the result: same table, old entries unchanged, new entries present, no error.
            var errors = new List<AnnotationError>();
            var reread = new AnnotationLoader(categories).Parse(updated, file, errors);
            if (errors.Count > 0 || reread is not [var table] || table.Table != annotation.Table) return null;
            var expected = annotation.Columns.Select(c => c.Name).Concat(missing.Select(c => c.Name)).ToArray();
            if (!table.Columns.Select(c => c.Name).SequenceEqual(expected, StringComparer.Ordinal)) return null;
            for (int i = 0; i < annotation.Columns.Count; i++)
                if (table.Columns[i] with { SharedWith = [], Paths = [] } != annotation.Columns[i] with { SharedWith = [], Paths = [] }
                    || !table.Columns[i].Paths.SequenceEqual(annotation.Columns[i].Paths)) return null;
            return updated;
        }
        catch (Exception e) when (e is ConfigurationException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FreePath(string folder, string stem, HashSet<string> taken, bool allowNumbered = false)
    {
        for (int i = 1; i < 1000; i++)
        {
            var path = System.IO.Path.Combine(folder, i == 1 ? $"{stem}.yml" : $"{stem}-{i}.yml");
            if (!File.Exists(path) && taken.Add(path)) return path;
            if (!allowNumbered) return null;
        }
        throw new InvalidOperationException($"no free file name for {stem} in {folder}");
    }

    [GeneratedRegex("[^a-z0-9_.-]")]
    private static partial Regex UnsafeChars();
}

/// <summary>Writes YAML scalars that read back exactly.</summary>
public static partial class YamlText
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
    };

    /// <summary>A plain scalar when that is unambiguous (letters, digits, <c>_</c>, <c>.</c>, <c>-</c>, <c>/</c>, starting
    /// with a letter or <c>_</c>, not a YAML keyword; or a JSON schema path such as <c>$.items[*].sku</c>), else a
    /// double-quoted one with escapes.</summary>
    /// <param name="value">Any text.</param>
    public static string Scalar(string value)
    {
        if (PlainSafe().IsMatch(value) && !Reserved.Contains(value)) return value;
        if (JsonPathText.IsSchemaShape(value)) return value; // `$`, `.`, `[*]` and key characters: plain in block context
        var text = new StringBuilder("\"");
        foreach (var ch in value)
        {
            switch (ch)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\t': text.Append("\\t"); break;
                case '\r': text.Append("\\r"); break;
                default:
                    if (char.IsControl(ch) || ch is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:X4}");
                    else text.Append(ch);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.\-/]*$")]
    private static partial Regex PlainSafe();
}
