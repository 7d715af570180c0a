using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>inventory evaluate: PLACEHOLDER being written.</summary>
internal sealed class EvaluateCommand(IAnsiConsole console) : NotImplementedCommand(console, "evaluate");
