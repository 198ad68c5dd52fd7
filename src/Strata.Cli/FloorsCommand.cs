using System.CommandLine;
using Spectre.Console;
using Strata.Floors;
using Strata.Knowledge.Loading;

namespace Strata.Cli;

/// <summary><c>strata floors [DEST…]</c>: can a migrant resident reach the four R202 guarantees in each destination?</summary>
internal static class FloorsCommand
{
    public static Command Create()
    {
        var countries = new Argument<string[]>("countries") { Description = "Destinations (ISO codes); default: every destination with a recorded floor", Arity = ArgumentArity.ZeroOrMore };
        var date = new Option<string?>("--date") { Description = "Law as of this date (default: today)" };
        var knowledge = KnowledgeOption.Create();
        var command = new Command("floors", "Social protection floors (ILO R202): whether a documented migrant resident reaches essential health care and basic income security for children, working age and old age")
        {
            countries, date, knowledge,
        };
        command.SetAction(parse => Run(parse.GetValue(countries) ?? [], parse.GetValue(date), parse.GetValue(knowledge)!));
        return command;
    }

    private static int Run(string[] countries, string? dateText, string knowledgeDirectory)
    {
        if (!CorridorCommand.TryDate(dateText, out var date))
        {
            Console.Error.WriteLine($"error: --date: '{dateText}' is not a date (expected YYYY-MM-DD)");
            return ExitCodes.BadInput;
        }

        var bad = countries.Where(c => !Codes.IsCountry(c.ToUpperInvariant())).ToArray();
        if (bad.Length > 0)
        {
            Console.Error.WriteLine($"error: countries: {string.Join(", ", bad)} not ISO 3166-1 alpha-2 code(s)");
            return ExitCodes.BadInput;
        }

        var kb = KnowledgeOption.Load(knowledgeDirectory, Console.Error);
        if (kb is null)
        {
            return ExitCodes.BadInput;
        }

        var list = countries.Length > 0 ? countries.Select(c => c.ToUpperInvariant()).ToArray() : kb.Floors.Keys.Order(StringComparer.Ordinal).ToArray();
        Write(kb, list, date, Console.Out);
        return ExitCodes.Ok;
    }

    internal static void Write(KnowledgeBase kb, IReadOnlyList<string> countries, DateOnly date, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Destination");
        foreach (var g in Enum.GetValues<Guarantee>())
        {
            table.AddColumn(SocialProtectionFloor.Name(g));
        }

        var notes = new List<string>();
        foreach (var country in countries)
        {
            var cells = new List<string> { Markup.Escape($"{Codes.NameOf(country)} ({country})") };
            foreach (var g in Enum.GetValues<Guarantee>())
            {
                var fact = kb.Floors.TryGetValue(country, out var floor) ? floor.On(g, date) : null;
                cells.Add(fact switch
                {
                    null => "not researched",
                    { IsKnown: false } => "unknown",
                    _ => fact.Value!.Access.ToString().ToLowerInvariant(),
                });
                if (fact is not null)
                {
                    notes.Add($"{country} {SocialProtectionFloor.Name(g)}: " + (fact.IsKnown
                        ? $"{fact.Value!.Note} [{fact.Source} <{fact.Source!.Url}> checked {fact.Source.Checked:yyyy-MM-dd}]"
                        : $"unknown — {fact.Unknown} (checked {fact.Checked:yyyy-MM-dd})"));
                }
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        console.WriteLine($"Law as of {date:yyyy-MM-dd}. yes: on the same terms as nationals; partial: some migrants, or with conditions nationals do not face; no: not for migrants.");
        foreach (var note in notes)
        {
            console.WriteLine(note);
        }
    }
}
