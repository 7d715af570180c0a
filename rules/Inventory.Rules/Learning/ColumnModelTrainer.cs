using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Inventory.Rules.Learning;

/// <summary>Options of <see cref="ColumnModelTrainer"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Seed of the Microsoft.ML context and of the synthetic sampled copies (default 1).</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Share of corpus rows that also get a synthetic "sampled" copy with detector ratios (default 0.3).</summary>
    public double SampledShare { get; init; } = 0.3;
    /// <summary>Maximum SDCA passes over the data (default 30).</summary>
    public int MaximumIterations { get; init; } = 30;
    /// <summary>L2 regularisation of SDCA (default 1e-4); null lets Microsoft.ML choose.</summary>
    public float? L2Regularization { get; init; } = 1e-4f;
}

/// <summary>Trains the column model: <c>MapValueToKey(Label)</c> → <c>FeaturizeText</c> on name tokens (word 1–2-grams
/// and character 3-grams), table tokens and table×name context tokens → one-hot type family and type shape → detector
/// ratios → <c>Concatenate</c> → <c>SdcaMaximumEntropy</c> with one thread → <c>MapKeyToValue</c>. The pipeline follows the
/// Microsoft.ML multiclass text-classification samples; one thread and a fixed seed make two trainings identical.</summary>
public static class ColumnModelTrainer
{
    /// <summary>Trains a model on corpus rows.</summary>
    /// <param name="rows">Labelled rows (at least two labels).</param>
    /// <param name="options">Seed and training options; null for defaults.</param>
    /// <returns>The trained model.</returns>
    /// <exception cref="ConfigurationException">Fewer than two distinct labels.</exception>
    public static ColumnModel Train(IReadOnlyList<CorpusRow> rows, TrainingOptions? options = null)
    {
        options ??= new TrainingOptions();
        if (rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count() < 2)
            throw new ConfigurationException("the corpus needs at least two distinct labels to train a classifier");
        var inputs = BuildTrainingInputs(rows, options);
        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(inputs);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("NameFeatures", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(ColumnModelInput.Name)))
            .Append(ml.Transforms.Text.FeaturizeText("TableFeatures", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
                CharFeatureExtractor = null,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(ColumnModelInput.Table)))
            .Append(ml.Transforms.Text.FeaturizeText("ContextFeatures", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
                CharFeatureExtractor = null,
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(ColumnModelInput.Context)))
            .Append(ml.Transforms.Categorical.OneHotEncoding([
                new InputOutputColumnPair("FamilyFeatures", nameof(ColumnModelInput.TypeFamily)),
                new InputOutputColumnPair("ShapeFeatures", nameof(ColumnModelInput.TypeShape))]))
            .Append(ml.Transforms.Concatenate("Features", "NameFeatures", "TableFeatures", "ContextFeatures", "FamilyFeatures",
                "ShapeFeatures", nameof(ColumnModelInput.Detectors)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = options.MaximumIterations,
                L2Regularization = options.L2Regularization,
                Shuffle = true,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var transformer = pipeline.Fit(data);
        return new ColumnModel(ml, transformer, data.Schema);
    }

    /// <summary>Turns corpus rows into model inputs, adding for a share of rows a synthetic sampled copy whose detector
    /// ratios are those the label's values would give (see <see cref="SyntheticDetectors"/>).</summary>
    internal static List<ColumnModelInput> BuildTrainingInputs(IReadOnlyList<CorpusRow> rows, TrainingOptions options)
    {
        var random = new Random(options.Seed);
        var inputs = new List<ColumnModelInput>(rows.Count * 2);
        foreach (var row in rows)
        {
            var input = ColumnFeatures.Build(row.Table, row.Column, row.DataType);
            input.Label = row.Label;
            inputs.Add(input);
            if (random.NextDouble() < options.SampledShare)
            {
                var family = ColumnFeatures.FamilyOf(row.DataType);
                var sampled = ColumnFeatures.Build(row.Table, row.Column, row.DataType, family,
                    SyntheticDetectors.For(row.Label, family, random));
                sampled.Label = row.Label;
                inputs.Add(sampled);
            }
        }
        return inputs;
    }
}
