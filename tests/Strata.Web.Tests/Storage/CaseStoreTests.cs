using Microsoft.EntityFrameworkCore;
using Strata.Web.Storage;
using Xunit.Abstractions;

namespace Strata.Web.Tests.Storage;

/// <summary>The saved-case store on SQLite (the default provider).</summary>
public sealed class SqliteCaseStoreTests(SqliteTestDatabase database, ITestOutputHelper output)
    : CaseStoreTests<SqliteTestDatabase>(database, output), IClassFixture<SqliteTestDatabase>;

/// <summary>The same tests on a real PostgreSQL (STRATA_TEST_POSTGRES).</summary>
public sealed class PostgresCaseStoreTests(PostgresTestDatabase database, ITestOutputHelper output)
    : CaseStoreTests<PostgresTestDatabase>(database, output), IClassFixture<PostgresTestDatabase>;

/// <summary>What every provider must do: keep the text exactly, find it by token only, delete it for good, lose nothing under load.</summary>
public abstract class CaseStoreTests<TDatabase>(TDatabase database, ITestOutputHelper output)
    where TDatabase : TestDatabase
{
    private static readonly DateTimeOffset Noon = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveAsync_ThenGetAsync_ReturnsTextExactlyAndUtcTime()
    {
        if (Unavailable())
        {
            return;
        }

        // Non-ASCII, leading spaces and a trailing newline must survive as they are.
        const string text = "  {\"strata\": \"case/v1\", \"note\": \"Nguyễn Thị — 東京 ✓\"}\n";
        await using var db = database.NewContext();
        var token = await Store(db).SaveAsync(text, CancellationToken.None);

        await using var other = database.NewContext();
        var saved = await Store(other).GetAsync(token, CancellationToken.None);

        Assert.NotNull(saved);
        Assert.Equal(token, saved.Token);
        Assert.Equal(text, saved.CaseText);
        Assert.Equal(Noon, saved.SavedAt);
        Assert.Equal(TimeSpan.Zero, saved.SavedAt.Offset);
    }

    [Fact]
    public async Task SaveAsync_TwoCases_GetsDistinctWellFormedTokens()
    {
        if (Unavailable())
        {
            return;
        }

        await using var db = database.NewContext();
        var first = await Store(db).SaveAsync("{}", CancellationToken.None);
        var second = await Store(db).SaveAsync("{}", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.True(CaseTokens.IsWellFormed(first));
        Assert.True(CaseTokens.IsWellFormed(second));
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")] // well formed, never issued
    [InlineData("short")] // malformed: never reaches the database
    [InlineData("' OR '1'='1")] // hostile
    public async Task GetAsync_UnknownToken_ReturnsNull(string token)
    {
        if (Unavailable())
        {
            return;
        }

        await using var db = database.NewContext();

        Assert.Null(await Store(db).GetAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_SavedCase_RemovesTheRowForGood()
    {
        if (Unavailable())
        {
            return;
        }

        await using var db = database.NewContext();
        var store = Store(db);
        var token = await store.SaveAsync("{\"strata\": \"case/v1\"}", CancellationToken.None);

        Assert.True(await store.DeleteAsync(token, CancellationToken.None));

        await using var other = database.NewContext();
        Assert.Null(await Store(other).GetAsync(token, CancellationToken.None));
        Assert.Equal(0, await other.Cases.CountAsync(c => c.Token == token));
        Assert.False(await Store(other).DeleteAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_UnknownToken_ReturnsFalse()
    {
        if (Unavailable())
        {
            return;
        }

        await using var db = database.NewContext();

        Assert.False(await Store(db).DeleteAsync(CaseTokens.New(), CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_FiftyInParallel_NoneLost()
    {
        if (Unavailable())
        {
            return;
        }

        var texts = Enumerable.Range(0, 50).Select(i => $"{{\"strata\": \"case/v1\", \"n\": {i}}}").ToArray();
        var tokens = await Task.WhenAll(texts.Select(async text =>
        {
            await using var db = database.NewContext();
            return await Store(db).SaveAsync(text, CancellationToken.None);
        }));
        var read = await Task.WhenAll(tokens.Select(async token =>
        {
            await using var db = database.NewContext();
            return (await Store(db).GetAsync(token, CancellationToken.None))?.CaseText;
        }));

        Assert.Equal(50, tokens.Distinct().Count());
        Assert.Equal(texts, read);
    }

    [Fact]
    public async Task Migrations_Applied_MatchTheModel()
    {
        if (Unavailable())
        {
            return;
        }

        await using var db = database.NewContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges());
    }

    private static DatabaseCaseStore Store(CaseDbContext db) => new(db, new FixedClock(Noon));

    private bool Unavailable()
    {
        if (database.Missing is { } reason)
        {
            output.WriteLine(reason);
            return true;
        }

        return false;
    }
}

/// <summary>A clock stopped at one instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
