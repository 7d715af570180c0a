using System.Buffers;
using System.Text.Json;
using Inventory.Catalog;
using Inventory.Classification;

namespace Inventory.Model;

/// <summary>Writes the inventory document's JSON with plain <see cref="Utf8JsonWriter"/> calls, property by property, as
/// System.Text.Json's reflection path does with <see cref="InventoryJson.Options"/>: camelCase keys in declaration
/// order, kebab-case enum values, nulls omitted, <c>complete</c> computed. It replaces the source-generated writing code,
/// which called <c>JsonSerializer.Serialize&lt;T&gt;</c> for every enum, <c>DateTimeOffset</c> and nullable property:
/// generic instantiations of System.Text.Json over our value types that ReadyToRun cannot hold, about 400 methods
/// JIT-compiled in every process (bench/README.md, perf24 and perf25). Everything here is precompiled.
/// The bytes are the reflection path's (tests <c>InventoryJsonGeneratedWriterTests</c>); a property added to the
/// document must be added here and to <see cref="InventoryJson.WarmUpDocument"/> (test <c>InventoryJsonWarmUpTests</c>).</summary>
internal static class InventoryJsonWriter
{
    /// <summary>Writes <paramref name="document"/> as one JSON object (not normalised here).</summary>
    /// <param name="writer">A writer with the inventory's settings.</param>
    /// <param name="document">The inventory.</param>
    public static void Write(Utf8JsonWriter writer, InventoryDocument document)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Names.Format, document.Format);
        String(writer, Names.Tool, document.Tool);
        if (document.ScannedAt is { } scannedAt)
        {
            writer.WritePropertyName(Names.ScannedAt);
            writer.WriteStringValue(scannedAt);
        }
        Array(writer, Names.Sources, document.Sources, Source);
        Array(writer, Names.Issues, document.Issues, Issue);
        String(writer, Names.Shard, document.Shard);
        Array(writer, Names.SplitOf, document.SplitOf, Split);
        writer.WriteBoolean(Names.Complete, document.Complete);
        writer.WriteEndObject();
    }

    private static void Source(Utf8JsonWriter writer, SourceEntry source)
    {
        writer.WriteStartObject();
        String(writer, Names.Name, source.Name);
        String(writer, Names.Provider, source.Provider);
        Enum(writer, Names.Role, RoleTexts, (int)source.Role);
        String(writer, Names.Controller, source.Controller);
        String(writer, Names.Target, source.Target);
        String(writer, Names.ServerVersion, source.ServerVersion);
        String(writer, Names.DefaultSchema, source.DefaultSchema);
        if (source.Scope is { } scope)
        {
            writer.WriteStartObject(Names.Scope);
            Strings(writer, Names.Include, scope.Include);
            Strings(writer, Names.Exclude, scope.Exclude);
            String(writer, Names.Shard, scope.Shard);
            writer.WriteEndObject();
        }
        writer.WriteBoolean(Names.Complete, source.Complete);
        Tables(writer, source.Tables);
        writer.WriteEndObject();
    }

    /// <summary>A source's tables, left out when null: each table's JSON written ahead when it still fits the table
    /// (<see cref="PrewrittenTable"/>: the same bytes, copied), otherwise written here.</summary>
    private static void Tables(Utf8JsonWriter writer, List<TableEntry>? tables)
    {
        if (tables is null) return;
        writer.WriteStartArray(Names.Tables);
        for (int i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            if (table is null) writer.WriteNullValue();
            else if (table.Prewritten is { } prewritten && prewritten.Fits(table)) writer.WriteRawValue(prewritten.Json.Span, skipInputValidation: true);
            else Table(writer, table);
        }
        writer.WriteEndArray();
    }

    private static void Split(Utf8JsonWriter writer, SplitSource split)
    {
        writer.WriteStartObject();
        String(writer, Names.Name, split.Name);
        String(writer, Names.Provider, split.Provider);
        String(writer, Names.Target, split.Target);
        Strings(writer, Names.Include, split.Include);
        Strings(writer, Names.Exclude, split.Exclude);
        writer.WriteEndObject();
    }

    private static void Issue(Utf8JsonWriter writer, ScanIssue issue)
    {
        writer.WriteStartObject();
        String(writer, Names.Source, issue.Source);
        String(writer, Names.Table, issue.Table);
        String(writer, Names.Column, issue.Column);
        String(writer, Names.Kind, issue.Kind);
        String(writer, Names.Message, issue.Message);
        String(writer, Names.Shard, issue.Shard);
        writer.WriteEndObject();
    }

    /// <summary>Writes one table as an object (the array element of its source's <c>tables</c>).</summary>
    /// <param name="writer">A writer with the inventory's settings.</param>
    /// <param name="table">The table.</param>
    internal static void Table(Utf8JsonWriter writer, TableEntry table)
    {
        writer.WriteStartObject();
        String(writer, Names.Schema, table.Schema);
        String(writer, Names.Name, table.Name);
        String(writer, Names.QualifiedName, table.QualifiedName);
        Enum(writer, Names.Kind, TableKindTexts, (int)table.Kind);
        if (table.RowEstimate is { } rowEstimate) writer.WriteNumber(Names.RowEstimate, rowEstimate);
        writer.WriteNumber(Names.SampledRows, table.SampledRows);
        String(writer, Names.SampleMethod, table.SampleMethod);
        if (table.NotSampled is { } notSampled) Enum(writer, Names.NotSampled, NotSampledTexts, (int)notSampled);
        String(writer, Names.Comment, table.Comment);
        Strings(writer, Names.PrimaryKey, table.PrimaryKey);
        Array(writer, Names.ForeignKeys, table.ForeignKeys, ForeignKey);
        Strings(writer, Names.Partitions, table.Partitions);
        if (table.History is { } history) History(writer, history);
        String(writer, Names.Activity, table.Activity);
        Strings(writer, Names.Activities, table.Activities);
        String(writer, Names.Retention, table.Retention);
        Strings(writer, Names.SharedWith, table.SharedWith);
        String(writer, Names.AnnotationFile, table.AnnotationFile);
        Array(writer, Names.Columns, table.Columns, Column);
        writer.WriteEndObject();
    }

    private static void History(Utf8JsonWriter writer, RowHistory history)
    {
        writer.WriteStartObject(Names.History);
        String(writer, Names.Mechanism, history.Mechanism);
        String(writer, Names.HistoryTable, history.HistoryTable);
        String(writer, Names.VersionsOf, history.VersionsOf);
        String(writer, Names.RetentionPeriod, history.RetentionPeriod);
        writer.WriteEndObject();
    }

    private static void ForeignKey(Utf8JsonWriter writer, ForeignKeyInfo key)
    {
        writer.WriteStartObject();
        String(writer, Names.Name, key.Name);
        Strings(writer, Names.Columns, key.Columns);
        String(writer, Names.ReferencedSchema, key.ReferencedSchema);
        String(writer, Names.ReferencedTable, key.ReferencedTable);
        Strings(writer, Names.ReferencedColumns, key.ReferencedColumns);
        String(writer, Names.OnDelete, key.OnDelete);
        writer.WriteEndObject();
    }

    private static void Column(Utf8JsonWriter writer, ColumnEntry column)
    {
        writer.WriteStartObject();
        String(writer, Names.Name, column.Name);
        writer.WriteNumber(Names.Ordinal, column.Ordinal);
        String(writer, Names.DeclaredType, column.DeclaredType);
        Enum(writer, Names.TypeFamily, TypeFamilyTexts, (int)column.TypeFamily);
        writer.WriteBoolean(Names.Nullable, column.Nullable);
        String(writer, Names.Comment, column.Comment);
        String(writer, Names.DataCategory, column.DataCategory);
        writer.WriteNumber(Names.Confidence, column.Confidence);
        if (column.Origin is { } origin) Enum(writer, Names.Origin, OriginTexts, (int)origin);
        Enum(writer, Names.Status, StatusTexts, (int)column.Status);
        if (column.NotSampled is { } notSampled) Enum(writer, Names.NotSampled, NotSampledTexts, (int)notSampled);
        if (column.Stats is { } stats)
        {
            writer.WriteStartObject(Names.Stats);
            writer.WriteNumber(Names.SampledRows, stats.SampledRows);
            writer.WriteNumber(Names.NonNull, stats.NonNull);
            writer.WriteNumber(Names.NullRatio, stats.NullRatio);
            writer.WriteNumber(Names.DistinctRatio, stats.DistinctRatio);
            writer.WriteNumber(Names.MaxLength, stats.MaxLength);
            writer.WriteEndObject();
        }
        if (column.Classification is { } classification) Classification(writer, classification);
        if (column.Annotation is { } annotation) Annotation(writer, Names.Annotation, annotation);
        if (column.DatabaseLabel is { } label)
        {
            writer.WriteStartObject(Names.DatabaseLabel);
            String(writer, Names.Source, label.Source);
            String(writer, Names.Label, label.Label);
            String(writer, Names.InformationType, label.InformationType);
            String(writer, Names.Rank, label.Rank);
            writer.WriteEndObject();
        }
        String(writer, Names.Conflict, column.Conflict);
        Strings(writer, Names.MaskedExamples, column.MaskedExamples);
        if (column.ReadsFrom is { } readsFrom)
        {
            writer.WriteStartObject(Names.ReadsFrom);
            String(writer, Names.Schema, readsFrom.Schema);
            String(writer, Names.Table, readsFrom.Table);
            String(writer, Names.Column, readsFrom.Column);
            writer.WriteEndObject();
        }
        Array(writer, Names.Paths, column.Paths, Path);
        writer.WriteEndObject();
    }

    private static void Path(Utf8JsonWriter writer, PathEntry path)
    {
        writer.WriteStartObject();
        String(writer, Names.Path, path.Path);
        String(writer, Names.DataCategory, path.DataCategory);
        if (path.Origin is { } origin) Enum(writer, Names.Origin, OriginTexts, (int)origin);
        if (path.Annotation is { } annotation) Annotation(writer, Names.Annotation, annotation);
        writer.WriteEndObject();
    }

    private static void Annotation(Utf8JsonWriter writer, JsonEncodedText name, AnnotationRef annotation)
    {
        writer.WriteStartObject(name);
        String(writer, Names.DataCategory, annotation.DataCategory);
        String(writer, Names.Reason, annotation.Reason);
        String(writer, Names.Retention, annotation.Retention);
        Strings(writer, Names.SharedWith, annotation.SharedWith);
        String(writer, Names.File, annotation.File);
        writer.WriteNumber(Names.Line, annotation.Line);
        writer.WriteEndObject();
    }

    private static void Classification(Utf8JsonWriter writer, ColumnClassification classification)
    {
        writer.WriteStartObject(Names.Classification);
        String(writer, Names.DataCategory, classification.DataCategory);
        writer.WriteNumber(Names.Confidence, classification.Confidence);
        Enum(writer, Names.Origin, OriginTexts, (int)classification.Origin);
        Array(writer, Names.Evidence, classification.Evidence, Evidence);
        Strings(writer, Names.AlsoContains, classification.AlsoContains);
        if (classification.JsonPaths is { } paths)
        {
            writer.WriteStartObject(Names.JsonPaths);
            Array(writer, Names.Named, paths.Named, Finding);
            Strings(writer, Names.Unnamed, paths.Unnamed);
            Enum(writer, Names.Derivation, DerivationTexts, (int)paths.Derivation);
            writer.WriteBoolean(Names.Truncated, paths.Truncated);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void Evidence(Utf8JsonWriter writer, EvidenceItem item)
    {
        writer.WriteStartObject();
        String(writer, Names.Kind, item.Kind);
        String(writer, Names.Id, item.Id);
        String(writer, Names.DataCategory, item.DataCategory);
        if (item.Matched is { } matched) writer.WriteNumber(Names.Matched, matched);
        if (item.Total is { } total) writer.WriteNumber(Names.Total, total);
        if (item.Score is { } score) writer.WriteNumber(Names.Score, score);
        String(writer, Names.Detail, item.Detail);
        writer.WriteEndObject();
    }

    private static void Finding(Utf8JsonWriter writer, JsonPathFinding finding)
    {
        writer.WriteStartObject();
        String(writer, Names.Path, finding.Path);
        String(writer, Names.DataCategory, finding.DataCategory);
        String(writer, Names.Id, finding.Id);
        if (finding.Matched is { } matched) writer.WriteNumber(Names.Matched, matched);
        if (finding.Total is { } total) writer.WriteNumber(Names.Total, total);
        writer.WriteNumber(Names.Documents, finding.Documents);
        writer.WriteEndObject();
    }

    /// <summary>A string property, left out when null (as <c>WhenWritingNull</c> does for every reference).</summary>
    private static void String(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }

    /// <summary>A list of strings, left out when null; a null element is written as <c>null</c>.</summary>
    private static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null) return;
        writer.WriteStartArray(name);
        for (int i = 0; i < values.Count; i++) writer.WriteStringValue(values[i]);
        writer.WriteEndArray();
    }

    /// <summary>A list of objects, left out when null; a null element is written as <c>null</c>.</summary>
    private static void Array<T>(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<T>? values, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (values is null) return;
        writer.WriteStartArray(name);
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value) write(writer, value);
            else writer.WriteNullValue();
        }
        writer.WriteEndArray();
    }

    /// <summary>An enum property as its kebab-case name, or as its number when the value has no name (as
    /// <c>JsonStringEnumConverter</c> writes undefined values).</summary>
    private static void Enum(Utf8JsonWriter writer, JsonEncodedText name, JsonEncodedText[] texts, int value)
    {
        if ((uint)value < (uint)texts.Length) writer.WriteString(name, texts[value]);
        else writer.WriteNumber(name, value);
    }

    /// <summary>The kebab-case names of an enum whose values are 0, 1, 2… (each of the document's enums; test
    /// <c>InventoryJsonGeneratedWriterTests</c>), indexed by value, as <c>JsonNamingPolicy.KebabCaseLower</c> names them.</summary>
    /// <exception cref="InvalidOperationException">The enum's values are not 0, 1, 2… in order.</exception>
    internal static JsonEncodedText[] KebabCaseTexts(Type enumType)
    {
        var names = System.Enum.GetNames(enumType);
        var values = System.Enum.GetValuesAsUnderlyingType(enumType);
        var texts = new JsonEncodedText[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            if (Convert.ToInt64(values.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) != i)
                throw new InvalidOperationException($"{enumType.Name}'s values are not 0, 1, 2… in order");
            texts[i] = JsonEncodedText.Encode(JsonNamingPolicy.KebabCaseLower.ConvertName(names[i]));
        }
        return texts;
    }

    private static readonly JsonEncodedText[] RoleTexts = KebabCaseTexts(typeof(ProcessingRole));
    private static readonly JsonEncodedText[] TableKindTexts = KebabCaseTexts(typeof(TableKind));
    private static readonly JsonEncodedText[] TypeFamilyTexts = KebabCaseTexts(typeof(TypeFamily));
    private static readonly JsonEncodedText[] NotSampledTexts = KebabCaseTexts(typeof(NotSampledReason));
    private static readonly JsonEncodedText[] OriginTexts = KebabCaseTexts(typeof(Origin));
    private static readonly JsonEncodedText[] StatusTexts = KebabCaseTexts(typeof(ColumnStatus));
    private static readonly JsonEncodedText[] DerivationTexts = KebabCaseTexts(typeof(JsonColumnDerivation));

    /// <summary>The document's property names, camelCase, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
        public static readonly JsonEncodedText Tool = JsonEncodedText.Encode("tool");
        public static readonly JsonEncodedText ScannedAt = JsonEncodedText.Encode("scannedAt");
        public static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
        public static readonly JsonEncodedText Issues = JsonEncodedText.Encode("issues");
        public static readonly JsonEncodedText Shard = JsonEncodedText.Encode("shard");
        public static readonly JsonEncodedText SplitOf = JsonEncodedText.Encode("splitOf");
        public static readonly JsonEncodedText Complete = JsonEncodedText.Encode("complete");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Provider = JsonEncodedText.Encode("provider");
        public static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
        public static readonly JsonEncodedText Controller = JsonEncodedText.Encode("controller");
        public static readonly JsonEncodedText Target = JsonEncodedText.Encode("target");
        public static readonly JsonEncodedText ServerVersion = JsonEncodedText.Encode("serverVersion");
        public static readonly JsonEncodedText DefaultSchema = JsonEncodedText.Encode("defaultSchema");
        public static readonly JsonEncodedText Scope = JsonEncodedText.Encode("scope");
        public static readonly JsonEncodedText Include = JsonEncodedText.Encode("include");
        public static readonly JsonEncodedText Exclude = JsonEncodedText.Encode("exclude");
        public static readonly JsonEncodedText Tables = JsonEncodedText.Encode("tables");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Table = JsonEncodedText.Encode("table");
        public static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
        public static readonly JsonEncodedText QualifiedName = JsonEncodedText.Encode("qualifiedName");
        public static readonly JsonEncodedText RowEstimate = JsonEncodedText.Encode("rowEstimate");
        public static readonly JsonEncodedText SampledRows = JsonEncodedText.Encode("sampledRows");
        public static readonly JsonEncodedText SampleMethod = JsonEncodedText.Encode("sampleMethod");
        public static readonly JsonEncodedText NotSampled = JsonEncodedText.Encode("notSampled");
        public static readonly JsonEncodedText Comment = JsonEncodedText.Encode("comment");
        public static readonly JsonEncodedText PrimaryKey = JsonEncodedText.Encode("primaryKey");
        public static readonly JsonEncodedText ForeignKeys = JsonEncodedText.Encode("foreignKeys");
        public static readonly JsonEncodedText Partitions = JsonEncodedText.Encode("partitions");
        public static readonly JsonEncodedText History = JsonEncodedText.Encode("history");
        public static readonly JsonEncodedText Mechanism = JsonEncodedText.Encode("mechanism");
        public static readonly JsonEncodedText HistoryTable = JsonEncodedText.Encode("historyTable");
        public static readonly JsonEncodedText VersionsOf = JsonEncodedText.Encode("versionsOf");
        public static readonly JsonEncodedText RetentionPeriod = JsonEncodedText.Encode("retentionPeriod");
        public static readonly JsonEncodedText Activity = JsonEncodedText.Encode("activity");
        public static readonly JsonEncodedText Activities = JsonEncodedText.Encode("activities");
        public static readonly JsonEncodedText Retention = JsonEncodedText.Encode("retention");
        public static readonly JsonEncodedText SharedWith = JsonEncodedText.Encode("sharedWith");
        public static readonly JsonEncodedText AnnotationFile = JsonEncodedText.Encode("annotationFile");
        public static readonly JsonEncodedText Columns = JsonEncodedText.Encode("columns");
        public static readonly JsonEncodedText ReferencedSchema = JsonEncodedText.Encode("referencedSchema");
        public static readonly JsonEncodedText ReferencedTable = JsonEncodedText.Encode("referencedTable");
        public static readonly JsonEncodedText ReferencedColumns = JsonEncodedText.Encode("referencedColumns");
        public static readonly JsonEncodedText OnDelete = JsonEncodedText.Encode("onDelete");
        public static readonly JsonEncodedText Ordinal = JsonEncodedText.Encode("ordinal");
        public static readonly JsonEncodedText DeclaredType = JsonEncodedText.Encode("declaredType");
        public static readonly JsonEncodedText TypeFamily = JsonEncodedText.Encode("typeFamily");
        public static readonly JsonEncodedText Nullable = JsonEncodedText.Encode("nullable");
        public static readonly JsonEncodedText DataCategory = JsonEncodedText.Encode("dataCategory");
        public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
        public static readonly JsonEncodedText Origin = JsonEncodedText.Encode("origin");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Stats = JsonEncodedText.Encode("stats");
        public static readonly JsonEncodedText NonNull = JsonEncodedText.Encode("nonNull");
        public static readonly JsonEncodedText NullRatio = JsonEncodedText.Encode("nullRatio");
        public static readonly JsonEncodedText DistinctRatio = JsonEncodedText.Encode("distinctRatio");
        public static readonly JsonEncodedText MaxLength = JsonEncodedText.Encode("maxLength");
        public static readonly JsonEncodedText Classification = JsonEncodedText.Encode("classification");
        public static readonly JsonEncodedText Annotation = JsonEncodedText.Encode("annotation");
        public static readonly JsonEncodedText DatabaseLabel = JsonEncodedText.Encode("databaseLabel");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText InformationType = JsonEncodedText.Encode("informationType");
        public static readonly JsonEncodedText Rank = JsonEncodedText.Encode("rank");
        public static readonly JsonEncodedText Conflict = JsonEncodedText.Encode("conflict");
        public static readonly JsonEncodedText ReadsFrom = JsonEncodedText.Encode("readsFrom");
        public static readonly JsonEncodedText MaskedExamples = JsonEncodedText.Encode("maskedExamples");
        public static readonly JsonEncodedText Paths = JsonEncodedText.Encode("paths");
        public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText AlsoContains = JsonEncodedText.Encode("alsoContains");
        public static readonly JsonEncodedText JsonPaths = JsonEncodedText.Encode("jsonPaths");
        public static readonly JsonEncodedText Named = JsonEncodedText.Encode("named");
        public static readonly JsonEncodedText Unnamed = JsonEncodedText.Encode("unnamed");
        public static readonly JsonEncodedText Derivation = JsonEncodedText.Encode("derivation");
        public static readonly JsonEncodedText Truncated = JsonEncodedText.Encode("truncated");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Matched = JsonEncodedText.Encode("matched");
        public static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
        public static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
        public static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        public static readonly JsonEncodedText Documents = JsonEncodedText.Encode("documents");
    }
}

/// <summary>An <see cref="IBufferWriter{T}"/> over a stream: <see cref="Utf8JsonWriter"/> writes into one reusable
/// block, which goes out to the stream only when it is full (and at <see cref="Complete"/>), so a document of any size is
/// written with one block of memory and the JSON writer's flushes cost no stream call each.</summary>
internal sealed class StreamBlockWriter(Stream stream, int blockSize = 1 << 16) : IBufferWriter<byte>
{
    private byte[] _block = new byte[blockSize];
    private int _used;

    /// <summary>Counts <paramref name="count"/> more bytes of the space handed out last as written.</summary>
    public void Advance(int count)
    {
        if (count < 0 || _used + count > _block.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _used += count;
    }

    /// <summary>The free rest of the block, at least <paramref name="sizeHint"/> bytes (at least one): the block is
    /// written out first when less is free, and grown when it is smaller than the hint (a single long value).</summary>
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_block.Length - _used < needed)
        {
            Complete();
            if (needed > _block.Length) _block = new byte[Math.Max(needed, _block.Length * 2)];
        }
        return _block.AsMemory(_used);
    }

    /// <summary>The free rest of the block as a span (see <see cref="GetMemory"/>).</summary>
    public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

    /// <summary>Writes the bytes counted so far to the stream; the block is empty again.</summary>
    public void Complete()
    {
        if (_used > 0) stream.Write(_block, 0, _used);
        _used = 0;
    }
}
