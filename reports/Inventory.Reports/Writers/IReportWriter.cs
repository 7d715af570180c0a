using Inventory.Config;
using Inventory.Reports.Language;

namespace Inventory.Reports.Writers;

/// <summary>Renders a <see cref="ReportModel"/> in one format. Implementations are stateless and deterministic:
/// the same model gives the same bytes (no clock, no culture, no random ids).</summary>
public interface IReportWriter
{
    /// <summary>Format key: <c>html</c>, <c>md</c>, <c>xlsx</c>, <c>csv</c> or <c>json</c>.</summary>
    string Format { get; }

    /// <summary>Writes the report.</summary>
    /// <param name="model">The report model.</param>
    /// <param name="output">Destination stream (left open).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteAsync(ReportModel model, Stream output, CancellationToken cancellationToken = default);
}

/// <summary>The report writers and their file names.</summary>
public static class ReportWriters
{
    /// <summary>Every format, in the default order.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["html", "md", "xlsx", "csv", "json"];

    /// <summary>Creates the writer of one format.</summary>
    /// <param name="format">html, md (or markdown), xlsx, csv or json; case-insensitive.</param>
    /// <param name="language">The language of the HTML, Markdown and XLSX reports (<c>report.language</c>,
    /// <c>--language</c>); null for each format's default: HTML and Markdown English, the XLSX register French (the
    /// CNIL model), as before the setting existed. CSV and JSON keep their machine keys in every language.</param>
    /// <returns>The writer.</returns>
    /// <exception cref="ConfigurationException">Unknown format.</exception>
    public static IReportWriter Create(string format, ReportLanguage? language = null) => format.Trim().ToLowerInvariant() switch
    {
        "html" => new HtmlReportWriter(ReportText.For(language ?? ReportLanguage.English)),
        "md" or "markdown" => new MarkdownReportWriter(ReportText.For(language ?? ReportLanguage.English)),
        "xlsx" => new XlsxReportWriter(ReportText.For(language ?? ReportLanguage.French)),
        "csv" => new CsvReportWriter(),
        "json" => new JsonReportWriter(),
        var f => throw new ConfigurationException($"unknown report format '{f}'; use one or more of: {string.Join(", ", Formats)}"),
    };

    /// <summary>Creates the writers of a comma-separated list (duplicates removed, order kept).</summary>
    /// <param name="formats">e.g. <c>html,md</c>; null or empty for every format.</param>
    /// <param name="language">As <see cref="Create"/>: null for each format's default language.</param>
    /// <returns>The writers.</returns>
    /// <exception cref="ConfigurationException">Unknown format.</exception>
    public static IReadOnlyList<IReportWriter> CreateMany(string? formats, ReportLanguage? language = null)
    {
        var names = string.IsNullOrWhiteSpace(formats) ? Formats
            : formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Select(n => Create(n, language)).DistinctBy(w => w.Format).ToList();
    }

    /// <summary>The file name a format is written to: <c>ropa.html</c>, <c>ropa.md</c>, <c>ropa.xlsx</c>, <c>columns.csv</c>, <c>report.json</c>.</summary>
    /// <param name="format">A writer's <see cref="IReportWriter.Format"/>.</param>
    public static string FileName(string format) => format switch
    {
        "csv" => "columns.csv",
        "json" => "report.json",
        _ => "ropa." + format,
    };
}
