using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>The scan runner at scale, on copies of Chinook (SQLite): a table whose classification throws, many sources
/// at once, and the classification batches crossing tables.</summary>
[TestFixture]
public sealed class ScanRunnerScaleTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), $"inventory-scale-{Guid.NewGuid():N}"));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private static string Chinook => Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

    /// <summary>Copies Chinook <paramref name="count"/> times and returns one source per copy (names chinook-01…).</summary>
    internal static List<SourceConfig> ChinookSources(string dir, int count) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var file = Path.Combine(dir, $"chinook-{i:00}.sqlite");
            File.Copy(Chinook, file);
            return new SourceConfig { Name = $"chinook-{i:00}", Connection = "sqlite:" + file };
        }).ToList();

    /// <summary>Throws for every batch holding a column of the named table, quoting a value the way a careless
    /// classifier would; classifies everything else with the rules.</summary>
    private sealed class ThrowingFor(string table) : IColumnClassifier
    {
        private readonly RuleClassifier _rules = ClassifierFactory.CreateRules();
        public int Calls;

        public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

        public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
        {
            Interlocked.Increment(ref Calls);
            if (columns.FirstOrDefault(c => c.Table == table && c.Values.Count > 0) is { } bad)
                throw new FormatException($"cannot parse '{bad.Values[0]}'");
            return _rules.ClassifyMany(columns);
        }
    }

    [Test]
    public async Task Run_ClassifierThrowsForOneTable_ThatTableIsAnIssueAndTheOthersAreClassified()
    {
        var classifier = new ThrowingFor("Genre");
        var source = new SourceConfig { Name = "chinook", Connection = "sqlite:" + Chinook };

        var document = await new ScanRunner(classifier).RunAsync(new ScanRequest { Sources = [source] });

        var genre = document.AllTables().Single(t => t.Table.Name == "Genre").Table;
        var customer = document.AllTables().Single(t => t.Table.Name == "Customer").Table;
        var json = InventoryJson.Serialize(document);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.AllTables().Count(), Is.EqualTo(11), "every table is in the inventory");
            Assert.That(document.Issues.Select(i => (i.Table, i.Kind)), Is.EqualTo(new[] { ((string?)"Genre", "classification-failed") }));
            Assert.That(document.Complete, Is.False, "an incomplete scan: the CLI exits 3");
            Assert.That(document.Sources.Single().Complete, Is.False);
            Assert.That(genre.Columns.Select(c => c.Status), Is.All.EqualTo(ColumnStatus.Untagged));
            Assert.That(genre.Columns.Select(c => c.Stats.SampledRows), Is.All.EqualTo(25), "the sample statistics are kept");
            Assert.That(customer.Columns.Single(c => c.Name == "Email").DataCategory, Is.EqualTo("contact.email"));
            Assert.That(json, Does.Not.Contain("Rock"), "the exception's message (quoting a value) is never recorded");
            Assert.That(document.Issues.Single().Message, Does.StartWith("the classifier failed on this table (FormatException)"));
        }
    }

    [Test]
    public async Task Run_ClassifierThrowsForOneTableOfManySources_OnlyThatSourceIsIncomplete()
    {
        var sources = ChinookSources(_dir, 4);
        var classifier = new ThrowingFor("Genre");

        var document = await new ScanRunner(classifier).RunAsync(new ScanRequest { Sources = sources, SourceParallelism = 4 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.Sources, Has.Count.EqualTo(4));
            Assert.That(document.AllTables().Count(), Is.EqualTo(44));
            Assert.That(document.Issues.Select(i => (i.Source, i.Table, i.Kind)).Order(),
                Is.EqualTo(sources.Select(s => (s.Name, (string?)"Genre", "classification-failed")).Order()));
            Assert.That(document.AllTables().Where(t => t.Table.Name == "Customer").Select(t => t.Table.Columns.Single(c => c.Name == "Email").DataCategory),
                Is.All.EqualTo("contact.email"));
        }
    }

    [Test]
    public async Task Run_ManySourcesAtOnce_SameInventoryAsOneAfterTheOther()
    {
        var sources = ChinookSources(_dir, 12);
        var classifier = ClassifierFactory.CreateRules();

        var parallel = await new ScanRunner(classifier).RunAsync(new ScanRequest { Sources = sources, SourceParallelism = 8, MaxConnectionsPerServer = 2 });
        var sequential = await new ScanRunner(classifier).RunAsync(new ScanRequest { Sources = sources, SourceParallelism = 1, Parallelism = 1 });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parallel.Sources.Select(s => s.Name), Is.EqualTo(sources.Select(s => s.Name)));
            Assert.That(parallel.AllColumns().Count(), Is.EqualTo(12 * 64));
            Assert.That(parallel.Complete, Is.True);
            Assert.That(InventoryJson.Serialize(parallel), Is.EqualTo(InventoryJson.Serialize(sequential)));
        }
    }

    [Test]
    public async Task Run_ClassifierStillLoadingWhileSampling_SameInventoryAsWithAReadyOne()
    {
        var sources = ChinookSources(_dir, 3);
        var request = new ScanRequest { Sources = sources, ScannedAt = DateTimeOffset.UnixEpoch };
        var ready = new TaskCompletionSource<IColumnClassifier>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new RecordingProgress();

        var scan = new ScanRunner(ready.Task).RunAsync(request, progress);
        // Tables are sampled and queued while the classifier is not built yet; none can be finished.
        var waited = 0;
        while (progress.Started < 33 && waited++ < 600) await Task.Delay(50);
        var finishedBeforeReady = progress.Tables;
        var startedBeforeReady = progress.Started;
        ready.SetResult(ClassifierFactory.CreateRules());
        var loaded = await scan;
        var direct = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(request);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(startedBeforeReady, Is.EqualTo(33), "every table's sampling started before the classifier was ready");
            Assert.That(finishedBeforeReady, Is.Zero, "no table is finished without its classification");
            Assert.That(loaded.Complete, Is.True);
            Assert.That(InventoryJson.Serialize(loaded), Is.EqualTo(InventoryJson.Serialize(direct)));
        }
    }

    [Test]
    public void Run_ClassifierCannotBeBuilt_ScanStopsWithThatError()
    {
        var sources = ChinookSources(_dir, 2);
        var failing = Task.Run<IColumnClassifier>(async () =>
        {
            await Task.Delay(100);
            throw new ConfigurationException("'model.zip' is not a column model", "model.zip", 0, 0);
        });

        var error = Assert.ThrowsAsync<ConfigurationException>(() => new ScanRunner(failing).RunAsync(new ScanRequest { Sources = sources, Parallelism = 1 }));

        Assert.That(error!.Message, Does.Contain("is not a column model"));
    }

    [Test]
    public async Task Run_ABatchFailsOutsideTheClassifier_ScanStopsWithThatErrorInsteadOfWaitingForItsTables()
    {
        // A fault after classification (here the progress callback of one table; in perf34's Native AOT build, the
        // document writer) leaves that batch's tables unreported: the scan must fail with it, not wait for them forever.
        var sources = ChinookSources(_dir, 3);
        var progress = new ThrowingProgress("chinook-02", "Genre");

        var run = new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = sources, Parallelism = 2 }, progress);
        var ended = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(2)));

        Assert.That(ended, Is.SameAs(run), "the scan ended instead of waiting for the failed batch's tables");
        var error = Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.That(error!.Message, Is.EqualTo("progress view failed on chinook-02/Genre"));
    }

    /// <summary>Throws from <see cref="IScanProgress.TableFinished"/> for one table of one source.</summary>
    private sealed class ThrowingProgress(string source, string table) : IScanProgress
    {
        public void CatalogRead(string source, int tables, int columns) { }
        public void TableStarted(string source, string table) { }
        public void TableFinished(string finishedSource, string finishedTable, int sampledRows, int issues)
        {
            if (finishedSource == source && finishedTable == table)
                throw new InvalidOperationException($"progress view failed on {source}/{table}");
        }
    }

    [Test]
    public void Run_ClassifierCannotBeBuiltAndASourceIsUnreachable_TheClassifierErrorIsReported()
    {
        var missing = new SourceConfig { Name = "gone", Connection = "postgres://nobody:x@127.0.0.1:1/none" };
        var failing = Task.Run<IColumnClassifier>(async () =>
        {
            await Task.Delay(300);
            throw new ConfigurationException("taxonomy file 'taxonomy.yml' does not exist");
        });

        var error = Assert.ThrowsAsync<ConfigurationException>(() => new ScanRunner(failing).RunAsync(new ScanRequest { Sources = [missing] }));

        Assert.That(error!.Message, Does.Contain("taxonomy.yml"), "the error building the classifier wins, as when it was built before the scan");
    }

    [Test]
    public async Task Run_ProgressReportsEverySourceOnce()
    {
        var sources = ChinookSources(_dir, 5);
        var progress = new RecordingProgress();

        await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = sources, SourceParallelism = 3 }, progress);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(progress.Sources.Select(s => s.Name).Order(), Is.EqualTo(sources.Select(s => s.Name)));
            Assert.That(progress.Sources.Select(s => s.Done).Order(), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
            Assert.That(progress.Sources.Select(s => s.Total), Is.All.EqualTo(5));
            Assert.That(progress.Tables, Is.EqualTo(55));
        }
    }

    /// <summary>Classifies with the rules and records how many columns each batch held.</summary>
    private sealed class BatchRecording : IColumnClassifier
    {
        private readonly RuleClassifier _rules = ClassifierFactory.CreateRules();
        public System.Collections.Concurrent.ConcurrentQueue<int> Batches { get; } = new();

        public ColumnClassification Classify(ColumnEvidence column) => ClassifyMany([column])[0];

        public IReadOnlyList<ColumnClassification> ClassifyMany(IReadOnlyList<ColumnEvidence> columns)
        {
            Batches.Enqueue(columns.Count);
            return _rules.ClassifyMany(columns);
        }
    }

    [Test]
    public async Task Run_NamesOnlyTablesAllQueuedAtOnce_BatchesOfAtMost1024ColumnsForEveryWorker()
    {
        // Given 40 Chinook sources scanned names only (2,560 columns), all queued while the classifier is still loading,
        // as a names-only scan queues its whole catalog within milliseconds
        var sources = ChinookSources(_dir, 40).Select(s => s with { Sample = new SampleOptions { Rows = 0 } }).ToList();
        var ready = new TaskCompletionSource<IColumnClassifier>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new RecordingProgress();
        var classifier = new BatchRecording();
        var scan = new ScanRunner(ready.Task).RunAsync(new ScanRequest { Sources = sources, SourceParallelism = 40 }, progress);
        var waited = 0;
        while (progress.Started < 440 && waited++ < 1200) await Task.Delay(50);
        await Task.Delay(200);

        // When the classifier is ready
        ready.SetResult(classifier);
        var document = await scan;

        // Then no batch holds more than 1,024 columns, so the 2,560 columns make at least three batches to share
        // between the workers (with 4,096 one batch could take them all)
        var batches = classifier.Batches.ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(progress.Started, Is.EqualTo(440), "every table was queued before the classifier was ready");
            Assert.That(document.AllColumns().Count(), Is.EqualTo(40 * 64));
            Assert.That(batches.Sum(), Is.EqualTo(40 * 64));
            Assert.That(batches.Max(), Is.LessThanOrEqualTo(1024));
            Assert.That(batches, Has.Length.GreaterThanOrEqualTo(3));
        }
    }

    [Test]
    public async Task Run_OneSourceQueuedWhileTheClassifierLoads_ItsTablesAreSharedBetweenTheWorkers()
    {
        Assume.That(Environment.ProcessorCount, Is.GreaterThanOrEqualTo(2), "one worker per core: a single core has one worker");
        // Given one Chinook (11 tables, 64 columns) sampled and queued while the classifier is still loading
        var sources = ChinookSources(_dir, 1);
        var ready = new TaskCompletionSource<IColumnClassifier>(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new RecordingProgress();
        var classifier = new BatchRecording();
        var scan = new ScanRunner(ready.Task).RunAsync(new ScanRequest { Sources = sources, ScannedAt = DateTimeOffset.UnixEpoch }, progress);
        var waited = 0;
        while (progress.Started < 11 && waited++ < 600) await Task.Delay(50);
        await Task.Delay(300);

        // When the classifier is ready
        ready.SetResult(classifier);
        var document = await scan;
        var direct = await new ScanRunner(ClassifierFactory.CreateRules()).RunAsync(new ScanRequest { Sources = sources, ScannedAt = DateTimeOffset.UnixEpoch });

        // Then no batch takes every column (the first worker took all 64 and the second found none), and the inventory
        // is the one a ready classifier makes
        var batches = classifier.Batches.ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(progress.Started, Is.EqualTo(11));
            Assert.That(batches.Sum(), Is.EqualTo(64));
            Assert.That(batches, Has.Length.GreaterThanOrEqualTo(2));
            Assert.That(batches.Max(), Is.LessThan(64));
            Assert.That(InventoryJson.Serialize(document), Is.EqualTo(InventoryJson.Serialize(direct)));
        }
    }

    [TestCase(13_901, 2, 6_951)]
    [TestCase(13_900, 2, 6_950)]
    [TestCase(10, 4, 3)]
    [TestCase(0, 2, 0)]
    [TestCase(-5, 2, 0)]
    [TestCase(int.MaxValue, 2, 1_073_741_824)]
    [TestCase(500, 1, int.MaxValue)]
    public void FairShare_QueuedUnitsAndWorkers_UnitsOfOneBatch(int queued, int workers, int expected) =>
        Assert.That(ClassificationStage.FairShare(queued, workers), Is.EqualTo(expected));

    private sealed class RecordingProgress : IScanProgress
    {
        private readonly Lock _gate = new();
        public List<(string Name, int Done, int Total)> Sources { get; } = [];
        public int Tables;
        public int Started;
        public void CatalogRead(string source, int tables, int columns) { }
        public void TableStarted(string source, string table) => Interlocked.Increment(ref Started);
        public void TableFinished(string source, string table, int sampledRows, int issues) => Interlocked.Increment(ref Tables);
        public void SourceFinished(string source, int done, int total, TimeSpan elapsed)
        {
            lock (_gate) Sources.Add((source, done, total));
        }
    }
}
