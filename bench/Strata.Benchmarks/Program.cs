using System.Globalization;
using BenchmarkDotNet.Running;
using Strata.Benchmarks;

// `--throughput [N] [SAMPLE]` runs the whole-run measurement reported in the README; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--throughput")
{
    var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var sample = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
    return Throughput.Run(count, sample);
}

if (args.Length > 0 && args[0] == "--simulate")
{
    var size = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
    var reform = args.Length > 2 ? args[2] : "reforms/asean-agreement";
    return SimulationThroughput.Run(size, reform);
}

if (args.Length > 0 && args[0] == "--allocations")
{
    return AllocationBreakdown.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluationBenchmarks).Assembly).Run(args);
return 0;
