namespace Strata.Web.Pages;

/// <summary>The addresses of a saved case. The token is the capability: these links are all there is to reach a case.</summary>
public static class CaseLinks
{
    public static string Show(string token) => "/cases/" + Uri.EscapeDataString(token);

    public static string Export(string token) => Show(token) + "/export";

    public static string Delete(string token) => Show(token) + "/delete";

    /// <summary>Headers for pages that show a case: never cached, never indexed (the token is in the address).</summary>
    public static void Private(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
