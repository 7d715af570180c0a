using Inventory.Annotations;
using Inventory.Classification;
using System.Globalization;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Rules.Policy;

namespace Inventory.Reports.Claims;

/// <summary>Checks a policy's claims against an inventory. Each kind of <see cref="ClaimKinds"/> has one check;
/// every check is a pure function of the policy and the inventory (counts, categories, evidence ids and foreign keys:
/// no value is read). Verdict rule: any finding → violated; else any unresolved table or column → unknown; else holds.
/// Categories: a check uses a column's <em>tagged</em> category only (annotation or database label: status tagged or
/// conflict). A suggestion (status suggested) is not a tag: such a column counts as undecided, so it can make a claim
/// unknown but never violated or held (the same rule as coverage and <c>inventory check</c>). Detector evidence (a
/// PAN hit) is data, not a category, and is a finding whatever the column's status.</summary>
public static class ClaimEvaluator
{
    /// <summary>The check of each claim kind.</summary>
    internal static readonly IReadOnlyDictionary<string, Func<ClaimContext, ClaimResult>> Checks =
        new Dictionary<string, Func<ClaimContext, ClaimResult>>(StringComparer.Ordinal)
        {
            [ClaimKinds.NoCardNumber] = ClaimChecks.NoCardNumber,
            [ClaimKinds.PaymentThroughGateway] = ClaimChecks.PaymentThroughGateway,
            [ClaimKinds.SharedWithOnly] = ClaimChecks.SharedWithOnly,
            [ClaimKinds.DeclaredCategoriesOnly] = ClaimChecks.DeclaredCategoriesOnly,
            [ClaimKinds.AutomaticDataLimited] = ClaimChecks.AutomaticDataLimited,
            [ClaimKinds.DeletionPath] = ClaimChecks.DeletionPath,
            [ClaimKinds.BillingNotCascadeDeleted] = ClaimChecks.BillingNotCascadeDeleted,
            [ClaimKinds.CustomerDataInProcessorScope] = ClaimChecks.CustomerDataInProcessorScope,
        };

    /// <summary>Checks every claim of the policy, in policy order.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="inventory">The inventory (not modified).</param>
    /// <returns>One result per claim.</returns>
    public static IReadOnlyList<ClaimResult> EvaluateAll(PolicyDocument policy, InventoryDocument inventory) =>
        EvaluateAll(policy, inventory, Checks);

    /// <summary>Checks every claim with the given checks (tests inject a failing one).</summary>
    internal static IReadOnlyList<ClaimResult> EvaluateAll(PolicyDocument policy, InventoryDocument inventory,
        IReadOnlyDictionary<string, Func<ClaimContext, ClaimResult>> checks) =>
        policy.Claims.Select(c => Evaluate(c, policy, inventory, checks)).ToList();

    /// <summary>Checks one claim.</summary>
    /// <param name="claim">The claim (its kind must be one of <see cref="ClaimKinds"/>).</param>
    /// <param name="policy">The policy the claim belongs to (activities and recipients).</param>
    /// <param name="inventory">The inventory (not modified).</param>
    /// <returns>The verdict with its evidence; an unknown kind, or a check that fails, gives <see cref="ClaimVerdict.Unknown"/>
    /// with the reason.</returns>
    public static ClaimResult Evaluate(PolicyClaim claim, PolicyDocument policy, InventoryDocument inventory) =>
        Evaluate(claim, policy, inventory, Checks);

    /// <summary>Checks one claim, isolated as Serilog's safe aggregate sink isolates a sink: a check that throws (a bug,
    /// or an inventory it did not foresee) makes this claim <see cref="ClaimVerdict.Unknown"/> with the reason, and the
    /// other claims are still checked. The reason names the exception type only: its message could quote a value.</summary>
    internal static ClaimResult Evaluate(PolicyClaim claim, PolicyDocument policy, InventoryDocument inventory,
        IReadOnlyDictionary<string, Func<ClaimContext, ClaimResult>> checks)
    {
        if (!checks.TryGetValue(claim.Kind, out var check))
            return new ClaimResult { Claim = claim, Verdict = ClaimVerdict.Unknown, Summary = $"no check for claim kind '{claim.Kind}'" };
        try
        {
            return check(new ClaimContext(claim, policy, inventory));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
        {
            return new ClaimResult
            {
                Claim = claim,
                Verdict = ClaimVerdict.Unknown,
                Summary = $"the check of claim kind '{claim.Kind}' failed ({e.GetType().Name}), so no verdict; please report it with the inventory's shape",
            };
        }
    }
}

/// <summary>What a check sees.</summary>
internal sealed record ClaimContext(PolicyClaim Claim, PolicyDocument Policy, InventoryDocument Inventory)
{
    public ClaimParameters Parameters => Claim.Parameters;

    /// <summary>Columns of controller-scope sources (processor sources hold customers' data, never sampled).</summary>
    public IEnumerable<(SourceEntry Source, TableEntry Table, ColumnEntry Column)> ControllerColumns() =>
        Inventory.AllColumns().Where(x => !IsProcessorSource(x.Source));

    public IEnumerable<(SourceEntry Source, TableEntry Table)> ControllerTables() =>
        Inventory.AllTables().Where(x => !IsProcessorSource(x.Source));

    public static bool IsProcessorSource(SourceEntry source) => source.Role == ProcessingRole.Processor;

    /// <summary>Builds the result with the verdict rule.</summary>
    public ClaimResult Result(List<ClaimFinding> findings, List<ClaimFinding> unresolved, int examined, string holds, string violated, string unknown,
        IReadOnlyList<string>? examinedTables = null) =>
        new()
        {
            Claim = Claim,
            Verdict = findings.Count > 0 ? ClaimVerdict.Violated : unresolved.Count > 0 ? ClaimVerdict.Unknown : ClaimVerdict.Holds,
            Summary = findings.Count > 0 ? violated : unresolved.Count > 0 ? unknown : holds,
            Findings = findings,
            Unresolved = unresolved,
            Examined = examined,
            ExaminedTables = examinedTables ?? [],
        };
}
