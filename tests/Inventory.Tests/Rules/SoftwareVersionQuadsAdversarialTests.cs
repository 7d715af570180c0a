using System.Globalization;
using Inventory.Rules;
using Inventory.Rules.Detectors;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// data44's K4 (kind 4 of evidence45): software versions of four numbers (<c>1.2.3.4</c>, <c>2.14.0.1</c>) are dotted quads
/// an IPv4 parser accepts. A column of them under a version name, or in a table of packages, plug-ins, releases or
/// extensions (names in English, French, German, Spanish) with major versions that vary, is no column of IP addresses: its
/// evidence says versions (<see cref="SoftwareVersionQuads"/>), and outside a version name the reading is <c>none</c> at
/// 0.7 (a gate at 0.9 sends it to a human). Real IPv4 columns — public addresses, 1.x.x.x and 10.x.x.x ones — in sign-in,
/// visit and event tables under any name, and addresses in release tables under an address name, stay
/// <c>automatic.ip_address</c>. Generated in bulk; kinds only.
/// </summary>
[TestFixture]
public sealed class SoftwareVersionQuadsAdversarialTests : GeneratedNameFixture
{
    private static string Version(Random random) => string.Create(CultureInfo.InvariantCulture,
        $"{random.Next(0, 9)}.{random.Next(0, 30)}.{random.Next(0, 60)}.{random.Next(0, 500) % 256}");

    private static string Address(Random random, int first) => string.Create(CultureInfo.InvariantCulture,
        $"{first}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");

    private static readonly string[] ReleaseTables = ["packages", "plugins", "releases", "extensions", "modules", "firmware_updates", "paquets", "erweiterungen", "paquetes", "app_versions", "installed_components"];
    private static readonly string[] NeutralNames = ["value", "stable", "installed", "latest_known", "wert", "valeur", "valor", "shipped"];
    private static readonly string[] VersionNames = ["version", "build", "plugin_version", "firmware_version", "app_version", "versionsnummer", "numero_version", "version_actual"];

    [TestCase(1)]
    [TestCase(2)]
    public void VersionColumns_AreNotAddresses_InEvidenceNorDecision(int seed)
    {
        // Given 120 columns of four-number versions in release tables under neutral names, or under version names anywhere
        var random = new Random(seed);
        var wrong = new List<string>();
        int values = 0;
        for (int c = 0; c < 120; c++)
        {
            bool versionName = c % 2 == 0;
            var column = Some.Column(versionName ? Pick(random, ["records", "devices", "items", "settings"]) : Pick(random, ReleaseTables),
                versionName ? Pick(random, VersionNames) : Pick(random, NeutralNames), "character varying(32)",
                [.. Enumerable.Range(0, random.Next(30, 300)).Select(_ => Version(random))]);
            values += column.Values.Count;
            // When the rules and the combined classifier read it
            var rules = Rules.Classify(column);
            var combined = Combined.Classify(column);
            // Then no address decision, no address evidence, the versions named; a with-data override stays at 0.7 or below
            if (rules.DataCategory == "automatic.ip_address" || combined.DataCategory == "automatic.ip_address")
                wrong.Add($"{column.Table}.{column.Column.Name} → rules {rules.DataCategory}, combined {combined.DataCategory}");
            if (rules.Evidence.Any(e => e.Id == DetectorIds.IpAddress && e.Matched > 0))
                wrong.Add($"{column.Table}.{column.Column.Name}: address evidence");
            if (!rules.Evidence.Any(e => e.Id == SoftwareVersionQuads.Evidence) && rules.Evidence.Any(e => e.Kind == "detector"))
                wrong.Add($"{column.Table}.{column.Column.Name}: versions not named");
            if (rules.Evidence.FirstOrDefault()?.Id == SoftwareVersionQuads.Evidence && rules.Confidence > 0.7)
                wrong.Add($"{column.Table}.{column.Column.Name}: override at {rules.Confidence}");
        }
        Assert.That(values, Is.GreaterThan(10_000), "generated values");
        Assert.That(wrong, Is.Empty, $"{wrong.Count} version columns: {string.Join("; ", wrong)}");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void AddressColumns_InActivityTables_OrUnderAddressNames_StayAddresses(int seed)
    {
        // Given 120 address columns: 1.x.x.x, 10.x.x.x, small-first-octet and public addresses in sign-in, visit and event
        // tables under any name; and addresses in release tables under address names
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 120; c++)
        {
            int kind = c % 4;
            string[] values = [.. Enumerable.Range(0, random.Next(30, 300)).Select(_ => kind switch
            {
                0 => Address(random, 1),
                1 => Address(random, 10),
                2 => Address(random, random.Next(1, 40)),
                _ => Address(random, random.Next(1, 224)),
            })];
            bool release = c % 5 == 0;
            var column = release
                ? Some.Column(Pick(random, ReleaseTables), Pick(random, ["download_ip", "ip_address", "client_ip", "remote_addr", "adresse_ip", "ip_adresse"]), "character varying(45)", values)
                : Some.Column(Pick(random, ["login_attempts", "sessions", "page_views", "visits", "audit_log", "anmeldungen", "connexions", "sesiones"]),
                    Pick(random, ["ip", "ip_address", "address", "value", "remote_addr", "adresse", "origen", "last_ip"]), "character varying(45)", values);
            // When the rules read it
            var rules = Rules.Classify(column);
            // Then it is an IP address column
            if (rules.DataCategory != "automatic.ip_address") wrong.Add($"{column.Table}.{column.Column.Name} (kind {kind}) → {rules.DataCategory}");
            if (rules.Evidence.Any(e => e.Id == SoftwareVersionQuads.Evidence)) wrong.Add($"{column.Table}.{column.Column.Name} (kind {kind}): read as versions");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} address columns: {string.Join("; ", wrong)}");
    }

    [Test]
    public void OneNetworksAddresses_InAReleaseTable_UnderANeutralName_StayAddresses()
    {
        // The addresses of one network share their first number; versions' major numbers vary.
        var random = new Random(6);
        var wrong = new List<string>();
        for (int c = 0; c < 60; c++)
        {
            int first = Pick(random, [1, 2, 5, 10, 31, 45]);
            var column = Some.Column(Pick(random, ReleaseTables), Pick(random, NeutralNames), "character varying(45)",
                [.. Enumerable.Range(0, random.Next(30, 200)).Select(_ => Address(random, first))]);
            if (Rules.Classify(column).Evidence.Any(e => e.Id == SoftwareVersionQuads.Evidence)) wrong.Add($"{column.Table}.{column.Column.Name} ({first}.x)");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} one-network columns read as versions: {string.Join("; ", wrong)}");
    }
}
