using System.Reflection;
using Inventory.Yaml;

namespace Inventory.Rules;

/// <summary>One category of the taxonomy with its subcategories.</summary>
/// <param name="Name">Category name, lower-case snake case (e.g. <c>contact</c>).</param>
/// <param name="Description">Short definition.</param>
/// <param name="Subcategories">Subcategory name → short definition, in file order.</param>
public sealed record TaxonomyCategory(string Name, string Description, IReadOnlyDictionary<string, string> Subcategories);

/// <summary>
/// The data categories a column can take (<c>category</c> or <c>category.subcategory</c>). The default is embedded
/// (<c>rules/taxonomy.yml</c>, from LABELS.md); users extend it with their own YAML file of the same shape, adding
/// categories or subcategories without code changes.
/// </summary>
/// <example>
/// <code>
/// categories:
///   contact:
///     description: Data that identifies or reaches a person.
///     subcategories:
///       email: E-mail address.
/// </code>
/// </example>
public sealed class Taxonomy
{
    private const string DefaultResource = "Inventory.Rules.Defaults.taxonomy.yml";
    private static readonly Lazy<Taxonomy> EmbeddedDefault = new(() => Parse(ReadResource(DefaultResource), "taxonomy.yml (embedded)"));

    private readonly Dictionary<string, TaxonomyCategory> _categories;

    private Taxonomy(List<TaxonomyCategory> categories)
    {
        Categories = categories;
        _categories = categories.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The embedded default taxonomy.</summary>
    public static Taxonomy Default => EmbeddedDefault.Value;

    /// <summary>Categories in file order.</summary>
    public IReadOnlyList<TaxonomyCategory> Categories { get; }

    /// <summary>Loads a taxonomy.</summary>
    /// <param name="path">A YAML file; null for the embedded default. A user file extends the default: its categories are
    /// added, and subcategories of an existing category are merged into it.</param>
    /// <returns>The taxonomy.</returns>
    /// <exception cref="ConfigurationException">Missing file, invalid YAML, unknown key, bad name or duplicate subcategory (with file, line, column).</exception>
    public static Taxonomy Load(string? path = null)
    {
        if (path is null) return Default;
        var mapping = StrictYaml.ReadMappingFile(path);
        var extra = ParseCategories(mapping);
        var merged = Default.Categories.Select(c => (c.Name, c.Description, Subs: new Dictionary<string, string>(c.Subcategories, StringComparer.Ordinal))).ToList();
        foreach (var (category, node) in extra)
        {
            int i = merged.FindIndex(m => m.Name == category.Name);
            if (i < 0) { merged.Add((category.Name, category.Description, new Dictionary<string, string>(category.Subcategories, StringComparer.Ordinal))); continue; }
            foreach (var (sub, text) in category.Subcategories)
                if (!merged[i].Subs.TryAdd(sub, text))
                    throw node.Error($"subcategory '{category.Name}.{sub}' already exists in the default taxonomy");
        }
        return new Taxonomy(merged.Select(m => new TaxonomyCategory(m.Name, m.Description, m.Subs)).ToList());
    }

    /// <summary>Parses a taxonomy from YAML text without merging it with the default.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="file">File name for error positions.</param>
    /// <exception cref="ConfigurationException">Invalid content, with file, line and column.</exception>
    public static Taxonomy Parse(string yaml, string file)
    {
        var documents = StrictYaml.ReadDocuments(yaml, file);
        if (documents.Count != 1 || documents[0] is not YMapping mapping)
            throw new ConfigurationException("expected one YAML mapping with a 'categories' key", file, 1, 1);
        return new Taxonomy(ParseCategories(mapping).Select(c => c.Category).ToList());
    }

    /// <summary>True for a known bare category (<c>contact</c>) or <c>category.subcategory</c> (<c>contact.email</c>).</summary>
    /// <param name="dataCategory">The data category text.</param>
    public bool IsKnown(string? dataCategory)
    {
        if (string.IsNullOrEmpty(dataCategory)) return false;
        int dot = dataCategory.IndexOf('.');
        if (dot < 0) return _categories.ContainsKey(dataCategory);
        return _categories.TryGetValue(dataCategory[..dot], out var c) && c.Subcategories.ContainsKey(dataCategory[(dot + 1)..]);
    }

    private static List<(TaxonomyCategory Category, YNode Node)> ParseCategories(YMapping root)
    {
        root.AllowOnly("taxonomy", "categories");
        var categories = root.Mapping("categories") ?? throw root.Error("taxonomy needs 'categories'");
        var list = new List<(TaxonomyCategory, YNode)>();
        foreach (var (key, node) in categories.Entries)
        {
            CheckName(key);
            if (node is not YMapping m) throw node.Error($"category '{key.Value}' must be a mapping with 'description' and 'subcategories'");
            m.AllowOnly($"category '{key.Value}'", "description", "subcategories");
            var subs = new Dictionary<string, string>(StringComparer.Ordinal);
            if (m.Mapping("subcategories") is { } subMap)
                foreach (var (subKey, subNode) in subMap.Entries)
                {
                    CheckName(subKey);
                    if (subNode is not YScalar text) throw subNode.Error($"subcategory '{subKey.Value}' must be a one-line definition");
                    subs.Add(subKey.Value, text.Value);
                }
            if (key.Value == "none" && subs.Count > 0) throw key.Error("category 'none' has no subcategories");
            list.Add((new TaxonomyCategory(key.Value, m.String("description") ?? "", subs), key));
        }
        return list;
    }

    private static void CheckName(YScalar key)
    {
        var name = key.Value;
        if (name.Length == 0 || !char.IsAsciiLetterLower(name[0]) || name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')))
            throw key.Error($"'{name}' is not a valid category name: use lower-case letters, digits and underscores");
    }

    internal static byte[] ReadResourceBytes(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    internal static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
