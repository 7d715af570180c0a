namespace Inventory.Config;

/// <summary>The language of the human-readable reports (HTML, Markdown, XLSX register): <c>report.language</c> in
/// inventory.yml or <c>inventory report --language</c>. CSV and JSON keep their machine keys in every language.</summary>
public enum ReportLanguage
{
    /// <summary><c>en</c>: English.</summary>
    English,
    /// <summary><c>fr</c>: French (the CNIL register model's words in the XLSX).</summary>
    French,
}

/// <summary>Reads and writes <see cref="ReportLanguage"/> as the config and the command line spell it.</summary>
public static class ReportLanguages
{
    /// <summary>The supported codes, in the order messages list them.</summary>
    public static IReadOnlyList<string> Codes { get; } = ["en", "fr"];

    /// <summary>Reads a language code: <c>en</c> or <c>fr</c>, case-insensitive; a BCP 47 tag (<c>fr-FR</c>,
    /// <c>en-GB</c>, <c>fr_CA</c>) is read as its primary language subtag.</summary>
    /// <param name="text">The value as written.</param>
    /// <returns>The language, or null when the primary language is not supported (or the text is empty).</returns>
    public static ReportLanguage? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var primary = text.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary switch
        {
            "en" => ReportLanguage.English,
            "fr" => ReportLanguage.French,
            _ => null,
        };
    }

    /// <summary>The error text of an unsupported value, listing the supported languages.</summary>
    /// <param name="what">What was given (<c>report.language</c>, <c>--language</c>).</param>
    /// <param name="text">The value as written.</param>
    public static string UnknownMessage(string what, string? text) =>
        $"{what}: unknown report language '{text}'; use one of: en (English), fr (French) (a tag such as fr-FR or en-GB is read as its language)";

    /// <summary>The code of a language: <c>en</c> or <c>fr</c> (the HTML <c>lang</c> attribute).</summary>
    public static string Code(this ReportLanguage language) => language == ReportLanguage.French ? "fr" : "en";
}

/// <summary>Report settings (<c>report:</c> in inventory.yml).</summary>
public sealed record ReportConfig
{
    /// <summary>The language of the HTML, Markdown and XLSX reports; null when the file does not say (then HTML and
    /// Markdown are English and the XLSX register French, as before the setting existed).</summary>
    public ReportLanguage? Language { get; init; }
}
