using Strata.Cases;
using Strata.Law;
using Strata.Simulation;

namespace Strata.Core.Tests.Simulation;

public class SimulationTallyTests
{
    private static readonly SimulationSettings Settings = new()
    {
        Date = new DateOnly(2027, 6, 1), DiscountRate = 0.03, PensionYears = 18, UnitsPerUsd = new Dictionary<string, decimal> { ["USD"] = 1m },
    };

    private static PopulationMember Member(long id, double weight, int age = 35) => new(id, weight,
        new Person(new DateOnly(2027 - age, 3, 10), ["LA"], "LA", "female"),
        [new CareerPeriod("LA", new DateOnly(2012, 1, 1), new DateOnly(2019, 12, 31), Activity.Employed, null, true, 100, "USD"),
         new CareerPeriod("TH", new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31), Activity.Employed, null, true, 300, "USD")]);

    private static Entitlement E(string country, Branch branch, Fate fate, decimal monthly = 0, decimal once = 0, int months = 48) =>
        new(country, branch, fate, fate == Fate.PensionWhereLiving ? monthly : 0, fate == Fate.LumpSum ? once : 0, fate == Fate.Refund ? once : 0, months, true,
            Complete: fate != Fate.Unknown);

    [Fact]
    public void PresentValue_PensionAtZeroRate_IsMonthlyTimesMonths()
    {
        var settings = Settings with { DiscountRate = 0 };
        var pv = ReformSimulation.PresentValue(E("TH", Branch.OldAge, Fate.PensionWhereLiving, monthly: 100), Member(1, 1), settings);
        Assert.Equal(100m * 18 * 12, pv);
    }

    [Fact]
    public void PresentValue_PensionAtThreePercent_MatchesTheMonthByMonthSum()
    {
        var member = Member(1, 1, age: 40);
        var pv = ReformSimulation.PresentValue(E("TH", Branch.OldAge, Fate.PensionWhereLiving, monthly: 100), member, Settings);
        var claim = member.Person.ReachesAge(65);
        var years = (claim.DayNumber - Settings.Date.DayNumber) / 365.25;
        var sum = Enumerable.Range(0, 18 * 12).Sum(k => 100 * Math.Pow(1.03, -(years + (k / 12.0))));
        Assert.Equal(sum, (double)pv, 1);
    }

    [Fact]
    public void PresentValues_PensionAndLumpSumFromTwoSchemes_BothCount()
    {
        // Indonesia pays a JP pension and a JHT balance: the best fate is the pension, but the balance is paid too.
        var member = Member(1, 1, age: 40);
        var both = new Entitlement("ID", Branch.OldAge, Fate.PensionWhereLiving, 100, 5_000, 0, 120, true);
        var (pensions, lumpSums, refunds) = ReformSimulation.PresentValues(both, member, Settings);
        Assert.Equal(ReformSimulation.PresentValue(E("ID", Branch.OldAge, Fate.PensionWhereLiving, monthly: 100), member, Settings), pensions);
        Assert.Equal(ReformSimulation.PresentValue(E("ID", Branch.OldAge, Fate.LumpSum, once: 5_000), member, Settings), lumpSums);
        Assert.Equal(0m, refunds);
        Assert.Equal(pensions + lumpSums, ReformSimulation.PresentValue(both, member, Settings));
    }

    [Fact]
    public void Add_AmountUnknownInOneRun_LeavesMoneyOutOfEveryTotal()
    {
        var tally = new SimulationTally();
        var unknownAmount = new Entitlement("TH", Branch.OldAge, Fate.PensionWhereLiving, 0, 0, 0, 48, AmountKnown: false);
        tally.Add(Member(1, 10), [E("TH", Branch.OldAge, Fate.Refund, once: 500)], [unknownAmount], Settings);
        var t = tally.Corridors[("LA", "TH", Branch.OldAge)];
        Assert.Equal(10m, t.AmountUnknown);
        Assert.Equal((0m, 0m, 0m, 0m), (t.ValueBefore, t.ValueAfter, t.MonthlyBefore, t.ValueLosers));
        Assert.False(tally.Payers.ContainsKey(("TH", Branch.OldAge)));
        Assert.Equal(10m, t.Better);
    }

    [Fact]
    public void PresentValue_Refund_IsPaidOnTheAnalysisDateUndiscounted()
    {
        Assert.Equal(750m, ReformSimulation.PresentValue(E("TH", Branch.OldAge, Fate.Refund, once: 750), Member(1, 1), Settings));
    }

    [Fact]
    public void Add_RefundBecomesPension_CountsBetterRescuedMonthsAndCostToThePayer()
    {
        var tally = new SimulationTally();
        var member = Member(1, 1000);
        tally.Add(member, [E("LA", Branch.OldAge, Fate.Lost, months: 96), E("TH", Branch.OldAge, Fate.Refund, once: 500)],
            [E("LA", Branch.OldAge, Fate.Lost, months: 96), E("TH", Branch.OldAge, Fate.PensionWhereLiving, monthly: 20)], Settings);
        var t = tally.Corridors[("LA", "TH", Branch.OldAge)];
        Assert.Equal(1000m, t.Workers);
        Assert.Equal(1000m, t.Better);
        Assert.Equal(0m, t.Worse);
        Assert.Equal(48_000m, t.MonthsRescued);
        Assert.Equal(1000m, t.Transitions[(Role.Destination, Fate.Refund, Fate.PensionWhereLiving)]);
        var payer = tally.Payers[("TH", Branch.OldAge)];
        Assert.Equal(500_000m, payer.RefundsBefore);
        Assert.Equal(0m, payer.RefundsAfter);
        Assert.Equal(1000m * ReformSimulation.PresentValue(E("TH", Branch.OldAge, Fate.PensionWhereLiving, monthly: 20), member, Settings), payer.ValueAfter);
    }

    [Fact]
    public void Add_FateBecomesUnknown_IsReportedAndNotCountedAsALossOfValue()
    {
        var tally = new SimulationTally();
        tally.Add(Member(1, 10), [E("TH", Branch.OldAge, Fate.LumpSum, once: 900)], [E("TH", Branch.OldAge, Fate.Unknown)], Settings);
        var t = tally.Corridors[("LA", "TH", Branch.OldAge)];
        Assert.Equal(10m, t.BecameUnknown);
        Assert.Equal(0m, t.ValueLosers);
        Assert.Equal(0m, t.Worse);
        Assert.Equal(0m, t.ValueBefore);
    }

    [Fact]
    public void Merge_AnySplitAndOrder_GivesExactlyTheSameTotals()
    {
        var members = Enumerable.Range(1, 300).Select(i => (Member: Member(i, 1000.0 / 7 * i), Fate: (Fate)(i % 6))).ToArray();
        SimulationTally Tally(IEnumerable<(PopulationMember Member, Fate Fate)> part)
        {
            var t = new SimulationTally();
            foreach (var (m, f) in part)
            {
                t.Add(m, [E("TH", Branch.OldAge, Fate.Refund, once: 333.33m)], [E("TH", Branch.OldAge, f, monthly: 12.34m, once: 56.78m)], Settings);
            }

            return t;
        }

        var whole = Tally(members);
        var merged = new SimulationTally();
        foreach (var shard in members.GroupBy(m => m.Member.Id % 4).OrderByDescending(g => g.Key))
        {
            merged.Merge(Tally(shard.Reverse()));
        }

        var (a, b) = (whole.Total(Branch.OldAge), merged.Total(Branch.OldAge));
        Assert.Equal(a.Workers, b.Workers);
        Assert.Equal(a.ValueAfter, b.ValueAfter);
        Assert.Equal(a.MonthlyAfter, b.MonthlyAfter);
        Assert.Equal(a.Transitions.OrderBy(x => x.Key), b.Transitions.OrderBy(x => x.Key));
        Assert.Equal(whole.Payers[("TH", Branch.OldAge)].ValueAfter, merged.Payers[("TH", Branch.OldAge)].ValueAfter);
    }
}
