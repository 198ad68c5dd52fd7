using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Strata.Knowledge.Contracts;
using Strata.Knowledge.Population;
using Strata.Simulation;

namespace Strata.Cli;

/// <summary>
/// <c>strata simulate</c>: a population through today's law and a reformed law (same rules, two knowledge bases), and
/// what changes per corridor and branch, with costs; <c>strata simulate merge</c> adds shards' partial results.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var command = new Command("simulate", "Baseline against reform on a population of careers: who gains, from what to what, contribution months rescued, benefit values and the cost to each paying state");
        var synth = SynthOptions.Add(command, sizeRequired: false);
        var population = new Option<string?>("--population") { Description = "Population file (.parquet or .csv, population/v1); or use --synth N" };
        var reform = KnowledgeOption.CreateReform();
        reform.Required = true;
        var discount = new Option<double>("--discount-rate") { Description = "Real annual discount rate for present values", DefaultValueFactory = _ => 0.03 };
        var years = new Option<int>("--pension-years") { Description = "Years an old-age pension is paid from 65", DefaultValueFactory = _ => 18 };
        var threads = new Option<int>("--threads") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var check = new Option<long>("--check-every") { Description = "Re-evaluate members whose id is a multiple of this on the explain path (0: none)", DefaultValueFactory = _ => 1000 };
        var shard = new Option<string?>("--shard") { Description = "Process only shard K of N (K/N, by person id modulo N); merge the shards' outputs with simulate merge" };
        var output = new Option<string>("--output", "-o") { Description = "Output folder", DefaultValueFactory = _ => "simulation-out" };
        var progress = new Option<string>("--progress") { Description = "auto (a bar when stderr is a terminal), always, never", DefaultValueFactory = _ => "auto" };
        var processes = new Option<int>("--processes") { Description = "Run as this many shards in child processes of one thread each, then merge (instead of threads)", DefaultValueFactory = _ => 1 };
        foreach (var o in new Option[] { population, reform, discount, years, threads, check, shard, output, progress, processes })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse => Run(parse, synth, parse.GetValue(population), parse.GetValue(reform) ?? [], parse.GetValue(discount), parse.GetValue(years),
            parse.GetValue(threads), parse.GetValue(check), parse.GetValue(shard), parse.GetValue(output)!, parse.GetValue(progress)!, parse.GetValue(processes)));

        var parts = new Argument<string[]>("partials") { Description = "partial.json files (or folders holding one) written by simulate runs of the same setup", Arity = ArgumentArity.OneOrMore };
        var mergeOutput = new Option<string>("--output", "-o") { Description = "Output folder", DefaultValueFactory = _ => "simulation-out" };
        var merge = new Command("merge", "Merge the partial results of shards into one report (exact: sums are decimal, so the order does not matter)") { parts, mergeOutput };
        merge.SetAction(parse => Merge(parse.GetValue(parts)!, parse.GetValue(mergeOutput)!));
        command.Subcommands.Add(merge);
        return command;
    }

    private static int Run(ParseResult parse, SynthOptions synth, string? populationPath, string[] reforms, double discount, int years, int threads, long checkEvery,
        string? shardText, string output, string progressMode, int processes)
    {
        var problems = new List<string>();
        var date = synth.Date(parse, out var dateProblem);
        if (dateProblem is not null)
        {
            problems.Add(dateProblem);
        }

        var synthSize = parse.GetValue(synth.Size);
        if ((populationPath is null) == (synthSize == 0))
        {
            problems.Add("--population or --synth: give exactly one (a population file, or the number of careers to generate)");
        }

        if (!(discount is >= 0 and < 1))
        {
            problems.Add($"--discount-rate: {discount.ToString(CultureInfo.InvariantCulture)} must be at least 0 and below 1 (e.g. 0.03)");
        }

        if (years is < 1 or > 60)
        {
            problems.Add($"--pension-years: {years} must be between 1 and 60");
        }

        if (threads < 1)
        {
            problems.Add($"--threads: {threads} must be at least 1");
        }

        if (checkEvery < 0)
        {
            problems.Add($"--check-every: {checkEvery} must be 0 or more");
        }

        (long K, long N)? shard = null;
        if (shardText is not null)
        {
            if (TryShard(shardText) is { } parsedShard)
            {
                shard = parsedShard;
            }
            else
            {
                problems.Add($"--shard: '{shardText}' is not K/N with 0 <= K < N (e.g. 0/4)");
            }
        }

        if (progressMode is not ("auto" or "always" or "never"))
        {
            problems.Add($"--progress: '{progressMode}' is not one of auto, always, never");
        }

        if (processes is < 1 or > 64)
        {
            problems.Add($"--processes: {processes} must be between 1 and 64");
        }
        else if (processes > 1 && shardText is not null)
        {
            problems.Add("--processes: cannot be combined with --shard (each process is a shard already)");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(p => Console.Error.WriteLine($"error: {p}"));
            return ExitCodes.BadInput;
        }

        var knowledge = parse.GetValue(synth.Knowledge)!;
        if (processes > 1)
        {
            List<string> common = populationPath is not null
                ? ["simulate", "--population", populationPath]
                : ["simulate", "--synth", synthSize.ToString(CultureInfo.InvariantCulture), "--seed", parse.GetValue(synth.Seed).ToString(CultureInfo.InvariantCulture),
                   "--origins", parse.GetValue(synth.Origins)!, "--destinations", parse.GetValue(synth.Destinations)!, "--assumptions", parse.GetValue(synth.AssumptionsFile)!];
            common.AddRange(["--knowledge", knowledge, "--date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "--discount-rate", discount.ToString("R", CultureInfo.InvariantCulture), "--pension-years", years.ToString(CultureInfo.InvariantCulture),
                "--check-every", checkEvery.ToString(CultureInfo.InvariantCulture)]);
            foreach (var r in reforms)
            {
                common.AddRange(["--reform", r]);
            }

            var stated = populationPath is null ? CareerAssumptionsFile.Load(parse.GetValue(synth.AssumptionsFile)!).Value : null;
            return RunInProcesses(processes, common, output, stated);
        }

        var baseline = KnowledgeOption.Load(knowledge, Console.Error);
        var (reformed, overlaid) = baseline is null ? (null, []) : KnowledgeOption.LoadReform(knowledge, Console.Error, reforms);
        if (baseline is null || reformed is null)
        {
            return ExitCodes.BadInput;
        }

        var footprint = ReformFootprint.Of(baseline, reformed, overlaid);

        PopulationSource? source;
        PopulationReader? reader = null;
        if (populationPath is not null)
        {
            reader = PopulationFile.Open(populationPath, date, baseline.Schemes.Keys.Concat(reformed.Schemes.Keys).ToHashSet(StringComparer.Ordinal));
            var members = shard is { } s ? reader.Members().Where(m => m.Id % s.N == s.K) : reader.Members();
            source = new PopulationSource(members.Chunk(256).Select(chunk => (Func<PopulationMember[]>)(() => chunk)),
                $"population file {Path.GetFileName(populationPath)}", null, null);
        }
        else
        {
            source = synth.Build(parse, baseline, date, shard);
            if (source is null)
            {
                return ExitCodes.BadInput;
            }
        }

        var settings = new SimulationSettings { Date = date, DiscountRate = discount, PensionYears = years, UnitsPerUsd = DataFiles.Rates().UnitsPerUsd };
        var setup = new SimulationSetup
        {
            Reforms = reforms, Population = source.Description, Date = date, DiscountRate = discount, PensionYears = years, CheckEvery = checkEvery,
            Knowledge = KnowledgeOption.Fingerprint(knowledge, reforms),
        };

        var bar = new ProgressBar(progressMode, source.Expected, reader);
        var watch = Stopwatch.StartNew();
        var tally = ReformSimulation.Run(baseline, reformed, source.Batches, settings,
            new RunOptions { Threads = threads, CheckEvery = checkEvery, Progress = bar.Report, Footprint = footprint });
        watch.Stop();
        bar.Finish(tally.Members);

        if (reader is { ProblemCount: > 0 })
        {
            foreach (var p in reader.Problems)
            {
                Console.Error.WriteLine(p);
            }

            if (reader.ProblemCount > reader.Problems.Count)
            {
                Console.Error.WriteLine($"… and {reader.ProblemCount - reader.Problems.Count:N0} more problem(s)");
            }

            Console.Error.WriteLine($"error: {populationPath} has {reader.ProblemCount:N0} problem(s); nothing was written");
            return ExitCodes.BadInput;
        }

        var shardName = shard is { } x ? $"{x.K}/{x.N}" : null;
        var report = new SimulationReport(setup, [shardName], tally, watch.Elapsed.TotalSeconds, $"on {threads} thread(s)", source.Assumptions);
        report.WriteAll(output);
        Console.Out.Write(report.Console());
        Console.Error.WriteLine($"wrote simulation.md, corridors.csv, corridors.parquet, transitions.csv, payers.csv, gains.svg, gains.png, partial.json and examples/ to {Path.GetFullPath(output)}");
        return Verdict(tally);
    }

    /// <summary>Parses a shard K/N (0 ≤ K &lt; N), as given to --shard and written in partials.</summary>
    private static (long K, long N)? TryShard(string? text) =>
        text?.Split('/') is [var k, var n] && long.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var kk)
            && long.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var nn) && nn >= 1 && kk < nn
            ? (kk, nn) : null;

    /// <summary>Several partials merge only as one complete set of shards K/N: each K from 0 to N-1 once, one N, no whole run among them.</summary>
    private static IEnumerable<string> ShardSetProblems(IReadOnlyList<(string? Shard, string Name)> parts)
    {
        if (parts.Count < 2)
        {
            yield break;
        }

        var parsed = new List<(long K, long N, string Name)>();
        foreach (var (shard, name) in parts)
        {
            if (TryShard(shard) is { } s)
            {
                parsed.Add((s.K, s.N, name));
            }
            else
            {
                yield return $"{name}: is a whole run or a merge, not a shard; merge only the shards of one run";
            }
        }

        foreach (var g in parsed.GroupBy(p => (p.K, p.N)).Where(g => g.Count() > 1))
        {
            yield return $"shard {g.Key.K}/{g.Key.N} is given {g.Count()} times ({string.Join(", ", g.Select(p => p.Name))})";
        }

        var ns = parsed.Select(p => p.N).Distinct().ToArray();
        if (ns.Length > 1)
        {
            yield return $"shards of different splits ({string.Join(", ", ns.Select(n => $"/{n}"))}) cannot be merged";
        }
        else if (ns.Length == 1 && parsed.Count == parts.Count)
        {
            var missing = Enumerable.Range(0, (int)Math.Min(ns[0], 10_000)).Select(k => (long)k).Except(parsed.Select(p => p.K)).ToArray();
            if (missing.Length > 0)
            {
                yield return $"shards missing: {string.Join(", ", missing.Take(20).Select(k => $"{k}/{ns[0]}"))}{(missing.Length > 20 ? ", …" : "")} (a merge adds every shard of a run, or its totals would be short)";
            }
        }
    }

    private static int Verdict(SimulationTally tally)
    {
        if (tally.Mismatches.Count == 0)
        {
            return ExitCodes.Ok;
        }

        Console.Error.WriteLine($"error: the sampled check failed for {tally.Mismatches.Count} member(s) (ids {string.Join(", ", tally.Mismatches.Take(10))}): the explain path disagreed with the fast path, or a career the reform was taken not to reach got different answers from the reformed law; the figures are not trustworthy");
        return ExitCodes.Failed;
    }

    private static int Merge(string[] parts, string output)
    {
        if (ReadAndMerge(parts) is not { } merged)
        {
            return ExitCodes.BadInput;
        }

        var report = new SimulationReport(merged.Setup, merged.Shards, merged.Tally, merged.Seconds, null, null);
        report.WriteAll(output);
        Console.Out.Write(report.Console());
        Console.Error.WriteLine($"merged {merged.Shards.Count} partial result(s) into {Path.GetFullPath(output)}");
        return Verdict(merged.Tally);
    }

    /// <summary>Reads partials, checks they are one complete set, and adds them; or prints every problem and returns null.</summary>
    private static (SimulationSetup Setup, IReadOnlyList<string?> Shards, SimulationTally Tally, double Seconds)? ReadAndMerge(string[] parts)
    {
        var problems = new List<string>();
        var read = new List<(SimulationSetup Setup, string? Shard, SimulationTally Tally, double Seconds, string Name)>();
        foreach (var part in parts)
        {
            var path = Directory.Exists(part) ? Path.Combine(part, "partial.json") : part;
            if (!File.Exists(path))
            {
                problems.Add($"{path}: does not exist");
                continue;
            }

            if (SimulationPartial.Read(path, File.ReadAllText(path), out var problem) is { } r)
            {
                read.Add((r.Setup, r.Shard, r.Tally, r.Seconds, path));
            }
            else
            {
                problems.Add(problem!);
            }
        }

        if (read.Count > 0)
        {
            var first = read[0];
            foreach (var r in read.Skip(1))
            {
                if (r.Setup.Population != first.Setup.Population || !r.Setup.Reforms.SequenceEqual(first.Setup.Reforms) || r.Setup.Date != first.Setup.Date
                    || r.Setup.DiscountRate != first.Setup.DiscountRate || r.Setup.PensionYears != first.Setup.PensionYears || r.Setup.Knowledge != first.Setup.Knowledge)
                {
                    problems.Add($"{r.Name}: setup differs from {first.Name} (population, reforms, date, discount rate, pension years and knowledge files must match)");
                }
            }

            problems.AddRange(ShardSetProblems(read.Select(r => (r.Shard, r.Name)).ToArray()));
        }

        if (problems.Count > 0)
        {
            problems.ForEach(p => Console.Error.WriteLine($"error: {p}"));
            return null;
        }

        var tally = new SimulationTally();
        foreach (var r in read)
        {
            tally.Merge(r.Tally);
        }

        return (read[0].Setup, [.. read.Select(r => r.Shard)], tally, read.Sum(r => r.Seconds));
    }

    /// <summary>
    /// Runs the simulation as <paramref name="processes"/> shards in child processes of one thread each, then merges
    /// them: the same shards and merge as on a cluster, on one machine. Separate processes do not share a garbage
    /// collector, which on the project's machine made two processes faster than two threads of one process.
    /// </summary>
    private static int RunInProcesses(int processes, IReadOnlyList<string> common, string output, PopulationAssumptions? assumptions)
    {
        var existed = Directory.Exists(output);
        var parts = Path.Combine(output, ".parts");
        Directory.CreateDirectory(parts);
        try
        {
            return RunChildren(processes, common, output, parts, assumptions);
        }
        finally
        {
            // The shards' folders are scaffolding: gone whether the run succeeded or not, and so is an output folder
            // this run created and wrote nothing to.
            Directory.Delete(parts, recursive: true);
            if (!existed && !Directory.EnumerateFileSystemEntries(output).Any())
            {
                Directory.Delete(output);
            }
        }
    }

    private static int RunChildren(int processes, IReadOnlyList<string> common, string output, string parts, PopulationAssumptions? assumptions)
    {
        var watch = Stopwatch.StartNew();
        var children = Enumerable.Range(0, processes).Select(k =>
        {
            var self = Environment.ProcessPath ?? "dotnet";
            var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                info.ArgumentList.Add(typeof(SimulateCommand).Assembly.Location);
            }

            foreach (var arg in common.Concat(["--shard", $"{k}/{processes}", "--threads", "1", "--progress", "never", "--output", Path.Combine(parts, $"part-{k}")]))
            {
                info.ArgumentList.Add(arg);
            }

            var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            return (Process: process, Error: stderr);
        }).ToArray();
        Console.Error.WriteLine($"running {processes} processes of one thread each…");
        foreach (var (process, _) in children)
        {
            process.WaitForExit();
        }

        watch.Stop();
        var failed = children.Where(c => c.Process.ExitCode != 0).ToArray();
        if (failed.Length > 0)
        {
            // Every child read the same input: one child's messages say what is wrong.
            Console.Error.Write(failed[0].Error.Result);
            var code = failed.Max(c => c.Process.ExitCode);
            children.ToList().ForEach(c => c.Process.Dispose());
            return code == ExitCodes.BadInput ? ExitCodes.BadInput : ExitCodes.Failed;
        }

        children.ToList().ForEach(c => c.Process.Dispose());
        if (ReadAndMerge([.. Enumerable.Range(0, processes).Select(k => Path.Combine(parts, $"part-{k}"))]) is not { } merged)
        {
            return ExitCodes.Failed;
        }

        var report = new SimulationReport(merged.Setup, [null], merged.Tally, watch.Elapsed.TotalSeconds, $"in {processes} processes of one thread each (wall time, start-up included)",
            assumptions);
        report.WriteAll(output);
        Console.Out.Write(report.Console());
        Console.Error.WriteLine($"wrote simulation.md, corridors.csv, corridors.parquet, transitions.csv, payers.csv, gains.svg, gains.png, partial.json and examples/ to {Path.GetFullPath(output)}");
        return Verdict(merged.Tally);
    }
}

/// <summary>A progress bar on stderr for long runs: redrawn at most four times a second, only where a person is watching.</summary>
internal sealed class ProgressBar
{
    private readonly bool _enabled;
    private readonly long? _expected;
    private readonly PopulationReader? _reader;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _lastDraw;
    private long _done;

    public ProgressBar(string mode, long? expected, PopulationReader? reader)
    {
        _enabled = mode == "always" || (mode == "auto" && !Console.IsErrorRedirected);
        _expected = expected;
        _reader = reader;
    }

    public void Report(long done)
    {
        Interlocked.Exchange(ref _done, done);
        var now = _watch.ElapsedMilliseconds;
        var last = Interlocked.Read(ref _lastDraw);
        if (!_enabled || now - last < 250 || Interlocked.CompareExchange(ref _lastDraw, now, last) != last)
        {
            return;
        }

        Draw(done, now);
    }

    private void Draw(long done, long now)
    {
        var fraction = _expected is > 0 ? Math.Min(1, (double)done / _expected.Value) : _reader?.Fraction ?? 0;
        const int width = 30;
        var filled = (int)(fraction * width);
        var rate = done / Math.Max(0.001, now / 1000.0);
        var eta = fraction > 0 ? TimeSpan.FromSeconds(now / 1000.0 * (1 - fraction) / fraction) : TimeSpan.Zero;
        lock (this)
        {
            Console.Error.Write(string.Format(CultureInfo.InvariantCulture, "\r[{0}{1}] {2,5:0.0}% {3:N0} careers · {4:N0}/s · {5:mm\\:ss} left ",
                new string('#', filled), new string('.', width - filled), fraction * 100, done, rate, eta));
        }
    }

    public void Finish(long done)
    {
        if (_enabled)
        {
            Draw(done, Math.Max(1, _watch.ElapsedMilliseconds));
            Console.Error.WriteLine();
        }
    }
}
