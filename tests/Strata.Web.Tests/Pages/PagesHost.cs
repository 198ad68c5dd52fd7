using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Strata.Web.Tests.Pages;

/// <summary>The real host with its real saved-case store: SQLite in a temporary data folder, removed afterwards.</summary>
public sealed class PagesHost : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-pages-").FullName;

    public PagesHost()
    {
        Factory = new StrataWebFactory(new Dictionary<string, string?> { ["Strata:DataDirectory"] = Path.Combine(_folder, "data") });
    }

    public StrataWebFactory Factory { get; }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests read where a POST sends the browser).</summary>
    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public void Dispose()
    {
        Factory.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>Form posting the way a browser does it: the antiforgery token from the page, the cookie from the client.</summary>
public static partial class Forms
{
    public static async Task<string> TokenAsync(HttpClient client, string page = "/calculator")
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        return Token(html);
    }

    public static string Token(string html)
    {
        var match = TokenInput().Match(html);
        Assert.True(match.Success, "the page has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));

    /// <summary>The value of a hidden input, decoded.</summary>
    public static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input type=\"hidden\" name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.True(match.Success, $"no hidden input {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
