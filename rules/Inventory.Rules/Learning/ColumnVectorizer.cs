namespace Inventory.Rules.Learning;

/// <summary>A sparse feature vector: strictly increasing indices and their values (same length).</summary>
/// <param name="Indices">Feature indices, strictly increasing, each below the vectorizer's <see cref="ColumnVectorizer.Dimension"/>.</param>
/// <param name="Values">The value of each index.</param>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    /// <summary>Number of non-zero entries.</summary>
    public int Count => Indices.Length;
}

/// <summary>The groups of the column model's features, in vector order (<see cref="ColumnVectorizer"/>).</summary>
public enum FeatureGroup
{
    /// <summary>Word 1- and 2-grams of <see cref="ColumnModelInput.Name"/>, term counts, L2-normalised.</summary>
    NameWords,
    /// <summary>Character 1- to 4-grams of <see cref="ColumnModelInput.Name"/> as one string between boundary markers,
    /// term counts, L2-normalised.</summary>
    NameCharacters,
    /// <summary>Word unigrams of <see cref="ColumnModelInput.Table"/>, L2-normalised.</summary>
    TableWords,
    /// <summary>Word unigrams of <see cref="ColumnModelInput.Siblings"/>, L2-normalised.</summary>
    SiblingWords,
    /// <summary>Word unigrams of <see cref="ColumnModelInput.Context"/>, L2-normalised.</summary>
    ContextWords,
    /// <summary>Word unigrams of <see cref="ColumnModelInput.Rule"/>, L2-normalised.</summary>
    RuleWords,
    /// <summary>One-hot <see cref="ColumnModelInput.TypeFamily"/>.</summary>
    TypeFamily,
    /// <summary>One-hot <see cref="ColumnModelInput.TypeShape"/>.</summary>
    TypeShape,
    /// <summary>Word unigrams of <see cref="ColumnModelInput.TableSignals"/>, L2-normalised. Last, so that a model file
    /// written before the group existed reads as one whose group is empty (<see cref="ColumnModel.Load(Stream)"/>).</summary>
    TableSignals,
}

/// <summary>
/// The column model's featurizer: turns a <see cref="ColumnModelInput"/> into a <see cref="SparseVector"/> over a
/// vocabulary fitted on the training rows. The vector is the groups of <see cref="FeatureGroup"/> one after the other,
/// then the <see cref="ColumnFeatures.FlagCount"/> numeric flags as they are.
/// <list type="bullet">
/// <item>Text is split on spaces (the fields hold lower-case tokens separated by spaces, <see cref="ColumnFeatures.Build"/>);
/// a word 2-gram is two consecutive tokens joined by one space.</item>
/// <item>Character n-grams (1 to 4 characters) are taken over the whole name string, spaces included, between a start
/// marker U+0002 and an end marker U+0003 (so <c>id</c> gives <c>␂</c>, <c>i</c>, <c>d</c>, <c>␃</c>, <c>␂i</c>,
/// <c>id</c>, <c>d␃</c>, <c>␂id</c>, <c>id␃</c>, <c>␂id␃</c>): prefixes and suffixes are features of their own, and an
/// n-gram may span a word boundary. These are the semantics of Microsoft.ML's <c>FeaturizeText</c> (character
/// tokenizer with marker characters) that the previous model used, written out here.</item>
/// <item>Each text group is a vector of term counts over the known vocabulary, divided by its L2 norm (words and
/// characters of the name separately); unknown terms are dropped before the norm is taken.</item>
/// <item>Type family and shape are one-hot (an unknown value gives no feature).</item>
/// </list>
/// The vocabulary keeps every term seen in at least <c>minimumCount</c> training rows, in ordinal order within its
/// group, so the same rows give the same vector layout whatever their order. Immutable and thread-safe.
/// </summary>
public sealed class ColumnVectorizer
{
    /// <summary>Start-of-name marker of the character n-grams.</summary>
    public const char StartMarker = '\u0002';
    /// <summary>End-of-name marker of the character n-grams.</summary>
    public const char EndMarker = '\u0003';
    /// <summary>Longest character n-gram.</summary>
    public const int MaximumCharacterGram = 4;

    private static readonly FeatureGroup[] Groups = Enum.GetValues<FeatureGroup>();
    private readonly string[][] _terms;
    private readonly TermVocabulary[] _lookups;
    private readonly int[] _offsets;

    /// <summary>Creates a vectorizer from its vocabulary.</summary>
    /// <param name="terms">Per <see cref="FeatureGroup"/> (in enum order), its terms in vector order, distinct.</param>
    /// <exception cref="ArgumentException">Not one term list per group, or a duplicated term.</exception>
    public ColumnVectorizer(IReadOnlyList<IReadOnlyList<string>> terms)
    {
        if (terms.Count != Groups.Length)
            throw new ArgumentException($"a column vectorizer needs {Groups.Length} term lists, not {terms.Count}", nameof(terms));
        _terms = terms.Select(t => t.ToArray()).ToArray();
        _lookups = new TermVocabulary[Groups.Length];
        _offsets = new int[Groups.Length + 1];
        for (int g = 0; g < Groups.Length; g++)
        {
            try
            {
                _lookups[g] = new TermVocabulary(_terms[g]);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"{e.Message} in group {Groups[g]}", nameof(terms), e);
            }
            _offsets[g + 1] = _offsets[g] + _terms[g].Length;
        }
        Dimension = _offsets[^1] + ColumnFeatures.FlagCount;
    }

    /// <summary>Length of the vectors (every group's vocabulary plus the flags).</summary>
    public int Dimension { get; }

    /// <summary>The terms of a group, in vector order.</summary>
    /// <param name="group">The group.</param>
    /// <returns>Its vocabulary.</returns>
    public IReadOnlyList<string> Terms(FeatureGroup group) => _terms[(int)group];

    /// <summary>Index of the first flag in the vector (the flags follow every group).</summary>
    public int FlagOffset => _offsets[^1];

    /// <summary>Fits the vocabulary on training rows.</summary>
    /// <param name="rows">Training rows.</param>
    /// <param name="minimumCount">A term is kept when it occurs in at least this many rows (1 keeps every term seen).</param>
    /// <returns>The vectorizer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumCount"/> below 1.</exception>
    public static ColumnVectorizer Fit(IEnumerable<ColumnModelInput> rows, int minimumCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumCount, 1);
        var counts = Groups.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
            for (int g = 0; g < Groups.Length; g++)
            {
                seen.Clear();
                foreach (var term in TermsOf(Groups[g], row)) seen.Add(term);
                foreach (var term in seen) counts[g][term] = counts[g].GetValueOrDefault(term) + 1;
            }
        return new ColumnVectorizer(counts.Select(c => (IReadOnlyList<string>)c.Where(p => p.Value >= minimumCount)
            .Select(p => p.Key).Order(StringComparer.Ordinal).ToArray()).ToArray());
    }

    /// <summary>Every term of a group in a row, with repetitions (for fitting; scoring does not allocate them).</summary>
    private static IEnumerable<string> TermsOf(FeatureGroup group, ColumnModelInput row)
    {
        switch (group)
        {
            case FeatureGroup.NameWords:
                var words = Words(row.Name);
                for (int i = 0; i < words.Length; i++)
                {
                    yield return words[i];
                    if (i + 1 < words.Length) yield return words[i] + " " + words[i + 1];
                }
                break;
            case FeatureGroup.NameCharacters:
                var marked = StartMarker + row.Name + EndMarker;
                for (int start = 0; start < marked.Length; start++)
                    for (int n = 1; n <= MaximumCharacterGram && start + n <= marked.Length; n++)
                        yield return marked.Substring(start, n);
                break;
            case FeatureGroup.TypeFamily:
                if (row.TypeFamily.Length > 0) yield return row.TypeFamily;
                break;
            case FeatureGroup.TypeShape:
                if (row.TypeShape.Length > 0) yield return row.TypeShape;
                break;
            default:
                foreach (var w in Words(TextOf(group, row))) yield return w;
                break;
        }
    }

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string TextOf(FeatureGroup group, ColumnModelInput row) => group switch
    {
        FeatureGroup.NameWords or FeatureGroup.NameCharacters => row.Name,
        FeatureGroup.TableWords => row.Table,
        FeatureGroup.SiblingWords => row.Siblings,
        FeatureGroup.ContextWords => row.Context,
        FeatureGroup.RuleWords => row.Rule,
        FeatureGroup.TypeFamily => row.TypeFamily,
        FeatureGroup.TableSignals => row.TableSignals,
        _ => row.TypeShape,
    };

    /// <summary>The feature vector of one column.</summary>
    /// <param name="input">The column's model input.</param>
    /// <returns>Its sparse vector (indices increasing).</returns>
    public SparseVector Vectorize(ColumnModelInput input)
    {
        var scratch = Fill(input);
        return new SparseVector(scratch.Indices.AsSpan(0, scratch.Count).ToArray(), scratch.Values.AsSpan(0, scratch.Count).ToArray());
    }

    /// <summary>The same features as <see cref="Vectorize"/>, left in this thread's scratch arrays instead of copied
    /// into a new vector: for a caller that scores them at once (<see cref="ColumnModel.Predict(IReadOnlyList{ColumnModelInput})"/>),
    /// two arrays fewer per column. Valid until the next call of either method on the same thread.</summary>
    /// <param name="input">The column's model input.</param>
    /// <returns>The scratch's indices and values and how many of them are the input's.</returns>
    internal (int[] Indices, float[] Values, int Count) VectorizeInScratch(ColumnModelInput input)
    {
        var scratch = Fill(input);
        return (scratch.Indices, scratch.Values, scratch.Count);
    }

    private Scratch Fill(ColumnModelInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scratch = t_scratch ??= new Scratch();
        scratch.Count = 0;
        // The name's groups (words and character n-grams, the most lookups) depend on the name alone, and a database
        // repeats its column names (id, name, created_at…): memoised per name string.
        if (_nameFeatures.TryGet(input.Name, out var name))
            for (int k = 0; k < name.Indices.Length; k++) scratch.Append(name.Indices[k], name.Values[k]);
        else
        {
            for (int g = 0; g < NameGroups; g++)
            {
                scratch.Found.Clear();
                CollectIndices(Groups[g], input, scratch.Found);
                scratch.AppendNormalised(_offsets[g], normalise: true);
            }
            _nameFeatures.Add(input.Name, (scratch.Indices.AsSpan(0, scratch.Count).ToArray(), scratch.Values.AsSpan(0, scratch.Count).ToArray()));
        }
        for (int g = NameGroups; g < Groups.Length; g++)
        {
            scratch.Found.Clear();
            CollectIndices(Groups[g], input, scratch.Found);
            scratch.AppendNormalised(_offsets[g], normalise: Groups[g] is not (FeatureGroup.TypeFamily or FeatureGroup.TypeShape));
        }
        var flags = input.Flags;
        for (int f = 0; f < ColumnFeatures.FlagCount && f < flags.Length; f++)
            if (flags[f] != 0) scratch.Append(FlagOffset + f, flags[f]);
        return scratch;
    }

    /// <summary>The first groups, which read the name only (<see cref="FeatureGroup.NameWords"/>, <see cref="FeatureGroup.NameCharacters"/>).</summary>
    private const int NameGroups = 2;

    /// <summary>The name's feature groups per name (the same bound and policy as the tokens of
    /// <see cref="ColumnFeatures.Tokenize"/>: <see cref="BoundedNameCache{TValue}"/>).</summary>
    private readonly BoundedNameCache<(int[] Indices, float[] Values)> _nameFeatures = new(ColumnFeatures.MaxCachedNames);

    /// <summary>Per-thread buffers of <see cref="Vectorize"/> (a column allocates only its result).</summary>
    [ThreadStatic] private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public readonly List<int> Found = new(128);
        public int[] Indices = new int[256];
        public float[] Values = new float[256];
        public int Count;

        public void Append(int index, float value)
        {
            if (Count == Indices.Length)
            {
                Array.Resize(ref Indices, Count * 2);
                Array.Resize(ref Values, Count * 2);
            }
            Indices[Count] = index;
            Values[Count++] = value;
        }

        /// <summary>Sorts a group's term indices, counts repetitions and appends (offset + index, count / L2 norm).</summary>
        public void AppendNormalised(int offset, bool normalise)
        {
            if (Found.Count == 0) return;
            var found = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Found);
            found.Sort();
            int first = Count;
            double squares = 0;
            for (int k = 0; k < found.Length;)
            {
                int index = found[k], count = 0;
                while (k < found.Length && found[k] == index) { count++; k++; }
                Append(offset + index, count);
                squares += (double)count * count;
            }
            if (!normalise) return;
            var norm = (float)Math.Sqrt(squares);
            for (int k = first; k < Count; k++) Values[k] /= norm;
        }
    }

    private void CollectIndices(FeatureGroup group, ColumnModelInput input, List<int> found)
    {
        var lookup = _lookups[(int)group];
        switch (group)
        {
            case FeatureGroup.NameCharacters:
            {
                var name = input.Name;
                Span<char> marked = name.Length + 2 <= 256 ? stackalloc char[name.Length + 2] : new char[name.Length + 2];
                marked[0] = StartMarker;
                name.AsSpan().CopyTo(marked[1..]);
                marked[^1] = EndMarker;
                for (int start = 0; start < marked.Length; start++)
                    for (int n = 1; n <= MaximumCharacterGram && start + n <= marked.Length; n++)
                        if (lookup.TryGetValue(marked.Slice(start, n), out var i)) found.Add(i);
                break;
            }
            case FeatureGroup.TypeFamily or FeatureGroup.TypeShape:
            {
                if (lookup.TryGetValue(TextOf(group, input), out var i)) found.Add(i);
                break;
            }
            default:
            {
                var text = TextOf(group, input).AsSpan();
                bool bigrams = group == FeatureGroup.NameWords;
                int previousStart = -1, previousEnd = -1, position = 0;
                Span<char> pairBuffer = stackalloc char[128];
                while (position < text.Length)
                {
                    while (position < text.Length && text[position] == ' ') position++;
                    if (position >= text.Length) break;
                    int start = position;
                    while (position < text.Length && text[position] != ' ') position++;
                    if (lookup.TryGetValue(text[start..position], out var i)) found.Add(i);
                    if (bigrams && previousStart >= 0)
                    {
                        int first = previousEnd - previousStart, length = first + 1 + (position - start);
                        var pair = length <= pairBuffer.Length ? pairBuffer[..length] : new char[length];
                        text[previousStart..previousEnd].CopyTo(pair);
                        pair[first] = ' ';
                        text[start..position].CopyTo(pair[(first + 1)..]);
                        if (lookup.TryGetValue(pair, out var j)) found.Add(j);
                    }
                    previousStart = start;
                    previousEnd = position;
                }
                break;
            }
        }
    }
}
