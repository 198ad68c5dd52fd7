namespace Strata.Cli;

/// <summary>Exit codes of the strata command.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>The run completed but its result cannot be trusted (e.g. the explain path disagreed with the fast path).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: an invalid case file or knowledge base. Every problem was printed to stderr.</summary>
    public const int BadInput = 2;
}
