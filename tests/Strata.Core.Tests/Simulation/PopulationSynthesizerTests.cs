using Strata.Simulation;

namespace Strata.Core.Tests.Simulation;

public class PopulationSynthesizerTests
{
    // Mid-month, so that a career ending "before the analysis month" is told apart from one ending before the day.
    private static readonly DateOnly Date = new(2027, 6, 15);

    private static readonly DateOnly MonthStart = new(2027, 6, 1);

    private static readonly CorridorStock[] Stocks =
    [
        new("MM", "TH", 1_858_735), new("KH", "TH", 689_451), new("ID", "MY", 1_230_000), new("PH", "SA", 612_000), new("LA", "TH", 934_936),
    ];

    internal static PopulationAssumptions Assumptions(double documented = 0.7, double returns = 0.8) => new()
    {
        HomeWorkFromAge = 20,
        EndWithinMonths = 120,
        WageFactorMin = 0.5,
        WageFactorMax = 1.0,
        Basis = [],
        Destinations = new Dictionary<string, DestinationAssumptions>
        {
            ["TH"] = new()
            {
                Country = "TH", Stays = [new(24, 0.3), new(48, 0.4), new(96, 0.3)], DocumentedShare = documented, ReturnShare = returns, MinAge = 18, MaxAge = 35,
                FemaleShare = 0.5, DomesticWorkShare = 0.05, Basis = [],
            },
            ["*"] = new()
            {
                Country = "*", Stays = [new(24, 1)], DocumentedShare = 1, ReturnShare = 1, MinAge = 20, MaxAge = 40, FemaleShare = 0.5, DomesticWorkShare = 0.1, Basis = [],
            },
        },
    };

    private static (decimal, string)? Wage(string country) => country switch { "TH" => (9000m, "THB"), "MY" => (4000m, "MYR"), _ => null };

    private static List<PopulationMember> Generate(long size, ulong seed) =>
        [.. PopulationSynthesizer.Generate(Stocks, Assumptions(), Wage, Date, size, seed)];

    [Fact]
    public void Allocate_AnySize_CountsAddUpAndFollowTheStocks()
    {
        foreach (var size in new long[] { 1, 7, 1000, 123_457 })
        {
            var allocation = PopulationSynthesizer.Allocate(Stocks, size);
            Assert.Equal(size, allocation.Sum(a => a.Count));
            var total = Stocks.Sum(s => (decimal)s.Migrants);
            foreach (var (corridor, _, count) in allocation)
            {
                // Largest remainders: each corridor is within one member of its exact share.
                Assert.True(Math.Abs(count - (size * corridor.Migrants / total)) < 1);
            }
        }
    }

    [Fact]
    public void Generate_Weights_AddUpToEachCorridorsStock()
    {
        var members = Generate(10_000, 3);
        foreach (var corridor in Stocks)
        {
            var weight = members.Where(m => m.Origin == corridor.Origin && m.Destination == corridor.Destination).Sum(m => (decimal)m.Weight);
            Assert.Equal(corridor.Migrants, weight, 0);
        }
    }

    [Fact]
    public void Generate_SameSeed_SamePopulation_OtherSeedDiffers()
    {
        static string Text(IEnumerable<PopulationMember> ms) => string.Join("\n", ms.Select(m =>
            $"{m.Id} {m.Weight} {m.Person.Born} {m.Person.Sex} {m.Person.Residence} " + string.Join(";", m.Career.Select(p => $"{p.Country} {p.From} {p.To} {p.Documented} {p.MonthlyWage} {p.Sector}"))));
        Assert.Equal(Text(Generate(2_000, 42)), Text(Generate(2_000, 42)));
        Assert.NotEqual(Text(Generate(2_000, 42)), Text(Generate(2_000, 43)));
    }

    [Fact]
    public void Generate_EveryCareer_EndsBeforeTheAnalysisMonthWithoutGapsOrOverlaps()
    {
        foreach (var m in Generate(5_000, 9))
        {
            var periods = m.Career.OrderBy(p => p.From).ToArray();
            Assert.True(periods[^1].To < MonthStart, $"{m.Id} ends {periods[^1].To}");
            for (var i = 1; i < periods.Length; i++)
            {
                Assert.Equal(periods[i - 1].To.AddDays(1), periods[i].From);
            }

            // A worker who stays works in the destination until the month before the analysis date.
            Assert.Contains(m.Person.Residence, new[] { m.Origin, m.Destination });
            if (m.Person.Residence == m.Destination)
            {
                Assert.Equal((m.Destination, MonthStart.AddDays(-1)), (periods[^1].Country, periods[^1].To));
            }
        }
    }

    [Fact]
    public void Generate_NeighbouringMembers_DrawIndependently()
    {
        // Members of one corridor differ only by id: their draws must not be shifted copies of each other's.
        var members = Generate(20_000, 0).Where(m => m.Destination == "TH" && m.Origin == "MM").Take(2_000).ToArray();
        var sameBirthMonth = members.Zip(members.Skip(1)).Count(p => p.First.Person.Born.Month == p.Second.Person.Born.Month && p.First.Person.Born.Day == p.Second.Person.Born.Day);
        Assert.True(sameBirthMonth < 20, $"{sameBirthMonth} neighbours share a birthday");
    }

    [Fact]
    public void Generate_StaysAndShares_FollowTheAssumptions()
    {
        var thailand = Generate(40_000, 5).Where(m => m.Destination == "TH").ToArray();
        var returned = thailand.Where(m => m.Person.Residence == m.Origin).ToArray();
        var stays = returned.Select(m => m.Career.Single(p => p.Country == "TH")).Select(p => ((p.To.Year - p.From.Year) * 12) + p.To.Month - p.From.Month + 1).ToArray();
        Assert.All(stays, s => Assert.Contains(s, new[] { 24, 48, 96 }));
        Assert.InRange(stays.Count(s => s == 48) / (double)stays.Length, 0.37, 0.43);
        Assert.InRange(returned.Length / (double)thailand.Length, 0.77, 0.83);
        var documented = thailand.Count(m => m.Career.Single(p => p.Country == "TH").Documented) / (double)thailand.Length;
        Assert.InRange(documented, 0.67, 0.73);
    }
}
