using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules.Learning;

/// <summary>Rules, detectors and model combined. The rule decisions are features of the model and inputs of the learned
/// <see cref="StackedCombination"/> (both fitted on the corpus, the combination on out-of-fold predictions), so no
/// hand-set margin decides between them. One exception, outside what the names-only corpus can teach: a rule decision
/// made from sampled values (a detector, the sample's shape such as an enumeration, or the table context over the values,
/// pointing at the decided category) stands, with the larger of the two confidences when the model agrees; and for
/// columns whose values were examined, strong and gated rules keep standing as before (see <see cref="Combine"/>); an
/// enumeration (low variety) keeps its own confidence; and an ungated name rule for an Art. 9 special category (health,
/// special_category) stands, since the corpus holds too few of them for the model to learn (issue 10 item 6); so do a
/// name rule the rule file marks <c>stands</c> (nationality, device and host names, cookie ids) and a binary column's
/// decision from its name and byte lengths (an IP address packed as bytes, a digest or UUID stored as bytes); and a
/// binary column whose byte lengths are those of files never takes a contact category (<see cref="FileSizedBytes"/>). A column
/// the scan tried and failed to read keeps its name rule's personal category over a model <c>none</c> or another
/// category, at low confidence
/// (<see cref="ReadAttempted"/>). Every column gets a suggestion. Scores all columns in one model batch; thread-safe.</summary>
public sealed class CombinedClassifier : IColumnClassifier
{
    private readonly IColumnClassifier _rules;
    private readonly ModelClassifier _model;

    /// <summary>Creates the combination.</summary>
    /// <param name="rules">The rule classifier (the one the model was trained with).</param>
    /// <param name="model">The model classifier (its own rules are not used: the decisions of <paramref name="rules"/> are passed in).</param>
    public CombinedClassifier(IColumnClassifier rules, ModelClassifier model)
    {
        _rules = rules;
        _model = model;
    }

    /// <inheritdoc />
    public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

    /// <inheritdoc />
    public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
    {
        var rules = _rules.ClassifyMany(columns);
        var suggestions = _model.Suggest(columns, rules);
        var result = new ColumnClassification[columns.Count];
        for (int i = 0; i < columns.Count; i++)
        {
            bool readFailed = ReadAttempted(columns[i].NotSampled);
            result[i] = Combine(rules[i], suggestions[i].Classification, ModelClassifier.HasValues(columns[i]), columns[i].Sampled || readFailed, readFailed);
            // C07 (kinds25): rows were read and every value was NULL, and no rule decided: zero evidence never becomes the
            // model's guess (none or another category); the column stays undecided (untagged, so the gate asks a human),
            // with the model's items kept as the suggestion.
            if (AllNullUndecided(columns[i], rules[i], readFailed))
                result[i] = rules[i] with { Evidence = [.. rules[i].Evidence, .. suggestions[i].Classification.Evidence.Where(e => e.Kind == "model")] };
            else if (result[i].DataCategory is { } category && DataCategory.TopLevelOf(category) == "contact" && FileSizedBytes(columns[i]))
                result[i] = GateFilesFromContact(columns[i], result[i]);
        }
        return result;
    }

    /// <summary>True when the scan read rows of the column, every value was NULL, and the rules decided nothing (no name
    /// rule, no gate): shared case C07's all-NULL payload, whose expected outcome is untagged.</summary>
    /// <param name="column">The column as sampled.</param>
    /// <param name="rule">The rule decision.</param>
    /// <param name="readFailed">True when the read failed (<see cref="ReadAttempted"/>): not this case.</param>
    private static bool AllNullUndecided(ColumnEvidence column, ColumnClassification rule, bool readFailed) =>
        column.Sampled && !readFailed && column.SampledRows > 0 && !ModelClassifier.HasValues(column) && rule.DataCategory is null;

    /// <summary>True when the scan tried to read the column's values and could not (no privilege, a timeout, a conversion
    /// error, a type it cannot project, binary content, a table without rows): the name is then all the evidence there
    /// is, and a personal category the name rule gives beats a model <c>none</c> at low confidence, as for a sampled
    /// column whose values were all null (issue 10: an unreadable <c>salary</c> is not confidently <c>none</c>). Sampling
    /// switched off and processor-scope sources are names-only by choice and keep the names-only combination that
    /// cross-validation measures.</summary>
    /// <param name="reason">Why the column has no values, or null.</param>
    /// <returns>True for a read that was attempted and failed or found nothing.</returns>
    public static bool ReadAttempted(NotSampledReason? reason) =>
        reason is NotSampledReason.NoPrivilege or NotSampledReason.TimedOut or NotSampledReason.Error or NotSampledReason.UnsupportedType
            or NotSampledReason.Binary or NotSampledReason.Empty;

    /// <summary>A rule decision at or above this confidence stands for a column whose values were examined (the
    /// threshold of the previous combination; see <see cref="Combine"/>).</summary>
    public const double RuleStandsWithValues = 0.8;

    /// <summary>The combined decision of one column (see the class summary); also used by <see cref="CrossValidation"/>
    /// so that the cross-validated figure measures exactly this combination.</summary>
    /// <param name="rule">The rule decision.</param>
    /// <param name="model">The calibrated suggestion of the model and the learned combination (its evidence items of kind <c>model</c> are kept).</param>
    /// <param name="valuesExamined">True when non-null values were sampled and examined by the detectors. The learned
    /// combination was fitted on names and types only, so it cannot have learned how far a name rule holds once the
    /// detectors have looked at the values; for such columns the previous policy applies: a rule at or above
    /// <see cref="RuleStandsWithValues"/> and a <c>none</c> reached through a gate stand, and a rule's personal category
    /// beats a model <c>none</c> at the lower of the two confidences.</param>
    /// <param name="sampled">True when the column was sampled, even if every value was null or an empty array: the scan
    /// looked and found nothing, so a personal category the name rule gives beats a model <c>none</c> there too, at low
    /// confidence (a DPO reviews it rather than being told none; shared case C29's empty e-mail arrays). Also true when
    /// the scan tried to read the column and could not (<see cref="ReadAttempted"/>).</param>
    /// <param name="readFailed">True when the scan tried to read the column and could not (<see cref="ReadAttempted"/>):
    /// a personal category the name rule gives then also beats a model suggestion of another personal category, at low
    /// confidence. The table signals can pull a name towards the table's topic (an unreadable <c>ssn</c> of a payroll
    /// table towards <c>financial</c>), and with no value to settle it the name's own meaning is the better guess for a
    /// DPO to review.</param>
    /// <returns>The decision; never customer_content for a column of a declared enumeration type
    /// (<see cref="RuleClassifier.DeclaredEnumerationEvidence"/>) or one named as configuration
    /// (<see cref="RuleClassifier.ConfigurationNameEvidence"/>) or as a record's web address
    /// (<see cref="RuleClassifier.LocatorNameEvidence"/>): <see cref="GateMarkedKindsFromContent"/>.</returns>
    public static ColumnClassification Combine(ColumnClassification rule, ColumnClassification model, bool valuesExamined = false,
        bool sampled = false, bool readFailed = false) =>
        GateMarkedKindsFromContent(rule, CombineWithoutTypeGate(rule, model, valuesExamined, sampled, readFailed));

    /// <summary>Confidence of the <c>none</c> the enumeration, configuration and locator gates give
    /// (<see cref="GateMarkedKindsFromContent"/>).</summary>
    public const double EnumerationGateConfidence = 0.8;

    /// <summary>A suggestion of customer_content for a column the rules marked as a declared enumeration type (evidence
    /// <see cref="RuleClassifier.DeclaredEnumerationEvidence"/>: one of a list of values the schema fixes, never content
    /// users wrote; LABELS.md: enumerations are none; content41, session 41) or as named for configuration (evidence
    /// <see cref="RuleClassifier.ConfigurationNameEvidence"/>: how the application or a record is set up; LABELS.md:
    /// configuration is none; kinds42, session 42) or as a record's web address (evidence
    /// <see cref="RuleClassifier.LocatorNameEvidence"/>: where the organisation's record points; kinds43, session 43)
    /// becomes <c>none</c> at <see cref="EnumerationGateConfidence"/>, the gate's evidence first; any other decision is
    /// returned as it is. Applied after the combination so that the
    /// combination is fitted and calibrated on the same rule decisions (rules/MODEL.md).</summary>
    /// <param name="rule">The rule decision (its evidence carries the gate or not).</param>
    /// <param name="combined">The combined decision.</param>
    /// <returns>The decision, gated.</returns>
    private static ColumnClassification GateMarkedKindsFromContent(ColumnClassification rule, ColumnClassification combined)
    {
        if (combined.DataCategory is not { } category || DataCategory.TopLevelOf(category) != "customer_content") return combined;
        var gate = rule.Evidence.FirstOrDefault(e => e.Id is RuleClassifier.DeclaredEnumerationEvidence or RuleClassifier.ConfigurationNameEvidence
            or RuleClassifier.LocatorNameEvidence);
        if (gate is null) return combined;
        return combined with
        {
            DataCategory = "none",
            Confidence = EnumerationGateConfidence,
            Evidence = [gate, .. combined.Evidence.Where(e => !ReferenceEquals(e, gate))],
            AlsoContains = [],
            JsonPaths = null,
        };
    }

    /// <summary><see cref="Combine"/> before the enumeration gate.</summary>
    private static ColumnClassification CombineWithoutTypeGate(ColumnClassification rule, ColumnClassification model, bool valuesExamined,
        bool sampled, bool readFailed)
    {
        // The model's items (the combination's suggestion and the column model's own prediction, ModelClassifier.EvidenceItems).
        var modelEvidence = model.Evidence.Where(e => e.Kind == "model").ToList();
        if (rule.DataCategory is { } r)
        {
            bool agrees = DataCategory.TopLevelOf(r) == DataCategory.TopLevelOf(model.DataCategory!);
            bool gatedNone = r == "none" && rule.Evidence.Any(e => e.Kind.EndsWith("gate", StringComparison.Ordinal));
            // Low variety is weak evidence: an enumeration keeps its own confidence, the model's agreement does not raise it.
            // So does a servers' table's private addresses: the model reads the name, which says IP address, and its none
            // follows the rule's; the table's kind is for a human to confirm.
            bool weakSample = rule.Evidence.Count > 0 && rule.Evidence[0].Id == "sample.enumeration";
            bool ownConfidence = weakSample || (rule.Evidence.Count > 0 && rule.Evidence[0].Id == PrivateServerAddresses.Evidence);
            if (weakSample && r == "none" && valuesExamined && SmallDomainReading(model, rule) is { } reading)
                return FewValuesOfASmallDomain(rule, reading, modelEvidence);
            if (DecidedByValues(rule) || (valuesExamined && (gatedNone || rule.Confidence >= RuleStandsWithValues))
                || SpecialCategoryByName(rule) || BinaryByName(rule) || StandsByName(rule))
                return rule with { Evidence = [.. rule.Evidence, .. modelEvidence], Confidence = agrees && !ownConfidence ? Math.Max(rule.Confidence, model.Confidence) : rule.Confidence };
            if (((valuesExamined || sampled) && r != "none" && model.DataCategory == "none") || (readFailed && r != "none" && !agrees))
                return rule with { Evidence = [.. rule.Evidence, .. modelEvidence], Confidence = Math.Round(Math.Min(rule.Confidence, 1 - model.Confidence), 4) };
        }
        return model with { Evidence = [.. modelEvidence, .. rule.Evidence], AlsoContains = rule.AlsoContains, JsonPaths = rule.JsonPaths };
    }

    /// <summary>Evidence id of a names-only reading of a small-domain category kept over an enumeration-sized sample
    /// (<see cref="SmallDomainCategories"/>).</summary>
    public const string SmallDomainEvidence = "sample.small-domain";

    /// <summary>Highest confidence of a small-domain reading kept over an enumeration-sized sample: under the 0.8 at which
    /// a rule stands with values, so a DPO reviews it.</summary>
    public const double SmallDomainConfidence = 0.6;

    /// <summary>Lowest probability of the column model's top label for its names-only reading to be kept over an
    /// enumeration-sized sample: a majority reading, not a guess among several.</summary>
    public const double SmallDomainMinimum = 0.5;

    /// <summary>Personal categories whose values come from a short list by nature (LABELS.md): a country, region or city
    /// derived from a visit (<c>automatic.geolocation</c>, tie-breaker 4; not a country alone on a person's record, which
    /// stays none without an address beside it),
    /// a language, locale or time zone (<c>automatic.browser_language</c>), a browser or OS name
    /// (<c>automatic.user_agent</c>), a gender, and the special categories and health facts (a religion, a blood group).
    /// A customer base spans a handful of countries and languages, so few distinct values in the sample say nothing
    /// against them; the enumeration reading (<c>sample.enumeration</c>) is evidence against what varies from person to
    /// person (names, messages, identifiers, contacts), which keeps it.</summary>
    internal static readonly string[] SmallDomainCategories =
        ["automatic.geolocation", "automatic.browser_language", "automatic.user_agent",
         "other_personal.gender", "other_personal.special_category", "other_personal.health"];

    /// <summary>The column model's own (first-level, names and types only) prediction when its top label, at a probability of
    /// at least <see cref="SmallDomainMinimum"/>, is one of
    /// <see cref="SmallDomainCategories"/>, or a message over repeated phrases (<see cref="ValueRules.PhrasesEvidence"/>:
    /// the kind <see cref="ValueRules.PhrasesOutsideConfiguration"/> keeps under a message name, read by the model rather
    /// than by a rule): the names-only reading an enumeration-sized sample cannot overturn.</summary>
    /// <param name="model">The model's suggestion, with its <c>model.column</c> evidence.</param>
    /// <param name="rule">The rule decision (its evidence may mark the repeated values as phrases).</param>
    /// <returns>That evidence item, or null.</returns>
    private static EvidenceItem? SmallDomainReading(ColumnClassification model, ColumnClassification rule) =>
        model.Evidence.FirstOrDefault(e => e.Id == ModelClassifier.ColumnModelEvidence) is { DataCategory: { } category, Score: >= SmallDomainMinimum } column
        && (SmallDomainCategories.Contains(category)
            || (category == "customer_content.message" && rule.Evidence.Any(e => e.Id == ValueRules.PhrasesEvidence))) ? column : null;

    /// <summary>The names-only reading of a small-domain category kept over a rule <c>none</c> that rests on the enumeration
    /// reading alone (trial43 finding K2: the country of a sign-in event, 5 codes over 500 rows, turned <c>none</c> 0.60
    /// from the model's geolocation): the model's first-level category at the lower of its probability and
    /// <see cref="SmallDomainConfidence"/> (issue 10 item 5: where the evidence cannot separate <c>none</c> from a personal
    /// category, lean personal at low confidence), with an item saying why, then the rule's and the model's evidence.</summary>
    private static ColumnClassification FewValuesOfASmallDomain(ColumnClassification rule, EvidenceItem reading, List<EvidenceItem> modelEvidence)
    {
        var category = reading.DataCategory!;
        var enumeration = rule.Evidence[0];
        var kept = new EvidenceItem("sample", SmallDomainEvidence, category, enumeration.Matched, enumeration.Total, enumeration.Score,
            SmallDomainCategories.Contains(category)
                ? $"few distinct values are the nature of {category} (a short list by definition): the names-only reading is kept over the enumeration reading; needs review"
                : "few distinct phrases cannot tell texts people wrote alike from a pick list: the names-only reading of a message is kept over the enumeration reading; needs review");
        return RuleClassifier.Decide(category, Math.Round(Math.Min(SmallDomainConfidence, reading.Score ?? SmallDomainConfidence), 4),
            [kept, .. rule.Evidence, .. modelEvidence]);
    }

    /// <summary>Evidence id of the gate that keeps a contact category off a binary column of files
    /// (<see cref="FileSizedBytes"/>).</summary>
    public const string BinaryFilesGate = "gate.binary.files";

    /// <summary>Confidence of the <c>none</c> that gate gives: below any threshold a gate accepts, so the column asks a
    /// human.</summary>
    public const double BinaryFilesConfidence = 0.5;

    /// <summary>Byte length above which a binary value is a file or an image, not contact data: a name, an address, an
    /// e-mail or a phone, even encrypted and encoded (an AEAD envelope, base64), stays well under 2 KiB.</summary>
    public const int ContactBytesLimit = 2048;

    /// <summary>True for a binary column (BLOB, BYTEA, VARBINARY, IMAGE) whose sampled byte lengths are those of files:
    /// more than half of them above <see cref="ContactBytesLimit"/>. Such a column never takes a contact category (names,
    /// postal addresses, e-mail, phones, user and company names are short text): trial 28's MEDIUMBLOB logo of an
    /// organisers' table, which the table's address columns pulled to <c>contact.postal_address</c>. Contact data stored
    /// encrypted in bytes is short and keeps its category (LABELS.md labels such columns by what they hold); a column
    /// whose lengths were not sampled (names only, as in cross-validation) is left to the combination.</summary>
    /// <param name="column">The column as sampled.</param>
    public static bool FileSizedBytes(ColumnEvidence column) =>
        column.Column.Family == TypeFamily.Binary && column.BinaryLengths is { Count: > 0 } lengths
        && lengths.Count(n => n > ContactBytesLimit) * 2 > lengths.Count;

    /// <summary>The decision for a binary column of files that the combination gave a contact category: <c>none</c> at
    /// <see cref="BinaryFilesConfidence"/>, the gate first, every other item kept.</summary>
    private static ColumnClassification GateFilesFromContact(ColumnEvidence column, ColumnClassification combined)
    {
        var lengths = column.BinaryLengths!;
        var gate = new EvidenceItem("type-gate", BinaryFilesGate, "none", lengths.Count(n => n > ContactBytesLimit), lengths.Count,
            Detail: string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"binary values of files or images (up to {lengths.Max()} bytes), never {combined.DataCategory}: contact data is short text; needs annotation"));
        return RuleClassifier.Decide("none", BinaryFilesConfidence, [gate, .. combined.Evidence]);
    }

    // GDPR Art. 9 special categories named outright (diagnosis, allergies, religion): the names-only corpus holds few of
    // them, and the model read "diagnosis" as a device id (issue 10 item 6). An ungated name rule for health or a special
    // category stands with its own confidence, sampled or not.
    private static readonly string[] SpecialCategories = ["other_personal.health", "other_personal.special_category"];

    // A name rule the rule file marks `stands` (NameRule.Stands: nationality, device and host names, kinds the corpus
    // holds too few of for the model to learn) keeps its ungated decision.
    private static bool StandsByName(ColumnClassification rule) =>
        rule.Evidence.Any(e => e.Kind == NameEvidence.NameAuthorityKind && e.DataCategory == rule.DataCategory);

    // A binary column's content is never read: its name and byte lengths (an IP address packed in 4 or 16 bytes, a digest
    // or UUID stored as bytes) are all the rules see, and the names-only corpus holds too few such columns for the model to
    // learn them (it read sha256 bytes as credentials); the rule's decision stands (issue 10 item 6).
    private static bool BinaryByName(ColumnClassification rule) =>
        rule.Evidence.Any(e => e.Id == RuleClassifier.BinaryByNameEvidence && e.DataCategory == rule.DataCategory);

    private static bool SpecialCategoryByName(ColumnClassification rule) =>
        SpecialCategories.Contains(rule.DataCategory)
        && rule.Evidence.Any(e => e.Kind == "name-rule" && e.DataCategory == rule.DataCategory)
        && !rule.Evidence.Any(e => e.Kind.EndsWith("gate", StringComparison.Ordinal));

    /// <summary>True when the rule decision rests on sampled values: evidence from a detector, the sample or the table
    /// context over the values that points at the decided category (or its top level).</summary>
    private static bool DecidedByValues(ColumnClassification rule)
    {
        var decided = rule.DataCategory!;
        return rule.Evidence.Any(e => e.Kind is "detector" or "sample" or "table-context" && e.DataCategory is { } d
            && (d == decided || DataCategory.TopLevelOf(d) == DataCategory.TopLevelOf(decided)))
            || rule.Evidence.Any(e => e.Kind == "contains" && e.Id.StartsWith("json-key.", StringComparison.Ordinal));
    }
}
