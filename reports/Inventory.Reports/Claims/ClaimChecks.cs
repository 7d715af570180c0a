using Inventory.Annotations;
using Inventory.Classification;
using System.Globalization;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports.Language;
using Inventory.Rules.Policy;

namespace Inventory.Reports.Claims;

/// <summary>The checks, one per claim kind.</summary>
internal static class ClaimChecks
{
    private static readonly TypeFamily[] PanCapable =
        [TypeFamily.Text, TypeFamily.Integer, TypeFamily.Decimal, TypeFamily.Untyped, TypeFamily.Other, TypeFamily.Document];

    private static bool Covered(IEnumerable<string> declared, string category) => declared.Any(d => DataCategoryVocabulary.Covers(d, category));

    private static NotSampledReason? NotSampled(TableEntry table, ColumnEntry column) => column.NotSampled ?? table.NotSampled;

    private static Phrase NotSampledText(NotSampledReason reason)
    {
        var id = System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(reason.ToString());
        return new Phrase(w => w.NotSampled(id));
    }

    /// <summary>True for an untagged key column, which cannot bear on a claim about categories: a surrogate or foreign
    /// key is not personal data on its own (LABELS.md: <c>id</c>, <c>user_id</c> are <c>none</c>). A key column is an
    /// integer or UUID column that belongs to the table's primary key or to one of its foreign keys, or an integer column
    /// named <c>id</c>, <c>…_id</c> or <c>…Id</c> (keys of databases that declare no constraints), whose classification
    /// suggests nothing personal (a key the classifier suggests as, e.g., a tracking id still counts).</summary>
    /// <param name="ctx">The claim's context (the gate's threshold decides what is tagged).</param>
    /// <param name="t">The column's table.</param>
    /// <param name="c">The column.</param>
    internal static bool IsUntaggedKey(ClaimContext ctx, TableEntry t, ColumnEntry c)
    {
        if (ctx.Tagged(c) is not null || DataCategoryVocabulary.IsPersonal(c.DataCategory)) return false;
        if (c.TypeFamily is not (TypeFamily.Integer or TypeFamily.Uuid)) return false;
        bool declared = t.PrimaryKey.Contains(c.Name, StringComparer.Ordinal)
                        || t.ForeignKeys.Any(fk => fk.Columns.Contains(c.Name, StringComparer.Ordinal));
        return declared || (c.TypeFamily == TypeFamily.Integer && KeyName(c.Name));
    }

    /// <summary><c>id</c>, <c>…_id</c> (any case) or a camel-case <c>…Id</c>/<c>…ID</c> after a lower-case letter (<c>AlbumId</c>).</summary>
    private static bool KeyName(string name) =>
        name.Equals("id", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("_id", StringComparison.OrdinalIgnoreCase)
        || (name.Length > 2 && (name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("ID", StringComparison.Ordinal)) && char.IsLower(name[^3]));

    private static ClaimFinding Finding(SourceEntry s, TableEntry t, ColumnEntry? c, Phrase reason) =>
        new(s.Name, t.QualifiedName, c?.Name, c?.DataCategory, reason);

    /// <summary>no-card-number: a column whose detector evidence shows Luhn-valid PANs (or free text that contains them)
    /// violates; a card or undecided column that was not sampled (other than for having no rows) is unresolved. Last 4, expiry, brand and gateway ids
    /// carry no PAN detector hit and pass.</summary>
    public static ClaimResult NoCardNumber(ClaimContext ctx)
    {
        var detectors = ctx.Parameters.Strings("detectors", "detector.payment-card");
        var findings = new List<ClaimFinding>();
        var unresolved = new List<ClaimFinding>();
        int examined = 0;
        foreach (var (s, t, c) in ctx.ControllerColumns())
        {
            examined++;
            var hit = c.Classification?.Evidence.FirstOrDefault(e => detectors.Contains(e.Id, StringComparer.Ordinal) && e.Matched is > 0);
            if (hit is not null)
            {
                var hits = CardHits(c.Classification!, hit);
                findings.Add(Finding(s, t, c, new Phrase(w => w.CardNumbersStored(hits))));
                continue;
            }
            if (c.Classification?.AlsoContains.Contains("financial.payment_card", StringComparer.Ordinal) == true)
            {
                findings.Add(Finding(s, t, c, ContainedCards(c.Classification)));
                continue;
            }
            // A table with no rows stores no card number (trial 17: an empty archive table made the claim unknown).
            if (NotSampled(t, c) is { } reason && reason != NotSampledReason.Empty && PanCapable.Contains(c.TypeFamily) && !IsUntaggedKey(ctx, t, c)
                && (ctx.Tagged(c) is not { } tagged || DataCategoryVocabulary.Covers("financial.payment_card", tagged) || tagged == "financial"))
            {
                var notSampled = NotSampledText(reason);
                unresolved.Add(Finding(s, t, c, new Phrase(w => w.CardNumberNotRuledOut(notSampled))));
            }
        }
        var basis = SampleBasis(ctx.ControllerTables().Select(x => x.Table));
        return ctx.Result(findings, unresolved, examined,
            holds: new Phrase(w => w.NoCardNumberHolds(examined, basis)),
            violated: new Phrase(w => w.NoCardNumberViolated(findings.Count)),
            unknown: new Phrase(w => w.NoCardNumberUnknown(unresolved.Count)),
            exempted: ctx.ProcessorTables(_ => true), nothingExamined: new Phrase(w => w.NoControllerColumn()));
    }

    /// <summary>What a verdict read from sampled values rests on, without a value: <c>in 1500 sampled rows of 12 tables (5
    /// read whole)</c> (trial43 finding 8: "holds — 215 columns checked; no PAN detector hit" read as a census, while each
    /// table was sampled: 20 card numbers in 20,000 rows were caught, 2 would likely not be). A table is read whole when
    /// its sample method says so (<c>full (small table)</c>: the connector read every row, its row estimate being within
    /// the sample size) or it has no rows; the others were sampled.</summary>
    /// <param name="tables">The tables whose columns the check examined.</param>
    internal static Phrase SampleBasis(IEnumerable<TableEntry> tables)
    {
        int count = 0, whole = 0;
        long rows = 0;
        foreach (var t in tables)
        {
            count++;
            rows += t.SampledRows;
            if (t.NotSampled == NotSampledReason.Empty || t.SampleMethod?.StartsWith("full", StringComparison.Ordinal) == true) whole++;
        }
        return new Phrase(w => w.SampleBasis(rows, count, whole));
    }

    /// <summary>What a PAN detector hit counted, for an inspector who sees no value: <c>detector.payment-card matched 120
    /// of 120 sampled values (100.0%)</c>; in a JSON document column the hits are values at a path of the documents read,
    /// so the path (or that it recurs in too few documents to be named) and the documents read are said instead of
    /// "sampled values" (trial43 finding 5: "3 of 3 sampled values" were 3 values at one path of 50 documents read of 300
    /// sampled).</summary>
    /// <param name="classification">The column's classification.</param>
    /// <param name="hit">Its PAN detector evidence item.</param>
    private static Phrase CardHits(ColumnClassification classification, EvidenceItem hit)
    {
        var (id, matched, total) = (hit.Id, (long)hit.Matched!.Value, (long?)hit.Total);
        if (classification.JsonPaths is not { } paths) return new Phrase(w => w.CardHits(id, matched, total));
        var named = paths.Named.Where(p => p.Id == hit.Id).Select(p => p.Path).ToList();
        var (read, sampled) = classification.Evidence.FirstOrDefault(e => e.Id == "sample.documents-read") is { Matched: { } r, Total: { } of }
            ? ((long?)r, (long?)of) : (null, null);
        return new Phrase(w => w.CardHitsInJson(id, matched, total, named, read, sampled));
    }

    /// <summary>The finding of a column in whose text the scan found card numbers (<c>alsoContains</c>), with its count:
    /// <c>32 of 300 sampled values contain a payment card number inside their text (10.7%)</c> (trial43 finding 4: the
    /// finding said "values contain payment card numbers" without how many).</summary>
    /// <param name="classification">The column's classification.</param>
    private static Phrase ContainedCards(ColumnClassification classification) =>
        classification.Evidence.FirstOrDefault(e => e.Id == "contains.financial.payment_card") is { Matched: { } matched, Total: > 0 and var total }
            ? new Phrase(w => w.ContainedCards(matched, total))
            : new Phrase(w => w.ContainedCardsUncounted());

    /// <summary>payment-through-gateway: a column whose sampled values hold full card numbers (the PAN detector evidence
    /// <see cref="NoCardNumber"/> reads, parameter <c>detectors</c>, default <c>detector.payment-card</c>) is a finding in
    /// any controller table, whatever it is tagged: a PAN stored by us is card data not handled only through the gateway;
    /// a column tagged with a forbidden category (e.g. bank details) is a finding in any
    /// controller table, whether or not <c>payment-categories</c> lists that category; payment data shared with any
    /// recipient but the gateway is a finding (<see cref="Recipients"/>: a table's <c>shared-with</c> makes one finding for
    /// the table, a payment column's own <c>shared-with</c> one for that column); a column only suggested as a forbidden category, and
    /// undecided columns in payment tables, are unresolved. The paths of a JSON column count like columns: a path annotated
    /// with a forbidden category is a finding naming the path, and one annotated with a payment category makes its table hold
    /// payment data (<see cref="TaggedPaths"/>). A table whose payment categories are only suggested is examined as well: its
    /// undecided columns are unresolved, as in a table with tagged payment data, so a suggestion never makes the claim hold.
    /// When no table holds or is suggested any of these categories the claim holds, and its summary
    /// says that nothing carried them (a category list that matches nothing is visible, not a silent pass).</summary>
    public static ClaimResult PaymentThroughGateway(ClaimContext ctx)
    {
        var gateway = ctx.Parameters.String("gateway")!;
        var payment = ctx.Parameters.Strings("payment-categories");
        var forbidden = ctx.Parameters.Strings("forbidden-categories");
        var panDetectors = ctx.Parameters.Strings("detectors", "detector.payment-card");
        var findings = new List<ClaimFinding>();
        var unresolved = new List<ClaimFinding>();
        int examined = 0, cardFindings = 0;
        foreach (var (s, t) in ctx.ControllerTables())
        {
            var paymentColumns = t.Columns.Where(c => ctx.Tagged(c) is { } d && Covered(payment, d)).ToList();
            var forbiddenColumns = t.Columns.Where(c => ctx.Tagged(c) is { } d && Covered(forbidden, d)).ToList();
            var paymentPaths = t.Columns.SelectMany(c => TaggedPaths(c).Where(p => p.Category != ctx.Tagged(c) && Covered(payment, p.Category)).Select(p => (Column: c, p.Path, p.Category))).ToList();
            var forbiddenPaths = t.Columns.SelectMany(c => TaggedPaths(c).Where(p => p.Category != ctx.Tagged(c) && Covered(forbidden, p.Category)).Select(p => (Column: c, p.Path, p.Category))).ToList();
            bool SuggestedAs(ColumnEntry c, IReadOnlyList<string> categories) =>
                ctx.Tagged(c) is null && c.DataCategory is { } d && Covered(categories, d);
            // Who receives a column: its table's shared-with and its own entry's (Recipients; trial 27 kept the column's
            // own, which this claim did not read: a card column shared on its own with an analytics tool passed).
            List<RecipientShare> BeyondGateway(ColumnEntry c) => Recipients.Of(t, c).Where(r => r.Recipient != gateway).ToList();
            // A suggestion decides nothing: it is unresolved where it would make a finding (a forbidden category, or
            // payment data shared beyond the gateway).
            var suggested = t.Columns.Where(c => SuggestedAs(c, forbidden) || (SuggestedAs(c, payment) && BeyondGateway(c).Count > 0)).ToList();
            // Full card numbers in our own table are payment data not handled only through the gateway, whatever the
            // column is tagged (trial46: the claim held beside "card numbers stored: violated" for a legacy gateway's export).
            var cardNumbers = t.Columns.Select(c => (Column: c, Hit: c.Classification?.Evidence.FirstOrDefault(e => panDetectors.Contains(e.Id, StringComparer.Ordinal) && e.Matched is > 0)))
                .Where(x => x.Hit is not null).ToList();
            if (paymentColumns.Count == 0 && forbiddenColumns.Count == 0 && paymentPaths.Count == 0 && forbiddenPaths.Count == 0 && cardNumbers.Count == 0
                && !t.Columns.Any(c => SuggestedAs(c, payment) || SuggestedAs(c, forbidden)))
                continue;
            examined++;
            foreach (var (c, hit) in cardNumbers)
            {
                var hits = CardHits(c.Classification!, hit!);
                findings.Add(Finding(s, t, c, new Phrase(w => w.FullCardNumbersStored(hits, gateway))));
            }
            cardFindings += cardNumbers.Count;
            suggested.RemoveAll(c => cardNumbers.Any(x => ReferenceEquals(x.Column, c)));
            foreach (var c in suggested)
            {
                var undecided = ctx.Undecided(c);
                unresolved.Add(Finding(s, t, c, new Phrase(w => w.PaymentNotConfirmed(undecided))));
            }
            foreach (var c in forbiddenColumns)
            {
                var (category, basis) = (c.DataCategory!, ctx.Basis(c));
                findings.Add(Finding(s, t, c, new Phrase(w => w.ForbiddenStored(category, gateway, basis))));
            }
            foreach (var (c, path, category) in forbiddenPaths)
                findings.Add(new ClaimFinding(s.Name, t.QualifiedName, c.Name, category, new Phrase(w => w.ForbiddenStoredAtPath(path, category, gateway))));
            bool taggedPayment = paymentColumns.Count > 0 || paymentPaths.Count > 0;
            if (!taggedPayment && !t.Columns.Any(c => SuggestedAs(c, payment)))
                continue;
            // The table's recipients once for the table; a payment column's own recipients on that column.
            var paymentHolders = paymentColumns.Concat(paymentPaths.Select(p => p.Column)).Distinct().ToList();
            foreach (var other in paymentHolders.SelectMany(BeyondGateway).Where(r => r.Scope == ShareScope.Table).Select(r => r.Recipient).Distinct(StringComparer.Ordinal))
                findings.Add(Finding(s, t, null, new Phrase(w => w.PaymentTableShared(other, gateway))));
            foreach (var c in paymentHolders)
                foreach (var other in BeyondGateway(c).Where(r => r.Scope == ShareScope.Column))
                {
                    var category = PaymentCategoryOf(ctx, c, payment);
                    findings.Add(Finding(s, t, c, new Phrase(w => w.PaymentColumnShared(category, other.Recipient, gateway))));
                }
            // A table whose payment data is only suggested is undecided like one whose payment data is tagged (trial 30:
            // with nothing annotated the claim held on "1 table holds payment data", and tagging its card column turned it
            // unknown): its undecided columns, the suggested payment columns among them, are listed.
            foreach (var c in t.Columns.Where(c => ctx.Tagged(c) is null && !IsUntaggedKey(ctx, t, c) && !suggested.Contains(c) && !cardNumbers.Any(x => ReferenceEquals(x.Column, c))))
            {
                var undecided = ctx.Undecided(c);
                unresolved.Add(Finding(s, t, c, new Phrase(w => w.UndecidedInPaymentTable(undecided, taggedPayment))));
            }
        }
        return ctx.Result(findings, unresolved, examined,
            holds: examined == 0
                ? new Phrase(w => w.PaymentNothingTagged(payment.Union(forbidden, StringComparer.Ordinal).ToList(), gateway))
                : new Phrase(w => w.PaymentHolds(examined, forbidden, gateway)),
            violated: new Phrase(w => w.PaymentViolated(findings.Count, cardFindings, forbidden, gateway)),
            unknown: new Phrase(w => w.PaymentUnknown(unresolved.Count, forbidden)),
            exempted: ctx.ProcessorTables(t => t.Columns.Any(c => c.DataCategory is { } d && (Covered(payment, d) || Covered(forbidden, d)))
                || t.Columns.Any(c => TaggedPaths(c).Any(p => Covered(payment, p.Category) || Covered(forbidden, p.Category)))),
            nothingExamined: ctx.ControllerTables().Any() ? null : new Phrase(w => w.NoControllerTableForPayment()));
    }

    /// <summary>The payment category a column holds: its tagged category when it is one, else the first payment category
    /// a path annotation of it gives.</summary>
    /// <param name="ctx">The claim's context (what counts as tagged).</param>
    /// <param name="c">The column.</param>
    /// <param name="payment">The claim's payment categories.</param>
    private static string PaymentCategoryOf(ClaimContext ctx, ColumnEntry c, IReadOnlyList<string> payment) =>
        ctx.Tagged(c) is { } d && Covered(payment, d) ? d : TaggedPaths(c).First(p => Covered(payment, p.Category)).Category;

    /// <summary>shared-with-only: every column of a table annotated <c>shared-with: RECIPIENT</c> must hold an allowed
    /// category; no annotated table at all is unresolved (nothing proves what is sent).</summary>
    public static ClaimResult SharedWithOnly(ClaimContext ctx)
    {
        var recipient = ctx.Parameters.String("recipient")!;
        var allowed = ctx.Parameters.Strings("allowed-categories");
        var findings = new List<ClaimFinding>();
        var unresolved = new List<ClaimFinding>();
        int tables = 0, examined = 0;
        // A table's shared-with covers all its columns; a column entry's own shared-with covers that column (Recipients).
        var exempted = ctx.ProcessorTables(t => t.Columns.Any(c => Recipients.Include(t, c, recipient)));
        foreach (var (s, t) in ctx.ControllerTables().Where(x => x.Table.Columns.Any(c => Recipients.Include(x.Table, c, recipient))))
        {
            tables++;
            foreach (var c in t.Columns.Where(c => Recipients.Include(t, c, recipient)))
            {
                examined++;
                if (ctx.Tagged(c) is null && IsUntaggedKey(ctx, t, c) && Covered(allowed, "none")) continue;
                if (ctx.Tagged(c) is null)
                {
                    var undecided = ctx.Undecided(c);
                    unresolved.Add(Finding(s, t, c, new Phrase(w => w.UndecidedInSharedTable(undecided, recipient))));
                }
                else if (!Covered(allowed, c.DataCategory!))
                {
                    var (category, basis) = (c.DataCategory!, ctx.Basis(c));
                    findings.Add(Finding(s, t, c, new Phrase(w => w.SharedBeyondAllowed(category, recipient, allowed, basis))));
                }
            }
        }
        if (tables == 0)
            return ClaimEvaluator.Said(new ClaimResult
            {
                Claim = ctx.Claim, Verdict = ClaimVerdict.Unknown, Summary = "",
                Exempted = exempted.Select(e => e.Finding).ToList(),
            }, ClaimContext.WithLeftOut(new Phrase(w => w.NoTableSharedWith(recipient)), exempted));
        return ctx.Result(findings, unresolved, examined,
            // "only contact.email, none" read as "none may be shared" (trial 25): the list is named as categories.
            holds: new Phrase(w => w.SharedWithHolds(tables, recipient, examined, allowed)),
            violated: new Phrase(w => w.SharedWithViolated(findings.Count, recipient, allowed)),
            unknown: new Phrase(w => w.SharedWithUnknown(unresolved.Count, recipient)),
            exempted: exempted);
    }

    /// <summary>declared-categories-only: every personal column of a controller source must hold a category some activity
    /// declares, and so must every personal category a path annotation of a JSON column gives (<see cref="TaggedPaths"/>;
    /// the finding names the path) and every personal category the scan found inside a tagged personal column's content
    /// (<see cref="EmbeddedCategories"/>: an e-mail address inside a support message; not in a table of a processor
    /// activity, whose content is the customers' data). A category an activity declares is never a finding. The <c>undeclared</c> categories (default
    /// <c>other_personal</c>: credentials, health, national id, …) need an explicit declaration: an activity must name the
    /// listed category or a narrower one that covers the column (a declared <c>other_personal.health</c> or
    /// <c>other_personal</c> covers an <c>other_personal.health</c> column); a broader declaration does not (with
    /// <c>undeclared: [other_personal.health]</c>, a declared bare <c>other_personal</c> does not cover it). Undecided
    /// columns are unresolved.</summary>
    public static ClaimResult DeclaredCategoriesOnly(ClaimContext ctx)
    {
        var undeclared = ctx.Parameters.Strings("undeclared", "other_personal");
        var findings = new List<ClaimFinding>();
        var unresolved = new List<ClaimFinding>();
        int examined = 0, keys = 0;
        foreach (var (s, t, c) in ctx.ControllerColumns())
        {
            examined++;
            if (IsUntaggedKey(ctx, t, c)) { keys++; continue; }
            var category = ctx.Tagged(c);
            foreach (var (path, pathCategory) in TaggedPaths(c).Where(p => p.Category != category && DataCategoryVocabulary.IsPersonal(p.Category)))
                if (UndeclaredFinding(ctx.Policy, undeclared, pathCategory, t.ActivityIds()) is { } pathReason)
                    findings.Add(new ClaimFinding(s.Name, t.QualifiedName, c.Name, pathCategory, new Phrase(w => w.AtPath(path, pathReason))));
            if (category is null)
            {
                var undecided = ctx.Undecided(c);
                unresolved.Add(Finding(s, t, c, new Phrase(w => w.CategoryUnknown(undecided))));
                continue;
            }
            if (!DataCategoryVocabulary.IsPersonal(category)) continue;
            if (UndeclaredFinding(ctx.Policy, undeclared, category, t.ActivityIds()) is { } reason)
            {
                var basis = ctx.Basis(c);
                findings.Add(Finding(s, t, c, new Phrase(w => w.WithBasis(reason, basis))));
            }
            // Personal data found inside the column's content (e-mails and phones in support messages) is data the
            // controller processes too (trial34 finding 7f): each embedded category must be declared as a column's
            // would. Content hosted for customers (a table of processor activities only) is theirs to declare.
            if (ctx.IsProcessorTable(t)) continue;
            foreach (var embedded in EmbeddedCategories(c))
                if (UndeclaredFinding(ctx.Policy, undeclared, embedded, t.ActivityIds()) is { } embeddedReason)
                    findings.Add(new ClaimFinding(s.Name, t.QualifiedName, c.Name, embedded, new Phrase(w => w.FoundInsideContent(embeddedReason))));
        }
        return ctx.Result(findings, unresolved, examined,
            holds: new Phrase(w => w.DeclaredHolds(examined, keys)),
            violated: new Phrase(w => w.DeclaredViolated(findings.Count)),
            unknown: new Phrase(w => w.DeclaredUnknown(unresolved.Count, keys)),
            exempted: ctx.ProcessorTables(_ => true), nothingExamined: new Phrase(w => w.NoControllerColumn()));
    }

    /// <summary>The personal data categories found inside a column's content (<see cref="DataCategoryVocabulary.FoundInside"/>).</summary>
    /// <param name="c">The column.</param>
    internal static IReadOnlyList<string> EmbeddedCategories(ColumnEntry c) => DataCategoryVocabulary.FoundInside(c);

    /// <summary>The paths of a JSON column tagged by a path annotation, with their categories, first path in ordinal
    /// order per category; empty for any other column. A column of JSON documents carries one category, so the
    /// categories at its other paths (an e-mail and a card inside a payment payload) are read here.</summary>
    internal static IEnumerable<(string Path, string Category)> TaggedPaths(ColumnEntry c) =>
        (c.Paths ?? []).Where(p => p.Origin == Origin.Annotation && p.DataCategory is not null)
            .GroupBy(p => p.DataCategory!, StringComparer.Ordinal)
            .Select(g => (Path: g.Select(p => p.Path).Order(StringComparer.Ordinal).First(), Category: g.Key))
            .OrderBy(x => x.Category, StringComparer.Ordinal);

    /// <summary>Why a personal category is undeclared under declared-categories-only, or null when a controller activity
    /// declares it (a processor activity's declarations cover the customers' data it hosts, not the controller's own).</summary>
    /// <param name="policy">The policy whose activities declare categories.</param>
    /// <param name="explicitOnly">The claim's <c>undeclared</c> categories: they need an explicit declaration.</param>
    /// <param name="category">The column's tagged personal category.</param>
    /// <param name="tableActivities">The activities the column's table is annotated with (none: null or empty): a
    /// processor activity among them declares the categories of its own tables (customers' data hosted in a controller
    /// source).</param>
    internal static Phrase? UndeclaredFinding(PolicyDocument policy, IReadOnlyList<string> explicitOnly, string category, IReadOnlyList<string>? tableActivities = null)
    {
        // The most specific `undeclared` entry that covers the category sets how broad a declaration may be.
        var entry = explicitOnly.Where(u => DataCategoryVocabulary.Covers(u, category)).OrderByDescending(u => u.Length).FirstOrDefault();
        // Only the controller's own activities declare what it collects: a processor activity (customers' data hosted on
        // their instruction, Art. 30(2)) declaring customer_content does not cover the controller's support messages
        // (trial34 finding 5).
        var declaring = policy.Activities.Where(a => !a.IsProcessor || (tableActivities ?? []).Contains(a.Id, StringComparer.Ordinal))
            .SelectMany(a => a.DataCategories.Where(d => DataCategoryVocabulary.Covers(d, category)).Select(d => (Activity: a.Id, Declared: d)))
            .ToList();
        if (declaring.Count == 0)
        {
            var processors = policy.Activities.Where(a => a.IsProcessor && a.DataCategories.Any(d => DataCategoryVocabulary.Covers(d, category)))
                .Select(a => a.Id).ToList();
            return processors.Count == 0
                ? new Phrase(w => w.DeclaredByNoActivity(category))
                : new Phrase(w => w.DeclaredOnlyByProcessors(category, processors));
        }
        if (entry is null || declaring.Any(x => DataCategoryVocabulary.Covers(entry, x.Declared))) return null;
        var broad = declaring[0];
        return new Phrase(w => w.CoveredOnlyByBroader(category, broad.Declared, broad.Activity, entry));
    }

    /// <summary>automatic-data-limited: columns of the automatic category must hold an allowed subcategory; a bare
    /// category or an undecided column is unresolved. A path of a JSON column annotated with an automatic category is
    /// checked the same way, and its finding names the path (<see cref="TaggedPaths"/>).</summary>
    public static ClaimResult AutomaticDataLimited(ClaimContext ctx)
    {
        var category = ctx.Parameters.String("category", "automatic")!;
        var allowed = ctx.Parameters.Strings("allowed-categories");
        var findings = new List<ClaimFinding>();
        var unresolved = new List<ClaimFinding>();
        int examined = 0, keys = 0;
        foreach (var (s, t, c) in ctx.ControllerColumns())
        {
            examined++;
            if (IsUntaggedKey(ctx, t, c)) { keys++; continue; }
            foreach (var (path, pathCategory) in TaggedPaths(c).Where(p => p.Category != ctx.Tagged(c) && DataCategoryVocabulary.Covers(category, p.Category) && !Covered(allowed, p.Category)))
                if (pathCategory == category) unresolved.Add(new ClaimFinding(s.Name, t.QualifiedName, c.Name, pathCategory, new Phrase(w => w.AtPath(path, new Phrase(v => v.WithoutSubcategory(category))))));
                else findings.Add(new ClaimFinding(s.Name, t.QualifiedName, c.Name, pathCategory, new Phrase(w => w.AtPath(path, new Phrase(v => v.AutomaticCollected(pathCategory, allowed, Phrase.Verbatim("")))))));
            if (ctx.Tagged(c) is not { } tagged)
            {
                var undecided = ctx.Undecided(c);
                unresolved.Add(Finding(s, t, c, new Phrase(w => w.MayHoldAutomatic(undecided))));
                continue;
            }
            if (!DataCategoryVocabulary.Covers(category, tagged) || Covered(allowed, tagged)) continue;
            if (tagged == category) unresolved.Add(Finding(s, t, c, new Phrase(w => w.WithoutSubcategory(category))));
            else
            {
                var (collected, basis) = (c.DataCategory!, ctx.Basis(c));
                findings.Add(Finding(s, t, c, new Phrase(w => w.AutomaticCollected(collected, allowed, basis))));
            }
        }
        return ctx.Result(findings, unresolved, examined,
            holds: new Phrase(w => w.AutomaticHolds(examined, allowed, keys)),
            violated: new Phrase(w => w.AutomaticViolated(findings.Count)),
            unknown: new Phrase(w => w.AutomaticUnknown(unresolved.Count, keys)),
            exempted: ctx.ProcessorTables(_ => true), nothingExamined: new Phrase(w => w.NoControllerColumn()));
    }

    /// <summary>The activities of a table that keep every personal category tagged in it under a retention rule the policy
    /// marks not erasable on request (<see cref="RetentionRule.Erasable"/> false), so account deletion is not promised
    /// for it; empty when none does. A table serving several activities is kept when one of them keeps it: an obligation
    /// to keep the data (Art. 17(3)(b)) outlasts the other activities' use of it.</summary>
    /// <param name="ctx">The claim's context (the policy).</param>
    /// <param name="table">The table, with its activities.</param>
    /// <param name="counts">Whether a category counts as the table's personal data for the claim.</param>
    private static List<string> KeptByRetention(ClaimContext ctx, TableEntry table, Func<string?, bool> counts)
    {
        var categories = TaggedCategories(ctx, table, counts);
        if (categories.Count == 0) return [];
        return table.ActivityIds().Where(id => ctx.Policy.Activity(id) is { } activity && categories.All(c => activity.RetentionFor(c) is { Erasable: false })).ToList();
    }

    /// <summary>The personal categories tagged in a table, its columns' and their annotated JSON paths' (<see
    /// cref="TaggedPaths"/>), in ordinal order: a payload column tagged <c>financial.billing</c> whose annotation tags
    /// <c>$.customer.email</c> as <c>contact.email</c> holds both (trial38 finding 2: such a table was left out of
    /// deletion-path as "not erasable" on its column's billing category alone, the customer's e-mail unseen).</summary>
    /// <param name="ctx">The claim's context (what counts as tagged).</param>
    /// <param name="table">The table.</param>
    /// <param name="counts">Whether a category counts as personal data for the claim.</param>
    private static List<string> TaggedCategories(ClaimContext ctx, TableEntry table, Func<string?, bool> counts) =>
        table.Columns.Select(ctx.Tagged).Concat(table.Columns.SelectMany(c => TaggedPaths(c).Select(p => p.Category)))
            .Where(counts).Select(c => c!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>deletion-path: every controller table with personal data (outside exempt activities) is a root, carries a
    /// deletion-marker column, or is deleted with a root through foreign keys that are all ON DELETE CASCADE. ON DELETE
    /// SET NULL cuts the row's link to the account and keeps the row (trial 26 finding 4): a table reached from a root
    /// only through a SET NULL key (its own, or one of a table it cascades from) is a finding when it holds tagged personal
    /// columns, named with that key, and unresolved when its only personal data is customer content in which the scan
    /// found personal data (<c>alsoContains</c>: a phone number in a support message); content in which nothing personal
    /// was found is unlinked, not kept, unless the scan could not read it (binary files: unresolved) or it is kept with a
    /// table that is itself reported (a table cascading from a table kept by SET NULL is kept with it: its entry names the
    /// whole chain, trial 27's ticket attachments). A table whose database keeps its rows' earlier versions (MariaDB system
    /// versioning, SQL Server temporal tables: <see cref="TableEntry.History"/>) is a finding when it holds tagged personal
    /// columns, whatever its keys: a DELETE leaves the rows in the history. Customer content counts as personal data of the table unless the table belongs to
    /// a processor activity (customer-owned data, erased on the customer's instruction, not with our account). A source
    /// without a root table is unresolved. A plain view stores no rows and is not examined; a materialized view keeps its
    /// rows until its next refresh and is unresolved with that reason; a table whose every tagged personal category its
    /// activity keeps under a retention rule marked not erasable (<c>erasable: false</c>: service logs, accounting) is
    /// not examined (trial34 findings 3 and 4).</summary>
    public static ClaimResult DeletionPath(ClaimContext ctx)
    {
        var roots = ctx.Parameters.Strings("roots");
        var markers = ctx.Parameters.Strings("markers", "deleted_at", "anonymized_at");
        var exempt = ctx.Parameters.Strings("exempt-activities");
        var findings = new List<ClaimFinding>();
        var unresolved = new List<ClaimFinding>();
        // Why each table is undecided, in the summary's words (trial 30: the summary listed every possible reason whatever
        // applied, and left out unread delete rules).
        const DeletionUndecided OnlySuggested = DeletionUndecided.OnlySuggested, KeptContent = DeletionUndecided.KeptContent;
        var reasons = new List<DeletionUndecided>();
        void AddUndecided(ClaimFinding finding, DeletionUndecided reason)
        {
            unresolved.Add(finding);
            reasons.Add(reason);
        }
        int examined = 0;
        var examinedTables = new List<string>();
        // What the claim leaves out, each with why (trial35 finding 7: access_logs was exempt without a word).
        var exempted = new List<ClaimExemption>();
        foreach (var source in ctx.Inventory.Sources.Where(s => !ClaimContext.IsProcessorSource(s)))
        {
            var byName = source.Tables.ToDictionary(t => t.QualifiedName, StringComparer.Ordinal);
            var rootSet = AccountTables(ctx, source, roots);
            var erased = DeletedWith(ctx, source, roots);
            // Content kept with another table in which the scan found nothing: undecided when that table is itself
            // reported (its rows identify the person, so the content attached to them may too), decided after the loop.
            var keptWithContent = new List<(TableEntry Table, SetNullKeep Keep)>();
            foreach (var t in source.Tables)
            {
                static bool Counts(string? category) => DataCategoryVocabulary.IsPersonal(category);
                bool personal = t.Columns.Any(c => Counts(ctx.Tagged(c)));
                bool suggestedPersonal = !personal && t.Columns.Any(c => ctx.Tagged(c) is null && Counts(c.DataCategory));
                if (!personal && !suggestedPersonal) continue;
                // Customers' data hosted on their instruction is erased on the customer's instruction, not with our
                // account (Art. 28(3)(g)): a table of a processor activity is left out, and said so (trial35 finding 4).
                if (ctx.IsProcessorTable(t))
                {
                    exempted.Add(ctx.ProcessorExemption(source, t));
                    continue;
                }
                // A table serving an exempt activity among others is kept for that one (its rows stay after the account).
                if (t.ActivityIds().FirstOrDefault(id => exempt.Contains(id, StringComparer.Ordinal)) is { } a)
                {
                    exempted.Add(new(Finding(source, t, null, new Phrase(w => w.ExemptActivity(a))), LeftOutKind.ExemptActivity));
                    continue;
                }
                // A plain view stores no rows: deleting the account's rows from its base tables removes them from it
                // (trial34 finding 3: a view over users was reported as having no deletion path).
                if (t.Kind == TableKind.View)
                {
                    exempted.Add(new(Finding(source, t, null, new Phrase(w => w.ViewStoresNoRows())), LeftOutKind.View));
                    continue;
                }
                // Data the policy itself keeps for a declared period and says cannot be erased on request (its activity's
                // retention rules, erasable: false, for every personal category tagged here: service logs, accounting) is
                // not promised to go with the account (trial34 finding 4: the built-in policy's logs were declared not
                // erasable and flagged for not being erasable).
                if (personal && KeptByRetention(ctx, t, Counts) is { Count: > 0 } keeping)
                {
                    var kept = TaggedCategories(ctx, t, Counts);
                    exempted.Add(new(Finding(source, t, null, new Phrase(w => w.KeptNotErasable(keeping, kept))), LeftOutKind.NotErasable));
                    continue;
                }
                // A SQL Server history table goes with its versioned table's entry when the inventory holds that table.
                if (t.History is { VersionsOf: { } versioned } && byName.ContainsKey(versioned)) continue;
                examined++;
                examinedTables.Add($"{source.Name}/{t.QualifiedName}");
                // The database keeps every row's earlier versions (system versioning): deleting the account's rows, even
                // from the root or with a marker, leaves them in the history until the engine's own purge runs.
                if (t.History is { } history)
                {
                    var name = t.QualifiedName;
                    if (personal)
                        findings.Add(Finding(source, t, null, new Phrase(w => w.RowHistoryKept(history, name))));
                    else
                        AddUndecided(Finding(source, t, null, new Phrase(w => w.RowHistoryOnlySuggested(history))), OnlySuggested);
                    continue;
                }
                // A materialized view keeps a copy of its query's rows until it is refreshed: whatever the base tables'
                // deletion paths, an erased account's rows stay in it until the next REFRESH, which the catalog cannot see.
                if (t.Kind == TableKind.MaterializedView)
                {
                    var name = t.QualifiedName;
                    AddUndecided(Finding(source, t, null, new Phrase(w => w.MaterializedViewKept(name))), DeletionUndecided.MaterializedView);
                    continue;
                }
                if (rootSet.Contains(t.QualifiedName)) continue;
                if (t.Columns.Any(c => markers.Contains(c.Name, StringComparer.OrdinalIgnoreCase))) continue;
                if (rootSet.Count == 0)
                {
                    AddUndecided(Finding(source, t, null, NoAccountTable(ctx, source, roots, markers)), DeletionUndecided.NoAccountTable);
                    continue;
                }
                if (erased.ContainsKey(t.QualifiedName)) continue;
                if (KeptBySetNull(source, byName, t, rootSet) is { } keep)
                {
                    var keptBy = keep.Text;
                    // A table that cascades from a table kept by SET NULL is kept with it (trial 27: ticket_attachments
                    // under support_tickets): the rows named are the other table's, and this table's go with them.
                    var chained = keep.Chained;
                    if (!personal)
                    {
                        AddUndecided(Finding(source, t, null, new Phrase(w => w.SetNullOnlySuggested(keptBy))), OnlySuggested);
                        continue;
                    }
                    var kept = t.Columns.Where(c => ctx.Tagged(c) is { } d && Counts(d) && DataCategory.TopLevelOf(d) != "customer_content").Select(c => c.Name).ToList();
                    if (kept.Count > 0)
                    {
                        findings.Add(Finding(source, t, null, new Phrase(w => w.NotErasedBySetNull(keptBy, chained, kept, markers))));
                        continue;
                    }
                    var contentColumns = t.Columns.Where(c => ctx.Tagged(c) is { } d && Counts(d)).ToList();
                    var content = contentColumns
                        .Select(c => (Column: c.Name, Found: (IReadOnlyList<string>)(c.Classification?.AlsoContains ?? []).Where(DataCategoryVocabulary.IsPersonal).ToList()))
                        .Where(x => x.Found.Count > 0).ToList();
                    if (content.Count > 0)
                    {
                        AddUndecided(Finding(source, t, null, new Phrase(w => w.ContentKeptWithPersonalData(keptBy, chained, content))), KeptContent);
                        continue;
                    }
                    // Content the scan did not read (binary files are measured, never decoded) cannot be said to hold
                    // nothing personal (trial 27: screenshots attached to tickets passed without a word).
                    var unreadContent = contentColumns.Where(c => NotSampled(t, c) is { } r && r != NotSampledReason.Empty).ToList();
                    if (unreadContent.Count > 0)
                    {
                        var notRead = unreadContent.Select(c => (Column: c.Name, NotSampled: NotSampledText(NotSampled(t, c)!.Value))).ToList();
                        AddUndecided(Finding(source, t, null, new Phrase(w => w.ContentKeptUnread(keptBy, chained, notRead))), KeptContent);
                    }
                    else if (keep.Chained)
                        keptWithContent.Add((t, keep));
                    continue;
                }
                if (!personal)
                {
                    AddUndecided(Finding(source, t, null, new Phrase(w => w.NoPathOnlySuggested())), OnlySuggested);
                    continue;
                }
                if (t.ForeignKeys.FirstOrDefault(fk => fk.OnDelete == "unknown") is { } unread)
                {
                    var (key, parent) = (unread.Name, Qualified(source, unread));
                    AddUndecided(Finding(source, t, null, new Phrase(w => w.DeleteRuleUnread(key, parent))), DeletionUndecided.UnreadRule);
                    continue;
                }
                var blocking = t.ForeignKeys.Where(fk => fk.OnDelete is not ("cascade" or "set-null"))
                    .Select(fk => (Key: fk.Name, Parent: Qualified(source, fk), Rule: fk.OnDelete.Replace('-', ' ').ToUpperInvariant())).ToList();
                var (foreignKeys, rootNames) = (t.ForeignKeys.Count, rootSet.Order(StringComparer.Ordinal).ToList());
                findings.Add(Finding(source, t, null, new Phrase(w => w.NoDeletionPath(rootNames, blocking, foreignKeys, markers))));
            }
            var reported = findings.Concat(unresolved).Where(f => f.Source == source.Name).Select(f => f.Table).ToHashSet(StringComparer.Ordinal);
            foreach (var (t, keep) in keptWithContent.Where(x => x.Keep.KeptWith.Any(reported.Contains)))
            {
                var keptWith = keep.KeptWith.Where(reported.Contains).ToList();
                AddUndecided(Finding(source, t, null, new Phrase(w => w.ContentKeptWithReported(keep.Text, keptWith))), KeptContent);
            }
        }
        // Processor sources' tables with personal data (tagged or suggested) are the customers' to erase too.
        exempted.AddRange(ctx.ProcessorSources(t => t.Columns.Any(c => DataCategoryVocabulary.IsPersonal(c.DataCategory))));
        return ctx.Result(findings, unresolved, examined,
            holds: new Phrase(w => w.DeletionHolds(examined)),
            violated: new Phrase(w => w.DeletionViolated(findings.Count)),
            unknown: new Phrase(w => w.DeletionUnknown(unresolved.Count, reasons.GroupBy(r => r).Select(g => (g.Key, g.Count())).ToList())),
            examinedTables: examinedTables, exempted: exempted,
            nothingExamined: new Phrase(w => w.NoTableToErase()));
    }

    /// <summary>How a table not deleted with a root is still kept when an account goes: the shortest paths of foreign keys
    /// that are ON DELETE CASCADE or SET NULL from the table to a root, at least one SET NULL (the rows stay, unlinked).</summary>
    /// <param name="Text">The chain of each shortest path in words, up to its first SET NULL key (<c>audit_user_id_fkey →
    /// users is ON DELETE SET NULL</c>; for a table that cascades from a kept one, <c>ticket_attachments_ticket_id_fkey →
    /// support_tickets is ON DELETE CASCADE, whose support_tickets_user_id_fkey → users is ON DELETE SET NULL</c>), the
    /// paths joined by <c> and </c>.</param>
    /// <param name="Chained">True when every path cascades from another table before its SET NULL key: the rows kept are
    /// that table's, and this table's go with them.</param>
    /// <param name="KeptWith">The tables, other than the start, whose SET NULL key keeps the rows.</param>
    private sealed record SetNullKeep(Phrase Text, bool Chained, IReadOnlyList<string> KeptWith);

    /// <summary>How a table not deleted with a root still reaches one through foreign keys that are ON DELETE CASCADE or
    /// SET NULL, at least one SET NULL. Breadth first from the table: the paths named are the shortest ones, all of them
    /// (two keys of the table that are both SET NULL are both named), each with every key from the table up to its first
    /// SET NULL key (trial 27: a table cascading from a kept table was named only by the other table's key).</summary>
    /// <returns>The chains, or null when no such path reaches a root.</returns>
    private static SetNullKeep? KeptBySetNull(SourceEntry source, Dictionary<string, TableEntry> byName, TableEntry start, HashSet<string> roots)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.QualifiedName };
        var queue = new Queue<(TableEntry Table, List<KeyLink> Cascades, KeyLink? SetNull, string? KeptWith, int Depth)>([(start, [], null, null, 1)]);
        // Every key that keeps the row, not only the first: a ticket with requester_id and assignee_id both SET NULL
        // named only the assignee's key, and making that one CASCADE would erase tickets when an agent leaves (trial 27).
        var kept = new List<(List<KeyLink> Cascades, KeyLink SetNull, string? KeptWith)>();
        int shortest = int.MaxValue;
        while (queue.Count > 0)
        {
            var (table, cascades, setNull, keptWith, depth) = queue.Dequeue();
            if (depth > shortest) break;
            foreach (var fk in table.ForeignKeys.Where(fk => fk.OnDelete is "cascade" or "set-null"))
            {
                var parent = Qualified(source, fk);
                var nextCascades = cascades;
                KeyLink? via = setNull;
                string? with = keptWith;
                if (via is null && fk.OnDelete == "set-null")
                {
                    via = new KeyLink(fk.Name, parent);
                    with = ReferenceEquals(table, start) ? null : table.QualifiedName;
                }
                else if (via is null)
                    nextCascades = [.. cascades, new KeyLink(fk.Name, parent)];
                if (roots.Contains(parent) && via is not null)
                {
                    if (!kept.Exists(k => k.SetNull == via && k.Cascades.SequenceEqual(nextCascades))) kept.Add((nextCascades, via, with));
                    shortest = depth;
                    continue;
                }
                if (seen.Add(parent) && byName.TryGetValue(parent, out var next)) queue.Enqueue((next, nextCascades, via, with, depth + 1));
            }
        }
        if (kept.Count == 0) return null;
        var chains = kept.Select(k => new Phrase(w => w.KeyChain(k.Cascades, k.SetNull))).ToList();
        return new SetNullKeep(new Phrase(w => w.KeyChains(chains)), kept.All(k => k.KeptWith is not null),
                kept.Select(k => k.KeptWith).OfType<string>().Distinct(StringComparer.Ordinal).ToList());
    }

    private static string Qualified(SourceEntry source, ForeignKeyInfo fk) => fk.ReferencedQualifiedName(source.DefaultSchema);

    /// <summary>The qualified names of a source's account tables (the deletion roots). A root written <c>schema.table</c>
    /// names that table; a bare name (<c>organisations</c>) names the table of that name in any schema, as a table pattern
    /// without a dot does in <c>include:</c>, so an application keeping its accounts in a schema of their own
    /// (<c>accounts.organisations</c>) is not taken for one without an account table.</summary>
    /// <param name="ctx">The claim's context: tables of a processor activity are never account tables.</param>
    /// <param name="source">The scanned source.</param>
    /// <param name="roots">The claim's <c>roots</c> parameter.</param>
    /// <returns>Qualified names as the inventory spells them (the default schema left out); empty when none matches.</returns>
    /// <summary>Why a table of a source without an account table is undecided, and what decides it. When another source
    /// holds the account table (the accounts in one database, support or analytics in others), naming a root cannot help:
    /// no foreign key crosses databases, so the reason names that source and the claim's other ways to decide — a marker
    /// column the account deletion sets, the activity's exemption, or a retention rule marked not erasable (trial39
    /// finding 3: "name the table … in the claim's roots" sent a DPO after a table that source does not have).</summary>
    /// <param name="ctx">The claim's context (the other sources).</param>
    /// <param name="source">The source without an account table.</param>
    /// <param name="roots">The claim's roots.</param>
    /// <param name="markers">The claim's marker column names.</param>
    private static Phrase NoAccountTable(ClaimContext ctx, SourceEntry source, IReadOnlyList<string> roots, IReadOnlyList<string> markers)
    {
        var elsewhere = ctx.Inventory.Sources
            .Where(s => !ReferenceEquals(s, source) && !ClaimContext.IsProcessorSource(s) && AccountTables(ctx, s, roots).Count > 0)
            .Select(s => s.Name).ToList();
        var name = source.Name;
        return new Phrase(w => w.NoAccountTableInSource(roots, name, elsewhere, markers));
    }

    private static HashSet<string> AccountTables(ClaimContext ctx, SourceEntry source, IReadOnlyList<string> roots) =>
        // A table of a processor activity is a customer's (a forum's `usuarios`), never the controller's account table.
        source.Tables.Where(t => !ctx.IsProcessorTable(t) && roots.Any(r => r.Contains('.')
                ? r == t.QualifiedName || r == $"{t.Schema}.{t.Name}"
                : r == t.Name))
            .Select(t => t.QualifiedName).ToHashSet(StringComparer.Ordinal);

    /// <summary>billing-not-cascade-deleted: deleting an account must never delete a billing table's rows. The deletion
    /// roots are the claim's <c>roots</c> (default: the roots of the policy's deletion-path claims, else <c>users</c>,
    /// <c>accounts</c>); a table is deleted with them when one of its foreign keys is ON DELETE CASCADE into a root or into
    /// a table deleted with them (transitively). A billing table (annotated with the billing activity, or with a tagged
    /// billing category) reached that way is a finding, naming its cascading key; a cascade between billing tables that
    /// no root reaches (e.g. invoice lines under invoices that RESTRICT the account's deletion) is not. A table whose
    /// billing category is only suggested and that is reached is unresolved, and so is a billing table a root would reach
    /// only through a key whose delete rule could not be read (<c>unknown</c>), and so is an account table (a root) that
    /// itself holds billing data (<see cref="RootHoldsBilling"/>); no billing table at all is unknown, and so is every
    /// table only suggested as billing when no table is tagged as billing (a suggestion never makes the claim hold), and so
    /// is every billing table when no controller source holds an account table (a root).</summary>
    public static ClaimResult BillingNotCascadeDeleted(ClaimContext ctx)
    {
        var activity = ctx.Parameters.String("activity");
        var categories = ctx.Parameters.Strings("categories", "financial.billing");
        var roots = ctx.Parameters.Strings("roots");
        if (roots.Count == 0)
        {
            roots = ctx.Policy.Claims.Where(c => c.Kind == ClaimKinds.DeletionPath).SelectMany(c => c.Parameters.Strings("roots")).Distinct(StringComparer.Ordinal).ToList();
            if (roots.Count == 0) roots = ["users", "accounts"];
        }
        var findings = new List<ClaimFinding>();
        var unresolved = new List<ClaimFinding>();
        var examinedTables = new List<string>();
        var suggestedOnly = new List<(SourceEntry Source, TableEntry Table)>();
        var exempted = new List<ClaimExemption>();
        int examined = 0, taggedTables = 0;
        // Why each table is undecided, counted for the summary (trial46: the summary said "an account table that holds
        // billing data itself, or a suggested billing category reached …" whichever it was; the DPO had to open the details).
        var rootsHoldingBilling = new List<string>();
        int unreadRules = 0, suggestedReached = 0;
        // Without an account table in any controller source nothing says where an account deletion starts: "holds" would
        // rest on no root at all (trial 26: orders cascading from `customers`, not among the roots, held). A source without
        // a root while another source has one is still decided: a foreign key never crosses sources.
        bool noAccountTable = ctx.Inventory.Sources.Where(s => !ClaimContext.IsProcessorSource(s)).All(s => AccountTables(ctx, s, roots).Count == 0);
        foreach (var source in ctx.Inventory.Sources.Where(s => !ClaimContext.IsProcessorSource(s)))
        {
            var deleted = DeletedWith(ctx, source, roots);
            var perhapsDeleted = DeletedWith(ctx, source, roots, unreadRulesCascade: true);
            foreach (var t in source.Tables)
            {
                bool tagged = t.ServesActivity(activity) || t.Columns.Any(c => ctx.Tagged(c) is { } d && Covered(categories, d));
                bool suggested = !tagged && t.Columns.Any(c => ctx.Tagged(c) is null && c.DataCategory is { } d && Covered(categories, d));
                if (!tagged && !suggested) continue;
                // A customer's invoices or orders hosted for it are its records, not the controller's (trial35 finding 4).
                if (ctx.IsProcessorTable(t))
                {
                    exempted.Add(ctx.ProcessorExemption(source, t));
                    continue;
                }
                examined++;
                if (tagged) taggedTables++;
                else suggestedOnly.Add((source, t));
                examinedTables.Add($"{source.Name}/{t.QualifiedName}");
                if (noAccountTable)
                {
                    unresolved.Add(Finding(source, t, null, new Phrase(w => w.BillingNoAccountTable(roots))));
                    continue;
                }
                if (!deleted.TryGetValue(t.QualifiedName, out var path))
                {
                    // A delete rule the scan could not read (MySQL/MariaDB without it in SHOW CREATE TABLE) may cascade:
                    // the table is undecided, not safe.
                    if (perhapsDeleted.TryGetValue(t.QualifiedName, out var perhaps) && perhaps.Count > 0)
                    {
                        unresolved.Add(Finding(source, t, null, new Phrase(w => w.BillingUnreadRule(perhaps))));
                        unreadRules++;
                    }
                    continue;
                }
                if (path.Count == 0)
                {
                    // A root is deleted with the account by definition: its own billing columns go with it (trial 27:
                    // organisations held numero_tva and siret and was counted among the billing tables, then passed).
                    unresolved.Add(Finding(source, t, null, RootHoldsBilling(ctx, t, activity, categories)));
                    rootsHoldingBilling.Add(t.QualifiedName);
                    continue;
                }
                if (tagged)
                    findings.Add(Finding(source, t, null, new Phrase(w => w.BillingCascade(path))));
                else
                {
                    unresolved.Add(Finding(source, t, null, new Phrase(w => w.BillingSuggestedCascade(path))));
                    suggestedReached++;
                }
            }
        }
        exempted.AddRange(ctx.ProcessorSources(t => t.ServesActivity(activity) || t.Columns.Any(c => c.DataCategory is { } d && Covered(categories, d))));
        if (examined == 0)
            return ClaimEvaluator.Said(new ClaimResult
            {
                Claim = ctx.Claim, Verdict = ClaimVerdict.Unknown, Summary = "",
                Exempted = exempted.Select(e => e.Finding).ToList(),
            }, ClaimContext.WithLeftOut(new Phrase(w => w.NoBillingTable(activity, categories)), exempted));
        // A suggestion never makes the claim hold (trial 30: with nothing annotated, a table only suggested as billing was
        // "1 billing table" and the claim held, where no tagged billing table at all is unknown): without a tagged billing
        // table, the suggested ones are undecided.
        bool onlySuggested = taggedTables == 0 && findings.Count == 0;
        if (onlySuggested)
            foreach (var (source, t) in suggestedOnly.Where(x => !unresolved.Any(u => u.Source == x.Source.Name && u.Table == x.Table.QualifiedName)))
                unresolved.Add(Finding(source, t, null, new Phrase(w => w.BillingOnlySuggested(activity, categories))));
        var accountTables = AccountTableNames(ctx, roots).ToList();
        return ctx.Result(findings, unresolved, examined,
            // The account tables found, not every root the policy lists (eleven in four languages in the seed policy).
            holds: new Phrase(w => w.BillingHolds(examined, accountTables)),
            violated: new Phrase(w => w.BillingViolated(findings.Count)),
            unknown: noAccountTable
                ? new Phrase(w => w.BillingUnknownNoAccountTable(unresolved.Count, roots))
                : onlySuggested
                ? new Phrase(w => w.BillingUnknownOnlySuggested(activity, categories, unresolved.Count))
                : new Phrase(w => w.BillingUnknown(unresolved.Count, rootsHoldingBilling, suggestedReached, unreadRules)),
            examinedTables: examinedTables, exempted: exempted);
    }

    /// <summary>The names of the account tables (deletion roots) the controller sources hold, each once, in document order.</summary>
    /// <param name="ctx">The claim's context.</param>
    /// <param name="roots">The claim's roots.</param>
    private static IEnumerable<string> AccountTableNames(ClaimContext ctx, IReadOnlyList<string> roots) =>
        ctx.Inventory.Sources.Where(s => !ClaimContext.IsProcessorSource(s)).SelectMany(s => AccountTables(ctx, s, roots)).Distinct(StringComparer.Ordinal);

    /// <summary>Why an account table (a deletion root) that holds billing data is undecided: its rows, and so its billing
    /// columns, are deleted with the account, which the law forbids unless the billing records keep a copy.</summary>
    /// <param name="ctx">The claim's context (what counts as tagged).</param>
    /// <param name="t">The root table.</param>
    /// <param name="activity">The claim's billing activity, or null.</param>
    /// <param name="categories">The claim's billing categories.</param>
    /// <returns>The reason, naming the tagged billing columns by category (or the activity, or the suggested columns).</returns>
    private static Phrase RootHoldsBilling(ClaimContext ctx, TableEntry t, string? activity, IReadOnlyList<string> categories)
    {
        static List<(string Category, IReadOnlyList<string> Columns)> Columns(IEnumerable<ColumnEntry> columns) => columns.GroupBy(c => c.DataCategory!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (IReadOnlyList<string>)g.Select(c => c.Name).ToList())).ToList();
        var tagged = t.Columns.Where(c => ctx.Tagged(c) is { } d && Covered(categories, d)).ToList();
        var suggested = t.Columns.Where(c => ctx.Tagged(c) is null && c.DataCategory is { } d && Covered(categories, d)).ToList();
        var (what, listed) = tagged.Count > 0 ? (RootBilling.Tagged, Columns(tagged))
            : t.ServesActivity(activity) ? (RootBilling.Activity, [])
            : (RootBilling.Suggested, Columns(suggested));
        return new Phrase(w => w.RootHoldsBilling(what, activity, listed));
    }

    /// <summary>Tables whose rows are deleted when a root's row is deleted: qualified name → the cascade path from the root
    /// (foreign key names; empty for the roots themselves). Fixed point over ON DELETE CASCADE keys only (SET NULL keeps the row);
    /// with <paramref name="unreadRulesCascade"/>, keys whose delete rule could not be read (<c>unknown</c>) are followed too.</summary>
    private static Dictionary<string, List<CascadeLink>> DeletedWith(ClaimContext ctx, SourceEntry source, IReadOnlyList<string> roots, bool unreadRulesCascade = false)
    {
        var deleted = new Dictionary<string, List<CascadeLink>>(StringComparer.Ordinal);
        foreach (var r in AccountTables(ctx, source, roots)) deleted[r] = [];
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var t in source.Tables.Where(t => !deleted.ContainsKey(t.QualifiedName)))
                foreach (var fk in t.ForeignKeys.Where(fk => fk.OnDelete == "cascade" || (unreadRulesCascade && fk.OnDelete == "unknown")))
                {
                    var parent = Qualified(source, fk);
                    if (!deleted.TryGetValue(parent, out var parentPath)) continue;
                    deleted[t.QualifiedName] = [.. (parentPath.Count == 0 ? [new CascadeLink(parent, null, false)] : parentPath), new CascadeLink(t.QualifiedName, fk.Name, fk.OnDelete != "cascade")];
                    changed = true;
                    break;
                }
        }
        return deleted;
    }

    /// <summary>The customer-owned categories <c>customer-data-in-processor-scope</c> checks when the claim names none:
    /// what DESIGN.md §1 calls customer-owned (customers' source code, their application databases, the files their apps
    /// generate, their users' transaction history). <c>customer_content.message</c> is left out: messages users send the
    /// host (support tickets) are the host's own processing, checked by <c>declared-categories-only</c>; the bare
    /// <c>customer_content</c> default made every support desk a violation of a policy written without
    /// <c>categories:</c> (trial39 finding 2, as trial25 found for the seed policy).</summary>
    internal static readonly string[] CustomerOwnedCategories =
        ["customer_content.source_code", "customer_content.application_data", "customer_content.file", "customer_content.transaction_history"];

    /// <summary>The category of the messages users send the host (support tickets and their replies), which
    /// <see cref="CustomerOwnedCategories"/> leaves out.</summary>
    private const string MessageCategory = "customer_content.message";

    /// <summary>The category of files, which a message's attachments take.</summary>
    private const string FileCategory = "customer_content.file";

    /// <summary>customer-data-in-processor-scope: a customer-owned column is allowed only in a processor-role source or
    /// in a table annotated with the processor activity. When the claim does not count <c>customer_content.message</c>
    /// as customer-owned (the built-in policy, and the default), a <c>customer_content.file</c> column in a table that
    /// holds messages, or that references one through a foreign key, is the messages' attachments (a support desk's
    /// <c>pieces_jointes</c> of its tickets, trial46 finding M2): it is left out with the messages, the host's own
    /// processing that <c>declared-categories-only</c> checks, when the messages' column is tagged; unknown while the
    /// messages' column is only suggested. A table is linked to messages by the data and the schema only (a column's
    /// category, a foreign key), never by its name.</summary>
    public static ClaimResult CustomerDataInProcessorScope(ClaimContext ctx)
    {
        var activity = ctx.Parameters.String("activity")!;
        var categories = ctx.Parameters.Strings("categories", CustomerOwnedCategories);
        var findings = new List<ClaimFinding>();
        var unresolved = new List<ClaimFinding>();
        var exempted = new List<ClaimExemption>();
        bool messagesCounted = Covered(categories, MessageCategory);
        int examined = 0, suggested = 0, attachments = 0;
        foreach (var (s, t, c) in ctx.Inventory.AllColumns())
        {
            if (c.DataCategory is not { } d || !Covered(categories, d)) continue;
            if (!messagesCounted && d == FileCategory && !ClaimContext.IsProcessorSource(s) && !t.ServesActivity(activity)
                && MessagesAttachedTo(ctx, s, t) is { } messages)
            {
                if (messages.Tagged)
                {
                    if (!exempted.Any(e => e.Finding.Source == s.Name && e.Finding.Table == t.QualifiedName))
                    {
                        var location = messages.Location;
                        exempted.Add(new ClaimExemption(new ClaimFinding(s.Name, t.QualifiedName, null, null,
                            new Phrase(w => w.AttachmentsOfMessagesLeftOut(location, MessageCategory, activity))), LeftOutKind.AttachedToMessages));
                    }
                    continue;
                }
                examined++;
                attachments++;
                var attachedTo = messages.Location;
                unresolved.Add(Finding(s, t, c, new Phrase(w => w.AttachmentsOfSuggestedMessages(d, attachedTo, MessageCategory, activity))));
                continue;
            }
            examined++;
            if (ClaimContext.IsProcessorSource(s) || t.ServesActivity(activity)) continue;
            if (ctx.Tagged(c) is null)
            {
                suggested++;
                var undecided = ctx.Undecided(c);
                unresolved.Add(Finding(s, t, c, new Phrase(w => w.CustomerDataNotConfirmed(undecided))));
                continue;
            }
            var (role, basis) = (s.Role.ToText(), ctx.Basis(c));
            findings.Add(Finding(s, t, c, new Phrase(w => w.CustomerDataOutsideScope(d, role, activity, basis))));
        }
        return ctx.Result(findings, unresolved, examined,
            // Trial 30: "0 customer-owned columns, all in processor scope" contradicted itself; nothing found says so.
            holds: new Phrase(w => w.CustomerDataHolds(examined, categories)),
            violated: new Phrase(w => w.CustomerDataViolated(findings.Count)),
            unknown: new Phrase(w => w.CustomerDataUnknown(suggested, attachments)),
            exempted: exempted);
    }

    /// <summary>The messages a table's files would be attached to: a column of the table itself, else of a table of the
    /// same source its foreign keys reference, whose category is <c>customer_content.message</c> (tagged ones first);
    /// null when there is none.</summary>
    private static (string Location, bool Tagged)? MessagesAttachedTo(ClaimContext ctx, SourceEntry source, TableEntry table)
    {
        var candidates = new List<(TableEntry Table, ColumnEntry Column)>();
        candidates.AddRange(table.Columns.Where(c => c.DataCategory == MessageCategory).Select(c => (table, c)));
        foreach (var fk in table.ForeignKeys)
        {
            var parent = Qualified(source, fk);
            if (source.Tables.FirstOrDefault(p => p.QualifiedName == parent) is not { } referenced || ReferenceEquals(referenced, table)) continue;
            candidates.AddRange(referenced.Columns.Where(c => c.DataCategory == MessageCategory).Select(c => (referenced, c)));
        }
        if (candidates.Count == 0) return null;
        var (holder, column) = candidates.FirstOrDefault(x => ctx.Tagged(x.Column) is not null) is { Column: not null } tagged ? tagged : candidates[0];
        return ($"{holder.QualifiedName}.{column.Name}", ctx.Tagged(column) is not null);
    }
}
