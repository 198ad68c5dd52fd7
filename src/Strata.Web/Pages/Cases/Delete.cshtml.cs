using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Strata.Web.Storage;

namespace Strata.Web.Pages.Cases;

/// <summary>Deletes a saved case for good (POST with the antiforgery token), then confirms.</summary>
public sealed class DeleteModel(ICaseStore store) : PageModel
{
    public IActionResult OnGet(string token) => Redirect(CaseLinks.Show(token));

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancel)
    {
        CaseLinks.Private(Response);
        if (!await store.DeleteAsync(token, cancel))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return Redirect("/cases/deleted");
    }
}
