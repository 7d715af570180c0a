using Inventory.Catalog;
using Inventory.Config;
using Inventory.Reports.Diff;

namespace Inventory.Reports.Language;

/// <summary>Where a claim's summary counts a table it left out (<see cref="AnalysisWording.LeftOut"/>).</summary>
public enum LeftOutKind
{
    /// <summary>A table annotated with a processor activity.</summary>
    ProcessorActivity,
    /// <summary>A table of an activity the claim exempts.</summary>
    ExemptActivity,
    /// <summary>A table whose data the policy keeps as not erasable.</summary>
    NotErasable,
    /// <summary>A view.</summary>
    View,
    /// <summary>A table of files attached to users' messages (the host's own processing).</summary>
    AttachedToMessages,
    /// <summary>The tables of one processor-role source.</summary>
    ProcessorSource,
    /// <summary>The tables of more processor-role sources than a summary names (first … last).</summary>
    ProcessorSources,
}

/// <summary>One counted part of what a claim left out.</summary>
/// <param name="Kind">Why the tables were left out.</param>
/// <param name="Tables">How many tables.</param>
/// <param name="First">The processor source (or the first of several), else null.</param>
/// <param name="Last">The last of several processor sources, else null.</param>
/// <param name="Sources">How many processor sources (for <see cref="LeftOutKind.ProcessorSources"/>).</param>
public sealed record LeftOutPart(LeftOutKind Kind, int Tables, string? First = null, string? Last = null, int Sources = 0);

/// <summary>Why deletion-path could not decide a table, counted in its summary.</summary>
public enum DeletionUndecided
{
    /// <summary>Personal data only suggested.</summary>
    OnlySuggested,
    /// <summary>Content kept by ON DELETE SET NULL.</summary>
    KeptContent,
    /// <summary>A materialized view, kept until its refresh.</summary>
    MaterializedView,
    /// <summary>No account table in the source.</summary>
    NoAccountTable,
    /// <summary>A delete rule the scan could not read.</summary>
    UnreadRule,
}

/// <summary>What an account table holding billing data holds (<see cref="AnalysisWording.RootHoldsBilling"/>).</summary>
public enum RootBilling
{
    /// <summary>Tagged billing columns.</summary>
    Tagged,
    /// <summary>It is annotated with the billing activity.</summary>
    Activity,
    /// <summary>Columns only suggested as billing.</summary>
    Suggested,
}

/// <summary>A foreign key of a chain: <c>key → parent</c>.</summary>
/// <param name="Key">The foreign key's name.</param>
/// <param name="Parent">The table it references.</param>
public sealed record KeyLink(string Key, string Parent);

/// <summary>A step of an account deletion's cascade: the root (<paramref name="Key"/> null), or a table deleted through a key.</summary>
/// <param name="Table">The table.</param>
/// <param name="Key">The foreign key the deletion follows into it, or null for the root.</param>
/// <param name="RuleUnread">True when the key's delete rule could not be read (followed as if it cascaded).</param>
public sealed record CascadeLink(string Table, string? Key, bool RuleUnread);

/// <summary>How the places of a fleet line are named (<see cref="AnalysisWording.InPlaces"/>).</summary>
public enum FleetPlaces
{
    /// <summary>By source: each source holds the table once.</summary>
    Sources,
    /// <summary>By schema: one source holds every copy (the source is named).</summary>
    Schemas,
    /// <summary>By <c>source/schema</c>.</summary>
    Places,
}

/// <summary>The annotation that would record tables as serving another activity too
/// (<see cref="AnalysisWording.DeclaredByAnother"/>): <c>organisations with activity: [a, b]</c>.</summary>
/// <param name="Tables">The tables (qualified names), each once.</param>
/// <param name="ActivityLists">Each activity list the annotation could write, one per activity that declares the category.</param>
public sealed record AnnotationFix(IReadOnlyList<string> Tables, IReadOnlyList<IReadOnlyList<string>> ActivityLists);

// The sentences are documented by their English text (AnalysisWordingEnglish), which is what each one says.
#pragma warning disable CS1591
/// <summary>The sentences the analysis composes (claim summaries, finding reasons, what a claim left out), one method per
/// kind with its typed arguments (counts, table names, categories, source names), in one language per subclass:
/// <see cref="English"/> (the words every output always used) and <see cref="French"/>. Every method is abstract, so a
/// language that leaves one out does not compile. A <see cref="Phrase"/> holds a call of one of them; the HTML and
/// Markdown record renders it in the report's language, the JSON, CSV, SARIF and console outputs in English. The
/// arguments are names, categories and counts, never a sampled value.</summary>
public abstract class AnalysisWording
{
    /// <summary>English.</summary>
    public static AnalysisWording English { get; } = new AnalysisWordingEnglish();
    /// <summary>French.</summary>
    public static AnalysisWording French { get; } = new AnalysisWordingFrench();
    /// <summary>The wording of a language.</summary>
    /// <param name="language">The language.</param>
    public static AnalysisWording For(ReportLanguage language) => language == ReportLanguage.French ? French : English;

    /// <summary>A count with its noun, in the language's plural rule and digits.</summary>
    protected abstract string Count(long n, string one, string many);
    /// <summary>A nested phrase in this language.</summary>
    protected string S(Phrase phrase) => phrase.In(this);
    /// <summary>Two phrases one after the other (a summary and what its claim left out).</summary>
    public string Joined(Phrase first, Phrase second) => S(first) + S(second);

    public abstract string UnreadCannotHold(Phrase note, Phrase summary);
    public abstract string UnreadAppended(Phrase summary, Phrase note);
    public abstract string NoCheckForKind(string kind);
    public abstract string CheckFailed(string kind, string exceptionType);
    public abstract string SourceNotScanned(string issueKind, Phrase message);
    public abstract string TableNotRead(string issueKind, Phrase message);
    public abstract string UnreadNote(IReadOnlyList<string> sources, IReadOnlyList<string> tables);
    public abstract string ProcessorSourceLeftOut(int tables, string source, string? controller);
    public abstract string ProcessorActivityLeftOut(string? activity);
    public abstract string NothingExamined(Phrase why);
    public abstract string LeftOut(int tables, IReadOnlyList<LeftOutPart> parts);
    public abstract string AcceptedBasis(string confidence, string threshold);
    public abstract string UndecidedColumn();
    public abstract string SuggestedBelowThreshold(string category, string confidence, string threshold);
    public abstract string SuggestedNotTagged(string category);
    public abstract string KeysSetAside(int keys);
    public abstract string NotSampled(string reason);
    public abstract string SampleBasis(long rows, int tables, int whole);
    public abstract string CardHits(string detector, long matched, long? total);
    public abstract string CardHitsInJson(string detector, long matched, long? total, IReadOnlyList<string> paths, long? documentsRead, long? sampled);
    public abstract string ContainedCards(long matched, long total);
    public abstract string ContainedCardsUncounted();
    public abstract string NoControllerColumn();
    public abstract string CardNumbersStored(Phrase hits);
    public abstract string CardNumberNotRuledOut(Phrase notSampled);
    public abstract string NoCardNumberHolds(int columns, Phrase basis);
    public abstract string NoCardNumberViolated(int columns);
    public abstract string NoCardNumberUnknown(int columns);
    public abstract string FullCardNumbersStored(Phrase hits, string gateway);
    public abstract string PaymentNotConfirmed(Phrase undecided);
    public abstract string ForbiddenStored(string category, string gateway, Phrase basis);
    public abstract string ForbiddenStoredAtPath(string path, string category, string gateway);
    public abstract string PaymentTableShared(string recipient, string gateway);
    public abstract string PaymentColumnShared(string category, string recipient, string gateway);
    public abstract string UndecidedInPaymentTable(Phrase undecided, bool tagged);
    public abstract string PaymentNothingTagged(IReadOnlyList<string> categories, string gateway);
    public abstract string PaymentHolds(int tables, IReadOnlyList<string> forbidden, string gateway);
    public abstract string PaymentViolated(int findings, int cardFindings, IReadOnlyList<string> forbidden, string gateway);
    public abstract string PaymentUnknown(int columns, IReadOnlyList<string> forbidden);
    public abstract string NoControllerTableForPayment();
    public abstract string UndecidedInSharedTable(Phrase undecided, string recipient);
    public abstract string SharedBeyondAllowed(string category, string recipient, IReadOnlyList<string> allowed, Phrase basis);
    public abstract string NoTableSharedWith(string recipient);
    public abstract string SharedWithHolds(int tables, string recipient, int columns, IReadOnlyList<string> allowed);
    public abstract string SharedWithViolated(int columns, string recipient, IReadOnlyList<string> allowed);
    public abstract string SharedWithUnknown(int columns, string recipient);
    public abstract string AtPath(string path, Phrase reason);
    public abstract string CategoryUnknown(Phrase undecided);
    public abstract string FoundInsideContent(Phrase reason);
    public abstract string WithBasis(Phrase reason, Phrase basis);
    public abstract string DeclaredByNoActivity(string category);
    public abstract string DeclaredOnlyByProcessors(string category, IReadOnlyList<string> processors);
    public abstract string CoveredOnlyByBroader(string category, string declared, string activity, string entry);
    public abstract string DeclaredHolds(int columns, int keys);
    public abstract string DeclaredViolated(int columns);
    public abstract string DeclaredUnknown(int columns, int keys);
    public abstract string WithoutSubcategory(string category);
    public abstract string AutomaticCollected(string category, IReadOnlyList<string> allowed, Phrase basis);
    public abstract string MayHoldAutomatic(Phrase undecided);
    public abstract string AutomaticHolds(int columns, IReadOnlyList<string> allowed, int keys);
    public abstract string AutomaticViolated(int columns);
    public abstract string AutomaticUnknown(int columns, int keys);
    public abstract string ExemptActivity(string activity);
    public abstract string ViewStoresNoRows();
    public abstract string KeptNotErasable(IReadOnlyList<string> activities, IReadOnlyList<string> categories);
    public abstract string RowHistoryKept(RowHistory history, string table);
    public abstract string RowHistoryOnlySuggested(RowHistory history);
    public abstract string MaterializedViewKept(string table);
    public abstract string NoAccountTableInSource(IReadOnlyList<string> roots, string source, IReadOnlyList<string> elsewhere, IReadOnlyList<string> markers);
    public abstract string KeyChain(IReadOnlyList<KeyLink> cascades, KeyLink setNull);
    public abstract string KeyChains(IReadOnlyList<Phrase> chains);
    public abstract string SetNullOnlySuggested(Phrase keptBy);
    public abstract string NotErasedBySetNull(Phrase keptBy, bool chained, IReadOnlyList<string> columns, IReadOnlyList<string> markers);
    public abstract string ContentKeptWithPersonalData(Phrase keptBy, bool chained, IReadOnlyList<(string Column, IReadOnlyList<string> Found)> content);
    public abstract string ContentKeptUnread(Phrase keptBy, bool chained, IReadOnlyList<(string Column, Phrase NotSampled)> unread);
    public abstract string NoPathOnlySuggested();
    public abstract string DeleteRuleUnread(string key, string parent);
    public abstract string NoDeletionPath(IReadOnlyList<string> roots, IReadOnlyList<(string Key, string Parent, string Rule)> blocking, int foreignKeys, IReadOnlyList<string> markers);
    public abstract string ContentKeptWithReported(Phrase keptBy, IReadOnlyList<string> reported);
    public abstract string DeletionHolds(int tables);
    public abstract string DeletionViolated(int tables);
    public abstract string DeletionUnknown(int tables, IReadOnlyList<(DeletionUndecided Reason, int Tables)> reasons);
    public abstract string NoTableToErase();
    public abstract string BillingNoAccountTable(IReadOnlyList<string> roots);
    public abstract string BillingUnreadRule(IReadOnlyList<CascadeLink> path);
    public abstract string BillingCascade(IReadOnlyList<CascadeLink> path);
    public abstract string BillingSuggestedCascade(IReadOnlyList<CascadeLink> path);
    public abstract string NoBillingTable(string? activity, IReadOnlyList<string> categories);
    public abstract string BillingOnlySuggested(string? activity, IReadOnlyList<string> categories);
    public abstract string BillingHolds(int tables, IReadOnlyList<string> accountTables);
    public abstract string BillingViolated(int tables);
    public abstract string BillingUnknownNoAccountTable(int tables, IReadOnlyList<string> roots);
    public abstract string BillingUnknownOnlySuggested(string? activity, IReadOnlyList<string> categories, int tables);
    public abstract string BillingUnknown(int tables, IReadOnlyList<string> rootsHoldingBilling, int suggestedReached, int unreadRules);
    public abstract string RootHoldsBilling(RootBilling what, string? activity, IReadOnlyList<(string Category, IReadOnlyList<string> Columns)> columns);
    public abstract string CustomerDataNotConfirmed(Phrase undecided);
    public abstract string CustomerDataOutsideScope(string category, string role, string activity, Phrase basis);
    public abstract string CustomerDataHolds(int columns, IReadOnlyList<string> categories);
    public abstract string CustomerDataViolated(int columns);
    public abstract string CustomerDataUnknown(int suggested, int attachments);
    public abstract string AttachmentsOfMessagesLeftOut(string messages, string messageCategory, string activity);
    public abstract string AttachmentsOfSuggestedMessages(string category, string messages, string messageCategory, string activity);
    public abstract string RetentionRule(string period, string? basis, bool erasable);
    public abstract string RetentionPolicyDefault(Phrase retention);
    public abstract string RetentionUndeclared(Phrase retention, string? ruleFor);
    public abstract string RetentionOfProcessor(IReadOnlyList<Phrase> rules, bool declared);
    public abstract string RetentionExcept(Phrase? retention, IReadOnlyList<(IReadOnlyList<string> Categories, Phrase Rule)> narrower);
    public abstract string ItsSource { get; }
    // The fleet grouping's words (FleetSummary): where a line's places are, and what a place not on it holds instead.
    public abstract string InPlaces(int places, FleetPlaces kind, string? source, string named);
    public abstract string InPlacesHolding(int places, int holding, FleetPlaces kind, string? source, string table, string named);
    public abstract string NotHere(IReadOnlyList<Phrase> places);
    public abstract string PlaceHolds(string place, Phrase holds);
    public abstract string AndOthers(int others);
    public abstract string HoldsNotListed();
    public abstract string HoldsNoColumn(string column);
    public abstract string HoldsUndecided();
    public abstract string HoldsSameCategory(string category, IReadOnlyList<string> activities);
    // The record's notes on a category: another activity declares it; a column also readable through views.
    public abstract string DeclaredByAnother(IReadOnlyList<(string Activity, string? Period)> declaredBy, IReadOnlyList<AnnotationFix> fixes);
    public abstract string ReadableThrough(string column, IReadOnlyList<(string View, bool Materialized)> views);
    // A scan issue inside an unresolved reason: its kind, and its message by the scanner's shapes (ScanIssueMessage).
    public abstract string ScanIssueKind(string kind);
    public abstract string ConnectionFailedMessage(string? origin, string detail);
    public abstract string ShardMissingMessage(string shard, string? source);
    public abstract string ScanMessage(string message);
    // A column's status and a change of the inventory, as the record's column lists and changes show them.
    public abstract string ColumnStatus(string status);
    public abstract string ChangeKindName(ChangeKind kind);
    public abstract string ColumnsOfTables(int columns, IReadOnlyList<string> tables);
    public abstract string RenamedFrom(string value, string from);
    public abstract string ClassificationOrigin(string origin);
    public abstract string TableColumns(int columns, IReadOnlyList<string> personal);
    public abstract string ScanIssueLine(string place, string kind, Phrase message);
    public abstract string NotReadLabel(string place, bool table, string kind);
}
#pragma warning restore CS1591
