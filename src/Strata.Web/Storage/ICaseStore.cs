namespace Strata.Web.Storage;

/// <summary>A saved case: the case file text as the person entered it, under an unguessable token.</summary>
/// <param name="Token">The capability token: whoever has it may read, export and delete the case.</param>
/// <param name="CaseText">The case file (case/v1, JSON).</param>
/// <param name="SavedAt">When it was saved (UTC).</param>
public sealed record StoredCase(string Token, string CaseText, DateTimeOffset SavedAt);

/// <summary>
/// Where saved cases live. Cases hold personal data: they are reachable only through an unguessable per-case token
/// (a capability link), never listed, never logged, and deleted for good on request.
/// </summary>
public interface ICaseStore
{
    /// <summary>Saves a case and returns its token.</summary>
    Task<string> SaveAsync(string caseText, CancellationToken cancel);

    /// <summary>The case under a token, or null.</summary>
    Task<StoredCase?> GetAsync(string token, CancellationToken cancel);

    /// <summary>Deletes a case for good; false when there was none.</summary>
    Task<bool> DeleteAsync(string token, CancellationToken cancel);
}
