using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Inventory.Model;

/// <summary>System.Text.Json's source-generated metadata of the inventory document's types: what
/// <see cref="InventoryJson.Options"/> reads a document with, without reflection (so a Native AOT build reads it too).
/// The naming, null and enum settings are those of <see cref="InventoryJson.CreateOptions"/>, not of this class.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(InventoryDocument))]
internal sealed partial class InventoryDocumentJsonContext : JsonSerializerContext;

/// <summary>Reads and writes <c>inventory.json</c>: camelCase keys, kebab-case enum values, two-space indent,
/// LF newlines, canonical order, nulls omitted. Writing is atomic (temp file, then rename).</summary>
public static class InventoryJson
{
    /// <summary>The serializer options every inventory JSON uses (also for reports that embed parts of it).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(InventoryDocumentJsonContext.Default);

    /// <summary>The settings of every inventory JSON (camelCase keys, kebab-case enum values, nulls omitted, two-space
    /// indent, LF newlines, non-ASCII text as written) over the given type metadata, read-only.</summary>
    /// <param name="metadata">Where the serialised types' metadata comes from: a source-generated
    /// <see cref="JsonSerializerContext"/> holding every type to be written or read (a report's context for the report's
    /// model); no reflection, so the options work in a Native AOT build.</param>
    /// <returns>Read-only options; a type the metadata does not hold throws <see cref="NotSupportedException"/> when
    /// serialised.</returns>
    /// <param name="moreEnums">Kebab-case converters (<see cref="KebabCaseEnum{T}"/>) of the enums the metadata reaches
    /// beyond the document's own (those are always added): an enum without one would be written as a number.</param>
    public static JsonSerializerOptions CreateOptions(IJsonTypeInfoResolver metadata, params IEnumerable<JsonConverter> moreEnums)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = metadata,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        // One generic converter per enum: the non-generic JsonStringEnumConverter builds them at run time by reflection,
        // which a Native AOT build cannot do.
        foreach (var converter in DocumentEnums.Concat(moreEnums)) options.Converters.Add(converter);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The kebab-case converter of one enum (<c>JointController</c> ↔ <c>"joint-controller"</c>; a number
    /// also read, and written for a value without a name), as System.Text.Json's reflection path wrote every enum.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <returns>A new converter.</returns>
    public static JsonConverter KebabCaseEnum<T>() where T : struct, Enum => new JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower);

    /// <summary>The converters of every enum of the contracts (the document's and the catalog's).</summary>
    private static JsonConverter[] DocumentEnums =>
    [
        KebabCaseEnum<Catalog.NotSampledReason>(), KebabCaseEnum<Catalog.TableKind>(), KebabCaseEnum<Catalog.TypeFamily>(),
        KebabCaseEnum<Classification.Origin>(), KebabCaseEnum<Classification.JsonColumnDerivation>(),
        KebabCaseEnum<ColumnStatus>(), KebabCaseEnum<ProcessingRole>(),
    ];

    /// <summary>Serializes a document in canonical order (the document is normalised in place first).</summary>
    /// <param name="document">The inventory.</param>
    /// <returns>UTF-8 JSON text ending with a newline.</returns>
    public static string Serialize(InventoryDocument document)
    {
        document.Normalize();
        using var text = new MemoryStream();
        WriteDocument(document, text);
        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length) + "\n";
    }

    /// <summary>The JSON writer settings of every inventory document (those of <see cref="Options"/>).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    /// <summary>Writes a document's JSON (no trailing newline) through <see cref="InventoryJsonWriter"/>'s plain JSON
    /// writer calls, in blocks of 64 KB to <paramref name="output"/>: the same bytes as
    /// <c>JsonSerializer.Serialize(output, document, Options)</c>, without System.Text.Json's reflection metadata or its
    /// generic converters over the document's enums and nullable values (JIT-compiled in every process).</summary>
    /// <param name="document">The inventory, as it is (not normalised here).</param>
    /// <param name="output">Receives the UTF-8 text.</param>
    internal static void WriteDocument(InventoryDocument document, Stream output)
    {
        var blocks = new StreamBlockWriter(output);
        using (var writer = new Utf8JsonWriter(blocks, WriterOptions))
        {
            InventoryJsonWriter.Write(writer, document);
            writer.Flush();
        }
        blocks.Complete();
    }

    /// <summary>Parses an inventory document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">File name for error messages.</param>
    /// <exception cref="ConfigurationException">Malformed JSON (with line and column), JSON that is not an inventory
    /// (no top-level <c>format</c> or <c>sources</c>: a check result, a SARIF log, any other object), or an unsupported
    /// format version.</exception>
    public static InventoryDocument Deserialize(string json, string file = "inventory.json") =>
        Deserialize(Encoding.UTF8.GetBytes(json), file);

    /// <summary>Parses an inventory document from its UTF-8 bytes (no byte order mark), as <see cref="Deserialize(string, string)"/>
    /// does from text: the same document, the same errors.</summary>
    /// <param name="utf8Json">The JSON text, UTF-8.</param>
    /// <param name="file">File name for error messages.</param>
    /// <exception cref="ConfigurationException">As <see cref="Deserialize(string, string)"/>.</exception>
    public static InventoryDocument Deserialize(ReadOnlySpan<byte> utf8Json, string file = "inventory.json")
    {
        InventoryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, (JsonTypeInfo<InventoryDocument>)Options.GetTypeInfo(typeof(InventoryDocument)));
        }
        catch (JsonException e)
        {
            // A value of a type the document model does not take (a status, origin or kind a later version added, or a
            // hand edit): System.Text.Json's message names a CLR type; name the JSON path and what to do instead.
            var reason = e.Path is { Length: > 1 } path && e.Message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal)
                ? $"not an inventory this version can read: the value at {path} is not one it knows (written by a later version of inventory, or edited by hand?); rescan with this version"
                : $"not a valid inventory document: {e.Message.Split(" Path:")[0]}";
            throw new ConfigurationException(reason, file, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, e);
        }
        if (document is null)
            throw new ConfigurationException("the file holds no inventory document", file);
        RequireInventoryShape(utf8Json, file);
        if (document.Format != InventoryDocument.CurrentFormat)
            throw new ConfigurationException($"inventory format {document.Format} is not supported (this tool reads format {InventoryDocument.CurrentFormat}); rescan with this version", file);
        return document;
    }

    /// <summary>Every inventory this tool writes has a top-level <c>format</c> and <c>sources</c> (the list is written
    /// even when empty); a JSON object without them is another file, not an empty inventory, and must not pass the gate
    /// as "0 of 0 columns tagged". Called on text that already parsed, so the reader cannot fail.</summary>
    private static void RequireInventoryShape(ReadOnlySpan<byte> utf8Json, string file)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        bool format = false, sources = false;
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("format")) format = true;
                else if (reader.ValueTextEquals("sources")) sources = true;
                reader.Read();
                reader.Skip();
            }
        }
        if (!format || !sources)
        {
            var missing = string.Join(" and ", new[] { format ? null : "'format'", sources ? null : "'sources'" }.Where(m => m is not null));
            throw new ConfigurationException($"not an inventory document: it has no {missing} (a check result, SARIF log or other JSON?); give the inventory.json written by `inventory scan` or `inventory merge`", file);
        }
    }

    /// <summary>Reads an inventory file.</summary>
    /// <param name="path">Path to inventory.json.</param>
    /// <exception cref="ConfigurationException">Missing or malformed file.</exception>
    public static InventoryDocument Read(string path)
    {
        if (!File.Exists(path))
            throw new ConfigurationException("inventory file not found; run `inventory scan --out FILE` first", path);
        // Parsed from the file's bytes: reading it as text first held the document three times over (the bytes, the
        // UTF-16 text, the UTF-8 copy the parser makes of it), 45 MB of JSON costing 0.3 GB (gate48). A file that is not
        // valid UTF-8 still goes through text, whose decoder replaces bad bytes as before.
        var bytes = File.ReadAllBytes(path);
        var utf8 = bytes.AsSpan();
        if (utf8.StartsWith(Encoding.UTF8.Preamble)) utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        return System.Text.Unicode.Utf8.IsValid(utf8)
            ? Deserialize(utf8, path)
            : Deserialize(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Serialises a small document with every part of an inventory filled in (source, scope, table, foreign
    /// key, column, classification with evidence and JSON paths, annotation, database label, issue, split) to a
    /// discarding stream, as <see cref="Write"/> does, enough times for the tiered JIT to count its calls up. The first
    /// write of a process runs the JSON writer's and the encoder's code cold (type loading, tier-0 code outside
    /// ReadyToRun): for a small scan that was most of the time it spent writing its document. A scan runs this on a
    /// background task while it samples. Thread-safe; no file is touched.</summary>
    public static void WarmUp()
    {
        var document = WarmUpDocument();
        for (int i = 0; i < WarmUpWrites; i++) WriteDocument(document, Stream.Null);
    }

    /// <summary>The document <see cref="WarmUp"/> writes: every property of every part set (tests check it).</summary>
    internal static InventoryDocument WarmUpDocument()
    {
        var column = new ColumnEntry
        {
            Name = "email", Ordinal = 1, DeclaredType = "text", Comment = "c", DataCategory = "contact.email", Confidence = 0.9,
            Origin = Classification.Origin.Rules, Status = ColumnStatus.Conflict, NotSampled = Catalog.NotSampledReason.Disabled,
            Stats = new SampleStats { SampledRows = 1, NonNull = 1, NullRatio = 0.5, DistinctRatio = 0.5, MaxLength = 1 },
            Classification = new Classification.ColumnClassification
            {
                DataCategory = "contact.email", Confidence = 0.9, Origin = Classification.Origin.Model,
                Evidence = [new Classification.EvidenceItem("detector", "email", "contact.email", 1, 2, 0.5, "d")],
                AlsoContains = ["contact.phone"],
                JsonPaths = new Classification.JsonPathSummary { Named = [new Classification.JsonPathFinding("$.a", "contact.email", "id", 1, 2, 3)], Unnamed = ["$.b"], Truncated = true },
            },
            Annotation = new AnnotationRef { DataCategory = "contact.email", Reason = "r", Retention = "r", SharedWith = ["w"], File = "f.yml", Line = 1 },
            DatabaseLabel = new Catalog.DatabaseLabel("comment", "contact.email", "i", "r"),
            Conflict = "c",
            MaskedExamples = ["j***"],
            ReadsFrom = new Catalog.ColumnReference("s", "u", "email"),
            Paths = [new PathEntry { Path = "$.a", DataCategory = "contact.email", Origin = Classification.Origin.Annotation, Annotation = new AnnotationRef { File = "f.yml" } }],
        };
        var table = new TableEntry
        {
            Schema = "s", Name = "t", QualifiedName = "s.t", Kind = Catalog.TableKind.Table, RowEstimate = 1, SampledRows = 1, SampleMethod = "m",
            NotSampled = Catalog.NotSampledReason.Disabled, Comment = "c", PrimaryKey = ["id"], Partitions = ["p"],
            History = new Catalog.RowHistory(Catalog.RowHistory.TemporalTable, "h", "v", "6 MONTHS"), Activity = "a", Activities = ["a", "b"], Retention = "r",
            SharedWith = ["w"], AnnotationFile = "f.yml", Columns = [column],
            ForeignKeys = [new Catalog.ForeignKeyInfo("fk", ["a"], "s", "u", ["id"], "cascade")],
        };
        return new InventoryDocument
        {
            ScannedAt = DateTimeOffset.UnixEpoch, Shard = "1/2",
            SplitOf = [new SplitSource { Name = "n", Provider = "p", Target = "t", Include = ["a"], Exclude = ["b"] }],
            Issues = [new Catalog.ScanIssue("n", "t", "c", "k", "m") { Shard = "2/2" }],
            Sources = [new SourceEntry { Name = "n", Provider = "p", Target = "t", ServerVersion = "v", DefaultSchema = "s", Controller = "c", Scope = new SourceScope { Include = ["a"], Exclude = ["b"], Shard = "1/2" }, Complete = false, Tables = [table] }],
        };
    }

    /// <summary>Serialisations of the warm-up document: past the tiered JIT's 30 calls (see <see cref="WarmUp"/>).</summary>
    private const int WarmUpWrites = 40;

    /// <summary>Writes an inventory file atomically, streaming the JSON to the temporary file (no copy of the whole
    /// text in memory); the bytes are the same as <see cref="Serialize"/>'s.</summary>
    /// <param name="document">The inventory (normalised in place first).</param>
    /// <param name="path">Destination; its folder is created if needed.</param>
    public static void Write(InventoryDocument document, string path)
    {
        document.Normalize();
        AtomicFile.Write(path, stream =>
        {
            WriteDocument(document, stream);
            stream.WriteByte((byte)'\n');
        });
    }
}
