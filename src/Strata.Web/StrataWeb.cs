using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;
using Strata.Knowledge.Loading;
using Strata.Web.Endpoints;
using Strata.Web.Pages;

namespace Strata.Web;

/// <summary>Builds the web host: the knowledge base loaded once, the JSON API, the pages and the guards around them.</summary>
public static class StrataWeb
{
    /// <summary>Largest request body accepted (a case file is far smaller).</summary>
    public const long MaxRequestBytes = 1_000_000;

    /// <summary>Builds the application, or returns null (after printing every problem) when the knowledge base does not validate.</summary>
    /// <param name="args">Command-line arguments (e.g. <c>--urls</c>).</param>
    /// <param name="configure">Optional extra configuration (tests).</param>
    /// <returns>The application, or null.</returns>
    public static WebApplication? Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var directory = builder.Configuration["Strata:Knowledge"] ?? Path.Combine(AppContext.BaseDirectory, "knowledge");
        var loaded = KnowledgeLoader.Load(directory, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().Date));
        if (!loaded.Succeeded)
        {
            foreach (var problem in loaded.Problems)
            {
                Console.Error.WriteLine(problem);
            }

            Console.Error.WriteLine($"error: the knowledge base in {directory} has {loaded.Problems.Count} problem(s); Strata.Web does not start on invalid law.");
            return null;
        }

        builder.Services.AddSingleton(loaded.Value!);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddStrataPages();
        builder.Services.AddAntiforgery();
        builder.Services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBytes);

        // The pages' stylesheet lives in the project's wwwroot; outside Development the build output finds it only through
        // the static web assets manifest (a published app has wwwroot beside it, and this is then a no-op).
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy("evaluate", context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = builder.Configuration.GetValue("Strata:RateLimit:Burst", 200),
                    TokensPerPeriod = builder.Configuration.GetValue("Strata:RateLimit:PerSecond", 100),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        builder.Services.AddStrataStorage(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            // Security headers on every answer; the pages use no third-party script.
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar")
                ? "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:"
                : "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'";
            await next();
        });
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        app.MapStrataApi();
        app.MapCaseApi();
        app.MapRazorPages();
        app.UseStrataStorage();
        return app;
    }
}
