using Inventory.Reports;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The processor record names the processor (GDPR Art. 30(2)(a): "the name and contact details of the processor
/// … and, where applicable, of the … processor's representative, and the data protection officer") in the Markdown and
/// HTML records as the XLSX's <c>Sous-traitant</c> sheet does (trial39: an authority reading the processor record alone
/// found the controllers served but not who processes for them).</summary>
[TestFixture]
public sealed class ProcessorIdentityTests
{
    private static Task<string> Render(string format, ReportModel model) => ReportWriterTests.RenderTextAsync(format, model);

    /// <summary>The part of a rendered record from the processor record's heading to the next top-level section.</summary>
    private static string ProcessorRecord(string format, string text)
    {
        int start = text.IndexOf("Processor record (Art. 30(2))", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the record has a processor record");
        int end = text.IndexOf(format == "html" ? "<h2" : "\n## ", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    [TestCase("md")]
    [TestCase("html")]
    public async Task Render_ProcessorActivity_NamesTheProcessorAndItsDpo(string format)
    {
        // Given the seed policy (a processor activity for the customers' applications) with a DPO of its own
        var policy = PolicyDocument.Seed with
        {
            Controller = PolicyDocument.Seed.Controller with { Name = "Example Host SAS", Address = "1 rue Exemple, 75001 Paris", Email = "privacy@host.example", Representative = null },
            Dpo = new DpoContact { Name = "Camille Exemple", Email = "dpo@host.example" },
        };

        var record = ProcessorRecord(format, await Render(format, ReportModel.Build(SampleInventory.Build(), policy)));

        // Then the processor record itself names the processor, its address and e-mail, and the DPO
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record, Does.Contain("Processor (Art. 30(2)(a))"));
            Assert.That(record, Does.Contain("Example Host SAS"));
            Assert.That(record, Does.Contain("1 rue Exemple, 75001 Paris"));
            Assert.That(record, Does.Contain("privacy@host.example"));
            Assert.That(record, Does.Contain("DPO Camille Exemple, dpo@host.example"));
        }
    }

    [TestCase("md")]
    [TestCase("html")]
    public async Task Render_ProcessorActivityWithoutDpo_SaysNoneDeclared(string format)
    {
        // Given the seed policy without a DPO
        var policy = PolicyDocument.Seed with { Dpo = null };

        var record = ProcessorRecord(format, await Render(format, ReportModel.Build(SampleInventory.Build(), policy)));

        // Then the row says the DPO is not declared instead of staying blank
        Assert.That(record, Does.Match(@"DPO (<span class=""muted"">)?[Nn]one declared"));
    }
}
