namespace Inventory.Tests.Support;

/// <summary>Policy texts the report tests build their records from (the policy YAML format of README, "Policy").</summary>
internal static class SamplePolicies
{
    /// <summary>A controller with one activity (billing of financial.billing) and nothing optional: no processor, DPO,
    /// representative, legal basis, data subject or security measure.</summary>
    public const string OneBareActivity = """
        controller: { name: Example PaaS SAS, address: Strasbourg }
        activities:
          - id: billing
            name: Billing
            purposes: [invoice]
            data-categories: [financial.billing]
        """;
}
