using Spectre.Console;
using Spectre.Console.Rendering;

namespace Inventory.Cli;

/// <summary>
/// The console of a command whose standard output is piped or redirected (a CI log, <c>| grep</c>, <c>&gt; file</c>):
/// read by programs and by people in log viewers that wrap lines themselves. So no line of text is ever folded: a
/// <see cref="Text"/>, <see cref="Markup"/> or <see cref="Paragraph"/> written to it (every <c>Write</c>,
/// <c>WriteLine</c> and <c>MarkupLine</c> of every command) is rendered at its own width, however long (a scan issue
/// naming a long path, a merge part's issues); tables, grids and rules are laid out at <see cref="LayoutWidth"/>
/// columns, wide enough for the help and the summaries, so they stay tables. No colour, no ANSI sequences, and no spaces
/// at line ends (<see cref="LineEndTrimmingWriter"/>: Spectre.Console pads tables and help grids to the width).
/// Spectre.Console's own choice for redirected output is 80 columns, at which it folds lines mid-word.
/// </summary>
internal sealed class RedirectedOutputConsole : IAnsiConsole
{
    /// <summary>The width tables, grids and rules are laid out at.</summary>
    public const int LayoutWidth = 240;

    /// <summary>The longest line written whole; a longer one (over a million characters) is folded.</summary>
    private const int LineLimit = 1 << 20;

    private readonly IAnsiConsole _inner;
    private readonly LineEndTrimmingWriter _output;

    /// <summary>Creates the console over <paramref name="output"/> (standard output in the program).</summary>
    /// <param name="output">Receives the text; not disposed. Call <see cref="Flush"/> at the end.</param>
    public RedirectedOutputConsole(TextWriter output)
    {
        _output = new LineEndTrimmingWriter(output);
        _inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(_output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        _inner.Profile.Width = LayoutWidth;
    }

    /// <inheritdoc />
    public Profile Profile => _inner.Profile;

    /// <inheritdoc />
    public IAnsiConsoleCursor Cursor => _inner.Cursor;

    /// <inheritdoc />
    public IAnsiConsoleInput Input => _inner.Input;

    /// <inheritdoc />
    public IExclusivityMode ExclusivityMode => _inner.ExclusivityMode;

    /// <inheritdoc />
    public RenderPipeline Pipeline => _inner.Pipeline;

    /// <inheritdoc />
    public void Clear(bool home) => _inner.Clear(home);

    /// <inheritdoc />
    public void WriteAnsi(Action<AnsiWriter> action) => _inner.WriteAnsi(action);

    /// <summary>Writes <paramref name="renderable"/>: text at its own width (never folded), anything else as laid out
    /// at <see cref="LayoutWidth"/>.</summary>
    /// <param name="renderable">What to write.</param>
    public void Write(IRenderable renderable) =>
        _inner.Write(renderable is Text or Markup or Paragraph ? new Unfolded(renderable) : renderable);

    /// <summary>Writes the spaces held back at the end of the output (a last line without a line break).</summary>
    public void Flush() => _output.Flush();

    /// <summary>Text rendered at the width of its longest line, so that no line is folded.</summary>
    private sealed class Unfolded(IRenderable text) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => text.Measure(options, LineLimit);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            text.Render(options, Math.Max(1, text.Measure(options, LineLimit).Max));
    }
}
