using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inventory.Model;

/// <summary>Reads and writes <c>inventory.json</c>: camelCase keys, kebab-case enum values, two-space indent,
/// LF newlines, canonical order, nulls omitted. Writing is atomic (temp file, then rename).</summary>
public static class InventoryJson
{
    /// <summary>The serializer options every inventory JSON uses (also for reports that embed parts of it).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serializes a document in canonical order (the document is normalised in place first).</summary>
    /// <param name="document">The inventory.</param>
    /// <returns>UTF-8 JSON text ending with a newline.</returns>
    public static string Serialize(InventoryDocument document)
    {
        document.Normalize();
        return JsonSerializer.Serialize(document, Options) + "\n";
    }

    /// <summary>Parses an inventory document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">File name for error messages.</param>
    /// <exception cref="ConfigurationException">Malformed JSON (with line and column), JSON that is not an inventory
    /// (no top-level <c>format</c> or <c>sources</c>: a check result, a SARIF log, any other object), or an unsupported
    /// format version.</exception>
    public static InventoryDocument Deserialize(string json, string file = "inventory.json")
    {
        InventoryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<InventoryDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"not a valid inventory document: {e.Message.Split(" Path:")[0]}", file,
                (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, e);
        }
        if (document is null)
            throw new ConfigurationException("the file holds no inventory document", file);
        RequireInventoryShape(json, file);
        if (document.Format != InventoryDocument.CurrentFormat)
            throw new ConfigurationException($"inventory format {document.Format} is not supported (this tool reads format {InventoryDocument.CurrentFormat}); rescan with this version", file);
        return document;
    }

    /// <summary>Every inventory this tool writes has a top-level <c>format</c> and <c>sources</c> (the list is written
    /// even when empty); a JSON object without them is another file, not an empty inventory, and must not pass the gate
    /// as "0 of 0 columns tagged". Called on text that already parsed, so the reader cannot fail.</summary>
    private static void RequireInventoryShape(string json, string file)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
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
        return Deserialize(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Writes an inventory file atomically, streaming the JSON to the temporary file (no copy of the whole
    /// text in memory); the bytes are the same as <see cref="Serialize"/>'s.</summary>
    /// <param name="document">The inventory (normalised in place first).</param>
    /// <param name="path">Destination; its folder is created if needed.</param>
    public static void Write(InventoryDocument document, string path)
    {
        document.Normalize();
        AtomicFile.Write(path, stream =>
        {
            JsonSerializer.Serialize(stream, document, Options);
            stream.WriteByte((byte)'\n');
        });
    }
}

/// <summary>Writes files atomically: a temporary file in the same folder, flushed, then renamed over the target,
/// so a crash never leaves a half-written file.</summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no BOM) atomically.</summary>
    /// <param name="path">Destination; its folder is created if needed.</param>
    /// <param name="text">Content.</param>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes bytes atomically.</summary>
    /// <param name="path">Destination; its folder is created if needed.</param>
    /// <param name="bytes">Content.</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes what <paramref name="write"/> puts in the stream atomically, straight to the temporary file.</summary>
    /// <param name="path">Destination; its folder is created if needed.</param>
    /// <param name="write">Writes the content (buffered) to the given stream.</param>
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes a stream produced by <paramref name="write"/> atomically.</summary>
    /// <param name="path">Destination.</param>
    /// <param name="write">Writes the content to the given stream.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await write(buffer).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        WriteAllBytes(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
