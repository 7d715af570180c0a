using Inventory.Cli;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Cli;

/// <summary><c>inventory evaluate --ablate-rules</c>: its options are checked before any training starts.</summary>
public sealed class AblateRulesCliTests
{
    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var code = await InventoryApp.RunAsync(args, console);
        return (code, console.Output);
    }

    [Test]
    public async Task AblateRules_WithoutCrossValidate_IsBadInput()
    {
        var (code, text) = await RunAsync("evaluate", "--gold", "x.tsv", "--ablate-rules");
        Assert.That((code, text.Trim()), Is.EqualTo((ExitCodes.BadInput, "error: --ablate-rules needs --cross-validate (a corpus folder)")));
    }

    [TestCase("--without-rules")]
    [TestCase("--rules-in-first-level")]
    public async Task AblateRules_WithAnotherRuleDesign_IsBadInput(string option)
    {
        var (code, text) = await RunAsync("evaluate", "--cross-validate", "corpus", "--ablate-rules", option);
        Assert.That((code, text.Trim()), Is.EqualTo((ExitCodes.BadInput,
            "error: --ablate-rules measures the rules in the combination over a first level without them; it excludes --without-rules and --rules-in-first-level")));
    }
}
