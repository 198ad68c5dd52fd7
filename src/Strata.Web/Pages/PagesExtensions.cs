using Strata.Web.Pages.Corridors;

namespace Strata.Web.Pages;

/// <summary>Registration of the server-rendered pages and what they need.</summary>
public static class PagesExtensions
{
    /// <summary>Adds Razor Pages, the memory cache and the corridor heatmap's regimes.</summary>
    public static IServiceCollection AddStrataPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.AddMemoryCache();
        services.AddSingleton<CorridorMatrix>();

        // Saving redirects to the case's address, and the address holds its capability token: the redirect log line
        // would write it out (request lines are filtered with the storage).
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Mvc.Infrastructure.RedirectResultExecutor", LogLevel.Warning));
        return services;
    }
}
