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

    public static Option<string[]> CreateReform() => new("--reform")
    {
        Description = "A reform folder (e.g. reforms/asean-agreement): its knowledge files are added, and replace those with the same id",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// A fingerprint of the knowledge and reform files (SHA-256 of their relative paths and bytes), so that partial results
    /// computed on different law are never merged.
    /// </summary>
    public static string Fingerprint(string directory, IReadOnlyList<string> reforms)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var (folder, n) in new[] { directory }.Concat(reforms).Select((f, n) => (f, n)))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.y*ml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{n}:{Path.GetRelativePath(folder, file).Replace('\\', '/')}\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>Loads the knowledge base (with reforms), or prints every problem and returns null.</summary>
    public static KnowledgeBase? Load(string directory, TextWriter error, IReadOnlyList<string>? reforms = null) => LoadReform(directory, error, reforms).Knowledge;

    /// <summary>Loads the knowledge base with reforms, and the ids the reforms define; or prints every problem and returns null.</summary>
    public static (KnowledgeBase? Knowledge, IReadOnlyList<string> Overlaid) LoadReform(string directory, TextWriter error, IReadOnlyList<string>? reforms)
    {
        var (result, stats) = KnowledgeLoader.LoadWithStatistics(directory, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date), reforms);
        if (result.Succeeded)
        {
            if (reforms is { Count: > 0 })
            {
                error.WriteLine($"reform {string.Join(", ", reforms)} applied{(stats.Replaced is { Count: > 0 } r ? "; replaces " + string.Join(", ", r) : "")}");
            }

            return (result.Value, stats.Overlaid ?? []);
        }

        foreach (var problem in result.Problems)
        {
            error.WriteLine(problem);
        }

        error.WriteLine($"error: the knowledge base in {directory} has {result.Problems.Count} problem(s)");
        return (null, []);
    }
}
