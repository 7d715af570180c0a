using Inventory.Model;

namespace Inventory.Rules.Learning;

/// <summary>
/// English words for common data-model words of French, German and Spanish schemas (<c>montant</c> → amount,
/// <c>rechnung</c> → invoice, <c>ciudad</c> → city), appended to a name's tokens by the column model's features so that a
/// column named in one language shares features with columns named in another. The list is
/// <c>rules/model/name-lexicon.tsv</c> (embedded; TSV <c>word, language, english</c>, <c>#</c> comments), general
/// vocabulary of the three languages; keeping it was decided by cross-validation over the corpus applications
/// (<c>rules/MODEL.md</c>). Immutable and thread-safe.
/// </summary>
public sealed class NameLexicon
{
    /// <summary>Logical name of the embedded lexicon.</summary>
    public const string DefaultResourceName = "Inventory.Rules.Defaults.name-lexicon.tsv";

    private readonly Dictionary<string, string[]> _english;

    private NameLexicon(Dictionary<string, string[]> english) => _english = english;

    /// <summary>The lexicon embedded in Inventory.Rules (empty when the assembly was built without it).</summary>
    public static NameLexicon Default { get; } = LoadDefault();

    /// <summary>Number of words with an English rendering.</summary>
    public int Count => _english.Count;

    /// <summary>Every word of the lexicon: the French, German and Spanish words and the words of their English renderings.</summary>
    /// <returns>The words in no particular order (distinct).</returns>
    public IEnumerable<string> Words() => _english.Keys.Concat(_english.Values.SelectMany(e => e)).Distinct(StringComparer.Ordinal);

    /// <summary>Appends, after the tokens, the English words of every token the lexicon knows (the tokens themselves are
    /// kept, so what a model learned from the original language still applies).</summary>
    /// <param name="tokens">Folded lower-case tokens (<see cref="NameTokenizer.Tokenize"/>).</param>
    /// <returns>The same list when no token is known, else a new list.</returns>
    public IReadOnlyList<string> AddEnglish(IReadOnlyList<string> tokens)
    {
        List<string>? result = null;
        foreach (var token in tokens)
            if (_english.TryGetValue(token, out var english)) (result ??= [.. tokens]).AddRange(english);
        return result ?? tokens;
    }

    /// <summary>Parses a lexicon.</summary>
    /// <param name="text">TSV text: <c>word, language, english</c> per line; blank lines and <c>#</c> comments skipped.</param>
    /// <param name="file">File name for errors.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="ConfigurationException">A line without three fields, or a word given twice (file and line).</exception>
    public static NameLexicon Parse(string text, string file)
    {
        var english = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields.Any(f => f.Trim().Length == 0))
                throw new ConfigurationException("expected three tab-separated fields: word, language, english", file, i + 1, 1);
            if (!english.TryAdd(fields[0].Trim(), fields[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                throw new ConfigurationException($"'{fields[0].Trim()}' is listed twice", file, i + 1, 1);
        }
        return new NameLexicon(english);
    }

    private static NameLexicon LoadDefault()
    {
        using var stream = typeof(NameLexicon).Assembly.GetManifestResourceStream(DefaultResourceName);
        if (stream is null) return new NameLexicon(new Dictionary<string, string[]>(StringComparer.Ordinal));
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "name-lexicon.tsv (embedded)");
    }
}
