using System.Globalization;
using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Reports.Export;

/// <summary>The formats <c>inventory export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>T-SQL <c>ADD SENSITIVITY CLASSIFICATION</c> statements (SQL Server 2019+, Azure SQL).</summary>
    SqlServerLabels,
    /// <summary>PostgreSQL <c>COMMENT ON COLUMN</c> statements carrying an <c>inventory:</c> line.</summary>
    PostgresComments,
    /// <summary>MySQL/MariaDB <c>ALTER TABLE … MODIFY COLUMN … COMMENT</c> statements carrying an <c>inventory:</c> line.</summary>
    MySqlComments,
    /// <summary>A fideslang <c>dataset</c> YAML file for Fides.</summary>
    Fides,
    /// <summary>T-SQL setting the column extended properties SSMS's classification wrote before SQL Server 2019
    /// (<c>sys_information_type_name</c>, <c>sys_sensitivity_label_name</c> and their ids), for SQL Server 2012–2017.</summary>
    SqlServerExtendedProperties,
}

/// <summary>Why a column is exported.</summary>
public enum ExportBasis
{
    /// <summary>A human annotation with a category.</summary>
    Annotation,
    /// <summary>A label the database already holds (SQL Server classification, structured comment).</summary>
    DatabaseLabel,
    /// <summary>A classification at or above the accepted confidence (<c>--accept-classification-above</c>).</summary>
    Suggestion,
}

/// <summary>Options of <see cref="LabelSelection.Select"/>.</summary>
public sealed record ExportOptions
{
    /// <summary>Suggestions (rules or model) with confidence ≥ this value in [0, 1] are exported too, as <c>check</c>
    /// accepts them; null (default) exports tagged columns only.</summary>
    public AcceptanceThresholds? AcceptClassificationAbove { get; init; }
    /// <summary>Only this source (exact name); null for every controller source.</summary>
    public string? Source { get; init; }
    /// <summary>The inventory file's name as shown in the header (e.g. <c>inventory.json</c>), or null.</summary>
    public string? InventoryName { get; init; }
    /// <summary>Also export the columns of views and materialized views (<c>--include-views</c>). Off by default: a
    /// view's data is stored in its base tables, which carry the labels a DBA and the catalog's readers look for; a
    /// view's own column comments are a choice the DBA makes explicitly (trial34 finding 12). PostgreSQL comments and
    /// Fides datasets only: MySQL changes a comment through <c>ALTER TABLE</c>, which a view refuses, and SQL Server
    /// classifies table columns only.</summary>
    public bool IncludeViews { get; init; }
}

/// <summary>One column whose effective category is exported.</summary>
/// <param name="Source">The column's source.</param>
/// <param name="Table">The column's table.</param>
/// <param name="Column">The column (names, declared type, nullability and comment as the scan recorded them).</param>
/// <param name="Category">The effective data category.</param>
/// <param name="Basis">Why it is exported.</param>
/// <param name="Provenance">Where the category comes from, for the script's per-statement comment: the annotation
/// file and line, <c>database label</c>, or the classifier and its confidence. Never a value.</param>
public sealed record ExportedColumn(SourceEntry Source, TableEntry Table, ColumnEntry Column, string Category, ExportBasis Basis, string Provenance)
{
    /// <summary>True unless the category is <c>none</c>.</summary>
    public bool IsPersonal => Category != "none";
}

/// <summary>A column whose annotation (or database label) the scan's evidence contradicts (status <c>conflict</c>, as
/// <c>inventory check</c> reports it): held back from the export until a human fixes the category or confirms it with a
/// <c>reason:</c>, so a script never writes into the database's catalog a label the data argues against.</summary>
/// <param name="Source">The column's source.</param>
/// <param name="Table">The column's table.</param>
/// <param name="Column">The column.</param>
/// <param name="Key">The column as <c>check</c> names it (<c>table.column</c>, <c>source:table.column</c> with several
/// sources).</param>
/// <param name="Category">The contradicted category.</param>
/// <param name="Provenance">Where it comes from: <c>annotation FILE:LINE</c> or <c>database label</c>.</param>
/// <param name="Conflict">The evidence, as counts (<see cref="ColumnEntry.Conflict"/>); never a value.</param>
public sealed record HeldBackColumn(SourceEntry Source, TableEntry Table, ColumnEntry Column, string Key, string Category, string Provenance, string Conflict)
{
    /// <summary>What to do about it, as <c>check</c> says it.</summary>
    public string Remedy => Column.Origin == Origin.DatabaseLabel
        ? "fix the label in the database, or annotate the column (with a reason: to confirm the label's category), then export again"
        : "fix the category, or add a reason: to confirm it, then export again";
}

/// <summary>What an export holds: the sources in scope and their exported columns, in document order.</summary>
public sealed record ExportPlan
{
    /// <summary>The controller sources in scope (one when <see cref="ExportOptions.Source"/> is set).</summary>
    public required IReadOnlyList<SourceEntry> Sources { get; init; }
    /// <summary>Exported columns, in document order (source, schema, table, column ordinal).</summary>
    public required IReadOnlyList<ExportedColumn> Columns { get; init; }
    /// <summary>Columns in scope that are not exported: untagged, or suggested below the threshold.</summary>
    public int NotExported { get; init; }
    /// <summary>Tagged columns held back because the evidence contradicts their category (status conflict), in
    /// document order; not counted in <see cref="NotExported"/>.</summary>
    public IReadOnlyList<HeldBackColumn> HeldBack { get; init; } = [];
    /// <summary>Columns of views and materialized views that would be exported or held back, left out because
    /// <see cref="ExportOptions.IncludeViews"/> is off.</summary>
    public int ViewColumnsLeftOut { get; init; }
    /// <summary>Processor sources left out (customer-owned data, outside the gate like in <c>check</c>).</summary>
    public IReadOnlyList<string> ProcessorSources { get; init; } = [];
    /// <summary>The options used.</summary>
    public required ExportOptions Options { get; init; }
    /// <summary>The inventory's tool and scan time, for the header.</summary>
    public string Provenance { get; init; } = "";
}

/// <summary>
/// Chooses the columns <c>inventory export</c> writes, with the same rule as the CI gate (<see cref="Check.CheckGate"/>):
/// a column is exported when it is tagged (annotation with a category, or a database label), or, when
/// <see cref="ExportOptions.AcceptClassificationAbove"/> is set, when it is suggested by rules or the model with at least
/// that confidence. A column in conflict (the evidence contradicts its annotation or label) is tagged for the gate but
/// held back here (<see cref="ExportPlan.HeldBack"/>): writing it would copy a disputed label into the database's
/// catalog, where other tools take it as settled; a <c>reason:</c> on the annotation settles it and it is exported. Processor sources are out of scope, as in <c>check</c>. The document must
/// have gone through <see cref="Annotations.AnnotationMerger.Apply"/>.
/// </summary>
public static class LabelSelection
{
    /// <summary>Selects the exported columns.</summary>
    /// <param name="document">A merged inventory.</param>
    /// <param name="options">Threshold and source.</param>
    /// <returns>The plan, in document order.</returns>
    /// <exception cref="ConfigurationException">The named source is not in the inventory, or is a processor source.</exception>
    public static ExportPlan Select(InventoryDocument document, ExportOptions options)
    {
        var processors = document.Sources.Where(s => s.Role == ProcessingRole.Processor).Select(s => s.Name).ToArray();
        var sources = document.Sources.Where(s => s.Role != ProcessingRole.Processor).ToList();
        if (options.Source is { } name)
        {
            if (processors.Contains(name, StringComparer.Ordinal))
                throw new ConfigurationException($"source '{name}' is a processor source (customer-owned data): it is outside the gate and is not exported");
            var source = sources.FirstOrDefault(s => s.Name == name)
                ?? throw new ConfigurationException($"source '{name}' is not in the inventory; it holds: {string.Join(", ", document.Sources.Select(s => s.Name))}");
            sources = [source];
        }

        var columns = new List<ExportedColumn>();
        var heldBack = new List<HeldBackColumn>();
        int notExported = 0, viewColumns = 0;
        bool multiSource = document.Sources.Count(s => s.Role != ProcessingRole.Processor) > 1;
        foreach (var source in sources)
        foreach (var table in source.Tables)
        foreach (var column in table.Columns)
        {
            if (!options.IncludeViews && table.Kind is Catalog.TableKind.View or Catalog.TableKind.MaterializedView)
            {
                // A view column tagged through its base column (lineage) is a view column left out, not an untagged one
                // (trial36: 8 of them were counted "untagged or below the accepted confidence").
                if (column.Status == ColumnStatus.Conflict || Exported(column, options.AcceptClassificationAbove) is not null
                    || (column.Origin == Origin.Lineage && column.DataCategory is not null)) viewColumns++;
                else notExported++;
                continue;
            }
            if (column.Status == ColumnStatus.Conflict && column.DataCategory is { } disputed)
                heldBack.Add(new HeldBackColumn(source, table, column, Check.CheckGate.Key(multiSource ? source.Name : null, table.QualifiedName, column.Name),
                    disputed, column.Origin == Origin.DatabaseLabel ? "database label" : Provenance(column, ExportBasis.Annotation),
                    column.Conflict ?? $"annotated {disputed}, contradicted by the evidence"));
            else if (Exported(column, options.AcceptClassificationAbove) is { } basis && column.DataCategory is { } category)
                columns.Add(new ExportedColumn(source, table, column, category, basis, Provenance(column, basis)));
            else
                notExported++;
        }
        var scanned = document.ScannedAt is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "scan time not recorded";
        return new ExportPlan
        {
            Sources = sources,
            Columns = columns,
            NotExported = notExported,
            HeldBack = heldBack,
            ViewColumnsLeftOut = viewColumns,
            ProcessorSources = options.Source is null ? processors : [],
            Options = options,
            Provenance = $"{document.Tool}, {scanned}",
        };
    }

    private static ExportBasis? Exported(ColumnEntry column, AcceptanceThresholds? threshold)
    {
        // The gate's rule (ColumnEntry.CountsAsTagged): a tag, or a suggestion at or above the threshold. A view column
        // that inherits its base column's category (Origin.Lineage) is not exported: the label belongs on the base
        // column, and the next scan gives it to the view again.
        if (column.DataCategory is null || column.Origin == Origin.Lineage || !column.CountsAsTagged(threshold)) return null;
        if (column.Status is ColumnStatus.Tagged)
            return column.Origin == Origin.DatabaseLabel ? ExportBasis.DatabaseLabel : ExportBasis.Annotation;
        return ExportBasis.Suggestion;
    }

    private static string Provenance(ColumnEntry column, ExportBasis basis) => basis switch
    {
        ExportBasis.Annotation when column.Annotation is { } a => $"annotation {a.File}:{a.Line}",
        ExportBasis.Annotation => "annotation",
        ExportBasis.DatabaseLabel => "database label",
        _ => $"{(column.Origin == Origin.Model ? "model" : "rules")} suggestion, confidence {ConfidenceText.Format(column.Confidence)}",
    };
}
