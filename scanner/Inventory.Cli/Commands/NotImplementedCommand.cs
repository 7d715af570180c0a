using Spectre.Console;
using Spectre.Console.Cli;

namespace Inventory.Cli.Commands;

/// <summary>Shared base for commands that are not finished: says so and exits non-zero.</summary>
internal abstract class NotImplementedCommand(IAnsiConsole console, string name) : Command<NotImplementedCommand.Settings>
{
    public sealed class Settings : CommandSettings { }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        console.MarkupLine($"[red]inventory {name} is not implemented yet.[/]");
        return ExitCodes.NotImplemented;
    }
}
