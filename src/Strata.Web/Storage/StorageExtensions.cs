namespace Strata.Web;

/// <summary>Saved cases: registration, database creation and the API. See <c>Storage/</c>.</summary>
public static class StorageExtensions
{
    // TODO(saved-cases): EF Core storage (SQLite by default, PostgreSQL when configured) lands with the saved-cases work.
    public static IServiceCollection AddStrataStorage(this IServiceCollection services, IConfiguration configuration) => services;

    public static WebApplication UseStrataStorage(this WebApplication app) => app;

    public static void MapCaseApi(this IEndpointRouteBuilder app)
    {
    }
}
