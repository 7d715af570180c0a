// Over 400 lines: one decision procedure (detectors, then name rules with their type, suffix and context gates, then
// the no-data and foreign-key gates) read top to bottom; splitting it waits for issue 9 item 4, where the detectors
// become a step of their own and their half of this file moves out.
using System.Globalization;
using System.Text.Json;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>Thresholds of the rule classifier.</summary>
public sealed record RuleClassifierOptions
{
    /// <summary>Share of non-null values a validated detector must match to decide a column (default 0.6).</summary>
    public double DetectorShare { get; init; } = 0.6;
    /// <summary>Share a weak (shape-only or checksum-only) detector must match, with name support (default 0.5).</summary>
    public double SupportShare { get; init; } = 0.5;
    /// <summary>Minimum matched values for a value-based decision when more than one value was sampled (default 2).</summary>
    public int MinMatches { get; init; } = 2;
    /// <summary>Maximum JSON documents parsed per column for key-level detection (default 50).</summary>
    public int MaxJsonDocuments { get; init; } = 50;
}

/// <summary>
/// Decides a column's data category from name rules (<see cref="NameRuleSet"/>), table context, type gates and detector
/// hit ratios (<see cref="DetectorSuite"/>), with a confidence in [0, 1] and evidence: name rule ids, gates, detector
/// matched/total/ratio over the non-null sampled values, sample size, null ratio and distinct ratio — never values.
/// Order of decision: (1) a validated detector matched by a share of values decides (values beat names), agreeing
/// names raise the confidence; (2) free text becomes <c>customer_content.message</c> with "also contains" evidence (never
/// financial, C08); (3) a weak detector decides only with name support; (4) otherwise the name rule decides, lowered when
/// the values contradict it; (5) otherwise flags and timestamps are <c>none</c> by type; (6) otherwise undecided — zero
/// evidence is never <c>none</c> (C07). Binary and spatial/CLR columns are not decided from values (their content is not
/// read): only a photo-like name on a binary column gives a low-confidence suggestion, which never tags it.
/// Pure, thread-safe and deterministic.
/// </summary>
public sealed class RuleClassifier : IColumnClassifier
{
    private static readonly string[] VersionTokens = ["version", "ver", "release", "build", "firmware", "revision", "schema"];
    // Names of keys and times (issue 10 item 6): a digit run that passes a phone plan or a Luhn check by structure decides
    // nothing in a column named like an identifier or a time; only the name's own category could make it personal.
    private static readonly string[] KeyOrTimeTokens =
        ["id", "ids", "ref", "refs", "key", "keys", "ts", "time", "times", "timestamp", "epoch", "seq", "sequence", "uuid", "guid", "nonce", "serial", "counter"];
    // Names of network configuration (issue 10 item 6): the addresses a service binds to, masks, gateways, resolvers
    // are the organisation's configuration, never a person's IP address.
    private static readonly string[] NetworkConfigurationTokens =
        ["mask", "netmask", "subnet", "gateway", "dns", "nameserver", "resolver", "bind", "listen", "listener", "route", "router",
         "cidr", "upstream", "loopback", "proxy", "server", "placeholder", "broadcast", "multicast", "network"];
    // Digit runs that pass by structure (a number plan, a Luhn check).
    private static readonly string[] StructuralDetectors = [DetectorIds.Phone, DetectorIds.PaymentCard, DetectorIds.SirenSiret];

    private readonly NameRuleSet _rules;
    private readonly DetectorSuite _detectors;
    private readonly RuleClassifierOptions _options;

    /// <summary>Creates a rule classifier.</summary>
    /// <param name="rules">Name rules (default: embedded).</param>
    /// <param name="detectors">Detector suite (default: <see cref="DetectorSuite.Default"/>).</param>
    /// <param name="options">Thresholds (default: <see cref="RuleClassifierOptions"/> defaults).</param>
    public RuleClassifier(NameRuleSet? rules = null, DetectorSuite? detectors = null, RuleClassifierOptions? options = null)
    {
        _rules = rules ?? NameRuleSet.Default;
        _detectors = detectors ?? DetectorSuite.Default;
        _options = options ?? new RuleClassifierOptions();
    }

    /// <summary>The name rules in use.</summary>
    public NameRuleSet Rules => _rules;

    /// <summary>The detector suite in use.</summary>
    public DetectorSuite Detectors => _detectors;

    /// <summary>Classifies many columns in order (each independently; no shared state).</summary>
    /// <param name="columns">Columns to classify.</param>
    /// <returns>One decision per column, in order.</returns>
    public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var results = new ColumnClassification[columns.Count];
        for (int i = 0; i < columns.Count; i++) results[i] = Classify(columns[i]);
        return results;
    }

    /// <inheritdoc />
    public ColumnClassification Classify(ColumnEvidence column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var decision = ClassifyColumn(column);
        return column.References is { } target ? ForeignKeyGate(decision, target) : decision;
    }

    /// <summary>A foreign key holds another row's key (LABELS.md: surrogate and foreign keys are <c>none</c>): a name
    /// alone (<c>client_id</c>, <c>device_ref</c>) never makes it personal; only values a detector validates in at
    /// least 80 % of the sample (an e-mail used as a key) keep a personal category.</summary>
    private static ColumnClassification ForeignKeyGate(ColumnClassification decision, string target)
    {
        if (decision.DataCategory is null or "none") return decision;
        bool backedByValues = decision.Evidence.Any(e => e.Kind == "detector" && e.DataCategory == decision.DataCategory && e.Score >= 0.8);
        if (backedByValues) return decision;
        var evidence = decision.Evidence.Prepend(new EvidenceItem("key-gate", "gate.foreign-key", "none",
            Detail: $"foreign key to {target}: holds another row's key")).ToList();
        return Decide("none", 0.8, evidence);
    }

    private ColumnClassification ClassifyColumn(ColumnEvidence column)
    {
        var info = column.Column;
        var family = info.Family;
        var evidence = new List<EvidenceItem>();
        var name = _rules.Match(column.Table, info.Name, family, column.TableColumns);
        if (name.Rule is not null)
            evidence.Add(new EvidenceItem("name-rule", name.Rule.Id, name.GatedCategory ?? name.Rule.DataCategory, Score: name.Rule.Weight));
        foreach (var gate in name.Gates)
            evidence.Add(gate.StartsWith("gate.context.", StringComparison.Ordinal)
                ? new EvidenceItem("context-gate", gate, "none", Detail: $"no other column of the table gives the record {gate["gate.context.".Length..]} this column would be part of")
                : new EvidenceItem(gate.StartsWith("gate.type.", StringComparison.Ordinal) ? "type-gate" : "suffix-gate", gate, "none",
                    Detail: $"a name alone never gives {name.GatedCategory} to this column"));
        if (name.TableGroups.Count > 0 && name.Rule is not null && name.Rule.Tables.Count + name.Rule.NotTables.Count > 0)
            evidence.Add(new EvidenceItem("table-context", "table." + string.Join("+", name.TableGroups), Detail: "table context group"));

        int nonNull = column.Values.Count(v => !string.IsNullOrWhiteSpace(v));
        int rows = Math.Max(column.SampledRows, column.NullCount + column.Values.Count);
        double nullRatio = rows == 0 ? 0 : (double)column.NullCount / rows;
        bool unreadable = family == TypeFamily.Binary || info.SamplingHint is "clr" or "spatial";

        if (unreadable)
        {
            evidence.Add(new EvidenceItem("type-gate", "gate.type." + (family == TypeFamily.Binary ? "binary" : info.SamplingHint),
                Detail: "content is not inspected; needs annotation"));
            if (name.DataCategory == "none" && name.Gates.Count == 0)
                return Decide("none", Math.Min(0.7, name.Weight), evidence);
            // A binary column named photo/picture/avatar most likely holds an image of a person: suggest it, with a
            // modest confidence, so the DPO sees it; the content is not read, so it stays a suggestion for a human (C17).
            if (family == TypeFamily.Binary && name.DataCategory == "other_personal.photo" && name.Gates.Count == 0)
                return Decide("other_personal.photo", Math.Min(0.55, name.Weight), evidence);
            return ColumnClassification.Undecided([.. evidence]);
        }

        if (!column.Sampled || nonNull == 0)
        {
            evidence.Add(new EvidenceItem("no-data", "no-data", Total: 0,
                Detail: column.Sampled ? $"all {rows} sampled values NULL" : column.NotSampled is { } reason ? $"not sampled: {reason}" : "no values sampled"));
            return FromNameOnly(name, family, evidence, hasData: false);
        }

        var result = _detectors.Run(column.Values, family);
        evidence.Add(new EvidenceItem("sample", "sample.size", Matched: result.Total, Total: rows, Score: 1 - nullRatio,
            Detail: string.Create(CultureInfo.InvariantCulture, $"null ratio {nullRatio:0.###}, distinct ratio {result.DistinctRatio:0.###}")));
        if (result.Placeholders > 0)
            evidence.Add(new EvidenceItem("sample", "sample.placeholders", Matched: result.Placeholders, Total: result.Placeholders + result.Total,
                Detail: "placeholder values (such as n/a, none, -, unknown, null, 0) left out of every detector ratio"));

        bool versionLike = name.Tokens.Any(t => VersionTokens.Contains(t));
        bool keyOrTimeLike = name.Tokens.Any(t => KeyOrTimeTokens.Contains(t));
        bool networkConfiguration = name.Tokens.Any(t => NetworkConfigurationTokens.Contains(t));
        bool personalName = name.DataCategory is { } nc && nc != "none";
        string? nameCategory = personalName ? DataCategory.TopLevelOf(name.DataCategory!) : null;

        // (1) validated detectors, best ratio first (ties: suite order). Version-like names (schema_migrations.version,
        // firmware_version) hold dotted quads and timestamps, never addresses, phones or cards.
        DetectorScore? best = null;
        foreach (var score in result.Scores)
        {
            if (score.Weight != DetectorWeight.Decides || score.DataCategory is null) continue;
            if (versionLike && score.Id is DetectorIds.IpAddress or DetectorIds.Phone or DetectorIds.PaymentCard) continue;
            if (keyOrTimeLike && StructuralDetectors.Contains(score.Id) && name.DataCategory != score.DataCategory) continue;
            if (networkConfiguration && score.Id == DetectorIds.IpAddress) continue;
            if (!Enough(score, _options.DetectorShare)) continue;
            if (best is null || score.Ratio > best.Value.Ratio) best = score;
        }
        // SIREN/SIRET: 9 or 14 digits with a Luhn key. A random digit run passes Luhn one time in ten, so a column where
        // nearly every value passes holds company identifiers, which a phone library may also parse: the checksum wins
        // over the phone shape. Over a card shape (same Luhn, 14-digit Diners PANs) only with a tax-id name.
        var siren = result[DetectorIds.SirenSiret];
        if (!versionLike && Enough(siren, 0.9) && siren.Matched >= 3
            && best is { } rival && (rival.Id == DetectorIds.Phone || (rival.Id == DetectorIds.PaymentCard && name.DataCategory == "financial.tax_id")))
            best = siren;
        // Free text outranks identifiers found inside it only when most values are prose.
        var freeText = result[DetectorIds.FreeText];
        var userAgent = result[DetectorIds.UserAgent];
        bool prose = freeText.Ratio >= 0.5 && userAgent.Ratio < 0.5 && result[DetectorIds.Json].Ratio < 0.5;
        if (best is { } hit && !(prose && hit.Id is not (DetectorIds.UserAgent)))
        {
            evidence.Insert(0, hit.ToEvidence());
            bool agrees = name.DataCategory == hit.DataCategory || (nameCategory is not null && nameCategory == DataCategory.TopLevelOf(hit.DataCategory!));
            double confidence = Math.Min(0.99, 0.6 + 0.3 * hit.Ratio + (agrees ? 0.1 : 0) + (hit.Total >= 10 ? 0.05 : 0) - (hit.Total < 3 ? 0.1 : 0));
            var category = hit.DataCategory!;
            // The name may refine the subcategory inside the same category (e.g. vat vs tax id).
            if (agrees && name.DataCategory is not null && name.DataCategory.Contains('.') && DataCategory.TopLevelOf(category) == nameCategory
                && hit.Id is DetectorIds.VatNumber or DetectorIds.PasswordHash or DetectorIds.PaymentCard)
                category = name.DataCategory;
            return Decide(category, confidence, evidence);
        }

        // Enumerations: text whose sample repeats a handful of distinct values that no personal detector recognises
        // (permission scopes, sign-in methods, team names, import batch labels, a 'note' column holding 'web'/'migrated')
        // is configuration, not a person's data nor users' prose (LABELS.md: statuses, enumerations, configuration → none).
        if (IsEnumeration(result, family) && (!personalName || name.DataCategory == "customer_content.message"))
        {
            evidence.Insert(0, new EvidenceItem("sample", "sample.enumeration", "none", result.Distinct, result.Total, Math.Round(result.DistinctRatio, 4),
                string.Create(CultureInfo.InvariantCulture, $"{result.Distinct} distinct values repeated over {result.Total}: an enumeration or configuration")));
            return Decide("none", 0.75, evidence);
        }

        // The organisation's own catalogue (products, tracks, films, categories, languages): its names and descriptions are
        // typed by staff, not by users, and its titles have a person's shape (LABELS.md: catalogue → none; tie-breaker 6).
        // A catalogue table that is also a content table (product_reviews) is not catalogue text.
        bool catalogueText = !personalName && name.TableGroups.Contains("catalogue") && !name.TableGroups.Contains("content");
        if (catalogueText && (prose || result[DetectorIds.PersonName].Ratio >= 0.5))
        {
            evidence.Add((prose ? freeText : result[DetectorIds.PersonName]).ToEvidence());
            evidence.Add(new EvidenceItem("table-context", "table.catalogue", "none",
                Detail: "text of the organisation's own catalogue (names, titles, descriptions typed by staff)"));
            return Decide("none", 0.75, evidence);
        }

        // (2) free text → customer content, with what it also contains (C08: never financial).
        // A column named as an address holds addresses, however prose-like some of them read (issue 10 item 6).
        if (prose && name.DataCategory != "contact.postal_address" && !(personalName && nameCategory != "customer_content" && freeText.Ratio < 0.8))
        {
            evidence.Insert(0, freeText.ToEvidence());
            var also = AlsoContains(column.Values);
            foreach (var a in also) evidence.Add(new EvidenceItem("contains", "contains." + a, a));
            double confidence = Math.Min(0.95, 0.55 + 0.3 * freeText.Ratio + 0.1 * result.DistinctRatio + (nameCategory == "customer_content" ? 0.1 : 0));
            return Decide("customer_content.message", confidence, evidence, also);
        }

        // JSON documents: key-level detection.
        if (result[DetectorIds.Json].Ratio >= 0.5)
        {
            evidence.Add(result[DetectorIds.Json].ToEvidence());
            var keys = JsonKeyCategories(column.Values);
            foreach (var (category, ruleId) in keys) evidence.Add(new EvidenceItem("contains", "json-key." + ruleId, category, Detail: "a JSON key matched this name rule"));
            var also = keys.Select(k => DataCategory.TopLevelOf(k.Category)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (personalName) return Decide(name.DataCategory!, Math.Min(0.85, name.Weight), evidence, also);
            if (also.Length > 0)
            {
                // A document holding personal keys: the most frequent key category decides, with low confidence.
                var top = keys.GroupBy(k => DataCategory.TopLevelOf(k.Category)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
                return Decide(top.Key, 0.6, evidence, also);
            }
            return ColumnClassification.Undecided([.. evidence]);
        }

        // (3) weak detectors with name support.
        foreach (var score in result.Scores)
        {
            if (score.Weight != DetectorWeight.NeedsNameSupport || score.DataCategory is null || !Enough(score, _options.SupportShare)) continue;
            bool support = name.DataCategory == score.DataCategory
                || (score.Id == DetectorIds.SirenSiret && name.DataCategory is "financial.tax_id")
                || (score.Id is DetectorIds.HexDigest or DetectorIds.SecretToken && name.DataCategory is "other_personal.credentials" or "automatic.device_id");
            if (!support) continue;
            evidence.Insert(0, score.ToEvidence());
            return Decide(name.DataCategory!, Math.Min(0.97, 0.7 + 0.25 * score.Ratio), evidence);
        }
        // Company names carry their own proof (legal-form suffix) and a person's name needs two capitalised words: both
        // decide without name support only when the name says nothing else, with a low confidence.
        if (name.Rule is null || name.DataCategory is null)
        {
            var company = result[DetectorIds.CompanyName];
            if (Enough(company, 0.5))
            {
                evidence.Insert(0, company.ToEvidence());
                return Decide("contact.company_name", 0.6 + 0.2 * company.Ratio, evidence);
            }
            var person = result[DetectorIds.PersonName];
            if (Enough(person, 0.6) && result.DistinctRatio >= 0.6 && !name.TableGroups.Contains("catalogue") && family is TypeFamily.Text or TypeFamily.Untyped)
            {
                evidence.Insert(0, person.ToEvidence());
                return Decide("contact.name", 0.5, evidence);
            }
        }

        // (4)–(6) names and types; values that contradict a name lower the confidence.
        foreach (var score in result.Scores)
            if (score.Matched > 0 && score.DataCategory is not null && (score.Weight == DetectorWeight.Decides || score.Id == DetectorIds.FreeText))
                evidence.Add(score.ToEvidence());
        var decision = FromNameOnly(name, family, evidence, hasData: true);
        // Structured non-text types (enums, ranges, reg* identifiers, vectors) whose values every detector rejected are
        // not personal: the values were read and checked, so this is evidence, not the absence of it. Arrays may hold
        // text and stay undecided.
        if (decision.DataCategory is null && family == TypeFamily.Other && !info.DeclaredType.Contains("[]", StringComparison.Ordinal)
            && !info.DeclaredType.Contains("array", StringComparison.OrdinalIgnoreCase)
            && result.Scores.All(s => s.Matched == 0 || s.DataCategory is null || s.Id is DetectorIds.PersonName or DetectorIds.PostalCode))
        {
            evidence.Add(new EvidenceItem("detector", "detector.none-matched", "none", 0, result.Total, 0,
                "structured values of a non-text type; no detector matched"));
            return Decide("none", 0.6, evidence);
        }
        if (decision.DataCategory is { } decided && decided != "none" && ContradictingValues(decided, result))
            decision = decision with { Confidence = Math.Min(decision.Confidence, 0.45) };
        else if (decision.DataCategory == "none" && name.Rule is null && result.DistinctRatio <= 0.2 && result.Total >= 10)
            decision = decision with { Confidence = Math.Max(decision.Confidence, 0.6) };
        return decision;
    }

    private ColumnClassification FromNameOnly(NameMatch name, TypeFamily family, List<EvidenceItem> evidence, bool hasData)
    {
        if (name.DataCategory is { } category)
        {
            double confidence = name.Weight * (hasData ? 0.9 : 0.85);
            if (name.Gates.Count > 0) confidence = 0.8;
            return Decide(category, confidence, evidence);
        }
        // Flags and generic timestamps without a name rule are not personal; other types stay undecided.
        switch (family)
        {
            case TypeFamily.Boolean:
                evidence.Add(new EvidenceItem("type-gate", "gate.type.boolean", "none", Detail: "a flag"));
                return Decide("none", 0.7, evidence);
            case TypeFamily.Temporal:
                evidence.Add(new EvidenceItem("type-gate", "gate.type.temporal", "none", Detail: "a timestamp without a personal name"));
                return Decide("none", 0.6, evidence);
            case TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Uuid:
                evidence.Add(new EvidenceItem("type-gate", "gate.type." + family.ToString().ToLowerInvariant(), "none", Detail: "a number or key without a personal name"));
                return Decide("none", hasData ? 0.55 : 0.5, evidence);
            default:
                return ColumnClassification.Undecided([.. evidence]);
        }
    }

    private static bool ContradictingValues(string category, DetectorResult result)
    {
        string? validator = category switch
        {
            "contact.email" => DetectorIds.Email,
            "contact.phone" => DetectorIds.Phone,
            "automatic.ip_address" => DetectorIds.IpAddress,
            "financial.payment_card" => null,
            "financial.bank_account" => null,
            _ => null,
        };
        return validator is not null && result.Total >= 3 && result.Ratio(validator) < 0.2;
    }

    // A text sample of at least 30 values with at most 12 distinct ones (≤ 10 %) and no personal detector matching 30 % of
    // them. Free text aside (a repeated sentence is still a label), and the shape-only person-name and postal-code
    // detectors aside (one lower-case word such as 'web' has a name's shape): a handful of words repeated is a label set.
    private static bool IsEnumeration(DetectorResult result, TypeFamily family)
    {
        if (family is not (TypeFamily.Text or TypeFamily.Untyped) || result.Total < 30) return false;
        if (result.Distinct > 12 || result.DistinctRatio > 0.1) return false;
        foreach (var score in result.Scores)
            if (score.DataCategory is not null && score.Ratio >= 0.3
                && score.Id is not (DetectorIds.FreeText or DetectorIds.Json or DetectorIds.PersonName or DetectorIds.PostalCode)) return false;
        return true;
    }

    private bool Enough(DetectorScore score, double share) =>
        score.Total > 0 && score.Ratio >= share && (score.Matched >= _options.MinMatches || score.Total == 1);

    private static ColumnClassification Decide(string category, double confidence, List<EvidenceItem> evidence, IReadOnlyList<string>? also = null) =>
        new()
        {
            DataCategory = category,
            Confidence = Math.Round(Math.Clamp(confidence, 0, 1), 4),
            Origin = Origin.Rules,
            Evidence = evidence.ToArray(),
            AlsoContains = also ?? [],
        };

    /// <summary>Categories of identifiers embedded in free text; financial identifiers inside a message are reported but never decide.</summary>
    private static IReadOnlyList<string> AlsoContains(IReadOnlyList<string> values)
    {
        var kinds = EmbeddedKinds.None;
        foreach (var v in values)
            if (!string.IsNullOrWhiteSpace(v) && v.Length >= 8) kinds |= EmbeddedIdentifierDetector.Find(v);
        var also = new SortedSet<string>(StringComparer.Ordinal);
        if (kinds.HasFlag(EmbeddedKinds.Email)) also.Add("contact.email");
        if (kinds.HasFlag(EmbeddedKinds.Phone)) also.Add("contact.phone");
        if (kinds.HasFlag(EmbeddedKinds.Iban)) also.Add("financial.bank_account");
        if (kinds.HasFlag(EmbeddedKinds.PaymentCard)) also.Add("financial.payment_card");
        if (kinds.HasFlag(EmbeddedKinds.IpAddress)) also.Add("automatic.ip_address");
        return also.ToArray();
    }

    /// <summary>Data categories of the keys of JSON objects (key-level detection), with the name rule that matched. Keys
    /// themselves are data (a map may be keyed by e-mail addresses), so only rule ids leave this method.</summary>
    private List<(string Category, string Key)> JsonKeyCategories(IReadOnlyList<string> values)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int parsed = 0;
        foreach (var v in values)
        {
            if (parsed >= _options.MaxJsonDocuments) break;
            if (string.IsNullOrWhiteSpace(v) || v.TrimStart()[0] is not ('{' or '[')) continue;
            try
            {
                using var document = JsonDocument.Parse(v);
                parsed++;
                Walk(document.RootElement, 0);
            }
            catch (JsonException)
            {
                // Not a JSON document: skipped (counted by the detector as not matched).
            }
        }
        return found.Select(kv => (kv.Value, kv.Key)).ToList();

        void Walk(JsonElement element, int depth)
        {
            if (depth > 8) return;
            if (element.ValueKind == JsonValueKind.Object)
                foreach (var property in element.EnumerateObject())
                {
                    var family = property.Value.ValueKind switch
                    {
                        JsonValueKind.Number => TypeFamily.Decimal,
                        JsonValueKind.True or JsonValueKind.False => TypeFamily.Boolean,
                        JsonValueKind.Object or JsonValueKind.Array => TypeFamily.Document,
                        _ => TypeFamily.Text,
                    };
                    var match = _rules.Match("", property.Name, family);
                    if (match.DataCategory is { } c && c != "none" && match.Rule is { } rule) found.TryAdd(rule.Id, c);
                    Walk(property.Value, depth + 1);
                }
            else if (element.ValueKind == JsonValueKind.Array)
                foreach (var item in element.EnumerateArray()) Walk(item, depth + 1);
        }
    }
}
