using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Model;

/// <summary>Compile-time System.Text.Json writing code for the inventory document (the source generator's serialisation
/// "fast path" only: no property metadata, which would be built and JIT-compiled per value type at the first write),
/// with the same settings as <see cref="InventoryJson.Options"/>: camelCase keys,
/// kebab-case enum values, nulls omitted. Writing through <see cref="InventoryJson.WriteDocument"/> runs this
/// generated code, which ReadyToRun precompiles, instead of System.Text.Json's reflection metadata and its generic
/// converters over our types (emitted and JIT-compiled in every process: about 700 methods at the first write).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    Converters = [typeof(KebabCaseEnumConverter<ColumnStatus>), typeof(KebabCaseEnumConverter<ProcessingRole>),
        typeof(KebabCaseEnumConverter<TableKind>), typeof(KebabCaseEnumConverter<TypeFamily>),
        typeof(KebabCaseEnumConverter<NotSampledReason>), typeof(KebabCaseEnumConverter<Origin>),
        typeof(KebabCaseEnumConverter<JsonColumnDerivation>)],
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(InventoryDocument))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;

/// <summary>Enum values written in kebab-case (<c>database-label</c>), as <see cref="InventoryJson.Options"/> does.</summary>
/// <typeparam name="TEnum">One of the document's enums (each is listed on <see cref="InventoryJsonContext"/>).</typeparam>
internal sealed class KebabCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum> where TEnum : struct, Enum
{
    /// <summary>A converter with the kebab-case lower naming policy and integer values allowed on read.</summary>
    public KebabCaseEnumConverter() : base(JsonNamingPolicy.KebabCaseLower) { }
}

/// <summary>An <see cref="IBufferWriter{T}"/> over a stream: <see cref="Utf8JsonWriter"/> writes into one reusable
/// block, which goes out to the stream only when it is full (and at <see cref="Complete"/>), so a document of any size is
/// written with one block of memory (the generated writing code otherwise keeps the whole text until it is flushed), and
/// the JSON writer's many small flushes (one after every value a converter writes) cost no stream call each.</summary>
internal sealed class StreamBlockWriter(Stream stream, int blockSize = 1 << 16) : IBufferWriter<byte>
{
    private byte[] _block = new byte[blockSize];
    private int _used;

    /// <summary>Counts <paramref name="count"/> more bytes of the space handed out last as written.</summary>
    public void Advance(int count)
    {
        if (count < 0 || _used + count > _block.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _used += count;
    }

    /// <summary>The free rest of the block, at least <paramref name="sizeHint"/> bytes (at least one): the block is
    /// written out first when less is free, and grown when it is smaller than the hint (a single long value).</summary>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_block.Length - _used < needed)
        {
            Complete();
            if (needed > _block.Length) _block = new byte[Math.Max(needed, _block.Length * 2)];
        }
        return _block.AsMemory(_used);
    }

    /// <summary>The free rest of the block as a span (see <see cref="GetMemory"/>).</summary>
    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    /// <summary>Writes the bytes counted so far to the stream; the block is empty again.</summary>
    public void Complete()
    {
        if (_used > 0) stream.Write(_block, 0, _used);
        _used = 0;
    }
}
