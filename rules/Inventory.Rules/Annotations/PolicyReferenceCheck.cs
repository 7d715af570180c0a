using Inventory.Rules.Policy;

namespace Inventory.Annotations;

/// <summary>Checks the ids annotations name in the policy: every <c>activity:</c> must be a processing activity of the
/// policy and every <c>shared-with:</c> item one of its recipients; otherwise the record of processing misses (or
/// misnames) that processing. Each unknown id is an <see cref="AnnotationErrorKind.UnknownPolicyReference"/> error at the
/// id's file, line and column, with the closest id and the policy's list.</summary>
public static class PolicyReferenceCheck
{
    /// <summary>The unknown ids of a loaded annotation set.</summary>
    /// <param name="annotations">The loaded annotations.</param>
    /// <param name="policy">The policy the annotations refer to.</param>
    /// <returns>One error per unknown id, in reading order (<see cref="AnnotationError.InReadingOrder"/>), those of a
    /// duplicate table document (<see cref="AnnotationSet.Duplicates"/>) included; empty when every id is defined.</returns>
    public static IReadOnlyList<AnnotationError> Unknown(AnnotationSet annotations, PolicyDocument policy) =>
        AnnotationError.InReadingOrder(annotations.Annotations.Concat(annotations.Duplicates)
            .SelectMany(t => t.PolicyReferences)
            .Where(r => r.Kind == PolicyReferenceKind.Activity ? policy.Activity(r.Id) is null : policy.Recipient(r.Id) is null)
            .Select(r => new AnnotationError(AnnotationErrorKind.UnknownPolicyReference,
                r.Kind == PolicyReferenceKind.Activity
                    ? PolicyDocument.UnknownMessage("processing activity", r.Id, policy.Activities.Select(a => a.Id))
                    : PolicyDocument.UnknownMessage("recipient", r.Id, policy.Recipients.Select(x => x.Id)),
                r.Location.File, r.Location.Line, r.Location.Column)));
}
