namespace Inventory.Cli;

/// <summary>Exit codes of the <c>inventory</c> command, documented in README.md.</summary>
public static class ExitCodes
{
    /// <summary>Success: the command did what was asked (for <c>check</c>: the gate passed).</summary>
    public const int Ok = 0;
    /// <summary><c>check</c>: the gate failed (untagged columns, conflicts under --strict, violated claims…).</summary>
    public const int GateFailed = 1;
    /// <summary>Bad input or configuration: missing file, malformed URI or YAML, unknown key or provider, unreachable database, wrong password (with several sources: when none could be reached).</summary>
    public const int BadInput = 2;
    /// <summary>The scan finished but coverage is incomplete: some sources, tables or columns could not be read (see the issues list).</summary>
    public const int ScanIncomplete = 3;
    /// <summary>A command or option that is not implemented yet.</summary>
    public const int NotImplemented = 4;
    /// <summary>Interrupted by the user (Ctrl-C, SIGINT): 128 + 2, the shells' convention; nothing half-written.</summary>
    public const int Interrupted = 130;
    /// <summary>Stopped by SIGTERM (<c>docker stop</c>, Kubernetes, CI cancellation): 128 + 15; its statements cancelled,
    /// nothing half-written.</summary>
    public const int Terminated = 143;
    /// <summary>Standard output was a pipe whose reader went away (<c>inventory diff … | head</c>): 128 + 13, what a
    /// program killed by SIGPIPE returns; nothing is printed.</summary>
    public const int BrokenPipe = 141;
    /// <summary>An unexpected internal error (a bug: please report it with --verbose output).</summary>
    public const int InternalError = 70;
}
