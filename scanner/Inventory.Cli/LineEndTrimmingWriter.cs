using System.Text;

namespace Inventory.Cli;

/// <summary>A writer that drops the spaces at the end of every line before passing text on. Spectre.Console pads tables
/// and help grids to the console width, and piped output is laid out at a wide width (240) and its text is never folded (RedirectedOutputConsole): without
/// this, every line of <c>inventory scan --help | less</c> or of a CI log would carry up to 240 columns of spaces.
/// Spaces inside a line are kept; spaces pending when the writer is flushed or disposed are written then.</summary>
/// <param name="inner">The writer that receives the text (standard output); not disposed by this writer.</param>
internal sealed class LineEndTrimmingWriter(TextWriter inner) : TextWriter
{
    private int _pendingSpaces;

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        if (value == ' ')
        {
            _pendingSpaces++;
            return;
        }
        if (value is not ('\n' or '\r')) WritePendingSpaces();
        else _pendingSpaces = 0;
        inner.Write(value);
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (var c in value) Write(c);
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count)
    {
        for (int i = index; i < index + count; i++) Write(buffer[i]);
    }

    /// <inheritdoc />
    public override void Flush()
    {
        WritePendingSpaces();
        inner.Flush();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    private void WritePendingSpaces()
    {
        if (_pendingSpaces == 0) return;
        inner.Write(new string(' ', _pendingSpaces));
        _pendingSpaces = 0;
    }
}
