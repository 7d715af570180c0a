using Inventory.Model;
using Inventory.Catalog;
using Inventory.Demo;
using Inventory.Config;
using Inventory.Connectors;
using Inventory.Yaml;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace Inventory.Tests.Demo;

[TestFixture]
public sealed class DemoAssetsTests
{
    /// <summary>The processing activities of the built-in policy: every demo annotation must name one of them.</summary>
    private static readonly string[] Activities = Inventory.Rules.Policy.PolicyDocument.Seed.Activities.Select(a => a.Id).ToArray();

    private string _folder = null!;
    private DemoManifest _manifest = null!;
    private IReadOnlyList<string> _written = null!;
    private Dictionary<string, List<(string Name, string Type)>> _catalog = null!;

    [OneTimeSetUp]
    public async Task WriteDemo()
    {
        _folder = Path.Combine(Path.GetTempPath(), "inventory-demo-assets-" + Guid.NewGuid().ToString("N"));
        _manifest = DemoDatabase.Create(Path.Combine(_folder, DemoDatabase.DefaultFileName), size: DemoSize.Small);
        _written = await DemoAssets.WriteAsync(_folder);
        using var c = DemoDb.Open(_manifest.DatabasePath);
        _catalog = DemoDb.Tables(c).ToDictionary(t => t, t => DemoDb.Columns(c, t));
    }

    [OneTimeTearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private IEnumerable<string> AnnotationFiles => _written.Where(f => f.EndsWith(".yml", StringComparison.Ordinal) && Path.GetFileName(Path.GetDirectoryName(f)) == DemoAssets.AnnotationsFolder);

    private static YamlMappingNode ParseWithYamlDotNet(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    [Test]
    public void WriteAsync_Annotations_ParseAndNameOnlyExistingTablesAndColumns()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var file in AnnotationFiles)
            {
                var root = ParseWithYamlDotNet(file);
                var keys = root.Children.Keys.Select(Scalar).ToList();
                Assert.That(keys, Is.SubsetOf(new[] { "table", "activity", "retention", "shared-with", "columns" }), file);
                var table = Scalar(root["table"]);
                Assert.That(_catalog.ContainsKey(table), Is.True, $"{file}: table {table} exists");
                if (!_catalog.TryGetValue(table, out var columns)) continue;
                var annotated = ((YamlMappingNode)root["columns"]).Children.Keys.Select(Scalar).ToList();
                Assert.That(annotated, Is.EquivalentTo(columns.Select(c => c.Name)), $"{table}: every column annotated, no other");
                Assert.That(Scalar(root["activity"]), Is.AnyOf(Activities), table);
                Assert.That(Path.GetFileNameWithoutExtension(file), Is.EqualTo(table));
            }
        }
    }

    [Test]
    public void WriteAsync_Annotations_AgreeWithTruthExceptTheContradiction()
    {
        var differences = new List<string>();
        foreach (var file in AnnotationFiles)
        {
            var root = ParseWithYamlDotNet(file);
            var table = Scalar(root["table"]);
            foreach (var (key, value) in ((YamlMappingNode)root["columns"]).Children)
            {
                var category = Scalar(((YamlMappingNode)value)["category"]);
                var truth = _manifest.Find(table, Scalar(key))!;
                Assert.That(category, Is.EqualTo(truth.AnnotatedCategory));
                if (category != truth.DataCategory) differences.Add($"{table}.{Scalar(key)}");
            }
        }
        Assert.That(differences, Is.EqualTo(new[] { $"{_manifest.Traps.ContradictedTable}.{_manifest.Traps.ContradictedColumn}" }));
    }

    [Test]
    public void WriteAsync_EveryTableButTheNewOne_HasAnAnnotationFile()
    {
        var annotatedTables = AnnotationFiles.Select(f => Scalar(ParseWithYamlDotNet(f)["table"])).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(annotatedTables, Is.EquivalentTo(_manifest.Tables.Where(t => t != _manifest.Traps.UnannotatedTable)));
            Assert.That(File.Exists(Path.Combine(_folder, DemoAssets.AnnotationsFolder, _manifest.Traps.UnannotatedTable + ".yml")), Is.False);
            Assert.That(annotatedTables, Does.Contain(_manifest.Traps.PanTable));
        }
    }

    [Test]
    public void WriteAsync_IntercomTable_SharedWithIntercom()
    {
        var root = ParseWithYamlDotNet(Path.Combine(_folder, DemoAssets.AnnotationsFolder, "intercom_contacts.yml"));
        var recipients = ((YamlSequenceNode)root["shared-with"]).Children.Select(Scalar).ToList();
        var others = AnnotationFiles.Where(f => !f.EndsWith("intercom_contacts.yml", StringComparison.Ordinal))
            .Count(f => ParseWithYamlDotNet(f).Children.ContainsKey("shared-with"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(recipients, Is.EqualTo(new[] { "intercom" }));
            Assert.That(others, Is.Zero);
        }
    }

    [Test]
    public void WriteAsync_Annotations_ReadByTheStrictReader()
    {
        foreach (var file in AnnotationFiles)
        {
            var root = StrictYaml.ReadMappingFile(file);
            Assert.DoesNotThrow(() => root.AllowOnly("annotation", "table", "activity", "retention", "shared-with", "columns"), file);
            Assert.That(root.Mapping("columns"), Is.Not.Null, file);
        }
    }

    [Test]
    public void WriteAsync_Config_LoadsAndSplitsTablesBetweenControllerAndProcessor()
    {
        var config = InventoryConfig.Load(Path.Combine(_folder, DemoAssets.ConfigFileName), _ => null);
        var platform = config.Sources.Single(s => s.Name == "platform");
        var hosting = config.Sources.Single(s => s.Name == "customer-hosting");
        CatalogFilter Filter(SourceConfig s) => new(s.Include, s.Exclude);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.Sources.Select(s => s.Provider), Is.All.EqualTo("sqlite"));
            Assert.That(platform.Role, Is.EqualTo(ProcessingRole.Controller));
            Assert.That(hosting.Role, Is.EqualTo(ProcessingRole.Processor));
            Assert.That(config.Resolve(config.Annotations!).TrimEnd('/', '\\'), Is.EqualTo(Path.GetFullPath(Path.Combine(_folder, DemoAssets.AnnotationsFolder))));
            Assert.That(config.Check.FailOn, Does.Contain("untagged").And.Contain("conflict"));
            Assert.That(config.Check.AcceptClassificationAbove, Is.Null, "the unannotated table must stay untagged");
            foreach (var table in _manifest.Tables)
            {
                var inPlatform = Filter(platform).Matches("", table);
                var inHosting = Filter(hosting).Matches("", table);
                Assert.That(inPlatform ^ inHosting, Is.True, $"{table} is in exactly one source");
                Assert.That(inHosting, Is.EqualTo(_manifest.ProcessorTables.Contains(table)), table);
            }
            var target = ConnectionTarget.Parse(platform.Connection, platform.Provider);
            Assert.That(target.Provider, Is.EqualTo("sqlite"));
            Assert.That(target.ConnectionString, Does.Contain(_manifest.DatabasePath));
        }
    }

    [Test]
    public void ConfigYaml_PathWithQuotesBackslashesAndDollar_RoundTrips()
    {
        var path = "/tmp/odd \"dir\" \\ ${HOME}/demo.sqlite";
        var file = Path.Combine(_folder, "odd", DemoAssets.ConfigFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, DemoAssets.ConfigYaml(path));
        var config = InventoryConfig.Load(file, _ => null);
        Assert.That(config.Sources.Select(s => s.Connection), Is.All.EqualTo("sqlite:" + path));
    }

    [Test]
    public async Task WriteAsync_SameArguments_SameBytes()
    {
        var other = Path.Combine(_folder, "second");
        var again = await DemoAssets.WriteAsync(other, _manifest.DatabasePath);
        var first = _written.Select(f => Path.GetRelativePath(_folder, f)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again.Select(f => Path.GetRelativePath(other, f)), Is.EqualTo(first));
            foreach (var relative in first)
                Assert.That(File.ReadAllBytes(Path.Combine(other, relative)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_folder, relative))), relative);
        }
    }

    [Test]
    public void WriteAsync_Files_HoldNoCanaryValue()
    {
        var text = string.Concat(_written.Select(File.ReadAllText));
        var leaked = _manifest.CanaryValues.Where(k => text.Contains(k.Value, StringComparison.Ordinal)).Select(k => k.Kind).ToList();
        Assert.That(leaked, Is.Empty);
    }
}
