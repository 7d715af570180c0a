using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>inventory report: PLACEHOLDER being written.</summary>
internal sealed class ReportCommand(IAnsiConsole console) : NotImplementedCommand(console, "report");
