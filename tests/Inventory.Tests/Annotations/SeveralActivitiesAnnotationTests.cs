using Inventory.Annotations;
using Inventory.Model;
using Inventory.Rules.Policy;
using Inventory.Tests.Reports;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>A table serving several processing activities (a users table of account management and marketing):
/// <c>activity:</c> takes one id or a list; each id is checked at its own place; the merged inventory carries the list,
/// written as <c>activity</c> (the first, what a reader that predates lists reads) and <c>activities</c>.</summary>
[TestFixture]
public sealed class SeveralActivitiesAnnotationTests
{
    [TestCase("activity: [account-management, prospect-contact]")]
    [TestCase("activity:\n  - account-management\n  - prospect-contact")]
    public void Load_ListOfActivities_KeptInFileOrderWithoutError(string activity)
    {
        using var dir = new TempFolder();
        var file = dir.Write("users.yml", $"table: users\n{activity}\ncolumns:\n  email: contact.email\n");

        var set = new AnnotationLoader().Load(file);

        Assert.That(set.Errors, Is.Empty);
        Assert.That(set.Annotations.Single().Activities, Is.EqualTo(new[] { "account-management", "prospect-contact" }));
        Assert.That(PolicyReferenceCheck.Unknown(set, PolicyDocument.Seed), Is.Empty);
    }

    [Test]
    public void PolicyReferenceCheck_UnknownIdsInTheList_OneErrorEachAtItsOwnLineAndColumn()
    {
        using var dir = new TempFolder();
        var file = dir.Write("users.yml", "table: users\nactivity:\n  - account-management\n  - marketting\n  - billing\ncolumns:\n  email: contact.email\n");

        var errors = PolicyReferenceCheck.Unknown(new AnnotationLoader().Load(file), PolicyDocument.Seed);

        Assert.That(errors.Select(e => (e.Line, e.Column)), Is.EqualTo(new[] { (4, 5), (5, 5) }));
        Assert.That(errors.Select(e => e.Kind), Has.All.EqualTo(AnnotationErrorKind.UnknownPolicyReference));
        Assert.That(errors[0].Reason, Does.Contain("'marketting'"));
        Assert.That(errors[1].Reason, Does.Contain("'billing'").And.Contain("billing-and-payment"));
    }

    [TestCase("activity: []", "'activity' is an empty list", 2, 11)]
    [TestCase("activity: [account-management, account-management]", "activity 'account-management' is listed twice", 2, 32)]
    [TestCase("activity:\n  - account-management\n  - { id: x }", "each item of 'activity' must be a processing activity id", 4, 5)]
    public void Load_BadList_ErrorAtItsPlace_OtherIdsAndTheRestOfTheFileKept(string activity, string message, int line, int column)
    {
        using var dir = new TempFolder();
        var file = dir.Write("users.yml", $"table: users\n{activity}\ncolumns:\n  email: contact.mail\n  name: contact.name\n");

        var set = new AnnotationLoader().Load(file);

        var errors = set.Errors.OrderBy(e => e.Line).ToList();
        Assert.That(errors, Has.Count.EqualTo(2), "the list, and the misspelt category further down, in one run");
        Assert.That((errors[0].Line, errors[0].Column), Is.EqualTo((line, column)));
        Assert.That(errors[0].Reason, Does.Contain(message));
        Assert.That(errors[1].Reason, Does.Contain("contact.mail"));
        Assert.That(set.Annotations.Single().Activities, Is.EqualTo(activity == "activity: []" ? Array.Empty<string>() : new[] { "account-management" }));
    }

    [Test]
    public void Apply_ListOfActivities_TableCarriesEveryIdAndJsonKeepsTheFirstAsActivity()
    {
        using var dir = new TempFolder();
        var file = dir.Write("users.yml", "table: users\nactivity: [prospect-contact, account-management]\ncolumns:\n  email: contact.email\n");
        dir.Write("orders.yml", "table: orders\nactivity: billing-and-payment\n");
        var document = Some.Document(Some.Source("app", Some.Table("users", null, Some.Id(), Some.Column("email", null)),
            Some.Table("orders", null, Some.Id())));

        new AnnotationMerger().Apply(document, new AnnotationLoader().Load(dir.Path));

        var users = document.Sources[0].Tables.Single(t => t.Name == "users");
        var orders = document.Sources[0].Tables.Single(t => t.Name == "orders");
        Assert.That(users.ActivityIds(), Is.EqualTo(new[] { "prospect-contact", "account-management" }));
        Assert.That(users.Activity, Is.EqualTo("prospect-contact"));
        Assert.That(orders.ActivityIds(), Is.EqualTo(new[] { "billing-and-payment" }));
        Assert.That(orders.Activities, Is.Null, "one activity is written as before: `activity` alone");
        var json = InventoryJson.Serialize(document);
        using (var parsed = System.Text.Json.JsonDocument.Parse(json))
        {
            var tables = parsed.RootElement.GetProperty("sources")[0].GetProperty("tables").EnumerateArray()
                .ToDictionary(t => t.GetProperty("name").GetString()!);
            Assert.That(tables["users"].GetProperty("activity").GetString(), Is.EqualTo("prospect-contact"), "what a reader that predates lists reads");
            Assert.That(tables["users"].GetProperty("activities").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "prospect-contact", "account-management" }));
            Assert.That(tables["orders"].GetProperty("activity").GetString(), Is.EqualTo("billing-and-payment"));
            Assert.That(tables["orders"].TryGetProperty("activities", out _), Is.False);
        }
        var read = InventoryJson.Deserialize(json);
        Assert.That(read.Sources[0].Tables.Single(t => t.Name == "users").ActivityIds(), Is.EqualTo(new[] { "prospect-contact", "account-management" }));
    }

    [Test]
    public void Deserialize_DocumentOfAnEarlierVersion_ActivityAloneIsTheTablesOnlyActivity()
    {
        var json = InventoryJson.Serialize(Some.Document(Some.Source("app", Some.Table("users", "account-management", Some.Id()))));
        Assert.That(json, Does.Not.Contain("activities"));

        var table = InventoryJson.Deserialize(json).Sources[0].Tables[0];

        Assert.That(table.ActivityIds(), Is.EqualTo(new[] { "account-management" }));
        Assert.That(table.ServesActivity("account-management"), Is.True);
        Assert.That(table.ServesActivity("prospect-contact"), Is.False);
    }

    [Test]
    public void Normalize_ListOfOneOrWithRepeats_WrittenAsTheSameSetWithTheFirstAsActivity()
    {
        var one = Some.Table("one", null, Some.Id());
        var repeated = Some.Table("repeated", "stale", Some.Id());
        var document = Some.Document(Some.Source("app", one, repeated));
        one.Activities = ["billing-and-payment"];
        repeated.Activities = ["a", "b", "a"];

        document.Normalize();

        Assert.That((one.Activity, one.Activities), Is.EqualTo(("billing-and-payment", (List<string>?)null)));
        Assert.That(repeated.Activity, Is.EqualTo("a"));
        Assert.That(repeated.Activities, Is.EqualTo(new[] { "a", "b" }));
    }
}
