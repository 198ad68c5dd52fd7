using Strata.Instruments;
using Strata.Law;
using Strata.Regions;
using Strata.Schemes;

namespace Strata;

/// <summary>The loaded law: countries, schemes and instruments. Immutable and thread-safe; build it once.</summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Country> _countries;
    private readonly Dictionary<string, Scheme> _schemes;
    private readonly Dictionary<(string Country, Branch Branch), Scheme[]> _byCountryBranch;
    private readonly Dictionary<string, Instrument> _instruments;
    private readonly Instrument[] _binding;
    private readonly Dictionary<string, Region> _regions;
    private readonly Dictionary<string, Floors.SocialProtectionFloor> _floors;
    private readonly Instrument[] _all;
    private readonly Dictionary<string, (Instrument Instrument, Provision Provision)[]> _provisions;
    private readonly Dictionary<(string, Principle), (Instrument Instrument, Provision Provision)[]> _byPrinciple;

    /// <summary>Creates a knowledge base from validated parts.</summary>
    /// <param name="countries">Countries.</param>
    /// <param name="schemes">Schemes.</param>
    /// <param name="instruments">Instruments.</param>
    /// <param name="regions">Regions, or none.</param>
    /// <param name="floors">Social protection floors for migrant residents, or none.</param>
    /// <exception cref="ArgumentException">Two items share an id.</exception>
    public KnowledgeBase(IEnumerable<Country> countries, IEnumerable<Scheme> schemes, IEnumerable<Instrument> instruments, IEnumerable<Region>? regions = null,
        IEnumerable<Floors.SocialProtectionFloor>? floors = null)
    {
        _floors = (floors ?? []).ToDictionary(f => f.Country, StringComparer.Ordinal);
        _regions = (regions ?? []).ToDictionary(r => r.Id, StringComparer.Ordinal);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(instruments);
        _countries = countries.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _schemes = schemes.ToDictionary(s => s.Id, StringComparer.Ordinal);
        _byCountryBranch = _schemes.Values.GroupBy(s => (s.Country, s.Branch))
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray());
        _instruments = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
        _all = _instruments.Values.OrderBy(i => i.Id, StringComparer.Ordinal).ToArray();
        _binding = _all.Where(i => i.Binding).ToArray();

        // Which provisions reach which scheme is fixed once the law is loaded; evaluating millions of careers should not re-ask.
        _provisions = _schemes.Values.ToDictionary(s => s.Id, s => _all
            .SelectMany(i => i.Provisions.Where(p => p.Covers(s.Id, s.Branch)).Select(p => (i, p))).ToArray(), StringComparer.Ordinal);
        _byPrinciple = _provisions.SelectMany(kv => new[] { Principle.Equality, Principle.Aggregation, Principle.Export }
                .Select(pr => (Key: (kv.Key, pr), Value: kv.Value.Where(x => (x.Provision.Grants & pr) != 0).ToArray())))
            .ToDictionary(x => x.Key, x => x.Value);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, Principle, string), (Instrument Instrument, Provision Provision)[]> _candidates = new();

    /// <summary>
    /// The provisions reaching a scheme that grant a principle and could apply between the scheme's state and another
    /// (both are parties or have ratified, or the convention protects everyone), whatever the date.
    /// </summary>
    /// <remarks>
    /// Evaluating millions of careers asks the same question for the same pairs of states: the answer is computed once
    /// per (scheme, principle, state) and kept, since the knowledge base never changes.
    /// </remarks>
    /// <param name="scheme">The scheme.</param>
    /// <param name="principle">One principle.</param>
    /// <param name="other">The other state.</param>
    /// <returns>Candidate pairs of instrument and provision, in instrument id order; the caller still checks dates.</returns>
    public ReadOnlySpan<(Instrument Instrument, Provision Provision)> Candidates(Scheme scheme, Principle principle, string other)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return _candidates.GetOrAdd((scheme.Id, principle, other), static (key, state) =>
        {
            var (kb, s) = state;
            var all = kb._byPrinciple.TryGetValue((key.Item1, key.Item2), out var found) ? found : [];
            return all.Where(x => x.Instrument.MayBind(s.Country, key.Item3, s.Branch)).ToArray();
        }, (this, scheme));
    }

    /// <summary>The provisions reaching a scheme that grant one principle, binding or not, in instrument id order.</summary>
    /// <param name="schemeId">Scheme id.</param>
    /// <param name="principle">One principle.</param>
    /// <returns>Pairs of instrument and provision.</returns>
    public ReadOnlySpan<(Instrument Instrument, Provision Provision)> ProvisionsFor(string schemeId, Principle principle) =>
        _byPrinciple.TryGetValue((schemeId, principle), out var found) ? found : [];

    /// <summary>All instruments, binding or not, in id order.</summary>
    public IReadOnlyList<Instrument> AllInstruments => _all;

    /// <summary>The provisions whose material scope includes a scheme, binding or not, in instrument id order.</summary>
    /// <param name="schemeId">Scheme id.</param>
    /// <returns>Pairs of instrument and provision; empty when none reaches the scheme.</returns>
    public ReadOnlySpan<(Instrument Instrument, Provision Provision)> ProvisionsFor(string schemeId) =>
        _provisions.TryGetValue(schemeId, out var found) ? found : [];

    /// <summary>Countries by ISO code.</summary>
    public IReadOnlyDictionary<string, Country> Countries => _countries;

    /// <summary>Schemes by id.</summary>
    public IReadOnlyDictionary<string, Scheme> Schemes => _schemes;

    /// <summary>Instruments by id.</summary>
    public IReadOnlyDictionary<string, Instrument> Instruments => _instruments;

    /// <summary>Social protection floors for migrant residents, by country.</summary>
    public IReadOnlyDictionary<string, Floors.SocialProtectionFloor> Floors => _floors;

    /// <summary>Regions by id.</summary>
    public IReadOnlyDictionary<string, Region> Regions => _regions;

    /// <summary>Binding instruments, in id order.</summary>
    public IReadOnlyList<Instrument> BindingInstruments => _binding;

    /// <summary>The schemes of a country for a branch, in id order.</summary>
    /// <param name="country">ISO code.</param>
    /// <param name="branch">Branch.</param>
    /// <returns>The schemes; empty when none is modelled.</returns>
    public IReadOnlyList<Scheme> SchemesFor(string country, Branch branch) => SchemeSpan(country, branch).ToArray();

    /// <summary>The schemes of a country for a branch, without copying.</summary>
    internal ReadOnlySpan<Scheme> SchemeSpan(string country, Branch branch) =>
        _byCountryBranch.TryGetValue((country, branch), out var found) ? found : [];
}
