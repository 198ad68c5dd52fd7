using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Strata.Knowledge.Cases;
using Strata.Knowledge.Loading;
using Strata.Web.Storage;

namespace Strata.Web.Pages.Cases;

/// <summary>Saves the case the calculator evaluated and sends the person to its private link.</summary>
[EnableRateLimiting("evaluate")]
public sealed class SaveModel(KnowledgeBase kb, ICaseStore store) : PageModel
{
    public IReadOnlyList<Problem> Problems { get; private set; } = [];

    public IActionResult OnGet() => Redirect("/calculator");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        // Read from the form, not as a handler argument: handler arguments are written to the trace log, and this is personal data.
        string? caseJson = Request.Form["caseJson"];

        // Only a case that reads is kept: a saved link must always open on something Strata can evaluate.
        var loaded = CaseFile.Parse("case", caseJson ?? "", kb);
        if (!loaded.Succeeded)
        {
            Problems = loaded.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var token = await store.SaveAsync(CaseJson.Normalize(caseJson!), cancel);
        return Redirect(CaseLinks.Show(token));
    }
}
