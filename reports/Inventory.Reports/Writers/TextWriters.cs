using System.Net;
using System.Text;
using System.Text.Json;
using Scriban;
using Inventory.Model;
using Scriban.Runtime;
using Inventory.Reports.Language;

namespace Inventory.Reports.Writers;

/// <summary>Renders an embedded Scriban template over the model. Limits are lifted (Scriban truncates output past
/// 1 MiB and stops loops after 1000 iterations by default, which a large inventory exceeds).</summary>
internal static class TemplateRenderer
{
    /// <summary>Writes a processing role as the documents do (<c>processor</c>) where a template prints it bare.</summary>
    private sealed class DocumentTextContext : TemplateContext
    {
        public override string ObjectToString(object? value, bool nested = false) =>
            value is ProcessingRole role ? role.ToText() : base.ObjectToString(value, nested) ?? "";
    }

    /// <summary>A function the templates call (<c>x | h</c>, <c>plural n "row" "rows"</c>) with a fixed number of
    /// arguments, called directly: Scriban's <c>Import(name, Delegate)</c> built the call by reflection over the
    /// delegate's method, which a trimmed (Native AOT) build does not keep.</summary>
    /// <param name="arity">Arguments the function takes; another count is a template error (Scriban's message with the
    /// template's line and column).</param>
    /// <param name="body">Computes the text from the context, the call's location and the arguments.</param>
    private sealed class TemplateFunction(int arity, Func<TemplateContext, Scriban.Parsing.SourceSpan, ScriptArray, string> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => arity;
        public int ParameterCount => arity;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(string);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), $"arg{index}");

        public object? Invoke(TemplateContext context, Scriban.Syntax.ScriptNode? callerContext, ScriptArray arguments, Scriban.Syntax.ScriptBlockStatement? blockStatement)
        {
            var span = callerContext?.Span ?? default;
            if (arguments.Count != arity)
                throw new Scriban.Syntax.ScriptRuntimeException(span, $"expected {arity} argument(s), got {arguments.Count}");
            return body(context, span, arguments);
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, Scriban.Syntax.ScriptNode? callerContext, ScriptArray arguments, Scriban.Syntax.ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }

    private static readonly Dictionary<string, Template> Cache = new(StringComparer.Ordinal);

    public static string Render(string name, ReportModel model, ReportText? text = null)
    {
        text ??= ReportText.English;
        var template = Load(name);
        var globals = new ScriptObject();
        globals["model"] = model;
        // A verdict is one of three words of the catalogue (trusted text, written as it is in both templates).
        // The fixed words of the chosen language (t.claims, t.summary …) and the functions that write a verdict, a date, a
        // percentage or a count in it; label ids, locations and the policy's own text are never translated.
        globals["t"] = text;
        globals["title"] = new TemplateFunction(1, (_, _, a) => text.TitleText(Text(a[0])));
        globals["verdict"] = new TemplateFunction(1, (_, _, a) => text.VerdictText(Text(a[0])));
        // The sentences the analysis composes (a claim's summary, a finding's reason) in the language: a phrase is written
        // by the language's AnalysisWording, a line of findings by LocationGroup.ReasonIn; any other value as it is.
        var wording = AnalysisWording.For(text.Language);
        globals["said"] = new TemplateFunction(1, (_, _, a) => a[0] switch
        {
            ClaimRow claim => claim.SummaryPhrase?.In(wording) ?? claim.Summary,
            LocationGroup line => line.ReasonIn(wording) ?? "",
            FindingRow finding => finding.ReasonPhrase?.In(wording) ?? finding.Reason,
            CategoryRecord category => category.RetentionPhrase?.In(wording) ?? category.Retention ?? "",
            Phrase phrase => phrase.In(wording),
            _ => Text(a[0]),
        });
        // A phrase in the language, or the second argument as it is when the first is not a phrase (null).
        globals["said_or"] = new TemplateFunction(2, (_, _, a) => a[0] is Phrase phrase ? phrase.In(wording) : Text(a[1]));
        // A fleet line's places and the places not on it, in the language (LocationGroup.WhereIn, NotHereIn).
        globals["fleet_where"] = new TemplateFunction(1, (_, _, a) => a[0] is LocationGroup line ? line.WhereIn(wording) ?? "" : "");
        globals["fleet_not_here"] = new TemplateFunction(1, (_, _, a) => a[0] is LocationGroup line ? line.NotHereIn(wording) : "");
        // A column's status (GateStatus) and a change's kind in the language.
        globals["status"] = new TemplateFunction(1, (_, _, a) => wording.ColumnStatus(Text(a[0])));
        globals["change_kind"] = new TemplateFunction(1, (_, _, a) => a[0] is ChangeRow { KindValue: { } kind } ? wording.ChangeKindName(kind) : a[0] is ChangeRow row ? row.Kind : Text(a[0]));
        globals["record_date"] = new TemplateFunction(1, (_, _, a) => text.FormatDate(a[0] is null ? null : Text(a[0])));
        globals["scan_time"] = new TemplateFunction(1, (_, _, a) => text.FormatTimestamp(a[0] is null ? null : Text(a[0])));
        globals["pct"] = new TemplateFunction(1, (_, _, a) => text.FormatPercent(a[0] is null ? null : Text(a[0])));
        globals["num"] = new TemplateFunction(1, (c, span, a) => text.FormatNumber(c.ToObject<long>(span, a[0])));
        globals["fill"] = new TemplateFunction(2, (_, _, a) => Text(a[0]).Replace("{0}", Text(a[1]), StringComparison.Ordinal));
        globals["oneline"] = new TemplateFunction(1, (_, _, a) => Text(a[0]).Replace("\n", " ", StringComparison.Ordinal));
        globals["h"] = new TemplateFunction(1, (_, _, a) => Html(a[0]));
        globals["md"] = new TemplateFunction(1, (_, _, a) => Markdown(a[0]));
        globals["code"] = new TemplateFunction(1, (_, _, a) => Code(a[0]));
        globals["cat"] = new TemplateFunction(1, (_, _, a) => Category(a[0]));
        globals["name"] = new TemplateFunction(1, (_, _, a) => Name(a[0]));
        // Where a field of the record comes from (trial46 finding L4): `declared in policy.yml:55`, and for a data
        // category also the annotation files and the scan; "" for a field the policy does not write.
        globals["declared_md"] = new TemplateFunction(1, (_, _, a) => a[0] is null ? "" : $"{text.DeclaredIn} {Code(a[0])}");
        globals["declared_html"] = new TemplateFunction(1, (_, _, a) => a[0] is null ? "" : $"{text.DeclaredIn} {Html(a[0])}");
        globals["category_source_md"] = new TemplateFunction(1, (_, _, a) => string.Join("; ", CategorySource(text, a[0] as CategoryRecord, Code)));
        globals["category_source_html"] = new TemplateFunction(1, (_, _, a) => string.Join("; ", CategorySource(text, a[0] as CategoryRecord, v => Html(v))));
        globals["plural"] = new TemplateFunction(3, (c, span, a) => text.Noun(c.ToObject<long>(span, a[0]), c.ToObject<string>(span, a[1]) ?? "", c.ToObject<string>(span, a[2]) ?? ""));
        // A list field the policy leaves empty is written `none declared` (RecordWording), never a blank cell (trial37
        // finding 1b): one decision for every list of the record, in both templates.
        globals["none_declared"] = text.NoneDeclared;
        globals["controller_not_declared"] = text.ControllerNotDeclared;
        globals["join_md"] = new TemplateFunction(1, (c, span, a) => Items(c, span, a[0]) is { Count: > 0 } items ? string.Join("<br>", items.Select(Markdown)) : text.NoneDeclared);
        globals["list_html"] = new TemplateFunction(1, (c, span, a) => Items(c, span, a[0]) is { Count: > 0 } items
            ? "<ul>" + string.Concat(items.Select(i => $"<li>{Html(i)}</li>")) + "</ul>" : NoneDeclaredHtml(text));
        globals["join_html"] = new TemplateFunction(1, (c, span, a) => Items(c, span, a[0]) is { Count: > 0 } items ? string.Join(", ", items.Select(Html)) : NoneDeclaredHtml(text));
        var context = new DocumentTextContext
        {
            MemberRenamer = StandardMemberRenamer.Default,
            LoopLimit = 0,
            LimitToString = 0,
            OutputLimit = 0,
            StrictVariables = true,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        var output = template.Render(context);
        return output.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary><see cref="RecordWording.NoneDeclared"/> as the HTML record shows it.</summary>
    private static string NoneDeclaredHtml(ReportText text) => "<span class=\"muted\">" + Html(text.NoneDeclared) + "</span>";

    /// <summary>A template argument's strings (none for null).</summary>
    private static List<string> Items(TemplateContext context, Scriban.Parsing.SourceSpan span, object? value) =>
        value is null ? [] : context.ToObject<IEnumerable<string>>(span, value)!.ToList();

    private static Template Load(string name)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(name, out var cached)) return cached;
            var resource = $"Inventory.Reports.Templates.{name}";
            using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded template {resource} is missing");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var template = Template.Parse(reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal), name);
            if (template.HasErrors)
                throw new InvalidOperationException($"template {name} does not parse: {string.Join("; ", template.Messages)}");
            Cache[name] = template;
            return template;
        }
    }

    /// <summary>A data category for HTML: escaped, with a <c>&lt;wbr&gt;</c> after each dot so a narrow cell wraps
    /// between the category and its subcategory, never inside a word (<c>contact.&lt;wbr&gt;company_name</c>).</summary>
    internal static string Category(object? value) => Html(value).Replace(".", ".<wbr>", StringComparison.Ordinal);

    /// <summary>A name for HTML (column location <c>source/table.column</c>, table, claim or activity id): escaped, with a
    /// <c>&lt;wbr&gt;</c> after each <c>/</c>, <c>.</c> and <c>_</c> (and after the <c>-</c> of kebab-case ids, where a
    /// browser would break anyway), so a narrow cell wraps only between name parts, never inside a word
    /// (<c>login_&lt;wbr&gt;events.&lt;wbr&gt;accept_&lt;wbr&gt;language</c>); the CSS forbids any other break.</summary>
    internal static string Name(object? value) => Html(value)
        .Replace("/", "/<wbr>", StringComparison.Ordinal).Replace(".", ".<wbr>", StringComparison.Ordinal)
        .Replace("_", "_<wbr>", StringComparison.Ordinal).Replace("-", "-<wbr>", StringComparison.Ordinal);

    /// <summary>Where a data category of an activity's record comes from, in the report's words: <c>declared in
    /// policy.yml:57</c> when the policy declares it for the activity, <c>annotated in FILE, FILE</c> for the annotation
    /// files that tag its columns, <c>found in the databases</c> when some column was found by the scan (a suggestion, a
    /// database label, a category inside content) rather than annotated. Empty for a category without either.</summary>
    /// <param name="text">The report's words.</param>
    /// <param name="category">The category's record (null: nothing).</param>
    /// <param name="code">How a file or location is written (a Markdown code span; escaped HTML text, never a
    /// <c>&lt;code&gt;</c>, whose names the report's CSS keeps from breaking except between name parts).</param>
    /// <remarks>The string table's words are trusted text, written as the templates write <c>t.*</c> keys.</remarks>
    internal static IEnumerable<string> CategorySource(ReportText text, CategoryRecord? category, Func<string, string> code)
    {
        if (category is null) yield break;
        if (category.DeclaredAt is { } at) yield return $"{text.DeclaredIn} {code(at)}";
        if (category.RetentionDeclaredAt is { } retention) yield return $"{text.RetentionDeclaredIn} {code(retention)}";
        if (category.AnnotatedIn.Count > 0) yield return $"{text.AnnotatedIn} {string.Join(", ", category.AnnotatedIn.Select(code))}";
        if (category.FoundInDatabases) yield return text.FoundInTheDatabases;
    }

    /// <summary>HTML text and attribute escaping (&amp;, &lt;, &gt;, quotes).</summary>
    internal static string Html(object? value) => WebUtility.HtmlEncode(Text(value));

    /// <summary>A value as the documents write it: a <see cref="Model.ProcessingRole"/> in kebab-case, anything else by
    /// <c>ToString()</c>.</summary>
    internal static string Text(object? value) => value is ProcessingRole role ? role.ToText() : value?.ToString() ?? "";

    /// <summary>Markdown inline text: escapes characters with Markdown or HTML meaning and table pipes; newlines become spaces.</summary>
    internal static string Markdown(object? value)
    {
        var text = Text(value);
        var sb = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~':
                    sb.Append('\\').Append(ch);
                    break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r' or '\n' or '\t': sb.Append(' '); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A Markdown code span: a fence longer than any backtick run inside; pipes escaped for tables.</summary>
    internal static string Code(object? value)
    {
        var text = (value?.ToString() ?? "").Replace('\n', ' ').Replace('\r', ' ').Replace("|", "\\|", StringComparison.Ordinal);
        int longest = 0, run = 0;
        foreach (var ch in text) { run = ch == '`' ? run + 1 : 0; longest = Math.Max(longest, run); }
        var fence = new string('`', longest + 1);
        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{fence}{pad}{text}{pad}{fence}";
    }
}

/// <summary>The single-file HTML report: inline CSS (with print rules), an inline SVG category chart, a
/// Content-Security-Policy that forbids any network request. Template: <c>Templates/report.html.sbn</c>.</summary>
/// <param name="text">The fixed words of the report's language; null for English (the default of HTML).</param>
public sealed class HtmlReportWriter(ReportText? text = null) : IReportWriter
{
    private readonly ReportText _text = text ?? ReportText.English;

    /// <inheritdoc />
    public string Format => "html";

    /// <inheritdoc />
    public Task WriteAsync(ReportModel model, Stream output, CancellationToken cancellationToken = default) =>
        TextOutput.WriteAsync(output, TemplateRenderer.Render("report.html.sbn", model, _text), cancellationToken);
}

/// <summary>The Markdown report (GitHub-flavoured tables). Template: <c>Templates/report.md.sbn</c>.</summary>
/// <param name="text">The fixed words of the report's language; null for English (the default of Markdown).</param>
public sealed class MarkdownReportWriter(ReportText? text = null) : IReportWriter
{
    private readonly ReportText _text = text ?? ReportText.English;

    /// <inheritdoc />
    public string Format => "md";

    /// <inheritdoc />
    public Task WriteAsync(ReportModel model, Stream output, CancellationToken cancellationToken = default) =>
        TextOutput.WriteAsync(output, TemplateRenderer.Render("report.md.sbn", model, _text), cancellationToken);
}

/// <summary>The column-level CSV (RFC 4180, UTF-8 without BOM, LF line ends): source, table, column, category, status,
/// activity, retention (effective: the annotation's when it states one), policy_retention (the policy's for the column's
/// activity and category), retention_differs (<c>yes</c> when the annotation states another retention than the policy,
/// else empty), also_contains, then what the scanner decided and why (trial41 finding 3): type (declared), origin
/// (annotation, database-label, rules, model, lineage), confidence (two decimals, cut), annotated_at (<c>FILE:LINE</c>)
/// and scan_suggestion (the scan's own suggestion with its evidence, never a value). Cells that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or CR) are prefixed with an apostrophe.</summary>
public sealed class CsvReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "csv";

    /// <inheritdoc />
    public Task WriteAsync(ReportModel model, Stream output, CancellationToken cancellationToken = default)
    {
        var sb = new StringBuilder();
        sb.Append("source,table,column,category,status,activity,retention,policy_retention,retention_differs,also_contains,type,origin,confidence,annotated_at,scan_suggestion\n");
        foreach (var c in model.Columns)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sb.Append(Cell(c.Source)).Append(',').Append(Cell(c.Table)).Append(',').Append(Cell(c.Column)).Append(',')
              .Append(Cell(c.Category)).Append(',').Append(Cell(c.Status)).Append(',').Append(Cell(c.Activity)).Append(',')
              .Append(Cell(c.Retention)).Append(',').Append(Cell(c.PolicyRetention)).Append(',').Append(c.RetentionDiffers ? "yes" : "").Append(',').Append(Cell(c.AlsoContains ?? ""))
              .Append(',').Append(Cell(c.Type)).Append(',').Append(Cell(c.Origin)).Append(',').Append(Cell(c.Confidence))
              .Append(',').Append(Cell(c.AnnotatedAt)).Append(',').Append(Cell(c.ScanSuggestion)).Append('\n');
        }
        return TextOutput.WriteAsync(output, sb.ToString(), cancellationToken);
    }

    internal static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

/// <summary>The whole <see cref="ReportModel"/> as JSON (camelCase keys, kebab-case enums, nulls omitted, two-space
/// indent, LF newlines), for engineers to diff and for other tools.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Format => "json";

    /// <inheritdoc />
    public Task WriteAsync(ReportModel model, Stream output, CancellationToken cancellationToken = default) =>
        TextOutput.WriteAsync(output, JsonSerializer.Serialize(model, ReportJson.ModelType) + "\n", cancellationToken);
}

internal static class TextOutput
{
    public static async Task WriteAsync(Stream output, string text, CancellationToken cancellationToken)
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        await output.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }
}
