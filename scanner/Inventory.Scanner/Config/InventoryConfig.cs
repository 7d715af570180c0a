using Inventory.Model;
using System.Globalization;
using System.Text.RegularExpressions;
using Inventory.Catalog;
using Inventory.Yaml;

namespace Inventory.Config;

/// <summary>One database to scan.</summary>
public sealed record SourceConfig
{
    // The connection is resolved on first use: commands that only read a saved inventory never need its ${SECRETS}.
    private Lazy<string> _connection = new(string.Empty);

    /// <summary>A source whose connection is set by the initializer.</summary>
    public SourceConfig() { }

    /// <summary>A source whose connection is computed when first read (<c>${VAR}</c> interpolation of inventory.yml),
    /// so an unset variable is an error only for a command that connects.</summary>
    /// <param name="connection">Computes the connection; its <see cref="ConfigurationException"/> (file:line:column)
    /// surfaces from <see cref="Connection"/>.</param>
#pragma warning disable CS8618 // Connection is backed by _connection, which this constructor sets
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public SourceConfig(Func<string> connection) => _connection = new Lazy<string>(connection);
#pragma warning restore CS8618

    /// <summary>Source name (unique; kebab-case recommended).</summary>
    public string Name { get; init; } = "default";
    /// <summary>A provider name of <see cref="Connectors.Providers"/>; null to infer from the connection.</summary>
    public string? Provider { get; init; }
    /// <summary>Connection URI or native string, after <c>${ENV}</c> interpolation (done on first read). Secret: never print.</summary>
    /// <exception cref="ConfigurationException">A <c>${VAR}</c> of the config is not set (file:line:column).</exception>
    public required string Connection { get => _connection.Value; init => _connection = new Lazy<string>(value); }
    /// <summary>Include patterns on schema.table (see <see cref="CatalogFilter"/>).</summary>
    public IReadOnlyList<string> Include { get; init; } = [];
    /// <summary>Exclude patterns on schema.table.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];
    /// <summary>Sampling options.</summary>
    public SampleOptions Sample { get; init; } = new();
    /// <summary><c>controller</c> (default) or <c>processor</c>: customer-owned data, catalog only, values never sampled.</summary>
    public ProcessingRole Role { get; init; } = ProcessingRole.Controller;
    /// <summary>For a processor source: the controller its data is processed for (Art. 30(2)(a)), name and contact as
    /// the config's <c>controller:</c> writes them; null when not given (then the processor record says "not declared").</summary>
    public string? Controller { get; init; }
    /// <summary>Where the connection was written, for messages: <c>inventory.yml:3:17, from ${PANEL_DB}</c> for a config
    /// source (the variables its value came from, never a value); null for a <c>--connection</c> flag (the user typed it).</summary>
    public string? ConnectionOrigin { get; init; }
    /// <summary>True when the connection as written in <c>inventory.yml</c> holds a password of its own rather than one
    /// from a <c>${VAR}</c> (trial42 finding 6: such a file, committed beside the annotations as the CI recipe does,
    /// hands the password to everyone who reads the repository); false for a <c>--connection</c> flag.
    /// See <see cref="InventoryConfig.HoldsLiteralPassword"/>.</summary>
    public bool PasswordWrittenInFile { get; init; }
    /// <summary>The folder a relative file in <see cref="Connection"/> (<c>sqlite:fleet/shop.db</c>) is found in: the
    /// config file's, as for every other path of <c>inventory.yml</c>; null for a <c>--connection</c> flag (the working
    /// directory).</summary>
    public string? BaseDirectory { get; init; }
    /// <summary>For a SQLite source (<c>immutable: true</c>): the file is opened with SQLite's <c>immutable=1</c>, which
    /// takes no lock and never looks for a journal, <c>-wal</c> or <c>-shm</c> file, so a database on read-only media (a
    /// read-only mount, a snapshot, a WAL file whose folder may not be written) can be read. The trade-off: SQLite
    /// then assumes nobody changes the file; one written during the scan may be read inconsistently (wrong rows, or
    /// a corruption error). Only for files nobody writes. False by default.</summary>
    public bool Immutable { get; init; }
    /// <summary>Where <c>immutable:</c> is written, for the error of a source that is not SQLite; null when not written.</summary>
    public SettingPlace? ImmutableAt { get; init; }
    /// <summary>True when <see cref="Immutable"/> comes from <c>--immutable</c> on the command line rather than the
    /// source's own key: the error of a source that is not SQLite then names the flag.</summary>
    public bool ImmutableByFlag { get; init; }
}

/// <summary>Where a setting's value is written in a configuration file.</summary>
/// <param name="File">The file, as the loader was given it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SettingPlace(string File, int Line, int Column);

/// <summary>CI gate settings (<c>check:</c>).</summary>
public sealed record CheckConfig
{
    /// <summary>Finding kinds that fail the gate: untagged, conflict, stale, claim, missing; null when the file does not say
    /// (then untagged columns fail, conflicts and stale annotations warn unless --strict).</summary>
    public IReadOnlyList<string>? FailOn { get; init; }
    /// <summary>Where <c>fail-on:</c> is written (its value's file, line and column), or null when the file does not say
    /// (or the config was built in code): an empty list is a report-only gate, which <c>check</c> says, naming this place.</summary>
    public SettingPlace? FailOnAt { get; init; }
    /// <summary>Classifications at or above their category's threshold count as tags (one number for every category, or one per
    /// category with an optional default: <see cref="AcceptanceThresholds"/>); null to require annotations.</summary>
    public AcceptanceThresholds? AcceptClassificationAbove { get; init; }
    /// <summary>Where each category of a per-category <see cref="AcceptClassificationAbove"/> is written (its key), for the
    /// taxonomy's error; empty for a single number or a config built in code.</summary>
    public IReadOnlyDictionary<string, SettingPlace> AcceptCategoryPlaces { get; init; } = new Dictionary<string, SettingPlace>();
}

/// <summary>The parsed <c>inventory.yml</c>. Keys are kebab-case; unknown keys are errors; <c>${NAME}</c> is replaced
/// by the environment variable NAME (an unset variable is an error), <c>$${</c> writes a literal <c>${</c>.</summary>
public sealed partial record InventoryConfig
{
    /// <summary>Sources to scan.</summary>
    public IReadOnlyList<SourceConfig> Sources { get; init; } = [];
    /// <summary>Top-level source keys given without a connection (include, exclude, sample…): applied to a source
    /// given by <c>--connection</c>.</summary>
    public SourceConfig? SourceDefaults { get; init; }
    /// <summary>Annotations folder (or file), relative to the config file.</summary>
    public string? Annotations { get; init; }
    /// <summary>Policy file, relative to the config file; null for the built-in seed policy.</summary>
    public string? Policy { get; init; }
    /// <summary>Line and column (1-based) of the <c>policy:</c> value in the config file, or null when the config names
    /// no policy: where a finding of the built-in policy's claims points (the policy itself is no file of the user's).</summary>
    public (int Line, int Column)? PolicyPosition { get; init; }
    /// <summary>Taxonomy file override, or null for the built-in one.</summary>
    public string? Taxonomy { get; init; }
    /// <summary>A name-rules file whose rules are added to the built-in ones (they win where they match), or null.</summary>
    public string? NameRules { get; init; }
    /// <summary>Detectors of the user's own (<c>value-patterns:</c>), run beside the shipped ones on sampled values: each a
    /// regular expression compiled once here, the category it implies, a minimum share, context words and a checksum
    /// (<see cref="ValuePatternConfig"/>); empty when the file has none.</summary>
    public IReadOnlyList<ValuePatternConfig> ValuePatterns { get; init; } = [];
    /// <summary>Model file override, or null for the built-in one.</summary>
    public string? Model { get; init; }
    /// <summary>The recall-first leaning (<c>lean-personal-below</c>, 0 to 1): a column known by its name and type only
    /// whose combination says <c>none</c> at a probability under it is suggested its most probable personal category at
    /// low confidence; null keeps the shipped classifier's (no such leaning). The trade-off curve (macro-F1, personal
    /// recall and precision per threshold) is in <c>rules/MODEL.md</c>, session 41.</summary>
    public double? LeanPersonalBelow { get; init; }
    /// <summary>CI gate settings.</summary>
    public CheckConfig Check { get; init; } = new();
    /// <summary>Report settings (<c>report:</c>): the language of the human-readable reports.</summary>
    public ReportConfig Report { get; init; } = new();
    /// <summary>Tables sampled at once per source (default 4).</summary>
    public int Parallelism { get; init; } = 4;
    /// <summary>Sources scanned at once (<c>source-parallelism</c>, default 4).</summary>
    public int SourceParallelism { get; init; } = 4;
    /// <summary>Connections open at once on one server (catalog, sampling and idle pooled ones together), whatever the
    /// number of its sources scanned at once (<c>connections-per-server</c>, default 8).</summary>
    public int ConnectionsPerServer { get; init; } = 8;
    /// <summary>Folder of the config file (paths are relative to it), or the working directory.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();
    /// <summary>The config file, or null when built from flags.</summary>
    public string? File { get; init; }

    /// <summary>Resolves a path relative to the config file's folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>The config file every command reads from the working directory when none is named.</summary>
    public const string DefaultFileName = "inventory.yml";

    /// <summary>The config a command works with: <paramref name="path"/> when given, else <c>./inventory.yml</c> when it
    /// exists (what <c>--help</c> promises for every command that takes <c>--config</c>), else null.</summary>
    /// <param name="path">The <c>--config</c> flag, or null.</param>
    /// <param name="environment">Variable lookup (defaults to the process environment); connections resolve lazily.</param>
    /// <exception cref="ConfigurationException">As <see cref="Load"/>: a named file that is missing, or a malformed one.</exception>
    public static InventoryConfig? LoadNamedOrDefault(string? path, Func<string, string?>? environment = null) =>
        path is not null ? Load(path, environment)
        : System.IO.File.Exists(DefaultFileName) ? Load(DefaultFileName, environment)
        : null;

    /// <summary>Loads and validates a config file.</summary>
    /// <param name="path">Path to inventory.yml.</param>
    /// <param name="environment">Variable lookup (defaults to the process environment).</param>
    /// <exception cref="ConfigurationException">Missing file, bad YAML, unknown key, bad value, unset variable (file:line:column).</exception>
    public static InventoryConfig Load(string path, Func<string, string?>? environment = null)
    {
        var root = StrictYaml.ReadMappingFile(path);
        environment ??= Environment.GetEnvironmentVariable;
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        root.AllowOnly("inventory.yml", "sources", "annotations", "policy", "taxonomy", "name-rules", "value-patterns", "model", "lean-personal-below", "check", "report", "parallelism", "source-parallelism", "connections-per-server",
            // single-source shorthand, as in ../shared/cases config.yml files
            "provider", "connection", "include", "exclude", "sample", "role", "controller", "name", "immutable");
        var sources = new List<SourceConfig>();
        // A repeated name is reported at the second source's name (or the source without one), where the user must rename.
        void AddSource(SourceConfig source, YMapping at)
        {
            if (sources.Any(s => s.Name == source.Name))
                throw (at["name"] ?? at).Error($"two sources are named '{source.Name}'; names must be unique");
            sources.Add(source);
        }
        if (root["sources"] is { } sourcesNode)
        {
            if (sourcesNode is not YSequence seq) throw sourcesNode.Error("'sources' must be a list of sources");
            foreach (var item in seq.Items)
            {
                if (item is not YMapping m) throw item.Error("each source must be a mapping with name, provider, connection");
                m.AllowOnly("source", "name", "provider", "connection", "include", "exclude", "sample", "role", "controller", "immutable");
                AddSource(ReadSource(m, environment, requireConnection: true, baseDirectory), m);
            }
        }
        SourceConfig? defaults = null;
        if (new[] { "provider", "connection", "include", "exclude", "sample", "role", "controller", "name", "immutable" }.Any(k => root[k] is not null))
        {
            var single = ReadSource(root, environment, requireConnection: false, baseDirectory);
            if (root.String("connection") is { Length: > 0 }) AddSource(single, root);
            else defaults = single;
        }

        var check = new CheckConfig();
        if (root.Mapping("check") is { } c)
        {
            c.AllowOnly("check", "fail-on", "accept-classification-above");
            var failOn = c.Strings("fail-on");
            foreach (var f in failOn)
                if (f is not ("untagged" or "conflict" or "stale" or "claim" or "missing" or "transfer-without-safeguard"))
                    throw c["fail-on"]!.Error($"unknown fail-on kind '{f}'; use untagged, conflict, stale, claim, missing, transfer-without-safeguard");
            var accept = ReadAcceptanceThresholds(c["accept-classification-above"]);
            check = new CheckConfig
            {
                FailOn = c["fail-on"] is null ? check.FailOn : failOn, AcceptClassificationAbove = accept,
                AcceptCategoryPlaces = c["accept-classification-above"] is YMapping places
                    ? places.Entries.Where(e => e.Key.Value != "default").ToDictionary(e => e.Key.Value, e => new SettingPlace(e.Key.File, e.Key.Line, e.Key.Column), StringComparer.Ordinal)
                    : new Dictionary<string, SettingPlace>(),
                FailOnAt = c["fail-on"] is { } at ? new SettingPlace(at.File, at.Line, at.Column) : null,
            };
        }
        var report = new ReportConfig();
        if (root.Mapping("report") is { } r)
        {
            r.AllowOnly("report", "language");
            if (r["language"] is { } languageNode)
            {
                var text = r.String("language");
                report = new ReportConfig { Language = ReportLanguages.TryParse(text) ?? throw languageNode.Error(ReportLanguages.UnknownMessage("report.language", text)) };
            }
        }
        var parallelism = root.Number("parallelism") ?? 4;
        if (parallelism < 1 || parallelism > 64 || parallelism != Math.Floor(parallelism))
            throw root["parallelism"]!.Error("parallelism must be a whole number from 1 to 64");
        var sourceParallelism = WholeNumber(root, "source-parallelism", 4, 1, 256);
        var leanPersonalBelow = root.Number("lean-personal-below");
        if (leanPersonalBelow is { } lean && (lean is < 0 or > 1 || double.IsNaN(lean)))
            throw root["lean-personal-below"]!.Error("lean-personal-below must be between 0 and 1 (a probability of none; omit it for the shipped classifier)");
        var connectionsPerServer = WholeNumber(root, "connections-per-server", 8, 1, 256);
        var valuePatterns = ValuePatternConfig.ReadList(root["value-patterns"]);
        return new InventoryConfig
        {
            SourceParallelism = sourceParallelism,
            ConnectionsPerServer = connectionsPerServer,
            Sources = sources,
            SourceDefaults = defaults,
            Annotations = root.String("annotations"),
            Policy = root.String("policy"),
            PolicyPosition = root["policy"] is { } policyNode ? (policyNode.Line, policyNode.Column) : null,
            Taxonomy = root.String("taxonomy"),
            NameRules = root.String("name-rules"),
            ValuePatterns = valuePatterns,
            Model = root.String("model"),
            LeanPersonalBelow = leanPersonalBelow,
            Check = check,
            Report = report,
            Parallelism = (int)parallelism,
            BaseDirectory = baseDirectory,
            File = path,
        };
    }

    /// <summary>Reads <c>check.accept-classification-above</c>: one number (every category), or a mapping of categories
    /// (<c>contact</c>) and subcategories (<c>contact.email</c>) to numbers, with an optional <c>default</c> for the
    /// categories it does not name (<see cref="AcceptanceThresholds"/>). The names are checked against the taxonomy where
    /// the gate runs (a taxonomy file of the config may add categories); here they must be category-shaped.</summary>
    /// <param name="node">The key's value, or null.</param>
    /// <returns>The thresholds, or null when the key is absent.</returns>
    /// <exception cref="ConfigurationException">A value that is not a number from 0 to 1, an empty mapping, a key that is
    /// not a category name — at its file, line and column.</exception>
    public static AcceptanceThresholds? ReadAcceptanceThresholds(YNode? node)
    {
        static double Threshold(YNode value, string what)
        {
            if (value is not YScalar { IsNull: false } scalar
                || !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                throw value.Error($"{what} must be a number between 0 and 1 (a confidence)");
            if (number is < 0 or > 1 || double.IsNaN(number)) throw value.Error($"{what} must be between 0 and 1");
            return number;
        }
        switch (node)
        {
            case null:
            case YScalar { IsNull: true }:
                return null;
            case YScalar:
                return AcceptanceThresholds.Uniform(Threshold(node, "accept-classification-above"));
            case YMapping map:
                if (map.Entries.Count == 0)
                    throw map.Error("accept-classification-above: give one number, or categories with a number each (contact: 0.9, none: 0.8, default: 0.9)");
                double? fallback = null;
                var byCategory = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var (key, value) in map.Entries)
                {
                    if (key.Value == "default") { fallback = Threshold(value, "accept-classification-above.default"); continue; }
                    if (!CategoryName().IsMatch(key.Value))
                        throw key.Error($"accept-classification-above: '{key.Value}' is not a category (contact, financial.bank_account, none…) nor 'default'");
                    byCategory[key.Value] = Threshold(value, $"accept-classification-above.{key.Value}");
                }
                return new AcceptanceThresholds { Default = fallback, ByCategory = byCategory };
            default:
                throw node.Error("accept-classification-above must be a number between 0 and 1, or a mapping of categories to numbers");
        }
    }

    /// <summary>A category or <c>category.subcategory</c> name: lower-case words joined by underscores.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)?$")]
    private static partial Regex CategoryName();

    private static int WholeNumber(YMapping root, string key, int fallback, int min, int max)
    {
        var value = root.Number(key) ?? fallback;
        if (value < min || value > max || value != Math.Floor(value))
            throw root[key]!.Error($"{key} must be a whole number from {min} to {max}");
        return (int)value;
    }

    /// <summary>Reads the <c>sample:</c> mapping (<c>rows</c>, <c>timeout</c>, <c>lock-timeout</c>, <c>connect-timeout</c>, <c>seed</c>,
    /// <c>max-value-length</c>, <c>max-document-length</c>).</summary>
    /// <exception cref="ConfigurationException">Unknown key or bad value.</exception>
    public static SampleOptions ReadSample(YMapping? m)
    {
        var options = new SampleOptions();
        if (m is null) return options;
        m.AllowOnly("sample", "rows", "timeout", "lock-timeout", "connect-timeout", "seed", "max-value-length", "max-document-length");
        var rows = m.Number("rows");
        if (rows is < 0 or > 1_000_000) throw m["rows"]!.Error("sample rows must be between 0 and 1000000");
        var documentLength = m.Number("max-document-length");
        if (documentLength is < 1 or > 1_000_000)
            throw m["max-document-length"]!.Error("sample max-document-length must be between 1 and 1000000 characters");
        return options with
        {
            Rows = (int?)rows ?? options.Rows,
            StatementTimeout = m.String("timeout") is { } t ? ParseTimeout(t, "timeout", m["timeout"]!) : options.StatementTimeout,
            LockTimeout = m.String("lock-timeout") is { } l ? ParseTimeout(l, "lock-timeout", m["lock-timeout"]!) : options.LockTimeout,
            ConnectTimeout = m.String("connect-timeout") is { } c ? ParseTimeout(c, "connect-timeout", m["connect-timeout"]!) : options.ConnectTimeout,
            Seed = (int?)m.Number("seed") ?? options.Seed,
            MaxValueLength = (int?)m.Number("max-value-length") ?? options.MaxValueLength,
            MaxDocumentLength = (int?)documentLength ?? options.MaxDocumentLength,
        };
    }

    /// <summary>Parses a duration: <c>30s</c>, <c>500ms</c>, <c>2m</c>, or a bare number of seconds.</summary>
    /// <exception cref="ConfigurationException">Malformed duration.</exception>
    public static TimeSpan ParseDuration(string text, YNode? at = null)
    {
        var m = DurationPattern().Match(text.Trim());
        if (!m.Success)
        {
            const string message = "durations look like 500ms, 30s, 2m or 1h";
            throw at is null ? new ConfigurationException($"bad duration '{text}': {message}") : at.Error($"bad duration '{text}': {message}");
        }
        var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromSeconds(value),
        };
    }

    /// <summary>Parses a statement or lock timeout: a duration of at least one millisecond. Zero is refused because the
    /// servers read a zero timeout as "no timeout" (PostgreSQL <c>statement_timeout = 0</c>, MySQL
    /// <c>max_execution_time = 0</c>), and a scan never runs without one; a negative duration is refused by name rather
    /// than as a malformed one.</summary>
    /// <param name="text">The duration text (<c>30s</c>, <c>500ms</c>, <c>2m</c>).</param>
    /// <param name="what">The option or key, for the message (<c>--timeout</c>, <c>timeout</c>).</param>
    /// <param name="at">The YAML node for file, line and column, or null for a command-line flag.</param>
    /// <returns>The timeout, at least 1 ms.</returns>
    /// <exception cref="ConfigurationException">Malformed, zero, negative or under a millisecond.</exception>
    public static TimeSpan ParseTimeout(string text, string what, YNode? at = null)
    {
        ConfigurationException Refuse(string message) => at is null ? new ConfigurationException(message) : at.Error(message);
        if (text.Trim().StartsWith('-'))
            throw Refuse($"{what} '{text}' is negative: give a positive duration such as 30s");
        TimeSpan value;
        try { value = ParseDuration(text, at); }
        // A flag has no file position to say which one was malformed: its name does (a config key's position does).
        catch (ConfigurationException e) when (at is null) { throw new ConfigurationException($"{what}: {e.Reason}", innerException: e); }
        if (value < TimeSpan.FromMilliseconds(1))
            throw Refuse($"{what} '{text}' must be at least 1ms (e.g. 30s): a zero timeout means no timeout to the database, and a scan always runs with one");
        return value;
    }

    /// <summary>"a, b or c".</summary>
    private static string NameList(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    private static SourceConfig ReadSource(YMapping m, Func<string, string?> environment, bool requireConnection, string baseDirectory)
    {
        var provider = m.String("provider");
        if (provider is not null && Connectors.Providers.Find(provider) is null)
            throw m["provider"]!.Error($"unknown provider '{provider}'; use {NameList(Connectors.Providers.Names)}");
        var connectionNode = m["connection"];
        var connection = m.String("connection");
        if (connection is null && requireConnection) throw m.Error("a source needs 'connection'");
        var roleText = m.String("role") ?? ProcessingRole.Controller.ToText();
        if (!ProcessingRoles.TryParse(roleText, out var role))
            throw m["role"]!.Error($"unknown role '{roleText}'; use controller or processor");
        // The controller a processor source's data is processed for (Art. 30(2)(a)): one customer per database in a fleet.
        var controller = m.String("controller");
        if (m["controller"] is { } controllerNode)
        {
            if (role != ProcessingRole.Processor)
                throw controllerNode.Error("'controller' names the customer a processor source is processed for (Art. 30(2)(a)); this source is not 'role: processor'");
            if (string.IsNullOrWhiteSpace(controller))
                throw controllerNode.Error("'controller' must name the controller (the customer, with a contact), not be empty");
        }
        var name = m.String("name") ?? "default";
        var immutable = m.Bool("immutable") ?? false;
        if (immutable && provider is not null && provider != "sqlite")
            throw m["immutable"]!.Error($"'immutable' opens a SQLite file without locking; source '{name}' is provider '{provider}'");
        var variables = connection is null ? [] : ConnectionVariables(connection);
        return new SourceConfig(() => ResolveConnection(connection ?? "", connectionNode, name, provider, environment))
        {
            Name = name,
            PasswordWrittenInFile = connection is not null && HoldsLiteralPassword(connection, provider),
            ConnectionOrigin = connectionNode is null ? null
                : $"{Path.GetFileName(connectionNode.File)}:{connectionNode.Line}:{connectionNode.Column}{(variables.Count == 0 ? "" : $", from {string.Join(", ", variables)}")}",
            BaseDirectory = baseDirectory,
            Provider = provider,
            Include = m.Strings("include"),
            Exclude = m.Strings("exclude"),
            Sample = ReadSample(m.Mapping("sample")),
            Role = role,
            Controller = controller?.Trim(),
            Immutable = immutable,
            ImmutableAt = m["immutable"] is { } immutableNode ? new SettingPlace(immutableNode.File, immutableNode.Line, immutableNode.Column) : null,
        };
    }

    /// <summary>The connection of a source after <c>${VAR}</c> interpolation, checked by
    /// <see cref="Connectors.ConnectionTarget.Parse"/> so that a malformed URI or connection string is reported at its
    /// place in the file: <c>inventory.yml:4:17: source 'crm': malformed postgres URI: …</c>.</summary>
    /// <param name="text">The connection as written (may hold <c>${VAR}</c>).</param>
    /// <param name="at">The <c>connection:</c> value's node, or null (single-source shorthand without a connection).</param>
    /// <param name="source">The source's name, for the message.</param>
    /// <param name="provider">The source's <c>provider:</c>, or null.</param>
    /// <param name="environment">Variable lookup.</param>
    /// <exception cref="ConfigurationException">An unset variable, or a connection that does not parse, with the file,
    /// line and column of the <c>connection:</c> value and the source's name; never the password or the URI.</exception>
    private static string ResolveConnection(string text, YNode? at, string source, string? provider, Func<string, string?> environment)
    {
        var value = Interpolate(text, at, environment);
        if (at is null || value.Length == 0) return value;
        try
        {
            _ = Connectors.ConnectionTarget.Parse(value, provider);
        }
        catch (ConfigurationException e) when (e.File is null)
        {
            var variables = ConnectionVariables(text);
            var from = variables.Count == 0 ? "" : $" (its value comes from {string.Join(", ", variables)})";
            throw new ConfigurationException($"source '{source}': connection{from}: {e.Reason}", at.File, at.Line, at.Column, e);
        }
        return value;
    }

    /// <summary>The connection a <c>--connection</c> flag gives: <c>${NAME}</c> is replaced by the environment variable
    /// <c>NAME</c> as in inventory.yml (<c>$${</c> writes a literal <c>${</c>), so that the password need not be on the
    /// command line, where every user of the machine reads it in the process list for the whole scan (trial42 finding 2).
    /// Without a reference the flag is returned as written.</summary>
    /// <param name="text">The flag's value as typed (single-quoted in a shell, so the shell leaves <c>${NAME}</c> alone).</param>
    /// <param name="provider">The <c>--provider</c> flag (or the config's), or null.</param>
    /// <param name="environment">Variable lookup.</param>
    /// <returns>The connection, and where it came from for messages (<c>--connection, from ${DATABASE_URL}</c>; null
    /// when the flag names no variable).</returns>
    /// <exception cref="ConfigurationException">An unset variable, or a value that does not parse; the message names the
    /// variables, never the value or the password.</exception>
    public static (string Connection, string? Origin) ResolveConnectionFlag(string text, string? provider, Func<string, string?> environment)
    {
        var variables = ConnectionVariables(text);
        if (variables.Count == 0 && !text.Contains("$${", StringComparison.Ordinal)) return (text, null);
        string value;
        try
        {
            value = Interpolate(text, null, environment);
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"--connection: {e.Reason}", innerException: e);
        }
        if (variables.Count == 0) return (value, null);
        var from = string.Join(", ", variables);
        try
        {
            _ = Connectors.ConnectionTarget.Parse(value, provider);
        }
        catch (ConfigurationException e) when (e.File is null)
        {
            throw new ConfigurationException($"--connection (its value comes from {from}): {e.Reason}", innerException: e);
        }
        return (value, $"--connection, from {from}");
    }

    // Compiled at build time ([GeneratedRegex]): every scan parses its connection, and a pattern built at run time cost
    // the ReadyToRun build the regex parser, the interpreter's setup and JIT-compiled code of the regex cache (perf43).

    /// <summary>A duration: a number, then optionally ms, s, m or h (<see cref="ParseDuration"/>).</summary>
    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$")]
    private static partial Regex DurationPattern();

    /// <summary>A <c>${NAME}</c> reference not escaped by a second <c>$</c>.</summary>
    [GeneratedRegex(@"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariableReference();

    /// <summary>A <c>${NAME}</c> reference or its escape <c>$${NAME}</c> (group 1 holds the second <c>$</c>, group 2 the name).</summary>
    [GeneratedRegex(@"\$(\$?)\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariableOrEscape();

    /// <summary>Whether a connection as written holds a literal password: every <c>${VAR}</c> is replaced by a
    /// placeholder (never read from the environment), the text is parsed as a scan parses it (URI or native string), and
    /// the password it gives, placeholders removed, is not empty. <c>postgres://u:${PW}@h/db</c>, <c>${DATABASE_URL}</c>,
    /// <c>Password=${PW}</c> and a connection without a password hold none; <c>postgres://u:s3cret@h/db</c> and
    /// <c>Host=h;Password=s3cret</c> do. A text that does not parse holds none here (its error comes when it is used).</summary>
    /// <param name="written">The connection as written in the file.</param>
    /// <param name="provider">The source's <c>provider:</c>, or null.</param>
    /// <returns>True when a password is written in the text itself.</returns>
    public static bool HoldsLiteralPassword(string written, string? provider)
    {
        // A placeholder of letters fits a host, a user or a password; one of digits fits a port.
        foreach (var placeholder in (ReadOnlySpan<string>)["inventoryvariable", "54321"])
        {
            var text = VariableOrEscape().Replace(written, m => m.Groups[1].Length > 0 ? "${" + m.Groups[2].Value + "}" : placeholder);
            try
            {
                var target = Connectors.ConnectionTarget.Parse(text, provider);
                var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
                var password = builder.TryGetValue("Password", out var p) ? p?.ToString()
                    : builder.TryGetValue("Pwd", out var pwd) ? pwd?.ToString() : null;
                return !string.IsNullOrEmpty(password?.Replace(placeholder, "", StringComparison.Ordinal));
            }
            catch (Exception e) when (e is ConfigurationException or ArgumentException or FormatException)
            {
                // Try the other placeholder; a text neither fits is reported when the scan parses it.
            }
        }
        return false;
    }

    /// <summary>The warnings of the sources whose <c>inventory.yml</c> connection holds a literal password
    /// (<see cref="SourceConfig.PasswordWrittenInFile"/>), one per source, each naming the file and place, the source and
    /// the fix (a <c>${VAR}</c> from the environment or a secret mount; for PostgreSQL, PGPASSFILE), never the password.</summary>
    /// <returns>The lines, starting <c>warning: </c>; empty when no scanned source writes its password in the file.</returns>
    public IReadOnlyList<string> LiteralPasswordWarnings() =>
        Sources.Where(s => s.PasswordWrittenInFile).Select(s =>
            $"warning: {s.ConnectionOrigin ?? File ?? DefaultFileName}: source '{s.Name}': the connection holds a literal password, "
            + "which everyone who reads this file (or its history, once committed) has; write it as an environment variable, "
            + "e.g. postgres://scanner:${SCANNER_PASSWORD}@host/db or the whole connection as ${DATABASE_URL} (filled from a "
            + "CI secret or a secret mount), or for PostgreSQL leave it out and use PGPASSFILE").ToList();

    /// <summary>The <c>${NAME}</c> references of a connection as written, each once, in order (never their values).</summary>
    private static List<string> ConnectionVariables(string text) =>
        VariableReference().Matches(text).Select(v => v.Value).Distinct().ToList();

    /// <summary>Replaces <c>${NAME}</c> with the variable's value; <c>$${</c> escapes.</summary>
    /// <exception cref="ConfigurationException">One or more unset variables: the message names every one of them (in
    /// the order written, each once), never a value.</exception>
    public static string Interpolate(string text, YNode? at, Func<string, string?> environment)
    {
        var unset = new List<string>();
        var value = VariableOrEscape().Replace(text, m =>
        {
            if (m.Groups[1].Length > 0) return "${" + m.Groups[2].Value + "}";
            var variable = m.Groups[2].Value;
            var found = environment(variable);
            if (found is null && !unset.Contains(variable, StringComparer.Ordinal)) unset.Add(variable);
            return found ?? "";
        });
        if (unset.Count == 0) return value;
        var message = unset.Count == 1
            ? $"environment variable {unset[0]} is not set"
            : $"environment variables {string.Join(", ", unset.SkipLast(1))} and {unset[^1]} are not set";
        throw at is null ? new ConfigurationException(message) : at.Error(message);
    }
}
