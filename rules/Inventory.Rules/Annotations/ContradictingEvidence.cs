using Inventory.Classification;
using Inventory.Model;

namespace Inventory.Annotations;

/// <summary>The detector evidence that contradicts an annotated category: the one selection the annotation merger
/// (which raises a conflict) and the report (which explains it) share.</summary>
public static class ContradictingEvidence
{
    /// <summary>Detector hits pointing at a personal category of another top level than the annotated one (an annotated
    /// <c>contact.email</c> is not contradicted by <c>contact.phone</c> hits), with counts, strongest ratio first, then by
    /// detector id (ordinal). None when the classification, which weighed those very hits, reached the annotated top
    /// level itself: the annotation then says what the evidence was judged to mean (trial 17: push tokens under a
    /// device-id name, tax numbers and Unix times a phone plan accepts, were conflicts once a stub took its suggestion).</summary>
    /// <param name="classification">The column's classification, or null (no evidence).</param>
    /// <param name="annotatedCategory">The category the annotation gives.</param>
    /// <returns>The hits, each with <see cref="EvidenceItem.Matched"/> and a positive <see cref="EvidenceItem.Total"/>.</returns>
    public static IEnumerable<EvidenceItem> Against(ColumnClassification? classification, string annotatedCategory)
    {
        var top = DataCategory.TopLevelOf(annotatedCategory);
        if (classification?.DataCategory is { } judged && DataCategory.TopLevelOf(judged) == top) return [];
        return (classification?.Evidence ?? [])
            .Where(e => e.Kind == "detector" && e.DataCategory is { } c && c != "none" && DataCategory.TopLevelOf(c) != top
                        && !AlsoATaxNumber(e, annotatedCategory)
                        && e.Matched is not null && e.Total is > 0)
            .OrderByDescending(e => (double)e.Matched!.Value / e.Total!.Value)
            .ThenBy(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="hit"/> finds national identification numbers in a column annotated as a tax
    /// identifier: the national numbers <c>detector.national-id</c> validates are, in most of their countries, the
    /// person's tax number too (the Spanish NIF of a person is the DNI or NIE, the German Steuer-IdNr is the tax id itself,
    /// the Italian codice fiscale, the Belgian national register number, the Dutch BSN and the US SSN serve as the tax
    /// number), so the values agree with <c>financial.tax_id</c>, as LABELS.md labels a tax ID (trial44 finding 2: a
    /// Spanish <c>nif</c> annotated as LABELS.md says was a conflict, failing the gate and held back from export).</summary>
    private static bool AlsoATaxNumber(EvidenceItem hit, string annotatedCategory) =>
        annotatedCategory == "financial.tax_id" && hit.Id == Inventory.Rules.Detectors.DetectorIds.NationalId;

    /// <summary>The categories whose name evidence alone contradicts an annotation of <c>none</c>: the special
    /// categories of GDPR Art. 9(1) (<c>other_personal.health</c>, <c>other_personal.special_category</c>), the national
    /// identification number (Art. 87) and the date of birth. No counting value test confirms or refutes most of them
    /// (a diagnosis code or a birth date looks like any code or date), so without this rule an annotation of <c>none</c>
    /// would drop the most sensitive columns from the record and from every claim without a trace (trial37 finding 4).</summary>
    public static IReadOnlySet<string> NameContradictedCategories { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "other_personal.health", "other_personal.special_category", "other_personal.national_id", "other_personal.date_of_birth",
    };

    /// <summary>The name rule that contradicts an annotation of <c>none</c>: the column's classification suggests one of
    /// <see cref="NameContradictedCategories"/> at <paramref name="minimumConfidence"/> or more, and a name rule of that
    /// very category is part of its evidence (a model-only suggestion is not enough). Null for any other annotated
    /// category, suggestion or evidence.</summary>
    /// <param name="classification">The column's classification, or null.</param>
    /// <param name="annotatedCategory">The category the annotation (or database label) gives.</param>
    /// <param name="minimumConfidence">Least confidence of the suggestion, in [0, 1].</param>
    /// <returns>The name-rule evidence item (its <see cref="EvidenceItem.Id"/> names the rule), or null.</returns>
    public static EvidenceItem? SensitiveName(ColumnClassification? classification, string annotatedCategory, double minimumConfidence)
    {
        if (annotatedCategory != "none") return null;
        if (classification is not { DataCategory: { } judged } || !NameContradictedCategories.Contains(judged)
            || classification.Confidence < minimumConfidence) return null;
        return classification.Evidence.FirstOrDefault(e => e.Kind is "name-rule" or Inventory.Rules.NameEvidence.NameAuthorityKind && e.DataCategory == judged);
    }
}
