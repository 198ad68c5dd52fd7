using Strata.Evaluation;
using Strata.Instruments;
using Strata.Law;

namespace Strata.Corridors;

/// <summary>A yes/no/unknown answer to one corridor question, with the layer of law that gives it.</summary>
public enum Verdict
{
    /// <summary>Yes.</summary>
    Yes,
    /// <summary>No.</summary>
    No,
    /// <summary>Strata does not know.</summary>
    Unknown,
    /// <summary>The question does not arise for this career (e.g. nothing is due to export).</summary>
    NotApplicable,
}

/// <summary>Holzmann &amp; Wels' portability regimes.</summary>
/// <remarks>
/// <see href="https://ideas.repec.org/a/wly/intssr/v73y2020i1p65-97.html">Holzmann and Wels (2020), International Social Security Review 73(1)</see>:
/// I access and portability through an agreement; II access, export possible without agreement; III documented but no
/// access; IV undocumented, no access.
/// </remarks>
public enum Regime
{
    /// <summary>Access and portability through an agreement (bilateral, regional or an ILO convention in force between the two states).</summary>
    I,
    /// <summary>Access to the destination's scheme, portability only as far as its own law allows.</summary>
    II,
    /// <summary>Documented, but no access to the destination's scheme.</summary>
    III,
    /// <summary>Undocumented and no access.</summary>
    IV,
    /// <summary>Strata does not know enough to classify.</summary>
    Unknown,
}

/// <summary>One answer: the verdict, the layer and instruments that decide it, and a plain sentence.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Layer">The layer of law that decides it.</param>
/// <param name="Instruments">Instrument ids involved.</param>
/// <param name="Text">Plain sentence.</param>
public sealed record Answer(Verdict Verdict, Layer Layer, IReadOnlyList<string> Instruments, string Text);

/// <summary>What a worker of a profile has in one branch in a corridor, and where they fall through.</summary>
/// <param name="Branch">Branch.</param>
/// <param name="Covered">Insured in the destination.</param>
/// <param name="EqualTreatment">Insured on the same terms as the destination's nationals.</param>
/// <param name="Aggregation">Periods in the origin and the destination added together.</param>
/// <param name="Export">Paid in the origin after returning (or where the person lives at the end).</param>
/// <param name="Refund">A refund route on leaving.</param>
/// <param name="Regime">Portability regime.</param>
/// <param name="RegimeReason">Why.</param>
/// <param name="Gaps">What is missing, and which instrument or ratification would close it.</param>
/// <param name="Destination">The destination's determinations for the profile career.</param>
/// <param name="Origin">The origin's determinations for the profile career.</param>
public sealed record BranchFinding(Branch Branch, Answer Covered, Answer EqualTreatment, Answer Aggregation, Answer Export, Answer Refund,
    Regime Regime, string RegimeReason, IReadOnlyList<string> Gaps, IReadOnlyList<Determination> Destination, IReadOnlyList<Determination> Origin);

/// <summary>The analysis of one corridor for one profile.</summary>
/// <param name="Origin">Origin ISO code.</param>
/// <param name="Destination">Destination ISO code.</param>
/// <param name="Date">Analysis date: the law of that day applies.</param>
/// <param name="Profile">The worker archetype.</param>
/// <param name="Branches">One finding per branch.</param>
/// <param name="Floor">The destination's R202 guarantees for migrant residents on the date (null facts where not recorded).</param>
public sealed record CorridorReport(string Origin, string Destination, DateOnly Date, CareerProfile Profile, IReadOnlyList<BranchFinding> Branches,
    IReadOnlyList<(Floors.Guarantee Guarantee, Fact<Floors.FloorStatus>? Fact)> Floor);

/// <summary>
/// Corridor analysis: which layer of law gives a worker going from one state to another which rights, branch by
/// branch, and where they fall through. Every answer comes from evaluating the profile's career through
/// <see cref="Evaluator"/> (the same rules as any case); the equal-treatment answer compares the same career
/// evaluated for a national of the destination.
/// </summary>
public static class CorridorAnalysis
{
    /// <summary>
    /// The main destinations of ASEAN migrants outside ASEAN (East Asia and the Gulf), which every host adds to the
    /// ASEAN members when it analyses the region's corridors.
    /// </summary>
    public static IReadOnlyList<string> DestinationsBeyondAsean { get; } = ["JP", "KR", "SA", "AE", "HK", "TW", "QA", "KW"];

    /// <summary>Analyses many corridors in parallel (each analysis is independent and the knowledge base is immutable).</summary>
    /// <param name="knowledge">The law.</param>
    /// <param name="corridors">Profile, origin and destination of each corridor.</param>
    /// <param name="date">Analysis date.</param>
    /// <param name="wage">Monthly wage and currency by country, or null where not known.</param>
    /// <param name="explain">Whether determinations carry explanations.</param>
    /// <returns>The reports, in the order of <paramref name="corridors"/>.</returns>
    public static CorridorReport[] AnalyseAll(KnowledgeBase knowledge, IReadOnlyList<(CareerProfile Profile, string Origin, string Destination)> corridors,
        DateOnly date, Func<string, (decimal Wage, string Currency)?> wage, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(corridors);
        var reports = new CorridorReport[corridors.Count];
        Parallel.For(0, corridors.Count, i => reports[i] = Analyse(knowledge, corridors[i].Origin, corridors[i].Destination, date, corridors[i].Profile, wage, explain));
        return reports;
    }

    /// <summary>Analyses a corridor.</summary>
    /// <param name="knowledge">The law.</param>
    /// <param name="origin">Origin ISO code (the worker's nationality).</param>
    /// <param name="destination">Destination ISO code.</param>
    /// <param name="date">Analysis date.</param>
    /// <param name="profile">Worker archetype.</param>
    /// <param name="wage">Monthly wage and currency by country, or null where not known.</param>
    /// <param name="explain">Whether determinations carry explanations.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">Origin and destination are the same.</exception>
    public static CorridorReport Analyse(KnowledgeBase knowledge, string origin, string destination, DateOnly date, CareerProfile profile,
        Func<string, (decimal Wage, string Currency)?> wage, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(profile);
        if (origin == destination)
        {
            throw new ArgumentException("A corridor joins two different states.", nameof(destination));
        }

        var options = new EvaluationOptions { LawAsOf = date, Explain = explain };
        IReadOnlyList<Determination> Run(string? nationality, EvaluationOptions o) =>
            [.. Evaluator.Evaluate(knowledge, profile.ToCase(origin, destination, date, wage, nationality), o).Determinations,
             .. Evaluator.Evaluate(knowledge, profile.ToCase(origin, destination, date, wage, nationality, oldAge: true), o).Determinations];
        var migrant = Run(null, options);
        var national = Run(destination, options with { Explain = false });
        var findings = BranchNames.All.Select(b => Finding(knowledge, origin, destination, date, profile, b,
            migrant.Where(d => d.Branch == b && d.Country == destination).ToArray(),
            migrant.Where(d => d.Branch == b && d.Country == origin).ToArray(),
            national.Where(d => d.Branch == b && d.Country == destination).ToArray())).ToArray();
        var floor = Enum.GetValues<Floors.Guarantee>()
            .Select(g => (g, knowledge.Floors.TryGetValue(destination, out var f) ? f.On(g, date) : null)).ToArray();
        return new CorridorReport(origin, destination, date, profile, findings, floor);
    }

    private static readonly string[] None = [];

    private static BranchFinding Finding(KnowledgeBase kb, string origin, string destination, DateOnly date, CareerProfile profile, Branch branch,
        Determination[] dest, Determination[] home, Determination[] national)
    {
        var modelled = dest.Where(d => d.Scheme is not null).ToArray();
        var gaps = new List<string>();
        var covered = Covered(modelled, destination, branch);
        var equal = Equal(modelled, national, covered);
        var aggregation = Aggregation(kb, modelled, home, origin, destination, branch, date);
        var export = Export(modelled, profile, origin, destination);
        var refund = Refund(modelled);

        if (covered.Verdict == Verdict.No || equal.Verdict == Verdict.No)
        {
            gaps.Add(Gap("equal access to the destination's scheme", Closers(kb, origin, destination, branch, Principle.Equality, date)));
        }

        if (covered.Verdict == Verdict.Yes && aggregation.Verdict == Verdict.No)
        {
            gaps.Add(Gap("aggregation of periods with the origin", Closers(kb, origin, destination, branch, Principle.Aggregation, date)));
        }

        if (covered.Verdict == Verdict.Yes && export.Verdict is Verdict.No or Verdict.Unknown)
        {
            gaps.Add(Gap($"payment in {(profile.ResidenceAtEnd == Place.Origin ? origin : destination)} {(export.Verdict == Verdict.No ? "(refused)" : "(not established)")}",
                Closers(kb, origin, destination, branch, Principle.Export, date)));
        }

        var (regime, reason) = Classify(profile, covered, aggregation, export, refund);
        return new BranchFinding(branch, covered, equal, aggregation, export, refund, regime, reason, gaps, dest, home);
    }

    private static string Gap(string what, IReadOnlyList<string> closers) =>
        closers.Count == 0 ? $"{what}: no instrument in Strata's knowledge would provide it; a bilateral agreement could"
            : $"{what}: {string.Join("; ", closers)}";

    private static Answer Covered(Determination[] dest, string destination, Branch branch)
    {
        if (dest.Length == 0)
        {
            return new Answer(Verdict.Unknown, Layer.Domestic, None, $"Strata has no {destination} scheme for {branch.ToName()} benefits.");
        }

        var insured = dest.Where(d => d.Periods.Own > 0).ToArray();
        if (insured.Length > 0)
        {
            var through = insured.Select(d => d.CoveredThrough).OfType<string>().Distinct().ToArray();
            var layer = through.Length == 0 ? Layer.Domestic : insured.First(d => d.CoveredThrough is not null).DecidedBy;
            return new Answer(Verdict.Yes, layer, through,
                $"Insured by {string.Join(", ", insured.Select(d => d.Scheme).Distinct())}" + (through.Length == 0 ? "." : $", through the equality of treatment of {string.Join(", ", through)}."));
        }

        if (dest.Any(d => d.Outcome == Outcome.Unknown))
        {
            return new Answer(Verdict.Unknown, Layer.Domestic, None, $"Whether {destination} insures this worker is not known to Strata ({string.Join(", ", dest.Where(d => d.Outcome == Outcome.Unknown).Select(d => d.Scheme).Distinct())}).");
        }

        return new Answer(Verdict.No, Layer.Domestic, None, $"Not insured by {string.Join(", ", dest.Select(d => d.Scheme).Distinct())}.");
    }

    private static Answer Equal(Determination[] dest, Determination[] national, Answer covered)
    {
        if (covered.Verdict == Verdict.Unknown || dest.Length == 0)
        {
            return new Answer(Verdict.Unknown, Layer.Domestic, None, "Not known.");
        }

        var migrantMonths = dest.Sum(d => d.Periods.Own);
        var nationalMonths = national.Where(d => d.Scheme is not null).Sum(d => d.Periods.Own);
        if (migrantMonths < nationalMonths)
        {
            return new Answer(Verdict.No, Layer.Domestic, None, $"A national with the same career would have {nationalMonths} insured months, this worker {migrantMonths}.");
        }

        return new Answer(Verdict.Yes, covered.Layer, covered.Instruments,
            covered.Layer == Layer.Domestic ? "Insured on the same terms as nationals." : $"On the same terms as nationals through {string.Join(", ", covered.Instruments)}.");
    }

    private static Answer Aggregation(KnowledgeBase kb, Determination[] dest, Determination[] home, string origin, string destination, Branch branch, DateOnly date)
    {
        var aggregated = dest.Concat(home).Where(d => d.AggregatedUnder is not null).ToArray();
        if (aggregated.Length > 0)
        {
            var ids = aggregated.Select(d => d.AggregatedUnder!).Distinct().ToArray();
            var layer = ids.Select(id => kb.Instruments.TryGetValue(id, out var i) ? i.Layer : Layer.Domestic).Max();
            return new Answer(Verdict.Yes, layer, ids, $"Periods in {origin} and {destination} are added together under {string.Join(", ", ids)}.");
        }

        if (dest.All(d => d.Periods.Own == 0))
        {
            return new Answer(Verdict.NotApplicable, Layer.Domestic, None, "No insured periods in the destination to add.");
        }

        if (branch == Branch.EmploymentInjury)
        {
            return new Answer(Verdict.NotApplicable, Layer.Domestic, None, "Employment injury benefits need no qualifying period: nothing to add.");
        }

        // An instrument may provide for aggregation while this career's periods were not added: when the origin's scheme
        // is not known, its periods cannot be certified, and saying "no instrument" would misstate the law.
        foreach (var d in dest)
        {
            if (d.Outcome != Outcome.Unknown || d.Scheme is not { } id || !kb.Schemes.TryGetValue(id, out var scheme))
            {
                continue;
            }

            foreach (var (instrument, _) in kb.Candidates(scheme, Principle.Aggregation, origin))
            {
                if (instrument.Binding && instrument.InForceBetween(destination, origin, branch, date))
                {
                    var why = home.Any(h => h.Outcome == Outcome.Unknown)
                        ? $"who is insured under {origin}'s {branch.ToName()} scheme is not known, so its periods cannot be counted"
                        : "see the destination's determination";
                    return new Answer(Verdict.Unknown, instrument.Layer, [instrument.Id],
                        $"{instrument.Id} provides for adding periods in {origin} and {destination}, but this career's periods were not added: {why}.");
                }
            }
        }

        return new Answer(Verdict.No, Layer.Domestic, None, $"No instrument in force between {origin} and {destination} adds periods for {branch.ToName()} benefits on {date:yyyy-MM-dd}.");
    }

    private static Answer Export(Determination[] dest, CareerProfile profile, string origin, string destination)
    {
        var due = dest.Where(d => d.Outcome is Outcome.Pension or Outcome.LumpSum or Outcome.Refund).ToArray();
        var where = profile.ResidenceAtEnd == Place.Origin ? origin : destination;
        if (due.Length == 0)
        {
            return new Answer(Verdict.NotApplicable, Layer.Domestic, None, "Nothing is due to this career in the destination.");
        }

        if (due.Any(d => d.Exportable == true))
        {
            var d = due.FirstOrDefault(x => x.Exportable == true && x.ExportedThrough is not null) ?? due.First(x => x.Exportable == true);
            return d.ExportedThrough is { } via
                ? new Answer(Verdict.Yes, d.DecidedBy, [via], $"{d.Scheme} is paid to the person living in {where}, as {via} requires.")
                : new Answer(Verdict.Yes, Layer.Domestic, None, $"{d.Scheme} is paid to the person living in {where} under {d.Country}'s own law.");
        }

        if (due.Any(d => d.Exportable is null))
        {
            return new Answer(Verdict.Unknown, Layer.Domestic, None, $"Whether {string.Join(", ", due.Where(d => d.Exportable is null).Select(d => d.Scheme))} is paid to a person living in {where} is not known.");
        }

        return new Answer(Verdict.No, Layer.Domestic, None, $"{string.Join(", ", due.Select(d => d.Scheme))} is not paid to a person living in {where}.");
    }

    private static Answer Refund(Determination[] dest)
    {
        if (dest.Length == 0)
        {
            return new Answer(Verdict.NotApplicable, Layer.Domestic, None, "No scheme modelled.");
        }

        var refund = dest.FirstOrDefault(d => d.Outcome == Outcome.Refund || d.Options.Any(o => o.Outcome == Outcome.Refund));
        return refund is null
            ? new Answer(Verdict.No, Layer.Domestic, None, "No refund of contributions on leaving.")
            : new Answer(Verdict.Yes, Layer.Domestic, refund.Instruments, $"{refund.Scheme} refunds contributions on leaving" + (refund.Outcome == Outcome.Refund ? "." : " (as an option)."));
    }

    private static (Regime, string) Classify(CareerProfile profile, Answer covered, Answer aggregation, Answer export, Answer refund)
    {
        switch (covered.Verdict)
        {
            case Verdict.Unknown:
                return (Regime.Unknown, "Whether the destination insures this worker is not known.");
            case Verdict.No when profile.Undocumented:
                return (Regime.IV, "Undocumented and not insured in the destination.");
            case Verdict.No:
                return (Regime.III, "Documented but not insured in the destination.");
        }

        if (aggregation.Verdict == Verdict.Yes || (export.Verdict == Verdict.Yes && export.Layer != Layer.Domestic))
        {
            return (Regime.I, $"Insured, with portability through {string.Join(", ", aggregation.Instruments.Concat(export.Instruments).Distinct())}.");
        }

        // Holzmann and Wels classify by the legal framework: an agreement in force that adds periods puts the corridor in
        // regime I even when what this career gets from it cannot be computed.
        if (aggregation.Verdict == Verdict.Unknown && aggregation.Instruments.Count > 0)
        {
            return (Regime.I, $"Insured, with portability through {string.Join(", ", aggregation.Instruments)} (what this career gets from it is not known).");
        }

        var portability = export.Verdict switch
        {
            Verdict.Yes => "the destination's own law pays abroad",
            Verdict.No => refund.Verdict == Verdict.Yes ? "only a refund on leaving" : "nothing is paid abroad",
            Verdict.Unknown => "payment abroad not established",
            _ => refund.Verdict == Verdict.Yes ? "a refund on leaving" : "nothing is due to this career",
        };
        return (Regime.II, $"Insured in the destination, no agreement: {portability}.");
    }

    /// <summary>Instruments (or ratifications) that would provide a principle between two states for a branch.</summary>
    /// <param name="kb">The law.</param>
    /// <param name="origin">Origin.</param>
    /// <param name="destination">Destination.</param>
    /// <param name="branch">Branch.</param>
    /// <param name="principle">Principle.</param>
    /// <param name="date">Date.</param>
    /// <returns>Plain sentences, one per instrument.</returns>
    public static IReadOnlyList<string> Closers(KnowledgeBase kb, string origin, string destination, Branch branch, Principle principle, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(kb);
        var result = new List<string>();
        foreach (var instrument in kb.AllInstruments)
        {
            if (!instrument.Provisions.Any(p => (p.Grants & principle) != 0 && p.Branches.Contains(branch)))
            {
                continue;
            }

            // Regional instruments are open only to their region's members.
            if (instrument.Layer == Layer.Regional && (instrument.Region is not { } region || !kb.Regions.TryGetValue(region, out var members)
                || !members.MembersOn(date).Contains(origin) || !members.MembersOn(date).Contains(destination)))
            {
                continue;
            }

            if (!instrument.IsConvention)
            {
                if (instrument.Parties.Contains(origin) && instrument.Parties.Contains(destination) && !instrument.InForceBetween(origin, destination, branch, date))
                {
                    result.Add(instrument.InForce is { } f ? $"{instrument.Id} would provide it from {f:yyyy-MM-dd}" : $"{instrument.Id} is signed but not in force");
                }

                continue;
            }

            if (!instrument.Binding)
            {
                continue;
            }

            var missing = new[] { origin, destination }.Where(s => !instrument.Binds(s, branch, date)).ToArray();
            if (missing.Length > 0)
            {
                var undated = missing.Where(s => instrument.RatificationOf(s, branch) is { Registered: null }).ToArray();
                result.Add(undated.Length == missing.Length
                    ? $"{instrument.Id}: ratified by {string.Join(" and ", undated)}, date not recorded (may already apply)"
                    : $"ratification of {instrument.Id} by {string.Join(" and ", missing.Except(undated))}");
            }
        }

        return result.Distinct().ToArray();
    }
}
