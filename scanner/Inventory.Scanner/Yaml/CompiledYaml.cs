using System.Text;

namespace Inventory.Yaml;

/// <summary>
/// The node tree <see cref="StrictYaml"/> reads from a YAML file, written once at build time in a compact binary form and
/// read back without parsing YAML. The shipped name rules (<c>rules/name-rules.yml</c>, 5,500 lines) cost YamlDotNet's
/// scanner and parser 28–36 ms of CPU in every process (bench/README.md, perf47); reading their compiled form costs a
/// few. Every node keeps its line and column, so an error a reader finds in the tree (an unknown category, a missing
/// key) still names the YAML file's line and column. The form carries the YAML bytes it was compiled from (a copy: a
/// SHA-256 would load OpenSSL into every process, 5–6 MB of resident memory a SQLite scan does not otherwise pay):
/// <see cref="TryRead"/> refuses a form compiled from other bytes, so a stale form is never used.
/// </summary>
/// <remarks>Layout: the magic <c>INVY</c>, a format version byte, the YAML bytes (length, then the bytes), the table of
/// distinct strings (count, then each string length-prefixed in UTF-8), the number of documents, then each document's
/// nodes depth first: a tag byte (plain scalar, quoted scalar, sequence, mapping), line and column (7-bit encoded), then
/// a scalar's string index, or a collection's count and items (a mapping's as key then value). Mappings hold no duplicate
/// keys: the form is compiled by a read that stops at the first duplicate.</remarks>
public static class CompiledYaml
{
    private static ReadOnlySpan<byte> Magic => "INVY"u8;
    private const byte FormatVersion = 2;
    private const byte PlainScalar = 0, QuotedScalar = 1, Sequence = 2, Mapping = 3;

    /// <summary>Reads a YAML file strictly (<see cref="StrictYaml.ReadDocuments(string, string)"/>) and writes its
    /// compiled form. Used by the build (<c>rules/Inventory.Rules.Compile</c>).</summary>
    /// <param name="yamlPath">The YAML file.</param>
    /// <param name="outputPath">Where to write the compiled form (its directory must exist).</param>
    /// <exception cref="ConfigurationException">The file is missing or is not valid strict YAML (file, line and column).</exception>
    public static void Compile(string yamlPath, string outputPath)
    {
        if (!File.Exists(yamlPath)) throw new ConfigurationException("file not found", yamlPath);
        var bytes = File.ReadAllBytes(yamlPath);
        var documents = StrictYaml.ReadDocuments(Decode(bytes), yamlPath);
        using var output = File.Create(outputPath);
        Write(output, documents, bytes);
    }

    /// <summary>Writes the compiled form of a node tree.</summary>
    /// <param name="output">The stream to write to (left open).</param>
    /// <param name="documents">The documents, as <see cref="StrictYaml.ReadDocuments(string, string)"/> read them.</param>
    /// <param name="source">The YAML bytes the tree was read from.</param>
    /// <exception cref="ArgumentException">A mapping holds duplicate keys.</exception>
    public static void Write(Stream output, IReadOnlyList<YNode> documents, ReadOnlySpan<byte> source)
    {
        var strings = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents) CollectStrings(document, strings, index);

        using var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write7BitEncodedInt(source.Length);
        writer.Write(source);
        writer.Write7BitEncodedInt(strings.Count);
        foreach (var s in strings) writer.Write(s);
        writer.Write7BitEncodedInt(documents.Count);
        foreach (var document in documents) WriteNode(writer, document, index);
    }

    /// <summary>Reads a compiled form back into the node tree, when it was compiled from exactly these YAML bytes.</summary>
    /// <param name="compiled">The compiled form.</param>
    /// <param name="yamlBytes">The YAML file's bytes (they must be the ones the form was compiled from).</param>
    /// <param name="file">File name every node carries, for positions and messages.</param>
    /// <param name="documents">The documents, as <see cref="StrictYaml.ReadDocuments(string, string)"/> reads them from
    /// the YAML; null when the form is refused.</param>
    /// <returns>False when the form is not a compiled form of this format or was compiled from other bytes (the caller
    /// then parses the YAML).</returns>
    /// <exception cref="InvalidDataException">The form has the right header and source bytes but is truncated or corrupt.</exception>
    public static bool TryRead(Stream compiled, ReadOnlySpan<byte> yamlBytes, string file, out List<YNode>? documents)
    {
        documents = null;
        Span<byte> header = stackalloc byte[4 + 1];
        if (compiled.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) != header.Length) return false;
        if (!header[..4].SequenceEqual(Magic) || header[4] != FormatVersion) return false;
        using var reader = new BinaryReader(compiled, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (reader.Read7BitEncodedInt() != yamlBytes.Length) return false;
            Span<byte> chunk = stackalloc byte[4096];
            for (int at = 0; at < yamlBytes.Length; at += chunk.Length)
            {
                var part = chunk[..Math.Min(chunk.Length, yamlBytes.Length - at)];
                if (compiled.ReadAtLeast(part, part.Length, throwOnEndOfStream: false) != part.Length) return false;
                if (!part.SequenceEqual(yamlBytes.Slice(at, part.Length))) return false;
            }
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException)
        {
            return false; // the header of another form
        }

        try
        {
            var strings = new string[Count(reader)];
            for (int i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();
            var count = Count(reader);
            documents = new List<YNode>(count);
            for (int i = 0; i < count; i++) documents.Add(ReadNode(reader, strings, file));
            if (compiled.ReadByte() != -1) throw new InvalidDataException("compiled YAML: bytes after the last document");
            return true;
        }
        catch (Exception e) when (e is EndOfStreamException or IndexOutOfRangeException or FormatException)
        {
            throw new InvalidDataException("compiled YAML: truncated or corrupt", e);
        }
    }

    /// <summary>The text of YAML bytes as <see cref="File.ReadAllText(string)"/> and a <see cref="StreamReader"/> decode
    /// them (UTF-8 unless a byte-order mark says otherwise; the mark is dropped).</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <returns>The text.</returns>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static void CollectStrings(YNode node, List<string> strings, Dictionary<string, int> index)
    {
        switch (node)
        {
            case YScalar s:
                if (!index.ContainsKey(s.Value)) { index[s.Value] = strings.Count; strings.Add(s.Value); }
                break;
            case YSequence q:
                foreach (var item in q.Items) CollectStrings(item, strings, index);
                break;
            case YMapping m:
                foreach (var (key, value) in m.Entries) { CollectStrings(key, strings, index); CollectStrings(value, strings, index); }
                break;
        }
    }

    private static void WriteNode(BinaryWriter writer, YNode node, Dictionary<string, int> index)
    {
        switch (node)
        {
            case YScalar s:
                writer.Write(s.Plain ? PlainScalar : QuotedScalar);
                WritePosition(writer, node);
                writer.Write7BitEncodedInt(index[s.Value]);
                break;
            case YSequence q:
                writer.Write(Sequence);
                WritePosition(writer, node);
                writer.Write7BitEncodedInt(q.Items.Count);
                foreach (var item in q.Items) WriteNode(writer, item, index);
                break;
            case YMapping m:
                if (m.DuplicateKeys.Count > 0)
                    throw new ArgumentException($"the mapping at line {m.Line}, column {m.Column} holds duplicate keys", nameof(node));
                writer.Write(Mapping);
                WritePosition(writer, node);
                writer.Write7BitEncodedInt(m.Entries.Count);
                foreach (var (key, value) in m.Entries) { WriteNode(writer, key, index); WriteNode(writer, value, index); }
                break;
            default:
                throw new ArgumentException($"unexpected node {node.GetType().Name}", nameof(node));
        }
    }

    private static void WritePosition(BinaryWriter writer, YNode node)
    {
        writer.Write7BitEncodedInt(node.Line);
        writer.Write7BitEncodedInt(node.Column);
    }

    private static YNode ReadNode(BinaryReader reader, string[] strings, string file)
    {
        var tag = reader.ReadByte();
        var line = reader.Read7BitEncodedInt();
        var column = reader.Read7BitEncodedInt();
        switch (tag)
        {
            case PlainScalar or QuotedScalar:
                return new YScalar { File = file, Line = line, Column = column, Value = strings[reader.Read7BitEncodedInt()], Plain = tag == PlainScalar };
            case Sequence:
            {
                var seq = new YSequence { File = file, Line = line, Column = column };
                var count = Count(reader);
                seq.Items.Capacity = count;
                for (int i = 0; i < count; i++) seq.Items.Add(ReadNode(reader, strings, file));
                return seq;
            }
            case Mapping:
            {
                var map = new YMapping { File = file, Line = line, Column = column };
                var count = Count(reader);
                map.Entries.Capacity = count;
                for (int i = 0; i < count; i++)
                {
                    if (ReadNode(reader, strings, file) is not YScalar key) throw new InvalidDataException("compiled YAML: a mapping key that is not a scalar");
                    map.Entries.Add((key, ReadNode(reader, strings, file)));
                }
                return map;
            }
            default:
                throw new InvalidDataException($"compiled YAML: unknown node tag {tag}");
        }
    }

    private static int Count(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count >= 0 && count <= reader.BaseStream.Length ? count : throw new InvalidDataException("compiled YAML: a count past the end of the form");
    }
}
