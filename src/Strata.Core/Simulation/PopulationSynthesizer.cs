using Strata.Cases;
using Strata.Law;

namespace Strata.Simulation;

/// <summary>A stay length a migrant worker may have in a destination, and the share of workers who have it.</summary>
/// <param name="Months">Length in whole months.</param>
/// <param name="Share">Share of workers (the shares of a destination sum to 1).</param>
public sealed record StayLength(int Months, double Share);

/// <summary>An assumption used to generate careers, with what it rests on.</summary>
/// <param name="Text">The assumption in plain words, with its figure.</param>
/// <param name="Source">The source, or null when the figure is a modelling choice (the text then says so).</param>
public sealed record StatedAssumption(string Text, Source? Source);

/// <summary>How migrant workers' careers look in one destination: the figures the generator draws from, each stated with its basis.</summary>
public sealed class DestinationAssumptions
{
    /// <summary>ISO code of the destination, or <c>*</c> for the default used where none is stated.</summary>
    public required string Country { get; init; }

    /// <summary>Stay lengths and their shares.</summary>
    public required IReadOnlyList<StayLength> Stays { get; init; }

    /// <summary>Share of workers whose work is authorised.</summary>
    public required double DocumentedShare { get; init; }

    /// <summary>Share of workers who go home at the end of the stay; the others stay and work on until the analysis date.</summary>
    public required double ReturnShare { get; init; }

    /// <summary>Youngest age at departure.</summary>
    public required int MinAge { get; init; }

    /// <summary>Oldest age at departure.</summary>
    public required int MaxAge { get; init; }

    /// <summary>Share of women.</summary>
    public required double FemaleShare { get; init; }

    /// <summary>Share of workers in domestic work (drawn among women), a sector several schemes exclude.</summary>
    public required double DomesticWorkShare { get; init; }

    /// <summary>The assumptions in words, with their sources.</summary>
    public required IReadOnlyList<StatedAssumption> Basis { get; init; }
}

/// <summary>Everything the generator assumes, per destination and in general.</summary>
public sealed class PopulationAssumptions
{
    /// <summary>Assumptions per destination, with a default under <c>*</c>.</summary>
    public required IReadOnlyDictionary<string, DestinationAssumptions> Destinations { get; init; }

    /// <summary>Age from which a worker is employed at home before leaving.</summary>
    public required int HomeWorkFromAge { get; init; }

    /// <summary>The stay in the destination ends in one of this many months before the analysis date, uniformly.</summary>
    public required int EndWithinMonths { get; init; }

    /// <summary>Lowest multiple of a country's illustrative wage a worker earns.</summary>
    public required double WageFactorMin { get; init; }

    /// <summary>Highest multiple of a country's illustrative wage a worker earns.</summary>
    public required double WageFactorMax { get; init; }

    /// <summary>General assumptions in words, with their sources.</summary>
    public required IReadOnlyList<StatedAssumption> Basis { get; init; }

    /// <summary>The assumptions for a destination: its own, or the default.</summary>
    /// <param name="country">ISO code.</param>
    /// <returns>The assumptions.</returns>
    public DestinationAssumptions For(string country) =>
        Destinations.TryGetValue(country, out var a) ? a : Destinations["*"];
}

/// <summary>The number of migrants from an origin living in a destination.</summary>
/// <param name="Origin">ISO code.</param>
/// <param name="Destination">ISO code.</param>
/// <param name="Migrants">Persons.</param>
public sealed record CorridorStock(string Origin, string Destination, long Migrants);

/// <summary>
/// Generates a synthetic population of careers calibrated to migrant stocks: each corridor gets members in proportion to
/// its stock (largest remainders), and their weights sum to the stock exactly. Careers are drawn from stated assumptions.
/// </summary>
/// <remarks>
/// Each member is drawn from its own generator seeded by (seed, person id), so the same seed gives the same population
/// whatever part of it is generated, in which order or on how many threads, and on any .NET version (the generator is
/// SplitMix64, not <see cref="Random"/>, whose sequence .NET does not promise to keep).
/// </remarks>
public static class PopulationSynthesizer
{
    /// <summary>How many members each corridor gets.</summary>
    /// <param name="stocks">Corridors and stocks (corridors without migrants get none).</param>
    /// <param name="size">Members in all.</param>
    /// <returns>Corridor, first person id and count, in the order of <paramref name="stocks"/>.</returns>
    /// <exception cref="ArgumentException">No corridor has migrants, or the size is not positive.</exception>
    public static IReadOnlyList<(CorridorStock Corridor, long FirstId, long Count)> Allocate(IReadOnlyList<CorridorStock> stocks, long size)
    {
        ArgumentNullException.ThrowIfNull(stocks);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var total = stocks.Sum(s => (decimal)s.Migrants);
        if (total <= 0)
        {
            throw new ArgumentException("No corridor has migrants.", nameof(stocks));
        }

        var exact = stocks.Select(s => size * (decimal)s.Migrants / total).ToArray();
        var counts = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var left = size - counts.Sum();
        // Largest remainders, ties to the earlier corridor: deterministic and exact.
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take((int)left))
        {
            counts[i]++;
        }

        var result = new List<(CorridorStock, long, long)>(stocks.Count);
        var next = 1L;
        for (var i = 0; i < stocks.Count; i++)
        {
            if (counts[i] > 0)
            {
                result.Add((stocks[i], next, counts[i]));
                next += counts[i];
            }
        }

        return result;
    }

    /// <summary>Generates the members of a population, lazily, in person-id order.</summary>
    /// <param name="stocks">Corridors and stocks.</param>
    /// <param name="assumptions">Career assumptions.</param>
    /// <param name="wage">Illustrative monthly wage and currency by country, or null where unknown.</param>
    /// <param name="analysisDate">The day careers are assessed; every career ends before its month.</param>
    /// <param name="size">Members in all.</param>
    /// <param name="seed">Seed.</param>
    /// <returns>The members.</returns>
    public static IEnumerable<PopulationMember> Generate(IReadOnlyList<CorridorStock> stocks, PopulationAssumptions assumptions,
        Func<string, (decimal Wage, string Currency)?> wage, DateOnly analysisDate, long size, ulong seed) =>
        Batches(stocks, assumptions, wage, analysisDate, size, seed).SelectMany(batch => batch());

    /// <summary>
    /// The population as batches of consecutive ids, each generated only when called — on whichever thread calls it, since
    /// every member depends only on the seed and its id. A shard (K of N) generates only the ids equal to K modulo N.
    /// </summary>
    /// <param name="stocks">Corridors and stocks.</param>
    /// <param name="assumptions">Career assumptions.</param>
    /// <param name="wage">Illustrative monthly wage and currency by country, or null where unknown.</param>
    /// <param name="analysisDate">The day careers are assessed.</param>
    /// <param name="size">Members in all.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="batchSize">Ids per batch.</param>
    /// <param name="shard">Only the ids equal to K modulo N, or null for all.</param>
    /// <returns>The batches, in id order.</returns>
    public static IEnumerable<Func<PopulationMember[]>> Batches(IReadOnlyList<CorridorStock> stocks, PopulationAssumptions assumptions,
        Func<string, (decimal Wage, string Currency)?> wage, DateOnly analysisDate, long size, ulong seed, int batchSize = 256, (long K, long N)? shard = null)
    {
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentNullException.ThrowIfNull(wage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var allocation = Allocate(stocks, size);
        return Iterate(allocation, assumptions, wage, analysisDate, seed, batchSize, shard);
    }

    private static IEnumerable<Func<PopulationMember[]>> Iterate(IReadOnlyList<(CorridorStock Corridor, long FirstId, long Count)> allocation,
        PopulationAssumptions assumptions, Func<string, (decimal Wage, string Currency)?> wage, DateOnly analysisDate, ulong seed, int batchSize,
        (long K, long N)? shard)
    {
        foreach (var (corridor, first, count) in allocation)
        {
            var weight = (double)((decimal)corridor.Migrants / count);
            var destination = assumptions.For(corridor.Destination);
            var homeWage = wage(corridor.Origin);
            var awayWage = wage(corridor.Destination);
            for (var start = first; start < first + count; start += batchSize)
            {
                var end = Math.Min(first + count, start + batchSize);
                var from = start;
                yield return () =>
                {
                    var members = new List<PopulationMember>((int)(end - from));
                    for (var id = from; id < end; id++)
                    {
                        if (shard is not { } s || id % s.N == s.K)
                        {
                            members.Add(Member(id, weight, corridor, destination, assumptions, homeWage, awayWage, analysisDate, seed));
                        }
                    }

                    return [.. members];
                };
            }
        }
    }

    /// <summary>Draws one member.</summary>
    private static PopulationMember Member(long id, double weight, CorridorStock corridor, DestinationAssumptions a, PopulationAssumptions general,
        (decimal Wage, string Currency)? homeWage, (decimal Wage, string Currency)? awayWage, DateOnly analysisDate, ulong seed)
    {
        // Each member's state is a hash of (seed, id): SplitMix64 steps by a constant, so states that differ by a multiple of
        // it (as seed ^ constant * id would) give overlapping streams; hashed states do not.
        var random = new SplitMix64(SplitMix64.Mix(unchecked(SplitMix64.Mix(seed) + (ulong)id)));
        var month = new DateOnly(analysisDate.Year, analysisDate.Month, 1);
        var stay = Stay(a.Stays, random.NextDouble());
        var documented = random.NextDouble() < a.DocumentedShare;
        var returns = random.NextDouble() < a.ReturnShare;
        var female = random.NextDouble() < a.FemaleShare;
        var domestic = female && a.FemaleShare > 0 && random.NextDouble() < Math.Min(1, a.DomesticWorkShare / a.FemaleShare);
        var ageAtDeparture = a.MinAge + random.NextInt(a.MaxAge - a.MinAge + 1);
        var factor = (decimal)Math.Round(general.WageFactorMin + (random.NextDouble() * (general.WageFactorMax - general.WageFactorMin)), 2);

        // The stay ends in one of the EndWithinMonths months before the analysis date's month; a worker who does not
        // return works on in the destination until then.
        var endMonth = month.AddMonths(-1 - random.NextInt(general.EndWithinMonths));
        var stayEnd = returns ? endMonth.AddMonths(1).AddDays(-1) : month.AddDays(-1);
        var stayStart = endMonth.AddMonths(1 - stay);
        var born = stayStart.AddYears(-ageAtDeparture).AddMonths(-random.NextInt(12)).AddDays(random.NextInt(28));
        var homeStart = new DateOnly(born.Year, born.Month, 1).AddYears(general.HomeWorkFromAge).AddMonths(1);

        var career = new List<CareerPeriod>(3);
        if (homeStart < stayStart)
        {
            career.Add(new CareerPeriod(corridor.Origin, homeStart, stayStart.AddDays(-1), Activity.Employed, null, true,
                Scaled(homeWage, factor), homeWage?.Currency ?? "XXX"));
        }

        career.Add(new CareerPeriod(corridor.Destination, stayStart, stayEnd, Activity.Employed, null, documented,
            Scaled(awayWage, factor), awayWage?.Currency ?? "XXX", sector: domestic ? "domestic-work" : null));
        if (returns && stayEnd < month.AddDays(-1))
        {
            career.Add(new CareerPeriod(corridor.Origin, stayEnd.AddDays(1), month.AddDays(-1), Activity.Employed, null, true,
                Scaled(homeWage, factor), homeWage?.Currency ?? "XXX"));
        }

        var person = new Person(born, [corridor.Origin], returns ? corridor.Origin : corridor.Destination, female ? "female" : "male");
        return new PopulationMember(id, weight, person, career);
    }

    private static decimal? Scaled((decimal Wage, string Currency)? wage, decimal factor) =>
        wage is { } w ? Math.Round(w.Wage * factor, 0) : null;

    private static int Stay(IReadOnlyList<StayLength> stays, double u)
    {
        var total = 0d;
        foreach (var s in stays)
        {
            total += s.Share;
        }

        var cumulative = 0d;
        foreach (var s in stays)
        {
            cumulative += s.Share / total;
            if (u < cumulative)
            {
                return s.Months;
            }
        }

        return stays[^1].Months;
    }
}

/// <summary>SplitMix64 (Steele, Lea and Flood 2014): a small generator with a fixed, documented sequence.</summary>
internal struct SplitMix64(ulong state)
{
    private ulong _state = state;

    /// <summary>The SplitMix64 output function: a bijective mix of 64 bits.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    public ulong Next()
    {
        // Wrapping arithmetic is the algorithm: the project checks overflow everywhere else.
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, n).</summary>
    public int NextInt(int n) => n <= 1 ? 0 : (int)(Next() % (ulong)n);
}
