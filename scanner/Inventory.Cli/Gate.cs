using Inventory.Annotations;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Cli;

/// <summary>What the CI gate needs besides the inventory.</summary>
internal sealed record GateRequest
{
    public InventoryConfig? Config { get; init; }
    public required string AnnotationsPath { get; init; }
    public bool AnnotationsExplicit { get; init; }
    public double? AcceptClassificationAbove { get; init; }
    public bool Strict { get; init; }
    public CheckBaseline? Baseline { get; init; }
    /// <summary>Policy file; null for the config's, else the built-in seed policy.</summary>
    public string? PolicyPath { get; init; }
    /// <summary>When true, the policy's claims are evaluated and violations become findings. <c>check</c> turns it on
    /// when a policy is named (flag or config) or <c>fail-on</c> lists <c>claim</c>: the built-in seed policy describes
    /// one company, so its claims are not imposed on every database by default.</summary>
    public bool EvaluateClaims { get; init; }
}

/// <summary>The outcome of the gate: findings, the annotations used, and the policy claims evaluated.</summary>
internal sealed record GateOutcome(CheckResult Result, AnnotationSet Annotations, PolicyDocument Policy, IReadOnlyList<ClaimResult> Claims);

/// <summary>Runs the CI gate shared by <c>check</c> and <c>demo</c>: loads annotations (collecting every file error),
/// merges them into the inventory, evaluates the policy's claims, and decides which findings fail.</summary>
internal static class Gate
{
    /// <summary>Evaluates the gate. The document is updated in place with the merged annotations.</summary>
    /// <exception cref="ConfigurationException">A missing explicit annotations path, a bad policy or taxonomy file.</exception>
    public static GateOutcome Evaluate(InventoryDocument document, GateRequest request)
    {
        var config = request.Config;
        var categories = Pipeline.Categories(config);
        var annotations = !request.AnnotationsExplicit && !Directory.Exists(request.AnnotationsPath) && !File.Exists(request.AnnotationsPath)
            ? AnnotationSet.Empty
            : new AnnotationLoader(categories).Load(request.AnnotationsPath);
        var pathBase = Directory.GetCurrentDirectory();
        var merge = new AnnotationMerger(categories, new MergeOptions { PathBase = pathBase }).Apply(document, annotations);

        var policyPath = request.PolicyPath ?? (config?.Policy is { } p ? config.Resolve(p) : null);
        var policy = PolicyDocument.Load(policyPath);
        var claims = request.EvaluateClaims ? ClaimEvaluator.EvaluateAll(policy, document) : [];
        var policyFile = policyPath is null ? "rules/policy.yml" : AnnotationMerger.DisplayPath(policyPath, pathBase);
        var claimFindings = claims.Where(c => c.Verdict == ClaimVerdict.Violated)
            .SelectMany(c => c.Findings.Select(f => new CheckFinding
            {
                Kind = FindingKind.ClaimViolated,
                Source = f.Source,
                Table = f.Table,
                Column = f.Column,
                Message = $"claim '{c.Claim.Id}' violated: {f.Reason}",
                Suggestion = c.Claim.Text,
                Location = new FindingLocation(policyFile, 1, 1, policyPath is null || File.Exists(policyPath)),
                Key = f.Column is null ? f.Table : $"{f.Table}.{f.Column}",
            }))
            .ToList();

        var path = request.AnnotationsPath;
        var options = new CheckOptions
        {
            AcceptClassificationAbove = request.AcceptClassificationAbove ?? config?.Check.AcceptClassificationAbove,
            Strict = request.Strict,
            FailOn = FailOn(config),
            Baseline = request.Baseline,
            AnnotationsDirectory = Directory.Exists(path) || !File.Exists(path)
                ? AnnotationMerger.DisplayPath(path, pathBase)
                : AnnotationMerger.DisplayPath(Path.GetDirectoryName(Path.GetFullPath(path))!, pathBase),
            PathBase = pathBase,
            Stale = merge.Stale,
            AnnotationErrors = annotations.Errors,
            ExtraFindings = claimFindings,
        };
        return new GateOutcome(CheckGate.Evaluate(document, options), annotations, policy, claims);
    }

    /// <summary>The kinds that fail: the config's <c>check.fail-on</c> when set; otherwise untagged columns only
    /// (conflicts and stale annotations warn unless --strict, C05; claims are reported but fail only when listed).
    /// Invalid annotation files always fail.</summary>
    private static HashSet<FindingKind> FailOn(InventoryConfig? config)
    {
        if (config?.Check.FailOn is not { } kinds)
            return [FindingKind.Untagged, FindingKind.InvalidAnnotation];
        var set = new HashSet<FindingKind> { FindingKind.InvalidAnnotation };
        foreach (var kind in kinds)
            set.Add(kind switch
            {
                "untagged" => FindingKind.Untagged,
                "conflict" => FindingKind.Conflict,
                "stale" => FindingKind.Stale,
                "claim" => FindingKind.ClaimViolated,
                _ => throw new ConfigurationException($"unknown fail-on kind '{kind}'", config.File),
            });
        return set;
    }
}
