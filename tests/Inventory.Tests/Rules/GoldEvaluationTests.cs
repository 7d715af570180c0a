using Inventory.Classification;
using Inventory.Rules;
using NUnit.Framework;
using Inventory.Rules.Evaluation;
using Inventory.Tests.Support;

namespace Inventory.Tests.Rules;

/// <summary>Classifies every gold row from names and types only and checks pooled macro-F1 over the six categories.</summary>
public sealed class GoldEvaluationTests
{
    private static string GoldDirectory => Path.Combine(SharedPaths.Data, "gold");

    [Test]
    public void Classify_AllGoldFilesNamesAndTypesOnly_PooledMacroF1AtLeast090()
    {
        // Given every gold file; When each row is classified from its table, column and declared type only
        Inventory.Classification.IColumnClassifier classifier = ClassifierFactory.CreateRules();
        var pooled = new List<(string, string?)>();
        var report = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(GoldDirectory, "*.tsv").Order(StringComparer.Ordinal))
        {
            var rows = GoldFile.Read(file);
            var predictions = classifier.ClassifyMany(GoldFile.ToEvidence(rows));
            var pairs = rows.Select((r, i) => (r.DataCategory, predictions[i].DataCategory)).ToList();
            pooled.AddRange(pairs);
            var m = ClassificationMetrics.Compute(pairs);
            report.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file),-24} rows {m.Total,4}  macro-F1 {m.MacroF1:0.000}  accuracy {m.Accuracy:0.000}  subcategory {m.SubcategoryAccuracy:0.000}");
            foreach (var (row, i) in rows.Select((r, i) => (r, i)))
                if (DataCategory.TopLevelOf(row.DataCategory) != (predictions[i].DataCategory is { } p ? DataCategory.TopLevelOf(p) : "undecided"))
                    TestContext.Out.WriteLine($"MISS {Path.GetFileName(file)} {row.Table}.{row.Column} {row.DataType}: gold {row.DataCategory}, got {predictions[i].DataCategory ?? "undecided"} [{string.Join(",", predictions[i].Evidence.Select(e => e.Id))}]");
        }
        var all = ClassificationMetrics.Compute(pooled);
        TestContext.Out.WriteLine(report.ToString());
        TestContext.Out.WriteLine(all.ToText());

        // Then the pooled macro-F1 over the six categories reaches the target
        Assert.That(all.MacroF1, Is.GreaterThanOrEqualTo(0.90));
    }
}
