using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Lets the detectors see the values nested in PHP <c>serialize()</c> payloads (WordPress options and user meta, Drupal
/// and Laravel caches, session data kept in a table) the way they see JSON paths (C28): each payload whose top level is
/// an array or an object is parsed strictly and rewritten as the JSON document it holds, which <see cref="JsonValues"/>
/// then walks path by path (<c>a:2:{s:7:"user_id";i:5;s:5:"email";s:17:"…";}</c> → <c>{"user_id":5,"email":"…"}</c>,
/// so an e-mail is seen at <c>$.email</c>; a list with keys 0…n-1 becomes a JSON array; an object
/// <c>O:8:"stdClass":…</c> becomes the object of its properties, their visibility prefixes (<c>\0*\0</c>,
/// <c>\0Class\0</c>) dropped). The grammar is PHP's (<c>N;</c>, <c>b:</c>, <c>i:</c>, <c>d:</c>, <c>s:len:"…";</c> with
/// len in UTF-8 bytes, <c>a:n:{…}</c>, <c>O:len:"class":n:{…}</c>, <c>E:len:"Enum:Case";</c>, references <c>r:</c>/<c>R:</c>
/// read as null); a custom-serialized object (<c>C:</c>), a length that does not match, anything after the payload or any
/// other text refuses the whole value. Bounded: at most <see cref="MaxBytes"/> bytes per payload,
/// <see cref="MaxElements"/> elements and depth <see cref="MaxDepth"/>; it never throws on any value (a refused value is
/// skipped, no finding). Pure and thread-safe; values never leave it except as the rewritten documents handed to the
/// classifier.
/// </summary>
internal static class PhpSerializedValues
{
    /// <summary>Bytes read per payload at most (larger payloads are refused).</summary>
    public const int MaxBytes = 1_000_000;
    /// <summary>Array entries and properties read per payload at most (a payload with more is refused).</summary>
    public const int MaxElements = 2_000;
    /// <summary>Nesting depth read at most (a deeper payload is refused).</summary>
    public const int MaxDepth = 16;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The column's PHP payloads rewritten as JSON documents, or null unless at least half of the first
    /// <paramref name="maxDocuments"/> non-blank values are payloads of an array or an object.</summary>
    /// <param name="values">The column's sampled values.</param>
    /// <param name="maxDocuments">Values looked at, at most.</param>
    /// <param name="tested">Non-blank values looked at.</param>
    /// <returns>One JSON text per payload read, in order, or null.</returns>
    public static List<string>? AsJsonDocuments(IReadOnlyList<string> values, int maxDocuments, out int tested)
    {
        ArgumentNullException.ThrowIfNull(values);
        tested = 0;
        var documents = new List<string>();
        for (int i = 0; i < values.Count; i++) // by index: no enumerator boxed per column
        {
            var v = values[i];
            if (string.IsNullOrWhiteSpace(v)) continue;
            if (tested >= maxDocuments) break;
            tested++;
            if (ToJson(v) is { } json) documents.Add(json);
        }
        return tested > 0 && documents.Count > 0 && documents.Count * 2 >= tested ? documents : null;
    }

    /// <summary>One payload as JSON text, or null when it is not a whole PHP payload of an array or object within the
    /// bounds.</summary>
    /// <param name="value">The value.</param>
    public static string? ToJson(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.AsSpan().Trim();
        // Cheap refusal first: an array or object payload starts with a:digit or O:digit.
        if (text.Length < 6 || text[1] != ':' || text[0] is not ('a' or 'O') || !char.IsAsciiDigit(text[2])) return null;
        if (Encoding.UTF8.GetMaxByteCount(text.Length) > MaxBytes * 4 || Encoding.UTF8.GetByteCount(text) > MaxBytes) return null;
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(Math.Min(bytes.Length * 2, MaxBytes));
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            var reader = new Reader(bytes, json);
            if (!reader.Value(0) || reader.Position != bytes.Length) return null;
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A strict recursive-descent reader of one payload, writing JSON as it goes (the caller drops the output
    /// when it fails).</summary>
    private sealed class Reader(byte[] bytes, Utf8JsonWriter json)
    {
        private readonly byte[] _bytes = bytes;
        private readonly Utf8JsonWriter _json = json;
        private int _elements;
        public int Position { get; private set; }

        /// <summary>Reads one value at <see cref="Position"/>; false when it is not one.</summary>
        public bool Value(int depth)
        {
            if (depth > MaxDepth || Position + 1 >= _bytes.Length) return false;
            byte kind = _bytes[Position];
            if (kind == (byte)'N')
            {
                if (!Expect((byte)'N') || !Expect((byte)';')) return false;
                _json.WriteNullValue();
                return true;
            }
            if (_bytes[Position + 1] != (byte)':') return false;
            Position += 2;
            switch (kind)
            {
                case (byte)'b':
                {
                    if (!Until((byte)';', out var flag) || flag is not ("0" or "1")) return false;
                    _json.WriteBooleanValue(flag == "1");
                    return true;
                }
                case (byte)'i':
                {
                    if (!Until((byte)';', out var digits) || !long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return false;
                    _json.WriteNumberValue(number);
                    return true;
                }
                case (byte)'d':
                {
                    if (!Until((byte)';', out var digits)) return false;
                    if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) _json.WriteNumberValue(number);
                    else if (digits is "INF" or "-INF" or "NAN") _json.WriteNullValue();
                    else return false;
                    return true;
                }
                case (byte)'r' or (byte)'R':
                {
                    if (!Until((byte)';', out var digits) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return false;
                    _json.WriteNullValue();
                    return true;
                }
                case (byte)'s' or (byte)'E':
                {
                    if (!Text(out var s) || !Expect((byte)';')) return false;
                    _json.WriteStringValue(s);
                    return true;
                }
                case (byte)'a':
                    return Entries(depth, isObject: false);
                case (byte)'O':
                    // O:len:"Class":n:{…}: the class name says nothing about a person; the properties are the document.
                    return Text(out _) && Expect((byte)':') && Entries(depth, isObject: true);
                default:
                    return false;
            }
        }

        /// <summary>Reads <c>n:{key value …}</c>: a JSON array when the keys are 0…n-1 in order (and not an object), else an
        /// object (integer keys written as their digits, property names without their visibility prefix).</summary>
        private bool Entries(int depth, bool isObject)
        {
            if (!Until((byte)':', out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return false;
            if (count < 0 || count > MaxElements || (_elements += count) > MaxElements || !Expect((byte)'{')) return false;
            // Decide list or map from the keys first: a list is read again from the same position.
            int start = Position;
            bool list = !isObject && SequentialKeys(count);
            Position = start;
            if (list) _json.WriteStartArray();
            else _json.WriteStartObject();
            for (int i = 0; i < count; i++)
            {
                if (!Key(out var key)) return false;
                if (!list) _json.WritePropertyName(key);
                if (!Value(depth + 1)) return false;
            }
            if (!Expect((byte)'}')) return false;
            if (list) _json.WriteEndArray();
            else _json.WriteEndObject();
            return true;
        }

        /// <summary>True when the next <paramref name="count"/> keys are <c>i:0;</c> … <c>i:count-1;</c>, in order (the
        /// values between them are skipped by their own grammar; the caller reads the entries again from the start).</summary>
        private bool SequentialKeys(int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (Position + 1 >= _bytes.Length || _bytes[Position] != (byte)'i' || _bytes[Position + 1] != (byte)':') return false;
                Position += 2;
                if (!Until((byte)';', out var digits) || digits != i.ToString(CultureInfo.InvariantCulture)) return false;
                if (!Skip(0)) return false;
            }
            return true;
        }

        /// <summary>Moves past one value without writing it; false when it is not one.</summary>
        private bool Skip(int depth)
        {
            if (depth > MaxDepth || Position + 1 >= _bytes.Length) return false;
            byte kind = _bytes[Position];
            if (kind == (byte)'N') return Expect((byte)'N') && Expect((byte)';');
            if (_bytes[Position + 1] != (byte)':') return false;
            Position += 2;
            switch (kind)
            {
                case (byte)'b' or (byte)'i' or (byte)'d' or (byte)'r' or (byte)'R':
                    return Until((byte)';', out _);
                case (byte)'s' or (byte)'E':
                    return Text(out _) && Expect((byte)';');
                case (byte)'O' or (byte)'a':
                {
                    if (kind == (byte)'O' && !(Text(out _) && Expect((byte)':'))) return false;
                    if (!Until((byte)':', out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                        || count > MaxElements || !Expect((byte)'{')) return false;
                    for (int i = 0; i < count; i++)
                        if (!Skip(depth + 1) || !Skip(depth + 1)) return false;
                    return Expect((byte)'}');
                }
                default:
                    return false;
            }
        }

        /// <summary>An array key (<c>i:n;</c> or <c>s:len:"…";</c>) as a JSON property name.</summary>
        private bool Key(out string key)
        {
            key = "";
            if (Position + 1 >= _bytes.Length || _bytes[Position + 1] != (byte)':') return false;
            byte kind = _bytes[Position];
            Position += 2;
            if (kind == (byte)'i') return Until((byte)';', out key) && long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            if (kind != (byte)'s' || !Text(out key) || !Expect((byte)';')) return false;
            // Protected (\0*\0name) and private (\0Class\0name) properties: the name after the last NUL.
            int nul = key.LastIndexOf('\0');
            if (nul >= 0) key = key[(nul + 1)..];
            return true;
        }

        /// <summary>Reads <c>len:"bytes"</c> (len in bytes, as PHP counts them).</summary>
        private bool Text(out string text)
        {
            text = "";
            if (!Until((byte)':', out var lengthText) || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length)) return false;
            if (!Expect((byte)'"') || length > _bytes.Length - Position - 1) return false;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(_bytes, Position, length);
            }
            catch (DecoderFallbackException)
            {
                return false; // a length that cuts a character
            }
            Position += length;
            return Expect((byte)'"');
        }

        /// <summary>Reads ASCII up to <paramref name="end"/> (at most 32 characters) and moves past it.</summary>
        private bool Until(byte end, out string text)
        {
            text = "";
            int at = Position;
            while (at < _bytes.Length && at - Position <= 32 && _bytes[at] != end) at++;
            if (at >= _bytes.Length || _bytes[at] != end || at == Position) return false;
            text = Encoding.ASCII.GetString(_bytes, Position, at - Position);
            Position = at + 1;
            return true;
        }

        private bool Expect(byte b)
        {
            if (Position >= _bytes.Length || _bytes[Position] != b) return false;
            Position++;
            return true;
        }
    }
}
