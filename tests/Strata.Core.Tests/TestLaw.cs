using Strata.Cases;
using Strata.Instruments;
using Strata.Law;
using Strata.Schemes;

namespace Strata.Tests;

/// <summary>Small, invented law for unit tests: the rules are stated here, so expected numbers are arithmetic on them.</summary>
internal static class TestLaw
{
    public static readonly Source Src = new("Test Act", "s.1", "https://example.org/test-act", new DateOnly(2026, 11, 29));

    public static FactSeries<T> Always<T>(T value) => FactSeries<T>.Of(value, Src);

    public static FactSeries<ParameterValue> P(decimal value) => Always(ParameterValue.Of(value));

    public static FactSeries<ParameterValue> P(string value) => Always(ParameterValue.Of(value));

    public static FactSeries<ParameterValue> Table(params (decimal From, decimal Value)[] rows) =>
        Always(ParameterValue.Of(rows.Select(r => new Band(r.From, r.Value))));

    public static BenefitRule Rule(string family, BenefitKind kind = BenefitKind.Pension, params (string Name, FactSeries<ParameterValue> Value)[] parameters) =>
        new(kind, family, parameters.ToDictionary(p => p.Name, p => p.Value), Src);

    /// <summary>An old-age pension: 180 months at 55, 20% of the last-60-month average + 1.5% a year beyond 180, ceiling 15,000.</summary>
    public static Scheme OldAge(string country = "TH", ForeignWorkerRule foreign = ForeignWorkerRule.DocumentedOnly, string currency = "THB",
        BenefitRule? otherwise = null, RefundRule? refund = null, bool? paidAbroad = false, int minMonths = 180, string? id = null, FactSeries<CoverageRule>? coverage = null) =>
        new(id ?? $"{country.ToLowerInvariant()}.test.old-age", country, Branch.OldAge, $"{country} old-age pension", $"{country} institution", currency,
            coverage ?? Always(new CoverageRule([Activity.Employed], foreign)),
            new QualifyingConditions(Always(minMonths), Always(55), null, null),
            Rule("percent-of-reference-wage", BenefitKind.Pension,
                ("referenceMonths", P(60)), ("basePercent", P(20)), ("wageCeiling", P(15000)), ("thresholdMonths", P(180)), ("accrualPercentPerYear", P(1.5m))),
            otherwise,
            paidAbroad is { } v ? Always(v) : new FactSeries<bool>([Fact<bool>.NotFound("not searched in tests", ValidityPeriod.Always, Src.Checked)]),
            refund);

    public static Instrument Agreement(string a, string b, DateOnly inForce, Principle grants, Calculation calculation = Calculation.ProRata,
        bool payHigher = true, int? postingMonths = null, int? minimumMonths = null) =>
        new($"agreement.{a.ToLowerInvariant()}-{b.ToLowerInvariant()}", $"{a}–{b} agreement", Layer.Bilateral, true, [a, b], inForce.AddYears(-1), inForce, null,
            PersonalScope.InsuredPersons, [],
            [new Provision([Branch.OldAge, Branch.Invalidity, Branch.Survivors], grants, calculation, payHigher, minimumMonths, [], Src)],
            postingMonths is { } m ? new ApplicableLegislationRule(m, 36, Src) : null, Src);

    public static KnowledgeBase Kb(IEnumerable<Scheme> schemes, IEnumerable<Instrument>? instruments = null) =>
        new(schemes.Select(s => s.Country).Distinct().Select(c => new Country(c, c, "XXX")), schemes, instruments ?? []);

    public static Person Person(string nationality = "MM", string residence = "MM", int bornYear = 1970) =>
        new(new DateOnly(bornYear, 1, 1), [nationality], residence);

    public static CareerPeriod Work(string country, string from, string to, decimal? wage = 15000, string currency = "THB",
        bool documented = true, Activity activity = Activity.Employed, string? postedFrom = null) =>
        new(country, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            activity, postedFrom, documented, wage, currency);

    public static Case Case(Person person, string claimDate, params CareerPeriod[] career) =>
        new(person, career, new Claim(DateOnly.Parse(claimDate, System.Globalization.CultureInfo.InvariantCulture), [Branch.OldAge]));
}
