using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Inventory.Model;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>The document <see cref="InventoryJson.WarmUp"/> serialises while a scan samples sets every property of every
/// part of an inventory, so the real write at the end of the scan meets no serializer path cold; a property added to the
/// document later without being added to the warm-up document fails here.</summary>
[TestFixture]
public sealed class InventoryJsonWarmUpTests
{
    [Test]
    public void WarmUpDocument_EveryPropertyOfEveryPartIsWritten()
    {
        // Given the warm-up document serialised with the inventory's options (nulls omitted)
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(InventoryJson.WarmUpDocument(), InventoryJson.Options));
        var written = new Dictionary<Type, HashSet<string>>();
        Collect(json.RootElement, typeof(InventoryDocument), written);

        // Then every JSON property of every object type reached is in the text
        var missing = written.SelectMany(w => InventoryJson.Options.GetTypeInfo(w.Key).Properties
            .Where(p => p.Get is not null && !w.Value.Contains(p.Name)).Select(p => $"{w.Key.Name}.{p.Name}")).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(written.Keys.Select(t => t.Name), Is.SupersetOf(new[] { "InventoryDocument", "SourceEntry", "TableEntry", "ColumnEntry", "ColumnClassification", "EvidenceItem", "PathEntry", "AnnotationRef" }));
            Assert.That(missing, Is.Empty, "properties the warm-up document leaves unset");
        }
    }

    [Test]
    public void WarmUp_WritesNothingAndTouchesNoFile()
    {
        var before = Directory.GetFiles(Directory.GetCurrentDirectory()).Length;
        Assert.That(() => InventoryJson.WarmUp(), Throws.Nothing);
        Assert.That(Directory.GetFiles(Directory.GetCurrentDirectory()), Has.Length.EqualTo(before));
    }

    /// <summary>Records, per object type, the property names present in its JSON, following object and list properties.</summary>
    private static void Collect(JsonElement element, Type type, Dictionary<Type, HashSet<string>> written)
    {
        var info = InventoryJson.Options.GetTypeInfo(type);
        if (info.Kind == JsonTypeInfoKind.Enumerable && element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray()) Collect(item, info.ElementType!, written);
            return;
        }
        if (info.Kind != JsonTypeInfoKind.Object || element.ValueKind != JsonValueKind.Object) return;
        var names = written.TryGetValue(type, out var set) ? set : written[type] = [];
        foreach (var property in element.EnumerateObject())
        {
            names.Add(property.Name);
            var declared = info.Properties.FirstOrDefault(p => p.Name == property.Name)?.PropertyType;
            if (declared is not null) Collect(property.Value, Nullable.GetUnderlyingType(declared) ?? declared, written);
        }
    }
}
