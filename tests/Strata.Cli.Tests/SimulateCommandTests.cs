namespace Strata.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-simulate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Out(string name) => Path.Combine(_folder, name);

    private static string Reform(string name) => Path.Combine(StrataProcess.Root, "reforms", name);

    [Fact]
    public void Synth_SameSeed_SameFileByteForByte_OtherSeedDiffers()
    {
        string Synth(string name, string seed)
        {
            var (code, _, error) = StrataProcess.Run("population", "synth", "--size", "3000", "--seed", seed, "--date", "2027-06-01", "-o", Out(name));
            Assert.True(code == 0, error);
            return File.ReadAllText(Out(name));
        }

        var a = Synth("a.csv", "4");
        Assert.Equal(a, Synth("b.csv", "4"));
        Assert.NotEqual(a, Synth("c.csv", "5"));
        Assert.StartsWith("person_id,weight,nationality,sex,born,residence,country,from,to,activity,documented,monthly_wage,currency,sector,scheme,posted_from\n", a, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_AseanAgreement_WritesEveryOutputAndFindsWinners()
    {
        var (code, output, error) = StrataProcess.Run("simulate", "--synth", "4000", "--reform", Reform("asean-agreement"), "--date", "2027-06-01", "--check-every", "200", "-o", Out("asean"));
        Assert.True(code == 0, error);
        foreach (var file in new[] { "simulation.md", "corridors.csv", "corridors.parquet", "transitions.csv", "payers.csv", "gains.svg", "gains.png", "partial.json" })
        {
            Assert.True(new FileInfo(Out(Path.Combine("asean", file))).Length > 0, file);
        }

        Assert.Contains("20 careers re-evaluated with explanations under both laws, 0 disagreement(s)", output, StringComparison.Ordinal);
        foreach (var csv in new[] { "corridors.csv", "transitions.csv", "payers.csv" })
        {
            var lines = File.ReadAllLines(Out(Path.Combine("asean", csv)));
            var columns = lines[0].Split(',').Length;
            Assert.All(lines, line => Assert.Equal(columns, line.Split(',').Length));
        }

        // Lao workers in Thailand: the old-age grant becomes a pension paid in Laos under the agreement (see ReformSimulationTests).
        Assert.Contains("LA,TH,old-age,destination,lump-sum,pension-paid-where-living,", File.ReadAllText(Out("asean/transitions.csv")), StringComparison.Ordinal);
        var report = File.ReadAllText(Out("asean/simulation.md"));
        foreach (var section in new[] { "## Who gains", "## Who pays", "## Corridors", "## Method", "## Career assumptions", "https://www.iom.int/news/united-nations-launches-thailand-migration-report-2019" })
        {
            Assert.Contains(section, report, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Simulate_ExampleCareer_EvaluatesToTheReportedChangeWithAndWithoutTheReform()
    {
        var (code, _, error) = StrataProcess.Run("simulate", "--synth", "4000", "--reform", Reform("asean-agreement"), "--date", "2027-06-01", "-o", Out("ex"));
        Assert.True(code == 0, error);
        var example = Out("ex/examples/LA-TH-old-age-destination-lump-sum-to-pension-paid-where-living.yaml");
        Assert.True(File.Exists(example), string.Join("\n", Directory.GetFiles(Out("ex/examples"))));
        Assert.Contains("`examples/LA-TH-old-age-destination-lump-sum-to-pension-paid-where-living.yaml`", File.ReadAllText(Out("ex/simulation.md")), StringComparison.Ordinal);

        static string ThaiOldAge(string json) =>
            System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("determinations").EnumerateArray()
                .Single(d => d.GetProperty("scheme").GetString() == "th.sso.old-age").GetProperty("outcome").GetString()!;
        var today = StrataProcess.Run("evaluate", example, "--as-of", "2027-06-01", "--format", "json");
        var reformed = StrataProcess.Run("evaluate", example, "--as-of", "2027-06-01", "--format", "json", "--reform", Reform("asean-agreement"));
        Assert.Equal(0, today.ExitCode);
        Assert.Equal(0, reformed.ExitCode);
        Assert.Equal("lump-sum", ThaiOldAge(today.Out));
        Assert.Equal("pension", ThaiOldAge(reformed.Out));
    }

    [Fact]
    public void Simulate_TwoReforms_SamePopulation_AnswerDifferently()
    {
        var (a, _, e1) = StrataProcess.Run("simulate", "--synth", "3000", "--reform", Reform("asean-agreement"), "--date", "2027-06-01", "-o", Out("a"));
        var (b, _, e2) = StrataProcess.Run("simulate", "--synth", "3000", "--reform", Reform("sg-cpf-foreign-workers"), "--date", "2027-06-01", "-o", Out("b"));
        Assert.True(a == 0 && b == 0, e1 + e2);
        var singapore = File.ReadAllLines(Out("b/transitions.csv")).Where(l => l.Contains(",SG,old-age,destination,not-covered,", StringComparison.Ordinal)).ToArray();
        Assert.Contains(singapore, l => !l.Contains(",not-covered,not-covered,", StringComparison.Ordinal));
        Assert.NotEqual(File.ReadAllText(Out("a/corridors.csv")), File.ReadAllText(Out("b/corridors.csv")));
    }

    [Fact]
    public void Shards_MergedInAnyOrder_EqualTheWholeRun()
    {
        string[] common = ["simulate", "--synth", "2400", "--seed", "8", "--reform", Reform("c118-c157-ratified"), "--date", "2027-06-01", "--progress", "never"];
        Assert.Equal(0, StrataProcess.Run([.. common, "-o", Out("whole")]).ExitCode);
        Assert.Equal(0, StrataProcess.Run([.. common, "--shard", "1/2", "-o", Out("s1")]).ExitCode);
        Assert.Equal(0, StrataProcess.Run([.. common, "--shard", "0/2", "-o", Out("s0")]).ExitCode);
        var (code, _, error) = StrataProcess.Run("simulate", "merge", Out("s1"), Out("s0"), "-o", Out("merged"));
        Assert.True(code == 0, error);
        foreach (var file in new[] { "corridors.csv", "transitions.csv", "payers.csv" })
        {
            Assert.Equal(File.ReadAllText(Out(Path.Combine("whole", file))), File.ReadAllText(Out(Path.Combine("merged", file))));
        }

        var (twice, _, twiceError) = StrataProcess.Run("simulate", "merge", Out("s1"), Out("s1"), "-o", Out("bad"));
        Assert.Equal(2, twice);
        Assert.Contains("shard 1/2 is given 2 times", twiceError, StringComparison.Ordinal);

        // An incomplete set would undercount, a whole run with a shard would double-count: both are refused.
        Assert.Equal(0, StrataProcess.Run([.. common, "--shard", "0/3", "-o", Out("t0")]).ExitCode);
        var (short3, _, shortError) = StrataProcess.Run("simulate", "merge", Out("t0"), Out("s0"), "-o", Out("bad"));
        Assert.Equal(2, short3);
        Assert.Contains("shards of different splits", shortError, StringComparison.Ordinal);
        var (mixed, _, mixedError) = StrataProcess.Run("simulate", "merge", Out("whole"), Out("s0"), "-o", Out("bad"));
        Assert.Equal(2, mixed);
        Assert.Contains("is a whole run or a merge", mixedError, StringComparison.Ordinal);
        Assert.Equal(0, StrataProcess.Run([.. common, "--shard", "1/3", "-o", Out("t1")]).ExitCode);
        var (missing, _, missingError) = StrataProcess.Run("simulate", "merge", Out("t0"), Out("t1"), "-o", Out("bad"));
        Assert.Equal(2, missing);
        Assert.Contains("shards missing: 2/3", missingError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out("bad")));
    }

    [Fact]
    public void Simulate_InTwoProcesses_SameTablesAndExamplesAsInOne()
    {
        string[] common = ["simulate", "--synth", "3000", "--seed", "5", "--reform", Reform("asean-agreement"), "--date", "2027-06-01"];
        Assert.Equal(0, StrataProcess.Run([.. common, "-o", Out("one")]).ExitCode);
        var (code, output, error) = StrataProcess.Run([.. common, "--processes", "2", "-o", Out("two")]);
        Assert.True(code == 0, error);
        Assert.Contains("in 2 processes of one thread each", output, StringComparison.Ordinal);
        foreach (var file in new[] { "corridors.csv", "transitions.csv", "payers.csv" })
        {
            Assert.Equal(File.ReadAllText(Out(Path.Combine("one", file))), File.ReadAllText(Out(Path.Combine("two", file))));
        }

        Assert.Equal(Directory.GetFiles(Out("one/examples")).Select(Path.GetFileName).Order(), Directory.GetFiles(Out("two/examples")).Select(Path.GetFileName).Order());
        Assert.False(Directory.Exists(Out("two/.parts")));

        // A bad input is reported once, as the children found it, with exit code 2.
        var (bad, _, badError) = StrataProcess.Run([.. common, "--processes", "2", "--origins", "atlantis", "-o", Out("bad")]);
        Assert.Equal(2, bad);
        Assert.Contains("--origins: 'atlantis'", badError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out("bad")));
    }

    [Fact]
    public void Simulate_PopulationFileWithBadRows_ExitsTwoWithLocatedProblemsAndWritesNothing()
    {
        var path = Out("bad.csv");
        File.WriteAllLines(path,
        [
            "person_id,weight,nationality,sex,born,residence,country,from,to,activity,documented,monthly_wage,currency,sector,scheme,posted_from",
            "1,100,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THB,,,",
            "2,100,MM,female,1990-01-01,MM,TH,2020-01-01,2021-12-31,employed,true,9000,THX,,,",
        ]);
        var (code, output, error) = StrataProcess.Run("simulate", "--population", path, "--reform", Reform("asean-agreement"), "--date", "2027-06-01", "-o", Out("none"));
        Assert.Equal(2, code);
        Assert.Contains($"{path}:3: currency: 'THX' is not an active ISO 4217 currency code", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(Out("none")));
    }

    [Theory]
    [InlineData("--discount-rate", "1.5", "--discount-rate: 1.5 must be at least 0 and below 1")]
    [InlineData("--shard", "3/2", "--shard: '3/2' is not K/N")]
    [InlineData("--pension-years", "0", "--pension-years: 0 must be between 1 and 60")]
    [InlineData("--date", "0001-01-15", "--date: '0001-01-15' is not a date between 1850 and 2200")]
    public void Simulate_BadOption_ExitsTwoNamingIt(string option, string value, string expected)
    {
        var (code, _, error) = StrataProcess.Run("simulate", "--synth", "10", "--reform", Reform("asean-agreement"), option, value, "-o", Out("x"));
        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_PopulationFromAFile_MatchesTheSameGeneratedPopulation()
    {
        Assert.Equal(0, StrataProcess.Run("population", "synth", "--size", "1500", "--seed", "2", "--date", "2027-06-01", "-o", Out("p.parquet")).ExitCode);
        var (a, _, e1) = StrataProcess.Run("simulate", "--population", Out("p.parquet"), "--reform", Reform("asean-agreement"), "--date", "2027-06-01", "-o", Out("file"));
        var (b, _, e2) = StrataProcess.Run("simulate", "--synth", "1500", "--seed", "2", "--reform", Reform("asean-agreement"), "--date", "2027-06-01", "-o", Out("gen"));
        Assert.True(a == 0 && b == 0, e1 + e2);
        Assert.Equal(File.ReadAllText(Out("gen/corridors.csv")), File.ReadAllText(Out("file/corridors.csv")));
    }
}
