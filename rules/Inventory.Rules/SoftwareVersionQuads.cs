using System.Globalization;
using Inventory.Classification;
using Inventory.Rules.Detectors;

namespace Inventory.Rules;

/// <summary>
/// Software versions written as four numbers (<c>1.2.3.4</c>, <c>2.14.0.1</c>, <c>4.0.3.12</c>) are dotted quads that an
/// IPv4 parser accepts (RFC 791's form is four numbers of 0–255), yet no address (issue 10 item 6, data44's K4). A column
/// is of this kind when at least 90 % of its values are dotted numbers (three or more numbers, <c>10.0.19045.1</c>
/// among them), at least 5 are dotted quads, the quads' first numbers are all small (at most 50: major versions) and, under a version-like name (<see cref="NameEvidence.VersionLike"/>), that is all; otherwise
/// the table must hold packages, plug-ins, releases, extensions, modules, components, firmware, updates or dependencies
/// (English, French, German, Spanish words, kept here and not in <c>name-rules.yml</c> so that the column model's inputs
/// stay as they are) and the first numbers must vary (major versions 1, 2, 3 side by side: the addresses of one network
/// share theirs). Never in a sign-in, visit, activity or event table, never under a name of a person's or a visit's
/// address (client, visitor, user, remote, last, current… as <see cref="PrivateServerAddresses"/> reads them) nor under a
/// name that says IP address: real addresses of 1.x.x.x and 10.x.x.x there stay addresses.
/// </summary>
internal static class SoftwareVersionQuads
{
    /// <summary>Evidence id of the reading.</summary>
    public const string Evidence = "sample.version-numbers";

    /// <summary>Confidence of the <c>none</c> that overrides the IP-address reading: under a gate at 0.9, so a DPO
    /// confirms it.</summary>
    public const double Confidence = 0.7;

    private const int MaxMajor = 50;

    // Table-name words of software that has versions (English, French, German, Spanish).
    private static readonly HashSet<string> ReleaseTableWords = new(StringComparer.Ordinal)
        { "package", "packages", "plugin", "plugins", "release", "releases", "extension", "extensions", "module", "modules",
          "component", "components", "firmware", "firmwares", "update", "updates", "dependency", "dependencies", "library",
          "libraries", "software", "version", "versions", "upgrade", "upgrades", "paquet", "paquets", "logiciel", "logiciels",
          "paket", "pakete", "erweiterung", "erweiterungen", "modul", "komponente", "komponenten", "bibliothek", "paquete",
          "paquetes", "complemento", "complementos", "extensiones", "modulo", "modulos", "componente", "componentes",
          "versiones", "versionen", "lanzamiento", "lanzamientos" };

    /// <summary>Table groups of sign-ins, visits and events: their addresses are people's, whatever their numbers.</summary>
    private static readonly string[] ActivityGroups = ["activity", "event-log", "sign-in"];

    /// <summary>True when the column holds software versions written as dotted quads (see the class summary).</summary>
    /// <param name="table">The table's name.</param>
    /// <param name="names">What the column's name says.</param>
    /// <param name="values">The sampled values.</param>
    /// <param name="quads">Values that are dotted quads of small first numbers.</param>
    /// <param name="tested">Non-blank values.</param>
    public static bool Holds(string table, NameEvidence names, IReadOnlyList<string> values, out int quads, out int tested)
    {
        quads = tested = 0;
        var name = names.Match;
        if (name.DataCategory is { } said && said is not "none") return false;
        if (name.TableGroups.Any(g => ActivityGroups.Contains(g))) return false;
        if (name.Tokens.Any(PrivateServerAddresses.PersonAddressWords.Contains)) return false;
        bool releaseTable = NameTokenizer.Tokenize(table).Any(ReleaseTableWords.Contains);
        if (!names.VersionLike && !releaseTable) return false;
        int firstMajor = -1, dotted = 0;
        bool majorsVary = false;
        foreach (var raw in values)
        {
            var value = raw.AsSpan().Trim();
            if (value.IsEmpty) continue;
            tested++;
            // Versions of three or five numbers, or with a part above 255 (10.0.19045.1), stand beside the quads.
            if (value.Count('.') >= 2 && !value.ContainsAnyExcept("0123456789.")) dotted++;
            if (!IpAddressDetector.IsDottedQuad(value)) continue;
            int major = int.Parse(value[..value.IndexOf('.')], NumberStyles.None, CultureInfo.InvariantCulture);
            if (major > MaxMajor) return false;
            if (firstMajor < 0) firstMajor = major;
            else if (major != firstMajor) majorsVary = true;
            quads++;
        }
        return quads >= 5 && dotted >= 0.9 * tested && (names.VersionLike || majorsVary);
    }

    /// <summary>The evidence item of the reading, with the counts.</summary>
    /// <param name="quads">Values read as versions.</param>
    /// <param name="tested">Non-blank values.</param>
    public static EvidenceItem Describe(int quads, int tested) =>
        new("sample", Evidence, "none", quads, tested, Math.Round((double)quads / tested, 4),
            string.Create(CultureInfo.InvariantCulture,
                $"{quads} of {tested} values are four dotted numbers with small first numbers under a version name or in a table of software releases: versions, not IP addresses"));
}
