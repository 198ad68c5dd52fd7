using System.Text.RegularExpressions;

namespace Strata.Web.BrowserTests;

/// <summary>The calculator as a person uses it: build a two-country career, read the result, save, reopen, export, delete.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CalculatorTests(BrowserFixture server)
{
    /// <summary>Numbers from tests/cases/ph-jp-totalization/expected.yaml (its source explains the arithmetic).</summary>
    [Fact]
    public async Task Calculator_FilipinoWithJapanesePeriods_ShowsBothPensionsAndSurvivesSaveReopenExportDelete()
    {
        if (server.Unavailable is not null)
        {
            return;
        }

        var page = await server.NewPageAsync();
        await Calculator.EvaluateAsync(page, Calculator.FilipinoInJapan);

        await ExpectFilipinoResultsAsync(page);
        var sources = page.Locator(".explanation a.source");
        Assert.True(await sources.CountAsync() > 0, "the explanation links no source");
        Assert.Matches("^https?://", await sources.First.GetAttributeAsync("href"));

        await page.Locator("#save-case").ClickAsync();
        var link = page.Locator("#case-link");
        await Expect(link).ToBeVisibleAsync();
        var caseUrl = await CaseUrlAsync(link);
        Assert.StartsWith(server.BaseAddress.ToString(), caseUrl, StringComparison.Ordinal);

        // Reopened from the link alone, in a browser that never saw the case.
        var reopened = await server.NewPageAsync();
        var opened = await reopened.GotoAsync(caseUrl);
        Assert.Equal(200, opened?.Status);
        await ExpectFilipinoResultsAsync(reopened);

        var download = await reopened.RunAndWaitForDownloadAsync(() => reopened.Locator("#export-case").ClickAsync());
        var exportPath = await download.PathAsync();
        var json = await File.ReadAllTextAsync(exportPath);
        Assert.Contains("case/v1", json, StringComparison.Ordinal);
        Assert.Contains("1961-04-20", json, StringComparison.Ordinal);
        Assert.EndsWith(".json", download.SuggestedFilename, StringComparison.OrdinalIgnoreCase);

        reopened.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await reopened.Locator("#delete-case").ClickAsync();
        await Expect(reopened.Locator("#deleted")).ToBeVisibleAsync();

        var gone = await reopened.GotoAsync(caseUrl);
        Assert.Equal(404, gone?.Status);
        await reopened.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>examples/myanmar-worker-in-thailand.yaml: 180 documented months in Thailand earn the SSO old-age pension.</summary>
    [Fact]
    public async Task Calculator_MyanmarWorkerInThailand_ShowsThaiOldAgePension()
    {
        if (server.Unavailable is not null)
        {
            return;
        }

        var page = await server.NewPageAsync();
        await Calculator.EvaluateAsync(page, Calculator.MyanmarWorkerInThailand);

        var row = Calculator.Row(page, "th.sso.old-age");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".outcome")).ToContainTextAsync("pension", new() { IgnoreCase = true });
        await Expect(row.Locator(".amount")).ToContainTextAsync(new Regex(@"\b3,000(\.00)?\b"));
        await Expect(row.Locator(".amount")).ToContainTextAsync("THB");
        await page.Context.CloseAsync();
    }

    private static async Task ExpectFilipinoResultsAsync(IPage page)
    {
        foreach (var (scheme, amount, currency) in new[] { ("ph.sss.old-age", "2,230.77", "PHP"), ("jp.np.old-age", "14,121.67", "JPY") })
        {
            await Calculator.ExpectRowAsync(page, scheme, "pension", amount, currency, "bilateral agreement");
            var row = Calculator.Row(page, scheme);
            await Expect(row.Locator(".amount")).ToContainTextAsync("month", new() { IgnoreCase = true });
            await Expect(row.Locator(".exportable")).ToHaveTextAsync("Yes");
            await Expect(row.Locator(".decided-by a")).ToHaveAttributeAsync("href", "/instruments/agreement.jp-ph");
        }
    }

    /// <summary>The capability link, absolute: from its href, or its text when it is shown as a field to copy.</summary>
    private static async Task<string> CaseUrlAsync(ILocator link)
    {
        var href = await link.GetAttributeAsync("href")
            ?? await link.EvaluateAsync<string?>("e => e.value ?? null")
            ?? await link.InnerTextAsync();
        var page = link.Page;
        return new Uri(new Uri(page.Url), href.Trim()).ToString();
    }
}
