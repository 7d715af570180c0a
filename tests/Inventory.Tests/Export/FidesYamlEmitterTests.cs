using System.Text;
using Inventory.Reports.Export;
using NUnit.Framework;
using YamlDotNet.Serialization;

namespace Inventory.Tests.Export;

/// <summary>The Fides dataset's YAML is written through YamlDotNet's emitter (no reflection, so the Native AOT build
/// writes it); it must be the text YamlDotNet's reflection serializer wrote before for the same tree, whatever the
/// names hold: YAML indicators, quotes, numbers and booleans as text, non-ASCII letters of the four languages, line
/// breaks, leading and trailing spaces, empty text.</summary>
[TestFixture]
public sealed class FidesYamlEmitterTests
{
    private static readonly string[] Names =
    [
        "customers", "public.customers", "", " padded ", "trailing ", "a: b", "- dash", "#hash", "key #comment", "true", "no",
        "null", "~", "123", "0x1F", "1e5", "'single'", "\"double\"", "a\"b'c", "[list]", "{map}", "*star", "&amp", "!tag",
        "|pipe", ">fold", "%pct", "@at", "`tick", "line\nbreak", "tab\there", "Prénom_élève", "Straße_Größe",
        "año_señal", "ñandú", "日本語", "emoji 😀", "a,b", "?q", "--- doc", "...", "contact.email (annotation)",
    ];

    [Test]
    public void WriteYaml_SameTextAsTheReflectionSerializer([Range(0, 3)] int seed)
    {
        var random = new Random(seed);
        string Pick() => Names[random.Next(Names.Length)];
        var datasets = Enumerable.Range(0, 4).Select(i => new Dictionary<string, object>
        {
            ["fides_key"] = Pick(),
            ["name"] = Pick(),
            ["description"] = Pick(),
            ["collections"] = Enumerable.Range(0, random.Next(0, 4)).Select(_ => new Dictionary<string, object>
            {
                ["name"] = Pick(),
                ["fields"] = Enumerable.Range(0, random.Next(0, 4)).Select(_ => new Dictionary<string, object>
                {
                    ["name"] = Pick(),
                    ["description"] = Pick(),
                    ["data_categories"] = new[] { Pick() },
                }).ToList(),
            }).ToList(),
        }).ToList();
        var root = new Dictionary<string, object> { ["dataset"] = datasets };

        var expected = new SerializerBuilder().DisableAliases().Build().Serialize(root);
        var text = new StringBuilder();
        using (var writer = new StringWriter(text)) FidesDataset.WriteYaml(writer, root);

        Assert.That(text.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void WriteYaml_AValueOfAnotherType_Throws() =>
        Assert.That(() => FidesDataset.WriteYaml(TextWriter.Null, new Dictionary<string, object> { ["n"] = 1 }),
            Throws.ArgumentException.With.Message.Contains("Int32"));
}
