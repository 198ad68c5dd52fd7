using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Strata.Corridors;
using Strata.Knowledge.Loading;
using Strata.Knowledge.Population;
using Strata.Simulation;

namespace Strata.Cli;

/// <summary><c>strata population synth</c>: a synthetic population of careers calibrated to UN DESA 2019 stocks.</summary>
internal static class PopulationCommand
{
    public static Command Create()
    {
        var synth = new Command("synth", "Generate a population of careers (Parquet or CSV by the output's extension), calibrated to UN DESA 2019 bilateral stocks and to the sourced career assumptions in data/population");
        var options = SynthOptions.Add(synth);
        var output = new Option<string>("--output", "-o") { Description = "Output file: .parquet or .csv", Required = true };
        synth.Options.Add(output);
        synth.SetAction(parse =>
        {
            var date = options.Date(parse, out var dateProblem);
            var kb = dateProblem is null ? KnowledgeOption.Load(parse.GetValue(options.Knowledge)!, Console.Error) : null;
            if (kb is null)
            {
                if (dateProblem is not null)
                {
                    Console.Error.WriteLine($"error: {dateProblem}");
                }

                return ExitCodes.BadInput;
            }

            var population = options.Build(parse, kb, date);
            if (population is null)
            {
                return ExitCodes.BadInput;
            }

            var path = parse.GetValue(output)!;
            if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !PopulationFile.IsParquet(path))
            {
                Console.Error.WriteLine($"error: --output: '{path}' must end in .parquet or .csv");
                return ExitCodes.BadInput;
            }

            var watch = Stopwatch.StartNew();
            using var writer = PopulationFile.Create(path);
            long members = 0;
            foreach (var member in population.Members)
            {
                writer.Write(member);
                members++;
            }

            writer.Complete();
            Console.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "wrote {0:N0} careers ({1:N0} periods) to {2} in {3:N1} s: {4}",
                members, writer.Rows, path, watch.Elapsed.TotalSeconds, population.Description));
            return ExitCodes.Ok;
        });
        return new Command("population", "Populations of careers for reform simulation") { synth };
    }
}

/// <summary>A population to simulate: its members in batches, streamed, and a description for reports.</summary>
/// <param name="Batches">The members in batches, each generated or read when a worker takes it.</param>
/// <param name="Description">What it is, in words.</param>
/// <param name="Assumptions">The career assumptions behind a generated population, or null for a file.</param>
/// <param name="Expected">Members expected, when known in advance (for progress).</param>
internal sealed record PopulationSource(IEnumerable<Func<PopulationMember[]>> Batches, string Description, PopulationAssumptions? Assumptions, long? Expected)
{
    public IEnumerable<PopulationMember> Members => Batches.SelectMany(b => b());
}

/// <summary>The options that describe a synthetic population, shared by <c>population synth</c> and <c>simulate --synth</c>.</summary>
internal sealed class SynthOptions
{
    public required Option<string> Origins { get; init; }
    public required Option<string> Destinations { get; init; }
    public required Option<long> Size { get; init; }
    public required Option<ulong> Seed { get; init; }
    public required Option<string?> DateText { get; init; }
    public required Option<string> AssumptionsFile { get; init; }
    public required Option<string> Knowledge { get; init; }

    public static SynthOptions Add(Command command, bool sizeRequired = true)
    {
        var o = new SynthOptions
        {
            Origins = new("--origins") { Description = "Origins: ISO codes and region ids (default asean)", DefaultValueFactory = _ => "asean" },
            Destinations = new("--destinations") { Description = "Destinations: ISO codes and region ids", DefaultValueFactory = _ => string.Join(",", ["asean", .. CorridorAnalysis.DestinationsBeyondAsean]) },
            Size = new(sizeRequired ? "--size" : "--synth") { Description = sizeRequired ? "Careers to generate" : "Generate this many careers instead of reading --population", Required = sizeRequired },
            Seed = new("--seed") { Description = "Seed: the same seed, size, corridors, date and assumptions give the same population", DefaultValueFactory = _ => 1UL },
            DateText = new("--date") { Description = "Analysis date: careers end before its month, and the law of this day decides (default: today)" },
            AssumptionsFile = new("--assumptions") { Description = "Career assumptions file (default: the sourced data/population/career-assumptions.yaml)", DefaultValueFactory = _ => DataFiles.CareerAssumptions },
            Knowledge = KnowledgeOption.Create(),
        };
        foreach (var option in new Option[] { o.Origins, o.Destinations, o.Size, o.Seed, o.DateText, o.AssumptionsFile, o.Knowledge })
        {
            command.Options.Add(option);
        }

        return o;
    }

    /// <summary>How many of the ids 1..size are K modulo N.</summary>
    private static long ShardSize(long size, long k, long n) => k == 0 ? size / n : size < k ? 0 : ((size - k) / n) + 1;

    public DateOnly Date(ParseResult parse, out string? problem)
    {
        var text = parse.GetValue(DateText);
        problem = CorridorCommand.TryDate(text, out var date) ? null : $"--date: '{text}' is not a date between 1850 and 2200 (expected YYYY-MM-DD)";
        return date;
    }

    /// <summary>The generated population, or null after printing every problem.</summary>
    public PopulationSource? Build(ParseResult parse, KnowledgeBase kb, DateOnly date, (long K, long N)? shard = null)
    {
        var problems = new List<string>();
        var size = parse.GetValue(Size);
        if (size <= 0)
        {
            problems.Add($"{Size.Name}: {size} must be at least 1");
        }

        var origins = CorridorsCommand.Resolve(kb, parse.GetValue(Origins)!, date, "--origins", problems)!;
        var destinations = CorridorsCommand.Resolve(kb, parse.GetValue(Destinations)!, date, "--destinations", problems)!;
        var file = parse.GetValue(AssumptionsFile)!;
        var loaded = CareerAssumptionsFile.Load(file, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date));
        foreach (var p in loaded.Problems)
        {
            problems.Add(p.ToString());
        }

        var stock = DataFiles.Stock();
        var stocks = (from o in origins from d in destinations where o != d && stock.Of(o, d) > 0 select new CorridorStock(o, d, stock.Of(o, d))).ToArray();
        if (problems.Count == 0 && stocks.Length == 0)
        {
            problems.Add("--origins/--destinations: no corridor among them has migrants in the UN DESA 2019 matrix");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(p => Console.Error.WriteLine($"error: {p}"));
            return null;
        }

        var seed = parse.GetValue(Seed);
        var wages = DataFiles.Wages();
        var description = string.Format(CultureInfo.InvariantCulture,
            "{0:N0} synthetic careers (seed {1}, careers ending before {2:yyyy-MM}) over {3} corridors with {4:N0} migrants (UN DESA 2019), career assumptions {5}",
            size, seed, date, stocks.Length, stocks.Sum(s => s.Migrants), Path.GetFileName(file));
        return new PopulationSource(PopulationSynthesizer.Batches(stocks, loaded.Value!, wages.Of, date, size, seed, shard: shard), description, loaded.Value,
            shard is { } s ? ShardSize(size, s.K, s.N) : size);
    }
}
