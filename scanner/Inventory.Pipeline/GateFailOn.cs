using Inventory.Config;
using Inventory.Reports.Check;

namespace Inventory.Pipeline;

/// <summary>The finding kinds that fail the CI gate: the config's <c>check.fail-on</c>, the one place it is read.</summary>
public sealed class GateFailOn
{
    private GateFailOn(IReadOnlySet<FindingKind> kinds, SettingPlace? reportOnlyAt = null) => (Kinds, ReportOnlyAt) = (kinds, reportOnlyAt);

    /// <summary>The kinds that fail. Invalid annotation files always fail.</summary>
    public IReadOnlySet<FindingKind> Kinds { get; }

    /// <summary>True when violated claims fail the gate (<c>fail-on</c> lists <c>claim</c>): then the claims are
    /// evaluated even when no policy is named on the command line.</summary>
    public bool FailsOnClaims => Kinds.Contains(FindingKind.ClaimViolated);

    /// <summary>Where the config's <c>check.fail-on</c> is written when it lists no kind (<c>fail-on: []</c>): a legitimate
    /// report-only gate, where every finding but an invalid annotation file is a warning, which <c>check</c> says once
    /// naming this place (trial38 finding 7: the gate passed with untagged columns and said nothing). Null otherwise.</summary>
    public SettingPlace? ReportOnlyAt { get; }

    /// <summary>The config's <c>check.fail-on</c> when set; otherwise untagged columns only (conflicts and stale
    /// annotations warn unless <c>--strict</c>, case C05; claims are reported but fail only when listed).</summary>
    /// <param name="config">The config, or null.</param>
    /// <exception cref="ConfigurationException">A kind other than untagged, conflict, stale, claim, missing or
    /// transfer-without-safeguard (the config
    /// loader already rejects those with line and column; this guards configs built in code).</exception>
    public static GateFailOn From(InventoryConfig? config)
    {
        if (config?.Check.FailOn is not { } kinds)
            return new GateFailOn(new HashSet<FindingKind> { FindingKind.Untagged, FindingKind.InvalidAnnotation });
        var set = new HashSet<FindingKind> { FindingKind.InvalidAnnotation };
        foreach (var kind in kinds)
            set.Add(kind switch
            {
                "untagged" => FindingKind.Untagged,
                "conflict" => FindingKind.Conflict,
                "stale" => FindingKind.Stale,
                "claim" => FindingKind.ClaimViolated,
                "missing" => FindingKind.Missing,
                "transfer-without-safeguard" => FindingKind.TransferWithoutSafeguard,
                _ => throw new ConfigurationException($"unknown fail-on kind '{kind}'", config.File),
            });
        return new GateFailOn(set, kinds.Count == 0 ? config.Check.FailOnAt : null);
    }
}
