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
                        && e.Matched is not null && e.Total is > 0)
            .OrderByDescending(e => (double)e.Matched!.Value / e.Total!.Value)
            .ThenBy(e => e.Id, StringComparer.Ordinal);
    }
}
