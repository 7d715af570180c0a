using Inventory.Model;
using Inventory.Yaml;

namespace Inventory.Rules.Policy;

/// <summary>Name and contact of the controller (Art. 30(1)(a)).</summary>
public sealed record ControllerContact
{
    /// <summary>Legal name.</summary>
    public required string Name { get; init; }
    /// <summary>Postal address.</summary>
    public required string Address { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country of establishment, or null.</summary>
    public string? Country { get; init; }
    /// <summary>Company registration (e.g. RCS), or null.</summary>
    public string? Registration { get; init; }
    /// <summary>Contact e-mail, or null.</summary>
    public string? Email { get; init; }
    /// <summary>Contact phone, or null.</summary>
    public string? Phone { get; init; }
    /// <summary>Representative in the EU (Art. 27) when established outside it, or null.</summary>
    public string? Representative { get; init; }
    /// <summary>1-based line of the <c>controller:</c> key in the policy file (0 when built in code); the record says
    /// where the controller is declared, the JSON report leaves it out.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Line { get; init; }
}

/// <summary>The data protection officer's contact.</summary>
public sealed record DpoContact
{
    /// <summary>Name or function.</summary>
    public required string Name { get; init; }
    /// <summary>E-mail, or null.</summary>
    public string? Email { get; init; }
    /// <summary>Phone, or null.</summary>
    public string? Phone { get; init; }
    /// <summary>Postal address, or null.</summary>
    public string? Address { get; init; }
}

/// <summary>Data subjects' rights and the default retention, as the policy states them.</summary>
public sealed record RightsStatement
{
    /// <summary>How fast deletion requests are handled (e.g. "handled within 24 hours"), or null.</summary>
    public string? DeletionRequests { get; init; }
    /// <summary>Retention of data not covered by a rule (e.g. "other data deleted within 30 days"), or null.</summary>
    public string? DefaultRetention { get; init; }
    /// <summary>Further statements.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A transfer to a third country (Art. 30(1)(e)).</summary>
/// <param name="Country">The third country.</param>
/// <param name="Safeguard">The safeguard (adequacy decision, SCCs, BCRs…).</param>
public sealed record TransferSafeguard(string Country, string Safeguard);

/// <summary>A recipient of personal data (Art. 30(1)(d)).</summary>
public sealed record Recipient
{
    /// <summary>kebab-case id, used by activities, annotations (<c>shared-with</c>) and claims.</summary>
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary><c>processor</c>, <c>controller</c>, <c>authority</c> or <c>internal</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>What it receives data for, or null.</summary>
    public string? Purpose { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country, or null.</summary>
    public string? Country { get; init; }
    /// <summary>The third-country transfer and its safeguard, or null when the data stays in the EU/EEA.</summary>
    public TransferSafeguard? Transfer { get; init; }
    /// <summary>1-based line of the recipient in the policy file (0 when built in code).</summary>
    public int Line { get; init; }
    /// <summary>1-based column of the recipient in the policy file (0 when built in code).</summary>
    public int Column { get; init; }
}

/// <summary>A legal basis (Art. 6, or Art. 28 for processor activities).</summary>
/// <param name="Article">e.g. <c>Art. 6(1)(b)</c>.</param>
/// <param name="Detail">Why it applies, or null.</param>
public sealed record LegalBasis(string Article, string? Detail);

/// <summary>Retention of some data categories (Art. 30(1)(f)).</summary>
public sealed record RetentionRule
{
    /// <summary>Data categories the rule covers (a bare category covers its subcategories).</summary>
    public required IReadOnlyList<string> Categories { get; init; }
    /// <summary>The period, as text (e.g. "10 years after the end of the financial year").</summary>
    public required string Period { get; init; }
    /// <summary>The law that sets it, or null.</summary>
    public string? Basis { get; init; }
    /// <summary>False when the data cannot be changed or erased on request (accounting, logs).</summary>
    public bool Erasable { get; init; } = true;
}

/// <summary>One processing activity of the record.</summary>
public sealed record ProcessingActivity
{
    /// <summary>kebab-case id, referenced by annotations (<c>activity:</c>) and claims.</summary>
    public required string Id { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary><c>controller</c> (Art. 30(1)) or <c>processor</c> (Art. 30(2)).</summary>
    public ProcessingRole Role { get; init; } = ProcessingRole.Controller;
    /// <summary>For processor activities: the controllers served.</summary>
    public IReadOnlyList<string> Controllers { get; init; } = [];
    /// <summary>Purposes (Art. 30(1)(b)); for processor activities, the categories of processing.</summary>
    public IReadOnlyList<string> Purposes { get; init; } = [];
    /// <summary>Legal bases.</summary>
    public IReadOnlyList<LegalBasis> LegalBasis { get; init; } = [];
    /// <summary>Categories of data subjects (Art. 30(1)(c)).</summary>
    public IReadOnlyList<string> DataSubjects { get; init; } = [];
    /// <summary>Declared data categories (Art. 30(1)(c)); a bare category covers its subcategories.</summary>
    public IReadOnlyList<string> DataCategories { get; init; } = [];
    /// <summary>Recipient ids (Art. 30(1)(d)).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
    /// <summary>Retention per data category (Art. 30(1)(f)).</summary>
    public IReadOnlyList<RetentionRule> Retention { get; init; } = [];
    /// <summary>Security measures (Art. 30(1)(g), Art. 32).</summary>
    public IReadOnlyList<string> SecurityMeasures { get; init; } = [];
    /// <summary>1-based line of the activity in the policy file (0 when built in code).</summary>
    public int Line { get; init; }
    /// <summary>The 1-based line of each key the activity's mapping writes (<c>purposes</c>, <c>data-subjects</c>,
    /// <c>retention</c>…), for the record to say where a field is declared (trial46 finding L4); empty when built in code.</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    /// <summary>Where the policy declares a key of this activity: <c>policy.yml:55</c>, or null when the key is not written
    /// (or the activity was built in code).</summary>
    /// <param name="policyName">The policy as the record names it (<c>policy.yml</c>).</param>
    /// <param name="key">The policy key (<c>purposes</c>, <c>data-subjects</c>, <c>data-categories</c>…).</param>
    public string? DeclaredAt(string policyName, string key) =>
        KeyLines.TryGetValue(key, out var line) && line > 0 ? $"{policyName}:{line}" : null;

    /// <summary>True for a processor activity (Art. 30(2)).</summary>
    public bool IsProcessor => Role == ProcessingRole.Processor;

    /// <summary>True when the activity declares <paramref name="dataCategory"/> (exactly or through its bare category).</summary>
    /// <param name="dataCategory">A column's data category.</param>
    public bool Declares(string dataCategory) => DataCategories.Any(d => DataCategoryVocabulary.Covers(d, dataCategory));

    /// <summary>The retention rule for a data category: the most specific rule that covers it, or null.</summary>
    /// <param name="dataCategory">A column's data category.</param>
    public RetentionRule? RetentionFor(string dataCategory) =>
        Retention.SelectMany(r => r.Categories.Where(c => DataCategoryVocabulary.Covers(c, dataCategory)).Select(c => (r, c.Length)))
            .OrderByDescending(x => x.Length).Select(x => x.r).FirstOrDefault();
}

/// <summary>The parameters of a claim, validated against <see cref="ClaimKinds.All"/>.</summary>
public sealed class ClaimParameters
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _values;

    /// <summary>Creates parameters from already validated values.</summary>
    /// <param name="values">Parameter name → values (a single value is a one-item list).</param>
    public ClaimParameters(IReadOnlyDictionary<string, IReadOnlyList<string>> values) => _values = values;

    /// <summary>Parameter names present, sorted.</summary>
    public IEnumerable<string> Names => _values.Keys.Order(StringComparer.Ordinal);

    /// <summary>A single value, or <paramref name="fallback"/> when absent.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="fallback">Default.</param>
    public string? String(string name, string? fallback = null) =>
        _values.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : fallback;

    /// <summary>A list of values, or <paramref name="fallback"/> when absent.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="fallback">Default list.</param>
    public IReadOnlyList<string> Strings(string name, params string[] fallback) =>
        _values.TryGetValue(name, out var v) ? v : fallback;
}

/// <summary>A machine-checkable statement of the policy.</summary>
public sealed record PolicyClaim
{
    /// <summary>kebab-case id.</summary>
    public required string Id { get; init; }
    /// <summary>The statement as the policy words it.</summary>
    public required string Text { get; init; }
    /// <summary>One of <see cref="ClaimKinds"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>Kind-specific parameters.</summary>
    public ClaimParameters Parameters { get; init; } = new(new Dictionary<string, IReadOnlyList<string>>());
    /// <summary>1-based line of the claim in the policy file (0 when built in code).</summary>
    public int Line { get; init; }
    /// <summary>1-based column of the claim in the policy file (0 when built in code).</summary>
    public int Column { get; init; }
}

/// <summary>The parsed <c>policy.yml</c>: controller and DPO, recipients, processing activities and claims.
/// Format: <c>docs/policy-format.md</c>.</summary>
public sealed record PolicyDocument
{
    /// <summary>Logical name of the built-in seed policy embedded in Inventory.Rules.</summary>
    public const string DefaultResource = "Inventory.Rules.Defaults.policy.yml";

    /// <summary>The file it was read from (or the resource name).</summary>
    public required string File { get; init; }
    /// <summary>The controller.</summary>
    public required ControllerContact Controller { get; init; }
    /// <summary>The DPO, or null.</summary>
    public DpoContact? Dpo { get; init; }
    /// <summary>Rights and default retention.</summary>
    public RightsStatement Rights { get; init; } = new();
    /// <summary>Recipients, in file order.</summary>
    public IReadOnlyList<Recipient> Recipients { get; init; } = [];
    /// <summary>Activities, in file order.</summary>
    public IReadOnlyList<ProcessingActivity> Activities { get; init; } = [];
    /// <summary>Claims, in file order.</summary>
    public IReadOnlyList<PolicyClaim> Claims { get; init; } = [];

    /// <summary>The activity with this id, or null.</summary>
    /// <param name="id">Activity id.</param>
    public ProcessingActivity? Activity(string id) => Activities.FirstOrDefault(a => a.Id == id);

    /// <summary>The recipient with this id, or null.</summary>
    /// <param name="id">Recipient id.</param>
    public Recipient? Recipient(string id) => Recipients.FirstOrDefault(r => r.Id == id);

    /// <summary>Checks an activity id referenced elsewhere (an annotation's <c>activity:</c>).</summary>
    /// <param name="id">The referenced id.</param>
    /// <param name="file">The referencing file.</param>
    /// <param name="line">1-based line of the reference.</param>
    /// <param name="column">1-based column of the reference.</param>
    /// <exception cref="ConfigurationException">The policy has no such activity (with the closest id and the list).</exception>
    public void RequireActivity(string id, string file, int line, int column)
    {
        if (Activity(id) is not null) return;
        throw new ConfigurationException(UnknownMessage("processing activity", id, Activities.Select(a => a.Id)), file, line, column);
    }

    /// <summary>Checks a recipient id referenced elsewhere (an annotation's <c>shared-with:</c>).</summary>
    /// <param name="id">The referenced id.</param>
    /// <param name="file">The referencing file.</param>
    /// <param name="line">1-based line of the reference.</param>
    /// <param name="column">1-based column of the reference.</param>
    /// <exception cref="ConfigurationException">The policy has no such recipient.</exception>
    public void RequireRecipient(string id, string file, int line, int column)
    {
        if (Recipient(id) is not null) return;
        throw new ConfigurationException(UnknownMessage("recipient", id, Recipients.Select(r => r.Id)), file, line, column);
    }

    /// <summary>The name that selects the built-in seed policy on the command line and in <see cref="Load"/>
    /// (<c>--policy builtin</c>, <c>policy: builtin</c>). A file of that name is passed as <c>./builtin</c>.</summary>
    public const string BuiltinName = "builtin";

    /// <summary>The display name of the built-in seed policy (its <see cref="File"/>): not a path in the user's repository.</summary>
    public const string BuiltinFile = "policy.yml (built-in)";

    private static readonly Lazy<PolicyDocument> SeedPolicy = new(() => LoadBuiltin(null));

    /// <summary>The built-in seed policy: the demo company's (a PaaS host in Strasbourg, DESIGN §1), shipped as
    /// <c>rules/policy.yml</c> and embedded as <see cref="DefaultResource"/>. It describes one company: pass it only on
    /// purpose (<c>--policy builtin</c>, the demo); with no policy given, reports state so and invent nothing.</summary>
    public static PolicyDocument Seed => SeedPolicy.Value;

    /// <summary>True when this is the built-in seed policy (no file in the user's repository).</summary>
    public bool IsBuiltin => File == BuiltinFile;

    /// <summary>The YAML text of the built-in seed policy (to write it out as a starting point).</summary>
    /// <returns>The embedded <c>policy.yml</c>.</returns>
    public static string SeedText()
    {
        using var stream = typeof(PolicyDocument).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"embedded resource {DefaultResource} is missing from {typeof(PolicyDocument).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads a policy file, or the built-in seed policy when <paramref name="path"/> is <see cref="BuiltinName"/>.</summary>
    /// <param name="path">Path to a policy.yml, or <c>builtin</c> for the embedded <see cref="DefaultResource"/>.</param>
    /// <param name="vocabulary">Data categories allowed (default: <see cref="DataCategoryVocabulary.Default"/>).</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ConfigurationException">Missing file, YAML error, unknown key, unknown data category, claim kind,
    /// activity or recipient, duplicate id, missing required field: with file, line and column.</exception>
    public static PolicyDocument Load(string path, DataCategoryVocabulary? vocabulary = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == BuiltinName) return vocabulary is null ? Seed : LoadBuiltin(vocabulary);
        if (!System.IO.File.Exists(path))
            throw new ConfigurationException($"policy file not found; pass an existing policy.yml, or '{BuiltinName}' for the built-in seed policy", path);
        return Parse(System.IO.File.ReadAllText(path), path, vocabulary);
    }

    /// <summary>Loads the policy named by a flag or config entry, or returns null when none is named.</summary>
    /// <param name="path">A path, <c>builtin</c>, or null.</param>
    /// <param name="vocabulary">Data categories allowed.</param>
    /// <returns>The policy, or null for "no policy given".</returns>
    /// <exception cref="ConfigurationException">As <see cref="Load"/>.</exception>
    public static PolicyDocument? LoadOptional(string? path, DataCategoryVocabulary? vocabulary = null) =>
        path is null ? null : Load(path, vocabulary);

    private static PolicyDocument LoadBuiltin(DataCategoryVocabulary? vocabulary) => Parse(SeedText(), BuiltinFile, vocabulary);

    /// <summary>Parses policy YAML text.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">File name for positions.</param>
    /// <param name="vocabulary">Data categories allowed (default: <see cref="DataCategoryVocabulary.Default"/>).</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ConfigurationException">As <see cref="Load"/>.</exception>
    public static PolicyDocument Parse(string text, string file, DataCategoryVocabulary? vocabulary = null) =>
        new PolicyParser(file, vocabulary ?? DataCategoryVocabulary.Default).Parse(text);

    internal static string UnknownMessage(string what, string id, IEnumerable<string> known)
    {
        var list = known.ToList();
        var hint = Inventory.Yaml.NameSuggestions.Closest(id, list) is { } closest ? $" (did you mean '{closest}'?)" : "";
        return $"unknown {what} '{id}'{hint}; the policy defines: {(list.Count == 0 ? "none" : string.Join(", ", list))}";
    }

}
