using Inventory.Config;
using Inventory.Pipeline;
using Inventory.Tests.Annotations;
using NUnit.Framework;

namespace Inventory.Tests.Pipeline;

/// <summary>The one annotations-path rule: flag, else the config's (relative to the config file), else ./annotations.</summary>
[TestFixture]
public sealed class AnnotationsLocationTests
{
    [Test]
    public void Resolve_FlagWinsOverTheConfig() =>
        Assert.That(AnnotationsLocation.Resolve("mine/", new InventoryConfig { BaseDirectory = "/repo", Annotations = "ann" }),
            Is.EqualTo(new AnnotationsLocation("mine/", true)));

    [Test]
    public void Resolve_ConfigPath_IsRelativeToTheConfigFile() =>
        Assert.That(AnnotationsLocation.Resolve(null, new InventoryConfig { BaseDirectory = "/repo", Annotations = "ann" }),
            Is.EqualTo(new AnnotationsLocation(Path.GetFullPath("/repo/ann"), true, MayBeAbsent: true)));

    [Test]
    public void EnsureUsable_MissingConfigFolder_IsNoAnnotationsYet_MissingFlagPath_IsAnError()
    {
        using var dir = new TempFolder();
        var configured = AnnotationsLocation.Resolve(null, new InventoryConfig { BaseDirectory = dir.Path, Annotations = "annotations/" });
        var flagged = AnnotationsLocation.Resolve(Path.Combine(dir.Path, "typo"), null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(configured.EnsureUsable().ShouldLoad, Is.False, "a configured folder not created yet: no annotations yet");
            Assert.That(() => flagged.EnsureUsable(), Throws.TypeOf<ConfigurationException>().With.Message.Contains("annotations folder or file not found"));
        }
    }

    [Test]
    public void Resolve_NothingNamed_IsTheImplicitDefaultFolder()
    {
        var location = AnnotationsLocation.Resolve(null, null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(location, Is.EqualTo(new AnnotationsLocation("annotations", false)));
            Assert.That(AnnotationsLocation.Named(null, null), Is.Null, "scan merges only named annotations");
        }
    }

    [Test]
    public void Folder_OfASingleFile_IsItsFolder()
    {
        using var dir = new TempFolder();
        var file = dir.Write("app.yml", "table: t\n");
        var location = new AnnotationsLocation(file, true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(location.Folder, Is.EqualTo(dir.Path));
            Assert.That(new AnnotationsLocation(Path.Combine(dir.Path, "absent"), false).ShouldLoad, Is.False);
            Assert.That(new AnnotationsLocation(Path.Combine(dir.Path, "absent"), true).ShouldLoad, Is.True, "a named path must exist: loading it reports it");
        }
    }
}
