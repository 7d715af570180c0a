using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>inventory diff: PLACEHOLDER being written.</summary>
internal sealed class DiffCommand(IAnsiConsole console) : NotImplementedCommand(console, "diff");
