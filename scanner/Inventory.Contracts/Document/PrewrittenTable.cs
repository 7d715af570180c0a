using System.Buffers;
using System.Text.Json;

namespace Inventory.Model;

/// <summary>A table's part of the inventory document written ahead: the UTF-8 JSON that <see cref="InventoryJson.Write"/>
/// would write for the table as an element of its source's <c>tables</c> array (the newline and indentation before it
/// included), made by a scan's classification worker as soon as the table is classified, while other tables are still
/// sampled. Writing the document at the end then copies these bytes instead of serialising 20,000 columns on one core
/// after the scan (bench/README.md, 2026-12-04, twelfth session, perf29).
/// <para>The bytes stay valid only while the table is not changed: <see cref="Fits"/> checks that the columns are the
/// same objects in the same order (the document's normalisation sorts them again), and whatever changes a table's
/// other fields after the scan (the annotation merge) must drop the bytes (<see cref="TableEntry.Prewritten"/> = null).
/// The document written with them is byte-identical to the one written without (tests
/// <c>PrewrittenTableTests</c>).</para></summary>
internal sealed class PrewrittenTable
{
    /// <summary>Nesting of a table in the document: the root object, <c>sources</c>, a source, <c>tables</c>.</summary>
    private const int TableDepth = 4;

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    // The thread's current slab: tables' bytes are cut from one pinned array of SlabSize after another instead of one
    // pinned array each (a 1,000-table scan made 1,000 allocations of about 41 KB on the pinned object heap, each through
    // the runtime's slow path: 40 % of the write-ahead's time in a names-only scan's profile, bench/README.md, perf31).
    [ThreadStatic] private static byte[]? t_slab;
    [ThreadStatic] private static int t_slabUsed;

    /// <summary>Size of a slab; a table's JSON longer than a quarter of it gets an array of its own.</summary>
    private const int SlabSize = 1 << 20;

    private readonly List<ColumnEntry> _columns;
    private readonly ColumnEntry[] _order;

    private PrewrittenTable(ReadOnlyMemory<byte> json, List<ColumnEntry> columns)
    {
        Json = json;
        _columns = columns;
        _order = [.. columns];
    }

    /// <summary>The table's JSON as an array element at its depth in the document: a newline, the indentation, the
    /// object (no list separator).</summary>
    internal ReadOnlyMemory<byte> Json { get; }

    /// <summary>True when <paramref name="table"/>'s columns are still the ones written, in the same order.</summary>
    /// <param name="table">The table these bytes were written for.</param>
    internal bool Fits(TableEntry table)
    {
        if (!ReferenceEquals(table.Columns, _columns) || _columns.Count != _order.Length) return false;
        for (int i = 0; i < _order.Length; i++)
            if (!ReferenceEquals(_columns[i], _order[i])) return false;
        return true;
    }

    /// <summary>Sorts <paramref name="table"/>'s columns into the document's order (<see cref="TableEntry.SortColumns"/>)
    /// and writes its JSON ahead into <see cref="TableEntry.Prewritten"/>. Thread-safe for distinct tables.</summary>
    /// <param name="table">A finished table that nothing else changes meanwhile.</param>
    /// <returns>False (and <see cref="TableEntry.Prewritten"/> left null) when the table cannot be written, e.g. a
    /// string with a lone surrogate: the document's writer then meets it at the end and fails as it would have without
    /// this step.</returns>
    public static bool WriteAhead(TableEntry table)
    {
        table.Prewritten = null;
        table.SortColumns();
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1 << 16);
        buffer.ResetWrittenCount();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, InventoryJson.WriterOptions))
            {
                // Open the enclosing arrays so that the writer indents the table as it does in the document; their bytes
                // are not kept.
                for (int i = 0; i < TableDepth; i++) writer.WriteStartArray();
                writer.Flush();
                int start = buffer.WrittenCount;
                InventoryJsonWriter.Table(writer, table);
                writer.Flush();
                var written = buffer.WrittenSpan[start..];
                var json = Keep(written.Length);
                written.CopyTo(json.Span);
                table.Prewritten = new PrewrittenTable(json, table.Columns);
            }
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            if (buffer.Capacity > MaxKeptBuffer) t_buffer = null;
        }
    }

    /// <summary>Room for <paramref name="length"/> bytes that live until the document is written: on the pinned object
    /// heap, where the collector never copies them from generation to generation as it would 45 MB of small arrays of a
    /// 1,000-table scan; cut from the thread's slab, or an array of their own when long.</summary>
    private static Memory<byte> Keep(int length)
    {
        if (length > SlabSize / 4) return GC.AllocateUninitializedArray<byte>(length, pinned: true);
        if (t_slab is null || SlabSize - t_slabUsed < length)
        {
            t_slab = GC.AllocateUninitializedArray<byte>(SlabSize, pinned: true);
            t_slabUsed = 0;
        }
        var room = t_slab.AsMemory(t_slabUsed, length);
        t_slabUsed += length;
        return room;
    }

    /// <summary>A thread's buffer is kept for its next table up to this size (a huge table's is let go).</summary>
    private const int MaxKeptBuffer = 1 << 20;
}
