namespace Strata.Web.Storage;

/// <summary>A row of the saved-cases table. Rows are written once and never updated, so they carry no row version.</summary>
public sealed class SavedCase
{
    /// <summary>The capability token (primary key).</summary>
    public required string Token { get; init; }

    /// <summary>The case file text (case/v1 JSON), kept as it was saved. Personal data: never logged.</summary>
    public required string CaseText { get; init; }

    /// <summary>When the case was saved (UTC).</summary>
    public required DateTimeOffset SavedAt { get; init; }
}
