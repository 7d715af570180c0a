using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Inventory.Cli;

/// <summary>Spectre.Console.Cli's help, plus the two options <see cref="InventoryApp"/> handles before the parser
/// sees the command line: <c>--version</c> (alone, at the root) and <c>--verbose</c>/<c>-v</c> (anywhere). Spectre's own
/// <c>SetApplicationVersion</c> would list <c>-v, --version</c>, but <c>-v</c> means <c>--verbose</c> here.</summary>
/// <param name="settings">The application's settings, as Spectre passes them.</param>
internal sealed class InventoryHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <inheritdoc />
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command)
    {
        foreach (var part in base.GetFooter(model, command)) yield return part;
        var grid = new Grid();
        grid.AddColumn(new GridColumn { Padding = new Padding(4, 0, 6, 0) });
        grid.AddColumn(new GridColumn { Padding = new Padding(0) });
        if (command is null)
            grid.AddRow(new Text("    --version"), new Text("Prints the version (inventory --version, alone) and exits"));
        grid.AddRow(new Text("-v, --verbose"), new Text("Adds the stack trace to an error message"));
        yield return new Text("\nGLOBAL OPTIONS:\n", new Style(decoration: Decoration.Bold));
        yield return grid;
    }
}
