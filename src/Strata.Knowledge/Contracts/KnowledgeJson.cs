using System.Globalization;
using Strata.Instruments;
using Strata.Law;
using Strata.Schemes;

namespace Strata.Knowledge.Contracts;

/// <summary>JSON views of the knowledge base (schemes, instruments, countries), every fact with its source.</summary>
public static class KnowledgeJson
{
    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One fact.</summary>
    /// <typeparam name="T">Value type.</typeparam>
    /// <param name="f">The fact.</param>
    /// <param name="value">Maps the value.</param>
    /// <returns>A serializable object.</returns>
    public static object Fact<T>(Fact<T> f, Func<T, object?> value)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(value);
        return new
        {
            value = f.IsKnown ? value(f.Value!) : null,
            unknown = f.Unknown,
            from = D(f.Validity.From),
            to = D(f.Validity.To),
            source = SourceJson.From(f.Source),
            @checked = D(f.Checked),
        };
    }

    private static object[] Series<T>(FactSeries<T> s, Func<T, object?> value) => s.Facts.Select(f => Fact(f, value)).ToArray();

    private static object? Parameter(ParameterValue v) => (object?)v.Number ?? (object?)v.Text ?? v.Bands?.Select(b => new { from = b.From, value = b.Value }).ToArray();

    private static object Rule(BenefitRule r) => new
    {
        kind = r.Kind == BenefitKind.Pension ? "pension" : "lump-sum",
        family = r.Family,
        note = r.Note,
        source = SourceJson.From(r.Source),
        minMonths = Series(r.MinMonths, v => v),
        minAge = Series(r.MinAge, v => v),
        parameters = r.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Series(p.Value, Parameter)),
    };

    /// <summary>A scheme with every fact.</summary>
    /// <param name="s">Scheme.</param>
    /// <returns>A serializable object.</returns>
    public static object Scheme(Scheme s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new
        {
            id = s.Id,
            country = s.Country,
            branch = s.Branch.ToName(),
            name = s.Name,
            institution = s.Institution,
            currency = s.Currency,
            coverage = Series(s.Coverage, c => new
            {
                activities = c.Activities.Select(a => Strata.Cases.ActivityNames.ToName(a)).ToArray(),
                foreignWorkers = c.ForeignWorkers.ToString(),
                maxAge = c.MaxAge,
                coveredNationalities = c.CoveredNationalities,
                excludedNationalities = c.ExcludedNationalities,
                excludedSectors = c.ExcludedSectors,
            }),
            qualifying = new
            {
                minMonths = Series(s.Qualifying.MinMonths, v => v),
                minAge = Series(s.Qualifying.MinAge, v => v),
                minAgeFemale = Series(s.Qualifying.MinAgeFemale, v => v),
                recent = Series(s.Qualifying.Recent, v => new { months = v.Months, within = v.Within }),
            },
            benefit = Rule(s.Benefit),
            otherwise = s.Otherwise is null ? null : Rule(s.Otherwise),
            paidAbroad = Series(s.PaidAbroad, v => v),
            refund = s.Refund is null ? null : new
            {
                who = s.Refund.Who == RefundEligibility.NonNationals ? "non-nationals" : "everyone",
                requiresDeparture = s.Refund.RequiresDeparture,
                extinguishesPeriods = Series(s.Refund.ExtinguishesPeriods, v => v),
                rule = Rule(s.Refund.Benefit),
            },
        };
    }

    /// <summary>An instrument, in summary or in full.</summary>
    /// <param name="i">Instrument.</param>
    /// <param name="full">Whether to include ratifications and provisions.</param>
    /// <returns>A serializable object.</returns>
    public static object Instrument(Instrument i, bool full)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new
        {
            id = i.Id,
            title = i.Title,
            layer = i.Layer.ToName(),
            binding = i.Binding,
            parties = i.Parties,
            region = i.Region,
            signed = D(i.Signed),
            inForce = D(i.InForce),
            ended = D(i.Ended),
            source = SourceJson.From(i.Source),
            ratifications = full ? i.Ratifications.Select(r => new
            {
                state = r.State,
                registered = D(r.Registered),
                registeredUnknown = r.UnknownDate,
                inForce = D(r.InForce),
                denounced = D(r.Denounced),
                branches = r.Branches.Select(b => b.ToName()).ToArray(),
                source = SourceJson.From(r.Source),
            }).ToArray() : null,
            provisions = full ? i.Provisions.Select(p => new
            {
                branches = p.Branches.Select(b => b.ToName()).ToArray(),
                grants = Enum.GetValues<Principle>().Where(g => g != Principle.None && (p.Grants & g) != 0).Select(g => g.ToString().ToLowerInvariant()).ToArray(),
                calculation = p.Calculation switch { Calculation.Direct => "direct", Calculation.ProRataOnMinimum => "pro-rata-minimum", _ => "pro-rata" },
                payHigher = p.PayHigher,
                minimumMonths = p.MinimumMonths,
                schemes = p.Schemes,
                source = SourceJson.From(p.Source),
            }).ToArray() : null,
            postingMonths = i.ApplicableLegislation?.PostingMonths,
        };
    }
}
