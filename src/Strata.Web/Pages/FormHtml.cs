using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Strata.Knowledge.Loading;

namespace Strata.Web.Pages;

/// <summary>Option lists for the form's pickers, encoded once here rather than in every loop of a view.</summary>
public static class FormHtml
{
    /// <summary>The countries as options: those Strata has law for first, then every other ISO 3166-1 country.</summary>
    /// <param name="kb">The law.</param>
    /// <param name="selected">The selected code, or null.</param>
    /// <param name="blank">Text of the empty first option.</param>
    /// <returns>The option elements.</returns>
    public static IHtmlContent CountryOptions(KnowledgeBase kb, string? selected, string blank)
    {
        ArgumentNullException.ThrowIfNull(kb);
        var html = new StringBuilder();
        Option(html, "", blank, string.IsNullOrEmpty(selected));
        html.Append("<optgroup label=\"Countries Strata has law for\">");
        foreach (var c in kb.Countries.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Option(html, c.Id, Codes.NameOf(c.Id), c.Id == selected);
        }

        html.Append("</optgroup><optgroup label=\"Other countries\">");
        foreach (var (code, name) in Codes.Countries.Where(c => !kb.Countries.ContainsKey(c.Code)).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Option(html, code, name, code == selected);
        }

        html.Append("</optgroup>");
        if (!string.IsNullOrEmpty(selected) && !Codes.IsCountry(selected))
        {
            // Keep what came in, so the reader's message names it and the person sees what they sent.
            Option(html, selected, selected, true);
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>Options from a fixed list of values and labels.</summary>
    /// <param name="choices">Value and label pairs.</param>
    /// <param name="selected">The selected value.</param>
    /// <returns>The option elements.</returns>
    public static IHtmlContent Options(IEnumerable<(string Value, string Label)> choices, string? selected)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var html = new StringBuilder();
        var found = false;
        foreach (var (value, label) in choices)
        {
            var on = value == (selected ?? "");
            found |= on;
            Option(html, value, label, on);
        }

        if (!found && !string.IsNullOrEmpty(selected))
        {
            Option(html, selected, selected, true);
        }

        return new HtmlString(html.ToString());
    }

    /// <summary>The kinds of work a period may record.</summary>
    public static IReadOnlyList<(string Value, string Label)> Activities { get; } =
    [
        ("employed", "Employed by an employer there"),
        ("self-employed", "Self-employed (own account)"),
        ("voluntary", "Voluntary contributions"),
        ("posted", "Posted: sent there by an employer at home"),
    ];

    /// <summary>The sectors a period may state, blank first.</summary>
    public static IReadOnlyList<(string Value, string Label)> Sectors { get; } =
        [("", "Not stated"), .. Strata.Cases.CareerPeriod.Sectors.Select(s => (s, char.ToUpperInvariant(s[0]) + s[1..].Replace('-', ' ')))];

    /// <summary>Sex, optional.</summary>
    public static IReadOnlyList<(string Value, string Label)> Sexes { get; } = [("", "Not stated"), ("female", "Female"), ("male", "Male")];

    private static void Option(StringBuilder html, string value, string label, bool selected)
    {
        html.Append("<option value=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"');
        if (selected)
        {
            html.Append(" selected");
        }

        html.Append('>').Append(HtmlEncoder.Default.Encode(label)).Append("</option>");
    }
}
