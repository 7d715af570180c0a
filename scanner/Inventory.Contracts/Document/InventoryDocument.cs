using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Model;

/// <summary>Where a column stands for the CI gate.</summary>
public enum ColumnStatus
{
    /// <summary>A human (or a database label) gave it a category.</summary>
    Tagged,
    /// <summary>No annotation, but the tool has a suggestion.</summary>
    Suggested,
    /// <summary>No annotation and no suggestion.</summary>
    Untagged,
    /// <summary>Annotated, and strong evidence says otherwise.</summary>
    Conflict,
}

/// <summary>The inventory document (<c>inventory.json</c>): one scan's result. Versioned by <see cref="Format"/>;
/// ordered deterministically; never holds a raw sampled value.</summary>
public sealed class InventoryDocument
{
    /// <summary>Current document format.</summary>
    public const int CurrentFormat = 1;
    /// <summary>Document format version (1).</summary>
    public int Format { get; set; } = CurrentFormat;
    /// <summary>Tool name and version that wrote it.</summary>
    public string Tool { get; set; } = "inventory";
    /// <summary>When the scan ran (UTC), or null for reproducible documents.</summary>
    public DateTimeOffset? ScannedAt { get; set; }
    /// <summary>Scanned sources, sorted by name.</summary>
    public List<SourceEntry> Sources { get; set; } = [];
    /// <summary>Problems met during the scan; non-empty means coverage is incomplete.</summary>
    public List<ScanIssue> Issues { get; set; } = [];
    /// <summary>The slice of the configured sources (or, for a single source, of its tables) this document holds, as
    /// <c>I/N</c> (<c>inventory scan --shard</c>); null for a whole scan or a merged inventory.</summary>
    public string? Shard { get; set; }
    /// <summary>For a shard part, every source of the configuration the split was cut from (sorted by name), so
    /// <c>inventory merge</c> can refuse parts of different scans; null for a whole scan, a merged inventory, or a part
    /// written before splits were recorded.</summary>
    public List<SplitSource>? SplitOf { get; set; }

    /// <summary>The split this document is one part of, <c>I/N</c> with N above 1, from <see cref="Shard"/> or, in a
    /// document that only records it per source, from <c>sources[].scope.shard</c>; null for a whole scan, a merged
    /// inventory or a single shard (<c>1/1</c>, which holds everything).</summary>
    public string? PartOfSplit()
    {
        foreach (var recorded in Sources.Select(s => s.Scope?.Shard).Prepend(Shard))
        {
            var parts = recorded?.Split('/');
            if (parts is { Length: 2 } && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 1)
                return recorded;
        }
        return null;
    }

    /// <summary>Refuses a shard part (<see cref="PartOfSplit"/>): it holds only its shard's sources or tables, so a gate
    /// or a report on it would silently leave the others out.</summary>
    /// <param name="file">The file it was read from, for the message.</param>
    /// <param name="command">The command that refuses it (<c>check</c>, <c>report</c>).</param>
    /// <exception cref="ConfigurationException">The document is shard I/N of a split with N above 1.</exception>
    public void EnsureNotShardPart(string file, string command)
    {
        if (PartOfSplit() is { } shard)
            throw new ConfigurationException($"this is shard {shard} of a split scan and holds only that shard's tables; merge all {shard.Split('/')[1]} parts first (`inventory merge PART.json… --out inventory.json`) and {command} the merged inventory", file);
    }

    /// <summary>True when every table and column in scope could be read.</summary>
    public bool Complete => Issues.All(i => i.IsWarning) && Sources.All(s => s.Complete);

    /// <summary>Every table with its source, in document order.</summary>
    public IEnumerable<(SourceEntry Source, TableEntry Table)> AllTables() =>
        Sources.SelectMany(s => s.Tables.Select(t => (s, t)));

    /// <summary>Every column with its source and table, in document order.</summary>
    public IEnumerable<(SourceEntry Source, TableEntry Table, ColumnEntry Column)> AllColumns() =>
        Sources.SelectMany(s => s.Tables.SelectMany(t => t.Columns.Select(c => (s, t, c))));

    /// <summary>Sorts sources, tables and columns into the canonical order (ordinal names, column ordinals).</summary>
    public void Normalize()
    {
        Sources.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var s in Sources)
        {
            s.Tables.Sort((a, b) => string.CompareOrdinal(a.Schema, b.Schema) is var c && c != 0 ? c : string.CompareOrdinal(a.Name, b.Name));
            foreach (var t in s.Tables)
            {
                t.SortColumns();
                // A hand-edited or merged list of one activity is written as `activity` alone.
                if (t.Activities is not null) t.SetActivities(t.Activities);
            }
        }
        // Missing shards of one source (or '*') differ only by their shard: in shard order (the shorter I first, since
        // they share N), not in whatever order an unstable sort leaves them.
        Issues.Sort((a, b) => string.CompareOrdinal($"{a.Source}\u0001{a.Table}\u0001{a.Column}\u0001{a.Kind}", $"{b.Source}\u0001{b.Table}\u0001{b.Column}\u0001{b.Kind}") is var c && c != 0 ? c
            : (a.Shard?.Length ?? 0).CompareTo(b.Shard?.Length ?? 0) is var l && l != 0 ? l : string.CompareOrdinal(a.Shard, b.Shard));
    }
}

/// <summary>One scanned source.</summary>
public sealed class SourceEntry
{
    /// <summary>Source name from the config (or <c>default</c>).</summary>
    public string Name { get; set; } = "default";
    /// <summary>The provider name, as the provider registry names it (postgres, sqlserver, sqlite, …).</summary>
    public string Provider { get; set; } = "";
    /// <summary>Controller (default) or processor (customer-owned data, never sampled); JSON <c>controller</c>/<c>processor</c>.</summary>
    public ProcessingRole Role { get; set; } = ProcessingRole.Controller;
    /// <summary>For a processor source: the controller its data is processed for (Art. 30(2)(a)), from the config's
    /// <c>controller:</c>; null when not given. JSON <c>controller</c>, left out when null.</summary>
    public string? Controller { get; set; }
    /// <summary>Host and database (or file) with credentials removed.</summary>
    public string Target { get; set; } = "";
    /// <summary>Server product and version.</summary>
    public string? ServerVersion { get; set; }
    /// <summary>The provider's default schema (<c>public</c>, <c>dbo</c>, <c>main</c>).</summary>
    public string DefaultSchema { get; set; } = "";
    /// <summary>The part of the source the scan covered (include/exclude patterns, shard); null in documents written
    /// before scopes were recorded.</summary>
    public SourceScope? Scope { get; set; }
    /// <summary>False when a table or column could not be read.</summary>
    public bool Complete { get; set; } = true;
    /// <summary>Tables sorted by schema then name.</summary>
    public List<TableEntry> Tables { get; set; } = [];
}

/// <summary>One source of the configuration a sharded scan was cut from (<see cref="InventoryDocument.SplitOf"/>): the
/// same for every part of one split, whichever shard holds the source.</summary>
public sealed record SplitSource
{
    /// <summary>Source name from the config (or <c>default</c>).</summary>
    public string Name { get; init; } = "";
    /// <summary>The provider name (postgres, sqlite, …).</summary>
    public string Provider { get; init; } = "";
    /// <summary>Host and database (or file) with credentials removed.</summary>
    public string Target { get; init; } = "";
    /// <summary>Include patterns of the source.</summary>
    public List<string> Include { get; init; } = [];
    /// <summary>Exclude patterns of the source.</summary>
    public List<string> Exclude { get; init; } = [];

    /// <summary>Same name, provider, target and patterns (lists compared in order).</summary>
    public bool SameAs(SplitSource other) => Name == other.Name && Provider == other.Provider && Target == other.Target
        && Include.SequenceEqual(other.Include) && Exclude.SequenceEqual(other.Exclude);

    /// <summary><c>name (provider target)</c>, for messages.</summary>
    public override string ToString() => $"{Name} ({Provider} {Target})";
}

/// <summary>The part of a source a scan covered. Annotations of tables outside it are not applied and never stale:
/// the scan did not look there.</summary>
public sealed class SourceScope
{
    /// <summary>Include patterns on <c>schema.table</c> (<see cref="Catalog.CatalogFilter"/>); empty for every table.</summary>
    public List<string> Include { get; set; } = [];
    /// <summary>Exclude patterns on <c>schema.table</c>; exclude wins.</summary>
    public List<string> Exclude { get; set; } = [];
    /// <summary>The shard this scan covered, <c>k/n</c> (e.g. <c>1/3</c>), or null for an unsharded scan. A sharded
    /// document holds only its shard's tables, so a table it lacks may live in another shard.</summary>
    public string? Shard { get; set; }

    /// <summary>True when the scan covered the table: the patterns let it through and, for a sharded scan, the document
    /// cannot tell, so only tables it holds count (callers ask about tables the document lacks: false).</summary>
    /// <param name="schema">Exact schema name.</param>
    /// <param name="table">Exact table name.</param>
    /// <exception cref="ConfigurationException">An empty or malformed pattern.</exception>
    public bool Covers(string schema, string table) => Shard is null && new Catalog.CatalogFilter(Include, Exclude).Matches(schema, table);
}

/// <summary>One relation of a source.</summary>
public sealed class TableEntry
{
    /// <summary>Exact schema name.</summary>
    public string Schema { get; set; } = "";
    /// <summary>Exact table name.</summary>
    public string Name { get; set; } = "";
    /// <summary><c>name</c> in the default schema, otherwise <c>schema.name</c>; the key used by annotations and reports.</summary>
    public string QualifiedName { get; set; } = "";
    /// <summary>Kind of relation.</summary>
    public TableKind Kind { get; set; }
    /// <summary>Row estimate from catalog statistics, or null.</summary>
    public long? RowEstimate { get; set; }
    /// <summary>Rows actually sampled.</summary>
    public int SampledRows { get; set; }
    /// <summary>How rows were chosen (e.g. <c>tablesample system(0.5) repeatable(42)</c>).</summary>
    public string? SampleMethod { get; set; }
    /// <summary>Set when the whole table was not sampled.</summary>
    public NotSampledReason? NotSampled { get; set; }
    /// <summary>Table comment.</summary>
    public string? Comment { get; set; }
    /// <summary>Primary-key columns.</summary>
    public List<string> PrimaryKey { get; set; } = [];
    /// <summary>Foreign keys with delete rules.</summary>
    public List<ForeignKeyInfo> ForeignKeys { get; set; } = [];
    /// <summary>Partitions folded under this parent.</summary>
    public List<string> Partitions { get; set; } = [];
    /// <summary>How the database keeps the earlier versions of the table's rows (system versioning), or null.</summary>
    public RowHistory? History { get; set; }
    /// <summary>Processing activity id from the annotation (policy.yml), or null; for a table whose annotation names
    /// several activities, the first of them (JSON <c>activity</c>, what a reader that predates lists reads), the whole
    /// list being <see cref="Activities"/>. Code that reasons about activities reads <see cref="ActivityIds"/>.</summary>
    public string? Activity { get; set; }
    /// <summary>Every processing activity the annotation names when it names more than one (a <c>users</c> table serving
    /// account management and marketing), in the annotation's order, the first being <see cref="Activity"/>; null for
    /// one activity or none, so a document of single activities is written as before. Set through
    /// <see cref="SetActivities"/>.</summary>
    public List<string>? Activities { get; set; }

    /// <summary>Every processing activity the table's data serves: <see cref="Activities"/> when set, else
    /// <see cref="Activity"/> alone, else none. No activity is primary: the record lists the table under each.</summary>
    public IReadOnlyList<string> ActivityIds() =>
        Activities is { Count: > 0 } several ? several : Activity is { } one ? [one] : [];

    /// <summary>True when the annotation names <paramref name="id"/> among the table's activities.</summary>
    /// <param name="id">A processing activity id.</param>
    public bool ServesActivity(string? id) => id is not null && ActivityIds().Contains(id, StringComparer.Ordinal);

    /// <summary>Sets <see cref="Activity"/> and <see cref="Activities"/> from a list of ids (duplicates dropped, order kept).</summary>
    /// <param name="ids">The ids; empty for none.</param>
    public void SetActivities(IEnumerable<string> ids)
    {
        var list = ids.Distinct(StringComparer.Ordinal).ToList();
        Activity = list.Count > 0 ? list[0] : null;
        Activities = list.Count > 1 ? list : null;
    }
    /// <summary>Retention from the annotation, or null.</summary>
    public string? Retention { get; set; }
    /// <summary>Recipients the table's data is shared with (annotation <c>shared-with</c>).</summary>
    public List<string> SharedWith { get; set; } = [];
    /// <summary>The annotation file that covers this table, or null.</summary>
    public string? AnnotationFile { get; set; }
    /// <summary>Columns in ordinal order.</summary>
    public List<ColumnEntry> Columns { get; set; } = [];

    /// <summary>The table's JSON written ahead by a scan (<see cref="PrewrittenTable.WriteAhead"/>), which the document's
    /// writer copies while <see cref="PrewrittenTable.Fits"/> holds; null when not written ahead. Whatever changes the
    /// table after it was written ahead must set it to null. Never read or written as part of the document.</summary>
    internal PrewrittenTable? Prewritten { get; set; }

    /// <summary>Sorts the columns into the document's order (ordinals).</summary>
    public void SortColumns() => Columns.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
}

/// <summary>One column with its classification, annotation and status.</summary>
public sealed class ColumnEntry
{
    /// <summary>Exact column name.</summary>
    public string Name { get; set; } = "";
    /// <summary>1-based position.</summary>
    public int Ordinal { get; set; }
    /// <summary>Declared type as the database spells it.</summary>
    public string DeclaredType { get; set; } = "";
    /// <summary>Type family.</summary>
    public TypeFamily TypeFamily { get; set; }
    /// <summary>True when NULL is allowed.</summary>
    public bool Nullable { get; set; } = true;
    /// <summary>Column comment.</summary>
    public string? Comment { get; set; }
    /// <summary>The effective data category: the annotation's, else the database label's, else the classification's; null when none.</summary>
    public string? DataCategory { get; set; }
    /// <summary>Confidence in the effective category, [0, 1] (1 for annotations).</summary>
    public double Confidence { get; set; }
    /// <summary>Who decided the effective category, or null.</summary>
    public Origin? Origin { get; set; }
    /// <summary>Status for the CI gate.</summary>
    public ColumnStatus Status { get; set; } = ColumnStatus.Untagged;
    /// <summary>Set when the column has no sampled values, with the reason.</summary>
    public NotSampledReason? NotSampled { get; set; }
    /// <summary>Sample statistics (counts and ratios only).</summary>
    public SampleStats Stats { get; set; } = new();
    /// <summary>The tool's own decision (kept even when an annotation wins).</summary>
    public ColumnClassification? Classification { get; set; }
    /// <summary>The human annotation, or null.</summary>
    public AnnotationRef? Annotation { get; set; }
    /// <summary>The database's own label, or null.</summary>
    public DatabaseLabel? DatabaseLabel { get; set; }
    /// <summary>Why the evidence contradicts the annotation or the database label, when <see cref="Status"/> is Conflict.</summary>
    public string? Conflict { get; set; }
    /// <summary>Masked examples (e.g. <c>j***@e***.c***</c>), only when the user asks for them.</summary>
    public List<string>? MaskedExamples { get; set; }
    /// <summary>For a column of a view or materialized view, the base column it shows as it is, as the engine's catalog
    /// says (<see cref="Catalog.ColumnInfo.ReadsFrom"/>); null for a table's column, an expression, or when the engine
    /// does not tell. A view column whose base column has a category inherits it (<see cref="Origin.Lineage"/>), and
    /// the record of processing lists the data once, under the base column.</summary>
    public Catalog.ColumnReference? ReadsFrom { get; set; }
    /// <summary>For a column of JSON documents: each schema path the scan saw (<see cref="ColumnClassification.JsonPaths"/>)
    /// with its effective category (its annotation's, else what the scan found there); null for any other column.</summary>
    public List<PathEntry>? Paths { get; set; }

    /// <summary>Sets the effective category, confidence, origin and status from <see cref="Classification"/> alone
    /// (before annotations and database labels): <see cref="ColumnStatus.Suggested"/> when it decides a category,
    /// <see cref="ColumnStatus.Untagged"/> otherwise; clears the annotation and the conflict.</summary>
    public void ApplyClassification()
    {
        var c = Classification;
        DataCategory = c?.DataCategory;
        Confidence = c?.DataCategory is null ? 0 : c.Confidence;
        Origin = c?.DataCategory is null ? null : c.Origin;
        Status = c?.DataCategory is null ? ColumnStatus.Untagged : ColumnStatus.Suggested;
        Annotation = null;
        Conflict = null;
        Paths = c?.JsonPaths?.Named.Select(p => new PathEntry
        {
            Path = p.Path,
            DataCategory = p.DataCategory,
            Origin = p.DataCategory is null ? null : global::Inventory.Classification.Origin.Rules,
        }).ToList();
    }

    /// <summary>The CI gate's rule, shared by the check, the report's coverage and the claims: the column counts as
    /// tagged when an annotation or a database label gives its category (also when the evidence contradicts it: the
    /// conflict is a finding of its own), or when a classification by rules or the model (or a view column's suggestion
    /// inherited from its base column, <see cref="Origin.Lineage"/>) reaches
    /// <paramref name="acceptClassificationAbove"/>'s threshold for its category (<see cref="AcceptanceThresholds.For"/>). A suggestion
    /// below it, or with no threshold for its category, is not a tag (C06, C07).
    /// A <c>none</c> suggestion on a column that was not sampled is never accepted by the threshold: zero evidence is
    /// not "not personal" (README), the name alone decided it.</summary>
    /// <param name="acceptClassificationAbove">Classifications at or above their category's threshold count as tags (a
    /// number converts to one threshold for every category); null to require an annotation or a database label.</param>
    public bool CountsAsTagged(AcceptanceThresholds? acceptClassificationAbove = null) =>
        Status is ColumnStatus.Tagged or ColumnStatus.Conflict
        || (Status == ColumnStatus.Suggested && Origin is global::Inventory.Classification.Origin.Rules or global::Inventory.Classification.Origin.Model
                or global::Inventory.Classification.Origin.Lineage
            && acceptClassificationAbove?.For(DataCategory) is { } threshold && Confidence >= threshold
            && !(NotSampled is not null && DataCategory is { } category && global::Inventory.Classification.DataCategory.TopLevelOf(category) == "none"));
}

/// <summary>One schema path of a JSON document column (C28), as the inventory shows it.</summary>
public sealed class PathEntry
{
    /// <summary>The path, <c>$.customer.email</c> (<see cref="JsonPathText.IsSchemaShape"/>).</summary>
    public string Path { get; set; } = "";
    /// <summary>The effective category: the path annotation's, else what the scan found there; null when neither.</summary>
    public string? DataCategory { get; set; }
    /// <summary>Who decided <see cref="DataCategory"/>: <see cref="Origin.Annotation"/> or <see cref="Origin.Rules"/>
    /// (the detectors and name rules that look at paths); null when nothing did.</summary>
    public Origin? Origin { get; set; }
    /// <summary>The path's annotation (an entry under the column's <c>paths:</c>), or null.</summary>
    public AnnotationRef? Annotation { get; set; }
}

/// <summary>Sample statistics of a column: counts and ratios, never values.</summary>
public sealed class SampleStats
{
    /// <summary>Rows sampled.</summary>
    public int SampledRows { get; set; }
    /// <summary>Non-null values.</summary>
    public int NonNull { get; set; }
    /// <summary>NULLs / sampled rows, in [0, 1]; 0 when nothing was sampled.</summary>
    public double NullRatio { get; set; }
    /// <summary>Distinct non-null values / non-null values, in [0, 1].</summary>
    public double DistinctRatio { get; set; }
    /// <summary>Longest value in characters (bytes for binary).</summary>
    public long MaxLength { get; set; }
}

/// <summary>Where a column's annotation came from and what it says.</summary>
public sealed class AnnotationRef
{
    /// <summary>The annotated data category, or null for an entry without one (which does not tag the column).</summary>
    public string? DataCategory { get; set; }
    /// <summary>The annotator's reason, if given.</summary>
    public string? Reason { get; set; }
    /// <summary>The column entry's own <c>retention:</c>, which overrides its table's for this column; null when the
    /// entry has none.</summary>
    public string? Retention { get; set; }
    /// <summary>The column entry's own <c>shared-with:</c> recipients, shared in addition to its table's; null when the
    /// entry names none.</summary>
    public List<string>? SharedWith { get; set; }
    /// <summary>Annotation file, relative to the annotations folder's parent when possible.</summary>
    public string File { get; set; } = "";
    /// <summary>1-based line of the column's entry.</summary>
    public int Line { get; set; }
    /// <summary>1-based column of the entry's key, or 0 when unknown. Known right after the annotation merge (which
    /// <c>check</c> runs on every call); not saved in <c>inventory.json</c>, whose format it would change.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Column { get; set; }
}
