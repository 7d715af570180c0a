using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Trial 35 finding 3j: push-notification tokens (<c>push_token</c>, <c>fcm_token</c>, <c>apns_token</c>) were
/// <c>other_personal.credentials</c> 0.99 by the secret-token detector. They name the app installed on a device
/// (LABELS.md <c>automatic.device_id</c>; <c>name.en.device-id</c> already said so of <c>push token</c> names only).
/// Generated in bulk: names in English, French, German and Spanish with prefixes, the engines' text types, token shapes of
/// FCM (an instance id, a colon and a 140-character base64url run), APNs (64 hex digits) and Expo; both directions:
/// access, refresh, API and remember-me tokens of the same shapes stay credentials.
/// </summary>
[TestFixture]
public sealed class PushTokenAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] PushNames =
        ["push_token", "pushToken", "fcm_token", "fcmToken", "fcm_registration_token", "apns_token", "apns_device_token", "gcm_registration_id",
         "firebase_token", "expo_push_token", "notification_token", "push_notification_token", "jeton_push", "jeton_notification", "jeton_fcm",
         "Benachrichtigungstoken", "pushtoken", "token_push", "token_notificacion", "token_fcm", "user_push_token", "device_push_token"];
    private static readonly string[] SecretNames =
        ["access_token", "refresh_token", "api_token", "api_key", "remember_token", "auth_token", "reset_token", "jeton_acces", "zugangstoken",
         "token_acceso", "session_token", "trusted_device_token", "confirmation_token", "secret"];
    private static readonly string[] Tables = ["devices", "user_devices", "appareils", "geraete", "dispositivos", "users", "utilisateurs", "benutzer", "usuarios", "push_subscriptions"];
    private static readonly string[] Types = ["varchar(255)", "text", "character varying", "VARCHAR(512)", "nvarchar(max)", "", "String", "longtext"];
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static string Run(Random random, string alphabet, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));

    private static string Token(Random random, int style) => style switch
    {
        0 => $"{Run(random, Base64Url, 22)}:APA91b{Run(random, Base64Url, 134)}",   // FCM registration token
        1 => Run(random, "0123456789abcdef", 64),                                    // APNs device token
        2 => $"ExponentPushToken[{Run(random, Base64Url, 22)}]",                      // Expo
        _ => Run(random, Base64Url, 152),
    };

    [TestCase(1)]
    [TestCase(2)]
    public void PushTokens_DeviceId(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 400;
        for (int c = 0; c < columns; c++)
        {
            bool sampled = c % 4 != 0;
            var table = Pick(random, Tables);
            var name = Pick(random, PushNames);
            var type = Pick(random, Types);
            var column = sampled
                ? Some.Column(table, name, type, Enumerable.Range(0, random.Next(5, 50)).Select(_ => Token(random, random.Next(4))).ToArray())
                : Some.Unsampled(table, name, type);
            var decision = Combined.Classify(column);
            if (decision.DataCategory != "automatic.device_id") wrong.Add($"{table}.{name} {(sampled ? "sampled" : "names only")} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "push-notification tokens not read as device ids");
    }

    [TestCase(1)]
    [TestCase(2)]
    public void SecretsOfTheSameShape_StayCredentials(int seed)
    {
        var random = new Random(seed);
        var wrong = new List<string>();
        const int columns = 300;
        for (int c = 0; c < columns; c++)
        {
            var table = Pick(random, Tables);
            var name = Pick(random, SecretNames);
            var column = Some.Column(table, name, Pick(random, Types), Enumerable.Range(0, random.Next(5, 50)).Select(_ => Token(random, 1 + 2 * random.Next(2))).ToArray());
            var decision = Combined.Classify(column);
            if (decision.DataCategory != "other_personal.credentials") wrong.Add($"{table}.{name} → {decision.DataCategory} {decision.Confidence}");
        }
        AssertNoneWrong(wrong, columns, "secrets of a push token's shape taken as device ids");
    }
}
