using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Strata.Web.Storage;

namespace Strata.Web.Tests.Storage;

/// <summary>A database for one test class, migrated, and removed afterwards.</summary>
public abstract class TestDatabase : IAsyncLifetime
{
    /// <summary>Why the database is missing, or null when it is there.</summary>
    public virtual string? Missing => null;

    /// <summary>A new context on the database (contexts are not thread-safe: one per concurrent operation).</summary>
    public abstract CaseDbContext NewContext();

    public virtual async Task InitializeAsync()
    {
        if (Missing is null)
        {
            await using var db = NewContext();
            await db.Database.MigrateAsync();
        }
    }

    public abstract Task DisposeAsync();
}

/// <summary>A SQLite file in a temporary folder.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-store-").FullName;

    public override CaseDbContext NewContext() => new SqliteCaseDbContext(new DbContextOptionsBuilder<SqliteCaseDbContext>()
        .UseSqlite($"Data Source={Path.Combine(_folder, "strata.db")}").Options);

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server named by <c>STRATA_TEST_POSTGRES</c>, dropped afterwards.
/// <c>.ci/run</c> starts a throwaway server and always sets the variable.
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    public const string Variable = "STRATA_TEST_POSTGRES";

    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);

    private readonly string _name = $"strata_test_{Guid.NewGuid():N}";

    public override string? Missing => string.IsNullOrWhiteSpace(_server)
        ? $"{Variable} is not set, so the PostgreSQL tests did not run; .ci/run sets it (e.g. Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres)."
        : null;

    /// <summary>The connection string of this class's own database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString;

    public override CaseDbContext NewContext() => new PostgresCaseDbContext(new DbContextOptionsBuilder<PostgresCaseDbContext>()
        .UseNpgsql(ConnectionString).Options);

    public override async Task InitializeAsync()
    {
        if (Missing is not null)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(_server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        if (Missing is not null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
