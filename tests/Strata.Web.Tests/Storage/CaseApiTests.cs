using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Strata.Web.Storage;
using Xunit.Abstractions;

namespace Strata.Web.Tests.Storage;

/// <summary>The saved-case API on SQLite in a temporary data folder (the default provider and its default file name).</summary>
public sealed class SqliteCaseApiTests(SqliteCaseApiTests.Host host, ITestOutputHelper output)
    : CaseApiTests<SqliteCaseApiTests.Host>(host, output), IClassFixture<SqliteCaseApiTests.Host>
{
    [Fact]
    public async Task Start_NoConnectionString_CreatesTheDatabaseInTheDataFolder()
    {
        using var response = await Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(ApiHost.Folder, "data", "strata.db")));
    }

    /// <summary>The host with <c>Strata:DataDirectory</c> set to a folder that does not exist yet.</summary>
    public sealed class Host : IApiHost, IDisposable
    {
        private readonly Lazy<StrataWebFactory> _factory;

        public Host()
        {
            Folder = Directory.CreateTempSubdirectory("strata-web-").FullName;
            _factory = new(() => new StrataWebFactory(new Dictionary<string, string?> { ["Strata:DataDirectory"] = Path.Combine(Folder, "data") }));
        }

        public string Folder { get; }

        public string? Missing => null;

        public StrataWebFactory Factory => _factory.Value;

        public void Dispose()
        {
            if (_factory.IsValueCreated)
            {
                _factory.Value.Dispose();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Folder, recursive: true);
        }
    }
}

/// <summary>The same API tests with <c>Strata:Storage:Provider=postgres</c> on a real PostgreSQL (STRATA_TEST_POSTGRES).</summary>
public sealed class PostgresCaseApiTests(PostgresCaseApiTests.Host host, ITestOutputHelper output)
    : CaseApiTests<PostgresCaseApiTests.Host>(host, output), IClassFixture<PostgresCaseApiTests.Host>
{
    /// <summary>The host on a fresh PostgreSQL database, migrated by the app itself at start-up.</summary>
    public sealed class Host : IApiHost, IAsyncLifetime
    {
        private readonly PostgresTestDatabase _database = new();
        private readonly Lazy<StrataWebFactory> _factory;

        public Host() => _factory = new(() => new StrataWebFactory(new Dictionary<string, string?>
        {
            ["Strata:Storage:Provider"] = "postgres",
            ["ConnectionStrings:Strata"] = _database.ConnectionString,
        }));

        public string? Missing => _database.Missing;

        public StrataWebFactory Factory => _factory.Value;

        // Only the empty database is created here: the app must apply the migrations itself.
        public async Task InitializeAsync()
        {
            if (Missing is null)
            {
                await using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresTestDatabase.Variable));
                await connection.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{new Npgsql.NpgsqlConnectionStringBuilder(_database.ConnectionString).Database}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        public async Task DisposeAsync()
        {
            if (_factory.IsValueCreated)
            {
                await _factory.Value.DisposeAsync();
            }

            await _database.DisposeAsync();
        }
    }
}

/// <summary>A host for the API tests, or the reason it cannot run.</summary>
public interface IApiHost
{
    string? Missing { get; }

    StrataWebFactory Factory { get; }
}

/// <summary>Every saved-case endpoint and error path, through the real host.</summary>
public abstract class CaseApiTests<THost>(THost host, ITestOutputHelper output)
    where THost : IApiHost
{
    private const string Myanmar = """
        {
          "strata": "case/v1",
          "person": { "born": "1970-03-15", "sex": "male", "nationalities": ["MM"], "residence": "MM" },
          "career": [
            { "country": "MM", "from": "1990-01-01", "to": "2009-12-31", "activity": "self-employed", "wage": 300000 },
            { "country": "TH", "from": "2010-01-01", "to": "2024-12-31", "documented": true, "wage": 15000 }
          ],
          "claim": { "date": "2025-06-01", "branches": ["old-age", "invalidity", "survivors", "employment-injury"] }
        }
        """;

    private HttpClient? _client;

    protected THost ApiHost { get; } = host;

    protected ITestOutputHelper Output { get; } = output;

    protected HttpClient Client => _client ??= ApiHost.Factory.CreateClient();

    [Fact]
    public async Task Post_ValidJson_Returns201WithLocationAndLink()
    {
        if (Unavailable())
        {
            return;
        }

        using var response = await Post(Myanmar);
        var link = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var token = link.GetProperty("token").GetString()!;
        Assert.True(CaseTokens.IsWellFormed(token));
        Assert.Equal($"/api/v1/cases/{token}", link.GetProperty("url").GetString());
        Assert.Equal($"/api/v1/cases/{token}", response.Headers.Location?.OriginalString);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Get_SavedJson_ReturnsTheSameTextAsJson()
    {
        if (Unavailable())
        {
            return;
        }

        var token = await Save(Myanmar);

        using var response = await Client.GetAsync($"/api/v1/cases/{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(Myanmar, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_SavedYaml_ReturnsEquivalentJson()
    {
        if (Unavailable())
        {
            return;
        }

        var yaml = await File.ReadAllTextAsync(Path.Combine(Repository.Examples, "myanmar-worker-in-thailand.yaml"));
        var token = await Save(yaml);

        using var response = await Client.GetAsync($"/api/v1/cases/{token}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("case/v1", json.GetProperty("strata").GetString());
        Assert.Equal("1970-03-15", json.GetProperty("person").GetProperty("born").GetString());
        Assert.Equal(15000, json.GetProperty("career")[1].GetProperty("wage").GetInt32());
        Assert.True(json.GetProperty("career")[1].GetProperty("documented").GetBoolean());
    }

    [Fact]
    public async Task Post_InvalidCase_Returns400WithTheField()
    {
        if (Unavailable())
        {
            return;
        }

        using var response = await Post(Myanmar.Replace("1970-03-15", "1970-13-45", StringComparison.Ordinal));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem.GetProperty("errors").GetProperty("person.born");
        Assert.Contains("1970-13-45", errors[0].GetString(), StringComparison.Ordinal);
        Assert.StartsWith("line 3:", errors[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")] // empty body
    [InlineData("{\"strata\": ")] // truncated JSON
    [InlineData("[1, 2, 3]")] // not an object
    public async Task Post_MalformedBody_Returns400Problem(string body)
    {
        if (Unavailable())
        {
            return;
        }

        using var response = await Post(body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any());
    }

    [Fact]
    public async Task Post_TwoMegabytes_Returns413Problem()
    {
        if (Unavailable())
        {
            return;
        }

        using var response = await Post(Myanmar + new string(' ', 2_000_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_TwoMegabytesWithoutLength_Returns413Problem()
    {
        if (Unavailable())
        {
            return;
        }

        // A chunked body announces no length: the limit must hold while reading.
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Myanmar + new string(' ', 2_000_000))));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")] // well formed, never issued
    [InlineData("not-a-token")] // malformed
    public async Task Get_UnknownToken_Returns404Problem(string token)
    {
        if (Unavailable())
        {
            return;
        }

        using var response = await Client.GetAsync($"/api/v1/cases/{token}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Determination_SavedCase_AnswersLikeEvaluate()
    {
        if (Unavailable())
        {
            return;
        }

        var token = await Save(Myanmar);

        using var saved = await Client.GetAsync($"/api/v1/cases/{token}/determination?asOf=2025-06-01");
        using var direct = await Client.PostAsync("/api/v1/evaluate?asOf=2025-06-01", new StringContent(Myanmar, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal(await direct.Content.ReadAsStringAsync(), await saved.Content.ReadAsStringAsync());
        Assert.Contains("determination/v1", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Determination_BadAsOf_Returns400WithTheField()
    {
        if (Unavailable())
        {
            return;
        }

        var token = await Save(Myanmar);

        using var response = await Client.GetAsync($"/api/v1/cases/{token}/determination?asOf=tomorrow");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf", out _));
    }

    [Fact]
    public async Task Determination_UnknownToken_Returns404Problem()
    {
        if (Unavailable())
        {
            return;
        }

        using var response = await Client.GetAsync($"/api/v1/cases/{CaseTokens.New()}/determination");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Determination_SavedCaseNoLongerValid_Returns422WithTheField()
    {
        if (Unavailable())
        {
            return;
        }

        // As if the knowledge base had dropped a scheme since the case was saved.
        string token;
        using (var scope = ApiHost.Factory.Services.CreateScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<ICaseStore>()
                .SaveAsync(Myanmar.Replace("\"MM\", \"from\"", "\"MM\", \"scheme\": \"mm-no-such-scheme\", \"from\"", StringComparison.Ordinal), CancellationToken.None);
        }

        using var response = await Client.GetAsync($"/api/v1/cases/{token}/determination");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("career[0].scheme", out _));
    }

    [Fact]
    public async Task Delete_ThenGet_Returns404()
    {
        if (Unavailable())
        {
            return;
        }

        var token = await Save(Myanmar);

        using var deleted = await Client.DeleteAsync($"/api/v1/cases/{token}");
        using var get = await Client.GetAsync($"/api/v1/cases/{token}");
        using var determination = await Client.GetAsync($"/api/v1/cases/{token}/determination");
        using var again = await Client.DeleteAsync($"/api/v1/cases/{token}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, determination.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Delete_UnknownToken_Returns404Problem()
    {
        if (Unavailable())
        {
            return;
        }

        using var response = await Client.DeleteAsync($"/api/v1/cases/{CaseTokens.New()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_FiftyInParallel_ThenGet_NoneLost()
    {
        if (Unavailable())
        {
            return;
        }

        var cases = Enumerable.Range(0, 50).Select(i => Myanmar.Replace("15000", (15000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).ToArray();
        var tokens = await Task.WhenAll(cases.Select(Save));
        var read = await Task.WhenAll(tokens.Select(token => Client.GetStringAsync($"/api/v1/cases/{token}")));

        Assert.Equal(50, tokens.Distinct().Count());
        Assert.Equal(cases, read);
    }

    [Fact]
    public async Task Logs_SaveReadEvaluateDelete_NeverHoldTheCaseOrItsToken()
    {
        if (Unavailable())
        {
            return;
        }

        // The wage and birth date are unique to this test, so any log line holding them holds the case.
        var text = Myanmar.Replace("1970-03-15", "1971-07-29", StringComparison.Ordinal).Replace("300000", "271828", StringComparison.Ordinal);
        var token = await Save(text);
        (await Client.GetAsync($"/api/v1/cases/{token}")).Dispose();
        (await Client.GetAsync($"/api/v1/cases/{token}/determination")).Dispose();
        (await Client.DeleteAsync($"/api/v1/cases/{token}")).Dispose();
        (await Post(text.Replace("\"MM\"]", "\"XX\"]", StringComparison.Ordinal))).Dispose();

        var lines = ApiHost.Factory.Logs.Lines.ToArray();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Text.Contains("271828", StringComparison.Ordinal) || l.Text.Contains("1971-07-29", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Information && l.Text.Contains(token, StringComparison.Ordinal));
    }

    protected async Task<HttpResponseMessage> Post(string body) =>
        await Client.PostAsync("/api/v1/cases", new StringContent(body, Encoding.UTF8, "application/json"));

    protected async Task<string> Save(string body)
    {
        using var response = await Post(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private bool Unavailable()
    {
        if (ApiHost.Missing is { } reason)
        {
            Output.WriteLine(reason);
            return true;
        }

        return false;
    }
}
