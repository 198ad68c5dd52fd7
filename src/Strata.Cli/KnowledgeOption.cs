using System.CommandLine;
using Strata.Knowledge.Loading;

namespace Strata.Cli;

/// <summary>The knowledge directory: the one shipped beside the binary unless --knowledge says otherwise.</summary>
internal static class KnowledgeOption
{
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "knowledge");

    public static Option<string> Create() => new("--knowledge", "-k")
    {
        Description = "Knowledge base directory (default: the embedded knowledge shipped with strata)",
        DefaultValueFactory = _ => DefaultDirectory,
    };

    /// <summary>Loads the knowledge base, or prints every problem and returns null.</summary>
    public static KnowledgeBase? Load(string directory, TextWriter error)
    {
        var result = KnowledgeLoader.Load(directory, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date));
        if (result.Succeeded)
        {
            return result.Value;
        }

        foreach (var problem in result.Problems)
        {
            error.WriteLine(problem);
        }

        error.WriteLine($"error: the knowledge base in {directory} has {result.Problems.Count} problem(s)");
        return null;
    }
}
