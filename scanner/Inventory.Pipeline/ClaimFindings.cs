using Inventory.Annotations;
using Inventory.Config;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Pipeline;

/// <summary>Turns violated policy claims into CI-gate findings that point at the claim in the policy file.</summary>
internal static class ClaimFindings
{
    /// <summary>One <see cref="FindingKind.ClaimViolated"/> finding per column or table of each violated claim.</summary>
    /// <param name="claims">The evaluated claims.</param>
    /// <param name="policy">The policy they come from.</param>
    /// <param name="policyPath">The file it was read from, or null for the built-in seed policy.</param>
    /// <param name="config">The config (which may have selected the built-in policy), or null.</param>
    /// <param name="pathBase">Paths are shown relative to this folder.</param>
    public static IReadOnlyList<CheckFinding> From(IReadOnlyList<ClaimResult> claims, PolicyDocument policy, string? policyPath,
        InventoryConfig? config, string pathBase) =>
        claims.Where(c => c.Verdict == ClaimVerdict.Violated)
            .SelectMany(c => c.Findings.Select(f => new CheckFinding
            {
                Kind = FindingKind.ClaimViolated,
                ClaimId = c.Claim.Id,
                Source = f.Source,
                Table = f.Table,
                Column = f.Column,
                Message = $"claim '{c.Claim.Id}' violated: {f.Reason}",
                ClaimText = c.Claim.Text,
                Location = Location(c.Claim, policy, policyPath, config, pathBase),
                Key = f.Column is null ? f.Table : $"{f.Table}.{f.Column}",
            }))
            .ToList();

    /// <summary>Where a violated claim points: the claim's line in the policy file used. The built-in seed policy is no
    /// file of the user's repository: the finding then points at the <c>policy: builtin</c> value of the config file that
    /// selected it (its line and column, not the file's first line), or has no physical location when
    /// <c>--policy builtin</c> selected it.</summary>
    private static FindingLocation Location(PolicyClaim claim, PolicyDocument policy, string? policyPath, InventoryConfig? config, string pathBase)
    {
        if (policyPath is not null)
            return new FindingLocation(AnnotationMerger.DisplayPath(policyPath, pathBase), Math.Max(1, claim.Line), Math.Max(1, claim.Column), File.Exists(policyPath));
        if (config?.Policy == PolicyDocument.BuiltinName && config.File is { } configFile && File.Exists(configFile))
            return new FindingLocation(AnnotationMerger.DisplayPath(configFile, pathBase),
                config.PolicyPosition?.Line ?? 1, config.PolicyPosition?.Column ?? 0, true);
        return new FindingLocation(policy.File, Math.Max(1, claim.Line), Math.Max(1, claim.Column), true) { Physical = false };
    }
}
