using Inventory.Config;
using Inventory.Tests.Annotations;
using Inventory.Pipeline;
using Inventory.Reports.Check;
using NUnit.Framework;

namespace Inventory.Tests.Check;

/// <summary>trial37 finding 1, the gate's half: a policy-backed CI gate can fail on a recipient outside the EEA with no
/// declared safeguard by listing <c>transfer-without-safeguard</c> in <c>check.fail-on</c>, not only under
/// <c>--strict</c>; a misspelt kind is refused at its line and column with the list of kinds.</summary>
[TestFixture]
public sealed class TransferFailOnTests
{
    private static InventoryConfig Load(string failOn)
    {
        using var dir = new TempFolder();
        var file = dir.Write("inventory.yml", $"sources:\n  - name: a\n    connection: sqlite:app.db\ncheck:\n  fail-on: {failOn}\n");
        return InventoryConfig.Load(file);
    }

    [Test]
    public void FailOnListingTransfers_MakesThemFailing_AndOnlyWhatIsListed()
    {
        var kinds = GateFailOn.From(Load("[untagged, transfer-without-safeguard]")).Kinds;

        Assert.That(kinds, Is.EquivalentTo(new[] { FindingKind.Untagged, FindingKind.TransferWithoutSafeguard, FindingKind.InvalidAnnotation }));
        Assert.That(GateFailOn.From(Load("[untagged]")).Kinds, Does.Not.Contain(FindingKind.TransferWithoutSafeguard));
    }

    [Test]
    public void MisspeltKind_IsRefusedAtItsPlace_NamingTheKinds()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load("[untagged, transfer-without-safegard]"))!;

        Assert.That((e.Line, e.Column), Is.EqualTo((5, 12)));
        Assert.That(e.Message, Does.Contain("unknown fail-on kind 'transfer-without-safegard'; use untagged, conflict, stale, claim, missing, transfer-without-safeguard"));
    }
}
