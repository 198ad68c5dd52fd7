using System.Diagnostics;
using System.Globalization;
using Strata.Knowledge.Data;
using Strata.Knowledge.Loading;
using Strata.Knowledge.Population;
using Strata.Simulation;

namespace Strata.Benchmarks;

/// <summary>
/// Reform simulation throughput: a synthetic population (the CLI's generator and assumptions) through the baseline and
/// the reform, on every core, with the CLI's code path (<see cref="ReformSimulation.Run"/>); then the same on one thread,
/// and the parts (generation alone, one law alone). Prints careers per second, bytes allocated per career and peak memory.
/// </summary>
public static class SimulationThroughput
{
    public static int Run(long size, string reform)
    {
        var root = Directory.GetParent(Throughput.KnowledgeDirectory())!.FullName;
        var today = new DateOnly(2026, 11, 29);
        var baseline = KnowledgeLoader.Load(Path.Combine(root, "knowledge")).GetValueOrThrow();
        var (result, statistics) = KnowledgeLoader.LoadWithStatistics(Path.Combine(root, "knowledge"), today, [Path.Combine(root, reform)]);
        var reformed = result.GetValueOrThrow();
        var footprint = ReformFootprint.Of(baseline, reformed, statistics.Overlaid ?? []);
        var assumptions = CareerAssumptionsFile.Load(Path.Combine(root, "data", "population", "career-assumptions.yaml")).GetValueOrThrow();
        var stock = MigrantStock.Load(Path.Combine(root, "data", "undesa-ims-2019-bilateral"));
        var wages = IllustrativeWages.Load(Path.Combine(root, "data", "wb-wdi"));
        var rates = ExchangeRates.Load(Path.Combine(root, "data", "wb-wdi"), Path.Combine(root, "data", "fred-exchange-rates"));
        var date = new DateOnly(2027, 6, 1);
        var asean = baseline.Regions["asean"].MembersOn(date);
        string[] destinations = [.. asean, "JP", "KR", "SA", "AE", "HK", "TW", "QA", "KW"];
        var stocks = (from o in asean from d in destinations where o != d && stock.Of(o, d) > 0 select new CorridorStock(o, d, stock.Of(o, d))).ToArray();
        var settings = new SimulationSettings { Date = date, DiscountRate = 0.03, PensionYears = 18, UnitsPerUsd = rates.UnitsPerUsd };
        IEnumerable<PopulationMember> Population() => PopulationSynthesizer.Generate(stocks, assumptions, wages.Of, date, size, 1);
        IEnumerable<Func<PopulationMember[]>> Batches() => PopulationSynthesizer.Batches(stocks, assumptions, wages.Of, date, size, 1);

        var inv = CultureInfo.InvariantCulture;
        var watch = Stopwatch.StartNew();
        var generated = Population().LongCount();
        Console.WriteLine(string.Format(inv, "generation alone: {0:N0} careers in {1:N2} s = {2:N0} careers/s", generated, watch.Elapsed.TotalSeconds, generated / watch.Elapsed.TotalSeconds));

        // Warm-up: tiered compilation promotes the hot methods before anything is timed.
        ReformSimulation.Run(baseline, reformed, Population().Take(20_000), settings, new RunOptions { Footprint = footprint });

        foreach (var threads in new[] { Environment.ProcessorCount, 1 })
        {
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            watch.Restart();
            var tally = ReformSimulation.Run(baseline, reformed, Batches(), settings, new RunOptions { Threads = threads, Footprint = footprint });
            watch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine(string.Format(inv, "baseline + reform, generation included, {0} thread(s): {1:N0} careers in {2:N2} s = {3:N0} careers/s; {4:N0} bytes allocated per career; explain-path check {5:N0} careers, {6} mismatch(es); reform answers reused for {7:N0} careers the reform cannot touch",
                threads, tally.Members, watch.Elapsed.TotalSeconds, tally.Members / watch.Elapsed.TotalSeconds, allocated / Math.Max(1, tally.Members), tally.Checked, tally.Mismatches.Count, tally.Reused));
            if (tally.Mismatches.Count > 0)
            {
                return 1;
            }
        }

        var sample = Population().Take((int)Math.Min(size, 100_000)).ToArray();
        watch.Restart();
        foreach (var m in sample)
        {
            ReformSimulation.Evaluate(baseline, m, settings);
        }

        watch.Stop();
        Console.WriteLine(string.Format(inv, "one law alone (2 evaluations per career), one thread: {0:N0} careers/s", sample.Length / watch.Elapsed.TotalSeconds));
        Console.WriteLine(string.Format(inv, "peak working set: {0:N0} MB; machine: {1} logical cores, .NET {2}", Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576, Environment.ProcessorCount, Environment.Version));
        return 0;
    }
}
