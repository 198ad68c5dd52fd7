using Strata.Knowledge.Loading;

namespace Strata.Knowledge.Tests.Loading;

/// <summary>Plants errors in a copy of the real knowledge base; every one must be named with its file, line and field.</summary>
public sealed class KnowledgeLoaderTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"strata-kb-{Guid.NewGuid():N}");

    public KnowledgeLoaderTests()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Knowledge, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(Repository.Knowledge, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private void Plant(string relative, string find, string replace)
    {
        var path = Path.Combine(_copy, relative);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, ReplaceFirst(text, find, replace));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var i = text.IndexOf(find, StringComparison.Ordinal);
        return text[..i] + replace + text[(i + find.Length)..];
    }

    private static int LineOf(string path, string text) =>
        File.ReadAllLines(path).Select((l, i) => (l, i)).First(x => x.l.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void Load_PlantedErrors_AreEachReportedOnceWithFileLineAndField()
    {
        Plant("countries/TH/th-sso-old-age.yaml", "branch: old-age", "branch: old-agee");
        Plant("countries/PH/ph-sss-old-age.yaml", "country: PH", "country: PX");
        Plant("instruments/bilateral/jp-ph.yaml", "parties: [JP, PH]", "parties: [JP]");
        Plant("countries/JP/country.yaml", "currency: JPY", "currency: YEN");
        Plant("countries/MY/my-epf-old-age.yaml", "institution:", "instituton:");
        File.WriteAllText(Path.Combine(_copy, "countries/TH/broken.yaml"), "strata: scheme/v1\nid: [unclosed\n");

        var result = KnowledgeLoader.Load(_copy);

        Assert.False(result.Succeeded);
        var byFile = result.Problems.ToLookup(p => p.File);
        var th = Assert.Single(byFile["countries/TH/th-sso-old-age.yaml"]);
        Assert.Equal(("branch", LineOf(Path.Combine(_copy, "countries/TH/th-sso-old-age.yaml"), "branch: old-agee")), (th.Field, th.Line));
        Assert.Contains(byFile["countries/PH/ph-sss-old-age.yaml"], p => p.Field == "country" && p.Message == "'PX' is not an ISO 3166-1 alpha-2 country code");
        Assert.Contains(byFile["instruments/bilateral/jp-ph.yaml"], p => p.Field == "parties" && p.Message.StartsWith("a bilateral instrument has exactly two", StringComparison.Ordinal));
        Assert.Contains(byFile["countries/JP/country.yaml"], p => p.Field == "currency");
        Assert.Contains(byFile["countries/MY/my-epf-old-age.yaml"], p => p.Field == "instituton");
        Assert.Contains(byFile["countries/MY/my-epf-old-age.yaml"], p => p.Field == "institution" && p.Message == "is required");
        Assert.Contains(byFile["countries/TH/broken.yaml"], p => p.Line == 3 || p.Line == 2);
    }

    [Fact]
    public void Load_OverlappingFactsOfOneParameter_AreReported()
    {
        Plant("countries/JP/jp-np-old-age.yaml", "to: 2017-07-31", "to: 2018-07-31");
        var problem = Assert.Single(KnowledgeLoader.Load(_copy).Problems);
        Assert.Equal("countries/JP/jp-np-old-age.yaml", problem.File);
        Assert.StartsWith("qualifying.minMonths[", problem.Field, StringComparison.Ordinal);
        Assert.StartsWith("overlaps the fact valid", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnresolvedSourceReference_IsReported()
    {
        Plant("countries/JP/jp-np-old-age.yaml", "source: { ref: fukuoka,", "source: { ref: nowhere,");
        var problem = Assert.Single(KnowledgeLoader.Load(_copy).Problems);
        Assert.Equal("refers to source 'nowhere', which is not declared under 'sources'", problem.Message);
    }

    [Fact]
    public void Load_EntryIntoForceBeforeSignature_IsReported()
    {
        Plant("instruments/bilateral/jp-ph.yaml", "inForce: 2018-08-01", "inForce: 2014-08-01");
        var problem = Assert.Single(KnowledgeLoader.Load(_copy).Problems);
        Assert.Equal("inForce", problem.Field);
    }

    [Fact]
    public void Load_CheckDateInTheFuture_IsReported()
    {
        Plant("countries/TH/th-sso-old-age.yaml", "checked: 2026-11-29", "checked: 2027-01-01");
        var problems = KnowledgeLoader.Load(_copy, new DateOnly(2026, 11, 29)).Problems;
        Assert.Contains(problems, p => p.Message == "'2027-01-01' is after today (2026-11-29)");
    }

    [Fact]
    public void Load_RatificationBeforeAdoption_IsReported()
    {
        File.WriteAllText(Path.Combine(_copy, "instruments/international/zz-test.yaml"), """
            strata: instrument/v1
            id: ilo.zz
            title: Test convention
            layer: international
            binding: true
            adopted: 1962-06-28
            inForce: 1964-04-25
            source: { title: Test, url: https://example.org, checked: 2026-11-29 }
            ratifications:
              - { state: PH, registered: 1950-01-01, source: { title: Test, url: https://example.org, checked: 2026-11-29 } }
            """);
        var problem = Assert.Single(KnowledgeLoader.Load(_copy).Problems);
        Assert.Equal(("instruments/international/zz-test.yaml", "ratifications[0].registered", 10), (problem.File, problem.Field, problem.Line));
        Assert.Equal("(1950-01-01) is before the instrument was adopted or signed (1962-06-28)", problem.Message);
    }

    [Fact]
    public void Load_GapBetweenFacts_IsReportedUnlessMarked()
    {
        var path = Path.Combine(_copy, "countries/JP/jp-np-old-age.yaml");
        var lines = File.ReadAllLines(path);
        var unknown = Array.FindIndex(lines, l => l.Contains("unknown: \"full amount for FY2018", StringComparison.Ordinal));
        File.WriteAllLines(path, lines.Where((_, i) => i != unknown));

        var problem = Assert.Single(KnowledgeLoader.Load(_copy).Problems);
        Assert.Equal("benefit.parameters.fullAmountPerYear[1].from", problem.Field);
        Assert.StartsWith("leaves a gap from 2018-04-01 to 2022-03-31", problem.Message, StringComparison.Ordinal);

        var marked = File.ReadAllLines(path);
        var next = Array.FindIndex(marked, l => l.Contains("from: 2022-04-01", StringComparison.Ordinal));
        marked[next] = marked[next].Replace("{ value:", "{ afterGap: \"test\", value:", StringComparison.Ordinal);
        File.WriteAllLines(path, marked);
        Assert.Empty(KnowledgeLoader.Load(_copy).Problems);
    }

    [Fact]
    public void Load_DuplicateId_IsReported()
    {
        File.Copy(Path.Combine(_copy, "countries/TH/th-sso-old-age.yaml"), Path.Combine(_copy, "countries/TH/zz-copy.yaml"));
        var problem = Assert.Single(KnowledgeLoader.Load(_copy).Problems);
        Assert.Equal(("countries/TH/zz-copy.yaml", "id"), (problem.File, problem.Field));
    }

    [Fact]
    public void Load_Reform_AddsFilesAndReplacesThoseWithTheSameId()
    {
        var reform = Path.Combine(_copy, "..", $"strata-reform-{Guid.NewGuid():N}");
        Directory.CreateDirectory(reform);
        try
        {
            File.Copy(Path.Combine(Repository.Root, "reforms", "asean-agreement", "asean-multilateral-social-security.yaml"), Path.Combine(reform, "asean.yaml"));
            // The same id as the knowledge base's Japan–Philippines agreement, with a later entry into force: it replaces it.
            File.WriteAllText(Path.Combine(reform, "jp-ph.yaml"), File.ReadAllText(Path.Combine(_copy, "instruments/bilateral/jp-ph.yaml"))
                .Replace("inForce: 2018-08-01", "inForce: 2030-01-01", StringComparison.Ordinal));

            var (result, stats) = KnowledgeLoader.LoadWithStatistics(_copy, null, [reform]);

            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            Assert.True(result.Value!.Instruments.ContainsKey("reform.asean-social-security"));
            Assert.Equal(new DateOnly(2030, 1, 1), result.Value.Instruments["agreement.jp-ph"].InForce);
            Assert.Equal(["agreement.jp-ph"], stats.Replaced);
        }
        finally
        {
            Directory.Delete(reform, recursive: true);
        }
    }

    [Fact]
    public void Load_ReformWithAnError_IsReportedWithItsFolder()
    {
        var reform = Path.Combine(_copy, "..", $"strata-reform-{Guid.NewGuid():N}");
        Directory.CreateDirectory(reform);
        try
        {
            File.WriteAllText(Path.Combine(reform, "bad.yaml"), "strata: instrument/v1\nid: x\nlayer: galactic\n");
            var problems = KnowledgeLoader.LoadWithStatistics(_copy, null, [reform]).Result.Problems;
            Assert.NotEmpty(problems);
            Assert.All(problems, p => Assert.StartsWith("reform ", p.File, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(reform, recursive: true);
        }
    }

    [Fact]
    public void Load_ReformRemoval_DeletesTheIdAndReportsAnUnknownOne()
    {
        var reform = Path.Combine(_copy, "..", $"strata-reform-{Guid.NewGuid():N}");
        Directory.CreateDirectory(reform);
        try
        {
            File.WriteAllText(Path.Combine(reform, "removal.yaml"),
                "strata: removal/v1\nremoves:\n  - { id: agreement.jp-ph, why: \"scenario: the agreement is terminated\" }\n");
            var (result, stats) = KnowledgeLoader.LoadWithStatistics(_copy, null, [reform]);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            Assert.False(result.Value!.Instruments.ContainsKey("agreement.jp-ph"));
            Assert.Contains("agreement.jp-ph", stats.Overlaid!);

            File.WriteAllText(Path.Combine(reform, "removal.yaml"), "strata: removal/v1\nremoves:\n  - { id: agreement.xx-yy, why: \"typo\" }\n  - { id: agreement.jp-ph }\n");
            var problems = KnowledgeLoader.LoadWithStatistics(_copy, null, [reform]).Result.Problems.Select(p => $"{p.Line}:{p.Field}").ToArray();
            Assert.Equal(["3:removes[0].id", "4:removes[1].why"], problems);
        }
        finally
        {
            Directory.Delete(reform, recursive: true);
        }
    }

    [Fact]
    public void Load_RemovalInTheKnowledgeBase_IsRefused()
    {
        File.WriteAllText(Path.Combine(_copy, "removal.yaml"), "strata: removal/v1\nremoves: [{ id: agreement.jp-ph, why: x }]\n");
        var problem = Assert.Single(KnowledgeLoader.Load(_copy).Problems);
        Assert.Contains("reform folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingDirectory_IsOneProblem() =>
        Assert.Single(KnowledgeLoader.Load(Path.Combine(_copy, "nowhere")).Problems);
}
