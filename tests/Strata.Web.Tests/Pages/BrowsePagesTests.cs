using System.Net;
using System.Text.RegularExpressions;

namespace Strata.Web.Tests.Pages;

public sealed class BrowsePagesTests(PagesHost host) : IClassFixture<PagesHost>
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await host.Client().GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Index_Get_LinksToEveryPart()
    {
        var (status, html) = await GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var link in new[] { "/calculator", "/corridors", "/instruments", "/countries", "/scalar/v1" })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/calculator")]
    [InlineData("/corridors")]
    [InlineData("/corridors/MM/TH")]
    [InlineData("/instruments")]
    [InlineData("/instruments/agreement.jp-ph")]
    [InlineData("/schemes/th.sso.old-age")]
    [InlineData("/countries")]
    [InlineData("/countries/TH")]
    [InlineData("/cases/deleted")]
    public async Task Layout_EveryPage_HasSkipLinkStylesheetAndNoInlineScriptOrStyle(string url)
    {
        var (status, html) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/site.css\\?v=", html);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        // The content security policy forbids inline script and style: none may be written.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Stylesheet_Get_IsServed()
    {
        var response = await host.Client().GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(".skip-link", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corridors_Get_OneHeatmapPerBranchWithLinkedCellsAndALegend()
    {
        var (status, html) = await GetAsync("/corridors?profile=documented-5y-return&date=2025-06-01");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var branch in new[] { "old-age", "invalidity", "survivors", "employment-injury" })
        {
            Assert.Contains($"<table class=\"heatmap-table\" id=\"heatmap-{branch}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("href=\"/corridors/MM/TH?profile=documented-5y-return&amp;date=2025-06-01\"", html, StringComparison.Ordinal);
        Assert.Contains("<abbr title=\"Japan\">JP</abbr>", html, StringComparison.Ordinal);
        Assert.Contains("<abbr title=\"Kuwait\">KW</abbr>", html, StringComparison.Ordinal);
        var regimes = Regex.Matches(html, "data-regime=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Subset(new HashSet<string> { "I", "II", "III", "IV", "unknown" }, regimes);
        Assert.Contains("id=\"legend-heading\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"swatch regime-IV\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corridors_SameQueryTwice_ServesTheCachedMatrix()
    {
        var first = await GetAsync("/corridors?profile=long-stay-15y-return&date=2024-01-01");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var second = await GetAsync("/corridors?profile=long-stay-15y-return&date=2024-01-01");
        watch.Stop();

        Assert.Equal(first.Html, second.Html);
        Assert.True(watch.ElapsedMilliseconds < 5000);
    }

    [Theory]
    [InlineData("/corridors?date=2025-02-30", "is not a date")]
    [InlineData("/corridors?profile=astronaut", "is not one of documented-5y-return")]
    public async Task Corridors_BadQuery_Returns400WithTheMessageByTheField(string url, string message)
    {
        var (status, html) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("class=\"field-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorridorDetail_MyanmarToThailand_AnswersEveryQuestionPerBranch()
    {
        var (status, html) = await GetAsync("/corridors/MM/TH?date=2025-06-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Myanmar to Thailand</h1>", html, StringComparison.Ordinal);
        foreach (var question in new[] { "Insured in the destination", "On the same terms as nationals", "Periods in both countries added together", "Paid after going home", "Refund of contributions on leaving" })
        {
            Assert.Contains(question, html, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"branch-old-age\"", html, StringComparison.Ordinal);
        Assert.Contains("data-regime=\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/schemes/th.sso.old-age\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorridorDetail_PhilippinesToJapan_NamesTheAgreement()
    {
        var (_, html) = await GetAsync("/corridors/PH/JP?date=2025-06-01");

        var oldAge = Regex.Match(html, "<section class=\"finding\" id=\"branch-old-age\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("data-regime=\"I\"", oldAge, StringComparison.Ordinal);
        Assert.Contains("href=\"/instruments/agreement.jp-ph\"", oldAge, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/corridors/XX/TH")]
    [InlineData("/corridors/TH/TH")]
    [InlineData("/instruments/agreement.xx-yy")]
    [InlineData("/schemes/th.sso.nothing")]
    [InlineData("/countries/XX")]
    public async Task Detail_UnknownId_Returns404Page(string url)
    {
        var (status, html) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("id=\"not-found\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instruments_Get_GroupedByLayer()
    {
        var (status, html) = await GetAsync("/instruments");

        Assert.Equal(HttpStatusCode.OK, status);
        var international = html.IndexOf("id=\"layer-international\"", StringComparison.Ordinal);
        var regional = html.IndexOf("id=\"layer-regional\"", StringComparison.Ordinal);
        var bilateral = html.IndexOf("id=\"layer-bilateral\"", StringComparison.Ordinal);
        Assert.True(international > 0 && international < regional && regional < bilateral);
        Assert.Contains("href=\"/instruments/ilo.c102\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instruments_FilteredByState_OnlyThoseThatConcernIt()
    {
        var (status, html) = await GetAsync("/instruments?state=PH");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/instruments/agreement.jp-ph\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/instruments/agreement.us-kr\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"PH\" selected=\"selected\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instruments_UnknownState_Returns400WithMessage()
    {
        var (status, html) = await GetAsync("/instruments?state=ZZZ");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is not an ISO 3166-1 alpha-2 country code", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstrumentDetail_JapanPhilippines_PartiesAndProvisionsWithSources()
    {
        var (_, html) = await GetAsync("/instruments/agreement.jp-ph");

        var parties = Regex.Match(html, "<section id=\"parties\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("href=\"/countries/JP\"", parties, StringComparison.Ordinal);
        Assert.Contains("href=\"/countries/PH\"", parties, StringComparison.Ordinal);
        var provisions = Regex.Match(html, "<section id=\"provisions\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("periods added together", provisions, StringComparison.Ordinal);
        Assert.Contains("<a class=\"source\"", provisions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstrumentDetail_Convention_ListsRatificationsWithDates()
    {
        var (_, html) = await GetAsync("/instruments/ilo.c102");

        var ratifications = Regex.Match(html, "<section id=\"ratifications\".*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("data-state=\"JP\"", ratifications, StringComparison.Ordinal);
        Assert.Matches("data-label=\"Ratified\">\\d{4}-\\d{2}-\\d{2}<", ratifications);
    }

    [Fact]
    public async Task SchemeDetail_ThaiOldAge_EveryFactWithValidityAndSource()
    {
        var (_, html) = await GetAsync("/schemes/th.sso.old-age");

        Assert.Contains("id=\"coverage\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"qualifying\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"benefit\"", html, StringComparison.Ordinal);
        Assert.Contains("Months of contributions needed", html, StringComparison.Ordinal);
        Assert.Contains("data-label=\"Applies\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"source\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CountryDetail_Thailand_SchemesByBranch()
    {
        var (_, html) = await GetAsync("/countries/th");

        Assert.Contains("<h1>Thailand</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/schemes/th.sso.old-age\"", html, StringComparison.Ordinal);
        var sickness = Regex.Match(html, "<tr data-branch=\"sickness\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("Not modelled", sickness, StringComparison.Ordinal);
    }
}
