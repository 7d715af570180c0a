using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>inventory check: PLACEHOLDER being written.</summary>
internal sealed class CheckCommand(IAnsiConsole console) : NotImplementedCommand(console, "check");
