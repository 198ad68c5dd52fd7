using Strata.Cases;
using Strata.Evaluation;
using Strata.Law;

namespace Strata.Simulation;

/// <summary>What a worker ends up with from one state for one branch, in the terms a reform is judged by.</summary>
public enum Fate
{
    /// <summary>A pension paid where the person lives.</summary>
    PensionWhereLiving,
    /// <summary>A single payment by right (old-age grant, provident fund balance).</summary>
    LumpSum,
    /// <summary>Contributions refunded: the periods end.</summary>
    Refund,
    /// <summary>A pension is due but not paid where the person lives.</summary>
    PensionNotPaidWhereLiving,
    /// <summary>Insured, but nothing is due and nothing is refunded: the contributions are lost.</summary>
    Lost,
    /// <summary>Not insured by the state's schemes.</summary>
    NotCovered,
    /// <summary>The law needed to decide is not known to Strata.</summary>
    Unknown,
}

/// <summary>Contract names of <see cref="Fate"/>.</summary>
public static class FateNames
{
    private static readonly string[] Names = ["pension-paid-where-living", "lump-sum", "refund", "pension-not-paid-where-living", "lost", "not-covered", "unknown"];

    /// <summary>Gets the contract name.</summary>
    /// <param name="fate">The fate.</param>
    /// <returns>The kebab-case name.</returns>
    public static string ToName(this Fate fate) => Names[(int)fate];

    /// <summary>Parses a contract name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="fate">The fate when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string name, out Fate fate)
    {
        var i = Array.IndexOf(Names, name);
        fate = i < 0 ? default : (Fate)i;
        return i >= 0;
    }

    /// <summary>Whether a fate keeps the periods' value for the worker (a benefit by right, here or abroad).</summary>
    /// <param name="fate">The fate.</param>
    /// <returns>True for pensions (paid where living or not) and lump sums.</returns>
    public static bool KeepsPeriods(this Fate fate) => fate is Fate.PensionWhereLiving or Fate.PensionNotPaidWhereLiving or Fate.LumpSum;

    /// <summary>Whether a fate is one where contributions paid give the worker nothing lasting: a refund or nothing.</summary>
    /// <param name="fate">The fate.</param>
    /// <returns>True for refunds and lost contributions.</returns>
    public static bool LosesPeriods(this Fate fate) => fate is Fate.Refund or Fate.Lost;
}

/// <summary>Settings of a simulation: the law's date, the discounting and the currency conversion.</summary>
public sealed record SimulationSettings
{
    /// <summary>The law of this day decides both runs (baseline and reform); careers end before its month.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Real annual discount rate for present values (e.g. 0.03).</summary>
    public required double DiscountRate { get; init; }

    /// <summary>Years an old-age pension is assumed to be paid from the claim at 65.</summary>
    public required int PensionYears { get; init; }

    /// <summary>Units of each currency per US dollar; amounts in other currencies are counted as of unknown value.</summary>
    public required IReadOnlyDictionary<string, decimal> UnitsPerUsd { get; init; }

    /// <summary>The branches compared.</summary>
    public static IReadOnlyList<Branch> Branches { get; } = [Branch.OldAge, Branch.Invalidity, Branch.Survivors, Branch.EmploymentInjury];
}

/// <summary>How a simulation runs: threads, batches, the explain-path sample and progress.</summary>
public sealed record RunOptions
{
    /// <summary>Worker threads.</summary>
    /// <value>All cores.</value>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Members handed to a worker at a time.</summary>
    /// <value>256.</value>
    public int BatchSize { get; init; } = 256;

    /// <summary>Members whose id is a multiple of this are re-evaluated on the explain path; 0 checks none.</summary>
    /// <value>1000.</value>
    public long CheckEvery { get; init; } = 1000;

    /// <summary>Called with the number of members done so far, from worker threads.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>What the reform can touch: careers outside it reuse the baseline's answers. Null evaluates every career under both laws.</summary>
    public ReformFootprint? Footprint { get; init; }
}

/// <summary>What one state gives a member for one branch.</summary>
/// <param name="Country">Paying state.</param>
/// <param name="Branch">Branch.</param>
/// <param name="Fate">What the worker ends up with.</param>
/// <param name="PensionUsd">Monthly pensions paid where the person lives, in US$, from every scheme of the state that pays one (0 when none).</param>
/// <param name="LumpSumUsd">Lump sums by right (grants, provident fund balances), in US$, from every scheme that pays one.</param>
/// <param name="RefundUsd">Refunds, in US$, from every scheme that pays one.</param>
/// <param name="Months">Months insured under the state's schemes for the branch.</param>
/// <param name="AmountKnown">False when a benefit is due but its amount, or its currency's rate, is not known.</param>
/// <param name="Complete">False when one of the state's schemes for the branch has an unknown outcome, so the state's total is incomplete.</param>
public readonly record struct Entitlement(string Country, Branch Branch, Fate Fate, decimal PensionUsd, decimal LumpSumUsd, decimal RefundUsd, int Months, bool AmountKnown,
    bool Complete = true);

/// <summary>
/// Runs members of a population through two knowledge bases — today's law and a reformed law — with the same evaluator,
/// and tallies what changes. Each member gives two cases, as in the corridor analysis: an old-age claim at 65, and a
/// contingency (invalidity, death, injury) on the last day of work in the destination; both are judged under the law of
/// <see cref="SimulationSettings.Date"/>.
/// </summary>
public static class ReformSimulation
{
    private static readonly Branch[] RiskBranches = [Branch.Invalidity, Branch.Survivors, Branch.EmploymentInjury];

    /// <summary>
    /// Runs a population through both laws on the fast path, in parallel, streaming: members are pulled in small batches
    /// as workers free up, so memory stays bounded whatever the population's size. Every
    /// <see cref="RunOptions.CheckEvery"/>-th member (by id) is also re-evaluated on the explain path under both laws.
    /// </summary>
    /// <param name="baseline">Today's law.</param>
    /// <param name="reform">The reformed law.</param>
    /// <param name="members">The population (or one shard's members).</param>
    /// <param name="settings">Settings.</param>
    /// <param name="options">Threads, sampling and progress.</param>
    /// <returns>The merged tally.</returns>
    public static SimulationTally Run(KnowledgeBase baseline, KnowledgeBase reform, IEnumerable<PopulationMember> members, SimulationSettings settings,
        RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        var batchSize = (options ?? new RunOptions()).BatchSize;
        return Run(baseline, reform, members.Chunk(batchSize).Select(chunk => (Func<PopulationMember[]>)(() => chunk)), settings, options);
    }

    /// <summary>
    /// Runs a population given as batches that are materialised by the worker that takes them, so that generating (or
    /// parsing) a batch happens in parallel too.
    /// </summary>
    /// <param name="baseline">Today's law.</param>
    /// <param name="reform">The reformed law.</param>
    /// <param name="batches">The population in batches (e.g. <see cref="PopulationSynthesizer.Batches"/>).</param>
    /// <param name="settings">Settings.</param>
    /// <param name="options">Threads, sampling, footprint and progress.</param>
    /// <returns>The merged tally.</returns>
    public static SimulationTally Run(KnowledgeBase baseline, KnowledgeBase reform, IEnumerable<Func<PopulationMember[]>> batches, SimulationSettings settings,
        RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(reform);
        ArgumentNullException.ThrowIfNull(batches);
        options ??= new RunOptions();
        var footprint = options.Footprint ?? ReformFootprint.Everything;
        var total = new SimulationTally();
        var gate = new object();
        long done = 0;
        var partitioner = System.Collections.Concurrent.Partitioner.Create(batches, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, () => new SimulationTally(), (makeBatch, _, tally) =>
        {
            var batch = makeBatch();
            foreach (var member in batch)
            {
                var before = Evaluate(baseline, member, settings);
                var touched = footprint.MayTouch(member);
                var after = touched ? Evaluate(reform, member, settings) : before;
                tally.reused += touched ? 0 : 1;
                tally.Add(member, before, after, settings);
                if (options.CheckEvery > 0 && member.Id % options.CheckEvery == 0)
                {
                    tally.checkedCount++;
                    // The footprint is checked too: an untouched career must get the same answers from the reformed law.
                    if (!FastPathAgrees(baseline, member, settings.Date) || !FastPathAgrees(reform, member, settings.Date)
                        || (!touched && !Evaluate(reform, member, settings).AsSpan().SequenceEqual(before)))
                    {
                        tally.Mismatches.Add(member.Id);
                    }
                }
            }

            options.Progress?.Invoke(Interlocked.Add(ref done, batch.Length));
            return tally;
        }, tally =>
        {
            lock (gate)
            {
                total.Merge(tally);
            }
        });
        return total;
    }

    /// <summary>The two cases of a member.</summary>
    /// <param name="member">The member.</param>
    /// <param name="date">The analysis date.</param>
    /// <returns>The old-age case and the risk case.</returns>
    public static (Case OldAge, Case Risks) Cases(PopulationMember member, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(member);
        var person = member.Person;
        var oldAge = new Case(person, member.Career, new Claim(person.ReachesAge(65), [Branch.OldAge]));
        var last = member.LastDayInDestination;
        var risks = new Case(person, member.Career, new Claim(date, RiskBranches, last == DateOnly.MinValue ? date : last));
        return (oldAge, risks);
    }

    /// <summary>Evaluates a member under one law on the fast path.</summary>
    /// <param name="knowledge">The law.</param>
    /// <param name="member">The member.</param>
    /// <param name="settings">Settings.</param>
    /// <returns>One entitlement per state of the career and branch compared.</returns>
    public static Entitlement[] Evaluate(KnowledgeBase knowledge, PopulationMember member, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (oldAge, risks) = Cases(member, settings.Date);
        var options = new EvaluationOptions { LawAsOf = settings.Date, Explain = false };
        var a = Evaluator.Evaluate(knowledge, oldAge, options).Determinations;
        var b = Evaluator.Evaluate(knowledge, risks, options).Determinations;
        return Entitlements(member, a, b, settings);
    }

    /// <summary>
    /// Re-evaluates a member on the explain path and checks it agrees with the fast path, under one law. The simulation
    /// runs this on a sample: a disagreement means the fast path has drifted from the rules and fails the run.
    /// </summary>
    /// <param name="knowledge">The law.</param>
    /// <param name="member">The member.</param>
    /// <param name="date">The analysis date.</param>
    /// <returns>True when both paths agree on both cases.</returns>
    public static bool FastPathAgrees(KnowledgeBase knowledge, PopulationMember member, DateOnly date)
    {
        var (oldAge, risks) = Cases(member, date);
        var fast = new EvaluationOptions { LawAsOf = date, Explain = false };
        var slow = fast with { Explain = true };
        return Evaluator.Evaluate(knowledge, oldAge, slow).AgreesWith(Evaluator.Evaluate(knowledge, oldAge, fast))
            && Evaluator.Evaluate(knowledge, risks, slow).AgreesWith(Evaluator.Evaluate(knowledge, risks, fast));
    }

    private static Entitlement[] Entitlements(PopulationMember member, IReadOnlyList<Determination> oldAge, IReadOnlyList<Determination> risks,
        SimulationSettings settings)
    {
        var countries = new List<string>(3);
        foreach (var p in member.Career)
        {
            if (!countries.Contains(p.Country))
            {
                countries.Add(p.Country);
            }
        }

        var result = new Entitlement[countries.Count * SimulationSettings.Branches.Count];
        var n = 0;
        foreach (var branch in SimulationSettings.Branches)
        {
            var determinations = branch == Branch.OldAge ? oldAge : risks;
            foreach (var country in countries)
            {
                result[n++] = Combine(country, branch, determinations, member.Person.Residence, settings);
            }
        }

        return result;
    }

    /// <summary>The fates of a state's schemes for a branch, combined: the best fate, with the amounts of every scheme that gives one.</summary>
    private static Entitlement Combine(string country, Branch branch, IReadOnlyList<Determination> determinations, string residence, SimulationSettings settings)
    {
        var best = Fate.Unknown;
        var any = false;
        decimal pension = 0, lumpSum = 0, refund = 0;
        var months = 0;
        var known = true;
        var complete = true;
        foreach (var d in determinations)
        {
            if (d.Country != country || d.Branch != branch)
            {
                continue;
            }

            var (fate, amount) = FateOf(d, residence);
            months = Math.Max(months, d.Periods.Own);
            complete &= fate != Fate.Unknown;
            if (fate is Fate.PensionWhereLiving or Fate.LumpSum or Fate.Refund)
            {
                if (amount is { } a && Usd(a, settings) is { } usd)
                {
                    // Every scheme's payment is kept under its own kind: a state may pay a pension from one scheme and a
                    // provident fund balance from another (Indonesia's JP and JHT), and both count.
                    switch (fate)
                    {
                        case Fate.PensionWhereLiving:
                            pension += usd;
                            break;
                        case Fate.LumpSum:
                            lumpSum += usd;
                            break;
                        default:
                            refund += usd;
                            break;
                    }
                }
                else
                {
                    known = false;
                }
            }

            // Unknown ranks last among answers, so one scheme's unknown does not hide another scheme's benefit.
            if (!any || (fate != Fate.Unknown && (best == Fate.Unknown || fate < best)))
            {
                best = fate;
                any = true;
            }
        }

        return new Entitlement(country, branch, any ? best : Fate.Unknown, pension, lumpSum, refund, months, known, complete);
    }

    private static (Fate Fate, Amount? Amount) FateOf(Determination d, string residence)
    {
        switch (d.Outcome)
        {
            case Outcome.Pension:
                return d.Country == residence || d.Exportable == true ? (Fate.PensionWhereLiving, d.Amount)
                    : d.Exportable == false ? (Fate.PensionNotPaidWhereLiving, null) : (Fate.Unknown, null);
            case Outcome.LumpSum:
                return (Fate.LumpSum, d.Amount);
            case Outcome.Refund:
                return (Fate.Refund, d.Amount);
            case Outcome.NotEntitled:
                // A worker who gets nothing takes a refund or a lump sum where the law offers one.
                foreach (var o in d.Options)
                {
                    if (o.Outcome is Outcome.Refund or Outcome.LumpSum)
                    {
                        return (o.Outcome == Outcome.Refund ? Fate.Refund : Fate.LumpSum, o.Amount);
                    }
                }

                return (Fate.Lost, null);
            case Outcome.NotCovered:
                return (Fate.NotCovered, null);
            default:
                return (Fate.Unknown, null);
        }
    }

    private static decimal? Usd(Amount amount, SimulationSettings settings) =>
        settings.UnitsPerUsd.TryGetValue(amount.Currency, out var rate) && rate > 0 ? Math.Round(amount.Value / rate, 2) : null;

    /// <summary>
    /// Present values on the analysis date of what an old-age entitlement pays, by kind: its pensions paid monthly from
    /// the 65th birthday for <see cref="SimulationSettings.PensionYears"/> years, its lump sums on the 65th birthday, its
    /// refunds on the analysis date (as if the worker were leaving under that law).
    /// </summary>
    /// <param name="e">The entitlement.</param>
    /// <param name="member">The member.</param>
    /// <param name="settings">Settings.</param>
    /// <returns>Present values in US$, each rounded to cents.</returns>
    public static (decimal Pensions, decimal LumpSums, decimal Refunds) PresentValues(Entitlement e, PopulationMember member, SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(settings);
        var v = 1 / (1 + settings.DiscountRate);
        var claim = member.Person.ReachesAge(65);
        var years = Math.Max(0, (claim.DayNumber - settings.Date.DayNumber) / 365.25);
        var atClaim = Math.Pow(v, years);
        return (Math.Round((decimal)((double)e.PensionUsd * atClaim * Annuity(v, settings.PensionYears)), 2),
            Math.Round((decimal)((double)e.LumpSumUsd * atClaim), 2),
            e.RefundUsd);
    }

    /// <summary>The present value of everything an old-age entitlement pays (the sum of <see cref="PresentValues"/>).</summary>
    /// <param name="e">The entitlement.</param>
    /// <param name="member">The member.</param>
    /// <param name="settings">Settings.</param>
    /// <returns>Present value in US$.</returns>
    public static decimal PresentValue(Entitlement e, PopulationMember member, SimulationSettings settings)
    {
        var (p, l, r) = PresentValues(e, member, settings);
        return p + l + r;
    }

    /// <summary>Value at its start of 1 a month for <paramref name="years"/> years, paid at the start of each month.</summary>
    private static double Annuity(double v, int years)
    {
        var monthly = Math.Pow(v, 1 / 12d);
        return monthly == 1 ? years * 12 : (1 - Math.Pow(v, years)) / (1 - monthly);
    }
}
