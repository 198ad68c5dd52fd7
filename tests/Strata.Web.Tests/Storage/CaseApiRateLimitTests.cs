using System.Net;
using System.Text;

namespace Strata.Web.Tests.Storage;

public sealed class CaseApiRateLimitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-web-").FullName;

    private readonly StrataWebFactory _factory;

    public CaseApiRateLimitTests() => _factory = new StrataWebFactory(new Dictionary<string, string?>
    {
        ["Strata:DataDirectory"] = _folder,
        ["Strata:RateLimit:Burst"] = "2",
        ["Strata:RateLimit:PerSecond"] = "1",
    });

    [Fact]
    public async Task Post_BeyondTheBurst_Returns429()
    {
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostAsync("/api/v1/cases", new StringContent("{}", Encoding.UTF8, "application/json"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
