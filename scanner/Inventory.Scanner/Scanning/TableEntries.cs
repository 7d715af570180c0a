using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;

namespace Inventory.Scanning;

/// <summary>Turns a sampled table into classifier evidence, and evidence plus decisions into the document's table entry
/// (statistics, masked examples on request; no raw value is kept).</summary>
internal static class TableEntries
{
    /// <summary>The evidence of every column of a table, in catalog order.</summary>
    /// <param name="source">The source's configuration.</param>
    /// <param name="provider">The provider name.</param>
    /// <param name="defaultSchema">The source's default schema (<see cref="DatabaseCatalog.DefaultSchema"/>): a table in it
    /// is <see cref="ColumnEvidence.InDefaultSchema"/>, and the classifier does not read its schema.</param>
    /// <param name="table">The table's catalog entry.</param>
    /// <param name="sample">Its sample.</param>
    public static ColumnEvidence[] Evidence(SourceConfig source, string provider, string defaultSchema, TableInfo table, TableSample sample)
    {
        var names = table.Columns.Select(c => c.Name).ToArray();
        var evidence = new ColumnEvidence[table.Columns.Count];
        for (int i = 0; i < evidence.Length; i++)
        {
            var c = table.Columns[i];
            sample.Columns.TryGetValue(c.Name, out var s);
            var notSampled = s?.NotSampled ?? sample.NotSampled ?? (s is null ? NotSampledReason.Error : null);
            if (notSampled is null && sample.RowCount == 0) notSampled = NotSampledReason.Empty;
            evidence[i] = new ColumnEvidence
            {
                Source = source.Name,
                Provider = provider,
                Schema = table.Schema,
                InDefaultSchema = string.Equals(table.Schema, defaultSchema, StringComparison.Ordinal),
                Table = table.Name,
                TableKind = table.Kind,
                TableComment = table.Comment,
                TableColumns = names,
                Column = c,
                References = table.ForeignKeys.FirstOrDefault(fk => fk.Columns.Contains(c.Name, StringComparer.Ordinal)) is { } fk
                    ? (fk.ReferencedSchema.Length == 0 || fk.ReferencedSchema == table.Schema ? fk.ReferencedTable : $"{fk.ReferencedSchema}.{fk.ReferencedTable}")
                    : null,
                Sampled = notSampled is null,
                NotSampled = notSampled,
                SampledRows = sample.RowCount,
                NullCount = s?.NullCount ?? 0,
                Values = s?.Values ?? [],
                ElementRows = s?.ElementRows,
                BinaryLengths = s?.BinaryLengths,
                ValueLengthLimit = s?.ValueLengthLimit,
            };
        }
        return evidence;
    }

    /// <summary>The table entry: catalog facts, sample statistics and one decision per column.</summary>
    public static TableEntry Build(string defaultSchema, TableInfo table, TableSample sample, IReadOnlyList<ColumnEvidence> evidence,
        IReadOnlyList<ColumnClassification> decisions, bool masked)
    {
        var entry = new TableEntry
        {
            Schema = table.Schema,
            Name = table.Name,
            QualifiedName = table.QualifiedName(defaultSchema),
            Kind = table.Kind,
            RowEstimate = table.RowEstimate,
            SampledRows = sample.RowCount,
            SampleMethod = sample.Method,
            NotSampled = sample.NotSampled ?? (sample.RowCount == 0 && sample.Issues.Count == 0 ? NotSampledReason.Empty : null),
            Comment = table.Comment,
            PrimaryKey = [.. table.PrimaryKey],
            ForeignKeys = [.. table.ForeignKeys],
            Partitions = [.. table.Partitions],
            History = table.History,
            Columns = new List<ColumnEntry>(evidence.Count),
        };
        for (int i = 0; i < evidence.Count; i++)
        {
            var e = evidence[i];
            var d = decisions[i];
            var column = new ColumnEntry
            {
                Name = e.Column.Name,
                Ordinal = e.Column.Ordinal,
                DeclaredType = e.Column.DeclaredType,
                TypeFamily = e.Column.Family,
                Nullable = e.Column.Nullable,
                Comment = e.Column.Comment,
                DatabaseLabel = e.Column.DatabaseLabel,
                ReadsFrom = e.Column.ReadsFrom,
                NotSampled = e.NotSampled,
                Stats = Stats(e),
                Classification = d,
                MaskedExamples = masked ? Masking.Examples(e.Values, LabelledCredentials(e.Column) ? "other_personal.credentials" : d.DataCategory, e.Column.Name)?.ToList() : null,
            };
            column.ApplyClassification(); // category, confidence, origin, status and JSON paths from the decision
            entry.Columns.Add(column);
        }
        return entry;
    }

    /// <summary>A table that was not sampled: every column with the same reason.</summary>
    public static TableSample NotSampled(TableInfo table, NotSampledReason reason) => new()
    {
        NotSampled = reason,
        Columns = table.Columns.ToDictionary(c => c.Name, c => new ColumnSample { Column = c.Name, NotSampled = reason }, StringComparer.Ordinal),
    };

    /// <summary>True when the database itself labels the column as credentials: a SQL Server sensitivity
    /// classification of information type Credentials, or a comment naming <c>other_personal.credentials</c>.</summary>
    private static bool LabelledCredentials(ColumnInfo column) =>
        string.Equals(column.DatabaseLabel?.InformationType, "Credentials", StringComparison.OrdinalIgnoreCase)
        || column.Comment?.Contains("other_personal.credentials", StringComparison.Ordinal) == true;

    // The distinct-value set of Stats, kept per thread between columns (entries are built on the classification workers).
    [ThreadStatic] private static HashSet<string>? t_distinct;

    // The largest set Stats keeps for its thread's next column.
    private const int MaxKeptDistinct = 4096;

    private static SampleStats Stats(ColumnEvidence e)
    {
        // Array columns: rows that held elements, not the elements (C29).
        int nonNull = e.ElementRows ?? e.Values.Count + (e.BinaryLengths?.Count ?? 0);
        int distinct = 0;
        long maxLength = 0;
        if (e.Values.Count > 0)
        {
            // The thread's set, emptied after each column (one sized for the column's values was allocated per column).
            var seen = t_distinct ?? new HashSet<string>(StringComparer.Ordinal);
            t_distinct = null;
            for (int i = 0; i < e.Values.Count; i++) // by index: no enumerator boxed per column
            {
                var v = e.Values[i];
                if (seen.Add(v)) distinct++;
                if (v.Length > maxLength) maxLength = v.Length;
            }
            // A set grown by an unusually large sample is let go rather than kept for the thread's life.
            if (seen.Count <= MaxKeptDistinct)
            {
                seen.Clear();
                t_distinct = seen;
            }
        }
        if (e.BinaryLengths is { Count: > 0 } b) maxLength = Math.Max(maxLength, b.Max());
        return new SampleStats
        {
            SampledRows = e.SampledRows,
            NonNull = nonNull,
            NullRatio = e.SampledRows == 0 ? 0 : Math.Round((double)e.NullCount / e.SampledRows, 4),
            DistinctRatio = e.Values.Count == 0 ? 0 : Math.Round((double)distinct / e.Values.Count, 4),
            MaxLength = maxLength,
        };
    }
}
