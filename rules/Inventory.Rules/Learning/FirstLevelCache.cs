using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inventory.Rules.Learning;

/// <summary>Keeps the first level of a cross-validation (<see cref="CrossValidation.FirstLevel"/>: every column's
/// out-of-fold label distribution) in a file, keyed by a SHA-256 fingerprint of everything the first level is computed
/// from: every model input of every corpus column (all of <see cref="ColumnModelInput"/>'s properties, label included),
/// the application names, the fold count, the seed and the training options. A rule change that leaves every model
/// input unchanged (most name rules: the first level reads the rules only through the table signals) then needs only the
/// combination refitted, seconds instead of minutes, with exactly the figures a full cross-validation gives; any change
/// of an input gives another fingerprint, and the file is recomputed and overwritten. The trainer's code is not in the
/// fingerprint: after changing <see cref="ColumnModelTrainer"/> or <see cref="ColumnVectorizer"/>, delete the file.</summary>
internal static class FirstLevelCache
{
    private const string Magic = "INVFLVL1";

    /// <summary>The first level read from <paramref name="path"/> when its fingerprint matches, else computed by
    /// <paramref name="compute"/> and written there (atomically).</summary>
    /// <param name="path">Cache file.</param>
    /// <param name="applications">The corpus applications.</param>
    /// <param name="options">The cross-validation options (folds, seed, training, table signals, rules in the first level).</param>
    /// <param name="ruleDecisions">The rule decisions the first level reads, or null.</param>
    /// <param name="compute">Computes the first level.</param>
    /// <param name="hit">True when the file was used.</param>
    /// <returns>The first level.</returns>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static FirstLevelResult GetOrCompute(string path, IReadOnlyList<LabelledApplication> applications, CrossValidationOptions options,
        IReadOnlyDictionary<string, IReadOnlyList<Inventory.Classification.ColumnClassification>>? ruleDecisions,
        Func<FirstLevelResult> compute, out bool hit)
    {
        var fingerprint = Fingerprint(applications, options, ruleDecisions);
        if (File.Exists(path) && TryRead(path, fingerprint) is { } cached)
        {
            hit = true;
            return cached;
        }
        hit = false;
        var result = compute();
        Write(path, fingerprint, result);
        return result;
    }

    /// <summary>The SHA-256 of the first level's inputs (see the class summary).</summary>
    internal static byte[] Fingerprint(IReadOnlyList<LabelledApplication> applications, CrossValidationOptions options,
        IReadOnlyDictionary<string, IReadOnlyList<Inventory.Classification.ColumnClassification>>? ruleDecisions)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\u001f"));
        var inv = CultureInfo.InvariantCulture;
        Add(string.Create(inv, $"folds={options.Folds};seed={options.Seed};signals={options.TableSignals};rules={options.RulesInFirstLevel}"));
        Add(options.Training.ToString());
        var properties = typeof(ColumnModelInput).GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        foreach (var application in applications)
        {
            Add(application.Name);
            foreach (var input in CrossValidation.InputsOf(application, options.RulesInFirstLevel ? ruleDecisions?[application.Name] : null))
            {
                if (!options.TableSignals) input.TableSignals = "";
                foreach (var p in properties)
                    Add(p.GetValue(input) switch
                    {
                        float[] flags => string.Join(",", flags.Select(f => f.ToString("R", inv))),
                        var v => Convert.ToString(v, inv) ?? "",
                    });
            }
        }
        return hash.GetHashAndReset();
    }

    private static FirstLevelResult? TryRead(string path, byte[] fingerprint)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadString() != Magic || !reader.ReadBytes(fingerprint.Length).AsSpan().SequenceEqual(fingerprint)) return null;
        int folds = reader.ReadInt32();
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int n = reader.ReadInt32(); n > 0; n--) foldOf[reader.ReadString()] = reader.ReadInt32();
        var labelSets = new List<string[]>();
        for (int n = reader.ReadInt32(); n > 0; n--)
            labelSets.Add(Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToArray());
        var rows = new FirstLevelPrediction[reader.ReadInt32()];
        for (int i = 0; i < rows.Length; i++)
        {
            string app = reader.ReadString();
            int row = reader.ReadInt32(), fold = reader.ReadInt32();
            string gold = reader.ReadString();
            var labels = labelSets[reader.ReadInt32()];
            var distribution = new float[labels.Length];
            for (int k = 0; k < distribution.Length; k++) distribution[k] = reader.ReadSingle();
            rows[i] = new FirstLevelPrediction(app, row, fold, gold, labels, distribution);
        }
        return new FirstLevelResult(rows, foldOf, folds);
    }

    private static void Write(string path, byte[] fingerprint, FirstLevelResult result)
    {
        var temporary = path + ".tmp";
        using (var writer = new BinaryWriter(File.Create(temporary), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(fingerprint);
            writer.Write(result.Folds);
            writer.Write(result.FoldOf.Count);
            foreach (var (app, fold) in result.FoldOf) { writer.Write(app); writer.Write(fold); }
            var labelSets = result.Rows.Select(r => r.Labels).Distinct().ToList();
            writer.Write(labelSets.Count);
            foreach (var labels in labelSets) { writer.Write(labels.Count); foreach (var l in labels) writer.Write(l); }
            writer.Write(result.Rows.Count);
            foreach (var r in result.Rows)
            {
                writer.Write(r.Application); writer.Write(r.Row); writer.Write(r.Fold); writer.Write(r.Gold);
                writer.Write(labelSets.IndexOf(r.Labels));
                foreach (var p in r.Distribution) writer.Write(p);
            }
        }
        File.Move(temporary, path, overwrite: true);
    }
}
