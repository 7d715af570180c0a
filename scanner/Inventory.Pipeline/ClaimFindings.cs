using Inventory.Annotations;
using Inventory.Config;
using Inventory.Reports;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;

namespace Inventory.Pipeline;

/// <summary>Turns violated policy claims, and recipients outside the EEA without a declared transfer, into CI-gate
/// findings that point at the claim or recipient in the policy file.</summary>
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
                Location = PolicyLocation(c.Claim.Line, c.Claim.Column, policy, policyPath, config, pathBase),
                Key = f.Column is null ? f.Table : $"{f.Table}.{f.Column}",
            }))
            .ToList();

    /// <summary>One <see cref="FindingKind.TransferWithoutSafeguard"/> warning per recipient of the policy whose country is
    /// outside the EEA (or not an ISO 3166-1 alpha-2 code) and that has no <c>transfer:</c> block
    /// (<see cref="ThirdCountries.LacksSafeguard"/>), pointing at the recipient in the policy file (trial37 finding 1).</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="policyPath">The file it was read from, or null for the built-in seed policy.</param>
    /// <param name="config">The config (which may have selected the built-in policy), or null.</param>
    /// <param name="pathBase">Paths are shown relative to this folder.</param>
    public static IReadOnlyList<CheckFinding> TransfersWithoutSafeguard(PolicyDocument policy, string? policyPath, InventoryConfig? config, string pathBase) =>
        policy.Recipients.Where(ThirdCountries.LacksSafeguard).Select(r => new CheckFinding
        {
            Kind = FindingKind.TransferWithoutSafeguard,
            Table = $"recipient {r.Id}",
            Key = $"recipient '{r.Id}'",
            Message = (ThirdCountries.IsCode(r.Country!)
                    ? $"{r.Name} is in {r.Country}, outside the EEA, and the policy declares no transfer for it"
                    : $"{r.Name}'s country '{r.Country}' is not an ISO 3166-1 alpha-2 code, so it may be outside the EEA, and the policy declares no transfer for it")
                + $": the record lists the transfer as '⚠ {ThirdCountries.NoSafeguard}' (Art. 30(1)(e))",
            Suggestion = "add 'transfer:' with its country and safeguard (an adequacy decision, Art. 45, or an appropriate safeguard, Art. 46)",
            Location = PolicyLocation(r.Line, r.Column, policy, policyPath, config, pathBase),
        }).ToList();

    /// <summary>Where a finding about the policy points: the item's line in the policy file used. The built-in seed policy
    /// is no file of the user's repository: the finding then points at the <c>policy: builtin</c> value of the config file
    /// that selected it (its line and column, not the file's first line), or has no physical location when
    /// <c>--policy builtin</c> selected it.</summary>
    private static FindingLocation PolicyLocation(int line, int column, PolicyDocument policy, string? policyPath, InventoryConfig? config, string pathBase)
    {
        if (policyPath is not null)
            return new FindingLocation(AnnotationMerger.DisplayPath(policyPath, pathBase), Math.Max(1, line), Math.Max(1, column), File.Exists(policyPath));
        if (config?.Policy == PolicyDocument.BuiltinName && config.File is { } configFile && File.Exists(configFile))
            return new FindingLocation(AnnotationMerger.DisplayPath(configFile, pathBase),
                config.PolicyPosition?.Line ?? 1, config.PolicyPosition?.Column ?? 0, true);
        return new FindingLocation(policy.File, Math.Max(1, line), Math.Max(1, column), true) { Physical = false };
    }
}
