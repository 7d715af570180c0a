using Inventory.Catalog;

namespace Inventory.Connectors.Sampling;

/// <summary>
/// Collects one column's sampled values while rows are read: text values cut to the configured length, byte lengths of
/// binary values (never the bytes), and the NULL count. Shared by every connector so value cutting and binary handling
/// are the same for all engines.
/// </summary>
internal sealed class ColumnValues
{
    private readonly List<string> _values = [];
    private readonly List<long> _lengths = [];
    private readonly int _maxLength;
    private readonly int _laterLength;
    private int _wholeLeft;
    private int _nulls;
    private int _elementRows;

    /// <summary>Starts an empty collection.</summary>
    /// <param name="column">The column.</param>
    /// <param name="maxLength">Characters kept per value (<see cref="SampleOptions.MaxValueLength"/>).</param>
    public ColumnValues(ColumnInfo column, int maxLength)
    {
        Column = column;
        _maxLength = _laterLength = maxLength;
        _wholeLeft = int.MaxValue;
    }

    /// <summary>Starts an empty collection whose values are cut as the options say for this column: a document-typed
    /// column's first <see cref="SampleOptions.WholeDocuments"/> values at <see cref="SampleOptions.LengthFor"/>, later
    /// ones at <see cref="SampleOptions.MaxValueLength"/> (the classifier reads no more documents, and memory stays
    /// bounded); every other column's at <see cref="SampleOptions.MaxValueLength"/>.</summary>
    /// <param name="column">The column.</param>
    /// <param name="options">The sampling options.</param>
    public ColumnValues(ColumnInfo column, SampleOptions options)
    {
        Column = column;
        _maxLength = options.LengthFor(column);
        _laterLength = Math.Max(1, options.MaxValueLength);
        _wholeLeft = column.Family == TypeFamily.Document ? SampleOptions.WholeDocuments : int.MaxValue;
    }

    /// <summary>The column collected.</summary>
    public ColumnInfo Column { get; }

    /// <summary>A NULL cell.</summary>
    public void AddNull() => _nulls++;

    /// <summary>A value the server rendered as text; cut to the maximum length.</summary>
    /// <param name="text">The server's text.</param>
    public void AddText(string text) => _values.Add(Cut(text, _wholeLeft-- > 0 ? _maxLength : _laterLength));

    /// <summary>The elements of one array value (C29: the detectors see elements, not the array as one value), each
    /// cut to the maximum length. An array without elements (<c>{}</c>, or only NULLs) is no evidence either way and
    /// counts like a NULL cell, so a column of empty arrays falls back to its name like an all-NULL column.</summary>
    /// <param name="elements">The array's non-null elements, already capped per value.</param>
    public void AddElements(IReadOnlyList<string> elements)
    {
        if (elements.Count == 0) { _nulls++; return; }
        _elementRows++;
        foreach (var element in elements) _values.Add(Cut(element, _laterLength));
    }

    /// <summary>The byte length of a binary value.</summary>
    /// <param name="length">Bytes, ≥ 0.</param>
    public void AddLength(long length) => _lengths.Add(length);

    /// <summary>One cell as a connector read it: null (a NULL), a <see cref="long"/> (the byte length of a binary value)
    /// or a <see cref="string"/> (the server's text); any other cell is not counted.</summary>
    /// <param name="cell">The cell.</param>
    public void Add(object? cell)
    {
        switch (cell)
        {
            case null: AddNull(); break;
            case long length: AddLength(length); break;
            case string text: AddText(text); break;
        }
    }

    /// <summary>Cuts a value to at most <paramref name="maxLength"/> characters.</summary>
    public static string Cut(string text, int maxLength) => text.Length > maxLength ? text[..maxLength] : text;

    /// <summary>The sample. A binary column (declared type family <see cref="TypeFamily.Binary"/>) reports lengths only
    /// and is marked <see cref="NotSampledReason.Binary"/>; another column that met binary values (an untyped SQLite
    /// column) keeps its text values and the lengths alongside.</summary>
    public ColumnSample ToSample() => new()
    {
        Column = Column.Name,
        Values = _values,
        NullCount = _nulls,
        ElementRows = Column.ElementFamily is null ? null : _elementRows,
        BinaryLengths = Column.Family == TypeFamily.Binary || _lengths.Count > 0 ? _lengths : null,
        NotSampled = Column.Family == TypeFamily.Binary ? NotSampledReason.Binary : null,
        ValueLengthLimit = Math.Min(_maxLength, _laterLength),
    };
}
