using Strata.Instruments;

namespace Strata.Simulation;

/// <summary>
/// The states whose law a reform changes, so that a simulation evaluates the reform only for careers it can touch and
/// reuses the baseline for the others (their answers are the same law, so the same answers).
/// </summary>
/// <remarks>
/// A career's states are its nationalities, the countries of its periods (and sending countries of postings) and the
/// country of residence. A reform may touch it when it changes a scheme or a country of one of those states, or an
/// instrument that could bind them: an agreement needs two of its parties among the career's states, a convention two
/// ratifying states — or one, when it protects everyone whatever their nationality. Any other change
/// (a region, a floor, an id of unknown kind) touches every career. Conservative by design: a career marked as touched
/// is simply evaluated; the simulation also re-evaluates a sample of untouched careers under the reform and fails the
/// run if any answer differs.
/// </remarks>
public sealed class ReformFootprint
{
    private readonly HashSet<string> _states;
    private readonly List<HashSet<string>> _agreements;
    private readonly bool _everything;

    private ReformFootprint(HashSet<string> states, List<HashSet<string>> agreements, bool everything)
    {
        _states = states;
        _agreements = agreements;
        _everything = everything;
    }

    /// <summary>A footprint that touches every career (no skipping).</summary>
    public static ReformFootprint Everything { get; } = new([], [], everything: true);

    /// <summary>Whether the reform may touch every career.</summary>
    public bool TouchesEverything => _everything;

    /// <summary>States whose schemes, country facts or conventions the reform changes.</summary>
    public IReadOnlyCollection<string> States => _states;

    /// <summary>Computes the footprint of a reform from the ids its files define, in both versions of the law.</summary>
    /// <param name="baseline">The law without the reform.</param>
    /// <param name="reformed">The law with the reform.</param>
    /// <param name="overlaidIds">Every id the reform's files define (added or replaced).</param>
    /// <returns>The footprint.</returns>
    public static ReformFootprint Of(KnowledgeBase baseline, KnowledgeBase reformed, IEnumerable<string> overlaidIds)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(reformed);
        ArgumentNullException.ThrowIfNull(overlaidIds);
        var states = new HashSet<string>(StringComparer.Ordinal);
        var agreements = new List<HashSet<string>>();
        foreach (var id in overlaidIds)
        {
            if (id.StartsWith("country:", StringComparison.Ordinal))
            {
                states.Add(id["country:".Length..]);
                continue;
            }

            var found = false;
            foreach (var kb in new[] { baseline, reformed })
            {
                if (kb.Schemes.TryGetValue(id, out var scheme))
                {
                    states.Add(scheme.Country);
                    found = true;
                }
                else if (kb.Instruments.TryGetValue(id, out var instrument))
                {
                    Add(instrument, states, agreements);
                    found = true;
                }
            }

            if (!found)
            {
                return Everything;
            }
        }

        return new ReformFootprint(states, agreements, everything: false);
    }

    /// <summary>
    /// Mirrors <see cref="KnowledgeBase.Candidates"/>: an agreement binds two of its parties; a convention binds the
    /// scheme's state when it ratified, towards another ratifying state — or towards everyone when its personal scope
    /// is everyone, in which case one ratifying state among the career's is enough.
    /// </summary>
    private static void Add(Instrument instrument, HashSet<string> states, List<HashSet<string>> agreements)
    {
        if (instrument.IsConvention)
        {
            var ratifiers = instrument.Ratifications.Select(r => r.State).ToHashSet(StringComparer.Ordinal);
            if (instrument.PersonalScope == PersonalScope.Everyone)
            {
                states.UnionWith(ratifiers);
            }
            else
            {
                agreements.Add(ratifiers);
            }
        }
        else
        {
            agreements.Add(new HashSet<string>(instrument.Parties, StringComparer.Ordinal));
        }
    }

    /// <summary>Whether the reform may change any answer for a member.</summary>
    /// <param name="member">The member.</param>
    /// <returns>False only when no changed scheme, country, convention or agreement can reach the member's states.</returns>
    public bool MayTouch(PopulationMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (_everything)
        {
            return true;
        }

        // A career has a handful of states: a small array on the stack, no allocation per career.
        Span<int> hits = _agreements.Count <= 64 ? stackalloc int[_agreements.Count] : new int[_agreements.Count];
        var seen = new string?[8];
        var seenCount = 0;
        var touched = false;
        bool Visit(string? state, Span<int> counts)
        {
            if (state is null || Array.IndexOf(seen, state, 0, seenCount) >= 0)
            {
                return false;
            }

            if (seenCount < seen.Length)
            {
                seen[seenCount++] = state;
            }

            if (_states.Contains(state))
            {
                return true;
            }

            for (var i = 0; i < _agreements.Count; i++)
            {
                if (_agreements[i].Contains(state) && ++counts[i] >= 2)
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var n in member.Person.Nationalities)
        {
            touched = touched || Visit(n, hits);
        }

        touched = touched || Visit(member.Person.Residence, hits);
        foreach (var p in member.Career)
        {
            touched = touched || Visit(p.Country, hits) || Visit(p.PostedFrom, hits);
        }

        return touched;
    }
}
