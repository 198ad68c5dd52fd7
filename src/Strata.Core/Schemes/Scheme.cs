using Strata.Cases;
using Strata.Law;

namespace Strata.Schemes;

/// <summary>A state, with the currency its schemes pay in.</summary>
/// <param name="Id">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">English short name.</param>
/// <param name="Currency">ISO 4217 code.</param>
public sealed record Country(string Id, string Name, string Currency);

/// <summary>How a scheme treats workers who are not its state's nationals.</summary>
public enum ForeignWorkerRule
{
    /// <summary>Covered on the same terms as nationals.</summary>
    All,
    /// <summary>Covered only when their work is authorised.</summary>
    DocumentedOnly,
    /// <summary>Not covered.</summary>
    Excluded,
    /// <summary>Covered only when their state treats this state's nationals alike.</summary>
    Reciprocity,
    /// <summary>The rule could not be established.</summary>
    Unknown,
}

/// <summary>Who a scheme insures during a validity interval.</summary>
public sealed class CoverageRule
{
    /// <summary>Creates a coverage rule.</summary>
    /// <param name="activities">Activities insured.</param>
    /// <param name="foreignWorkers">Treatment of non-nationals.</param>
    /// <param name="maxAge">Age from which no new coverage accrues, or null.</param>
    /// <param name="coveredNationalities">Under reciprocity: nationalities known to be covered.</param>
    /// <param name="excludedNationalities">Under reciprocity: nationalities known to be excluded.</param>
    /// <param name="excludedSectors">Sectors of work the scheme does not insure (e.g. domestic-work).</param>
    public CoverageRule(IEnumerable<Activity> activities, ForeignWorkerRule foreignWorkers, int? maxAge = null,
        IEnumerable<string>? coveredNationalities = null, IEnumerable<string>? excludedNationalities = null, IEnumerable<string>? excludedSectors = null)
    {
        ExcludedSectors = excludedSectors?.ToArray() ?? [];
        ArgumentNullException.ThrowIfNull(activities);
        Activities = activities.Distinct().Order().ToArray();
        ForeignWorkers = foreignWorkers;
        MaxAge = maxAge;
        CoveredNationalities = coveredNationalities?.ToArray() ?? [];
        ExcludedNationalities = excludedNationalities?.ToArray() ?? [];
    }

    /// <summary>Under <see cref="ForeignWorkerRule.Reciprocity"/>: nationalities the state is known to cover (their state treats its nationals alike).</summary>
    public IReadOnlyList<string> CoveredNationalities { get; }

    /// <summary>Sectors of work the scheme does not insure (e.g. <c>domestic-work</c>).</summary>
    public IReadOnlyList<string> ExcludedSectors { get; }

    /// <summary>Under <see cref="ForeignWorkerRule.Reciprocity"/>: nationalities the state is known to exclude.</summary>
    public IReadOnlyList<string> ExcludedNationalities { get; }

    /// <summary>Activities insured.</summary>
    public IReadOnlyList<Activity> Activities { get; }

    /// <summary>Treatment of non-nationals.</summary>
    public ForeignWorkerRule ForeignWorkers { get; }

    /// <summary>Age from which no new coverage accrues.</summary>
    public int? MaxAge { get; }
}

/// <summary>A minimum of contribution months within a window before the contingency.</summary>
/// <param name="Months">Months required.</param>
/// <param name="Within">Length of the window in months, ending with the month of the contingency.</param>
public readonly record struct RecentContributions(int Months, int Within);

/// <summary>The conditions a scheme sets for its benefit.</summary>
public sealed class QualifyingConditions
{
    /// <summary>No conditions.</summary>
    public static QualifyingConditions None { get; } = new(null, null, null, null);

    /// <summary>Creates conditions.</summary>
    /// <param name="minMonths">Contribution months required.</param>
    /// <param name="minAge">Age required at the contingency.</param>
    /// <param name="recent">Months required in a window before the contingency.</param>
    /// <param name="coveredAtContingency">Whether the person must be insured on the day of the contingency (employment injury).</param>
    /// <param name="minAgeFemale">Age required of women where it differs, or null.</param>
    public QualifyingConditions(FactSeries<int>? minMonths, FactSeries<int>? minAge, FactSeries<RecentContributions>? recent,
        FactSeries<bool>? coveredAtContingency, FactSeries<int>? minAgeFemale = null)
    {
        MinAgeFemale = minAgeFemale ?? FactSeries<int>.Empty;
        MinMonths = minMonths ?? FactSeries<int>.Empty;
        MinAge = minAge ?? FactSeries<int>.Empty;
        Recent = recent ?? FactSeries<RecentContributions>.Empty;
        CoveredAtContingency = coveredAtContingency ?? FactSeries<bool>.Empty;
    }

    /// <summary>Contribution months required.</summary>
    public FactSeries<int> MinMonths { get; }

    /// <summary>Age required at the contingency.</summary>
    public FactSeries<int> MinAge { get; }

    /// <summary>Age required of women, where the law sets a different one; empty when the same.</summary>
    public FactSeries<int> MinAgeFemale { get; }

    /// <summary>Months required in a window before the contingency.</summary>
    public FactSeries<RecentContributions> Recent { get; }

    /// <summary>Whether insurance on the day of the contingency is required.</summary>
    public FactSeries<bool> CoveredAtContingency { get; }
}

/// <summary>Who may claim a refund.</summary>
public enum RefundEligibility
{
    /// <summary>Only persons who are not nationals of the scheme's state.</summary>
    NonNationals,
    /// <summary>Anyone meeting the conditions.</summary>
    Everyone,
}

/// <summary>A scheme of one state for one branch, with its dated facts.</summary>
/// <remarks>
/// Domestic law decides coverage, qualifying conditions, amounts, payment abroad and refunds; instruments
/// modify these only where they apply (see <see cref="Instruments.Instrument"/>).
/// </remarks>
public sealed class Scheme
{
    /// <summary>Creates a scheme.</summary>
    /// <param name="id">Identifier, e.g. <c>th.sso.old-age</c>.</param>
    /// <param name="country">ISO code of the state.</param>
    /// <param name="branch">Branch.</param>
    /// <param name="name">Name of the benefit.</param>
    /// <param name="institution">Institution that administers it.</param>
    /// <param name="currency">Currency of its amounts.</param>
    /// <param name="coverage">Who is insured, by date.</param>
    /// <param name="qualifying">Conditions for the benefit.</param>
    /// <param name="benefit">The benefit when the conditions are met.</param>
    /// <param name="otherwise">What is paid when they are not, or null.</param>
    /// <param name="paidAbroad">Whether the domestic law pays to a person living abroad, by date.</param>
    /// <param name="refund">Refund for departing foreigners, or null.</param>
    /// <param name="counts">Unit in which the scheme counts periods.</param>
    public Scheme(string id, string country, Branch branch, string name, string institution, string currency,
        FactSeries<CoverageRule> coverage, QualifyingConditions qualifying, BenefitRule benefit, BenefitRule? otherwise,
        FactSeries<bool> paidAbroad, RefundRule? refund, PeriodUnit counts = PeriodUnit.Months)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(qualifying);
        ArgumentNullException.ThrowIfNull(benefit);
        ArgumentNullException.ThrowIfNull(paidAbroad);
        Id = id;
        Country = country;
        Branch = branch;
        Name = name;
        Institution = institution;
        Currency = currency;
        Coverage = coverage;
        Qualifying = qualifying;
        Benefit = benefit;
        Otherwise = otherwise;
        PaidAbroad = paidAbroad;
        Refund = refund;
        Counts = counts;
    }

    /// <summary>Identifier, e.g. <c>th.sso.old-age</c>.</summary>
    public string Id { get; }

    /// <summary>ISO code of the state.</summary>
    public string Country { get; }

    /// <summary>Branch.</summary>
    public Branch Branch { get; }

    /// <summary>Name of the benefit.</summary>
    public string Name { get; }

    /// <summary>Institution.</summary>
    public string Institution { get; }

    /// <summary>Currency of amounts.</summary>
    public string Currency { get; }

    /// <summary>Who is insured, by date.</summary>
    public FactSeries<CoverageRule> Coverage { get; }

    /// <summary>Conditions for the benefit.</summary>
    public QualifyingConditions Qualifying { get; }

    /// <summary>The benefit when the conditions are met.</summary>
    public BenefitRule Benefit { get; }

    /// <summary>What is paid when they are not (e.g. an old-age grant), or null.</summary>
    public BenefitRule? Otherwise { get; }

    /// <summary>Whether domestic law pays to a person living abroad.</summary>
    public FactSeries<bool> PaidAbroad { get; }

    /// <summary>Refund or withdrawal for departing foreigners, or null.</summary>
    public RefundRule? Refund { get; }

    /// <summary>Unit in which the scheme counts periods.</summary>
    /// <value>Months unless the knowledge says otherwise.</value>
    public PeriodUnit Counts { get; }
}

/// <summary>Units in which schemes count insurance periods.</summary>
public enum PeriodUnit
{
    /// <summary>Days.</summary>
    Days,
    /// <summary>Weeks.</summary>
    Weeks,
    /// <summary>Months.</summary>
    Months,
    /// <summary>Quarters.</summary>
    Quarters,
    /// <summary>Years.</summary>
    Years,
}
