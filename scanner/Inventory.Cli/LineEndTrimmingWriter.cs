using System.Text;

namespace Inventory.Cli;

/// <summary>A writer that drops the spaces at the end of every line before passing text on. Spectre.Console pads tables
/// and help grids to the console width, and piped output is laid out at a wide width (240) and its text is never folded (RedirectedOutputConsole): without
/// this, every line of <c>inventory scan --help | less</c> or of a CI log would carry up to 240 columns of spaces.
/// Spaces inside a line are kept; spaces pending when the writer is flushed or disposed are written then.
/// Each call's text goes on in one write of the inner writer (never character by character: standard output
/// flushes on every write, and <c>check</c>'s 8 MB of findings made 8 million write system calls, 7 s of system time on
/// the 1,001-table bench inventory; gate48), so what the inner writer receives, and when, is the same text at the
/// same call as before.</summary>
/// <param name="inner">The writer that receives the text (standard output); not disposed by this writer.</param>
internal sealed class LineEndTrimmingWriter(TextWriter inner) : TextWriter
{
    // Text of the current call, trimmed, handed to the inner writer at the call's end (or in 64 KB pieces).
    private const int PieceLength = 1 << 16;
    private readonly StringBuilder _piece = new();
    private int _pendingSpaces;

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        Append(value);
        WritePiece();
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null) return;
        Write(value.AsSpan());
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        foreach (var c in buffer)
        {
            Append(c);
            if (_piece.Length >= PieceLength) WritePiece();
        }
        WritePiece();
    }

    /// <inheritdoc />
    public override void Flush()
    {
        AppendPendingSpaces();
        WritePiece();
        inner.Flush();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    private void Append(char value)
    {
        if (value == ' ')
        {
            _pendingSpaces++;
            return;
        }
        if (value is not ('\n' or '\r')) AppendPendingSpaces();
        else _pendingSpaces = 0;
        _piece.Append(value);
    }

    private void AppendPendingSpaces()
    {
        if (_pendingSpaces == 0) return;
        _piece.Append(' ', _pendingSpaces);
        _pendingSpaces = 0;
    }

    private void WritePiece()
    {
        if (_piece.Length == 0) return;
        inner.Write(_piece.ToString());
        _piece.Clear();
    }
}
