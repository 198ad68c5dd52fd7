using Strata.Law;

namespace Strata.Schemes;

/// <summary>How a benefit is paid.</summary>
public enum BenefitKind
{
    /// <summary>A periodic payment, per month.</summary>
    Pension,
    /// <summary>A single payment.</summary>
    LumpSum,
}

/// <summary>A benefit: its kind, the formula family that computes it and the family's dated parameters.</summary>
/// <remarks>Formula families are data (see <see cref="Formulas.FormulaFamilies"/>); a rule no family fits is code registered by scheme id.</remarks>
public sealed class BenefitRule
{
    /// <summary>Creates a benefit rule.</summary>
    /// <param name="kind">Pension or lump sum.</param>
    /// <param name="family">Formula family name.</param>
    /// <param name="parameters">Parameters by name.</param>
    /// <param name="source">Where the rule is stated.</param>
    /// <param name="minMonths">For a fallback benefit: months required.</param>
    /// <param name="minAge">For a fallback benefit: age required, or empty to use the scheme's.</param>
    /// <param name="note">What the data does not capture, in plain words.</param>
    public BenefitRule(BenefitKind kind, string family, IReadOnlyDictionary<string, FactSeries<ParameterValue>> parameters,
        Source? source, FactSeries<int>? minMonths = null, FactSeries<int>? minAge = null, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentNullException.ThrowIfNull(parameters);
        Kind = kind;
        Family = family;
        Parameters = parameters;
        Source = source;
        MinMonths = minMonths ?? FactSeries<int>.Empty;
        MinAge = minAge ?? FactSeries<int>.Empty;
        Note = note;
    }

    /// <summary>Pension or lump sum.</summary>
    public BenefitKind Kind { get; }

    /// <summary>Formula family name, e.g. <c>percent-of-reference-wage</c>.</summary>
    public string Family { get; }

    /// <summary>Parameters by name.</summary>
    public IReadOnlyDictionary<string, FactSeries<ParameterValue>> Parameters { get; }

    /// <summary>Where the rule is stated.</summary>
    public Source? Source { get; }

    /// <summary>Months required (fallback benefits).</summary>
    public FactSeries<int> MinMonths { get; }

    /// <summary>Age required (fallback benefits); empty to use the scheme's.</summary>
    public FactSeries<int> MinAge { get; }

    /// <summary>What the data does not capture.</summary>
    public string? Note { get; }
}

/// <summary>A refund or withdrawal of contributions for persons leaving the state.</summary>
public sealed class RefundRule
{
    /// <summary>Creates a refund rule.</summary>
    /// <param name="benefit">The amount rule (kind lump sum).</param>
    /// <param name="who">Who may claim it.</param>
    /// <param name="requiresDeparture">Whether the person must have left the state.</param>
    /// <param name="extinguishesPeriods">Whether the refunded periods stop counting afterwards.</param>
    /// <param name="activities">Activities whose months the refund counts; empty for all insured months.</param>
    /// <param name="nationalities">Nationalities entitled to it (e.g. by reciprocity); empty when nationality does not matter.</param>
    /// <param name="alsoWhenQualified">Whether it may be claimed even when the periods already qualify for the pension.</param>
    public RefundRule(BenefitRule benefit, RefundEligibility who, bool requiresDeparture, FactSeries<bool> extinguishesPeriods,
        IEnumerable<Cases.Activity>? activities = null, IEnumerable<string>? nationalities = null, bool alsoWhenQualified = false)
    {
        Nationalities = nationalities?.ToArray() ?? [];
        AlsoWhenQualified = alsoWhenQualified;
        ArgumentNullException.ThrowIfNull(benefit);
        ArgumentNullException.ThrowIfNull(extinguishesPeriods);
        Benefit = benefit;
        Who = who;
        RequiresDeparture = requiresDeparture;
        ExtinguishesPeriods = extinguishesPeriods;
        Activities = activities?.Distinct().Order().ToArray() ?? [];
    }

    /// <summary>Nationalities entitled to the refund; empty when nationality does not matter.</summary>
    public IReadOnlyList<string> Nationalities { get; }

    /// <summary>Whether the refund may be claimed even when the periods already qualify for the pension.</summary>
    public bool AlsoWhenQualified { get; }

    /// <summary>Activities whose months the refund counts (e.g. only self-paid months); empty for all insured months.</summary>
    public IReadOnlyList<Cases.Activity> Activities { get; }

    /// <summary>The amount rule.</summary>
    public BenefitRule Benefit { get; }

    /// <summary>Who may claim it.</summary>
    public RefundEligibility Who { get; }

    /// <summary>Whether the person must have left the state.</summary>
    public bool RequiresDeparture { get; }

    /// <summary>Whether the refunded periods stop counting afterwards.</summary>
    public FactSeries<bool> ExtinguishesPeriods { get; }
}

/// <summary>A parameter value: a number, or a table of bands.</summary>
public sealed class ParameterValue
{
    private ParameterValue(decimal? number, string? text, IReadOnlyList<Band>? bands)
    {
        Number = number;
        Text = text;
        Bands = bands;
    }

    /// <summary>The number, for scalar parameters.</summary>
    public decimal? Number { get; }

    /// <summary>A word, for choice parameters (e.g. <c>average-wage</c>).</summary>
    public string? Text { get; }

    /// <summary>The rows, for table parameters.</summary>
    public IReadOnlyList<Band>? Bands { get; }

    /// <summary>Creates a number.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static ParameterValue Of(decimal value) => new(value, null, null);

    /// <summary>Creates a word.</summary>
    /// <param name="value">The word.</param>
    /// <returns>The value.</returns>
    public static ParameterValue Of(string value) => new(null, value, null);

    /// <summary>Creates a table.</summary>
    /// <param name="bands">The rows, ordered by <see cref="Band.From"/>.</param>
    /// <returns>The value.</returns>
    public static ParameterValue Of(IEnumerable<Band> bands) => new(null, null, bands.OrderBy(b => b.From).ToArray());
}

/// <summary>A row of a table parameter: from a threshold (months or years) on, a value applies.</summary>
/// <param name="From">Threshold, included.</param>
/// <param name="Value">Value (a multiplier, a multiple or an amount).</param>
public readonly record struct Band(decimal From, decimal Value);
