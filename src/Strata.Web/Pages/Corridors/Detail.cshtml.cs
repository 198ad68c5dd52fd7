using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Strata.Corridors;
using Strata.Knowledge.Loading;

namespace Strata.Web.Pages.Corridors;

/// <summary>One corridor: branch by branch, what the worker has, which layer of law gives it, and what would close the gaps.</summary>
[EnableRateLimiting("evaluate")]
public sealed class DetailModel(KnowledgeBase kb, TimeProvider clock) : PageModel
{
    public CorridorReport? Report { get; private set; }

    public string? Missing { get; private set; }

    public Dictionary<string, string> Problems { get; } = [];

    public string Query { get; private set; } = "";

    public IActionResult OnGet(string origin, string destination, string? profile, string? date)
    {
        origin = origin.ToUpperInvariant();
        destination = destination.ToUpperInvariant();
        if (!Codes.IsCountry(origin) || !Codes.IsCountry(destination) || origin == destination)
        {
            Missing = origin == destination && Codes.IsCountry(origin)
                ? "A corridor joins two different countries."
                : $"There is no corridor '{origin}' to '{destination}': use two ISO 3166-1 country codes, such as MM and TH.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var (day, chosen) = IndexModel.Read(profile, date, DateOnly.FromDateTime(clock.GetLocalNow().Date), Problems);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Query = $"?profile={Uri.EscapeDataString(chosen.Id)}&date={PlainWords.DateText(day)}";
        Report = CorridorAnalysis.Analyse(kb, origin, destination, day, chosen, _ => null, explain: false);
        return Page();
    }
}
