using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

public sealed class TaxonomyTests
{
    [TestCase("contact.email", ExpectedResult = true)]
    [TestCase("contact", ExpectedResult = true)]
    [TestCase("none", ExpectedResult = true)]
    [TestCase("automatic.browser_language", ExpectedResult = true)]
    [TestCase("other_personal.credentials", ExpectedResult = true)]
    [TestCase("contact.fax_machine", ExpectedResult = false)]
    [TestCase("personal", ExpectedResult = false)]
    [TestCase("", ExpectedResult = false)]
    public bool IsKnown_DefaultTaxonomy(string dataCategory) => Taxonomy.Default.IsKnown(dataCategory);

    [Test]
    public void Default_HasTheSixCategories() =>
        Assert.That(Taxonomy.Default.Categories.Select(c => c.Name),
            Is.EqualTo(new[] { "contact", "financial", "automatic", "customer_content", "other_personal", "none" }));

    [Test]
    public void Load_UserFile_AddsCategoryAndSubcategory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"taxonomy-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "categories:\n  contact:\n    subcategories:\n      messenger: Messenger handle.\n  research:\n    description: Research data.\n    subcategories:\n      survey: Survey answers.\n");
        try
        {
            var taxonomy = Taxonomy.Load(path);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(taxonomy.IsKnown("contact.messenger"), Is.True);
                Assert.That(taxonomy.IsKnown("contact.email"), Is.True);
                Assert.That(taxonomy.IsKnown("research.survey"), Is.True);
                Assert.That(taxonomy.IsKnown("research"), Is.True);
            }
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void Load_UnknownKey_ConfigurationExceptionWithPosition()
    {
        var path = Path.Combine(Path.GetTempPath(), $"taxonomy-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "categories:\n  research:\n    descripton: typo\n");
        try
        {
            var e = Assert.Throws<ConfigurationException>(() => Taxonomy.Load(path));
            Assert.That(e!.Line, Is.EqualTo(3));
            Assert.That(e.Message, Does.Contain("description"));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void Load_BadCategoryName_ConfigurationException()
    {
        var path = Path.Combine(Path.GetTempPath(), $"taxonomy-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "categories:\n  Bad Name:\n    description: x\n");
        try { Assert.Throws<ConfigurationException>(() => Taxonomy.Load(path)); }
        finally { File.Delete(path); }
    }
}
