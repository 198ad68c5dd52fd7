using System.Globalization;
using System.Text;
using Strata.Instruments;
using Strata.Law;
using Strata.Schemes;

namespace Strata.Cli;

/// <summary><c>strata kb show ID</c>: a scheme, instrument or region with every fact and its source.</summary>
internal static class KbShow
{
    public static string? Render(KnowledgeBase kb, string id)
    {
        if (kb.Schemes.TryGetValue(id, out var scheme))
        {
            return Scheme(scheme);
        }

        if (kb.Instruments.TryGetValue(id, out var instrument))
        {
            return Instrument(instrument);
        }

        if (kb.Regions.TryGetValue(id, out var region))
        {
            var sb = new StringBuilder($"{region.Name} ({region.Id})\n");
            foreach (var m in region.Members)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  {m.State}  {m.Validity}  — {Cite(m.Source)}\n");
            }

            return sb.ToString();
        }

        return null;
    }

    private static string Cite(Source? s) => s is null ? "(no source)" : $"{s} <{s.Url}> checked {s.Checked:yyyy-MM-dd}";

    private static void Series<T>(StringBuilder sb, string name, FactSeries<T> series, Func<T, string> show)
    {
        foreach (var f in series.Facts)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {name,-22} {f.Validity,-25} ");
            sb.Append(f.IsKnown ? $"{show(f.Value!)}  — {Cite(f.Source)}" : $"UNKNOWN: {f.Unknown} (checked {f.Checked:yyyy-MM-dd})").Append('\n');
        }
    }

    private static string Value(ParameterValue v) =>
        v.Number?.ToString(CultureInfo.InvariantCulture) ?? v.Text ?? string.Join(", ", v.Bands!.Select(b => $"{b.From}→{b.Value}"));

    private static void Rule(StringBuilder sb, string title, BenefitRule rule)
    {
        sb.Append(CultureInfo.InvariantCulture, $"{title}: {(rule.Kind == BenefitKind.Pension ? "pension" : "lump sum")}, formula family {rule.Family}  — {Cite(rule.Source)}\n");
        if (rule.Note is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  note: {rule.Note}\n");
        }

        Series(sb, "minMonths", rule.MinMonths, v => v.ToString(CultureInfo.InvariantCulture));
        Series(sb, "minAge", rule.MinAge, v => v.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, series) in rule.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Series(sb, name, series, Value);
        }
    }

    private static string Scheme(Scheme s)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{s.Name} ({s.Id})\n{s.Institution} — {s.Country}, {s.Branch.ToName()}, amounts in {s.Currency}, periods counted in {s.Counts.ToString().ToLowerInvariant()}\n");
        sb.Append("Coverage\n");
        Series(sb, "insured", s.Coverage, r => $"{string.Join("/", r.Activities.Select(a => Cases.ActivityNames.ToName(a)))}; foreign workers: {r.ForeignWorkers}{(r.MaxAge is { } m ? $"; until age {m}" : "")}");
        sb.Append("Qualifying conditions\n");
        Series(sb, "minMonths", s.Qualifying.MinMonths, v => v.ToString(CultureInfo.InvariantCulture));
        Series(sb, "minAge", s.Qualifying.MinAge, v => v.ToString(CultureInfo.InvariantCulture));
        Series(sb, "recent", s.Qualifying.Recent, v => $"{v.Months} months within {v.Within}");
        Rule(sb, "Benefit", s.Benefit);
        if (s.Otherwise is { } otherwise)
        {
            Rule(sb, "Otherwise", otherwise);
        }

        sb.Append("Payment abroad\n");
        Series(sb, "paidAbroad", s.PaidAbroad, v => v ? "yes" : "no");
        if (s.Refund is { } refund)
        {
            Rule(sb, $"Refund ({(refund.Who == RefundEligibility.NonNationals ? "non-nationals" : "everyone")}{(refund.RequiresDeparture ? ", after leaving" : "")})", refund.Benefit);
            Series(sb, "extinguishesPeriods", refund.ExtinguishesPeriods, v => v ? "yes" : "no");
        }

        return sb.ToString();
    }

    private static string Instrument(Instrument i)
    {
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{i.Title} ({i.Id})\n{i.Layer.ToName()}, {(i.Binding ? "binding" : "not binding (soft law)")}; personal scope: {i.PersonalScope}\n");
        sb.Append(CultureInfo.InvariantCulture, $"signed/adopted {i.Signed:yyyy-MM-dd}; in force {i.InForce:yyyy-MM-dd}{(i.Ended is { } e ? $"; ended {e:yyyy-MM-dd}" : "")}  — {Cite(i.Source)}\n");
        if (i.Parties.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"parties: {string.Join(", ", i.Parties)}\n");
        }

        foreach (var r in i.Ratifications)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {r.State}  registered {(r.Registered is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "UNKNOWN (" + r.UnknownDate + ")")}");
            sb.Append(r.Branches.Count > 0 ? $"; branches {string.Join(", ", r.Branches.Select(b => b.ToName()))}" : "");
            sb.Append(r.Denounced is { } dn ? $"; denounced {dn:yyyy-MM-dd}" : "").Append(CultureInfo.InvariantCulture, $"  — {Cite(r.Source)}\n");
        }

        foreach (var p in i.Provisions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {string.Join(", ", p.Branches.Select(b => b.ToName()))}: {p.Grants}; {p.Calculation}{(p.PayHigher ? ", pay the higher" : "")}{(p.MinimumMonths is { } m ? $", nothing under {m} months" : "")}{(p.Schemes.Count > 0 ? $" (schemes {string.Join(", ", p.Schemes)})" : "")}  — {Cite(p.Source)}\n");
        }

        if (i.ApplicableLegislation is { } a)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  posting: {a.PostingMonths} months{(a.ExtensionMonths is { } x ? $" + {x}" : "")}  — {Cite(a.Source)}\n");
        }

        return sb.ToString();
    }
}
