using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Strata.Cases;
using Strata.Instruments;
using Strata.Law;
using Strata.Schemes;

namespace Strata.Web.Pages.Schemes;

/// <summary>One fact of a scheme as the page shows it: what, when, the value (or what was searched) and the source.</summary>
/// <param name="What">What the fact is about.</param>
/// <param name="Validity">When it is in force.</param>
/// <param name="Value">The value in words, or null when unknown.</param>
/// <param name="Unknown">What was searched without finding the fact.</param>
/// <param name="Source">The source.</param>
/// <param name="Checked">When it was last checked.</param>
public sealed record FactRow(string What, ValidityPeriod Validity, string? Value, string? Unknown, Source? Source, DateOnly? Checked);

/// <summary>A titled group of facts.</summary>
/// <param name="Id">Element id.</param>
/// <param name="Title">Heading.</param>
/// <param name="Intro">A sentence before the facts, or null.</param>
/// <param name="IntroSource">Its source, or null.</param>
/// <param name="Rows">The facts.</param>
public sealed record FactSection(string Id, string Title, string? Intro, Source? IntroSource, IReadOnlyList<FactRow> Rows);

/// <summary>A scheme with every fact Strata holds about it, each with its validity and source.</summary>
public sealed class DetailModel(KnowledgeBase kb) : PageModel
{
    public Scheme? Scheme { get; private set; }

    public string Id { get; private set; } = "";

    public IReadOnlyList<FactSection> Sections { get; private set; } = [];

    /// <summary>The instruments whose provisions reach the scheme.</summary>
    public IReadOnlyList<(Instrument Instrument, Provision Provision)> Provisions { get; private set; } = [];

    public void OnGet(string id)
    {
        Id = id;
        if (!kb.Schemes.TryGetValue(id, out var s))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Scheme = s;
        Provisions = kb.ProvisionsFor(s.Id).ToArray();
        var sections = new List<FactSection>
        {
            new("coverage", "Who is insured", null, null, [.. Rows("Insured", s.Coverage, Coverage)]),
            new("qualifying", "Conditions for the benefit", null, null,
            [
                .. Rows("Months of contributions needed", s.Qualifying.MinMonths, Number),
                .. Rows("Age needed", s.Qualifying.MinAge, Number),
                .. Rows("Age needed for women", s.Qualifying.MinAgeFemale, Number),
                .. Rows("Recent contributions needed", s.Qualifying.Recent, r => $"{r.Months} months within the last {r.Within}"),
                .. Rows("Insured on the day of the event", s.Qualifying.CoveredAtContingency, YesNo),
            ]),
            Rule("benefit", "The benefit", s.Benefit),
        };
        if (s.Otherwise is { } otherwise)
        {
            sections.Add(Rule("otherwise", "When the conditions are not met", otherwise));
        }

        sections.Add(new("paid-abroad", "Payment to a person living abroad", null, null, [.. Rows("Paid abroad under its own law", s.PaidAbroad, YesNo)]));
        if (s.Refund is { } refund)
        {
            var who = refund.Who == RefundEligibility.NonNationals ? "people who are not nationals" : "anyone who meets the conditions";
            var intro = $"A refund of contributions for {who}" + (refund.RequiresDeparture ? ", after leaving the country" : "")
                + (refund.AlsoWhenQualified ? ", even when the periods already qualify for the benefit" : "")
                + (refund.Activities.Count > 0 ? $"; it counts only {string.Join(", ", refund.Activities.Select(a => a.ToName()))} months" : "")
                + (refund.Nationalities.Count > 0 ? $"; for nationals of {string.Join(", ", refund.Nationalities)}" : "") + ".";
            var rule = Rule("refund", "Refund of contributions", refund.Benefit);
            sections.Add(rule with
            {
                Intro = intro + " " + rule.Intro,
                Rows = [.. Rows("Refunded periods stop counting", refund.ExtinguishesPeriods, YesNo), .. rule.Rows],
            });
        }

        Sections = sections;
    }

    private static FactSection Rule(string id, string title, BenefitRule rule)
    {
        var intro = $"{(rule.Kind == BenefitKind.Pension ? "A monthly pension" : "A single payment")}, computed by the formula family '{rule.Family}'."
            + (rule.Note is null ? "" : " " + rule.Note);
        return new FactSection(id, title, intro, rule.Source,
        [
            .. Rows("Months needed", rule.MinMonths, Number),
            .. Rows("Age needed", rule.MinAge, Number),
            .. rule.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => Rows(p.Key, p.Value, Parameter)),
        ]);
    }

    private static IEnumerable<FactRow> Rows<T>(string what, FactSeries<T> series, Func<T, string> show) =>
        series.Facts.Select(f => new FactRow(what, f.Validity, f.IsKnown ? show(f.Value!) : null, f.Unknown, f.Source, f.Checked));

    private static string Number(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string YesNo(bool v) => v ? "yes" : "no";

    private static string Parameter(ParameterValue v) =>
        v.Number?.ToString(CultureInfo.InvariantCulture) ?? v.Text
        ?? string.Join("; ", v.Bands!.Select(b => $"from {b.From.ToString(CultureInfo.InvariantCulture)}: {b.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static string Coverage(CoverageRule c)
    {
        var parts = new List<string>
        {
            string.Join(", ", c.Activities.Select(a => a.ToName())) + " work",
            "foreign workers " + PlainWords.ForeignWorkers(c.ForeignWorkers),
        };
        if (c.MaxAge is { } max)
        {
            parts.Add($"no new insurance from age {max}");
        }

        if (c.CoveredNationalities.Count > 0)
        {
            parts.Add("nationals of " + string.Join(", ", c.CoveredNationalities) + " covered");
        }

        if (c.ExcludedNationalities.Count > 0)
        {
            parts.Add("nationals of " + string.Join(", ", c.ExcludedNationalities) + " excluded");
        }

        if (c.ExcludedSectors.Count > 0)
        {
            parts.Add("not insured in " + string.Join(", ", c.ExcludedSectors));
        }

        return string.Join("; ", parts);
    }
}
