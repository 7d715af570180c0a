using Inventory.Annotations;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Rules.Policy;
using Inventory.Tests.Annotations;

namespace Inventory.Tests.Reports;

/// <summary>The fixture the claim and report tests share: the seed policy (<c>rules/policy.yml</c>), one of its claims
/// evaluated on an inventory, and an inventory with annotation files merged in as <c>check</c> and <c>report</c> merge
/// them. It replaces the copy of the same header in each test file.</summary>
internal static class SeedClaims
{
    /// <summary>The seed policy.</summary>
    public static PolicyDocument Policy => PolicyDocument.Seed;

    /// <summary>Evaluates one claim of the seed policy.</summary>
    /// <param name="claimId">The claim's id (<c>deletion-path</c>, <c>billing-kept</c>, …); an id the seed lacks throws.</param>
    /// <param name="inventory">The inventory.</param>
    public static ClaimResult Evaluate(string claimId, InventoryDocument inventory) =>
        ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == claimId), Policy, inventory);

    /// <summary>Evaluates one claim of the seed policy on a single controller source <c>app</c> holding the tables.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="tables">The tables of source <c>app</c>.</param>
    public static ClaimResult Evaluate(string claimId, params TableEntry[] tables) => Evaluate(claimId, App(tables));

    /// <summary>An inventory of one controller source <c>app</c>.</summary>
    /// <param name="tables">Its tables.</param>
    public static InventoryDocument App(params TableEntry[] tables) => Some.Document(Some.Source("app", tables));

    /// <summary>Merges annotation files into an inventory, as <c>check</c> and <c>report</c> do, and returns it.</summary>
    /// <param name="document">The inventory, changed in place.</param>
    /// <param name="files">Annotation files: file name (<c>users.yml</c>) → YAML text.</param>
    public static InventoryDocument Annotated(InventoryDocument document, params (string File, string Yaml)[] files)
    {
        using var dir = new TempFolder();
        foreach (var (file, yaml) in files) dir.Write(file, yaml);
        new AnnotationMerger(options: new MergeOptions { PathBase = dir.Path }).Apply(document, new AnnotationLoader().Load(dir.Path));
        return document;
    }
}
