using Strata.Cases;

namespace Strata.Simulation;

/// <summary>One person of a population of careers: a career, and how many migrants the person stands for.</summary>
/// <remarks>
/// A population is a sample: each member carries a <see cref="Weight"/>, the number of migrants it represents, so that
/// totals are estimates for the migrant stock the sample was drawn to match (e.g. UN DESA 2019 bilateral stocks).
/// </remarks>
public sealed class PopulationMember
{
    /// <summary>Creates a member.</summary>
    /// <param name="id">Person id, unique in the population.</param>
    /// <param name="weight">Migrants represented (positive).</param>
    /// <param name="person">The person.</param>
    /// <param name="career">Periods, in any order (at least one).</param>
    /// <exception cref="ArgumentException">The weight is not positive and finite, or the career is empty.</exception>
    public PopulationMember(long id, double weight, Person person, IReadOnlyList<CareerPeriod> career)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(career);
        if (!(weight > 0) || double.IsInfinity(weight))
        {
            throw new ArgumentException("A weight is a positive number.", nameof(weight));
        }

        if (career.Count == 0)
        {
            throw new ArgumentException("A member has at least one period.", nameof(career));
        }

        Id = id;
        Weight = weight;
        Person = person;
        Career = career;
        Origin = person.Nationalities[0];
        Destination = MainDestination(career, Origin);
    }

    /// <summary>Person id.</summary>
    public long Id { get; }

    /// <summary>Migrants represented.</summary>
    public double Weight { get; }

    /// <summary>The person.</summary>
    public Person Person { get; }

    /// <summary>The career.</summary>
    public IReadOnlyList<CareerPeriod> Career { get; }

    /// <summary>The origin of the corridor: the first nationality.</summary>
    public string Origin { get; }

    /// <summary>The destination of the corridor: the country outside the origin with the most days of work (the origin when there is none).</summary>
    public string Destination { get; }

    /// <summary>The last day of work in the destination: the day of the contingency for invalidity, survivors and injury.</summary>
    public DateOnly LastDayInDestination
    {
        get
        {
            var last = DateOnly.MinValue;
            foreach (var p in Career)
            {
                if (p.Country == Destination && p.To > last)
                {
                    last = p.To;
                }
            }

            return last;
        }
    }

    private static string MainDestination(IReadOnlyList<CareerPeriod> career, string origin)
    {
        string? best = null;
        var bestDays = -1;
        // Sum per country without a dictionary: careers have a handful of periods.
        for (var i = 0; i < career.Count; i++)
        {
            var country = career[i].Country;
            if (country == origin)
            {
                continue;
            }

            var seen = false;
            for (var k = 0; k < i; k++)
            {
                seen |= career[k].Country == country;
            }

            if (seen)
            {
                continue;
            }

            var days = 0;
            for (var j = i; j < career.Count; j++)
            {
                if (career[j].Country == country)
                {
                    days += career[j].To.DayNumber - career[j].From.DayNumber + 1;
                }
            }

            if (days > bestDays || (days == bestDays && string.CompareOrdinal(country, best) < 0))
            {
                (best, bestDays) = (country, days);
            }
        }

        return best ?? origin;
    }
}
