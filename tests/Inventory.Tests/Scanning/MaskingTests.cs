using Inventory.Scanning;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

public sealed class MaskingTests
{
    [TestCase("john.doe@example.com", ExpectedResult = "j***.d***@e***.c***")]
    [TestCase("+33 6 12 34 56 78", ExpectedResult = "+### ### ### ### ### ###")]
    [TestCase("4242 4242 4242 4242", ExpectedResult = "### ### ### ###")]
    [TestCase("192.0.2.17", ExpectedResult = "###.###.###.###")]
    [TestCase("Brad", ExpectedResult = "B***")]
    [TestCase("Éloïse Dürr", ExpectedResult = "É*** D***")]
    public string Mask_KeepsOnlyTheShapeAndFirstLetters(string value) => Masking.Mask(value);

    [Test]
    public void Mask_HidesTheLengthOfEachPart()
    {
        Assert.That(Masking.Mask("Al"), Is.EqualTo(Masking.Mask("Alexandrina")));
    }

    [Test]
    public void Mask_LongValue_IsCutAndMarked()
    {
        var masked = Masking.Mask(new string('a', 30) + " " + new string('b', 100));

        Assert.That(masked, Is.EqualTo("a*** b***…"));
    }
}
