using System.Text;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Language;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>trial46 finding L4: the record says where each field comes from: <c>declared in policy.yml:LINE</c> for what
/// the policy declares, the annotation files and the scan for the columns behind a data category; in HTML and Markdown,
/// in both languages; the JSON report is unchanged.</summary>
[TestFixture]
public sealed class RecordProvenanceTests
{
    /// <summary>The 1-based line of the first line of the seed policy starting with <paramref name="prefix"/> after the
    /// line starting with <paramref name="after"/>.</summary>
    private static int SeedLine(string after, string prefix)
    {
        var lines = PolicyDocument.SeedText().Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(after, StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThanOrEqualTo(0), after);
        var index = Array.FindIndex(lines, start, l => l.StartsWith(prefix, StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThan(start), prefix);
        return index + 1;
    }

    /// <summary>A users table annotated with activity-analytics (annotations/app.yml): its e-mail tagged, its IP address
    /// a suggestion of the scan.</summary>
    private static ReportModel Model(PolicyDocument policy) =>
        ReportModel.Build(Some.Document(Some.Source("app", Some.Table("users", "activity-analytics",
            Some.Id(),
            Some.Column("email", "contact.email"),
            Some.Column("last_ip", "automatic.ip_address", ColumnStatus.Suggested, TypeFamily.Network)))), policy);

    private static async Task<string> Render(IReportWriter writer, ReportModel model)
    {
        using var stream = new MemoryStream();
        await writer.WriteAsync(model, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Test]
    public void Build_SeedPolicy_EachDeclaredFieldNamesItsLine()
    {
        var record = Model(PolicyDocument.Seed).Activities.Single(a => a.Id == "activity-analytics");
        string At(string key) => $"policy.yml (built-in):{SeedLine("  - id: activity-analytics", "    " + key + ":")}";

        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.DeclaredAt.Activity, Is.EqualTo($"policy.yml (built-in):{SeedLine("activities:", "  - id: activity-analytics")}"));
            Assert.That(record.DeclaredAt.Purposes, Is.EqualTo(At("purposes")));
            Assert.That(record.DeclaredAt.LegalBasis, Is.EqualTo(At("legal-basis")));
            Assert.That(record.DeclaredAt.DataSubjects, Is.EqualTo(At("data-subjects")));
            Assert.That(record.DeclaredAt.DataCategories, Is.EqualTo(At("data-categories")));
            Assert.That(record.DeclaredAt.Recipients, Is.EqualTo(At("recipients")));
            Assert.That(record.DeclaredAt.Retention, Is.EqualTo(At("retention")));
            Assert.That(record.DeclaredAt.SecurityMeasures, Is.EqualTo(At("security-measures")));
            // Intercom (US, with its safeguard) makes the transfer: its entry under recipients is where it is declared.
            Assert.That(record.DeclaredAt.Transfers, Is.EqualTo($"policy.yml (built-in):{SeedLine("recipients:", "  - id: intercom")}"));
            // An activity built in code (no file) names no line.
            Assert.That(new ProcessingActivity { Id = "support", Name = "Support" }.DeclaredAt("policy.yml", "purposes"), Is.Null);
        }
    }

    [Test]
    public void Build_Categories_SayDeclaredAnnotatedOrFoundInTheDatabases()
    {
        var record = Model(PolicyDocument.Seed).Activities.Single(a => a.Id == "activity-analytics");
        var email = record.Categories.Single(k => k.Category == "contact.email");
        var ip = record.Categories.Single(k => k.Category == "automatic.ip_address");
        var categoriesLine = $"policy.yml (built-in):{SeedLine("  - id: activity-analytics", "    data-categories:")}";
        var retentionLine = $"policy.yml (built-in):{SeedLine("  - id: activity-analytics", "    retention:")}";

        using (Assert.EnterMultipleScope())
        {
            Assert.That((email.DeclaredAt, email.RetentionDeclaredAt), Is.EqualTo((categoriesLine, retentionLine)));
            Assert.That(email.AnnotatedIn, Is.EqualTo(new[] { "annotations/app.yml" }));
            Assert.That(email.FoundInDatabases, Is.False, "every column annotated");
            Assert.That(ip.DeclaredAt, Is.EqualTo(categoriesLine));
            Assert.That(ip.AnnotatedIn, Is.Empty);
            Assert.That(ip.FoundInDatabases, Is.True, "a suggestion of the scan");
        }
    }

    [Test]
    public async Task Markdown_AndHtml_WriteWhereEachFieldComesFrom_InBothLanguages()
    {
        var policy = PolicyDocument.Parse(PolicyDocument.SeedText(), Path.Combine(Path.GetTempPath(), "policy.yml"));
        var model = Model(policy);
        var purposes = SeedLine("  - id: activity-analytics", "    purposes:");
        var controller = Array.FindIndex(PolicyDocument.SeedText().Split('\n'), l => l.StartsWith("controller:", StringComparison.Ordinal)) + 1;

        var markdown = await Render(new MarkdownReportWriter(), model);
        var html = await Render(new HtmlReportWriter(), model);
        var french = await Render(new MarkdownReportWriter(ReportText.French), model);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(markdown, Does.Contain("| Field | | Where it comes from |"));
            Assert.That(markdown, Does.Contain($"| declared in `policy.yml:{purposes}` |"));
            Assert.That(markdown, Does.Contain($"declared in `policy.yml:{controller}`"));
            Assert.That(markdown, Does.Contain("annotated in `annotations/app.yml`"));
            Assert.That(markdown, Does.Contain("; found in the databases |"));
            Assert.That(html, Does.Contain("<th>Where it comes from</th>"));
            Assert.That(html, Does.Contain($"<td class=\"muted\">declared in policy.yml:{purposes}</td>"));
            Assert.That(french, Does.Contain($"déclaré dans `policy.yml:{purposes}`"));
            Assert.That(french, Does.Contain("trouvé dans les bases de données"));
        }
    }

    [Test]
    public async Task Json_IsUnchanged_NoProvenanceKeys()
    {
        var json = await Render(new JsonReportWriter(), Model(PolicyDocument.Seed));

        Assert.That(json, Does.Contain("\"activities\""));
        Assert.That(json, Does.Not.Contain("declaredAt").And.Not.Contain("annotatedIn").And.Not.Contain("foundInDatabases"));
    }
}
