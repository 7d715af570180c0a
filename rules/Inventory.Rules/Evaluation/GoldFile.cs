using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules.Evaluation;

/// <summary>One labelled column of a gold file.</summary>
/// <param name="Table">Table, schema-qualified when the source is.</param>
/// <param name="Column">Column name.</param>
/// <param name="DataType">Declared type as written in the file.</param>
/// <param name="Category">Gold category (one of the six).</param>
/// <param name="Subcategory">Gold subcategory, or empty.</param>
/// <param name="Note">Free-text note, or empty.</param>
/// <param name="Line">1-based line in the file.</param>
public sealed record GoldRow(string Table, string Column, string DataType, string Category, string Subcategory, string Note, int Line)
{
    /// <summary><c>category.subcategory</c>, or the bare category when there is no subcategory.</summary>
    public string DataCategory => Subcategory.Length == 0 ? Category : $"{Category}.{Subcategory}";

    /// <summary>Builds the evidence the classifier sees from names and types only (no values, not sampled).</summary>
    /// <param name="tableColumns">All column names of the table, for context (optional).</param>
    public ColumnEvidence ToEvidence(IReadOnlyList<string>? tableColumns = null)
    {
        int dot = Table.IndexOf('.');
        return new ColumnEvidence
        {
            Schema = dot < 0 ? "" : Table[..dot],
            Table = dot < 0 ? Table : Table[(dot + 1)..],
            TableColumns = tableColumns ?? [],
            Column = new ColumnInfo { Name = Column, Ordinal = 1, DeclaredType = DataType, Family = DeclaredTypes.FamilyOf(DataType) },
            Sampled = false,
        };
    }
}

/// <summary>Reads gold files (<c>../shared/data/gold/*.tsv</c>): UTF-8 TSV with the header
/// <c>table, column, data_type, category, subcategory, note</c>.</summary>
public static class GoldFile
{
    private static readonly string[] Header = ["table", "column", "data_type", "category", "subcategory", "note"];

    /// <summary>Reads every row of a gold file.</summary>
    /// <param name="path">The TSV file.</param>
    /// <returns>Rows in file order.</returns>
    /// <exception cref="ConfigurationException">Missing file, wrong header or a row with too few fields (with file and line).</exception>
    public static IReadOnlyList<GoldRow> Read(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException("gold file not found", path);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) throw new ConfigurationException("empty gold file; expected a header line", path, 1, 1);
        var header = lines[0].TrimEnd('\r').Split('\t');
        if (header.Length < 5 || !header.Take(5).SequenceEqual(Header.Take(5), StringComparer.Ordinal))
            throw new ConfigurationException($"unexpected header; expected: {string.Join(" ", Header)}", path, 1, 1);
        var rows = new List<GoldRow>(lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length < 4) throw new ConfigurationException($"expected at least 4 tab-separated fields, found {f.Length}", path, i + 1, 1);
            rows.Add(new GoldRow(f[0], f[1], f[2], f[3], f.Length > 4 ? f[4] : "", f.Length > 5 ? f[5] : "", i + 1));
        }
        return rows;
    }

    /// <summary>Builds names-and-types evidence for every row, giving each column its table's other column names as context.</summary>
    /// <param name="rows">Gold rows.</param>
    public static IReadOnlyList<ColumnEvidence> ToEvidence(IReadOnlyList<GoldRow> rows)
    {
        var byTable = rows.GroupBy(r => r.Table, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => r.Column).ToArray(), StringComparer.Ordinal);
        return rows.Select(r => r.ToEvidence(byTable[r.Table])).ToArray();
    }
}
