using System.Text;

namespace Inventory.Rules.Learning;

/// <summary>One labelled column of the training corpus.</summary>
/// <param name="Table">Table name as written (may be schema-qualified).</param>
/// <param name="Column">Column name as written.</param>
/// <param name="DataType">Declared type as written (may be empty).</param>
/// <param name="Label"><c>category.subcategory</c>, a bare category, or <c>none</c>.</param>
/// <param name="Language">BCP 47 language of the names (<c>en</c>, <c>fr</c>, <c>de</c>, <c>es</c>) or empty.</param>
public sealed record CorpusRow(string Table, string Column, string DataType, string Label, string Language);

/// <summary>Reads the labelled training corpus: every <c>*.tsv</c> file of a folder (in ordinal file-name order), each with
/// the header <c>table, column, data_type, category, subcategory[, language]</c> (extra columns such as <c>note</c> are ignored).</summary>
public static class TrainingCorpus
{
    /// <summary>Reads every TSV file of <paramref name="directory"/>.</summary>
    /// <param name="directory">Folder holding the corpus files.</param>
    /// <returns>Rows in file order, then line order.</returns>
    /// <exception cref="ConfigurationException">The folder is missing or holds no TSV file; a header lacks a required column;
    /// a row has too few fields or an empty table, column or category (with file and line).</exception>
    public static IReadOnlyList<CorpusRow> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new ConfigurationException($"corpus folder '{directory}' does not exist; pass --corpus with the folder of *.tsv files");
        var files = Directory.GetFiles(directory, "*.tsv").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
            throw new ConfigurationException($"corpus folder '{directory}' holds no *.tsv file");
        var rows = new List<CorpusRow>();
        foreach (var file in files) rows.AddRange(ReadFile(file));
        return rows;
    }

    /// <summary>Reads one corpus TSV file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>Its rows.</returns>
    /// <exception cref="ConfigurationException">Missing file, bad header or bad row (with file and line).</exception>
    public static IReadOnlyList<CorpusRow> ReadFile(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException($"corpus file '{path}' does not exist");
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new ConfigurationException("the file is empty; expected a header line", path, 1, 1);
        var names = header.Split('\t').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Index(string name, bool required)
        {
            var i = names.IndexOf(name);
            if (i < 0 && required)
                throw new ConfigurationException($"the header lacks the column '{name}' (expected table, column, data_type, category, subcategory)", path, 1, 1);
            return i;
        }
        int ti = Index("table", true), ci = Index("column", true), di = Index("data_type", true), ki = Index("category", true),
            si = Index("subcategory", true), li = Index("language", false);
        var rows = new List<CorpusRow>();
        int lineNo = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            var needed = new[] { ti, ci, di, ki, si }.Max();
            if (f.Length <= needed)
                throw new ConfigurationException($"expected at least {needed + 1} tab-separated fields, found {f.Length}", path, lineNo, 1);
            var category = f[ki].Trim();
            if (f[ti].Length == 0 || f[ci].Length == 0 || category.Length == 0)
                throw new ConfigurationException("table, column and category must not be empty", path, lineNo, 1);
            var sub = f[si].Trim();
            rows.Add(new CorpusRow(f[ti], f[ci], f[di].Trim(), sub.Length == 0 ? category : $"{category}.{sub}",
                li >= 0 && li < f.Length ? f[li].Trim() : ""));
        }
        return rows;
    }
}
