namespace Inventory.Annotations;

/// <summary>A position in an annotation file.</summary>
/// <param name="File">The file as the loader found it (full path).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record AnnotationLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>What an annotation names in the policy.</summary>
public enum PolicyReferenceKind
{
    /// <summary>A processing activity id (a table's <c>activity:</c>).</summary>
    Activity,
    /// <summary>A recipient id (an item of a table's or a column's <c>shared-with:</c>).</summary>
    Recipient,
}

/// <summary>An id an annotation names in the policy, with where it is written, so a check against the policy can point
/// at it.</summary>
/// <param name="Kind">Activity or recipient.</param>
/// <param name="Id">The id as written.</param>
/// <param name="Location">Where the id is written.</param>
public sealed record PolicyReference(PolicyReferenceKind Kind, string Id, AnnotationLocation Location);

/// <summary>A human decision about one column (an entry under <c>columns:</c>).</summary>
public sealed record ColumnAnnotation
{
    /// <summary>Exact, case-sensitive column name.</summary>
    public required string Name { get; init; }
    /// <summary>The data category (<c>contact.email</c>, <c>contact</c>, <c>none</c>), or null for an entry without one:
    /// such an entry never tags the column (C06).</summary>
    public string? Category { get; init; }
    /// <summary>Why the annotator decided so. An annotation with a reason is a reviewed decision: contrary detector
    /// evidence is not reported as a conflict (C05).</summary>
    public string? Reason { get; init; }
    /// <summary>Retention of this column's data, overriding the table's.</summary>
    public string? Retention { get; init; }
    /// <summary>Recipients of this column's data (e.g. <c>intercom</c>), in addition to the table's.</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];
    /// <summary>The declared type the annotation was written for (stubs record it); when present and different from the
    /// scanned type the annotation is stale.</summary>
    public string? Type { get; init; }
    /// <summary>Where the column's key is.</summary>
    public required AnnotationLocation Location { get; init; }
    /// <summary>Decisions about paths of the column's JSON documents (entries under <c>paths:</c>), in file order.</summary>
    public IReadOnlyList<PathAnnotation> Paths { get; init; } = [];
}

/// <summary>A human decision about one path of a JSON document column (an entry under a column's <c>paths:</c>, C28).</summary>
public sealed record PathAnnotation
{
    /// <summary>The path as the inventory spells it: <c>$.customer.email</c>, array elements as <c>[*]</c>
    /// (<see cref="Classification.JsonPathText.IsSchemaShape"/>).</summary>
    public required string Path { get; init; }
    /// <summary>The data category of the values at the path, or null for an entry without one (a stub): it never tags.</summary>
    public string? Category { get; init; }
    /// <summary>Why the annotator decided so; with a reason, contrary detector evidence at the path is not a conflict.</summary>
    public string? Reason { get; init; }
    /// <summary>Where the path's key is.</summary>
    public required AnnotationLocation Location { get; init; }
}

/// <summary>A human annotation of one table: one YAML document of an annotation file.</summary>
public sealed record TableAnnotation
{
    /// <summary>Table name as the inventory spells it: exact, case-sensitive, schema-qualified outside the default schema;
    /// or a <c>schema.table</c> glob covering several tables (<see cref="TableNamePattern"/>).</summary>
    public required string Table { get; init; }
    /// <summary>Source name, when the annotation is for one source only; null for every source that holds the table.</summary>
    public string? Source { get; init; }
    /// <summary>The processing activity ids (policy.yml) the table's data serves, in file order: one for
    /// <c>activity: billing</c>, several for <c>activity: [accounts, marketing]</c>, none without the key.</summary>
    public IReadOnlyList<string> Activities { get; init; } = [];
    /// <summary>Retention of the table's data.</summary>
    public string? Retention { get; init; }
    /// <summary>Recipients the table's data is shared with.</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];
    /// <summary>The annotator's note on the table.</summary>
    public string? Reason { get; init; }
    /// <summary>A table-level default category (<c>default: { category: x }</c> or <c>category: x</c>). It describes the
    /// table for reports and NEVER counts as tagging its columns (C06).</summary>
    public string? DefaultCategory { get; init; }
    /// <summary>Column entries in file order.</summary>
    public IReadOnlyList<ColumnAnnotation> Columns { get; init; } = [];
    /// <summary>Every column name with an entry in the file, valid or not (an entry dropped for an unknown category is
    /// not in <see cref="Columns"/> but is here): a stale entry's "renamed to 'x'?" never names one of these (trial 19).</summary>
    public IReadOnlyList<string> EntryNames { get; init; } = [];
    /// <summary>Where the <c>table:</c> value is.</summary>
    public required AnnotationLocation Location { get; init; }
    /// <summary>Where the <c>source:</c> value is, or null without one: a source that was not scanned is reported there
    /// (trial41 finding 5).</summary>
    public AnnotationLocation? SourceLocation { get; init; }
    /// <summary>Every activity and recipient id the document names (its <c>activity:</c>, the items of its own and its
    /// columns' <c>shared-with:</c>), in file order, with their places.</summary>
    public IReadOnlyList<PolicyReference> PolicyReferences { get; init; } = [];
    /// <summary>Number of table documents in the same file (1 for a one-table file).</summary>
    public int TablesInFile { get; init; } = 1;
}

/// <summary>What <see cref="AnnotationLoader.Load"/> found: the good annotations and every error, across all files.</summary>
public sealed class AnnotationSet
{
    /// <summary>An empty set (no annotation folder).</summary>
    public static AnnotationSet Empty { get; } = new([], [], [], null);

    /// <summary>Creates a set.</summary>
    /// <param name="annotations">Loaded table annotations, in file then document order.</param>
    /// <param name="errors">Every problem met, each with file, line and column.</param>
    /// <param name="files">Files read, in order.</param>
    /// <param name="root">The folder (or file) loaded, or null.</param>
    public AnnotationSet(IReadOnlyList<TableAnnotation> annotations, IReadOnlyList<AnnotationError> errors,
        IReadOnlyList<string> files, string? root)
    {
        Annotations = annotations;
        Errors = errors;
        Files = files;
        Root = root;
    }

    /// <summary>Loaded table annotations (documents with errors keep their valid parts).</summary>
    public IReadOnlyList<TableAnnotation> Annotations { get; }
    /// <summary>Every error, in file order; empty when all files are valid.</summary>
    public IReadOnlyList<AnnotationError> Errors { get; }
    /// <summary>Files read (full paths).</summary>
    public IReadOnlyList<string> Files { get; }
    /// <summary>The loaded folder or file (full path), or null.</summary>
    public string? Root { get; }
    /// <summary>Documents for a table already annotated (in the same file or an earlier one), in file order: never
    /// applied (a <see cref="AnnotationErrorKind.DuplicateTable"/> error names each), but checked like the others (their
    /// policy ids by <see cref="PolicyReferenceCheck"/>, their stale entries by <see cref="AnnotationMerger"/>), so one
    /// run names every error of both documents (trial35 finding 9).</summary>
    public IReadOnlyList<TableAnnotation> Duplicates { get; init; } = [];
}
