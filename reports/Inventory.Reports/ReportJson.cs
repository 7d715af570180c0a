using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Inventory.Model;
using Inventory.Reports.Claims;
using Inventory.Reports.Diff;

namespace Inventory.Reports;

/// <summary>System.Text.Json's source-generated metadata of what the reports write as JSON: the whole
/// <see cref="ReportModel"/> (<c>report --format json</c>) and <c>diff --format json</c>'s payload. No reflection, so a
/// Native AOT build writes them too; the settings are the inventory's (<see cref="InventoryJson.CreateOptions"/>).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(ReportModel))]
[JsonSerializable(typeof(InventoryDiffWriter.DiffJson))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>The report's JSON types with the inventory's settings (camelCase keys, kebab-case enums, nulls omitted,
/// two-space indent, LF newlines).</summary>
internal static class ReportJson
{
    /// <summary>The options: the inventory's, over <see cref="ReportJsonContext"/>, with the report's own enums.</summary>
    internal static readonly JsonSerializerOptions Options = InventoryJson.CreateOptions(ReportJsonContext.Default,
        InventoryJson.KebabCaseEnum<ClaimVerdict>(), InventoryJson.KebabCaseEnum<ChangeKind>(), InventoryJson.KebabCaseEnum<Check.FindingKind>());

    /// <summary>The report model's metadata, for <c>JsonSerializer.Serialize</c>.</summary>
    public static readonly JsonTypeInfo<ReportModel> ModelType = (JsonTypeInfo<ReportModel>)Options.GetTypeInfo(typeof(ReportModel));

    /// <summary>The diff payload's metadata, for <c>JsonSerializer.Serialize</c>.</summary>
    public static readonly JsonTypeInfo<InventoryDiffWriter.DiffJson> DiffType =
        (JsonTypeInfo<InventoryDiffWriter.DiffJson>)Options.GetTypeInfo(typeof(InventoryDiffWriter.DiffJson));
}
