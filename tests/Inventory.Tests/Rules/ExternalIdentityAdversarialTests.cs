using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 17 finding 6 (LABELS.md tie-breaker 12), generated in bulk: a person's identifier at an external identity
/// provider (<c>provider_uid</c>, <c>google_sub</c>, <c>oidc_sub</c>, <c>facebook_id</c>) and a person's social handle
/// (<c>twitter</c>, <c>instagram</c>) are <c>contact.username</c>; an integration's own ids (<c>oauth_client_id</c>,
/// <c>webhook_id</c>) and a provider's name stay <c>none</c>. Only kinds are asserted.
/// </summary>
[TestFixture]
public sealed class ExternalIdentityAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] IdentityNames =
    [
        "provider_uid", "provider_user_id", "provider_account_id", "google_sub", "google_id", "google_uid", "facebook_id", "facebook_uid",
        "github_id", "apple_sub", "apple_id", "oidc_sub", "openid", "open_id", "sso_id", "sso_uid", "oauth_uid", "external_user_id",
        "franceconnect_id", "keycloak_id", "auth0_id", "okta_id", "azure_oid", "idp_user_id", "saml_name_id", "GoogleSub", "providerUid",
    ];

    private static readonly string[] HandleNames = ["twitter", "twitter_handle", "instagram", "linkedin", "tiktok", "mastodon", "github_username", "Instagram", "linkedin_url"];

    private static string SubjectId(Random r) => r.Next(3) switch
    {
        0 => r.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString(CultureInfo.InvariantCulture),
        1 => Guid.NewGuid().ToString(),
        _ => "auth0|" + r.NextInt64(1_000_000_000, 9_999_999_999).ToString("x", CultureInfo.InvariantCulture),
    };

    [TestCase(1)]
    [TestCase(2)]
    public void ExternalIdentities_AreUsernames(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 108; c++)
        {
            var name = IdentityNames[c % IdentityNames.Length];
            var column = Some.InTable(Pick(random, ["users", "identities", "user_identities", "accounts", "oauth_accounts", "members"]),
                ["id", "user_id", "provider", "created_at"], name, "character varying(255)",
                Enumerable.Range(0, random.Next(30, 300)).Select(_ => SubjectId(random)).ToArray());
            var category = Combined.Classify(column).DataCategory;
            if (category != "contact.username") wrong.Add($"{column.Table}.{name} → {category}");
        }
        AssertNoneWrong(wrong, 108, "identity-provider ids not called usernames");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void SocialHandles_AreUsernames(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        for (int c = 0; c < 54; c++)
        {
            var name = HandleNames[c % HandleNames.Length];
            var column = Some.InTable(Pick(random, ["users", "profiles", "speakers", "authors", "contacts"]), ["id", "first_name", "last_name", "email"], name,
                "character varying(120)", Enumerable.Range(0, random.Next(30, 300)).Select(_ => random.Next(2) == 0
                    ? "@" + Pick(random, ["anna", "jo", "lea", "max", "sam"]) + random.Next(10_000)
                    : "https://social.example.com/" + Pick(random, ["anna", "jo", "lea", "max", "sam"]) + random.Next(10_000)).ToArray());
            var category = Combined.Classify(column).DataCategory;
            if (category != "contact.username") wrong.Add($"{column.Table}.{name} → {category}");
        }
        AssertNoneWrong(wrong, 54, "social-handle columns not called usernames");
    }

    [TestCase("oauth_applications", "oauth_client_id", "character varying(80)")]
    [TestCase("integrations", "webhook_id", "character varying(80)")]
    [TestCase("identities", "provider", "character varying(40)")]
    [TestCase("identities", "provider_id", "integer")]
    public void IntegrationIds_StayNone(string table, string column, string type)
    {
        var random = new Random(9);
        var values = Enumerable.Range(0, 120).Select(_ => column == "provider" ? Pick(random, ["google", "github", "apple"]) : random.Next(1, 50_000).ToString(CultureInfo.InvariantCulture)).ToArray();
        Assert.That(Combined.Classify(Some.InTable(table, ["id", "name", "created_at"], column, type, values)).DataCategory, Is.EqualTo("none"));
    }
}
