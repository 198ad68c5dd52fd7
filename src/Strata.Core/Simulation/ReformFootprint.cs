using Strata.Instruments;
using Strata.Law;

namespace Strata.Simulation;

/// <summary>
/// The states whose law a reform changes, so that a simulation evaluates the reform only for careers it can touch and
/// reuses the baseline for the others (their answers are the same law, so the same answers).
/// </summary>
/// <remarks>
/// A career's states are its nationalities, the countries of its periods (and sending countries of postings) and the
/// country of residence. A reform may touch it when it changes a scheme or a country of one of those states, or an
/// instrument that could bind one of those states towards another of them — asked of
/// <see cref="Instrument.MayBind"/>, the rule the evaluator's candidate instruments come from, so the footprint never
/// restates it. Any other change (a region, a floor, an id of unknown kind) touches every career. Conservative by
/// design: a career marked as touched is simply evaluated; the simulation also re-evaluates a sample of untouched careers
/// under the reform and fails the run if any answer differs.
/// </remarks>
public sealed class ReformFootprint
{
    private readonly HashSet<string> _states;
    private readonly HashSet<string> _towardsAnyone;
    private readonly HashSet<(string, string)> _pairs;
    private readonly bool _everything;

    private ReformFootprint(HashSet<string> states, HashSet<string> towardsAnyone, HashSet<(string, string)> pairs, bool everything)
    {
        _states = states;
        _towardsAnyone = towardsAnyone;
        _pairs = pairs;
        _everything = everything;
    }

    /// <summary>A footprint that touches every career (no skipping).</summary>
    public static ReformFootprint Everything { get; } = new([], [], [], everything: true);

    /// <summary>Whether the reform may touch every career.</summary>
    public bool TouchesEverything => _everything;

    /// <summary>States whose schemes or country facts the reform changes.</summary>
    public IReadOnlyCollection<string> States => _states;

    /// <summary>Computes the footprint of a reform from the ids its files define, in both versions of the law.</summary>
    /// <param name="baseline">The law without the reform.</param>
    /// <param name="reformed">The law with the reform.</param>
    /// <param name="overlaidIds">Every id the reform's files define (added, replaced or removed).</param>
    /// <returns>The footprint.</returns>
    public static ReformFootprint Of(KnowledgeBase baseline, KnowledgeBase reformed, IEnumerable<string> overlaidIds)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(reformed);
        ArgumentNullException.ThrowIfNull(overlaidIds);
        var states = new HashSet<string>(StringComparer.Ordinal);
        var instruments = new List<Instrument>();
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
                    instruments.Add(instrument);
                    found = true;
                }
            }

            if (!found)
            {
                return Everything;
            }
        }

        // Only a party or a ratifying state can be bound, so pairs need be asked only among them; a state an instrument
        // binds towards a state that is neither (a convention protecting everyone) binds it towards anyone.
        var towardsAnyone = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        foreach (var instrument in instruments)
        {
            var bound = instrument.Parties.Concat(instrument.Ratifications.Select(r => r.State)).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var a in bound)
            {
                if (BranchNames.All.Any(b => instrument.MayBind(a, "", b)))
                {
                    towardsAnyone.Add(a);
                }

                foreach (var other in bound.Where(o => o != a && BranchNames.All.Any(b => instrument.MayBind(a, o, b))))
                {
                    pairs.Add((a, other));
                }
            }
        }

        return new ReformFootprint(states, towardsAnyone, pairs, everything: false);
    }

    /// <summary>Whether the reform may change any answer for a member.</summary>
    /// <param name="member">The member.</param>
    /// <returns>False only when no changed scheme, country or instrument can reach the member's states.</returns>
    public bool MayTouch(PopulationMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (_everything)
        {
            return true;
        }

        // A career has a handful of states; the evaluator only asks about a scheme's state towards another state.
        var states = new List<string>(4);
        void Add(string? state)
        {
            if (state is not null && !states.Contains(state))
            {
                states.Add(state);
            }
        }

        foreach (var n in member.Person.Nationalities)
        {
            Add(n);
        }

        Add(member.Person.Residence);
        foreach (var p in member.Career)
        {
            Add(p.Country);
            Add(p.PostedFrom);
        }

        foreach (var a in states)
        {
            if (_states.Contains(a) || (states.Count > 1 && _towardsAnyone.Contains(a)))
            {
                return true;
            }

            foreach (var b in states)
            {
                if (a != b && _pairs.Contains((a, b)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
