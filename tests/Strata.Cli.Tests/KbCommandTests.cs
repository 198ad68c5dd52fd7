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

    private void Replace(string relative, string find, string replace)
    {
        var path = Path.Combine(_copy, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
