using Inventory.Model;

namespace Inventory.Reports;

/// <summary>Which annotation entry names a recipient of a column's data.</summary>
internal enum ShareScope
{
    /// <summary>The table's <c>shared-with:</c>, which covers every column of the table.</summary>
    Table,
    /// <summary>The column entry's own <c>shared-with:</c> (and not its table's).</summary>
    Column,
}

/// <summary>One recipient of a column's data, and the annotation entry that names it.</summary>
/// <param name="Recipient">The recipient id, as the annotation spells it (a policy <c>recipients:</c> id).</param>
/// <param name="Scope">Whether the table's entry names it (then the whole table goes to it) or only the column's own.</param>
internal readonly record struct RecipientShare(string Recipient, ShareScope Scope);

/// <summary>The recipients of a column's data, one rule for the record of processing (Recipients (d), Transfers (e)) and
/// every claim about sharing (<c>shared-with-only</c>, <c>payment-through-gateway</c>). Source of the rule: README,
/// annotation keys: a table's <c>shared-with</c> names the recipients of the table's data, and a column entry's own
/// <c>shared-with</c> adds recipients to its table's for that column (kept on <see cref="AnnotationRef.SharedWith"/>
/// since trial 27).</summary>
internal static class Recipients
{
    /// <summary>The recipients of one column: its table's <c>shared-with</c> ∪ the column entry's own.</summary>
    /// <param name="table">The column's table (its <see cref="TableEntry.SharedWith"/>).</param>
    /// <param name="column">The column (its <see cref="AnnotationRef.SharedWith"/>, when annotated).</param>
    /// <returns>Each recipient once, in the order the annotations name them (the table's first), with
    /// <see cref="ShareScope.Table"/> when the table's entry names it, else <see cref="ShareScope.Column"/>; empty when
    /// neither names any.</returns>
    public static IReadOnlyList<RecipientShare> Of(TableEntry table, ColumnEntry column)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(column);
        var shares = new List<RecipientShare>();
        foreach (var r in table.SharedWith)
            if (!shares.Exists(s => s.Recipient == r)) shares.Add(new RecipientShare(r, ShareScope.Table));
        foreach (var r in column.Annotation?.SharedWith ?? [])
            if (!shares.Exists(s => s.Recipient == r)) shares.Add(new RecipientShare(r, ShareScope.Column));
        return shares;
    }

    /// <summary>True when <paramref name="recipient"/> is among the column's recipients (<see cref="Of"/>; ordinal).</summary>
    /// <param name="table">The column's table.</param>
    /// <param name="column">The column.</param>
    /// <param name="recipient">A recipient id.</param>
    public static bool Include(TableEntry table, ColumnEntry column, string recipient) =>
        Of(table, column).Any(s => string.Equals(s.Recipient, recipient, StringComparison.Ordinal));
}
