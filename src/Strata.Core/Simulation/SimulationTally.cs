using Strata.Law;

namespace Strata.Simulation;

/// <summary>Whether a state is the worker's origin or destination in a corridor.</summary>
public enum Role
{
    /// <summary>The country of origin (nationality).</summary>
    Origin,
    /// <summary>The country of destination.</summary>
    Destination,
}

/// <summary>Weighted totals of one corridor and branch, baseline against reform. Sums of migrants (weights) and US$.</summary>
/// <remarks>
/// An accumulator: each worker thread or shard fills its own (through internal fields, so that no public setter lets a
/// caller change a total), and <see cref="SimulationTally.Merge"/> adds them; init accessors let a partial be restored. Every sum is a <see cref="decimal"/> of weights rounded to 6 places times cents, so addition is exact and
/// the merged totals do not depend on the order, the number of threads or the number of shards.
/// </remarks>
public sealed class BranchTally
{
    /// <summary>Migrants represented.</summary>
    public decimal Workers { get => workers; init => workers = value; }

    internal decimal workers;

    /// <summary>Members of the sample.</summary>
    public long Members { get => members; init => members = value; }

    internal long members;

    /// <summary>Migrants whose fate in at least one state changes.</summary>
    public decimal Changed { get => changed; init => changed = value; }

    internal decimal changed;

    /// <summary>Migrants whose fate improves in a state and worsens in none.</summary>
    public decimal Better { get => better; init => better = value; }

    internal decimal better;

    /// <summary>Migrants whose fate worsens in at least one state.</summary>
    public decimal Worse { get => worse; init => worse = value; }

    internal decimal worse;

    /// <summary>Migrants whose present value rises (old age only).</summary>
    public decimal ValueGainers { get => valueGainers; init => valueGainers = value; }

    internal decimal valueGainers;

    /// <summary>Migrants whose present value falls (old age only).</summary>
    public decimal ValueLosers { get => valueLosers; init => valueLosers = value; }

    internal decimal valueLosers;

    /// <summary>Contribution months (× migrants) that ended in a refund or in nothing and now keep their value.</summary>
    public decimal MonthsRescued { get => monthsRescued; init => monthsRescued = value; }

    internal decimal monthsRescued;

    /// <summary>Contribution months (× migrants) that kept their value and now end in a refund or in nothing.</summary>
    public decimal MonthsLost { get => monthsLost; init => monthsLost = value; }

    internal decimal monthsLost;

    /// <summary>Monthly pensions paid where the workers live, baseline (US$ × migrants).</summary>
    public decimal MonthlyBefore { get => monthlyBefore; init => monthlyBefore = value; }

    internal decimal monthlyBefore;

    /// <summary>Monthly pensions paid where the workers live, reform.</summary>
    public decimal MonthlyAfter { get => monthlyAfter; init => monthlyAfter = value; }

    internal decimal monthlyAfter;

    /// <summary>Present value of old-age payments, baseline (US$ × migrants), over the states whose fate both runs know.</summary>
    public decimal ValueBefore { get => valueBefore; init => valueBefore = value; }

    internal decimal valueBefore;

    /// <summary>Present value of old-age payments, reform.</summary>
    public decimal ValueAfter { get => valueAfter; init => valueAfter = value; }

    internal decimal valueAfter;

    /// <summary>Migrants with a benefit whose amount (or its currency's rate) is not known, in either run.</summary>
    public decimal AmountUnknown { get => amountUnknown; init => amountUnknown = value; }

    internal decimal amountUnknown;

    /// <summary>Migrants for whom, in some state, Strata knows every scheme's outcome today but not under the reform (the reform needs law Strata does not hold).</summary>
    public decimal BecameUnknown { get => becameUnknown; init => becameUnknown = value; }

    internal decimal becameUnknown;

    /// <summary>Migrants for whom, in some state, the fate is unknown today and known under the reform.</summary>
    public decimal BecameKnown { get => becameKnown; init => becameKnown = value; }

    internal decimal becameKnown;

    /// <summary>Migrants by (role, fate before, fate after).</summary>
    public Dictionary<(Role Role, Fate Before, Fate After), decimal> Transitions { get; } = [];

    /// <summary>Adds another tally into this one.</summary>
    /// <param name="other">The other tally.</param>
    public void Add(BranchTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        workers += other.Workers;
        members += other.Members;
        changed += other.Changed;
        better += other.Better;
        worse += other.Worse;
        valueGainers += other.ValueGainers;
        valueLosers += other.ValueLosers;
        monthsRescued += other.MonthsRescued;
        monthsLost += other.MonthsLost;
        monthlyBefore += other.MonthlyBefore;
        monthlyAfter += other.MonthlyAfter;
        valueBefore += other.ValueBefore;
        valueAfter += other.ValueAfter;
        amountUnknown += other.AmountUnknown;
        becameUnknown += other.BecameUnknown;
        becameKnown += other.BecameKnown;
        foreach (var (key, value) in other.Transitions)
        {
            Transitions[key] = Transitions.GetValueOrDefault(key) + value;
        }
    }
}

/// <summary>What a paying state pays for a branch, baseline against reform (US$ × migrants).</summary>
public sealed class PayerTally
{
    /// <summary>Present value of old-age payments (pensions, lump sums, refunds), baseline, over the states whose outcome and amount both runs know.</summary>
    public decimal ValueBefore { get => valueBefore; init => valueBefore = value; }

    internal decimal valueBefore;

    /// <summary>Present value of old-age payments, reform.</summary>
    public decimal ValueAfter { get => valueAfter; init => valueAfter = value; }

    internal decimal valueAfter;

    /// <summary>Present value of old-age pensions, baseline.</summary>
    public decimal PensionsBefore { get => pensionsBefore; init => pensionsBefore = value; }

    internal decimal pensionsBefore;

    /// <summary>Present value of old-age pensions, reform.</summary>
    public decimal PensionsAfter { get => pensionsAfter; init => pensionsAfter = value; }

    internal decimal pensionsAfter;

    /// <summary>Present value of old-age lump sums (grants, provident fund balances), baseline.</summary>
    public decimal LumpSumsBefore { get => lumpSumsBefore; init => lumpSumsBefore = value; }

    internal decimal lumpSumsBefore;

    /// <summary>Present value of old-age lump sums, reform.</summary>
    public decimal LumpSumsAfter { get => lumpSumsAfter; init => lumpSumsAfter = value; }

    internal decimal lumpSumsAfter;

    /// <summary>Refunds paid (old age), baseline.</summary>
    public decimal RefundsBefore { get => refundsBefore; init => refundsBefore = value; }

    internal decimal refundsBefore;

    /// <summary>Refunds paid, reform.</summary>
    public decimal RefundsAfter { get => refundsAfter; init => refundsAfter = value; }

    internal decimal refundsAfter;

    /// <summary>Monthly pensions paid where the workers live, baseline.</summary>
    public decimal MonthlyBefore { get => monthlyBefore; init => monthlyBefore = value; }

    internal decimal monthlyBefore;

    /// <summary>Monthly pensions paid where the workers live, reform.</summary>
    public decimal MonthlyAfter { get => monthlyAfter; init => monthlyAfter = value; }

    internal decimal monthlyAfter;

    /// <summary>Adds another tally into this one.</summary>
    /// <param name="other">The other tally.</param>
    public void Add(PayerTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        valueBefore += other.ValueBefore;
        valueAfter += other.ValueAfter;
        pensionsBefore += other.PensionsBefore;
        pensionsAfter += other.PensionsAfter;
        lumpSumsBefore += other.LumpSumsBefore;
        lumpSumsAfter += other.LumpSumsAfter;
        refundsBefore += other.RefundsBefore;
        refundsAfter += other.RefundsAfter;
        monthlyBefore += other.MonthlyBefore;
        monthlyAfter += other.MonthlyAfter;
    }
}

/// <summary>The totals of a simulation (or of one shard or thread of it), by corridor and branch and by paying state.</summary>
public sealed class SimulationTally
{
    /// <summary>Totals by (origin, destination, branch).</summary>
    public Dictionary<(string Origin, string Destination, Branch Branch), BranchTally> Corridors { get; } = [];

    /// <summary>Totals by (paying state, branch).</summary>
    public Dictionary<(string Payer, Branch Branch), PayerTally> Payers { get; } = [];

    /// <summary>Members tallied.</summary>
    public long Members { get => members; init => members = value; }

    internal long members;

    /// <summary>Rows of the population behind them (periods).</summary>
    public long Periods { get => periods; init => periods = value; }

    internal long periods;

    /// <summary>Members re-evaluated on the explain path.</summary>
    public long Checked { get => checkedCount; init => checkedCount = value; }

    internal long checkedCount;

    /// <summary>Members whose reform answers were the baseline's, because the reform cannot touch their states (<see cref="ReformFootprint"/>).</summary>
    public long Reused { get => reused; init => reused = value; }

    internal long reused;

    /// <summary>
    /// For each change of fate in a corridor, branch and state, the member with the smallest id that shows it: a concrete
    /// career a reader can run through <c>strata evaluate</c> with and without the reform to see why. The smallest id
    /// makes the choice the same whatever the threads; merged shards keep the smallest of theirs.
    /// </summary>
    public Dictionary<(string Origin, string Destination, Branch Branch, Role Role, Fate Before, Fate After), PopulationMember> Examples { get; } = [];

    /// <summary>Ids of members whose sampled check failed: the explain path disagreed with the fast path, or a career the footprint skipped got different answers from the reformed law. A non-empty list fails the run.</summary>
    public List<long> Mismatches { get; } = [];

    /// <summary>Adds one member's baseline and reform entitlements.</summary>
    /// <param name="member">The member.</param>
    /// <param name="before">Entitlements under today's law (from <see cref="ReformSimulation.Evaluate"/>).</param>
    /// <param name="after">Entitlements under the reformed law, in the same order.</param>
    /// <param name="settings">Settings (for present values).</param>
    public void Add(PopulationMember member, IReadOnlyList<Entitlement> before, IReadOnlyList<Entitlement> after, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        members++;
        periods += member.Career.Count;
        var weight = Math.Round((decimal)member.Weight, 6);
        var i = 0;
        while (i < before.Count)
        {
            var branch = before[i].Branch;
            var key = (member.Origin, member.Destination, branch);
            if (!Corridors.TryGetValue(key, out var t))
            {
                Corridors[key] = t = new BranchTally();
            }

            t.workers += weight;
            t.members++;
            bool changed = false, better = false, worse = false, unknownAmount = false, becameUnknown = false, becameKnown = false;
            decimal valueBefore = 0, valueAfter = 0;
            for (; i < before.Count && before[i].Branch == branch; i++)
            {
                Entitlement b = before[i], a = after[i];
                changed |= b.Fate != a.Fate;
                var (rb, ra) = (Rank(b.Fate), Rank(a.Fate));
                var ranked = ra >= 0 && rb >= 0;
                better |= ranked && ra < rb;
                worse |= ranked && ra > rb;
                unknownAmount |= !b.AmountKnown || !a.AmountKnown;
                becameUnknown |= b.Complete && !a.Complete;
                becameKnown |= !b.Complete && a.Complete;
                if (b.Fate.LosesPeriods() && a.Fate.KeepsPeriods())
                {
                    t.monthsRescued += weight * a.Months;
                }
                else if (b.Fate.KeepsPeriods() && a.Fate.LosesPeriods())
                {
                    t.monthsLost += weight * b.Months;
                }

                var role = b.Country == member.Origin ? Role.Origin : b.Country == member.Destination ? Role.Destination : (Role?)null;
                if (role is { } r)
                {
                    var transition = (r, b.Fate, a.Fate);
                    t.Transitions[transition] = t.Transitions.GetValueOrDefault(transition) + weight;
                    var example = (member.Origin, member.Destination, branch, r, b.Fate, a.Fate);
                    if (b.Fate != a.Fate && (!Examples.TryGetValue(example, out var known) || member.Id < known.Id))
                    {
                        Examples[example] = member;
                    }
                }

                // Money is compared only where both runs know every scheme's outcome and amount: an outcome that turns
                // unknown (BecameUnknown), or a lump sum that becomes a pension of unknown amount (AmountUnknown), is
                // reported as such, not as a loss of its value.
                if (!(b.Complete && a.Complete && b.AmountKnown && a.AmountKnown))
                {
                    continue;
                }

                var payerKey = (b.Country, branch);
                if (!Payers.TryGetValue(payerKey, out var payer))
                {
                    Payers[payerKey] = payer = new PayerTally();
                }

                t.monthlyBefore += weight * b.PensionUsd;
                t.monthlyAfter += weight * a.PensionUsd;
                payer.monthlyBefore += weight * b.PensionUsd;
                payer.monthlyAfter += weight * a.PensionUsd;
                if (branch == Branch.OldAge)
                {
                    var (pb, lb, rb2) = ReformSimulation.PresentValues(b, member, settings);
                    var (pa, la, ra2) = ReformSimulation.PresentValues(a, member, settings);
                    valueBefore += pb + lb + rb2;
                    valueAfter += pa + la + ra2;
                    payer.pensionsBefore += weight * pb;
                    payer.pensionsAfter += weight * pa;
                    payer.lumpSumsBefore += weight * lb;
                    payer.lumpSumsAfter += weight * la;
                    payer.refundsBefore += weight * rb2;
                    payer.refundsAfter += weight * ra2;
                    payer.valueBefore += weight * (pb + lb + rb2);
                    payer.valueAfter += weight * (pa + la + ra2);
                }
            }

            t.changed += changed ? weight : 0;
            t.better += better && !worse ? weight : 0;
            t.worse += worse ? weight : 0;
            t.amountUnknown += unknownAmount ? weight : 0;
            t.becameUnknown += becameUnknown ? weight : 0;
            t.becameKnown += becameKnown ? weight : 0;
            t.valueBefore += weight * valueBefore;
            t.valueAfter += weight * valueAfter;
            t.valueGainers += valueAfter > valueBefore ? weight : 0;
            t.valueLosers += valueAfter < valueBefore ? weight : 0;
        }
    }

    /// <summary>Adds another tally (a thread's or a shard's) into this one.</summary>
    /// <param name="other">The other tally.</param>
    public void Merge(SimulationTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        members += other.Members;
        periods += other.Periods;
        checkedCount += other.Checked;
        reused += other.Reused;
        Mismatches.AddRange(other.Mismatches);
        Mismatches.Sort();
        foreach (var (key, value) in other.Corridors)
        {
            if (!Corridors.TryGetValue(key, out var t))
            {
                Corridors[key] = t = new BranchTally();
            }

            t.Add(value);
        }

        foreach (var (key, member) in other.Examples)
        {
            if (!Examples.TryGetValue(key, out var known) || member.Id < known.Id)
            {
                Examples[key] = member;
            }
        }

        foreach (var (key, value) in other.Payers)
        {
            if (!Payers.TryGetValue(key, out var p))
            {
                Payers[key] = p = new PayerTally();
            }

            p.Add(value);
        }
    }

    /// <summary>Totals of a branch over every corridor.</summary>
    /// <param name="branch">Branch.</param>
    /// <returns>The totals.</returns>
    public BranchTally Total(Branch branch)
    {
        var total = new BranchTally();
        foreach (var (key, value) in Corridors.OrderBy(k => k.Key.Origin, StringComparer.Ordinal).ThenBy(k => k.Key.Destination, StringComparer.Ordinal))
        {
            if (key.Branch == branch)
            {
                total.Add(value);
            }
        }

        return total;
    }

    /// <summary>
    /// The order used to tell better from worse: a pension paid where the person lives, then a lump sum, a refund, a
    /// pension not paid where the person lives, and nothing (lost or not covered, ranked equal: both leave the worker
    /// without a benefit). Unknown is not ranked: a change to or from it is neither better nor worse.
    /// </summary>
    private static int Rank(Fate fate) => fate switch
    {
        Fate.PensionWhereLiving => 0,
        Fate.LumpSum => 1,
        Fate.Refund => 2,
        Fate.PensionNotPaidWhereLiving => 3,
        Fate.Lost or Fate.NotCovered => 4,
        _ => -1,
    };
}
