using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

namespace Inventory.Rules.Learning;

/// <summary>The multiclass learners compared in cross-validation (<c>rules/MODEL.md</c>).</summary>
public enum ColumnLearner
{
    /// <summary>Stochastic dual coordinate ascent, maximum entropy (linear), one thread.</summary>
    Sdca,
    /// <summary>L-BFGS maximum entropy (linear), one thread.</summary>
    Lbfgs,
    /// <summary>LightGBM gradient-boosted trees, one thread, deterministic.</summary>
    LightGbm,
}

/// <summary>Options of <see cref="ColumnModelTrainer"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>Seed of the Microsoft.ML context (default 1).</summary>
    public int Seed { get; init; } = 1;
    /// <summary>The learner (default: the one chosen by cross-validation, see <c>rules/MODEL.md</c>).</summary>
    public ColumnLearner Learner { get; init; } = ColumnLearner.Lbfgs;
    /// <summary>Maximum passes (SDCA) or iterations (L-BFGS) over the data (default 100).</summary>
    public int MaximumIterations { get; init; } = 100;
    /// <summary>L2 regularisation of the linear learners (default 1e-2 for L-BFGS; SDCA uses its own scale, 1e-4).</summary>
    public float L2Regularization { get; init; } = 1e-2f;
    /// <summary>Boosting rounds of LightGBM (default 200).</summary>
    public int BoostingRounds { get; init; } = 200;
}

/// <summary>Trains the column model: <c>MapValueToKey(Label)</c> → <c>FeaturizeText</c> on name tokens (word 1–2-grams
/// and character 1–4-grams), table tokens, sibling column tokens, table×name context tokens and rule tokens → one-hot
/// type family and type shape → numeric flags → <c>Concatenate</c> → a multiclass learner with one thread →
/// <c>MapKeyToValue</c>. The pipeline follows the Microsoft.ML multiclass text-classification samples; one thread and a
/// fixed seed make two trainings identical.</summary>
public static class ColumnModelTrainer
{
    /// <summary>Trains a model on labelled inputs (<see cref="ColumnFeatures.Build"/> with <see cref="ColumnModelInput.Label"/> set).</summary>
    /// <param name="inputs">Labelled rows (at least two labels).</param>
    /// <param name="options">Seed, learner and its options; null for defaults.</param>
    /// <returns>The trained model.</returns>
    /// <exception cref="ConfigurationException">Fewer than two distinct labels.</exception>
    public static ColumnModel Train(IReadOnlyList<ColumnModelInput> inputs, TrainingOptions? options = null)
    {
        options ??= new TrainingOptions();
        if (inputs.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count() < 2)
            throw new ConfigurationException("the corpus needs at least two distinct labels to train a classifier");
        var ml = new MLContext(seed: options.Seed);
        var data = ml.Data.LoadFromEnumerable(inputs);
        static TextFeaturizingEstimator.Options Words(int n, bool chars) => new()
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = n, UseAllLengths = true },
            CharFeatureExtractor = chars ? new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true } : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            StopWordsRemoverOptions = null,
        };
        var features = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("NameFeatures", Words(2, true), nameof(ColumnModelInput.Name)))
            .Append(ml.Transforms.Text.FeaturizeText("TableFeatures", Words(1, false), nameof(ColumnModelInput.Table)))
            .Append(ml.Transforms.Text.FeaturizeText("SiblingFeatures", Words(1, false), nameof(ColumnModelInput.Siblings)))
            .Append(ml.Transforms.Text.FeaturizeText("ContextFeatures", Words(1, false), nameof(ColumnModelInput.Context)))
            .Append(ml.Transforms.Text.FeaturizeText("RuleFeatures", Words(1, false), nameof(ColumnModelInput.Rule)))
            .Append(ml.Transforms.Categorical.OneHotEncoding([
                new InputOutputColumnPair("FamilyFeatures", nameof(ColumnModelInput.TypeFamily)),
                new InputOutputColumnPair("ShapeFeatures", nameof(ColumnModelInput.TypeShape))]))
            .Append(ml.Transforms.Concatenate("Features", "NameFeatures", "TableFeatures", "SiblingFeatures", "ContextFeatures",
                "RuleFeatures", "FamilyFeatures", "ShapeFeatures", nameof(ColumnModelInput.Flags)));
        ITransformer transformer = options.Learner switch
        {
            ColumnLearner.Sdca => features.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = options.MaximumIterations,
                L2Regularization = 1e-4f,
                Shuffle = true,
            })).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data),
            ColumnLearner.Lbfgs => features.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = options.MaximumIterations,
                L2Regularization = options.L2Regularization,
                L1Regularization = 0,
            })).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data),
            _ => features.Append(ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                NumberOfIterations = options.BoostingRounds,
                Seed = options.Seed,
                Deterministic = true,
                LearningRate = 0.1,
                NumberOfLeaves = 31,
                MinimumExampleCountPerLeaf = 5,
                UseSoftmax = true,
            })).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(data),
        };
        return new ColumnModel(ml, transformer, data.Schema);
    }
}
