using Inventory.Cli;
using Inventory.Cli.Commands;
using Spectre.Console;

var console = AnsiConsole.Console;
LineEndTrimmingWriter? pipedOutput = null;
// Output that is piped or redirected is read by programs and CI logs: do not fold it at 80 columns, and do not pad
// its lines to that width either.
if (Console.IsOutputRedirected)
{
    pipedOutput = new LineEndTrimmingWriter(Console.Out);
    console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(pipedOutput),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
    });
    console.Profile.Width = 240;
}
// Progress and errors go to standard error so that findings and reports on standard output stay clean.
ScanProgressView.ProgressWriter = Console.Error;
// Ctrl-C cancels the command, which then says so and exits 130 without a half-written file (trial28: it died silently
// with 130); a second Ctrl-C ends the process at once, should a step not observe the cancellation.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (interrupt.IsCancellationRequested) return;
    e.Cancel = true;
    interrupt.Cancel();
};
var exit = await InventoryApp.RunAsync(args, console, Console.Error, interrupt.Token);

pipedOutput?.Flush();
return exit;
