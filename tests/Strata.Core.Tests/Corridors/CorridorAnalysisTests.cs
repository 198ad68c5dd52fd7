using Strata.Corridors;
using Strata.Instruments;
using Strata.Law;
using Strata.Schemes;
using static Strata.Tests.TestLaw;

namespace Strata.Tests.Corridors;

public class CorridorAnalysisTests
{
    private static readonly DateOnly Date = new(2026, 11, 29);
    private static readonly CareerProfile Documented = CareerProfile.BuiltIn.Single(p => p.Id == "documented-5y-return");
    private static readonly CareerProfile Undocumented = CareerProfile.BuiltIn.Single(p => p.Id == "undocumented-5y-return");

    private static BranchFinding OldAge(KnowledgeBase kb, CareerProfile profile, string origin = "MM", string destination = "TH") =>
        CorridorAnalysis.Analyse(kb, origin, destination, Date, profile, _ => null).Branches.Single(f => f.Branch == Branch.OldAge);

    [Fact]
    public void Analyse_InsuredWithoutAgreement_IsRegimeII()
    {
        var f = OldAge(Kb([Strata.Tests.TestLaw.OldAge(paidAbroad: true), Strata.Tests.TestLaw.OldAge("MM", currency: "MMK")]), Documented);
        Assert.Equal(Verdict.Yes, f.Covered.Verdict);
        Assert.Equal(Verdict.No, f.Aggregation.Verdict);
        Assert.Equal(Regime.II, f.Regime);
        Assert.Contains(f.Gaps, g => g.StartsWith("aggregation of periods with the origin", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyse_AgreementWithAggregation_IsRegimeIAndNamesTheInstrument()
    {
        var kb = Kb([Strata.Tests.TestLaw.OldAge(), Strata.Tests.TestLaw.OldAge("MM", currency: "MMK")],
            [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Aggregation | Principle.Export)]);
        var f = OldAge(kb, Documented);
        Assert.Equal(Regime.I, f.Regime);
        Assert.Equal(["agreement.th-mm"], f.Aggregation.Instruments);
        Assert.Equal(Layer.Bilateral, f.Aggregation.Layer);
    }

    [Fact]
    public void Analyse_UndocumentedNotInsured_IsRegimeIV_DocumentedExcluded_IsRegimeIII()
    {
        var kb = Kb([Strata.Tests.TestLaw.OldAge(), Strata.Tests.TestLaw.OldAge("MM", currency: "MMK")]);
        Assert.Equal(Regime.IV, OldAge(kb, Undocumented).Regime);
        var excluded = Kb([Strata.Tests.TestLaw.OldAge(foreign: ForeignWorkerRule.Excluded), Strata.Tests.TestLaw.OldAge("MM", currency: "MMK")]);
        var f = OldAge(excluded, Documented);
        Assert.Equal(Regime.III, f.Regime);
        // A national with the same career is insured: the benchmark shows the unequal treatment.
        Assert.Equal(Verdict.No, f.EqualTreatment.Verdict);
    }

    [Fact]
    public void Analyse_AgreementInForceButOriginCoverageUnknown_IsRegimeIWithAggregationUnknown()
    {
        // Who the origin's scheme insures is not found: its periods cannot be counted, but the agreement is still the
        // law between the two states, so the corridor must not read "no instrument in force".
        var unknownCoverage = new FactSeries<CoverageRule>([Fact<CoverageRule>.NotFound("not found in tests", ValidityPeriod.Always, Src.Checked)]);
        var kb = Kb([Strata.Tests.TestLaw.OldAge(), Strata.Tests.TestLaw.OldAge("MM", currency: "MMK", coverage: unknownCoverage)],
            [Agreement("TH", "MM", new DateOnly(2000, 1, 1), Principle.Aggregation)]);
        var f = OldAge(kb, Documented);
        Assert.Equal(Verdict.Unknown, f.Aggregation.Verdict);
        Assert.Equal(["agreement.th-mm"], f.Aggregation.Instruments);
        Assert.Contains("periods were not added", f.Aggregation.Text, StringComparison.Ordinal);
        Assert.Equal(Regime.I, f.Regime);
    }

    [Fact]
    public void Analyse_AgreementNotYetInForce_IsNamedAsTheGapCloser()
    {
        var kb = Kb([Strata.Tests.TestLaw.OldAge(), Strata.Tests.TestLaw.OldAge("MM", currency: "MMK")],
            [Agreement("TH", "MM", new DateOnly(2030, 1, 1), Principle.Aggregation)]);
        Assert.Contains(OldAge(kb, Documented).Gaps, g => g.Contains("agreement.th-mm would provide it from 2030-01-01", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyse_UnknownDestinationLaw_IsUnknownNotAGap()
    {
        var kb = Kb([Strata.Tests.TestLaw.OldAge("MM", currency: "MMK")]);
        var f = OldAge(kb, Documented, destination: "LA");
        Assert.Equal(Regime.Unknown, f.Regime);
        Assert.Empty(f.Gaps);
    }

    [Fact]
    public void ToCase_Profile_RunsInWholeMonthsToTheMonthBeforeTheAnalysisDate()
    {
        var c = Documented.ToCase("MM", "TH", Date, _ => (15000m, "THB"), oldAge: true);
        Assert.Equal(new DateOnly(2026, 10, 31), c.Career[^1].To);
        Assert.Equal(new DateOnly(2011, 11, 1), c.Career[0].From);
        Assert.Equal(65, c.Person.AgeOn(c.Claim.Date));
        Assert.Equal("MM", c.Person.Residence);
    }
}
