using System.Globalization;
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
    /// <summary>Flags, timestamps and numbers that no name rule decides are <c>none</c> by their type (default true).
    /// False only to measure what this negative evidence is worth (<c>inventory evaluate --ablate-rules</c>): such
    /// columns then stay undecided.</summary>
    public bool NoneByType { get; init; } = true;
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
/// read): only a photo-like or a credential name on a binary column (an avatar; a password hash, a secret key, the key of
/// a credential store, rules/MODEL.md third error-kind round) gives a low-confidence suggestion, which never tags it.
/// Pure, thread-safe and deterministic.
/// <para>This class combines the parts: what the name says (<see cref="NameEvidence"/>), the detector step over the
/// sampled values (<see cref="DetectorSuite.Run"/>, once per column), the decisions values take
/// (<see cref="ValueRules"/>, steps 1–3, with <see cref="ContentEvidence"/> for free text and JSON), then the name, type,
/// no-data and foreign-key rules (steps 4–6).</para>
/// </summary>
public sealed partial class RuleClassifier : IColumnClassifier
{
    private readonly NameRuleSet _rules;
    private readonly DetectorSuite _detectors;
    private readonly ValueRules _values;
    private readonly bool _noneByType;

    /// <summary>Creates a rule classifier.</summary>
    /// <param name="rules">Name rules (default: embedded).</param>
    /// <param name="detectors">Detector suite (default: <see cref="DetectorSuite.Default"/>).</param>
    /// <param name="options">Thresholds (default: <see cref="RuleClassifierOptions"/> defaults).</param>
    public RuleClassifier(NameRuleSet? rules = null, DetectorSuite? detectors = null, RuleClassifierOptions? options = null)
    {
        _rules = rules ?? NameRuleSet.Default;
        _detectors = detectors ?? DetectorSuite.Default;
        var thresholds = options ?? new RuleClassifierOptions();
        _noneByType = thresholds.NoneByType;
        _values = new ValueRules(thresholds, new ContentEvidence(_rules, _detectors, thresholds, ClassifyColumn), _rules);
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
        // An array of numbers or flags (int[], bigint[], boolean[]) is named like its elements: `notes int[]` holds grades,
        // not notes someone wrote (kinds25, C29's kind); arrays of text keep the array's own family.
        var nameFamily = info.ElementFamily is TypeFamily.Integer or TypeFamily.Decimal or TypeFamily.Boolean ? info.ElementFamily.Value : family;
        var name = IntegerPostalCode(column, _rules.Match(TableContext.NameOf(column), info.Name, nameFamily, column.TableColumns), evidence);
        var names = new NameEvidence(name);
        names.AddTo(evidence);

        int nonNull = column.Values.Count(v => !string.IsNullOrWhiteSpace(v));
        int rows = Math.Max(column.SampledRows, column.NullCount + (column.ElementRows ?? column.Values.Count));
        double nullRatio = rows == 0 ? 0 : (double)column.NullCount / rows;
        bool spatial = SpatialTypes.Holds(info);
        // PostGIS and PostgreSQL's geometric types are read as text but are spatial all the same: their values are left to
        // annotation like SQL Server's and MySQL's (C16).
        bool unreadable = family == TypeFamily.Binary || info.SamplingHint is "clr" or "spatial" || spatial;

        // A spatial type holds coordinates whatever the column is named (trial 28: a POINT named position was read as an
        // enumeration); whose place they are is in the table, as for a latitude (LABELS.md tie-breaker 13, C33).
        if (spatial && Coordinates(column, name, evidence, spatialType: true) is { } place) return place;

        if (unreadable)
        {
            evidence.Add(new EvidenceItem("type-gate", "gate.type." + (family == TypeFamily.Binary ? "binary" : spatial ? "spatial" : info.SamplingHint),
                Detail: "content is not inspected; needs annotation"));
            if (family == TypeFamily.Binary && (UploadedFileContent(column, name, evidence) ?? BinaryContent(column, name, evidence) ?? EncryptedPersonalValue(column, name, evidence)) is { } binary) return binary;
            // A name rule's none (position as an order, trial 28) says nothing of a spatial type's coordinates: those are
            // left for annotation when the table does not say whose place they are.
            if (name.DataCategory == "none" && name.Gates.Count == 0 && !spatial)
                return Decide("none", Math.Min(0.7, name.Weight), evidence);
            // A binary column named photo/picture/avatar most likely holds an image of a person: suggest it, with a
            // modest confidence, so the DPO sees it; the content is not read, so it stays a suggestion for a human (C17).
            if (family == TypeFamily.Binary && name.DataCategory == "other_personal.photo" && name.Gates.Count == 0)
                return Decide("other_personal.photo", Math.Min(0.55, name.Weight), evidence);
            // Likewise a secret's bytes (a password hash, a private or secret key, a WebAuthn credential's public key, the
            // key of a key store) are the credential whatever they read as (LABELS.md tie-breaker 7; third error-kind round).
            if (family == TypeFamily.Binary && name.DataCategory == "other_personal.credentials" && name.Gates.Count == 0)
                return Decide("other_personal.credentials", Math.Min(0.55, name.Weight), evidence);
            return ColumnClassification.Undecided([.. evidence]);
        }

        // Coordinates: whose position they are is in the table, not in the values (C33).
        if (Coordinates(column, name, evidence) is { } coordinates) return coordinates;
        if (CookieStateTimestamp(column, name, evidence) is { } bookkeeping) return bookkeeping;
        if (CookieStateSessionId(column, name, evidence) is { } browserSession) return browserSession;
        if (AgeOfARecord(column, name, evidence) is { } age) return age;
        if (HostNames(column, name, evidence) is { } hostNames) return hostNames;

        if (!column.Sampled || nonNull == 0)
        {
            evidence.Add(new EvidenceItem("no-data", "no-data", Total: 0,
                Detail: column.Sampled ? $"all {rows} sampled values NULL" : column.NotSampled is { } reason ? $"not sampled: {reason}" : "no values sampled"));
            return UsersArticleText(column, name, evidence) ?? PricedArticleText(column, name, evidence) ?? PricedItemName(column, name, evidence) ?? NoteOnANamedThing(column, name, evidence) ?? SessionIdAsToken(column, name, evidence)
                ?? PlaceBesideAnIpAddress(column, name, evidence) ?? SessionRefreshTime(column, name, evidence) ?? EventRowTime(column, name, evidence) ?? EventRowAction(column, name, evidence)
                ?? MarkDeclaredEnumeration(column, name, evidence)
                ?? MarkConfigurationName(column, name, nameFamily, evidence)
                ?? MarkLocatorName(column, name, evidence)
                ?? FromNameOnly(name, family, evidence, hasData: false, _noneByType);
        }

        // Bit strings (MySQL BIT(n), PostgreSQL bit(n) and varbit) are rendered as binary digits, which digit-run checks
        // read as national ids, postal codes or phones by chance (trial 28: 4 of 150 BIT(8) values passed a national-id
        // check). A set of bits is flags or a mask (LABELS.md: flags are none): no value detector reads them; only a name
        // rule can give them a category.
        if (BitStrings(info))
        {
            evidence.Add(new EvidenceItem("type-gate", "gate.type.bit", "none", Detail: "bits of a flag set or a mask, rendered as binary digits: no value detector reads them"));
            return name.DataCategory is { } bitNamed && bitNamed != "none"
                ? FromNameOnly(name, family, evidence, hasData: true, _noneByType)
                : Decide("none", 0.6, evidence);
        }

        // An array's elements are tested as values of the element type (C29: an inet[] holds IP addresses).
        var valueFamily = info.ElementFamily ?? family;
        var result = _detectors.Run(column.Values, valueFamily);
        // Lists written in one text value (a@x.org; b@y.org) are tested element by element, as arrays are (kinds24, C29).
        if (SeparatedList(column.Values, result, valueFamily) is { } list)
        {
            evidence.Add(new EvidenceItem("sample", "sample.list-elements", Matched: list.Elements.Length, Total: nonNull,
                Detail: $"values are lists separated by commas or semicolons: {list.Elements.Length} elements of {nonNull} values tested one by one"));
            column = column with { Values = list.Elements };
            result = list.Result;
        }
        evidence.Add(new EvidenceItem("sample", "sample.size", Matched: column.ElementRows ?? result.Total, Total: rows, Score: 1 - nullRatio,
            Detail: string.Create(CultureInfo.InvariantCulture, $"null ratio {nullRatio:0.###}, distinct ratio {result.DistinctRatio:0.###}")
                + (column.ElementRows is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; arrays: {result.Total} elements tested one by one"))));
        if (result.Placeholders > 0)
            evidence.Add(new EvidenceItem("sample", "sample.placeholders", Matched: result.Placeholders, Total: result.Placeholders + result.Total,
                Detail: "placeholder values (such as n/a, none, -, unknown, null, 0) left out of every detector ratio"));

        // Customers' source code kept in a host's tables: git remotes, commit ids and build output (LABELS.md
        // customer_content.source_code; trial43 finding K1), before the content-digest and system-text readings that made
        // them none. Hashed identifiers and file checksums are not taken (their names say so).
        if (valueFamily is TypeFamily.Text or TypeFamily.Untyped && SourceCodeArtefacts.Decide(column.Table, name, column.Values, evidence) is { } code)
            return code;
        // Hex digests of e-mails, phones, users: a pseudonymised identifier, not the e-mail itself (C30).
        if (PseudonymisedIdentifier(name, result, evidence) is { } pseudonymised) return pseudonymised;
        // The key of a login-session table that holds the session tokens themselves (trial 35 finding 3m).
        if (SessionTokenKey(column, name, evidence) is { } sessionToken) return sessionToken;

        // Staff's prose about a named thing that refers to no one is none, as the catalogue's text is (content38), unless the
        // prose holds someone's identifiers (then the value rules say content, with what it also contains).
        if (result[DetectorIds.FreeText].Ratio >= 0.5 && result[DetectorIds.Json].Ratio < 0.5 && ContentEvidence.Embedded(column.Values).Count == 0
            && NoteOnANamedThing(column, name, evidence) is { } staffProse) return staffProse;
        // A country or town beside an IP address (no street, no postal code) whose address rule the table held back: a handful
        // of countries or towns repeated is what the places of a cache's or a log's IP addresses look like, so low variety
        // does not make it configuration (kinds47, trial46 kind K6: `geoip_cache.country_iso`, `city`).
        if (ValueRules.IsEnumeration(result, valueFamily) && PlaceBesideAnIpAddress(column, name, evidence) is { } placesOfIps)
            return placesOfIps;
        var values = _values.Decide(column, result, names, evidence);
        if (values is not null) return values;
        // Values that made no decision leave the text of a written article to its table (kinds46).
        if (UsersArticleText(column, name, evidence) is { } article) return article;
        // Values that made no decision (no people's names among them) leave the bare name of a priced item to its table.
        if (PricedItemName(column, name, evidence) is { } pricedItem) return pricedItem;
        if (NoteOnANamedThing(column, name, evidence) is { } note) return note;
        if (PlaceBesideAnIpAddress(column, name, evidence) is { } placeOfAnIp) return placeOfAnIp;
        // The time of a row shaped as a record of events (events47), when no value decided it.
        // The time a sign-in session was refreshed (errors48), when no value decided it.
        if (SessionRefreshTime(column, name, evidence) is { } refreshTime) return refreshTime;
        if (EventRowTime(column, name, evidence) is { } eventTime) return eventTime;
        if (EventRowAction(column, name, evidence) is { } eventAction) return eventAction;
        MarkDeclaredEnumeration(column, name, evidence);
        MarkConfigurationName(column, name, nameFamily, evidence);
        MarkLocatorName(column, name, evidence);

        // (4)–(6) names and types; values that contradict a name lower the confidence.
        foreach (var score in result.ScoreSpan)
        {
            if (score.Matched == 0 || score.DataCategory is null || !(score.Weight == DetectorWeight.Decides || score.Id == DetectorIds.FreeText)) continue;
            if (CardFormatTokens(name, score))
            {
                evidence.Add(new EvidenceItem("sample", "sample.card-format-tokens", "financial.payment_reference", score.Total - score.Matched, score.Total,
                    Math.Round(1 - score.Ratio, 4), "digit runs of a card's length under a token's name that fail the Luhn check as tokens do: tokens, not card numbers"));
                continue;
            }
            // Bare digit runs a number plan accepts (barcodes, Unix times, tax numbers, sequences, identifiers) and software
            // versions an IPv4 parser accepts: the evidence says what they are, not "phones" or "addresses" (data44's K4).
            if (score.Id == DetectorIds.Phone && ValueRules.DigitRunsNotPhones(names, column.Values))
            {
                evidence.Add(DigitRunKinds.Describe(column.Values, score));
                continue;
            }
            // Bare runs of a known kind among written values (tax numbers in the unified form beside written ones): the
            // written values' phone hits, if any, stay phone evidence; the bare runs' hits are named for their kind.
            if (score.Id == DetectorIds.Phone && name.DataCategory != "contact.phone" && !names.PhoneWord
                && DigitRunKinds.Classify(column.Values) != DigitRunKinds.Kind.Unexplained)
            {
                var written = column.Values.Where(v => v.AsSpan().Trim().ContainsAnyExceptInRange('0', '9')).ToArray();
                int writtenHits = written.Length == 0 ? 0 : _detectors.Run(written, valueFamily)[DetectorIds.Phone].Matched;
                evidence.Add(DigitRunKinds.Describe(column.Values, score with { Matched = score.Matched - writtenHits }));
                if (writtenHits > 0) evidence.Add((score with { Matched = writtenHits }).ToEvidence());
                continue;
            }
            if (score.Id == DetectorIds.IpAddress && SoftwareVersionQuads.Holds(column.Table, names, column.Values, out int quads, out int tested))
            {
                evidence.Add(SoftwareVersionQuads.Describe(quads, tested));
                continue;
            }
            evidence.Add(score.ToEvidence());
        }
        var decision = FromNameOnly(name, family, evidence, hasData: true, _noneByType);
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
        if (decision.DataCategory is { } decided && decided != "none" && ValueRules.Contradicts(decided, result))
        {
            if (ValueRules.CountUnderContactName(decided, valueFamily, column.Values))
            {
                evidence.Add(new EvidenceItem("type-gate", "gate.values.short-numbers", "none", Matched: 0, Total: result.Total,
                    Detail: "numbers of at most 6 digits under an e-mail or phone name: a count, flag or code, not a contact (C01)"));
                return Decide("none", 0.8, evidence);
            }
            decision = decision with { Confidence = Math.Min(decision.Confidence, 0.45) };
        }
        else if (decision.DataCategory == "none" && name.Rule is null && result.DistinctRatio <= 0.2 && result.Total >= 10)
            decision = decision with { Confidence = Math.Max(decision.Confidence, 0.6) };
        return decision;
    }

    /// <summary>True for a bit-string column that is not a one-bit flag: MySQL/MariaDB <c>BIT(n)</c> (the connector's
    /// <c>bit</c> sampling hint; <c>BIT(1)</c> is a boolean), PostgreSQL <c>bit(n)</c>, <c>varbit</c> and <c>bit
    /// varying(n)</c> (family other; SQL Server's <c>bit</c> is a boolean).</summary>
    private static bool BitStrings(ColumnInfo info)
    {
        if (info.Family == TypeFamily.Boolean) return false;
        if (info.SamplingHint == "bit") return true;
        var type = info.DeclaredType.Trim().ToLowerInvariant();
        int paren = type.IndexOf('(');
        if (paren >= 0) type = type[..paren].Trim();
        return type is "bit" or "varbit" or "bit varying";
    }

    /// <summary>True when a column named as a payment token (<c>financial.payment_reference</c>) holds digit runs of which
    /// at most one in five passes the Luhn check (ISO/IEC 7812-1): format-preserving and network tokens of a card are
    /// issued to fail it, and a random run passes it one time in ten, so such hits are chance, not stored card numbers.
    /// They are left out of the evidence (the <c>no-card-number</c> claim reads a card-detector hit as a stored PAN; kinds24).</summary>
    private static bool CardFormatTokens(NameMatch name, DetectorScore score) =>
        score.Id == DetectorIds.PaymentCard && name.DataCategory == "financial.payment_reference" && score.Ratio <= 0.2;

    /// <summary>Lists written in one text value (copies of a mail <c>a@example.org; b@example.org</c>, a person's phones
    /// <c>+33 6 …, +49 151 …</c>): when no e-mail or phone detector reached its share on whole values, at least 30 % of the
    /// values hold a comma or semicolon beside an <c>@</c> or a <c>+</c>, and once split (at most 20 elements per value)
    /// 90 % of the elements are e-mail addresses or phone numbers, the elements are the values (kinds24; C29 for arrays in
    /// text). JSON arrays go through the JSON path instead.</summary>
    /// <returns>The elements and their detector result, or null.</returns>
    private (string[] Elements, DetectorResult Result)? SeparatedList(IReadOnlyList<string> values, DetectorResult result, TypeFamily family)
    {
        if (family is not (TypeFamily.Text or TypeFamily.Untyped)) return null;
        if (result.Ratio(DetectorIds.Email) >= 0.6 || result.Ratio(DetectorIds.Phone) >= 0.6) return null;
        int tested = 0, listed = 0;
        foreach (var v in values)
        {
            var t = v.AsSpan().Trim();
            if (t.IsEmpty) continue;
            tested++;
            if (t[0] is '[' or '{') continue;
            if (t.IndexOfAny(',', ';') >= 0 && t.IndexOfAny('@', '+') >= 0) listed++;
        }
        if (tested == 0 || listed < 0.3 * tested || listed < 2) return null;
        var elements = new List<string>();
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            int taken = 0;
            foreach (var part in v.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (taken++ == 20) break;
                elements.Add(part);
            }
        }
        var split = _detectors.Run(elements, family);
        return split.Ratio(DetectorIds.Email) >= 0.9 || split.Ratio(DetectorIds.Phone) >= 0.9 ? (elements.ToArray(), split) : null;
    }

    private static ColumnClassification FromNameOnly(NameMatch name, TypeFamily family, List<EvidenceItem> evidence, bool hasData,
        bool noneByType)
    {
        if (name.DataCategory is { } category)
        {
            double confidence = name.Weight * (hasData ? 0.9 : 0.85);
            if (name.Gates.Count > 0) confidence = 0.8;
            return Decide(category, confidence, evidence);
        }
        // Flags and generic timestamps without a name rule are not personal; other types stay undecided.
        if (!noneByType) return ColumnClassification.Undecided([.. evidence]);
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

    /// <summary>A rule decision with its confidence rounded to four decimals and clamped to [0, 1].</summary>
    internal static ColumnClassification Decide(string category, double confidence, List<EvidenceItem> evidence, IReadOnlyList<string>? also = null) =>
        new()
        {
            DataCategory = category,
            Confidence = Math.Round(Math.Clamp(confidence, 0, 1), 4),
            Origin = Origin.Rules,
            Evidence = evidence.ToArray(),
            AlsoContains = also ?? [],
        };
}
