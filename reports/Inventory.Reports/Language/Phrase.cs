using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Inventory.Reports.Language;

/// <summary>A sentence the analysis composes (a claim's summary, a finding's reason, what a claim left out), kept as its
/// kind and typed arguments until a report writes it: the kind is a method of <see cref="AnalysisWording"/> and the
/// arguments are the counts, table names, categories and source names it is called with, so the HTML and Markdown
/// record writes it in the report's language (<see cref="In"/>) and the machine formats write its English (<see
/// cref="English"/>, the text they always wrote). Holds names, categories and counts; never a sampled value.</summary>
public sealed partial class Phrase
{
    private readonly Func<AnalysisWording, string> _render;
    private string? _english;

    /// <summary>A phrase of one kind.</summary>
    /// <param name="render">Calls the kind's method of the wording it is given with the phrase's arguments
    /// (<c>w =&gt; w.NoCardNumberHolds(examined, basis)</c>).</param>
    /// <param name="expression">Filled by the compiler: the text of <paramref name="render"/>, from which
    /// <see cref="Kind"/> is read.</param>
    public Phrase(Func<AnalysisWording, string> render, [CallerArgumentExpression(nameof(render))] string expression = "")
    {
        _render = render;
        Kind = KindPattern().Match(expression) is { Success: true } m ? m.Groups[1].Value : "text";
    }

    /// <summary>The kind: the name of the <see cref="AnalysisWording"/> method that writes it (<c>NoCardNumberHolds</c>),
    /// or <c>text</c> for <see cref="Verbatim"/>.</summary>
    public string Kind { get; }

    /// <summary>The phrase in a language.</summary>
    /// <param name="wording">The language's wording (<see cref="AnalysisWording.For"/>).</param>
    public string In(AnalysisWording wording) => ReferenceEquals(wording, AnalysisWording.English) ? English : _render(wording);

    /// <summary>The phrase in English: what the JSON, CSV, SARIF and console outputs write.</summary>
    public string English => _english ??= _render(AnalysisWording.English);

    /// <summary>The English text.</summary>
    public override string ToString() => English;

    /// <summary>A text that reads the same in every language: a name, a category, or a policy's own text.</summary>
    /// <param name="text">The text.</param>
    public static Phrase Verbatim(string text) => new(_ => text, "text");

    [GeneratedRegex(@"^\s*\w+\s*=>\s*\w+\.(\w+)")]
    private static partial Regex KindPattern();
}
