using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Strata.Web.Storage;

namespace Strata.Web.Pages.Cases;

/// <summary>The saved case as a JSON download (case/v1), as it was saved.</summary>
public sealed class ExportModel(ICaseStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancel)
    {
        CaseLinks.Private(Response);
        return await store.GetAsync(token, cancel) is { } saved
            ? File(Encoding.UTF8.GetBytes(CaseJson.Normalize(saved.CaseText)), "application/json", "strata-case.json")
            : NotFound();
    }
}
