namespace Inventory.Rules.Policy;

/// <summary>What a claim parameter holds, so the loader can validate it against the policy.</summary>
public enum ClaimParameterType
{
    /// <summary>One data category from the vocabulary.</summary>
    Category,
    /// <summary>A list of data categories.</summary>
    Categories,
    /// <summary>One processing activity id of the policy.</summary>
    Activity,
    /// <summary>A list of processing activity ids.</summary>
    Activities,
    /// <summary>One recipient id of the policy.</summary>
    Recipient,
    /// <summary>A list of free names (table names, column names, evidence ids).</summary>
    Names,
}

/// <summary>One parameter a claim kind accepts.</summary>
/// <param name="Name">kebab-case key under <c>parameters:</c>.</param>
/// <param name="Type">What it holds.</param>
/// <param name="Required">True when the claim cannot be checked without it.</param>
/// <param name="Description">One line for the documentation and error messages.</param>
public sealed record ClaimParameterSpec(string Name, ClaimParameterType Type, bool Required, string Description);

/// <summary>The claim kinds the tool can check (<c>kind:</c> of a claim) and their parameters. The evaluators live in
/// <c>Inventory.Reports.Claims</c>; this table is what the policy loader validates against.</summary>
public static class ClaimKinds
{
    /// <summary>No payment card number (PAN) stored: no column with a PAN detector hit.</summary>
    public const string NoCardNumber = "no-card-number";
    /// <summary>Payment data only through the gateway: no forbidden payment category, payment tables shared with the gateway only.</summary>
    public const string PaymentThroughGateway = "payment-through-gateway";
    /// <summary>Tables shared with a recipient hold only the allowed categories.</summary>
    public const string SharedWithOnly = "shared-with-only";
    /// <summary>Personal data limited to the categories the policy declares.</summary>
    public const string DeclaredCategoriesOnly = "declared-categories-only";
    /// <summary>Automatic data limited to the allowed subcategories.</summary>
    public const string AutomaticDataLimited = "automatic-data-limited";
    /// <summary>Every table with personal data has a deletion path from the account table.</summary>
    public const string DeletionPath = "deletion-path";
    /// <summary>Billing tables are not deleted by an ON DELETE CASCADE.</summary>
    public const string BillingNotCascadeDeleted = "billing-not-cascade-deleted";
    /// <summary>Customer-owned data only in processor-scope sources or tables.</summary>
    public const string CustomerDataInProcessorScope = "customer-data-in-processor-scope";

    /// <summary>Each kind with its parameters, in documentation order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<ClaimParameterSpec>> All { get; } = new Dictionary<string, IReadOnlyList<ClaimParameterSpec>>(StringComparer.Ordinal)
    {
        [NoCardNumber] =
        [
            new("detectors", ClaimParameterType.Names, false, "evidence ids of the PAN detector (default: detector.payment-card)"),
        ],
        [PaymentThroughGateway] =
        [
            new("gateway", ClaimParameterType.Recipient, true, "the payment gateway recipient"),
            new("payment-categories", ClaimParameterType.Categories, true, "categories that are payment data"),
            new("forbidden-categories", ClaimParameterType.Categories, false, "payment categories that must not be stored at all"),
            new("detectors", ClaimParameterType.Names, false, "evidence ids of the PAN detector: a column they matched holds full card numbers (default: detector.payment-card)"),
        ],
        [SharedWithOnly] =
        [
            new("recipient", ClaimParameterType.Recipient, true, "the recipient named by the annotations' shared-with"),
            new("allowed-categories", ClaimParameterType.Categories, true, "the only categories a shared table may hold"),
        ],
        [DeclaredCategoriesOnly] =
        [
            new("undeclared", ClaimParameterType.Categories, false, "categories that need an explicit declaration: a broader declared category does not cover them (default: other_personal)"),
        ],
        [AutomaticDataLimited] =
        [
            new("category", ClaimParameterType.Category, false, "the automatic category (default: automatic)"),
            new("allowed-categories", ClaimParameterType.Categories, true, "the allowed subcategories"),
        ],
        [DeletionPath] =
        [
            new("roots", ClaimParameterType.Names, true, "account tables (qualified names) whose deletion must reach every personal table"),
            new("markers", ClaimParameterType.Names, false, "deletion-marker column names (default: deleted_at, anonymized_at)"),
            new("exempt-activities", ClaimParameterType.Activities, false, "activities whose tables are kept by law or by contract"),
        ],
        [BillingNotCascadeDeleted] =
        [
            new("activity", ClaimParameterType.Activity, false, "the billing activity: tables annotated with it are billing tables"),
            new("categories", ClaimParameterType.Categories, false, "categories that make a table a billing table (default: financial.billing)"),
            new("roots", ClaimParameterType.Names, false, "account tables whose deletion starts the cascades (default: the roots of the policy's deletion-path claims)"),
        ],
        [CustomerDataInProcessorScope] =
        [
            new("activity", ClaimParameterType.Activity, true, "the processor activity"),
            new("categories", ClaimParameterType.Categories, false, "customer-owned categories (default: customer_content.source_code, .application_data, .file, .transaction_history; messages users send the host are not customer-owned)"),
        ],
    };
}
