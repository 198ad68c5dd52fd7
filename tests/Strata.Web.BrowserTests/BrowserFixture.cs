using Microsoft.AspNetCore.Builder;

namespace Strata.Web.BrowserTests;

/// <summary>
/// The real Strata.Web server on a loopback port (Chromium needs a socket, not TestServer), with saved cases in SQLite in
/// a temporary folder, and one headless Debian Chromium shared by every browser test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser download cannot reach its host here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "strata-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The repository root (the folder holding Strata.slnx).</summary>
    public static string RepositoryRoot => Repository.Root;

    /// <summary>Where the server listens, ending with a slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The shared browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        var webProject = Path.Combine(RepositoryRoot, "src", "Strata.Web");

        // Built in this process (not through Program), so the application name and content root are the web project's:
        // the Razor pages are found in Strata.Web.dll and the static files in its wwwroot.
        _app = StrataWeb.Build(
            ["--urls", "http://127.0.0.1:0", "--applicationName", "Strata.Web", "--contentRoot", webProject, "--environment", "Production"],
            builder =>
            {
                builder.Configuration["Strata:Knowledge"] = Path.Combine(RepositoryRoot, "knowledge");
                builder.Configuration["Strata:Storage:Provider"] = "sqlite";
                builder.Configuration["Strata:DataDirectory"] = _dataDirectory;
                builder.Configuration["Logging:LogLevel:Default"] = "Warning";
                builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning";
            })
            ?? throw new InvalidOperationException("Strata.Web did not build: the knowledge base does not validate.");
        await _app.StartAsync();

        // With port 0, Kestrel reports the port it bound once started.
        BaseAddress = new Uri(_app.Urls.Single().TrimEnd('/') + "/");

        if (!File.Exists(ChromiumPath))
        {
            // CI (.ci/run) installs Chromium and sets STRATA_REQUIRE_BROWSER=1, so there the browser tests always run and a
            // missing browser fails them; on a developer machine without Chromium they say so and do nothing.
            if (Environment.GetEnvironmentVariable("STRATA_REQUIRE_BROWSER") == "1")
            {
                throw new InvalidOperationException($"No browser at {ChromiumPath}: install Debian's Chromium (apt-get install -y chromium), as .ci/run does.");
            }

            Unavailable = $"Browser tests not run: no browser at {ChromiumPath} (apt-get install -y chromium; .ci/run installs it and requires it).";
            Console.WriteLine(Unavailable);
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        SetDefaultExpectTimeout(15_000);
    }

    /// <summary>A fresh browser context (its own cookies) with an English locale, so dates and numbers read the same everywhere.</summary>
    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-US",
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        // SQLite may keep the file a moment after the pool is cleared; a leftover temp folder is not worth a failure.
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Every browser test shares one server and one Chromium, and the tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
