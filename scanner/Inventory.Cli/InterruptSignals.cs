using System.Runtime.InteropServices;

namespace Inventory.Cli;

/// <summary>
/// Turns the signals that stop a command — SIGINT (Ctrl-C) and SIGTERM (what <c>docker stop</c>, Kubernetes pod
/// termination and CI cancellation send) — into the cancellation of <see cref="Token"/>, so the command stops its
/// database statements (each connector cancels its running statement on the server when the token fires), writes
/// nothing half-done and says so.
/// </summary>
/// <remarks>
/// A second signal of the same kind within <see cref="DuplicateWindow"/> of the first is taken as the same request
/// delivered twice (GNU <c>timeout</c> and some supervisors signal the child and then its whole process group); a later
/// second Ctrl-C ends the process at once, as users expect of a command that does not stop. A command that has not
/// stopped <see cref="GracePeriod"/> after the first signal is ended with the signal's exit code, well inside the 30 s
/// Kubernetes gives a pod by default. Trial 36 found both gaps: SIGTERM killed the process with its sampling query left
/// running on the server, and a doubled SIGINT did the same one run in four.
/// </remarks>
internal sealed class InterruptSignals : IDisposable
{
    /// <summary>How long after the first signal a second one is taken as the same request.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromSeconds(1);

    /// <summary>How long a command has to stop after the first signal before the process ends anyway.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _error;
    private readonly object _gate = new();
    private PosixSignal? _received;
    private DateTime _receivedAt;

    /// <summary>Registers the handlers.</summary>
    /// <param name="error">Where the line about a command that did not stop in time goes (standard error).</param>
    public InterruptSignals(TextWriter error)
    {
        _error = error;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try { _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal)); }
            catch (PlatformNotSupportedException) { } // a platform without the signal keeps its default behaviour
        }
    }

    /// <summary>Cancelled at the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Received { get { lock (_gate) return _received; } }

    /// <summary>The process's exit code once the command returned <paramref name="exit"/>: an interrupted command exits
    /// 128 + the signal's number (130 for SIGINT, 143 for SIGTERM), the shells' convention.</summary>
    /// <param name="exit">The command's exit code.</param>
    public int ExitCodeFor(int exit) =>
        exit == ExitCodes.Interrupted && Received == PosixSignal.SIGTERM ? ExitCodes.Terminated : exit;

    private void OnSignal(PosixSignalContext context)
    {
        lock (_gate)
        {
            if (_received is null)
            {
                _received = context.Signal;
                _receivedAt = DateTime.UtcNow;
                context.Cancel = true;
                _ = EndIfStillRunningAsync(context.Signal);
            }
            else if (context.Signal == _received && DateTime.UtcNow - _receivedAt < DuplicateWindow)
            {
                context.Cancel = true; // the same request delivered twice
                return;
            }
            else if (context.Signal == PosixSignal.SIGTERM)
            {
                context.Cancel = true; // a supervisor repeating itself: the grace period still ends the process
                return;
            }
            else return; // a deliberate second Ctrl-C: the default action ends the process now
        }
        _source.Cancel();
    }

    private async Task EndIfStillRunningAsync(PosixSignal signal)
    {
        await Task.Delay(GracePeriod).ConfigureAwait(false);
        var code = signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        try { _error.WriteLine($"error: interrupted: the command did not stop within {GracePeriod.TotalSeconds:0} s; ending the process (an existing output file is left as it was)"); }
        catch (IOException) { }
        Environment.Exit(code);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _source.Dispose();
    }
}
