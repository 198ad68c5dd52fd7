using System.Diagnostics;
using System.Globalization;
using Strata.Evaluation;
using Strata.Knowledge.Loading;

namespace Strata.Benchmarks;

/// <summary>
/// Whole-run throughput: N synthetic careers on one core on the fast path, then a sample re-evaluated on the explain
/// path and checked to agree (a mismatch fails the run with exit code 1).
/// </summary>
public static class Throughput
{
    public static string KnowledgeDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "knowledge")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException("knowledge/ not found above the benchmark") : Path.Combine(dir.FullName, "knowledge");
    }

    public static int Run(int count, int sample)
    {
        var kb = KnowledgeLoader.Load(KnowledgeDirectory()).GetValueOrThrow();
        var cases = SyntheticCareers.Generate(count, 42);

        // Warm up for two seconds so that tiered compilation has promoted the hot methods: the measured run is then
        // steady state, as in a long population run, rather than JIT time.
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.Elapsed < TimeSpan.FromSeconds(2); i = (i + 1) % count)
        {
            Evaluator.Evaluate(kb, cases[i], EvaluationOptions.Fast);
        }

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var determinations = 0L;
        var step = Math.Max(1, count / sample);

        // Results stream through, as they would into a file or an aggregate: only the sampled ones are kept for the check.
        var kept = new Dictionary<int, Assessment>();
        for (var i = 0; i < count; i++)
        {
            var result = Evaluator.Evaluate(kb, cases[i], EvaluationOptions.Fast);
            determinations += result.Determinations.Count;
            if (i % step == 0)
            {
                kept[i] = result;
            }
        }

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var perSecond = count / watch.Elapsed.TotalSeconds;

        var mismatches = 0;
        var checkedCount = 0;
        for (var i = 0; i < count; i += step)
        {
            var slow = Evaluator.Evaluate(kb, cases[i]);
            checkedCount++;
            if (!slow.AgreesWith(kept[i]))
            {
                mismatches++;
                Console.Error.WriteLine($"mismatch on career {i}");
            }
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Format(inv, "careers: {0:N0} (3 countries each, all 9 branches), determinations: {1:N0}", count, determinations));
        Console.WriteLine(string.Format(inv, "fast path, one thread: {0:N2} s, {1:N0} careers/s, {2:N0} bytes allocated per career", watch.Elapsed.TotalSeconds, perSecond, allocated / count));
        Console.WriteLine(string.Format(inv, "explain path sample: {0:N0} careers re-evaluated, {1} mismatch(es)", checkedCount, mismatches));
        Console.WriteLine(string.Format(inv, "machine: {0} logical cores, {1}, .NET {2}", Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.Version));
        return mismatches == 0 ? 0 : 1;
    }
}
