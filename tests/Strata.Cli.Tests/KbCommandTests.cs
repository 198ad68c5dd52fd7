namespace Strata.Cli.Tests;

public sealed class KbCommandTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"strata-kbcli-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    [Fact]
    public void Validate_EmbeddedKnowledge_Succeeds()
    {
        var (code, output, error) = StrataProcess.Run("kb", "validate");
        Assert.True(code == 0, error);
        Assert.StartsWith("ok: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenCopy_NamesEveryPlantedErrorThenFailsOnce()
    {
        var source = Path.Combine(StrataProcess.Root, "knowledge");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        Replace("countries/TH/th-sso-old-age.yaml", "branch: old-age", "branch: pension");
        Replace("countries/SG/country.yaml", "currency: SGD", "currency: SGX");
        Replace("instruments/bilateral/jp-ph.yaml", "inForce: 2018-08-01", "inForce: 2018-13-01");

        var (code, output, error) = StrataProcess.Run("kb", "validate", _copy);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("countries/TH/th-sso-old-age.yaml:", error, StringComparison.Ordinal);
        Assert.Contains(": branch: 'pension' is not one of", error, StringComparison.Ordinal);
        Assert.Contains("countries/SG/country.yaml:", error, StringComparison.Ordinal);
        Assert.Contains(": currency: 'SGX' is not an active ISO 4217 currency code", error, StringComparison.Ordinal);
        Assert.Contains("instruments/bilateral/jp-ph.yaml:", error, StringComparison.Ordinal);
        Assert.Contains(": inForce: '2018-13-01' is not a date", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("csv", "country,branch,status,schemes,sourced_facts,unknown_facts,oldest_check")]
    [InlineData("json", "\"strata\": \"coverage/v1\"")]
    [InlineData("text", "Thailand (TH)")]
    [InlineData("markdown", "| Thailand (TH) |")]
    public void Coverage_EachFormat_ListsEveryCountryAndBranch(string format, string expected)
    {
        var (code, output, error) = StrataProcess.Run("kb", "coverage", "--format", format);
        Assert.True(code == 0, error);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("employment-injury", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_Csv_HasARowPerCountryAndBranchWithAStatus()
    {
        var (_, output, _) = StrataProcess.Run("kb", "coverage", "--format", "csv");
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToArray();
        Assert.Equal(0, rows.Length % 9);
        Assert.All(rows, r => Assert.Contains(r[2], new[] { "missing", "unknown", "partial", "modelled" }));
        Assert.Contains(rows, r => r[0] == "TH" && r[1] == "old-age" && r[2] == "modelled");
    }

    [Fact]
    public void Show_Scheme_PrintsFactsWithSources()
    {
        var (code, output, _) = StrataProcess.Run("kb", "show", "th.sso.old-age");
        Assert.Equal(0, code);
        Assert.Contains("minMonths", output, StringComparison.Ordinal);
        Assert.Contains("checked 2026-11-29", output, StringComparison.Ordinal);
        Assert.Contains("https://", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownId_ExitsTwoAndSuggests()
    {
        var (code, _, error) = StrataProcess.Run("kb", "show", "th.sso");
        Assert.Equal(2, code);
        Assert.Contains("did you mean: th.sso.invalidity, th.sso.old-age", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Floors_KnownDestinations_PrintTheFourGuaranteesWithSources()
    {
        var (code, output, error) = StrataProcess.Run("floors", "TH", "SG", "--date", "2026-11-29");
        Assert.True(code == 0, error);
        Assert.Contains("older-persons", output, StringComparison.Ordinal);
        Assert.Contains("Thailand (TH)", output, StringComparison.Ordinal);
        Assert.Contains("checked 2026-11-29", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Floors_BadCountry_ExitsTwo()
    {
        var (code, _, error) = StrataProcess.Run("floors", "XX");
        Assert.Equal(2, code);
        Assert.Contains("XX", error, StringComparison.Ordinal);
    }

    private void Replace(string relative, string find, string replace)
    {
        var path = Path.Combine(_copy, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
