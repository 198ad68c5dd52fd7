using System.Globalization;
using Strata.Corridors;
using Strata.Evaluation;
using Strata.Law;

namespace Strata.Knowledge.Contracts;

/// <summary>The corridor report as JSON (<c>corridor/v1</c>).</summary>
public static class CorridorJson
{
    /// <summary>Maps a report to the contract.</summary>
    /// <param name="r">Report.</param>
    /// <returns>An anonymous object serialized with <see cref="DeterminationDocument.JsonOptions"/>.</returns>
    public static object From(CorridorReport r) => new
    {
        strata = "corridor/v1",
        origin = r.Origin,
        destination = r.Destination,
        date = r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        profile = new { id = r.Profile.Id, description = r.Profile.Description },
        floor = r.Floor.Select(x => new
        {
            guarantee = Floors.SocialProtectionFloor.Name(x.Guarantee),
            access = x.Fact is { IsKnown: true } k ? k.Value!.Access.ToString().ToLowerInvariant() : "unknown",
            note = x.Fact is { IsKnown: true } n ? n.Value!.Note : x.Fact?.Unknown ?? "not researched yet",
            source = SourceJson.From(x.Fact?.Source),
        }),
        branches = r.Branches.Select(f => new
        {
            branch = f.Branch.ToName(),
            covered = Answer(f.Covered),
            equalTreatment = Answer(f.EqualTreatment),
            aggregation = Answer(f.Aggregation),
            paidAfterReturn = Answer(f.Export),
            refund = Answer(f.Refund),
            regime = f.Regime == Regime.Unknown ? "unknown" : f.Regime.ToString(),
            regimeReason = f.RegimeReason,
            gaps = f.Gaps,
            schemes = f.Destination.Concat(f.Origin).Where(d => d.Scheme is not null).Select(d => new { country = d.Country, scheme = d.Scheme, outcome = d.Outcome.ToName(), decidedBy = d.DecidedBy.ToName(), instruments = d.Instruments }),
        }),
    };

    private static object Answer(Answer a) => new
    {
        verdict = a.Verdict switch { Verdict.Yes => "yes", Verdict.No => "no", Verdict.Unknown => "unknown", _ => "not-applicable" },
        layer = a.Layer.ToName(),
        instruments = a.Instruments,
        text = a.Text,
    };
}
