using System.Globalization;
using System.Text.Json;
using Strata.Knowledge.Cases;
using Strata.Law;
using Strata.Simulation;

namespace Strata.Knowledge.Contracts;

/// <summary>What was simulated: the settings every shard of one simulation must share to be merged.</summary>
public sealed record SimulationSetup
{
    /// <summary>Reform folders, as given.</summary>
    public required IReadOnlyList<string> Reforms { get; init; }

    /// <summary>The population: a file name, or how it was generated.</summary>
    public required string Population { get; init; }

    /// <summary>Law date.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Real annual discount rate.</summary>
    public required double DiscountRate { get; init; }

    /// <summary>Years an old-age pension is paid.</summary>
    public required int PensionYears { get; init; }

    /// <summary>Explain-path sample: every n-th member by id.</summary>
    public required long CheckEvery { get; init; }

    /// <summary>A fingerprint of the knowledge base and reform files used (shards of one simulation share it).</summary>
    public string Knowledge { get; init; } = "";
}

/// <summary>
/// The totals of one simulation run or shard as JSON (<c>simulation-partial/v1</c>): written by every
/// <c>strata simulate</c> run, read back by <c>strata simulate merge</c>, which adds shards exactly (decimal sums).
/// </summary>
public static class SimulationPartial
{
    /// <summary>The contract version.</summary>
    public const string Version = "simulation-partial/v1";

    private sealed record Document(string Strata, Setup Setup, string? Shard, long Members, long Periods, long Checked, long Reused, long[] Mismatches, double Seconds,
        CorridorRow[] Corridors, PayerRow[] Payers, ExampleRow[]? Examples);

    /// <summary>An example career, as the case file of its old-age claim (person and career are all a member needs).</summary>
    private sealed record ExampleRow(string Origin, string Destination, string Branch, string Role, string Before, string After, long PersonId, double Weight, string Case);

    private sealed record Setup(string[] Reforms, string Population, string Date, double DiscountRate, int PensionYears, long CheckEvery, string? Knowledge);

    private sealed record CorridorRow(string Origin, string Destination, string Branch, decimal Workers, long Members, decimal Changed, decimal Better, decimal Worse,
        decimal ValueGainers, decimal ValueLosers, decimal MonthsRescued, decimal MonthsLost, decimal MonthlyBefore, decimal MonthlyAfter, decimal ValueBefore,
        decimal ValueAfter, decimal AmountUnknown, decimal BecameUnknown, decimal BecameKnown, TransitionRow[] Transitions);

    private sealed record TransitionRow(string Role, string Before, string After, decimal Workers);

    private sealed record PayerRow(string Payer, string Branch, decimal ValueBefore, decimal ValueAfter, decimal PensionsBefore, decimal PensionsAfter, decimal LumpSumsBefore, decimal LumpSumsAfter, decimal RefundsBefore, decimal RefundsAfter,
        decimal MonthlyBefore, decimal MonthlyAfter);

    /// <summary>Serializes a tally.</summary>
    /// <param name="setup">What was simulated.</param>
    /// <param name="shard">The shard (<c>k/n</c>), or null for a whole run.</param>
    /// <param name="tally">The totals.</param>
    /// <param name="seconds">Time spent evaluating.</param>
    /// <returns>JSON text; rows in a fixed order, so equal tallies give equal text.</returns>
    public static string Write(SimulationSetup setup, string? shard, SimulationTally tally, double seconds)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(tally);
        var doc = new Document(Version, new Setup([.. setup.Reforms], setup.Population, setup.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                setup.DiscountRate, setup.PensionYears, setup.CheckEvery, setup.Knowledge),
            shard, tally.Members, tally.Periods, tally.Checked, tally.Reused, [.. tally.Mismatches.Order()], Math.Round(seconds, 3),
            [.. tally.Corridors.OrderBy(c => c.Key.Origin, StringComparer.Ordinal).ThenBy(c => c.Key.Destination, StringComparer.Ordinal).ThenBy(c => c.Key.Branch)
                .Select(c => new CorridorRow(c.Key.Origin, c.Key.Destination, c.Key.Branch.ToName(), c.Value.Workers, c.Value.Members, c.Value.Changed,
                    c.Value.Better, c.Value.Worse, c.Value.ValueGainers, c.Value.ValueLosers, c.Value.MonthsRescued, c.Value.MonthsLost, c.Value.MonthlyBefore,
                    c.Value.MonthlyAfter, c.Value.ValueBefore, c.Value.ValueAfter, c.Value.AmountUnknown, c.Value.BecameUnknown, c.Value.BecameKnown,
                    [.. c.Value.Transitions.OrderBy(t => t.Key).Select(t => new TransitionRow(t.Key.Role == Role.Origin ? "origin" : "destination",
                        t.Key.Before.ToName(), t.Key.After.ToName(), t.Value))]))],
            [.. tally.Payers.OrderBy(p => p.Key.Payer, StringComparer.Ordinal).ThenBy(p => p.Key.Branch)
                .Select(p => new PayerRow(p.Key.Payer, p.Key.Branch.ToName(), p.Value.ValueBefore, p.Value.ValueAfter, p.Value.PensionsBefore, p.Value.PensionsAfter, p.Value.LumpSumsBefore, p.Value.LumpSumsAfter, p.Value.RefundsBefore,
                    p.Value.RefundsAfter, p.Value.MonthlyBefore, p.Value.MonthlyAfter))],
            [.. tally.Examples.OrderBy(e => e.Key.Origin, StringComparer.Ordinal).ThenBy(e => e.Key.Destination, StringComparer.Ordinal).ThenBy(e => e.Key.Branch)
                .ThenBy(e => e.Key.Role).ThenBy(e => e.Key.Before).ThenBy(e => e.Key.After)
                .Select(e => new ExampleRow(e.Key.Origin, e.Key.Destination, e.Key.Branch.ToName(), e.Key.Role == Role.Origin ? "origin" : "destination",
                    e.Key.Before.ToName(), e.Key.After.ToName(), e.Value.Id, e.Value.Weight, CaseFile.Write(ReformSimulation.Cases(e.Value, setup.Date).OldAge)))]);
        return JsonSerializer.Serialize(doc, DeterminationDocument.JsonOptions);
    }

    /// <summary>Reads a partial back.</summary>
    /// <param name="name">File name for messages.</param>
    /// <param name="json">Text.</param>
    /// <param name="problem">What is wrong with the file, located; null when it was read.</param>
    /// <returns>Setup, shard, tally and seconds; null when there is a problem.</returns>
    public static (SimulationSetup Setup, string? Shard, SimulationTally Tally, double Seconds)? Read(string name, string json, out string? problem)
    {
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Document>(json, DeterminationDocument.JsonOptions);
        }
        catch (JsonException e)
        {
            problem = $"{name}:{(e.LineNumber ?? 0) + 1}: {e.Path}: not a {Version} document: {e.Message.Split('.')[0]}";
            return null;
        }

        if (doc is null || doc.Strata != Version || doc.Setup is null || doc.Corridors is null || doc.Payers is null)
        {
            problem = $"{name}: strata: not a {Version} document";
            return null;
        }

        var tally = new SimulationTally { Members = doc.Members, Periods = doc.Periods, Checked = doc.Checked, Reused = doc.Reused };
        tally.Mismatches.AddRange(doc.Mismatches ?? []);
        foreach (var c in doc.Corridors)
        {
            if (!BranchNames.TryParse(c.Branch, out var branch))
            {
                problem = $"{name}: corridors: '{c.Branch}' is not a branch";
                return null;
            }

            var t = new BranchTally
            {
                Workers = c.Workers, Members = c.Members, Changed = c.Changed, Better = c.Better, Worse = c.Worse, ValueGainers = c.ValueGainers,
                ValueLosers = c.ValueLosers, MonthsRescued = c.MonthsRescued, MonthsLost = c.MonthsLost, MonthlyBefore = c.MonthlyBefore,
                MonthlyAfter = c.MonthlyAfter, ValueBefore = c.ValueBefore, ValueAfter = c.ValueAfter, AmountUnknown = c.AmountUnknown,
                BecameUnknown = c.BecameUnknown, BecameKnown = c.BecameKnown,
            };
            foreach (var tr in c.Transitions ?? [])
            {
                if (!FateNames.TryParse(tr.Before, out var before) || !FateNames.TryParse(tr.After, out var after) || tr.Role is not ("origin" or "destination"))
                {
                    problem = $"{name}: corridors: transition {tr.Role} {tr.Before} -> {tr.After} is not known";
                    return null;
                }

                t.Transitions[(tr.Role == "origin" ? Role.Origin : Role.Destination, before, after)] = tr.Workers;
            }

            tally.Corridors[(c.Origin, c.Destination, branch)] = t;
        }

        foreach (var p in doc.Payers)
        {
            if (!BranchNames.TryParse(p.Branch, out var branch))
            {
                problem = $"{name}: payers: '{p.Branch}' is not a branch";
                return null;
            }

            tally.Payers[(p.Payer, branch)] = new PayerTally
            {
                ValueBefore = p.ValueBefore, ValueAfter = p.ValueAfter, PensionsBefore = p.PensionsBefore, PensionsAfter = p.PensionsAfter, LumpSumsBefore = p.LumpSumsBefore, LumpSumsAfter = p.LumpSumsAfter,
                RefundsBefore = p.RefundsBefore, RefundsAfter = p.RefundsAfter,
                MonthlyBefore = p.MonthlyBefore, MonthlyAfter = p.MonthlyAfter,
            };
        }

        foreach (var e in doc.Examples ?? [])
        {
            var parsed = CaseFile.Parse($"{name}: example {e.PersonId}", e.Case ?? "");
            if (!BranchNames.TryParse(e.Branch, out var branch) || !FateNames.TryParse(e.Before ?? "", out var before) || !FateNames.TryParse(e.After ?? "", out var after)
                || e.Role is not ("origin" or "destination") || !parsed.Succeeded || !(e.Weight > 0))
            {
                problem = $"{name}: examples: the example of person {e.PersonId} cannot be read{(parsed.Problems.Count > 0 ? ": " + parsed.Problems[0] : "")}";
                return null;
            }

            var member = new PopulationMember(e.PersonId, e.Weight, parsed.Value!.Person, parsed.Value.Career);
            tally.Examples[(e.Origin, e.Destination, branch, e.Role == "origin" ? Role.Origin : Role.Destination, before, after)] = member;
        }

        if (!DateOnly.TryParseExact(doc.Setup.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problem = $"{name}: setup.date: '{doc.Setup.Date}' is not a date";
            return null;
        }

        problem = null;
        var setup = new SimulationSetup
        {
            Reforms = doc.Setup.Reforms ?? [], Population = doc.Setup.Population, Date = date, DiscountRate = doc.Setup.DiscountRate,
            PensionYears = doc.Setup.PensionYears, CheckEvery = doc.Setup.CheckEvery, Knowledge = doc.Setup.Knowledge ?? "",
        };
        return (setup, doc.Shard, tally, doc.Seconds);
    }
}
