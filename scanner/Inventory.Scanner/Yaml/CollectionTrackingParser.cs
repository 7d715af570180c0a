using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Inventory.Yaml;

/// <summary>
/// A YAML parser that remembers where each open collection began and where the last event was read, so that a parse
/// the library abandons without a position can still be reported at a line and column. YamlDotNet's scanner throws a
/// bare <see cref="InvalidOperationException"/> (no position) on some unclosed flow collections: <c>b: { category: none</c>
/// followed by a <c>key: value</c> line, or <c>a: [none</c> followed by one (trial 19: an internal error, exit 70, for a
/// typo in an annotation file).
/// </summary>
internal sealed class CollectionTrackingParser(IParser inner) : IParser
{
    private readonly Stack<(bool Flow, char Opener, Mark Start)> _open = new();

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the last event read began (the stream's start before any).</summary>
    public Mark LastStart { get; private set; } = Mark.Empty;

    /// <summary>The innermost flow collection (<c>{ … }</c> or <c>[ … ]</c>) still open: its opening character and
    /// position, or null when none is open.</summary>
    public (char Opener, Mark Start)? OpenFlow => _open.Where(o => o.Flow).Select(o => ((char, Mark)?)(o.Opener, o.Start)).FirstOrDefault();

    /// <inheritdoc />
    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        switch (inner.Current)
        {
            case MappingStart m:
                _open.Push((m.Style == MappingStyle.Flow, '{', m.Start));
                break;
            case SequenceStart s:
                _open.Push((s.Style == SequenceStyle.Flow, '[', s.Start));
                break;
            case MappingEnd or SequenceEnd when _open.Count > 0:
                _open.Pop();
                break;
        }
        if (inner.Current is { } current) LastStart = current.Start;
        return moved;
    }

    /// <summary>The error for a parse the library abandoned without a position: at the unclosed flow collection when
    /// one is open, else at the last event read.</summary>
    /// <param name="file">File name for the position.</param>
    /// <param name="cause">The library's exception, kept as the inner exception.</param>
    /// <returns>A configuration error with file, line and column.</returns>
    public ConfigurationException Abandoned(string file, Exception cause)
    {
        if (OpenFlow is { } open)
        {
            var closer = open.Opener == '{' ? '}' : ']';
            return new ConfigurationException(
                $"invalid YAML: the '{open.Opener}' opened here is not closed before the next line: add the '{closer}', or write the entry on indented lines without '{open.Opener}'",
                file, (int)open.Start.Line, (int)open.Start.Column, cause);
        }
        return new ConfigurationException("invalid YAML: the parser cannot read past this point (check the quotes, brackets and indentation here and on the next line)",
            file, Math.Max(1, (int)LastStart.Line), Math.Max(1, (int)LastStart.Column), cause);
    }
}
