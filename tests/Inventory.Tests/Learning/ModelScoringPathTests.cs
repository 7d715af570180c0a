using Inventory.Classification;
using Inventory.Config;
using Inventory.Model;
using Inventory.Rules;
using Inventory.Rules.Learning;
using Inventory.Scanning;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Model;

/// <summary>The column model scores through pooled prediction engines (faster than a data view per batch); these tests
/// guard that the scores, and therefore the scan's suggestions, are exactly those of the reference path
/// (<c>Transform</c> on a data view), whatever model is embedded.</summary>
[TestFixture]
public sealed class ModelScoringPathTests
{
    private static string Chinook => Path.Combine(SharedPaths.Data, "chinook", "Chinook_Sqlite.sqlite");

    /// <summary>Every probability as its bit pattern, so a difference in the last bit fails.</summary>
    private static string[] Bits(IEnumerable<ModelPrediction> predictions) =>
        predictions.Select(p => p.DataCategory + " " + string.Join(",", p.Distribution.Select(v => BitConverter.SingleToInt32Bits(v).ToString("x8")))).ToArray();

    [Test]
    public void Predict_CorpusColumns_SameBitsAsTheDataViewPath()
    {
        var rules = ClassifierFactory.CreateRules();
        var inputs = LabelledApplication.ReadCorpus(Path.Combine(SharedPaths.Data, "corpus"))
            .OrderBy(a => a.Name, StringComparer.Ordinal).Take(40).SelectMany(a => CrossValidation.Inputs(a, rules)).ToArray();
        var model = ColumnModel.LoadDefault();

        var pooled = model.Predict(inputs);
        var reference = model.ThroughDataView().Predict(inputs);

        Assert.That(inputs, Has.Length.GreaterThan(500), "enough corpus columns to compare");
        Assert.That(Bits(pooled), Is.EqualTo(Bits(reference)));
    }

    [Test]
    public async Task Scan_Chinook_SuggestionsUnchangedByTheScoringPath()
    {
        var source = new SourceConfig { Name = "chinook", Connection = "sqlite:" + Chinook };
        var request = new ScanRequest { Sources = [source], ScannedAt = DateTimeOffset.UnixEpoch };
        var model = ColumnModel.LoadDefault();
        var calibration = SuggestionCalibration.LoadDefault();
        IColumnClassifier Combined(ColumnModel m) =>
            new CombinedClassifier(ClassifierFactory.CreateRules(), new ModelClassifier(m, ClassifierFactory.CreateRules(), calibration));

        var pooled = await new ScanRunner(Combined(model)).RunAsync(request);
        var reference = await new ScanRunner(Combined(model.ThroughDataView())).RunAsync(request);

        static string[] Suggestions(InventoryDocument d) => d.AllTables()
            .SelectMany(t => t.Table.Columns.Select(c => $"{t.Table.Name}.{c.Name} {c.DataCategory} {c.Confidence:R} {System.Text.Json.JsonSerializer.Serialize(c.Classification, InventoryJson.Options)}")).Order(StringComparer.Ordinal).ToArray();
        Assert.That(pooled.AllTables().SelectMany(t => t.Table.Columns).Count(c => c.Classification?.DataCategory is not null), Is.GreaterThan(50),
            "Chinook's columns are classified");
        Assert.That(Suggestions(pooled), Is.EqualTo(Suggestions(reference)));
        Assert.That(InventoryJson.Serialize(pooled), Is.EqualTo(InventoryJson.Serialize(reference)), "the whole document");
    }
}
