using BenchmarkDotNet.Attributes;
using Strata.Evaluation;
using Strata.Knowledge.Loading;

namespace Strata.Benchmarks;

/// <summary>One career (three countries, all nine branches) on the fast and the explain path.</summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private KnowledgeBase _kb = null!;
    private Cases.Case[] _cases = null!;

    [GlobalSetup]
    public void Setup()
    {
        _kb = KnowledgeLoader.Load(Throughput.KnowledgeDirectory()).GetValueOrThrow();
        _cases = SyntheticCareers.Generate(1000, 42);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public int Evaluate_FastPath()
    {
        var n = 0;
        foreach (var c in _cases)
        {
            n += Evaluator.Evaluate(_kb, c, EvaluationOptions.Fast).Determinations.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public int Evaluate_ExplainPath()
    {
        var n = 0;
        foreach (var c in _cases)
        {
            n += Evaluator.Evaluate(_kb, c).Determinations.Count;
        }

        return n;
    }
}
