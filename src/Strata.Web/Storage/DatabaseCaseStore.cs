using Microsoft.EntityFrameworkCore;

namespace Strata.Web.Storage;

/// <summary>The saved-case store on EF Core (SQLite or PostgreSQL, whichever <see cref="CaseDbContext"/> is registered).</summary>
/// <param name="db">The database (one per request).</param>
/// <param name="clock">The clock for the saved-at time.</param>
public sealed class DatabaseCaseStore(CaseDbContext db, TimeProvider clock) : ICaseStore
{
    /// <inheritdoc />
    public async Task<string> SaveAsync(string caseText, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(caseText);

        // 128 random bits: a collision is as likely as guessing a token, so there is no retry loop.
        var row = new SavedCase { Token = CaseTokens.New(), CaseText = caseText, SavedAt = clock.GetUtcNow() };
        db.Cases.Add(row);
        await db.SaveChangesAsync(cancel);
        db.Entry(row).State = EntityState.Detached;
        return row.Token;
    }

    /// <inheritdoc />
    public async Task<StoredCase?> GetAsync(string token, CancellationToken cancel)
    {
        if (!CaseTokens.IsWellFormed(token))
        {
            return null;
        }

        var row = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Token == token, cancel);
        return row is null ? null : new StoredCase(row.Token, row.CaseText, row.SavedAt.ToUniversalTime());
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string token, CancellationToken cancel) =>
        CaseTokens.IsWellFormed(token) && await db.Cases.Where(c => c.Token == token).ExecuteDeleteAsync(cancel) > 0;
}
