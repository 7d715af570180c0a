using Inventory.Annotations;
using Inventory.Catalog;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using Inventory.Tests.Annotations;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>The record's recipients (Art. 30(1)(d)) and transfers (e) show what the annotations' <c>shared-with</c> say
/// beside what the policy declares (trial 27: a table annotated as shared with Intercom, a US processor, read "none
/// outside the controller" and "Transfers: none" in every format).</summary>
[TestFixture]
public sealed class AnnotatedRecipientsTests
{
    private const string UsersAnnotation = """
        table: users
        activity: account-management
        shared-with: [intercom]
        columns:
          id: none
          email: contact.email
          telephone: { category: contact.phone, shared-with: [call-centre] }
        """;

    private static ReportModel Model(string annotation)
    {
        var document = Some.Document(Some.Source("app", Some.Table("users", null,
            Some.Column("id", null, family: TypeFamily.Integer),
            Some.Column("email", null),
            Some.Column("telephone", null))));
        return ReportModel.Build(SeedClaims.Annotated(document, ("users.yml", annotation)), PolicyDocument.Seed);
    }

    [Test]
    public void Build_SharedWithRecipientsTheActivityDoesNotDeclare_ListedWithTheirTransfer()
    {
        var record = Model(UsersAnnotation).Activities.Single(a => a.Id == "account-management");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(record.AnnotatedRecipients, Is.EqualTo(new[]
            {
                "call-centre (not among the policy's recipients): app/users.telephone",
                "Intercom (analytics and customer messaging) (processor, US): app/users",
            }));
            Assert.That(record.AnnotatedTransfers, Has.Count.EqualTo(1));
            Assert.That(record.AnnotatedTransfers[0], Does.StartWith("Intercom (analytics and customer messaging): United States (EU-US Data Privacy Framework"));
            Assert.That(record.AnnotatedTransfers[0], Does.EndWith("(app/users)"));
        }
    }

    [Test]
    public void Build_NoSharedWith_NothingAnnotated()
    {
        var record = Model(UsersAnnotation.Replace("shared-with: [intercom]\n", "", StringComparison.Ordinal)
            .Replace("{ category: contact.phone, shared-with: [call-centre] }", "contact.phone", StringComparison.Ordinal))
            .Activities.Single(a => a.Id == "account-management");
        Assert.That(record.AnnotatedRecipients.Concat(record.AnnotatedTransfers), Is.Empty);
    }

    [TestCase("md")]
    [TestCase("html")]
    public async Task Write_TheRecordFlagsTheAnnotatedRecipientAndTransfer(string format)
    {
        using var output = new MemoryStream();
        await ReportWriters.Create(format).WriteAsync(Model(UsersAnnotation), output);
        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.Contains("⚠ annotation says: shared with Intercom (analytics and customer messaging) (processor, US): app/users", StringComparison.Ordinal), Is.True);
            Assert.That(text.Contains("⚠ annotation says: Intercom (analytics and customer messaging): United States", StringComparison.Ordinal), Is.True);
        }
    }
}
