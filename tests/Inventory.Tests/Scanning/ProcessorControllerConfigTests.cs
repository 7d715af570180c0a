using Inventory;
using Inventory.Config;
using Inventory.Model;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>A processor source names the controller it is processed for (<c>controller:</c>, Art. 30(2)(a); trial37
/// finding 8): read from inventory.yml, refused with file:line:column where it cannot apply, and kept in the inventory.</summary>
[TestFixture]
public sealed class ProcessorControllerConfigTests
{
    private string _file = "";

    [SetUp]
    public void CreateFile() => _file = Path.Combine(Path.GetTempPath(), $"dpo37-config-{Guid.NewGuid():N}.yml");

    [TearDown]
    public void RemoveFile() => File.Delete(_file);

    [Test]
    public void Load_ProcessorSourceWithController_ControllerRead()
    {
        File.WriteAllText(_file, "sources:\n  - name: app01-blog\n    connection: sqlite:app01.db\n    role: processor\n    controller: Acme SAS, dpo@acme.example\n");

        var config = InventoryConfig.Load(_file);

        Assert.That(config.Sources.Single().Controller, Is.EqualTo("Acme SAS, dpo@acme.example"));
    }

    [Test]
    public void Load_ControllerOnAControllerSource_ErrorAtTheKey()
    {
        File.WriteAllText(_file, "sources:\n  - name: panel\n    connection: sqlite:panel.db\n    controller: Acme SAS\n");

        var error = Assert.Throws<ConfigurationException>(() => InventoryConfig.Load(_file));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((error!.File, error.Line, error.Column), Is.EqualTo((_file, 4, 17)));
            Assert.That(error.Message, Does.Contain("this source is not 'role: processor'"));
        }
    }

    [Test]
    public void Load_EmptyController_ErrorAtTheKey()
    {
        File.WriteAllText(_file, "sources:\n  - name: app01\n    connection: sqlite:app01.db\n    role: processor\n    controller: \"\"\n");

        var error = Assert.Throws<ConfigurationException>(() => InventoryConfig.Load(_file));

        Assert.That((error!.Line, error.Column), Is.EqualTo((5, 17)));
    }

    [Test]
    public void Inventory_SourceController_SurvivesWritingAndReading()
    {
        var document = new InventoryDocument { Tool = "inventory 0.1.0", Sources = [new SourceEntry { Name = "app01", Role = ProcessingRole.Processor, Controller = "Acme SAS" }] };

        var read = InventoryJson.Deserialize(InventoryJson.Serialize(document));

        Assert.That(read.Sources.Single().Controller, Is.EqualTo("Acme SAS"));
    }
}
