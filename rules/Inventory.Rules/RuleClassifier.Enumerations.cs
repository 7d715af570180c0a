using System.Text.RegularExpressions;
using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Rules;

/// <summary>The rule classifier's decision on a column of a declared enumeration type (content41, session 41).</summary>
public sealed partial class RuleClassifier
{
    /// <summary>Evidence id of the gate <see cref="MarkDeclaredEnumeration"/> adds (kind <c>type-gate</c>, category none):
    /// <c>CombinedClassifier</c> never suggests customer_content for a column that carries it.</summary>
    public const string DeclaredEnumerationEvidence = "gate.type.enumeration";

    // Tables of events and logs: there a choice is the event's type or action, what a person did (LABELS.md tie-breaker
    // 10: automatic.activity), which the name rules and the model decide.
    private static readonly string[] EventTableGroups = ["event-log", "event-record", "activity", "sign-in"];

    /// <summary>True when a declared type is an enumeration: a list of values the schema itself fixes. Read from the
    /// spelling alone, as engines and schema files write it: MySQL and MariaDB <c>enum('a','b')</c> and <c>set('a','b')</c>,
    /// ClickHouse <c>Enum8('a'=1)</c> and <c>Enum16(…)</c> (also inside <c>Nullable(…)</c>/<c>LowCardinality(…)</c>), a Rails
    /// schema's bare <c>enum</c>, a PostgreSQL user-defined type as <c>format_type</c> quotes a mixed-case name
    /// (<c>"DisputeStage"</c>, <c>public."CaptureMethod"</c>) and a Prisma enum (a PascalCase type name that is no scalar:
    /// <c>WorkflowTrigger</c>, <c>VoteType</c>, <c>Role</c>; not ClickHouse's <c>Point</c>, <c>Polygon</c> and the like). Only a type whose family is <see cref="TypeFamily.Other"/> qualifies, so
    /// every type the engines name (<c>String</c>, <c>DateTime</c>, <c>Json</c>, <c>LongText</c>, <c>tsvector</c>,
    /// <c>point</c>, a domain over text) is not one; a lower-case PostgreSQL enum (<c>mood</c>) cannot be told from an
    /// extension's type by its spelling and is not read as one.</summary>
    /// <param name="info">The column as the catalog describes it.</param>
    /// <returns>True for an enumeration type.</returns>
    public static bool IsDeclaredEnumeration(ColumnInfo info)
    {
        if (info.Family != TypeFamily.Other || info.ElementFamily is not null) return false;
        var declared = info.DeclaredType.Trim().TrimEnd('?', '!').Trim();
        if (declared.Length == 0 || declared.EndsWith("[]", StringComparison.Ordinal)) return false;
        var unwrapped = Evaluation.DeclaredTypes.Unwrapped(declared.ToLowerInvariant());
        if (unwrapped == "enum" || unwrapped.StartsWith("enum(", StringComparison.Ordinal) || unwrapped.StartsWith("set(", StringComparison.Ordinal)
            || unwrapped.StartsWith("enum8(", StringComparison.Ordinal) || unwrapped.StartsWith("enum16(", StringComparison.Ordinal)) return true;
        return QuotedTypeName().IsMatch(declared) || (PascalCaseTypeName().IsMatch(declared) && !StructuredTypeNames.Contains(declared));
    }

    /// <summary>A column of a declared enumeration type (<see cref="IsDeclaredEnumeration"/>) holds one of a list of values
    /// the application's schema fixes: a status, a stage, a kind, a flag written as words; never users' own content, which
    /// no list fixes in advance (LABELS.md: flags, statuses and enumerations are none; tie-breaker 6: what users type). The
    /// first level sees the type only as the family <c>other</c> and read such columns as customer content in four
    /// applications of the corpus (piwigo, dub, hyperswitch, rdv-service-public; rules/MODEL.md, session 41). This adds the
    /// gate's evidence (<see cref="DeclaredEnumerationEvidence"/>, kind <c>type-gate</c>, category none) and decides nothing
    /// itself: the rule decision stays what the name says, so the combination is fitted on the same rule decisions, and
    /// <c>CombinedClassifier</c> turns a customer_content suggestion carrying the gate into <c>none</c> (every other
    /// suggestion stands). Not where a name rule read another category (a <c>gender</c> or <c>country</c> enumeration is the
    /// person's; a <c>status</c> is a name rule's none already), nor in an event, log, visit or sign-in table, whose choices
    /// are the event's type or action (LABELS.md tie-breaker 10).</summary>
    /// <param name="column">The column, with its table's column names.</param>
    /// <param name="name">The column name's match: the gate applies with no decision or a customer_content category.</param>
    /// <param name="evidence">The column's evidence, added to when the gate applies.</param>
    /// <returns>Always null (no decision), so that it chains with the decisions before <c>FromNameOnly</c>.</returns>
    private ColumnClassification? MarkDeclaredEnumeration(ColumnEvidence column, NameMatch name, List<EvidenceItem> evidence)
    {
        if (!IsDeclaredEnumeration(column.Column)) return null;
        if (name.DataCategory is { } read && DataCategory.TopLevelOf(read) != "customer_content") return null;
        if (name.TableGroups.Any(EventTableGroups.Contains)) return null;
        evidence.Add(new EvidenceItem("type-gate", DeclaredEnumerationEvidence, "none",
            Detail: "a declared enumeration type: one of a list of values the schema fixes, never content users wrote"));
        return null;
    }

    // "DisputeStage", public."CaptureMethod": a quoted PostgreSQL type name, optionally schema-qualified.
    [GeneratedRegex("""^(?:"?[A-Za-z_][A-Za-z0-9_]*"?\.)?"[A-Za-z_][A-Za-z0-9_]*"$""", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedTypeName();

    // WorkflowTrigger, VoteType, Role: PascalCase words. Prisma's scalars (String, Int, Float, Decimal, DateTime, Json,
    // Bytes, BigInt) and the engines' named types have a family other than Other, so they never reach this test.
    [GeneratedRegex("^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PascalCaseTypeName();

    // PascalCase type names of ClickHouse (geometry, dynamic and variant types) and Prisma (Unsupported) that are not
    // enumerations; their family is Other too.
    private static readonly HashSet<string> StructuredTypeNames = new(StringComparer.Ordinal)
    {
        "Point", "Ring", "Polygon", "MultiPolygon", "LineString", "MultiLineString", "Geometry", "Geography", "Nothing",
        "Object", "Dynamic", "Variant", "Unsupported", "Nested", "Tuple", "Map",
    };
}
