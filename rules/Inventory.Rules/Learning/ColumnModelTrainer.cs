using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;

namespace Inventory.Rules.Learning;

/// <summary>The multiclass learners compared in cross-validation (<c>rules/MODEL.md</c>). Both are linear maximum-entropy
/// learners, so their weights export to <see cref="ColumnModel"/>'s own scorer. (LightGBM, compared in an earlier round,
/// was removed with the move to that scorer: trees do not export to a linear model.)</summary>
public enum ColumnLearner
{
    /// <summary>Stochastic dual coordinate ascent, maximum entropy (linear), one thread.</summary>
    Sdca,
    /// <summary>L-BFGS maximum entropy (linear), one thread.</summary>
    Lbfgs,
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
    /// <summary>A vocabulary term is kept when it occurs in at least this many training rows (default 1: every term seen,
    /// as the previous Microsoft.ML featurizer did; <c>rules/MODEL.md</c> has the comparison).</summary>
    public int MinimumTermCount { get; init; } = 1;
}

/// <summary>A trained column model together with the Microsoft.ML transformer it was exported from (tests compare the two).</summary>
/// <param name="Model">The exported model (our own scorer).</param>
/// <param name="Context">The Microsoft.ML context the transformer belongs to.</param>
/// <param name="Transformer">Label key mapping and the trained maximum-entropy predictor over <c>Features</c>.</param>
internal sealed record TrainedColumnModel(ColumnModel Model, MLContext Context, ITransformer Transformer)
{
    /// <summary>Microsoft.ML's own probabilities for inputs vectorized by <see cref="ColumnModel.Vectorizer"/>.</summary>
    /// <param name="inputs">Model inputs.</param>
    /// <returns>Per input, the probability of every label in <see cref="ColumnModel.Labels"/> order.</returns>
    public float[][] ScoreWithMicrosoftMl(IReadOnlyList<ColumnModelInput> inputs)
    {
        var view = ColumnModelTrainer.ToDataView(Context, Model.Vectorizer, inputs.Select(i => (Model.Labels[0], i)));
        var scored = Transformer.Transform(view);
        var result = new List<float[]>(inputs.Count);
        using var cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name == "Score"));
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            result.Add(buffer.DenseValues().ToArray());
        }
        return result.ToArray();
    }
}

/// <summary>Trains the column model: fits a <see cref="ColumnVectorizer"/> on the rows, then Microsoft.ML's multiclass
/// maximum-entropy learner (L-BFGS by default, one thread, fixed seed) on the rows' sparse vectors with the labels as keys
/// in ordinal order, and exports the learned weights and biases (<c>MaximumEntropyModelParameters.GetWeights</c> /
/// <c>GetBiases</c>) into a <see cref="ColumnModel"/> that scores without Microsoft.ML. One thread and a fixed seed make two
/// trainings identical.</summary>
public static class ColumnModelTrainer
{
    /// <summary>Trains a model on labelled inputs (<see cref="ColumnFeatures.Build"/> with <see cref="ColumnModelInput.Label"/> set).</summary>
    /// <param name="inputs">Labelled rows (at least two labels).</param>
    /// <param name="options">Seed, learner and its options; null for defaults.</param>
    /// <returns>The trained model.</returns>
    /// <exception cref="ConfigurationException">Fewer than two distinct labels.</exception>
    public static ColumnModel Train(IReadOnlyList<ColumnModelInput> inputs, TrainingOptions? options = null) => Fit(inputs, options).Model;

    /// <summary>Throws unless this process can train: Microsoft.ML reads the training rows through code it generates at
    /// run time (<c>LoadFromEnumerable</c>), which a Native AOT build of inventory cannot run (it would fail deep inside
    /// Microsoft.ML with <see cref="PlatformNotSupportedException"/>). Scoring does not need it: the model scores
    /// without Microsoft.ML.</summary>
    /// <exception cref="ConfigurationException">The process has no run-time code generation (Native AOT).</exception>
    public static void RequireTrainingSupport()
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
            throw new ConfigurationException("training the column model (train, evaluate --cross-validate) needs Microsoft.ML's run-time code generation, which this Native AOT build of inventory (the linux-x64 .NET tool, the Docker image) does not have: run it with the framework-dependent build (dotnet run --project scanner/Inventory.Cli -c Release --, or dotnet publish scanner/Inventory.Cli -c Release without -r)");
    }

    /// <summary>Trains a model and keeps Microsoft.ML's transformer beside it (see <see cref="Train"/>).</summary>
    /// <exception cref="ConfigurationException">Fewer than two distinct labels, or a Native AOT process
    /// (<see cref="RequireTrainingSupport"/>).</exception>
    internal static TrainedColumnModel Fit(IReadOnlyList<ColumnModelInput> inputs, TrainingOptions? options = null)
    {
        RequireTrainingSupport();
        options ??= new TrainingOptions();
        if (inputs.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count() < 2)
            throw new ConfigurationException("the corpus needs at least two distinct labels to train a classifier");
        var vectorizer = ColumnVectorizer.Fit(inputs, options.MinimumTermCount);
        var ml = new MLContext(seed: options.Seed);
        var data = ToDataView(ml, vectorizer, inputs.Select(i => (i.Label, i)));
        var keys = ml.Transforms.Conversion.MapValueToKey("Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue).Fit(data);
        var keyed = keys.Transform(data);
        ISingleFeaturePredictionTransformer<MaximumEntropyModelParameters> predictor = options.Learner switch
        {
            ColumnLearner.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = options.MaximumIterations,
                L2Regularization = 1e-4f,
                Shuffle = true,
            }).Fit(keyed),
            _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                NumberOfThreads = 1,
                MaximumNumberOfIterations = options.MaximumIterations,
                L2Regularization = options.L2Regularization,
                L1Regularization = 0,
            }).Fit(keyed),
        };
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        keyed.Schema["Label"].GetKeyValues(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        VBuffer<float>[] byLabel = [];
        predictor.Model.GetWeights(ref byLabel, out int classes);
        var biases = predictor.Model.GetBiases().ToArray();
        if (classes != labels.Length || biases.Length != labels.Length)
            throw new InvalidOperationException($"Microsoft.ML returned {classes} classes and {biases.Length} biases for {labels.Length} labels");
        var weights = new float[(long)vectorizer.Dimension * labels.Length];
        for (int k = 0; k < labels.Length; k++)
        {
            if (byLabel[k].Length != vectorizer.Dimension)
                throw new InvalidOperationException($"Microsoft.ML returned {byLabel[k].Length} weights for a dimension of {vectorizer.Dimension}");
            foreach (var (index, weight) in byLabel[k].Items())
                weights[(long)index * labels.Length + k] = weight;
        }
        var model = new ColumnModel(vectorizer, labels, biases, weights);
        return new TrainedColumnModel(model, ml, keys.Append(predictor));
    }

    /// <summary>One training row as Microsoft.ML reads it.</summary>
    private sealed class VectorRow
    {
        public string Label { get; set; } = "";
        public VBuffer<float> Features { get; set; }
    }

    /// <summary>A data view of labelled sparse vectors (<c>Label</c> text, <c>Features</c> of fixed size <see cref="ColumnVectorizer.Dimension"/>).</summary>
    internal static IDataView ToDataView(MLContext ml, ColumnVectorizer vectorizer, IEnumerable<(string Label, ColumnModelInput Input)> rows)
    {
        var schema = SchemaDefinition.Create(typeof(VectorRow));
        schema[nameof(VectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, vectorizer.Dimension);
        var vectors = rows.Select(r =>
        {
            var v = vectorizer.Vectorize(r.Input);
            return new VectorRow { Label = r.Label, Features = new VBuffer<float>(vectorizer.Dimension, v.Count, v.Values, v.Indices) };
        }).ToArray();
        return ml.Data.LoadFromEnumerable(vectors, schema);
    }
}
