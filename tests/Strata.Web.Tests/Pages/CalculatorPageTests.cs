using System.Net;
using System.Text.RegularExpressions;
using Strata.Knowledge.Cases;
using Strata.Web.Pages;

namespace Strata.Web.Tests.Pages;

public sealed class CalculatorPageTests(PagesHost host) : IClassFixture<PagesHost>
{
    /// <summary>The Myanmar worker of examples/myanmar-worker-in-thailand.yaml, as a person fills in the form.</summary>
    internal static List<KeyValuePair<string, string>> MyanmarWorker(string token, string action = "evaluate") =>
    [
        new("__RequestVerificationToken", token),
        new("born", "1970-03-15"),
        new("sex", "male"),
        new("nationalities", "MM"),
        new("nationalities", ""),
        new("residence", "MM"),
        new("claimDate", "2025-06-01"),
        new("branches", "old-age"),
        new("branches", "invalidity"),
        new("branches", "survivors"),
        new("branches", "employment-injury"),
        new("periods[0].country", "MM"),
        new("periods[0].from", "1990-01-01"),
        new("periods[0].to", "2009-12-31"),
        new("periods[0].activity", "self-employed"),
        new("periods[0].documented", "true"),
        new("periods[0].documented", "false"),
        new("periods[0].wage", "300000"),
        new("periods[1].country", "TH"),
        new("periods[1].from", "2010-01-01"),
        new("periods[1].to", "2024-12-31"),
        new("periods[1].activity", "employed"),
        new("periods[1].documented", "true"),
        new("periods[1].documented", "false"),
        new("periods[1].wage", "15000"),
        new("action", action),
    ];

    private static List<KeyValuePair<string, string>> Replace(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Select(f => f.Key == name ? new KeyValuePair<string, string>(name, value) : f)];

    [Fact]
    public async Task Get_NewVisit_RendersTheFormWithStableIds()
    {
        var html = await host.Client().GetStringAsync(new Uri("/calculator", UriKind.Relative));

        foreach (var id in new[] { "calculator", "born", "sex", "nationality", "residence", "claim-date", "period-0", "period-0-country", "period-0-from",
                     "period-0-to", "period-0-wage", "period-0-documented", "period-0-activity", "period-0-currency", "add-period", "evaluate" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"period-0-documented\"[^>]*checked", html);
        Assert.DoesNotContain("id=\"results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EveryField_HasALabel()
    {
        var html = await host.Client().GetStringAsync(new Uri("/calculator", UriKind.Relative));

        var fields = Regex.Matches(html, "<(?:input|select|textarea)(?![^>]*type=\"hidden\")[^>]*\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(fields);
        foreach (var id in fields)
        {
            Assert.Contains($"<label for=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_MyanmarWorkerInThailand_ShowsARowPerSchemeWithSources()
    {
        var client = host.Client();
        var response = await Forms.PostAsync(client, "/calculator", MyanmarWorker(await Forms.TokenAsync(client)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"results\"", html, StringComparison.Ordinal);
        var row = Regex.Match(html, "<tr data-scheme=\"th.sso.old-age\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success);
        Assert.Contains("class=\"outcome", row.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"amount\"", row.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"exportable\"", row.Value, StringComparison.Ordinal);
        Assert.Contains("class=\"decided-by\"", row.Value, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"pension\"", row.Value, StringComparison.Ordinal);
        Assert.Contains("<tr data-scheme=\"th.wcf.employment-injury\"", html, StringComparison.Ordinal);
        Assert.Contains("<ol class=\"explanation\">", html, StringComparison.Ordinal);
        Assert.Matches("<a class=\"source\" href=\"https?://[^\"]+\" rel=\"noopener noreferrer\">", html);
        Assert.Contains("id=\"save-case\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"case-json\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_MyanmarWorker_CaseJsonReadsAsTheSameCase()
    {
        var client = host.Client();
        var html = await (await Forms.PostAsync(client, "/calculator", MyanmarWorker(await Forms.TokenAsync(client)))).Content.ReadAsStringAsync();

        var json = Forms.Hidden(html, "caseJson");
        var loaded = CaseFile.Parse("saved", json);
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Problems));
        Assert.Equal(2, loaded.Value!.Career.Count);
        Assert.Equal("TH", loaded.Value.Career[1].Country);
        Assert.Equal(15000m, loaded.Value.Career[1].MonthlyWage);
        Assert.Equal(Cases.Activity.SelfEmployed, loaded.Value.Career[0].Activity);
    }

    [Fact]
    public async Task Post_FilipinoInJapan_JapanesePensionDecidedByTheAgreement()
    {
        var client = host.Client();
        List<KeyValuePair<string, string>> fields =
        [
            new("__RequestVerificationToken", await Forms.TokenAsync(client)),
            new("born", "1961-04-20"), new("sex", "female"), new("nationalities", "PH"), new("residence", "PH"), new("claimDate", "2026-05-01"),
            new("branches", "old-age"),
            new("periods[0].country", "PH"), new("periods[0].from", "2008-04-01"), new("periods[0].to", "2013-03-31"), new("periods[0].wage", "12000"),
            new("periods[0].documented", "true"), new("periods[0].documented", "false"), new("periods[0].activity", "employed"),
            new("periods[1].country", "JP"), new("periods[1].from", "2013-04-01"), new("periods[1].to", "2021-03-31"), new("periods[1].wage", "300000"),
            new("periods[1].documented", "true"), new("periods[1].documented", "false"), new("periods[1].activity", "employed"),
            new("action", "evaluate"),
        ];

        var html = await (await Forms.PostAsync(client, "/calculator", fields)).Content.ReadAsStringAsync();

        var row = Regex.Match(html, "<tr data-scheme=\"jp.np.old-age\"[^>]*>(.*?)</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("data-outcome=\"pension\"", row, StringComparison.Ordinal);
        Assert.Contains("Bilateral agreement", row, StringComparison.Ordinal);
        Assert.Contains("href=\"/instruments/agreement.jp-ph\"", row, StringComparison.Ordinal);
        Assert.Contains("14,121.67 JPY a month", row, StringComparison.Ordinal);
        Assert.DoesNotContain("data-branch=\"invalidity\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AddPeriod_KeepsWhatWasTypedAndAddsAnEmptyRow()
    {
        var client = host.Client();
        var response = await Forms.PostAsync(client, "/calculator", MyanmarWorker(await Forms.TokenAsync(client), action: "add"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"period-2\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"period-3\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"born\" name=\"born\" value=\"1970-03-15\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"period-1-wage\" name=\"periods[1].wage\" value=\"15000\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"period-2-documented\"[^>]*checked", html);
        Assert.DoesNotContain("id=\"results\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RemoveFirstPeriod_TheOtherMovesUp()
    {
        var client = host.Client();
        var fields = MyanmarWorker(await Forms.TokenAsync(client));
        fields.RemoveAll(f => f.Key == "action");
        fields.Add(new("remove", "0"));

        var html = await (await Forms.PostAsync(client, "/calculator", fields)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("id=\"period-1\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"period-0-from\" name=\"periods[0].from\" value=\"2010-01-01\"", html, StringComparison.Ordinal);
        Assert.Matches("<select id=\"period-0-country\"[^>]*>.*?<option value=\"TH\" selected>", html);
    }

    [Fact]
    public async Task Post_UncheckedDocumented_IsSentAsUndocumented()
    {
        var client = host.Client();
        var fields = MyanmarWorker(await Forms.TokenAsync(client));
        var index = fields.FindIndex(f => f.Key == "periods[1].documented" && f.Value == "true");
        fields.RemoveAt(index);

        var html = await (await Forms.PostAsync(client, "/calculator", fields)).Content.ReadAsStringAsync();

        var loaded = CaseFile.Parse("saved", Forms.Hidden(html, "caseJson"));
        Assert.False(loaded.Value!.Career[1].Documented);
        Assert.True(loaded.Value.Career[0].Documented);
        Assert.DoesNotMatch("id=\"period-1-documented\"[^>]*checked", html);
    }

    [Fact]
    public async Task Post_EndBeforeStart_ShowsTheReadersMessageNextToTheField()
    {
        var client = host.Client();
        var fields = Replace(MyanmarWorker(await Forms.TokenAsync(client)), "periods[1].to", "2009-12-31");

        var response = await Forms.PostAsync(client, "/calculator", fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#period-1-to\">Period 2, last day</a>: ends (2009-12-31) before it starts (2010-01-01)", html, StringComparison.Ordinal);
        Assert.Contains("id=\"period-1-to-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"period-1-to-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"results\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"2009-12-31\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BlankForm_OneMessagePerProblemAsTheReaderReportsThem()
    {
        var client = host.Client();
        List<KeyValuePair<string, string>> fields =
        [
            new("__RequestVerificationToken", await Forms.TokenAsync(client)),
            new("periods[0].country", ""), new("periods[0].documented", "true"), new("periods[0].documented", "false"), new("action", "evaluate"),
        ];
        var expected = CaseFile.Parse("calculator", new CaseForm { Periods = [new PeriodForm()] }.ToCaseJson()).Problems;

        var html = await (await Forms.PostAsync(client, "/calculator", fields)).Content.ReadAsStringAsync();

        var list = Regex.Match(html, "<ul id=\"problems\">(.*?)</ul>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(expected.Count, Regex.Matches(list, "<li>").Count);
        Assert.True(expected.Count >= 5);
        foreach (var problem in expected)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(problem.Message), list, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var client = host.Client();
        await client.GetStringAsync(new Uri("/calculator", UriKind.Relative));
        var fields = MyanmarWorker("");
        fields.RemoveAll(f => f.Key == "__RequestVerificationToken");

        var response = await Forms.PostAsync(client, "/calculator", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("id=\"results\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostOpen_SavedCaseJson_PrefillsTheFormAndEvaluates()
    {
        var client = host.Client();
        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Examples, "myanmar-worker-in-thailand.yaml"));
        var response = await Forms.PostAsync(client, "/calculator?handler=open",
            [new("__RequestVerificationToken", await Forms.TokenAsync(client)), new("caseJson", yaml)]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"born\" name=\"born\" value=\"1970-03-15\"", html, StringComparison.Ordinal);
        Assert.Matches("<select id=\"period-1-country\"[^>]*>.*?<option value=\"TH\" selected>", html);
        Assert.Matches("<select id=\"period-0-activity\"[^>]*>.*?<option value=\"self-employed\" selected>", html);
        Assert.Contains("<tr data-scheme=\"th.sso.old-age\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("id=\"branch-sickness\"[^>]*checked", html);
    }

    [Fact]
    public async Task PostOpen_BrokenCaseFile_ListsEveryProblemWithItsLine()
    {
        var client = host.Client();
        var response = await Forms.PostAsync(client, "/calculator?handler=open",
            [new("__RequestVerificationToken", await Forms.TokenAsync(client)), new("caseJson", "strata: case/v1\nperson:\n  born: 1970-02-30\n")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("case:3: person.born: &#x27;1970-02-30&#x27; is not a date", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"open-file\" id=\"open-file\" open=\"open\">", html, StringComparison.Ordinal);
    }
}
