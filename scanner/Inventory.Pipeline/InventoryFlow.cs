using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Check;
using Inventory.Reports.Claims;
using Inventory.Reports.Writers;
using Inventory.Rules;
using Inventory.Rules.Policy;
using Inventory.Scanning;

namespace Inventory.Pipeline;

/// <summary>
/// The flow every command runs, for one config: scan → classify → merge annotations and database labels → gate →
/// report. <c>scan</c>, <c>check</c>, <c>annotate</c>, <c>report</c>, <c>diff</c> and the demo call it; they only parse
/// their settings and render what it returns. Each step is a method, so a command runs the steps it needs:
/// <list type="number">
/// <item><see cref="ScanAsync"/>: read every source's catalog, sample read-only, classify each column (database labels
/// are read with the catalog).</item>
/// <item><see cref="MergeAnnotations"/>: annotation &gt; database label &gt; classification; stale annotations found
/// against the scope recorded in the document.</item>
/// <item><see cref="EvaluateGate"/>: the CI gate (untagged, conflicts, stale, invalid files, violated claims).</item>
/// <item><see cref="BuildReport"/> and <see cref="WriteReportsAsync"/>: the DPO's reports.</item>
/// </list>
/// </summary>
public sealed class InventoryFlow
{
    private IKnownCategories? _categories;

    /// <summary>Creates the flow.</summary>
    /// <param name="config">The config (sources, taxonomy, name rules, model, annotations, policy, check settings), or
    /// null for a saved inventory checked without one (built-in taxonomy, everything in scope).</param>
    /// <param name="pathBase">Paths in findings and documents are shown relative to this folder (default: the working
    /// directory).</param>
    public InventoryFlow(InventoryConfig? config, string? pathBase = null)
    {
        Config = config;
        PathBase = pathBase ?? Directory.GetCurrentDirectory();
    }

    /// <summary>The config, or null.</summary>
    public InventoryConfig? Config { get; }

    /// <summary>The folder paths are shown relative to.</summary>
    public string PathBase { get; }

    /// <summary>The classifier the config asks for: name rules + detectors + model, with the config's taxonomy, name
    /// rules and model files and its recall-first leaning (<c>lean-personal-below</c>).</summary>
    /// <param name="kind">Which classifier (the combined one by default; <c>evaluate</c> compares them).</param>
    /// <exception cref="ConfigurationException">A taxonomy, name-rules or model file named by the config is missing or invalid.</exception>
    public IColumnClassifier CreateClassifier(ClassifierKind kind = ClassifierKind.Combined) =>
        ClassifierFactory.CreateDefault(new ClassifierOptions
        {
            TaxonomyPath = Config?.Taxonomy is null ? null : Config.Resolve(Config.Taxonomy),
            NameRulesPath = Config?.NameRules is null ? null : Config.Resolve(Config.NameRules),
            ModelPath = Config?.Model is null ? null : Config.Resolve(Config.Model),
            LeanPersonalBelow = Config?.LeanPersonalBelow,
            ValuePatterns = Config?.ValuePatterns ?? [],
            Kind = kind,
        });

    /// <summary>Starts building the classifier (<see cref="CreateClassifier"/>: rules, the model's deserialisation) on a
    /// background task, so a scan can connect, read catalogs and sample meanwhile (pass the task to
    /// <see cref="ScanAsync(ScanRequest, IScanProgress?, Task{IColumnClassifier}, CancellationToken)"/>).</summary>
    /// <param name="kind">Which classifier.</param>
    /// <returns>The classifier once built; faults with <see cref="ConfigurationException"/> for a bad taxonomy,
    /// name-rules or model file.</returns>
    public Task<IColumnClassifier> StartClassifier(ClassifierKind kind = ClassifierKind.Combined) => Task.Run(() => CreateClassifier(kind));

    /// <summary>The categories annotations may use: the taxonomy (the built-in one extended by the config's file).</summary>
    /// <exception cref="ConfigurationException">The taxonomy file is missing or invalid.</exception>
    public IKnownCategories Categories()
    {
        if (_categories is not null) return _categories;
        var taxonomy = Config?.Taxonomy is null ? Taxonomy.Default : Taxonomy.Load(Config.Resolve(Config.Taxonomy));
        return _categories = KnownCategories.Of(taxonomy);
    }

    /// <summary>The scan of every source of the config, stamped now. Callers add their own options with <c>with</c>
    /// (shards, per-source parallelism).</summary>
    /// <param name="maskedExamples">Keep up to three masked examples per column.</param>
    /// <exception cref="ConfigurationException">No config; a <c>${VAR}</c> in a source's connection is not set (the
    /// connections are resolved here, before any source is scanned; commands that only read an inventory never need them).
    /// With several sources at fault, the error is the first one's (its file, line and column) and its message lists the
    /// others with their positions, so one run names every variable to set.</exception>
    public ScanRequest CreateScanRequest(bool maskedExamples)
    {
        var config = RequireConfig();
        var unresolved = new List<ConfigurationException>();
        foreach (var source in config.Sources)
        {
            try { _ = source.Connection; }
            catch (ConfigurationException e) { unresolved.Add(e); }
        }
        if (unresolved.Count == 1) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(unresolved[0]);
        if (unresolved.Count > 1)
        {
            var first = unresolved[0];
            var others = string.Join("; ", unresolved.Skip(1).Select(e => e.Message));
            throw new ConfigurationException(
                $"{first.Reason}; {CountWording.Phrase(unresolved.Count - 1, "more source", "more sources")} cannot be resolved either: {others}",
                first.File, first.Line, first.Column, first);
        }
        return new()
        {
            Sources = config.Sources,
            Parallelism = config.Parallelism,
            SourceParallelism = config.SourceParallelism,
            MaxConnectionsPerServer = config.ConnectionsPerServer,
            MaskedExamples = maskedExamples,
            ScannedAt = DateTimeOffset.UtcNow,
        };
    }

    /// <summary>Step 1: scans and classifies (see <see cref="ScanRunner"/>: a failing table or column becomes a scan
    /// issue and the scan goes on).</summary>
    /// <param name="request">What to scan (<see cref="CreateScanRequest"/>).</param>
    /// <param name="progress">Receives per-table progress, or null.</param>
    /// <param name="classifier">The classifier, or null for <see cref="CreateClassifier"/>.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The inventory (not yet merged with annotations).</returns>
    /// <exception cref="ConfigurationException">A bad taxonomy, name-rules or model file.</exception>
    /// <exception cref="ConnectorException">The only source, or every source, cannot be reached (with several sources, one that cannot is a scan issue: <see cref="ScanRunner.ConnectionFailedKind"/>).</exception>
    public Task<InventoryDocument> ScanAsync(ScanRequest request, IScanProgress? progress = null, IColumnClassifier? classifier = null,
        CancellationToken cancellationToken = default) =>
        ScanAsync(request, progress, classifier is null ? StartClassifier() : Task.FromResult(classifier), cancellationToken);

    /// <summary>Step 1 with a classifier still being built (<see cref="StartClassifier"/>): catalogs are read and
    /// tables sampled while it loads; sampled tables wait for it in the scan's bounded classification queue.</summary>
    /// <param name="request">What to scan (<see cref="CreateScanRequest"/>).</param>
    /// <param name="progress">Receives per-table progress, or null.</param>
    /// <param name="classifier">The classifier being built.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>The inventory (not yet merged with annotations).</returns>
    /// <exception cref="ConfigurationException">A bad taxonomy, name-rules or model file (thrown in preference to any
    /// source's error).</exception>
    /// <exception cref="ConnectorException">The only source, or every source, cannot be reached (with several sources, one that cannot is a scan issue: <see cref="ScanRunner.ConnectionFailedKind"/>).</exception>
    public Task<InventoryDocument> ScanAsync(ScanRequest request, IScanProgress? progress, Task<IColumnClassifier> classifier,
        CancellationToken cancellationToken = default) =>
        new ScanRunner(classifier).RunAsync(request, progress, cancellationToken);

    /// <summary>Loads the annotations, collecting every file error; an implicit default folder that does not exist is an
    /// empty set.</summary>
    /// <param name="location">Where they are.</param>
    /// <exception cref="ConfigurationException">An explicit path that does not exist; a bad taxonomy file.</exception>
    public AnnotationSet LoadAnnotations(AnnotationsLocation location) =>
        location.ShouldLoad ? new AnnotationLoader(Categories()).Load(location.Path) : AnnotationSet.Empty;

    /// <summary>Step 2: loads the annotations (every file error collected, good files still applied) and merges them
    /// into the document (annotation &gt; database label &gt; classification). Tables outside the scope the scan
    /// recorded (include/exclude, shard) are out of scope: their annotations are not stale.</summary>
    /// <param name="document">The inventory, changed in place.</param>
    /// <param name="location">Where the annotations are.</param>
    /// <returns>The annotations and the merge result (stale annotations, counts).</returns>
    /// <exception cref="ConfigurationException">An explicit path that does not exist; a bad taxonomy file.</exception>
    public AppliedAnnotations MergeAnnotations(InventoryDocument document, AnnotationsLocation location)
    {
        var annotations = LoadAnnotations(location);
        var options = new MergeOptions { PathBase = PathBase, InScope = ScanScope.Of(document, Config) };
        var merge = new AnnotationMerger(Categories(), options).Apply(document, annotations);
        return new AppliedAnnotations(annotations, merge);
    }

    /// <summary>Step 2 without annotation files: applies the labels the database holds (column comments with an
    /// <c>inventory:</c> line, SQL Server sensitivity classifications) and raises their conflicts, as
    /// <see cref="MergeAnnotations"/> does, so a scan that names no annotations still records what the database says.</summary>
    /// <param name="document">The inventory, changed in place.</param>
    /// <returns>The merge result (its conflicts count the labels the sampled values contradict).</returns>
    public MergeResult ApplyDatabaseLabels(InventoryDocument document)
    {
        var options = new MergeOptions { PathBase = PathBase, InScope = ScanScope.Of(document, Config) };
        return new AnnotationMerger(Categories(), options).Apply(document, AnnotationSet.Empty);
    }

    /// <summary>The stub files <c>annotate</c> writes for columns without an annotation entry: the annotations are
    /// merged first (as <see cref="MergeAnnotations"/> does, without stale detection), so each stub carries the
    /// suggestion the gate would show.</summary>
    /// <param name="document">The inventory, changed in place by the merge.</param>
    /// <param name="annotations">The annotations already there (loaded without errors).</param>
    /// <param name="folder">Where new stub files go.</param>
    /// <param name="table">Only this qualified table, or null for all.</param>
    /// <param name="notes">Comment lines a new stub of a table starts with, by qualified table name, or null.</param>
    /// <param name="source">Only the tables of this source, or null for every source.</param>
    /// <returns>The files to create or append to.</returns>
    /// <param name="policy">The configured policy (<see cref="LoadPolicy"/>), or null: with one, each new stub lists the
    /// policy's activity ids.</param>
    public IReadOnlyList<StubFile> PlanAnnotationStubs(InventoryDocument document, AnnotationSet annotations, string folder, string? table,
        IReadOnlyDictionary<string, string>? notes = null, string? source = null, (PolicyDocument? Policy, string? Path)? policy = null)
    {
        new AnnotationMerger(Categories(), new MergeOptions { PathBase = PathBase, ReportMissingTables = false }).Apply(document, annotations);
        var activities = policy?.Policy is { } loaded
            ? new StubActivities(policy.Value.Path is { } path ? AnnotationMerger.DisplayPath(path, PathBase) : PolicyDocument.BuiltinFile, loaded.Activities)
            : null;
        return AnnotationStubs.Plan(document, annotations, folder, table, Categories(), notes, source, activities);
    }

    /// <summary>The annotation files of renamed tables to carry over to the new names, by check's rename hint made strict
    /// (<see cref="TableRenames"/>), and the notes for the stubs of tables an ambiguous match may be.</summary>
    /// <param name="document">The inventory (its annotation fields are updated).</param>
    /// <param name="annotations">The annotations on disk.</param>
    /// <returns>The plan; nothing is written.</returns>
    public TableRenamePlan PlanTableRenames(InventoryDocument document, AnnotationSet annotations)
    {
        var merged = new AnnotationMerger(Categories(), new MergeOptions { PathBase = PathBase }).Apply(document, annotations);
        return TableRenames.Plan(document, annotations, merged.Stale);
    }

    /// <summary>The column entries of renamed columns to carry over to the new names, by check's rename hint made strict
    /// (<see cref="ColumnRenames"/>).</summary>
    /// <param name="document">The inventory (its annotation fields are updated).</param>
    /// <param name="annotations">The annotations on disk.</param>
    /// <returns>The carry-overs; nothing is written.</returns>
    public IReadOnlyList<CarriedColumnEntry> PlanColumnRenames(InventoryDocument document, AnnotationSet annotations)
    {
        var merged = new AnnotationMerger(Categories(), new MergeOptions { PathBase = PathBase }).Apply(document, annotations);
        return ColumnRenames.Plan(document, annotations, merged.Stale);
    }

    /// <summary>The policy named by a flag or the config: a path, <c>builtin</c> for the seed policy, or none.</summary>
    /// <param name="flag">The <c>--policy</c> value (a path or <c>builtin</c>), or null for the config's <c>policy:</c>
    /// (relative to the config file, or <c>builtin</c>).</param>
    /// <returns>The policy and the path it was read from (null for the built-in one); (null, null) when none is named.</returns>
    /// <exception cref="ConfigurationException">A missing or invalid policy file.</exception>
    public (PolicyDocument? Policy, string? Path) LoadPolicy(string? flag)
    {
        var named = flag ?? (Config?.Policy is { } p ? p == PolicyDocument.BuiltinName ? p : Config.Resolve(p) : null);
        var policy = PolicyDocument.LoadOptional(named);
        return (policy, named == PolicyDocument.BuiltinName ? null : named);
    }

    /// <summary>The config's <c>check.accept-classification-above</c> (one number, or one per category), its categories
    /// checked against the taxonomy (<see cref="Categories"/>, which a taxonomy file of the config may extend).</summary>
    /// <returns>The thresholds, or null when the config sets none (or there is no config).</returns>
    /// <exception cref="ConfigurationException">A category of the per-category thresholds the taxonomy does not know, at
    /// its key's file, line and column.</exception>
    public AcceptanceThresholds? ConfiguredAcceptance()
    {
        if (Config is null) return null;
        foreach (var (category, at) in Config.Check.AcceptCategoryPlaces)
            if (!Categories().IsKnown(category))
            {
                var closest = Inventory.Yaml.NameSuggestions.Closest(category, Categories().All);
                var hint = closest is null ? "" : $" (did you mean '{closest}'?)";
                throw new ConfigurationException(
                    $"accept-classification-above: unknown category '{category}'{hint}; use a category or category.subcategory of the taxonomy, or 'default'",
                    at.File, at.Line, at.Column);
            }
        return Config.Check.AcceptClassificationAbove;
    }

    /// <summary>Steps 2 and 3: merges the annotations, evaluates the policy's claims and decides which findings fail
    /// (<see cref="GateFailOn"/>). The document is updated in place with the merged annotations.</summary>
    /// <param name="document">The inventory.</param>
    /// <param name="request">Annotations, policy, threshold, strictness, baseline.</param>
    /// <exception cref="ConfigurationException">A missing explicit annotations path, a bad policy or taxonomy file.</exception>
    public GateOutcome EvaluateGate(InventoryDocument document, GateRequest request)
    {
        var (annotations, merge) = MergeAnnotations(document, request.Annotations);
        var (policy, policyPath) = LoadPolicy(request.PolicyPath);
        // The claims count what the gate counts as tagged (trial43 finding 1): the same threshold.
        var accept = request.AcceptClassificationAbove ?? ConfiguredAcceptance();
        var claims = policy is null ? [] : ClaimEvaluator.EvaluateAll(policy, document, accept);
        var failOn = GateFailOn.From(Config);
        var options = new CheckOptions
        {
            AcceptClassificationAbove = accept,
            Strict = request.Strict,
            FailOn = failOn.Kinds,
            ReportOnlyAt = failOn.ReportOnlyAt is { } at
                ? new FindingLocation(AnnotationMerger.DisplayPath(at.File, PathBase), at.Line, at.Column, File.Exists(at.File))
                : null,
            Baseline = request.Baseline,
            AnnotationsDirectory = AnnotationMerger.DisplayPath(request.Annotations.Folder, PathBase),
            PathBase = PathBase,
            Stale = merge.Stale,
            // Ids the policy does not define are invalid annotations too (only a policy can tell).
            AnnotationErrors = AnnotationErrors(annotations, policy),
            ExtraFindings = policy is null ? []
                : [.. ClaimFindings.From(claims, policy, policyPath, Config, PathBase), .. ClaimFindings.TransfersWithoutSafeguard(policy, policyPath, Config, PathBase)],
            Claims = claims,
        };
        return new GateOutcome(CheckGate.Evaluate(document, options), annotations, policy, claims);
    }

    /// <summary>Every error of a loaded annotation set: its files' (syntax, unknown keys and categories, entries given
    /// twice) and, with a policy, the activity and recipient ids the policy does not define (only a policy can tell).
    /// The gate lists these as <c>invalid-annotation</c> findings and <c>report</c> counts the same ones, so the two
    /// agree (trial34 finding 10).</summary>
    /// <param name="annotations">The loaded annotations.</param>
    /// <param name="policy">The policy, or null.</param>
    /// <returns>The errors in reading order (<see cref="AnnotationError.InReadingOrder"/>: file, line, column), the order
    /// <c>scan</c>, <c>export</c>, <c>annotate</c>, <c>report</c> and <c>check</c> all print them in (trial35 finding 9).</returns>
    public static IReadOnlyList<AnnotationError> AnnotationErrors(AnnotationSet annotations, PolicyDocument? policy) =>
        policy is null ? annotations.Errors : AnnotationError.InReadingOrder([.. annotations.Errors, .. PolicyReferenceCheck.Unknown(annotations, policy)]);

    /// <summary>An annotation error as every command prints it: the line <c>check</c> writes for its
    /// <c>invalid-annotation</c> finding, <c>path:line:column  invalid-annotation: reason</c>, the path relative to
    /// <see cref="PathBase"/> (the working directory; <c>../</c> when outside it) with forward slashes.</summary>
    /// <param name="error">The error.</param>
    /// <param name="location">The annotations folder (shown for an error without a file).</param>
    /// <returns>One line, without a line break.</returns>
    public string AnnotationErrorLine(AnnotationError error, AnnotationsLocation location) =>
        CheckTextWriter.Line(CheckGate.InvalidAnnotation(error, AnnotationMerger.DisplayPath(location.Folder, PathBase), PathBase));

    /// <summary>Step 4: the report model of a merged inventory, with the config's acceptance threshold (so coverage
    /// agrees with the gate).</summary>
    /// <param name="inventory">The merged inventory.</param>
    /// <param name="policy">The policy, or null (the report then invents no controller and no claims).</param>
    /// <param name="claims">The claims already evaluated (the gate's), or null to evaluate the policy's here.</param>
    /// <param name="previous">A previous inventory for the changes section, or null.</param>
    /// <param name="applied">The annotations merged and the merge's result, so that the coverage section lists the annotated
    /// items the inventory does not hold; null when none were merged.</param>
    public ReportModel BuildReport(InventoryDocument inventory, PolicyDocument? policy, IReadOnlyList<ClaimResult>? claims = null,
        InventoryDocument? previous = null, AppliedAnnotations? applied = null) =>
        ReportModel.Build(inventory, policy, claims ?? (policy is null ? [] : ClaimEvaluator.EvaluateAll(policy, inventory, ConfiguredAcceptance())), previous,
            new ReportOptions
            {
                AcceptClassificationAbove = ConfiguredAcceptance(),
                Stale = applied?.Merge.Stale ?? [], Annotations = applied?.Annotations, PathBase = PathBase,
            });

    /// <summary>Writes the report in each format into <paramref name="folder"/> (created if needed), each file atomically.</summary>
    /// <param name="model">The report model.</param>
    /// <param name="writers">The formats (<see cref="ReportWriters.CreateMany"/>).</param>
    /// <param name="folder">Output folder.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The paths written, in writer order.</returns>
    public static async Task<IReadOnlyList<string>> WriteReportsAsync(ReportModel model, IEnumerable<IReportWriter> writers, string folder,
        CancellationToken cancellationToken = default)
    {
        var written = new List<string>();
        foreach (var writer in writers)
        {
            var path = Path.Combine(folder, ReportWriters.FileName(writer.Format));
            await AtomicFile.WriteAsync(path, stream => writer.WriteAsync(model, stream, cancellationToken), cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }
        return written;
    }

    private InventoryConfig RequireConfig() =>
        Config ?? throw new ConfigurationException("nothing to scan: pass --connection or --config inventory.yml with sources");
}
