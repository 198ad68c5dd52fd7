namespace Strata.Law;

/// <summary>The days a fact of law is in force.</summary>
/// <remarks>
/// Both ends are included, as in NodaTime's <c>DateInterval</c> and as laws are written ("from 1 January to
/// 31 December"). A missing end is open: <see cref="From"/> null means "since before any period Strata knows",
/// <see cref="To"/> null means "until changed".
/// </remarks>
public readonly record struct ValidityPeriod(DateOnly? From, DateOnly? To)
{
    /// <summary>Always in force.</summary>
    public static ValidityPeriod Always => default;

    /// <summary>Whether the fact is in force on a day.</summary>
    /// <param name="day">The day.</param>
    /// <returns>True when <paramref name="day"/> lies within both ends.</returns>
    public bool Contains(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);

    /// <summary>Whether two periods share at least one day.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>True when they overlap.</returns>
    public bool Overlaps(ValidityPeriod other) =>
        (From is null || other.To is null || From <= other.To) && (other.From is null || To is null || other.From <= To);

    /// <inheritdoc/>
    public override string ToString() => $"{From?.ToString("yyyy-MM-dd") ?? "…"}–{To?.ToString("yyyy-MM-dd") ?? "…"}";
}
