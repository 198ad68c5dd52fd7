using System.Text.Json;
using Strata.Evaluation;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Contracts;
using Strata.Knowledge.Loading;
using Strata.Web.Storage;

namespace Strata.Web.Tests.Storage;

public sealed class CaseJsonTests
{
    private static readonly Lazy<KnowledgeBase> Kb = new(() =>
    {
        var loaded = KnowledgeLoader.Load(Repository.Knowledge);
        return loaded.Value ?? throw new InvalidOperationException(string.Join("\n", loaded.Problems));
    });

    public static TheoryData<string> CaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Repository.Examples, "*.yaml")
            .Concat(Directory.GetFiles(Repository.Cases, "case.yaml", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repository.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseFiles))]
    public void Normalize_YamlCase_GivesJsonWithTheSameDetermination(string file)
    {
        var yaml = File.ReadAllText(Path.Combine(Repository.Root, file));

        var json = CaseJson.Normalize(yaml);

        using var _ = JsonDocument.Parse(json);
        Assert.Equal(Determination(yaml), Determination(json));
    }

    [Fact]
    public void Normalize_Json_ReturnsTheTextAsGiven()
    {
        const string json = "  {\"strata\" : \"case/v1\",\n\"career\": [] }  ";

        Assert.Same(json, CaseJson.Normalize(json));
    }

    [Fact]
    public void Normalize_QuotedYamlScalars_StayStrings()
    {
        var json = CaseJson.Normalize("a: '12'\nb: 12\nc: \"true\"\nd: true\ne: ~\nf: 2020-01-01\ng: [x, 1.50]\n");

        Assert.Equal("""{"a":"12","b":12,"c":"true","d":true,"e":null,"f":"2020-01-01","g":["x",1.50]}""",
            JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement));
    }

    private static string Determination(string text)
    {
        var loaded = CaseFile.Parse("case", text, Kb.Value);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        return DeterminationDocument.From(Evaluator.Evaluate(Kb.Value, loaded.Value!, new EvaluationOptions())).ToJson();
    }
}
