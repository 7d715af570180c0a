using Inventory.Scanning;
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
    /// <param name="sarifKnownGaps">Whether SARIF holds the baseline's known gaps (<see cref="SarifKnownGaps"/>).</param>
    /// <exception cref="ConfigurationException">An unknown format.</exception>
    public static ICheckWriter Create(string format, SarifKnownGaps sarifKnownGaps = SarifKnownGaps.Include) => format switch
    {
        "text" => new CheckTextWriter(),
        "json" => new CheckJsonWriter(),
        "sarif" => new SarifCheckWriter(sarifKnownGaps),
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
        FindingKind.Missing => "missing",
        FindingKind.InvalidAnnotation => "invalid-annotation",
        FindingKind.TransferWithoutSafeguard => "transfer-without-safeguard",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>How many examined and left-out tables a one-line claim rendering names before it says how many more there
    /// are (the JSON and SARIF outputs and the report keep every one).</summary>
    private const int ClaimLineTables = 10;

    /// <summary>A claim as one line: <c>claim deletion-path: holds — SUMMARY; examined: a, b; tables left out: c (why)</c>. Over
    /// a fleet the same table of several tenants is one item naming them (<see cref="FleetSummary"/>, as the report says
    /// them), and each list is cut after <see cref="ClaimLineTables"/> items with how many more there are.</summary>
    /// <param name="claim">The evaluated claim.</param>
    /// <param name="fleet">The inventory's places, to group a table held by several tenants.</param>
    internal static string ClaimLine(Claims.ClaimResult claim, FleetSummary fleet)
    {
        static string Listed(IReadOnlyList<string> items) =>
            string.Join(", ", items.Take(ClaimLineTables)) + (items.Count > ClaimLineTables ? $" … and {items.Count - ClaimLineTables} more" : "");
        var line = new StringBuilder($"claim {claim.Claim.Id}: {VerdictId(claim.Verdict)} — {claim.Summary}");
        if (claim.ExaminedTables.Count > 0)
        {
            var examined = fleet.Group(claim.ExaminedTables.Select(location =>
            {
                int slash = location.IndexOf('/', StringComparison.Ordinal);
                return new FleetSummary.Item(slash < 0 ? "" : location[..slash], location[(slash + 1)..], null, null, "", location);
            }));
            line.Append("; examined: ").Append(Listed(examined.Select(g => g.Text).ToList()));
        }
        if (claim.Exempted.Count > 0)
        {
            // A whole processor-role source is one entry `shop/*` (ClaimResult.Exempted); past a few, they are one item.
            var sources = claim.Exempted.Where(f => f.Table == "*").ToList();
            bool fold = sources.Count > Claims.ClaimContext.ProcessorSourcesNamed;
            var leftOut = fleet.Group(claim.Exempted.Where(f => !fold || f.Table != "*")
                .Select(f => new FleetSummary.Item(f.Source, f.Table, f.Column, null, f.Reason, f.Location)), reason: item => item.Detail)
                .Select(g => $"{g.Text} ({g.Reason})").ToList();
            if (fold)
                leftOut.Add($"{sources[0].Source}/* … {sources[^1].Source}/* ({sources.Count} processor sources (role: processor; each one's controller in "
                    + "the report's processor record): customers' data hosted on their instruction (Art. 30(2)), outside the controller's own claims)");
            // The summary counts what was left out ("left out: 12 tables (…)"); the list names them (trial46 L1: "left out"
            // said twice read as a repetition).
            line.Append("; tables left out: ").Append(Listed(leftOut));
        }
        return Annotations.Suggestions.OneLine(line.ToString());
    }

    /// <summary><c>holds</c>, <c>violated</c> or <c>unknown</c>.</summary>
    internal static string VerdictId(Claims.ClaimVerdict verdict) => JsonNamingPolicy.KebabCaseLower.ConvertName(verdict.ToString());

    /// <summary>Writes the claims as a JSON array property <paramref name="name"/>: each with its id, verdict, summary, count
    /// examined, the tables examined and the tables left out with why (every one; names, never a value).</summary>
    internal static void WriteClaims(Utf8JsonWriter json, string name, IReadOnlyList<Claims.ClaimResult> claims)
    {
        json.WriteStartArray(name);
        foreach (var c in claims)
        {
            json.WriteStartObject();
            json.WriteString("id", c.Claim.Id);
            json.WriteString("verdict", VerdictId(c.Verdict));
            json.WriteString("summary", c.Summary);
            json.WriteNumber("examined", c.Examined);
            if (c.ExaminedTables.Count > 0)
            {
                json.WriteStartArray("examinedTables");
                foreach (var t in c.ExaminedTables) json.WriteStringValue(t);
                json.WriteEndArray();
            }
            json.WriteStartArray("leftOut");
            foreach (var e in c.Exempted)
            {
                json.WriteStartObject();
                json.WriteString("location", e.Location);
                json.WriteString("reason", e.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>What a one-line rendering adds after a finding's message: its suggestion, or for a violated claim the
    /// claim's text, marked as such (<c>claim: "We only process the categories we declare."</c>), or null.</summary>
    internal static string? Hint(CheckFinding f) =>
        f.Suggestion ?? (f.ClaimText is { } text ? $"claim: \"{text}\"" : null);

    /// <summary>A finding as one message for SARIF and GitHub: key, why, suggestion, and what file to create or which
    /// built-in policy the claim comes from.</summary>
    internal static string Message(CheckFinding f) =>
        $"{f.Key}: {f.Message}{(Hint(f) is { } hint ? $" ({hint})" : "")}{Where(f)}";

    /// <summary>What a one-message rendering ends with about the finding's location: which built-in policy a claim comes
    /// from, or the annotation file to create; "" otherwise.</summary>
    internal static string Where(CheckFinding f) =>
        f.Location.DatabaseLabel is not null ? ""
            : !f.Location.Physical ? $" [{f.Location.File}: not a file of this repository; pass --policy FILE to use your own]"
            : f.Location.Exists ? "" : $"; create {f.Location.File}";
}

/// <summary>Plain text for logs: one line per failing finding (<c>table.column  kind: why  suggestion</c>, two spaces
/// between fields), then warnings prefixed <c>warning: </c>, then the scan's issues prefixed <c>scan issue: </c>, then the
/// claims, then for a report-only gate (<c>check.fail-on: []</c>) one line prefixed <c>note: </c>, then one summary line. Stable: same order and wording on
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
        // Over a fleet, one line per distinct finding naming its places (trial33 finding 7); counts stay per location.
        var lines = result.Lines;
        foreach (var l in lines.Where(l => l.First.Failing)) text.Append(Line(l)).Append('\n');
        foreach (var l in lines.Where(l => l.First is { Failing: false, Baselined: false })) text.Append("warning: ").Append(Line(l)).Append('\n');
        foreach (var issue in result.ScanIssues) text.Append(issue.Issue.IsWarning ? "warning: scan issue: " : "scan issue: ").Append(Line(issue)).Append('\n');
        foreach (var claim in result.ClaimLines) text.Append(claim).Append('\n');
        if (result.ReportOnlyNote is { } reportOnly) text.Append("note: ").Append(reportOnly).Append('\n');
        int tagged = result.Columns.Count(c => c.Accepted);
        int failures = result.Failures.Count(), warnings = result.Warnings.Count(), baselined = result.Baselined.Count();
        text.Append(result.Passed ? "check passed" : "check failed")
            .Append(CultureInfo.InvariantCulture, $": {failures} failing, {CountWording.Phrase(warnings, "warning", "warnings")}")
            .Append(lines.Count < result.Findings.Count
                ? $" ({CountWording.Phrase(lines.Count(l => !l.First.Baselined), "line", "lines")} above: a finding held by several sources is said once)" : "")
            .Append(baselined > 0 ? string.Create(CultureInfo.InvariantCulture, $", {baselined} known in the baseline") : "")
            .Append(CultureInfo.InvariantCulture, $"; {tagged} of {result.Columns.Count} in-scope columns tagged")
            // A scan that shrank (a table dropped, or hidden by lost grants) is said even when its findings only warn.
            .Append(MissingCounts(result))
            .Append(result.AnnotatedTablesNotScanned > 0
                ? $"; {CountWording.Phrase(result.AnnotatedTablesNotScanned, "annotated table", "annotated tables")} not in this scan (stale above)" : "")
            .Append(result.ScanComplete ? ""
                : result.ScanIssues.Any(i => !i.Issue.IsWarning) ? $"; scan incomplete: {(InventoryMerge.MissingShards(result.ScanIssues.Select(i => i.Issue)) is { } shards ? shards + ", " : "")}{CountWording.Phrase(result.ScanIssues.Count(i => !i.Issue.IsWarning), "scan issue", "scan issues")} above"
                : "; scan incomplete (see the inventory's sources)")
            // A table dropped during the scan (a concurrent migration) is said, not counted as a gap (trial40 finding 10).
            .Append(result.ScanIssues.Count(i => i.Issue.IsWarning) is > 0 and var dropped
                ? $"; {CountWording.Phrase(dropped, "table", "tables")} dropped during the scan (warning above)" : "")
            .Append('\n');
        return text.ToString();
    }

    /// <summary><c>; 1 table and 7 columns of the baseline not in this scan</c>, or "" when none is missing.</summary>
    private static string MissingCounts(CheckResult result)
    {
        var missing = result.Findings.Where(f => f.Kind == FindingKind.Missing).ToList();
        if (missing.Count == 0) return "";
        int tables = missing.Count(f => f.Column is null), columns = missing.Count - tables;
        var parts = new List<string>();
        if (tables > 0) parts.Add(CountWording.Phrase(tables, "table", "tables"));
        if (columns > 0) parts.Add(CountWording.Phrase(columns, "column", "columns"));
        return $"; {string.Join(" and ", parts)} of the baseline not in this scan";
    }

    /// <summary>One finding as a line: <c>key  kind: message  suggestion</c>; a stale annotation adds where its entry is,
    /// <c>  (at annotations/users.yml:4:3)</c>, since its key names the table and column, not the file to edit (trial 19).</summary>
    /// <param name="finding">The finding.</param>
    public static string Line(CheckFinding finding) =>
        Annotations.Suggestions.OneLine($"{finding.Key}  {CheckWriters.KindId(finding.Kind)}: {finding.Message}" +
                                        (CheckWriters.Hint(finding) is { } hint ? $"  {hint}" : "") +
                                        (finding is { Kind: FindingKind.Stale, Location: { Physical: true, Exists: true, Line: > 0 } at } ? $"  (at {at})" : ""));

    /// <summary>One line of findings (<see cref="FindingLine"/>): <see cref="Line(CheckFinding)"/> for one finding; for the
    /// same finding in several places, <c>table.column in 21 of the 22 sources holding t (a … b); not here: c  kind:
    /// message  hint</c>.</summary>
    /// <param name="line">The line.</param>
    public static string Line(FindingLine line) => line.Places is null ? Line(line.First)
        : Annotations.Suggestions.OneLine($"{line.Key}  {CheckWriters.KindId(line.First.Kind)}: {line.Message}" +
                                          (line.Hint is { } hint ? $"  {hint}" : "") +
                                          (line.First is { Kind: FindingKind.Stale, Location: { Physical: true, Exists: true, Line: > 0 } at } ? $"  (at {at})" : ""));

    /// <summary>One scan issue as a line: <c>source/table.column  kind: message</c>, the form of a finding's line.</summary>
    /// <param name="issue">The scan issue (its message never holds a sampled value or a credential).</param>
    public static string Line(CheckScanIssue issue) =>
        Annotations.Suggestions.OneLine($"{issue.Key}  {issue.Issue.Kind}: {issue.Issue.Message}");

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
            if (f.ClaimId is not null) json.WriteString("claim", f.ClaimId);
            if (f.ClaimText is not null) json.WriteString("claimText", f.ClaimText);
            json.WriteBoolean("failing", f.Failing);
            if (f.Baselined) json.WriteBoolean("baselined", true);
            json.WriteStartObject("location");
            json.WriteString("file", f.Location.File);
            json.WriteNumber("line", f.Location.Line);
            if (f.Location.Column > 0) json.WriteNumber("column", f.Location.Column);
            json.WriteBoolean("exists", f.Location.Exists);
            if (f.Location.DatabaseLabel is { } label) json.WriteString("databaseLabel", label);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("scanIssues");
        foreach (var issue in result.ScanIssues)
        {
            json.WriteStartObject();
            json.WriteString("key", issue.Key);
            json.WriteString("source", issue.Issue.Source);
            if (issue.Issue.Table is not null) json.WriteString("table", issue.Issue.Table);
            if (issue.Issue.Column is not null) json.WriteString("column", issue.Issue.Column);
            json.WriteString("kind", issue.Issue.Kind);
            json.WriteString("message", issue.Issue.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (result.Claims.Count > 0) CheckWriters.WriteClaims(json, "claims", result.Claims);
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

/// <summary>GitHub Actions workflow commands: <c>::error file=…,line=…,col=…,title=…::message</c> for failing findings,
/// <c>::warning</c> for warnings and for each scan issue (title <c>inventory scan incomplete: source/table</c>, on the
/// table's annotation file when the issue names a table), a finding whose location is not a file on the annotation file
/// that settles it (<see cref="FindingLocation.Anchor"/>, as SARIF), one command for the same finding of several tenants
/// at the same entry (<see cref="FindingLine"/>),
/// <c>::notice</c> for baselined ones and, on the setting, for a report-only gate (<c>check.fail-on: []</c>). Escaping follows the workflow-command rules: in
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
        foreach (var line in result.Lines)
        {
            // Over a fleet annotated by one shared file, every tenant's finding points at the same entry: one command
            // there naming the places (GitHub shows at most 10 warnings and 10 errors per step). Findings at different
            // positions (one file per tenant) keep one command each.
            var at = line.Findings.Select(f => At(f)?.ToString()).Distinct(StringComparer.Ordinal).Count();
            if (line.Places is not null && at == 1)
                text.Append(Command(line.First, $"inventory {CheckWriters.KindId(line.First.Kind)}: {line.Places.Location}",
                    $"{line.Key}: {line.Message}{(line.Hint is { } hint ? $" ({hint})" : "")}{CheckWriters.Where(line.First)}"));
            else
                foreach (var f in line.Findings)
                    text.Append(Command(f, $"inventory {CheckWriters.KindId(f.Kind)}: {f.Key}", CheckWriters.Message(f)));
        }
        foreach (var issue in result.ScanIssues)
            text.Append(CultureInfo.InvariantCulture,
                $"::warning {Position(issue.Anchor)}title={EscapeProperty($"inventory {(issue.Issue.IsWarning ? "scan warning" : "scan incomplete")}: {issue.Key}")}::{EscapeData(CheckTextWriter.Line(issue))}\n");
        if (result.ReportOnlyNote is { } reportOnly)
            text.Append(CultureInfo.InvariantCulture, $"::notice {Position(result.ReportOnlyAt)}title=inventory check report only::{EscapeData(reportOnly)}\n");
        return text.ToString();
    }

    /// <summary>The file a finding's annotation is shown on: its location, or for a location that is not a file (the
    /// built-in policy, a database label) the annotation file that settles it (<see cref="FindingLocation.Anchor"/>), as
    /// SARIF does; null when there is none.</summary>
    private static FindingLocation? At(CheckFinding f) => f.Location.Physical ? f.Location : f.Location.Anchor;

    private static string Command(CheckFinding f, string title, string message) =>
        $"::{(f.Baselined ? "notice" : f.Failing ? "error" : "warning")} {Position(At(f))}title={EscapeProperty(title)}::{EscapeData(message)}\n";

    /// <summary><c>file=…,line=…,col=…,</c> of a location, or "" for none.</summary>
    private static string Position(FindingLocation? at) => at is null ? ""
        : string.Create(CultureInfo.InvariantCulture, $"file={EscapeProperty(at.File)},line={at.Line}{(at.Column > 0 ? $",col={at.Column}" : "")},");

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
