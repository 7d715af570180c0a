using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Spectre.Console.Cli;

namespace Inventory.Cli;

/// <summary>
/// Rejects a value option given without its value. Spectre.Console.Cli fills such an option with the name of its
/// internal default command (<c>__default_command</c>) instead of failing, so <c>report --out</c> would write into a
/// folder of that name. Every string option is checked before the command runs.
/// </summary>
internal sealed class MissingValueInterceptor : ICommandInterceptor
{
    private const string Sentinel = "__default_command";

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The settings are our commands' (this assembly), kept whole in the Native AOT build (TrimmerRootAssembly in Inventory.Cli.csproj); the AOT smoke (bench/aot-smoke.sh) runs every command.")]
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var option = property.GetCustomAttribute<CommandOptionAttribute>();
            if (option is null) continue;
            bool missing = property.GetValue(settings) switch
            {
                string s => s == Sentinel,
                string[] a => a.Contains(Sentinel),
                _ => false,
            };
            if (missing)
            {
                var name = option.LongNames.Count > 0 ? "--" + option.LongNames[0] : "-" + option.ShortNames[0];
                throw new ConfigurationException($"{name} needs a value; see `inventory {context.Name} --help`");
            }
        }
    }

    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result) { }
}
