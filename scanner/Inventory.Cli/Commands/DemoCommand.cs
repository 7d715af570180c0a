using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>inventory demo: PLACEHOLDER being written.</summary>
internal sealed class DemoCommand(IAnsiConsole console) : NotImplementedCommand(console, "demo");
