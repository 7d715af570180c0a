using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's decision on the note of a named thing that refers to no one (content38, session 38).</summary>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of <see cref="NoteOnANamedThing"/>'s decision (kind <c>table-context</c>).</summary>
    public const string NoteOnANamedThingEvidence = "table.note-on-a-named-thing";

    // Table groups whose notes are about a person, a person's case or what a person wrote, beyond the groups of people's
    // records (PeoplesGroups): tickets, messages, uploads, meetings, shared records, signatures, cases (LABELS.md
    // tie-breaker 15: a note staff write about one person or their case is customer_content.message).
    private static readonly string[] CasesAndContentGroups =
    [
        "people", "ticket", "messaging", "uploads", "meeting", "shared-record", "order-line", "offer-use", "opened-record",
        "person-signature", "insured", "group-member", "event-record", "vehicle",
    ];

    /// <summary>A note or comment (the whole column name a phrase of the name group <c>note-word</c> of
    /// <c>name-rules.yml</c>: <c>comment</c>, <c>note</c>, <c>remark</c>, <c>commentaire</c>, <c>Bemerkung</c>,
    /// <c>comentario</c>) that a name rule read as users' messages, in a table whose rows are named things (another
    /// column's whole name is a phrase of the name group <c>thing-name</c>: <c>name</c>, <c>label</c>, <c>designation</c>,
    /// <c>libelle</c>, <c>Bezeichnung</c>, <c>nombre</c>) and that may hold no one's record (<see cref="MayHoldSomeonesRecord"/>:
    /// no column identifies or refers to a person, the table's name is of no group of people's records) nor a case or
    /// content (<see cref="CasesAndContentGroups"/>) is what staff wrote to describe a thing the application is configured
    /// with or keeps as reference data (manufacturers, calendars, domains, block lists, service levels, constants, user
    /// groups): <c>none</c> (LABELS.md tie-breakers 6 and 15). The corpus labels such notes none in glpi and dolibarr
    /// (cross-validated, rules/MODEL.md, session 38). A table-context decision, so it stands in the combination, names
    /// only as well. With sampled values the classifier asks it for prose that holds no one's identifiers (staff's text,
    /// as the catalogue's is); other values decide first.</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The column name's match: an ungated <c>customer_content.message</c> match, else no decision.</param>
    /// <param name="evidence">The column's evidence, prepended to when the rule applies.</param>
    /// <returns>The decision, or null when the rule does not apply.</returns>
    private ColumnClassification? NoteOnANamedThing(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (name.DataCategory != "customer_content.message" || name.Gates.Count > 0) return null;
        if (column.Column.Family is not (TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other or TypeFamily.Document)) return null;
        if (!_rules.IsNameGroupPhrase(name.Tokens, "note-word")) return null;
        bool named = false;
        foreach (var sibling in column.TableColumns)
            if (!string.Equals(sibling, column.Column.Name, StringComparison.Ordinal)
                && _rules.IsNameGroupPhrase(_rules.Match(TableContext.NameOf(column), sibling, TypeFamily.Text).Tokens, "thing-name")) { named = true; break; }
        if (!named || name.TableGroups.Any(CasesAndContentGroups.Contains) || MayHoldSomeonesRecord(column, name)) return null;
        evidence.Insert(0, new EvidenceItem("table-context", NoteOnANamedThingEvidence, "none",
            Detail: "a note on a named thing (another column is its name or label) in a table that refers to no one: staff's description of it"));
        return Decide("none", 0.8, evidence);
    }
}
