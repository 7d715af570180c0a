using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>inventory scan: PLACEHOLDER being written.</summary>
internal sealed class ScanCommand(IAnsiConsole console) : NotImplementedCommand(console, "scan");
