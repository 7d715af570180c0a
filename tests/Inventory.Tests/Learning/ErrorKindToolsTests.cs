using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>
/// The tools of the error-kind round (issue 10, <c>rules/MODEL.md</c>): the first-level cache of <c>inventory evaluate
/// --first-level-cache</c> (reused only for the same model inputs), the per-column TSV of <c>--predictions</c>, and the
/// per-category offsets of the combination (<c>--bias-offsets</c>). A small synthetic corpus: six applications whose
/// tables hold keys, a timestamp, an e-mail, an IBAN, an IP address and a comment.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ErrorKindToolsTests
{
    private static readonly CrossValidationOptions Options = new() { Folds = 3, Seed = 3, Training = new TrainingOptions { MaximumIterations = 20 } };
    private string _folder = null!;

    private static IReadOnlyList<LabelledApplication> Corpus(string renamed = "comment")
    {
        var applications = new List<LabelledApplication>();
        for (int a = 0; a < 6; a++)
        {
            var rows = new List<GoldRow>();
            foreach (var table in new[] { "accounts", "orders", "tickets" })
            {
                void Add(string column, string type, string category, string subcategory = "") =>
                    rows.Add(new GoldRow($"app{a}_{table}", column, type, category, subcategory, "", rows.Count + 2));
                Add("id", "bigint", "none");
                Add("created_at", "timestamp", "none");
                Add("email", "varchar(255)", "contact", "email");
                Add("iban", "varchar(34)", "financial", "bank_account");
                Add("ip_address", "varchar(45)", "automatic", "ip_address");
                Add(a == 5 && table == "tickets" ? renamed : "comment", "text", "customer_content", "message");
                Add("token_hash", "varchar(64)", "other_personal", "credentials");
            }
            applications.Add(new LabelledApplication($"app{a}", rows));
        }
        return applications;
    }

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "inventory-errorkind-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void FirstLevelCache_SameInputs_ReadsTheSameDistributions_ChangedInput_Recomputes()
    {
        var corpus = Corpus();
        var path = Path.Combine(_folder, "first-level.bin");
        int computed = 0;
        FirstLevelResult Compute(IReadOnlyList<LabelledApplication> applications)
        {
            computed++;
            return CrossValidation.FirstLevel(applications, null, Options);
        }
        var first = FirstLevelCache.GetOrCompute(path, corpus, Options, null, () => Compute(corpus), out bool hitFirst);
        var second = FirstLevelCache.GetOrCompute(path, corpus, Options, null, () => Compute(corpus), out bool hitSecond);
        var changed = Corpus("remark");
        FirstLevelCache.GetOrCompute(path, changed, Options, null, () => Compute(changed), out bool hitChanged);
        FirstLevelCache.GetOrCompute(path, changed, Options with { Seed = 4 }, null, () => Compute(changed), out bool hitOtherSeed);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((hitFirst, hitSecond, hitChanged, hitOtherSeed), Is.EqualTo((false, true, false, false)));
            Assert.That(computed, Is.EqualTo(3), "computed for the first run, a renamed column and another seed only");
            Assert.That(second.Rows, Has.Count.EqualTo(first.Rows.Count).And.Count.EqualTo(6 * 3 * 7));
            Assert.That(second.Rows.Select(r => (r.Application, r.Row, r.Fold, r.Gold)), Is.EqualTo(first.Rows.Select(r => (r.Application, r.Row, r.Fold, r.Gold))));
            Assert.That(second.Rows.SelectMany(r => r.Distribution), Is.EqualTo(first.Rows.SelectMany(r => r.Distribution)), "float for float");
            Assert.That(second.Rows[0].Labels, Is.EqualTo(first.Rows[0].Labels));
            Assert.That(second.FoldOf, Is.EquivalentTo(first.FoldOf));
            Assert.That(second.Folds, Is.EqualTo(first.Folds));
        }
    }

    [Test]
    public void Predictions_OneLinePerColumn_WithNamesGoldPredictionAndRule()
    {
        var corpus = Corpus();
        var rules = ClassifierFactory.CreateRules();
        var decisions = CrossValidation.RuleDecisions(corpus, rules);
        var firstLevel = CrossValidation.FirstLevel(corpus, null, Options);
        var cv = CrossValidation.Combine(corpus, firstLevel, decisions, Options.Seed, shippable: false);
        var path = Path.Combine(_folder, "predictions.tsv");
        Inventory.Cli.Commands.EvaluateCommand.WritePredictions(path, corpus, cv, firstLevel, decisions);
        var lines = File.ReadAllLines(path);
        var email = lines.Skip(1).Select(l => l.Split('\t')).First(f => f[0] == "app2" && f[2] == "app2_orders" && f[3] == "email");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo(Inventory.Cli.Commands.EvaluateCommand.PredictionsHeading));
            Assert.That(lines, Has.Length.EqualTo(1 + 6 * 3 * 7));
            Assert.That(lines.Skip(1).All(l => l.Split('\t').Length == 18), Is.True);
            Assert.That(email[4], Is.EqualTo("varchar(255)"));
            Assert.That(email[5], Is.EqualTo("contact.email"));
            Assert.That(email[6], Is.EqualTo(cv.Columns[IndexOf(corpus, "app2", "app2_orders", "email")].Predicted));
            Assert.That(email[8], Is.EqualTo("contact.email"), "the rule's decision");
            Assert.That(email[9], Is.EqualTo("name.en.email"), "the rule's id");
            Assert.That(email[1], Is.EqualTo(cv.FoldOf["app2"].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var column = cv.Columns[IndexOf(corpus, "app2", "app2_orders", "email")];
            Assert.That(double.Parse(email[12], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(column.Suggestion!.Score).Within(1e-6), "the calibration's input");
            Assert.That(email[14], Is.EqualTo(column.Calibrated ? "1" : "0"));
            Assert.That(double.Parse(email[15], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(column.Probabilities![^1]).Within(1e-6), "the combination's none");
            Assert.That(email[16], Is.Not.EqualTo("none").And.Not.Empty, "the most probable personal category");
        }
    }

    private static int IndexOf(IReadOnlyList<LabelledApplication> corpus, string application, string table, string column)
    {
        int index = 0;
        foreach (var a in corpus)
            for (int r = 0; r < a.Rows.Count; r++, index++)
                if (a.Name == application && a.Rows[r].Table == table && a.Rows[r].Column == column) return index;
        return -1;
    }

    [Test]
    public void BiasOffsets_RaiseAnUnderPredictedCategory_KeepNoneAtZero_AndTheNoneGuard()
    {
        // Given a combination that reads its six inputs as log-probabilities (identity weights, zero biases), and columns
        // of contact at 0.4 against none at 0.6 (argmax: none, contact F1 0), beside none columns at 0.1 / 0.9
        var weights = Enumerable.Range(0, 6).Select(c => { var w = new float[StackedCombination.FeatureCount]; w[c] = 1; return w; }).ToArray();
        var combination = new StackedCombination(weights, new float[6], Enumerable.Repeat(1.0, 6).ToArray());
        static float[] Row(double contact, double none)
        {
            var f = new float[StackedCombination.FeatureCount];
            for (int c = 0; c < 6; c++) f[c] = (float)Math.Log(1e-6);
            f[0] = (float)Math.Log(contact);
            f[5] = (float)Math.Log(none);
            return f;
        }
        var rows = Enumerable.Range(0, 100).Select(_ => (Row(0.4, 0.6), "contact", false))
            .Concat(Enumerable.Range(0, 1000).Select(_ => (Row(0.1, 0.9), "none", false)))
            .Concat(Enumerable.Range(0, 10).Select(_ => (Row(0.4, 0.6), "none", true))).ToArray();
        // When the offsets are chosen for macro-F1
        var offsets = combination.ChooseBiasOffsets(rows);
        var shifted = combination.WithBiasOffsets(offsets);
        // Then contact's offset lies between the two margins (log 1.5 and log 9), none's is 0, and the shifted combination
        // calls the contact columns contact and the none columns none
        using (Assert.EnterMultipleScope())
        {
            Assert.That(offsets[0], Is.GreaterThan(Math.Log(0.6 / 0.4)).And.LessThan(Math.Log(0.9 / 0.1)));
            Assert.That(offsets[5], Is.Zero);
            Assert.That(offsets[1..5], Is.All.Zero, "categories without columns keep the fit's threshold");
            Assert.That(shifted.Probabilities(Row(0.4, 0.6), false)[0], Is.GreaterThan(0.5));
            Assert.That(shifted.Probabilities(Row(0.1, 0.9), false)[5], Is.GreaterThan(0.5));
            Assert.That(combination.Probabilities(Row(0.4, 0.6), false)[0], Is.LessThan(0.5), "the original combination is unchanged");
        }
    }
}
