using Microsoft.AspNetCore.Mvc.RazorPages;
using Strata.Instruments;
using Strata.Knowledge.Loading;
using Strata.Law;

namespace Strata.Web.Pages.Instruments;

/// <summary>The instruments Strata knows, grouped by layer, optionally only those that concern one state.</summary>
public sealed class IndexModel(KnowledgeBase kb) : PageModel
{
    public string? State { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>Instruments by layer: international, regional, bilateral (then any other).</summary>
    public IReadOnlyList<IGrouping<Layer, Instrument>> Groups { get; private set; } = [];

    /// <summary>Every state an instrument names, for the filter.</summary>
    public IReadOnlyList<string> States { get; private set; } = [];

    public KnowledgeBase Knowledge => kb;

    public void OnGet(string? state)
    {
        States = kb.AllInstruments.SelectMany(StatesOf).Concat(kb.Countries.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(Codes.NameOf, StringComparer.Ordinal).ToArray();
        var code = string.IsNullOrWhiteSpace(state) ? null : state.Trim().ToUpperInvariant();
        if (code is not null && !Codes.IsCountry(code))
        {
            Problem = $"'{state}' is not an ISO 3166-1 alpha-2 country code";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            code = null;
        }

        State = code;
        Groups = kb.AllInstruments
            .Where(i => code is null || StatesOf(i).Contains(code))
            .GroupBy(i => i.Layer)
            .OrderBy(g => g.Key switch { Layer.International => 0, Layer.Regional => 1, Layer.Bilateral => 2, _ => 3 })
            .ToArray();
    }

    /// <summary>The states an instrument concerns: its parties, the states that ratified it, and the members of its region.</summary>
    public IEnumerable<string> StatesOf(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var region = instrument.Region is { } id && kb.Regions.TryGetValue(id, out var r) ? r.Members.Select(m => m.State) : [];
        return instrument.Parties.Concat(instrument.Ratifications.Select(x => x.State)).Concat(region).Distinct(StringComparer.Ordinal);
    }

    /// <summary>When the instrument binds the filtered state, in words.</summary>
    public string? ForState(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        if (State is null)
        {
            return null;
        }

        if (instrument.IsConvention)
        {
            var ratification = instrument.Ratifications.FirstOrDefault(x => x.State == State);
            return ratification is null ? null
                : ratification.Registered is { } registered ? $"{Codes.NameOf(State)} ratified it on {PlainWords.DateText(registered)}" + (ratification.Denounced is { } d ? $", denounced from {PlainWords.DateText(d)}" : "")
                : $"{Codes.NameOf(State)} ratified it (date not known)";
        }

        return instrument.Parties.Contains(State) ? $"{Codes.NameOf(State)} is a party" : $"{Codes.NameOf(State)} is a member of the region it concerns";
    }
}
