using Inventory.Cli;
using Inventory.Cli.Commands;
using Spectre.Console;

// Output that is piped or redirected is read by programs and CI logs: never fold its lines, nor pad them
// (RedirectedOutputConsole).
var pipedOutput = Console.IsOutputRedirected ? new RedirectedOutputConsole(Console.Out) : null;
IAnsiConsole console = pipedOutput is null ? AnsiConsole.Console : pipedOutput;
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
