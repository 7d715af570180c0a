using Inventory.Catalog;

namespace Inventory.Classification;

/// <summary>Everything known about one column when it is classified. <see cref="Values"/> are raw sampled values:
/// they live in memory only and must never be logged, stored or put into evidence.</summary>
public sealed record ColumnEvidence
{
    /// <summary>Source name.</summary>
    public string Source { get; init; } = "";
    /// <summary>The provider name, as the provider registry names it (postgres, sqlserver, sqlite, …).</summary>
    public string Provider { get; init; } = "";
    /// <summary>Exact schema name.</summary>
    public string Schema { get; init; } = "";
    /// <summary>True when <see cref="Schema"/> is the source's default schema (PostgreSQL's <c>public</c>, SQL Server's
    /// <c>dbo</c>, SQLite's <c>main</c>, the MariaDB database the connection opened; <c>DatabaseCatalog.DefaultSchema</c>):
    /// such a schema names the application, not what the table's rows are, and the classifier does not read it.</summary>
    public bool InDefaultSchema { get; init; }
    /// <summary>Exact table name.</summary>
    public required string Table { get; init; }
    /// <summary>Kind of relation.</summary>
    public TableKind TableKind { get; init; } = TableKind.Table;
    /// <summary>Table comment, or null.</summary>
    public string? TableComment { get; init; }
    /// <summary>Names of all columns of the table, in ordinal order (context for the rules).</summary>
    public IReadOnlyList<string> TableColumns { get; init; } = [];
    /// <summary>The column's catalog entry.</summary>
    public required ColumnInfo Column { get; init; }
    /// <summary>When the column is part of a foreign key: the referenced table (<c>schema.table</c> or <c>table</c>); else null.</summary>
    public string? References { get; init; }
    /// <summary>True when values were sampled (even if all were NULL).</summary>
    public bool Sampled { get; init; }
    /// <summary>Why there are no values, when <see cref="Sampled"/> is false.</summary>
    public NotSampledReason? NotSampled { get; init; }
    /// <summary>Rows read for this table.</summary>
    public int SampledRows { get; init; }
    /// <summary>Rows where the column was NULL.</summary>
    public int NullCount { get; init; }
    /// <summary>Non-null values as text. Raw: never persist. For an array column, the elements one by one (see <see cref="ElementRows"/>).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
    /// <summary>For an array column: the sampled rows whose array held at least one element (<see cref="ColumnSample.ElementRows"/>); null otherwise.</summary>
    public int? ElementRows { get; init; }
    /// <summary>Byte lengths for binary columns (never decoded).</summary>
    public IReadOnlyList<long>? BinaryLengths { get; init; }
    /// <summary>The length the connector cut <see cref="Values"/> to (<see cref="ColumnSample.ValueLengthLimit"/>): a value of
    /// that length or longer may be the start of a longer document, read up to the cut; null when nothing was cut.</summary>
    public int? ValueLengthLimit { get; init; }
}

/// <summary>Who decided a column's category.</summary>
public enum Origin
{
    /// <summary>A human, in annotations/*.yml.</summary>
    Annotation,
    /// <summary>A label held by the database (SQL Server sensitivity classification, structured COMMENT).</summary>
    DatabaseLabel,
    /// <summary>Name rules and value detectors.</summary>
    Rules,
    /// <summary>The column model (trained with Microsoft.ML, scored by our own linear scorer).</summary>
    Model,
    /// <summary>A view's column that shows a base column as it is (<see cref="T:Inventory.Model.ColumnEntry"/>'s <c>ReadsFrom</c>): it takes the
    /// base column's category, status and confidence (an annotation or database label of the view column itself wins).</summary>
    Lineage,
}

/// <summary>One piece of evidence behind a decision. Holds counts and ratios, never values.</summary>
/// <param name="Kind">name-rule, detector, type-gate, suffix-gate, context-gate, key-gate, table-context, sample, model, database-label, no-data, contains,
/// json-path (a schema path of JSON documents, named in <paramref name="Id"/>), pseudonymised (what a hashed identifier was made from),
/// name-authority (a name rule whose kind the model cannot learn decides; its id in <paramref name="Id"/>), pattern (a value
/// pattern of inventory.yml decides or matched, <c>pattern.name</c> in <paramref name="Id"/>), generated (a
/// generated column takes the category of the columns its expression reads, named in <paramref name="Detail"/>).</param>
/// <param name="Id">Rule or detector id (e.g. <c>name.en.email</c>, <c>detector.email</c>).</param>
/// <param name="DataCategory">The category this evidence points at, or null for a gate.</param>
/// <param name="Matched">Values that matched (detectors), or null.</param>
/// <param name="Total">Non-null values tested (detectors), or null.</param>
/// <param name="Score">Ratio or probability in [0, 1], or null.</param>
/// <param name="Detail">Short human text; never a value.</param>
public sealed record EvidenceItem(string Kind, string Id, string? DataCategory = null, int? Matched = null, int? Total = null,
    double? Score = null, string? Detail = null);

/// <summary>The tool's decision for a column.</summary>
public sealed record ColumnClassification
{
    /// <summary><c>category.subcategory</c> (e.g. <c>contact.email</c>), a bare category, <c>none</c>, or null when undecided
    /// (zero evidence is never an automatic <c>none</c>).</summary>
    public string? DataCategory { get; init; }
    /// <summary>Confidence in [0, 1]; 0 when undecided.</summary>
    public double Confidence { get; init; }
    /// <summary>Rules or Model.</summary>
    public Origin Origin { get; init; } = Origin.Rules;
    /// <summary>Evidence, most decisive first.</summary>
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    /// <summary>Data categories found inside the values without deciding the column (free text holding e-mails, C08).</summary>
    public IReadOnlyList<string> AlsoContains { get; init; } = [];
    /// <summary>For a column of JSON documents: the paths the scan saw and what it found at each (C28); null for any
    /// other column.</summary>
    public JsonPathSummary? JsonPaths { get; init; }

    /// <summary>An undecided classification with the given evidence.</summary>
    public static ColumnClassification Undecided(params EvidenceItem[] evidence) => new() { Evidence = evidence };
}

/// <summary>Classifies one column. Implementations are pure and thread-safe.</summary>
public interface IColumnClassifier
{
    /// <summary>Decides a column's data category from its evidence.</summary>
    /// <param name="column">Names, types and in-memory samples.</param>
    /// <returns>The decision with its evidence; never null.</returns>
    ColumnClassification Classify(ColumnEvidence column);

    /// <summary>Classifies many columns; implementations with a model override it to score in one batch.</summary>
    /// <param name="columns">Columns to classify.</param>
    /// <returns>One decision per column, in order.</returns>
    IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns) => columns.Select(Classify).ToArray();
}
