using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Strata.Web.Storage;

/// <summary>The saved-cases database: one table, <c>saved_cases</c>. One subclass per provider, each with its own migrations.</summary>
public abstract class CaseDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="options">Provider options.</param>
    protected CaseDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The saved cases.</summary>
    public DbSet<SavedCase> Cases => Set<SavedCase>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var saved = modelBuilder.Entity<SavedCase>();
        saved.ToTable("saved_cases");
        saved.HasKey(c => c.Token);
        saved.Property(c => c.Token).HasColumnName("token").HasMaxLength(CaseTokens.Length).IsUnicode(false);
        saved.Property(c => c.CaseText).HasColumnName("case_text").IsRequired();
        saved.Property(c => c.SavedAt).HasColumnName("saved_at");
    }
}

/// <summary>The saved-cases database on SQLite (the default). Migrations: <c>Migrations/Sqlite</c>.</summary>
/// <param name="options">Options.</param>
public sealed class SqliteCaseDbContext(DbContextOptions<SqliteCaseDbContext> options) : CaseDbContext(options);

/// <summary>The saved-cases database on PostgreSQL. Migrations: <c>Migrations/Postgres</c>.</summary>
/// <param name="options">Options.</param>
public sealed class PostgresCaseDbContext(DbContextOptions<PostgresCaseDbContext> options) : CaseDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteCaseDbContext</c> build the model without starting the app.</summary>
public sealed class SqliteCaseDbContextDesignFactory : IDesignTimeDbContextFactory<SqliteCaseDbContext>
{
    /// <inheritdoc />
    public SqliteCaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCaseDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresCaseDbContext</c> build the model without a server.</summary>
public sealed class PostgresCaseDbContextDesignFactory : IDesignTimeDbContextFactory<PostgresCaseDbContext>
{
    /// <inheritdoc />
    public PostgresCaseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCaseDbContext>().UseNpgsql("Host=localhost;Database=strata").Options);
}
