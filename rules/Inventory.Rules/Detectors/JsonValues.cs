using System.Globalization;
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
internal sealed record JsonPathSample(IReadOnlyList<JsonPathValues> Paths, int Documents, double TopKeyShare, bool Truncated);

/// <summary>
/// Lets the detectors see the values nested in JSON documents (C28, C29), whatever engine stored them (PostgreSQL
/// <c>json</c>/<c>jsonb</c>, MySQL <c>JSON</c>, JSON text in SQLite or SQL Server). Two readings, both bounded: a column
/// of JSON arrays of scalars gives its elements, like a PostgreSQL array; a column of objects gives its scalar values
/// path by path, so each path can be classified like a column. Limits: <see cref="MaxDocuments"/> documents,
/// depth <see cref="MaxDepth"/>, <see cref="MaxPaths"/> distinct paths and <see cref="MaxElements"/> elements per
/// array; what a limit cuts off is reported (<see cref="JsonPathSample.Truncated"/>). Documents that do not parse are
/// skipped. Pure and thread-safe.
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
    /// <returns>The scalar elements as text (strings unquoted, numbers as written), or null.</returns>
    public static List<string>? ArrayElements(IReadOnlyList<string> values, out int emptyArrays, int maxDocuments = MaxDocuments)
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
                using var document = JsonDocument.Parse(v);
                if (document.RootElement.ValueKind != JsonValueKind.Array) continue;
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
    /// <returns>The paths; empty when no value parses as a JSON object or array.</returns>
    public static JsonPathSample Paths(IReadOnlyList<string> values, int maxDocuments = MaxDocuments)
    {
        var paths = new Dictionary<string, Builder>(StringComparer.Ordinal);
        var order = new List<Builder>();
        var topKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        int documents = 0, objects = 0;
        bool truncated = false;
        foreach (var v in values)
        {
            if (documents >= maxDocuments) break;
            if (string.IsNullOrWhiteSpace(v) || v.AsSpan().TrimStart()[0] is not ('{' or '[')) continue;
            try
            {
                using var document = JsonDocument.Parse(v);
                documents++;
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
        return new JsonPathSample(order.Select(b => b.Build()).ToArray(), documents, topShare, truncated);

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
