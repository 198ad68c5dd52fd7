using Strata.Cases;

namespace Strata.Corridors;

/// <summary>Where a spell of a profile career is spent.</summary>
public enum Place
{
    /// <summary>The country of origin.</summary>
    Origin,
    /// <summary>The country of destination.</summary>
    Destination,
}

/// <summary>One spell of a profile career, in months.</summary>
/// <param name="Place">Origin or destination.</param>
/// <param name="Months">Length in months.</param>
/// <param name="Activity">Activity during the spell.</param>
/// <param name="Documented">Whether the work is authorised.</param>
public sealed record ProfileSpell(Place Place, int Months, Activity Activity = Activity.Employed, bool Documented = true);

/// <summary>A worker archetype stated as a career, turned into a real case for any corridor.</summary>
/// <remarks>
/// The spells run back to back, in whole calendar months, and end with the month before the analysis date's, when the person is
/// <see cref="AgeAtEnd"/> years old and then lives in <see cref="ResidenceAtEnd"/>. Two cases are built from a profile:
/// one where the contingency (an injury, invalidity, a death) happens on the last day of work in the destination, and
/// one where the person claims an old-age benefit at 65 — both judged under the law of the analysis date. Corridor
/// answers come from evaluating these cases through the same rules as any case.
/// </remarks>
public sealed class CareerProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="id">Id, e.g. <c>documented-5y-return</c>.</param>
    /// <param name="description">Plain description.</param>
    /// <param name="spells">Spells in career order.</param>
    /// <param name="ageAtEnd">Age on the analysis date.</param>
    /// <param name="residenceAtEnd">Where the person lives at the end.</param>
    /// <exception cref="ArgumentException">No spell, or a spell of no months.</exception>
    public CareerProfile(string id, string description, IEnumerable<ProfileSpell> spells, int ageAtEnd, Place residenceAtEnd)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(spells);
        Spells = spells.ToArray();
        if (Spells.Count == 0 || Spells.Any(s => s.Months <= 0))
        {
            throw new ArgumentException("A profile has at least one spell, each of at least one month.", nameof(spells));
        }

        Id = id;
        Description = description;
        AgeAtEnd = ageAtEnd;
        ResidenceAtEnd = residenceAtEnd;
    }

    /// <summary>Id.</summary>
    public string Id { get; }

    /// <summary>Plain description.</summary>
    public string Description { get; }

    /// <summary>Spells in career order.</summary>
    public IReadOnlyList<ProfileSpell> Spells { get; }

    /// <summary>Age on the analysis date.</summary>
    public int AgeAtEnd { get; }

    /// <summary>Where the person lives at the end.</summary>
    public Place ResidenceAtEnd { get; }

    /// <summary>Whether any spell in the destination is undocumented.</summary>
    public bool Undocumented => Spells.Any(s => s.Place == Place.Destination && !s.Documented);

    /// <summary>The built-in archetypes.</summary>
    public static IReadOnlyList<CareerProfile> BuiltIn { get; } =
    [
        new("documented-5y-return", "Documented worker: 10 years at home, 5 years employed in the destination, then back home",
            [new(Place.Origin, 120), new(Place.Destination, 60)], 40, Place.Origin),
        new("undocumented-5y-return", "Undocumented worker: 10 years at home, 5 years working without authorisation in the destination, then back home",
            [new(Place.Origin, 120), new(Place.Destination, 60, Documented: false)], 40, Place.Origin),
        new("long-stay-15y-return", "Long stay: 5 years at home, 15 years employed in the destination, then back home",
            [new(Place.Origin, 60), new(Place.Destination, 180)], 45, Place.Origin),
        new("posted-3y", "Posted worker: 10 years at home, then sent by the home employer to the destination for 3 years, then back home",
            [new(Place.Origin, 120), new(Place.Destination, 36, Activity.Posted)], 40, Place.Origin),
        new("settled-20y", "Settled worker: 5 years at home, then 20 years employed in the destination, staying there",
            [new(Place.Origin, 60), new(Place.Destination, 240)], 50, Place.Destination),
    ];

    /// <summary>Builds the case for a corridor.</summary>
    /// <param name="origin">Origin ISO code (the person's nationality).</param>
    /// <param name="destination">Destination ISO code.</param>
    /// <param name="analysisDate">The day the career ends and rights are assessed.</param>
    /// <param name="wage">Monthly wage and currency in a country, or null when not known.</param>
    /// <param name="nationality">Nationality, default the origin (a destination national serves as the equal-treatment benchmark).</param>
    /// <param name="oldAge">True for the old-age claim at 65; false for a contingency on the last day of work in the destination.</param>
    /// <returns>The case.</returns>
    public Case ToCase(string origin, string destination, DateOnly analysisDate, Func<string, (decimal Wage, string Currency)?> wage, string? nationality = null,
        bool oldAge = false)
    {
        ArgumentNullException.ThrowIfNull(wage);
        // Whole calendar months: the career ends on the last day of the month before the analysis date's month, so that
        // a 60-month spell is 60 insured months under the calendar-month rule.
        var total = Spells.Sum(s => s.Months);
        var firstOfMonth = new DateOnly(analysisDate.Year, analysisDate.Month, 1);
        var start = firstOfMonth.AddMonths(-total);
        var career = new List<CareerPeriod>(Spells.Count);
        foreach (var spell in Spells)
        {
            var country = spell.Place == Place.Origin ? origin : destination;
            var end = start.AddMonths(spell.Months).AddDays(-1);
            var w = wage(country);
            career.Add(new CareerPeriod(country, start, end, spell.Activity, spell.Activity == Activity.Posted ? origin : null, spell.Documented,
                w?.Wage, w?.Currency ?? "XXX"));
            start = end.AddDays(1);
        }

        var born = analysisDate.AddYears(-AgeAtEnd);
        var person = new Person(born, [nationality ?? origin], ResidenceAtEnd == Place.Origin ? origin : destination);
        if (oldAge)
        {
            return new Case(person, career, new Claim(born.AddYears(65), [Law.Branch.OldAge]));
        }

        var lastDay = career.Where(p => p.Country == destination).Select(p => p.To).DefaultIfEmpty(analysisDate.AddDays(-1)).Max();
        var risks = Law.BranchNames.All.Where(b => b != Law.Branch.OldAge);
        return new Case(person, career, new Claim(analysisDate, risks, lastDay));
    }
}
