using Inventory.Model;
using Inventory.Annotations;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Pipeline;

/// <summary>What the CI gate needs besides the inventory and the config.</summary>
public sealed record GateRequest
{
    /// <summary>Where the annotations are.</summary>
    public required AnnotationsLocation Annotations { get; init; }
    /// <summary>Classifications at or above this confidence count as tags (overrides the config); null for the config's.</summary>
    public AcceptanceThresholds? AcceptClassificationAbove { get; init; }
    /// <summary>When true, conflicts and stale annotations fail too.</summary>
    public bool Strict { get; init; }
    /// <summary>Columns whose findings are known gaps, or null.</summary>
    public CheckBaseline? Baseline { get; init; }
    /// <summary>A policy.yml path, or <see cref="PolicyDocument.BuiltinName"/> (<c>"builtin"</c>) for the built-in seed
    /// policy; null for the config's <c>policy:</c> entry, and without one no policy at all. The claims of a named
    /// policy are always evaluated; violations fail the gate when <c>fail-on</c> lists <c>claim</c>.</summary>
    public string? PolicyPath { get; init; }
}

/// <summary>The outcome of the gate: findings, the annotations used, the policy (null when none was given) and the
/// claims evaluated.</summary>
/// <param name="Result">The gate's findings and verdict.</param>
/// <param name="Annotations">The annotations loaded (with their errors).</param>
/// <param name="Policy">The policy, or null.</param>
/// <param name="Claims">The claims evaluated (empty without a policy or when claims were not asked for).</param>
public sealed record GateOutcome(CheckResult Result, AnnotationSet Annotations, PolicyDocument? Policy, IReadOnlyList<ClaimResult> Claims);

/// <summary>Annotations loaded and merged into an inventory (see <see cref="InventoryFlow.MergeAnnotations"/>).</summary>
/// <param name="Annotations">The annotations loaded (with every file error).</param>
/// <param name="Merge">The merge result: stale annotations, counts.</param>
public sealed record AppliedAnnotations(AnnotationSet Annotations, MergeResult Merge);
