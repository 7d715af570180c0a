using System.Text;
using NUnit.Framework;
using Inventory.Catalog;
using Inventory.Classification;
using Inventory.Rules.Learning;

namespace Inventory.Tests.Model;

/// <summary>What the table is about, in both levels: the table signals of the first-level model's features (read by the
/// name rules over the table's name and its other columns' names) and the table context of the stacked combination (the
/// other columns' model distributions); and that model and calibration files written before either existed still load
/// and score as they did.</summary>
[TestFixture]
public sealed class TableContextTests
{
    private static ColumnEvidence Column(string table, string name, IReadOnlyList<string> columns, string type = "text") => new()
    {
        Table = table,
        TableColumns = columns,
        Column = new ColumnInfo { Name = name, Ordinal = 1, DeclaredType = type, Family = TypeFamily.Text },
    };

    private static string[] SignalsOf(string table, string name, params string[] others)
    {
        var columns = others.Prepend(name).ToArray();
        return ColumnFeatures.Build(Column(table, name, columns), null).TableSignals.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [Test]
    public void TableSignals_PersonIdentifierBeside_JoinedToEachNameToken()
    {
        // The same word, read by its table: a comment beside a person's e-mail, beside a reference to its author, beside a
        // money amount, or in a table with none of them.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignalsOf("replies", "comment_text", "id", "email"), Is.SupersetOf(new[] { "pi", "pi_comment", "pi_text" }));
            Assert.That(SignalsOf("replies", "comment_text", "id", "author_id"), Is.SupersetOf(new[] { "pr", "pr_comment", "pr_text" }));
            Assert.That(SignalsOf("replies", "comment", "id", "owner_ref"), Does.Contain("pr_comment"));
            Assert.That(SignalsOf("replies", "comment", "id", "created_by"), Does.Not.Contain("pr"), "created is no person's word");
            Assert.That(SignalsOf("settlements", "comment", "id", "amount"), Does.Contain("mo_comment"));
            Assert.That(SignalsOf("entries", "comment", "id", "position"), Is.Empty, "no signal: no token");
        }
    }

    [Test]
    public void TableSignals_ColumnItself_NotItsOwnSibling()
    {
        // The e-mail column does not make its own table hold a person's identifier; a second one does.
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignalsOf("settings", "email", "id", "position"), Does.Not.Contain("pi"));
            Assert.That(SignalsOf("settings", "email", "id", "phone"), Does.Contain("pi_email"));
            Assert.That(SignalsOf("settings", "user_id", "id", "position"), Does.Not.Contain("pr"));
        }
    }

    [Test]
    public void TableSignals_GatedMatch_IsNoPersonIdentifier()
    {
        // email_verified is gated to none by its suffix: it says nothing about whose row this is.
        Assert.That(SignalsOf("settings", "comment", "id", "email_verified"), Does.Not.Contain("pi"));
    }

    [Test]
    public void TableSignals_TableGroups_FromTheTableName()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignalsOf("products", "description"), Does.Contain("tk_description"), "catalogue");
            Assert.That(SignalsOf("tickets", "description"), Does.Contain("tc_description"), "content");
            Assert.That(SignalsOf("invoices", "description"), Does.Contain("to_description"), "order");
            Assert.That(SignalsOf("customers", "description"), Does.Contain("tp_description"), "person");
            Assert.That(SignalsOf("page_views", "created_at"), Does.Contain("te_created"), "event or log table");
            Assert.That(SignalsOf("webhook_events", "created_at"), Does.Not.Contain("te"), "an event of the system, not of a person");
        }
    }

    [Test]
    public void TableContext_OtherColumnsMeanMaxAndPersonalShare()
    {
        double[] email = [0.9, 0, 0, 0, 0, 0.1];
        double[] name = [0.6, 0, 0, 0, 0, 0.4];
        double[] id = [0, 0, 0, 0, 0, 1];
        var context = StackedCombination.TableContext([email, name, id]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(context, Has.Length.EqualTo(3));
            Assert.That(context[2][0], Is.EqualTo(0.75f).Within(1e-6), "mean contact of the id's siblings");
            Assert.That(context[2][6], Is.EqualTo(0.9f).Within(1e-6), "largest contact of the id's siblings");
            Assert.That(context[0][6], Is.EqualTo(0.6f).Within(1e-6), "the e-mail's own 0.9 is left out of its largest");
            Assert.That(context[0][12], Is.EqualTo(0.5f).Within(1e-6), "one of the e-mail's two siblings is personal");
            Assert.That(context[2][12], Is.EqualTo(1f).Within(1e-6));
            Assert.That(context[0][5], Is.EqualTo(0.7f).Within(1e-6), "mean none of the e-mail's siblings");
            Assert.That(StackedCombination.TableContext([email])[0], Is.All.EqualTo(0f), "a table of one column has no context");
        }
    }

    [Test]
    public void StackedCombination_WrittenBeforeTheTableContext_ParsesAndIgnoresIt()
    {
        // A calibration.json of the previous release: 22 weights per category.
        var weights = Enumerable.Range(0, 6).Select(c => Enumerable.Range(0, StackedCombination.ColumnFeatureCount).Select(j => (float)((c + 1) * (j % 5) / 10.0)).ToArray()).ToArray();
        var old = new StackedCombination(weights, [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f], [1, 1, 1, 1, 1, 1]);
        var parsed = StackedCombination.Parse(old.ToJson());
        var labels = new[] { "contact.email", "financial.billing", "automatic.activity", "customer_content.message", "other_personal.photo", "none" };
        float[] distribution = [0.3f, 0.1f, 0.1f, 0.1f, 0.1f, 0.3f];
        var withoutContext = StackedCombination.Features(labels, distribution, null);
        var withContext = StackedCombination.Features(StackedCombination.SummedByCategory(labels, distribution), null,
            Enumerable.Repeat(0.5f, StackedCombination.TableContextCount).ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(withContext, Has.Length.EqualTo(StackedCombination.FeatureCount));
            Assert.That(parsed.Probabilities(withContext, false), Is.EqualTo(old.Probabilities(withoutContext, false)).Within(1e-6));
            Assert.That(() => new StackedCombination(weights.Select(w => w[..10]).ToArray(), [0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1]),
                Throws.ArgumentException);
        }
    }

    [Test]
    public void StackedCombination_FittedWithoutTheTableContext_DoesNotReadIt()
    {
        // Synthetic out-of-fold rows of the six categories, the model right most of the time; once without a table
        // context (zeros: what the shipped fit sees), once with one that says the same as the model.
        var labels = DataCategory.TopLevels.Select(c => c == "none" ? "none" : c + ".x").ToArray();
        var without = new List<(float[], string)>();
        var with = new List<(float[], string)>();
        for (int i = 0; i < 600; i++)
        {
            int gold = i % 6, shown = i % 7 == 0 ? (gold + 1) % 6 : gold;
            var summed = labels.Select((_, c) => c == shown ? 0.75 : 0.05).ToArray();
            var context = Enumerable.Range(0, StackedCombination.TableContextCount).Select(j => j % 6 == gold ? 0.6f : 0.1f).ToArray();
            without.Add((StackedCombination.Features(summed, null, null), DataCategory.TopLevels[gold]));
            with.Add((StackedCombination.Features(summed, null, context), DataCategory.TopLevels[gold]));
        }
        var fittedWithout = StackedCombination.Fit(without, 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fittedWithout.ReadsTableContext, Is.False, "zero inputs get zero weights");
            Assert.That(StackedCombination.Parse(fittedWithout.ToJson()).ReadsTableContext, Is.False, "through calibration.json too");
            Assert.That(StackedCombination.Fit(with, 1).ReadsTableContext, Is.True);
        }
    }

    [Test]
    public void ModelClassifier_TableContext_FromTheColumnsOfTheSameTableOnly()
    {
        // Two tables classified in one batch or one by one: the same suggestions (a column's context never mixes tables).
        var model = ColumnModel.LoadDefault();
        var calibration = SuggestionCalibration.LoadDefault();
        var classifier = new ModelClassifier(model, null, calibration);
        string[] people = ["id", "email", "full_name", "comment", "created_at"];
        string[] products = ["id", "sku", "price", "comment", "created_at"];
        var a = people.Select(n => Column("members", n, people)).ToArray();
        var b = products.Select(n => Column("products", n, products)).ToArray();
        static string Render(IEnumerable<ColumnClassification> c) => string.Join("; ", c.Select(x => $"{x.DataCategory} {x.Confidence}"));
        var together = Render(classifier.ClassifyMany([.. a, .. b]));
        var apart = Render(classifier.ClassifyMany(a).Concat(classifier.ClassifyMany(b)));
        var interleaved = classifier.ClassifyMany([a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3], a[4], b[4]]);
        var interleavedInOrder = Render(Enumerable.Range(0, 5).Select(i => interleaved[2 * i]).Concat(Enumerable.Range(0, 5).Select(i => interleaved[2 * i + 1])));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(together, Is.EqualTo(apart));
            Assert.That(interleavedInOrder, Is.EqualTo(apart));
        }
    }

    [Test]
    public void ColumnModel_FileWrittenBeforeTheTableSignals_LoadsAndScoresAsBefore()
    {
        // A model whose table-signal vocabulary is empty, saved, then rewritten as a file of the previous layout (one
        // feature group fewer): it loads and scores the same.
        var groups = Enum.GetValues<FeatureGroup>();
        var terms = groups.Select(g => g switch
        {
            FeatureGroup.NameWords => (IReadOnlyList<string>)["email", "name"],
            FeatureGroup.TypeFamily => ["Text"],
            _ => [],
        }).ToArray();
        var vectorizer = new ColumnVectorizer(terms);
        var weights = Enumerable.Range(0, vectorizer.Dimension * 2).Select(i => (float)(i % 3) - 1).ToArray();
        var model = new ColumnModel(vectorizer, ["contact.email", "none"], [0.1f, -0.1f], weights);
        using var current = new MemoryStream();
        model.Save(current);
        var previous = PreviousLayout(current.ToArray());
        var path = Path.Combine(Path.GetTempPath(), $"previous-model-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, previous);
        try
        {
            var loaded = ColumnModel.Load(path);
            var input = new ColumnModelInput { Name = "email", TypeFamily = "Text", TableSignals = "pi pi_email" };
            using (Assert.EnterMultipleScope())
            {
                Assert.That(previous, Has.Length.EqualTo(current.Length - 4 - 2 * FeatureGroup.TableSignals.ToString().Length - 4), "the rewrite drops the last group's name and count");
                Assert.That(loaded.Vectorizer.Terms(FeatureGroup.TableSignals), Is.Empty);
                Assert.That(loaded.Predict(input).Distribution, Is.EqualTo(model.Predict(input).Distribution));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Rewrites a model file of this build (its last group empty) as the previous layout: the group count one
    /// less and the last group's name and empty term list left out.</summary>
    private static byte[] PreviousLayout(byte[] file)
    {
        // Format version 2: the payload follows the 12-byte header uncompressed.
        var bytes = file[12..];
        var groups = Enum.GetValues<FeatureGroup>();
        using var lastGroup = new MemoryStream();
        using (var writer = new BinaryWriter(lastGroup, Encoding.UTF8, leaveOpen: true))
        {
            var name = groups[^1].ToString();
            writer.Write(name.Length);
            foreach (var c in name) writer.Write((ushort)c);
            writer.Write(0);
        }
        var needle = lastGroup.ToArray();
        int at = bytes.AsSpan().IndexOf(needle);
        Assert.That(at, Is.GreaterThan(0), "the last group is in the payload");
        // The group count follows the labels: their count, then each one's length and UTF-16 code units.
        int countAt = 4 + new[] { "contact.email", "none" }.Sum(l => 4 + 2 * l.Length);
        Assert.That(BitConverter.ToInt32(bytes, countAt), Is.EqualTo(groups.Length));
        var rewritten = bytes[..at].Concat(bytes[(at + needle.Length)..]).ToArray();
        BitConverter.GetBytes(groups.Length - 1).CopyTo(rewritten, countAt);
        return [.. file[..12], .. rewritten];
    }
}
