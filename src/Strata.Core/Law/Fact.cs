namespace Strata.Law;

/// <summary>A fact of law: a value (or the statement that it is unknown) with its validity and source.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <remarks>
/// An unknown fact is a value too: it records what was searched, so the engine can say "unknown"
/// instead of guessing.
/// </remarks>
public sealed class Fact<T>
{
    private Fact(T? value, string? unknown, ValidityPeriod validity, Source? source, DateOnly? @checked)
    {
        Value = value;
        Unknown = unknown;
        Validity = validity;
        Source = source;
        Checked = @checked ?? source?.Checked;
    }

    /// <summary>The value; meaningful only when <see cref="IsKnown"/>.</summary>
    public T? Value { get; }

    /// <summary>What was searched without finding the fact; null for a known fact.</summary>
    public string? Unknown { get; }

    /// <summary>Whether the value is known.</summary>
    public bool IsKnown => Unknown is null;

    /// <summary>The days the fact is in force.</summary>
    public ValidityPeriod Validity { get; }

    /// <summary>The source of a known fact (and of an unknown one, where a source was read).</summary>
    public Source? Source { get; }

    /// <summary>The day the fact, or its absence, was last checked.</summary>
    public DateOnly? Checked { get; }

    /// <summary>Creates a known fact.</summary>
    /// <param name="value">The value.</param>
    /// <param name="validity">When it is in force.</param>
    /// <param name="source">Its source.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static Fact<T> Known(T value, ValidityPeriod validity, Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new Fact<T>(value, null, validity, source, null);
    }

    /// <summary>Creates a fact recorded as unknown.</summary>
    /// <param name="searched">What was searched, and where.</param>
    /// <param name="validity">When the question arises.</param>
    /// <param name="checked">When it was searched.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentException"><paramref name="searched"/> is empty.</exception>
    public static Fact<T> NotFound(string searched, ValidityPeriod validity, DateOnly @checked)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(searched);
        return new Fact<T>(default, searched, validity, null, @checked);
    }

    /// <summary>The same fact with another value type, for parameters read before their type is known.</summary>
    /// <typeparam name="TOut">The new value type.</typeparam>
    /// <param name="map">Maps a known value.</param>
    /// <returns>The mapped fact.</returns>
    public Fact<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsKnown
            ? new Fact<TOut>(map(Value!), null, Validity, Source, Checked)
            : new Fact<TOut>(default, Unknown, Validity, Source, Checked);
    }
}

/// <summary>The dated facts of one parameter, which never overlap.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class FactSeries<T>
{
    private readonly Fact<T>[] _facts;

    /// <summary>Creates a series.</summary>
    /// <param name="facts">The facts, in any order; the loader rejects overlaps with a located message.</param>
    public FactSeries(IEnumerable<Fact<T>> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _facts = facts.OrderBy(f => f.Validity.From ?? DateOnly.MinValue).ToArray();
    }

    /// <summary>An empty series: the parameter is not stated.</summary>
    public static FactSeries<T> Empty { get; } = new([]);

    /// <summary>A series of one fact in force always.</summary>
    /// <param name="value">The value.</param>
    /// <param name="source">Its source.</param>
    /// <returns>The series.</returns>
    public static FactSeries<T> Of(T value, Source source) => new([Fact<T>.Known(value, ValidityPeriod.Always, source)]);

    /// <summary>The facts, in date order.</summary>
    public IReadOnlyList<Fact<T>> Facts => _facts;

    /// <summary>The facts, in date order, without an enumerator allocation.</summary>
    internal ReadOnlySpan<Fact<T>> Span => _facts;

    /// <summary>Whether no fact is stated.</summary>
    public bool IsEmpty => _facts.Length == 0;

    /// <summary>The fact in force on a day, or null when none is.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The fact, known or unknown, or null.</returns>
    public Fact<T>? At(DateOnly day)
    {
        foreach (var fact in _facts)
        {
            if (fact.Validity.Contains(day))
            {
                return fact;
            }
        }

        return null;
    }
}
