using Inventory.Cli;
using Spectre.Console;

return await InventoryApp.RunAsync(args, AnsiConsole.Console, Console.Error);
