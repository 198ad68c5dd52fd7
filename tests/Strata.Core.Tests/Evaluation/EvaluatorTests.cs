using Strata.Cases;
using Strata.Evaluation;
using Strata.Instruments;
using Strata.Law;
using Strata.Schemes;
using static Strata.Tests.TestLaw;

namespace Strata.Tests.Evaluation;

public class EvaluatorTests
{
    private static Determination Single(KnowledgeBase kb, Case c, string scheme) =>
        Evaluator.Evaluate(kb, c).Determinations.Single(d => d.Scheme == scheme);

    [Fact]
    public void Evaluate_DocumentedWorkerWith180Months_GetsPensionDecidedByDomesticLaw()
    {
        var kb = Kb([OldAge()]);
        var d = Single(kb, Case(Person(), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31")), "th.test.old-age");
        Assert.Equal(Outcome.Pension, d.Outcome);
        Assert.Equal(new Amount(3000m, "THB", true), d.Amount);
        Assert.Equal(Layer.Domestic, d.DecidedBy);
        Assert.Equal(new PeriodCount(180, 180), d.Periods);
        Assert.All(d.Explanation, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
    }

    [Fact]
    public void Evaluate_UndocumentedWorker_IsNotCoveredAndToldWhy()
    {
        var kb = Kb([OldAge()]);
        var d = Single(kb, Case(Person(), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31", documented: false)), "th.test.old-age");
        Assert.Equal(Outcome.NotCovered, d.Outcome);
        Assert.Contains("undocumented", d.Explanation[^1].Text, StringComparison.Ordinal);
        Assert.Equal("documented (authorised) work would be insured", d.ToQualify);
    }

    [Fact]
    public void Evaluate_ShortCareer_SaysHowManyMonthsAreMissing()
    {
        var kb = Kb([OldAge()]);
        var d = Single(kb, Case(Person(), "2025-06-01", Work("TH", "2018-01-01", "2024-12-31")), "th.test.old-age");
        Assert.Equal(Outcome.NotEntitled, d.Outcome);
        Assert.Equal("96 more months of contributions in TH", d.ToQualify);
    }

    [Fact]
    public void Evaluate_BeforePensionAge_OffersTheProspectivePension()
    {
        var kb = Kb([OldAge()]);
        var d = Single(kb, Case(Person(bornYear: 1980), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31")), "th.test.old-age");
        Assert.Equal(Outcome.NotEntitled, d.Outcome);
        Assert.Equal("reach age 55 on 2035-01-01", d.ToQualify);
        var wait = Assert.Single(d.Options);
        Assert.Equal(3000m, wait.Amount!.Value.Value);
    }

    [Fact]
    public void Evaluate_ExcludedForeignersButBindingEquality_InstrumentOverridesAndConflictIsReported()
    {
        var th = OldAge(foreign: ForeignWorkerRule.Excluded);
        var equality = Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Equality);
        var d = Single(Kb([th, OldAge("MM", currency: "MMK")], [equality]), Case(Person(), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31")), "th.test.old-age");
        Assert.Equal(Outcome.Pension, d.Outcome);
        Assert.Equal(Layer.Bilateral, d.DecidedBy);
        Assert.Contains("agreement.th-mm", d.Instruments);
        Assert.Contains(d.Conflicts, c => c.Text.StartsWith("TH law excludes non-nationals", StringComparison.Ordinal));
        // Not paid abroad under TH law while equality binds: reported, not overridden.
        Assert.Contains(d.Conflicts, c => c.Text.Contains("may breach it", StringComparison.Ordinal));
        Assert.False(d.Exportable);
    }

    [Fact]
    public void Evaluate_ExcludedForeignersWithoutInstrument_IsNotCovered()
    {
        var d = Single(Kb([OldAge(foreign: ForeignWorkerRule.Excluded)]), Case(Person(), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31")), "th.test.old-age");
        Assert.Equal(Outcome.NotCovered, d.Outcome);
        Assert.Equal(Layer.Domestic, d.DecidedBy);
    }

    [Fact]
    public void Evaluate_AggregationProRata_PaysShareOfTheoreticalAmount()
    {
        // 60 months in TH + 120 in MM = 180: qualifies only with aggregation. Theoretical 3,000 × 60/180 = 1,000.
        var kb = Kb([OldAge(), OldAge("MM", currency: "MMK")], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Aggregation | Principle.Export)]);
        var c = Case(Person(), "2025-06-01", Work("MM", "2005-01-01", "2014-12-31", 300000, "MMK"), Work("TH", "2020-01-01", "2024-12-31"));
        var d = Single(kb, c, "th.test.old-age");
        Assert.Equal(Outcome.Pension, d.Outcome);
        Assert.Equal(1000m, d.Amount!.Value.Value);
        Assert.Equal(new PeriodCount(60, 180), d.Periods);
        Assert.Equal(Layer.Bilateral, d.DecidedBy);
        Assert.True(d.Exportable);
    }

    [Fact]
    public void Evaluate_AggregationDirect_PaysOwnFormulaOnOwnMonths()
    {
        var kb = Kb([OldAge(), OldAge("MM", currency: "MMK")], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Aggregation, Calculation.Direct)]);
        var c = Case(Person(), "2025-06-01", Work("MM", "2005-01-01", "2014-12-31", 300000, "MMK"), Work("TH", "2020-01-01", "2024-12-31"));
        Assert.Equal(3000m, Single(kb, c, "th.test.old-age").Amount!.Value.Value);
    }

    [Fact]
    public void Evaluate_AgreementNotYetInForce_SaysWhenItWouldHelp()
    {
        var kb = Kb([OldAge(), OldAge("MM", currency: "MMK")], [Agreement("TH", "MM", new DateOnly(2027, 1, 1), Principle.Aggregation)]);
        var c = Case(Person(), "2025-06-01", Work("MM", "2005-01-01", "2014-12-31", 300000, "MMK"), Work("TH", "2020-01-01", "2024-12-31"));
        var d = Single(kb, c, "th.test.old-age");
        Assert.Equal(Outcome.NotEntitled, d.Outcome);
        Assert.Contains("would allow aggregation with MM but enters into force on 2027-01-01", d.ToQualify, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OverlappingMonthsInTwoStates_CountOnce()
    {
        var kb = Kb([OldAge(), OldAge("MM", currency: "MMK")], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Aggregation)]);
        // MM 2010-2019 (120 months) overlaps TH 2015-2024 (120 months) for 60 months: 180 distinct months.
        var c = Case(Person(), "2025-06-01", Work("MM", "2010-01-01", "2019-12-31", 300000, "MMK"), Work("TH", "2015-01-01", "2024-12-31"));
        Assert.Equal(180, Single(kb, c, "th.test.old-age").Periods.Aggregated);
    }

    [Fact]
    public void Evaluate_ExportProvision_OverridesDomesticNoExport_AndReportsTheConflict()
    {
        var kb = Kb([OldAge(paidAbroad: false), OldAge("MM", currency: "MMK")], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Export)]);
        var d = Single(kb, Case(Person(), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31")), "th.test.old-age");
        Assert.True(d.Exportable);
        Assert.Equal(Layer.Bilateral, d.DecidedBy);
        Assert.Single(d.Conflicts);
    }

    [Fact]
    public void Evaluate_NoExportAnywhere_IsNotPaidAbroad()
    {
        var d = Single(Kb([OldAge(paidAbroad: false)]), Case(Person(), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31")), "th.test.old-age");
        Assert.False(d.Exportable);
    }

    [Fact]
    public void Evaluate_UnknownPaymentAbroad_IsNullNotFalse()
    {
        var d = Single(Kb([OldAge(paidAbroad: null)]), Case(Person(), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31")), "th.test.old-age");
        Assert.Null(d.Exportable);
        Assert.Contains("unknown", d.Explanation[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RefundAvailable_BecomesOutcomeWithKeepOptionAndItsCost()
    {
        var refund = new RefundRule(Rule("contribution-refund", BenefitKind.LumpSum, ("contributionPercent", P(6))), RefundEligibility.NonNationals,
            requiresDeparture: true, Always(true));
        var kb = Kb([OldAge(refund: refund)]);
        var d = Single(kb, Case(Person(), "2025-06-01", Work("TH", "2020-01-01", "2024-12-31", 10000)), "th.test.old-age");
        // 60 months × 10,000 × 6% = 36,000.
        Assert.Equal(Outcome.Refund, d.Outcome);
        Assert.Equal(36000m, d.Amount!.Value.Value);
        Assert.True(d.Exportable);
        var keep = Assert.Single(d.Options);
        Assert.Equal(Outcome.NotEntitled, keep.Outcome);
        Assert.Contains(d.Explanation, s => s.Text.StartsWith("Taking the refund ends these periods", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_RefundNotForNationals()
    {
        var refund = new RefundRule(Rule("contribution-refund", BenefitKind.LumpSum, ("contributionPercent", P(6))), RefundEligibility.NonNationals, true, Always(true));
        var d = Single(Kb([OldAge(refund: refund)]), Case(Person("TH", "MM"), "2025-06-01", Work("TH", "2020-01-01", "2024-12-31")), "th.test.old-age");
        Assert.Equal(Outcome.NotEntitled, d.Outcome);
    }

    [Fact]
    public void Evaluate_OtherwiseGrant_PaidWhenPensionConditionsFail()
    {
        var grant = new BenefitRule(BenefitKind.LumpSum, "contribution-refund", new Dictionary<string, FactSeries<ParameterValue>> { ["contributionPercent"] = P(6) },
            Src, Always(12));
        var d = Single(Kb([OldAge(otherwise: grant)]), Case(Person(), "2025-06-01", Work("TH", "2020-01-01", "2024-12-31", 15000)), "th.test.old-age");
        Assert.Equal(Outcome.LumpSum, d.Outcome);
        Assert.Equal(new Amount(54000m, "THB", false), d.Amount);
    }

    [Fact]
    public void Evaluate_PostedUnderAgreement_StaysUnderSendingStateWithinTheLimit()
    {
        var kb = Kb([OldAge(), OldAge("MM", currency: "MMK")], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Equality, postingMonths: 60)]);
        var c = Case(Person(), "2025-06-01", Work("TH", "2015-01-01", "2021-12-31", 300000, "MMK", activity: Activity.Posted, postedFrom: "MM"));
        var assessment = Evaluator.Evaluate(kb, c);
        // 60 months under MM's law, the remaining 24 under TH's.
        Assert.Equal(60, assessment.Determinations.Single(d => d.Scheme == "mm.test.old-age").Periods.Own);
        Assert.Equal(24, assessment.Determinations.Single(d => d.Scheme == "th.test.old-age").Periods.Own);
    }

    [Fact]
    public void Evaluate_PostedWithoutAgreement_PlaceOfWorkApplies()
    {
        var kb = Kb([OldAge(), OldAge("MM", currency: "MMK")]);
        var c = Case(Person(), "2025-06-01", Work("TH", "2015-01-01", "2021-12-31", activity: Activity.Posted, postedFrom: "MM"));
        Assert.Equal(84, Evaluator.Evaluate(kb, c).Determinations.Single(d => d.Scheme == "th.test.old-age").Periods.Own);
    }

    [Fact]
    public void Evaluate_CountryWithoutScheme_IsUnknownNotDenied()
    {
        var d = Evaluator.Evaluate(Kb([OldAge()]), Case(Person(), "2025-06-01", Work("LA", "2010-01-01", "2024-12-31", 1000, "LAK"))).Determinations.Single();
        Assert.Equal(Outcome.Unknown, d.Outcome);
        Assert.Null(d.Scheme);
    }

    [Fact]
    public void Evaluate_LawAsOf_AppliesTheLawOfThatDay()
    {
        var before = new FactSeries<int>([
            Fact<int>.Known(240, new ValidityPeriod(null, new DateOnly(2017, 7, 31)), Src),
            Fact<int>.Known(120, new ValidityPeriod(new DateOnly(2017, 8, 1), null), Src)]);
        var scheme = new Scheme("jp.test.old-age", "JP", Branch.OldAge, "JP pension", "JPS", "JPY", Always(new CoverageRule([Activity.Employed], ForeignWorkerRule.All)),
            new QualifyingConditions(before, Always(65), null, null),
            Rule("flat-rate-by-months", BenefitKind.Pension, ("fullAmountPerYear", P(831700)), ("fullMonths", P(480))), null, Always(true), null);
        var c = Case(Person("PH", "PH", 1950), "2025-06-01", Work("JP", "2000-01-01", "2009-12-31", 300000, "JPY"));
        Assert.Equal(Outcome.Pension, Evaluator.Evaluate(Kb([scheme]), c).Determinations[0].Outcome);
        Assert.Equal(Outcome.NotEntitled, Evaluator.Evaluate(Kb([scheme]), c, new EvaluationOptions { LawAsOf = new DateOnly(2016, 1, 1) }).Determinations[0].Outcome);
    }

    [Fact]
    public void Evaluate_FastPath_GivesTheSameAnswersWithoutExplanations()
    {
        var kb = Kb([OldAge(), OldAge("MM", currency: "MMK")], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Aggregation | Principle.Export)]);
        var c = Case(Person(), "2025-06-01", Work("MM", "2005-01-01", "2014-12-31", 300000, "MMK"), Work("TH", "2020-01-01", "2024-12-31"));
        var slow = Evaluator.Evaluate(kb, c).Determinations;
        var fast = Evaluator.Evaluate(kb, c, EvaluationOptions.Fast).Determinations;
        Assert.Equal(slow.Select(d => (d.Outcome, d.Amount, d.Exportable, d.Periods, d.DecidedBy)), fast.Select(d => (d.Outcome, d.Amount, d.Exportable, d.Periods, d.DecidedBy)));
        Assert.All(fast, d => Assert.Empty(d.Explanation));
    }

    [Fact]
    public void Evaluate_CareerBeyondTheContingency_CountsOnlyMonthsUpToIt()
    {
        // Planned work to 2030 with a claim on 2025-06-01: January 2012 to June 2025 = 162 months, not 228.
        var d = Single(Kb([OldAge()]), Case(Person(bornYear: 1968), "2025-06-01", Work("TH", "2012-01-01", "2030-12-31")), "th.test.old-age");
        Assert.Equal(162, d.Periods.Own);
        Assert.Equal(Outcome.NotEntitled, d.Outcome);
    }

    [Fact]
    public void Evaluate_PostingRule_MovesOnlyTheBranchesOfItsInstrument()
    {
        var injury = new Scheme("th.test.injury", "TH", Branch.EmploymentInjury, "TH injury", "TH", "THB", Always(new CoverageRule([Activity.Employed], ForeignWorkerRule.All)),
            QualifyingConditions.None, Rule("percent-of-wage", BenefitKind.Pension, ("percent", P(70))), null, Always(true), null);
        var kb = Kb([OldAge(), OldAge("MM", currency: "MMK"), injury], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Equality, postingMonths: 60)]);
        var c = new Case(Person(), [Work("TH", "2022-01-01", "2024-12-31", 15000, "THB", activity: Activity.Posted, postedFrom: "MM")],
            new Claim(new DateOnly(2023, 5, 10), [Branch.OldAge, Branch.EmploymentInjury]));
        var all = Evaluator.Evaluate(kb, c).Determinations;
        // The agreement's posting rule covers pensions: old-age stays with MM; employment injury follows the place of work.
        Assert.True(all.Single(d => d.Scheme == "mm.test.old-age").Periods.Own > 0);
        Assert.Equal(0, all.Single(d => d.Scheme == "th.test.old-age").Periods.Own);
        var th = all.Single(d => d.Scheme == "th.test.injury");
        Assert.Equal(Outcome.Pension, th.Outcome);
        Assert.Equal(10500m, th.Amount!.Value.Value);
    }

    [Fact]
    public void Evaluate_ConventionRatifiedOnAnUnknownDate_IsUnknownNotADenial()
    {
        var c19 = new Instrument("ilo.test", "Test convention", Layer.International, true, [], new DateOnly(1925, 6, 5), new DateOnly(1926, 9, 8), null,
            PersonalScope.NationalsOfParties,
            [new Ratification("TH", new DateOnly(1968, 4, 5), null, null, [], Src), new Ratification("MM", null, null, null, [], Src, "year only: 1927")],
            [new Provision([Branch.OldAge], Principle.Equality, Calculation.Direct, false, null, [], Src)], null, Src);
        var d = Single(Kb([OldAge(foreign: ForeignWorkerRule.Excluded)], [c19]), Case(Person(), "2025-06-01", Work("TH", "2010-01-01", "2024-12-31")), "th.test.old-age");
        Assert.Equal(Outcome.Unknown, d.Outcome);
        Assert.Contains(d.Explanation, s => s.Text.Contains("ratification date is not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_PartnerWithoutModelledScheme_CountsItsDocumentedPeriodsAndSaysSo()
    {
        // No MM scheme is known: the 120 documented months in MM are taken as MM's insurance periods under the agreement.
        var kb = Kb([OldAge()], [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Aggregation)]);
        var c = Case(Person(), "2025-06-01", Work("MM", "2005-01-01", "2014-12-31", 300000, "MMK"), Work("TH", "2020-01-01", "2024-12-31"));
        var d = Single(kb, c, "th.test.old-age");
        Assert.Equal(new PeriodCount(60, 180), d.Periods);
        Assert.Equal(1000m, d.Amount!.Value.Value);
        Assert.Contains(d.Explanation, s => s.Text.StartsWith("Strata does not model MM's old-age scheme", StringComparison.Ordinal));
    }
}
