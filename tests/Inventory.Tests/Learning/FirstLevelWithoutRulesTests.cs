using Inventory.Rules;
using Inventory.Rules.Evaluation;
using Inventory.Rules.Learning;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>A first-level model trained without the rule decision (the shipped design: the rules enter only the stacked
/// combination, <see cref="CrossValidationOptions.RulesInFirstLevel"/>) knows it, and is scored without the rule decision,
/// as it was trained; a model trained with it keeps reading it.</summary>
public sealed class FirstLevelWithoutRulesTests
{
    private static readonly RuleClassifier Rules = ClassifierFactory.CreateRules();

    private static LabelledApplication Application(int n) => new($"app{n}",
    [
        new GoldRow($"users{n}", "id", "bigint", "none", "", "", 2),
        new GoldRow($"users{n}", "email", "varchar(255)", "contact", "email", "", 3),
        new GoldRow($"users{n}", "email_verified", "boolean", "none", "", "", 4),
        new GoldRow($"users{n}", "last_sign_in_ip", "inet", "automatic", "ip_address", "", 5),
        new GoldRow($"users{n}", "created_at", "timestamp", "none", "", "", 6),
        new GoldRow($"orders{n}", "total", "numeric(10,2)", "financial", "billing", "", 7),
        new GoldRow($"orders{n}", "note", "text", "customer_content", "message", "", 8),
    ]);

    private static readonly LabelledApplication[] Corpus = [Application(1), Application(2), Application(3)];

    [Test]
    public void ModelTrainedWithoutRules_DoesNotReadThem_ModelTrainedWithRulesDoes()
    {
        var without = ColumnModelTrainer.Train(Corpus.SelectMany(a => CrossValidation.Inputs(a, null)).ToArray());
        var with = ColumnModelTrainer.Train(Corpus.SelectMany(a => CrossValidation.Inputs(a, Rules)).ToArray());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(without.ReadsRules, Is.False);
            Assert.That(with.ReadsRules, Is.True);
        }
    }

    [Test]
    public void ModelTrainedWithoutRules_ScoresWithoutTheRuleDecision()
    {
        var model = ColumnModelTrainer.Train(Corpus.SelectMany(a => CrossValidation.Inputs(a, null)).ToArray());
        var columns = GoldFile.ToEvidence(Application(9).Rows);
        var decisions = Rules.ClassifyMany(columns);
        var suggested = new ModelClassifier(model, Rules).Suggest(columns, decisions).Select(s => s.Prediction.Distribution.ToArray()).ToArray();
        var withoutRules = model.Predict(ColumnFeatures.BuildMany(columns, null)).Select(p => p.Distribution.ToArray()).ToArray();
        var withRules = model.Predict(ColumnFeatures.BuildMany(columns, decisions)).Select(p => p.Distribution.ToArray()).ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(suggested, Is.EqualTo(withoutRules));
            // The rule flags (confidence, undecided, gated) would otherwise reach the model with weights it never fitted.
            Assert.That(withRules, Is.Not.EqualTo(withoutRules), "fed the rules, the same model would score differently");
        }
    }
}
