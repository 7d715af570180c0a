using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's mark on a column named as configuration (kinds42, session 42).</summary>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of the gate <see cref="MarkConfigurationName"/> adds (kind <c>name-gate</c>, category none):
    /// <c>CombinedClassifier</c> never suggests customer_content for a column that carries it.</summary>
    public const string ConfigurationNameEvidence = "gate.name.configuration";

    /// <summary>Id of the name rule whose words say configuration (<c>config</c>, <c>settings</c>, <c>preferences</c>,
    /// <c>routing_algorithm</c>, <c>reglages</c>, <c>Einstellungen</c>, <c>ajustes</c>; rules/name-rules.yml).</summary>
    public const string ConfigurationRuleId = "name.multi.configuration-or-parameters-of-a-record";

    // Tables where configuration is held back from the gate: events, logs, visits and sign-ins (a request's parameters are
    // what a visitor did, LABELS.md tie-breaker 10), and connections to outside services, identity providers and credential
    // stores, whose configuration holds secrets (the configuration rule's own exceptions).
    private static readonly string[] ConfigurationHeldBackGroups =
    [
        "event-log", "event-record", "activity", "sign-in", "login-session", "integration", "identity-provider", "identity-link",
        "secret-settings", "outside-service-connection", "credential-store",
    ];

    /// <summary>A column whose name the configuration rule (<see cref="ConfigurationRuleId"/>) reads, read in no table
    /// context, holds how the application or a record is set up (LABELS.md none: configuration; tie-breaker 6), never content
    /// users store as their own. The rule itself is held back in a person's, an account's or an employee's table, where a
    /// person's settings may hold their language (<c>users.settings</c>, automatic.browser_language), and there the first
    /// level read such names (a profile's <c>routing_algorithm</c> and <c>payment_link_config</c>, a user's
    /// <c>preferences</c> or notification <c>prefs</c>) as customer content in three applications of the corpus (hyperswitch,
    /// piwigo, rallly; rules/MODEL.md, session 42). This adds the gate's evidence (<see cref="ConfigurationNameEvidence"/>,
    /// kind <c>name-gate</c>, category none) and decides nothing itself, so the combination is fitted on the same rule
    /// decisions, and <c>CombinedClassifier</c> turns a customer_content suggestion carrying the gate into <c>none</c> (a
    /// person's language or a secret in such a column stays what the combination says). Not where a name rule read another
    /// category, nor in tables of events, sign-ins, outside services or credentials
    /// (<see cref="ConfigurationHeldBackGroups"/>).</summary>
    /// <param name="column">The column.</param>
    /// <param name="name">The column name's match in its table: the gate applies with no decision or a customer_content
    /// category.</param>
    /// <param name="family">The type family the name was matched with.</param>
    /// <param name="evidence">The column's evidence, added to when the gate applies.</param>
    /// <returns>Always null (no decision), so that it chains with the decisions before <c>FromNameOnly</c>.</returns>
    private ColumnClassification? MarkConfigurationName(ColumnEvidence column, NameMatch name, TypeFamily family, List<EvidenceItem> evidence)
    {
        if (name.DataCategory is { } read && DataCategory.TopLevelOf(read) != "customer_content") return null;
        if (name.TableGroups.Any(ConfigurationHeldBackGroups.Contains)) return null;
        if (_rules.Match(string.Empty, column.Column.Name, family).Rule?.Id != ConfigurationRuleId) return null;
        evidence.Add(new EvidenceItem("name-gate", ConfigurationNameEvidence, "none",
            Detail: "named as configuration: how the application or a record is set up, never content users wrote"));
        return null;
    }
}
