using System.Collections.Concurrent;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Model;

namespace Inventory.Scanning;

/// <summary>What to scan.</summary>
public sealed record ScanRequest
{
    /// <summary>Sources, each with its connection, filters and sampling options.</summary>
    public required IReadOnlyList<SourceConfig> Sources { get; init; }
    /// <summary>Tables sampled at once per source (bounded degree of parallelism, default 4).</summary>
    public int Parallelism { get; init; } = 4;
    /// <summary>When true, up to three masked examples per column are kept (e.g. <c>j***@e***.c***</c>). Off by default.</summary>
    public bool MaskedExamples { get; init; }
    /// <summary>Time stamp to record, or null for a reproducible document.</summary>
    public DateTimeOffset? ScannedAt { get; init; }
}

/// <summary>Receives progress, one call per table; implementations must be thread-safe.</summary>
public interface IScanProgress
{
    /// <summary>The catalog of a source was read.</summary>
    void CatalogRead(string source, int tables, int columns);
    /// <summary>Sampling of a table started.</summary>
    void TableStarted(string source, string table);
    /// <summary>A table was sampled and classified.</summary>
    void TableFinished(string source, string table, int sampledRows, int issues);
}

/// <summary>Runs a scan: catalog → sample (in parallel, bounded) → classify → inventory document.
/// Sampled values stay in memory for the table being classified and are dropped right after.</summary>
public sealed class ScanRunner
{
    private readonly IColumnClassifier _classifier;
    private readonly Func<ConnectionTarget, IConnector> _connectorFactory;

    /// <summary>Creates a runner.</summary>
    /// <param name="classifier">Thread-safe classifier.</param>
    /// <param name="connectorFactory">Creates a connector for a parsed connection; defaults to <see cref="ConnectorFactory.Create"/>.</param>
    public ScanRunner(IColumnClassifier classifier, Func<ConnectionTarget, IConnector>? connectorFactory = null)
    {
        _classifier = classifier;
        _connectorFactory = connectorFactory ?? ConnectorFactory.Create;
    }

    /// <summary>Scans every source of the request.</summary>
    /// <param name="request">Sources and options.</param>
    /// <param name="progress">Progress sink, or null.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The inventory; <see cref="InventoryDocument.Issues"/> lists what could not be read.</returns>
    /// <exception cref="ConfigurationException">A source's connection cannot be parsed.</exception>
    /// <exception cref="ConnectorException">A source cannot be reached or its catalog read (bad password, unknown host…).</exception>
    public async Task<InventoryDocument> RunAsync(ScanRequest request, IScanProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var document = new InventoryDocument { ScannedAt = request.ScannedAt, Tool = $"inventory {ToolVersion}" };
        foreach (var source in request.Sources)
        {
            var target = ConnectionTarget.Parse(source.Connection, source.Provider);
            await using var connector = _connectorFactory(target);
            var entry = await ScanSourceAsync(connector, source, request, progress, document.Issues, cancellationToken).ConfigureAwait(false);
            document.Sources.Add(entry);
        }
        document.Normalize();
        return document;
    }

    /// <summary>The tool's version string.</summary>
    public static string ToolVersion => typeof(ScanRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private async Task<SourceEntry> ScanSourceAsync(IConnector connector, SourceConfig source, ScanRequest request,
        IScanProgress? progress, List<ScanIssue> issues, CancellationToken cancellationToken)
    {
        var filter = new CatalogFilter(source.Include, source.Exclude);
        var catalog = await connector.ReadCatalogAsync(filter, cancellationToken).ConfigureAwait(false);
        progress?.CatalogRead(source.Name, catalog.Tables.Count, catalog.Tables.Sum(t => t.Columns.Count));
        var entry = new SourceEntry
        {
            Name = source.Name,
            Provider = connector.Provider,
            Role = source.Role,
            Scope = new SourceScope { Include = [.. source.Include], Exclude = [.. source.Exclude] },
            Target = connector.Target,
            ServerVersion = catalog.ServerVersion,
            DefaultSchema = catalog.DefaultSchema,
        };
        var tables = new ConcurrentBag<TableEntry>();
        var sourceIssues = new ConcurrentBag<ScanIssue>();
        foreach (var issue in catalog.Issues) sourceIssues.Add(issue with { Source = source.Name });
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(catalog.Tables, options, async (table, ct) =>
        {
            var name = table.QualifiedName(catalog.DefaultSchema);
            progress?.TableStarted(source.Name, name);
            TableSample sample;
            if (source.Role == ProcessingRole.Processor)
                sample = NotSampled(table, NotSampledReason.ProcessorScope, "not sampled: processor-scope source (customer-owned data)");
            else if (source.Sample.Rows == 0)
                sample = NotSampled(table, NotSampledReason.Disabled, "sampling disabled (rows: 0)");
            else
            {
                try
                {
                    sample = await connector.SampleAsync(table, source.Sample, ct).ConfigureAwait(false);
                }
                catch (ConnectorException e)
                {
                    sample = NotSampled(table, NotSampledReason.Error, null) with
                    {
                        Issues = [new ScanIssue(source.Name, name, null, "connection-lost", e.Message)],
                    };
                }
            }
            foreach (var issue in sample.Issues) sourceIssues.Add(issue with { Source = source.Name, Table = issue.Table ?? name });
            var tableEntry = BuildTable(source, connector.Provider, catalog.DefaultSchema, table, sample, request.MaskedExamples);
            tables.Add(tableEntry);
            progress?.TableFinished(source.Name, name, sample.RowCount, sample.Issues.Count);
        }).ConfigureAwait(false);
        entry.Tables.AddRange(tables);
        issues.AddRange(sourceIssues);
        entry.Complete = sourceIssues.IsEmpty;
        return entry;
    }

    private static TableSample NotSampled(TableInfo table, NotSampledReason reason, string? _) => new()
    {
        NotSampled = reason,
        Columns = table.Columns.ToDictionary(c => c.Name, c => new ColumnSample { Column = c.Name, NotSampled = reason }, StringComparer.Ordinal),
    };

    private TableEntry BuildTable(SourceConfig source, string provider, string defaultSchema, TableInfo table, TableSample sample, bool masked)
    {
        var names = table.Columns.Select(c => c.Name).ToArray();
        var evidence = table.Columns.Select(c =>
        {
            sample.Columns.TryGetValue(c.Name, out var s);
            var notSampled = s?.NotSampled ?? sample.NotSampled ?? (s is null ? NotSampledReason.Error : null);
            if (notSampled is null && sample.RowCount == 0) notSampled = NotSampledReason.Empty;
            return new ColumnEvidence
            {
                Source = source.Name,
                Provider = provider,
                Schema = table.Schema,
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
                BinaryLengths = s?.BinaryLengths,
            };
        }).ToArray();
        var decisions = _classifier.ClassifyMany(evidence);
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
        };
        for (int i = 0; i < evidence.Length; i++)
        {
            var e = evidence[i];
            var d = decisions[i];
            entry.Columns.Add(new ColumnEntry
            {
                Name = e.Column.Name,
                Ordinal = e.Column.Ordinal,
                DeclaredType = e.Column.DeclaredType,
                TypeFamily = e.Column.Family,
                Nullable = e.Column.Nullable,
                Comment = e.Column.Comment,
                DatabaseLabel = e.Column.DatabaseLabel,
                NotSampled = e.NotSampled,
                Stats = Stats(e),
                Classification = d,
                DataCategory = d.DataCategory,
                Confidence = d.DataCategory is null ? 0 : d.Confidence,
                Origin = d.DataCategory is null ? null : d.Origin,
                Status = d.DataCategory is null ? ColumnStatus.Untagged : ColumnStatus.Suggested,
                MaskedExamples = masked && e.Values.Count > 0 ? e.Values.Select(Masking.Mask).Distinct(StringComparer.Ordinal).Take(3).ToList() : null,
            });
        }
        return entry;
    }

    private static SampleStats Stats(ColumnEvidence e)
    {
        int nonNull = e.Values.Count + (e.BinaryLengths?.Count ?? 0);
        var distinct = e.Values.Count == 0 ? 0 : e.Values.Distinct(StringComparer.Ordinal).Count();
        return new SampleStats
        {
            SampledRows = e.SampledRows,
            NonNull = nonNull,
            NullRatio = e.SampledRows == 0 ? 0 : Math.Round((double)e.NullCount / e.SampledRows, 4),
            DistinctRatio = e.Values.Count == 0 ? 0 : Math.Round((double)distinct / e.Values.Count, 4),
            MaxLength = Math.Max(e.BinaryLengths is { Count: > 0 } b ? b.Max() : 0, e.Values.Count == 0 ? 0 : e.Values.Max(v => v.Length)),
        };
    }
}

/// <summary>Masks a value so it can be shown as an example without revealing it: each run of letters keeps its first
/// letter and becomes <c>x***</c>, each run of digits becomes <c>###</c>, separators stay, so neither the value nor the
/// length of its parts can be read back (<c>john.doe@example.com</c> → <c>j***.d***@e***.c***</c>,
/// <c>+33 6 12 34 56 78</c> → <c>+### ### ### ### ### ###</c>). Input longer than 64 characters is cut first.</summary>
public static class Masking
{
    /// <summary>Masks one value.</summary>
    /// <param name="value">Raw value.</param>
    /// <returns>The masked text: at most one character of any run of letters, no digit, fixed-length runs.</returns>
    public static string Mask(string value)
    {
        var text = value.Length > 64 ? value[..64] : value;
        var b = new System.Text.StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsLetter(c))
            {
                b.Append(c).Append("***");
                while (i < text.Length && char.IsLetter(text[i])) i++;
            }
            else if (char.IsDigit(c))
            {
                b.Append("###");
                while (i < text.Length && char.IsDigit(text[i])) i++;
            }
            else
            {
                b.Append(c);
                i++;
            }
        }
        if (value.Length > 64) b.Append('…');
        return b.ToString();
    }
}
