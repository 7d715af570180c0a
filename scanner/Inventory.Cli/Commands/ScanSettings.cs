using System.ComponentModel;
using Inventory.Config;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary>Options shared by every command that scans a database (scan, check, annotate, evaluate).</summary>
internal class ScanSettings : CommandSettings
{
    [CommandOption("-c|--config <FILE>")]
    [Description("Config file (inventory.yml). Default: ./inventory.yml when it exists. Flags override it.")]
    public string? Config { get; init; }

    [CommandOption("--connection <CONN>")]
    [Description("Database to scan: a provider URI such as postgres://user:pass@host:port/db?sslmode=… or sqlite:PATH (README lists every provider), or a native connection string. Keep the password off the command line (every user sees it in the process list): '${DATABASE_URL}', single-quoted, reads the environment variable, as in inventory.yml.")]
    public string? Connection { get; init; }

    [CommandOption("--provider <NAME>")]
    [Description("Provider name (README lists them), when a native connection string is ambiguous.")]
    public string? Provider { get; init; }

    [CommandOption("--include <PATTERN>")]
    [Description("Only tables matching schema.table globs (repeatable; case-sensitive; * and ?).")]
    public string[] Include { get; init; } = [];

    [CommandOption("--exclude <PATTERN>")]
    [Description("Skip tables matching schema.table globs (repeatable; exclude wins). Excluded tables are never queried.")]
    public string[] Exclude { get; init; } = [];

    [CommandOption("--sample-rows <N>")]
    [Description("Rows sampled per table (default 500; 0 = names and types only).")]
    public int? SampleRows { get; init; }

    [CommandOption("--timeout <DURATION>")]
    [Description("Statement timeout per query, e.g. 30s (default 30s; at least 1ms: 0 would mean no timeout and is refused).")]
    public string? Timeout { get; init; }

    [CommandOption("--lock-timeout <DURATION>")]
    [Description("Longest wait for a lock another session holds, by the catalog read as by sampling, e.g. 5s (default 5s; config sample.lock-timeout; at least 1ms). A scan never blocks writers longer.")]
    public string? LockTimeout { get; init; }

    [CommandOption("--connect-timeout <DURATION>")]
    [Description("Longest wait for a database server to accept the connection, e.g. 5s (whole seconds, rounded up; default: the connection's connect_timeout, else 15s; config sample.connect-timeout). A host that does not answer fails after it, with the time in the message.")]
    public string? ConnectTimeout { get; init; }

    [CommandOption("--parallelism <N>")]
    [Description("Tables sampled at once per source (default 4).")]
    public int? Parallelism { get; init; }

    [CommandOption("--source-parallelism <N>")]
    [Description("Sources scanned at once (default 4; config source-parallelism). Connections open per server, catalog and sampling together, stay bounded (config connections-per-server, default 8).")]
    public int? SourceParallelism { get; init; }

    [CommandOption("--annotations <DIR>")]
    [Description("Annotations folder or file (overrides inventory.yml).")]
    public string? Annotations { get; init; }

    [CommandOption("--masked-examples")]
    [Description("Keep up to three masked examples per column in inventory.json (the shape only, e.g. ***.***@***.***: no letter or digit of the value); none for short lists of values, health and special-category columns or credential columns; tokens shown as ***. Off by default.")]
    public bool MaskedExamples { get; init; }

    [CommandOption("--immutable")]
    [Description("Open every SQLite source with SQLite's immutable=1 (as the config's immutable: true): no lock and no journal, -wal or -shm file, for a database on read-only media (a read-only mount, a snapshot, a backup). Only for files nobody writes: one written during the scan may be read inconsistently. A source that is not SQLite is an error.")]
    public bool Immutable { get; init; }


    /// <summary>Loads inventory.yml (explicit, or ./inventory.yml when present) and applies the flags over it.</summary>
    /// <param name="requireSources">True when the command scans: then a config without sources is an error.</param>
    /// <exception cref="ConfigurationException">Bad config, bad flag, or nothing to scan.</exception>
    public InventoryConfig ToConfig(bool requireSources = true)
    {
        // ./inventory.yml (or --config) is read even with --connection, as the help says ("flags override it"): the
        // connection replaces its sources only, and its annotations, policy, check settings and sampling still apply
        // (trial34 finding 2: `check --connection` in a project folder dropped the policy's claims and fail-on without a
        // word). Its sources' connections are resolved only when used, so their ${VARIABLES} may be unset.
        var config = InventoryConfig.LoadNamedOrDefault(Config) ?? new InventoryConfig();

        var sources = config.Sources.ToList();
        if (Connection is not null)
        {
            var template = config.SourceDefaults ?? new SourceConfig { Connection = "" };
            var provider = Provider ?? template.Provider;
            var (connection, origin) = InventoryConfig.ResolveConnectionFlag(Connection, provider, Environment.GetEnvironmentVariable);
            sources = [template with { Connection = connection, Provider = provider, Name = template.Name, BaseDirectory = null, ConnectionOrigin = origin }];
        }
        sources = sources.Select(s => s with
        {
            Include = Include.Length > 0 ? Include : s.Include,
            Exclude = Exclude.Length > 0 ? [.. s.Exclude, .. Exclude] : s.Exclude,
            // --immutable as the config's immutable: true on every source; a source that is not SQLite is refused when its
            // connection is parsed (ConnectionTarget.WithImmutable), naming the flag.
            Immutable = Immutable || s.Immutable,
            ImmutableByFlag = Immutable && !s.Immutable,
            Sample = s.Sample with
            {
                Rows = SampleRows ?? s.Sample.Rows,
                StatementTimeout = Timeout is null ? s.Sample.StatementTimeout : InventoryConfig.ParseTimeout(Timeout, "--timeout"),
                LockTimeout = LockTimeout is null ? s.Sample.LockTimeout : InventoryConfig.ParseTimeout(LockTimeout, "--lock-timeout"),
                ConnectTimeout = ConnectTimeout is null ? s.Sample.ConnectTimeout : InventoryConfig.ParseTimeout(ConnectTimeout, "--connect-timeout"),
            },
        }).ToList();
        if (requireSources && sources.Count == 0)
            throw new ConfigurationException(config.File is { } file
                // trial28: a config read without sources (empty file, `sources: []`) was not named, so the user could not
                // tell which file was read (./inventory.yml is read without --config).
                ? $"nothing to scan: {file} lists no source; add one under 'sources:' (name, connection), or pass --connection"
                : "nothing to scan: pass --connection (e.g. sqlite:app.db or postgres://user@host/db) or --config inventory.yml with sources");
        return config with
        {
            Sources = sources,
            Parallelism = Parallelism ?? config.Parallelism,
            SourceParallelism = SourceParallelism ?? config.SourceParallelism,
            Annotations = Annotations is null ? config.Annotations is null ? null : config.Resolve(config.Annotations) : Path.GetFullPath(Annotations),
        };
    }

    public override ValidationResult Validate()
    {
        if (SampleRows is < 0) return ValidationResult.Error("--sample-rows must be 0 or more");
        if (Parallelism is < 1 or > 64) return ValidationResult.Error("--parallelism must be from 1 to 64");
        if (SourceParallelism is < 1 or > 256) return ValidationResult.Error("--source-parallelism must be from 1 to 256");
        return ValidationResult.Success();
    }
}
