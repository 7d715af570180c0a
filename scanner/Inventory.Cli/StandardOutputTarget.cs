namespace Inventory.Cli;

/// <summary>
/// Whether a command line names the process's standard output as one of its output files (<c>--out /dev/stdout</c>,
/// <c>--json /dev/fd/1</c>…): then the command's own text (summaries, findings) goes to standard error, so what reaches
/// standard output is the file alone and <c>inventory scan --out /dev/stdout | jq …</c> reads one JSON document
/// (trial36: the scan's summary and the diff's text were mixed into it).
/// </summary>
internal static class StandardOutputTarget
{
    // The names Linux and macOS give the process's standard output.
    private static readonly string[] Aliases = ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"];

    /// <summary>True when an argument (an option's value, or <c>--option=value</c>) names standard output.</summary>
    /// <param name="args">The command line.</param>
    public static bool IsNamedIn(IEnumerable<string> args) =>
        args.Any(a => Names(a) || (a.StartsWith("--", StringComparison.Ordinal) && a.IndexOf('=') is > 2 and var i && Names(a[(i + 1)..])));

    private static bool Names(string path) => Aliases.Contains(path, StringComparer.Ordinal);

    /// <summary>True when <paramref name="e"/> (or an exception inside it) is a write to a pipe whose reader has gone
    /// (EPIPE: <c>inventory diff … | head</c>): not an error of the tool's; the command ends quietly with
    /// <see cref="ExitCodes.BrokenPipe"/>, as a program killed by SIGPIPE would.</summary>
    /// <param name="e">The exception that ended the command.</param>
    public static bool IsBrokenPipe(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is IOException io && (io.HResult == BrokenPipeErrno || io.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase)))
                return true;
        return false;
    }

    private const int BrokenPipeErrno = 32; // EPIPE on Linux and macOS
}
