using Spectre.Console;

namespace Inventory.Cli.Commands;

/// <summary>inventory annotate: PLACEHOLDER being written.</summary>
internal sealed class AnnotateCommand(IAnsiConsole console) : NotImplementedCommand(console, "annotate");
