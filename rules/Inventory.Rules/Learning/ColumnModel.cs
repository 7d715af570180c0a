using System.Reflection;
using Inventory.Model;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Inventory.Rules.Learning;

/// <summary>The model's answer for one column.</summary>
/// <param name="DataCategory">Most probable label: <c>category.subcategory</c> or <c>none</c>.</param>
/// <param name="Probability">Its probability in [0, 1] (softmax of the maximum-entropy scores).</param>
/// <param name="Category">The category part of <paramref name="DataCategory"/> (<c>contact</c>, …, <c>none</c>).</param>
/// <param name="CategoryProbability">The summed probability of every label of that category, in [0, 1].</param>
/// <param name="RunnerUp">Second most probable label, or null.</param>
/// <param name="RunnerUpProbability">Its probability, or 0.</param>
public sealed record ModelPrediction(string DataCategory, double Probability, string Category, double CategoryProbability,
    string? RunnerUp, double RunnerUpProbability)
{
    /// <summary>The probability of every label, in <see cref="ColumnModel.Labels"/> order.</summary>
    public IReadOnlyList<float> Distribution { get; init; } = [];
}

/// <summary>A trained Microsoft.ML column model: loaded once, then scored in batches. Thread-safe: each concurrent
/// caller scores with its own pooled <c>PredictionEngine</c> (never shared between threads).</summary>
public sealed class ColumnModel
{
    /// <summary>Logical name of the default model embedded in Inventory.Rules (built from <c>rules/model/column-model.zip</c>).</summary>
    public const string DefaultResourceName = "Inventory.Rules.Defaults.column-model.zip";

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly string[] _labels;
    private readonly bool _throughDataView;
    private readonly System.Collections.Concurrent.ConcurrentBag<PredictionEngine<ColumnModelInput, ColumnModelScores>> _engines = [];

    internal ColumnModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        _ml = ml;
        _transformer = transformer;
        InputSchema = inputSchema;
        _labels = ReadLabels(transformer, inputSchema, ml);
    }

    private ColumnModel(ColumnModel model)
    {
        _ml = model._ml;
        _transformer = model._transformer;
        InputSchema = model.InputSchema;
        _labels = model._labels;
        _throughDataView = true;
    }

    /// <summary>The same model scoring every batch through <see cref="PredictThroughDataView"/> (the reference path,
    /// for tests that guard the pooled engines' results).</summary>
    internal ColumnModel ThroughDataView() => new(this);

    /// <summary>The input schema saved with the model.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The labels the model can answer, in score order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The underlying transformer (for evaluation and saving).</summary>
    internal ITransformer Transformer => _transformer;

    /// <summary>Loads a model saved by <see cref="Save(string)"/> or <c>inventory train</c>.</summary>
    /// <param name="path">Path of the zip file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ConfigurationException">The file is missing or is not a column model.</exception>
    public static ColumnModel Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException($"model file '{path}' does not exist; run 'inventory train' first");
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (Exception e) when (e is not InventoryException)
        {
            throw new ConfigurationException($"'{path}' is not a column model ({e.GetType().Name}); retrain it with 'inventory train'", path, 0, 0, e);
        }
    }

    /// <summary>Loads a model from a stream holding the zip.</summary>
    /// <param name="stream">Readable, seekable stream.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidOperationException">Thrown by Microsoft.ML when the stream is not a model.</exception>
    public static ColumnModel Load(Stream stream)
    {
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.Load(stream, out var schema);
        return new ColumnModel(ml, transformer, schema);
    }

    /// <summary>Loads the model embedded in the Inventory.Rules assembly.</summary>
    /// <returns>The default model.</returns>
    /// <exception cref="InventoryException">The assembly was built without a model (train one and rebuild).</exception>
    public static ColumnModel LoadDefault()
    {
        using var stream = typeof(ColumnModel).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InventoryException("no column model is embedded; run 'inventory train --out rules/model/column-model.zip' and rebuild");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return Load(copy);
    }

    /// <summary>True when the Inventory.Rules assembly embeds a default model.</summary>
    public static bool HasDefault => typeof(ColumnModel).Assembly.GetManifestResourceInfo(DefaultResourceName) is not null;

    /// <summary>Saves the model with its input schema, atomically.</summary>
    /// <param name="path">Destination zip file; its folder is created if needed.</param>
    public void Save(string path)
    {
        using var buffer = new MemoryStream();
        Save(buffer);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>Saves the model with its input schema to a stream, byte-identical for identical models: Microsoft.ML's zip
    /// is rewritten with its entries in the same order and a fixed timestamp (the save time is not part of the model).</summary>
    /// <param name="stream">Writable stream.</param>
    public void Save(Stream stream)
    {
        using var raw = new MemoryStream();
        _ml.Model.Save(_transformer, InputSchema, raw);
        raw.Position = 0;
        using var source = new System.IO.Compression.ZipArchive(raw, System.IO.Compression.ZipArchiveMode.Read);
        using var target = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
        var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
            copy.LastWriteTime = stamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    /// <summary>Scores many columns in one pass.</summary>
    /// <param name="inputs">Model inputs (from <see cref="ColumnFeatures.Build"/>).</param>
    /// <returns>One prediction per input, in order.</returns>
    /// <remarks>Rows go through a pooled Microsoft.ML <c>PredictionEngine</c> (one per concurrent caller, created on
    /// first use and kept): the same transforms and scorer as <see cref="ITransformer.Transform"/> on a data view, so the
    /// same scores bit for bit (guarded by a test), without the data view's cursor splitter, which started background
    /// threads on every call and cost more than the scoring itself (profile in bench/README.md).</remarks>
    public IReadOnlyList<ModelPrediction> Predict(IReadOnlyList<ColumnModelInput> inputs)
    {
        if (inputs.Count == 0) return [];
        if (_throughDataView) return PredictThroughDataView(inputs);
        if (!_engines.TryTake(out var engine))
            engine = _ml.Model.CreatePredictionEngine<ColumnModelInput, ColumnModelScores>(_transformer, ignoreMissingColumns: true);
        try
        {
            var result = new ModelPrediction[inputs.Count];
            var output = new ColumnModelScores();
            for (int i = 0; i < inputs.Count; i++)
            {
                engine.Predict(inputs[i], ref output);
                result[i] = ToPrediction(output.Score.ToArray());
            }
            return result;
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>Scores many columns through <see cref="ITransformer.Transform"/> on a data view: the reference path the
    /// pooled engines of <see cref="Predict(IReadOnlyList{ColumnModelInput})"/> must agree with (tests).</summary>
    /// <param name="inputs">Model inputs.</param>
    /// <returns>One prediction per input, in order.</returns>
    internal IReadOnlyList<ModelPrediction> PredictThroughDataView(IReadOnlyList<ColumnModelInput> inputs)
    {
        if (inputs.Count == 0) return [];
        var view = _ml.Data.LoadFromEnumerable(inputs);
        var scored = _transformer.Transform(view);
        var result = new List<ModelPrediction>(inputs.Count);
        using var cursor = scored.GetRowCursor(scored.Schema.Where(c => c.Name == "Score"));
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var buffer = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            result.Add(ToPrediction(buffer.DenseValues().ToArray()));
        }
        return result;
    }

    /// <summary>The scorer's output row read by the pooled prediction engines.</summary>
    private sealed class ColumnModelScores
    {
        [ColumnName("Score")]
        public float[] Score { get; set; } = [];
    }

    /// <summary>Scores one column (same as a batch of one).</summary>
    /// <param name="input">Model input.</param>
    /// <returns>The prediction.</returns>
    public ModelPrediction Predict(ColumnModelInput input) => Predict([input])[0];

    private ModelPrediction ToPrediction(float[] scores)
    {
        int best = -1, second = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            if (best < 0 || scores[i] > scores[best]) { second = best; best = i; }
            else if (second < 0 || scores[i] > scores[second]) second = i;
        }
        var label = _labels[best];
        var category = CategoryOf(label);
        double categoryProbability = 0;
        for (int i = 0; i < scores.Length; i++)
            if (CategoryOf(_labels[i]) == category) categoryProbability += scores[i];
        return new ModelPrediction(label, scores[best], category, Math.Min(1, categoryProbability),
            second >= 0 ? _labels[second] : null, second >= 0 ? scores[second] : 0) { Distribution = scores };
    }

    private static string CategoryOf(string label) => Classification.DataCategory.TopLevelOf(label);

    private static string[] ReadLabels(ITransformer transformer, DataViewSchema inputSchema, MLContext ml)
    {
        var empty = ml.Data.LoadFromEnumerable(Array.Empty<ColumnModelInput>(), SchemaDefinitionFor(inputSchema));
        var output = transformer.GetOutputSchema(empty.Schema);
        var score = output["Score"];
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        if (score.HasSlotNames())
            score.GetSlotNames(ref names);
        else
            output["Label"].GetKeyValues(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    private static SchemaDefinition SchemaDefinitionFor(DataViewSchema _) => SchemaDefinition.Create(typeof(ColumnModelInput));

    /// <summary>The assembly that embeds the default model (for diagnostics).</summary>
    internal static Assembly ResourceAssembly => typeof(ColumnModel).Assembly;
}
