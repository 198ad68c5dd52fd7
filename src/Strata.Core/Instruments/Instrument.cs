using Strata.Law;

namespace Strata.Instruments;

/// <summary>The principles an instrument may grant for a branch.</summary>
[Flags]
public enum Principle
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>Equality of treatment with nationals.</summary>
    Equality = 1,
    /// <summary>Aggregation (totalization) of periods completed in the other state(s).</summary>
    Aggregation = 2,
    /// <summary>Export: payment while living in another state.</summary>
    Export = 4,
}

/// <summary>How an institution computes its amount once periods are aggregated.</summary>
public enum Calculation
{
    /// <summary>Theoretical amount on all periods times own periods over all periods.</summary>
    ProRata,
    /// <summary>Own formula on own periods; aggregation only opens the right.</summary>
    Direct,
    /// <summary>
    /// The benefit as if the minimum qualifying period had been completed, times own periods over own periods plus
    /// the foreign periods needed to reach that minimum (e.g. Philippines–Switzerland art. 17, Austria–Philippines art. 12).
    /// </summary>
    ProRataOnMinimum,
}

/// <summary>Whom an instrument protects.</summary>
public enum PersonalScope
{
    /// <summary>Persons who are or have been insured under the legislation of a party.</summary>
    InsuredPersons,
    /// <summary>Nationals of the parties (for conventions: of ratifying states).</summary>
    NationalsOfParties,
    /// <summary>Everyone.</summary>
    Everyone,
}

/// <summary>What an instrument grants for some branches.</summary>
public sealed class Provision
{
    /// <summary>Creates a provision.</summary>
    /// <param name="branches">Branches in its material scope.</param>
    /// <param name="grants">Principles granted.</param>
    /// <param name="calculation">Amount method after aggregation.</param>
    /// <param name="payHigher">Whether the higher of the independent and pro-rata amounts is paid.</param>
    /// <param name="minimumMonths">Own months below which the institution pays nothing under the instrument, or null.</param>
    /// <param name="schemes">Scheme ids it is limited to; empty for every scheme of the branches.</param>
    /// <param name="source">Article.</param>
    public Provision(IEnumerable<Branch> branches, Principle grants, Calculation calculation, bool payHigher, int? minimumMonths,
        IEnumerable<string> schemes, Source source)
    {
        ArgumentNullException.ThrowIfNull(branches);
        ArgumentNullException.ThrowIfNull(schemes);
        ArgumentNullException.ThrowIfNull(source);
        Branches = branches.Distinct().Order().ToArray();
        Grants = grants;
        Calculation = calculation;
        PayHigher = payHigher;
        MinimumMonths = minimumMonths;
        Schemes = schemes.ToArray();
        Source = source;
    }

    /// <summary>Branches in its material scope.</summary>
    public IReadOnlyList<Branch> Branches { get; }

    /// <summary>Principles granted.</summary>
    public Principle Grants { get; }

    /// <summary>Amount method after aggregation.</summary>
    public Calculation Calculation { get; }

    /// <summary>Whether the higher amount is paid.</summary>
    public bool PayHigher { get; }

    /// <summary>Own months below which nothing is paid under the instrument.</summary>
    public int? MinimumMonths { get; }

    /// <summary>Scheme ids it is limited to; empty for all.</summary>
    public IReadOnlyList<string> Schemes { get; }

    /// <summary>Article.</summary>
    public Source Source { get; }

    /// <summary>Whether the provision covers a scheme.</summary>
    /// <param name="schemeId">Scheme id.</param>
    /// <param name="branch">Its branch.</param>
    /// <returns>True when in the material scope.</returns>
    public bool Covers(string schemeId, Branch branch) =>
        Branches.Contains(branch) && (Schemes.Count == 0 || Schemes.Contains(schemeId, StringComparer.Ordinal));
}

/// <summary>A rule deciding which state's legislation applies to a posted worker.</summary>
/// <param name="PostingMonths">Months a posted worker stays under the sending state's legislation.</param>
/// <param name="ExtensionMonths">Further months the institutions may agree to, or null.</param>
/// <param name="Source">Article.</param>
public sealed record ApplicableLegislationRule(int PostingMonths, int? ExtensionMonths, Source Source);

/// <summary>A state's ratification of a convention.</summary>
public sealed class Ratification
{
    /// <summary>Creates a ratification.</summary>
    /// <param name="state">ISO code.</param>
    /// <param name="registered">Registration date, or null when unknown.</param>
    /// <param name="inForce">Date in force for the state, or null to derive it.</param>
    /// <param name="denounced">Date the denunciation took effect, or null.</param>
    /// <param name="branches">Branches (or Parts) accepted; empty when the convention is accepted whole.</param>
    /// <param name="source">Source.</param>
    /// <param name="unknownDate">What was searched when the date is unknown.</param>
    public Ratification(string state, DateOnly? registered, DateOnly? inForce, DateOnly? denounced, IEnumerable<Branch> branches,
        Source source, string? unknownDate = null)
    {
        ArgumentNullException.ThrowIfNull(branches);
        State = state;
        Registered = registered;
        InForce = inForce;
        Denounced = denounced;
        Branches = branches.Distinct().Order().ToArray();
        Source = source;
        UnknownDate = unknownDate;
    }

    /// <summary>ISO code.</summary>
    public string State { get; }

    /// <summary>Registration date, or null when unknown.</summary>
    public DateOnly? Registered { get; }

    /// <summary>Date in force for the state, where stated.</summary>
    public DateOnly? InForce { get; }

    /// <summary>Date a denunciation took effect.</summary>
    public DateOnly? Denounced { get; }

    /// <summary>Branches accepted; empty when accepted whole.</summary>
    public IReadOnlyList<Branch> Branches { get; }

    /// <summary>Source.</summary>
    public Source Source { get; }

    /// <summary>What was searched when the date is unknown.</summary>
    public string? UnknownDate { get; }
}

/// <summary>A bilateral, regional or international instrument.</summary>
public sealed class Instrument
{
    /// <summary>Creates an instrument.</summary>
    /// <param name="id">Identifier, e.g. <c>agreement.jp-ph</c>.</param>
    /// <param name="title">Title.</param>
    /// <param name="layer">Layer.</param>
    /// <param name="binding">Whether it binds (declarations do not).</param>
    /// <param name="parties">States bound (bilateral and regional).</param>
    /// <param name="signed">Signature or adoption date.</param>
    /// <param name="inForce">Entry into force (between the parties, or internationally for a convention).</param>
    /// <param name="ended">End, or null.</param>
    /// <param name="personalScope">Whom it protects.</param>
    /// <param name="ratifications">Ratifications (conventions).</param>
    /// <param name="provisions">Provisions per branch.</param>
    /// <param name="applicableLegislation">Posting rule, or null.</param>
    /// <param name="source">The text.</param>
    /// <param name="ratificationDelayMonths">Months from registration to entry into force for a ratifying state, or null.</param>
    /// <param name="region">Id of the region whose members the instrument concerns, or null.</param>
    public Instrument(string id, string title, Layer layer, bool binding, IEnumerable<string> parties, DateOnly? signed,
        DateOnly? inForce, DateOnly? ended, PersonalScope personalScope, IEnumerable<Ratification> ratifications,
        IEnumerable<Provision> provisions, ApplicableLegislationRule? applicableLegislation, Source source, int? ratificationDelayMonths = null,
        string? region = null)
    {
        Region = region;
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(ratifications);
        ArgumentNullException.ThrowIfNull(provisions);
        ArgumentNullException.ThrowIfNull(source);
        Id = id;
        Title = title;
        Layer = layer;
        Binding = binding;
        _parties = parties.ToArray();
        Signed = signed;
        InForce = inForce;
        Ended = ended;
        PersonalScope = personalScope;
        _ratifications = ratifications.ToArray();
        _byState = _ratifications.GroupBy(x => x.State, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Provisions = provisions.ToArray();
        ApplicableLegislation = applicableLegislation;
        Source = source;
        RatificationDelayMonths = ratificationDelayMonths;
    }

    /// <summary>Identifier.</summary>
    public string Id { get; }

    /// <summary>Id of the region whose members the instrument concerns, or null.</summary>
    public string? Region { get; }

    /// <summary>Title.</summary>
    public string Title { get; }

    /// <summary>Layer.</summary>
    public Layer Layer { get; }

    /// <summary>Whether it binds.</summary>
    public bool Binding { get; }

    private readonly string[] _parties;

    /// <summary>States bound (bilateral and regional).</summary>
    public IReadOnlyList<string> Parties => _parties;

    /// <summary>Signature or adoption.</summary>
    public DateOnly? Signed { get; }

    /// <summary>Entry into force.</summary>
    public DateOnly? InForce { get; }

    /// <summary>End.</summary>
    public DateOnly? Ended { get; }

    /// <summary>Whom it protects.</summary>
    public PersonalScope PersonalScope { get; }

    private readonly Ratification[] _ratifications;

    // Millions of careers ask whether a convention binds a state: one lookup instead of a scan of every ratification.
    private readonly Dictionary<string, Ratification[]> _byState;

    /// <summary>Ratifications (conventions).</summary>
    public IReadOnlyList<Ratification> Ratifications => _ratifications;

    /// <summary>Provisions per branch.</summary>
    public IReadOnlyList<Provision> Provisions { get; }

    /// <summary>Posting rule.</summary>
    public ApplicableLegislationRule? ApplicableLegislation { get; }

    /// <summary>The text.</summary>
    public Source Source { get; }

    /// <summary>Months from registration to entry into force for a ratifying state (ILO conventions: 12).</summary>
    public int? RatificationDelayMonths { get; }

    /// <summary>Whether the instrument is ratified by states (a convention) rather than concluded between named parties.</summary>
    public bool IsConvention => Ratifications.Count > 0 && _parties.Length == 0;

    /// <summary>The day the instrument binds a state, or null when it does not (or the date is unknown).</summary>
    /// <param name="state">ISO code.</param>
    /// <param name="branch">Branch, for conventions accepted branch by branch.</param>
    /// <returns>The first day it binds the state for that branch.</returns>
    public DateOnly? BindsFrom(string state, Branch branch)
    {
        if (!IsConvention)
        {
            return Array.IndexOf(_parties, state) >= 0 ? InForce : null;
        }

        if (!_byState.TryGetValue(state, out var mine))
        {
            return null;
        }

        foreach (var r in mine)
        {
            if (r.Branches.Count > 0 && !r.Branches.Contains(branch))
            {
                continue;
            }

            var from = r.InForce ?? r.Registered?.AddMonths(RatificationDelayMonths ?? 0);
            if (from is null)
            {
                return null;
            }

            return InForce is { } general && general > from.Value ? general : from;
        }

        return null;
    }

    /// <summary>
    /// Whether the instrument could bind a state's scheme of a branch towards another state, whatever the date: an
    /// agreement when both are parties; a convention when the scheme's state ratified for the branch and the other did
    /// too, or the convention protects everyone. The one statement of this rule, for the evaluator's candidate
    /// instruments and for a reform's footprint.
    /// </summary>
    /// <param name="state">The state whose scheme applies.</param>
    /// <param name="other">The other state (of nationality, of other periods, of residence).</param>
    /// <param name="branch">The branch.</param>
    /// <returns>True when the instrument may apply between them.</returns>
    public bool MayBind(string state, string other, Branch branch) => IsConvention
        ? RatificationOf(state, branch) is not null && (PersonalScope == PersonalScope.Everyone || RatificationOf(other, branch) is not null)
        : _parties.Contains(state) && _parties.Contains(other);

    /// <summary>A state's ratification covering a branch, or null.</summary>
    /// <param name="state">ISO code.</param>
    /// <param name="branch">Branch.</param>
    /// <returns>The ratification, whether or not its date is known.</returns>
    public Ratification? RatificationOf(string state, Branch branch)
    {
        if (_byState.TryGetValue(state, out var mine))
        {
            foreach (var r in mine)
            {
                if (r.Branches.Count == 0 || r.Branches.Contains(branch))
                {
                    return r;
                }
            }
        }

        return null;
    }

    /// <summary>Whether the instrument is in force between two states for a branch on a day.</summary>
    /// <param name="a">One state.</param>
    /// <param name="b">The other state.</param>
    /// <param name="branch">Branch.</param>
    /// <param name="day">Day.</param>
    /// <returns>True when both are bound on that day.</returns>
    public bool InForceBetween(string a, string b, Branch branch, DateOnly day) =>
        Binds(a, branch, day) && Binds(b, branch, day);

    /// <summary>Whether the instrument binds a state for a branch on a day.</summary>
    /// <param name="state">State.</param>
    /// <param name="branch">Branch.</param>
    /// <param name="day">Day.</param>
    /// <returns>True when bound.</returns>
    public bool Binds(string state, Branch branch, DateOnly day)
    {
        var from = BindsFrom(state, branch);
        if (from is null || day < from || (Ended is { } end && day > end))
        {
            return false;
        }

        if (!IsConvention)
        {
            return true;
        }

        if (_byState.TryGetValue(state, out var mine))
        {
            foreach (var r in mine)
            {
                if (r.Denounced is { } denounced && day >= denounced)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
