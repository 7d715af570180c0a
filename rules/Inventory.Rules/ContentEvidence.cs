using System.Collections.Frozen;
using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>What the content of text and JSON columns holds beyond its detector ratios: the identifiers embedded in
/// free text ("also contains", C08) and the categories the name rules give to the keys of JSON documents (key-level
/// detection) and the values nested in them, path by path (C28, C29). Only categories, rule and detector ids leave it,
/// never a value, a key or a path.</summary>
/// <param name="rules">The name rules (for JSON keys).</param>
/// <param name="detectors">The detector suite (for the values at each JSON path).</param>
/// <param name="options">The thresholds.</param>
/// <param name="classifyElements">The rule classifier's column step, applied to the elements of JSON arrays.</param>
internal sealed class ContentEvidence(NameRuleSet rules, DetectorSuite detectors, RuleClassifierOptions options,
    Func<ColumnEvidence, ColumnClassification> classifyElements)
{
    private readonly NameRuleSet _rules = rules;
    private readonly DetectorSuite _detectors = detectors;
    private readonly RuleClassifierOptions _options = options;
    private readonly Func<ColumnEvidence, ColumnClassification> _classifyElements = classifyElements;

    /// <summary>Categories of identifiers embedded in free text; financial identifiers inside a message are reported but never decide.</summary>
    public static IReadOnlyList<string> AlsoContains(IReadOnlyList<string> values) => Embedded(values).Select(e => e.Category).ToArray();

    // Each embedded identifier's kind and the category it is data of, in the categories' ordinal order.
    private static readonly (EmbeddedKinds Kind, string Category)[] EmbeddedCategories =
    [
        (EmbeddedKinds.IpAddress, "automatic.ip_address"), (EmbeddedKinds.Email, "contact.email"), (EmbeddedKinds.Phone, "contact.phone"),
        (EmbeddedKinds.Iban, "financial.bank_account"), (EmbeddedKinds.PaymentCard, "financial.payment_card"),
    ];

    /// <summary>The identifiers embedded in free text (<see cref="EmbeddedIdentifierDetector"/>), per category with how
    /// many of the non-blank values hold one: the counts <c>inventory annotate</c> shows beside "also contains".</summary>
    /// <param name="values">The column's sampled values (raw; never stored).</param>
    /// <returns>One entry per category found (values holding it, non-blank values tested), in ordinal order of category.</returns>
    public static IReadOnlyList<(string Category, int Matched, int Total)> Embedded(IReadOnlyList<string> values)
    {
        var counts = new int[EmbeddedCategories.Length];
        int total = 0;
        // Indexed loops, no LINQ over the tuples: this runs for every text column (perf43).
        for (int i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (string.IsNullOrWhiteSpace(v)) continue;
            total++;
            if (v.Length < 8) continue;
            var kinds = EmbeddedIdentifierDetector.Find(v);
            if (kinds == EmbeddedKinds.None) continue;
            for (int k = 0; k < counts.Length; k++) if (kinds.HasFlag(EmbeddedCategories[k].Kind)) counts[k]++;
        }
        int found = 0;
        foreach (var n in counts) if (n > 0) found++;
        if (found == 0) return [];
        var embedded = new (string Category, int Matched, int Total)[found];
        for (int k = 0, j = 0; k < counts.Length; k++)
            if (counts[k] > 0) embedded[j++] = (EmbeddedCategories[k].Category, counts[k], total);
        return embedded;
    }

    /// <summary>The <c>contains</c> evidence item of an embedded category: how many values hold it, never a value.</summary>
    /// <param name="embedded">The category with its counts (<see cref="Embedded"/>).</param>
    public static EvidenceItem ContainsEvidence((string Category, int Matched, int Total) embedded) =>
        new("contains", "contains." + embedded.Category, embedded.Category, embedded.Matched, embedded.Total,
            Math.Round((double)embedded.Matched / Math.Max(1, embedded.Total), 4), "values with it inside their text");

    /// <summary>A column of JSON arrays of scalars is a list column (C29, as SQLite or MySQL store one): its elements are
    /// classified as the column's values, like the elements of a PostgreSQL array; empty arrays are no evidence (like NULL).</summary>
    public ColumnClassification JsonArrayColumn(ColumnEvidence column, List<string> elements, int emptyArrays, List<EvidenceItem> evidence)
    {
        var inner = column with
        {
            Values = elements,
            NullCount = column.NullCount + emptyArrays,
            Column = column.Column with { ElementFamily = TypeFamily.Untyped },
        };
        var decision = _classifyElements(inner);
        var head = new List<EvidenceItem>(evidence)
        {
            new("sample", "sample.json-array-elements", Matched: elements.Count, Total: elements.Count + emptyArrays,
                Detail: string.Create(CultureInfo.InvariantCulture,
                    $"JSON arrays: {elements.Count} elements tested one by one (at most {JsonValues.MaxElements} per array); {emptyArrays} empty arrays are no evidence")),
        };
        return decision with { Evidence = [.. head, .. decision.Evidence] };
    }

    /// <summary>The words of a bare language key (after the tokenizer's abbreviations: <c>lang</c> reads as language), in
    /// English, French, German and Spanish: a key whose values, when they are language tags, are a language preference.</summary>
    private static readonly FrozenSet<string> LanguageKeys = new[]
    {
        "language", "locale", "language code", "locale code", "langue", "code langue", "sprache", "sprachcode", "idioma",
        "codigo idioma", "codigo de idioma",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A detector that decides a plain column only with its name's support
    /// (<see cref="DetectorWeight.NeedsNameSupport"/>), seen at a JSON path (trial36 finding 9: <c>fr-FR</c>, <c>de-DE</c> at
    /// <c>$.prefs.lang</c> got no suggestion while the same values in a plain <c>locale</c> column were
    /// automatic.browser_language). It counts at the path as in a plain column when at least
    /// <see cref="RuleClassifierOptions.SupportShare"/> of the path's values match and the key's own category supports it
    /// (step 3 of <see cref="ValueRules"/>); language tags also count under a bare language key (<c>lang</c>,
    /// <c>locale</c>, <c>langue</c>, <c>sprache</c>, <c>idioma</c>) of a document of a person's or account's table: a language
    /// kept there is that person's preference (LABELS.md tie-breaker 5). Never the application's own settings
    /// (<see cref="ApplicationSetting"/>) nor a thing's language (<see cref="NotAPersonsLanguage"/>); a key whose name says
    /// something else is not read (a country code reads <c>fr</c>, <c>de</c>, <c>es</c> too; <c>lng</c> is a longitude).</summary>
    /// <param name="scores">The detectors' results over the path's values.</param>
    /// <param name="key">The key's name match (its table groups are its parent object's, or the column's table's).</param>
    /// <param name="tableGroups">The column's own table's groups.</param>
    /// <returns>The detector's score, or null when none counts.</returns>
    private DetectorScore? SupportedByTheKey(DetectorResult scores, NameMatch? key, IReadOnlyList<string> tableGroups)
    {
        if (key is null) return null;
        bool owners = tableGroups.Contains("person") || tableGroups.Contains("user-account");
        foreach (var score in scores.ScoreSpan)
        {
            if (score.Weight != DetectorWeight.NeedsNameSupport || score.DataCategory is null || score.Matched < 2) continue;
            if (!ValueRules.Enough(score, _options.SupportShare, _options)) continue;
            bool supported = score.Detector.IsSupportedBy(key.DataCategory) && !ApplicationSetting(key, key.DataCategory!);
            bool bareLanguage = score.Id == DetectorIds.LanguageTag && key.DataCategory is null or "none" && owners
                && LanguageKeys.Contains(string.Join(' ', key.Tokens));
            if ((supported || bareLanguage) && !NotAPersonsLanguage(key, score.DataCategory, tableGroups)) return score;
        }
        return null;
    }

    // Table groups whose language is a thing's, not a person's (LABELS.md tie-breaker 5: a catalogue item's language is none).
    private static readonly string[] ThingsLanguageGroups = ["translation", "catalogue", "company", "organisation-publication"];

    /// <summary>True when a language at a JSON path is not a person's preference (LABELS.md tie-breaker 5): the key's object
    /// or the column's table is a translation, a catalogue, a company or a publication, or a configuration object or table
    /// outside a table of people or accounts (<c>app_settings.value</c> <c>$.ui.locale</c>; a user's <c>$.settings.lang</c>
    /// stays theirs).</summary>
    /// <param name="key">The key's name match (its table groups are its parent object's, or the column's table's).</param>
    /// <param name="category">The category found at the path.</param>
    /// <param name="tableGroups">The column's own table's groups.</param>
    private static bool NotAPersonsLanguage(NameMatch key, string category, IReadOnlyList<string> tableGroups)
    {
        if (category != "automatic.browser_language") return false;
        if (ThingsLanguageGroups.Any(g => key.TableGroups.Contains(g) || tableGroups.Contains(g))) return true;
        bool owners = tableGroups.Contains("person") || tableGroups.Contains("user-account");
        return !owners && (key.TableGroups.Contains("configuration") || tableGroups.Contains("configuration"));
    }

    /// <summary>True when a JSON key's language or time-zone category is the application's own setting: a top-level key
    /// (<c>$.timezone_default</c>, <c>$.locale</c>) of a document in a table that configures the application
    /// (<c>app_settings</c>, <c>parametres</c>, <c>Einstellungen</c>) and holds no person's or account's rows (kinds25, C28's
    /// kind: configuration documents are none; LABELS.md tie-breaker 5: a language preference stored on an account is
    /// automatic.browser_language, a catalogue's or the application's is not).</summary>
    /// <param name="key">The key's name match (its table is the column's table for a top-level key).</param>
    /// <param name="category">The key's category.</param>
    private static bool ApplicationSetting(NameMatch key, string category) =>
        category == "automatic.browser_language" && key.TableGroups.Contains("configuration")
        && !key.TableGroups.Contains("person") && !key.TableGroups.Contains("user-account");

    /// <summary>A column of JSON objects: each path is classified like a column (a validated detector over the path's
    /// values, otherwise the name rule of its key; the same type gates), and the column takes (1) its own name's category
    /// when the name is personal; else (2) <c>customer_content.application_data</c> when the documents' keys change from
    /// row to row (documents users write); else (3) the most identifying category among its paths (financial &gt; contact
    /// &gt; other_personal &gt; automatic, <see cref="JsonValues.Rank"/>); the other categories found are kept as "also
    /// contains" (all of them, as the key-level detection reported them). Keys may be data (a map keyed by e-mail
    /// addresses), so a path leaves this method only as the evidence of a schema path (<see cref="IsSchemaPath"/>: one
    /// that recurs across the documents and whose keys are identifiers), kind <c>json-path</c>, with the category found
    /// there and the detector or name rule that found it (C28: "path-level evidence is kept and can be addressed"), and
    /// in <see cref="ColumnClassification.JsonPaths"/> every schema path with what was found there (null when nothing), so
    /// annotations can name a path and <c>inventory annotate</c> can list them.</summary>
    /// <param name="column">The column (for XML, with its documents rewritten as JSON).</param>
    /// <param name="names">What its name says.</param>
    /// <param name="evidence">The column's evidence so far.</param>
    /// <param name="documentsCapped">For XML documents: the <c>sample.documents-read</c> item when the cap cut the
    /// sample (<see cref="DocumentsRead"/>, computed by the caller from the values before rewriting); null to compute it
    /// here for JSON.</param>
    public ColumnClassification JsonDocumentColumn(ColumnEvidence column, NameEvidence names, List<EvidenceItem> evidence, EvidenceItem? documentsCapped = null)
    {
        var name = names.Match;
        var sample = JsonValues.Paths(column.Values, _options.MaxJsonDocuments, column.ValueLengthLimit);
        // The documents read are capped per column (trial33 finding 5: evidence said 50/50 where 250 rows were sampled).
        if ((documentsCapped ?? DocumentsRead(sample.Documents, column.Values, _options.MaxJsonDocuments)) is { } capped) evidence.Add(capped);
        var found = new List<string>();
        var detectorItems = new Dictionary<string, (string Category, int Matched, int Total)>(StringComparer.Ordinal);
        var keyItems = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pathItems = new List<EvidenceItem>();
        var named = new List<JsonPathFinding>();
        var unnamed = new SortedSet<string>(StringComparer.Ordinal);
        // A key is read like a column of the object that holds it: the parent key plays the table (`name` under
        // `customer` is a customer's name, as a `name` column of a customer table is), the keys beside it the table's
        // other columns; a top-level key belongs to the column's own table.
        var keysByParent = sample.Paths.GroupBy(p => ParentOf(p.Path), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => p.Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var peopleKeyed = PeopleKeyedObjects(sample.Paths, sample.Documents);
        foreach (var path in sample.Paths)
        {
            bool schema = IsSchemaPath(path, sample.Documents, peopleKeyed);
            // People's full names at this path, found by the values under a key of the kind `why` says.
            void PeopleAtPath((int Led, int Tested) people, string why)
            {
                const string person = "contact.name";
                found.Add(person);
                var known = detectorItems.GetValueOrDefault(DetectorIds.PersonName, (person, 0, 0));
                detectorItems[DetectorIds.PersonName] = (known.Item1, known.Item2 + people.Led, known.Item3 + people.Tested);
                if (schema && pathItems.Count < MaxPathEvidence)
                    pathItems.Add(new EvidenceItem("json-path", path.Path, person, people.Led, people.Tested, Math.Round((double)people.Led / people.Tested, 4),
                        $"values at this path: full names led by a common given name under {why}"));
                if (schema) named.Add(new JsonPathFinding(path.Path, person, DetectorIds.PersonName, people.Led, people.Tested, path.Documents));
                else unnamed.Add(person);
            }
            var parent = ParentOf(path.Path);
            var key = path.Key.Length > 0
                ? _rules.Match(parent.Length > 0 ? parent : TableContext.NameOf(column), path.Key, path.Family, keysByParent[parent])
                : null;
            var keyNames = key is null ? null : new NameEvidence(key);
            bool keyOrTime = keyNames?.KeyOrTimeLike == true, network = keyNames?.NetworkConfiguration == true, version = keyNames?.VersionLike == true;
            var scores = _detectors.Run(path.Values, path.Family);
            DetectorScore? hit = null;
            foreach (var score in scores.ScoreSpan)
            {
                if (score.Weight != DetectorWeight.Decides || score.DataCategory is null || score.Matched < 2) continue;
                if ((keyOrTime || version) && ValueRules.StructuralDetectors.Contains(score.Id)) continue;
                if ((network || version) && score.Id == DetectorIds.IpAddress) continue;
                if (!ValueRules.Enough(score, _options.DetectorShare, _options)) continue;
                if (hit is null || score.Ratio > hit.Value.Ratio) hit = score;
            }
            hit ??= SupportedByTheKey(scores, key, names.Match.TableGroups);
            if (hit is { } h)
            {
                found.Add(h.DataCategory!);
                var known = detectorItems.GetValueOrDefault(h.Id, (h.DataCategory!, 0, 0));
                detectorItems[h.Id] = (known.Item1, known.Item2 + h.Matched, known.Item3 + h.Total);
                if (schema && pathItems.Count < MaxPathEvidence)
                    pathItems.Add(new EvidenceItem("json-path", path.Path, h.DataCategory, h.Matched, h.Total, Math.Round(h.Ratio, 4),
                        $"values at this path: {h.Id}"));
                if (schema) named.Add(new JsonPathFinding(path.Path, h.DataCategory, h.Id, h.Matched, h.Total, path.Documents));
                else unnamed.Add(h.DataCategory!);
            }
            else if (key is not null && ValueRules.PeopleUnderABareName(path.Values, scores, key, path.Family, _options) is { } people)
                // A bare name key whose values are people's full names, outside a catalogue, lookup, company or machine
                // object ($.charge.billing_details.name; not $.product.name): a person's name, as a bare name column is.
                PeopleAtPath(people, "a bare name key");
            else if (key is { DataCategory: { } category, Rule: { } rule } && category != "none" && !ApplicationSetting(key, category)
                     && !NotAPersonsLanguage(key, category, names.Match.TableGroups))
            {
                found.Add(category);
                keyItems.TryAdd(rule.Id, category);
                if (schema && pathItems.Count < MaxPathEvidence)
                    pathItems.Add(new EvidenceItem("json-path", path.Path, category, Detail: $"the key's name: {rule.Id}"));
                if (schema) named.Add(new JsonPathFinding(path.Path, category, rule.Id, Documents: path.Documents));
                else unnamed.Add(category);
            }
            else if (key is not null && ValueRules.PeopleUnderASilentKey(path.Values, scores, key, path.Family, _options) is { } silent)
                // A key that says nothing (expediteur, sender, Absender, remitente, signed_by) whose values are people's
                // full names: a person's name, as the same values in a plain column are (trial33 finding 5).
                PeopleAtPath(silent, "a key that says nothing");
            else if (schema)
                named.Add(new JsonPathFinding(path.Path, null, Documents: path.Documents));
        }
        var summary = new JsonPathSummary
        {
            Named = named.Take(JsonPathSummary.MaxNamed).ToArray(),
            Unnamed = unnamed.ToArray(),
            Truncated = sample.Truncated,
        };
        evidence.AddRange(pathItems);
        foreach (var (id, (category, matched, total)) in detectorItems)
            evidence.Add(new EvidenceItem("detector", id, category, matched, total, Math.Round(total == 0 ? 0 : (double)matched / total, 4),
                "values at one path of the JSON documents"));
        foreach (var (ruleId, category) in keyItems)
            evidence.Add(new EvidenceItem("contains", "json-key." + ruleId, category, Detail: "a JSON key matched this name rule"));
        if (sample.Cut > 0) evidence.Add(DocumentsCut(sample.Cut, sample.Documents));
        if (sample.Truncated)
            evidence.Add(new EvidenceItem("sample", "sample.json-limits", Detail: string.Create(CultureInfo.InvariantCulture,
                $"JSON limits reached (depth {JsonValues.MaxDepth}, {JsonValues.MaxPaths} paths, {JsonValues.MaxElements} elements per array): the rest was not read")));

        // Every category the paths show, the decided one included (as the key-level detection always reported them).
        var also = found.Select(DataCategory.TopLevelOf).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

        // A content name (body, payload, corps, cuerpo) says where the documents are, not what they hold: when the values at
        // their paths are identifiers a detector recognises (a customer's e-mail, phone, IP address in an event or webhook
        // document), the most identifying of them decides, as for a column whose name says nothing (kinds26, C28).
        bool identifiersInside = detectorItems.Values.Any(d => d.Category != "none" && DataCategory.TopLevelOf(d.Category) != "customer_content");
        if (names.Personal && !(names.TopLevel == "customer_content" && identifiersInside))
            return RuleClassifier.Decide(name.DataCategory!, Math.Min(0.85, name.Weight), evidence, also) with
                { JsonPaths = summary with { Derivation = JsonColumnDerivation.ColumnName } };
        if (sample.Documents >= 5 && sample.TopKeyShare < 0.5)
        {
            const string content = "customer_content.application_data";
            evidence.Insert(0, new EvidenceItem("sample", "sample.json-varying-keys", content,
                Score: Math.Round(sample.TopKeyShare, 4),
                Detail: "the documents' keys change from row to row (the most frequent top-level key is in fewer than half of them): documents users write"));
            return RuleClassifier.Decide(content, 0.6, evidence, also) with { JsonPaths = summary with { Derivation = JsonColumnDerivation.VaryingKeys } };
        }
        if (found.Count > 0)
        {
            // The most identifying category among the paths, by the rule the annotation merge applies (documents, then
            // ordinal path within a rank), so empty path stubs never change the suggestion and key order never matters.
            var top = JsonPathText.MostIdentifying(summary.Named.Where(p => p.DataCategory is not null)
                .Select(p => (Category: p.DataCategory!, p.Documents, p.Path))
                .Concat(summary.Unnamed.Select(c => (Category: c, Documents: 0, Path: "")))) ?? found[0];
            bool fromValues = detectorItems.Values.Any(d => DataCategory.TopLevelOf(d.Category) == DataCategory.TopLevelOf(top));
            return RuleClassifier.Decide(top, fromValues ? 0.7 : 0.6, evidence, also) with { JsonPaths = summary };
        }
        // The documents of a table that configures the application (settings, configs, reglages, Konfiguration, ajustes)
        // whose every path was read and none holds or is named as anything personal: configuration (LABELS.md none), not
        // the model's guess from the column's name (kinds26: configs.value read as credentials).
        if (name.TableGroups.Contains("configuration") && sample.Documents >= 3 && !sample.Truncated)
        {
            evidence.Insert(0, new EvidenceItem("sample", "sample.json-configuration", "none", Matched: sample.Documents, Total: sample.Documents,
                Detail: "documents of a configuration table: no path holds or is named as personal data"));
            return RuleClassifier.Decide("none", 0.7, evidence, also) with { JsonPaths = summary };
        }
        return ColumnClassification.Undecided([.. evidence]) with { JsonPaths = summary };
    }

    /// <summary>The evidence that documents longer than the sampling's value length limit were read up to the cut, so that
    /// a reader knows paths after it were not seen.</summary>
    /// <param name="cut">Documents read up to the cut.</param>
    /// <param name="documents">Documents read.</param>
    /// <returns>The <c>sample.documents-cut</c> evidence item.</returns>
    public static EvidenceItem DocumentsCut(int cut, int documents) =>
        new("sample", "sample.documents-cut", Matched: cut, Total: documents, Score: Math.Round((double)cut / Math.Max(1, documents), 4),
            Detail: "documents longer than the sampling's value limit were read up to the cut: paths after it were not seen "
                + "(sample.max-document-length for JSON and XML columns, sample.max-value-length for text columns, reads more)");

    /// <summary>The evidence that the cap on documents read per column (<see cref="RuleClassifierOptions.MaxJsonDocuments"/>,
    /// 50) left sampled values unread, so that path counts (<c>detector.email 50/50</c>) are read as out of the documents
    /// read, not out of the rows sampled; null when every non-blank sampled value was looked at.</summary>
    /// <param name="read">Documents (or values) read.</param>
    /// <param name="values">The column's sampled values.</param>
    /// <param name="max">The cap.</param>
    /// <returns>The <c>sample.documents-read</c> item (read, non-blank values sampled), or null.</returns>
    public static EvidenceItem? DocumentsRead(int read, IReadOnlyList<string> values, int max)
    {
        int sampled = values.Count(v => !string.IsNullOrWhiteSpace(v));
        if (read < max || sampled <= read) return null;
        return new EvidenceItem("sample", "sample.documents-read", Matched: read, Total: sampled, Score: Math.Round((double)read / sampled, 4),
            Detail: string.Create(CultureInfo.InvariantCulture,
                $"documents read: {read} of the {sampled} non-blank sampled values (at most {max} documents are read per column); the path counts are out of those"));
    }

    /// <summary>At most this many <c>json-path</c> evidence items per column (the paths themselves are bounded by
    /// <see cref="JsonValues.MaxPaths"/>).</summary>
    public const int MaxPathEvidence = 20;

    /// <summary>The key of the object holding a path's value (<c>$.customer.name</c> → <c>customer</c>,
    /// <c>$.items[*].sku</c> → <c>items</c>), or empty for a top-level key.</summary>
    internal static string ParentOf(string path)
    {
        var steps = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        // steps[0] is "$"; the parent is the step before the last, without its array marks.
        return steps.Length < 3 ? "" : steps[^2].Replace("[*]", "", StringComparison.Ordinal);
    }

    /// <summary>True when a path is part of the documents' schema, not of their data, so it may be named in evidence: it
    /// recurs (in at least two documents and a fifth of those parsed: a map keyed by e-mails or user ids gives each key
    /// to one or few documents), each of its keys is an identifier of at most 40 ASCII letters, digits, <c>_</c> or
    /// <c>-</c> starting with a letter or <c>_</c>, or an array step <c>[*]</c> (anything else, a key with <c>@</c>, a
    /// dot, a space, a digit run, non-ASCII letters, keeps the path inside the classifier), and none of its keys is a
    /// key of a map keyed by people (<see cref="PeopleKeyedObjects"/>): trial48's approvals keyed by user name
    /// (<c>{"jmueller": "ok", "asanchez": "offen"}</c>) and works-council members keyed by surname recur in a fifth of
    /// the documents and are identifier-shaped, yet their keys are the people. Such a path's findings still count for the
    /// column, under no name.</summary>
    /// <param name="path">The path and the documents holding it.</param>
    /// <param name="documents">Documents parsed for the column.</param>
    /// <param name="peopleKeyed">The column's objects whose keys may be people (<see cref="PeopleKeyedObjects"/>).</param>
    internal bool IsSchemaPath(JsonPathValues path, int documents, IReadOnlySet<string> peopleKeyed) =>
        path.Documents >= 2 && path.Documents * 5 >= documents && JsonPathText.IsSchemaShape(path.Path)
        && !InPeopleKeyedObject(path.Path, peopleKeyed);

    /// <summary>The objects (as path prefixes: <c>$</c>, <c>$.approvals</c>, <c>$.items[*]</c>) of a column's documents
    /// that are maps keyed by people: two or more of their keys are not words (<see cref="IsWordedKey"/>: a surname, a user name, a given name), and those keys
    /// come and go from document to document (one of them is missing from some of the documents parsed). A map keyed by
    /// people's user names or surnames has such keys side by side, each entry in the documents that concern that person;
    /// a schema object holds words and abbreviations (<c>customer</c>, <c>DATABASE_URL</c>) with at most one odd key (a
    /// brand, <c>ctx</c>, <c>pagador</c>), or the same odd keys in every document (an application's own settings). Known
    /// limit: a map that holds the same people in every document is read as a record. Keys are words of
    /// the column-name vocabulary of the name rules' four languages and numbers; a schema object whose optional keys
    /// include two outside that vocabulary loses its paths' names too (their findings stay), the price of never naming a
    /// person.</summary>
    /// <param name="paths">The column's paths.</param>
    /// <param name="documents">Documents parsed for the column.</param>
    /// <returns>The prefixes, ordinal.</returns>
    internal IReadOnlySet<string> PeopleKeyedObjects(IEnumerable<JsonPathValues> paths, int documents)
    {
        // Per object, each key that is not a word with the documents holding it (the most of any path under it).
        var odd = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var steps = path.Path.Split('.');
            var prefix = steps[0];
            for (int i = 1; i < steps.Length; i++)
            {
                var key = steps[i].Replace("[*]", "", StringComparison.Ordinal);
                if (key.Length > 0 && !IsWordedKey(key))
                {
                    if (!odd.TryGetValue(prefix, out var keys)) odd[prefix] = keys = new Dictionary<string, int>(StringComparer.Ordinal);
                    keys[key] = Math.Max(keys.GetValueOrDefault(key), path.Documents);
                }
                prefix += "." + steps[i];
            }
        }
        return odd.Where(o => o.Value.Count >= 2 && o.Value.Values.Any(held => held < documents))
            .Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
    }

    // True when the path has a step under one of the people-keyed objects.
    private static bool InPeopleKeyedObject(string path, IReadOnlySet<string> peopleKeyed)
    {
        if (peopleKeyed.Count == 0) return false;
        var steps = path.Split('.');
        var prefix = steps[0];
        for (int i = 1; i < steps.Length; i++)
        {
            if (peopleKeyed.Contains(prefix)) return true;
            prefix += "." + steps[i];
        }
        return false;
    }

    /// <summary>True when every token of a key is a vocabulary word of the name rules
    /// (<see cref="NameRuleSet.IsVocabularyWord"/>: the data-model words and abbreviations of four languages, no person's
    /// name) or digits.</summary>
    /// <param name="key">One key of a path.</param>
    private bool IsWordedKey(string key)
    {
        foreach (var token in NameTokenizer.Tokenize(key))
            if (!token.All(char.IsAsciiDigit) && !_rules.IsVocabularyWord(token)) return false;
        return true;
    }
}
