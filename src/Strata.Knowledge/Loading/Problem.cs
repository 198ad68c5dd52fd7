namespace Strata.Knowledge.Loading;

/// <summary>One problem in an input file, located by file, line and field.</summary>
/// <param name="File">File name as given (relative to the knowledge directory, or the case path).</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Field">Path of the field, e.g. <c>career[2].to</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong, and what is expected.</param>
public sealed record Problem(string File, int Line, string Field, string Message)
{
    /// <summary>Formats the problem as <c>file:line: field: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{File}{(Line > 0 ? ":" + Line : "")}: {(Field.Length > 0 ? Field + ": " : "")}{Message}";
}

/// <summary>Thrown when input does not validate; carries every problem found.</summary>
public sealed class KnowledgeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">The problems, at least one.</param>
    public KnowledgeException(IReadOnlyList<Problem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public KnowledgeException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Message.</param>
    public KnowledgeException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Message.</param>
    /// <param name="inner">Inner exception.</param>
    public KnowledgeException(string message, Exception inner)
        : base(message, inner)
    {
        Problems = [];
    }

    /// <summary>The problems.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    private static string Describe(IReadOnlyList<Problem> problems) =>
        $"{problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}";
}

/// <summary>A result that is either a value or the problems that prevented it.</summary>
/// <typeparam name="T">Value type.</typeparam>
public sealed class LoadResult<T>
    where T : class
{
    internal LoadResult(T? value, IReadOnlyList<Problem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The value, when there is no problem.</summary>
    public T? Value { get; }

    /// <summary>Problems, in file and line order.</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>Whether loading succeeded.</summary>
    public bool Succeeded => Problems.Count == 0 && Value is not null;

    /// <summary>The value, or throws with every problem.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="KnowledgeException">There were problems.</exception>
    public T GetValueOrThrow() => Succeeded ? Value! : throw new KnowledgeException(Problems);
}
