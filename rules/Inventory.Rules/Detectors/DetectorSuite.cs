using System.Globalization;
using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules.Detectors;

/// <summary>One detector's result over a column's non-null sampled values: which detector (with its category, check
/// and weight), how many values it matched and how many were tested. The one typed result the rules, the evidence and
/// the model's inputs read; it holds counts only, never values.</summary>
/// <param name="Detector">The detector's metadata.</param>
/// <param name="Matched">Values that matched, 0 ≤ Matched ≤ Total.</param>
/// <param name="Total">Non-null, non-blank values tested.</param>
public readonly record struct DetectorScore(DetectorInfo Detector, int Matched, int Total)
{
    /// <summary>Stable detector id (e.g. <c>detector.email</c>).</summary>
    public string Id => Detector.Id;

    /// <summary>The data category the detector points at, or null (see <see cref="DetectorInfo.DataCategory"/>).</summary>
    public string? DataCategory => Detector.DataCategory;

    /// <summary>How much the detector's hits weigh in the rule classifier.</summary>
    public DetectorWeight Weight => Detector.Weight;

    /// <summary>Whether the detector validates its matches or only checks their shape.</summary>
    public DetectorCheck Check => Detector.Check;

    /// <summary>Matched / Total in [0, 1]; 0 when nothing was tested.</summary>
    public double Ratio => Total == 0 ? 0 : (double)Matched / Total;

    /// <summary>The evidence item of this result: kind <c>detector</c>, the detector's id and category, matched, total
    /// and the ratio rounded to four decimals.</summary>
    public EvidenceItem ToEvidence() => new("detector", Id, DataCategory, Matched, Total, Math.Round(Ratio, 4));
}

/// <summary>The result of a detector pass over one column's values: one <see cref="DetectorScore"/> per detector of the
/// suite, in <see cref="DetectorSuite.DetectorIds"/> order. Holds counts only, never values.</summary>
public sealed class DetectorResult
{
    private readonly DetectorScore[] _scores;
    private readonly Dictionary<string, int> _index;

    internal DetectorResult(DetectorScore[] scores, Dictionary<string, int> index, int total, int distinct, int placeholders = 0)
    {
        _scores = scores;
        _index = index;
        Total = total;
        Distinct = distinct;
        Placeholders = placeholders;
    }

    /// <summary>Non-null, non-blank values tested (placeholders excluded).</summary>
    public int Total { get; }

    /// <summary>Placeholder values (<c>n/a</c>, <c>none</c>, <c>-</c>, <c>unknown</c>, <c>null</c>, <c>0</c>…, see
    /// <see cref="DetectorSuite.IsPlaceholder"/>) left out of <see cref="Total"/> and of every ratio.</summary>
    public int Placeholders { get; }

    /// <summary>Distinct values among them (ordinal comparison).</summary>
    public int Distinct { get; }

    /// <summary>Distinct / Total in [0, 1]; 0 when nothing was tested.</summary>
    public double DistinctRatio => Total == 0 ? 0 : (double)Distinct / Total;

    /// <summary>One score per detector, in suite order.</summary>
    public IReadOnlyList<DetectorScore> Scores => _scores;

    /// <summary>The same scores as a span, for the rules' loops that read every score of every column (several per
    /// column): a <c>foreach</c> over <see cref="Scores"/> allocates an enumerator and makes two interface calls per
    /// score, a span neither.</summary>
    internal ReadOnlySpan<DetectorScore> ScoreSpan => _scores;

    /// <summary>The score of a detector.</summary>
    /// <param name="id">A detector id of the suite.</param>
    /// <exception cref="KeyNotFoundException">Unknown detector id.</exception>
    public DetectorScore this[string id] => _scores[_index[id]];

    /// <summary>The hit ratio of a detector in [0, 1]; 0 for an unknown id or when nothing was tested.</summary>
    /// <param name="id">A detector id.</param>
    public double Ratio(string id) => _index.TryGetValue(id, out var i) ? _scores[i].Ratio : 0;

    /// <summary>Ratios in suite order, for use as model features (length = number of detectors).</summary>
    public float[] ToFeatures()
    {
        var features = new float[_scores.Length];
        for (int i = 0; i < _scores.Length; i++) features[i] = (float)_scores[i].Ratio;
        return features;
    }
}

/// <summary>
/// Runs every value detector over a column's sampled values in one pass. Each value is trimmed, numbers of numeric
/// families are rewritten as invariant-culture text without exponent (<see cref="NumericText"/>), a one-pass
/// <see cref="ValueShape"/> is computed, then each detector tests it (most reject on shape alone). Thread-safe and
/// deterministic; allocation-light (one result object and a distinct-value set per column).
/// </summary>
public sealed class DetectorSuite
{
    private readonly ValueDetector[] _detectors;
    private readonly Dictionary<string, int> _index;

    private const int MaxDistinct = 4096;

    internal DetectorSuite(IEnumerable<ValueDetector> detectors)
    {
        _detectors = detectors.ToArray();
        if (_detectors.Length > 62) throw new ArgumentException("a suite holds at most 62 detectors", nameof(detectors));
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < _detectors.Length; i++) _index.Add(_detectors[i].Id, i);
        Detectors = _detectors.Select(d => d.Info).ToArray();
        DetectorIds = Detectors.Select(d => d.Id).ToArray();
        // A plain loop, no LINQ over the tuples (each instantiation is a JIT compile in the ReadyToRun build; perf43).
        int explained = 0;
        foreach (var (what, by) in Explanations)
            if (_index.ContainsKey(what) && _index.ContainsKey(by)) explained++;
        _explanations = new (int Explained, int By)[explained];
        explained = 0;
        foreach (var (what, by) in Explanations)
            if (_index.TryGetValue(what, out int w) && _index.TryGetValue(by, out int b)) _explanations[explained++] = (w, b);
        _card = _index.TryGetValue(Inventory.Rules.Detectors.DetectorIds.PaymentCard, out int card) && _detectors[card] is PaymentCardDetector ? card : -1;
    }

    /// <summary>The fewest card-shaped values (<see cref="PaymentCardDetector.IsCandidate"/>) in a column for their Luhn
    /// passes to be weighed as chance.</summary>
    public const int MinCardCandidates = 20;

    /// <summary>
    /// Luhn passes by chance. The Luhn check digit (ISO/IEC 7812-1 Annex B) is one digit in ten, so about one in ten
    /// numbers of a card's length and IIN range passes it whatever they are: a column of 16-digit gateway or order
    /// references in which 6 of 126 passed read as "card numbers are stored" (trial 28). A column of card numbers passes
    /// every time (a mix of card numbers and other numbers passes at the card numbers' share plus a tenth of the rest).
    /// So when a column holds at least <see cref="MinCardCandidates"/> card-shaped values and fewer than a quarter of
    /// them pass, its passes are counted as chance, not as card numbers; fewer candidates are judged as before (one
    /// Luhn-valid number in a small sample still counts). A PAN hidden among many references is below what a sample
    /// can tell from chance; the free-text detectors and the <c>contains</c> evidence are unaffected.
    /// </summary>
    public const double ChanceLuhnShare = 0.25;

    private readonly int _card;

    // Marks a value that is card-shaped (bit 62 is never a detector: a suite holds at most 62).
    private const ulong CardShapedBit = 1UL << 62;

    /// <summary>Checked numbers of one kind that pass another kind's check by construction. Every 14-digit SIRET is a
    /// Luhn-valid number (INSEE: the Luhn key over SIREN + NIC, the same check as ISO/IEC 7812-1's), so a SIRET that starts
    /// with 30–305, 36 or 38–39 also reads as a 14-digit Diners Club card number: in a column of SIRETs (trial 27: one
    /// hit in 40 made "card numbers are stored"). When the explaining detector matches at least half of a column's
    /// values and fewer than half of its matches also pass the other check (SIRETs fall in card ranges by chance, about
    /// one in five; a column of 14-digit Diners Club cards, or a single test card, passes both every time), a value both
    /// detectors matched counts for it only; a 16-digit card number in the same column, which is no SIRET, still counts
    /// as a card.</summary>
    private static readonly (string Explained, string By)[] Explanations =
    [
        (Inventory.Rules.Detectors.DetectorIds.PaymentCard, Inventory.Rules.Detectors.DetectorIds.SirenSiret),
    ];

    private readonly (int Explained, int By)[] _explanations;

    /// <summary>The registration of the built-in detectors, in suite order (the order of results and features): adding
    /// a detector is one entry here.</summary>
    internal static IReadOnlyList<ValueDetector> BuiltIn { get; } =
    [
        new EmailDetector(), new PhoneDetector(), new IpAddressDetector(), new PaymentCardDetector(), new IbanDetector(),
        new BicDetector(), new VatNumberDetector(), new SirenSiretDetector(), new UserAgentDetector(), new LanguageTagDetector(),
        new PostalCodeDetector(), new PersonNameDetector(), new CompanyNameDetector(), new UrlDetector(), new FilePathDetector(),
        new UuidDetector(), new HashDetector(), new SecretTokenDetector(), new FreeTextDetector(), new JsonDocumentDetector(),
        new EmbeddedIdentifierDetector(), new PaymentReferenceDetector(), new HexDigestDetector(), new PostalAddressDetector(),
        new NationalIdDetector(), new MaskedCardDetector(), new ConnectionSecretDetector(), new SshPublicKeyDetector(), new SpanishCifDetector(),
    ];

    /// <summary>The default suite with every built-in detector (<see cref="BuiltIn"/>).</summary>
    public static DetectorSuite Default { get; } = new(BuiltIn);

    /// <summary>The registered detectors' metadata, in registration order (the order of <see cref="DetectorResult.Scores"/>).</summary>
    public IReadOnlyList<DetectorInfo> Detectors { get; }

    /// <summary>Stable detector ids, in the order of <see cref="DetectorResult.Scores"/> and <see cref="DetectorResult.ToFeatures"/>.</summary>
    public IReadOnlyList<string> DetectorIds { get; }

    /// <summary>Runs the pass over one column's values.</summary>
    /// <param name="values">Non-null sampled values as text (raw; never stored). Blank values are skipped and not counted;
    /// placeholders (<see cref="IsPlaceholder"/>) are counted in <see cref="DetectorResult.Placeholders"/> and left out of
    /// the denominator, so a column whose old rows say <c>n/a</c> is judged on the values it really holds.</param>
    /// <param name="family">The column's type family: numeric families are normalised; families a detector does not apply to count as not matched.</param>
    /// <returns>Per-detector matched/total counts over the non-blank values.</returns>
    public DetectorResult Run(IReadOnlyList<string> values, TypeFamily family)
    {
        ArgumentNullException.ThrowIfNull(values);
        // Per-column counters on the stack (a suite holds at most 62 detectors): the pass runs once per column of a scan.
        Span<int> matched = stackalloc int[_detectors.Length];
        Span<bool> applies = stackalloc bool[_detectors.Length];
        for (int d = 0; d < _detectors.Length; d++) applies[d] = _detectors[d].AppliesTo(family);
        bool numeric = family is TypeFamily.Integer or TypeFamily.Decimal;
        // Sampled columns repeat values (statuses, cities, names): each distinct value is tested once and its hits
        // (a bit per detector, at most 64 detectors) are reused for its repeats. The table is the thread's, emptied after
        // each column: one sized for a column's values (up to 4,096 entries, ~100 KB) was allocated per column and was a
        // large share of a scan's allocations (bench/README.md, perf46).
        var seen = t_seen ?? new Dictionary<string, ulong>(StringComparer.Ordinal);
        t_seen = null; // taken: a nested pass on this thread (none today) makes its own
        var both = new int[_explanations.Length];
        void CountBoth(ulong hits)
        {
            for (int e = 0; e < _explanations.Length; e++)
                if ((hits >> _explanations[e].Explained & 1) != 0 && (hits >> _explanations[e].By & 1) != 0) both[e]++;
        }
        int total = 0, placeholders = 0, cardShaped = 0;
        Span<char> buffer = stackalloc char[64];
        for (int v = 0; v < values.Count; v++)
        {
            var raw = values[v];
            if (raw is null) continue;
            if (seen.TryGetValue(raw, out var known))
            {
                if (known == PlaceholderBit) { placeholders++; continue; }
                total++;
                CountBoth(known);
                if ((known & CardShapedBit) != 0) cardShaped++;
                known &= ~CardShapedBit;
                for (int d = 0; known != 0; d++, known >>= 1) if ((known & 1) != 0) matched[d]++;
                continue;
            }
            scoped ReadOnlySpan<char> value = raw.AsSpan().Trim();
            if (value.IsEmpty) continue;
            if (IsPlaceholder(value))
            {
                placeholders++;
                if (seen.Count < MaxDistinct) seen[raw] = PlaceholderBit;
                continue;
            }
            total++;
            bool fraction = false;
            if (numeric || (family is TypeFamily.Untyped && value.Length < 40 && NumericText.LooksNumeric(value)))
            {
                if (NumericText.TryNormalize(value, buffer, out int written, out fraction)) value = buffer[..written];
            }
            // A decimal number written as text (C33 kpi.tx_pos_text): the point ends the digit run as in a numeric column.
            else if (family is TypeFamily.Text or TypeFamily.Other && value.Length < 40 && NumericText.IsDecimalFraction(value)) fraction = true;
            var shape = ValueShape.Of(value, fraction);
            ulong hits = 0;
            for (int d = 0; d < _detectors.Length; d++)
                if (applies[d] && _detectors[d].IsMatch(value, in shape)) { matched[d]++; hits |= 1UL << d; }
            if (_card >= 0 && applies[_card] && ((hits >> _card & 1) != 0 || PaymentCardDetector.IsCandidate(value, in shape, out _)))
            {
                hits |= CardShapedBit;
                cardShaped++;
            }
            CountBoth(hits);
            if (seen.Count < MaxDistinct) seen[raw] = hits;
        }
        for (int e = 0; e < _explanations.Length; e++)
            if (total > 0 && matched[_explanations[e].By] * 2 >= total && both[e] * 2 < matched[_explanations[e].By])
            {
                matched[_explanations[e].Explained] -= both[e];
                // Values another check explains (SIRETs in card ranges) are no card candidates either.
                if (_explanations[e].Explained == _card) cardShaped -= both[e];
            }
        if (_card >= 0 && cardShaped >= MinCardCandidates && matched[_card] < ChanceLuhnShare * cardShaped) matched[_card] = 0;
        var scores = new DetectorScore[_detectors.Length];
        for (int d = 0; d < _detectors.Length; d++)
            scores[d] = new DetectorScore(_detectors[d].Info, matched[d], total);
        int distinct = 0;
        foreach (var hits in seen.Values) if (hits != PlaceholderBit) distinct++;
        seen.Clear();
        t_seen = seen;
        return new DetectorResult(scores, _index, total, distinct, placeholders);
    }

    // The distinct-value table of Run, kept per thread between columns (a pass runs on the classification workers).
    [ThreadStatic] private static Dictionary<string, ulong>? t_seen;

    // Marks a cached placeholder (bit 63 is never a detector: a suite holds at most 63).
    private const ulong PlaceholderBit = 1UL << 63;

    internal static readonly string[] PlaceholderWords =
    [
        "n/a", "na", "n.a.", "n.a", "#n/a", "none", "(none)", "null", "(null)", "nil", "-", "--", "---", "?", "unknown", "0", "tbd",
        "not available", "not applicable", "empty", "inconnu", "unbekannt", "desconocido", "non renseigne", "non renseigné", "keine angabe",
        // Other written forms of "no value" in the four languages (kinds19: a held-back C04 used the local one).
        "undefined", "n/d", "n.d.", "nd", "n/c", "n.c.", "nc", "s/o", "xxx", "xx", "tba", "aucun", "aucune", "néant", "neant",
        "sans objet", "vide", "non communiqué", "non communique", "keine", "k.a.", "k. a.", "leer", "ohne", "entfällt",
        "entfaellt", "ninguno", "ninguna", "sin datos", "sin dato", "no disponible", "no aplica", "vacío", "vacio",
    ];

    // The words above as one set (ordinal, case-insensitive as the comparison it replaces), looked up by span: one hash
    // per value instead of up to 70 comparisons.
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceholderSet =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(PlaceholderWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a placeholder or sentinel that stands for "no value" in legacy data: <c>n/a</c>, <c>na</c>,
    /// <c>none</c>, <c>null</c>, <c>nil</c>, <c>-</c>, <c>?</c>, <c>unknown</c>, <c>0</c>, <c>tbd</c>, <c>not available</c>,
    /// <c>empty</c>, <c>undefined</c>, <c>n/d</c>, <c>n.c.</c>, <c>xxx</c> and their French, German and Spanish forms (<c>aucun</c>,
    /// <c>néant</c>, <c>keine</c>, <c>k.A.</c>, <c>entfällt</c>, <c>ninguno</c>, <c>sin datos</c>…; case-insensitive, after trimming). Such values are no
    /// evidence either way and are left out of detector ratios (C04: a column whose oldest rows say <c>n/a</c>).</summary>
    /// <param name="value">A trimmed value.</param>
    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        return value.Length <= 16 && PlaceholderSet.Contains(value);
    }

    /// <summary>Tests one value with one detector (for tests and for key-level JSON checks).</summary>
    /// <param name="id">Detector id.</param>
    /// <param name="value">The value.</param>
    /// <param name="family">Its type family.</param>
    /// <exception cref="KeyNotFoundException">Unknown detector id.</exception>
    public bool IsMatch(string id, string value, TypeFamily family = TypeFamily.Text)
    {
        var result = Run([value], family);
        return result[id].Matched == 1;
    }
}

/// <summary>Rewrites numbers as invariant-culture text without exponent (<c>4.111111111111111E+15</c> → <c>4111111111111111</c>,
/// <c>1234.00</c> → <c>1234</c>), and says whether a non-zero fraction remains.</summary>
internal static class NumericText
{
    /// <summary>True when the value could be a number (digits, sign, one dot or comma, exponent).</summary>
    public static bool LooksNumeric(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return false;
        int digits = 0;
        foreach (var c in value)
        {
            if ((uint)(c - '0') <= 9) digits++;
            else if (c is not ('.' or '-' or '+' or 'e' or 'E')) return false;
        }
        return digits > 0;
    }

    /// <summary>True for a decimal number with a non-zero fraction written plainly: an optional sign, digits, one point,
    /// digits (<c>52.5702100309281</c>, <c>-0.375</c>). Dotted phone numbers (<c>555.123.4567</c>) have more than one point.</summary>
    public static bool IsDecimalFraction(ReadOnlySpan<char> value)
    {
        if (!value.IsEmpty && value[0] is '-' or '+') value = value[1..];
        int dot = value.IndexOf('.');
        if (dot <= 0 || dot == value.Length - 1) return false;
        var whole = value[..dot];
        var frac = value[(dot + 1)..];
        return !whole.ContainsAnyExceptInRange('0', '9') && !frac.ContainsAnyExceptInRange('0', '9') && frac.ContainsAnyExcept('0');
    }

    /// <summary>Normalises a numeric text into <paramref name="buffer"/>.</summary>
    /// <returns>False when the value is not a number (it is then used as-is).</returns>
    public static bool TryNormalize(ReadOnlySpan<char> value, Span<char> buffer, out int written, out bool fraction)
    {
        written = 0;
        fraction = false;
        if (!LooksNumeric(value)) return false;
        bool exponent = value.IndexOfAny('e', 'E') >= 0;
        if (!exponent)
        {
            int dot = value.IndexOf('.');
            if (dot < 0) return false; // plain integer: already canonical
            var frac = value[(dot + 1)..];
            if (frac.IsEmpty || !frac.ContainsAnyExcept('0'))
            {
                if (dot > buffer.Length) return false;
                value[..dot].CopyTo(buffer);
                written = dot;
                return true;
            }
            fraction = true;
            return false;
        }
        if (!decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return false;
            fraction = d != Math.Floor(d);
            return d.TryFormat(buffer, out written, "0.#############################", CultureInfo.InvariantCulture);
        }
        fraction = number != decimal.Truncate(number);
        return number.TryFormat(buffer, out written, "0.#############################", CultureInfo.InvariantCulture);
    }
}
