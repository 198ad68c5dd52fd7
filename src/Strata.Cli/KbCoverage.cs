using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Strata.Coverage;
using Strata.Knowledge.Contracts;
using Strata.Law;

namespace Strata.Cli;

/// <summary><c>strata kb coverage</c>: the countries × branches matrix of what the knowledge base knows, as a table, CSV or JSON.</summary>
internal static class KbCoverage
{
    public static string Render(KnowledgeBase kb, string format)
    {
        var cells = KnowledgeCoverage.Matrix(kb);
        return format switch
        {
            "csv" => Csv(cells),
            "json" => Json(kb, cells),
            "markdown" => Markdown(kb, cells),
            _ => Text(kb, cells),
        };
    }

    private static string Csv(IReadOnlyList<CoverageCell> cells)
    {
        var sb = new StringBuilder("country,branch,status,schemes,sourced_facts,unknown_facts,oldest_check\n");
        foreach (var c in cells)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{c.Country},{c.Branch.ToName()},{c.Status.ToName()},{string.Join(' ', c.Schemes)},{c.SourcedFacts},{c.UnknownFacts},{c.OldestCheck:yyyy-MM-dd}\n");
        }

        return sb.ToString();
    }

    private static string Json(KnowledgeBase kb, IReadOnlyList<CoverageCell> cells) => JsonSerializer.Serialize(new
    {
        strata = "coverage/v1",
        countries = kb.Countries.Count,
        schemes = kb.Schemes.Count,
        instruments = kb.Instruments.Count,
        cells = cells.Select(c => new
        {
            country = c.Country,
            branch = c.Branch.ToName(),
            status = c.Status.ToName(),
            schemes = c.Schemes,
            sourcedFacts = c.SourcedFacts,
            unknownFacts = c.UnknownFacts,
            oldestCheck = c.OldestCheck?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }),
    }, DeterminationDocument.JsonOptions);

    private static string Symbol(CoverageStatus status) => status switch
    {
        CoverageStatus.Modelled => "●",
        CoverageStatus.Partial => "◐",
        CoverageStatus.Unknown => "?",
        _ => "·",
    };

    private static string Markdown(KnowledgeBase kb, IReadOnlyList<CoverageCell> cells)
    {
        var sb = new StringBuilder();
        sb.Append("| country | ").AppendJoin(" | ", BranchNames.All.Select(b => b.ToName())).Append(" |\n|---|");
        sb.Append(string.Concat(Enumerable.Repeat("---|", BranchNames.All.Count))).Append('\n');
        foreach (var row in cells.GroupBy(c => c.Country))
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {kb.Countries[row.Key].Name} ({row.Key}) | ");
            sb.AppendJoin(" | ", row.Select(c => c.Status == CoverageStatus.Missing ? "·" : $"{Symbol(c.Status)} {c.SourcedFacts}/{c.UnknownFacts}"));
            sb.Append(" |\n");
        }

        sb.Append("\n● modelled (coverage, conditions and a computable amount) · ◐ partial (amount or a key fact unknown) · ? who is covered is unknown · · not recorded. Figures: sourced facts / facts recorded as unknown.\n");
        return sb.ToString();
    }

    private static string Text(KnowledgeBase kb, IReadOnlyList<CoverageCell> cells)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Country");
        foreach (var branch in BranchNames.All)
        {
            table.AddColumn(new TableColumn(branch.ToName()).Centered());
        }

        table.AddColumn("Oldest check");
        foreach (var row in cells.GroupBy(c => c.Country))
        {
            var oldest = row.Where(c => c.OldestCheck is not null).Select(c => c.OldestCheck!.Value).DefaultIfEmpty().Min();
            table.AddRow([Markup.Escape($"{kb.Countries[row.Key].Name} ({row.Key})"),
                .. row.Select(c => c.Status == CoverageStatus.Missing ? "·" : $"{Symbol(c.Status)} {c.SourcedFacts}/{c.UnknownFacts}"),
                oldest == default ? "" : oldest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }

        console.Write(table);
        console.WriteLine("● modelled · ◐ partial (amount or a key fact unknown) · ? coverage unknown · · not recorded; n/m = sourced facts / facts recorded as unknown");
        console.WriteLine($"{kb.Countries.Count} countries, {kb.Schemes.Count} schemes, {kb.Instruments.Count} instruments, {kb.Regions.Count} regions.");
        return writer.ToString();
    }
}
