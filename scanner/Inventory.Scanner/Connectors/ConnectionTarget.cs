using System.Data.Common;

namespace Inventory.Connectors;

/// <summary>A parsed connection: provider, native connection string, and a display form without credentials.</summary>
public sealed record ConnectionTarget
{
    /// <summary>A provider name of <see cref="Connectors.Providers"/> (postgres, sqlserver, sqlite, …).</summary>
    public required string Provider { get; init; }
    /// <summary>The driver's native connection string. Holds secrets: never print it.</summary>
    public required string ConnectionString { get; init; }
    /// <summary>host:port/database or the file path; safe to print.</summary>
    public required string Display { get; init; }

    /// <summary>True when the password came from a URI and held percent-escapes (<c>%XX</c>), which were decoded: a
    /// password refused by the server may then have been meant literally (<c>%</c> must be written <c>%25</c>).</summary>
    public bool PasswordPercentDecoded { get; init; }

    /// <summary>For SQLite: open the file with <c>immutable=1</c> (no locking, no journal or WAL files looked for; the
    /// source's <c>immutable: true</c>, <see cref="Config.SourceConfig.Immutable"/>). Ignored by the other providers, which
    /// <see cref="WithImmutable"/> refuses.</summary>
    public bool Immutable { get; init; }

    /// <summary>This target, opened immutable when <paramref name="source"/> asks for it.</summary>
    /// <param name="source">The source it was parsed from.</param>
    /// <exception cref="ConfigurationException"><c>immutable: true</c> on a source whose connection is not SQLite (at the
    /// key's file, line and column).</exception>
    public ConnectionTarget WithImmutable(Config.SourceConfig source)
    {
        if (!source.Immutable) return this;
        if (Provider != "sqlite")
        {
            var message = source.ImmutableByFlag
                ? $"source '{source.Name}': --immutable opens a SQLite file without locking; this connection is {Provider} (leave the flag out, or scan the SQLite source alone)"
                : $"source '{source.Name}': 'immutable' opens a SQLite file without locking; this connection is {Provider}";
            throw source.ImmutableAt is { } at ? new ConfigurationException(message, at.File, at.Line, at.Column) : new ConfigurationException(message);
        }
        return this with { Immutable = true };
    }

    /// <summary>What to add to a "wrong password" message: empty, or, when <see cref="PasswordPercentDecoded"/>, that the
    /// URI's password was percent-decoded (never the password itself).</summary>
    public string PasswordHint => PasswordPercentDecoded
        ? "; the URI's password held %XX escapes, which were decoded (a literal % in a password is written %25)"
        : "";

    /// <summary>What every engine's "wrong user or password" message says to do, in one wording (trial 28: MySQL's lacked
    /// the environment variable PostgreSQL's named): check the user and password, where they are written, then
    /// <see cref="PasswordHint"/>. Never the password itself.</summary>
    public string CheckCredentialsAdvice => CheckCredentials + PasswordHint;

    /// <summary>The shared words of <see cref="CheckCredentialsAdvice"/>, without the percent-escape hint.</summary>
    public const string CheckCredentials = "check the user and password of the connection (or the environment variable it comes from)";

    /// <summary>The driver's connect timeout when none is given (Npgsql, MySqlConnector and SqlClient all wait 15 s).</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>This target with the driver's connect timeout set (whole seconds, rounded up, at least 1 s): Npgsql
    /// <c>Timeout</c>, MySqlConnector <c>Connection Timeout</c>, SqlClient <c>Connect Timeout</c>. A file engine, or a null
    /// timeout, leaves the target as it is (its URI's <c>connect_timeout</c>, else the driver's default, applies).</summary>
    /// <param name="timeout">The timeout, or null.</param>
    /// <returns>The target to connect with.</returns>
    public ConnectionTarget WithConnectTimeout(TimeSpan? timeout)
    {
        if (timeout is not { } t) return this;
        var seconds = (int)Math.Clamp(Math.Ceiling(t.TotalSeconds), 1, 1024);
        try
        {
            return Provider switch
            {
                "postgres" => this with { ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = seconds }.ConnectionString },
                "mysql" => this with { ConnectionString = new MySqlConnector.MySqlConnectionStringBuilder(ConnectionString) { ConnectionTimeout = (uint)seconds }.ConnectionString },
                "sqlserver" => this with { ConnectionString = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString) { ConnectTimeout = seconds }.ConnectionString },
                _ => this,
            };
        }
        catch (ArgumentException)
        {
            return this; // an invalid string is reported by the connector, with its advice
        }
    }

    /// <summary>The connect timeout this target's driver applies: its connection string's, else
    /// <see cref="DefaultConnectTimeout"/>; null for a file engine.</summary>
    public TimeSpan? ConnectTimeout
    {
        get
        {
            try
            {
                return Provider switch
                {
                    "postgres" => TimeSpan.FromSeconds(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString).Timeout),
                    "mysql" => TimeSpan.FromSeconds(new MySqlConnector.MySqlConnectionStringBuilder(ConnectionString).ConnectionTimeout),
                    "sqlserver" => TimeSpan.FromSeconds(new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(ConnectionString).ConnectTimeout),
                    _ => null,
                };
            }
            catch (ArgumentException)
            {
                return DefaultConnectTimeout;
            }
        }
    }

    /// <summary>Known provider names (from <see cref="Connectors.Providers"/>).</summary>
    public static IReadOnlyList<string> Providers => Connectors.Providers.Names;

    /// <summary>Parses what <c>--connection</c> or <c>connection:</c> holds.</summary>
    /// <param name="connection">
    /// A URI of a registered provider (<c>postgres://user:pass@host:port/db?sslmode=require</c>, also <c>postgresql://</c>,
    /// the DATABASE_URL form; <c>sqlserver://user:pass@host:port/db?encrypt=true</c>; <c>sqlite:path/to/file.db</c>; …),
    /// or a native connection string, attributed by its keys (<see cref="Connectors.Providers.DetectNative"/>).
    /// </param>
    /// <param name="provider">Explicit provider (config), or null to infer it.</param>
    /// <param name="baseDirectory">The folder a relative file of a file-based engine (<c>sqlite:shop.db</c>) is in: the
    /// config file's for a connection of <c>inventory.yml</c>; null for the working directory.</param>
    /// <exception cref="ConfigurationException">Malformed URI, unknown provider, a provider that contradicts the URI's
    /// scheme, or a string the tool cannot attribute to a provider. The message never holds the password.</exception>
    public static ConnectionTarget Parse(string connection, string? provider = null, string? baseDirectory = null)
    {
        var target = ParseHere(connection, provider);
        return baseDirectory is not null && Connectors.Providers.Get(target.Provider).FileRelativeTo is { } relativeTo
            ? relativeTo(target, baseDirectory)
            : target;
    }

    private static ConnectionTarget ParseHere(string connection, string? provider)
    {
        if (string.IsNullOrWhiteSpace(connection))
            throw new ConfigurationException("the connection is empty; pass --connection or set connection: in inventory.yml");
        var explicitProvider = provider is null ? null : Connectors.Providers.Get(provider);
        connection = connection.Trim();
        int colon = connection.IndexOf(':');
        string scheme = colon > 0 ? connection[..colon].ToLowerInvariant() : "";
        if (colon > 0 && Connectors.Providers.ForScheme(scheme) is { } byScheme)
        {
            // A provider given beside a URI must agree with it: silently scanning as the URI's engine hides a wrong config.
            if (explicitProvider is not null && !ReferenceEquals(explicitProvider, byScheme))
                throw new ConfigurationException($"provider {explicitProvider.Name} contradicts the {scheme}: connection, which is a {byScheme.Name} URI; " +
                    "remove the provider (a URI names its engine) or fix the connection");
            var target = byScheme.ParseUri(connection);
            return ConnectionUri.RawUserInfo(connection) is { } userInfo && userInfo.Split(':', 2) is [_, var password] && password.Contains('%')
                ? target with { PasswordPercentDecoded = true }
                : target;
        }
        if (connection.Contains("://"))
            throw new ConfigurationException($"unknown connection scheme '{Safe(scheme)}://'; use {Connectors.Providers.SchemeList}");
        return FromNative(connection, explicitProvider);
    }

    private static string Safe(string s) => s.Length > 20 ? s[..20] + "…" : s;

    private static ConnectionTarget FromNative(string text, ProviderInfo? provider)
    {
        DbConnectionStringBuilder probe;
        try { probe = new DbConnectionStringBuilder { ConnectionString = text }; }
        catch (ArgumentException)
        {
            throw new ConfigurationException($"the connection is neither a URI ({Connectors.Providers.SchemeList}) nor a key=value connection string");
        }
        provider ??= Connectors.Providers.DetectNative(probe)
            ?? throw new ConfigurationException($"cannot tell the provider of this connection string; set provider: ({string.Join(", ", Connectors.Providers.Names)}) or use a URI");
        try
        {
            return provider.ParseNative(text);
        }
        catch (Exception e) when (IsParseError(e))
        {
            throw new ConfigurationException($"invalid {provider.Name} connection string: {Culprit(text, probe, provider)}");
        }
    }

    private static bool IsParseError(Exception e) => e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException;

    /// <summary>Keys of the supported drivers' connection strings, for "did you mean" (connection-string keys are
    /// case-insensitive). Npgsql, MySqlConnector, Microsoft.Data.SqlClient and Microsoft.Data.Sqlite documentation.</summary>
    private static readonly string[] CommonKeys =
    [
        "Host", "Server", "Data Source", "Port", "Database", "Initial Catalog", "Username", "User ID", "User", "Uid", "Password",
        "Pwd", "SslMode", "Ssl Mode", "Timeout", "Connect Timeout", "Command Timeout", "Encrypt", "TrustServerCertificate",
        "Integrated Security", "Application Name", "Search Path", "Pooling", "Mode", "Cache",
    ];

    /// <summary>Which pair of a native connection string the driver refuses, named by its key and never its value: the
    /// first key whose removal lets the string parse. A key close to a known one is called mistyped (with the
    /// suggestion); a known key has a bad value (not shown); otherwise the key is unknown.</summary>
    private static string Culprit(string text, DbConnectionStringBuilder probe, ProviderInfo provider)
    {
        var keys = probe.Keys.Cast<string>().ToList();
        foreach (var key in keys)
        {
            var without = new DbConnectionStringBuilder();
            foreach (var other in keys.Where(k => k != key)) without[other] = probe[other];
            try { provider.ParseNative(without.ConnectionString); }
            catch (Exception e) when (IsParseError(e)) { continue; }
            // The builder lower-cases keys: show the key as the user wrote it.
            var written = System.Text.RegularExpressions.Regex.Match(text, $@"(?:^|;)\s*({System.Text.RegularExpressions.Regex.Escape(key)})\s*=",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : key;
            if (CommonKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
                return $"the value of '{written}' is not valid (the value is not shown)";
            return Yaml.NameSuggestions.Closest(written, CommonKeys) is { } suggestion
                ? $"unknown key '{written}' (did you mean '{suggestion}'?)"
                : $"unknown key '{written}'; see the {provider.Name} driver's connection-string keys, or use a URI";
        }
        return "a key or value is not recognised";
    }
}
