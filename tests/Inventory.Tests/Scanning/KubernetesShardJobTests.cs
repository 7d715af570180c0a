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
        var command = JobCommand("inventory-shards.yaml", rewrite: false);
        Assert.That(command, Does.Contain("/app/inventory scan --config /config/inventory.yml --shard auto/4"), "the manifest's command, as this test rewrites it");
        return Rewrite(command);
    }

    /// <summary>The first container's <c>args[0]</c> of the Job in a manifest of <c>docs/kubernetes</c>, with the
    /// image's executable and the pod's mounts (<c>/config</c>, <c>/parts</c>, <c>/annotations</c>, <c>/policy</c>)
    /// replaced by this build's CLI and folders of the test (unless <paramref name="rewrite"/> is false).</summary>
    private string JobCommand(string manifest, bool rewrite = true)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(SharedPaths.Repository, "docs", "kubernetes", manifest)))
            stream.Load(reader);
        var job = stream.Documents.Select(d => (YamlMappingNode)d.RootNode)
            .Single(d => d.Children[new YamlScalarNode("kind")].ToString() == "Job");
        var container = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)job
            .Children[new YamlScalarNode("spec")]).Children[new YamlScalarNode("template")]).Children[new YamlScalarNode("spec")])
            .Children[new YamlScalarNode("containers")]).Children[0];
        var command = ((YamlSequenceNode)container.Children[new YamlScalarNode("args")]).Children[0].ToString();
        return rewrite ? Rewrite(command) : command;
    }

    /// <summary>The pod spec (<c>spec.template.spec</c>) of the Job in a manifest of <c>docs/kubernetes</c>.</summary>
    private static YamlMappingNode JobPod(string manifest)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(SharedPaths.Repository, "docs", "kubernetes", manifest)))
            stream.Load(reader);
        var job = stream.Documents.Select(d => (YamlMappingNode)d.RootNode)
            .Single(d => d.Children[new YamlScalarNode("kind")].ToString() == "Job");
        return (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)job.Children[new YamlScalarNode("spec")])
            .Children[new YamlScalarNode("template")]).Children[new YamlScalarNode("spec")];
    }

    /// <summary>The scalar at a path of keys below <paramref name="node"/>, or null when a key is missing.</summary>
    private static string? At(YamlMappingNode node, params string[] keys)
    {
        YamlNode current = node;
        foreach (var key in keys)
        {
            if (current is not YamlMappingNode m || !m.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            current = next;
        }
        return (current as YamlScalarNode)?.Value;
    }

    // trial42 finding 3: a namespace enforcing Pod Security "restricted" rejected the Jobs (no seccomp profile, privilege
    // escalation and capabilities left as they are), whose pods also mounted a service-account token they never use
    // beside the database secrets.
    [TestCase("inventory-shards.yaml")]
    [TestCase("inventory-merge.yaml")]
    [TestCase("inventory-check-report.yaml")]
    public void JobPod_MeetsThePodSecurityRestrictedProfile_WithAReadOnlyRootAndAWritableTmp(string manifest)
    {
        var pod = JobPod(manifest);
        var container = (YamlMappingNode)((YamlSequenceNode)pod.Children[new YamlScalarNode("containers")]).Children.Single();
        var drop = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)container.Children[new YamlScalarNode("securityContext")])
            .Children[new YamlScalarNode("capabilities")]).Children[new YamlScalarNode("drop")]).Children.Select(c => c.ToString());
        var mounts = ((YamlSequenceNode)container.Children[new YamlScalarNode("volumeMounts")]).Children.Cast<YamlMappingNode>()
            .ToDictionary(m => At(m, "mountPath")!, m => At(m, "name")!);
        var emptyDirs = ((YamlSequenceNode)pod.Children[new YamlScalarNode("volumes")]).Children.Cast<YamlMappingNode>()
            .Where(v => v.Children.ContainsKey(new YamlScalarNode("emptyDir"))).Select(v => At(v, "name")).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(At(pod, "automountServiceAccountToken"), Is.EqualTo("false"));
            Assert.That(At(pod, "securityContext", "runAsNonRoot"), Is.EqualTo("true"));
            Assert.That(At(pod, "securityContext", "runAsUser"), Is.EqualTo("1654"), "the image's 'app' user");
            Assert.That(At(pod, "securityContext", "seccompProfile", "type"), Is.EqualTo("RuntimeDefault"));
            Assert.That(At(container, "securityContext", "allowPrivilegeEscalation"), Is.EqualTo("false"));
            Assert.That(At(container, "securityContext", "readOnlyRootFilesystem"), Is.EqualTo("true"));
            Assert.That(drop, Is.EquivalentTo(new[] { "ALL" }));
            Assert.That(emptyDirs, Does.Contain(mounts.GetValueOrDefault("/tmp")), "/tmp is a writable emptyDir under the read-only root");
            Assert.That(mounts, Does.ContainKey("/parts"), "where every output of the Job is written");
        }
    }

    private string Rewrite(string command)
    {
        // The image's self-contained executable (/app/inventory) is this build's CLI run through the dotnet host here.
        return command
            .Replace("/app/inventory ", "dotnet " + Path.Combine(AppContext.BaseDirectory, "inventory.dll") + " ", StringComparison.Ordinal)
            .Replace(" /config/", " " + _dir + "/config/", StringComparison.Ordinal)
            .Replace(" /parts/", " " + _dir + "/parts/", StringComparison.Ordinal)
            .Replace(" /annotations ", " " + _dir + "/annotations ", StringComparison.Ordinal)
            .Replace(" /policy/", " " + _dir + "/policy/", StringComparison.Ordinal);
    }

    [Test]
    public void ScanThenMergeThenCheckAndReport_AsTheThreeJobsRunThem_StalePartOfAnEarlierRunLeftOut()
    {
        WriteConfig(present: true);
        var shard = ShardCommand();
        for (int index = 0; index < 4; index++)
            Assert.That(RunPod(shard, index), Is.EqualTo(0), $"shard {index + 1}/4");
        // An earlier run of 5 shards left its fifth part on the volume.
        var stale = Inventory.Model.InventoryJson.Read(Path.Combine(_dir, "parts", "part-0.json"));
        stale.Shard = "5/5";
        Inventory.Model.InventoryJson.Write(stale, Path.Combine(_dir, "parts", "part-4.json"));
        // The annotations as a ConfigMap mounts them: each file a link into a hidden ..data folder.
        var data = Directory.CreateDirectory(Path.Combine(_dir, "annotations", "..data")).FullName;
        File.WriteAllText(Path.Combine(data, "customers.yml"), "table: Customer\nactivity: [account-management, prospect-contact]\ncolumns:\n  Email: contact.email\n");
        File.CreateSymbolicLink(Path.Combine(_dir, "annotations", "customers.yml"), Path.Combine("..data", "customers.yml"));
        Directory.CreateDirectory(Path.Combine(_dir, "policy"));
        File.Copy(Path.Combine(SharedPaths.Repository, "rules", "policy.yml"), Path.Combine(_dir, "policy", "policy.yml"));

        int merge = RunPod(JobCommand("inventory-merge.yaml"), 0);
        int checkReport = RunPod(JobCommand("inventory-check-report.yaml"), 0);

        var merged = Inventory.Model.InventoryJson.Read(Path.Combine(_dir, "parts", "inventory.json"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(merge, Is.EqualTo(0), "the four parts of this run merge; the fifth of the earlier run is left out");
            Assert.That(merged.Complete, Is.True);
            Assert.That(merged.Sources.Select(s => s.Name), Is.EquivalentTo(Enumerable.Range(1, 8).Select(i => $"shop-{i}")));
            Assert.That(checkReport, Is.EqualTo(1), "the gate fails on the untagged columns: check's code is the Job's");
            Assert.That(File.Exists(Path.Combine(_dir, "parts", "check", "inventory-check.junit.xml")), Is.True);
            Assert.That(File.Exists(Path.Combine(_dir, "parts", "check", "inventory-check.sarif")), Is.True);
            var record = File.ReadAllText(Path.Combine(_dir, "parts", "report", "ropa.md"));
            // The annotation, read from the ConfigMap's layout, puts Customer.Email under both of its activities.
            int accounts = record.IndexOf("### Customer account management", StringComparison.Ordinal);
            int prospects = record.IndexOf("### Contacting prospects", StringComparison.Ordinal);
            Assert.That((accounts, prospects), Is.Not.EqualTo((-1, -1)));
            Assert.That(record[accounts..prospects], Does.Contain("`Customer.Email` in 8 sources (shop-1 … shop-8)"));
            Assert.That(record[prospects..], Does.Contain("`Customer.Email` in 8 sources (shop-1 … shop-8)"));
            Assert.That(File.Exists(Path.Combine(_dir, "parts", "report", "ropa.xlsx")), Is.True);
        }
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

    /// <summary>Trial40 finding 4: the pod's shell is the container's PID 1 and <c>inventory</c> its child, so the
    /// kubelet's SIGTERM (pod deleted, node drained, Job cancelled) reached the shell only: the scan and its running
    /// statement went on until the grace period's SIGKILL. The manifest's command, run under <c>/bin/sh</c> with a
    /// PostgreSQL source whose one view sleeps for minutes, is sent SIGTERM while that view is being read: the signal
    /// reaches the scan, which cancels its statement on the server and exits 143, and no part is written.</summary>
    [Test]
    public async Task ShardPod_SigTermToTheShell_ReachesTheScanWhichCancelsItsStatementAndExits143()
    {
        Assume.That(OperatingSystem.IsLinux(), "POSIX signals");
        await using var db = await TestPostgres.CreateAsync("k8sterm", "CREATE VIEW slow_view AS SELECT pg_sleep(600)::text AS waited, 1 AS id;");
        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        Directory.CreateDirectory(Path.Combine(_dir, "parts"));
        File.WriteAllText(Path.Combine(_dir, "config", "inventory.yml"),
            "sources:\n  - name: slow\n    connection: ${SLOW_DB}\n    sample: { timeout: 15m }\n");
        // One shard of one: this pod holds the one source (auto/4 would leave the view to another pod).
        var command = ShardCommand().Replace("--shard auto/4", "--shard auto/1", StringComparison.Ordinal);
        var info = new ProcessStartInfo("/bin/sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        info.Environment["JOB_COMPLETION_INDEX"] = "0";
        info.Environment["SLOW_DB"] = db.ConnectionString;
        using var shell = Process.Start(info)!;
        var output = shell.StandardOutput.ReadToEndAsync();
        var error = shell.StandardError.ReadToEndAsync();
        try
        {
            // When the view's statement runs on the server, the pod is terminated (SIGTERM to the shell only)
            Assert.That(() => RunningSleeps(db), Is.EqualTo(1).After(120_000, 200), "the scan reaches the sleeping view");
            Assert.That(Kill(shell.Id, 15), Is.Zero);
            Assert.That(shell.WaitForExit(60_000), Is.True, "the pod ends long before the view's 10 minutes");

            // Then the scan got the signal: it says so, exits 143 through the shell, its statement is cancelled, no part
            using (Assert.EnterMultipleScope())
            {
                Assert.That(shell.ExitCode, Is.EqualTo(143), output.Result + error.Result);
                Assert.That(error.Result, Does.Contain("stopped before the output was written"));
                Assert.That(() => RunningSleeps(db), Is.Zero.After(10_000, 200), "no statement left running on the server");
                Assert.That(File.Exists(Path.Combine(_dir, "parts", "part-0.json")), Is.False);
            }
        }
        finally
        {
            if (!shell.HasExited) shell.Kill(entireProcessTree: true);
        }
    }

    /// <summary>How many statements reading the sleeping view run on the test's database.</summary>
    private static int RunningSleeps(TestDatabase db)
    {
        using var connection = new Npgsql.NpgsqlConnection(db.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%slow_view%'", connection);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
