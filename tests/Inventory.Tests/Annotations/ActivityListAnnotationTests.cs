using Inventory.Annotations;
using NUnit.Framework;

namespace Inventory.Tests.Annotations;

/// <summary>trial37 finding 5: a table annotated with a list of activities was refused without saying how to record
/// another use of the data. The error keeps its place and says what to do; the rest of the file is still read.</summary>
[TestFixture]
public sealed class ActivityListAnnotationTests
{
    [TestCase("activity: [account-management, service-operation]", 2, 11)]
    [TestCase("activity:\n  - account-management\n  - legal-requests", 3, 3)]
    public void ListOfActivities_IsOneErrorAtItsPlace_SayingHowToRecordAnotherUse(string activity, int line, int column)
    {
        using var dir = new TempFolder();
        var file = dir.Write("panel.tickets.yml", $"table: tickets\n{activity}\ncolumns:\n  body: customer_content.message\n  subject: contact.mail\n");

        var set = new AnnotationLoader().Load(file);

        var errors = set.Errors.OrderBy(e => e.Line).ToList();
        Assert.That(errors, Has.Count.EqualTo(2), "the list, and the misspelt category further down, in one run");
        Assert.That((errors[0].Line, errors[0].Column), Is.EqualTo((line, column)));
        Assert.That(errors[0].Message, Does.Contain("'activity' must be a single value, not a list: a table is attributed to one processing activity")
            .And.Contain("'purposes'").And.Contain("annotate a view of the table with the other activity"));
        Assert.That(errors[1].Message, Does.Contain("contact.mail"));
    }
}
