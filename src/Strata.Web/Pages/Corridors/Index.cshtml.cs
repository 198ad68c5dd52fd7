using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Strata.Corridors;
using Strata.Knowledge.Cases;

namespace Strata.Web.Pages.Corridors;

/// <summary>The corridor heatmap: for ASEAN origins and the region's main destinations, the portability regime per branch.</summary>
public sealed class IndexModel(CorridorMatrix matrix, TimeProvider clock) : PageModel
{
    public RegimeMap? Map { get; private set; }

    public CareerProfile Profile { get; private set; } = CareerProfile.BuiltIn[0];

    public DateOnly Date { get; private set; }

    public string DateText => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Dictionary<string, string> Problems { get; } = [];

    public async Task OnGetAsync(string? profile, string? date, CancellationToken cancel)
    {
        (Date, Profile) = Read(profile, date, DateOnly.FromDateTime(clock.GetLocalNow().Date), Problems);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Map = await matrix.GetAsync(Date, Profile, cancel);
    }

    /// <summary>Reads the profile and date of a corridor query; a wrong one is reported and the default used in its place.</summary>
    public static (DateOnly Date, CareerProfile Profile) Read(string? profile, string? date, DateOnly today, Dictionary<string, string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var day = today;
        if (!string.IsNullOrWhiteSpace(date)
            && (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
                || day < CaseFile.EarliestDate || day > CaseFile.LatestDate))
        {
            problems["date"] = $"'{date}' is not a date between 1850 and 2200 (expected YYYY-MM-DD, e.g. 2024-12-31)";
            day = today;
        }

        var chosen = CareerProfile.BuiltIn[0];
        if (!string.IsNullOrWhiteSpace(profile))
        {
            chosen = CareerProfile.BuiltIn.FirstOrDefault(p => p.Id == profile) ?? chosen;
            if (chosen.Id != profile)
            {
                problems["profile"] = $"'{profile}' is not one of {string.Join(", ", CareerProfile.BuiltIn.Select(p => p.Id))}";
            }
        }

        return (day, chosen);
    }

    /// <summary>The query string for the same profile and date.</summary>
    public string Query => $"?profile={Uri.EscapeDataString(Profile.Id)}&date={DateText}";
}
