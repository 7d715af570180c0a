using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Inventory.Yaml;

/// <summary>A YAML node with its position, read by <see cref="StrictYaml"/>.</summary>
public abstract class YNode
{
    /// <summary>File the node came from.</summary>
    public required string File { get; init; }
    /// <summary>1-based line.</summary>
    public int Line { get; init; }
    /// <summary>1-based column.</summary>
    public int Column { get; init; }

    /// <summary>An error located at this node.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    public ConfigurationException Error(string message) => new(message, File, Line, Column);

    /// <summary>A short name of the node's kind for messages.</summary>
    public abstract string KindName { get; }
}

/// <summary>A scalar.</summary>
public sealed class YScalar : YNode
{
    /// <summary>The scalar's text.</summary>
    public required string Value { get; init; }
    /// <summary>True when written without quotes (so <c>null</c>, <c>~</c> and empty mean null).</summary>
    public bool Plain { get; init; }
    /// <summary>True for a plain null (<c>~</c>, <c>null</c> or nothing).</summary>
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";
    /// <inheritdoc />
    public override string KindName => "a value";
}

/// <summary>A sequence.</summary>
public sealed class YSequence : YNode
{
    /// <summary>Items in order.</summary>
    public List<YNode> Items { get; } = [];
    /// <inheritdoc />
    public override string KindName => "a list";
}

/// <summary>A mapping whose keys are unique scalars, in file order.</summary>
public sealed class YMapping : YNode
{
    /// <summary>Entries in file order.</summary>
    public List<(YScalar Key, YNode Value)> Entries { get; } = [];
    /// <summary>Keys given more than once, when read with a duplicate-key sink (see
    /// <see cref="StrictYaml.ReadDocuments(string, string, ICollection{ConfigurationException})"/>): neither entry is in
    /// <see cref="Entries"/>. Empty otherwise.</summary>
    public List<YScalar> DuplicateKeys { get; } = [];
    /// <summary>Every entry of a key given more than once (the first one and each repeat, in file order), when read with
    /// a duplicate-key sink: none of them is in <see cref="Entries"/>, but a reader can still validate each value, so a
    /// misspelt category inside a duplicated pair is named in the same run (trial35 finding 9). Empty otherwise.</summary>
    public List<(YScalar Key, YNode Value)> DuplicateEntries { get; } = [];
    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>The value for a key, or null.</summary>
    /// <param name="key">Exact key.</param>
    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    /// <summary>Rejects keys outside <paramref name="allowed"/>, naming the closest allowed key.</summary>
    /// <param name="what">What the mapping is, for the message (e.g. "annotation").</param>
    /// <param name="allowed">Allowed keys.</param>
    /// <exception cref="ConfigurationException">An unknown key, at its position.</exception>
    public void AllowOnly(string what, params string[] allowed)
    {
        foreach (var (key, _) in Entries)
            if (!allowed.Contains(key.Value, StringComparer.Ordinal))
                throw key.Error($"unknown key '{key.Value}' in {what}{Suggest(key.Value, allowed)}; allowed keys: {string.Join(", ", allowed)}");
    }

    /// <summary>A required string value.</summary>
    /// <exception cref="ConfigurationException">Missing or not a scalar.</exception>
    public string RequireString(string key, string what) =>
        String(key) ?? throw Error($"{what} needs '{key}'");

    /// <summary>An optional string value (null when absent or null).</summary>
    /// <exception cref="ConfigurationException">Present but not a scalar.</exception>
    public string? String(string key) => this[key] switch
    {
        null => null,
        YScalar s when s.IsNull => null,
        YScalar s => s.Value,
        var n => throw n.Error($"'{key}' must be a single value, not {n.KindName}"),
    };

    /// <summary>An optional list of strings; a single scalar counts as a one-item list.</summary>
    /// <exception cref="ConfigurationException">Not a list of scalars.</exception>
    public List<string> Strings(string key) => this[key] switch
    {
        null => [],
        YScalar s when s.IsNull => [],
        YScalar s => [s.Value],
        YSequence q => q.Items.Select(i => i is YScalar s ? s.Value : throw i.Error($"items of '{key}' must be single values")).ToList(),
        var n => throw n.Error($"'{key}' must be a list, not {n.KindName}"),
    };

    /// <summary>An optional mapping.</summary>
    /// <exception cref="ConfigurationException">Present but not a mapping.</exception>
    public YMapping? Mapping(string key) => this[key] switch
    {
        null => null,
        YScalar s when s.IsNull => null,
        YMapping m => m,
        var n => throw n.Error($"'{key}' must be a mapping (key: value lines), not {n.KindName}"),
    };

    /// <summary>An optional number in the invariant culture.</summary>
    /// <exception cref="ConfigurationException">Not a number.</exception>
    public double? Number(string key)
    {
        var text = String(key);
        if (text is null) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d : throw this[key]!.Error($"'{key}' must be a number, not '{text}'");
    }

    /// <summary>An optional boolean (true/false).</summary>
    /// <exception cref="ConfigurationException">Not a boolean.</exception>
    public bool? Bool(string key)
    {
        var text = String(key);
        return text switch
        {
            null => null,
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            _ => throw this[key]!.Error($"'{key}' must be true or false, not '{text}'"),
        };
    }

    private static string Suggest(string key, string[] allowed) =>
        NameSuggestions.Closest(key, allowed) is { } best ? $" (did you mean '{best}'?)" : "";
}

/// <summary>
/// A strict YAML reader on top of YamlDotNet's parser: keeps line and column on every node, rejects duplicate keys,
/// tabs in indentation, anchors/aliases and non-scalar keys, and reports every error as a
/// <see cref="ConfigurationException"/> with file, line and column.
/// </summary>
public static class StrictYaml
{
    /// <summary>Reads every document of a YAML stream (documents separated by <c>---</c>); empty documents are skipped.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">File name for positions and messages.</param>
    /// <exception cref="ConfigurationException">Syntax error, tab indentation, duplicate key, alias.</exception>
    public static List<YNode> ReadDocuments(string text, string file) => ReadDocuments(text, file, duplicateKeys: null);

    /// <summary>Reads every document of a YAML stream, recording each duplicated mapping key instead of stopping: the
    /// reader cannot tell which of two entries was meant, so <b>neither</b> is kept (both are left out of
    /// <see cref="YMapping.Entries"/> and the key is listed in <see cref="YMapping.DuplicateKeys"/>), and the rest of the
    /// stream is still read.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">File name for positions and messages.</param>
    /// <param name="duplicateKeys">Receives one error per repeated key, at the repeat's line and column; null to throw
    /// at the first one.</param>
    /// <exception cref="ConfigurationException">Syntax error, tab indentation, alias (and a duplicate key when
    /// <paramref name="duplicateKeys"/> is null): the whole stream is unreadable.</exception>
    public static List<YNode> ReadDocuments(string text, string file, ICollection<ConfigurationException>? duplicateKeys)
    {
        CheckTabs(text, file);
        var documents = new List<YNode>();
        var parser = new CollectionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            parser.Consume<StreamStart>();
            while (parser.Accept<DocumentStart>(out _))
            {
                parser.Consume<DocumentStart>();
                if (parser.Accept<DocumentEnd>(out _)) { parser.Consume<DocumentEnd>(); continue; }
                var node = ReadNode(parser, file, duplicateKeys);
                parser.Consume<DocumentEnd>();
                if (node is YScalar s && s.IsNull) continue;
                documents.Add(node);
            }
            parser.Consume<StreamEnd>();
        }
        catch (YamlException e)
        {
            var problem = YamlSyntaxMessage.Describe(e, text, parser);
            throw new ConfigurationException(problem.Message, file, problem.Line, problem.Column, e);
        }
        catch (InvalidOperationException e) when (e.Source == typeof(Parser).Assembly.GetName().Name)
        {
            // YamlDotNet gives up on some unclosed flow collections without a YamlException (and without a position).
            throw parser.Abandoned(file, e);
        }
        return documents;
    }

    /// <summary>Reads a single-document file that must be a mapping.</summary>
    /// <param name="path">File to read.</param>
    /// <exception cref="ConfigurationException">Missing file, syntax error, or not a mapping.</exception>
    public static YMapping ReadMappingFile(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new ConfigurationException("file not found", path);
        var documents = ReadDocuments(System.IO.File.ReadAllText(path), path);
        if (documents.Count == 0) return new YMapping { File = path, Line = 1, Column = 1 };
        if (documents.Count > 1) throw documents[1].Error("expected a single YAML document");
        return documents[0] as YMapping ?? throw documents[0].Error("expected a mapping of key: value lines at the top level");
    }

    /// <summary>The syntax errors of a YAML stream that one run can name, in line order: every tab in indentation (found
    /// by a scan of the lines), and the parser's first error other than those when it is above the first tab (the text
    /// is read with each such tab taken as a space, so columns stay where they are; below a tab that guess at its width
    /// could make an error of its own). The parser (YamlDotNet) stops at its first error, so an error after it shows
    /// only once it is fixed: <paramref name="parserStopped"/> says whether that may be so. Empty when the stream reads.
    /// Source: trial33 finding 9 (three runs to fix three errors, the tab on line 6 named before the indentation on line 5).</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">File name for positions and messages.</param>
    /// <param name="parserStopped">True when the parser's error is named (later errors cannot be).</param>
    /// <returns>The errors, by line then column.</returns>
    public static IReadOnlyList<ConfigurationException> SyntaxErrors(string text, string file, out bool parserStopped)
    {
        var errors = new List<ConfigurationException>();
        var spaced = text.ToCharArray();
        int line = 1, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i != text.Length && text[i] != '\n') continue;
            var named = false;
            for (int j = start; j < i && (text[j] == ' ' || text[j] == '\t'); j++)
            {
                if (text[j] != '\t') continue;
                // The line's first tab is named; each is read as a space so the parser can look past it.
                if (!named) errors.Add(new ConfigurationException(TabInIndentation, file, line, j - start + 1));
                named = true;
                spaced[j] = ' ';
            }
            line++;
            start = i + 1;
        }
        parserStopped = false;
        try
        {
            ReadDocuments(new string(spaced), file, new List<ConfigurationException>());
        }
        catch (ConfigurationException e)
        {
            // Below a tab, the parser's error may come from reading that tab as one space (a guess at its width): it is
            // named only above the first tab, where the text is read as written.
            parserStopped = errors.Count == 0 || e.Line < errors[0].Line;
            if (parserStopped) errors.Add(e);
        }
        return errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
    }

    /// <summary>The message of a tab in indentation.</summary>
    public const string TabInIndentation = "tab character in indentation; YAML indents with spaces only";

    private static void CheckTabs(string text, string file)
    {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                for (int j = start; j < i && (text[j] == ' ' || text[j] == '\t'); j++)
                    if (text[j] == '\t')
                        throw new ConfigurationException(TabInIndentation, file, line, j - start + 1);
                line++;
                start = i + 1;
            }
        }
    }

    private static YNode ReadNode(IParser parser, string file, ICollection<ConfigurationException>? duplicateKeys)
    {
        var current = parser.Current!;
        int line = (int)current.Start.Line, column = (int)current.Start.Column;
        switch (current)
        {
            case AnchorAlias alias:
                throw new ConfigurationException($"aliases (*{alias.Value}) are not supported; write the value out", file, line, column);
            case Scalar scalar:
                parser.MoveNext();
                return new YScalar { File = file, Line = line, Column = column, Value = scalar.Value, Plain = scalar.Style == ScalarStyle.Plain };
            case SequenceStart:
            {
                parser.MoveNext();
                var seq = new YSequence { File = file, Line = line, Column = column };
                while (!parser.TryConsume<SequenceEnd>(out _))
                    seq.Items.Add(ReadNode(parser, file, duplicateKeys));
                return seq;
            }
            case MappingStart:
            {
                parser.MoveNext();
                var map = new YMapping { File = file, Line = line, Column = column };
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, file, duplicateKeys);
                    if (key is not YScalar k)
                        throw key.Error("keys must be plain values");
                    var value = ReadNode(parser, file, duplicateKeys);
                    if (seen.TryGetValue(k.Value, out var firstLine))
                    {
                        if (duplicateKeys is null)
                            throw k.Error($"duplicate key '{k.Value}' (first defined on line {firstLine})");
                        duplicateKeys.Add(k.Error($"duplicate key '{k.Value}' (first defined on line {firstLine}); neither entry is applied: keep one"));
                        map.DuplicateKeys.Add(k);
                        map.DuplicateEntries.Add((k, value));
                        continue;
                    }
                    seen[k.Value] = k.Line;
                    map.Entries.Add((k, value));
                }
                if (map.DuplicateKeys.Count > 0)
                {
                    map.DuplicateEntries.AddRange(map.Entries.Where(e => map.DuplicateKeys.Any(d => d.Value == e.Key.Value)));
                    map.DuplicateEntries.Sort((a, b) => (a.Key.Line, a.Key.Column).CompareTo((b.Key.Line, b.Key.Column)));
                    map.Entries.RemoveAll(e => map.DuplicateKeys.Any(d => d.Value == e.Key.Value));
                }
                return map;
            }
            default:
                throw new ConfigurationException($"unexpected YAML element {current.GetType().Name}", file, line, column);
        }
    }
}
