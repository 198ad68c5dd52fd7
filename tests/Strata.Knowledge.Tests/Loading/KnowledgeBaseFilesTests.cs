using Strata.Knowledge.Loading;
using YamlDotNet.RepresentationModel;

namespace Strata.Knowledge.Tests.Loading;

/// <summary>Checks on the real knowledge base that cannot pass by accident.</summary>
public class KnowledgeBaseFilesTests
{
    private static readonly Lazy<KnowledgeBase> Kb = new(() => KnowledgeLoader.Load(Repository.Knowledge, new DateOnly(2026, 11, 29)).GetValueOrThrow());

    [Fact]
    public void Load_KnowledgeDirectory_HasNoProblems()
    {
        var result = KnowledgeLoader.Load(Repository.Knowledge);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
    }

    [Theory]
    [InlineData("TH")]
    [InlineData("PH")]
    [InlineData("JP")]
    [InlineData("MM")]
    [InlineData("SG")]
    [InlineData("MY")]
    public void SeedCountry_ModelsTheFourLongTermAndInjuryBranches(string country)
    {
        foreach (var branch in new[] { Law.Branch.OldAge, Law.Branch.Invalidity, Law.Branch.Survivors, Law.Branch.EmploymentInjury })
        {
            Assert.True(Kb.Value.SchemesFor(country, branch).Count > 0, $"{country} {branch}");
        }
    }

    [Fact]
    public void EveryFact_HasASourceOrIsRecordedUnknownWithACheckDate()
    {
        foreach (var scheme in Kb.Value.Schemes.Values)
        {
            Assert.All(scheme.Coverage.Facts, f => Assert.True(f.IsKnown ? f.Source is not null : f.Checked is not null, scheme.Id));
            Assert.All(scheme.PaidAbroad.Facts, f => Assert.True(f.IsKnown ? f.Source is not null : f.Checked is not null, scheme.Id));
            Assert.All(scheme.Benefit.Parameters.Values.SelectMany(p => p.Facts), f => Assert.True(f.IsKnown ? f.Source is not null : f.Checked is not null, scheme.Id));
        }

        Assert.All(Kb.Value.Instruments.Values, i => Assert.All(i.Provisions, p => Assert.False(string.IsNullOrWhiteSpace(p.Source.Url))));
    }

    [Fact]
    public void BilateralInstruments_HaveExactlyTwoPartiesAndEnterIntoForceAfterSignature()
    {
        foreach (var i in Kb.Value.Instruments.Values.Where(i => i.Layer == Law.Layer.Bilateral))
        {
            Assert.Equal(2, i.Parties.Distinct().Count());
            Assert.True(i.Signed is null || i.InForce is null || i.Signed <= i.InForce, i.Id);
        }
    }

    [Theory]
    [InlineData("TH")]
    [InlineData("MY")]
    [InlineData("SG")]
    [InlineData("JP")]
    [InlineData("KR")]
    [InlineData("TW")]
    [InlineData("HK")]
    [InlineData("SA")]
    [InlineData("AE")]
    [InlineData("QA")]
    [InlineData("KW")]
    public void Floors_MainDestinations_RecordAllFourGuarantees(string country)
    {
        var floor = Kb.Value.Floors[country];
        Assert.Equal(4, floor.Guarantees.Count);
        Assert.All(floor.Guarantees.Values.SelectMany(s => s.Facts), f => Assert.True(f.IsKnown ? f.Source is not null : f.Checked is not null));
    }

    [Fact]
    public void SeedConventions_AreThere()
    {
        foreach (var id in new[] { "ilo.c19", "ilo.c102", "ilo.c118", "ilo.c157", "agreement.jp-ph" })
        {
            Assert.True(Kb.Value.Instruments.ContainsKey(id), id);
        }
    }

    [Fact]
    public void EveryYamlFile_DeclaresItsKind()
    {
        foreach (var file in Directory.EnumerateFiles(Repository.Knowledge, "*.yaml", SearchOption.AllDirectories))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            Assert.Contains(new YamlScalarNode("strata"), root.Children.Keys);
        }
    }
}
