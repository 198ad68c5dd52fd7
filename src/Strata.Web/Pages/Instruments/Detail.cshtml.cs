using Microsoft.AspNetCore.Mvc.RazorPages;
using Strata.Instruments;

namespace Strata.Web.Pages.Instruments;

/// <summary>One instrument: its parties or ratifications and its provisions, each with dates and sources.</summary>
public sealed class DetailModel(KnowledgeBase kb) : PageModel
{
    public Instrument? Instrument { get; private set; }

    public string Id { get; private set; } = "";

    public KnowledgeBase Knowledge => kb;

    public void OnGet(string id)
    {
        Id = id;
        if (!kb.Instruments.TryGetValue(id, out var instrument))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Instrument = instrument;
    }

    public static string Grants(Principle grants) => string.Join(", ", new[]
    {
        (grants & Principle.Equality) != 0 ? "equal treatment with nationals" : null,
        (grants & Principle.Aggregation) != 0 ? "periods added together" : null,
        (grants & Principle.Export) != 0 ? "payment abroad" : null,
    }.OfType<string>());

    public static string Calculation(Calculation calculation) => calculation switch
    {
        Strata.Instruments.Calculation.Direct => "each country pays its own amount on its own periods",
        Strata.Instruments.Calculation.ProRataOnMinimum => "pro rata of the minimum qualifying period",
        _ => "pro rata: the share of the full amount that matches the periods in each country",
    };
}
