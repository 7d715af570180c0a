using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>inventory train: PLACEHOLDER being written.</summary>
internal sealed class TrainCommand(IAnsiConsole console) : NotImplementedCommand(console, "train");
