using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Tests.Annotations;

/// <summary>Builds inventory documents by hand, shaped like the scan runner's output (catalog + sample stats +
/// classification, status suggested/untagged, no annotation yet). The C05/C06/C07 documents mirror the cases'
/// setup.postgres.sql: same tables, columns, types and row counts; the classifications are what the classifier is
/// expected to say (detector counts from the case rows), since the classifier and the PostgreSQL connector are built
/// on other branches.</summary>
internal static class CaseInventories
{
    public static EvidenceItem Detector(string id, string category, int matched, int total) =>
        new("detector", id, category, matched, total, (double)matched / total);

    public static EvidenceItem NameRule(string id, string category, double score) => new("name-rule", id, category, Score: score);

    public static ColumnEntry Column(string name, int ordinal, string type, TypeFamily family, ColumnClassification? classification = null,
        int sampledRows = 0, int nonNull = 0, NotSampledReason? notSampled = null) => new()
    {
        Name = name,
        Ordinal = ordinal,
        DeclaredType = type,
        TypeFamily = family,
        NotSampled = notSampled,
        Stats = new SampleStats { SampledRows = sampledRows, NonNull = nonNull, NullRatio = sampledRows == 0 ? 0 : 1 - (double)nonNull / sampledRows },
        Classification = classification ?? ColumnClassification.Undecided(),
        DataCategory = classification?.DataCategory,
        Confidence = classification?.DataCategory is null ? 0 : classification.Confidence,
        Origin = classification?.DataCategory is null ? null : classification.Origin,
        Status = classification?.DataCategory is null ? ColumnStatus.Untagged : ColumnStatus.Suggested,
    };

    public static ColumnClassification Decided(string category, double confidence, params EvidenceItem[] evidence) =>
        new() { DataCategory = category, Confidence = confidence, Evidence = evidence };

    public static TableEntry Table(string name, int sampledRows, params ColumnEntry[] columns) => new()
    {
        Schema = "public",
        Name = name,
        QualifiedName = name,
        SampledRows = sampledRows,
        NotSampled = sampledRows == 0 ? NotSampledReason.Empty : null,
        Columns = [.. columns],
    };

    /// <summary>Loads <paramref name="yaml"/> as one annotation file (asserting it has no error) and applies it to
    /// <paramref name="document"/> with paths relative to the file's folder.</summary>
    public static Inventory.Annotations.MergeResult MergeAnnotationText(InventoryDocument document, string yaml)
    {
        using var dir = new TempFolder();
        var file = dir.Write("annotations.yml", yaml);
        var set = new Inventory.Annotations.AnnotationLoader().Load(file);
        NUnit.Framework.Assert.That(set.Errors, NUnit.Framework.Is.Empty);
        return new Inventory.Annotations.AnnotationMerger(options: new Inventory.Annotations.MergeOptions { PathBase = dir.Path }).Apply(document, set);
    }

    public static InventoryDocument Document(params TableEntry[] tables)
    {
        var document = new InventoryDocument
        {
            Tool = "inventory 1.0.0",
            Sources = [new SourceEntry { Name = "default", Provider = "postgres", DefaultSchema = "public", Target = "127.0.0.1/case", Tables = [.. tables] }],
        };
        document.Normalize();
        return document;
    }

    /// <summary>C05: app_user, 2 rows; backup_email holds one e-mail and one NULL; resource_path holds storage paths that a
    /// (hypothetical later) person-name detector guesses at.</summary>
    public static InventoryDocument C05() => Document(Table("app_user", 2,
        Column("id", 1, "integer", TypeFamily.Integer, Decided("none", 0.9, NameRule("name.en.id", "none", 0.9)), 2, 2),
        Column("display_name", 2, "text", TypeFamily.Text,
            Decided("contact.name", 0.85, NameRule("name.en.display_name", "contact.name", 0.8), Detector("detector.person_name", "contact.name", 2, 2)), 2, 2),
        Column("resource_path", 3, "text", TypeFamily.Text,
            Decided("contact.name", 0.6, Detector("detector.person_name", "contact.name", 2, 2)), 2, 2),
        Column("backup_email", 4, "text", TypeFamily.Text,
            Decided("contact.email", 0.97, Detector("detector.email", "contact.email", 1, 1), NameRule("name.en.email", "contact.email", 0.8)), 2, 1)));

    /// <summary>C06: invoice (v1 + billing_email from v2) and invoice_line (v2), no rows.</summary>
    public static InventoryDocument C06() => Document(
        Table("invoice", 0,
            Column("id", 1, "integer", TypeFamily.Integer, Decided("none", 0.9, NameRule("name.en.id", "none", 0.9)), notSampled: NotSampledReason.Empty),
            Column("customer_name", 2, "text", TypeFamily.Text, Decided("contact.name", 0.8, NameRule("name.en.customer_name", "contact.name", 0.8)), notSampled: NotSampledReason.Empty),
            Column("vat_number", 3, "text", TypeFamily.Text, Decided("financial.tax_id", 0.8, NameRule("name.en.vat", "financial.tax_id", 0.8)), notSampled: NotSampledReason.Empty),
            Column("total", 4, "numeric", TypeFamily.Decimal, Decided("financial.billing", 0.6, NameRule("name.en.total", "financial.billing", 0.6)), notSampled: NotSampledReason.Empty),
            Column("billing_email", 5, "text", TypeFamily.Text, Decided("contact.email", 0.8, NameRule("name.en.email", "contact.email", 0.8)), notSampled: NotSampledReason.Empty)),
        Table("invoice_line", 0,
            Column("id", 1, "integer", TypeFamily.Integer, Decided("none", 0.9, NameRule("name.en.id", "none", 0.9)), notSampled: NotSampledReason.Empty),
            Column("invoice_id", 2, "integer", TypeFamily.Integer, Decided("none", 0.9, NameRule("name.en.foreign_key", "none", 0.9)), notSampled: NotSampledReason.Empty),
            Column("description", 3, "text", TypeFamily.Text, notSampled: NotSampledReason.Empty)));

    /// <summary>C07: newsletter_optin has no rows; audit_tmp.payload has 2 rows, both NULL.</summary>
    public static InventoryDocument C07() => Document(
        Table("newsletter_optin", 0,
            Column("id", 1, "integer", TypeFamily.Integer, Decided("none", 0.9, NameRule("name.en.id", "none", 0.9)), notSampled: NotSampledReason.Empty),
            Column("subscriber_email", 2, "text", TypeFamily.Text, Decided("contact.email", 0.7, NameRule("name.en.email", "contact.email", 0.7)), notSampled: NotSampledReason.Empty),
            Column("consent_ip", 3, "inet", TypeFamily.Network, Decided("automatic.ip_address", 0.85, NameRule("name.en.ip", "automatic.ip_address", 0.7), new EvidenceItem("type-gate", "type.inet", "automatic.ip_address")), notSampled: NotSampledReason.Empty),
            Column("created_at", 4, "timestamp with time zone", TypeFamily.Temporal, Decided("none", 0.9, NameRule("name.en.created_at", "none", 0.9)), notSampled: NotSampledReason.Empty)),
        Table("audit_tmp", 2,
            Column("payload", 1, "jsonb", TypeFamily.Document, ColumnClassification.Undecided(new EvidenceItem("no-data", "no-data", Detail: "all sampled values NULL")), 2, 0)));
}

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("inv-annotations-").FullName;

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
