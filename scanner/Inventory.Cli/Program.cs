using Inventory.Cli;
using Inventory.Cli.Commands;
using Spectre.Console;

// Output that is piped or redirected is read by programs and CI logs: never fold its lines, nor pad them
// (RedirectedOutputConsole).
// When an output file is standard output itself (--out /dev/stdout), the command's own text goes to standard error so
// that standard output carries the file alone (StandardOutputTarget).
var textToError = StandardOutputTarget.IsNamedIn(args);
var textIsRedirected = textToError ? Console.IsErrorRedirected : Console.IsOutputRedirected;
var textWriter = textToError ? Console.Error : Console.Out;
var pipedOutput = textIsRedirected ? new RedirectedOutputConsole(textWriter) : null;
IAnsiConsole console = pipedOutput ?? (textToError
    ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })
    : AnsiConsole.Console);
// Progress and errors go to standard error so that findings and reports on standard output stay clean.
ScanProgressView.ProgressWriter = Console.Error;
// Ctrl-C (SIGINT) and SIGTERM cancel the command, which cancels its database statements, then says so and exits 130 or
// 143 without a half-written file (trial28: it died silently with 130; trial36: SIGTERM left the sampling query running).
using var interrupt = new InterruptSignals(Console.Error);
var exit = interrupt.ExitCodeFor(await InventoryApp.RunAsync(args, console, Console.Error, interrupt.Token));

try { pipedOutput?.Flush(); }
catch (IOException e) when (StandardOutputTarget.IsBrokenPipe(e)) { return ExitCodes.BrokenPipe; }
return exit;
