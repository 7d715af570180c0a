using System.Globalization;
using Inventory.Catalog;
using Inventory.Reports.Diff;

namespace Inventory.Reports.Language;

/// <summary>The English sentences of the analysis: the words the claims always wrote, so that every output is unchanged.</summary>
internal sealed class AnalysisWordingEnglish : AnalysisWording
{
    protected override string Count(long n, string one, string many) => CountWording.Phrase(n, one, many);
    private static string Noun(long n, string one, string many) => CountWording.Noun(n, one, many);
    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
    private static string Percent(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    // ClaimEvaluator: unread scope, failures, what was left out.
    public override string UnreadCannotHold(Phrase note, Phrase summary) => $"{S(note)}, so it cannot hold; in what was read: {S(summary)}";
    public override string UnreadAppended(Phrase summary, Phrase note) => $"{S(summary)}; {S(note)}";
    public override string NoCheckForKind(string kind) => $"no check for claim kind '{kind}'";
    public override string CheckFailed(string kind, string exceptionType) =>
        $"the check of claim kind '{kind}' failed ({exceptionType}), so no verdict; please report it with the inventory's shape";
    public override string SourceNotScanned(string issueKind, Phrase message) =>
        $"source not scanned ({issueKind}): nothing of it was read, so no claim can hold over it; {S(message)}";
    public override string TableNotRead(string issueKind, Phrase message) =>
        $"table not read ({issueKind}): it is not in the inventory, so no claim can hold over it; {S(message)}";
    public override string UnreadNote(IReadOnlyList<string> sources, IReadOnlyList<string> tables)
    {
        var parts = new List<string>();
        if (sources.Count > 0) parts.Add($"{Count(sources.Count, "source", "sources")} not scanned ({string.Join(", ", sources)})");
        if (tables.Count > 0) parts.Add($"{Count(tables.Count, "table", "tables")} not read ({string.Join(", ", tables)})");
        return string.Join(" and ", parts);
    }
    public override string ProcessorSourceLeftOut(int tables, string source, string? controller) =>
        $"{Count(tables, "table", "tables")} of the processor source '{source}' (role: processor, controller: "
        + $"{controller ?? "not declared"}): customers' data hosted on their instruction (Art. 30(2)), outside the controller's own claims";
    public override string ProcessorActivityLeftOut(string? activity) =>
        $"annotated with the processor activity '{activity}': customers' data hosted on their instruction (Art. 30(2)), outside the controller's own claims";
    public override string NothingExamined(Phrase why) => $"nothing examined: {S(why)}";
    public override string LeftOut(int tables, IReadOnlyList<LeftOutPart> parts) =>
        $"; left out: {Count(tables, "table", "tables")} (" + string.Join(", ", parts.Select(p => p.Kind switch
        {
            LeftOutKind.ProcessorSources => $"{p.Tables} in {p.Sources} processor sources ('{p.First}' … '{p.Last}')",
            LeftOutKind.ProcessorSource => $"{p.Tables} of processor source '{p.First}'",
            LeftOutKind.ProcessorActivity => $"{p.Tables} of a processor activity",
            LeftOutKind.ExemptActivity => $"{p.Tables} in an exempt activity",
            LeftOutKind.NotErasable => $"{p.Tables} not erasable",
            LeftOutKind.AttachedToMessages => $"{p.Tables} attached to messages",
            _ => $"{p.Tables} view",
        })) + ")";
    public override string AcceptedBasis(string confidence, string threshold) =>
        $" (accepted suggestion: confidence {confidence} ≥ {threshold}, not reviewed)";
    public override string UndecidedColumn() => "undecided column";
    public override string SuggestedBelowThreshold(string category, string confidence, string threshold) =>
        $"suggested {category} at {confidence}, not tagged (below the acceptance threshold {threshold})";
    public override string SuggestedNotTagged(string category) => $"suggested {category}, not tagged (a suggestion is not a tag)";

    // Shared pieces.
    public override string KeysSetAside(int keys) => keys == 0 ? ""
        : $" ({Count(keys, "untagged key column", "untagged key columns")} set aside: surrogate and foreign keys are not personal data)";
    public override string NotSampled(string reason) => $"not sampled ({reason})";
    public override string SampleBasis(long rows, int tables, int whole) =>
        $"in {Count(rows, "sampled row", "sampled rows")} of {Count(tables, "table", "tables")} ({Num(whole)} read whole)";
    public override string CardHits(string detector, long matched, long? total) =>
        $"{detector} matched {matched} of {total?.ToString(CultureInfo.InvariantCulture) ?? "?"} sampled values{Ratio(matched, total)}";
    public override string CardHitsInJson(string detector, long matched, long? total, IReadOnlyList<string> paths, long? documentsRead, long? sampled) =>
        $"{detector} matched {matched} of {total?.ToString(CultureInfo.InvariantCulture) ?? "?"} values "
        + (paths.Count > 0 ? $"at {string.Join(", ", paths)}" : "at a path too rare to be named,")
        + (documentsRead is { } read && sampled is { } of ? string.Create(CultureInfo.InvariantCulture, $" in the {read} JSON documents read (of {of} sampled values)") : " in the JSON documents");
    private static string Ratio(long matched, long? total) => total is > 0 ? $" ({Percent((double)matched / total.Value)})" : "";
    public override string ContainedCards(long matched, long total) =>
        $"{matched} of {total.ToString(CultureInfo.InvariantCulture)} sampled values contain a payment card number inside their text ({Percent((double)matched / total)})";
    public override string ContainedCardsUncounted() => "values contain payment card numbers (contains evidence)";
    public override string NoControllerColumn() => "no column of a controller table to check";

    // no-card-number.
    public override string CardNumbersStored(Phrase hits) => $"{S(hits)}: card numbers are stored";
    public override string CardNumberNotRuledOut(Phrase notSampled) => $"{S(notSampled)}: a stored card number cannot be ruled out";
    public override string NoCardNumberHolds(int columns, Phrase basis) =>
        $"{Count(columns, "column", "columns")} checked {S(basis)}; no PAN detector hit (gateway ids, last 4 and expiry are allowed)";
    public override string NoCardNumberViolated(int columns) => $"{Count(columns, "column holds", "columns hold")} payment card numbers";
    public override string NoCardNumberUnknown(int columns) =>
        $"no PAN detector hit, but {Count(columns, "column", "columns")} that could hold card numbers {Noun(columns, "was", "were")} not sampled";

    // payment-through-gateway.
    public override string FullCardNumbersStored(Phrase hits, string gateway) => $"{S(hits)}: full card numbers are stored here, not only at the gateway '{gateway}'";
    public override string PaymentNotConfirmed(Phrase undecided) => $"{S(undecided)}: payment data cannot be confirmed";
    public override string ForbiddenStored(string category, string gateway, Phrase basis) => $"{category} is stored: payments must go through the gateway '{gateway}'{S(basis)}";
    public override string ForbiddenStoredAtPath(string path, string category, string gateway) => $"at {path}: {category} is stored: payments must go through the gateway '{gateway}'";
    public override string PaymentTableShared(string recipient, string gateway) => $"table with payment data is shared with '{recipient}', not only with the gateway '{gateway}'";
    public override string PaymentColumnShared(string category, string recipient, string gateway) =>
        $"payment data ({category}) is shared with '{recipient}' by the column's own shared-with, not only with the gateway '{gateway}'";
    public override string UndecidedInPaymentTable(Phrase undecided, bool tagged) => tagged
        ? $"{S(undecided)} in a table with payment data"
        : $"{S(undecided)} in a table whose payment data is only suggested";
    public override string PaymentNothingTagged(IReadOnlyList<string> categories, string gateway) =>
        $"no table holds {string.Join(", ", categories)}: nothing is tagged with a payment category, so there is nothing to check against the gateway '{gateway}'";
    public override string PaymentHolds(int tables, IReadOnlyList<string> forbidden, string gateway) =>
        $"{Count(tables, "table holds", "tables hold")} payment data; none holds {string.Join(", ", forbidden)} or is shared beyond '{gateway}'";
    public override string PaymentViolated(int findings, int cardFindings, IReadOnlyList<string> forbidden, string gateway) =>
        $"{Count(findings, "finding", "findings")}: "
        + (cardFindings == findings ? $"full card numbers stored in {Count(cardFindings, "column", "columns")}, not only at the gateway '{gateway}'"
            : cardFindings > 0 ? $"full card numbers stored in {Count(cardFindings, "column", "columns")}; {string.Join(", ", forbidden)} stored, or payment data shared beyond '{gateway}'"
            : $"{string.Join(", ", forbidden)} stored, or payment data shared beyond '{gateway}'");
    public override string PaymentUnknown(int columns, IReadOnlyList<string> forbidden) =>
        $"{Count(columns, "undecided column", "undecided columns")}: payment data or {string.Join(", ", forbidden)} cannot be confirmed";
    public override string NoControllerTableForPayment() => "no controller table to check for payment data";

    // shared-with-only.
    public override string UndecidedInSharedTable(Phrase undecided, string recipient) => $"{S(undecided)} in a table shared with '{recipient}'";
    public override string SharedBeyondAllowed(string category, string recipient, IReadOnlyList<string> allowed, Phrase basis) =>
        $"{category} is shared with '{recipient}', which may receive only these categories: {string.Join(", ", allowed)}{S(basis)}";
    public override string NoTableSharedWith(string recipient) => $"no table is annotated shared-with: {recipient}; annotate the tables whose data is sent to it";
    public override string SharedWithHolds(int tables, string recipient, int columns, IReadOnlyList<string> allowed) =>
        $"{Count(tables, "table", "tables")} shared with '{recipient}', {Count(columns, "column", "columns")}, all in the categories it may receive: {string.Join(", ", allowed)}";
    public override string SharedWithViolated(int columns, string recipient, IReadOnlyList<string> allowed) =>
        $"{Count(columns, "column", "columns")} shared with '{recipient}' beyond the categories it may receive: {string.Join(", ", allowed)}";
    public override string SharedWithUnknown(int columns, string recipient) => $"{Count(columns, "undecided column", "undecided columns")} in tables shared with '{recipient}'";

    // declared-categories-only.
    public override string AtPath(string path, Phrase reason) => $"at {path}: {S(reason)}";
    public override string CategoryUnknown(Phrase undecided) => $"{S(undecided)}: its category is unknown";
    public override string FoundInsideContent(Phrase reason) => $"found inside its content (also contains): {S(reason)}";
    public override string WithBasis(Phrase reason, Phrase basis) => S(reason) + S(basis);
    public override string DeclaredByNoActivity(string category) => $"{category} is declared by no processing activity";
    public override string DeclaredOnlyByProcessors(string category, IReadOnlyList<string> processors) =>
        $"{category} is declared only by processor activities ({string.Join(", ", processors)}: data hosted for customers), not by one of the controller's own: declare it in the activity that holds this table";
    public override string CoveredOnlyByBroader(string category, string declared, string activity, string entry) =>
        $"{category} is covered only by the broader declaration {declared} (activity {activity}); the claim's undeclared: {entry} must be declared explicitly: declare {(entry == category ? category : $"{category} or {entry}")}";
    public override string DeclaredHolds(int columns, int keys) => $"{Count(columns, "column", "columns")} checked; all personal data is declared{KeysSetAside(keys)}";
    public override string DeclaredViolated(int columns) => $"{Count(columns, "column holds", "columns hold")} undeclared personal data";
    public override string DeclaredUnknown(int columns, int keys) => $"no undeclared category found, but {Count(columns, "column is", "columns are")} undecided{KeysSetAside(keys)}";

    // automatic-data-limited.
    public override string WithoutSubcategory(string category) => $"{category} without a subcategory";
    public override string AutomaticCollected(string category, IReadOnlyList<string> allowed, Phrase basis) =>
        $"{category} is collected; only {string.Join(", ", allowed)} are declared{S(basis)}";
    public override string MayHoldAutomatic(Phrase undecided) => $"{S(undecided)}: it may hold automatic data";
    public override string AutomaticHolds(int columns, IReadOnlyList<string> allowed, int keys) =>
        $"{Count(columns, "column", "columns")} checked; automatic data limited to {string.Join(", ", allowed)}{KeysSetAside(keys)}";
    public override string AutomaticViolated(int columns) => $"{Count(columns, "column holds", "columns hold")} other automatic data";
    public override string AutomaticUnknown(int columns, int keys) => $"no other automatic data found, but {Count(columns, "column is", "columns are")} undecided{KeysSetAside(keys)}";

    // deletion-path.
    public override string ExemptActivity(string activity) => $"activity '{activity}' is exempt by the claim's exempt-activities (kept by law or by contract)";
    public override string ViewStoresNoRows() => "a view stores no rows: deleting the account's rows from its base tables removes them from it";
    public override string KeptNotErasable(IReadOnlyList<string> activities, IReadOnlyList<string> categories) =>
        $"activity '{string.Join("', '", activities)}' keeps its personal data ({string.Join(", ", categories)}) under a retention rule marked not erasable (erasable: false)";
    public override string RowHistoryKept(RowHistory history, string table) =>
        $"deleted rows, and the earlier values of updated ones, stay in the database's row history: the table {HistoryKept(history)}, which DELETE does not remove; when an account is deleted, {history.PurgeAdvice(table)}";
    public override string RowHistoryOnlySuggested(RowHistory history) =>
        $"personal data only suggested (no tagged personal column); the table {HistoryKept(history)}, which DELETE does not remove: tag the columns to decide";
    private static string HistoryKept(RowHistory history) => history.VersionsOf is { } of
        ? $"holds the earlier versions of {of}'s rows ({history.Mechanism})" : $"keeps the earlier versions of its rows ({history.Mechanism})";
    public override string MaterializedViewKept(string table) =>
        $"a materialized view keeps a copy of its rows until the next REFRESH MATERIALIZED VIEW {table}: "
        + "a deleted account's rows stay in it until then; refresh it after account deletions, within the erasure deadline, to decide";
    public override string NoAccountTableInSource(IReadOnlyList<string> roots, string source, IReadOnlyList<string> elsewhere, IReadOnlyList<string> markers)
    {
        var lead = $"no account table ({string.Join(", ", roots)}) in source '{source}' to delete from";
        var otherWays = $"a marker column ({string.Join(", ", markers)}) the account deletion sets in this table, the activity in the claim's exempt-activities when another job erases these rows, or its data under a retention rule marked erasable: false when it is not erased on request";
        return elsewhere.Count > 0
            ? $"{lead}: the account table is in {(elsewhere.Count == 1 ? "source" : "sources")} {string.Join(", ", elsewhere.Select(s => $"'{s}'"))}, another database, and no foreign key crosses databases, so its deletion cannot be followed here; to decide, give {otherWays}"
            : $"{lead}: name the table whose deletion closes an account in the claim's roots (in your own copy of the policy when it is the built-in one), or give {otherWays}, to decide";
    }
    public override string KeyChain(IReadOnlyList<KeyLink> cascades, KeyLink setNull) =>
        string.Concat(cascades.Select(k => $"{k.Key} → {k.Parent} is ON DELETE CASCADE, whose ")) + $"{setNull.Key} → {setNull.Parent} is ON DELETE SET NULL";
    public override string KeyChains(IReadOnlyList<Phrase> chains) => string.Join(" and ", chains.Select(S));
    public override string SetNullOnlySuggested(Phrase keptBy) => $"personal data only suggested (no tagged personal column); {S(keptBy)}: tag the columns to decide";
    public override string NotErasedBySetNull(Phrase keptBy, bool chained, IReadOnlyList<string> columns, IReadOnlyList<string> markers) =>
        $"not erased when the account is deleted: {S(keptBy)}, {Keeps(chained)}{(chained ? ", with its" : " and its")} personal columns ({string.Join(", ", columns)}); no deletion marker ({string.Join(", ", markers)})";
    private static string Keeps(bool chained) => chained ? "which keeps those rows, so this table's rows stay too" : "which keeps the row";
    public override string ContentKeptWithPersonalData(Phrase keptBy, bool chained, IReadOnlyList<(string Column, IReadOnlyList<string> Found)> content) =>
        $"{S(keptBy)}, {Keeps(chained)}; the scan found personal data in its content ({string.Join("; ", content.Select(x => $"{x.Column}: {string.Join(", ", x.Found)}"))}), "
        + "which may identify the person after the account's deletion: delete it with the account (ON DELETE CASCADE or a deletion marker) or review it to decide";
    public override string ContentKeptUnread(Phrase keptBy, bool chained, IReadOnlyList<(string Column, Phrase NotSampled)> unread) =>
        $"{S(keptBy)}, {Keeps(chained)}; its content was not read ({string.Join(", ", unread.Select(c => $"{c.Column}: {S(c.NotSampled)}"))}), "
        + "so whether it identifies the person after the account's deletion is unknown: delete it with the account (ON DELETE CASCADE or a deletion marker) or review it to decide";
    public override string NoPathOnlySuggested() => "personal data only suggested (no tagged personal column) and no deletion path: tag the columns to decide";
    public override string DeleteRuleUnread(string key, string parent) => $"the delete rule of {key} → {parent} could not be read: scan again to decide";
    public override string NoDeletionPath(IReadOnlyList<string> roots, IReadOnlyList<(string Key, string Parent, string Rule)> blocking, int foreignKeys, IReadOnlyList<string> markers)
    {
        var why = blocking.Count > 0 ? string.Join("; ", blocking.Select(b => $"{b.Key} → {b.Parent} is ON DELETE {b.Rule}"))
            : foreignKeys == 0 ? "no foreign key" : "its foreign keys lead elsewhere";
        return $"personal data with no deletion path: not reachable from {string.Join(", ", roots)} by ON DELETE CASCADE ({why}) and no deletion marker ({string.Join(", ", markers)})";
    }
    public override string ContentKeptWithReported(Phrase keptBy, IReadOnlyList<string> reported) =>
        $"{S(keptBy)}, which keeps those rows, so this table's rows stay too; {string.Join(", ", reported)} is itself not erased with personal data (see its entry), "
        + "so the content kept with it may identify the person too: delete it with the account (ON DELETE CASCADE or a deletion marker) or review it to decide";
    public override string DeletionHolds(int tables) => $"{Count(tables, "table", "tables")} with personal data; each can be erased from the account table";
    public override string DeletionViolated(int tables) => $"{Count(tables, "table", "tables")} with personal data cannot be erased by deleting the account";
    public override string DeletionUnknown(int tables, IReadOnlyList<(DeletionUndecided Reason, int Tables)> reasons) =>
        $"{Count(tables, "table", "tables")} with personal data undecided: " + string.Join(", ", reasons.Select(r => $"{r.Tables} " + r.Reason switch
        {
            DeletionUndecided.OnlySuggested => "with personal data only suggested",
            DeletionUndecided.KeptContent => "with content kept by ON DELETE SET NULL",
            DeletionUndecided.MaterializedView => "kept in a materialized view until its refresh",
            DeletionUndecided.NoAccountTable => "without an account table in its source",
            _ => "behind a delete rule that could not be read",
        }));
    public override string NoTableToErase() => "no controller table with personal data is left to erase with an account";

    // billing-kept.
    public override string BillingNoAccountTable(IReadOnlyList<string> roots) =>
        $"no account table ({string.Join(", ", roots)}) in any source to delete from: name the table whose deletion closes an account in the claim's roots (in your own copy of the policy when it is the built-in one) to decide";
    public override string BillingUnreadRule(IReadOnlyList<CascadeLink> path) =>
        $"an account deletion may reach this table through a delete rule that could not be read ({Path(path)}): scan again to decide";
    public override string BillingCascade(IReadOnlyList<CascadeLink> path) =>
        $"deleting an account deletes these billing records by ON DELETE CASCADE ({Path(path)}); the law requires to keep them";
    public override string BillingSuggestedCascade(IReadOnlyList<CascadeLink> path) =>
        $"billing category only suggested (not tagged); deleting an account cascades into this table ({Path(path)})";
    private static string Path(IReadOnlyList<CascadeLink> path) => string.Join(" → ", path.Select(l =>
        l.Key is null ? l.Table : $"{l.Table} ({l.Key}, {(l.RuleUnread ? "delete rule not read" : "ON DELETE CASCADE")})"));
    public override string NoBillingTable(string? activity, IReadOnlyList<string> categories) =>
        $"no billing table found (none annotated '{activity}', none tagged {string.Join(", ", categories)})";
    public override string BillingOnlySuggested(string? activity, IReadOnlyList<string> categories) =>
        $"billing category only suggested (not tagged), and no table is annotated '{activity}' or tagged {string.Join(", ", categories)}: tag its columns to decide";
    public override string BillingHolds(int tables, IReadOnlyList<string> accountTables) =>
        $"{Count(tables, "billing table", "billing tables")}; no account deletion ({string.Join(", ", accountTables)}) cascades into them";
    public override string BillingViolated(int tables) => $"{Count(tables, "billing table is", "billing tables are")} deleted by ON DELETE CASCADE when an account is deleted";
    public override string BillingUnknownNoAccountTable(int tables, IReadOnlyList<string> roots) =>
        $"{Count(tables, "billing table", "billing tables")} undecided: no account table ({string.Join(", ", roots)}) in any source to delete from";
    public override string BillingUnknownOnlySuggested(string? activity, IReadOnlyList<string> categories, int tables) =>
        $"no billing table tagged (none annotated '{activity}', none tagged {string.Join(", ", categories)}); {Count(tables, "table is", "tables are")} only suggested as billing";
    public override string BillingUnknown(int tables, IReadOnlyList<string> rootsHoldingBilling, int suggestedReached, int unreadRules)
    {
        var parts = new List<string>();
        if (rootsHoldingBilling.Count > 0)
            parts.Add($"{Count(rootsHoldingBilling.Count, "account table that holds", "account tables that hold")} billing data itself ({string.Join(", ", rootsHoldingBilling.Distinct(StringComparer.Ordinal))})");
        if (suggestedReached > 0)
            parts.Add($"{suggestedReached} with a suggested billing category reached by an account deletion cascade");
        if (unreadRules > 0)
            parts.Add($"{unreadRules} behind a delete rule that could not be read");
        return $"{Count(tables, "billing table", "billing tables")} undecided: {string.Join(", ", parts)}";
    }
    public override string RootHoldsBilling(RootBilling what, string? activity, IReadOnlyList<(string Category, IReadOnlyList<string> Columns)> columns)
    {
        var listed = string.Join("; ", columns.Select(g => $"{g.Category} ({string.Join(", ", g.Columns)})"));
        var text = what switch
        {
            RootBilling.Tagged => $"holds {listed} itself",
            RootBilling.Activity => $"is annotated with the billing activity '{activity}'",
            _ => $"holds {listed} itself (only suggested, not tagged)",
        };
        return $"the account table {text}: its rows are deleted with the account; check that the billing records keep a copy (e.g. the invoice's own VAT number) or keep this row";
    }

    // customer-data-in-processor-scope.
    public override string CustomerDataNotConfirmed(Phrase undecided) => $"{S(undecided)}: customer-owned data in a controller-scope table cannot be confirmed";
    public override string CustomerDataOutsideScope(string category, string role, string activity, Phrase basis) =>
        $"{category} in a controller-scope table (source role '{role}', table not annotated with '{activity}'){S(basis)}";
    public override string CustomerDataHolds(int columns, IReadOnlyList<string> categories) => columns switch
    {
        0 => $"no column holds a customer-owned category ({string.Join(", ", categories)}): none is outside processor scope",
        1 => "1 customer-owned column, in processor scope",
        _ => $"{Count(columns, "customer-owned column", "customer-owned columns")}, all in processor scope",
    };
    public override string CustomerDataViolated(int columns) => $"{Count(columns, "customer-owned column is", "customer-owned columns are")} outside processor scope";
    public override string CustomerDataUnknown(int suggested, int attachments) => string.Join("; ", new[]
    {
        suggested > 0 ? $"{Count(suggested, "column is", "columns are")} only suggested as customer-owned in controller-scope tables" : null,
        attachments > 0 ? $"{Count(attachments, "file column is", "file columns are")} attached to messages only suggested as such" : null,
    }.OfType<string>());
    public override string AttachmentsOfMessagesLeftOut(string messages, string messageCategory, string activity) =>
        $"files attached to the messages of {messages} ({messageCategory}): users' messages to us and their attachments are our own processing, "
        + $"checked by declared-categories-only; annotate the table with '{activity}' if these files are customers' application data";
    public override string AttachmentsOfSuggestedMessages(string category, string messages, string messageCategory, string activity) =>
        $"{category} attached to {messages}, whose category {messageCategory} is only suggested: confirm the messages' "
        + $"category (then these are their attachments, our own processing), or annotate the table with '{activity}' if the files are customers' application data";

    // Retention in the activities' records.
    public override string RetentionRule(string period, string? basis, bool erasable) =>
        period + (basis is null ? "" : $" ({basis})") + (erasable ? "" : "; not erasable on request");
    public override string RetentionPolicyDefault(Phrase retention) => $"{S(retention)} ({RecordWording.PolicyDefault})";
    public override string RetentionUndeclared(Phrase retention, string? ruleFor) =>
        $"{S(retention)} ({(ruleFor is null ? RecordWording.PolicyDefault : $"this activity's rule for {ruleFor}")}; category not declared by this activity)";
    public override string RetentionOfProcessor(IReadOnlyList<Phrase> rules, bool declared) =>
        $"{(rules.Count == 0 ? "as the controller served instructs" : string.Join("; ", rules.Select(S).Distinct(StringComparer.Ordinal)))} (processor activity: the controller served decides, GDPR Art. 28(3)(g){(declared ? "" : "; category not declared by this activity")})";
    public override string RetentionExcept(Phrase? retention, IReadOnlyList<(IReadOnlyList<string> Categories, Phrase Rule)> narrower) =>
        string.Join(", ", narrower.Select(n => $"except {string.Join(" and ", n.Categories)} (this activity's rule): {S(n.Rule)}").Prepend(retention is null ? "no retention declared" : S(retention)));

    // The record's fleet grouping.
    public override string ItsSource => "its source";
    public override string InPlaces(int places, FleetPlaces kind, string? source, string named) => $"in {places} {Places(kind, source)} ({named})";
    public override string InPlacesHolding(int places, int holding, FleetPlaces kind, string? source, string table, string named) =>
        $"in {places} of the {holding} {Places(kind, source)} holding {table} ({named})";
    private static string Places(FleetPlaces kind, string? source) => kind switch
    {
        FleetPlaces.Sources => "sources",
        FleetPlaces.Schemas => $"schemas of {source}",
        _ => "places",
    };
    public override string NotHere(IReadOnlyList<Phrase> places) => $"; not here: {string.Join(", ", places.Select(S))}";
    public override string PlaceHolds(string place, Phrase holds) => $"{place}: {S(holds)}";
    public override string AndOthers(int others) => $"and {Count(others, "other", "others")}";
    public override string HoldsNotListed() => "not listed here";
    public override string HoldsNoColumn(string column) => $"no column {column}";
    public override string HoldsUndecided() => "undecided";
    public override string HoldsSameCategory(string category, IReadOnlyList<string> activities) => $"{category}, " + activities switch
    {
        [] => "no activity",
        [var a] => "activity " + a,
        _ => "activities " + string.Join(", ", activities),
    };
    public override string DeclaredByAnother(IReadOnlyList<(string Activity, string? Period)> declaredBy, IReadOnlyList<AnnotationFix> fixes) =>
        $"declared by {string.Join(", ", declaredBy.Select(d => d.Period is null ? d.Activity : $"{d.Activity} (kept {d.Period})"))}: "
        + $"if the table serves {(declaredBy.Count == 1 ? "it" : "one of them")} too, annotate "
        + string.Join("; ", fixes.Select(f => $"{string.Join(", ", f.Tables.Take(3))}{(f.Tables.Count > 3 ? $" and {f.Tables.Count - 3} more" : "")} with "
            + string.Join(" or ", f.ActivityLists.Select(l => $"activity: [{string.Join(", ", l)}]"))));
    public override string ReadableThrough(string column, IReadOnlyList<(string View, bool Materialized)> views) =>
        $"{column} also readable through " + string.Join(", ", views.Select(v => $"{(v.Materialized ? "materialized view" : "view")} {v.View}"));
    public override string ScanIssueKind(string kind) => kind;
    public override string ConnectionFailedMessage(string? origin, string detail) =>
        $"source not scanned{(origin is null ? "" : $" (connection at {origin})")}: {detail}";
    public override string ShardMissingMessage(string shard, string? source) => $"shard {shard} is not among the merged parts: " + (source is null
        ? "its sources or tables are missing from this inventory" : $"source '{source}', which it held, is missing from this inventory");
    public override string ScanMessage(string message) => message;
    public override string ColumnStatus(string status) => status;
    public override string ChangeKindName(ChangeKind kind) => InventoryDiff.KindName(kind);
    public override string ColumnsOfTables(int columns, IReadOnlyList<string> tables) =>
        $"{Count(columns, "column", "columns")} in {Count(tables.Count, "table", "tables")}: "
        + string.Join(", ", tables.Take(5)) + (tables.Count > 5 ? $" and {Count(tables.Count - 5, "other", "others")}" : "");
    public override string RenamedFrom(string value, string from) => $"{value} (renamed from '{from}'?)";
    public override string ClassificationOrigin(string origin) => origin;
    public override string TableColumns(int columns, IReadOnlyList<string> personal) =>
        Count(columns, "column", "columns") + (personal.Count == 0 ? "" : $"; personal: {string.Join(", ", personal)}");
    public override string ScanIssueLine(string place, string kind, Phrase message) => $"{place}: {kind}: {S(message)}";
    public override string NotReadLabel(string place, bool table, string kind) => table ? $"{place} (table not read: {kind})" : $"{place} (source not scanned: {kind})";
}
