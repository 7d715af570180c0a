using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 (held-back kinds of C35): the name a user's device carries ("Marie's iPhone", "Pixel 7", as
/// <c>device_name</c> or as the bare <c>name</c> of a device table) is what the client reports about the device
/// (<c>automatic</c>, LABELS.md <c>user_agent</c>: device model), never the person's name and never <c>none</c>; the names
/// of the organisation's own servers, hosts and nodes are configuration (<c>none</c>). Session identifiers follow LABELS.md
/// tie-breakers 7 and 11 (a tracking or cookie session id is <c>automatic.device_id</c>, a session token a credential, a
/// session table's surrogate key <c>none</c>), and the record time of a stored browser session beside its cookie state
/// (CSRF token, consent cookie) is a generic timestamp (<c>none</c>, C35), names only and with values. Generated in bulk
/// over English, French, German and Spanish names; only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class DeviceAndSessionAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] Owners = ["Marie", "Pierre", "Lukas", "Ana", "Sophie", "John", "Lena", "Javier", "Chloé", "Jörg"];
    private static readonly string[] Models = ["iPhone", "iPad", "Pixel 7", "Galaxy S23", "MacBook Pro", "ThinkPad", "Surface Go", "Fairphone 5"];

    private static string DeviceName(Random random) => random.Next(5) switch
    {
        0 => $"{Pick(random, Owners)}'s {Pick(random, Models)}",
        1 => $"{Pick(random, Models)} de {Pick(random, Owners)}",
        2 => $"{Pick(random, Models)} von {Pick(random, Owners)}",
        3 => $"{Pick(random, Models)}",
        _ => $"{Pick(random, Owners)}-{Pick(random, Models).Replace(' ', '-')}",
    };

    private static string HostName(Random random) =>
        $"{Pick(random, ["web", "db", "cache", "app", "worker", "api", "mail", "srv"])}-{random.Next(1, 40):00}{Pick(random, ["", ".internal", ".prod.example.net", ".eu-west-1"])}";

    private static ColumnEvidence Text(Random random, string table, string[] siblings, string column, Func<Random, string> value, bool withValues) =>
        withValues
            ? Some.InTable(table, siblings, column, "character varying(255)", Enumerable.Range(0, random.Next(30, 90)).Select(_ => value(random)).ToArray())
            : Some.Unsampled(table, column, "character varying(255)") with { TableColumns = [.. siblings, column] };

    [TestCase(1, false)]
    [TestCase(2, false)]
    [TestCase(1, true)]
    [TestCase(2, true)]
    public void DeviceNames_AreAutomatic_HostNamesAreNone(int seed, bool withValues)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Expected)>();
        for (int c = 0; c < 600; c++)
        {
            if (c % 2 == 0)
            {
                bool bare = random.Next(3) == 0;
                var table = bare
                    ? Pick(random, ["devices", "user_devices", "trusted_devices", "push_devices", "mobile_devices", "appareils", "geraete", "dispositivos", "registered_devices"])
                    : Pick(random, ["devices", "user_devices", "push_subscriptions", "users", "sessions", "auth_tokens", "oauth_grants", "connexions", "sitzungen"]);
                var column = bare ? Pick(random, ["name", "label", "nickname", "nom", "nombre", "bezeichnung"])
                    : Pick(random, ["device_name", "deviceName", "DeviceName", "device_label", "nom_appareil", "nom_de_l_appareil", "geraetename", "geraete_name", "nombre_dispositivo", "device_nickname"]);
                columns.Add((Text(random, table, ["id", "user_id", "created_at", "last_seen_at"], column, DeviceName, withValues), "automatic"));
            }
            else
            {
                bool bare = random.Next(3) == 0;
                var table = bare ? Pick(random, ["servers", "nodes", "machines", "instances", "cluster_nodes", "build_runners", "server_instances", "serveurs", "servidores"])
                    : Pick(random, ["servers", "deployments", "jobs", "monitors", "backups", "solid_queue_processes", "cluster_discovery"]);
                var column = bare ? Pick(random, ["name", "label", "hostname", "nom", "nombre"])
                    : Pick(random, ["hostname", "host_name", "server_name", "node_name", "machine_name", "fqdn", "instance_name", "nom_du_serveur", "rechnername"]);
                columns.Add((Text(random, table, ["id", "port", "created_at", "region"], column, HostName, withValues), "none"));
            }
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var wrong = columns.Zip(decisions)
            .Where(p => (p.Second.DataCategory is { } d ? DataCategory.TopLevelOf(d) : "untagged") != p.First.Expected)
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} → {p.Second.DataCategory ?? "untagged"}, expected {p.First.Expected}").ToList();
        AssertNoneWrong(wrong, columns.Count, "device and host name columns misclassified");
    }

    private static string Uuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }

    private static string Token(Random random)
    {
        var bytes = new byte[24];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    [TestCase(1, false)]
    [TestCase(2, true)]
    public void SessionIdentifiers_FollowTieBreakers7And11(int seed, bool withValues)
    {
        var random = new Random(seed);
        var columns = new List<(ColumnEvidence Column, string Expected)>();
        for (int c = 0; c < 400; c++)
        {
            var (table, column, type, expected) = (c % 4) switch
            {
                0 => (Pick(random, ["events", "page_views", "visits", "analytics_events", "tracking_events", "clicks", "web_sessions", "sessions"]),
                    Pick(random, ["session_id", "sessionId", "visitor_id", "session_uuid", "anonymous_id", "cookie_id"]), "uuid", "automatic.device_id"),
                1 => (Pick(random, ["sessions", "user_sessions", "login_sessions", "auth_sessions"]),
                    Pick(random, ["session_token", "refresh_token", "access_token", "remember_token"]), "text", "other_personal.credentials"),
                2 => (Pick(random, ["sessions", "user_sessions", "login_sessions", "web_sessions"]), "id", Pick(random, ["uuid", "bigint"]), "none"),
                _ => (Pick(random, ["web_session", "web_sessions", "http_sessions", "browser_sessions", "sessions"]),
                    Pick(random, ["created_at", "updated_at", "createdAt", "inserted_at"]), "timestamp with time zone", "none"),
            };
            string[] siblings = c % 4 == 3
                ? ["session_id", "user_id", Pick(random, ["csrf_token", "xsrf_token", "consent_cookie_id", "consent_id", "csrf_secret"])]
                : ["id", "user_id", "created_at", "expires_at"];
            string Value(Random r) => type switch
            {
                "uuid" => Uuid(r),
                "bigint" => r.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                "text" => Token(r),
                _ => new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc).AddMinutes(r.Next(0, 100_000)).ToString("yyyy-MM-dd HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            };
            var evidence = withValues
                ? Some.InTable(table, siblings, column, type, Enumerable.Range(0, 40).Select(_ => Value(random)).ToArray())
                : Some.Unsampled(table, column, type) with { TableColumns = [.. siblings, column] };
            columns.Add((evidence, expected));
        }
        var decisions = Combined.ClassifyMany(columns.Select(c => c.Column).ToArray());
        var wrong = columns.Zip(decisions)
            .Where(p => p.Second.DataCategory != p.First.Expected
                && !(p.First.Expected.Contains('.') && p.Second.DataCategory is { } d && DataCategory.TopLevelOf(d) == DataCategory.TopLevelOf(p.First.Expected) && p.First.Expected != "none"))
            .Select(p => $"{p.First.Column.Table}.{p.First.Column.Column.Name} ({p.First.Column.Column.DeclaredType}) → {p.Second.DataCategory ?? "untagged"}, expected {p.First.Expected}").ToList();
        AssertNoneWrong(wrong, columns.Count, "session columns misclassified");
    }
}
