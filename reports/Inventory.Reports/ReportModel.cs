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
    /// <summary>The gate's threshold the coverage was counted with (suggestions at or above it are <c>accepted</c> and
    /// count as tagged), or null when only annotations and database labels tag a column.</summary>
    public AcceptanceThresholds? AcceptClassificationAbove { get; init; }
    /// <summary><see cref="AcceptClassificationAbove"/> as text (<c>0.9</c>), or null.</summary>
    [JsonIgnore]
    public string? AcceptClassificationAboveText => AcceptClassificationAbove?.Text;
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
    /// <summary>True when a controller activity lists a category with no column (<c>no column found</c>): the record then
    /// says under its heading what that means (trial46 L2: a DPO read it as "we do not hold this data", when it means no
    /// table annotated with the activity holds it). Not written to JSON.</summary>
    [JsonIgnore]
    public bool AnyCategoryWithoutColumn => Activities.Any(a => a.Categories.Any(k => k.Entries.Count == 0));
    /// <summary>The processor record (Art. 30(2)): processor activities, in policy order.</summary>
    public required IReadOnlyList<ActivityRecord> ProcessorActivities { get; init; }
    /// <summary>Sources held as processor (customer-owned, recorded at system level).</summary>
    public required IReadOnlyList<SourceCoverage> ProcessorSources { get; init; }
    /// <summary>The claims with their verdicts, in policy order.</summary>
    public required IReadOnlyList<ClaimRow> Claims { get; init; }
    /// <summary>Claims per verdict: holds, violated, unknown.</summary>
    public required ClaimTotals ClaimTotals { get; init; }
    /// <summary>Annotated tables, columns and sources the inventory does not hold (dropped, renamed, or hidden from the
    /// scanning user), listed under coverage so that the record does not shrink silently; null when none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AnnotatedNotScannedRow>? AnnotatedNotScanned { get; init; }
    /// <summary>Coverage per source (with its tables).</summary>
    public required IReadOnlyList<SourceCoverage> Coverage { get; init; }
    /// <summary>Coverage over the gate's scope: every controller source (processor sources are recorded at system level
    /// and are not checked by <c>inventory check</c>), so <see cref="CoverageCounts.TaggedPercent"/> agrees with <c>check</c>.</summary>
    public required CoverageCounts CoverageTotals { get; init; }
    /// <summary>Columns per top-level category of the controller sources (the host's own data), for the chart (fixed
    /// category order; zero rows omitted).</summary>
    public required IReadOnlyList<CategoryCount> CategoryChart { get; init; }
    /// <summary>Columns of the processor sources, left out of <see cref="CategoryChart"/>: read from their catalog only,
    /// their categories are name-only suggestions about customers' data (0 when there is no processor source).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int ChartProcessorColumns { get; init; }
    /// <summary>How many processor sources <see cref="ChartProcessorColumns"/> counts.</summary>
    [JsonIgnore]
    public int ChartProcessorSources => ProcessorSources.Count;
    /// <summary>Personal columns not attributed to any processing activity: their table's annotation names no activity
    /// (or one the policy does not define), or no policy was given. Findings for the DPO.</summary>
    public required IReadOnlyList<ColumnRow> Unassigned { get; init; }
    /// <summary><see cref="Unassigned"/> as the HTML and Markdown reports list them: over a fleet, the same table.column
    /// with the same category and status in several sources or schemas is one line (<see cref="LocationGroup"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<UnassignedLine> UnassignedLines { get; init; } = [];
    /// <summary>For the unattributed personal columns that views show as they are, where else they are readable (the
    /// view columns are not listed apart), as <see cref="CategoryRecord.ReadableThrough"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> UnassignedReadableThrough { get; init; } = [];
    /// <summary><see cref="UnassignedReadableThrough"/> as phrases for the record's language (same order); not written to JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<Language.Phrase> UnassignedReadableThroughPhrases { get; init; } = [];
    /// <summary><see cref="Issues"/> as phrases for the record's language (same order); not written to JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<Language.Phrase> IssuePhrases { get; init; } = [];
    /// <summary><see cref="NotRead"/> as phrases for the record's language (same order, empty when none); not written to JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<Language.Phrase> NotReadPhrases { get; init; } = [];
    /// <summary><see cref="UnassignedReadableThrough"/> in the JSON report, only when not empty.</summary>
    [JsonPropertyName("unassignedReadableThrough")]
    public IReadOnlyList<string>? UnassignedReadableThroughInJson => UnassignedReadableThrough.Count == 0 ? null : UnassignedReadableThrough;
    /// <summary><see cref="UnassignedLines"/> in the JSON report, only when a line names several places (null otherwise, so
    /// the JSON of an inventory without tenants is unchanged).</summary>
    [JsonPropertyName("unassignedLines")]
    public IReadOnlyList<UnassignedLine>? UnassignedLinesInFleet => LocationGroup.FleetOnly(UnassignedLines);
    /// <summary>Data categories found in an activity's tables that the activity does not declare (findings), in
    /// activity then category order.</summary>
    public required IReadOnlyList<UndeclaredCategoryRow> UndeclaredCategories { get; init; }
    /// <summary>Tables whose annotation names an activity the policy does not define.</summary>
    public required IReadOnlyList<string> UnknownActivities { get; init; }
    /// <summary>Columns whose annotation is contradicted by the sampled data (status conflict), in document order, with
    /// the annotated category and the evidence counts (<see cref="ColumnEntry.Conflict"/>; never values).</summary>
    public required IReadOnlyList<ConflictRow> Conflicts { get; init; }
    /// <summary>Personal columns holding hashes of personal identifiers (e-mails, phones, IP addresses), in document order,
    /// each with the statement the record of processing needs: a hash of such an identifier is still personal data (C30);
    /// null when there is none (so reports of inventories without hashes are unchanged).</summary>
    public IReadOnlyList<PseudonymisedRow>? Pseudonymised { get; init; }
    /// <summary>The schema paths of JSON document columns with their effective categories (annotated or found), in
    /// document order; null when no column holds JSON documents (so other reports are unchanged).</summary>
    public IReadOnlyList<JsonPathRow>? JsonPaths { get; init; }
    /// <summary>Every column, one row each (the CSV report).</summary>
    public required IReadOnlyList<ColumnRow> Columns { get; init; }
    /// <summary>Scan issues (coverage gaps), as safe messages.</summary>
    public required IReadOnlyList<string> Issues { get; init; }
    /// <summary>What the scan did not read at all, for the summary: each source not scanned as <c>billing (source not
    /// scanned: connection-failed)</c>, each table left out of the catalog as <c>app/attachments (table not read:
    /// timeout)</c>; null (left out of the JSON) when everything in scope was read. No claim holds over them (trial39
    /// finding 1).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? NotRead { get; init; }
    /// <summary>True when a previous inventory was given.</summary>
    public bool HasPrevious => Changes is not null;
    /// <summary>Changes since the previous inventory, or null (serialised as <see cref="ChangeRows"/>).</summary>
    [JsonIgnore]
    public InventoryDiff? Changes { get; init; }
    /// <summary>True when the previous inventory held no records of processing (no processing activity, recipient,
    /// retention or annotation: a scan saved before annotations were merged) while this one does. Then the changes leave
    /// out what annotating recorded since (<see cref="RecordChangesLeftOut"/>, <see cref="AnnotatedColumnsLeftOut"/>) and
    /// the report says so, rather than listing every activity as changed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool PreviousHeldNoRecords { get; init; }
    /// <summary>How many activity, recipient and retention changes were left out because
    /// <see cref="PreviousHeldNoRecords"/> (0 otherwise).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int RecordChangesLeftOut => Changes?.RecordChangesLeftOut ?? 0;
    /// <summary>How many annotated columns' category and status changes were left out because
    /// <see cref="PreviousHeldNoRecords"/> (0 otherwise).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int AnnotatedColumnsLeftOut => Changes?.AnnotatedColumnsLeftOut ?? 0;
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
    public AcceptanceThresholds? AcceptClassificationAbove { get; init; }
    /// <summary>The merge's stale annotations: those naming a table, column or source the inventory does not hold are
    /// listed in the coverage section (<see cref="ReportModel.AnnotatedNotScanned"/>). Empty by default.</summary>
    public IReadOnlyList<Annotations.StaleAnnotation> Stale { get; init; } = [];
    /// <summary>The annotations merged, so those lines say what each records (its categories); null to leave that out.</summary>
    public Annotations.AnnotationSet? Annotations { get; init; }
    /// <summary>Folder the annotation places are shown relative to (default: working directory).</summary>
    public string PathBase { get; init; } = Directory.GetCurrentDirectory();
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
    /// <summary>When another controller activity declares the category: who, with its retention, and the
    /// <c>activity: [a, b]</c> annotation for a table serving both (<see cref="CategoryRecord.DeclaredByAnother"/>); null
    /// when none does.</summary>
    public string? DeclaredByAnother { get; init; }
    /// <summary><see cref="DeclaredByAnother"/> as a phrase for the record's language; not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? DeclaredByAnotherPhrase { get; init; }
    /// <summary><see cref="Columns"/> over a fleet: one line per table.column held by several sources or schemas
    /// (<see cref="LocationGroup"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<LocationGroup> Groups { get; init; } = [];
    /// <summary><see cref="Groups"/> in the JSON report, only when a line names several places (null otherwise, so
    /// the JSON of an inventory without tenants is unchanged).</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<LocationGroup>? GroupsInFleet => LocationGroup.FleetOnly(Groups);
}

/// <summary>A line of the personal columns not attributed to an activity: one column, or the same table.column of a
/// fleet's tenants.</summary>
public sealed class UnassignedLine
{
    /// <summary>Where: one location, or a table.column with its sources or schemas.</summary>
    public required LocationGroup Group { get; init; }
    /// <summary>The data category of the line's columns.</summary>
    public required string Category { get; init; }
    /// <summary>The gate status of the line's columns (<see cref="ColumnRow.Status"/>).</summary>
    public required string Status { get; init; }
}

/// <summary>A column holding hashes of a personal identifier (C30).</summary>
public sealed class PseudonymisedRow
{
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>The column's data category (e.g. <c>other_personal</c>).</summary>
    public required string Category { get; init; }
    /// <summary>What the hashes were made from, in words (e.g. <c>e-mail addresses</c>).</summary>
    public required string DerivedFrom { get; init; }
    /// <summary>The statement for the record: why the hashes are still personal data.</summary>
    public required string Statement { get; init; }
}

/// <summary>A column whose annotation or database label the data contradicts.</summary>
public sealed class ConflictRow
{
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>The annotated (or database-labelled) data category (e.g. <c>none</c>).</summary>
    public required string Annotated { get; init; }
    /// <summary>The annotation file and line (<c>file:line</c>), the database label's origin (<c>database comment</c>,
    /// <c>SQL Server sensitivity classification</c>), or empty when unknown.</summary>
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
    /// <summary>Third-country transfers with their safeguards, as text: each recipient with a <c>transfer:</c> block, and
    /// each recipient in a country outside the EEA without one, flagged <c>⚠ no safeguard declared</c>
    /// (<see cref="ThirdCountries"/>); empty when none.</summary>
    public required IReadOnlyList<string> Transfers { get; init; }
    /// <summary>Recipients that the annotations (<c>shared-with</c> of a table or a column holding this activity's personal
    /// data) name and the activity does not declare, as "name (kind, country): source/table[.column], …"; a recipient
    /// the policy does not know is named by its id. Shown beside the declared recipients, flagged, so that Art. 30(1)(d)
    /// reflects what the databases say; empty when the annotations agree with the policy.</summary>
    public IReadOnlyList<string> AnnotatedRecipients { get; init; } = [];
    /// <summary>The third-country transfers of <see cref="AnnotatedRecipients"/> that the policy records for them, as
    /// "name: country (safeguard) (locations)"; Art. 30(1)(e).</summary>
    public IReadOnlyList<string> AnnotatedTransfers { get; init; } = [];
    /// <summary>Retention rules.</summary>
    public required IReadOnlyList<RetentionRow> Retention { get; init; }
    /// <summary>Security measures.</summary>
    public required IReadOnlyList<string> SecurityMeasures { get; init; }
    /// <summary>Distinct tables attributed to the activity (<c>source/table</c>): tables annotated with it, and for a
    /// processor activity the tables of processor-role sources.</summary>
    public required IReadOnlyList<string> Tables { get; init; }
    /// <summary><see cref="Tables"/> over a fleet: one line per table name held by several sources or schemas
    /// (<see cref="LocationGroup"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<LocationGroup> TableGroups { get; init; } = [];
    /// <summary><see cref="TableGroups"/> in the JSON report, only when a line names several places (null otherwise, so
    /// the JSON of an inventory without tenants is unchanged).</summary>
    [JsonPropertyName("tableGroups")]
    public IReadOnlyList<LocationGroup>? TableGroupsInFleet => LocationGroup.FleetOnly(TableGroups);
    /// <summary>Number of columns behind the activity.</summary>
    public int ColumnCount => Categories.Sum(c => c.Columns.Count);
    /// <summary>The register's creation date of the activity's record (<c>yyyy-MM-dd</c>, UTC; CNIL "Date de création"):
    /// the date of the earliest inventory the report was given that records the activity, that is the previous
    /// inventory's scan date when it already attributed tables to the activity (<see cref="CreatedInPrevious"/>), else
    /// this inventory's, the scan that first records it. Neither the policy nor the annotations carry a date, so the
    /// inventories' scan times are what the report knows; null when the inventory does not record its scan time.</summary>
    public string? CreatedOn { get; init; }
    /// <summary>True when <see cref="CreatedOn"/> is the previous inventory's scan date.</summary>
    public bool CreatedInPrevious { get; init; }
    /// <summary>The register's update date (<c>yyyy-MM-dd</c>, UTC; CNIL "Mise à jour"): this inventory's scan date, the
    /// day the record was last checked against the databases; null when the inventory does not record its scan time.</summary>
    public string? UpdatedOn { get; init; }
    /// <summary>Where each field the policy declares is written (<c>policy.yml:55</c>), for the HTML and Markdown record
    /// (trial46 finding L4: a DPO answering the CNIL wants each field's source); not in the JSON report.</summary>
    [JsonIgnore]
    public ActivityProvenance DeclaredAt { get; init; } = new();
}

/// <summary>Where the policy declares each field of an activity's record: <c>policy.yml:LINE</c> of the activity's key,
/// or null when the policy does not write it (the record then says <c>none declared</c>) or was built in code.</summary>
public sealed class ActivityProvenance
{
    /// <summary>The activity itself (its <c>- id:</c> line): the record dates and the name.</summary>
    public string? Activity { get; init; }
    /// <summary><c>controllers</c> (processor activities).</summary>
    public string? Controllers { get; init; }
    /// <summary><c>purposes</c>.</summary>
    public string? Purposes { get; init; }
    /// <summary><c>legal-basis</c>.</summary>
    public string? LegalBasis { get; init; }
    /// <summary><c>data-subjects</c>.</summary>
    public string? DataSubjects { get; init; }
    /// <summary><c>data-categories</c>.</summary>
    public string? DataCategories { get; init; }
    /// <summary><c>recipients</c>.</summary>
    public string? Recipients { get; init; }
    /// <summary>The <c>recipients:</c> entries of the policy whose <c>transfer:</c> block (or third country) makes the
    /// transfers, as <c>policy.yml:37, 45</c>; null when none.</summary>
    public string? Transfers { get; init; }
    /// <summary><c>retention</c>.</summary>
    public string? Retention { get; init; }
    /// <summary><c>security-measures</c>.</summary>
    public string? SecurityMeasures { get; init; }
}

/// <summary>A data category of an activity and the columns holding it.</summary>
public sealed class CategoryRecord
{
    /// <summary>The data category (as declared, or as found for undeclared ones).</summary>
    public required string Category { get; init; }
    /// <summary>CNIL register category (DESIGN §7), per kind and per the activity's role (<see cref="ReportModelBuilder.CnilCategory"/>).</summary>
    public required string CnilCategory { get; init; }
    /// <summary>True for data the CNIL register asks about apart as sensitive: GDPR Art. 9 special categories and the
    /// national identification number (<see cref="ReportModelBuilder.Sensitive"/>).</summary>
    public bool Sensitive { get; init; }
    /// <summary>False when the column's table names this activity but the activity does not declare the category (a finding).
    /// Always true in a processor activity's record: what its tables hold beyond its declaration is
    /// <see cref="CustomersToDeclare"/>, not a finding.</summary>
    public required bool Declared { get; init; }
    /// <summary>True in a processor activity's record for a category its tables hold (a processor-role source's, a host
    /// table annotated with the activity, or found inside content it hosts) that the policy does not list for it:
    /// customer-owned data, the customers' (the controllers served) to declare, as README says, marked
    /// <c>(customers' to declare)</c> the same wherever it sits (trial43 finding 7). False otherwise. Written to JSON only
    /// when true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool CustomersToDeclare { get; init; }
    /// <summary>For an undeclared category of a controller activity that another controller activity declares: who
    /// declares it, with its retention, and the <c>activity: [a, b]</c> annotation that would record the table as serving
    /// both (<see cref="ReportModelBuilder"/>); null otherwise.</summary>
    public string? DeclaredByAnother { get; init; }
    /// <summary><see cref="DeclaredByAnother"/> as a phrase for the record's language; not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? DeclaredByAnotherPhrase { get; init; }
    /// <summary>True when the category rests on suggestions alone: it has columns and none of them is tagged (by an
    /// annotation, a JSON path's annotation or a database label), so the record lists what the classifier read from names,
    /// types and sampled values, not what anyone reviewed. A processor source is read from its catalog only, so its
    /// categories are suggestions from names until someone tags them (trial30).</summary>
    public bool SuggestedOnly { get; init; }
    /// <summary>The retention that applies: the activity's rule covering the category, else the policy's default; for an
    /// undeclared category followed by where it comes from and <c>category not declared by this activity</c>
    /// (<see cref="ReportModelBuilder.AppliedRetention"/>), the same words as the column rows. Null when the policy
    /// states neither.</summary>
    public string? Retention { get => RetentionPhrase?.English ?? _retention; init => _retention = value; }
    private readonly string? _retention;
    /// <summary><see cref="Retention"/> as a phrase the HTML and Markdown record and the XLSX register write in their
    /// language (the policy's periods as written, the provenance and <c>not erasable on request</c> translated), or null.
    /// Not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? RetentionPhrase { get; init; }
    /// <summary>Where the policy declares the category for this activity (<c>policy.yml:LINE</c> of its
    /// <c>data-categories</c>), or null when it does not; for the HTML and Markdown record (trial46 finding L4).</summary>
    [JsonIgnore]
    public string? DeclaredAt { get; init; }
    /// <summary>Where the policy writes the activity's retention rule that covers the category (<c>policy.yml:LINE</c> of
    /// its <c>retention</c>), or null when no rule of the activity covers it (the policy's default applies).</summary>
    [JsonIgnore]
    public string? RetentionDeclaredAt { get; init; }
    /// <summary>The annotation files that tag the columns listed here, in ordinal order (empty when none is annotated).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AnnotatedIn { get; init; } = [];
    /// <summary>True when some column listed here was found in the databases and not annotated: a suggestion of the scan, a
    /// database label, or a category found inside content.</summary>
    [JsonIgnore]
    public bool FoundInDatabases { get; init; }
    /// <summary>Columns (<c>source/table.column</c>), in document order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }
    /// <summary>The same columns with the claims each violates (a column-level claim finding), in document order.</summary>
    public required IReadOnlyList<ColumnMark> Entries { get; init; }
    /// <summary><see cref="Entries"/> as the HTML, Markdown and XLSX records list them: over a fleet of tenants the same
    /// table.column (with the same claims violated) is one line naming its sources or schemas and the tenants that differ
    /// (<see cref="LocationGroup"/>); a column of one place keeps its own line.</summary>
    [JsonIgnore]
    public IReadOnlyList<LocationGroup> Groups { get; init; } = [];
    /// <summary><see cref="Groups"/> in the JSON report, only when a line names several places (null otherwise, so
    /// the JSON of an inventory without tenants is unchanged).</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<LocationGroup>? GroupsInFleet => LocationGroup.FleetOnly(Groups);
    /// <summary>Retention periods the tables' annotations state for these columns that differ from <see cref="Retention"/>
    /// (the annotation overrides the policy for its table), as "period (tables)"; empty when none differs.</summary>
    public required IReadOnlyList<string> AnnotatedRetention { get; init; }
    /// <summary>The tables holding these columns whose database keeps their rows' earlier versions (system versioning,
    /// <see cref="TableEntry.History"/>), as <c>table (mechanism)</c>, followed by <c>in N sources</c> when a fleet's
    /// tenants share it: the retention stated does not hold for those rows until the history is purged. Empty when none.</summary>
    public IReadOnlyList<string> RowHistory { get; init; } = [];
    /// <summary>For the columns listed here that views or materialized views show as they are, where else they are
    /// readable: <c>app/clients.courriel also readable through view v_clients.courriel</c>. The view columns themselves
    /// are not listed as data of their own (the record counts the data once). Empty when no view shows them.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ReadableThrough { get; init; } = [];
    /// <summary><see cref="ReadableThrough"/> as phrases for the record's language (same order); not written to JSON.</summary>
    [JsonIgnore]
    public IReadOnlyList<Language.Phrase> ReadableThroughPhrases { get; init; } = [];
    /// <summary><see cref="ReadableThrough"/> in the JSON report, only when some view shows the columns (null otherwise,
    /// so the JSON of an inventory without views is unchanged).</summary>
    [JsonPropertyName("readableThrough")]
    public IReadOnlyList<string>? ReadableThroughInJson => ReadableThrough.Count == 0 ? null : ReadableThrough;
}

/// <summary>A column of an activity's category with the claims it violates.</summary>
public sealed class ColumnMark
{
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>Ids of the claims with a finding on this column (empty when none), in policy order; for a category found
    /// inside the column's content, only the findings about that category.</summary>
    public required IReadOnlyList<string> Violates { get; init; }
    /// <summary>True when the column is listed for a category the classifier only suggests (status <c>suggested</c>, not
    /// reviewed): the record marks it <c>(suggested, not reviewed)</c>. Written to JSON only when true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SuggestedOnly { get; init; }
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
    /// <summary>True when the recipient's country is outside the EEA (or not an ISO 3166-1 alpha-2 code) and the policy
    /// declares no transfer for it (<see cref="ThirdCountries.LacksSafeguard"/>): the record lists the transfer with
    /// <c>⚠ no safeguard declared</c>. Written to JSON only when true.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NoSafeguard { get; init; }
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
    /// <summary>One sentence with counts, in English (the JSON report's text).</summary>
    public required string Summary { get; init; }
    /// <summary><see cref="Summary"/> as the HTML and Markdown record write it in their language (a phrase of
    /// <see cref="Language.AnalysisWording"/>), or null when it was given as text. Not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? SummaryPhrase { get; init; }
    /// <summary>Items examined.</summary>
    public required int Examined { get; init; }
    /// <summary>The tables a table-level check examined (<c>source/table</c>, names only), or null when the check does
    /// not list them (<see cref="Claims.ClaimResult.ExaminedTables"/>).</summary>
    public IReadOnlyList<string>? ExaminedTables { get; init; }
    /// <summary>Findings against the claim.</summary>
    public required IReadOnlyList<FindingRow> Findings { get; init; }
    /// <summary><see cref="Findings"/> as the HTML, Markdown and XLSX formats list them: the same finding (table, column
    /// and reason) in several tenants' sources or schemas is one line (<see cref="LocationGroup"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<LocationGroup> FindingGroups { get; init; } = [];
    /// <summary><see cref="FindingGroups"/> in the JSON report, only when a line names several places (null otherwise, so
    /// the JSON of an inventory without tenants is unchanged).</summary>
    [JsonPropertyName("findingGroups")]
    public IReadOnlyList<LocationGroup>? FindingGroupsInFleet => LocationGroup.FleetOnly(FindingGroups);
    /// <summary><see cref="Unresolved"/> grouped as <see cref="FindingGroups"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<LocationGroup> UnresolvedGroups { get; init; } = [];
    /// <summary><see cref="UnresolvedGroups"/> in the JSON report, only when a line names several places (null otherwise, so
    /// the JSON of an inventory without tenants is unchanged).</summary>
    [JsonPropertyName("unresolvedGroups")]
    public IReadOnlyList<LocationGroup>? UnresolvedGroupsInFleet => LocationGroup.FleetOnly(UnresolvedGroups);
    /// <summary><see cref="ExaminedTables"/> grouped over a fleet (one line per table name), or null when the check
    /// does not list them.</summary>
    [JsonIgnore]
    public IReadOnlyList<LocationGroup>? ExaminedTableGroups { get; init; }
    /// <summary><see cref="ExaminedTableGroups"/> in the JSON report, only when a line names several places (null otherwise, so
    /// the JSON of an inventory without tenants is unchanged).</summary>
    [JsonPropertyName("examinedTableGroups")]
    public IReadOnlyList<LocationGroup>? ExaminedTableGroupsInFleet => LocationGroup.FleetOnly(ExaminedTableGroups);
    /// <summary>Items the check could not decide.</summary>
    public required IReadOnlyList<FindingRow> Unresolved { get; init; }
    /// <summary>The tables the check left out, each with why (<see cref="Claims.ClaimResult.Exempted"/>), or null when it
    /// left out none (so the JSON of a claim that leaves nothing out is unchanged).</summary>
    public IReadOnlyList<FindingRow>? Exempted { get; init; }
    /// <summary><see cref="Exempted"/> as the HTML, Markdown and XLSX formats list them, grouped over a fleet as
    /// <see cref="FindingGroups"/>; empty when none.</summary>
    [JsonIgnore]
    public IReadOnlyList<LocationGroup> ExemptedGroups { get; init; } = [];
    /// <summary>The id of an earlier claim whose undecided items are the same ones (same locations, same order), or
    /// null. The HTML, Markdown and XLSX formats then point at that claim instead of printing the list again (trial 22:
    /// two category claims printed the same 43 untagged columns one after the other); JSON keeps every list.</summary>
    public string? UnresolvedSameAs { get; init; }
}

/// <summary>A claim finding for display.</summary>
public sealed class FindingRow
{
    /// <summary><c>source/table.column</c>.</summary>
    public required string Location { get; init; }
    /// <summary>Data category, or null.</summary>
    public string? Category { get; init; }
    /// <summary>Why, in English (the JSON report's text).</summary>
    public required string Reason { get; init; }
    /// <summary><see cref="Reason"/> as a phrase to write in the record's language, or null. Not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? ReasonPhrase { get; init; }
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
    /// <summary>Columns without sampled values (the role may not read them, the read timed out or failed, the table is
    /// empty, a processor source, sampling switched off), binary columns excepted.</summary>
    public int NotSampled { get; init; }
    /// <summary>Binary columns: measured (byte lengths), never decoded, by design; not a coverage gap.</summary>
    public int NotSampledByType { get; init; }
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
    /// <summary>For a processor source: the controller its data is processed for, from the config's <c>controller:</c>
    /// (Art. 30(2)(a)); null when not declared (the processor record then says <c>not declared ⚠</c>) and for
    /// controller sources. Left out of JSON when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Controller { get; init; }
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
    /// <summary>Activity from the annotation, or null; the activities separated by <c>, </c> for a table that serves several.</summary>
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
    /// <summary>tagged, conflict, suggested, accepted (a suggestion the threshold counts as tagged) or untagged
    /// (<see cref="GateStatus"/>).</summary>
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
    /// <summary><see cref="PolicyRetention"/> as a phrase for the register's language (XLSX), or null when empty; not
    /// written to JSON or CSV.</summary>
    [JsonIgnore]
    public Language.Phrase? PolicyRetentionPhrase { get; init; }
    /// <summary><see cref="Retention"/> for the register's language: the annotation's own text as written, else
    /// <see cref="PolicyRetentionPhrase"/> written in the language.</summary>
    /// <param name="wording">The language's wording.</param>
    public string RetentionIn(Language.AnalysisWording wording) =>
        Retention != PolicyRetention || PolicyRetentionPhrase is null ? Retention : PolicyRetentionPhrase.In(wording);
    /// <summary>Personal data categories the scan found inside the column's content, comma-separated (<c>contact.email,
    /// contact.phone</c> in a support message), or null when none (<see cref="Claims.ClaimChecks.EmbeddedCategories"/>).</summary>
    public string? AlsoContains { get; init; }
    /// <summary>The declared type as the database spells it (trial41 finding 3: the DBA's view of what was decided).</summary>
    public string Type { get; init; } = "";
    /// <summary>Who decided <see cref="Category"/>: <c>annotation</c>, <c>database-label</c>, <c>rules</c>, <c>model</c> or
    /// <c>lineage</c> (<see cref="Classification.Origin"/>, kebab-case), or "" when nothing did.</summary>
    public string Origin { get; init; } = "";
    /// <summary>The confidence in <see cref="Category"/>, two decimals cut as <c>check</c> prints it (<c>1.00</c> for an
    /// annotation or a database label), or "" when undecided: a suggestion at 0.03 and one at 0.99 no longer read alike.</summary>
    public string Confidence { get; init; } = "";
    /// <summary>The annotation entry that decided, <c>FILE:LINE</c>, or "" when none.</summary>
    public string AnnotatedAt { get; init; } = "";
    /// <summary>What the scan itself suggests, with its most decisive evidence, as <c>check</c> and <c>annotate</c> print
    /// it (<c>contact.email (0.99) — detector.email 30/30</c>; counts and rule ids, never a value), kept beside an
    /// annotation that overrides it; "" when the scan decided nothing.</summary>
    public string ScanSuggestion { get; init; } = "";
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
    /// <summary>The change's kind, for the record's language (<see cref="Kind"/> is its kebab-case name); not written to JSON.</summary>
    [JsonIgnore]
    public Diff.ChangeKind? KindValue { get; init; }
    /// <summary><see cref="Location"/> as a phrase for the record's language when the builder words it (a status
    /// transition of several columns), else null; not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? LocationPhrase { get; init; }
    /// <summary><see cref="Old"/> as a phrase for the record's language (a status), else null; not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? OldPhrase { get; init; }
    /// <summary><see cref="New"/> as a phrase for the record's language (a status, a rename hint), else null; not written to JSON.</summary>
    [JsonIgnore]
    public Language.Phrase? NewPhrase { get; init; }
}
