using Inventory.Annotations;
using Inventory.Classification;
using System.Globalization;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports.Language;
using Inventory.Rules.Policy;

namespace Inventory.Reports.Claims;

/// <summary>Checks a policy's claims against an inventory. Each kind of <see cref="ClaimKinds"/> has one check;
/// every check is a pure function of the policy and the inventory (counts, categories, evidence ids and foreign keys:
/// no value is read). Verdict rule: any finding → violated; else any unresolved table or column → unknown; else holds.
/// Categories: a check uses a column's <em>tagged</em> category only, by the rule coverage and <c>inventory check</c>
/// use (<see cref="ColumnEntry.CountsAsTagged"/>): an annotation or a database label (status tagged or conflict), or,
/// when the configuration sets <c>check.accept-classification-above</c>, a suggestion at or above it (status accepted;
/// its findings say so: <see cref="ClaimContext.Basis"/>). Any other suggestion is not a tag: such a column counts as
/// undecided, so it can make a claim unknown but never violated or held (trial43 finding 1: the gate and the coverage
/// counted accepted suggestions as tagged, the claims did not, so an accepted date of birth passed <c>fail-on:
/// claim</c> while the record listed it as undeclared). Detector evidence (a PAN hit) is data, not a category, and is
/// a finding whatever the column's status.</summary>
public static class ClaimEvaluator
{
    /// <summary>The check of each claim kind.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<ClaimContext, ClaimResult>> Checks =
        new Dictionary<string, Func<ClaimContext, ClaimResult>>(StringComparer.Ordinal)
        {
            [ClaimKinds.NoCardNumber] = ClaimChecks.NoCardNumber,
            [ClaimKinds.PaymentThroughGateway] = ClaimChecks.PaymentThroughGateway,
            [ClaimKinds.SharedWithOnly] = ClaimChecks.SharedWithOnly,
            [ClaimKinds.DeclaredCategoriesOnly] = ClaimChecks.DeclaredCategoriesOnly,
            [ClaimKinds.AutomaticDataLimited] = ClaimChecks.AutomaticDataLimited,
            [ClaimKinds.DeletionPath] = ClaimChecks.DeletionPath,
            [ClaimKinds.BillingNotCascadeDeleted] = ClaimChecks.BillingNotCascadeDeleted,
            [ClaimKinds.CustomerDataInProcessorScope] = ClaimChecks.CustomerDataInProcessorScope,
        };

    /// <summary>Checks every claim of the policy, in policy order.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="inventory">The inventory (not modified).</param>
    /// <param name="acceptClassificationAbove">The gate's threshold (<c>check.accept-classification-above</c>): a
    /// suggestion at or above it counts as tagged, as in coverage and <c>inventory check</c>; null (the default) to
    /// count annotations and database labels only.</param>
    /// <returns>One result per claim.</returns>
    public static IReadOnlyList<ClaimResult> EvaluateAll(PolicyDocument policy, InventoryDocument inventory, AcceptanceThresholds? acceptClassificationAbove = null) =>
        EvaluateAll(policy, inventory, Checks, acceptClassificationAbove);

    /// <summary>Checks every claim with the given checks (tests inject a failing one).</summary>
    internal static IReadOnlyList<ClaimResult> EvaluateAll(PolicyDocument policy, InventoryDocument inventory,
        IReadOnlyDictionary<string, Func<ClaimContext, ClaimResult>> checks, AcceptanceThresholds? acceptClassificationAbove = null)
    {
        // What the scan did not read is the same for every claim: read once per inventory.
        var gaps = UnreadScope.Of(inventory);
        return policy.Claims.Select(c => Evaluate(c, policy, inventory, checks, gaps, acceptClassificationAbove)).ToList();
    }

    /// <summary>Checks one claim.</summary>
    /// <param name="claim">The claim (its kind must be one of <see cref="ClaimKinds"/>).</param>
    /// <param name="policy">The policy the claim belongs to (activities and recipients).</param>
    /// <param name="inventory">The inventory (not modified).</param>
    /// <param name="acceptClassificationAbove">The gate's threshold, as for <see cref="EvaluateAll(PolicyDocument, InventoryDocument, double?)"/>.</param>
    /// <returns>The verdict with its evidence; an unknown kind, or a check that fails, gives <see cref="ClaimVerdict.Unknown"/>
    /// with the reason.</returns>
    public static ClaimResult Evaluate(PolicyClaim claim, PolicyDocument policy, InventoryDocument inventory, AcceptanceThresholds? acceptClassificationAbove = null) =>
        Evaluate(claim, policy, inventory, Checks, UnreadScope.Of(inventory), acceptClassificationAbove);

    /// <summary>The result with what the scan did not read (<see cref="UnreadScope"/>) added to its unresolved entries
    /// and its summary: a claim that held on what was read is <see cref="ClaimVerdict.Unknown"/>, since a source or table
    /// not read may hold what it denies (a PAN in the unreachable billing database); a violated claim stays violated.</summary>
    /// <param name="result">The check's result on the inventory as read.</param>
    /// <param name="gaps">What the inventory records as not read (<see cref="UnreadScope.Of"/>).</param>
    internal static ClaimResult WithUnread(ClaimResult result, IReadOnlyList<UnreadScope.Gap> gaps)
    {
        if (gaps.Count == 0) return result;
        var note = UnreadScope.Note(gaps);
        var summary = result.SummaryPhrase ?? Phrase.Verbatim(result.Summary);
        var said = result.Verdict == ClaimVerdict.Holds ? new Phrase(w => w.UnreadCannotHold(note, summary)) : new Phrase(w => w.UnreadAppended(summary, note));
        return result with
        {
            Verdict = result.Verdict == ClaimVerdict.Holds ? ClaimVerdict.Unknown : result.Verdict,
            Summary = said.English,
            SummaryPhrase = said,
            Unresolved = [.. result.Unresolved, .. gaps.Select(g => g.Finding)],
        };
    }

    /// <summary>Checks one claim, isolated as Serilog's safe aggregate sink isolates a sink: a check that throws (a bug,
    /// or an inventory it did not foresee) makes this claim <see cref="ClaimVerdict.Unknown"/> with the reason, and the
    /// other claims are still checked. The reason names the exception type only: its message could quote a value.</summary>
    internal static ClaimResult Evaluate(PolicyClaim claim, PolicyDocument policy, InventoryDocument inventory,
        IReadOnlyDictionary<string, Func<ClaimContext, ClaimResult>> checks, IReadOnlyList<UnreadScope.Gap> gaps, AcceptanceThresholds? acceptClassificationAbove = null)
    {
        if (!checks.TryGetValue(claim.Kind, out var check))
            return Said(new ClaimResult { Claim = claim, Verdict = ClaimVerdict.Unknown, Summary = "" }, new Phrase(w => w.NoCheckForKind(claim.Kind)));
        try
        {
            return WithUnread(check(new ClaimContext(claim, policy, inventory, acceptClassificationAbove)), gaps);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            var type = e.GetType().Name;
            return Said(new ClaimResult { Claim = claim, Verdict = ClaimVerdict.Unknown, Summary = "" }, new Phrase(w => w.CheckFailed(claim.Kind, type)));
        }
    }

    /// <summary>The result with its summary: <see cref="ClaimResult.SummaryPhrase"/> the phrase, <see cref="ClaimResult.Summary"/> its English.</summary>
    /// <param name="result">The result.</param>
    /// <param name="summary">The summary.</param>
    internal static ClaimResult Said(ClaimResult result, Phrase summary) => result with { Summary = summary.English, SummaryPhrase = summary };
}

/// <summary>What a scan did not read at all: a source it could not reach or a shard missing from a merge (a
/// source-level scan issue whose source the inventory does not hold), or a table it left out of the catalog (a scan issue
/// naming a table the inventory does not hold, such as a catalog read that timed out on a lock). A check sees only
/// what the inventory holds, so over such a gap "no finding" is no evidence: the claim cannot hold (trial39 finding 1:
/// the billing database was unreachable and <c>no-card-number</c> held over the 41 columns of the others).</summary>
internal static class UnreadScope
{
    /// <summary>A source or table the inventory records as not read.</summary>
    /// <param name="Source">The source's name.</param>
    /// <param name="Table">The table's qualified name, or null for the whole source.</param>
    /// <param name="Kind">The scan issue's kind (<c>connection-failed</c>, <c>shard-missing</c>, <c>timeout</c>…).</param>
    /// <param name="Message">The scan issue's message (safe by construction: never a value or a password).</param>
    internal sealed record Gap(string Source, string? Table, string Kind, string Message)
    {
        /// <summary>The gap as a claim's unresolved entry: the source as <c>source/*</c>, a table as <c>source/table</c>.</summary>
        public ClaimFinding Finding => Table is null
            ? new ClaimFinding(Source, "*", null, null, new Phrase(w => w.SourceNotScanned(Kind, ScanIssueMessage.Of(Kind, Message))))
            : new ClaimFinding(Source, Table, null, null, new Phrase(w => w.TableNotRead(Kind, ScanIssueMessage.Of(Kind, Message))));

        /// <summary>The gap in a few words for a summary, e.g. <c>billing (source not scanned: connection-failed)</c>.</summary>
        public string Label => LabelPhrase.English;

        /// <summary><see cref="Label"/> as a phrase for the record's language.</summary>
        public Phrase LabelPhrase
        {
            get
            {
                var (place, table, kind) = (Table is null ? Source : $"{Source}/{Table}", Table is not null, Kind);
                return new Phrase(w => w.NotReadLabel(place, table, kind));
            }
        }
    }

    /// <summary>Every source or table the inventory records as not read, in issue order.</summary>
    /// <param name="inventory">The inventory and its scan issues.</param>
    public static List<Gap> Of(InventoryDocument inventory)
    {
        var gaps = new List<Gap>();
        if (inventory.Issues.Count == 0) return gaps;
        // Each source's table names once, so a scan with thousands of tables and issues costs one pass over each.
        var tablesBySource = inventory.Sources.ToDictionary(s => s.Name, s => s.Tables.Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var issue in inventory.Issues)
        {
            if (!tablesBySource.TryGetValue(issue.Source, out var tables))
            {
                if (issue.Table is null) gaps.Add(new Gap(issue.Source, null, issue.Kind, issue.Message));
                continue;
            }
            if (issue.Table is { } table && issue.Column is null && !tables.Contains(table))
                gaps.Add(new Gap(issue.Source, table, issue.Kind, issue.Message));
        }
        return gaps;
    }

    /// <summary>The summary's note on what was not read, e.g. <c>1 source not scanned (billing)</c>.</summary>
    /// <param name="gaps">What <see cref="Of"/> returned (not empty).</param>
    public static Phrase Note(IReadOnlyList<Gap> gaps)
    {
        var sources = gaps.Where(g => g.Table is null).Select(g => g.Source).ToList();
        var tables = gaps.Where(g => g.Table is not null).Select(g => $"{g.Source}/{g.Table}").ToList();
        return new Phrase(w => w.UnreadNote(sources, tables));
    }
}

/// <summary>What a check sees.</summary>
/// <param name="Claim">The claim checked.</param>
/// <param name="Policy">Its policy.</param>
/// <param name="Inventory">The inventory (not modified).</param>
/// <param name="AcceptClassificationAbove">The gate's threshold: a suggestion at or above it counts as tagged
/// (<see cref="ColumnEntry.CountsAsTagged"/>); null to count annotations and database labels only.</param>
internal sealed record ClaimContext(PolicyClaim Claim, PolicyDocument Policy, InventoryDocument Inventory, AcceptanceThresholds? AcceptClassificationAbove = null)
{
    public ClaimParameters Parameters => Claim.Parameters;

    /// <summary>The column's tagged category by the gate's rule (an annotation, a database label, or a suggestion at or
    /// above <see cref="AcceptClassificationAbove"/>), or null when it is only suggested below it, or undecided.</summary>
    /// <param name="c">The column.</param>
    public string? Tagged(ColumnEntry c) => c.CountsAsTagged(AcceptClassificationAbove) ? c.DataCategory : null;

    /// <summary>True when the column counts as tagged only because its suggestion reaches the threshold (status
    /// accepted): nobody reviewed it.</summary>
    /// <param name="c">The column.</param>
    public bool Accepted(ColumnEntry c) => c.Status == ColumnStatus.Suggested && c.CountsAsTagged(AcceptClassificationAbove);

    /// <summary>What a finding about the column's category rests on, appended to its reason: "" for an annotation or a
    /// database label; for an accepted suggestion <c> (accepted suggestion: confidence 0.96 ≥ 0.9, not reviewed)</c>, so
    /// a reader of the claim sees that a classifier, not a person, decided the category.</summary>
    /// <param name="c">The column.</param>
    public Phrase Basis(ColumnEntry c)
    {
        if (!Accepted(c)) return Phrase.Verbatim("");
        var confidence = ConfidenceText.Format(c.Confidence);
        var threshold = AcceptClassificationAbove!.TextFor(c.DataCategory);
        return new Phrase(w => w.AcceptedBasis(confidence, threshold));
    }

    /// <summary>Why a column without a tagged category is undecided: <c>suggested X, not tagged (a suggestion is not a
    /// tag)</c>, with its confidence and the threshold when one is set (<c>suggested X at 0.76, below the acceptance
    /// threshold 0.9</c>), or <c>undecided column</c>.</summary>
    /// <param name="c">The column.</param>
    public Phrase Undecided(ColumnEntry c)
    {
        if (c.Status != ColumnStatus.Suggested || c.DataCategory is not { } d) return new Phrase(w => w.UndecidedColumn());
        if (AcceptClassificationAbove?.For(d) is null) return new Phrase(w => w.SuggestedNotTagged(d));
        var confidence = ConfidenceText.Format(c.Confidence);
        var threshold = AcceptClassificationAbove.TextFor(d);
        return new Phrase(w => w.SuggestedBelowThreshold(d, confidence, threshold));
    }

    /// <summary>Columns the controller's own claims examine: those of controller-scope sources (processor sources hold
    /// customers' data, never sampled), outside tables annotated with a processor activity (<see cref="IsProcessorTable"/>).</summary>
    public IEnumerable<(SourceEntry Source, TableEntry Table, ColumnEntry Column)> ControllerColumns() =>
        Inventory.AllColumns().Where(x => !IsProcessorSource(x.Source) && !IsProcessorTable(x.Table));

    /// <summary>Tables the controller's own claims examine (<see cref="ControllerColumns"/>).</summary>
    public IEnumerable<(SourceEntry Source, TableEntry Table)> ControllerTables() =>
        Inventory.AllTables().Where(x => !IsProcessorSource(x.Source) && !IsProcessorTable(x.Table));

    public static bool IsProcessorSource(SourceEntry source) => source.Role == ProcessingRole.Processor;

    /// <summary>True when the table is annotated with an activity the policy gives <c>role: processor</c>: customers' data
    /// hosted on their instruction (Art. 30(2)) in a controller source, which the controller's own claims leave out
    /// (trial35 finding 4: customers' shop orders were taken as the host's billing tables, their members' IBANs as the
    /// host's payment data). Only <c>customer-data-in-processor-scope</c> examines them.</summary>
    /// <param name="table">The table, with its annotated activity.</param>
    public bool IsProcessorTable(TableEntry table) => ProcessorActivityOf(table) is not null;

    /// <summary>The processor activity the table is annotated with, or null. A table that also serves one of the
    /// controller's own activities holds the controller's data too, so the controller's claims examine it: it has a
    /// processor activity only when every activity it names is one (the first is returned).</summary>
    /// <param name="table">The table.</param>
    public string? ProcessorActivityOf(TableEntry table) =>
        table.ActivityIds() is { Count: > 0 } ids && ids.All(id => Policy.Activity(id) is { IsProcessor: true }) ? ids[0] : null;

    /// <summary>What a controller's claim leaves out as customers' data that <paramref name="relevant"/> says the check
    /// would otherwise have examined: each table of a controller source annotated with a processor activity (naming the
    /// activity), then each processor-role source as one entry with the count of its tables (<see cref="ProcessorSources"/>).</summary>
    /// <param name="relevant">Whether the check would have looked at the table.</param>
    public List<ClaimExemption> ProcessorTables(Func<TableEntry, bool> relevant) =>
        [.. Inventory.AllTables().Where(x => !IsProcessorSource(x.Source) && IsProcessorTable(x.Table) && relevant(x.Table))
            .Select(x => ProcessorExemption(x.Source, x.Table)), .. ProcessorSources(relevant)];

    /// <summary>The processor-role sources (<c>role: processor</c> in <c>inventory.yml</c>: customers' databases hosted on
    /// their instruction, read by names and types only), which every controller's claim leaves out, as one exemption per
    /// source holding a table <paramref name="relevant"/> says the check would have examined: location <c>shop/*</c>,
    /// the reason with the count of such tables and the source's controller, counted in the summary as
    /// <c>20 of processor source 'shop'</c> (trial43 finding 6: "left out: 6 tables (6 of a processor activity)" omitted the
    /// 20 tables of the processor source, also outside the claim). A source without such a table is not named.</summary>
    /// <param name="relevant">Whether the check would have looked at the table.</param>
    public IEnumerable<ClaimExemption> ProcessorSources(Func<TableEntry, bool> relevant) =>
        Inventory.Sources.Where(IsProcessorSource).Select(s => (Source: s, Tables: s.Tables.Count(relevant))).Where(x => x.Tables > 0)
            .Select(x => new ClaimExemption(new ClaimFinding(x.Source.Name, "*", null, null,
                new Phrase(w => w.ProcessorSourceLeftOut(x.Tables, x.Source.Name, x.Source.Controller))),
                LeftOutKind.ProcessorSource, x.Tables) { ProcessorSource = x.Source.Name });

    /// <summary>The exemption of a table annotated with a processor activity.</summary>
    public ClaimExemption ProcessorExemption(SourceEntry source, TableEntry table)
    {
        var activity = ProcessorActivityOf(table);
        return new(new ClaimFinding(source.Name, table.QualifiedName, null, null, new Phrase(w => w.ProcessorActivityLeftOut(activity))), LeftOutKind.ProcessorActivity);
    }

    /// <summary>Builds the result with the verdict rule. A check that examined nothing (every table left out, or none
    /// to examine) is unknown, never a vacuous "holds" (trial35 finding 7: "holds — 0 tables" with a green badge).</summary>
    /// <param name="exempted">What the check left out and why; counted in the summary by kind.</param>
    /// <param name="nothingExamined">The summary when nothing was examined, without its "nothing examined: " lead; null
    /// when an empty examination still decides (the check then says why in <paramref name="holds"/>).</param>
    public ClaimResult Result(List<ClaimFinding> findings, List<ClaimFinding> unresolved, int examined, Phrase holds, Phrase violated, Phrase unknown,
        IReadOnlyList<string>? examinedTables = null, IReadOnlyList<ClaimExemption>? exempted = null, Phrase? nothingExamined = null)
    {
        exempted ??= [];
        bool vacuous = examined == 0 && findings.Count == 0 && unresolved.Count == 0 && nothingExamined is not null;
        var summary = findings.Count > 0 ? violated : unresolved.Count > 0 ? unknown : vacuous ? new Phrase(w => w.NothingExamined(nothingExamined!)) : holds;
        var said = WithLeftOut(summary, exempted);
        return new()
        {
            Claim = Claim,
            Verdict = findings.Count > 0 ? ClaimVerdict.Violated : unresolved.Count > 0 || vacuous ? ClaimVerdict.Unknown : ClaimVerdict.Holds,
            Summary = said.English,
            SummaryPhrase = said,
            Findings = findings,
            Unresolved = unresolved,
            Examined = examined,
            ExaminedTables = examinedTables ?? [],
            Exempted = exempted.Select(e => e.Finding).ToList(),
        };
    }

    /// <summary>How many processor-role sources a claim's summary names one by one; past it they are one item, counted,
    /// naming the first and the last (trial45: 40 customer databases made each claim's summary 2,000 characters long,
    /// the verdict buried under <c>5 of processor source 'blog-01', 5 of processor source 'blog-02', …</c>).</summary>
    internal const int ProcessorSourcesNamed = 3;

    /// <summary>The summary's note on what was left out, e.g. <c>; left out: 26 tables (6 of a processor activity, 20 of
    /// processor source 'shop')</c>, or "" when nothing was; tables are counted, an entry of a whole source by its
    /// <see cref="ClaimExemption.Tables"/>. More than <see cref="ProcessorSourcesNamed"/> processor sources are one item
    /// in the place of the first: <c>199 in 40 processor sources ('blog-01' … 'tienda-03')</c>.</summary>
    internal static Phrase LeftOut(IReadOnlyList<ClaimExemption> exempted)
    {
        if (exempted.Count == 0) return Phrase.Verbatim("");
        var sources = exempted.Where(e => e.ProcessorSource is not null).ToList();
        bool fold = sources.Count > ProcessorSourcesNamed;
        var parts = exempted.GroupBy(e => fold && e.ProcessorSource is not null ? ((LeftOutKind?)null, (string?)null) : (e.Kind, e.ProcessorSource))
            .Select(g => g.Key.Item1 is not { } kind
                ? new LeftOutPart(LeftOutKind.ProcessorSources, g.Sum(e => e.Tables), sources[0].ProcessorSource, sources[^1].ProcessorSource, sources.Count)
                : new LeftOutPart(kind, g.Sum(e => e.Tables), g.Key.Item2))
            .ToList();
        int tables = exempted.Sum(e => e.Tables);
        return new Phrase(w => w.LeftOut(tables, parts));
    }

    /// <summary>A summary followed by what was left out (<see cref="LeftOut"/>), or the summary alone when nothing was.</summary>
    /// <param name="summary">The summary.</param>
    /// <param name="exempted">What the check left out.</param>
    internal static Phrase WithLeftOut(Phrase summary, IReadOnlyList<ClaimExemption> exempted)
    {
        if (exempted.Count == 0) return summary;
        var leftOut = LeftOut(exempted);
        return new Phrase(w => w.Joined(summary, leftOut));
    }
}

/// <summary>A table a check left out, or a whole processor-role source, with why (<see cref="ClaimFinding.Reason"/>) and
/// the short kind the summary counts (<c>of a processor activity</c>, <c>in an exempt activity</c>, <c>kept as not
/// erasable</c>, <c>view</c>, <c>of processor source 'shop'</c>).</summary>
/// <param name="Finding">The table (or <c>source/*</c>) and the reason in full.</param>
/// <param name="Kind">The reason's kind in a few words.</param>
/// <param name="Tables">How many tables the entry stands for: 1 for a table, the source's relevant tables for a source.</param>
internal sealed record ClaimExemption(ClaimFinding Finding, LeftOutKind Kind, int Tables = 1)
{
    /// <summary>The processor-role source this entry stands for as a whole (<c>shop/*</c>), or null for a table.</summary>
    public string? ProcessorSource { get; init; }
}
