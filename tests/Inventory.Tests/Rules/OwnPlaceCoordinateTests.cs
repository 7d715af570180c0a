using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 17 finding 6 (LABELS.md tie-breaker 13), generated in bulk: coordinates whose name says they are a person's
/// own place (<c>home_lat</c>, <c>residence_lng</c>, <c>wohnort_lat</c>) are <c>other_personal.location</c> in any
/// table, also a device or visit table, where plain coordinates stay <c>automatic.geolocation</c>; a store's or
/// warehouse's coordinates stay <c>none</c>. Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class OwnPlaceCoordinateTests
{
    private static readonly IColumnClassifier Combined = ClassifierFactory.CreateDefault();

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static readonly (string Table, string[] Siblings)[] DeviceTables =
    [
        ("devices", ["id", "customer_id", "device_name", "push_token"]),
        ("device_ping", ["id", "user_id", "accuracy_m"]),
        ("sessions", ["id", "user_id", "ip", "user_agent"]),
        ("customers", ["id", "name", "email"]),
    ];

    private static string[] Values(Random random, bool latitude) => Enumerable.Range(0, random.Next(30, 200))
        .Select(_ => (random.NextDouble() * (latitude ? 170 : 350) - (latitude ? 85 : 175)).ToString("0.######", CultureInfo.InvariantCulture)).ToArray();

    [TestCase(1)]
    [TestCase(2)]
    public void OwnPlaceCoordinates_AreLocations_InEveryTable(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 160; c++)
        {
            var (table, siblings) = DeviceTables[c % DeviceTables.Length];
            bool lat = c % 2 == 0;
            var name = Pick(random, ["home", "residence", "wohnort", "domicile", "Home"]) + Pick(random, lat ? ["_lat", "_latitude", "Latitude"] : ["_lng", "_lon", "_longitude", "Longitude"]);
            var column = Some.InTable(table, siblings, name, Pick(random, ["double precision", "numeric(9,6)", "real"]), Values(random, lat));
            var category = Combined.Classify(column).DataCategory;
            if (category != "other_personal.location") wrong.Add($"{table}.{name} → {category}");
        }
        Assert.That(wrong, Is.Empty, $"{wrong.Count} of 160 own-place coordinate columns not called locations: {string.Join("; ", wrong.Take(12))}");
    }

    [TestCase("devices", "id,user_id,name", "lat", ExpectedResult = "automatic.geolocation")]
    [TestCase("device_ping", "id,user_id,name", "longitude", ExpectedResult = "automatic.geolocation")]
    [TestCase("stores", "id,name,opening_hours", "home_lat", ExpectedResult = "none")]
    public string? OtherCoordinates_KeepTheirTableReading(string table, string siblings, string column)
    {
        var random = new Random(4);
        return Combined.Classify(Some.InTable(table, siblings.Split(','), column, "double precision", Values(random, column.Contains("lat", StringComparison.Ordinal)))).DataCategory;
    }
}
