using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Strata.Web.Tests;

/// <summary>The real host (Program) on the repository's knowledge base, with extra settings and every log line captured.</summary>
public class StrataWebFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public StrataWebFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Strata:Knowledge", Repository.Knowledge);

        // The tests send bursts from one address; rate limiting has its own tests.
        builder.UseSetting("Strata:RateLimit:Burst", "100000");
        builder.UseSetting("Strata:RateLimit:PerSecond", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }
}
