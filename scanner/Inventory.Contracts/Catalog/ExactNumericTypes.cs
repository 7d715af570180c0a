using System.Globalization;

namespace Inventory.Catalog;

/// <summary>
/// Exact numeric types declared with a scale of zero (<c>decimal(5,0)</c>, <c>NUMERIC(10, 0)</c>, <c>decimal(12,0)
/// unsigned</c>, <c>number(9,0)</c>) hold whole numbers only: postal codes, phone numbers, account numbers and counters
/// stored by older MySQL/MariaDB, SQL Server and Oracle-born schemas. The catalog keeps their family
/// <see cref="TypeFamily.Decimal"/>; the rules that read integers as codes (a postal code in an address record) read them too.
/// Source: ISO/IEC 9075 (SQL) exact numeric types: <c>DECIMAL(p, s)</c> with <c>s = 0</c> has no fractional digits.
/// </summary>
public static class ExactNumericTypes
{
    /// <summary>True when <paramref name="declaredType"/> is <c>decimal</c>, <c>numeric</c> or <c>number</c> with an
    /// explicit precision and a scale of zero. A bare <c>decimal</c>/<c>numeric</c> (PostgreSQL: any scale) or one without
    /// a scale is false.</summary>
    /// <param name="declaredType">The declared type as the catalog spells it, any case, e.g. <c>decimal(5,0)</c>.</param>
    /// <returns>Whether the type holds whole numbers only.</returns>
    public static bool HasZeroScale(string? declaredType)
    {
        if (string.IsNullOrWhiteSpace(declaredType)) return false;
        var t = declaredType.AsSpan().Trim();
        int open = t.IndexOf('('), close = t.IndexOf(')');
        if (open <= 0 || close < open) return false;
        var name = t[..open].Trim();
        if (!name.Equals("decimal", StringComparison.OrdinalIgnoreCase) && !name.Equals("numeric", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("number", StringComparison.OrdinalIgnoreCase) && !name.Equals("dec", StringComparison.OrdinalIgnoreCase))
            return false;
        var arguments = t[(open + 1)..close];
        int comma = arguments.IndexOf(',');
        if (comma < 0) return false;
        return int.TryParse(arguments[..comma].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int precision) && precision > 0
            && int.TryParse(arguments[(comma + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int scale) && scale == 0;
    }
}
