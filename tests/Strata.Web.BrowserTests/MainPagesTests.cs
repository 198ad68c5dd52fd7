namespace Strata.Web.BrowserTests;

/// <summary>The main pages open in a browser without script, style or loading errors; see <see cref="Screenshots"/>.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MainPagesTests(BrowserFixture server)
{
    [Theory]
    [InlineData("home", "", "main", false)]
    // The regime heatmap, whole: every origin × destination cell opens its detail.
    [InlineData("corridors", "corridors", "main table", true)]
    // An agreement with its ratifications and provisions.
    [InlineData("instrument", "instruments/agreement.jp-ph", "main", true)]
    // A scheme with every fact and its source (a long page: its first screen shows what it is).
    [InlineData("scheme", "schemes/ph.sss.old-age", "main", false)]
    public async Task Page_Opened_RendersWithoutError(string name, string path, string selector, bool fullPage)
    {
        if (server.Unavailable is not null)
        {
            return;
        }

        var page = await server.NewPageAsync();
        var errors = CollectErrors(page);
        var response = await page.GotoAsync(path);

        Assert.Equal(200, response?.Status);
        await Expect(page.Locator(selector).First).ToBeVisibleAsync();
        Assert.Empty(errors);
        await Screenshots.TakeAsync(page, name, fullPage);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Calculator_WithResults_RendersWithoutError()
    {
        if (server.Unavailable is not null)
        {
            return;
        }

        var page = await server.NewPageAsync();
        var errors = CollectErrors(page);
        await Calculator.EvaluateAsync(page, Calculator.FilipinoInJapan);

        Assert.Empty(errors);

        // The whole page with every explanation is many screens long: show the answer at the top of one.
        await page.EvaluateAsync("() => document.getElementById('answer').scrollIntoView()");
        await Screenshots.TakeAsync(page, "calculator", fullPage: false);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Corridors_HeatmapCell_OpensItsDetail()
    {
        if (server.Unavailable is not null)
        {
            return;
        }

        var page = await server.NewPageAsync();
        await page.GotoAsync("corridors");

        // Philippines → Japan: the agreement carries old-age rights across (regime I on the heatmap).
        var cell = page.Locator("td.regime[data-origin=\"PH\"][data-destination=\"JP\"]").First;
        await Expect(cell).ToHaveAttributeAsync("data-regime", "I");
        await cell.Locator("a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/corridors/PH/JP"));
        await Expect(page.Locator("section.finding[data-branch=\"old-age\"]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Script errors and console errors (a CSP violation shows there) collected while the page is used.</summary>
    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        return errors;
    }
}
