using Inventory.Model;
using Inventory.Yaml;

namespace Inventory.Rules.Policy;

/// <summary>Turns the strict YAML tree into a <see cref="PolicyDocument"/>, rejecting anything unknown.</summary>
internal sealed class PolicyParser(string file, DataCategoryVocabulary vocabulary)
{
    /// <summary>The special categories of personal data of GDPR Art. 9(1) in the taxonomy.</summary>
    private static readonly string[] SpecialCategories = ["other_personal.health", "other_personal.special_category"];

    private static readonly string[] RecipientKinds = ["processor", "controller", "authority", "internal"];

    public PolicyDocument Parse(string text)
    {
        var documents = StrictYaml.ReadDocuments(text, file);
        if (documents.Count == 0) throw new ConfigurationException("the policy is empty; it needs at least 'controller' and 'activities'", file, 1, 1);
        if (documents.Count > 1) throw documents[1].Error("expected a single YAML document");
        var root = documents[0] as YMapping ?? throw documents[0].Error("expected a mapping of key: value lines at the top level");
        root.AllowOnly("policy", "format", "controller", "dpo", "rights", "recipients", "activities", "claims");

        if (root.Number("format") is { } format && format != 1)
            throw root["format"]!.Error($"policy format {format} is not supported; this tool reads format 1");

        var controllerMap = root.Mapping("controller") ?? throw root.Error("the policy needs a 'controller' mapping (name, address…)");
        controllerMap.AllowOnly("controller", "name", "address", "country", "registration", "email", "phone", "representative");
        var controller = new ControllerContact
        {
            Name = controllerMap.RequireString("name", "controller"),
            Address = controllerMap.RequireString("address", "controller"),
            Country = controllerMap.String("country"),
            Registration = controllerMap.String("registration"),
            Email = controllerMap.String("email"),
            Phone = controllerMap.String("phone"),
            Representative = controllerMap.String("representative"),
            Line = root.Entries.First(e => e.Key.Value == "controller").Key.Line,
        };

        DpoContact? dpo = null;
        if (root.Mapping("dpo") is { } dpoMap)
        {
            dpoMap.AllowOnly("dpo", "name", "email", "phone", "address");
            dpo = new DpoContact
            {
                Name = dpoMap.RequireString("name", "dpo"),
                Email = dpoMap.String("email"),
                Phone = dpoMap.String("phone"),
                Address = dpoMap.String("address"),
            };
        }

        var rights = new RightsStatement();
        if (root.Mapping("rights") is { } rightsMap)
        {
            rightsMap.AllowOnly("rights", "deletion-requests", "default-retention", "notes");
            rights = new RightsStatement
            {
                DeletionRequests = rightsMap.String("deletion-requests"),
                DefaultRetention = rightsMap.String("default-retention"),
                Notes = rightsMap.Strings("notes"),
            };
        }

        var recipients = new List<Recipient>();
        foreach (var map in Mappings(root, "recipients", "recipient"))
        {
            map.AllowOnly("recipient", "id", "name", "kind", "purpose", "country", "transfer");
            var id = Id(map, "recipient", recipients.Select(r => r.Id));
            var kind = map.RequireString("kind", "recipient");
            if (!RecipientKinds.Contains(kind, StringComparer.Ordinal))
                throw map["kind"]!.Error($"unknown recipient kind '{kind}'; use one of: {string.Join(", ", RecipientKinds)}");
            TransferSafeguard? transfer = null;
            if (map.Mapping("transfer") is { } t)
            {
                t.AllowOnly("transfer", "country", "safeguard");
                transfer = new TransferSafeguard(t.RequireString("country", "transfer"),
                    t.RequireString("safeguard", "transfer (a transfer outside the EEA needs its safeguard, Art. 46)"));
            }
            recipients.Add(new Recipient
            {
                Id = id, Name = map.RequireString("name", "recipient"), Kind = kind, Purpose = map.String("purpose"),
                Country = map.String("country"), Transfer = transfer, Line = map.Line, Column = map.Column,
            });
        }

        var activities = new List<ProcessingActivity>();
        foreach (var map in Mappings(root, "activities", "activity"))
        {
            map.AllowOnly("activity", "id", "name", "role", "controllers", "purposes", "legal-basis", "data-subjects",
                "data-categories", "recipients", "retention", "security-measures");
            var id = Id(map, "activity", activities.Select(a => a.Id));
            var roleText = map.String("role") ?? ProcessingRole.Controller.ToText();
            if (!ProcessingRoles.TryParse(roleText, out var role))
                throw map["role"]!.Error($"unknown role '{roleText}'; use controller or processor");
            var purposes = map.Strings("purposes");
            if (purposes.Count == 0) throw map.Error($"activity '{id}' needs at least one purpose (Art. 30(1)(b))");
            var legal = new List<LegalBasis>();
            foreach (var item in ItemOrItems(map, "legal-basis"))
            {
                if (item is YScalar s) { legal.Add(new LegalBasis(Article(s, s.Value), null)); continue; }
                var lm = item as YMapping ?? throw item.Error("a legal basis is a value (Art. 6(1)(b)) or a mapping with article and detail");
                lm.AllowOnly("legal basis", "article", "detail");
                legal.Add(new LegalBasis(Article(lm["article"] ?? lm, lm.RequireString("article", "legal basis")), lm.String("detail")));
            }
            var categories = Categories(map, "data-categories");
            if (role == ProcessingRole.Controller && legal.Count > 0
                && categories.FirstOrDefault(c => SpecialCategories.Contains(c)) is { } special
                && !legal.Any(b => LegalBasisArticle.TryRead(b.Article, out var a, out _) && a!.IsSpecialCategoryCondition))
                throw map["legal-basis"]!.Error($"activity '{id}' declares {special}, a special category of data (Art. 9(1)): its legal basis " +
                    "needs a condition of Art. 9(2) besides its Art. 6(1) basis, e.g. Art. 9(2)(a) explicit consent, Art. 9(2)(b) employment law, Art. 9(2)(h) health care");
            var recipientIds = map.Strings("recipients");
            CheckRecipients(map, "recipients", recipientIds, recipients);
            var retention = new List<RetentionRule>();
            foreach (var item in Items(map, "retention"))
            {
                var rm = item as YMapping ?? throw item.Error("a retention rule is a mapping with categories and period");
                rm.AllowOnly("retention rule", "categories", "period", "basis", "erasable");
                var ruleCategories = Categories(rm, "categories");
                if (ruleCategories.Count == 0) throw rm.Error("a retention rule needs 'categories'");
                retention.Add(new RetentionRule
                {
                    Categories = ruleCategories, Period = rm.RequireString("period", "retention rule"),
                    Basis = rm.String("basis"), Erasable = rm.Bool("erasable") ?? true,
                });
            }
            activities.Add(new ProcessingActivity
            {
                Id = id, Name = map.RequireString("name", "activity"), Role = role, Controllers = map.Strings("controllers"),
                Purposes = purposes, LegalBasis = legal, DataSubjects = map.Strings("data-subjects"), DataCategories = categories,
                Recipients = recipientIds, Retention = retention, SecurityMeasures = map.Strings("security-measures"),
                Line = map.Line,
                KeyLines = map.Entries.GroupBy(e => e.Key.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key.Line, StringComparer.Ordinal),
            });
        }
        if (activities.Count == 0) throw root.Error("the policy needs at least one processing activity under 'activities'");

        var claims = new List<PolicyClaim>();
        foreach (var map in Mappings(root, "claims", "claim"))
        {
            map.AllowOnly("claim", "id", "text", "kind", "parameters");
            var id = Id(map, "claim", claims.Select(c => c.Id));
            var kind = map.RequireString("kind", "claim");
            if (!ClaimKinds.All.TryGetValue(kind, out var specs))
                throw map["kind"]!.Error(PolicyDocument.UnknownMessage("claim kind", kind, ClaimKinds.All.Keys).Replace("the policy defines", "known kinds", StringComparison.Ordinal));
            claims.Add(new PolicyClaim
            {
                Id = id, Text = map.RequireString("text", "claim"), Kind = kind,
                Parameters = Parameters(map, id, specs, activities, recipients),
                Line = map.Line, Column = map.Column,
            });
        }

        return new PolicyDocument
        {
            File = file, Controller = controller, Dpo = dpo, Rights = rights, Recipients = recipients,
            Activities = activities, Claims = claims,
        };
    }

    private ClaimParameters Parameters(YMapping claim, string id, IReadOnlyList<ClaimParameterSpec> specs,
        List<ProcessingActivity> activities, List<Recipient> recipients)
    {
        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var map = claim.Mapping("parameters");
        if (map is not null)
        {
            map.AllowOnly($"parameters of claim '{id}'", specs.Select(s => s.Name).ToArray());
            foreach (var spec in specs)
            {
                if (map[spec.Name] is null) continue;
                IReadOnlyList<string> list = spec.Type switch
                {
                    ClaimParameterType.Category => [Category(map, spec.Name, map.RequireString(spec.Name, "parameter"))],
                    ClaimParameterType.Categories => Categories(map, spec.Name),
                    ClaimParameterType.Activity => [Activity(map, spec.Name, map.RequireString(spec.Name, "parameter"), activities)],
                    ClaimParameterType.Activities => map.Strings(spec.Name).Select(a => Activity(map, spec.Name, a, activities)).ToList(),
                    ClaimParameterType.Recipient => [Recipient(map, spec.Name, map.RequireString(spec.Name, "parameter"), recipients)],
                    _ => map.Strings(spec.Name),
                };
                values[spec.Name] = list;
            }
        }
        foreach (var spec in specs.Where(s => s.Required && !values.ContainsKey(s.Name)))
            throw (map ?? (YNode)claim).Error($"claim '{id}' needs parameter '{spec.Name}': {spec.Description}");
        return new ClaimParameters(values);
    }

    private static string Activity(YMapping map, string key, string id, List<ProcessingActivity> activities) =>
        activities.Any(a => a.Id == id) ? id
        : throw (map[key] ?? map).Error(PolicyDocument.UnknownMessage("processing activity", id, activities.Select(a => a.Id)));

    private static string Recipient(YMapping map, string key, string id, List<Recipient> recipients) =>
        recipients.Any(r => r.Id == id) ? id
        : throw (map[key] ?? map).Error(PolicyDocument.UnknownMessage("recipient", id, recipients.Select(r => r.Id)));

    private static void CheckRecipients(YMapping map, string key, IReadOnlyList<string> ids, List<Recipient> recipients)
    {
        var node = map[key];
        for (int i = 0; i < ids.Count; i++)
        {
            if (recipients.Any(r => r.Id == ids[i])) continue;
            var at = node is YSequence seq && i < seq.Items.Count ? seq.Items[i] : node ?? map;
            throw at.Error(PolicyDocument.UnknownMessage("recipient", ids[i], recipients.Select(r => r.Id)) + " (declare recipients before the activities that name them)");
        }
    }

    private List<string> Categories(YMapping map, string key)
    {
        var node = map[key];
        var names = map.Strings(key);
        var result = new List<string>(names.Count);
        for (int i = 0; i < names.Count; i++)
        {
            var at = node is YSequence seq && i < seq.Items.Count ? seq.Items[i] : node ?? map;
            result.Add(Category(at, names[i]));
        }
        return result;
    }

    private string Category(YMapping map, string key, string name) => Category(map[key] ?? map, name);

    private string Category(YNode at, string name)
    {
        if (vocabulary.IsKnown(name)) return name;
        var closest = vocabulary.Closest(name);
        throw at.Error($"unknown data category '{name}'{(closest is null ? "" : $" (did you mean '{closest}'?)")}; use category.subcategory from the taxonomy, e.g. contact.email");
    }

    private static string Id(YMapping map, string what, IEnumerable<string> existing)
    {
        var id = map.RequireString("id", what);
        if (!IsKebab(id))
            throw map["id"]!.Error($"{what} id '{id}' must be kebab-case (lowercase letters, digits and '-')");
        if (existing.Contains(id, StringComparer.Ordinal))
            throw map["id"]!.Error($"duplicate {what} id '{id}'");
        return id;
    }

    private static bool IsKebab(string id) =>
        id.Length > 0 && char.IsAsciiLetterLower(id[0]) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !id.EndsWith('-') && !id.Contains("--", StringComparison.Ordinal);

    private static IEnumerable<YNode> Items(YMapping map, string key) => map[key] switch
    {
        null => [],
        YScalar s when s.IsNull => [],
        YSequence seq => seq.Items,
        var n => throw n.Error($"'{key}' must be a list"),
    };

    /// <summary>The article of a legal basis as written, once <see cref="LegalBasisArticle.TryRead"/> accepts it.</summary>
    /// <exception cref="ConfigurationException">At <paramref name="at"/>'s line and column when the text names no legal
    /// basis of the GDPR (<c>Art. 6(1)(g)</c>, <c>contract</c>).</exception>
    private static string Article(YNode at, string text) =>
        LegalBasisArticle.TryRead(text, out _, out var error) ? text : throw at.Error(error!);

    /// <summary>A list, or a single value or mapping given alone (<c>legal-basis: Art. 6(1)(b)</c>) as a one-item list.</summary>
    private static IEnumerable<YNode> ItemOrItems(YMapping map, string key) => map[key] switch
    {
        null => [],
        YScalar s when s.IsNull => [],
        YSequence seq => seq.Items,
        var n => [n],
    };

    private static IEnumerable<YMapping> Mappings(YMapping map, string key, string what) =>
        Items(map, key).Select(n => n as YMapping ?? throw n.Error($"each {what} is a mapping (key: value lines)"));
}
