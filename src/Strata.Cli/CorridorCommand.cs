using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Strata.Corridors;
using Strata.Evaluation;
using Strata.Knowledge.Contracts;
using Strata.Knowledge.Loading;
using Strata.Law;

namespace Strata.Cli;

/// <summary><c>strata corridor ORIGIN DEST [--date D] [--profile P] [--format text|json]</c>.</summary>
internal static class CorridorCommand
{
    public static Command Create()
    {
        var origin = new Argument<string>("origin") { Description = "Origin country (ISO 3166-1 alpha-2), the worker's nationality" };
        var destination = new Argument<string>("destination") { Description = "Destination country (ISO 3166-1 alpha-2)" };
        var date = new Option<string?>("--date") { Description = "Analysis date: the law in force that day (default: today)" };
        var profile = new Option<string>("--profile", "-p")
        {
            Description = $"Worker archetype: {string.Join(", ", CareerProfile.BuiltIn.Select(p => p.Id))}",
            DefaultValueFactory = _ => CareerProfile.BuiltIn[0].Id,
        };
        var format = new Option<string>("--format", "-f") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var knowledge = KnowledgeOption.Create();
        var reform = KnowledgeOption.CreateReform();
        var command = new Command("corridor", "Which layer of law gives a worker going from ORIGIN to DESTINATION which rights, branch by branch, and where they fall through")
        {
            origin, destination, date, profile, format, knowledge, reform,
        };
        command.SetAction(parse => Run(parse.GetValue(origin)!, parse.GetValue(destination)!, parse.GetValue(date), parse.GetValue(profile)!,
            parse.GetValue(format)!, parse.GetValue(knowledge)!, parse.GetValue(reform) ?? []));
        return command;
    }

    /// <summary>Parses a --date option (today when absent); dates outside 1850–2200, where no law is modelled, are refused like case-file dates.</summary>
    internal static bool TryDate(string? text, out DateOnly date)
    {
        date = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date);
        return text is null || (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && date.Year is >= 1850 and <= 2200);
    }

    private static int Run(string origin, string destination, string? dateText, string profileId, string format, string knowledgeDirectory, string[] reforms)
    {
        origin = origin.ToUpperInvariant();
        destination = destination.ToUpperInvariant();
        var problems = new List<string>();
        if (!Codes.IsCountry(origin))
        {
            problems.Add($"origin: '{origin}' is not an ISO 3166-1 alpha-2 country code");
        }

        if (!Codes.IsCountry(destination))
        {
            problems.Add($"destination: '{destination}' is not an ISO 3166-1 alpha-2 country code");
        }

        if (origin == destination)
        {
            problems.Add("destination: must differ from the origin");
        }

        if (!TryDate(dateText, out var date))
        {
            problems.Add($"--date: '{dateText}' is not a date (expected YYYY-MM-DD)");
        }

        var profile = CareerProfile.BuiltIn.FirstOrDefault(p => p.Id == profileId);
        if (profile is null)
        {
            problems.Add($"--profile: '{profileId}' is not one of {string.Join(", ", CareerProfile.BuiltIn.Select(p => p.Id))}");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(p => Console.Error.WriteLine($"error: {p}"));
            return ExitCodes.BadInput;
        }

        var kb = KnowledgeOption.Load(knowledgeDirectory, Console.Error, reforms);
        if (kb is null)
        {
            return ExitCodes.BadInput;
        }

        var report = CorridorAnalysis.Analyse(kb, origin, destination, date, profile!, _ => null);
        if (format == "json")
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(CorridorJson.From(report), DeterminationDocument.JsonOptions));
        }
        else
        {
            Write(kb, report, Console.Out);
        }

        return ExitCodes.Ok;
    }

    internal static string Cell(Answer a) => a.Verdict switch
    {
        Verdict.Yes => "yes" + (a.Layer == Layer.Domestic ? "" : $" ({a.Layer.ToName()})"),
        Verdict.No => "NO",
        Verdict.Unknown => "unknown",
        _ => "—",
    };

    private static void Write(KnowledgeBase kb, CorridorReport r, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 180;
        }

        string Name(string c) => kb.Countries.TryGetValue(c, out var country) ? country.Name : Codes.NameOf(c);
        console.MarkupLine(Markup.Escape($"Corridor {Name(r.Origin)} ({r.Origin}) → {Name(r.Destination)} ({r.Destination}), law as of {r.Date:yyyy-MM-dd}"));
        console.MarkupLine(Markup.Escape($"Profile {r.Profile.Id}: {r.Profile.Description}."));
        console.WriteLine();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Branch").AddColumn("Covered in destination").AddColumn("Equal treatment").AddColumn("Aggregation")
            .AddColumn("Paid after return").AddColumn("Refund route").AddColumn("Regime");
        foreach (var f in r.Branches)
        {
            table.AddRow(Markup.Escape(f.Branch.ToName()), Markup.Escape(Cell(f.Covered)), Markup.Escape(Cell(f.EqualTreatment)), Markup.Escape(Cell(f.Aggregation)),
                Markup.Escape(Cell(f.Export)), Markup.Escape(Cell(f.Refund)), Markup.Escape(f.Regime == Regime.Unknown ? "?" : f.Regime.ToString()));
        }

        console.Write(table);
        console.WriteLine("Regimes (Holzmann & Wels): I access and portability through an agreement; II access, portability only under the destination's own law; III documented, no access; IV undocumented, no access.");
        console.WriteLine();
        foreach (var f in r.Branches.Where(f => f.Covered.Verdict != Verdict.Unknown || f.Destination.Any(d => d.Scheme is not null)))
        {
            var tree = new Tree(Markup.Escape($"{f.Branch.ToName()}: regime {f.Regime} — {f.RegimeReason}"));
            tree.AddNode(Markup.Escape($"Covered: {f.Covered.Text}"));
            tree.AddNode(Markup.Escape($"Equal treatment: {f.EqualTreatment.Text}"));
            tree.AddNode(Markup.Escape($"Aggregation: {f.Aggregation.Text}"));
            tree.AddNode(Markup.Escape($"Paid after return: {f.Export.Text}"));
            tree.AddNode(Markup.Escape($"Refund: {f.Refund.Text}"));
            foreach (var d in f.Destination.Concat(f.Origin).Where(d => d.Scheme is not null))
            {
                var node = tree.AddNode(Markup.Escape($"{d.Scheme}: {d.Outcome.ToName()}{(d.ToQualify is null ? "" : " — to qualify: " + d.ToQualify)}"));
                foreach (var step in d.Explanation.Where(s => s.Source is not null).Take(3))
                {
                    node.AddNode(Markup.Escape($"{step.Text} [{step.Source}]"));
                }
            }

            foreach (var gap in f.Gaps)
            {
                tree.AddNode("[yellow]gap:[/] " + Markup.Escape(gap));
            }

            console.Write(tree);
            console.WriteLine();
        }

        console.MarkupLine(Markup.Escape($"Social protection floor in {r.Destination} for a migrant resident (ILO R202):"));
        foreach (var (g, fact) in r.Floor)
        {
            console.MarkupLine(Markup.Escape($"  {Floors.SocialProtectionFloor.Name(g)}: " + (fact switch
            {
                null => "not researched yet",
                { IsKnown: false } => $"unknown ({fact.Unknown})",
                _ => $"{fact.Value!.Access.ToString().ToLowerInvariant()} — {fact.Value.Note} [{fact.Source}]",
            })));
        }

        console.WriteLine();
        var unknown = r.Branches.Where(f => f.Covered.Verdict == Verdict.Unknown && f.Destination.All(d => d.Scheme is null)).Select(f => f.Branch.ToName()).ToArray();
        if (unknown.Length > 0)
        {
            console.WriteLine($"Not modelled for {r.Destination}: {string.Join(", ", unknown)}.");
        }
    }
}
