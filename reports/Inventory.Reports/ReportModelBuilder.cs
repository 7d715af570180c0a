using Inventory.Annotations;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Reports.Diff;
using Inventory.Rules.Policy;

using Inventory.Reports.Language;

namespace Inventory.Reports;

/// <summary>Builds <see cref="ReportModel"/>.</summary>
internal static partial class ReportModelBuilder
{
    private static readonly string[] ChartOrder = ["contact", "financial", "automatic", "customer_content", "other_personal", "none", "undecided"];
    private static readonly Dictionary<string, string> ChartColors = new(StringComparer.Ordinal)
    {
        ["contact"] = "#2f6db5", ["financial"] = "#b5562f", ["automatic"] = "#3f8f4f", ["customer_content"] = "#7a4fb5",
        ["other_personal"] = "#c0392b", ["none"] = "#9aa0a6", ["undecided"] = "#e0a800",
    };

    /// <summary>The CNIL register category of a data category (DESIGN.md §7), per kind. DESIGN's words where it names one:
    /// contact → "État civil, identité, données d'identification", financial → "Informations d'ordre économique et
    /// financier", automatic → "Données de connexion", customer content in a processor activity → the processor record
    /// (Art. 30(2)). Where DESIGN says "per kind" or is silent, the categories of the CNIL register template ("modèle de
    /// registre"): its identity line lists dates of birth and images, so <c>other_personal.date_of_birth</c>,
    /// <c>.gender</c>, <c>.national_id</c> and <c>.photo</c> read as identity; <c>.credentials</c> are connection
    /// identifiers ("Données de connexion"); <c>.employment</c> is "Vie professionnelle"; <c>.location</c> and
    /// <c>automatic.geolocation</c> are "Données de localisation"; <c>automatic.device_id</c> (cookies, visitor ids)
    /// is the template's "Internet" line; <c>.health</c> and <c>.special_category</c> are the sensitive data of Art. 9.
    /// Customer content in a controller activity is the company's own processing (DESIGN §1: support messages users send
    /// it), not data hosted for customers: the template's "other categories", specified. A subcategory a user taxonomy
    /// adds reads as its top level.</summary>
    /// <param name="category">A data category (<c>category.subcategory</c>, a bare top level, or <c>none</c>).</param>
    /// <param name="role">The role of the activity whose record lists it.</param>
    /// <returns>The register category in French, as the template words it; <c>—</c> for <c>none</c>.</returns>
    internal static string CnilCategory(string category, ProcessingRole role) => category switch
    {
        "automatic.geolocation" or "other_personal.location" => "Données de localisation",
        "automatic.device_id" => "Internet (cookies, traceurs, données de navigation)",
        "other_personal.date_of_birth" or "other_personal.gender" or "other_personal.national_id" or "other_personal.photo" => Identity,
        "other_personal.credentials" => "Données de connexion",
        "other_personal.employment" => "Vie professionnelle",
        "other_personal.health" or "other_personal.special_category" => "Données sensibles (art. 9 RGPD)",
        _ when DataCategory.TopLevelOf(category) == "customer_content" => role == ProcessingRole.Processor
            ? "Données hébergées pour le compte des clients (Art. 30(2))"
            : category == "customer_content.message" ? "Autres catégories de données : contenu des messages adressés à l'organisme"
            : "Autres catégories de données : contenus déposés par les utilisateurs",
        _ => DataCategory.TopLevelOf(category) switch
        {
            "contact" => Identity,
            "financial" => "Informations d'ordre économique et financier",
            "automatic" => "Données de connexion",
            "other_personal" => "Autres catégories de données (à préciser)",
            _ => "—",
        },
    };

    private const string Identity = "État civil, identité, données d'identification";

    /// <summary>True for the data the CNIL register template asks about apart ("Des données sensibles sont-elles
    /// traitées ?"): the special categories of GDPR Art. 9 (<c>other_personal.health</c>, <c>.special_category</c>) and
    /// the national identification number (the template lists the NIR among them).</summary>
    /// <param name="category">A data category.</param>
    internal static bool Sensitive(string category) =>
        category is "other_personal.health" or "other_personal.special_category" or "other_personal.national_id";

    public static ReportModel Build(InventoryDocument inventory, PolicyDocument? policy, IReadOnlyList<ClaimResult>? claims,
        InventoryDocument? previous, ReportOptions options)
    {
        inventory.Normalize();
        claims = policy is null ? [] : claims ?? ClaimEvaluator.EvaluateAll(policy, inventory, options.AcceptClassificationAbove);

        // Attribution: a column belongs to the activity its table's annotation names, and to nothing else. A table without
        // an activity (or naming one the policy lacks) leaves its personal columns unattributed: a finding, never spread
        // over every activity that happens to declare the category. A processor source (customer-owned data) is the
        // system of the policy's processor activity: a table of it without an activity of its own belongs to that
        // activity when the policy has exactly one (trial 22 finding 4: they were listed as not attributed).
        var assignment = new List<Assigned>();
        var pathAssignment = new List<Assigned>();
        var unknownActivities = new SortedSet<string>(StringComparer.Ordinal);
        var processorActivities = policy?.Activities.Where(a => a.IsProcessor).ToList() ?? [];
        // A table whose annotation names several activities (a users table of account management and marketing) holds
        // data of each: its personal columns are attributed to every one of them, each record listing them under its own
        // declared categories, retention and recipients (Art. 30(1) records each processing; no activity is primary).
        foreach (var (s, t, c) in inventory.AllColumns())
        {
            var ids = t.ActivityIds();
            var activities = new List<ProcessingActivity>();
            foreach (var id in ids)
            {
                if (policy?.Activity(id) is { } known) activities.Add(known);
                else if (policy is not null) unknownActivities.Add($"{s.Name}/{t.QualifiedName} names unknown activity '{id}'");
            }
            if (ids.Count == 0 && s.Role == ProcessingRole.Processor && processorActivities.Count == 1) activities.Add(processorActivities[0]);
            bool personal = DataCategoryVocabulary.IsPersonal(c.DataCategory);
            if (!personal || activities.Count == 0) assignment.Add(new Assigned(s, t, c, null));
            // A column of a table serving several activities whose category some of them declare is the data of those
            // (organisations under account management and billing: the SIRET is billing's, kept its 10 years, not an
            // undeclared tax id of account management with a 30-day default; trial43, ROPA). A category none of them
            // declares stays with every one, undeclared in each.
            var holders = personal && activities.Count > 1 && activities.Where(a => a.Declares(c.DataCategory!)).ToList() is { Count: > 0 } declaring
                ? declaring : activities;
            foreach (var activity in activities)
            {
                if (personal && holders.Contains(activity)) assignment.Add(new Assigned(s, t, c, activity));
                pathAssignment.AddRange(ClaimChecks.TaggedPaths(c).Where(p => p.Category != c.DataCategory && DataCategoryVocabulary.IsPersonal(p.Category))
                    .Select(p => new Assigned(s, t, c, activity, p.Path, p.Category)));
                // Personal data the scan found inside the column's content (e-mails and phones in support messages) is
                // data of the same processing: listed under its category as `table.column (also contains)` (trial34
                // finding 7f: the record showed customer_content only).
                pathAssignment.AddRange(ClaimChecks.EmbeddedCategories(c).Select(e => new Assigned(s, t, c, activity, AlsoContainsMark, e) { Embedded = true }));
            }
        }

        var violations = claims.SelectMany(r => r.Findings.Where(f => f.Column is not null).Select(f => (f.Location, Violation: new Violation(r.Claim.Id, f.DataCategory))))
            .GroupBy(x => x.Location, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Violation>)g.Select(x => x.Violation).ToList(), StringComparer.Ordinal);
        // A view column that shows a base column of the same record is the same data: the record lists the base column
        // and names the views it is also readable through (ViewReadingsOf); every column keeps its row in the column list.
        var views = ViewReadingsOf(assignment);
        var recorded = assignment.Where(x => !views.Folded.Contains(x.C)).ToList();
        // A JSON column carries one category; the other personal categories its path annotations tag (contact or card
        // data inside a payment payload) belong to the same activity, listed as `table.column $.path`.
        var withPaths = recorded.Concat(pathAssignment.Where(x => !views.Folded.Contains(x.C))).ToList();
        var fleet = new FleetSummary(inventory);
        var records = policy is null ? [] : policy.Activities.Select(a => Activity(a, policy, withPaths, violations, inventory, previous, fleet, views)).ToList();
        var columns = assignment.Select(x => Row(x, policy, options)).ToList();
        var unassigned = recorded.Where(x => DataCategoryVocabulary.IsPersonal(x.C.DataCategory) && x.A is null)
            .Select(x => Row(x, policy, options)).ToList();
        var unassignedAt = unassigned.DistinctBy(r => r.Location).ToDictionary(r => r.Location, StringComparer.Ordinal);
        var undeclared = records.SelectMany(r => r.Categories.Where(k => !k.Declared)
            .Select(k => new UndeclaredCategoryRow { Activity = r.Id, Category = k.Category, Columns = k.Columns, Groups = k.Groups, DeclaredByAnother = k.DeclaredByAnother, DeclaredByAnotherPhrase = k.DeclaredByAnotherPhrase })).ToList();

        // A scan issue as a line of the record (source/table.column: kind: message) and what the scan did not read at all,
        // as phrases: the record words them in its language, the JSON keeps their English.
        var issues = inventory.Issues.Select(i =>
        {
            var (place, kind, message) = ($"{i.Source}{(i.Table is null ? "" : "/" + i.Table)}{(i.Column is null ? "" : "." + i.Column)}", i.Kind, ScanIssueMessage.Of(i.Kind, i.Message));
            return new Phrase(w => w.ScanIssueLine(place, kind, message));
        }).ToList();
        var notRead = Claims.UnreadScope.Of(inventory).Select(g => g.LabelPhrase).ToList();
        var unassignedThrough = recorded.Where(x => x.A is null && x.Path is null).Select(views.Through).OfType<Phrase>().ToList();
        var coverage = inventory.Sources.Select(s => Coverage(s, options)).ToList();
        var totals = Sum(coverage.Where(c => c.Role != ProcessingRole.Processor).ToList());
        // A previous inventory saved without annotations (a plain scan) holds no records of processing: every activity,
        // recipient, retention and annotated category would show as changed. The report says so once instead.
        var diff = previous is null ? null : InventoryDiff.CompareSince(previous, inventory);

        return new ReportModel
        {
            AcceptClassificationAbove = options.AcceptClassificationAbove,
            AnnotatedNotScanned = AnnotatedNotScannedRow.Of(options.Stale, options.Annotations, options.PathBase),
            Title = policy is null ? Language.ReportText.English.RecordTitleNoPolicy : $"{Language.ReportText.English.RecordTitle} — {policy.Controller.Name}",
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
            Claims = ClaimRowsOf(claims, fleet),
            ClaimTotals = new ClaimTotals
            {
                Holds = claims.Count(c => c.Verdict == ClaimVerdict.Holds),
                Violated = claims.Count(c => c.Verdict == ClaimVerdict.Violated),
                Unknown = claims.Count(c => c.Verdict == ClaimVerdict.Unknown),
            },
            Coverage = coverage,
            CoverageTotals = totals,
            CategoryChart = Chart(inventory),
            ChartProcessorColumns = inventory.AllColumns().Count(x => x.Source.Role == ProcessingRole.Processor),
            Unassigned = unassigned,
            UnassignedLines = fleet.Group(unassigned.Select(r => new FleetSummary.Item(r.Source, r.Table, r.Column, null, r.Category + "\u0001" + r.Status, r.Location)),
                    describe: (place, item) => FleetSummary.Holds(place, item.Column, item.Detail.Split('\u0001')[0]))
                .Select(g => (Group: g, First: unassignedAt[g.Locations[0]]))
                .Select(x => new UnassignedLine { Group = x.Group, Category = x.First.Category, Status = x.First.Status }).ToList(),
            UnassignedReadableThrough = unassignedThrough.Select(p => p.English).ToList(),
            UnassignedReadableThroughPhrases = unassignedThrough,
            UndeclaredCategories = undeclared,
            UnknownActivities = unknownActivities.ToList(),
            Conflicts = inventory.AllColumns().Where(x => x.Column.Status == ColumnStatus.Conflict).Select(x => new ConflictRow
            {
                Location = $"{x.Source.Name}/{x.Table.QualifiedName}.{x.Column.Name}",
                Annotated = x.Column.Annotation?.DataCategory ?? x.Column.DataCategory ?? "",
                AnnotationAt = x.Column.Origin == Origin.DatabaseLabel && x.Column.DatabaseLabel is { } label ? DatabaseLabels.OriginOf(label)
                    : x.Column.Annotation is { File.Length: > 0 } a ? $"{a.File}:{a.Line.ToString(CultureInfo.InvariantCulture)}" : "",
                Evidence = ConflictEvidence(x.Column),
            }).ToList(),
            Pseudonymised = inventory.AllColumns().Select(x => PseudonymisedRowOf($"{x.Source.Name}/{x.Table.QualifiedName}.{x.Column.Name}", x.Column))
                .OfType<PseudonymisedRow>().ToList() is { Count: > 0 } hashed ? hashed : null,
            JsonPaths = inventory.AllColumns().SelectMany(x => JsonPathRow.Of($"{x.Source.Name}/{x.Table.QualifiedName}.{x.Column.Name}", x.Column))
                .ToList() is { Count: > 0 } paths ? paths : null,
            Columns = columns,
            Issues = issues.Select(p => p.English).ToList(), IssuePhrases = issues,
            NotRead = notRead.Count > 0 ? notRead.Select(p => p.English).ToList() : null, NotReadPhrases = notRead,
            Changes = diff,
            PreviousHeldNoRecords = diff?.PreviousHeldNoRecords ?? false,
            ChangeRows = diff is null ? [] : ChangeRowsOf(diff),
        };
    }

    /// <summary>The changes as the report shows them, in the order of <c>inventory diff</c>: schema changes (tables,
    /// columns, types) first, then category, activity and shared-with changes one row each, then one row per status
    /// transition counting its columns (<c>status-changed</c>, <c>57 columns</c>, <c>suggested</c> → <c>tagged</c>): a
    /// first annotation pass no longer buries the schema changes under a row per column (trial 17 finding 17; each
    /// column's transition is in <c>inventory diff --json</c>).</summary>
    /// <param name="diff">The changes since the previous inventory.</param>
    internal static List<ChangeRow> ChangeRowsOf(InventoryDiff diff)
    {
        static ChangeRow Row(InventoryChange c)
        {
            var renamed = c.RenamedFrom is { } from ? new Phrase(w => w.RenamedFrom(c.New ?? "", from)) : null;
            // An added or removed table's "4 columns; personal: contact.email" (InventoryDiff), read back into a phrase.
            var (old, @new) = c.Kind switch
            {
                ChangeKind.TableAdded => (null, TableColumnsOf(c.New)),
                ChangeKind.TableRemoved => (TableColumnsOf(c.Old), null),
                // A column without a category is "undecided" in InventoryDiff's words.
                ChangeKind.ColumnAdded or ChangeKind.ColumnRemoved or ChangeKind.CategoryChanged => (Undecided(c.Old), renamed ?? Undecided(c.New)),
                _ => ((Phrase?)null, renamed),
            };
            return new() { Kind = InventoryDiff.KindName(c.Kind), KindValue = c.Kind, Location = c.Subject, Old = c.Old ?? "",
                New = renamed?.English ?? c.New ?? "", OldPhrase = old, NewPhrase = @new };
        }
        var rows = diff.Changes.Where(c => InventoryDiff.IsSchemaChange(c.Kind)).Select(Row).ToList();
        rows.AddRange(diff.Changes.Where(c => !InventoryDiff.IsSchemaChange(c.Kind) && c.Kind != ChangeKind.StatusChanged).Select(Row));
        foreach (var transition in diff.Changes.Where(c => c.Kind == ChangeKind.StatusChanged).GroupBy(c => (Old: c.Old ?? "", New: c.New ?? ""))
                     .OrderBy(g => g.Key.Old, StringComparer.Ordinal).ThenBy(g => g.Key.New, StringComparer.Ordinal))
        {
            var (old, @new) = transition.Key;
            var location = transition.Count() == 1 ? null : ColumnsOfTables(transition.ToList());
            rows.Add(new ChangeRow
            {
                Kind = InventoryDiff.KindName(ChangeKind.StatusChanged), KindValue = ChangeKind.StatusChanged,
                Location = location?.English ?? transition.Single().Location, LocationPhrase = location,
                Old = old, New = @new, OldPhrase = new Phrase(w => w.ColumnStatus(old)), NewPhrase = new Phrase(w => w.ColumnStatus(@new)),
            });
        }
        return rows;
    }

    /// <summary>Where a status transition of several columns happened: <c>29 columns in 2 tables: app/users, shop/orders</c>,
    /// the tables in document order, the first five named (trial30: "29 columns" alone in the Where column said nowhere).</summary>
    /// <param name="changes">The transition's column changes (two or more).</param>
    private static Phrase? Undecided(string? category) => category == "undecided" ? new Phrase(w => w.HoldsUndecided()) : null;

    /// <summary>An added or removed table's <c>4 columns; personal: contact.email</c> (<c>InventoryDiff</c>'s words) as a
    /// phrase, or null when the text is not of that shape (the phrase's English must give the text back byte for byte).</summary>
    private static Phrase? TableColumnsOf(string? text)
    {
        if (text is null || TableColumnsPattern().Match(text) is not { Success: true } m) return null;
        var columns = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        IReadOnlyList<string> personal = m.Groups[2].Success ? m.Groups[2].Value.Split(", ") : [];
        var phrase = new Phrase(w => w.TableColumns(columns, personal));
        return phrase.English == text ? phrase : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+) columns?(?:; personal: (.+))?$")]
    private static partial System.Text.RegularExpressions.Regex TableColumnsPattern();

    private static Phrase ColumnsOfTables(List<InventoryChange> changes)
    {
        var tables = changes.Select(c => c.Table is null ? c.Source : $"{c.Source}/{c.Table}").Distinct(StringComparer.Ordinal).ToList();
        var columns = changes.Count;
        return new Phrase(w => w.ColumnsOfTables(columns, tables));
    }

    /// <summary>The statement for a personal column whose classification found hashes of a personal identifier (evidence
    /// kind <c>pseudonymised</c>, C30), or null. Source of the statement: GDPR Recital 26 (pseudonymised data that can be
    /// attributed to a person with additional information is personal data) and the EDPB's view of unsalted hashes.</summary>
    private static PseudonymisedRow? PseudonymisedRowOf(string location, ColumnEntry c)
    {
        if (!DataCategoryVocabulary.IsPersonal(c.DataCategory)) return null;
        var item = c.Classification?.Evidence.FirstOrDefault(e => e.Kind == "pseudonymised"
            && e.Id.StartsWith(Inventory.Rules.RuleClassifier.PseudonymisedEvidencePrefix, StringComparison.Ordinal));
        if (item is null) return null;
        (string plural, string one) = item.Id[Inventory.Rules.RuleClassifier.PseudonymisedEvidencePrefix.Length..] switch
        {
            "email" => ("e-mail addresses", "an e-mail address"),
            "phone" => ("phone numbers", "a phone number"),
            "ip-address" => ("IP addresses", "an IP address"),
            _ => ("identifiers of persons or devices", "a person's or device's identifier"),
        };
        return new PseudonymisedRow
        {
            Location = location,
            Category = c.DataCategory!,
            DerivedFrom = plural,
            Statement = $"A hash of {one} is still personal data: anyone holding a list of {plural} can compute the same hashes and "
                + "find the person again, so the column is pseudonymised, not anonymised (GDPR Recital 26), and stays in the record of processing.",
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
        // A name rule of a special category, national id or date of birth contradicts a `none` the values cannot refute
        // (the merger's second rule); any confidence is accepted here: the merger already judged it.
        if (hits.Count == 0 && annotated is not null && ContradictingEvidence.SensitiveName(c.Classification, annotated, 0) is { } name)
            hits.Add($"its name reads as {name.DataCategory} ({name.Id}) and no value test can refute it");
        return hits.Count == 0 ? "contradicting evidence not recorded in the inventory" : string.Join("; ", hits);
    }

    /// <summary>A column with the activity it is attributed to (null: not attributed, or not personal).</summary>
    /// <summary>A column attributed to an activity (or to none); for a JSON path's own category, <see cref="Path"/> and
    /// <see cref="PathCategory"/> name the path and the category its annotation tags.</summary>
    /// <summary>The view columns the record of processing folds under their base column, and for each base column the
    /// views it is also readable through.</summary>
    /// <param name="Folded">View columns not listed as data of their own.</param>
    /// <param name="ByBase">For a base column, its view columns in document order.</param>
    private sealed record ViewReadings(IReadOnlySet<ColumnEntry> Folded, IReadOnlyDictionary<ColumnEntry, List<Assigned>> ByBase)
    {
        /// <summary>The note of a base column: <c>app/clients.courriel also readable through view v_clients.courriel,
        /// materialized view mv_clients.courriel</c>; null when no view shows it.</summary>
        public Phrase? Through(Assigned x)
        {
            if (!ByBase.TryGetValue(x.C, out var shown)) return null;
            var column = x.ColumnLocation;
            var views = shown.Select(v => ($"{v.T.QualifiedName}.{v.C.Name}", v.T.Kind == Inventory.Catalog.TableKind.MaterializedView)).ToList();
            return new Phrase(w => w.ReadableThrough(column, views));
        }
    }

    /// <summary>Which view columns are the same data as a column already in the record (trial 32 finding 9): a view column
    /// whose chain of views ends at a column of the same source in the inventory (<see cref="ViewLineage.Root"/>), with the
    /// same personal category, and attributed to the same activity or to none (a view annotated with another activity is
    /// another use of the data, and stays listed there).</summary>
    private static ViewReadings ViewReadingsOf(List<Assigned> assignment)
    {
        var folded = new HashSet<ColumnEntry>(ReferenceEqualityComparer.Instance);
        var byBase = new Dictionary<ColumnEntry, List<Assigned>>(ReferenceEqualityComparer.Instance);
        // A column of a table with several activities has one entry per activity: a view column folds when each of its
        // activities is one of its base column's (or it has none).
        var assigned = new Dictionary<ColumnEntry, List<Assigned>>(ReferenceEqualityComparer.Instance);
        foreach (var x in assignment.Where(x => x.Path is null))
        {
            if (!assigned.TryGetValue(x.C, out var entries)) assigned[x.C] = entries = [];
            entries.Add(x);
        }
        var lineage = new Dictionary<SourceEntry, ViewLineage>(ReferenceEqualityComparer.Instance);
        foreach (var (column, entries) in assigned)
        {
            var x = entries[0];
            if (column.ReadsFrom is null || !DataCategoryVocabulary.IsPersonal(column.DataCategory)) continue;
            if (!lineage.TryGetValue(x.S, out var ofSource)) lineage[x.S] = ofSource = ViewLineage.Of(x.S);
            if (ofSource.Root(column) is not { } root || !assigned.TryGetValue(root.Column, out var bases)) continue;
            var basis = bases[0];
            if (basis.C.DataCategory != column.DataCategory || !entries.All(e => e.A is null || bases.Any(b => ReferenceEquals(e.A, b.A)))) continue;
            folded.Add(column);
            if (!byBase.TryGetValue(basis.C, out var list)) byBase[basis.C] = list = [];
            list.Add(x);
        }
        return new ViewReadings(folded, byBase);
    }

    /// <summary>A claim with a finding on a column, and the category the finding is about (null when it names none).</summary>
    private sealed record Violation(string Claim, string? Category);

    /// <summary>True when the record lists the column for its own category and that category is the classifier's
    /// suggestion, not a tag (status <c>suggested</c>): marked per column as the processor record marks it (trial37
    /// finding 7: a new untagged e-mail column read as reviewed). A JSON path's category comes from its annotation and a
    /// category found inside content is marked by <c>(also contains)</c>.</summary>
    private static bool SuggestedColumn(Assigned x) => x.Path is null && x.C.Status == ColumnStatus.Suggested;

    /// <summary>Appended to a fleet item's detail for a suggested column, so that only columns alike are grouped.</summary>
    private const string SuggestedMark = "\u0002suggested";

    /// <summary>What follows a column's location when the record lists a category found inside its content.</summary>
    internal const string AlsoContainsMark = "(also contains)";

    private sealed record Assigned(SourceEntry S, TableEntry T, ColumnEntry C, ProcessingActivity? A, string? Path = null, string? PathCategory = null)
    {
        /// <summary>True for a category found inside the column's content (<see cref="ClaimChecks.EmbeddedCategories"/>),
        /// <see cref="Path"/> then being <see cref="AlsoContainsMark"/>.</summary>
        public bool Embedded { get; init; }

        /// <summary>The category the record lists this entry under: the path's, else the column's.</summary>
        public string? Category => PathCategory ?? C.DataCategory;

        /// <summary><c>source/table.column</c>, the column of a claim finding.</summary>
        public string ColumnLocation => $"{S.Name}/{T.QualifiedName}.{C.Name}";

        /// <summary><see cref="ColumnLocation"/>, followed by the path for a path's category.</summary>
        public string Location => Path is null ? ColumnLocation : $"{ColumnLocation} {Path}";
    }

    private static ActivityRecord Activity(ProcessingActivity a, PolicyDocument policy, List<Assigned> assignment,
        Dictionary<string, IReadOnlyList<Violation>> violations, InventoryDocument inventory, InventoryDocument? previous, FleetSummary fleet,
        ViewReadings views)
    {
        var mine = assignment.Where(x => ReferenceEquals(x.A, a)).ToList();
        var categories = new List<CategoryRecord>();
        // A processor activity's tables are grouped among themselves: the host's own tables of the same name are no
        // tenant missing from the processor scope (trial37 finding 8: "not here: panel" on the customers' users tables).
        var scope = a.IsProcessor ? new FleetSummary(inventory, (s, t) => t.ServesActivity(a.Id) || (t.Activity is null && s.Role == ProcessingRole.Processor)) : fleet;
        CategoryRecord Record(string category, bool declared, List<Assigned> cols, bool inPolicy)
        {
            var held = cols.Select(x => x.Category!).ToList();
            // A column whose content holds two subcategories of a broad declared category (an e-mail and a phone number
            // in a message, under `contact`) is listed once: twice, the fleet grouping read the copies as two places,
            // "body (also contains) in 1 sources (helpdesk)" (trial38 finding 4).
            cols = cols.DistinctBy(x => x.Location, StringComparer.Ordinal).ToList();
            var locations = cols.Select(x => x.Location).ToList();
            // The claims a column's line is marked with: for a category found inside a column's content, only the findings
            // about that category, not those about the column's own (trial37 finding 10: an e-mail found in a message was
            // marked with the message's undeclared customer_content).
            IReadOnlyList<string> Violates(Assigned x) => violations.GetValueOrDefault(x.ColumnLocation, [])
                .Where(v => !x.Embedded || v.Category != x.C.DataCategory).Select(v => v.Claim).Distinct(StringComparer.Ordinal).ToList();
            var declaredByAnother = declared ? null : DeclaredByAnother(a, category, cols, policy);
            var readableThrough = cols.Where(x => x.Path is null).Select(views.Through).OfType<Phrase>().ToList();
            return new CategoryRecord
            {
                Category = category, CnilCategory = CnilCategory(category, a.Role), Sensitive = Sensitive(category), Declared = declared,
                CustomersToDeclare = a.IsProcessor && !inPolicy,
                DeclaredByAnother = declaredByAnother?.English, DeclaredByAnotherPhrase = declaredByAnother,
                // A category found only inside content rests on the scan's detectors, however the content column is tagged.
                // A category the policy itself declares for a processor activity is the policy's statement, not a
                // suggestion (trial37 finding 8).
                SuggestedOnly = !(a.IsProcessor && inPolicy) && cols.Count > 0 && cols.All(x => x.Embedded || SuggestedColumn(x)),
                RetentionPhrase = WithNarrowerRules(AppliedRetention(a, category, declared, policy), a, category, held, policy),
                Columns = locations,
                DeclaredAt = inPolicy ? a.DeclaredAt(PolicyName(policy), "data-categories") : null,
                RetentionDeclaredAt = a.RetentionFor(category) is not null ? a.DeclaredAt(PolicyName(policy), "retention") : null,
                AnnotatedIn = cols.Where(x => !x.Embedded && !SuggestedColumn(x) && x.C.Annotation?.File is not null)
                    .Select(x => x.C.Annotation!.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                FoundInDatabases = cols.Any(x => x.Embedded || SuggestedColumn(x) || x.C.Annotation is null),
                Entries = cols.Select(x => new ColumnMark { Location = x.Location, Violates = Violates(x), SuggestedOnly = SuggestedColumn(x) }).ToList(),
                // Over a fleet the same table.column of every tenant is one line; the tenants whose column is elsewhere
                // (another category, activity or claim finding, or no such column) are named on it.
                Groups = scope.Group(cols.Select(x => new FleetSummary.Item(x.S.Name, x.T.QualifiedName, x.C.Name, x.Path,
                        string.Join(",", Violates(x)) + (SuggestedColumn(x) ? SuggestedMark : ""), x.Location)),
                    describe: (place, item) => FleetSummary.Holds(place, item.Column, category),
                    violates: item => item.Detail.Replace(SuggestedMark, "", StringComparison.Ordinal) is { Length: > 0 } ids ? ids.Split(',') : [],
                    suggested: item => item.Detail.EndsWith(SuggestedMark, StringComparison.Ordinal)),
                RowHistory = RowHistoryOf(cols),
                ReadableThrough = readableThrough.Select(p => p.English).ToList(), ReadableThroughPhrases = readableThrough,
                // Compared with the rule of the column's own category, as its column row compares it (trial38 finding 1).
                AnnotatedRetention = cols.Where(x => AnnotatedRetentionOf(x) is { } r && RetentionDiffers(r, a.RetentionFor(x.Category!), policy, a))
                    .GroupBy(x => AnnotatedRetentionOf(x)!, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} ({string.Join(", ", g.Select(x => x.C.Annotation?.Retention is null ? $"{x.S.Name}/{x.T.QualifiedName}" : x.ColumnLocation).Distinct(StringComparer.Ordinal))})").ToList(),
            };
        }
        foreach (var declared in a.DataCategories)
        {
            var cols = mine.Where(x => DataCategoryVocabulary.Covers(declared, x.Category!)
                                       && !a.DataCategories.Any(d => d != declared && d.Length > declared.Length && DataCategoryVocabulary.Covers(declared, d) && DataCategoryVocabulary.Covers(d, x.Category!)))
                .ToList();
            categories.Add(Record(declared, true, cols, inPolicy: true));
        }
        // Customer-owned data is the customers' to declare (Art. 30(2) records categories of processing, not of data):
        // a category a processor activity's tables hold and its policy does not list is listed under the activity, marked
        // as the customers' to declare, never raised as undeclared, whether it is in a processor source, in a host table
        // annotated with the activity, or found inside content it hosts (trial43 finding 7: a host table's were flagged
        // "(not declared)" while a processor source's were not).
        foreach (var group in mine.Where(x => !a.Declares(x.Category!)).GroupBy(x => x.Category!).OrderBy(g => g.Key, StringComparer.Ordinal))
            categories.Add(Record(group.Key, a.IsProcessor, group.ToList(), inPolicy: false));

        // Tables behind the activity: every table annotated with it (personal columns or not), and for a processor
        // activity every table of a processor-role source (customer-owned, recorded at system level).
        var tables = inventory.AllTables()
            .Where(x => x.Table.ServesActivity(a.Id) || (a.IsProcessor && x.Source.Role == ProcessingRole.Processor))
            .Select(x => $"{x.Source.Name}/{x.Table.QualifiedName}").Distinct(StringComparer.Ordinal).ToList();

        var declaredRecipients = a.Recipients.Select(policy.Recipient).OfType<Recipient>().ToList();
        var recipients = declaredRecipients.Select(r => new RecipientRow
        {
            Id = r.Id, Name = r.Name, Kind = r.Kind, Purpose = r.Purpose, Country = r.Country,
            Transfer = r.Transfer is { } t ? $"{t.Country} ({t.Safeguard})" : null,
            NoSafeguard = ThirdCountries.LacksSafeguard(r),
        }).ToList();
        // Recipients the annotations name for this activity's personal data and the activity does not declare (trial 27:
        // a table shared with a US processor read "none outside the controller").
        var annotatedShares = mine
            .SelectMany(x => Recipients.Of(x.T, x.C).Select(r => (r.Recipient, Location: r.Scope == ShareScope.Table ? $"{x.S.Name}/{x.T.QualifiedName}" : x.ColumnLocation)))
            .Where(p => !a.Recipients.Contains(p.Recipient, StringComparer.Ordinal))
            .GroupBy(p => p.Recipient, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Known: policy.Recipient(g.Key), Locations: string.Join(", ", g.Select(p => p.Location).Distinct(StringComparer.Ordinal))))
            .ToList();
        var annotatedRecipients = annotatedShares.Select(r => r.Known is { } k
            ? $"{k.Name} ({k.Kind}{(k.Country is null ? "" : ", " + k.Country)}): {r.Locations}"
            : $"{r.Id} (not among the policy's recipients): {r.Locations}").ToList();
        var annotatedTransfers = annotatedShares.Where(r => r.Known is { } k && (k.Transfer is not null || ThirdCountries.LacksSafeguard(k)))
            .Select(r => r.Known!.Transfer is { } t ? $"{r.Known.Name}: {t.Country} ({t.Safeguard}) ({r.Locations})"
                : $"{ThirdCountries.UndeclaredTransfer(r.Known)} ({r.Locations})").ToList();
        var recordedBefore = RecordsActivity(previous, a, policy) ? DateOf(previous!.ScannedAt) : null;
        return new ActivityRecord
        {
            AnnotatedRecipients = annotatedRecipients, AnnotatedTransfers = annotatedTransfers,
            Id = a.Id, Name = a.Name, Role = a.Role, Controllers = a.Controllers, Purposes = a.Purposes,
            LegalBasis = LegalBasisCell(a, categories),
            DataSubjects = a.DataSubjects, Categories = categories, Recipients = recipients,
            // A recipient in a third country without a `transfer:` block is a transfer too, flagged: the record never reads
            // "none" beside a recipient in the US (trial37 finding 1; Art. 30(1)(e)).
            Transfers = declaredRecipients.Zip(recipients).Where(p => p.Second.Transfer is not null || p.Second.NoSafeguard)
                .Select(p => p.Second.Transfer is { } t ? $"{p.Second.Name}: {t}" : ThirdCountries.UndeclaredTransfer(p.First)).ToList(),
            Retention = a.Retention.Select(r => new RetentionRow
            {
                Categories = string.Join(", ", r.Categories), Period = r.Period, Basis = r.Basis, Erasable = r.Erasable,
            }).ToList(),
            SecurityMeasures = a.SecurityMeasures,
            Tables = tables,
            TableGroups = scope.Group(tables.Select(ExaminedTable)),
            CreatedOn = recordedBefore ?? DateOf(inventory.ScannedAt),
            CreatedInPrevious = recordedBefore is not null,
            UpdatedOn = DateOf(inventory.ScannedAt),
            DeclaredAt = Provenance(a, policy, declaredRecipients),
        };
    }

    /// <summary>The name a field's provenance gives the policy: its file name (<c>policy.yml</c>), or
    /// <c>policy.yml (built-in)</c>.</summary>
    internal static string PolicyName(PolicyDocument policy) => policy.IsBuiltin ? policy.File : Path.GetFileName(policy.File);

    /// <summary>Where the policy declares each field of the activity (<see cref="ActivityProvenance"/>).</summary>
    private static ActivityProvenance Provenance(ProcessingActivity a, PolicyDocument policy, IReadOnlyList<Recipient> declaredRecipients)
    {
        var name = PolicyName(policy);
        var transferLines = declaredRecipients.Where(r => r.Line > 0 && (r.Transfer is not null || ThirdCountries.LacksSafeguard(r)))
            .Select(r => r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new ActivityProvenance
        {
            Activity = a.Line > 0 ? $"{name}:{a.Line}" : null,
            Controllers = a.DeclaredAt(name, "controllers"),
            Purposes = a.DeclaredAt(name, "purposes"),
            LegalBasis = a.DeclaredAt(name, "legal-basis"),
            DataSubjects = a.DeclaredAt(name, "data-subjects"),
            DataCategories = a.DeclaredAt(name, "data-categories"),
            Recipients = a.DeclaredAt(name, "recipients"),
            Transfers = transferLines.Count == 0 ? null : $"{name}:{string.Join(", ", transferLines)}",
            Retention = a.DeclaredAt(name, "retention"),
            SecurityMeasures = a.DeclaredAt(name, "security-measures"),
        };
    }

    /// <summary>The legal bases of an activity as "article: detail", and for a controller activity whose record holds a
    /// special category of data (GDPR Art. 9(1): <c>other_personal.health</c>, <c>other_personal.special_category</c>,
    /// declared or found in its tables) with no Art. 9(2) condition among them, a flagged line saying so (trial37 finding
    /// 2): Art. 9(1) prohibits that processing unless a condition of Art. 9(2) applies, whatever the Art. 6(1) basis. With
    /// no basis at all the line follows <see cref="RecordWording.NoneDeclared"/>.</summary>
    private static List<string> LegalBasisCell(ProcessingActivity a, IReadOnlyList<CategoryRecord> categories)
    {
        var cell = a.LegalBasis.Select(l => l.Detail is null ? l.Article : $"{l.Article}: {l.Detail}").ToList();
        if (a.IsProcessor) return cell;
        var special = categories.Select(c => c.Category).Where(c => c is "other_personal.health" or "other_personal.special_category")
            .Order(StringComparer.Ordinal).Distinct().ToList();
        if (special.Count == 0 || a.LegalBasis.Any(l => LegalBasisArticle.TryRead(l.Article, out var article, out _) && article!.IsSpecialCategoryCondition))
            return cell;
        if (cell.Count == 0) cell.Add(RecordWording.NoneDeclared);
        cell.Add($"⚠ no condition of Art. 9(2) for {string.Join(", ", special)} (special categories of data, Art. 9(1))");
        return cell;
    }

    /// <summary>A scan time as the register writes its dates (<c>yyyy-MM-dd</c>, UTC), or null.</summary>
    private static string? DateOf(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>True when the previous inventory already recorded the activity: a table of it is annotated with the
    /// activity, or, for the policy's only processor activity, it holds a processor-role source (whose tables belong to
    /// that activity, as in <see cref="Build"/>).</summary>
    private static bool RecordsActivity(InventoryDocument? previous, ProcessingActivity a, PolicyDocument policy) =>
        previous is not null && previous.Sources.Any(s => s.Tables.Any(t => t.ServesActivity(a.Id))
            || (a.IsProcessor && s.Role == ProcessingRole.Processor && s.Tables.Count > 0 && policy.Activities.Count(p => p.IsProcessor) == 1));

    /// <summary>True when an annotation's retention text says something else than the policy's rule (compared to the
    /// rule's period and to its full text, trimmed, case-insensitive; no rule: compared to the default retention, or for a
    /// processor activity to each of its rules).</summary>
    private static bool RetentionDiffers(string annotated, RetentionRule? rule, PolicyDocument policy, ProcessingActivity? activity)
    {
        static string N(string? v) => (v ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        var a = N(annotated);
        // A processor activity without a rule for the category keeps it as its rules say (AppliedRetention), not by the default.
        if (rule is null && activity is { IsProcessor: true })
            return activity.Retention.All(r => a != N(r.Period) && a != N(RetentionText(r, policy))) && a != N(ProcessorRetention(activity, policy));
        return rule is null ? a != N(policy.Rights.DefaultRetention) : a != N(rule.Period) && a != N(RetentionText(rule, policy));
    }

    /// <summary>The retention that applies to a category of an activity, in the words every format uses (the record's
    /// retention cell, the column rows of CSV and XLSX): the activity's most specific rule covering the category, else the
    /// policy's default retention followed by <c>(policy default)</c>, a default shown as a default (for a processor
    /// activity: its own rules, <see cref="ProcessorRetention"/>). A category the activity does not declare still has that retention, followed by where
    /// it comes from and the flag <c>(policy default; category not declared by this activity)</c> or <c>(this activity's
    /// rule for automatic; category not declared by this activity)</c> (trial 26: the record said "no retention
    /// declared" where the CSV gave the default for the same columns).</summary>
    /// <param name="activity">The activity the column is attributed to.</param>
    /// <param name="category">The column's (or JSON path's) data category.</param>
    /// <param name="declared">True when the activity declares the category (or, for a processor source, when the
    /// customers declare it).</param>
    /// <param name="policy">The policy (its default retention).</param>
    /// <returns>The text, or null when neither a rule nor a default retention exists.</returns>
    /// <summary>For a category a controller activity's tables hold but it does not declare, the other controller
    /// activities that do declare it, with their retention, and the annotation that would record the table as serving
    /// both: <c>declared by billing-and-payment (kept 10 years after the end of the financial year): if the table serves
    /// it too, annotate organisations with activity: [account-management, billing-and-payment]</c> (trial43, ROPA: an
    /// organisations table under account-management holding the SIRET billing declares read "financial.tax_id (not
    /// declared)" with the 30-day default, where the table serves both). Null when no other controller activity declares
    /// it (then the category is undeclared indeed), and for a processor activity (customer data is the customers' to
    /// declare).</summary>
    /// <param name="activity">The activity whose record lists the category.</param>
    /// <param name="category">The undeclared category.</param>
    /// <param name="cols">Its columns in the activity's tables.</param>
    /// <param name="policy">The policy.</param>
    private static Phrase? DeclaredByAnother(ProcessingActivity activity, string category, IReadOnlyList<Assigned> cols, PolicyDocument policy)
    {
        if (activity.IsProcessor) return null;
        var others = policy.Activities.Where(o => o.Id != activity.Id && !o.IsProcessor && o.Declares(category)).ToList();
        if (others.Count == 0) return null;
        var declaredBy = others.Select(o => (o.Id, o.RetentionFor(category)?.Period)).ToList();
        // The tables with the same activities get one annotation; a fleet's copies of a table are named once.
        var fixes = cols.Select(x => x.T).Distinct(ReferenceEqualityComparer.Instance).Cast<TableEntry>()
            .GroupBy(t => string.Join(", ", t.ActivityIds()), StringComparer.Ordinal)
            .Select(g => new AnnotationFix(g.Select(t => t.QualifiedName).Distinct(StringComparer.Ordinal).ToList(),
                others.Select(o => (IReadOnlyList<string>)g.First().ActivityIds().Append(o.Id).ToList()).ToList()))
            .ToList();
        return new Phrase(w => w.DeclaredByAnother(declaredBy, fixes));
    }

    internal static Phrase? AppliedRetention(ProcessingActivity activity, string category, bool declared, PolicyDocument policy)
    {
        var rule = activity.RetentionFor(category);
        if (rule is null && activity.IsProcessor)
        {
            var rules = activity.Retention.Select(r => RetentionPhrase(r, policy)!).ToList();
            return new Phrase(w => w.RetentionOfProcessor(rules, declared));
        }
        if (RetentionPhrase(rule, policy) is not { } text) return null;
        // The default is shown as a default, declared category or not (trial37 finding 3: an activity without `retention:`
        // read as if it had decided the default period).
        if (declared) return rule is null ? new Phrase(w => w.RetentionPolicyDefault(text)) : text;
        var ruleFor = rule?.Categories.Where(c => DataCategoryVocabulary.Covers(c, category)).OrderByDescending(c => c.Length).First();
        return new Phrase(w => w.RetentionUndeclared(text, ruleFor));
    }

    /// <summary><see cref="RetentionText"/> as a phrase: the rule's period and basis as the policy writes them, and
    /// <c>not erasable on request</c> in the record's language; the policy's default when there is no rule.</summary>
    private static Phrase? RetentionPhrase(RetentionRule? rule, PolicyDocument policy)
    {
        if (rule is null) return policy.Rights.DefaultRetention is { } fallback ? Phrase.Verbatim(fallback) : null;
        return new Phrase(w => w.RetentionRule(rule.Period, rule.Basis, rule.Erasable));
    }

    /// <summary>The retention of a declared category followed by the activity's narrower rules that apply to the categories
    /// its columns hold: a declared <c>financial</c> whose columns hold <c>financial.billing</c>, which a rule keeps
    /// 10 years, reads <c>other data deleted within 30 days (policy default), except financial.billing (this activity's
    /// rule): 10 years; not erasable on request</c>. Without it the record gave the broad category's retention alone, the
    /// policy default, while the column rows (CSV, XLSX) and the deletion-path claim used the narrower rule (trial38
    /// finding 1: accounting data kept 10 years read as deleted within 30 days). A processor activity without a rule of
    /// its own for the category already lists all its rules (<see cref="ProcessorRetention"/>).</summary>
    /// <param name="retention">The category's own retention (<see cref="AppliedRetention"/>), or null.</param>
    /// <param name="activity">The activity the record is of.</param>
    /// <param name="category">The record's category (declared or not).</param>
    /// <param name="held">The categories of the columns (and paths, and content) listed under it.</param>
    /// <param name="policy">The policy (the rules' words).</param>
    /// <returns><paramref name="retention"/> alone when no narrower rule applies; else with one <c>, except …</c> per rule,
    /// in the policy's order; null when there is neither.</returns>
    internal static Phrase? WithNarrowerRules(Phrase? retention, ProcessingActivity activity, string category, IEnumerable<string> held, PolicyDocument policy)
    {
        var own = activity.RetentionFor(category);
        if (own is null && activity.IsProcessor) return retention;
        var narrower = held.Where(c => !string.Equals(c, category, StringComparison.Ordinal) && DataCategoryVocabulary.Covers(category, c))
            .Distinct(StringComparer.Ordinal)
            .Select(c => (Category: c, Rule: activity.RetentionFor(c)))
            .Where(x => x.Rule is not null && !ReferenceEquals(x.Rule, own))
            .GroupBy(x => x.Rule!)
            .OrderBy(g => activity.Retention.ToList().IndexOf(g.Key))
            .Select(g => ((IReadOnlyList<string>)g.Select(x => x.Category).Order(StringComparer.Ordinal).ToList(), RetentionPhrase(g.Key, policy)!))
            .ToList();
        if (narrower.Count == 0) return retention;
        return new Phrase(w => w.RetentionExcept(retention, narrower));
    }

    /// <summary>What a processor activity keeps its controllers' data for when none of its rules names the category: its
    /// rules' retention, all of them (a customer database holds the customers' categories, not the host's), never the
    /// policy's <c>default-retention</c>, which is the controller's own rule for its own data; a processor keeps personal
    /// data as the controller served instructs and deletes or returns it at the end of the service (GDPR Art. 28(3)(g);
    /// trial 30: a customer database's e-mail column got the host's "other data deleted within 30 days").</summary>
    /// <param name="activity">A processor activity.</param>
    /// <param name="policy">The policy (for the rules' words).</param>
    /// <returns>The rules' texts joined by "; ", or "as the controller served instructs" when the activity has none.</returns>
    private static string ProcessorRetention(ProcessingActivity activity, PolicyDocument policy) =>
        activity.Retention.Count == 0 ? "as the controller served instructs"
            : string.Join("; ", activity.Retention.Select(r => RetentionText(r, policy)).Distinct(StringComparer.Ordinal));

    /// <summary>True when the column's activity declares its category; a processor source's categories are the
    /// customers' to declare (see <see cref="Activity"/>).</summary>
    private static bool DeclaredBy(Assigned x) =>
        x.A is { } a && (a.Declares(x.Category!) || (a.IsProcessor && x.S.Role == ProcessingRole.Processor));

    /// <summary>The retention an annotation gives a column: its own entry's <c>retention:</c>, else its table's; null when
    /// neither says one (trial 27: a column's own retention was read and then dropped, the table's shown instead).</summary>
    /// <summary>The tables of <paramref name="cols"/> that keep row history, one line per table name and mechanism, with
    /// the number of sources when more than one holds it (a fleet of tenants).</summary>
    private static IReadOnlyList<string> RowHistoryOf(List<Assigned> cols) => cols
        .Where(x => x.T.History is not null)
        .GroupBy(x => (x.T.QualifiedName, x.T.History!.Mechanism, x.T.History.RetentionPeriod))
        .OrderBy(g => g.Key.QualifiedName, StringComparer.Ordinal).ThenBy(g => g.Key.Mechanism, StringComparer.Ordinal)
        .ThenBy(g => g.Key.RetentionPeriod, StringComparer.Ordinal)
        .Select(g =>
        {
            int sources = g.Select(x => x.S.Name).Distinct(StringComparer.Ordinal).Count();
            var retention = g.Key.RetentionPeriod is { } period ? $", purged after {period}" : "";
            return $"{g.Key.QualifiedName} ({g.Key.Mechanism}{retention}){(sources > 1 ? $" in {sources} sources" : "")}";
        })
        .ToList();

    private static string? AnnotatedRetentionOf(Assigned x) => x.C.Annotation?.Retention ?? x.T.Retention;

    private static string? RetentionText(RetentionRule? rule, PolicyDocument policy) =>
        rule is null ? policy.Rights.DefaultRetention
        : rule.Period + (rule.Basis is null ? "" : $" ({rule.Basis})") + (rule.Erasable ? "" : "; not erasable on request");

    private static ColumnRow Row(Assigned x, PolicyDocument? policy, ReportOptions options)
    {
        var (s, t, c) = (x.S, x.T, x.C);
        Phrase? policyPhrase = null;
        RetentionRule? rule = null;
        if (DataCategoryVocabulary.IsPersonal(c.DataCategory) && policy is not null)
        {
            rule = x.A?.RetentionFor(c.DataCategory!);
            policyPhrase = x.A is null ? policy.Rights.DefaultRetention is { } fallback ? new Phrase(w => w.RetentionPolicyDefault(Phrase.Verbatim(fallback))) : null
                : AppliedRetention(x.A, c.DataCategory!, DeclaredBy(x), policy);
        }
        var policyRetention = policyPhrase?.English ?? "";
        var annotatedRetention = AnnotatedRetentionOf(x);
        var retention = annotatedRetention ?? policyRetention;
        bool differs = annotatedRetention is { } annotated && policyRetention.Length > 0 && RetentionDiffers(annotated, rule, policy!, x.A);
        return new ColumnRow
        {
            Source = s.Name, Table = t.QualifiedName, Column = c.Name, Category = c.DataCategory ?? "",
            Status = GateStatus.Of(c, options.AcceptClassificationAbove),
            Activity = x.A?.Id ?? "",
            Retention = retention,
            PolicyRetention = policyRetention,
            PolicyRetentionPhrase = policyPhrase,
            RetentionDiffers = differs,
            AlsoContains = ClaimChecks.EmbeddedCategories(c) is { Count: > 0 } embedded ? string.Join(", ", embedded) : null,
            Type = c.DeclaredType,
            Origin = c.Origin is { } origin ? JsonNamingPolicy.KebabCaseLower.ConvertName(origin.ToString()) : "",
            Confidence = c.DataCategory is null ? "" : ConfidenceText.Format(c.Confidence),
            AnnotatedAt = c.Annotation is { File.Length: > 0 } a ? $"{a.File}:{a.Line}" : "",
            ScanSuggestion = Suggestions.Describe(c.Classification) ?? "",
        };
    }

    /// <summary>The claims' rows; a claim whose undecided items repeat an earlier claim's names it in
    /// <see cref="ClaimRow.UnresolvedSameAs"/>.</summary>
    private static List<ClaimRow> ClaimRowsOf(IReadOnlyList<ClaimResult> claims, FleetSummary fleet)
    {
        var rows = new List<ClaimRow>(claims.Count);
        foreach (var r in claims)
        {
            var first = r.Unresolved.Count == 0 ? null : rows.FirstOrDefault(earlier => earlier.UnresolvedSameAs is null
                && earlier.Unresolved.Select(u => u.Location).SequenceEqual(r.Unresolved.Select(u => u.Location), StringComparer.Ordinal));
            rows.Add(ClaimRowOf(r, first?.Id, fleet));
        }
        return rows;
    }

    private static ClaimRow ClaimRowOf(ClaimResult r, string? unresolvedSameAs, FleetSummary fleet) => new()
    {
        FindingGroups = Groups(r.Findings, fleet), UnresolvedGroups = SameReasonPerSource(r.Unresolved, fleet), ExemptedGroups = Groups(r.Exempted, fleet),
        ExaminedTableGroups = r.ExaminedTables.Count > 0 ? fleet.Group(r.ExaminedTables.Select(ExaminedTable)) : null,
        UnresolvedSameAs = unresolvedSameAs,
        Id = r.Claim.Id, Text = r.Claim.Text, Kind = r.Claim.Kind,
        Verdict = JsonNamingPolicy.KebabCaseLower.ConvertName(r.Verdict.ToString()), Summary = r.Summary, SummaryPhrase = r.SummaryPhrase, Examined = r.Examined,
        ExaminedTables = r.ExaminedTables.Count > 0 ? r.ExaminedTables : null,
        Findings = r.Findings.Select(Finding).ToList(), Unresolved = r.Unresolved.Select(Finding).ToList(),
        Exempted = r.Exempted.Count > 0 ? r.Exempted.Select(Finding).ToList() : null,
    };

    /// <summary>A claim's findings over a fleet: the same finding (same table, column and reason) in every tenant is one line.</summary>
    private static List<LocationGroup> Groups(IReadOnlyList<ClaimFinding> findings, FleetSummary fleet) =>
        fleet.Group(findings.Select(f => new FleetSummary.Item(f.Source, f.Table, f.Column, null, f.Reason, f.Location, f.ReasonPhrase)), reason: item => item.Detail);

    /// <summary>A claim's undecided items as the record lists them: grouped over a fleet (<see cref="Groups"/>), then the
    /// table-level items of one source that give the same reason are one line naming the tables (<c>support/tickets,
    /// support/replies: no account table …</c>), in the place of the first (trial46 L3: deletion-path repeated a 500-character
    /// reason for each of the 6 tables of a source without an account table). JSON keeps every item.</summary>
    /// <param name="findings">The undecided items, in document order.</param>
    /// <param name="fleet">The inventory's places.</param>
    private static List<LocationGroup> SameReasonPerSource(IReadOnlyList<ClaimFinding> findings, FleetSummary fleet)
    {
        var lines = fleet.GroupWithMembers(findings.Select(f => new FleetSummary.Item(f.Source, f.Table, f.Column, null, f.Reason, f.Location, f.ReasonPhrase)), reason: item => item.Detail);
        var merged = new List<(LocationGroup Line, List<LocationGroup> Same)>();
        var bySourceAndReason = new Dictionary<(string, string), List<LocationGroup>>();
        foreach (var (line, members) in lines)
        {
            var first = findings[members[0]];
            if (line.Where is not null || members.Count != 1 || first.Column is not null || line.Reason is null)
            {
                merged.Add((line, [line]));
                continue;
            }
            if (bySourceAndReason.TryGetValue((first.Source, line.Reason), out var same)) { same.Add(line); continue; }
            bySourceAndReason[(first.Source, line.Reason)] = same = [line];
            merged.Add((line, same));
        }
        return merged.Select(m => m.Same.Count == 1 ? m.Line : new LocationGroup
        {
            Location = string.Join(", ", m.Same.Select(l => l.Location)), Locations = m.Same.SelectMany(l => l.Locations).ToList(), Reason = m.Line.Reason, ReasonPhrase = m.Line.ReasonPhrase,
        }).ToList();
    }

    /// <summary>A table location (<c>source/table</c>) as an item to group.</summary>
    private static FleetSummary.Item ExaminedTable(string location)
    {
        int slash = location.IndexOf('/', StringComparison.Ordinal);
        return new FleetSummary.Item(slash < 0 ? "" : location[..slash], location[(slash + 1)..], null, null, "", location);
    }

    private static FindingRow Finding(ClaimFinding f) => new() { Location = f.Location, Category = f.DataCategory, Reason = f.Reason, ReasonPhrase = f.ReasonPhrase };

    /// <summary>True when the gate counts the column as tagged (<see cref="ColumnEntry.CountsAsTagged"/>) and nothing
    /// contradicts it (conflicts are counted apart).</summary>
    private static bool Accepted(ColumnEntry c, ReportOptions options) =>
        c.Status != ColumnStatus.Conflict && c.CountsAsTagged(options.AcceptClassificationAbove);

    private static SourceCoverage Coverage(SourceEntry s, ReportOptions options)
    {
        var tables = s.Tables.Select(t => new TableCoverage
        {
            Name = t.QualifiedName, Activity = t.ActivityIds() is { Count: > 0 } ids ? string.Join(", ", ids) : null, SharedWith = t.SharedWith, RowEstimate = t.RowEstimate, SampledRows = t.SampledRows,
            NotSampledReason = t.NotSampled is { } r ? JsonNamingPolicy.KebabCaseLower.ConvertName(r.ToString()) : null,
            Columns = t.Columns.Count,
            Tagged = t.Columns.Count(c => Accepted(c, options)),
            UntaggedWithSuggestion = t.Columns.Count(c => c.Status == ColumnStatus.Suggested && !Accepted(c, options)),
            UntaggedNoSuggestion = t.Columns.Count(c => c.Status == ColumnStatus.Untagged),
            Conflict = t.Columns.Count(c => c.Status == ColumnStatus.Conflict),
            // Binary columns are measured, never decoded, by design: counted apart from the columns a read failed to
            // sample (trial 26: "Not sampled" counted them as gaps).
            NotSampled = t.Columns.Count(c => (c.NotSampled ?? t.NotSampled) is { } reason && reason != NotSampledReason.Binary),
            NotSampledByType = t.Columns.Count(c => (c.NotSampled ?? t.NotSampled) == NotSampledReason.Binary),
        }).ToList();
        return new SourceCoverage
        {
            Name = s.Name, Provider = s.Provider, Role = s.Role, Target = s.Target, Complete = s.Complete, Tables = tables,
            Controller = s.Role == ProcessingRole.Processor ? s.Controller : null,
            Columns = tables.Sum(t => t.Columns), Tagged = tables.Sum(t => t.Tagged), UntaggedWithSuggestion = tables.Sum(t => t.UntaggedWithSuggestion),
            UntaggedNoSuggestion = tables.Sum(t => t.UntaggedNoSuggestion), Conflict = tables.Sum(t => t.Conflict), NotSampled = tables.Sum(t => t.NotSampled),
            NotSampledByType = tables.Sum(t => t.NotSampledByType),
        };
    }

    private static CoverageCounts Sum(IReadOnlyList<CoverageCounts> parts) => new()
    {
        Columns = parts.Sum(t => t.Columns), Tagged = parts.Sum(t => t.Tagged), UntaggedWithSuggestion = parts.Sum(t => t.UntaggedWithSuggestion),
        UntaggedNoSuggestion = parts.Sum(t => t.UntaggedNoSuggestion), Conflict = parts.Sum(t => t.Conflict), NotSampled = parts.Sum(t => t.NotSampled),
        NotSampledByType = parts.Sum(t => t.NotSampledByType),
    };

    /// <summary>The chart's bars: the columns of the controller sources, the host's own data. A processor source is read
    /// from its catalog only, its categories guessed from names (trial37 finding 10: 30 customer databases' name-only
    /// suggestions were added to the host's footprint); they are counted apart (<see cref="ReportModel.ChartProcessorColumns"/>).</summary>
    private static List<CategoryCount> Chart(InventoryDocument inventory)
    {
        var counts = inventory.AllColumns().Where(x => x.Source.Role != ProcessingRole.Processor)
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
