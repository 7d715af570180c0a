using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Diff;
using Inventory.Tests.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>The inventory's, the report's and the diff's JSON go through source-generated metadata
/// (<see cref="InventoryDocumentJsonContext"/>, <see cref="ReportJsonContext"/>) so that a Native AOT build reads and
/// writes them; they must give exactly what System.Text.Json's reflection path gave with the options the inventory used
/// before (<see cref="Reflection"/>): same documents read, same bytes written, every enum kebab-case.</summary>
[TestFixture]
public sealed class InventoryJsonSourceGeneratedTests
{
    /// <summary>The options every inventory JSON used before the source-generated metadata: reflection, and the one
    /// non-generic kebab-case enum converter.</summary>
    internal static JsonSerializerOptions Reflection(JsonSerializerOptions generated)
    {
        var options = new JsonSerializerOptions(generated) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.Converters.Clear();
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly();
        return options;
    }

    private static readonly JsonSerializerOptions ReflectionDocument = Reflection(InventoryJson.Options);

    private static IEnumerable<TestCaseData> Documents()
    {
        yield return new TestCaseData(InventoryJson.WarmUpDocument()).SetArgDisplayNames("warm-up document, every property set");
        yield return new TestCaseData(SampleInventory.Build()).SetArgDisplayNames("report fixture");
        yield return new TestCaseData(SampleInventory.BuildPrevious()).SetArgDisplayNames("report fixture, previous");
    }

    [TestCaseSource(nameof(Documents))]
    public void Deserialize_ReadsWhatTheReflectionReaderReads(InventoryDocument document)
    {
        // Given a document's text as the inventory writes it
        var text = InventoryJson.Serialize(document);

        // When it is read by the source-generated reader and by the reflection reader
        var generated = InventoryJson.Deserialize(text);
        var reflection = JsonSerializer.Deserialize<InventoryDocument>(text, ReflectionDocument)!;

        // Then both give the same document, which writes back the same bytes
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonSerializer.Serialize(generated, ReflectionDocument), Is.EqualTo(JsonSerializer.Serialize(reflection, ReflectionDocument)));
            Assert.That(InventoryJson.Serialize(generated), Is.EqualTo(text));
            Assert.That(JsonSerializer.Serialize(document, InventoryJson.Options), Is.EqualTo(JsonSerializer.Serialize(document, ReflectionDocument)));
        }
    }

    [Test]
    public void ReportAndDiffJson_SameBytesAsTheReflectionPath()
    {
        var model = ReportWriterTests.DemoModel();
        var diff = InventoryDiff.Compare(SampleInventory.BuildPrevious(), SampleInventory.Build());
        var diffJson = InventoryDiffWriter.ToJson(diff);
        var reflection = Reflection(ReportJson.Options);

        // The diff's payload is built inside ToJson: read back and written again by the reflection path, it must be
        // the same text.
        var payload = JsonSerializer.Deserialize<InventoryDiffWriter.DiffJson>(diffJson, reflection)!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonSerializer.Serialize(model, ReportJson.ModelType), Is.EqualTo(JsonSerializer.Serialize(model, reflection)));
            Assert.That(payload.Changes, Is.Not.Empty, "the fixture's diff has changes");
            Assert.That(JsonSerializer.Serialize(payload, reflection) + "\n", Is.EqualTo(diffJson));
        }
    }

    /// <summary>Every enum a document, a report or a diff can hold (found in the generated metadata from each root) is
    /// written kebab-case by the source-generated options, as the reflection path writes it: an enum added to the model
    /// without its <see cref="InventoryJson.KebabCaseEnum{T}"/> would be written as a number and fails here.</summary>
    [TestCase(typeof(InventoryDocument))]
    [TestCase(typeof(ReportModel))]
    [TestCase(typeof(InventoryDiffWriter.DiffJson))]
    public void EveryReachableEnum_IsWrittenKebabCase(Type root)
    {
        var generated = root == typeof(InventoryDocument) ? InventoryJson.Options : ReportJson.Options;
        var reflection = Reflection(generated);
        var enums = ReachableEnums(root, generated);
        if (root != typeof(InventoryDiffWriter.DiffJson)) Assert.That(enums, Is.Not.Empty);

        var wrong = new List<string>();
        foreach (var type in enums)
            foreach (var value in Enum.GetValues(type))
            {
                var expected = JsonSerializer.Serialize(value, type, reflection);
                var actual = JsonSerializer.Serialize(value, generated.GetTypeInfo(type));
                if (actual != expected || !expected.StartsWith('"')) wrong.Add($"{type.Name}.{value}: {actual} (reflection {expected})");
            }
        Assert.That(wrong, Is.Empty);
    }

    private static List<Type> ReachableEnums(Type root, JsonSerializerOptions options)
    {
        var seen = new HashSet<Type>();
        var enums = new List<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type)) continue;
            if (type.IsEnum) { enums.Add(type); continue; }
            var info = options.GetTypeInfo(type);
            if (info.ElementType is { } element) pending.Push(element);
            if (info.KeyType is { } key) pending.Push(key);
            foreach (var property in info.Properties) pending.Push(property.PropertyType);
        }
        return enums.OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
    }
}
