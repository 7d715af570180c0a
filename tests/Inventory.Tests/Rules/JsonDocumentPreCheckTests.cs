using System.Text;
using System.Text.Json;
using Inventory.Rules.Detectors;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>The JSON detector's pre-check (<see cref="JsonDocumentDetector.OpensJsonContent"/>, perf28) refuses only what
/// the strict reader refuses: over thousands of generated bracketed values (JSON documents, bracketed labels, broken
/// documents, whitespace), the detector's answer is exactly "System.Text.Json reads it to the end".</summary>
[TestFixture]
public sealed class JsonDocumentPreCheckTests
{
    private static readonly string[] Starts =
    [
        "\"a\": 1", "\"name\": \"x\"", "}", "]", "1", "-2.5", "0", "true", "false", "null", "{}", "[]", "\"s\"", "[1, 2]", "{\"k\": [true]}",
        "Untitled", "name", "x", "'a': 1", "a: 1", "+1", ".5", "T", "N", "F", "/* c */ 1", "// c", "", " ", "\t", "\n", "\r\n", ",", ":",
        "NaN", "Infinity", "\u00e9t\u00e9", "\"unterminated", "1 2", "{", "[",
    ];

    [Test]
    public void IsMatch_GeneratedBracketedValues_SameAsTheStrictReader()
    {
        var detector = new JsonDocumentDetector();
        var random = new Random(28);
        var pads = new[] { "", " ", "  ", "\t", "\n", "\r\n ", "\u00a0" };
        int checkedValues = 0, documents = 0, differences = 0;
        for (int i = 0; i < 20_000; i++)
        {
            bool obj = random.Next(2) == 0;
            var inner = Starts[random.Next(Starts.Length)];
            if (obj && random.Next(3) == 0 && inner.Length > 0 && inner[0] is not ('"' or '}')) inner = "\"" + inner + "\": " + inner;
            var tail = random.Next(3) == 0 ? ", " + Starts[random.Next(Starts.Length)] : "";
            var value = (obj ? "{" : "[") + pads[random.Next(pads.Length)] + inner + tail + pads[random.Next(pads.Length)] + (obj ? "}" : "]");
            bool expected = ReaderAccepts(value);
            bool actual = detector.IsMatch(value, ValueShape.Of(value, fraction: false));
            checkedValues++;
            if (expected) documents++;
            if (expected != actual) differences++;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(differences, Is.Zero);
            Assert.That(documents, Is.InRange(1_000, checkedValues - 1_000), "both kinds generated");
        }
    }

    [TestCase("[Untitled]")]
    [TestCase("{name}")]
    [TestCase("[ x ]")]
    [TestCase("{ 'a': 1 }")]
    public void OpensJsonContent_BracketedLabel_False(string value) =>
        Assert.That(JsonDocumentDetector.OpensJsonContent(value), Is.False);

    [TestCase("{}")]
    [TestCase("[ ]")]
    [TestCase("{ \"a\": 1 }")]
    [TestCase("[\n-1]")]
    [TestCase("[null]")]
    public void OpensJsonContent_JsonStart_True(string value) =>
        Assert.That(JsonDocumentDetector.OpensJsonContent(value), Is.True);

    private static bool ReaderAccepts(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read()) { }
            return reader.BytesConsumed == bytes.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
