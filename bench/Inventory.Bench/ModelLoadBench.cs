using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Inventory.Rules.Learning;

namespace Inventory.Bench;

/// <summary>The embedded column model's load, split into its parts: the payload read alone (the gzip stream inflated
/// for a file of format version 1, copied for version 2), the whole
/// <see cref="ColumnModel.LoadDefault"/> (inflate, parse, vocabulary), and the vocabulary alone (a
/// <see cref="ColumnVectorizer"/> built from the loaded terms). The first round is the process's cold one (JIT included,
/// as in a scan); the median of the rest is the warm cost. Usage: <c>model-load [--rounds N]</c> (default 15).</summary>
public static class ModelLoadBench
{
    /// <summary>Runs the measure and prints the figures.</summary>
    /// <param name="args">Optional <c>--rounds N</c>.</param>
    /// <returns>0.</returns>
    public static int Run(string[] args)
    {
        var i = Array.IndexOf(args, "--rounds");
        int rounds = i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var r) && r > 1 ? r : 15;
        var inflate = new List<double>();
        var load = new List<double>();
        var vocabulary = new List<double>();
        long packed = 0, unpacked = 0;
        int version = 0;
        for (int round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            using (var stream = typeof(ColumnModel).Assembly.GetManifestResourceStream(ColumnModel.DefaultResourceName)!)
            {
                packed = stream.Length;
                var header = new byte[12];
                stream.ReadExactly(header);
                version = BitConverter.ToInt32(header, 8);
                using Stream payload = version == 1 ? new GZipStream(stream, CompressionMode.Decompress) : stream;
                var buffer = new byte[1 << 16];
                long total = 0;
                for (int n; (n = payload.Read(buffer)) > 0;) total += n;
                unpacked = total;
            }
            inflate.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var model = ColumnModel.LoadDefault();
            load.Add(watch.Elapsed.TotalMilliseconds);
            var terms = Enum.GetValues<FeatureGroup>().Select(g => model.Vectorizer.Terms(g)).ToArray();
            watch.Restart();
            _ = new ColumnVectorizer(terms);
            vocabulary.Add(watch.Elapsed.TotalMilliseconds);
        }
        var inv = CultureInfo.InvariantCulture;
        static double Median(List<double> v) => v.Skip(1).Order().ElementAt((v.Count - 1) / 2);
        Console.WriteLine(string.Create(inv, $"model file: format version {version}, {packed:N0} bytes embedded, payload {unpacked:N0} bytes"));
        Console.WriteLine(string.Create(inv, $"payload read alone:   first {inflate[0],7:0.0} ms, then median {Median(inflate),7:0.0} ms"));
        Console.WriteLine(string.Create(inv, $"ColumnModel.LoadDefault: first {load[0],7:0.0} ms, then median {Median(load),7:0.0} ms"));
        Console.WriteLine(string.Create(inv, $"vocabulary alone:     first {vocabulary[0],7:0.0} ms, then median {Median(vocabulary),7:0.0} ms"));
        return 0;
    }
}
