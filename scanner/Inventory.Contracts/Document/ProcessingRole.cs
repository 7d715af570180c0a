using System.Diagnostics.CodeAnalysis;

namespace Inventory.Model;

/// <summary>The organisation's GDPR role for the data of a source or a processing activity (GDPR Art. 4(7) and 4(8)).
/// Documents write it in kebab-case: <c>controller</c>, <c>processor</c>.</summary>
public enum ProcessingRole
{
    /// <summary>The organisation decides why and how the data is processed (its own data): the default.</summary>
    Controller,
    /// <summary>The organisation processes the data on a customer's behalf (customer-owned data: catalogued, never
    /// sampled, recorded at system level).</summary>
    Processor,
}

/// <summary>The text form of <see cref="ProcessingRole"/>, as inventory.yml, policy.yml and the documents write it.</summary>
public static class ProcessingRoles
{
    /// <summary>The accepted texts, in declaration order: <c>controller</c>, <c>processor</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [ToText(ProcessingRole.Controller), ToText(ProcessingRole.Processor)];

    /// <summary>The kebab-case text of a role (<c>controller</c>, <c>processor</c>).</summary>
    /// <param name="role">The role.</param>
    public static string ToText(this ProcessingRole role) => role switch
    {
        ProcessingRole.Processor => "processor",
        _ => "controller",
    };

    /// <summary>Parses <c>controller</c> or <c>processor</c> (exact, lower case).</summary>
    /// <param name="text">The text, or null.</param>
    /// <param name="role">The role, or <see cref="ProcessingRole.Controller"/> when the text is not one.</param>
    /// <returns>True when the text names a role.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ProcessingRole role)
    {
        role = text == "processor" ? ProcessingRole.Processor : ProcessingRole.Controller;
        return text is "controller" or "processor";
    }
}
