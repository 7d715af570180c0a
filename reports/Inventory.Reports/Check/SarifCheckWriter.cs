using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Inventory.Reports.Check;

/// <summary>
/// SARIF 2.1.0 (OASIS standard) for code-scanning tools: one rule per finding kind (untagged, conflict, stale,
/// claim-violated, missing, invalid-annotation); each result points at the annotation entry (file and line) when there is one,
/// otherwise at the annotation file the engineer should create. Levels: <c>error</c> for failing findings,
/// <c>warning</c> otherwise, <c>note</c> for baselined ones; <c>baselineState</c> (new/unchanged) when a baseline was
/// used; <c>partialFingerprints</c> keyed on kind and column so alerts survive line moves. Each scan issue (a table
/// or source that could not be read) is a <c>toolExecutionNotifications</c> entry of the invocation, level
/// <c>warning</c>, with its kind as descriptor id and its <c>source/table.column</c> as logical location. A report-only
/// gate (<c>check.fail-on: []</c>) is a <c>toolConfigurationNotifications</c> entry, level <c>note</c>, at the setting.
/// Every policy claim, with its verdict, summary, examined and left-out tables, is in the run's <c>properties.claims</c>; the
/// acceptance threshold the gate applied in <c>properties.acceptClassificationAbove</c> (a number, category → number, or null).
/// With <see cref="SarifKnownGaps.Omit"/>, the baseline's known gaps are left out of the results (GitHub code scanning
/// ignores <c>baselineState</c> and opens a note alert for each), and a notification counts them.
/// </summary>
/// <param name="knownGaps">Whether the baseline's known gaps are results (<see cref="SarifKnownGaps.Include"/>, the
/// default) or left out.</param>
public sealed class SarifCheckWriter(SarifKnownGaps knownGaps = SarifKnownGaps.Include) : ICheckWriter
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
        (FindingKind.Missing, "MissingFromScan", "A table or column of the baseline is not in this scan",
            "A table or column the baseline inventory held is not in this scan: dropped, renamed, excluded by include/exclude, or hidden from the scanning user (MySQL and MariaDB list only the objects the user holds a privilege on). Check the scanner's grants, or take a new baseline after a deliberate drop."),
        (FindingKind.InvalidAnnotation, "InvalidAnnotation", "Annotation file is malformed",
            "An annotation file has a syntax error, an unknown key or category, a duplicate entry, a tab in its indentation or bad indentation."),
        (FindingKind.TransferWithoutSafeguard, "TransferWithoutSafeguard", "A recipient outside the EEA has no declared transfer safeguard",
            "A recipient of the policy is in a country outside the European Economic Area and the policy gives it no `transfer:` block, so the record of processing lists a transfer to a third country without its safeguard (GDPR Art. 30(1)(e), Art. 44 to 46). Add `transfer:` with the country and the safeguard (an adequacy decision, Art. 45, or an appropriate safeguard, Art. 46)."),
    ];

    /// <summary>The most results one run may hold: GitHub code scanning rejects the whole upload above it (GitHub Docs,
    /// "SARIF results exceed hard limit": 25,000 results per run), gate failures included.</summary>
    public const int MaxResultsPerRun = 25_000;

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
            json.WriteString("level", rule.Kind is FindingKind.Conflict or FindingKind.Stale or FindingKind.TransferWithoutSafeguard ? "warning" : "error");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        var omitted = knownGaps == SarifKnownGaps.Omit ? result.Findings.Count(f => f.Baselined) : 0;
        var (findings, baselinedLeftOut, othersLeftOut) = WithinLimit(omitted > 0 ? result.Findings.Where(f => !f.Baselined).ToList() : result.Findings, MaxResultsPerRun);
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        // What the scan could not read: SARIF's place for "the tool could not analyse this" (§3.20.21), which code
        // scanning shows on the tool's status page; the results above are then judged on what was read.
        if (result.ScanIssues.Count > 0 || baselinedLeftOut + othersLeftOut + omitted > 0)
        {
            json.WriteStartArray("toolExecutionNotifications");
            if (omitted > 0)
            {
                json.WriteStartObject();
                json.WriteString("level", "note");
                json.WriteStartObject("message");
                json.WriteString("text", $"{omitted.ToString("N0", CultureInfo.InvariantCulture)} known gap(s) of the baseline left out of this SARIF run "
                    + "(--sarif-known-gaps omit): they do not fail the gate; the text, JUnit and JSON outputs list them");
                json.WriteEndObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", "known-gaps-omitted");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            if (baselinedLeftOut + othersLeftOut > 0)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                json.WriteStartObject("message");
                json.WriteString("text", LeftOutNote(baselinedLeftOut, othersLeftOut));
                json.WriteEndObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", "results-left-out");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            foreach (var issue in result.ScanIssues)
            {
                json.WriteStartObject();
                json.WriteString("level", "warning");
                json.WriteStartObject("message");
                json.WriteString("text", $"{(issue.Issue.IsWarning ? "scan warning" : "scan incomplete")}: {CheckTextWriter.Line(issue)}");
                json.WriteEndObject();
                json.WriteStartObject("descriptor");
                json.WriteString("id", issue.Issue.Kind);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("fullyQualifiedName", issue.Key);
                json.WriteString("kind", issue.Issue.Column is not null ? "column" : issue.Issue.Table is not null ? "table" : "source");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        // A report-only gate (check.fail-on: []) is a fact of the tool's configuration: SARIF's place for it is a
        // configuration notification (§3.20.22), located at the setting.
        if (result.ReportOnlyNote is { } reportOnly && result.ReportOnlyAt is { } at)
        {
            json.WriteStartArray("toolConfigurationNotifications");
            json.WriteStartObject();
            json.WriteString("level", "note");
            json.WriteStartObject("message");
            json.WriteString("text", reportOnly);
            json.WriteEndObject();
            json.WriteStartObject("descriptor");
            json.WriteString("id", "report-only");
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            WritePhysicalLocation(json, at);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var f in findings)
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
            // A location that is not a file (the built-in policy, a database label) is anchored on the annotation file
            // that settles it: GitHub code scanning rejects the whole upload for one result without a physical location.
            if ((f.Location.Physical ? f.Location : f.Location.Anchor) is { } file)
                WritePhysicalLocation(json, file);
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
            // An invalid annotation has no table: its finding's Table holds the annotation file (trial31: SARIF consumers
            // read properties.table as a table name), so it is written as the file it is.
            if (f.Kind == FindingKind.InvalidAnnotation) json.WriteString("annotationFile", f.Table);
            else json.WriteString("table", f.Table);
            if (f.Column is not null) json.WriteString("column", f.Column);
            if (f.Suggestion is not null) json.WriteString("suggestion", f.Suggestion);
            if (f.ClaimId is not null) json.WriteString("claim", f.ClaimId);
            if (f.ClaimText is not null) json.WriteString("claimText", f.ClaimText);
            if (f.Location.DatabaseLabel is { } label) json.WriteString("databaseLabel", label);
            else if (!f.Location.Physical) json.WriteString("policy", f.Location.File);
            json.WriteBoolean("annotationFileExists", f.Location.Exists);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        // Every claim's verdict, what it examined and what it left out (a violated claim's findings are results above):
        // a run property bag, since a claim that holds or is unknown is no result to show on a line of code. The bag
        // also states the acceptance threshold the gate applied: a number, a category → number object (per-category
        // thresholds, with "default" when given), or null when every column needed an annotation.
        json.WriteStartObject("properties");
        WriteAcceptance(json, result.AcceptClassificationAbove);
        if (result.Claims.Count > 0) CheckWriters.WriteClaims(json, "claims", result.Claims);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The findings one run can hold (trial40 finding 2: over a fleet, the known gaps of a baseline alone made
    /// thousands of results, and past <see cref="MaxResultsPerRun"/> code scanning rejected the upload, the new failing
    /// column with it). Within the limit, every finding. Above it, the baseline's known gaps are left out first (they
    /// fail nothing and the baseline file lists them), then, if the current findings alone are still too many, the
    /// warnings after the failures: gate failures are the last to go. Kept findings stay in their stable order.</summary>
    /// <param name="findings">The findings, in the gate's order.</param>
    /// <param name="limit">The most results to write.</param>
    /// <returns>The findings to write, and how many known gaps and current findings were left out.</returns>
    internal static (IReadOnlyList<CheckFinding> Kept, int BaselinedLeftOut, int OthersLeftOut) WithinLimit(IReadOnlyList<CheckFinding> findings, int limit)
    {
        if (findings.Count <= limit) return (findings, 0, 0);
        var current = findings.Count(f => !f.Baselined);
        if (current <= limit)
        {
            var gapsKept = limit - current;
            var kept = findings.Where(f => !f.Baselined || gapsKept-- > 0).ToList();
            return (kept, findings.Count - kept.Count, 0);
        }
        var chosen = findings.Where(f => !f.Baselined).OrderBy(f => f.Failing ? 0 : 1).Take(limit).ToHashSet(ReferenceEqualityComparer.Instance);
        return (findings.Where(chosen.Contains).ToList(), findings.Count - current, current - limit);
    }

    /// <summary>The notification of results left out by <see cref="WithinLimit"/>.</summary>
    /// <param name="baselined">Known gaps left out.</param>
    /// <param name="others">Current findings (warnings, or failures past the limit) left out.</param>
    /// <returns>One sentence saying what was left out, why, and where every finding is.</returns>
    internal static string LeftOutNote(int baselined, int others)
    {
        var what = string.Join(" and ", new[]
        {
            baselined > 0 ? $"{baselined.ToString("N0", CultureInfo.InvariantCulture)} known gap(s) of the baseline" : null,
            others > 0 ? $"{others.ToString("N0", CultureInfo.InvariantCulture)} current finding(s), warnings first" : null,
        }.OfType<string>());
        return $"{what} left out of this SARIF run: GitHub code scanning rejects a run of more than "
            + $"{MaxResultsPerRun.ToString("N0", CultureInfo.InvariantCulture)} results; the text, JUnit and JSON outputs list every finding";
    }

    /// <summary>Writes <c>acceptClassificationAbove</c>: the number, an object of category → number (and <c>default</c>),
    /// or null.</summary>
    private static void WriteAcceptance(Utf8JsonWriter json, Inventory.Model.AcceptanceThresholds? thresholds)
    {
        if (thresholds is null) { json.WriteNull("acceptClassificationAbove"); return; }
        if (thresholds.IsUniform) { json.WriteNumber("acceptClassificationAbove", thresholds.Default ?? 0); return; }
        json.WriteStartObject("acceptClassificationAbove");
        foreach (var (category, threshold) in thresholds.ByCategory.OrderBy(e => e.Key, StringComparer.Ordinal))
            json.WriteNumber(category, threshold);
        if (thresholds.Default is { } fallback) json.WriteNumber("default", fallback);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>physicalLocation</c>: the file's URI and region, its start column left out when unknown (0),
    /// not claimed as 1.</summary>
    private static void WritePhysicalLocation(Utf8JsonWriter json, FindingLocation file)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri(file.File));
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", file.Line);
        if (file.Column > 0) json.WriteNumber("startColumn", file.Column);
        json.WriteEndObject();
        json.WriteEndObject();
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

/// <summary>Whether a SARIF run holds the baseline's known gaps (<c>check --sarif-known-gaps</c>).</summary>
public enum SarifKnownGaps
{
    /// <summary>Each known gap is a result, level <c>note</c>, <c>baselineState: unchanged</c> (the default): the
    /// backlog stays visible in code scanning.</summary>
    Include,
    /// <summary>Known gaps are left out; one notification counts them. For adopting the gate on a large existing
    /// database, where GitHub would open a note alert for each.</summary>
    Omit,
}
