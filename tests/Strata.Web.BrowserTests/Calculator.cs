namespace Strata.Web.BrowserTests;

/// <summary>One insurance period as the calculator's row takes it; null fields are left as the page fills them.</summary>
public sealed record PeriodInput(string Country, string From, string To, string Wage)
{
    public bool? Documented { get; init; }

    public string? Activity { get; init; }

    public string? Currency { get; init; }
}

/// <summary>A case as the calculator form takes it (dates as YYYY-MM-DD).</summary>
public sealed record CaseInput(string Born, string Nationality, string Residence, string ClaimDate, IReadOnlyList<PeriodInput> Periods);

/// <summary>The calculator page, addressed by its fixed element ids.</summary>
public static class Calculator
{
    public const string Path = "calculator";

    /// <summary>tests/cases/ph-jp-totalization: a Filipino nurse with 5 years of SSS and 8 years in Japan.</summary>
    public static readonly CaseInput FilipinoInJapan = new("1961-04-20", "PH", "PH", "2026-05-01",
    [
        new PeriodInput("PH", "2008-04-01", "2013-03-31", "12000"),
        new PeriodInput("JP", "2013-04-01", "2021-03-31", "300000"),
    ]);

    /// <summary>examples/myanmar-worker-in-thailand.yaml: self-employed in Myanmar, then 15 documented years in Thailand.</summary>
    public static readonly CaseInput MyanmarWorkerInThailand = new("1970-03-15", "MM", "MM", "2025-06-01",
    [
        new PeriodInput("MM", "1990-01-01", "2009-12-31", "300000") { Activity = "self-employed" },
        new PeriodInput("TH", "2010-01-01", "2024-12-31", "15000") { Documented = true },
    ]);

    /// <summary>Fills the form with the mouse-free Playwright helpers (the keyboard test drives it key by key instead).</summary>
    public static async Task FillAsync(IPage page, CaseInput input)
    {
        await SetAsync(page.Locator("#born"), input.Born);
        await SetAsync(page.Locator("#nationality"), input.Nationality);
        await SetAsync(page.Locator("#residence"), input.Residence);
        await SetAsync(page.Locator("#claim-date"), input.ClaimDate);
        for (var i = 0; i < input.Periods.Count; i++)
        {
            await EnsurePeriodRowAsync(page, i);
            var p = input.Periods[i];
            await SetAsync(page.Locator($"#period-{i}-country"), p.Country);
            await SetAsync(page.Locator($"#period-{i}-from"), p.From);
            await SetAsync(page.Locator($"#period-{i}-to"), p.To);
            await SetAsync(page.Locator($"#period-{i}-wage"), p.Wage);
            if (p.Documented is { } documented)
            {
                await SetAsync(page.Locator($"#period-{i}-documented"), documented ? "true" : "false");
            }

            if (p.Activity is { } activity)
            {
                await SetAsync(page.Locator($"#period-{i}-activity"), activity);
            }

            if (p.Currency is { } currency)
            {
                await SetAsync(page.Locator($"#period-{i}-currency"), currency);
            }
        }
    }

    /// <summary>Opens the calculator, fills it, evaluates and waits for the results table.</summary>
    public static async Task EvaluateAsync(IPage page, CaseInput input)
    {
        await OpenAsync(page);
        await FillAsync(page, input);
        await page.Locator("#evaluate").ClickAsync();
        await Expect(page.Locator("#results")).ToBeVisibleAsync();
    }

    public static async Task OpenAsync(IPage page)
    {
        var response = await page.GotoAsync(Path);
        Assert.Equal(200, response?.Status);
        await Expect(page.Locator("#calculator")).ToBeVisibleAsync();
    }

    /// <summary>Adds period rows with <c>#add-period</c> until row <paramref name="index"/> exists.</summary>
    public static async Task EnsurePeriodRowAsync(IPage page, int index)
    {
        for (var i = 0; i <= index; i++)
        {
            if (await page.Locator($"#period-{i}").CountAsync() == 0)
            {
                await page.Locator("#add-period").ClickAsync();
                await Expect(page.Locator($"#period-{i}")).ToBeVisibleAsync();
            }
        }
    }

    /// <summary>The row of one scheme in the results table.</summary>
    public static ILocator Row(IPage page, string schemeId) => page.Locator($"#results tr[data-scheme=\"{schemeId}\"]");

    /// <summary>Checks one scheme's row: outcome, amount (with its currency) and deciding layer, as a person reads them.</summary>
    public static async Task ExpectRowAsync(IPage page, string schemeId, string outcome, string amount, string currency, string decidedBy)
    {
        var row = Row(page, schemeId);
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".outcome")).ToContainTextAsync(outcome, new() { IgnoreCase = true });
        await Expect(row.Locator(".amount")).ToContainTextAsync(amount);
        await Expect(row.Locator(".amount")).ToContainTextAsync(currency);
        await Expect(row.Locator(".decided-by")).ToContainTextAsync(decidedBy, new() { IgnoreCase = true });
    }

    /// <summary>Sets a form control whatever it is: a select, a checkbox or a text/date/number input.</summary>
    private static async Task SetAsync(ILocator control, string value)
    {
        var kind = await control.EvaluateAsync<string>("e => e.tagName === 'SELECT' ? 'select' : (e.type || 'text')");
        switch (kind)
        {
            case "select":
                await control.SelectOptionAsync(value);
                break;
            case "checkbox":
                await control.SetCheckedAsync(value == "true");
                break;
            default:
                await control.FillAsync(value);
                break;
        }
    }
}
