using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace Inventory.Reports.Check;

/// <summary>JUnit XML for CI test reports: one test suite per table (named <c>source/table</c> when the result covers
/// several sources, and so is each of its test cases' class name) with one test case per in-scope column (a failure
/// for a failing finding, <c>skipped</c> for a baselined one, passed otherwise, warnings in <c>system-out</c>), a suite
/// <c>annotations</c> with one test case per stale, missing or invalid annotation, a suite <c>policy</c> with one test
/// case per finding on the policy itself (a recipient outside the EEA without a declared safeguard, at its line in the
/// policy file: where a CI reader looks for what the policy says, not among the annotations), a suite <c>claims</c>
/// with one test case per violated claim and location (<c>claim-id table.column</c>), a suite <c>scan</c> with one skipped test case
/// per scan issue (<c>no-privilege billing/payment_methods</c>: what the scan could not read was not checked), and for a
/// report-only gate (<c>check.fail-on: []</c>) a suite <c>configuration</c> with one passing case <c>check.fail-on</c> at
/// the setting, saying so in <c>system-out</c>. Every suite states the acceptance threshold the gate applied in its
/// <c>properties</c> (<c>accept-classification-above</c>: <c>0.9</c>, <c>contact 0.9, none 0.8</c>, or <c>none (…)</c>).
/// Test-case names are unique within each suite.</summary>
public sealed class JUnitCheckWriter : ICheckWriter
{
    /// <inheritdoc />
    public string Format => "junit";
    /// <inheritdoc />
    public string DefaultFileName => "inventory-check.junit.xml";

    private sealed record Case(string ClassName, string Name, IReadOnlyList<CheckFinding> Findings, string? File, int Line, string? NotChecked = null, string? Out = null)
    {
        public bool Failed => Findings.Any(f => f.Failing);
        public bool Skipped => !Failed && (NotChecked is not null || Findings.Any(f => f.Baselined));
    }

    /// <inheritdoc />
    public async Task WriteAsync(CheckResult result, Stream output, CancellationToken cancellationToken = default)
    {
        var byColumn = result.Findings.Where(f => f.Column is not null && f.Kind is FindingKind.Untagged or FindingKind.Conflict)
            .GroupBy(f => (f.Source ?? "", f.Table, f.Column!))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CheckFinding>)g.ToArray());
        bool multiSource = result.Columns.Select(c => c.Source).Distinct().Count() > 1;
        // The class name is the suite's name: with several sources (a fleet of databases of one schema) the bare table
        // would give every source's `clients`/`id` the same classname and name, which CI test viewers merge into one case.
        var suites = result.Columns
            .GroupBy(c => (c.Source, c.Table))
            .Select(g =>
            {
                var suite = multiSource ? $"{g.Key.Source}/{g.Key.Table}" : g.Key.Table;
                return (Name: suite, Cases: g.Select(c =>
                {
                    var findings = byColumn.GetValueOrDefault((c.Source, c.Table, c.Column)) ?? [];
                    return new Case(suite, c.Column, findings, findings.FirstOrDefault()?.Location.File, findings.FirstOrDefault()?.Location.Line ?? 0);
                }).ToArray());
            })
            .ToList();
        var other = result.Findings.Where(f => !(f.Column is not null && f.Kind is FindingKind.Untagged or FindingKind.Conflict)).ToArray();
        static bool OfPolicy(CheckFinding f) => f.Kind == FindingKind.TransferWithoutSafeguard;
        var annotationCases = other.Where(f => f.Kind != FindingKind.ClaimViolated && !OfPolicy(f))
            .Select(f => (Name: $"{CheckWriters.KindId(f.Kind)} {f.Key}", Finding: f)).ToArray();
        if (annotationCases.Length > 0)
            suites.Add(("annotations", Unique(annotationCases).Select(x => new Case("annotations", x.Name, [x.Finding], FileOf(x.Finding), x.Finding.Location.Line)).ToArray()));
        var policyCases = other.Where(OfPolicy).Select(f => (Name: $"{CheckWriters.KindId(f.Kind)} {f.Key}", Finding: f)).ToArray();
        if (policyCases.Length > 0)
            suites.Add(("policy", Unique(policyCases).Select(x => new Case("policy", x.Name, [x.Finding], FileOf(x.Finding), x.Finding.Location.Line)).ToArray()));
        // One test case per claim and location: a claim violated at three columns is three failures, each named.
        var claimCases = other.Where(f => f.Kind == FindingKind.ClaimViolated)
            .Select(f => (Name: $"{f.ClaimId ?? "claim"} {f.Key}", Finding: f)).ToArray();
        // A claim that holds is a passing case and one left unknown a skipped case, each saying what it examined and left
        // out (trial35 finding 7); a violated claim's cases are its findings, one per location, and the suite's
        // system-out holds every claim's line.
        var verdictCases = result.Claims.Select((c, i) => (Claim: c, Line: result.ClaimLines[i])).Where(x => x.Claim.Verdict != Claims.ClaimVerdict.Violated)
            .Select(x => new Case("claims", x.Claim.Claim.Id, [], null, 0,
                x.Claim.Verdict == Claims.ClaimVerdict.Unknown ? x.Line : null, x.Claim.Verdict == Claims.ClaimVerdict.Holds ? x.Line : null)).ToArray();
        if (claimCases.Length > 0 || verdictCases.Length > 0)
            suites.Add(("claims", Unique(claimCases).Select(x => new Case("claims", x.Name, [x.Finding], FileOf(x.Finding), x.Finding.Location.Line)).Concat(verdictCases).ToArray()));

        // What the scan could not read is not checked: one skipped case per scan issue, with its kind and message.
        if (result.ScanIssues.Count > 0)
            suites.Add(("scan", result.ScanIssues.Select((issue, i) => (Name: $"{issue.Issue.Kind} {issue.Key}", Index: i))
                .GroupBy(x => x.Name, StringComparer.Ordinal)
                .SelectMany(g => g.Select((x, n) => (Name: n == 0 ? x.Name : string.Create(CultureInfo.InvariantCulture, $"{x.Name} ({n + 1})"), x.Index)))
                .OrderBy(x => x.Index)
                .Select(x => new Case("scan", x.Name, [], null, 0, (result.ScanIssues[x.Index].Issue.IsWarning ? "scan warning, not checked: " : "scan incomplete, not checked: ") + CheckTextWriter.Line(result.ScanIssues[x.Index])))
                .ToArray()));

        // A report-only gate (check.fail-on: []) is said once: a passing case at the setting, its note in system-out.
        if (result.ReportOnlyNote is { } reportOnly && result.ReportOnlyAt is { } at)
            suites.Add(("configuration", [new Case("configuration", "check.fail-on", [], at.File, at.Line, Out: reportOnly)]));

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
            // The acceptance threshold the gate applied, where JUnit readers look for a run's settings (a suite's properties).
            await xml.WriteStartElementAsync(null, "properties", null).ConfigureAwait(false);
            await xml.WriteStartElementAsync(null, "property", null).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "name", null, "accept-classification-above").ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "value", null, result.AcceptanceText).ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
            await xml.WriteEndElementAsync().ConfigureAwait(false);
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
                    await xml.WriteAttributeStringAsync(null, "message", null,
                        c.NotChecked ?? "known gap in the baseline: " + Annotations.Suggestions.OneLine(c.Findings[0].Message)).ConfigureAwait(false);
                    await xml.WriteEndElementAsync().ConfigureAwait(false);
                }
                else if (c.Findings.Count > 0)
                    await xml.WriteElementStringAsync(null, "system-out", null, string.Join("\n", c.Findings.Select(x => "warning: " + CheckTextWriter.Line(x)))).ConfigureAwait(false);
                else if (c.Out is not null)
                    await xml.WriteElementStringAsync(null, "system-out", null, c.Out).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
            }
            if (name == "claims" && result.Claims.Count > 0)
                await xml.WriteElementStringAsync(null, "system-out", null, string.Join("\n", result.ClaimLines)).ConfigureAwait(false);
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
