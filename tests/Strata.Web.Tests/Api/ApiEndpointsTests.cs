using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Strata.Web.Tests.Api;

/// <summary>The knowledge and evaluation API through the real host: every endpoint and its error paths.</summary>
public sealed class ApiEndpointsTests : IClassFixture<ApiEndpointsTests.Host>
{
    private readonly HttpClient _client;

    public ApiEndpointsTests(Host host) => _client = host.Factory.CreateClient();

    private static string Example(string name) => File.ReadAllText(Path.Combine(Repository.Root, "examples", name));

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Fact]
    public async Task Evaluate_Example_IsIdenticalToTheCliJson()
    {
        using var response = await _client.PostAsync("/api/v1/evaluate", Yaml(Example("filipino-japan-philippines.yaml")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var api = await response.Content.ReadAsStringAsync();

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(Repository.Root, "artifacts", "bin", "Strata.Cli", "debug", "strata.dll"), "evaluate",
                     Path.Combine(Repository.Root, "examples", "filipino-japan-philippines.yaml"), "--format", "json", "-k", Repository.Knowledge })
        {
            info.ArgumentList.Add(arg);
        }

        if (!File.Exists(info.ArgumentList[0]))
        {
            // The CLI is built by the same `dotnet test` of the solution; run alone, this project cannot compare.
            Assert.Contains("\"strata\": \"determination/v1\"", api, StringComparison.Ordinal);
            return;
        }

        using var process = Process.Start(info)!;
        var expected = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(expected.TrimEnd(), api.TrimEnd());
    }

    [Fact]
    public async Task Evaluate_JsonCase_Works()
    {
        const string json = """
            { "strata": "case/v1", "person": { "born": "1970-03-15", "nationalities": ["MM"], "residence": "MM" },
              "career": [ { "country": "TH", "from": "2010-01-01", "to": "2024-12-31", "wage": 15000 } ],
              "claim": { "date": "2025-06-01", "branches": ["old-age"] } }
            """;
        using var response = await _client.PostAsync("/api/v1/evaluate", new StringContent(json, Encoding.UTF8, "application/json"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var d = doc.RootElement.GetProperty("determinations").EnumerateArray().Single(x => x.GetProperty("scheme").GetString() == "th.sso.old-age");
        Assert.Equal(3000m, d.GetProperty("amount").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task Evaluate_BadCase_IsProblemDetailsWithTheFieldAndLine()
    {
        using var response = await _client.PostAsync("/api/v1/evaluate", Yaml(Example("worker-in-singapore.yaml").Replace("to: 2025-12-31", "to: 2020-12-31", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = doc.RootElement.GetProperty("errors").GetProperty("career[0].to");
        Assert.StartsWith("line ", errors[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("before it starts", errors[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    // Malformed JSON: one located syntax problem, never a 500.
    [InlineData("{ \"strata\": \"case/v1\", ")]
    // Hostile nesting.
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    // Not a case at all.
    [InlineData("\"hello\"")]
    public async Task Evaluate_MalformedOrHostileBody_Is400(string body)
    {
        using var response = await _client.PostAsync("/api/v1/evaluate", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Evaluate_BadAsOf_Is400()
    {
        using var response = await _client.PostAsync("/api/v1/evaluate?asOf=tomorrow", Yaml(Example("worker-in-singapore.yaml")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("asOf", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TwoMegabytes_Is413()
    {
        using var response = await _client.PostAsync("/api/v1/evaluate", new StringContent(new string(' ', 2_000_000), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Countries_ListsSchemesByBranch()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/countries"));
        var th = doc.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "TH");
        Assert.Contains(th.GetProperty("schemes").EnumerateArray(), s => s.GetProperty("id").GetString() == "th.sso.old-age");
    }

    [Fact]
    public async Task Scheme_Known_HasFactsWithSources_Unknown_Is404Problem()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/schemes/th.sso.old-age"));
        Assert.Equal("old-age", doc.RootElement.GetProperty("branch").GetString());
        Assert.StartsWith("http", doc.RootElement.GetProperty("qualifying").GetProperty("minMonths")[0].GetProperty("source").GetProperty("url").GetString(), StringComparison.Ordinal);
        using var missing = await _client.GetAsync("/api/v1/schemes/xx.none");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("No scheme 'xx.none'", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instruments_ListAndDetail()
    {
        using var list = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/instruments"));
        Assert.True(list.RootElement.GetArrayLength() >= 40);
        using var one = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/instruments/ilo.c19"));
        Assert.True(one.RootElement.GetProperty("ratifications").GetArrayLength() > 5);
        using var missing = await _client.GetAsync("/api/v1/instruments/none");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Corridor_PhJp_IsRegimeIForOldAge_BadInput_Is400()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/corridors/PH/JP?date=2026-11-29"));
        var oldAge = doc.RootElement.GetProperty("branches").EnumerateArray().Single(b => b.GetProperty("branch").GetString() == "old-age");
        Assert.Equal("I", oldAge.GetProperty("regime").GetString());
        using var bad = await _client.GetAsync("/api/v1/corridors/XX/TH?profile=nobody");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("origin", text, StringComparison.Ordinal);
        Assert.Contains("profile", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiAndReferencePage_AreServed()
    {
        var openapi = await _client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/evaluate", openapi, StringComparison.Ordinal);
        using var page = await _client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Healthz_IsOkWithSecurityHeaders()
    {
        using var response = await _client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InvalidKnowledge_RefusesToStart()
    {
        var broken = Directory.CreateTempSubdirectory("strata-broken-kb-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(broken, "bad.yaml"), "strata: scheme/v1\nid: [unclosed\n");
            Assert.Null(StrataWeb.Build(["--Strata:Knowledge=" + broken]));
        }
        finally
        {
            Directory.Delete(broken, recursive: true);
        }
    }

    /// <summary>The host with a temporary data folder.</summary>
    public sealed class Host : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("strata-api-").FullName;

        public Host() => Factory = new StrataWebFactory(new Dictionary<string, string?> { ["Strata:DataDirectory"] = _folder });

        public StrataWebFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
