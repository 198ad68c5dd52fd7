using Strata.Evaluation;
using Strata.Formulas;
using Strata.Periods;
using Strata.Schemes;
using static Strata.Tests.TestLaw;

namespace Strata.Tests.Formulas;

public class FormulaFamiliesTests
{
    private static readonly DateOnly LawDate = new(2025, 6, 1);

    private static FormulaResult Compute(BenefitRule rule, int months, params MonthRun[] runs)
    {
        Assert.True(FormulaFamilies.TryGet(rule.Family, out var formula));
        return formula.Compute(new FormulaContext(rule, LawDate, runs, months, explain: true, "XXX"));
    }

    private static MonthRun Run(int year, int month, int count, decimal? wage)
    {
        var start = (year * 12) + month - 1;
        return new MonthRun(start, start + count - 1, wage);
    }

    [Theory]
    // 180 months: base rate only, 20% of 15,000.
    [InlineData(180, 15000, 3000)]
    // 192 months: one full year beyond 180 adds 1.5 points: 21.5% of 15,000.
    [InlineData(192, 15000, 3225)]
    // 203 months: still one full year (23 months beyond) — partial years do not accrue.
    [InlineData(203, 15000, 3225)]
    // Wage above the 15,000 ceiling is capped before averaging.
    [InlineData(180, 40000, 3000)]
    // Low wage: 20% of 9,000.
    [InlineData(180, 9000, 1800)]
    public void PercentOfReferenceWage_ThaiStyle_ComputesRateTimesCappedAverage(int months, decimal wage, decimal expected)
    {
        var rule = Rule("percent-of-reference-wage", BenefitKind.Pension,
            ("referenceMonths", P(60)), ("basePercent", P(20)), ("wageCeiling", P(15000)), ("thresholdMonths", P(180)), ("accrualPercentPerYear", P(1.5m)));
        var result = Compute(rule, months, Run(2010, 1, months, wage));
        Assert.Equal(expected, result.Amount);
        Assert.NotEmpty(result.Steps);
    }

    [Fact]
    public void PercentOfReferenceWage_AveragesOnlyTheLastMonths()
    {
        var rule = Rule("percent-of-reference-wage", BenefitKind.Pension, ("referenceMonths", P(60)), ("basePercent", P(20)));
        // 120 months at 10,000 then 60 months at 20,000: the last 60 months average 20,000.
        var result = Compute(rule, 180, Run(2000, 1, 120, 10000), Run(2010, 1, 60, 20000));
        Assert.Equal(4000m, result.Amount);
    }

    [Fact]
    public void PercentOfReferenceWage_WageInAnotherCurrency_IsUnknownNotGuessed()
    {
        var rule = Rule("percent-of-reference-wage", BenefitKind.Pension, ("referenceMonths", P(60)), ("basePercent", P(20)));
        var result = Compute(rule, 60, Run(2010, 1, 60, null));
        Assert.Null(result.Amount);
        Assert.Contains("never converted silently", result.Missing, StringComparison.Ordinal);
    }

    [Theory]
    // AMSC 20,000, 10 years: max(300 + 4,000 + 0, 8,000, 1,200) + 1,000 supplement = 9,000.
    [InlineData(120, 20000, 9000)]
    // AMSC 20,000, 25 years: 300 + 4,000 + 2% × 20,000 × 15 = 10,300 > 8,000; + 1,000 = 11,300.
    [InlineData(300, 20000, 11300)]
    // AMSC 2,000, 20 years: max(300 + 400 + 400, 800, floor 2,400) + 1,000 = 3,400.
    [InlineData(240, 2000, 3400)]
    public void FlatPlusPercent_PhilippineStyle_PaysHighestPlusSupplement(int months, decimal wage, decimal expected)
    {
        var rule = Rule("flat-plus-percent", BenefitKind.Pension,
            ("referenceMonths", P(60)), ("flatAmount", P(300)), ("percent", P(20)), ("thresholdYears", P(10)), ("accrualPercentPerYear", P(2)),
            ("alternativePercent", P(40)), ("minimumAmount", P(1000)), ("floors", Table((10, 1200), (20, 2400))), ("supplement", P(1000)));
        Assert.Equal(expected, Compute(rule, months, Run(2000, 1, months, wage)).Amount);
    }

    [Theory]
    // 480 months: the full 831,700 a year, 69,308.33 a month.
    [InlineData(480, 69308.33)]
    // 120 months: a quarter, 207,925 a year.
    [InlineData(120, 17327.08)]
    // More than 480 months never pays more than the full amount.
    [InlineData(500, 69308.33)]
    public void FlatRateByMonths_JapaneseBasicPension_ScalesByMonths(int months, decimal expected)
    {
        var rule = Rule("flat-rate-by-months", BenefitKind.Pension, ("fullAmountPerYear", P(831700)), ("fullMonths", P(480)));
        Assert.Equal(expected, Compute(rule, months, Run(2000, 1, months, null)).Amount);
    }

    [Fact]
    public void EarningsAccrual_JapaneseEmployeesPension_IsAverageTimesRateTimesMonths()
    {
        // 300,000 × 5.481/1000 × 120 = 197,316 a year = 16,443 a month.
        var rule = Rule("earnings-accrual", BenefitKind.Pension, ("accrualPerMille", P(5.481m)));
        Assert.Equal(16443m, Compute(rule, 120, Run(2010, 1, 120, 300000)).Amount);
    }

    [Fact]
    public void ProvidentFund_NoInterest_IsSumOfContributions()
    {
        // 9 months × 2,000 × 4% = 720.
        var rule = Rule("provident-fund", BenefitKind.LumpSum, ("contributionPercent", P(4)));
        Assert.Equal(720m, Compute(rule, 9, Run(2025, 10, 9, 2000)).Amount);
    }

    [Fact]
    public void ProvidentFund_WithInterest_CompoundsMonthly()
    {
        // Two contributions of 100 at 12% a year: 100 × 1.01 + 100 = 201.
        var rule = Rule("provident-fund", BenefitKind.LumpSum, ("contributionPercent", P(10)), ("annualInterestPercent", P(12)));
        Assert.Equal(201m, Compute(rule, 2, Run(2025, 1, 2, 1000)).Amount);
    }

    [Theory]
    // 30 months falls in the 30-month row: 300,000 × 18.3% × 0.5 × 30 = 823,500.
    [InlineData(30, 823500)]
    // 70 months are capped at 60: 300,000 × 18.3% × 0.5 × 60 = 1,647,000.
    [InlineData(70, 1647000)]
    public void LumpSumTable_JapaneseWithdrawal_UsesBandAndCap(int months, decimal expected)
    {
        var bands = Table(Enumerable.Range(1, 10).Select(i => ((decimal)(i * 6), (decimal)(i * 6))).ToArray());
        var rule = Rule("lump-sum-table", BenefitKind.LumpSum, ("base", P("average-wage")), ("ratePercent", P(18.3m)), ("factor", P(0.5m)),
            ("bands", bands), ("capMonths", P(60)));
        Assert.Equal(expected, Compute(rule, months, Run(2020, 1, months, 300000)).Amount);
    }

    [Fact]
    public void LumpSumTable_BelowFirstRow_IsUnknownRatherThanZero()
    {
        var rule = Rule("lump-sum-table", BenefitKind.LumpSum, ("base", P("average-wage")), ("bands", Table((6, 6))));
        Assert.Null(Compute(rule, 3, Run(2020, 1, 3, 300000)).Amount);
    }

    [Fact]
    public void PercentOfWage_UsesLastCappedWage()
    {
        // 70% of min(25,000, 20,000) = 14,000.
        var rule = Rule("percent-of-wage", BenefitKind.Pension, ("percent", P(70)), ("wageCeiling", P(20000)));
        Assert.Equal(14000m, Compute(rule, 12, Run(2024, 1, 12, 25000)).Amount);
    }

    [Theory]
    // 36 months: 2 × 10,000.
    [InlineData(36, 20000)]
    // 120 months: 6 × 10,000.
    [InlineData(120, 60000)]
    public void WageMultiple_PicksTheRowForTheMonths(int months, decimal expected)
    {
        var rule = Rule("wage-multiple", BenefitKind.LumpSum, ("referenceMonths", P(6)), ("bands", Table((0, 0), (36, 2), (120, 6))));
        Assert.Equal(expected, Compute(rule, months, Run(2010, 1, months, 10000)).Amount);
    }

    [Theory]
    // UAE art. 51: 21 days (0.7 month) a year for 5 years, 30 days after; 8 years at 3,000 = (3.5 + 3) × 3,000 = 19,500.
    [InlineData(96, 19500)]
    // 18 months: 1.5 years × 0.7 = 1.05 months = 3,150.
    [InlineData(18, 3150)]
    // 40 years would give 38.5 months; capped at 24 months = 72,000.
    [InlineData(480, 72000)]
    public void ServiceGratuity_UaeStyle_AccruesByBandsProRataAndCapped(int months, decimal expected)
    {
        var rule = Rule("service-gratuity", BenefitKind.LumpSum, ("bands", Table((0, 0.7m), (5, 1))), ("capMonths", P(24)));
        Assert.Equal(expected, Compute(rule, months, Run(2000, 1, months, 3000)).Amount);
    }

    [Fact]
    public void PercentOfWage_UnknownCeilingAboveKnownOnes_MakesTheAmountUnknown()
    {
        var ceiling = new Strata.Law.FactSeries<ParameterValue>([
            Strata.Law.Fact<ParameterValue>.Known(ParameterValue.Of(43900m), new Strata.Law.ValidityPeriod(null, new DateOnly(2014, 12, 31)), Src),
            Strata.Law.Fact<ParameterValue>.NotFound("ceiling 2015-2018 not found", new Strata.Law.ValidityPeriod(new DateOnly(2015, 1, 1), null), Src.Checked)]);
        var rule = Rule("percent-of-wage", BenefitKind.Pension, ("percent", P(70)), ("wageCeiling", ceiling));
        var result = Compute(rule, 12, Run(2016, 1, 12, 60000));
        Assert.Null(result.Amount);
        Assert.Contains("wage ceiling for 2016-12 is not known", result.Missing, StringComparison.Ordinal);
        // A wage below every known ceiling is not affected.
        Assert.Equal(14000m, Compute(rule, 12, Run(2016, 1, 12, 20000)).Amount);
    }

    [Fact]
    public void Amount_IsRoundedToTwoDecimals()
    {
        var rule = Rule("flat-rate-by-months", BenefitKind.Pension, ("fullAmountPerYear", P(1000)), ("fullMonths", P(7)));
        var amount = Compute(rule, 1, Run(2000, 1, 1, null)).Amount!.Value;
        Assert.Equal(Math.Round(amount, 2), amount);
        Assert.Equal(11.90m, amount);
    }

    [Fact]
    public void Outcome_Names_MatchTheContract()
    {
        Assert.Equal("lump-sum", Outcome.LumpSum.ToName());
        Assert.Equal("not-covered", Outcome.NotCovered.ToName());
    }
}
