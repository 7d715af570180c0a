using Inventory.Annotations;
using Inventory.Catalog;
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
    /// <summary>A policy.yml path, or <see cref="PolicyDocument.BuiltinName"/> (<c>"builtin"</c>) for the built-in seed
    /// policy; null for the config's <c>policy:</c> entry, and without one no policy at all (no claims).</summary>
    public string? PolicyPath { get; init; }
    /// <summary>When true, the policy's claims are evaluated and violations become findings. <c>check</c> turns it on
    /// when a policy is named (flag or config) or <c>fail-on</c> lists <c>claim</c>. Without a policy there is nothing
    /// to evaluate.</summary>
    public bool EvaluateClaims { get; init; }
}

/// <summary>The outcome of the gate: findings, the annotations used, the policy (null when none was given) and the
/// claims evaluated.</summary>
internal sealed record GateOutcome(CheckResult Result, AnnotationSet Annotations, PolicyDocument? Policy, IReadOnlyList<ClaimResult> Claims);

/// <summary>Annotations loaded and merged into an inventory (see <see cref="Gate.ApplyAnnotations"/>).</summary>
internal sealed record AppliedAnnotations(AnnotationSet Annotations, MergeResult Merge);

/// <summary>Runs the CI gate shared by <c>check</c> and <c>demo</c>: loads annotations (collecting every file error),
/// merges them into the inventory, evaluates the policy's claims, and decides which findings fail. The annotation and
/// policy steps are also used by <c>report</c>, so both commands see the same merged inventory.</summary>
internal static class Gate
{
    /// <summary>Evaluates the gate. The document is updated in place with the merged annotations.</summary>
    /// <exception cref="ConfigurationException">A missing explicit annotations path, a bad policy or taxonomy file.</exception>
    public static GateOutcome Evaluate(InventoryDocument document, GateRequest request)
    {
        var config = request.Config;
        var pathBase = Directory.GetCurrentDirectory();
        var (annotations, merge) = ApplyAnnotations(document, config, request.AnnotationsPath, request.AnnotationsExplicit, pathBase);

        var (policy, policyPath) = LoadPolicy(request.PolicyPath, config);
        var claims = request.EvaluateClaims && policy is not null ? ClaimEvaluator.EvaluateAll(policy, document) : [];
        var claimFindings = claims.Where(c => c.Verdict == ClaimVerdict.Violated)
            .SelectMany(c => c.Findings.Select(f => new CheckFinding
            {
                Kind = FindingKind.ClaimViolated,
                ClaimId = c.Claim.Id,
                Source = f.Source,
                Table = f.Table,
                Column = f.Column,
                Message = $"claim '{c.Claim.Id}' violated: {f.Reason}",
                Suggestion = c.Claim.Text,
                Location = ClaimLocation(c.Claim, policy!, policyPath, config, pathBase),
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

    /// <summary>Loads the annotations (every file error collected, good files still applied) and merges them into the
    /// document (annotation &gt; database label &gt; classification). Tables the config's sources leave out
    /// (<c>include:</c>/<c>exclude:</c>) are out of scope: their annotations are not stale.</summary>
    /// <param name="document">The inventory, changed in place.</param>
    /// <param name="config">The config (taxonomy, source filters), or null.</param>
    /// <param name="annotationsPath">Annotations folder or file.</param>
    /// <param name="isExplicit">True when the path was named (flag or config): then it must exist; a default
    /// <c>annotations/</c> that does not exist is an empty set.</param>
    /// <param name="pathBase">Paths are shown relative to this folder (default: the working directory).</param>
    /// <returns>The annotations and the merge result (stale annotations, counts).</returns>
    /// <exception cref="ConfigurationException">An explicit path that does not exist; a bad taxonomy file.</exception>
    public static AppliedAnnotations ApplyAnnotations(InventoryDocument document, InventoryConfig? config, string annotationsPath,
        bool isExplicit, string? pathBase = null)
    {
        var categories = Pipeline.Categories(config);
        var annotations = Commands.GateInput.LoadAnnotations(annotationsPath, isExplicit, categories);
        var options = new MergeOptions { PathBase = pathBase ?? Directory.GetCurrentDirectory(), InScope = Scope(config) };
        var merge = new AnnotationMerger(categories, options).Apply(document, annotations);
        return new AppliedAnnotations(annotations, merge);
    }

    /// <summary>The scan scope of the config's sources as a <see cref="MergeOptions.InScope"/> predicate
    /// (source name, schema, table): each source's <see cref="CatalogFilter"/>. Null without a config (everything in
    /// scope); a source the config does not name is in scope.</summary>
    /// <exception cref="ConfigurationException">An empty include/exclude pattern.</exception>
    public static Func<string, string, string, bool>? Scope(InventoryConfig? config)
    {
        if (config is null || config.Sources.Count == 0) return null;
        var filters = config.Sources.GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new CatalogFilter(g.First().Include, g.First().Exclude), StringComparer.Ordinal);
        return (source, schema, table) => !filters.TryGetValue(source, out var filter) || filter.Matches(schema, table);
    }

    /// <summary>The policy named by a flag or the config: a path, <c>builtin</c> for the seed policy, or none.</summary>
    /// <param name="flag">The <c>--policy</c> value (a path or <c>builtin</c>), or null.</param>
    /// <param name="config">The config, whose <c>policy:</c> (relative to the config file, or <c>builtin</c>) applies
    /// when no flag is given.</param>
    /// <returns>The policy and the path it was read from (null for the built-in one); (null, null) when none is named.</returns>
    /// <exception cref="ConfigurationException">A missing or invalid policy file.</exception>
    public static (PolicyDocument? Policy, string? Path) LoadPolicy(string? flag, InventoryConfig? config)
    {
        var named = flag ?? (config?.Policy is { } p ? p == PolicyDocument.BuiltinName ? p : config.Resolve(p) : null);
        var policy = PolicyDocument.LoadOptional(named);
        return (policy, named == PolicyDocument.BuiltinName ? null : named);
    }

    /// <summary>Where a violated claim points: the claim's line in the policy file used. The built-in seed policy is no
    /// file of the user's repository: the finding then points at the config file that selected it (<c>policy: builtin</c>),
    /// or has no physical location when <c>--policy builtin</c> selected it.</summary>
    private static FindingLocation ClaimLocation(PolicyClaim claim, PolicyDocument policy, string? policyPath, InventoryConfig? config, string pathBase)
    {
        if (policyPath is not null)
            return new FindingLocation(AnnotationMerger.DisplayPath(policyPath, pathBase), Math.Max(1, claim.Line), Math.Max(1, claim.Column), File.Exists(policyPath));
        if (config?.Policy == PolicyDocument.BuiltinName && config.File is { } configFile && File.Exists(configFile))
            return new FindingLocation(AnnotationMerger.DisplayPath(configFile, pathBase), 1, 1, true);
        return new FindingLocation(policy.File, Math.Max(1, claim.Line), Math.Max(1, claim.Column), true) { Physical = false };
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
