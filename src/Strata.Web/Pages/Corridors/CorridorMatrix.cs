using Microsoft.Extensions.Caching.Memory;
using Strata.Corridors;
using Strata.Law;

namespace Strata.Web.Pages.Corridors;

/// <summary>The regimes of every corridor the heatmap shows, for one day and one worker profile.</summary>
/// <param name="Date">The day whose law applies.</param>
/// <param name="Profile">The worker profile.</param>
/// <param name="Origins">ASEAN members on that day.</param>
/// <param name="Destinations">ASEAN members, then the main destinations outside ASEAN.</param>
/// <param name="Regimes">Regime by origin, destination and branch.</param>
public sealed record RegimeMap(DateOnly Date, CareerProfile Profile, IReadOnlyList<string> Origins, IReadOnlyList<string> Destinations,
    IReadOnlyDictionary<(string Origin, string Destination, Branch Branch), Regime> Regimes);

/// <summary>
/// Computes the heatmap's regimes with <see cref="CorridorAnalysis"/> (without explanations) and keeps them per day and
/// profile. One matrix takes a few tenths of a second, so only one is computed at a time: a burst of requests for
/// different days queues instead of taking every core.
/// </summary>
public sealed class CorridorMatrix(KnowledgeBase kb, IMemoryCache cache) : IDisposable
{
    /// <summary>The branches the heatmap shows.</summary>
    public static IReadOnlyList<Branch> Branches { get; } = [Branch.OldAge, Branch.Invalidity, Branch.Survivors, Branch.EmploymentInjury];

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>The regimes for a day and a profile, from the cache when computed before.</summary>
    public async Task<RegimeMap> GetAsync(DateOnly date, CareerProfile profile, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var key = (nameof(CorridorMatrix), date, profile.Id);
        if (cache.TryGetValue(key, out RegimeMap? found) && found is not null)
        {
            return found;
        }

        await _one.WaitAsync(cancel);
        try
        {
            if (cache.TryGetValue(key, out found) && found is not null)
            {
                return found;
            }

            var map = Compute(date, profile);
            cache.Set(key, map, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1), AbsoluteExpirationRelativeToNow = TimeSpan.FromDays(1) });
            return map;
        }
        finally
        {
            _one.Release();
        }
    }

    private RegimeMap Compute(DateOnly date, CareerProfile profile)
    {
        var origins = kb.Regions.TryGetValue("asean", out var asean) ? asean.MembersOn(date) : [];
        var destinations = origins.Concat(CorridorAnalysis.DestinationsBeyondAsean).Distinct(StringComparer.Ordinal).ToArray();
        var pairs = (from o in origins from d in destinations where o != d select (Profile: profile, Origin: o, Destination: d)).ToArray();
        var reports = CorridorAnalysis.AnalyseAll(kb, pairs, date, _ => null);
        var regimes = new Dictionary<(string, string, Branch), Regime>();
        foreach (var report in reports)
        {
            foreach (var finding in report.Branches.Where(f => Branches.Contains(f.Branch)))
            {
                regimes[(report.Origin, report.Destination, finding.Branch)] = finding.Regime;
            }
        }

        return new RegimeMap(date, profile, origins, destinations, regimes);
    }

    public void Dispose() => _one.Dispose();
}
