using System.Globalization;
using Strata.Evaluation;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Contracts;
using Strata.Knowledge.Loading;
using YamlDotNet.RepresentationModel;

namespace Strata.Knowledge.Tests.Golden;

/// <summary>
/// Runs every worked legal example in tests/cases: a case file, and the expected determinations with the source of
/// their numbers. Only the fields an expectation lists are compared, so each case states exactly what it vouches for.
/// </summary>
public class GoldenCaseTests
{
    private static readonly Lazy<KnowledgeBase> Kb = new(() => KnowledgeLoader.Load(Repository.Knowledge).GetValueOrThrow());

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(Repository.Cases).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void Cases_AreAtLeastTwentyAndEachCitesTheSourceOfItsNumbers()
    {
        var names = Directory.EnumerateDirectories(Repository.Cases).Select(Path.GetFileName).ToArray();
        Assert.True(names.Length >= 20, $"{names.Length} golden cases");
        foreach (var name in names)
        {
            var expected = Expected(name!);
            Assert.True(expected.Children.ContainsKey("source") && ((YamlScalarNode)expected["source"]).Value!.Length > 40, $"{name}: source of the expected numbers");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_GoldenCase_MatchesExpected(string name)
    {
        var dir = Path.Combine(Repository.Cases, name);
        var loaded = CaseFile.Load(Path.Combine(dir, "case.yaml"), Kb.Value);
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Problems));
        var expected = Expected(name);
        DateOnly? asOf = expected.Children.TryGetValue("lawAsOf", out var a) ? DateOnly.Parse(((YamlScalarNode)a).Value!, CultureInfo.InvariantCulture) : null;
        var document = DeterminationDocument.From(Evaluator.Evaluate(Kb.Value, loaded.Value!, new EvaluationOptions { LawAsOf = asOf }));
        var fast = Evaluator.Evaluate(Kb.Value, loaded.Value!, new EvaluationOptions { LawAsOf = asOf, Explain = false });

        foreach (var item in ((YamlSequenceNode)expected["determinations"]).Children.Cast<YamlMappingNode>())
        {
            var scheme = Scalar(item, "scheme");
            var actual = document.Determinations.Where(d => d.Scheme == scheme || (scheme is null && d.Country == Scalar(item, "country") && d.Branch == Scalar(item, "branch"))).ToArray();
            var label = $"{name}: {scheme ?? Scalar(item, "country") + "/" + Scalar(item, "branch")}";
            var d = Assert.Single(actual);
            foreach (var (keyNode, value) in item.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value!;
                switch (key)
                {
                    case "scheme" or "country" or "branch" or "note":
                        break;
                    case "outcome":
                        Assert.True(Scalar(item, key) == d.Outcome, $"{label}: outcome {d.Outcome}, expected {Scalar(item, key)}");
                        break;
                    case "amount":
                        if (value is YamlMappingNode amount)
                        {
                            Assert.True(d.Amount is not null, $"{label}: amount is null");
                            Assert.Equal((decimal.Parse(Scalar(amount, "value")!, CultureInfo.InvariantCulture), Scalar(amount, "currency"), Scalar(amount, "per")),
                                (d.Amount!.Value, d.Amount.Currency, d.Amount.Per));
                        }
                        else
                        {
                            Assert.True(d.Amount is null, $"{label}: amount {d.Amount}, expected null");
                        }

                        break;
                    case "exportable":
                        Assert.True(Bool(Scalar(item, key)) == d.Exportable, $"{label}: exportable {d.Exportable}");
                        break;
                    case "decidedBy":
                        Assert.True(Scalar(item, key) == d.DecidedBy, $"{label}: decidedBy {d.DecidedBy}");
                        break;
                    case "instruments":
                        Assert.Equal(((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value!), d.Instruments);
                        break;
                    case "periods":
                        Assert.Equal((int.Parse(Scalar((YamlMappingNode)value, "own")!, CultureInfo.InvariantCulture), int.Parse(Scalar((YamlMappingNode)value, "aggregated")!, CultureInfo.InvariantCulture)),
                            (d.Periods.Own, d.Periods.Aggregated));
                        break;
                    case "toQualify":
                        Assert.True(Scalar(item, key) is not { } text ? d.ToQualify is null : d.ToQualify?.Contains(text, StringComparison.Ordinal) == true, $"{label}: toQualify '{d.ToQualify}'");
                        break;
                    case "options":
                        Assert.Equal(((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value!), d.Options.Select(o => o.Outcome));
                        break;
                    case "optionAmounts":
                        Assert.Equal(((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value is { } v && v != "null" ? decimal.Parse(v, CultureInfo.InvariantCulture) : (decimal?)null),
                            d.Options.Select(o => o.Amount?.Value));
                        break;
                    default:
                        Assert.Fail($"{label}: unknown expectation '{key}'");
                        break;
                }
            }

            Assert.All(d.Explanation, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
        }

        // The fast path (no explanations) must agree with the explain path on every determination.
        Assert.Equal(document.Determinations.Select(d => (d.Outcome, d.Amount?.Value, d.Exportable, d.Periods.Aggregated)),
            fast.Determinations.Select(d => (d.Outcome.ToName(), d.Amount?.Value, d.Exportable, d.Periods.Aggregated)));
    }

    private static YamlMappingNode Expected(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Repository.Cases, name, "expected.yaml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(key, out var v) && v is YamlScalarNode { Value: { } s } && s is not ("null" or "~" or "") ? s : null;

    private static bool? Bool(string? text) => text switch { "true" => true, "false" => false, _ => null };
}
