using Inventory.Catalog;

namespace Inventory.Rules.Detectors;

/// <summary>
/// Cheap facts about one value, computed once per value in a single pass and shared by every detector so that most
/// detectors reject a value without looking at it again.
/// </summary>
internal readonly struct ValueShape
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length { get; init; }
    /// <summary>ASCII digits.</summary>
    public int Digits { get; init; }
    /// <summary>Letters (any script).</summary>
    public int Letters { get; init; }
    /// <summary>Upper-case letters.</summary>
    public int Upper { get; init; }
    /// <summary>Spaces and tabs.</summary>
    public int Spaces { get; init; }
    /// <summary>Count of '@'.</summary>
    public int At { get; init; }
    /// <summary>Count of '.'.</summary>
    public int Dots { get; init; }
    /// <summary>Count of ':'.</summary>
    public int Colons { get; init; }
    /// <summary>Count of '-'.</summary>
    public int Dashes { get; init; }
    /// <summary>Count of '/' and '\'.</summary>
    public int Slashes { get; init; }
    /// <summary>Characters that are none of letters, digits, space, '.', '-', '+', '(', ')', '/'.</summary>
    public int Other { get; init; }
    /// <summary>Characters outside ASCII.</summary>
    public int NonAscii { get; init; }
    /// <summary>Hex digits (0-9, a-f, A-F).</summary>
    public int Hex { get; init; }
    /// <summary>True when the value came from a numeric column and has a non-zero fraction (never fed to card or phone detectors).</summary>
    public bool Fraction { get; init; }

    /// <summary>True when only digits.</summary>
    public bool AllDigits => Digits == Length && Length > 0;

    /// <summary>Computes the shape of a value.</summary>
    public static ValueShape Of(ReadOnlySpan<char> value, bool fraction)
    {
        int digits = 0, letters = 0, upper = 0, spaces = 0, at = 0, dots = 0, colons = 0, dashes = 0, slashes = 0, other = 0, nonAscii = 0, hex = 0;
        foreach (var c in value)
        {
            if (c < 128)
            {
                if ((uint)(c - '0') <= 9) { digits++; hex++; }
                else if ((uint)((c | 0x20) - 'a') <= 25)
                {
                    letters++;
                    if (c <= 'Z') upper++;
                    if ((uint)((c | 0x20) - 'a') <= 5) hex++;
                }
                else switch (c)
                {
                    case ' ' or '\t': spaces++; break;
                    case '@': at++; other++; break;
                    case '.': dots++; break;
                    case ':': colons++; other++; break;
                    case '-': dashes++; break;
                    case '/' or '\\': slashes++; break;
                    case '+' or '(' or ')': break;
                    default: other++; break;
                }
            }
            else
            {
                nonAscii++;
                if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
                else if (char.IsWhiteSpace(c)) spaces++;
                else other++;
            }
        }
        return new ValueShape
        {
            Length = value.Length, Digits = digits, Letters = letters, Upper = upper, Spaces = spaces, At = at, Dots = dots,
            Colons = colons, Dashes = dashes, Slashes = slashes, Other = other, NonAscii = nonAscii, Hex = hex, Fraction = fraction,
        };
    }
}

/// <summary>A value test with validation; one instance is shared by all threads (implementations hold no mutable state
/// beyond the metadata record built once). Adding one: a subclass here with its id (<c>detector.name</c>), category,
/// <see cref="Check"/> and <see cref="Weight"/>, one entry in <see cref="DetectorSuite.BuiltIn"/>, and its tests.</summary>
internal abstract class ValueDetector
{
    /// <summary>Stable id, e.g. <c>detector.email</c>; used in evidence and as a model feature name.</summary>
    public abstract string Id { get; }

    /// <summary>The data category a high ratio points at (e.g. <c>contact.email</c>), or null for a detector of a form
    /// (JSON, URL, UUID) rather than a category.</summary>
    public abstract string? DataCategory { get; }

    /// <summary>How much this detector's hits weigh in the rule classifier's decision.</summary>
    public abstract DetectorWeight Weight { get; }

    /// <summary>Whether a match is validated (checksum, number plan, parser, registry) or only has the shape.</summary>
    public abstract DetectorCheck Check { get; }

    /// <summary>For a <see cref="DetectorWeight.NeedsNameSupport"/> detector: name categories other than its own
    /// <see cref="DataCategory"/> that support it (empty by default).</summary>
    public virtual IReadOnlyList<string> AlsoSupportedBy => [];

    /// <summary>The detector's metadata, as results carry it.</summary>
    public DetectorInfo Info => _info ??= new DetectorInfo(Id, DataCategory, Check, Weight) { AlsoSupportedBy = AlsoSupportedBy };

    private DetectorInfo? _info;

    /// <summary>True when values of this type family are tested at all (others count as not matched).</summary>
    public virtual bool AppliesTo(TypeFamily family) => family is TypeFamily.Text or TypeFamily.Untyped or TypeFamily.Other or TypeFamily.Document;

    /// <summary>Tests one trimmed, non-empty value.</summary>
    /// <param name="value">The value (numbers already normalised to invariant text without exponent).</param>
    /// <param name="shape">Its precomputed shape.</param>
    public abstract bool IsMatch(ReadOnlySpan<char> value, in ValueShape shape);
}
