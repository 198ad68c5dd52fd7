using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Strata.Cases;
using Strata.Evaluation;
using Strata.Instruments;
using Strata.Law;
using Strata.Schemes;
using static Strata.Tests.TestLaw;

namespace Strata.Tests.Evaluation;

/// <summary>Invariants that must hold for every career, checked on generated careers.</summary>
public class EvaluatorProperties
{
    private static readonly Scheme Th = OldAge("TH");
    private static readonly Scheme Mm = OldAge("MM", currency: "MMK");

    // A wage-independent formula, so that the theoretical amount is the same in both states and pro-rata shares can be summed.
    private static Scheme Flat(string country) => new($"{country.ToLowerInvariant()}.flat.old-age", country, Branch.OldAge, $"{country} flat pension", "inst", "USD",
        Always(new CoverageRule([Activity.Employed], ForeignWorkerRule.All)), new QualifyingConditions(Always(180), Always(55), null, null),
        Rule("flat-rate-by-months", BenefitKind.Pension, ("fullAmountPerYear", P(12000)), ("fullMonths", P(480))), null, Always(true), null);

    private static readonly KnowledgeBase Law = Kb([Th, Mm], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Aggregation | Principle.Export)]);

    // One multilateral agreement, so that every state aggregates the same periods (each instrument counts only its
    // own parties' periods, so pro-rata shares are comparable only within one instrument).
    private static readonly KnowledgeBase FlatLaw = Kb([Flat("TH"), Flat("MM"), Flat("LA")], [
        new Instrument("agreement.test-multilateral", "Test multilateral agreement", Layer.Regional, true, ["TH", "MM", "LA"], new DateOnly(1999, 1, 1),
            new DateOnly(2000, 1, 1), null, PersonalScope.InsuredPersons, [],
            [new Provision([Branch.OldAge], Principle.Aggregation, Calculation.ProRata, false, null, [], Src)], null, Src)]);

    private static Gen<CareerPeriod> PeriodGen(string[] countries) =>
        from country in Gen.Elements(countries)
        from startMonth in Gen.Choose(0, 359)
        from length in Gen.Choose(1, 120)
        from wage in Gen.Choose(1000, 40000)
        from documented in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        let start = new DateOnly(1995, 1, 1).AddMonths(startMonth)
        select new CareerPeriod(country, start, start.AddMonths(length).AddDays(-1), Activity.Employed, null, documented, wage,
            country == "TH" ? "THB" : country == "MM" ? "MMK" : "USD");

    /// <summary>Careers with no overlap inside one country, as the case file requires.</summary>
    private static Arbitrary<CareerPeriod[]> Careers(params string[] countries) =>
        Gen.ListOf(PeriodGen(countries)).Select(list => list
            .GroupBy(p => p.Country)
            .SelectMany(g => g.OrderBy(p => p.From).Aggregate(new List<CareerPeriod>(), (kept, p) =>
            {
                if (kept.Count == 0 || kept[^1].To < p.From)
                {
                    kept.Add(p);
                }

                return kept;
            }))
            .ToArray()).ToArbitrary();

    private static Case CaseOf(IEnumerable<CareerPeriod> career) =>
        new(Person(), career, new Claim(new DateOnly(2030, 6, 1), [Branch.OldAge]));

    private static string Fingerprint(Assessment a, bool withText = true) => string.Join("|", a.Determinations.Select(d =>
        $"{d.Country}:{d.Scheme}:{d.Outcome}:{d.Amount}:{d.Exportable}:{d.Periods}:{d.DecidedBy}:{(withText ? d.ToQualify : "")}:{string.Join(",", d.Options.Select(o => o.Amount))}"));

    [Property(MaxTest = 200)]
    public Property Evaluate_OrderOfPeriods_DoesNotMatter() =>
        Prop.ForAll(Careers("TH", "MM"), career =>
            Fingerprint(Evaluator.Evaluate(Law, CaseOf(career))) == Fingerprint(Evaluator.Evaluate(Law, CaseOf(career.Reverse()))));

    [Property(MaxTest = 200)]
    public Property Evaluate_AddingAPeriod_NeverLowersAggregatedMonths() =>
        Prop.ForAll(Careers("TH", "MM"), PeriodGen(["TH", "MM"]).ToArbitrary(), (career, extra) =>
        {
            if (career.Any(p => p.Country == extra.Country && p.From <= extra.To && extra.From <= p.To))
            {
                return true;
            }

            var before = Evaluator.Evaluate(Law, CaseOf(career), EvaluationOptions.Fast).Determinations.ToDictionary(d => d.Scheme!, d => d.Periods.Aggregated);
            var after = Evaluator.Evaluate(Law, CaseOf(career.Append(extra)), EvaluationOptions.Fast).Determinations;
            return after.All(d => !before.TryGetValue(d.Scheme!, out var b) || d.Periods.Aggregated >= b);
        });

    [Property(MaxTest = 200)]
    public Property Evaluate_ProRataShare_NeverExceedsTheoreticalAmount() =>
        Prop.ForAll(Careers("TH", "MM", "LA"), career =>
            Evaluator.Evaluate(FlatLaw, CaseOf(career), EvaluationOptions.Fast).Determinations
                .Where(d => d.Amount is not null)
                .All(d => d.Amount!.Value.Value <= Theoretical(d.Periods.Aggregated) && d.Periods.Own <= d.Periods.Aggregated));

    [Property(MaxTest = 300)]
    public Property Evaluate_ProRataFractionsOfOneCareer_SumToAtMostOne() =>
        Prop.ForAll(Careers("TH", "MM", "LA"), career =>
        {
            var paid = Evaluator.Evaluate(FlatLaw, CaseOf(career), EvaluationOptions.Fast).Determinations
                .Where(d => d.Amount is not null && d.Instruments.Count > 0).ToArray();
            if (paid.Length == 0)
            {
                return true;
            }

            // Every state pays pro rata on the same aggregated months, so shares of one theoretical amount must sum to at most it
            // (each share is rounded to the cent, hence the tolerance of one cent per state).
            var total = paid[0].Periods.Aggregated;
            return paid.All(d => d.Periods.Aggregated == total) && paid.Sum(d => d.Amount!.Value.Value) <= Theoretical(total) + (0.01m * paid.Length);
        });

    [Property(MaxTest = 100)]
    public Property Evaluate_IsDeterministic() =>
        Prop.ForAll(Careers("TH", "MM"), career =>
            Fingerprint(Evaluator.Evaluate(Law, CaseOf(career))) == Fingerprint(Evaluator.Evaluate(Law, CaseOf(career))));

    [Property(MaxTest = 100)]
    public Property Evaluate_FastPath_AgreesWithExplainPath() =>
        Prop.ForAll(Careers("TH", "MM"), career =>
            Fingerprint(Evaluator.Evaluate(Law, CaseOf(career)), withText: false) == Fingerprint(Evaluator.Evaluate(Law, CaseOf(career), EvaluationOptions.Fast), withText: false));

    private static decimal Theoretical(int months) => Math.Round(12000m * Math.Min(months, 480) / 480m / 12m, 2, MidpointRounding.AwayFromZero);
}
