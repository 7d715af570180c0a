using System.Data.Common;
using Inventory.Connectors.MySql;
using Inventory.Connectors.Postgres;
using Inventory.Connectors.Sqlite;
using Inventory.Connectors.SqlServer;

namespace Inventory.Connectors;

/// <summary>How strongly a native connection string's keys point at a provider.</summary>
public enum NativeMatch
{
    /// <summary>No key of this provider's own.</summary>
    None,
    /// <summary>Keys this provider accepts, but so might another (e.g. a bare <c>Server=</c>).</summary>
    Possible,
    /// <summary>Keys only this provider uses (e.g. <c>Host=</c> for Npgsql, <c>Server=…;Port=</c> for MySqlConnector).</summary>
    Certain,
}

/// <summary>One database engine the tool can scan: its names, how its connections are written, and its connector.</summary>
public sealed record ProviderInfo
{
    /// <summary>The provider name used in <c>inventory.yml</c> (<c>provider:</c>), <c>--provider</c> and the inventory, e.g. <c>mysql</c>.</summary>
    public required string Name { get; init; }
    /// <summary>Product name for people, e.g. <c>MySQL / MariaDB</c>.</summary>
    public required string DisplayName { get; init; }
    /// <summary>URI schemes, lower case, without <c>:</c> or <c>//</c>; the first is the one error messages suggest.</summary>
    public required IReadOnlyList<string> Schemes { get; init; }
    /// <summary>How the URI is written, for error messages, e.g. <c>mysql://user:pass@host:3306/db</c>.</summary>
    public required string UriExample { get; init; }
    /// <summary>Parses a URI of one of <see cref="Schemes"/>; throws <see cref="ConfigurationException"/> without the password.</summary>
    public required Func<string, ConnectionTarget> ParseUri { get; init; }
    /// <summary>Scores a native key=value string by its keys (the argument tells whether a key, lower case, is present).</summary>
    public required Func<Func<string, bool>, NativeMatch> DetectNative { get; init; }
    /// <summary>Parses the provider's native connection string; throws <see cref="ConfigurationException"/> on unknown keys or values.</summary>
    public required Func<string, ConnectionTarget> ParseNative { get; init; }
    /// <summary>Creates the connector for a parsed connection of this provider; it connects lazily.</summary>
    public required Func<ConnectionTarget, IConnector> CreateConnector { get; init; }
    /// <summary>For an engine whose connection names a file: the target with a relative file found in the given folder
    /// (its display kept as written); null for server engines, whose connections name no local file.</summary>
    public Func<ConnectionTarget, string, ConnectionTarget>? FileRelativeTo { get; init; }
}

/// <summary>
/// The registry of providers: the one place that knows which engines exist. Connection parsing
/// (<see cref="ConnectionTarget.Parse"/>), the configuration's <c>provider:</c> check, the CLI's <c>--provider</c> and
/// the connector factory all ask it. Adding an engine = its dialect and connector under <c>Connectors/NAME/</c>, one
/// <see cref="ProviderInfo"/> here, and its tests.
/// </summary>
public static class Providers
{
    /// <summary>Every provider, in the order native connection strings are attributed (first <see cref="NativeMatch.Certain"/>, else first <see cref="NativeMatch.Possible"/>).</summary>
    public static IReadOnlyList<ProviderInfo> All { get; } =
    [
        MySqlProvider.Info,
        PostgresProvider.Info,
        SqlServerProvider.Info,
        SqliteProvider.Info,
    ];

    /// <summary>The provider names, e.g. for <c>use one of: …</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The provider of a name, or null.</summary>
    /// <param name="name">A provider name as written in config (exact, lower case).</param>
    public static ProviderInfo? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The provider of a name.</summary>
    /// <param name="name">A provider name.</param>
    /// <exception cref="ConfigurationException">Unknown name; the message lists the known ones.</exception>
    public static ProviderInfo Get(string name) =>
        Find(name) ?? throw new ConfigurationException($"unknown provider '{name}'; use one of: {string.Join(", ", Names)}");

    /// <summary>The provider of a URI scheme (case-insensitive), or null.</summary>
    /// <param name="scheme">e.g. <c>postgresql</c>, <c>mariadb</c>.</param>
    public static ProviderInfo? ForScheme(string scheme) =>
        All.FirstOrDefault(p => p.Schemes.Contains(scheme.ToLowerInvariant()));

    /// <summary>The URI forms, for error messages: <c>mysql://, postgres://, sqlserver:// or sqlite:PATH</c>.</summary>
    public static string SchemeList =>
        string.Join(", ", All.Take(All.Count - 1).Select(p => p.UriExample)) + " or " + All[^1].UriExample;

    /// <summary>Which provider a native key=value connection string belongs to.</summary>
    /// <param name="keys">The parsed string.</param>
    /// <returns>The provider, or null when no provider recognises its keys.</returns>
    public static ProviderInfo? DetectNative(DbConnectionStringBuilder keys)
    {
        bool Has(string key) => keys.ContainsKey(key);
        var scores = All.Select(p => (Provider: p, Match: p.DetectNative(Has))).ToList();
        return scores.FirstOrDefault(s => s.Match == NativeMatch.Certain).Provider
            ?? scores.FirstOrDefault(s => s.Match == NativeMatch.Possible).Provider;
    }
}
