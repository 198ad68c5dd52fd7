using System.Globalization;

namespace Strata.Web.BrowserTests;

/// <summary>The calculator with a keyboard only, and on a phone screen.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture server)
{
    /// <summary>More Tab presses than the page has focusable elements means the target is not reachable.</summary>
    private const int MaxTabs = 150;

    [Fact]
    public async Task Calculator_KeyboardOnly_FillsAndEvaluates()
    {
        if (server.Unavailable is not null)
        {
            return;
        }

        var page = await server.NewPageAsync();
        await Calculator.OpenAsync(page);
        var input = Calculator.FilipinoInJapan;

        await TypeIntoAsync(page, "born", input.Born);
        await TypeIntoAsync(page, "nationality", input.Nationality);
        await TypeIntoAsync(page, "residence", input.Residence);
        await TypeIntoAsync(page, "claim-date", input.ClaimDate);
        for (var i = 0; i < input.Periods.Count; i++)
        {
            if (await page.Locator($"#period-{i}").CountAsync() == 0)
            {
                await TabToAsync(page, "add-period");
                await page.Keyboard.PressAsync("Enter");
                await Expect(page.Locator($"#period-{i}")).ToBeVisibleAsync();
            }

            var p = input.Periods[i];
            await TypeIntoAsync(page, $"period-{i}-country", p.Country);
            await TypeIntoAsync(page, $"period-{i}-from", p.From);
            await TypeIntoAsync(page, $"period-{i}-to", p.To);
            await TypeIntoAsync(page, $"period-{i}-wage", p.Wage);
        }

        await TabToAsync(page, "evaluate");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#results")).ToBeVisibleAsync();
        await Calculator.ExpectRowAsync(page, "ph.sss.old-age", "pension", "2,230.77", "PHP", "bilateral agreement");
        await Calculator.ExpectRowAsync(page, "jp.np.old-age", "pension", "14,121.67", "JPY", "bilateral agreement");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Calculator_PhoneViewport_HasNoHorizontalScroll()
    {
        if (server.Unavailable is not null)
        {
            return;
        }

        var page = await server.NewPageAsync(width: 360, height: 740);
        await Calculator.OpenAsync(page);
        await ExpectNoHorizontalScrollAsync(page, "the empty calculator");

        await Calculator.FillAsync(page, Calculator.FilipinoInJapan);
        await page.Locator("#evaluate").ClickAsync();
        await Expect(page.Locator("#results")).ToBeVisibleAsync();
        await ExpectNoHorizontalScrollAsync(page, "the calculator with results");
        await page.EvaluateAsync("() => document.getElementById('answer').scrollIntoView()");
        await Screenshots.TakeAsync(page, "calculator-phone", fullPage: false);
        await page.Context.CloseAsync();
    }

    private static async Task ExpectNoHorizontalScrollAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{what} is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways");
    }

    /// <summary>Presses Tab until the element with this id has the focus.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            if (await page.EvaluateAsync<string?>("() => document.activeElement?.id ?? null") == id)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"#{id} is not reachable with Tab ({MaxTabs} presses)");
    }

    /// <summary>Tabs to a control and sets it with keys only: arrows for a list, Space for a box, typing for the rest.</summary>
    private static async Task TypeIntoAsync(IPage page, string id, string value)
    {
        await TabToAsync(page, id);
        var control = page.Locator($"#{id}");
        var kind = await control.EvaluateAsync<string>("e => e.tagName === 'SELECT' ? 'select' : (e.type || 'text')");
        switch (kind)
        {
            case "select":
                await ChooseWithArrowsAsync(page, control, value);
                break;
            case "checkbox":
                if (await control.IsCheckedAsync() != (value == "true"))
                {
                    await page.Keyboard.PressAsync("Space");
                }

                break;
            case "date":
                // Chromium's date field in en-US takes month, day and year digits and moves between the parts itself.
                var date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                await page.Keyboard.TypeAsync(date.ToString("MMddyyyy", CultureInfo.InvariantCulture));
                break;
            default:
                // Tab focus selects an input's text, so typing replaces it.
                await page.Keyboard.TypeAsync(value);
                break;
        }

        var actual = await control.EvaluateAsync<string>("e => e.type === 'checkbox' ? String(e.checked) : e.value");
        Assert.Equal(value, actual);
    }

    private static async Task ChooseWithArrowsAsync(IPage page, ILocator select, string value)
    {
        var target = await select.EvaluateAsync<int>(
            "(e, v) => [...e.options].findIndex(o => o.value === v || o.text === v)", value);
        Assert.True(target >= 0, $"no option {value} in #{await select.GetAttributeAsync("id")}");
        var current = await select.EvaluateAsync<int>("e => e.selectedIndex");
        var key = target > current ? "ArrowDown" : "ArrowUp";
        for (var i = 0; i < Math.Abs(target - current); i++)
        {
            await page.Keyboard.PressAsync(key);
        }
    }
}
