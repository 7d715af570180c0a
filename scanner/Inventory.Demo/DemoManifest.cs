using System.Text;
using Inventory.Model;

namespace Inventory.Demo;

/// <summary>Size of the demo database.</summary>
public enum DemoSize
{
    /// <summary>About a tenth of <see cref="Default"/> (≈ 7,000 rows): for quick tests.</summary>
    Small,
    /// <summary>The shipped demo: 400 organisations, 2,000 users, 20,000 login events… (≈ 75,000 rows).</summary>
    Default,
    /// <summary>Five times <see cref="Default"/>: for benchmarks.</summary>
    Large,
}

/// <summary>The true label of one column of the demo database.</summary>
/// <param name="Table">Table name.</param>
/// <param name="Column">Column name.</param>
/// <param name="DataType">Declared type as in the DDL.</param>
/// <param name="DataCategory">True data category, <c>category.subcategory</c> or <c>none</c> (../shared/data/LABELS.md).</param>
/// <param name="AnnotatedCategory">What the shipped annotation says, or null when the table ships unannotated. Differs
/// from <paramref name="DataCategory"/> only on the contradicted column.</param>
/// <param name="Note">Why this label, when not obvious; null otherwise.</param>
public sealed record DemoColumnTruth(string Table, string Column, string DataType, string DataCategory, string? AnnotatedCategory, string? Note)
{
    /// <summary>The category part (<c>contact</c> of <c>contact.email</c>; <c>none</c> for none).</summary>
    public string Category => Inventory.Classification.DataCategory.TopLevelOf(DataCategory);
    /// <summary>The subcategory part, or empty for <c>none</c>.</summary>
    public string Subcategory => DataCategory.Contains('.', StringComparison.Ordinal) ? DataCategory[(DataCategory.IndexOf('.', StringComparison.Ordinal) + 1)..] : "";
}

/// <summary>A raw value the generator inserted that must never appear in any file, log or message the tool writes.</summary>
/// <param name="Kind">What it is: <c>email</c>, <c>name</c>, <c>phone</c>, <c>pan</c>, <c>ip</c>, <c>tax-id</c> (safe to print).</param>
/// <param name="Value">The raw value (secret: print only the kind when a leak is found).</param>
public sealed record DemoCanary(string Kind, string Value)
{
    /// <summary>The kind only: a canary must not print its value, even in a failed assertion.</summary>
    public override string ToString() => $"canary {Kind}";
}

/// <summary>The deliberate traps the demo must expose.</summary>
/// <param name="PanTable">Legacy table holding full card numbers (Luhn-valid test PANs): the "no PAN stored" claim must be violated.</param>
/// <param name="PanColumn">Its PAN column.</param>
/// <param name="UnannotatedTable">New table with no annotation file: its columns must come out untagged.</param>
/// <param name="ContradictedTable">Table of the contradicted annotation.</param>
/// <param name="ContradictedColumn">Column annotated <paramref name="AnnotatedCategory"/> whose values are <paramref name="TrueCategory"/>: must be a conflict.</param>
/// <param name="AnnotatedCategory">What the annotation claims (<c>none</c>).</param>
/// <param name="TrueCategory">What the column holds (<c>contact.email</c>).</param>
public sealed record DemoTraps(string PanTable, string PanColumn, string UnannotatedTable, string ContradictedTable,
    string ContradictedColumn, string AnnotatedCategory, string TrueCategory);

/// <summary>
/// What <see cref="DemoDatabase.Create"/> built: the true data category of every column, row counts, the traps and
/// a deterministic sample of the raw values inserted (canaries for leak tests).
/// </summary>
public sealed class DemoManifest
{
    internal DemoManifest(string databasePath, int seed, DemoSize size, IReadOnlyList<DemoColumnTruth> columns,
        IReadOnlyDictionary<string, long> rowCounts, IReadOnlyList<DemoCanary> canaries)
    {
        DatabasePath = databasePath;
        Seed = seed;
        Size = size;
        Columns = columns;
        RowCounts = rowCounts;
        CanaryValues = canaries;
    }

    /// <summary>Full path of the SQLite file.</summary>
    public string DatabasePath { get; }
    /// <summary>The seed used.</summary>
    public int Seed { get; }
    /// <summary>The size used.</summary>
    public DemoSize Size { get; }
    /// <summary>Every column of every table, tables in creation order, columns in DDL order.</summary>
    public IReadOnlyList<DemoColumnTruth> Columns { get; }
    /// <summary>Rows inserted per table, keyed by table name (for the order, use <see cref="Tables"/>).</summary>
    public IReadOnlyDictionary<string, long> RowCounts { get; }
    /// <summary>Table names in creation order.</summary>
    public IReadOnlyList<string> Tables => Columns.Select(c => c.Table).Distinct().ToList();
    /// <summary>Total rows inserted.</summary>
    public long TotalRows => RowCounts.Values.Sum();
    /// <summary>Raw values inserted (e-mails, full names, phones, PANs in stored and bare form, IPs, tax ids) that no output may contain.</summary>
    public IReadOnlyList<DemoCanary> CanaryValues { get; }
    /// <summary>The traps.</summary>
    public DemoTraps Traps { get; } = new(DemoSchema.PanTable, DemoSchema.PanColumn, DemoSchema.UnannotatedTable,
        DemoSchema.ContradictedTable, DemoSchema.ContradictedColumn,
        DemoSchema.Table(DemoSchema.ContradictedTable).Columns.Single(c => c.Name == DemoSchema.ContradictedColumn).AnnotatedCategory,
        DemoSchema.Table(DemoSchema.ContradictedTable).Columns.Single(c => c.Name == DemoSchema.ContradictedColumn).Category);
    /// <summary>Tables whose activity is customer hosting (the host is processor; scanned as a <c>role: processor</c> source).</summary>
    public IReadOnlyList<string> ProcessorTables { get; } =
        DemoSchema.Tables.Where(t => t.Activity == DemoSchema.ProcessorActivity).Select(t => t.Name).ToList();

    /// <summary>The true label of a column, or null when the demo has no such column (exact, case-sensitive names).</summary>
    public DemoColumnTruth? Find(string table, string column) =>
        Columns.FirstOrDefault(c => c.Table == table && c.Column == column);

    /// <summary>The truth in the gold TSV format of ../shared/data/README.md: header
    /// <c>table, column, data_type, category, subcategory, note</c>, tab-separated, one row per column, LF line ends.</summary>
    public string ToTruthTsv()
    {
        var b = new StringBuilder("table\tcolumn\tdata_type\tcategory\tsubcategory\tnote\n");
        foreach (var c in Columns)
            b.Append(c.Table).Append('\t').Append(c.Column).Append('\t').Append(c.DataType).Append('\t')
             .Append(c.Category).Append('\t').Append(c.Subcategory).Append('\t').Append(Clean(c.Note)).Append('\n');
        return b.ToString();
    }

    /// <summary>Writes <see cref="ToTruthTsv"/> to <paramref name="path"/> atomically (UTF-8 without BOM).</summary>
    /// <param name="path">Destination file; its folder must exist.</param>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public void WriteTruthTsv(string path) => AtomicFile.WriteAllText(path, ToTruthTsv());

    private static string Clean(string? note) =>
        note is null ? "" : note.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
