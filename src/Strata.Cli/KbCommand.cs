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
        return new Command("kb", "Work with the knowledge base") { validate };
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
