using Microsoft.AspNetCore.Mvc.RazorPages;
using Strata.Instruments;
using Strata.Schemes;

namespace Strata.Web.Pages.Countries;

/// <summary>A country: its schemes by branch and the instruments that bind it.</summary>
public sealed class DetailModel(KnowledgeBase kb) : PageModel
{
    public Country? Country { get; private set; }

    public string Id { get; private set; } = "";

    public IReadOnlyList<Instrument> Instruments { get; private set; } = [];

    public KnowledgeBase Knowledge => kb;

    public void OnGet(string id)
    {
        Id = id.ToUpperInvariant();
        if (!kb.Countries.TryGetValue(Id, out var country))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Country = country;
        Instruments = kb.AllInstruments
            .Where(i => i.Parties.Contains(Id) || i.Ratifications.Any(r => r.State == Id)
                || (i.Region is { } region && kb.Regions.TryGetValue(region, out var r) && r.Members.Any(m => m.State == Id)))
            .ToArray();
    }
}
