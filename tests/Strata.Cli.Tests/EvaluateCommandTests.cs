using System.Text.Json;

namespace Strata.Cli.Tests;

public class EvaluateCommandTests
{
    private static string Example(string name) => Path.Combine(StrataProcess.Root, "examples", name);

    [Fact]
    public void Evaluate_ExampleWithEmbeddedKnowledge_PrintsTableExplanationAndSources()
    {
        var (code, output, error) = StrataProcess.Run("evaluate", Example("myanmar-worker-in-thailand.yaml"));
        Assert.True(code == 0, error);
        Assert.Contains("th.sso.old-age", output, StringComparison.Ordinal);
        Assert.Contains("3,000.00 THB/month", output, StringComparison.Ordinal);
        Assert.Contains("Sources", output, StringComparison.Ordinal);
        Assert.Contains("checked 2026-", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Json_FollowsTheDeterminationContract()
    {
        var (code, output, _) = StrataProcess.Run("evaluate", Example("filipino-japan-philippines.yaml"), "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("determination/v1", root.GetProperty("strata").GetString());
        Assert.Equal("2026-05-01", root.GetProperty("claimDate").GetString());
        var first = root.GetProperty("determinations")[0];
        foreach (var field in new[] { "country", "branch", "scheme", "outcome", "amount", "exportable", "decidedBy", "instruments", "periods", "options", "toQualify", "explanation" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        var sss = root.GetProperty("determinations").EnumerateArray().Single(d => d.GetProperty("scheme").GetString() == "ph.sss.old-age");
        Assert.Equal("bilateral", sss.GetProperty("decidedBy").GetString());
        Assert.Equal(2230.77m, sss.GetProperty("amount").GetProperty("value").GetDecimal());
    }

    [Fact]
    public void Evaluate_AsOf_AppliesThatDaysLaw()
    {
        // On 2018-01-01 the Japan–Philippines agreement was not yet in force: no aggregation, so no Japanese pension.
        var (code, output, _) = StrataProcess.Run("evaluate", Example("filipino-japan-philippines.yaml"), "--format", "json", "--as-of", "2018-01-01");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("2018-01-01", doc.RootElement.GetProperty("lawAsOf").GetString());
        var np = doc.RootElement.GetProperty("determinations").EnumerateArray().Single(d => d.GetProperty("scheme").GetString() == "jp.np.old-age");
        Assert.NotEqual("pension", np.GetProperty("outcome").GetString());
    }

    [Fact]
    public void Evaluate_BadCase_ExitsTwoWithLocatedMessagesAndNoStackTrace()
    {
        var path = Path.Combine(Path.GetTempPath(), $"strata-bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            strata: case/v1
            person:
              born: 1970-03-15
              nationalities: [ZZ]
              residence: MM
            career:
              - country: TH
                from: 2010-01-01
                to: 2009-12-31
                wage: -5
            claim:
              date: 2025-02-30
            """);
        try
        {
            var (code, output, error) = StrataProcess.Run("evaluate", path);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains($"{path}:4: person.nationalities[0]: 'ZZ' is not an ISO 3166-1 alpha-2 country code", error, StringComparison.Ordinal);
            Assert.Contains($"{path}:9: career[0].to: ends (2009-12-31) before it starts (2010-01-01)", error, StringComparison.Ordinal);
            Assert.Contains($"{path}:10: career[0].wage: must not be negative (got -5)", error, StringComparison.Ordinal);
            Assert.Contains($"{path}:12: claim.date: '2025-02-30' is not a date", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Evaluate_MissingFile_ExitsTwo()
    {
        var (code, _, error) = StrataProcess.Run("evaluate", "no-such-case.yaml");
        Assert.Equal(2, code);
        Assert.Contains("no-such-case.yaml: does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_BadAsOf_ExitsTwo()
    {
        var (code, _, error) = StrataProcess.Run("evaluate", Example("worker-in-singapore.yaml"), "--as-of", "yesterday");
        Assert.Equal(2, code);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Corridor_PhJp_NamesTheAgreementAndRegimeI()
    {
        var (code, output, error) = StrataProcess.Run("corridor", "PH", "JP", "--date", "2026-11-29", "--format", "json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var oldAge = doc.RootElement.GetProperty("branches").EnumerateArray().Single(b => b.GetProperty("branch").GetString() == "old-age");
        Assert.Equal("I", oldAge.GetProperty("regime").GetString());
        Assert.Contains("agreement.jp-ph", oldAge.GetProperty("aggregation").GetProperty("instruments").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public void Corridor_SameCountry_ExitsTwo()
    {
        var (code, _, error) = StrataProcess.Run("corridor", "TH", "TH");
        Assert.Equal(2, code);
        Assert.Contains("destination: must differ from the origin", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Corridors_Matrix_WritesTableHeatmapsAndWeights()
    {
        var output = Path.Combine(Path.GetTempPath(), $"strata-corridors-{Guid.NewGuid():N}");
        try
        {
            var (code, _, error) = StrataProcess.Run("corridors", "--origins", "PH,MM", "--destinations", "JP,TH", "--profile", "documented-5y-return", "--date", "2026-11-29", "-o", output);
            Assert.True(code == 0, error);
            var csv = File.ReadAllLines(Path.Combine(output, "corridors.csv"));
            Assert.Equal(1 + (4 * 9), csv.Length);
            Assert.Contains(csv, l => l.StartsWith("documented-5y-return,PH,JP,", StringComparison.Ordinal) && l.Contains(",old-age,", StringComparison.Ordinal) && l.Contains(",I,", StringComparison.Ordinal));
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(output, "heatmap.svg")), StringComparison.Ordinal);
            var png = File.ReadAllBytes(Path.Combine(output, "heatmap.png"));
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
            Assert.Contains("Holzmann & Wels", File.ReadAllText(Path.Combine(output, "weighted.md")), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Corridors_WithReform_ReportsWhatItChanges()
    {
        var stdout = CorridorsWithReform("MM", "TH", "asean-agreement");
        Assert.Contains("# What the reform changes: asean-agreement", stdout, StringComparison.Ordinal);
        // Myanmar–Thailand: no agreement today (regime II for old age); under the scenario the agreement's aggregation makes
        // it regime I. The whole row is matched: "| old-age | 0.0% | 100.0% |" alone also matches the regime-share table
        // below it (0.0% in I, 100.0% in II), which once let this test pass while old age stayed in regime II.
        Assert.Contains("| old-age | 0.0% | 100.0% | 1,858,735 | 1 |", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Corridors_WithReformThatInsuresForeignWorkers_ReportsTheMoveOutOfRegimeIII()
    {
        // Singapore's CPF exempts foreign employees today (regime III); the scenario insures them without an agreement (II).
        Assert.Contains("| old-age | III | II | 952,261 | 1 |", CorridorsWithReform("MY", "SG", "sg-cpf-foreign-workers"), StringComparison.Ordinal);
    }

    private static string CorridorsWithReform(string origin, string destination, string reform)
    {
        var output = Path.Combine(Path.GetTempPath(), $"strata-reform-{Guid.NewGuid():N}");
        try
        {
            var (code, stdout, error) = StrataProcess.Run("corridors", "--origins", origin, "--destinations", destination, "--profile", "documented-5y-return",
                "--date", "2027-06-01", "--reform", Path.Combine(StrataProcess.Root, "reforms", reform), "-o", output);
            Assert.True(code == 0, error);
            return stdout;
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
