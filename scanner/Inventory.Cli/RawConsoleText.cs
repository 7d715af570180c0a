using Spectre.Console;
using Spectre.Console.Rendering;

namespace Inventory.Cli;

/// <summary>Text written as-is to the console: no markup, no wrapping at the console width (CI parsers read these lines
/// whole).</summary>
internal sealed class RawConsoleText(string text, Style? style = null) : IRenderable
{
    private readonly string[] _lines = text.TrimEnd('\n').Split('\n');

    /// <summary>Writes <paramref name="text"/> unchanged.</summary>
    public static void Write(IAnsiConsole console, string text) => console.Write(new RawConsoleText(text));

    public Measurement Measure(RenderOptions options, int maxWidth) => new(1, Math.Max(1, _lines.Max(l => l.Length)));

    public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        foreach (var line in _lines)
        {
            if (line.Length > 0) yield return new Segment(line, style ?? Style.Plain);
            yield return Segment.LineBreak;
        }
    }
}
