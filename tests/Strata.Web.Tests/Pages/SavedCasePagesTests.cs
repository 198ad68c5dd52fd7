using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Strata.Web.Tests.Pages;

public sealed class SavedCasePagesTests(PagesHost host) : IClassFixture<PagesHost>
{
    private async Task<(HttpClient Client, string Location, string CaseJson)> SaveMyanmarWorkerAsync()
    {
        var client = host.Client();
        var token = await Forms.TokenAsync(client);
        var evaluated = await (await Forms.PostAsync(client, "/calculator", CalculatorPageTests.MyanmarWorker(token))).Content.ReadAsStringAsync();
        var caseJson = Forms.Hidden(evaluated, "caseJson");
        var saved = await Forms.PostAsync(client, "/cases/save", [new("__RequestVerificationToken", Forms.Token(evaluated)), new("caseJson", caseJson)]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (client, saved.Headers.Location!.OriginalString, caseJson);
    }

    [Fact]
    public async Task Save_EvaluatedCase_RedirectsToItsPrivateLink()
    {
        var (_, location, _) = await SaveMyanmarWorkerAsync();

        Assert.Matches("^/cases/[A-Za-z0-9_-]{22}$", location);
    }

    [Fact]
    public async Task Show_SavedCase_ReEvaluatesWithTheLinkExportAndDelete()
    {
        var (client, location, _) = await SaveMyanmarWorkerAsync();

        var response = await client.GetAsync(new Uri(location, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Matches($"<a id=\"case-link\" href=\"http://localhost{location}\">", html);
        Assert.Contains($"id=\"export-case\" href=\"{location}/export\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"delete-case\"", html, StringComparison.Ordinal);
        Assert.Contains("Whoever has the link can open the case", html, StringComparison.Ordinal);
        Assert.Contains("for good", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-scheme=\"th.sso.old-age\"", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"source\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_SavedCase_DownloadsTheCaseJson()
    {
        var (client, location, caseJson) = await SaveMyanmarWorkerAsync();

        var response = await client.GetAsync(new Uri(location + "/export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(caseJson, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_SavedCase_ConfirmsAndTheLinkStopsWorking()
    {
        var (client, location, _) = await SaveMyanmarWorkerAsync();
        var page = await client.GetStringAsync(new Uri(location, UriKind.Relative));

        var deleted = await Forms.PostAsync(client, location + "/delete", [new("__RequestVerificationToken", Forms.Token(page))]);
        var confirmation = await client.GetStringAsync(new Uri(deleted.Headers.Location!.OriginalString, UriKind.Relative));
        var after = await client.GetAsync(new Uri(location, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/cases/deleted", deleted.Headers.Location!.OriginalString);
        Assert.Contains("id=\"deleted\"", confirmation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(location + "/export", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Delete_WithoutAntiforgeryToken_IsRejectedAndKeepsTheCase()
    {
        var (client, location, _) = await SaveMyanmarWorkerAsync();

        var response = await Forms.PostAsync(client, location + "/delete", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(location, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Save_WithoutAntiforgeryToken_IsRejected()
    {
        var client = host.Client();
        await client.GetStringAsync(new Uri("/calculator", UriKind.Relative));
        var json = await File.ReadAllTextAsync(Path.Combine(Repository.Examples, "myanmar-worker-in-thailand.yaml"));

        var response = await Forms.PostAsync(client, "/cases/save", [new("caseJson", json)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Save_CaseThatDoesNotRead_Returns400WithEveryProblem()
    {
        var client = host.Client();
        var token = await Forms.TokenAsync(client);

        var response = await Forms.PostAsync(client, "/cases/save", [new("__RequestVerificationToken", token), new("caseJson", "{\"strata\": \"case/v1\"}")]);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("person: is required", html, StringComparison.Ordinal);
        Assert.Contains("career: is required", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnknownToken_Returns404WithAPlainMessage()
    {
        var response = await host.Client().GetAsync(new Uri("/cases/AAAAAAAAAAAAAAAAAAAAAA", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("id=\"not-found\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenInCalculator_SavedCase_PostsItsJsonToTheCalculator()
    {
        var (client, location, caseJson) = await SaveMyanmarWorkerAsync();
        var page = await client.GetStringAsync(new Uri(location, UriKind.Relative));

        Assert.Contains("action=\"/calculator?handler=open\"", page, StringComparison.Ordinal);
        Assert.Equal(caseJson, Forms.Hidden(page, "caseJson"));
        var opened = await Forms.PostAsync(client, "/calculator?handler=open", [new("__RequestVerificationToken", Forms.Token(page)), new("caseJson", caseJson)]);
        Assert.Matches("<select id=\"period-1-country\"[^>]*>.*?<option value=\"TH\" selected>", await opened.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logs_SaveShowExportOpenDelete_NeverHoldTheCaseOrItsToken()
    {
        // The birth date and wage are unique to this test, so any log line holding them holds the case.
        var client = host.Client();
        var fields = CalculatorPageTests.MyanmarWorker(await Forms.TokenAsync(client))
            .Select(f => f.Key == "born" ? new KeyValuePair<string, string>("born", "1971-07-29") : f)
            .Select(f => f.Key == "periods[0].wage" ? new KeyValuePair<string, string>(f.Key, "271828") : f).ToList();
        var evaluated = await (await Forms.PostAsync(client, "/calculator", fields)).Content.ReadAsStringAsync();
        var saved = await Forms.PostAsync(client, "/cases/save", [new("__RequestVerificationToken", Forms.Token(evaluated)), new("caseJson", Forms.Hidden(evaluated, "caseJson"))]);
        var location = saved.Headers.Location!.OriginalString;
        var page = await client.GetStringAsync(new Uri(location, UriKind.Relative));
        (await client.GetAsync(new Uri(location + "/export", UriKind.Relative))).Dispose();
        (await Forms.PostAsync(client, "/calculator?handler=open", [new("__RequestVerificationToken", Forms.Token(page)), new("caseJson", Forms.Hidden(page, "caseJson"))])).Dispose();
        (await Forms.PostAsync(client, location + "/delete", [new("__RequestVerificationToken", Forms.Token(page))])).Dispose();

        var token = location["/cases/".Length..];
        var lines = host.Factory.Logs.Lines.ToArray();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Text.Contains("271828", StringComparison.Ordinal) || l.Text.Contains("1971-07-29", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Information && l.Text.Contains(token, StringComparison.Ordinal));
    }
}
