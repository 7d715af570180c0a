using Inventory.Annotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Reports.Diff;
using Inventory.Rules.Policy;

namespace Inventory.Reports;

/// <summary>Everything a report shows, built once from an inventory, an optional policy, the claims' results and an
/// optional previous inventory, then rendered by every <see cref="IReportWriter"/>. Without a policy the report invents
/// nothing: no controller, no claims, no activities; every personal column is listed as not attributed. Holds names, categories, counts and ratios
/// only: no sampled value and no masked example reaches it. Ordering is deterministic (policy order for activities
/// and claims, document order for sources, tables and columns).</summary>
public sealed class ReportModel
{
    /// <summary>Report title.</summary>
    public required string Title { get; init; }
    /// <summary>Tool and version that wrote the inventory.</summary>
    public required string Tool { get; init; }
    /// <summary>When the inventory was scanned (ISO 8601 UTC), or null when the document does not say.</summary>
    public string? ScannedAt { get; init; }
    /// <summary>True when a policy was given; false for "no policy given" (no controller, activities or claims).</summary>
    public required bool PolicyGiven { get; init; }
    /// <summary>The policy file name (<c>policy.yml (built-in)</c> for the seed policy), or null when no policy was given.</summary>
    public string? PolicyFile { get; init; }
    /// <summary>The controller (Art. 30(1)(a)), or null when no policy was given.</summary>
    public ControllerContact? Controller { get; init; }
    /// <summary>The DPO, or null.</summary>
    public DpoContact? Dpo { get; init; }
    /// <summary>Rights and default retention.</summary>
    public required RightsStatement Rights { get; init; }
    /// <summary>The controller record: one entry per controller activity, in policy order.</summary>
    public required IReadOnlyList<ActivityRecord> Activities { get; init; }
    /// <summary>The processor record (Art. 30(2)): processor activities, in policy order.</summary>
    public required IReadOnlyList<ActivityRecord> ProcessorActivities { get; init; }
    /// <summary>Sources held as processor (customer-owned, recorded at system level).</summary>
    public required IReadOnlyList<SourceCoverage> ProcessorSources { get; init; }
    /// <summary>The claims with their verdicts, in policy order.</summary>
    public required IReadOnlyList<ClaimRow> Claims { get; init; }
    /// <summary>Claims per verdict: holds, violated, unknown.</summary>
    public required ClaimTotals ClaimTotals { get; init; }
    /// <summary>Coverage per source (with its tables).</summary>
    public required IReadOnlyList<SourceCoverage> Coverage { get; init; }
    /// <summary>Coverage over the gate's scope: every controller source (processor sources are recorded at system level
    /// and are not checked by <c>inventory check</c>), so <see cref="CoverageCounts.TaggedPercent"/> agrees with <c>check</c>.</summary>
    public required CoverageCounts CoverageTotals { get; init; }
    /// <summary>Personal columns per top-level category, for the chart (fixed category order; zero rows omitted).</summary>
    public required IReadOnlyList<CategoryCount> CategoryChart { get; init; }
    /// <summary>Personal columns not attributed to any processing activity: their table's annotation names no activity
    /// (or one the policy does not define), or no policy was given. Findings for the DPO.</summary>
    public required IReadOnlyList<ColumnRow> Unassigned { get; init; }
    /// <summary>Data categories found in an activity's tables that the activity does not declare (findings), in
    /// activity then category order.</summary>
    public required IReadOnlyList<UndeclaredCategoryRow> UndeclaredCategories { get; init; }
    /// <summary>Tables whose annotation names an activity the policy does not define.</summary>
    public required IReadOnlyList<string> UnknownActivities { get; init; }
    /// <summary>Columns whose annotation is contradicted by the sampled data (status conflict), in document order, with
    /// the annotated category and the evidence counts (<see cref="ColumnEntry.Conflict"/>; never values).</summary>
    public required IReadOnlyList<ConflictRow> Conflicts { get; init; }
    /// <summary>Every column, one row each (the CSV report).</summary>
    public required IReadOnlyList<ColumnRow> Columns { get; init; }
    /// <summary>Scan issues (coverage gaps), as safe messages.</summary>
    public required IReadOnlyList<string> Issues { get; init; }
    /// <summary>True when a previous inventory was given.</summary>
    public bool HasPrevious => Changes is not null;
    /// <summary>Changes since the previous inventory, or null (serialised as <see cref="ChangeRows"/>).</summary>
    [JsonIgnore]
    public InventoryDiff? Changes { get; init; }
    /// <summary>The changes as display rows (empty without a previous inventory).</summary>
    public required IReadOnlyList<ChangeRow> ChangeRows { get; init; }

    /// <summary>Builds the model.</summary>
    /// <param name="inventory">The inventory, with annotations already merged (normalised in place to canonical order).</param>
    /// <param name="policy">The policy, or null when none was given: then no controller, activities or claims are shown.</param>
    /// <param name="claims">Claim results; null to evaluate the policy's claims here (none without a policy).</param>
    /// <param name="previous">The previous inventory for the changes section, or null.</param>
    /// <param name="options">Coverage options (the gate's classification threshold); defaults when null.</param>
    /// <returns>The model.</returns>
    public static ReportModel Build(InventoryDocument inventory, PolicyDocument? policy, IReadOnlyList<ClaimResult>? claims = null,
        InventoryDocument? previous = null, ReportOptions? options = null) =>
        ReportModelBuilder.Build(inventory, policy, claims, previous, options ?? new ReportOptions());
}

/// <summary>Options of <see cref="ReportModel.Build"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>Classifications (rules or model) at or above this confidence count as tagged, as in <c>check
    /// --accept-classification-above</c>; null (default) to count annotations and database labels only.</summary>
    public double? AcceptClassificationAbove { get; init; }
}

/// <summary>A data category held by an activity's tables that the activity does not declare.</summary>
public sealed class UndeclaredCategoryRow
{
    /// <summary>Activity id.</summary>
    public required string Activity { get; init; }
    /// <summary>The undeclared data category.</summary>
    public required string Category { get; init; }
    /// <summary>Columns holding it (<c>source/table.column</c>), in document order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }
}

/// <summary>A column whose annotation the data contradicts.</summary>
public sealed class ConflictRow
{
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>The annotated data category (e.g. <c>none</c>).</summary>
    public required string Annotated { get; init; }
    /// <summary>The annotation file and line (<c>file:line</c>), or empty when unknown.</summary>
    public required string AnnotationAt { get; init; }
    /// <summary>The evidence against the annotation, with counts and ratios only (e.g. "detector.email matched 338 of 338").</summary>
    public required string Evidence { get; init; }
}

/// <summary>One activity of the record (Art. 30(1) b–g, or Art. 30(2) for processor activities).</summary>
public sealed class ActivityRecord
{
    /// <summary>Activity id.</summary>
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>Controller or processor (written <c>controller</c>/<c>processor</c>).</summary>
    public required ProcessingRole Role { get; init; }
    /// <summary>Controllers served (processor activities).</summary>
    public required IReadOnlyList<string> Controllers { get; init; }
    /// <summary>Purposes (or categories of processing for processor activities).</summary>
    public required IReadOnlyList<string> Purposes { get; init; }
    /// <summary>Legal bases as "article: detail".</summary>
    public required IReadOnlyList<string> LegalBasis { get; init; }
    /// <summary>Categories of data subjects.</summary>
    public required IReadOnlyList<string> DataSubjects { get; init; }
    /// <summary>Data categories with the columns that hold them.</summary>
    public required IReadOnlyList<CategoryRecord> Categories { get; init; }
    /// <summary>Recipients.</summary>
    public required IReadOnlyList<RecipientRow> Recipients { get; init; }
    /// <summary>Third-country transfers with their safeguards, as text; empty when none.</summary>
    public required IReadOnlyList<string> Transfers { get; init; }
    /// <summary>Retention rules.</summary>
    public required IReadOnlyList<RetentionRow> Retention { get; init; }
    /// <summary>Security measures.</summary>
    public required IReadOnlyList<string> SecurityMeasures { get; init; }
    /// <summary>Distinct tables attributed to the activity (<c>source/table</c>): tables annotated with it, and for a
    /// processor activity the tables of processor-role sources.</summary>
    public required IReadOnlyList<string> Tables { get; init; }
    /// <summary>Number of columns behind the activity.</summary>
    public int ColumnCount => Categories.Sum(c => c.Columns.Count);
}

/// <summary>A data category of an activity and the columns holding it.</summary>
public sealed class CategoryRecord
{
    /// <summary>The data category (as declared, or as found for undeclared ones).</summary>
    public required string Category { get; init; }
    /// <summary>CNIL register category (DESIGN §7).</summary>
    public required string CnilCategory { get; init; }
    /// <summary>False when the column's table names this activity but the activity does not declare the category (a finding).</summary>
    public required bool Declared { get; init; }
    /// <summary>The policy's retention for this category, or null (an undeclared category has none).</summary>
    public string? Retention { get; init; }
    /// <summary>Columns (<c>source/table.column</c>), in document order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }
    /// <summary>The same columns with the claims each violates (a column-level claim finding), in document order.</summary>
    public required IReadOnlyList<ColumnMark> Entries { get; init; }
    /// <summary>Retention periods the tables' annotations state for these columns that differ from <see cref="Retention"/>
    /// (the annotation overrides the policy for its table), as "period (tables)"; empty when none differs.</summary>
    public required IReadOnlyList<string> AnnotatedRetention { get; init; }
}

/// <summary>A column of an activity's category with the claims it violates.</summary>
public sealed class ColumnMark
{
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>Ids of the claims with a finding on this column (empty when none), in policy order.</summary>
    public required IReadOnlyList<string> Violates { get; init; }
}

/// <summary>A recipient as shown in the record.</summary>
public sealed class RecipientRow
{
    /// <summary>Recipient id.</summary>
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>processor, controller, authority or internal.</summary>
    public required string Kind { get; init; }
    /// <summary>Purpose, or null.</summary>
    public string? Purpose { get; init; }
    /// <summary>Country, or null.</summary>
    public string? Country { get; init; }
    /// <summary>Transfer as "country (safeguard)", or null.</summary>
    public string? Transfer { get; init; }
}

/// <summary>A retention rule as shown in the record.</summary>
public sealed class RetentionRow
{
    /// <summary>Categories, comma-separated.</summary>
    public required string Categories { get; init; }
    /// <summary>Period.</summary>
    public required string Period { get; init; }
    /// <summary>Legal basis of the period, or null.</summary>
    public string? Basis { get; init; }
    /// <summary>False when the data cannot be changed or erased on request.</summary>
    public required bool Erasable { get; init; }
}

/// <summary>A claim and its verdict for display.</summary>
public sealed class ClaimRow
{
    /// <summary>Claim id.</summary>
    public required string Id { get; init; }
    /// <summary>The claim's text.</summary>
    public required string Text { get; init; }
    /// <summary>Check kind.</summary>
    public required string Kind { get; init; }
    /// <summary>holds, violated or unknown.</summary>
    public required string Verdict { get; init; }
    /// <summary>One sentence with counts.</summary>
    public required string Summary { get; init; }
    /// <summary>Items examined.</summary>
    public required int Examined { get; init; }
    /// <summary>Findings against the claim.</summary>
    public required IReadOnlyList<FindingRow> Findings { get; init; }
    /// <summary>Items the check could not decide.</summary>
    public required IReadOnlyList<FindingRow> Unresolved { get; init; }
}

/// <summary>A claim finding for display.</summary>
public sealed class FindingRow
{
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>Data category, or null.</summary>
    public string? Category { get; init; }
    /// <summary>Why.</summary>
    public required string Reason { get; init; }
}

/// <summary>Claims per verdict.</summary>
public sealed class ClaimTotals
{
    /// <summary>Claims that hold.</summary>
    public int Holds { get; init; }
    /// <summary>Claims violated.</summary>
    public int Violated { get; init; }
    /// <summary>Claims that cannot be decided.</summary>
    public int Unknown { get; init; }
}

/// <summary>Column counts as the CI gate sees them. The four counts are disjoint and add up to <see cref="Columns"/>:
/// a "suggested" column (classified, not annotated) is untagged for the gate and counted in
/// <see cref="UntaggedWithSuggestion"/>, never as tagged.</summary>
public class CoverageCounts
{
    /// <summary>Columns.</summary>
    public int Columns { get; init; }
    /// <summary>Columns tagged by an annotation or a database label (or a classification above the accepted threshold),
    /// without conflict.</summary>
    public int Tagged { get; init; }
    /// <summary>Untagged columns for which the classifier has a suggestion (status <c>suggested</c>).</summary>
    public int UntaggedWithSuggestion { get; init; }
    /// <summary>Untagged columns without any suggestion.</summary>
    public int UntaggedNoSuggestion { get; init; }
    /// <summary>Annotated columns whose annotation strong evidence contradicts (tagged for the gate, listed as conflicts).</summary>
    public int Conflict { get; init; }
    /// <summary>Columns without sampled values.</summary>
    public int NotSampled { get; init; }
    /// <summary>Columns that count as tagged for <c>check</c>: <see cref="Tagged"/> + <see cref="Conflict"/>.</summary>
    public int GateTagged => Tagged + Conflict;
    /// <summary><see cref="GateTagged"/> / columns in [0, 1] (1 when there are no columns): the share <c>check</c> reports.</summary>
    public double TaggedRatio => Columns == 0 ? 1 : (double)GateTagged / Columns;
    /// <summary><see cref="TaggedRatio"/> as a percentage with one decimal, invariant culture.</summary>
    public string TaggedPercent => (TaggedRatio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Coverage of one source.</summary>
public sealed class SourceCoverage : CoverageCounts
{
    /// <summary>Source name.</summary>
    public required string Name { get; init; }
    /// <summary>Provider.</summary>
    public required string Provider { get; init; }
    /// <summary>Controller or processor (written <c>controller</c>/<c>processor</c>).</summary>
    public required ProcessingRole Role { get; init; }
    /// <summary>Host and database without credentials.</summary>
    public required string Target { get; init; }
    /// <summary>False when a table or column could not be read.</summary>
    public required bool Complete { get; init; }
    /// <summary>Per-table coverage.</summary>
    public required IReadOnlyList<TableCoverage> Tables { get; init; }
}

/// <summary>Coverage of one table.</summary>
public sealed class TableCoverage : CoverageCounts
{
    /// <summary>Qualified table name.</summary>
    public required string Name { get; init; }
    /// <summary>Activity from the annotation, or null.</summary>
    public string? Activity { get; init; }
    /// <summary>Recipients from the annotation.</summary>
    public required IReadOnlyList<string> SharedWith { get; init; }
    /// <summary>Row estimate, or null.</summary>
    public long? RowEstimate { get; init; }
    /// <summary>Rows sampled.</summary>
    public int SampledRows { get; init; }
    /// <summary>Why the table was not sampled, or null.</summary>
    public string? NotSampledReason { get; init; }
}

/// <summary>Columns of one top-level category, with the chart bar geometry.</summary>
public sealed class CategoryCount
{
    /// <summary>Top-level category (contact, financial…), <c>none</c> or <c>undecided</c>.</summary>
    public required string Category { get; init; }
    /// <summary>Columns.</summary>
    public required int Count { get; init; }
    /// <summary>Bar width in SVG user units (0–400), proportional to the largest count.</summary>
    public required int BarWidth { get; init; }
    /// <summary>Bar's y offset in SVG user units.</summary>
    public required int Y { get; init; }
    /// <summary>Fill colour (hex).</summary>
    public required string Color { get; init; }
}

/// <summary>One column of the inventory for the CSV and the unassigned list.</summary>
public sealed class ColumnRow
{
    /// <summary>Source name.</summary>
    public required string Source { get; init; }
    /// <summary>Qualified table name.</summary>
    public required string Table { get; init; }
    /// <summary>Column name.</summary>
    public required string Column { get; init; }
    /// <summary>Data category, or empty when undecided.</summary>
    public required string Category { get; init; }
    /// <summary>tagged, suggested, untagged or conflict.</summary>
    public required string Status { get; init; }
    /// <summary>The processing activity the column is attributed to (its table's annotated activity), or "" when none.</summary>
    public required string Activity { get; init; }
    /// <summary>Effective retention: the table annotation's when it states one (it overrides the policy), else the
    /// policy's for the column's activity and category; "" when none applies.</summary>
    public required string Retention { get; init; }
    /// <summary>The policy's retention for the column's activity and category ("" when none applies or no policy).</summary>
    public required string PolicyRetention { get; init; }
    /// <summary>True when the annotation states a retention that differs from <see cref="PolicyRetention"/> (a finding for the DPO).</summary>
    public required bool RetentionDiffers { get; init; }
    /// <summary><c>source/table.column</c>.</summary>
    public string Location => $"{Source}/{Table}.{Column}";
}

/// <summary>A change for display.</summary>
public sealed class ChangeRow
{
    /// <summary>kebab-case kind (table-added, category-changed…).</summary>
    public required string Kind { get; init; }
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>Old value (category, type, status…), or empty.</summary>
    public required string Old { get; init; }
    /// <summary>New value, or empty.</summary>
    public required string New { get; init; }
}

/// <summary>Builds <see cref="ReportModel"/>.</summary>
internal static class ReportModelBuilder
{
    private static readonly string[] ChartOrder = ["contact", "financial", "automatic", "customer_content", "other_personal", "none", "undecided"];
    private static readonly Dictionary<string, string> ChartColors = new(StringComparer.Ordinal)
    {
        ["contact"] = "#2f6db5", ["financial"] = "#b5562f", ["automatic"] = "#3f8f4f", ["customer_content"] = "#7a4fb5",
        ["other_personal"] = "#c0392b", ["none"] = "#9aa0a6", ["undecided"] = "#e0a800",
    };

    /// <summary>CNIL register categories for our data categories (DESIGN §7).</summary>
    internal static string CnilCategory(string category) => category switch
    {
        "automatic.geolocation" => "Données de localisation",
        _ when category.StartsWith("other_personal.health", StringComparison.Ordinal)
            || category.StartsWith("other_personal.special_category", StringComparison.Ordinal) => "Données sensibles",
        _ => DataCategory.TopLevelOf(category) switch
        {
            "contact" => "État civil, identité, données d'identification",
            "financial" => "Informations d'ordre économique et financier",
            "automatic" => "Données de connexion",
            "customer_content" => "Données hébergées pour le compte des clients (Art. 30(2))",
            "other_personal" => "Autres données non déclarées",
            _ => "—",
        },
    };

    public static ReportModel Build(InventoryDocument inventory, PolicyDocument? policy, IReadOnlyList<ClaimResult>? claims,
        InventoryDocument? previous, ReportOptions options)
    {
        inventory.Normalize();
        claims = policy is null ? [] : claims ?? ClaimEvaluator.EvaluateAll(policy, inventory);

        // Attribution: a column belongs to the activity its table's annotation names, and to nothing else. A table without
        // an activity (or naming one the policy lacks) leaves its personal columns unattributed: a finding, never spread
        // over every activity that happens to declare the category.
        var assignment = new List<Assigned>();
        var unknownActivities = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (s, t, c) in inventory.AllColumns())
        {
            var activity = t.Activity is { } id && policy is not null ? policy.Activity(id) : null;
            if (t.Activity is { } named && policy is not null && activity is null)
                unknownActivities.Add($"{s.Name}/{t.QualifiedName} names unknown activity '{named}'");
            assignment.Add(new Assigned(s, t, c, DataCategoryVocabulary.IsPersonal(c.DataCategory) ? activity : null));
        }

        var violations = claims.SelectMany(r => r.Findings.Where(f => f.Column is not null).Select(f => (f.Location, r.Claim.Id)))
            .GroupBy(x => x.Location, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Id).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var records = policy is null ? [] : policy.Activities.Select(a => Activity(a, policy, assignment, violations, inventory)).ToList();
        var columns = assignment.Select(x => Row(x, policy)).ToList();
        var unassigned = assignment.Where(x => DataCategoryVocabulary.IsPersonal(x.C.DataCategory) && x.A is null)
            .Select(x => Row(x, policy)).ToList();
        var undeclared = records.SelectMany(r => r.Categories.Where(k => !k.Declared)
            .Select(k => new UndeclaredCategoryRow { Activity = r.Id, Category = k.Category, Columns = k.Columns })).ToList();

        var coverage = inventory.Sources.Select(s => Coverage(s, options)).ToList();
        var totals = Sum(coverage.Where(c => c.Role != ProcessingRole.Processor).ToList());
        var diff = previous is null ? null : InventoryDiff.Compare(previous, inventory);

        return new ReportModel
        {
            Title = policy is null ? "Record of processing activities (no policy given)" : $"Record of processing activities — {policy.Controller.Name}",
            Tool = inventory.Tool,
            ScannedAt = inventory.ScannedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            PolicyGiven = policy is not null,
            PolicyFile = policy is null ? null : policy.IsBuiltin ? policy.File : Path.GetFileName(policy.File),
            Controller = policy?.Controller,
            Dpo = policy?.Dpo,
            Rights = policy?.Rights ?? new RightsStatement(),
            Activities = records.Where(r => r.Role != ProcessingRole.Processor).ToList(),
            ProcessorActivities = records.Where(r => r.Role == ProcessingRole.Processor).ToList(),
            ProcessorSources = coverage.Where(c => c.Role == ProcessingRole.Processor).ToList(),
            Claims = claims.Select(ClaimRowOf).ToList(),
            ClaimTotals = new ClaimTotals
            {
                Holds = claims.Count(c => c.Verdict == ClaimVerdict.Holds),
                Violated = claims.Count(c => c.Verdict == ClaimVerdict.Violated),
                Unknown = claims.Count(c => c.Verdict == ClaimVerdict.Unknown),
            },
            Coverage = coverage,
            CoverageTotals = totals,
            CategoryChart = Chart(inventory),
            Unassigned = unassigned,
            UndeclaredCategories = undeclared,
            UnknownActivities = unknownActivities.ToList(),
            Conflicts = inventory.AllColumns().Where(x => x.Column.Status == ColumnStatus.Conflict).Select(x => new ConflictRow
            {
                Location = $"{x.Source.Name}/{x.Table.QualifiedName}.{x.Column.Name}",
                Annotated = x.Column.Annotation?.DataCategory ?? x.Column.DataCategory ?? "",
                AnnotationAt = x.Column.Annotation is { File.Length: > 0 } a ? $"{a.File}:{a.Line.ToString(CultureInfo.InvariantCulture)}" : "",
                Evidence = ConflictEvidence(x.Column),
            }).ToList(),
            Columns = columns,
            Issues = inventory.Issues.Select(i => $"{i.Source}{(i.Table is null ? "" : "/" + i.Table)}{(i.Column is null ? "" : "." + i.Column)}: {i.Kind}: {i.Message}").ToList(),
            Changes = diff,
            ChangeRows = diff?.Changes.Select(c => new ChangeRow
            {
                Kind = InventoryDiff.KindName(c.Kind), Location = c.Location, Old = c.Old ?? "", New = c.New ?? "",
            }).ToList() ?? [],
        };
    }

    /// <summary>The evidence against a conflicting column's annotation, rebuilt from the structured detector evidence
    /// (ids, categories and counts: the free-text <see cref="ColumnEntry.Conflict"/> is not copied, so nothing but counts
    /// can reach the report). Same selection as the annotation merger (<see cref="ContradictingEvidence"/>): detector
    /// hits pointing at another top-level category, strongest ratio first.</summary>
    private static string ConflictEvidence(ColumnEntry c)
    {
        var annotated = c.Annotation?.DataCategory ?? c.DataCategory;
        var hits = (annotated is null ? [] : ContradictingEvidence.Against(c.Classification, annotated).Where(e => e.Matched > 0))
            .Select(e => $"{e.Matched!.Value.ToString(CultureInfo.InvariantCulture)}/{e.Total!.Value.ToString(CultureInfo.InvariantCulture)} sampled values match {e.DataCategory} ({e.Id})")
            .ToList();
        return hits.Count == 0 ? "contradicting evidence not recorded in the inventory" : string.Join("; ", hits);
    }

    /// <summary>A column with the activity it is attributed to (null: not attributed, or not personal).</summary>
    private sealed record Assigned(SourceEntry S, TableEntry T, ColumnEntry C, ProcessingActivity? A);

    private static ActivityRecord Activity(ProcessingActivity a, PolicyDocument policy, List<Assigned> assignment,
        Dictionary<string, IReadOnlyList<string>> violations, InventoryDocument inventory)
    {
        var mine = assignment.Where(x => ReferenceEquals(x.A, a)).ToList();
        var categories = new List<CategoryRecord>();
        CategoryRecord Record(string category, bool declared, string? retention, RetentionRule? rule, List<Assigned> cols)
        {
            var locations = cols.Select(x => $"{x.S.Name}/{x.T.QualifiedName}.{x.C.Name}").ToList();
            return new CategoryRecord
            {
                Category = category, CnilCategory = CnilCategory(category), Declared = declared, Retention = retention, Columns = locations,
                Entries = locations.Select(l => new ColumnMark { Location = l, Violates = violations.GetValueOrDefault(l, []) }).ToList(),
                AnnotatedRetention = cols.Where(x => x.T.Retention is { } r && RetentionDiffers(r, rule, policy))
                    .GroupBy(x => x.T.Retention!, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} ({string.Join(", ", g.Select(x => $"{x.S.Name}/{x.T.QualifiedName}").Distinct(StringComparer.Ordinal))})").ToList(),
            };
        }
        foreach (var declared in a.DataCategories)
        {
            var cols = mine.Where(x => DataCategoryVocabulary.Covers(declared, x.C.DataCategory!)
                                       && !a.DataCategories.Any(d => d != declared && d.Length > declared.Length && DataCategoryVocabulary.Covers(declared, d) && DataCategoryVocabulary.Covers(d, x.C.DataCategory!)))
                .ToList();
            var rule = a.RetentionFor(declared);
            categories.Add(Record(declared, true, RetentionText(rule, policy), rule, cols));
        }
        foreach (var group in mine.Where(x => !a.Declares(x.C.DataCategory!)).GroupBy(x => x.C.DataCategory!).OrderBy(g => g.Key, StringComparer.Ordinal))
            categories.Add(Record(group.Key, false, null, null, group.ToList()));

        // Tables behind the activity: every table annotated with it (personal columns or not), and for a processor
        // activity every table of a processor-role source (customer-owned, recorded at system level).
        var tables = inventory.AllTables()
            .Where(x => x.Table.Activity == a.Id || (a.IsProcessor && x.Source.Role == ProcessingRole.Processor))
            .Select(x => $"{x.Source.Name}/{x.Table.QualifiedName}").Distinct(StringComparer.Ordinal).ToList();

        var recipients = a.Recipients.Select(policy.Recipient).OfType<Recipient>().Select(r => new RecipientRow
        {
            Id = r.Id, Name = r.Name, Kind = r.Kind, Purpose = r.Purpose, Country = r.Country,
            Transfer = r.Transfer is { } t ? $"{t.Country} ({t.Safeguard})" : null,
        }).ToList();
        return new ActivityRecord
        {
            Id = a.Id, Name = a.Name, Role = a.Role, Controllers = a.Controllers, Purposes = a.Purposes,
            LegalBasis = a.LegalBasis.Select(l => l.Detail is null ? l.Article : $"{l.Article}: {l.Detail}").ToList(),
            DataSubjects = a.DataSubjects, Categories = categories, Recipients = recipients,
            Transfers = recipients.Where(r => r.Transfer is not null).Select(r => $"{r.Name}: {r.Transfer}").ToList(),
            Retention = a.Retention.Select(r => new RetentionRow
            {
                Categories = string.Join(", ", r.Categories), Period = r.Period, Basis = r.Basis, Erasable = r.Erasable,
            }).ToList(),
            SecurityMeasures = a.SecurityMeasures,
            Tables = tables,
        };
    }

    /// <summary>True when an annotation's retention text says something else than the policy's rule (compared to the
    /// rule's period and to its full text, trimmed, case-insensitive; no rule: compared to the default retention).</summary>
    private static bool RetentionDiffers(string annotated, RetentionRule? rule, PolicyDocument policy)
    {
        static string N(string? v) => (v ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        var a = N(annotated);
        return rule is null ? a != N(policy.Rights.DefaultRetention) : a != N(rule.Period) && a != N(RetentionText(rule, policy));
    }

    private static string? RetentionText(RetentionRule? rule, PolicyDocument policy) =>
        rule is null ? policy.Rights.DefaultRetention
        : rule.Period + (rule.Basis is null ? "" : $" ({rule.Basis})") + (rule.Erasable ? "" : "; not erasable on request");

    private static ColumnRow Row(Assigned x, PolicyDocument? policy)
    {
        var (s, t, c) = (x.S, x.T, x.C);
        string policyRetention = "";
        RetentionRule? rule = null;
        if (DataCategoryVocabulary.IsPersonal(c.DataCategory) && policy is not null)
        {
            rule = x.A?.RetentionFor(c.DataCategory!);
            policyRetention = (x.A is null ? policy.Rights.DefaultRetention : RetentionText(rule, policy)) ?? "";
        }
        var retention = t.Retention ?? policyRetention;
        bool differs = t.Retention is { } annotated && policyRetention.Length > 0 && RetentionDiffers(annotated, rule, policy!);
        return new ColumnRow
        {
            Source = s.Name, Table = t.QualifiedName, Column = c.Name, Category = c.DataCategory ?? "",
            Status = InventoryDiff.Status(c.Status),
            Activity = x.A?.Id ?? "",
            Retention = retention,
            PolicyRetention = policyRetention,
            RetentionDiffers = differs,
        };
    }

    private static ClaimRow ClaimRowOf(ClaimResult r) => new()
    {
        Id = r.Claim.Id, Text = r.Claim.Text, Kind = r.Claim.Kind,
        Verdict = JsonNamingPolicy.KebabCaseLower.ConvertName(r.Verdict.ToString()), Summary = r.Summary, Examined = r.Examined,
        Findings = r.Findings.Select(Finding).ToList(), Unresolved = r.Unresolved.Select(Finding).ToList(),
    };

    private static FindingRow Finding(ClaimFinding f) => new() { Location = f.Location, Category = f.DataCategory, Reason = f.Reason };

    /// <summary>True when the gate counts the column as tagged (<see cref="ColumnEntry.CountsAsTagged"/>) and nothing
    /// contradicts it (conflicts are counted apart).</summary>
    private static bool Accepted(ColumnEntry c, ReportOptions options) =>
        c.Status != ColumnStatus.Conflict && c.CountsAsTagged(options.AcceptClassificationAbove);

    private static SourceCoverage Coverage(SourceEntry s, ReportOptions options)
    {
        var tables = s.Tables.Select(t => new TableCoverage
        {
            Name = t.QualifiedName, Activity = t.Activity, SharedWith = t.SharedWith, RowEstimate = t.RowEstimate, SampledRows = t.SampledRows,
            NotSampledReason = t.NotSampled is { } r ? JsonNamingPolicy.KebabCaseLower.ConvertName(r.ToString()) : null,
            Columns = t.Columns.Count,
            Tagged = t.Columns.Count(c => Accepted(c, options)),
            UntaggedWithSuggestion = t.Columns.Count(c => c.Status == ColumnStatus.Suggested && !Accepted(c, options)),
            UntaggedNoSuggestion = t.Columns.Count(c => c.Status == ColumnStatus.Untagged),
            Conflict = t.Columns.Count(c => c.Status == ColumnStatus.Conflict),
            NotSampled = t.Columns.Count(c => (c.NotSampled ?? t.NotSampled) is not null),
        }).ToList();
        return new SourceCoverage
        {
            Name = s.Name, Provider = s.Provider, Role = s.Role, Target = s.Target, Complete = s.Complete, Tables = tables,
            Columns = tables.Sum(t => t.Columns), Tagged = tables.Sum(t => t.Tagged), UntaggedWithSuggestion = tables.Sum(t => t.UntaggedWithSuggestion),
            UntaggedNoSuggestion = tables.Sum(t => t.UntaggedNoSuggestion), Conflict = tables.Sum(t => t.Conflict), NotSampled = tables.Sum(t => t.NotSampled),
        };
    }

    private static CoverageCounts Sum(IReadOnlyList<CoverageCounts> parts) => new()
    {
        Columns = parts.Sum(t => t.Columns), Tagged = parts.Sum(t => t.Tagged), UntaggedWithSuggestion = parts.Sum(t => t.UntaggedWithSuggestion),
        UntaggedNoSuggestion = parts.Sum(t => t.UntaggedNoSuggestion), Conflict = parts.Sum(t => t.Conflict), NotSampled = parts.Sum(t => t.NotSampled),
    };

    private static List<CategoryCount> Chart(InventoryDocument inventory)
    {
        var counts = inventory.AllColumns()
            .GroupBy(x => x.Column.DataCategory is { } d ? DataCategory.TopLevelOf(d) : "undecided")
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var keys = ChartOrder.Where(counts.ContainsKey).Concat(counts.Keys.Where(k => !ChartOrder.Contains(k)).Order(StringComparer.Ordinal)).ToList();
        int max = counts.Count == 0 ? 1 : counts.Values.Max();
        return keys.Select((k, i) => new CategoryCount
        {
            Category = k, Count = counts[k], BarWidth = Math.Max(1, (int)Math.Round(400.0 * counts[k] / max)), Y = i * 28,
            Color = ChartColors.GetValueOrDefault(k, "#5f6368"),
        }).ToList();
    }
}
