using System.Diagnostics;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace Inventory.Tests.Scanning;

/// <summary>The shell command of the Indexed Job in <c>docs/kubernetes/inventory-shards.yaml</c>, run as a pod would run
/// it (<c>/bin/sh -c</c>, <c>JOB_COMPLETION_INDEX</c> set) with this build's CLI in place of the image's and temporary
/// folders in place of the volumes: no cluster is needed to check what the pod leaves on the parts volume.</summary>
[TestFixture]
public sealed class KubernetesShardJobTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-k8s-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    /// <summary>The scan container's <c>args[0]</c> of the Job in the manifest, with the image's paths replaced.</summary>
    private string ShardCommand()
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(SharedPaths.Repository, "docs", "kubernetes", "inventory-shards.yaml")))
            stream.Load(reader);
        var job = stream.Documents.Select(d => (YamlMappingNode)d.RootNode)
            .Single(d => d.Children[new YamlScalarNode("kind")].ToString() == "Job");
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)job
            .Children[new YamlScalarNode("spec")]).Children[new YamlScalarNode("template")]).Children[new YamlScalarNode("spec")])
            .Children[new YamlScalarNode("containers")]).Children[0];
        var command = ((YamlSequenceNode)container.Children[new YamlScalarNode("args")]).Children[0].ToString();
        Assert.That(command, Does.Contain("/app/inventory scan --config /config/inventory.yml --shard auto/4"), "the manifest's command, as this test rewrites it");
        // The image's self-contained executable (/app/inventory) is this build's CLI run through the dotnet host here.
        return command
            .Replace("/app/inventory ", "dotnet " + Path.Combine(AppContext.BaseDirectory, "inventory.dll") + " ", StringComparison.Ordinal)
            .Replace("/config/", _dir + "/config/", StringComparison.Ordinal)
            .Replace("/parts/", _dir + "/parts/", StringComparison.Ordinal);
    }

    /// <summary>Runs the pod's command for the 0-based index; returns its exit code.</summary>
    private int RunPod(string command, int index)
    {
        var info = new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        info.Environment["JOB_COMPLETION_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        TestContext.Out.WriteLine(output.Result + error.Result);
        return process.ExitCode;
    }

    /// <summary>A config of eight SQLite sources (files that <paramref name="present"/> says exist or not); returns the
    /// 0-based index of a shard of 4 that holds at least one of them.</summary>
    private int WriteConfig(bool present)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        Directory.CreateDirectory(Path.Combine(_dir, "parts"));
        var names = Enumerable.Range(1, 8).Select(i => $"shop-{i}").ToList();
        foreach (var name in names.Where(_ => present))
            File.Copy(Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite"), Path.Combine(_dir, "config", name + ".sqlite"));
        File.WriteAllText(Path.Combine(_dir, "config", "inventory.yml"),
            "sources:\n" + string.Concat(names.Select(n => $"  - name: {n}\n    connection: sqlite:{n}.sqlite\n    sample: {{ rows: 5 }}\n")));
        return Enumerable.Range(0, 4).First(i => names.Any(new ScanShard(i + 1, 4).Owns));
    }

    [Test]
    public void ShardThatReachesNoSource_LeavesNoPartOfAnEarlierRun()
    {
        int index = WriteConfig(present: false);
        var part = Path.Combine(_dir, "parts", $"part-{index}.json");
        File.WriteAllText(part, "{\"format\": 1, \"sources\": []}\n");   // last week's part of this shard

        int code = RunPod(ShardCommand(), index);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(2), "no source reached: the pod fails and Kubernetes retries it");
            Assert.That(File.Exists(part), Is.False, "the merge must see the shard as missing, not merge last week's tables");
        }
    }

    [Test]
    public void ShardThatScans_WritesItsPart()
    {
        int index = WriteConfig(present: true);
        var part = Path.Combine(_dir, "parts", $"part-{index}.json");

        int code = RunPod(ShardCommand(), index);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code, Is.EqualTo(0));
            Assert.That(Inventory.Model.InventoryJson.Read(part).Shard, Is.EqualTo($"{index + 1}/4"));
        }
    }
}
