namespace Strata.Web.BrowserTests;

/// <summary>
/// Screenshots of the main pages for docs/screenshots, written only when STRATA_SCREENSHOTS is set
/// (<c>STRATA_SCREENSHOTS=1 dotnet test tests/Strata.Web.BrowserTests</c>), so CI never rewrites the docs.
/// </summary>
public static class Screenshots
{
    private static readonly string? Directory = Environment.GetEnvironmentVariable("STRATA_SCREENSHOTS") is { Length: > 0 }
        ? Path.Combine(BrowserFixture.RepositoryRoot, "docs", "screenshots")
        : null;

    /// <summary>Saves <c>docs/screenshots/{name}.png</c> when screenshots were asked for.</summary>
    public static async Task TakeAsync(IPage page, string name, bool fullPage)
    {
        if (Directory is null)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = fullPage });
    }
}
