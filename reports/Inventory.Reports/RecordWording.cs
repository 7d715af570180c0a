namespace Inventory.Reports;

/// <summary>Words the record of processing uses in every format, decided once: the HTML and Markdown templates and the
/// XLSX writer take them from here rather than each choosing its own.</summary>
public static class RecordWording
{
    /// <summary>A field the policy leaves out (DPO, Art. 27 representative, legal basis, data subjects, security measures,
    /// controllers served, a processor source's controller): written in words, never a blank cell (trial37 finding 1b).</summary>
    public const string NoneDeclared = "none declared";

    /// <summary>The XLSX form of <see cref="NoneDeclared"/>: the register's French, then the other formats' words.</summary>
    public const string NoneDeclaredInFrench = "Aucun déclaré (" + NoneDeclared + ")";

    /// <summary>The provenance of a retention that is the policy's <c>default-retention</c> because the activity has no
    /// rule covering the category: a default shown as a default (trial37 finding 3).</summary>
    public const string PolicyDefault = "policy default";

    /// <summary>The mark of a column (or category) that rests on the classifier's suggestion alone, not on a review.</summary>
    public const string SuggestedNotReviewed = "(suggested, not reviewed)";

    /// <summary>A processor source whose config entry names no <c>controller:</c> (Art. 30(2)(a)).</summary>
    public const string ControllerNotDeclared = "not declared ⚠";
}
