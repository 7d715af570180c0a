using Inventory.Annotations;
using Inventory.Cli;
using Inventory.Model;
using Inventory.Rules.Policy;
using NUnit.Framework;
using Spectre.Console.Testing;
using static Inventory.Tests.Annotations.CaseInventories;

namespace Inventory.Tests.Annotations;

/// <summary>trial46 finding L6: with a policy configured, a new stub lists the ids its <c>activity:</c> may take, with their
/// names, so the engineer does not open the policy to find them; without one, stubs are as before.</summary>
[TestFixture]
public sealed class StubActivityListTests
{
    private const string Optional = "# Optional: activity, retention, shared-with (recipients), reason; per column: reason, retention, shared-with.\n";

    private static IReadOnlyList<StubFile> Plan(InventoryDocument document, string dir, StubActivities? activities)
    {
        var set = Directory.EnumerateFileSystemEntries(dir).Any() ? new AnnotationLoader().Load(dir) : AnnotationSet.Empty;
        new AnnotationMerger(options: new MergeOptions { PathBase = dir, ReportMissingTables = false }).Apply(document, set);
        var plan = AnnotationStubs.Plan(document, set, dir, activities: activities);
        foreach (var file in plan) AtomicFile.WriteAllText(file.Path, file.Content);
        return plan;
    }

    [Test]
    public void Plan_WithThePolicysActivities_EveryNewStubListsTheirIdsAndNamesInPolicyOrder()
    {
        using var dir = new TempFolder();

        var plan = Plan(C06(), dir.Path, new StubActivities("policy.yml", PolicyDocument.Seed.Activities));

        var expected = "# activity: one id of policy.yml, or a list [id, id]:\n"
            + string.Concat(PolicyDocument.Seed.Activities.Select(a => $"#   {a.Id}: {a.Name}{(a.IsProcessor ? " (processor: customers' data)" : "")}\n"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan, Has.Count.EqualTo(2));
            foreach (var file in plan)
                Assert.That(file.Content, Does.Contain(Optional + expected + "table: "), file.Path);
            Assert.That(expected, Does.Contain("#   account-management: "));
            Assert.That(expected, Does.Contain("#   hosting-customer-data: ").And.Contain("(processor: customers' data)\n"));
            Assert.That(expected.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(PolicyDocument.Seed.Activities.Count + 1));
        }
        // The list is comments only: the stub still reads without error and tags nothing.
        var reread = new AnnotationLoader().Load(dir.Path);
        Assert.That(reread.Errors, Is.Empty);
        Assert.That(reread.Annotations.SelectMany(a => a.Activities), Is.Empty);
    }

    [Test]
    public void Plan_WithoutAPolicy_StubHasNoActivityList()
    {
        using var dir = new TempFolder();

        var plan = Plan(C06(), dir.Path, null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan, Has.Count.EqualTo(2));
            foreach (var file in plan)
            {
                Assert.That(file.Content, Does.Not.Contain("# activity:"), file.Path);
                Assert.That(file.Content, Does.Contain(Optional + "table: "), file.Path);
            }
        }
    }

    [Test]
    public void Plan_AppendingToAnAnnotatedTable_AddsNoListToTheExistingFile()
    {
        using var dir = new TempFolder();
        dir.Write("invoice.yml", "table: invoice\nactivity: billing-and-payment\ncolumns:\n  id: none\n");

        var plan = Plan(C06(), dir.Path, new StubActivities("policy.yml", PolicyDocument.Seed.Activities));

        var appended = plan.Single(p => p.Action == StubAction.Append);
        Assert.That(appended.Content, Does.Not.Contain("# activity: one id"));
        Assert.That(plan.Single(p => p.Action == StubAction.Create).Content, Does.Contain("# activity: one id of policy.yml"));
    }

    [Test]
    public void CommentLines_NameWithALineBreak_StaysOneCommentLine()
    {
        var activity = new ProcessingActivity { Id = "support", Name = "Support\nand helpdesk" };

        var lines = new StubActivities("policy.yml", [activity]).CommentLines();

        Assert.That(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.All.StartsWith("#"));
        Assert.That(lines, Does.Contain("#   support: Support"));
    }

    [Test]
    public async Task Annotate_PolicyInTheConfig_StubListsItsActivities_UnknownPolicyFileIsAClearError()
    {
        // Given a saved inventory and a config naming a copy of the seed policy
        using var dir = new TempFolder();
        var inventory = Path.Combine(dir.Path, "inventory.json");
        InventoryJson.Write(C06(), inventory);
        dir.Write("policy.yml", PolicyDocument.SeedText());
        var config = dir.Write("inventory.yml", "annotations: annotations/\npolicy: policy.yml\n");
        var annotations = Directory.CreateDirectory(Path.Combine(dir.Path, "annotations")).FullName;

        var code = await InventoryApp.RunAsync(["annotate", "--inventory", inventory, "--config", config, "--annotations", annotations], new TestConsole(), new StringWriter());

        Assert.That(code, Is.EqualTo(ExitCodes.Ok));
        var stub = File.ReadAllText(Path.Combine(annotations, "invoice.yml"));
        Assert.That(stub, Does.Contain("# activity: one id of ").And.Contain("policy.yml, or a list [id, id]:\n#   account-management: "));

        // And a config naming a policy file that is not there stops annotate with its error, writing nothing
        var missing = dir.Write("missing.yml", "annotations: annotations/\npolicy: nowhere.yml\n");
        var empty = Directory.CreateDirectory(Path.Combine(dir.Path, "empty")).FullName;
        var errors = new StringWriter();
        var failed = await InventoryApp.RunAsync(["annotate", "--inventory", inventory, "--config", missing, "--annotations", empty], new TestConsole(), errors);

        Assert.That(failed, Is.EqualTo(ExitCodes.BadInput));
        Assert.That(errors.ToString(), Does.Contain("nowhere.yml"));
        Assert.That(Directory.EnumerateFileSystemEntries(empty), Is.Empty);
    }
}
