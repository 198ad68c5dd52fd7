using Microsoft.EntityFrameworkCore;
using Strata.Web.Endpoints;
using Strata.Web.Storage;

namespace Strata.Web;

/// <summary>Saved cases: registration, database migration and the API. See <c>Storage/</c>.</summary>
/// <remarks>
/// Configuration: <c>Strata:Storage:Provider</c> is <c>sqlite</c> (the default) or <c>postgres</c>;
/// <c>ConnectionStrings:Strata</c> is the connection string (required for PostgreSQL; for SQLite it defaults to
/// <c>strata.db</c> in the data folder, <c>Strata:DataDirectory</c> or <c>data/</c> under the content root).
/// </remarks>
public static class StorageExtensions
{
    /// <summary>The SQLite provider name (default).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL provider name.</summary>
    public const string Postgres = "postgres";

    /// <summary>Registers the saved-case database and <see cref="ICaseStore"/>.</summary>
    /// <param name="services">Services.</param>
    /// <param name="configuration">Configuration.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException">The provider is unknown, or PostgreSQL has no connection string.</exception>
    public static IServiceCollection AddStrataStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = (configuration["Strata:Storage:Provider"] ?? Sqlite).Trim().ToLowerInvariant();
        var connection = configuration.GetConnectionString("Strata");
        switch (provider)
        {
            case Sqlite:
                services.AddDbContext<SqliteCaseDbContext>((sp, options) =>
                    Configure(options.UseSqlite(connection ?? DefaultSqlite(configuration, sp.GetRequiredService<IHostEnvironment>()))));
                services.AddScoped<CaseDbContext>(sp => sp.GetRequiredService<SqliteCaseDbContext>());
                break;
            case Postgres when string.IsNullOrWhiteSpace(connection):
                throw new InvalidOperationException("Strata:Storage:Provider is 'postgres' but ConnectionStrings:Strata is not set.");
            case Postgres:
                services.AddDbContext<PostgresCaseDbContext>(options => Configure(options.UseNpgsql(connection)));
                services.AddScoped<CaseDbContext>(sp => sp.GetRequiredService<PostgresCaseDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Strata:Storage:Provider is '{provider}'; it must be '{Sqlite}' or '{Postgres}'.");
        }

        services.AddScoped<ICaseStore, DatabaseCaseStore>();

        // Request-start log lines carry the path, and a saved case's path is its capability token.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }

    /// <summary>Creates the data folder if needed and applies pending migrations, before the first request.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    /// <exception cref="InvalidOperationException">The database cannot be reached or migrated.</exception>
    public static WebApplication UseStrataStorage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseDbContext>();
        try
        {
            if (db.Database.IsSqlite())
            {
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                if (file is { Length: > 0 } and not ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
                {
                    Directory.CreateDirectory(folder);
                }
            }

            // Start-up has no caller to return to, so blocking here is the way to migrate before the server listens.
            // EF creates a SQLite database in WAL mode, so readers do not wait for writers.
            db.Database.MigrateAsync().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException(
                $"The saved-case database ({db.Database.ProviderName}) could not be opened or migrated: {e.Message}", e);
        }

        return app;
    }

    /// <summary>Maps the saved-case API under <c>/api/v1/cases</c>.</summary>
    /// <param name="app">Routes.</param>
    public static void MapCaseApi(this IEndpointRouteBuilder app) => CaseEndpoints.Map(app);

    /// <summary>Case texts are personal data: parameter values must never reach a log line or an exception message.</summary>
    private static void Configure(DbContextOptionsBuilder options) => options.EnableSensitiveDataLogging(false);

    private static string DefaultSqlite(IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = configuration["Strata:DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, environment.ContentRootPath)
            : Path.Combine(environment.ContentRootPath, "data");
        return new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "strata.db") }.ToString();
    }
}
