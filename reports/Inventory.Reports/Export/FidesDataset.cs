using Inventory.Classification;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Inventory.Reports.Export;

/// <summary>
/// Our data categories as fideslang data categories (DESIGN.md §7), and the Fides <c>dataset</c> YAML written from an
/// export plan: one dataset per source, collections = tables (qualified name), fields = exported columns, each with the
/// fideslang key of its category. Keys are taken from the fideslang default taxonomy
/// (<see cref="DefaultTaxonomyKeys"/>, shipped as <c>fideslang-data-categories.txt</c>); a subcategory without a
/// counterpart of its own goes to the closest parent (listed in the README), a category a user taxonomy adds to
/// <c>user</c>.
/// </summary>
public static partial class FidesDataset
{
    private const string TaxonomyResource = "Inventory.Reports.Export.fideslang-data-categories.txt";

    /// <summary>Our category → fideslang data category.</summary>
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["none"] = "system.operations",
        ["contact"] = "user.contact",
        ["contact.name"] = "user.name",
        ["contact.company_name"] = "user.contact",
        ["contact.postal_address"] = "user.contact.address",
        ["contact.phone"] = "user.contact.phone_number",
        ["contact.email"] = "user.contact.email",
        ["contact.username"] = "user.account.username",
        ["financial"] = "user.financial",
        ["financial.payment_card"] = "user.financial.credit_card",
        ["financial.bank_account"] = "user.financial.bank_account",
        ["financial.tax_id"] = "user.financial",
        ["financial.payment_reference"] = "user.payment",
        ["financial.billing"] = "user.payment",
        ["automatic"] = "user.device",
        ["automatic.ip_address"] = "user.device.ip_address",
        ["automatic.user_agent"] = "user.device",
        ["automatic.browser_language"] = "user.device",
        ["automatic.device_id"] = "user.device.cookie_id",
        ["automatic.geolocation"] = "user.location.coarse",
        ["automatic.activity"] = "user.behavior",
        ["customer_content"] = "user.content.private",
        ["other_personal"] = "user",
        ["other_personal.credentials"] = "user.authorization.credentials",
        ["other_personal.date_of_birth"] = "user.demographic.date_of_birth",
        ["other_personal.gender"] = "user.demographic.gender",
        ["other_personal.national_id"] = "user.government_id.national_identification_number",
        ["other_personal.photo"] = "user.content.self_image",
        ["other_personal.health"] = "user.health",
        ["other_personal.employment"] = "user.professional_information",
        ["other_personal.location"] = "user.location.precise",
        ["other_personal.special_category"] = "user.demographic.protected_classifications",
    };

    private static readonly Lazy<IReadOnlySet<string>> Taxonomy = new(LoadTaxonomy);

    /// <summary>The data-category keys of fideslang's default taxonomy that are not deprecated.</summary>
    public static IReadOnlySet<string> DefaultTaxonomyKeys => Taxonomy.Value;

    /// <summary>Every explicit mapping (our category → fideslang key), for documentation and tests.</summary>
    public static IReadOnlyDictionary<string, string> Mapping => Keys;

    /// <summary>The fideslang data category of one of ours: the explicit mapping; else the mapping of its top level
    /// (every <c>customer_content.*</c> is <c>user.content.private</c>; an unknown subcategory of a known top level goes
    /// to that top level's key); else <c>user</c>.</summary>
    /// <param name="category">A data category.</param>
    /// <returns>A key of <see cref="DefaultTaxonomyKeys"/>.</returns>
    public static string KeyFor(string category) =>
        Keys.TryGetValue(category, out var key) ? key
        : Keys.TryGetValue(DataCategory.TopLevelOf(category), out var parent) ? parent
        : "user";

    /// <summary>True when <paramref name="key"/> has the form fideslang requires of a <c>fides_key</c>
    /// (<c>^[a-zA-Z0-9_.&lt;&gt;-]+$</c>, its <c>FidesKey</c> type).</summary>
    /// <param name="key">A candidate key.</param>
    public static bool IsFidesKey(string key) => FidesKeyPattern().IsMatch(key);

    /// <summary>A <c>fides_key</c> made from a source name: characters outside the allowed set become <c>_</c>, and
    /// <c>inventory_</c> is put in front.</summary>
    /// <param name="name">Source name.</param>
    public static string DatasetKey(string name) => "inventory_" + NotKeyChar().Replace(name, "_");

    /// <summary>The dataset YAML.</summary>
    /// <param name="plan">The export plan (any provider).</param>
    internal static string Write(ExportPlan plan)
    {
        var text = new StringBuilder();
        ScriptHeader.Write(text, plan, "#", "Fides dataset (fideslang)",
            [
                "Declares one Fides dataset per source: collections are tables, fields are the exported columns, and each",
                "field's data_categories holds the fideslang key of its category (mapping: README, section Export).",
                "Load it with `fides push` (or paste it into the Fides admin UI); it changes no database.",
            ],
            [
                "Delete the datasets named by fides_key below from Fides (`fides delete dataset KEY`), or push the previous file.",
            ]);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var datasets = new List<Dictionary<string, object>>();
        foreach (var source in plan.Sources)
        {
            var key = DatasetKey(source.Name);
            for (int i = 2; !used.Add(key); i++) key = $"{DatasetKey(source.Name)}_{i}";
            var collections = plan.Columns.Where(c => ReferenceEquals(c.Source, source))
                .GroupBy(c => c.Table, ReferenceEqualityComparer.Instance)
                .Select(g => new Dictionary<string, object>
                {
                    ["name"] = ((Model.TableEntry)g.Key!).QualifiedName,
                    ["fields"] = g.Select(c => new Dictionary<string, object>
                    {
                        ["name"] = c.Column.Name,
                        ["description"] = ScriptHeader.Safe($"{c.Category} ({c.Provenance})"),
                        ["data_categories"] = new[] { KeyFor(c.Category) },
                    }).ToList(),
                })
                .ToList();
            datasets.Add(new Dictionary<string, object>
            {
                ["fides_key"] = key,
                ["name"] = source.Name,
                ["description"] = ScriptHeader.Safe($"Columns of source '{source.Name}' ({source.Provider}) with their data categories, exported by inventory."),
                ["collections"] = collections,
            });
        }
        using (var writer = new StringWriter(text) { NewLine = "\n" })
            WriteYaml(writer, new Dictionary<string, object> { ["dataset"] = datasets });
        return text.ToString();
    }

    /// <summary>Writes a tree of mappings (string keys), lists and strings as one YAML document through YamlDotNet's
    /// emitter: what its reflection serializer (<c>SerializerBuilder().DisableAliases()</c>) wrote for the same tree,
    /// block style, plain scalars where YAML allows them, quoted otherwise, without its reflection (so a Native AOT
    /// build writes it too).</summary>
    /// <param name="output">Receives the text.</param>
    /// <param name="root">Dictionaries with string keys, lists (<see cref="System.Collections.IEnumerable"/>) and strings.</param>
    /// <exception cref="ArgumentException">A value of another type.</exception>
    internal static void WriteYaml(TextWriter output, object root)
    {
        var emitter = new Emitter(output);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Emit(root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());

        void Emit(object value)
        {
            switch (value)
            {
                case string scalar:
                    emitter.Emit(new Scalar(scalar));
                    break;
                case Dictionary<string, object> mapping:
                    emitter.Emit(new MappingStart());
                    foreach (var (key, item) in mapping)
                    {
                        emitter.Emit(new Scalar(key));
                        Emit(item);
                    }
                    emitter.Emit(new MappingEnd());
                    break;
                case System.Collections.IEnumerable list:
                    emitter.Emit(new SequenceStart(null, null, true, SequenceStyle.Any));
                    foreach (var item in list) Emit(item!);
                    emitter.Emit(new SequenceEnd());
                    break;
                default:
                    throw new ArgumentException($"a Fides dataset holds mappings, lists and text, not {value.GetType().Name}", nameof(root));
            }
        }
    }

    private static IReadOnlySet<string> LoadTaxonomy()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(TaxonomyResource)
            ?? throw new InvalidOperationException($"embedded resource {TaxonomyResource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_.<>-]+$")]
    private static partial Regex FidesKeyPattern();

    [GeneratedRegex(@"[^a-zA-Z0-9_.<>-]")]
    private static partial Regex NotKeyChar();
}
