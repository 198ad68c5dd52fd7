using Strata.Cases;
using Strata.Knowledge.Data;
using Strata.Knowledge.Population;
using Strata.Simulation;

namespace Strata.Knowledge.Tests.Population;

public sealed class PopulationFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-population-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DateOnly Date = new(2027, 6, 1);

    internal static PopulationMember[] Synthetic(int size, ulong seed = 11)
    {
        var assumptions = CareerAssumptionsFile.Load(Path.Combine(Repository.Root, "data", "population", "career-assumptions.yaml")).GetValueOrThrow();
        var wages = IllustrativeWages.Load(Path.Combine(Repository.Root, "data", "wb-wdi"));
        CorridorStock[] stocks = [new("MM", "TH", 1_858_735), new("PH", "SA", 600_000), new("ID", "TW", 200_000), new("VN", "KR", 150_000)];
        return [.. PopulationSynthesizer.Generate(stocks, assumptions, wages.Of, Date, size, seed)];
    }

    private static string Describe(PopulationMember m) =>
        $"{m.Id}|{m.Weight:R}|{m.Person.Nationalities[0]}|{m.Person.Sex}|{m.Person.Born}|{m.Person.Residence}|" +
        string.Join(";", m.Career.Select(p => $"{p.Country},{p.From},{p.To},{p.Activity},{p.Documented},{p.MonthlyWage},{(p.MonthlyWage is null ? "" : p.Currency)},{p.Sector},{p.Scheme},{p.PostedFrom}"));

    [Theory]
    [InlineData("population.csv")]
    [InlineData("population.parquet")]
    public void WriteThenRead_EachFormat_GivesBackTheSameMembers(string name)
    {
        var members = Synthetic(3_000);
        var path = Path.Combine(_folder, name);
        using (var writer = PopulationFile.Create(path))
        {
            foreach (var m in members)
            {
                writer.Write(m);
            }

            writer.Complete();
        }

        var reader = PopulationFile.Open(path);
        var back = reader.Members().ToArray();
        Assert.Empty(reader.Problems);
        Assert.Equal(members.Select(Describe), back.Select(Describe));
        Assert.Equal(members.Sum(m => m.Career.Count), reader.RowsRead);
    }

    [Fact]
    public void Write_NotCompleted_LeavesNoFile()
    {
        var path = Path.Combine(_folder, "unfinished.parquet");
        using (var writer = PopulationFile.Create(path))
        {
            writer.Write(Synthetic(10)[0]);
        }

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Read_BadCsvRows_OneLocatedProblemEach()
    {
        var header = string.Join(",", PopulationFile.Columns);
        var path = Path.Combine(_folder, "bad.csv");
        File.WriteAllLines(path,
        [
            header,
            "1,100,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,",   // 2: fine
            "2,100,MM,female,1990-13-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,",   // 3: bad born
            "3,100,MM,male,1990-01-01,MM,XX,2020-01-01,2021-12-31,employed,true,9000,THB,,,",     // 4: bad country
            "4,100,MM,male,1990-01-01,MM,TH,2020-01-01,2019-12-31,employed,true,9000,THB,,,",     // 5: ends before it starts
            "5,100,MM,male,1990-01-01,MM,TH,2020-01-01,2021-12-31,hired,true,9000,THB,,,",        // 6: unknown activity
            "5,200,MM,male,1990-01-01,MM,MM,2022-01-01,2022-12-31,employed,true,900,MMK,,,",      // 7: weight differs from line 6
            "6,100,MM,male,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,maybe,9000,THB,,,",    // 8: bad boolean
            "7,100,MM,male,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,mining,,", // 9: unknown sector
            "2,100,MM,male,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,",     // 10: not sorted
            "8,0,MM,male,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,",       // 11: weight 0
            "9,100,MM,male,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true",                 // 12: too few fields
        ]);
        var reader = PopulationFile.Open(path);
        var members = reader.Members().ToArray();
        // Once a problem is found no member is returned any more (the run will fail), but every problem is still listed.
        Assert.Empty(members);
        var problems = reader.Problems.Select(p => $"{p.Line}:{p.Field}").ToArray();
        Assert.Equal(["3:born", "4:country", "5:to", "6:activity", "7:weight", "8:documented", "9:sector", "10:person_id", "11:weight", "12:"], problems);
        Assert.All(reader.Problems, p => Assert.Equal(path, p.File));
    }

    [Fact]
    public void Read_WithTheAnalysisDateAndSchemes_RefusesLaterPeriodsUnknownSchemesAndHugeWeights()
    {
        var path = Path.Combine(_folder, "checks.csv");
        File.WriteAllLines(path,
        [
            string.Join(",", PopulationFile.Columns),
            "1,100,MM,female,1990-01-01,MM,TH,2020-01-01,2027-06-01,employed,true,9000,THB,,,",          // 2: ends on the analysis date
            "2,100,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,th.sso.typo,", // 3: unknown scheme
            "3,1e30,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,",          // 4: weight too large
        ]);
        var reader = PopulationFile.Open(path, new DateOnly(2027, 6, 1), new HashSet<string> { "th.sso.old-age" });
        Assert.Empty(reader.Members());
        Assert.Equal(["2:to", "3:scheme", "4:weight"], reader.Problems.Select(p => $"{p.Line}:{p.Field}"));
    }

    [Fact]
    public void Read_ParquetDateOutsideTheModelledYears_IsAProblemNotACrash()
    {
        var path = Path.Combine(_folder, "old.parquet");
        var member = new PopulationMember(1, 10, new Person(new DateOnly(1700, 1, 1), ["MM"], "MM"),
            [new CareerPeriod("TH", new DateOnly(2020, 1, 1), new DateOnly(2021, 12, 31), Activity.Employed, null, true, null, "XXX")]);
        using (var writer = PopulationFile.Create(path))
        {
            writer.Write(member);
            writer.Complete();
        }

        var reader = PopulationFile.Open(path);
        Assert.Empty(reader.Members());
        Assert.Equal((1, "born"), (Assert.Single(reader.Problems).Line, reader.Problems[0].Field));
    }

    [Fact]
    public void Read_AfterTheFirstProblem_NoMoreMembersAreReturned()
    {
        var path = Path.Combine(_folder, "early.csv");
        var rows = Enumerable.Range(1, 50).Select(i => $"{i},100,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,").ToList();
        rows[9] = rows[9].Replace("TH,2020", "XX,2020", StringComparison.Ordinal);
        File.WriteAllLines(path, [string.Join(",", PopulationFile.Columns), .. rows]);
        var reader = PopulationFile.Open(path);
        Assert.Equal(9, reader.Members().Count());
        Assert.Equal(1, reader.ProblemCount);
    }

    [Fact]
    public void Read_QuotedValues_AreRfc4180_AndAnUnclosedQuoteIsALocatedProblem()
    {
        var header = string.Join(",", PopulationFile.Columns) + "\n";
        var good = Path.Combine(_folder, "quoted.csv");
        File.WriteAllText(good, header + "1,100,\"MM\",female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,\"9000\",THB,,,\n");
        var member = Assert.Single(PopulationFile.Open(good).Members());
        Assert.Equal(("MM", 9000m), (member.Person.Nationalities[0], member.Career[0].MonthlyWage));

        var bad = Path.Combine(_folder, "unclosed.csv");
        File.WriteAllText(bad, header + "1,100,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,\n" +
            "2,100,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,\"THB,,,\n");
        var reader = PopulationFile.Open(bad);
        Assert.Empty(reader.Members());
        Assert.Equal(3, Assert.Single(reader.Problems).Line);
    }

    [Fact]
    public void Read_BlankLines_DoNotShiftTheLineNumbers()
    {
        var path = Path.Combine(_folder, "blank.csv");
        File.WriteAllText(path, string.Join(",", PopulationFile.Columns) + "\n\n" +
            "1,100,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,\n\n\n" +
            "2,100,MM,female,1990-01-01,MM,XX,2020-01-01,2021-12-31,employed,true,9000,THB,,,\n");
        var reader = PopulationFile.Open(path);
        _ = reader.Members().ToArray();
        Assert.Equal((6, "country"), (Assert.Single(reader.Problems).Line, reader.Problems[0].Field));
    }

    [Fact]
    public void Read_UnknownColumn_IsNamedOnTheHeaderLine()
    {
        var path = Path.Combine(_folder, "columns.csv");
        File.WriteAllLines(path, [string.Join(",", PopulationFile.Columns) + ",salary", "1,1,MM,,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,,,,,,1"]);
        var reader = PopulationFile.Open(path);
        Assert.Empty(reader.Members());
        var problem = Assert.Single(reader.Problems);
        Assert.Equal((1, "salary"), (problem.Line, problem.Field));
    }

    [Fact]
    public void Read_ParquetWithoutTheVersion_IsRefused()
    {
        var path = Path.Combine(_folder, "other.parquet");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        var reader = PopulationFile.Open(path);
        Assert.Empty(reader.Members());
        Assert.Contains("Parquet", Assert.Single(reader.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedAssumptions_Load_WithASourceOrAModellingChoiceForEachFigure()
    {
        var result = CareerAssumptionsFile.Load(Path.Combine(Repository.Root, "data", "population", "career-assumptions.yaml"), new DateOnly(2026, 11, 29));
        Assert.Empty(result.Problems);
        var a = result.Value!;
        Assert.Contains("*", a.Destinations.Keys);
        foreach (var d in a.Destinations.Values)
        {
            Assert.Equal(1, d.Stays.Sum(s => s.Share), 9);
            Assert.All(d.Basis, b => Assert.True(b.Source is not null || b.Text.Contains("modelling choice", StringComparison.OrdinalIgnoreCase), $"{d.Country}: {b.Text}"));
        }
    }

    [Theory]
    [InlineData("home-work-from-age: 20", "home-work-from-age: 90", "general.home-work-from-age")]
    [InlineData("{ min: 0.5, max: 1.0 }", "{ min: 0.5, max: 50 }", "general.wage-factor.max")]
    [InlineData("{ months: 24, share: 0.3 }", "{ months: 100000, share: 0.3 }", "destinations.TH.stays[0].months")]
    [InlineData("age: { min: 18, max: 35 }", "age: { min: 18, max: 99 }", "destinations.TH.age.max")]
    [InlineData("documented-share: 0.72", "documented-share: -0.2", "destinations.TH.documented-share")]
    public void Assumptions_ValueThatWouldBreakGeneration_IsALocatedProblem(string from, string to, string field)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, "data", "population", "career-assumptions.yaml"));
        Assert.Contains(from, text, StringComparison.Ordinal);
        var index = text.IndexOf(from, StringComparison.Ordinal);
        var result = CareerAssumptionsFile.Parse("a.yaml", text[..index] + to + text[(index + from.Length)..]);
        Assert.Equal(field, Assert.Single(result.Problems).Field);
    }

    [Fact]
    public void Assumptions_PlantedErrors_OneLocatedProblemEach()
    {
        const string text = """
            strata: career-assumptions/v1
            general:
              home-work-from-age: 20
              end-within-months: 0
              wage-factor: { min: 1.2, max: 0.5 }
              basis: [{ text: "x — modelling choice" }]
            destinations:
              XX:
                stays: [{ months: 24, share: 1 }]
              TH:
                stays: [{ months: 24, share: 0.5 }, { months: 48, share: 0.4 }]
                documented-share: 1.5
                return-share: 0.8
                age: { min: 18, max: 35 }
                female-share: 0.2
                domestic-work-share: 0.3
                colour: blue
                basis: [{ text: "y", source: { ref: nowhere } }]
            """;
        var result = CareerAssumptionsFile.Parse("a.yaml", text);
        var problems = result.Problems.Select(p => $"{p.Line}:{p.Field}").ToArray();
        Assert.Equal(["4:general.end-within-months", "5:general.wage-factor.max", "8:destinations.XX", "8:destinations", "11:destinations.TH.stays",
            "12:destinations.TH.documented-share", "16:destinations.TH.domestic-work-share", "17:destinations.TH.colour", "18:destinations.TH.basis[0].source.ref"], problems);
        Assert.Null(result.Value);
    }
}

public class CaseFileWriteTests
{
    [Fact]
    public void Write_SimulatedCases_ParseBackToTheSameCase()
    {
        static string Describe(Strata.Cases.Case c) =>
            $"{c.Person.Born}|{c.Person.Sex}|{string.Join(",", c.Person.Nationalities)}|{c.Person.Residence}|{c.Claim.Date}|{c.Claim.ContingencyDate}|{string.Join(",", c.Claim.Branches)}|" +
            string.Join(";", c.Career.Select(p => $"{p.Country},{p.From},{p.To},{p.Activity},{p.Documented},{p.MonthlyWage},{(p.MonthlyWage is null ? "" : p.Currency)},{p.Sector},{p.Scheme},{p.PostedFrom}"));
        foreach (var member in PopulationFileTests.Synthetic(300))
        {
            var (oldAge, risks) = ReformSimulation.Cases(member, new DateOnly(2027, 6, 1));
            foreach (var c in new[] { oldAge, risks })
            {
                var text = Strata.Knowledge.Cases.CaseFile.Write(c, ["an example"]);
                var back = Strata.Knowledge.Cases.CaseFile.Parse("example.yaml", text);
                Assert.True(back.Succeeded, string.Join("\n", back.Problems) + "\n" + text);
                Assert.Equal(Describe(c), Describe(back.Value!));
            }
        }
    }
}
