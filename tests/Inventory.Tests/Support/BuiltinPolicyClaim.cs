using System.Text.Json;
using Inventory.Cli;
using NUnit.Framework;
using Spectre.Console.Testing;

namespace Inventory.Tests.Support;

/// <summary>One claim of the built-in policy as <c>inventory report --format json</c> states it for an inventory and
/// its annotations: the verdict, the findings and undecided items as (location, reason), and how many tables it examined.
/// Runs the CLI in process; the report's JSON is read back, so what is asserted is what a DPO's tool would read.</summary>
/// <param name="Verdict">holds, violated or unknown.</param>
/// <param name="Findings">Each finding's location (<c>source/table</c>) and reason, in report order.</param>
/// <param name="Unresolved">Each undecided item's location and reason, in report order.</param>
/// <param name="Examined">The claim's examined count.</param>
internal sealed record BuiltinPolicyClaim(string Verdict, IReadOnlyList<(string Location, string Reason)> Findings,
    IReadOnlyList<(string Location, string Reason)> Unresolved, int Examined)
{
    /// <summary>Writes the JSON report of <paramref name="inventory"/> with <paramref name="annotations"/> and the built-in
    /// policy into a folder beside the inventory, and reads the claim <paramref name="id"/> from it.</summary>
    /// <exception cref="AssertionException">The report command did not exit 0, or the report has no such claim.</exception>
    public static async Task<BuiltinPolicyClaim> ReportAsync(string inventory, string annotations, string id)
    {
        var reportDir = Path.Combine(Path.GetDirectoryName(inventory)!, "report");
        var console = new TestConsole();
        console.Profile.Width = 400;
        var code = await InventoryApp.RunAsync(["report", "--inventory", inventory, "--annotations", annotations, "--policy", "builtin",
            "--out", reportDir, "--format", "json"], console);
        Assert.That(code, Is.EqualTo(ExitCodes.Ok), console.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(reportDir, "*.json").Single()));
        var claim = report.RootElement.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        static List<(string, string)> Items(JsonElement list) => list.EnumerateArray()
            .Select(f => (f.GetProperty("location").GetString()!, f.GetProperty("reason").GetString()!)).ToList();
        return new BuiltinPolicyClaim(claim.GetProperty("verdict").GetString()!, Items(claim.GetProperty("findings")),
            Items(claim.GetProperty("unresolved")), claim.GetProperty("examined").GetInt32());
    }
}
