using System.Globalization;
using System.Text;
using System.Text.Json;
using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules.Detectors;

/// <summary>The scalar values found at one path of a column's JSON documents.</summary>
/// <param name="Path">The path, <c>$.customer.email</c>, arrays as <c>[*]</c>. Keys may be data (a map may be keyed by
/// e-mail addresses): a path leaves the classifier only as evidence of a schema path (<see cref="ContentEvidence.IsSchemaPath"/>).</param>
/// <param name="Key">The last object key on the path (<c>email</c>; <c>todo</c> for <c>$.todo[*]</c>); empty at the root.</param>
/// <param name="Family">The family of its values: <see cref="TypeFamily.Decimal"/> when every value was a JSON number,
/// <see cref="TypeFamily.Boolean"/> for booleans only, <see cref="TypeFamily.Untyped"/> otherwise.</param>
/// <param name="Values">Its scalar values as text (raw: never stored).</param>
/// <param name="Documents">Documents holding the path at least once.</param>
internal sealed record JsonPathValues(string Path, string Key, TypeFamily Family, IReadOnlyList<string> Values, int Documents);

/// <summary>What the JSON documents of one column hold, path by path.</summary>
/// <param name="Paths">Paths in order of first appearance, at most <see cref="JsonValues.MaxPaths"/>.</param>
/// <param name="Documents">Documents parsed.</param>
/// <param name="TopKeyShare">Share of the documents with keys that hold the most frequent top-level key, in [0, 1]: near 1
/// for a structured payload whose keys repeat on every row, low for documents users write, whose keys change from row to
/// row (C28). A document that is an array of records counts the keys of its records; 1 when no document holds a key.</param>
/// <param name="Truncated">True when a limit (depth, paths, elements per array) cut something off.</param>
/// <param name="Cut">Documents among <paramref name="Documents"/> that the sampling cut (at the connector's value length
/// limit) and that were read up to the cut (<see cref="JsonValues.CompletePrefix"/>).</param>
internal sealed record JsonPathSample(IReadOnlyList<JsonPathValues> Paths, int Documents, double TopKeyShare, bool Truncated, int Cut = 0);

/// <summary>
/// Lets the detectors see the values nested in JSON documents (C28, C29), whatever engine stored them (PostgreSQL
/// <c>json</c>/<c>jsonb</c>, MySQL <c>JSON</c>, JSON text in SQLite or SQL Server). Two readings, both bounded: a column
/// of JSON arrays of scalars gives its elements, like a PostgreSQL array; a column of objects gives its scalar values
/// path by path, so each path can be classified like a column. Limits: <see cref="MaxDocuments"/> documents,
/// depth <see cref="MaxDepth"/>, <see cref="MaxPaths"/> distinct paths and <see cref="MaxElements"/> elements per
/// array; what a limit cuts off is reported (<see cref="JsonPathSample.Truncated"/>). Documents that do not parse are
/// skipped, except a document the sampling cut (a value as long as the connector's value length limit, default 4,096
/// characters: a webhook payload or an order snapshot is often longer), which is read up to the cut
/// (<see cref="CompletePrefix"/>) rather than lost. Pure and thread-safe.
/// </summary>
internal static class JsonValues
{
    /// <summary>Documents read per column at most.</summary>
    public const int MaxDocuments = 50;
    /// <summary>Nesting depth walked at most.</summary>
    public const int MaxDepth = 8;
    /// <summary>Distinct paths kept per column at most.</summary>
    public const int MaxPaths = 200;
    /// <summary>Elements read per array at most.</summary>
    public const int MaxElements = 20;

    /// <summary>The elements of a column whose documents are JSON arrays of scalars (<c>["a@example.com", "b@example.org"]</c>):
    /// null unless at least half of the non-blank values are such arrays (an object or a nested array disqualifies a
    /// value). An empty array is counted in <paramref name="emptyArrays"/>: no evidence either way, like a NULL.</summary>
    /// <param name="values">The column's sampled values.</param>
    /// <param name="emptyArrays">Arrays without a scalar element.</param>
    /// <param name="maxDocuments">Documents read at most.</param>
    /// <param name="cutLength">The length the connector cut values to (<see cref="ColumnEvidence.ValueLengthLimit"/>): a
    /// value at least this long is read up to the cut; null when nothing was cut.</param>
    /// <returns>The scalar elements as text (strings unquoted, numbers as written), or null.</returns>
    public static List<string>? ArrayElements(IReadOnlyList<string> values, out int emptyArrays, int maxDocuments = MaxDocuments, int? cutLength = null)
    {
        emptyArrays = 0;
        var elements = new List<string>();
        int nonBlank = 0, arrays = 0;
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            if (nonBlank >= maxDocuments) break;
            nonBlank++;
            var trimmed = v.AsSpan().TrimStart();
            if (trimmed[0] != '[') continue;
            try
            {
                using var document = Parse(v, cutLength);
                if (document is null || document.RootElement.ValueKind != JsonValueKind.Array) continue;
                int before = elements.Count, taken = 0;
                bool scalars = true;
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array) { scalars = false; break; }
                    if (taken++ >= MaxElements) break;
                    if (Scalar(item) is { } text) elements.Add(text);
                }
                if (!scalars) { elements.RemoveRange(before, elements.Count - before); continue; }
                arrays++;
                if (elements.Count == before) emptyArrays++;
            }
            catch (JsonException)
            {
                // Not JSON: counted as a non-array value.
            }
        }
        return nonBlank > 0 && arrays * 2 >= nonBlank ? elements : null;
    }

    /// <summary>The scalar values of a column's JSON documents, path by path (see the class summary).</summary>
    /// <param name="values">The column's sampled values.</param>
    /// <param name="maxDocuments">Documents read at most.</param>
    /// <param name="cutLength">The length the connector cut values to (<see cref="ColumnEvidence.ValueLengthLimit"/>): a
    /// value at least this long is read up to the cut; null when nothing was cut.</param>
    /// <returns>The paths; empty when no value parses as a JSON object or array.</returns>
    public static JsonPathSample Paths(IReadOnlyList<string> values, int maxDocuments = MaxDocuments, int? cutLength = null)
    {
        var paths = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var order = new List<Builder>();
        var topKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        int documents = 0, objects = 0, cut = 0;
        bool truncated = false;
        foreach (var v in values)
        {
            if (documents >= maxDocuments) break;
            if (string.IsNullOrWhiteSpace(v) || v.AsSpan().TrimStart()[0] is not ('{' or '[')) continue;
            try
            {
                using var document = Parse(v, cutLength, out bool wasCut);
                if (document is null) continue;
                documents++;
                if (wasCut) cut++;
                var root = document.RootElement;
                if (RecordKeys(root) is { } keys)
                {
                    objects++;
                    foreach (var name in keys) topKeys[name] = topKeys.GetValueOrDefault(name) + 1;
                }
                var seen = new HashSet<string>(StringComparer.Ordinal);
                Walk(root, "$", "", 0, seen);
            }
            catch (JsonException)
            {
                // Not a JSON document: skipped.
            }
        }
        // No document with a key (arrays of scalars or of arrays, empty objects): nothing shows keys changing by row.
        double topShare = objects == 0 || topKeys.Count == 0 ? 1 : (double)topKeys.Values.Max() / objects;
        return new JsonPathSample(order.Select(b => b.Build()).ToArray(), documents, topShare, truncated, cut);

        void Walk(JsonElement element, string path, string key, int depth, HashSet<string> seen)
        {
            if (depth > MaxDepth) { truncated = true; return; }
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        Walk(property.Value, path + "." + property.Name, property.Name, depth + 1, seen);
                    break;
                case JsonValueKind.Array:
                    int taken = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (taken++ >= MaxElements) { truncated = true; break; }
                        Walk(item, path + "[*]", key, depth + 1, seen);
                    }
                    break;
                default:
                    if (Scalar(element) is not { } text) return;
                    if (!paths.TryGetValue(path, out var builder))
                    {
                        if (paths.Count >= MaxPaths) { truncated = true; return; }
                        paths[path] = builder = new Builder(path, key);
                        order.Add(builder);
                    }
                    builder.Add(text, element.ValueKind, seen.Add(path));
                    break;
            }
        }
    }

    /// <summary>True when a value may have been cut by the sampling: it is at least <paramref name="cutLength"/> long.</summary>
    /// <param name="value">A sampled value.</param>
    /// <param name="cutLength">The connector's value length limit, or null when nothing was cut.</param>
    public static bool MayBeCut(string value, int? cutLength) => cutLength is { } limit && value.Length >= limit;

    /// <summary>Parses one value as a JSON document; a value the sampling may have cut (<see cref="MayBeCut"/>) that is not
    /// a whole document is read up to the cut (<see cref="CompletePrefix"/>).</summary>
    /// <param name="value">A sampled value.</param>
    /// <param name="cutLength">The connector's value length limit, or null.</param>
    /// <param name="cut">True when the document was completed from a cut prefix.</param>
    /// <returns>The document (the caller disposes it), or null when the value is neither a JSON document nor a cut one.</returns>
    /// <exception cref="JsonException">Never for a value that may have been cut; otherwise when the value is not JSON.</exception>
    private static JsonDocument? Parse(string value, int? cutLength, out bool cut)
    {
        cut = false;
        if (!MayBeCut(value, cutLength)) return JsonDocument.Parse(value);
        try
        {
            return JsonDocument.Parse(value);
        }
        catch (JsonException)
        {
            if (CompletePrefix(value) is not { } whole) return null;
            cut = true;
            return JsonDocument.Parse(whole);
        }
    }

    private static JsonDocument? Parse(string value, int? cutLength) => Parse(value, cutLength, out _);

    /// <summary>The start of a JSON document cut in the middle (the sampling keeps the first characters of a value), made
    /// whole: its complete values up to the cut, then the brackets that close the objects and arrays still open. A string,
    /// number or key the cut split is dropped, never completed. Read with System.Text.Json's <see cref="Utf8JsonReader"/>
    /// over a block that is not final, which stops at the cut without error and throws at a real syntax error
    /// (RFC 8259).</summary>
    /// <param name="value">The cut value.</param>
    /// <returns>The whole document as UTF-8 JSON, or null when the value does not start a JSON object or array, has a
    /// syntax error before the cut, or is nested deeper than 64.</returns>
    public static byte[]? CompletePrefix(string value)
    {
        var text = value.AsSpan().TrimStart();
        if (text.IsEmpty || text[0] is not ('{' or '[')) return null;
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        var open = new List<byte>();
        byte[] closers = [];
        long end = 0;
        try
        {
            var reader = new Utf8JsonReader(bytes, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 }));
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: open.Add((byte)'}'); break;
                    case JsonTokenType.StartArray: open.Add((byte)']'); break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray: open.RemoveAt(open.Count - 1); break;
                    case JsonTokenType.PropertyName: continue; // a key without its value is not a whole member
                }
                // Here the document read so far is whole once the open brackets are closed.
                end = reader.BytesConsumed;
                closers = [.. Enumerable.Reverse(open)];
                if (open.Count == 0) return bytes[..(int)end]; // a whole document after all
            }
        }
        catch (JsonException)
        {
            return null; // a syntax error before the cut: not JSON
        }
        if (end == 0) return null;
        var whole = new byte[end + closers.Length];
        bytes.AsSpan(0, (int)end).CopyTo(whole);
        closers.CopyTo(whole.AsSpan((int)end));
        return whole;
    }

    /// <summary>The share of a column's first <paramref name="maxDocuments"/> non-blank values that are JSON objects or
    /// arrays, whole or cut by the sampling (<see cref="CompletePrefix"/>), for a column whose documents the sampling cut
    /// (the JSON detector matches whole documents only).</summary>
    /// <param name="values">The column's sampled values.</param>
    /// <param name="cutLength">The connector's value length limit, or null (then 0 unless a value is whole JSON).</param>
    /// <param name="maxDocuments">Values looked at most.</param>
    /// <returns>The share in [0, 1]; 0 for a column without non-blank values.</returns>
    public static double DocumentShare(IReadOnlyList<string> values, int? cutLength, int maxDocuments = MaxDocuments)
    {
        int tested = 0, documents = 0;
        foreach (var v in values)
        {
            if (string.IsNullOrWhiteSpace(v)) continue;
            if (tested >= maxDocuments) break;
            tested++;
            if (v.AsSpan().TrimStart()[0] is not ('{' or '[')) continue;
            try
            {
                using var document = Parse(v, cutLength);
                if (document is not null && document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array) documents++;
            }
            catch (JsonException)
            {
                // Not JSON.
            }
        }
        return tested == 0 ? 0 : (double)documents / tested;
    }

    /// <summary>The top-level keys of one document, each once: an object's own keys; for an array (a list of records,
    /// <c>[{"filename": …, "size": …}, …]</c>) the keys of its object elements among the first <see cref="MaxElements"/>,
    /// since its records play the part a top-level object plays. Null when the document holds no such key (a scalar, an
    /// array of scalars or of arrays, an empty object).</summary>
    /// <param name="root">The document's root element.</param>
    private static HashSet<string>? RecordKeys(JsonElement root)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (root.ValueKind == JsonValueKind.Object)
            foreach (var property in root.EnumerateObject()) keys.Add(property.Name);
        else if (root.ValueKind == JsonValueKind.Array)
            foreach (var item in root.EnumerateArray().Take(MaxElements))
                if (item.ValueKind == JsonValueKind.Object)
                    foreach (var property in item.EnumerateObject()) keys.Add(property.Name);
        return keys.Count > 0 ? keys : null;
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private sealed class Builder(string path, string key)
    {
        private readonly List<string> _values = [];
        private int _documents, _numbers, _booleans;

        public void Add(string text, JsonValueKind kind, bool newDocument)
        {
            _values.Add(text);
            if (newDocument) _documents++;
            if (kind == JsonValueKind.Number) _numbers++;
            else if (kind is JsonValueKind.True or JsonValueKind.False) _booleans++;
        }

        public JsonPathValues Build()
        {
            var family = _numbers == _values.Count ? TypeFamily.Decimal : _booleans == _values.Count ? TypeFamily.Boolean : TypeFamily.Untyped;
            return new JsonPathValues(path, key, family, _values, _documents);
        }
    }

    /// <summary>The rank of a category when a document's paths disagree (C28): the most identifying wins, in the fixed
    /// order financial &gt; contact &gt; other_personal &gt; automatic &gt; customer_content &gt; none.</summary>
    /// <param name="category">A top-level category.</param>
    /// <returns>Higher is more identifying.</returns>
    public static int Rank(string category) => JsonPathText.Rank(category);

    /// <summary>Culture-invariant text of a count, for evidence details.</summary>
    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
