using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Export;
using Inventory.Rules;

namespace Inventory.Tests.Export;

/// <summary>Inventories as the annotation merge leaves them, for the export tests: names, types, categories and
/// statuses only, never a value.</summary>
internal static class ExportDocuments
{
    /// <summary>Every category of the default taxonomy (bare top levels and every subcategory, <c>none</c> included).</summary>
    public static IReadOnlyList<string> AllCategories { get; } =
        Taxonomy.Default.Categories.SelectMany(c => c.Subcategories.Keys.Select(s => $"{c.Name}.{s}").Prepend(c.Name)).ToArray();

    /// <summary>A one-source document whose table <c>people</c> has one annotated column per category, named after it
    /// (<c>contact.email</c> → column <c>contact_email</c>).</summary>
    public static InventoryDocument OneColumnPerCategory(string provider, string schema, IEnumerable<string>? categories = null)
    {
        var columns = (categories ?? AllCategories).Select((c, i) => Tagged(c.Replace('.', '_'), c, i + 1)).ToList();
        return Document(provider, Table(schema, "people", columns));
    }

    /// <summary>A column tagged by an annotation.</summary>
    public static ColumnEntry Tagged(string name, string category, int ordinal = 1, string declaredType = "varchar(200)", bool nullable = true,
        string? comment = null) => new()
    {
        Name = name, Ordinal = ordinal, DeclaredType = declaredType, TypeFamily = TypeFamily.Text, Nullable = nullable, Comment = comment,
        DataCategory = category, Confidence = 1, Origin = Origin.Annotation, Status = ColumnStatus.Tagged,
        Annotation = new AnnotationRef { DataCategory = category, File = "annotations/people.yml", Line = ordinal + 1 },
    };

    /// <summary>A column with only a suggestion of the given confidence.</summary>
    public static ColumnEntry Suggested(string name, string category, double confidence, int ordinal) => new()
    {
        Name = name, Ordinal = ordinal, DeclaredType = "text", TypeFamily = TypeFamily.Text,
        DataCategory = category, Confidence = confidence, Origin = Origin.Rules, Status = ColumnStatus.Suggested,
        Classification = new ColumnClassification { DataCategory = category, Confidence = confidence, Origin = Origin.Rules },
    };

    public static TableEntry Table(string schema, string name, List<ColumnEntry> columns, TableKind kind = TableKind.Table, string defaultSchema = "public") => new()
    {
        Schema = schema, Name = name, QualifiedName = schema == defaultSchema ? name : $"{schema}.{name}", Kind = kind, Columns = columns,
    };

    public static InventoryDocument Document(string provider, params TableEntry[] tables) => new()
    {
        Tool = "inventory 1.0.0",
        ScannedAt = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero),
        Sources = [new SourceEntry { Name = "app", Provider = provider, DefaultSchema = tables.FirstOrDefault()?.Schema ?? "", Tables = [.. tables] }],
    };

    /// <summary>A SQL Server table whose schema, table and column names hold a closing bracket, a quote, a space and a
    /// line break, each column tagged with a personal category.</summary>
    public static ExportPlan OddSqlServerIdentifiers() => Plan(Document("sqlserver", Table("sales data", "Cust]omers",
        [Tagged("E]mail", "contact.email", 1), Tagged("O'Brien name", "contact.name", 2), Tagged("line\nbreak", "contact.phone", 3)], defaultSchema: "dbo")));

    /// <summary>The plan for a merged document.</summary>
    public static ExportPlan Plan(InventoryDocument document, double? threshold = null) =>
        LabelSelection.Select(document, new ExportOptions { AcceptClassificationAbove = threshold, InventoryName = "inventory.json" });
}
