using System.Text;
using System.Text.Json;
using Inventory.Connectors.Sqlite;
using NUnit.Framework;

namespace Inventory.Tests.Connectors.Sqlite;

/// <summary>The json_each parameters of the SQLite connector (relation names, sampled rowids) are written without
/// System.Text.Json's reflection serializer (bench/README.md, perf33): the very text the serializer wrote, for generated
/// names with quotes, backslashes, control characters, accents, scripts, emoji and HTML-sensitive characters, and for
/// rowids over the whole range of <c>long</c>.</summary>
public sealed class SqliteJsonArrayTests
{
    private static readonly string[] Pieces =
        ["Album", "artist", "\"quoted\"", "back\\slash", "tab\there", "line\nbreak", "nul\0", "é", "Straße", "niño", "日本語",
         "😀", "<script>", "a&b", "it's", "+", "`tick`", " ", "", "\u007f", "\u2028", "[1]", "{\"k\":1}"];

    [Test]
    public void JsonArray_GeneratedNames_SameTextAsTheSerializer()
    {
        var random = new Random(33);
        for (int i = 0; i < 3_000; i++)
        {
            var names = Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pieces[random.Next(Pieces.Length)])))
                .ToList();
            var expected = JsonSerializer.Serialize(names);
            var actual = SqliteDialect.JsonArray(names);
            if (actual != expected) Assert.Fail($"names #{i}: {actual} instead of {expected}");
        }
        Assert.That(SqliteDialect.JsonArray(["é\"x"]), Is.EqualTo("[\"\\u00E9\\u0022x\"]"));
    }

    [Test]
    public void JsonArray_Rowids_SameTextAsTheSerializer()
    {
        var random = new Random(34);
        for (int i = 0; i < 1_000; i++)
        {
            var points = Enumerable.Range(0, random.Next(0, 600)).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).Order().ToArray();
            if (i == 0) points = [long.MinValue, -1, 0, 1, long.MaxValue];
            var expected = JsonSerializer.Serialize(points);
            var actual = SqliteDialect.JsonArray(points);
            if (actual != expected) Assert.Fail($"rowids #{i}: {actual} instead of {expected}");
        }
        Assert.That(SqliteDialect.JsonArray(new long[] { 3, -4 }), Is.EqualTo("[3,-4]"));
    }

    [Test]
    public void JsonArray_LoneSurrogates_SameTextAsTheSerializer()
    {
        var names = new List<string> { "ok", "bad\ud800", "\udc00end", "pair\ud83d\ude00" };
        Assert.That(SqliteDialect.JsonArray(names), Is.EqualTo(JsonSerializer.Serialize(names)));
    }
}
