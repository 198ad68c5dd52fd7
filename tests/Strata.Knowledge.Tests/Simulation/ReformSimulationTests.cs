using Strata.Cases;
using Strata.Knowledge.Contracts;
using Strata.Knowledge.Data;
using Strata.Knowledge.Loading;
using Strata.Knowledge.Tests.Population;
using Strata.Law;
using Strata.Simulation;

namespace Strata.Knowledge.Tests.Simulation;

public class ReformSimulationTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly Lazy<KnowledgeBase> Baseline = new(() => KnowledgeLoader.Load(Repository.Knowledge, Today).GetValueOrThrow());
    private static readonly Lazy<KnowledgeBase> Asean = new(() => Reformed("asean-agreement"));

    private static KnowledgeBase Reformed(string reform) => ReformedWithIds(reform).Knowledge;

    private static (KnowledgeBase Knowledge, IReadOnlyList<string> Ids) ReformedWithIds(string reform)
    {
        var (result, statistics) = KnowledgeLoader.LoadWithStatistics(Repository.Knowledge, Today, [Path.Combine(Repository.Root, "reforms", reform)]);
        return (result.GetValueOrThrow(), statistics.Overlaid ?? []);
    }

    private static readonly SimulationSettings Settings = new()
    {
        Date = new DateOnly(2027, 6, 1), DiscountRate = 0.03, PensionYears = 18,
        UnitsPerUsd = ExchangeRates.Load(Path.Combine(Repository.Root, "data", "wb-wdi"), Path.Combine(Repository.Root, "data", "fred-exchange-rates")).UnitsPerUsd,
    };

    /// <summary>A Lao worker: 12 years insured at home, 4 in Thailand, back home. Thailand's old-age pension needs 180 months of contributions.</summary>
    private static PopulationMember LaoWorker() => new(1, 1000, new Person(new DateOnly(1988, 3, 10), ["LA"], "LA", "male"),
    [
        new CareerPeriod("LA", new DateOnly(2008, 1, 1), new DateOnly(2019, 12, 31), Activity.Employed, null, true, 3_000_000, "LAK"),
        new CareerPeriod("TH", new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31), Activity.Employed, null, true, 12_000, "THB"),
    ]);

    [Fact]
    public void Evaluate_LaoWorkerInThailand_AseanAgreementTurnsTheGrantIntoAPensionPaidInLaos()
    {
        // Today: 48 Thai months are short of the 180 the Social Security Act requires for a pension, so Thailand pays an
        // old-age grant. Under the reform, Lao periods are aggregated (192 months) and the pro-rata pension is exported.
        var before = ReformSimulation.Evaluate(Baseline.Value, LaoWorker(), Settings).Single(e => e.Country == "TH" && e.Branch == Branch.OldAge);
        var after = ReformSimulation.Evaluate(Asean.Value, LaoWorker(), Settings).Single(e => e.Country == "TH" && e.Branch == Branch.OldAge);
        Assert.Equal(Fate.LumpSum, before.Fate);
        Assert.Equal(Fate.PensionWhereLiving, after.Fate);
        Assert.True(after.PensionUsd > 0);
        Assert.Equal(48, after.Months);
    }

    [Fact]
    public void Run_AnyNumberOfThreadsOrShards_SameTotalsToTheCent()
    {
        var members = PopulationFileTests.Synthetic(1_500, seed: 3);
        var one = ReformSimulation.Run(Baseline.Value, Asean.Value, members, Settings, new RunOptions { Threads = 1, CheckEvery = 100 });
        var two = ReformSimulation.Run(Baseline.Value, Asean.Value, members.Reverse(), Settings, new RunOptions { Threads = 2, BatchSize = 7, CheckEvery = 100 });
        var sharded = new SimulationTally();
        foreach (var k in new[] { 2, 0, 1 })
        {
            sharded.Merge(ReformSimulation.Run(Baseline.Value, Asean.Value, members.Where(m => m.Id % 3 == k), Settings, new RunOptions { CheckEvery = 100 }));
        }

        var setup = new SimulationSetup { Reforms = ["asean-agreement"], Population = "test", Date = Settings.Date, DiscountRate = 0.03, PensionYears = 18, CheckEvery = 100 };
        var expected = SimulationPartial.Write(setup, null, one, 0);
        Assert.Equal(expected, SimulationPartial.Write(setup, null, two, 0));
        Assert.Equal(expected, SimulationPartial.Write(setup, null, sharded, 0));
        Assert.Equal(15, one.Checked);
        Assert.Empty(one.Mismatches);
    }

    [Fact]
    public void Partial_WriteThenRead_GivesTheSameDocument()
    {
        var tally = ReformSimulation.Run(Baseline.Value, Asean.Value, PopulationFileTests.Synthetic(300), Settings);
        var setup = new SimulationSetup { Reforms = ["reforms/asean-agreement"], Population = "p", Date = Settings.Date, DiscountRate = 0.03, PensionYears = 18, CheckEvery = 1000 };
        var text = SimulationPartial.Write(setup, "1/4", tally, 1.5);
        var read = SimulationPartial.Read("partial.json", text, out var problem);
        Assert.Null(problem);
        Assert.Equal(text, SimulationPartial.Write(read!.Value.Setup, read.Value.Shard, read.Value.Tally, read.Value.Seconds));
    }

    [Fact]
    public void Partial_NotAPartial_IsRefusedWithTheFileName()
    {
        Assert.Null(SimulationPartial.Read("x.json", "{\"strata\": \"determination/v1\"}", out var problem));
        Assert.StartsWith("x.json", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("asean-agreement", "LA", "TH", true)]
    [InlineData("asean-agreement", "LA", "JP", false)]
    [InlineData("asean-agreement", "PH", "SA", false)]
    [InlineData("sg-cpf-foreign-workers", "MY", "SG", true)]
    [InlineData("sg-cpf-foreign-workers", "MM", "TH", false)]
    [InlineData("c118-c157-ratified", "VN", "KR", false)]
    public void Footprint_Corridor_TouchedOnlyWhereTheReformedLawCanReach(string reform, string origin, string destination, bool expected)
    {
        var (reformed, ids) = ReformedWithIds(reform);
        var footprint = ReformFootprint.Of(Baseline.Value, reformed, ids);
        var member = new PopulationMember(1, 1, new Person(new DateOnly(1990, 1, 1), [origin], origin),
            [new CareerPeriod(destination, new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31), Activity.Employed, null, true, null, "XXX")]);
        Assert.Equal(expected, footprint.MayTouch(member));
    }

    [Theory]
    [InlineData("asean-agreement")]
    [InlineData("c118-c157-ratified")]
    [InlineData("sg-cpf-foreign-workers")]
    public void Footprint_UntouchedCareers_GetTheSameAnswersFromTheReformedLaw(string reform)
    {
        var (reformed, ids) = ReformedWithIds(reform);
        var footprint = ReformFootprint.Of(Baseline.Value, reformed, ids);
        var untouched = PopulationFileTests.Synthetic(2_000, seed: 21).Where(m => !footprint.MayTouch(m)).ToArray();
        Assert.NotEmpty(untouched);
        Assert.All(untouched, m => Assert.Equal(ReformSimulation.Evaluate(Baseline.Value, m, Settings), ReformSimulation.Evaluate(reformed, m, Settings)));
    }
}
