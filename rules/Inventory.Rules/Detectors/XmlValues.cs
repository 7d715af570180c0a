using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Lets the detectors see the values nested in XML documents (PostgreSQL and SQL Server <c>xml</c>, XML held in text
/// columns) the way they see JSON paths (C28, C29): each document is read with the BCL's <see cref="XmlReader"/> and
/// rewritten as the JSON object of its elements and attributes, which <see cref="JsonValues"/> then walks path by path
/// (<c>&lt;contact&gt;&lt;email&gt;…&lt;/email&gt;&lt;/contact&gt;</c> → <c>$.contact.email</c>; an attribute is a key
/// of its element, <c>&lt;client tel="…"/&gt;</c> → <c>$.client.tel</c>; repeated elements → <c>[*]</c>; namespace
/// prefixes dropped, local names kept). Safe settings: no DTD (a document declaring one is refused, so no entity is
/// expanded and nothing external is resolved: <see cref="DtdProcessing.Prohibit"/>, no resolver), at most
/// <see cref="MaxCharacters"/> characters per document, <see cref="MaxElements"/> elements and depth
/// <see cref="MaxDepth"/>. A value that is not well-formed XML is skipped (no finding, no exception). Pure and
/// thread-safe; values never leave it except as the rewritten documents handed to the classifier. A document whose first
/// element is HTML's (<c>&lt;p&gt;</c>, <c>&lt;div&gt;</c>, <c>&lt;html&gt;</c>) is markup around a message, not a record,
/// and is not rewritten.
/// </summary>
internal static class XmlValues
{
    /// <summary>Characters read per document at most (larger documents are refused).</summary>
    public const int MaxCharacters = 1_000_000;
    /// <summary>Elements kept per document at most (the rest is not read).</summary>
    public const int MaxElements = 2_000;
    /// <summary>Element depth read at most (deeper elements are not read).</summary>
    public const int MaxDepth = 16;

    // HTML's elements (WHATWG HTML, the ones bodies and snippets open with), lower case as HTML writes them.
    private static readonly HashSet<string> HtmlElements = new(StringComparer.Ordinal)
    {
        "html", "body", "head", "div", "p", "span", "br", "a", "b", "i", "u", "em", "strong", "ul", "ol", "li", "table", "tr",
        "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "img", "section", "article", "blockquote", "pre", "code", "font",
        "center", "small", "hr", "header", "footer", "main", "nav", "figure", "svg", "style", "script",
    };

    // Text kept as written (the documents are read back by System.Text.Json, never shown).
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        ConformanceLevel = ConformanceLevel.Fragment,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>The column's XML documents rewritten as JSON objects, or null unless at least half of the first
    /// <paramref name="maxDocuments"/> non-blank values are well-formed XML holding an element.</summary>
    /// <param name="values">The column's sampled values.</param>
    /// <param name="maxDocuments">Documents read at most.</param>
    /// <param name="tested">Non-blank values looked at.</param>
    /// <param name="cut">Documents among those returned that the sampling cut and that were read up to the cut.</param>
    /// <param name="cutLength">The length the connector cut values to (<see cref="Inventory.Classification.ColumnEvidence.ValueLengthLimit"/>):
    /// a value at least this long is read up to the cut (<see cref="ToJson(string, bool)"/>); null when nothing was cut.</param>
    /// <returns>One JSON object text per well-formed document, in order, or null.</returns>
    public static List<string>? AsJsonDocuments(IReadOnlyList<string> values, int maxDocuments, out int tested, out int cut, int? cutLength = null)
    {
        tested = 0;
        cut = 0;
        var documents = new List<string>();
        for (int i = 0; i < values.Count; i++) // by index: no enumerator boxed per column
        {
            var v = values[i];
            if (string.IsNullOrWhiteSpace(v)) continue;
            if (tested >= maxDocuments) break;
            tested++;
            // Cheap refusal first: XML starts with '<' (after a byte-order mark or blanks).
            var head = v.AsSpan().TrimStart().TrimStart('\uFEFF');
            if (head.IsEmpty || head[0] != '<') continue;
            // A whole document first; a value the sampling may have cut is read up to the cut only when it is not whole.
            var json = ToJson(v);
            if (json is null && JsonValues.MayBeCut(v, cutLength) && ToJson(v, cut: true) is { } start)
            {
                json = start;
                cut++;
            }
            if (json is not null) documents.Add(json);
        }
        return tested > 0 && documents.Count * 2 >= tested ? documents : null;
    }

    /// <summary>One XML document (or fragment of elements) as a JSON object text, or null when it is not well-formed XML
    /// with at least one element, declares a DTD or exceeds <see cref="MaxCharacters"/>.</summary>
    /// <param name="xml">The document.</param>
    public static string? ToJson(string xml) => ToJson(xml, cut: false);

    /// <summary>One XML document as a JSON object text; with <paramref name="cut"/>, the start of a document the sampling
    /// cut in the middle: read up to its last complete tag (text after it may be a value the cut split, and is dropped),
    /// the elements still open at the cut closed there, an open element without children dropped (its text was cut). An
    /// error before the cut (not well-formed, a DTD) still refuses the whole document.</summary>
    /// <param name="xml">The document or its cut start.</param>
    /// <param name="cut">True to read a cut document up to the cut.</param>
    /// <returns>The JSON object text, or null.</returns>
    public static string? ToJson(string xml, bool cut)
    {
        if (xml.Length > MaxCharacters) return null;
        if (cut)
        {
            int lastTag = xml.LastIndexOf('>');
            if (lastTag < 0) return null;
            xml = xml[..(lastTag + 1)];
        }
        var root = new JsonObject();
        var open = new Stack<Frame>();
        int elements = 0;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        // Markup around prose (an HTML body, <p>Bonjour…</p>) is a message, not a document of fields.
                        if (elements == 0 && HtmlElements.Contains(reader.LocalName)) return null;
                        bool kept = open.Count < MaxDepth && elements < MaxElements && (open.Count == 0 || open.Peek().Kept);
                        var frame = new Frame(reader.LocalName, kept);
                        if (kept)
                        {
                            elements++;
                            if (reader.MoveToFirstAttribute())
                            {
                                do
                                {
                                    if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns" || reader.Prefix == "xml") continue;
                                    Add(frame.Node, reader.LocalName, JsonValue.Create(reader.Value));
                                }
                                while (reader.MoveToNextAttribute());
                                reader.MoveToElement();
                            }
                        }
                        if (reader.IsEmptyElement) Close(frame, open.Count == 0 ? root : open.Peek().Node);
                        else open.Push(frame);
                        break;
                    }
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        if (open.Count > 0 && open.Peek().Kept) open.Peek().Text.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                    {
                        var frame = open.Pop();
                        Close(frame, open.Count == 0 ? root : open.Peek().Node);
                        break;
                    }
                }
            }
        }
        catch (XmlException e) when (cut && open.Count > 0 && AtTheEnd(xml, e))
        {
            // The cut: the elements still open end here; an open leaf's text was cut, so it is dropped.
            while (open.Count > 0)
            {
                var frame = open.Pop();
                if (frame.Node.Count > 0) Close(frame, open.Count == 0 ? root : open.Peek().Node);
            }
        }
        catch (XmlException)
        {
            return null; // not well-formed, a DTD, or over the size bound: no finding
        }
        return elements == 0 ? null : root.ToJsonString(Json);
    }

    /// <summary>True when the reader's error is the end of the text (XmlReader reports "unexpected end of file" one past the
    /// last character, lines counted as XML 1.0 section 2.11 normalises breaks), not a fault before it.</summary>
    private static bool AtTheEnd(string xml, XmlException error)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < xml.Length; i++)
        {
            if (xml[i] == '\r' && i + 1 < xml.Length && xml[i + 1] == '\n') i++;
            if (xml[i] is '\n' or '\r') { line++; lineStart = i + 1; }
        }
        return error.LineNumber == line && error.LinePosition == xml.Length - lineStart + 1;
    }

    // An element ends: a leaf is its text; an element with attributes or children is an object (its own text, when it
    // has both, is not kept: mixed content is markup around prose, not a field).
    private static void Close(Frame frame, JsonObject parent)
    {
        if (!frame.Kept) return;
        JsonNode? node = frame.Node.Count == 0 ? JsonValue.Create(frame.Text.ToString().Trim()) : frame.Node;
        Add(parent, frame.Name, node);
    }

    // A repeated key becomes an array of its values (<phone/><phone/> → phone[*]).
    private static void Add(JsonObject parent, string key, JsonNode? node)
    {
        if (!parent.TryGetPropertyValue(key, out var existing))
        {
            parent[key] = node;
            return;
        }
        if (existing is JsonArray list)
        {
            list.Add(node);
            return;
        }
        parent.Remove(key);
        parent[key] = new JsonArray(existing, node);
    }

    private sealed class Frame(string name, bool kept)
    {
        public string Name { get; } = name;
        public bool Kept { get; } = kept;
        public JsonObject Node { get; } = [];
        public StringBuilder Text { get; } = new();
    }
}
