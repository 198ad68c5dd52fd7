using System.Globalization;
using Spectre.Console;
using Strata.Cases;
using Strata.Evaluation;
using Strata.Formulas;
using Strata.Knowledge.Loading;
using Strata.Law;

namespace Strata.Cli;

/// <summary>The readable text output of <c>evaluate</c>: a table, then one explanation tree per scheme.</summary>
internal static class TextReport
{
    public static void Write(Case @case, Assessment assessment, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = output == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = output == Console.Out && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }

        var p = @case.Person;
        console.MarkupLine($"[bold]Strata determination[/] — claim {assessment.ClaimDate:yyyy-MM-dd}, law as of {assessment.LawAsOf:yyyy-MM-dd}");
        console.MarkupLine(Markup.Escape($"Person born {p.Born:yyyy-MM-dd}, national of {string.Join(", ", p.Nationalities.Select(Codes.NameOf))}, living in {Codes.NameOf(p.Residence)}; {@case.Career.Count} period(s) of work."));
        console.WriteLine();

        var modelled = assessment.Determinations.Where(d => d.Scheme is not null).ToArray();
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Country").AddColumn("Branch").AddColumn("Scheme").AddColumn("Outcome").AddColumn(new TableColumn("Amount").RightAligned())
            .AddColumn("Paid where they live").AddColumn("Decided by").AddColumn(new TableColumn("Months own/agg.").RightAligned());
        foreach (var d in modelled)
        {
            table.AddRow(
                Markup.Escape(d.Country), Markup.Escape(d.Branch.ToName()), Markup.Escape(d.Scheme ?? "—"), OutcomeMarkup(d.Outcome),
                Markup.Escape(Pays(d.Outcome) && d.Amount is null ? "unknown" : AmountText(d.Amount)),
                d.Exportable switch { true => "yes", false => "[red]no[/]", _ when Pays(d.Outcome) => "[yellow]unknown[/]", _ => "—" },
                Markup.Escape(d.DecidedBy.ToName() + (d.Instruments.Count > 0 ? $" ({string.Join(", ", d.Instruments)})" : "")),
                $"{d.Periods.Own}/{d.Periods.Aggregated}");
        }

        console.Write(table);
        foreach (var group in assessment.Determinations.Where(d => d.Scheme is null).GroupBy(d => d.Country))
        {
            console.MarkupLine(Markup.Escape($"{group.Key}: not modelled yet (outcome unknown): {string.Join(", ", group.Select(d => d.Branch.ToName()))}"));
        }

        console.WriteLine();
        var sources = new List<Source>();
        foreach (var d in modelled)
        {
            var tree = new Tree(Markup.Escape($"{d.Country} · {d.Branch.ToName()} · {d.Scheme}: {d.Outcome.ToName()}{(d.Amount is null ? "" : " " + AmountText(d.Amount))}"));
            foreach (var step in d.Explanation)
            {
                tree.AddNode(Markup.Escape(step.Text + Cite(step.Source, sources)));
            }

            foreach (var assumption in d.Assumptions)
            {
                tree.AddNode("[yellow]assumed:[/] " + Markup.Escape(assumption));
            }

            foreach (var conflict in d.Conflicts)
            {
                tree.AddNode("[yellow]conflict:[/] " + Markup.Escape(conflict.Text + string.Concat(conflict.Sources.Select(s => Cite(s, sources)))));
            }

            if (d.Options.Count > 0)
            {
                var node = tree.AddNode("[bold]Options[/]");
                foreach (var option in d.Options)
                {
                    var amountText = option.Amount is null && option.Outcome is Outcome.Pension or Outcome.LumpSum or Outcome.Refund ? "(amount unknown)" : AmountText(option.Amount);
                    var o = node.AddNode(Markup.Escape($"{option.Label}: {option.Outcome.ToName()} {amountText}{(option.Cost is null ? "" : " — cost: " + option.Cost)}"));
                    foreach (var step in option.Explanation)
                    {
                        o.AddNode(Markup.Escape(step.Text + Cite(step.Source, sources)));
                    }
                }
            }

            if (d.ToQualify is not null)
            {
                tree.AddNode("[bold]To qualify:[/] " + Markup.Escape(d.ToQualify));
            }

            console.Write(tree);
            console.WriteLine();
        }

        if (sources.Count > 0)
        {
            console.MarkupLine("[bold]Sources[/]");
            for (var i = 0; i < sources.Count; i++)
            {
                var s = sources[i];
                console.MarkupLine(Markup.Escape($"[{i + 1}] {s} — {s.Url} (checked {s.Checked:yyyy-MM-dd})"));
            }
        }
    }

    private static string Cite(Source? source, List<Source> sources)
    {
        if (source is null)
        {
            return "";
        }

        var index = sources.IndexOf(source);
        if (index < 0)
        {
            sources.Add(source);
            index = sources.Count - 1;
        }

        return $" [{index + 1}]";
    }

    private static bool Pays(Outcome outcome) => outcome is Outcome.Pension or Outcome.LumpSum or Outcome.Refund;

    private static string OutcomeMarkup(Outcome outcome) => outcome switch
    {
        Outcome.Pension or Outcome.LumpSum or Outcome.Refund => $"[green]{outcome.ToName()}[/]",
        Outcome.Unknown => $"[yellow]{outcome.ToName()}[/]",
        _ => $"[red]{outcome.ToName()}[/]",
    };

    private static string AmountText(Amount? amount) => amount is { } a
        ? $"{a.Value.ToString("#,##0.00", CultureInfo.InvariantCulture)} {a.Currency}{(a.PerMonth ? "/month" : " once")}{(a.Partial ? " + interest not known" : "")}"
        : "";
}
