using System.Text;
using System.Text.Json;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Model;
using NUnit.Framework;

namespace Inventory.Tests.Scanning;

/// <summary>The document is written through plain JSON writer calls (<see cref="InventoryJson.WriteDocument"/>,
/// <see cref="InventoryJsonWriter"/>) and must give exactly the bytes System.Text.Json's reflection path gives with <see cref="InventoryJson.Options"/> (what
/// every earlier release wrote, and what reading uses): escapes, numbers, enums, nulls, order, indentation.</summary>
[TestFixture]
public sealed class InventoryJsonGeneratedWriterTests
{
    private static string Reflection(InventoryDocument document) => JsonSerializer.Serialize(document, InventoryJson.Options);

    private static string Generated(InventoryDocument document)
    {
        using var output = new MemoryStream();
        InventoryJson.WriteDocument(document, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Test]
    public void WriteDocument_WarmUpDocument_SameBytesAsReflection()
    {
        var document = InventoryJson.WarmUpDocument();
        Assert.That(Generated(document), Is.EqualTo(Reflection(document)));
    }

    [Test]
    public void WriteDocument_GeneratedDocuments_SameBytesAsReflection()
    {
        // Given 200 documents with strings that need escaping (quotes, control characters, HTML characters, non-ASCII,
        // surrogate pairs, line separators), awkward doubles, every enum value and absent parts
        var random = new Random(20261203);
        for (int n = 0; n < 200; n++)
        {
            var document = RandomDocument(random);
            // Then both writers give the same text
            Assert.That(Generated(document), Is.EqualTo(Reflection(document)), $"document {n}");
        }
    }

    [Test]
    public void Serialize_DocumentLargerThanOneBlock_SameTextAsReflectionWithNewline()
    {
        // Given a document of several 64 KB blocks with one value longer than a block
        var random = new Random(7);
        var document = RandomDocument(random, tables: 60);
        document.Sources[0].Tables[0].Columns[0].Comment = new string('é', 100_000) + "\"\u2028";
        document.Normalize();
        var expected = Reflection(document);
        Assert.That(Encoding.UTF8.GetByteCount(expected), Is.GreaterThan(3 << 16));

        // Then the text is the reflection path's plus the final newline, and a written file holds the same bytes
        Assert.That(InventoryJson.Serialize(document), Is.EqualTo(expected + "\n"));
        var path = Path.Combine(Path.GetTempPath(), $"inventory-generated-{Guid.NewGuid():N}.json");
        try
        {
            InventoryJson.Write(document, path);
            Assert.That(File.ReadAllText(path, Encoding.UTF8), Is.EqualTo(expected + "\n"));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void WriteDocument_ManyValuesThroughConverters_WrittenInWholeBlocks()
    {
        // Given a document of about 1 MB whose enums and nullable numbers each end with a flush of the JSON writer
        var document = RandomDocument(new Random(3), tables: 60);
        using var output = new WriteCountingStream();

        // When it is written
        InventoryJson.WriteDocument(document, output);

        // Then the stream got the same bytes in full 64 KB blocks (plus the rest), not one write per flush
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Encoding.UTF8.GetString(output.ToArray()), Is.EqualTo(Reflection(document)));
            Assert.That(output.Writes, Is.LessThanOrEqualTo(output.Length / (1 << 16) + 1));
        }
    }

    [Test]
    public void KebabCaseTexts_EveryValueOfEveryDocumentEnum_SameTextAsReflection()
    {
        // Given every value of the seven enums the document writes
        Type[] enums = [typeof(ProcessingRole), typeof(TableKind), typeof(TypeFamily), typeof(NotSampledReason), typeof(Origin),
            typeof(ColumnStatus), typeof(JsonColumnDerivation)];
        var differing = new List<string>();
        int values = 0;
        foreach (var type in enums)
        {
            var texts = InventoryJsonWriter.KebabCaseTexts(type);
            foreach (var value in Enum.GetValues(type))
            {
                values++;
                // Then the writer's text is the one the reflection path writes (kebab-case, as a JSON string)
                var expected = JsonSerializer.Serialize(value, type, InventoryJson.Options);
                if ("\"" + texts[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)].Value + "\"" != expected)
                    differing.Add($"{type.Name}.{value}: {expected}");
            }
        }
        Assert.That(values, Is.GreaterThan(30));
        Assert.That(differing, Is.Empty);
    }

    private enum Gapped { First = 0, Third = 2 }

    [Test]
    public void KebabCaseTexts_EnumWithAGap_Throws()
    {
        Assert.That(() => InventoryJsonWriter.KebabCaseTexts(typeof(Gapped)), Throws.InvalidOperationException);
    }

    /// <summary>A memory stream that counts its write calls.</summary>
    private sealed class WriteCountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }
    }

    private static readonly string[] Pieces =
        ["a", "email", "Zoë", "名前", "\"quoted\"", "back\\slash", "<b>&amp;</b>", "tab\there", "line\nbreak", "\u0001", "\u2028", "😀", "'", "+", "é"];

    private static string Text(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Pieces[random.Next(Pieces.Length)]));

    private static string? MaybeText(Random random) => random.Next(3) == 0 ? null : Text(random);

    private static T Pick<T>(Random random) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[random.Next(values.Length)];
    }

    private static readonly double[] Doubles = [0, 1, 0.1, 0.5, 1.0 / 3, 0.95, 1e-7, 123456789.125, 0.30000000000000004, double.Epsilon];

    internal static InventoryDocument RandomDocument(Random random, int tables = 3)
    {
        ColumnEntry Column(int ordinal)
        {
            var classification = random.Next(3) == 0 ? null : new ColumnClassification
            {
                DataCategory = MaybeText(random), Confidence = Doubles[random.Next(Doubles.Length)], Origin = Pick<Origin>(random),
                Evidence = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new EvidenceItem(Text(random), Text(random), MaybeText(random),
                    random.Next(2) == 0 ? null : random.Next(100), random.Next(2) == 0 ? null : random.Next(100),
                    random.Next(2) == 0 ? null : Doubles[random.Next(Doubles.Length)], MaybeText(random)))],
                AlsoContains = random.Next(2) == 0 ? [] : [Text(random)],
                JsonPaths = random.Next(2) == 0 ? null : new JsonPathSummary
                {
                    Named = [new JsonPathFinding("$." + Text(random), MaybeText(random), MaybeText(random), random.Next(5), random.Next(5), random.Next(5))],
                    Unnamed = [Text(random)], Derivation = Pick<JsonColumnDerivation>(random), Truncated = random.Next(2) == 0,
                },
            };
            var column = new ColumnEntry
            {
                Name = Text(random), Ordinal = ordinal, DeclaredType = Text(random), TypeFamily = Pick<TypeFamily>(random),
                Nullable = random.Next(2) == 0, Comment = MaybeText(random), Classification = classification,
                NotSampled = random.Next(2) == 0 ? null : Pick<NotSampledReason>(random),
                Stats = new SampleStats { SampledRows = random.Next(1000), NonNull = random.Next(1000), NullRatio = Doubles[random.Next(Doubles.Length)], DistinctRatio = random.NextDouble(), MaxLength = random.NextInt64() },
                MaskedExamples = random.Next(2) == 0 ? null : [Text(random), Text(random)],
                DatabaseLabel = random.Next(3) == 0 ? new DatabaseLabel(Text(random), MaybeText(random), MaybeText(random), MaybeText(random)) : null,
            };
            column.ApplyClassification();
            if (random.Next(4) == 0)
            {
                column.Status = Pick<ColumnStatus>(random);
                column.Annotation = new AnnotationRef { DataCategory = MaybeText(random), Reason = MaybeText(random), File = Text(random), Line = random.Next(100), Column = random.Next(100) };
                column.Conflict = MaybeText(random);
            }
            return column;
        }
        TableEntry Table(int t) => new()
        {
            Schema = Text(random), Name = Text(random) + t, QualifiedName = Text(random), Kind = Pick<TableKind>(random),
            RowEstimate = random.Next(2) == 0 ? null : random.NextInt64(), SampledRows = random.Next(500), SampleMethod = MaybeText(random),
            NotSampled = random.Next(2) == 0 ? null : Pick<NotSampledReason>(random), Comment = MaybeText(random),
            PrimaryKey = [Text(random)], Partitions = random.Next(2) == 0 ? [] : [Text(random)], Activity = MaybeText(random),
            Retention = MaybeText(random), SharedWith = [], AnnotationFile = MaybeText(random),
            ForeignKeys = random.Next(2) == 0 ? [] : [new ForeignKeyInfo(Text(random), [Text(random)], Text(random), Text(random), [Text(random)], Text(random))],
            Columns = [.. Enumerable.Range(1, random.Next(1, 25)).Select(Column)],
        };
        return new InventoryDocument
        {
            ScannedAt = random.Next(2) == 0 ? null : DateTimeOffset.UnixEpoch.AddSeconds(random.Next()).ToOffset(TimeSpan.FromHours(random.Next(-5, 6))),
            Shard = MaybeText(random),
            SplitOf = random.Next(2) == 0 ? null : [new SplitSource { Name = Text(random), Provider = Text(random), Target = Text(random), Include = [Text(random)], Exclude = [] }],
            Issues = [.. Enumerable.Range(0, random.Next(3)).Select(_ => new ScanIssue(Text(random), MaybeText(random), MaybeText(random), Text(random), Text(random)) { Shard = MaybeText(random) })],
            Sources =
            [
                new SourceEntry
                {
                    Name = Text(random), Provider = Text(random), Role = Pick<ProcessingRole>(random), Target = Text(random), ServerVersion = MaybeText(random),
                    DefaultSchema = Text(random), Complete = random.Next(2) == 0,
                    Scope = random.Next(2) == 0 ? null : new SourceScope { Include = [Text(random)], Exclude = [], Shard = MaybeText(random) },
                    Tables = [.. Enumerable.Range(0, tables).Select(Table)],
                },
            ],
        };
    }
}
