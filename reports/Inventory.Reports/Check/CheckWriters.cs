using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Inventory.Reports.Check;

/// <summary>Writes a <see cref="CheckResult"/> in one format.</summary>
public interface ICheckWriter
{
    /// <summary>Format name on the command line: text, json, sarif, junit, github.</summary>
    string Format { get; }
    /// <summary>File name used under <c>--output-dir</c>.</summary>
    string DefaultFileName { get; }
    /// <summary>Writes the result.</summary>
    /// <param name="result">The gate's verdict.</param>
    /// <param name="output">Destination stream (UTF-8 without BOM is written).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteAsync(CheckResult result, Stream output, CancellationToken cancellationToken = default);
}

/// <summary>Builds the writers for the requested formats.</summary>
public static class CheckWriters
{
    /// <summary>Format names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "sarif", "junit", "github"];

    /// <summary>Creates the writer of a format.</summary>
    /// <param name="format">text, json, sarif, junit or github.</param>
    /// <exception cref="ConfigurationException">An unknown format.</exception>
    public static ICheckWriter Create(string format) => format switch
    {
        "text" => new CheckTextWriter(),
        "json" => new CheckJsonWriter(),
        "sarif" => new SarifCheckWriter(),
        "junit" => new JUnitCheckWriter(),
        "github" => new GitHubCheckWriter(),
        _ => throw new ConfigurationException($"unknown check format '{format}'; use {string.Join(", ", Formats)}"),
    };

    internal static string KindId(FindingKind kind) => kind switch
    {
        FindingKind.Untagged => "untagged",
        FindingKind.Conflict => "conflict",
        FindingKind.Stale => "stale",
        FindingKind.ClaimViolated => "claim-violated",
        FindingKind.InvalidAnnotation => "invalid-annotation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>A finding as one message for SARIF and GitHub: key, why, suggestion, and what file to create or which
    /// built-in policy the claim comes from.</summary>
    internal static string Message(CheckFinding f) =>
        $"{f.Key}: {f.Message}{(f.Suggestion is null ? "" : $" ({f.Suggestion})")}" +
        (!f.Location.Physical ? $" [{f.Location.File}: not a file of this repository; pass --policy FILE to use your own]"
            : f.Location.Exists ? "" : $"; create {f.Location.File}");
}

/// <summary>Plain text for logs: one line per failing finding (<c>table.column  kind: why  suggestion</c>, two spaces
/// between fields), then warnings prefixed <c>warning: </c>, then one summary line. Stable: same order and wording on
/// every run.</summary>
public sealed class CheckTextWriter : ICheckWriter
{
    /// <inheritdoc />
    public string Format => "text";
    /// <inheritdoc />
    public string DefaultFileName => "check.txt";

    /// <summary>The text as a string (LF newlines).</summary>
    /// <param name="result">The verdict.</param>
    public static string Render(CheckResult result)
    {
        var text = new StringBuilder();
        foreach (var f in result.Failures) text.Append(Line(f)).Append('\n');
        foreach (var f in result.Warnings) text.Append("warning: ").Append(Line(f)).Append('\n');
        int tagged = result.Columns.Count(c => c.Accepted);
        int failures = result.Failures.Count(), warnings = result.Warnings.Count(), baselined = result.Baselined.Count();
        text.Append(result.Passed ? "check passed" : "check failed")
            .Append(CultureInfo.InvariantCulture, $": {failures} failing, {warnings} warning{(warnings == 1 ? "" : "s")}")
            .Append(baselined > 0 ? string.Create(CultureInfo.InvariantCulture, $", {baselined} known in the baseline") : "")
            .Append(CultureInfo.InvariantCulture, $"; {tagged} of {result.Columns.Count} in-scope columns tagged")
            .Append(result.ScanComplete ? "" : "; scan incomplete (see the inventory's issues)")
            .Append('\n');
        return text.ToString();
    }

    /// <summary>One finding as a line: <c>key  kind: message  suggestion</c>.</summary>
    /// <param name="finding">The finding.</param>
    public static string Line(CheckFinding finding) =>
        Annotations.Suggestions.OneLine($"{finding.Key}  {CheckWriters.KindId(finding.Kind)}: {finding.Message}" +
                                        (finding.Suggestion is null ? "" : $"  {finding.Suggestion}"));

    /// <inheritdoc />
    public async Task WriteAsync(CheckResult result, Stream output, CancellationToken cancellationToken = default) =>
        await output.WriteAsync(CheckWriters.Utf8.GetBytes(Render(result)), cancellationToken).ConfigureAwait(false);
}

/// <summary>The verdict as JSON (camelCase, kind <c>inventory-check</c>); usable as a <c>--baseline</c>.</summary>
public sealed class CheckJsonWriter : ICheckWriter
{
    /// <summary>The <c>kind</c> value that marks a check-result file.</summary>
    public const string Kind = "inventory-check";
    /// <inheritdoc />
    public string Format => "json";
    /// <inheritdoc />
    public string DefaultFileName => "check.json";

    /// <inheritdoc />
    public async Task WriteAsync(CheckResult result, Stream output, CancellationToken cancellationToken = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("kind", Kind);
        json.WriteNumber("format", 1);
        json.WriteString("tool", result.Tool);
        json.WriteBoolean("passed", result.Passed);
        json.WriteBoolean("scanComplete", result.ScanComplete);
        json.WriteStartArray("findings");
        foreach (var f in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("kind", CheckWriters.KindId(f.Kind));
            json.WriteString("key", f.Key);
            if (f.Source is not null) json.WriteString("source", f.Source);
            json.WriteString("table", f.Table);
            if (f.Column is not null) json.WriteString("column", f.Column);
            json.WriteString("message", f.Message);
            if (f.Suggestion is not null) json.WriteString("suggestion", f.Suggestion);
            json.WriteBoolean("failing", f.Failing);
            if (f.Baselined) json.WriteBoolean("baselined", true);
            json.WriteStartObject("location");
            json.WriteString("file", f.Location.File);
            json.WriteNumber("line", f.Location.Line);
            json.WriteNumber("column", f.Location.Column);
            json.WriteBoolean("exists", f.Location.Exists);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("columns");
        foreach (var c in result.Columns)
        {
            json.WriteStartObject();
            json.WriteString("source", c.Source);
            json.WriteString("table", c.Table);
            json.WriteString("column", c.Column);
            if (c.DataCategory is not null) json.WriteString("dataCategory", c.DataCategory);
            json.WriteString("status", c.Status);
            json.WriteBoolean("accepted", c.Accepted);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// SARIF 2.1.0 (OASIS standard) for code-scanning tools: one rule per finding kind (untagged, conflict, stale,
/// claim-violated, invalid-annotation); each result points at the annotation entry (file and line) when there is one,
/// otherwise at the annotation file the engineer should create. Levels: <c>error</c> for failing findings,
/// <c>warning</c> otherwise, <c>note</c> for baselined ones; <c>baselineState</c> (new/unchanged) when a baseline was
/// used; <c>partialFingerprints</c> keyed on kind and column so alerts survive line moves.
/// </summary>
public sealed class SarifCheckWriter : ICheckWriter
{
    private static readonly (FindingKind Kind, string Name, string Short, string Full)[] Rules =
    [
        (FindingKind.Untagged, "UntaggedColumn", "Column has no data category",
            "An in-scope column has no annotation with a category, no database label and no classification above the accepted confidence. Add an entry with a category to the annotation file (run `inventory annotate` for a stub with the suggestion)."),
        (FindingKind.Conflict, "AnnotationConflict", "Evidence contradicts the annotation",
            "A detector found, in most sampled non-null values, data of another category than the annotated one. Fix the category, or add a `reason:` to confirm the reviewed decision."),
        (FindingKind.Stale, "StaleAnnotation", "Annotation no longer matches the database",
            "The annotated table, column or source is gone (dropped or renamed), or the column's type changed since the annotation was written."),
        (FindingKind.ClaimViolated, "ClaimViolated", "A policy claim does not hold",
            "The inventory contradicts a machine-checkable statement of the privacy policy."),
        (FindingKind.InvalidAnnotation, "InvalidAnnotation", "Annotation file is malformed",
            "An annotation file has a syntax error, an unknown key or category, a duplicate entry, a tab in its indentation or bad indentation."),
    ];

    /// <inheritdoc />
    public string Format => "sarif";
    /// <inheritdoc />
    public string DefaultFileName => "inventory-check.sarif";

    /// <inheritdoc />
    public async Task WriteAsync(CheckResult result, Stream output, CancellationToken cancellationToken = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "inventory");
        var version = result.Tool.StartsWith("inventory ", StringComparison.Ordinal) ? result.Tool["inventory ".Length..] : null;
        if (version is { Length: > 0 }) json.WriteString("semanticVersion", version);
        json.WriteStartArray("rules");
        foreach (var rule in Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", CheckWriters.KindId(rule.Kind));
            json.WriteString("name", rule.Name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Short);
            json.WriteEndObject();
            json.WriteStartObject("fullDescription");
            json.WriteString("text", rule.Full);
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.Kind is FindingKind.Conflict or FindingKind.Stale ? "warning" : "error");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var f in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", CheckWriters.KindId(f.Kind));
            json.WriteNumber("ruleIndex", Array.FindIndex(Rules, r => r.Kind == f.Kind));
            json.WriteString("level", f.Baselined ? "note" : f.Failing ? "error" : "warning");
            json.WriteStartObject("message");
            json.WriteString("text", CheckWriters.Message(f));
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            if (f.Location.Physical)
            {
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri(f.Location.File));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", f.Location.Line);
                json.WriteNumber("startColumn", f.Location.Column);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            if (f.Column is not null || f.Kind != FindingKind.InvalidAnnotation)
            {
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("fullyQualifiedName", f.Key);
                json.WriteString("kind", f.Column is null ? "table" : "column");
                json.WriteEndObject();
                json.WriteEndArray();
            }
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("partialFingerprints");
            json.WriteString("inventoryFinding/v1", Fingerprint(f));
            json.WriteEndObject();
            if (result.UsedBaseline) json.WriteString("baselineState", f.Baselined ? "unchanged" : "new");
            json.WriteStartObject("properties");
            if (f.Source is not null) json.WriteString("source", f.Source);
            json.WriteString("table", f.Table);
            if (f.Column is not null) json.WriteString("column", f.Column);
            if (f.Suggestion is not null) json.WriteString("suggestion", f.Suggestion);
            if (f.ClaimId is not null) json.WriteString("claim", f.ClaimId);
            if (!f.Location.Physical) json.WriteString("policy", f.Location.File);
            json.WriteBoolean("annotationFileExists", f.Location.Exists);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static string Uri(string path)
    {
        if (Path.IsPathRooted(path))
            return new Uri(path).AbsoluteUri;
        return string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));
    }

    private static string Fingerprint(CheckFinding f) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{CheckWriters.KindId(f.Kind)}\u0000{f.Source}\u0000{f.Table}\u0000{f.Column}")))[..32];
}

/// <summary>JUnit XML for CI test reports: one test suite per table with one test case per in-scope column (a failure
/// for a failing finding, <c>skipped</c> for a baselined one, passed otherwise, warnings in <c>system-out</c>), a suite
/// <c>annotations</c> with one test case per stale or invalid annotation, and a suite <c>claims</c> with one test case
/// per violated claim and location (<c>claim-id table.column</c>). Test-case names are unique within each suite.</summary>
public sealed class JUnitCheckWriter : ICheckWriter
{
    /// <inheritdoc />
    public string Format => "junit";
    /// <inheritdoc />
    public string DefaultFileName => "inventory-check.junit.xml";

    private sealed record Case(string ClassName, string Name, IReadOnlyList<CheckFinding> Findings, string? File, int Line)
    {
        public bool Failed => Findings.Any(f => f.Failing);
        public bool Skipped => !Failed && Findings.Any(f => f.Baselined);
    }

    /// <inheritdoc />
    public async Task WriteAsync(CheckResult result, Stream output, CancellationToken cancellationToken = default)
    {
        var byColumn = result.Findings.Where(f => f.Column is not null && f.Kind is FindingKind.Untagged or FindingKind.Conflict)
            .GroupBy(f => (f.Source ?? "", f.Table, f.Column!))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CheckFinding>)g.ToArray());
        bool multiSource = result.Columns.Select(c => c.Source).Distinct().Count() > 1;
        var suites = result.Columns
            .GroupBy(c => (c.Source, c.Table))
            .Select(g => (Name: multiSource ? $"{g.Key.Source}:{g.Key.Table}" : g.Key.Table,
                Cases: g.Select(c =>
                {
                    var findings = byColumn.GetValueOrDefault((c.Source, c.Table, c.Column)) ?? [];
                    return new Case(g.Key.Table, c.Column, findings, findings.FirstOrDefault()?.Location.File, findings.FirstOrDefault()?.Location.Line ?? 0);
                }).ToArray()))
            .ToList();
        var other = result.Findings.Where(f => !(f.Column is not null && f.Kind is FindingKind.Untagged or FindingKind.Conflict)).ToArray();
        var annotationCases = other.Where(f => f.Kind != FindingKind.ClaimViolated)
            .Select(f => (Name: $"{CheckWriters.KindId(f.Kind)} {f.Key}", Finding: f)).ToArray();
        if (annotationCases.Length > 0)
            suites.Add(("annotations", Unique(annotationCases).Select(x => new Case("annotations", x.Name, [x.Finding], FileOf(x.Finding), x.Finding.Location.Line)).ToArray()));
        // One test case per claim and location: a claim violated at three columns is three failures, each named.
        var claimCases = other.Where(f => f.Kind == FindingKind.ClaimViolated)
            .Select(f => (Name: $"{f.ClaimId ?? "claim"} {f.Key}", Finding: f)).ToArray();
        if (claimCases.Length > 0)
            suites.Add(("claims", Unique(claimCases).Select(x => new Case("claims", x.Name, [x.Finding], FileOf(x.Finding), x.Finding.Location.Line)).ToArray()));

        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = CheckWriters.Utf8, NewLineChars = "\n" };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync().ConfigureAwait(false);
        await xml.WriteStartElementAsync(null, "testsuites", null).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "name", null, "inventory check").ConfigureAwait(false);
        await WriteCountsAsync(xml, suites.SelectMany(s => s.Cases).ToArray()).ConfigureAwait(false);
        foreach (var (name, cases) in suites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "testsuite", null).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "name", null, name).ConfigureAwait(false);
            await WriteCountsAsync(xml, cases).ConfigureAwait(false);
            foreach (var c in cases)
            {
                await xml.WriteStartElementAsync(null, "testcase", null).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "classname", null, c.ClassName).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "name", null, c.Name).ConfigureAwait(false);
                if (c.File is not null)
                {
                    await xml.WriteAttributeStringAsync(null, "file", null, c.File).ConfigureAwait(false);
                    await xml.WriteAttributeStringAsync(null, "line", null, c.Line.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                }
                if (c.Failed)
                {
                    var f = c.Findings.First(x => x.Failing);
                    await xml.WriteStartElementAsync(null, "failure", null).ConfigureAwait(false);
                    await xml.WriteAttributeStringAsync(null, "type", null, CheckWriters.KindId(f.Kind)).ConfigureAwait(false);
                    await xml.WriteAttributeStringAsync(null, "message", null, Annotations.Suggestions.OneLine(f.Message)).ConfigureAwait(false);
                    await xml.WriteStringAsync(string.Join("\n", c.Findings.Where(x => x.Failing).Select(CheckTextWriter.Line))).ConfigureAwait(false);
                    await xml.WriteEndElementAsync().ConfigureAwait(false);
                }
                else if (c.Skipped)
                {
                    await xml.WriteStartElementAsync(null, "skipped", null).ConfigureAwait(false);
                    await xml.WriteAttributeStringAsync(null, "message", null, "known gap in the baseline: " + Annotations.Suggestions.OneLine(c.Findings[0].Message)).ConfigureAwait(false);
                    await xml.WriteEndElementAsync().ConfigureAwait(false);
                }
                else if (c.Findings.Count > 0)
                    await xml.WriteElementStringAsync(null, "system-out", null, string.Join("\n", c.Findings.Select(x => "warning: " + CheckTextWriter.Line(x)))).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
            }
            await xml.WriteEndElementAsync().ConfigureAwait(false);
        }
        await xml.WriteEndElementAsync().ConfigureAwait(false);
        await xml.WriteEndDocumentAsync().ConfigureAwait(false);
        await xml.FlushAsync().ConfigureAwait(false);
    }

    private static string? FileOf(CheckFinding f) => f.Location.Physical ? f.Location.File : null;

    /// <summary>Makes test-case names unique within a suite: a repeated name gets " (2)", " (3)"… in order.</summary>
    private static IEnumerable<(string Name, CheckFinding Finding)> Unique(IEnumerable<(string Name, CheckFinding Finding)> cases)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, finding) in cases)
        {
            int n = seen[name] = seen.GetValueOrDefault(name) + 1;
            yield return (n == 1 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} ({n})"), finding);
        }
    }

    private static async Task WriteCountsAsync(XmlWriter xml, IReadOnlyCollection<Case> cases)
    {
        await xml.WriteAttributeStringAsync(null, "tests", null, cases.Count.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "failures", null, cases.Count(c => c.Failed).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "errors", null, "0").ConfigureAwait(false);
        await xml.WriteAttributeStringAsync(null, "skipped", null, cases.Count(c => c.Skipped).ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
    }
}

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,title=…::message</c> for failing findings,
/// <c>::warning</c> for warnings, <c>::notice</c> for baselined ones. Escaping follows the workflow-command rules: in
/// the message <c>%</c>, CR and LF become <c>%25</c>, <c>%0D</c>, <c>%0A</c>; in property values <c>:</c> and
/// <c>,</c> also become <c>%3A</c> and <c>%2C</c>.</summary>
public sealed class GitHubCheckWriter : ICheckWriter
{
    /// <inheritdoc />
    public string Format => "github";
    /// <inheritdoc />
    public string DefaultFileName => "inventory-check.github.txt";

    /// <summary>The workflow commands as a string (LF newlines).</summary>
    /// <param name="result">The verdict.</param>
    public static string Render(CheckResult result)
    {
        var text = new StringBuilder();
        foreach (var f in result.Findings)
        {
            var command = f.Baselined ? "notice" : f.Failing ? "error" : "warning";
            var title = $"inventory {CheckWriters.KindId(f.Kind)}: {f.Key}";
            var message = CheckWriters.Message(f);
            if (f.Location.Physical)
                text.Append(CultureInfo.InvariantCulture,
                    $"::{command} file={EscapeProperty(f.Location.File)},line={f.Location.Line},col={f.Location.Column},title={EscapeProperty(title)}::{EscapeData(message)}\n");
            else
                text.Append(CultureInfo.InvariantCulture, $"::{command} title={EscapeProperty(title)}::{EscapeData(message)}\n");
        }
        return text.ToString();
    }

    /// <summary>Escapes a command's message: <c>%</c>, CR, LF.</summary>
    /// <param name="value">Text.</param>
    public static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>Escapes a property value: <c>%</c>, CR, LF, <c>:</c>, <c>,</c>.</summary>
    /// <param name="value">Text.</param>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    /// <inheritdoc />
    public async Task WriteAsync(CheckResult result, Stream output, CancellationToken cancellationToken = default) =>
        await output.WriteAsync(CheckWriters.Utf8.GetBytes(Render(result)), cancellationToken).ConfigureAwait(false);
}
