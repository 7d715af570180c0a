using Inventory.Cli;
using Inventory.Cli.Commands;
using Spectre.Console;

// Output that is piped or redirected is read by programs and CI logs: do not fold it at 80 columns.
if (Console.IsOutputRedirected)
    AnsiConsole.Console.Profile.Width = 240;
// Progress and errors go to standard error so that findings and reports on standard output stay clean.
ScanProgressView.ProgressWriter = Console.Error;
return await InventoryApp.RunAsync(args, AnsiConsole.Console, Console.Error);
