using System.CommandLine;
using System.Globalization;
using Strata.Evaluation;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Contracts;

namespace Strata.Cli;

/// <summary><c>strata evaluate CASE [--format text|json] [--as-of DATE]</c>.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var caseArgument = new Argument<string>("case") { Description = "Case file (YAML or JSON, strata: case/v1)" };
        var format = new Option<string>("--format", "-f") { Description = "Output: text (table and explanation) or json (determination/v1)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var asOf = new Option<string?>("--as-of") { Description = "Apply the law in force on this date (YYYY-MM-DD) instead of the contingency and claim dates" };
        var knowledge = KnowledgeOption.Create();
        var reform = KnowledgeOption.CreateReform();
        var command = new Command("evaluate", "Evaluate a case: per country and branch, what the person can claim, how much, where it is paid, and why")
        {
            caseArgument, format, asOf, knowledge, reform,
        };
        command.SetAction(parse => Run(parse.GetValue(caseArgument)!, parse.GetValue(format)!, parse.GetValue(asOf), parse.GetValue(knowledge)!,
            parse.GetValue(reform) ?? []));
        return command;
    }

    private static int Run(string casePath, string format, string? asOf, string knowledgeDirectory, string[] reforms)
    {
        DateOnly? lawAsOf = null;
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                Console.Error.WriteLine($"error: --as-of: '{asOf}' is not a date (expected YYYY-MM-DD)");
                return ExitCodes.BadInput;
            }

            lawAsOf = d;
        }

        var kb = KnowledgeOption.Load(knowledgeDirectory, Console.Error, reforms);
        if (kb is null)
        {
            return ExitCodes.BadInput;
        }

        var loaded = CaseFile.Load(casePath, kb);
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Problems)
            {
                Console.Error.WriteLine(problem);
            }

            Console.Error.WriteLine($"error: {casePath}: {loaded.Problems.Count} problem(s); nothing was evaluated");
            return ExitCodes.BadInput;
        }

        var assessment = Evaluator.Evaluate(kb, loaded.Value!, new EvaluationOptions { LawAsOf = lawAsOf });
        if (format == "json")
        {
            Console.Out.WriteLine(DeterminationDocument.From(assessment).ToJson());
        }
        else
        {
            TextReport.Write(loaded.Value!, assessment, Console.Out);
        }

        return ExitCodes.Ok;
    }
}
