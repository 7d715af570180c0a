using System.Diagnostics;
using System.Globalization;
using Inventory.Model;

namespace Inventory.Bench;

/// <summary>Writing an inventory document as <c>inventory scan</c> does at its end (<see cref="InventoryJson.Write"/>'s
/// serialisation, to a stream that only counts bytes), on a document read from a file (e.g. the 1,001-table bench
/// inventory): the first write of the process (cold: the serializer's metadata and JIT) against the median of the next
/// ones (warm). Wall time and the process's CPU. Usage: <c>document FILE [--rounds N] [--reflection]</c> (default 7
/// rounds; <c>--reflection</c> writes through System.Text.Json's reflection metadata with <see cref="InventoryJson.Options"/>
/// instead of the plain JSON writer calls the scan uses, <c>InventoryJsonWriter</c>).</summary>
public static class DocumentBench
{
    /// <summary>Runs the measure and prints the figures.</summary>
    /// <param name="args">The inventory file and optional <c>--rounds N</c>.</param>
    /// <returns>0, or 2 without a file.</returns>
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: document INVENTORY.json [--rounds N]");
            return 2;
        }
        var i = Array.IndexOf(args, "--rounds");
        int rounds = i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 1 ? r : 7;
        var reflection = args.Contains("--reflection");
        var text = File.ReadAllText(args[0]);
        var process = Process.GetCurrentProcess();
        (double Wall, double Cpu) Time(Action action)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            process.Refresh();
            return (watch.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds);
        }
        var inv = CultureInfo.InvariantCulture;
        // Parsing the file would warm the serializer's metadata for reading only partly; parse it in another options
        // instance so the writes below start as cold as a scan's.
        var document = System.Text.Json.JsonSerializer.Deserialize<InventoryDocument>(text, new System.Text.Json.JsonSerializerOptions(InventoryJson.Options))!;
        document.Normalize();
        var times = new List<(double Wall, double Cpu)>();
        long bytes = 0;
        for (int round = 0; round < rounds; round++)
        {
            using var sink = new CountingStream();
            if (reflection) times.Add(Time(() => System.Text.Json.JsonSerializer.Serialize(sink, document, InventoryJson.Options)));
            else times.Add(Time(() => InventoryJson.WriteDocument(document, sink)));
            bytes = sink.Length;
        }
        var rest = times.Skip(1).ToList();
        Console.WriteLine(string.Create(inv, $"document: {document.AllTables().Count():N0} tables, {bytes:N0} bytes of JSON"));
        Console.WriteLine(string.Create(inv,
            $"first write {times[0].Wall,6:0} ms (CPU {times[0].Cpu,5:0}); then median {rest.Select(t => t.Wall).Order().ElementAt(rest.Count / 2),6:0} ms (CPU {rest.Select(t => t.Cpu).Order().ElementAt(rest.Count / 2),5:0} ms)"));
        return 0;
    }

    /// <summary>A write-only stream that only counts bytes (the disk is not what is measured).</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
