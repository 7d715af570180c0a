using Inventory.Model;
using Inventory.Annotations;
using Inventory.Catalog;

namespace Inventory.Reports.Check;

/// <summary>Kinds of CI-gate findings; each is one SARIF rule.</summary>
public enum FindingKind
{
    /// <summary>An in-scope column without a tag (no annotation category, no database label, no accepted classification).</summary>
    Untagged,
    /// <summary>Strong evidence contradicts a column's annotation.</summary>
    Conflict,
    /// <summary>An annotation names a table, column or source that is gone, or a type that changed.</summary>
    Stale,
    /// <summary>A policy claim does not hold (added by the claims check).</summary>
    ClaimViolated,
    /// <summary>A table or column of the <c>--baseline</c> is not in this scan: dropped, renamed, excluded, or hidden from
    /// the scanning user by lost grants (trial35 finding 6: hidden tables turned the gate green). A warning unless
    /// <c>fail-on</c> lists <c>missing</c> or <c>--strict</c> is given.</summary>
    Missing,
    /// <summary>An annotation file is malformed (unknown key or category, duplicate, tab, indentation…).</summary>
    InvalidAnnotation,
    /// <summary>A recipient of the policy is in a country outside the EEA and the policy declares no transfer (no
    /// safeguard) for it: the record lists it as <c>⚠ no safeguard declared</c> (Art. 30(1)(e); trial37 finding 1). A
    /// warning, failing only with <c>--strict</c>; points at the recipient in the policy file.</summary>
    TransferWithoutSafeguard,
}

/// <summary>Where a finding points: the annotation entry when there is one, otherwise the file the engineer should
/// create or edit.</summary>
/// <param name="File">Path relative to the path base, forward slashes.</param>
/// <param name="Line">1-based line (1 for a file to create).</param>
/// <param name="Column">1-based column, or 0 when unknown (no entry yet, a file to create): formats then leave it out
/// (SARIF <c>startColumn</c>, GitHub <c>col=</c>) rather than claim column 1.</param>
/// <param name="Exists">False when the file does not exist yet (it should be created).</param>
public sealed record FindingLocation(string File, int Line, int Column, bool Exists)
{
    /// <summary>False for a location that is not a file in the user's repository (the built-in seed policy):
    /// <see cref="File"/> is then a display name, SARIF gets no physical location, GitHub no <c>file=</c>.</summary>
    public bool Physical { get; init; } = true;

    /// <summary>For a finding about a label the database holds (a conflict of a structured column comment or a SQL Server
    /// sensitivity classification): the label's origin (<c>database comment</c>…), which <see cref="File"/> repeats;
    /// the location is then not a file (<see cref="Physical"/> false). Null otherwise.</summary>
    public string? DatabaseLabel { get; init; }

    /// <summary>For a location that is not a file (<see cref="Physical"/> false): the annotation file where the finding
    /// can be settled (the table's annotation, or the file <c>annotate</c> would create for it), which formats that need
    /// a file use. GitHub code scanning rejects a whole SARIF upload when one result has no physical location
    /// (<c>locationFromSarifResult: expected artifact location</c>; trial 33 finding 10), so SARIF anchors there.
    /// Null for a physical location, or when the finding names no table of the inventory.</summary>
    public FindingLocation? Anchor { get; init; }

    /// <summary>The location of a database label: not a file, named by the label's origin.</summary>
    /// <param name="origin">The label's origin in words, e.g. <c>database comment</c>.</param>
    public static FindingLocation InDatabase(string origin) => new(origin, 1, 1, true) { Physical = false, DatabaseLabel = origin };

    /// <summary><c>file:line:column</c>, <c>file:line</c> when the column is unknown (just the name for a non-physical
    /// location).</summary>
    public override string ToString() => !Physical ? File : Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
}

/// <summary>One CI-gate finding. Never holds a sampled value.</summary>
public sealed record CheckFinding
{
    /// <summary>Kind (the SARIF rule).</summary>
    public required FindingKind Kind { get; init; }
    /// <summary>Source name, or null for an annotation-level problem without one.</summary>
    public string? Source { get; init; }
    /// <summary>Qualified table name (or the file name for an invalid annotation file).</summary>
    public required string Table { get; init; }
    /// <summary>Column name, or null for a table-level finding.</summary>
    public string? Column { get; init; }
    /// <summary>Why, in one line.</summary>
    public required string Message { get; init; }
    /// <summary>What to do or what the tool suggests (e.g. <c>suggested: contact.email (0.97) — detector.email 48/50</c>), or null.</summary>
    public string? Suggestion { get; init; }
    /// <summary>Where to look or what to create.</summary>
    public required FindingLocation Location { get; init; }
    /// <summary>True when the finding fails the gate (its kind is in the fail-on set and it is not excused by the baseline).</summary>
    public bool Failing { get; init; }
    /// <summary>True when the baseline had this finding (same kind and, for a conflict, the same annotated category): a
    /// known gap, listed apart, never failing.</summary>
    public bool Baselined { get; init; }
    /// <summary>For a <see cref="FindingKind.Conflict"/> finding: the category the annotation (or database label) gives;
    /// null otherwise. The baseline compares it, so a conflict whose annotation changed is not excused.</summary>
    public string? AnnotatedCategory { get; init; }
    /// <summary>For a <see cref="FindingKind.ClaimViolated"/> finding: the claim's id; null otherwise.</summary>
    public string? ClaimId { get; init; }
    /// <summary>For a <see cref="FindingKind.ClaimViolated"/> finding: the claim's text as the policy states it (what the
    /// privacy policy promises), written as <c>claimText</c> in SARIF and JSON, never as a suggestion; null otherwise.</summary>
    public string? ClaimText { get; init; }
    /// <summary>The display key: <c>table.column</c> (or <c>table</c>), prefixed by <c>source/</c> when the check covers several sources.</summary>
    public required string Key { get; init; }
}

/// <summary>One in-scope column and its verdict (one JUnit test case).</summary>
/// <param name="Source">Source name.</param>
/// <param name="Table">Qualified table name.</param>
/// <param name="Column">Column name.</param>
/// <param name="Key">Display key (see <see cref="CheckFinding.Key"/>).</param>
/// <param name="DataCategory">Effective category, or null.</param>
/// <param name="Status">tagged, suggested, untagged or conflict (kebab-case of the inventory status).</param>
/// <param name="Accepted">True when it counts as tagged (annotation, database label, or classification above the threshold).</param>
public sealed record CheckedColumn(string Source, string Table, string Column, string Key, string? DataCategory, string Status, bool Accepted);

/// <summary>A scan issue as the gate names it.</summary>
/// <param name="Key">What it is about, keyed like a finding: <c>table.column</c> or <c>table</c>, prefixed by
/// <c>source/</c> when several sources are checked; the source's name alone for a source-level issue.</param>
/// <param name="Issue">The issue as the inventory records it.</param>
public sealed record CheckScanIssue(string Key, ScanIssue Issue)
{
    /// <summary>For an issue about a table or column: the annotation file of the table, or the file <c>annotate</c> would
    /// create for it, where a CI annotation of the issue is shown; null for a source-level issue.</summary>
    public FindingLocation? Anchor { get; init; }
}

/// <summary>The gate's verdict.</summary>
public sealed record CheckResult
{
    /// <summary>Every finding, sorted by key then kind (ordinal): stable across runs.</summary>
    public required IReadOnlyList<CheckFinding> Findings { get; init; }
    /// <summary>In-scope columns in key order.</summary>
    public required IReadOnlyList<CheckedColumn> Columns { get; init; }
    /// <summary>True when no finding fails.</summary>
    public bool Passed => !Findings.Any(f => f.Failing);
    /// <summary>Findings that fail the gate.</summary>
    public IEnumerable<CheckFinding> Failures => Findings.Where(f => f.Failing);
    /// <summary>Findings that do not fail (warnings: conflicts without --strict, stale annotations…), baselined ones excluded.</summary>
    public IEnumerable<CheckFinding> Warnings => Findings.Where(f => !f.Failing && !f.Baselined);
    /// <summary>Findings excused by the baseline.</summary>
    public IEnumerable<CheckFinding> Baselined => Findings.Where(f => f.Baselined);
    /// <summary>The findings as the text output lists them (<see cref="FindingLine"/>): over a fleet of tenants, the same
    /// finding in several places is one line naming them; otherwise one line per finding. Set by <see cref="CheckGate.Evaluate"/>;
    /// when not set, one line per finding.</summary>
    public IReadOnlyList<FindingLine> Lines
    {
        get => _lines ?? Findings.Select(f => new FindingLine { Findings = [f], Message = f.Message, Hint = CheckWriters.Hint(f) }).ToList();
        init => _lines = value;
    }
    private readonly IReadOnlyList<FindingLine>? _lines;
    /// <summary>True when the inventory's scan was complete (no unreadable table or column).</summary>
    public bool ScanComplete { get; init; } = true;
    /// <summary>The inventory's scan issues (a source not reached, a table or column not read), in the inventory's order:
    /// every format names them, so a CI log, a code-scanning page or a test report shows what the gate could not check
    /// (trial 31: SARIF and JUnit said nothing of a table the scanner could not read). Messages never hold a value.</summary>
    public IReadOnlyList<CheckScanIssue> ScanIssues { get; init; } = [];
    /// <summary>Tool name and version for reports.</summary>
    public string Tool { get; init; } = "inventory";
    /// <summary>Whether a baseline was used (SARIF baselineState is set only then).</summary>
    public bool UsedBaseline { get; init; }
    /// <summary>The policy's claims as evaluated, in policy order (empty without a policy): every format says each one's
    /// verdict, what it examined and what it left out (trial35 finding 7: only violated claims reached CI).</summary>
    public IReadOnlyList<Claims.ClaimResult> Claims { get; init; } = [];
    /// <summary><see cref="Claims"/> as one line each (<see cref="CheckWriters.ClaimLine"/>), in the same order: over a fleet
    /// a table of several tenants is said once. Set by <see cref="CheckGate.Evaluate"/>.</summary>
    public IReadOnlyList<string> ClaimLines { get; init; } = [];
    /// <summary>How many annotated tables the scan did not see (stale annotations of a missing table): the summary line
    /// says so, so that a scan that shrank is visible without a baseline (trial35 finding 6).</summary>
    public int AnnotatedTablesNotScanned { get; init; }
    /// <summary>Where the config's <c>check.fail-on</c> lists no kind, when the gate ran so (not under <c>--strict</c>):
    /// a report-only gate, said once by every format (<see cref="ReportOnlyNote"/>); null otherwise.</summary>
    /// <summary>The acceptance threshold the gate applied (<see cref="CheckOptions.AcceptClassificationAbove"/>): one number, or
    /// one per category; null when every column needed an annotation. SARIF and JUnit state it (<see cref="AcceptanceText"/>).</summary>
    public AcceptanceThresholds? AcceptClassificationAbove { get; init; }
    /// <summary>The applied threshold in words: <c>0.9</c>, <c>contact 0.9, financial 0.95, none 0.8, default 0.9</c>, or
    /// <c>none (every column needs an annotation or a database label)</c>.</summary>
    public string AcceptanceText => AcceptClassificationAbove?.Text ?? "none (every column needs an annotation or a database label)";
    public FindingLocation? ReportOnlyAt { get; init; }
    /// <summary>The one sentence the formats say about a report-only gate (<see cref="ReportOnlyAt"/>), naming the
    /// setting's <c>file:line:column</c>; null when the gate is not report-only.</summary>
    public string? ReportOnlyNote => ReportOnlyAt is { } at
        ? $"check.fail-on is an empty list ({at}): report only, no finding fails the gate but an invalid annotation file and every other finding is a warning; list the kinds that should fail, or remove the key for the default (untagged)"
        : null;
}

/// <summary>Options of <see cref="CheckGate.Evaluate"/>.</summary>
public sealed record CheckOptions
{
    /// <summary>Classifications (rules or model) at or above this confidence count as tags; null to require annotations.</summary>
    public AcceptanceThresholds? AcceptClassificationAbove { get; init; }
    /// <summary>When true, conflicts and stale annotations fail the gate too.</summary>
    public bool Strict { get; init; }
    /// <summary>Kinds that fail the gate. Default: untagged, claim-violated, invalid-annotation (conflicts and stale
    /// annotations are warnings, C05); <see cref="Strict"/> adds conflict and stale.</summary>
    public IReadOnlySet<FindingKind> FailOn { get; init; } =
        new HashSet<FindingKind> { FindingKind.Untagged, FindingKind.ClaimViolated, FindingKind.InvalidAnnotation };
    /// <summary>Known columns: their findings are listed as baselined and never fail. Null for no baseline.</summary>
    public CheckBaseline? Baseline { get; init; }
    /// <summary>Folder where new annotation files go (for locations of untagged columns of unannotated tables), relative
    /// to <see cref="PathBase"/> or absolute.</summary>
    public string AnnotationsDirectory { get; init; } = "annotations";
    /// <summary>Paths are shown relative to this folder (default: working directory).</summary>
    public string PathBase { get; init; } = Directory.GetCurrentDirectory();
    /// <summary>Stale annotations found by the merge.</summary>
    public IReadOnlyList<StaleAnnotation> Stale { get; init; } = [];
    /// <summary>Errors met while loading annotation files.</summary>
    public IReadOnlyList<AnnotationError> AnnotationErrors { get; init; } = [];
    /// <summary>Extra findings from other checks (claims), merged and sorted with the rest.</summary>
    public IReadOnlyList<CheckFinding> ExtraFindings { get; init; } = [];
    /// <summary>The policy's claims as evaluated, passed through to <see cref="CheckResult.Claims"/>.</summary>
    public IReadOnlyList<Claims.ClaimResult> Claims { get; init; } = [];
    /// <summary>Where the config's <c>check.fail-on</c> lists no kind (then <see cref="FailOn"/> holds only
    /// invalid-annotation), passed to <see cref="CheckResult.ReportOnlyAt"/> unless <see cref="Strict"/>; null otherwise.</summary>
    public FindingLocation? ReportOnlyAt { get; init; }
}
