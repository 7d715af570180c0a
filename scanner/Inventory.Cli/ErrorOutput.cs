using Spectre.Console;

namespace Inventory.Cli;

/// <summary>Where a command writes its error lines (bad annotation files, nothing written): standard error in the real
/// program, each message one line, never wrapped at the console width, so CI logs and <c>2&gt;</c> keep them whole and
/// standard output stays for findings and reports.</summary>
/// <param name="console">The command console, used when no error writer is given (tests without one).</param>
/// <param name="writer">Standard error, or null.</param>
internal sealed class ErrorOutput(IAnsiConsole console, TextWriter? writer)
{
    /// <summary>Writes <c>error: MESSAGE</c> as one line (line breaks inside the message become spaces).</summary>
    /// <param name="message">The message, e.g. an annotation error's <c>file:line:column: reason</c>.</param>
    public void Error(string message) => Line($"error: {message.ReplaceLineEndings(" ")}");

    /// <summary>Writes <paramref name="line"/> as-is, unwrapped.</summary>
    /// <param name="line">One line of text, without a line break.</param>
    public void Line(string line)
    {
        if (writer is not null) writer.WriteLine(line);
        else RawConsoleText.Write(console, line);
    }
}
