using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, generated in bulk from seeded generators (hundreds of columns, tens of thousands of values): low-
/// cardinality text is never a person's name, network configuration is never a person's IP address nor a postal address,
/// and e-mail look-alikes (scale suffixes, file extensions as top-level domains) are never e-mails. Only kinds are
/// asserted, never particular rows.
/// </summary>
[TestFixture]
public sealed class ValueKindAdversarialTests : GeneratedNameFixture
{
    private static readonly string[][] Enumerations =
    [
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        ["Free", "Starter", "Pro", "Business", "Enterprise"],
        ["Open Sans", "Times New Roman", "Helvetica Neue", "Courier New", "Fira Code", "Roboto Mono"],
        ["Dark Blue", "Light Green", "Deep Purple", "Pale Yellow", "Bright Red", "Navy Blue"],
        ["Pending Review", "In Progress", "Closed Won", "Closed Lost", "On Hold"],
        ["Grace Hopper", "Ada Lovelace"], // two values repeated: a label, not people
    ];
    private static readonly string[] GenericNames = ["value", "label", "option", "choice", "display_value", "setting", "kind", "level", "style", "title"];
    private static readonly string[] Tables = ["settings", "themes", "plans", "options", "preferences", "widgets"];

    [TestCase(1)]
    [TestCase(2)]
    public void LowCardinalityText_NeverPersonName(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            var pool = Enumerations[c % Enumerations.Length];
            var column = Some.Column(Pick(random, Tables), Pick(random, GenericNames), "character varying(64)",
                Enumerable.Range(0, 60).Select(_ => Pick(random, pool)).ToArray());
            if (Rules.Classify(column).DataCategory == "contact.name") wrong.Add($"{column.Table}.{column.Column.Name} (enumeration {c % Enumerations.Length})");
        }
        AssertNoneWrong(wrong, 200, "enumeration columns called a person's name");
    }

    private static string NetworkValue(Random random, int kind) => kind switch
    {
        0 => Pick(random, ["255.255.255.0", "255.255.0.0", "255.0.0.0", "255.255.255.128", "255.255.255.252"]),
        1 => Pick(random, ["0.0.0.0", "127.0.0.1", "::", "::1", "localhost"]),
        2 => $"192.0.2.{random.Next(256)}",
        3 => string.Create(CultureInfo.InvariantCulture, $"{random.Next(10)}.{random.Next(30)}.{random.Next(30)}.{random.Next(100)}"),
        _ => $"0x{random.Next():X8}",
    };

    [TestCase(1)]
    [TestCase(2)]
    public void NetworkConfiguration_NeverPersonIpNorPostalAddress(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            int kind = c % 5;
            var name = kind switch { 0 => Pick(random, ["netmask", "subnet_mask"]), 1 => Pick(random, ["bind_address", "listen_address", "loopback"]),
                2 => Pick(random, ["gateway", "default_gateway", "dns_server"]), 3 => Pick(random, ["version", "firmware_version", "app_version"]),
                _ => Pick(random, ["marker", "magic", "flags_hex"]) };
            var column = Some.Column(Pick(random, ["server_config", "nodes", "devices", "listeners"]), name, "character varying(64)",
                Enumerable.Range(0, 40).Select(_ => NetworkValue(random, kind)).ToArray());
            var category = Rules.Classify(column).DataCategory;
            if (category is "automatic.ip_address" or "contact.postal_address") wrong.Add($"{column.Table}.{name} (kind {kind}) → {category}");
        }
        AssertNoneWrong(wrong, 200, "network-configuration columns called a person's IP or postal address");
    }

    [TestCase("bind_address")]
    [TestCase("listen_address")]
    [TestCase("server_address")]
    [TestCase("smtp_host_address")]
    [TestCase("proxy_address")]
    public void NetworkAddressName_NamesOnly_NotPostal(string column) =>
        Assert.That(Rules.Classify(Some.Unsampled("server_config", column, "character varying(255)")).DataCategory,
            Is.Not.EqualTo("contact.postal_address"));

    [TestCase(1)]
    [TestCase(2)]
    public void EmailLookAlikes_NeverEmail(int seed)
    {
        var random = new Random(seed);
        string[] stems = ["icon", "logo", "avatar-default", "banner", "sprite", "hero", "button", "arrow"];
        string[] extensions = ["png", "jpg", "jpeg", "webp", "svg", "gif", "pdf", "zip", "css", "js"];
        var wrong = new List<string>();
        for (int c = 0; c < 200; c++)
        {
            var values = Enumerable.Range(0, 40).Select(_ => random.Next(2) == 0
                ? $"{Pick(random, stems)}{random.Next(100)}@{random.Next(2, 4)}x.{Pick(random, extensions)}"
                : $"assets/{Pick(random, stems)}@{Pick(random, stems)}.{Pick(random, extensions)}").ToArray();
            var column = Some.Column(Pick(random, ["assets", "images", "themes"]), Pick(random, ["path", "image", "source", "asset", "file"]), "text", values);
            if (Rules.Classify(column).DataCategory == "contact.email") wrong.Add(column.Column.Name);
        }
        AssertNoneWrong(wrong, 200, "asset-path columns called e-mail");
    }
}
