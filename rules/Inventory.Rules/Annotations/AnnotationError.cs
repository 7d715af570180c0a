namespace Inventory.Annotations;

/// <summary>What is wrong in an annotation file.</summary>
public enum AnnotationErrorKind
{
    /// <summary>The file cannot be read (missing permission, I/O error).</summary>
    Unreadable,
    /// <summary>Not YAML the strict reader accepts: tabs, bad indentation, bad flow syntax. The whole file is unreadable:
    /// none of its annotations is applied.</summary>
    Syntax,
    /// <summary>A key given twice in one mapping (a column, or a table-level key such as <c>activity:</c>): neither entry
    /// is applied, the rest of the file is.</summary>
    DuplicateKey,
    /// <summary>A document of the wrong shape: not a mapping, no <c>table:</c>, <c>columns:</c> not a mapping,
    /// an empty column name, both <c>category:</c> and <c>default:</c>.</summary>
    Structure,
    /// <summary>A key the format does not know (<c>categroy:</c>).</summary>
    UnknownKey,
    /// <summary>A category the taxonomy does not know; <see cref="AnnotationError.ColumnName"/> names the column
    /// entry dropped for it (null for a table default).</summary>
    UnknownCategory,
    /// <summary>A value of the wrong type (a list where a string is expected…).</summary>
    InvalidValue,
    /// <summary>A table annotated twice (in one file or across files).</summary>
    DuplicateTable,
    /// <summary>An <c>activity:</c> or <c>shared-with:</c> id the policy does not define (checked only when a policy is
    /// given; see <see cref="PolicyReferenceCheck"/>).</summary>
    UnknownPolicyReference,
}

/// <summary>One error met while loading annotation files, with its place. The loader collects every one and keeps the
/// valid parts.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Reason">What is wrong and what to do, without the location.</param>
/// <param name="File">The file (full path as loaded), or null.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record AnnotationError(AnnotationErrorKind Kind, string Reason, string? File, int Line, int Column)
{
    /// <summary>For an error that drops a column entry (an unknown category, key or value in it, or its column given twice):
    /// the column whose entry was dropped (it stays untagged); null otherwise.</summary>
    public string? ColumnName { get; init; }

    /// <summary><c>file:line:column: reason</c>, as a <see cref="ConfigurationException"/> would print it.</summary>
    public string Message => ToException().Message;

    /// <summary>The error as an exception, for callers that need a file to be fully valid.</summary>
    public ConfigurationException ToException() => new(Reason, File, Line, Column);

    /// <summary>An error from a <see cref="ConfigurationException"/> raised by the YAML reader.</summary>
    /// <param name="kind">What is wrong.</param>
    /// <param name="error">The reader's error (reason and place).</param>
    /// <param name="columnName">The column entry dropped, if any.</param>
    public static AnnotationError From(AnnotationErrorKind kind, ConfigurationException error, string? columnName = null) =>
        new(kind, error.Reason, error.File, error.Line, error.Column) { ColumnName = columnName };

    /// <summary>Errors in the one order every command prints them (trial35 finding 9: <c>scan</c> and <c>export</c>
    /// printed a file's errors in load order, <c>check</c> by line): by file (ordinal, <c>/</c> as separator, the order
    /// the loader reads files in), then line, column, kind and reason; an error without a file comes first.</summary>
    /// <param name="errors">Errors in any order.</param>
    /// <returns>A new list in reading order.</returns>
    public static IReadOnlyList<AnnotationError> InReadingOrder(IEnumerable<AnnotationError> errors) =>
        [.. errors.OrderBy(e => e.File?.Replace('\\', '/') ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Line).ThenBy(e => e.Column).ThenBy(e => e.Kind).ThenBy(e => e.Reason, StringComparer.Ordinal)];
}
