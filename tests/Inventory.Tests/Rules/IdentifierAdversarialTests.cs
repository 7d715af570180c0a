using System.Globalization;
using Inventory.Classification;
using Inventory.Rules;
using Inventory.Tests.Support;
using NUnit.Framework;

namespace Inventory.Tests.Rules;

/// <summary>
/// Issue 10 item 6, first kind, generated in bulk: identifiers and timestamps stored in integer or text columns
/// (sequences, epoch seconds and milliseconds, random 9–19 digit ids) that a phone, card or national-id check could accept
/// by structure. Each test builds hundreds of columns of 50 values each (tens of thousands of values) from a seeded
/// generator, names them as identifiers or times, and asserts that the rule classifier never calls one a phone number, a
/// payment card or a national id. Only the kind is asserted, never a particular row.
/// </summary>
[TestFixture]
public sealed class IdentifierAdversarialTests : GeneratedNameFixture
{
    private static readonly string[] IdNames = ["id", "ref", "external_ref", "order_key", "api_key_id", "event_id", "tx_ref", "row_key", "object_id", "legacy_id"];
    private static readonly string[] TimeNames = ["ts", "created_ts", "event_time", "time", "updated_time", "occurred_ts", "timestamp_ms", "last_ts"];
    private static readonly string[] Forbidden = ["contact.phone", "financial.payment_card", "other_personal.national_id"];

    private static string Digits(Random random, int length)
    {
        var chars = new char[length];
        chars[0] = (char)('1' + random.Next(9));
        for (int i = 1; i < length; i++) chars[i] = (char)('0' + random.Next(10));
        return new string(chars);
    }

    private static IEnumerable<(string Name, string Type, string[] Values)> Columns(int seed)
    {
        var random = new Random(seed);
        var inv = CultureInfo.InvariantCulture;
        for (int c = 0; c < 200; c++)
        {
            string type = random.Next(2) == 0 ? "bigint" : "character varying(32)";
            int kind = c % 5;
            string name = kind < 3 ? IdNames[random.Next(IdNames.Length)] : TimeNames[random.Next(TimeNames.Length)];
            long start = (long)(random.NextDouble() * 9e9) + 100_000_000;
            int length = 9 + random.Next(11);
            var values = Enumerable.Range(0, 50).Select(i => kind switch
            {
                0 => (start + i * (1 + random.Next(3))).ToString(inv),                       // a sequence of 9–10 digits
                1 => Digits(random, length),                                                   // random 9–19 digit ids
                2 => Digits(random, 15) + random.Next(10).ToString(inv),                       // 16-digit ids (card length)
                3 => (1_400_000_000L + random.Next(300_000_000)).ToString(inv),                // epoch seconds
                _ => (1_400_000_000_000L + (long)(random.NextDouble() * 3e11)).ToString(inv),   // epoch milliseconds
            }).ToArray();
            yield return (name, type, values);
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void IdentifierAndTimestampColumns_NeverPhoneCardOrNationalId(int seed)
    {
        var wrong = new List<string>();
        int columns = 0;
        foreach (var (name, type, values) in Columns(seed))
        {
            columns++;
            var decision = Rules.Classify(Some.Column("events", name, type, values));
            if (decision.DataCategory is { } category && Forbidden.Contains(category))
                wrong.Add($"{name} {type} → {category}");
        }
        AssertNoneWrong(wrong, columns, "identifier/timestamp columns given a personal identifier category");
    }
}
