using System.Globalization;
using System.Text;
using Inventory.Annotations;
using Inventory.Classification;
using Inventory.Model;
using Inventory.Reports;
using Inventory.Reports.Claims;
using Inventory.Reports.Writers;
using Inventory.Rules.Policy;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Reports;

/// <summary>
/// Trial34 finding 7f: personal data the scan finds inside customer content (e-mails and phones in support messages,
/// <c>alsoContains</c>) reaches every format of the record under the column's activity as "also contains", is checked
/// by <c>declared-categories-only</c> as a column's category is (not in a processor activity's table: the customers'
/// data), and <c>annotate</c>'s stub names it with the detector's counts. The identifiers are generated in bulk inside
/// messages of four languages and found by the real classifier; the record tests build the inventory as the merge
/// leaves it.
/// </summary>
[TestFixture]
public sealed class EmbeddedCategoryRecordTests : GeneratedNameFixture
{
    private static readonly PolicyDocument Policy = PolicyDocument.Seed;

    private static ColumnClassification Found(params string[] also) => new()
    {
        DataCategory = "customer_content.message", Confidence = 0.9, Origin = Origin.Rules, AlsoContains = also,
        Evidence = [.. also.Select(a => new EvidenceItem("contains", "contains." + a, a, 7, 40, 0.175, "values with it inside their text"))],
    };

    /// <summary>An inventory whose support_messages.body (tagged customer content, of <paramref name="activity"/>) holds
    /// e-mails, phones and IBANs inside its messages; subject is tagged none with e-mails found (not personal: nothing
    /// listed).</summary>
    private static InventoryDocument Inventory(string activity)
    {
        var document = SampleInventory.Build();
        document.Sources[0].Tables.Add(Some.Table("support_messages", activity,
            Some.Id(),
            Some.Column("body", "customer_content.message", classification: Found("contact.email", "contact.phone", "financial.bank_account")),
            Some.Column("subject", "none", classification: Found("contact.email"))));
        return document;
    }

    private static async Task<string> Render(string format, ReportModel model) =>
        Encoding.UTF8.GetString(await ReportWriterTests.RenderAsync(ReportWriters.Create(format), model));

    [Test]
    public async Task Record_ControllerActivity_ListsEmbeddedCategoriesUnderTheActivityInEveryFormat()
    {
        var model = ReportModel.Build(Inventory("account-management"), Policy);
        var activity = model.Activities.Single(a => a.Id == "account-management");
        CategoryRecord Category(string c) => activity.Categories.Single(k => k.Category == c);
        const string at = "app/support_messages.body (also contains)";

        var html = await Render("html", model);
        var md = await Render("md", model);
        var json = await Render("json", model);
        var csv = await Render("csv", model);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Category("contact.email").Columns, Does.Contain(at));
            Assert.That(Category("contact.phone").Columns, Does.Contain(at));
            Assert.That(Category("financial.bank_account").Columns, Is.EqualTo(new[] { at }));
            Assert.That((Category("financial.bank_account").Declared, Category("financial.bank_account").SuggestedOnly), Is.EqualTo((false, true)));
            Assert.That(model.UndeclaredCategories.Where(u => u.Category == "financial.bank_account").SelectMany(u => u.Columns), Is.EqualTo(new[] { at }));
            Assert.That(activity.Categories.SelectMany(k => k.Columns), Has.None.Contain("support_messages.subject"), "a column tagged none");
            Assert.That(html.Replace("<wbr>", "", StringComparison.Ordinal), Does.Contain("support_messages.body (also contains)"));
            Assert.That(md, Does.Contain("support\\_messages.body (also contains)").Or.Contain("support_messages.body (also contains)"));
            Assert.That(json, Does.Contain(at));
            Assert.That(csv, Does.Contain("app,support_messages,body,customer_content.message,tagged,account-management,").And.Contain(",\"contact.email, contact.phone, financial.bank_account\",text,"), "also_contains, then the columns added after it (trial41)");
            Assert.That(model.Columns.Single(c => c.Location == "app/support_messages.subject").AlsoContains, Is.Null);
        }
    }

    [Test]
    public async Task Record_Xlsx_ColumnSheetNamesWhatItAlsoContainsAndTheRegisterListsIt()
    {
        var bytes = await ReportWriterTests.RenderAsync(new XlsxReportWriter(), ReportModel.Build(Inventory("account-management"), Policy));
        using var stream = new MemoryStream(bytes);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var columns = ReportWriterTests.ReadSheet(document.WorkbookPart!, "Colonnes");
        var body = columns.Single(r => r[1] == "support_messages" && r[2] == "body");
        Assert.That(body[Array.IndexOf(columns[0], "Contient aussi")], Is.EqualTo("contact.email, contact.phone, financial.bank_account"));
    }

    [Test]
    public void DeclaredCategoriesOnly_EmbeddedCategoryNoControllerActivityDeclares_IsAFindingOnTheColumn()
    {
        var result = ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == "declared-categories-only"), Policy, Inventory("account-management"));
        var onBody = result.Findings.Where(f => f.Table == "support_messages" && f.Column == "body").ToList();
        using (Assert.EnterMultipleScope())
        {
            // contact.email and contact.phone are declared by account-management; bank accounts by no activity
            Assert.That(onBody.Select(f => f.DataCategory), Does.Contain("financial.bank_account").And.No.EqualTo("contact.email").And.No.EqualTo("contact.phone"));
            Assert.That(onBody.Single(f => f.DataCategory == "financial.bank_account").Reason,
                Does.StartWith("found inside its content (also contains): financial.bank_account is declared by no processing activity"));
            Assert.That(result.Verdict, Is.EqualTo(ClaimVerdict.Violated));
        }
    }

    [Test]
    public void DeclaredCategoriesOnly_ProcessorActivityTable_EmbeddedDataIsTheCustomersNoFinding()
    {
        var inventory = Inventory("hosting-customer-data");
        var result = ClaimEvaluator.Evaluate(Policy.Claims.Single(c => c.Id == "declared-categories-only"), Policy, inventory);
        var model = ReportModel.Build(inventory, Policy);
        var hosting = model.ProcessorActivities.Single(a => a.Id == "hosting-customer-data");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Findings.Where(f => f.Table == "support_messages"), Is.Empty);
            Assert.That(hosting.Categories.Single(k => k.Category == "contact.email").Declared, Is.True, "customers' data, theirs to declare");
            Assert.That(hosting.Categories.Single(k => k.Category == "contact.email").Columns, Is.EqualTo(new[] { "app/support_messages.body (also contains)" }));
        }
    }

    [Test]
    public void FoundInside_ColumnsNotPersonalOrCategoriesCoveredOrBareTopLevels_AreLeftOut()
    {
        var none = Some.Column("subject", "none", classification: Found("contact.email"));
        var contact = Some.Column("notes", "contact", classification: Found("contact.email", "financial.payment_card"));
        var json = Some.Column("payload", "contact.email", classification: new ColumnClassification { DataCategory = "contact.email", AlsoContains = ["contact", "financial"] });
        var undecided = Some.Column("x", null, classification: Found("contact.email"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DataCategoryVocabulary.FoundInside(none), Is.Empty);
            Assert.That(DataCategoryVocabulary.FoundInside(contact), Is.EqualTo(new[] { "financial.payment_card" }));
            Assert.That(DataCategoryVocabulary.FoundInside(json), Is.Empty);
            Assert.That(DataCategoryVocabulary.FoundInside(undecided), Is.Empty);
        }
    }

    private static readonly string[][] Sentences =
    [
        ["Hello, I cannot log in since yesterday, please contact me at {0}.", "My invoice is wrong, can you call me back on {1}?", "Thanks for the quick answer, everything works now."],
        ["Bonjour, je n'arrive plus à me connecter, écrivez-moi à {0} svp.", "Merci de me rappeler au {1} pour la facture.", "Merci pour votre réponse rapide, tout fonctionne."],
        ["Hallo, ich kann mich seit gestern nicht anmelden, bitte schreiben Sie an {0}.", "Bitte rufen Sie mich unter {1} zurück.", "Danke für die schnelle Antwort, alles funktioniert."],
        ["Hola, no puedo iniciar sesión desde ayer, escríbanme a {0} por favor.", "Llámenme al {1} para la factura, gracias.", "Gracias por la respuesta rápida, ya funciona todo."],
    ];

    private static readonly string[] Phones = ["+33 6 12 34 56 78", "+49 151 23456789", "+34 612 345 678", "+1 415 555 0132", "06 12 34 56 78"];

    [TestCase(1)]
    [TestCase(2)]
    public void Classify_GeneratedSupportMessages_AlsoContainsWithCountsThatMatchWhatWasWritten(int seed)
    {
        // Given support-message columns in four languages, some messages with an e-mail or a phone inside
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 60;
        for (int c = 0; c < columns; c++)
        {
            var language = Sentences[c % Sentences.Length];
            int emails = 0, rows = random.Next(30, 60);
            var values = new string[rows];
            for (int r = 0; r < rows; r++)
            {
                int kind = random.Next(3);
                var email = $"{Pick(random, ["jean", "anna", "lucia", "mark"])}.{Pick(random, ["martin", "muller", "garcia"])}{r}@{Pick(random, ["example.com", "exemple.fr", "beispiel.de", "ejemplo.es"])}";
                if (kind == 0) emails++;
                values[r] = string.Format(CultureInfo.InvariantCulture, language[kind], email, Pick(random, Phones));
            }
            var column = Tests.Rules.Some.InTable(Pick(random, ["support_messages", "tickets", "demandes", "anfragen", "consultas"]), ["id", "created_at"],
                Pick(random, ["body", "message", "corps", "nachricht", "mensaje"]), Pick(random, EngineTextTypes), values);

            // When classified by the default classifier
            var decision = Combined.Classify(column);

            // Then the column is customer content that also contains e-mails, counted as written
            var contains = decision.Evidence.FirstOrDefault(e => e.Kind == "contains" && e.Id == "contains.contact.email");
            if (decision.DataCategory != "customer_content.message" || !decision.AlsoContains.Contains("contact.email") || contains?.Matched != emails || contains.Total != rows)
                wrong.Add($"{column.Table}.{column.Column.Name}: {decision.DataCategory} also [{string.Join(", ", decision.AlsoContains)}] e-mails {contains?.Matched}/{contains?.Total}, written {emails}/{rows}");
        }
        AssertNoneWrong(wrong, columns, "support messages without their embedded e-mails counted");
    }

    [Test]
    public void Annotate_StubOfAContentColumn_NamesWhatItAlsoContainsWithCountsNeverValues()
    {
        // Given an inventory whose untagged support_messages.body was suggested customer content with e-mails inside
        var document = SampleInventory.Build();
        var body = Some.Column("body", "customer_content.message", ColumnStatus.Suggested, classification: Found("contact.email", "contact.phone"));
        document.Sources[0].Tables.Add(Some.Table("support_messages", null, Some.Id(), body));
        using var dir = new Inventory.Tests.Annotations.TempFolder();

        // When the stubs are planned
        var stub = AnnotationStubs.Plan(document, AnnotationSet.Empty, dir.Path, "support_messages")
            .Single().Content;

        // Then the body's entry says what it also contains, with the counts
        Assert.That(stub, Does.Contain("# also contains (found inside its values): contact.email 7/40, contact.phone 7/40; the record lists them under their categories"));
    }
}
