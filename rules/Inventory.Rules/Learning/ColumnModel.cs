using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Inventory.Model;

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

/// <summary>
/// A trained column model: a multinomial logistic regression (maximum entropy) over the sparse vectors of a
/// <see cref="ColumnVectorizer"/>. Scoring is the vectorizer, one sparse dot product per label and a softmax; no
/// Microsoft.ML type is touched (Microsoft.ML only trains it, <see cref="ColumnModelTrainer"/>), so a scan neither loads
/// nor JIT-compiles Microsoft.ML. Immutable and thread-safe.
/// <para>File format (<see cref="Save(Stream)"/>): the 8 ASCII bytes <c>INVCMODL</c>, the format version as a 32-bit
/// little-endian integer (<see cref="FormatVersion"/>), then, uncompressed: the labels; per <see cref="FeatureGroup"/>
/// its name and terms in vector order; the flag count; the dimension; per label its bias; per feature (row-major) the
/// weight of every label; the 4 ASCII bytes <c>END.</c>. Integers are 32-bit little-endian, floats IEEE single, strings a
/// 32-bit UTF-16 code-unit count then the code units (so any character n-gram, even half a surrogate pair, round-trips).
/// Version 1 held the same payload gzip-compressed (6.1 MB instead of 8.3 MB); inflating it cost every process about
/// 55–90 ms of CPU (bench <c>model-load</c>), so version 2 stores it as is, and the weights are read straight into their
/// array. A file of version 1 is refused with a message that says to retrain.
/// A file written before <see cref="FeatureGroup.TableSignals"/> existed (one group fewer; only a converted
/// version-1 file can be one) loads as a model whose
/// table-signal vocabulary is empty, and scores as it did.</para>
/// </summary>
public sealed class ColumnModel
{
    /// <summary>Logical name of the default model embedded in Inventory.Rules (built from <c>rules/model/column-model.bin</c>).</summary>
    public const string DefaultResourceName = "Inventory.Rules.Defaults.column-model.bin";

    /// <summary>Version of the file format written by <see cref="Save(Stream)"/>; a file of another version is refused.</summary>
    public const int FormatVersion = 2;

    /// <summary>Feature groups of the first files of <see cref="FormatVersion"/> 1 (every group before
    /// <see cref="FeatureGroup.TableSignals"/>); such a file still loads.</summary>
    private const int FirstGroupCount = (int)FeatureGroup.TableSignals;

    private static readonly byte[] Magic = "INVCMODL"u8.ToArray();
    private static readonly byte[] Trailer = "END."u8.ToArray();
    private readonly string[] _labels;
    private readonly float[] _biases;
    private readonly float[] _weights; // feature-major: _weights[feature * labels + label]
    private readonly int[] _labelCategory;
    private readonly string[] _categories;

    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="vectorizer">The featurizer the weights were trained on.</param>
    /// <param name="labels">The labels, in score order.</param>
    /// <param name="biases">One bias per label.</param>
    /// <param name="weights">Feature-major weights: <c>weights[feature * labels.Count + label]</c>, <see cref="ColumnVectorizer.Dimension"/> × labels.</param>
    /// <exception cref="ArgumentException">Dimensions disagree or fewer than two labels.</exception>
    public ColumnModel(ColumnVectorizer vectorizer, IReadOnlyList<string> labels, IReadOnlyList<float> biases, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(vectorizer);
        if (labels.Count < 2 || biases.Count != labels.Count || weights.Length != (long)vectorizer.Dimension * labels.Count)
            throw new ArgumentException($"a column model needs at least two labels, one bias per label and {vectorizer.Dimension} × {labels.Count} weights");
        Vectorizer = vectorizer;
        ReadsRules = vectorizer.Terms(FeatureGroup.RuleWords).Any(t => !string.Equals(t, ColumnFeatures.RulesAbsent, StringComparison.Ordinal));
        _labels = labels.ToArray();
        _biases = biases.ToArray();
        _weights = weights;
        _categories = _labels.Select(CategoryOf).Distinct(StringComparer.Ordinal).ToArray();
        _labelCategory = _labels.Select(l => Array.IndexOf(_categories, CategoryOf(l))).ToArray();
    }

    /// <summary>The featurizer.</summary>
    public ColumnVectorizer Vectorizer { get; }

    /// <summary>The labels the model can answer, in score order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>True when the model was trained on the rule classifier's decisions as features (its rule vocabulary holds
    /// a rule's label, id or gate); false for a model trained without them (every training row's rule tokens were
    /// <c>rl:absent</c>), whose columns are then scored without the rule decision, as it was trained
    /// (<see cref="CrossValidationOptions.RulesInFirstLevel"/>).</summary>
    public bool ReadsRules { get; }

    /// <summary>Loads a model saved by <see cref="Save(string)"/> or <c>inventory train</c>.</summary>
    /// <param name="path">Path of the model file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="ConfigurationException">The file is missing, is not a column model, or is of another format version.</exception>
    public static ColumnModel Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigurationException($"model file '{path}' does not exist; run 'inventory train' first");
        using var stream = File.OpenRead(path);
        try
        {
            return Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new ConfigurationException($"'{path}' is not a column model: {e.Message}; retrain it with 'inventory train'", path, 0, 0, e);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException)
        {
            throw new ConfigurationException($"'{path}' is not a column model ({e.GetType().Name}: truncated or corrupt); retrain it with 'inventory train'", path, 0, 0, e);
        }
    }

    /// <summary>Loads a model from a stream written by <see cref="Save(Stream)"/>.</summary>
    /// <param name="stream">Readable stream, positioned at the model's first byte.</param>
    /// <returns>The model.</returns>
    /// <exception cref="InvalidDataException">Not a column model (another magic, a Microsoft.ML zip of an earlier release,
    /// another format version, another feature layout, a missing trailer).</exception>
    /// <exception cref="EndOfStreamException">The stream ends early.</exception>
    public static ColumnModel Load(Stream stream)
    {
        Span<byte> header = stackalloc byte[12];
        stream.ReadExactly(header);
        if (header[..4].SequenceEqual("PK\u0003\u0004"u8))
            throw new InvalidDataException("it is a Microsoft.ML zip of an earlier release (the model is now a linear scorer of its own format)");
        if (!header[..8].SequenceEqual(Magic)) throw new InvalidDataException("no INVCMODL header");
        var version = BitConverter.ToInt32(header[8..]);
        if (version == 1)
            throw new InvalidDataException($"format version 1 (gzip-compressed, written by an earlier release), this build reads version {FormatVersion}");
        if (version != FormatVersion)
            throw new InvalidDataException($"format version {version}, this build reads version {FormatVersion}");
        // The payload is read through one 64 KB buffer of our own: the vocabulary is some 64,000 short strings, and two
        // stream calls for each (its length, then its code units) cost a process's start more than the strings themselves.
        var reader = new PayloadReader(stream);
        var labels = reader.ReadStrings();
        var groups = Enum.GetValues<FeatureGroup>();
        int groupCount = reader.ReadInt32();
        // A file written before the last groups existed (FeatureGroup.TableSignals) reads as one whose later groups are
        // empty: its weights never saw them, so it scores as it did.
        if (groupCount < FirstGroupCount || groupCount > groups.Length)
            throw new InvalidDataException($"{groupCount} feature groups, this build reads {FirstGroupCount} to {groups.Length}");
        var terms = new IReadOnlyList<string>[groups.Length];
        for (int g = groupCount; g < groups.Length; g++) terms[g] = [];
        for (int g = 0; g < groupCount; g++)
        {
            var name = reader.ReadString();
            if (name != groups[g].ToString()) throw new InvalidDataException($"feature group '{name}' where this build has {groups[g]}");
            terms[g] = reader.ReadStrings();
        }
        int flags = reader.ReadInt32();
        if (flags != ColumnFeatures.FlagCount) throw new InvalidDataException($"{flags} flags, this build has {ColumnFeatures.FlagCount}");
        var vectorizer = new ColumnVectorizer(terms);
        int dimension = reader.ReadInt32();
        if (dimension != vectorizer.Dimension) throw new InvalidDataException($"dimension {dimension} differs from the vocabulary's {vectorizer.Dimension}");
        var biases = reader.ReadFloats(labels.Length);
        var weights = reader.ReadFloats(checked(dimension * labels.Length));
        if (!reader.ReadUpTo(Trailer.Length).SequenceEqual(Trailer)) throw new InvalidDataException("no END. trailer");
        return new ColumnModel(vectorizer, labels, biases, weights);
    }

    /// <summary>Loads the model embedded in the Inventory.Rules assembly.</summary>
    /// <returns>The default model.</returns>
    /// <exception cref="InventoryException">The assembly was built without a model (train one and rebuild).</exception>
    public static ColumnModel LoadDefault()
    {
        using var stream = typeof(ColumnModel).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InventoryException("no column model is embedded; run 'inventory train --out rules/model/column-model.bin' and rebuild");
        return Load(stream);
    }

    /// <summary>True when the Inventory.Rules assembly embeds a default model.</summary>
    public static bool HasDefault => typeof(ColumnModel).Assembly.GetManifestResourceInfo(DefaultResourceName) is not null;

    /// <summary>Saves the model atomically (see the class summary for the format).</summary>
    /// <param name="path">Destination file; its folder is created if needed.</param>
    public void Save(string path)
    {
        using var buffer = new MemoryStream();
        Save(buffer);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    /// <summary>Writes the model to a stream (see the class summary for the format); identical models give identical bytes.</summary>
    /// <param name="stream">Writable stream.</param>
    public void Save(Stream stream)
    {
        stream.Write(Magic);
        Span<byte> version = stackalloc byte[4];
        BitConverter.TryWriteBytes(version, FormatVersion);
        stream.Write(version);
        var buffered = new BufferedStream(stream, 1 << 16); // flushed at the end, not disposed (the caller's stream stays open)
        using var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true);
        WriteStrings(writer, _labels);
        var groups = Enum.GetValues<FeatureGroup>();
        writer.Write(groups.Length);
        foreach (var group in groups)
        {
            WriteString(writer, group.ToString());
            WriteStrings(writer, Vectorizer.Terms(group));
        }
        writer.Write(ColumnFeatures.FlagCount);
        writer.Write(Vectorizer.Dimension);
        WriteFloats(writer, _biases);
        WriteFloats(writer, _weights);
        writer.Write(Trailer);
        writer.Flush();
        buffered.Flush();
    }

    private static void WriteString(BinaryWriter writer, string value)
    {
        writer.Write(value.Length);
        foreach (var c in value) writer.Write((ushort)c);
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var v in values) WriteString(writer, v);
    }

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the column model file is little-endian");
        writer.Write(bytes);
    }

    /// <summary>Reads a model file's payload (after its header) through one buffer: little-endian 32-bit integers,
    /// strings as a UTF-16 code-unit count then the code units, floats in bulk. The caller's stream is neither buffered
    /// again nor closed; it may be left past the payload's end by up to the buffer's size.</summary>
    private sealed class PayloadReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _start, _end;

        /// <summary>Makes at least <paramref name="count"/> bytes (at most the buffer's size) available from the buffer.</summary>
        /// <exception cref="EndOfStreamException">The stream ends first.</exception>
        private ReadOnlySpan<byte> Take(int count)
        {
            if (_end - _start < count)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
                _end += stream.ReadAtLeast(_buffer.AsSpan(_end), count - _end, throwOnEndOfStream: false);
                if (_end < count) throw new EndOfStreamException("the model file ends early");
            }
            var taken = _buffer.AsSpan(_start, count);
            _start += count;
            return taken;
        }

        public int ReadInt32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

        public string ReadString()
        {
            int length = ReadInt32();
            if (length < 0 || length > 1 << 20) throw new InvalidDataException($"string length {length}");
            if (length * 2 <= _buffer.Length) return new string(MemoryMarshal.Cast<byte, char>(Take(length * 2)));
            var chars = new char[length];
            ReadInto(MemoryMarshal.AsBytes(chars.AsSpan()));
            return new string(chars);
        }

        public string[] ReadStrings()
        {
            int count = ReadInt32();
            if (count < 0 || count > 1 << 24) throw new InvalidDataException($"list length {count}");
            var values = new string[count];
            for (int i = 0; i < count; i++) values[i] = ReadString();
            return values;
        }

        public float[] ReadFloats(int count)
        {
            if (count < 0) throw new InvalidDataException($"float count {count}");
            if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the column model file is little-endian");
            var values = new float[count];
            try
            {
                ReadInto(MemoryMarshal.AsBytes(values.AsSpan()));
            }
            catch (EndOfStreamException)
            {
                throw new EndOfStreamException("the model file ends inside its weights");
            }
            return values;
        }

        /// <summary>The next bytes, up to <paramref name="count"/>: fewer only where the stream ends.</summary>
        public ReadOnlySpan<byte> ReadUpTo(int count)
        {
            var result = new byte[count];
            int got = Math.Min(count, _end - _start);
            _buffer.AsSpan(_start, got).CopyTo(result);
            _start += got;
            got += stream.ReadAtLeast(result.AsSpan(got), count - got, throwOnEndOfStream: false);
            return result.AsSpan(0, got);
        }

        /// <summary>Fills <paramref name="target"/>: first from the buffer, then straight from the stream.</summary>
        private void ReadInto(Span<byte> target)
        {
            int buffered = Math.Min(target.Length, _end - _start);
            _buffer.AsSpan(_start, buffered).CopyTo(target);
            _start += buffered;
            if (stream.ReadAtLeast(target[buffered..], target.Length - buffered, throwOnEndOfStream: false) != target.Length - buffered)
                throw new EndOfStreamException("the model file ends early");
        }
    }

    /// <summary>Scores many columns.</summary>
    /// <param name="inputs">Model inputs (from <see cref="ColumnFeatures.Build"/>).</param>
    /// <returns>One prediction per input, in order.</returns>
    public IReadOnlyList<ModelPrediction> Predict(IReadOnlyList<ColumnModelInput> inputs)
    {
        var result = new ModelPrediction[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var (indices, values, count) = Vectorizer.VectorizeInScratch(inputs[i]);
            result[i] = ToPrediction(Probabilities(indices.AsSpan(0, count), values.AsSpan(0, count)));
        }
        return result;
    }

    /// <summary>Scores one column (same as a batch of one).</summary>
    /// <param name="input">Model input.</param>
    /// <returns>The prediction.</returns>
    public ModelPrediction Predict(ColumnModelInput input) => Predict([input])[0];

    /// <summary>The probability of every label for a feature vector: softmax of bias + weights · features.</summary>
    /// <param name="features">A vector of <see cref="Vectorizer"/>.</param>
    /// <returns>Probabilities in <see cref="Labels"/> order.</returns>
    /// <remarks>Each label's score is summed in double precision in feature order, two labels at a time
    /// (<see cref="AccumulateRow"/>): the very operations of <see cref="ProbabilitiesScalar"/>, lane by lane, so the
    /// same bits (test <c>ColumnModelScoringTests</c>).</remarks>
    internal float[] Probabilities(SparseVector features) => Probabilities(features.Indices, features.Values);

    private float[] Probabilities(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        int labels = _labels.Length;
        Span<double> scores = labels <= 128 ? stackalloc double[labels] : new double[labels];
        for (int k = 0; k < labels; k++) scores[k] = _biases[k];
        ReadOnlySpan<float> weights = _weights;
        for (int n = 0; n < indices.Length; n++)
            AccumulateRow(scores, values[n], weights.Slice(indices[n] * labels, labels));
        return Softmax(scores);
    }

    /// <summary>The scalar form of <see cref="Probabilities"/> (one label at a time), kept as the reference its vector
    /// form is tested against.</summary>
    /// <param name="features">A vector of <see cref="Vectorizer"/>.</param>
    /// <returns>Probabilities in <see cref="Labels"/> order.</returns>
    internal float[] ProbabilitiesScalar(SparseVector features)
    {
        int labels = _labels.Length;
        Span<double> scores = labels <= 128 ? stackalloc double[labels] : new double[labels];
        for (int k = 0; k < labels; k++) scores[k] = _biases[k];
        var weights = _weights.AsSpan();
        for (int n = 0; n < features.Count; n++)
        {
            double x = features.Values[n];
            var row = weights.Slice(features.Indices[n] * labels, labels);
            for (int k = 0; k < labels; k++) scores[k] += x * row[k];
        }
        return Softmax(scores);
    }

    /// <summary>scores[k] += x · row[k] for every label, in double precision: two labels per step in 128-bit vectors
    /// (each lane widens its float, multiplies and adds exactly as the scalar loop does; no fused multiply-add), the
    /// last one alone. 128-bit vectors are part of every x64 and Arm64 processor, so ReadyToRun precompiles this method;
    /// a 256-bit form depends on the processor, is left to the JIT at run time, and a scan ran it at tier 0 throughout
    /// (bench/README.md).</summary>
    /// <param name="scores">Running scores, one per label (at least as many as <paramref name="row"/>).</param>
    /// <param name="value">The feature's value.</param>
    /// <param name="row">The feature's weights, one per label.</param>
    internal static void AccumulateRow(Span<double> scores, float value, ReadOnlySpan<float> row)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scores.Length, row.Length, nameof(scores));
        double x = value;
        int k = 0;
        if (Vector128.IsHardwareAccelerated && row.Length >= 4)
        {
            var factor = Vector128.Create(x);
            ref float weights = ref MemoryMarshal.GetReference(row);
            ref double sums = ref MemoryMarshal.GetReference(scores);
            for (; k <= row.Length - 4; k += 4)
            {
                // Four weights read at once, widened two by two.
                var four = Vector128.LoadUnsafe(ref weights, (nuint)k);
                var low = Vector128.LoadUnsafe(ref sums, (nuint)k) + factor * Vector128.WidenLower(four);
                var high = Vector128.LoadUnsafe(ref sums, (nuint)(k + 2)) + factor * Vector128.WidenUpper(four);
                low.StoreUnsafe(ref sums, (nuint)k);
                high.StoreUnsafe(ref sums, (nuint)(k + 2));
            }
        }
        for (; k < row.Length; k++) scores[k] += x * row[k];
    }

    private static float[] Softmax(ReadOnlySpan<double> scores)
    {
        int labels = scores.Length;
        Span<double> exps = labels <= 128 ? stackalloc double[labels] : new double[labels];
        double max = double.NegativeInfinity, sum = 0;
        for (int k = 0; k < labels; k++) max = Math.Max(max, scores[k]);
        for (int k = 0; k < labels; k++) sum += exps[k] = Math.Exp(scores[k] - max);
        var probabilities = new float[labels];
        for (int k = 0; k < labels; k++) probabilities[k] = (float)(exps[k] / sum);
        return probabilities;
    }

    private ModelPrediction ToPrediction(float[] scores)
    {
        int best = -1, second = -1;
        for (int i = 0; i < scores.Length; i++)
        {
            if (best < 0 || scores[i] > scores[best]) { second = best; best = i; }
            else if (second < 0 || scores[i] > scores[second]) second = i;
        }
        var label = _labels[best];
        int category = _labelCategory[best];
        double categoryProbability = 0;
        for (int i = 0; i < scores.Length; i++)
            if (_labelCategory[i] == category) categoryProbability += scores[i];
        return new ModelPrediction(label, scores[best], _categories[category], Math.Min(1, categoryProbability),
            second >= 0 ? _labels[second] : null, second >= 0 ? scores[second] : 0) { Distribution = scores };
    }

    private static string CategoryOf(string label) => Classification.DataCategory.TopLevelOf(label);
}
