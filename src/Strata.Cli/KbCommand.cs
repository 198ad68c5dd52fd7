using System.CommandLine;
using Strata.Knowledge.Loading;

namespace Strata.Cli;

/// <summary><c>strata kb validate [DIR]</c>.</summary>
internal static class KbCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("dir")
        {
            Description = "Knowledge base directory (default: the embedded knowledge)",
            DefaultValueFactory = _ => KnowledgeOption.DefaultDirectory,
        };
        var validate = new Command("validate", "Check a whole knowledge base; report every error with file, line and field, then fail once") { directory };
        validate.SetAction(parse => Validate(parse.GetValue(directory)!));

        var knowledge = KnowledgeOption.Create();
        var format = new Option<string>("--format", "-f") { Description = "text, csv, json or markdown", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "csv", "json", "markdown");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of the console" };
        var coverage = new Command("coverage", "Countries × branches: which schemes are modelled, how many facts are sourced or unknown, the oldest check date")
        {
            knowledge, format, output,
        };
        coverage.SetAction(parse => Coverage(parse.GetValue(knowledge)!, parse.GetValue(format)!, parse.GetValue(output)));

        var id = new Argument<string>("id") { Description = "Scheme, instrument or region id, e.g. th.sso.old-age, agreement.jp-ph, asean" };
        var show = new Command("show", "Print a scheme, instrument or region with every fact and its source") { id, knowledge };
        show.SetAction(parse => Show(parse.GetValue(knowledge)!, parse.GetValue(id)!));
        return new Command("kb", "Work with the knowledge base") { validate, coverage, show };
    }

    private static int Coverage(string directory, string format, string? output)
    {
        var kb = KnowledgeOption.Load(directory, Console.Error);
        if (kb is null)
        {
            return ExitCodes.BadInput;
        }

        var text = KbCoverage.Render(kb, format);
        if (output is null)
        {
            Console.Out.Write(text);
        }
        else
        {
            OutputFile.Write(output, text);
            Console.Error.WriteLine($"wrote {output}");
        }

        return ExitCodes.Ok;
    }

    private static int Show(string directory, string id)
    {
        var kb = KnowledgeOption.Load(directory, Console.Error);
        if (kb is null)
        {
            return ExitCodes.BadInput;
        }

        if (KbShow.Render(kb, id) is not { } text)
        {
            var near = kb.Schemes.Keys.Concat(kb.Instruments.Keys).Concat(kb.Regions.Keys).Where(k => k.Contains(id, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).Take(10).ToArray();
            Console.Error.WriteLine($"error: '{id}' is not a scheme, instrument or region id{(near.Length > 0 ? "; did you mean: " + string.Join(", ", near) : "")}");
            return ExitCodes.BadInput;
        }

        Console.Out.Write(text);
        return ExitCodes.Ok;
    }

    private static int Validate(string directory)
    {
        var (result, stats) = KnowledgeLoader.LoadWithStatistics(directory, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date));
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems)
            {
                Console.Error.WriteLine(problem);
            }

            Console.Error.WriteLine($"error: {result.Problems.Count} problem(s) in {stats.Files} file(s) under {directory}");
            return ExitCodes.BadInput;
        }

        var kb = result.Value!;
        Console.Out.WriteLine($"ok: {stats.Files} files — {kb.Countries.Count} countries, {kb.Schemes.Count} schemes, {kb.Instruments.Count} instruments; {stats.Sources} sources declared; {stats.UnknownFacts} facts recorded as unknown");
        return ExitCodes.Ok;
    }
}
