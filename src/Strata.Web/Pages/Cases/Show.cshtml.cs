using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Strata.Knowledge.Loading;
using Strata.Web.Storage;

namespace Strata.Web.Pages.Cases;

/// <summary>A saved case, evaluated again under today's knowledge, with its link, export and deletion.</summary>
[EnableRateLimiting("evaluate")]
public sealed class ShowModel(KnowledgeBase kb, ICaseStore store) : PageModel
{
    public string Token { get; private set; } = "";

    public string CaseText { get; private set; } = "";

    public string Link { get; private set; } = "";

    public CaseResults? Results { get; private set; }

    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancel)
    {
        CaseLinks.Private(Response);
        if (await store.GetAsync(token, cancel) is not { } saved)
        {
            Missing = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Token = saved.Token;
        CaseText = saved.CaseText;
        Link = $"{Request.Scheme}://{Request.Host}{CaseLinks.Show(saved.Token)}";
        (Results, Problems) = CaseResults.Evaluate(kb, "saved case", saved.CaseText);
        return Page();
    }
}
