using Strata.Formulas;
using Strata.Law;

namespace Strata.Evaluation;

/// <summary>What the person gets from one scheme.</summary>
public enum Outcome
{
    /// <summary>A periodic benefit.</summary>
    Pension,
    /// <summary>A single payment by right (e.g. an old-age grant).</summary>
    LumpSum,
    /// <summary>A refund of contributions on leaving the state.</summary>
    Refund,
    /// <summary>Insured, but the conditions are not met.</summary>
    NotEntitled,
    /// <summary>Not insured by the scheme.</summary>
    NotCovered,
    /// <summary>The law needed to decide is not known to Strata; the explanation says what is missing.</summary>
    Unknown,
}

/// <summary>Contract names of <see cref="Outcome"/>.</summary>
public static class OutcomeNames
{
    /// <summary>Gets the contract name.</summary>
    /// <param name="outcome">Outcome.</param>
    /// <returns>pension, lump-sum, refund, not-entitled, not-covered or unknown.</returns>
    public static string ToName(this Outcome outcome) => outcome switch
    {
        Outcome.Pension => "pension",
        Outcome.LumpSum => "lump-sum",
        Outcome.Refund => "refund",
        Outcome.NotEntitled => "not-entitled",
        Outcome.NotCovered => "not-covered",
        _ => "unknown",
    };
}

/// <summary>An amount of money, per month or once.</summary>
/// <param name="Value">Amount, rounded to 2 decimals.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="PerMonth">True for a monthly amount, false for a single payment.</param>
/// <param name="Partial">True when part of the amount (interest or returns not declared or not known) is left out of it.</param>
public readonly record struct Amount(decimal Value, string Currency, bool PerMonth, bool Partial = false);

/// <summary>Months counted: the scheme's own, and in all with periods aggregated under an instrument.</summary>
/// <param name="Own">Months insured under the scheme.</param>
/// <param name="Aggregated">Months counted after aggregation (equal to <paramref name="Own"/> when none applies).</param>
public readonly record struct PeriodCount(int Own, int Aggregated);

/// <summary>Two applicable rules that disagree, and how Strata resolved it.</summary>
/// <param name="Text">What disagrees and what Strata applied.</param>
/// <param name="Sources">The rules.</param>
public sealed record Conflict(string Text, IReadOnlyList<Source> Sources);

/// <summary>An alternative the person may choose instead of the outcome.</summary>
/// <param name="Label">What the choice is, in plain words (a short key on the fast path).</param>
/// <param name="Outcome">What it gives.</param>
/// <param name="Amount">How much, or null.</param>
/// <param name="Exportable">Whether it is paid where the person lives.</param>
/// <param name="Cost">What choosing it costs.</param>
/// <param name="Explanation">Steps.</param>
public sealed record ChoiceOption(string Label, Outcome Outcome, Amount? Amount, bool? Exportable, string? Cost, IReadOnlyList<Step> Explanation);

/// <summary>The determination for one scheme (or one country and branch when none is modelled).</summary>
public sealed class Determination
{
    internal Determination(string country, Branch branch, string? scheme, Outcome outcome, Amount? amount, bool? exportable,
        Layer decidedBy, IReadOnlyList<string> instruments, PeriodCount periods, IReadOnlyList<ChoiceOption> options,
        string? toQualify, IReadOnlyList<Step> explanation, IReadOnlyList<Conflict> conflicts,
        string? coveredThrough = null, string? aggregatedUnder = null, string? exportedThrough = null, IReadOnlyList<string>? assumptions = null)
    {
        Assumptions = assumptions ?? [];
        CoveredThrough = coveredThrough;
        AggregatedUnder = aggregatedUnder;
        ExportedThrough = exportedThrough;
        Country = country;
        Branch = branch;
        Scheme = scheme;
        Outcome = outcome;
        Amount = amount;
        Exportable = exportable;
        DecidedBy = decidedBy;
        Instruments = instruments;
        Periods = periods;
        Options = options;
        ToQualify = toQualify;
        Explanation = explanation;
        Conflicts = conflicts;
    }

    /// <summary>ISO code of the state.</summary>
    public string Country { get; }

    /// <summary>Branch.</summary>
    public Branch Branch { get; }

    /// <summary>Scheme id, or null when no scheme is modelled.</summary>
    public string? Scheme { get; }

    /// <summary>Outcome.</summary>
    public Outcome Outcome { get; }

    /// <summary>Amount, or null.</summary>
    public Amount? Amount { get; }

    /// <summary>Whether it is paid while the person lives in their country of residence; null when unknown or nothing is due.</summary>
    public bool? Exportable { get; }

    /// <summary>The layer whose rule decided the outcome.</summary>
    public Layer DecidedBy { get; }

    /// <summary>Ids of the instruments applied.</summary>
    public IReadOnlyList<string> Instruments { get; }

    /// <summary>Months counted.</summary>
    public PeriodCount Periods { get; }

    /// <summary>Alternatives the person may choose instead.</summary>
    public IReadOnlyList<ChoiceOption> Options { get; }

    /// <summary>What would change a denial, or null. Text is explanation: the fast path leaves it null except for fixed hints.</summary>
    public string? ToQualify { get; }

    /// <summary>Ordered steps, each citing its source (empty on the fast path).</summary>
    public IReadOnlyList<Step> Explanation { get; }

    /// <summary>Rules that disagreed.</summary>
    public IReadOnlyList<Conflict> Conflicts { get; }

    /// <summary>
    /// Facts of the case Strata had to assume to answer, each in plain words (e.g. periods in a state whose scheme is not
    /// modelled counted as insured). An answer with assumptions should be checked against the institutions' records.
    /// </summary>
    public IReadOnlyList<string> Assumptions { get; }

    /// <summary>The instrument whose equality of treatment made the person insured, or null when domestic law alone does.</summary>
    public string? CoveredThrough { get; }

    /// <summary>The instrument under which periods of another state were counted (needed or not), or null.</summary>
    public string? AggregatedUnder { get; }

    /// <summary>The instrument that requires payment where the person lives, or null when domestic law decides.</summary>
    public string? ExportedThrough { get; }
}

/// <summary>The answer for a whole case.</summary>
/// <param name="ClaimDate">Claim date.</param>
/// <param name="LawAsOf">Date whose law decided entitlement and payment.</param>
/// <param name="Determinations">One per country, branch and scheme.</param>
public sealed record Assessment(DateOnly ClaimDate, DateOnly LawAsOf, IReadOnlyList<Determination> Determinations)
{
    /// <summary>
    /// Whether another assessment of the same case reached the same results: outcome, amount, payment abroad, months,
    /// deciding layer, scheme and the outcomes and amounts of the options. Explanations and wording are not compared, so
    /// that the fast path can be checked against the explain path.
    /// </summary>
    /// <param name="other">The other assessment.</param>
    /// <returns>True when every determination agrees, in order.</returns>
    public bool AgreesWith(Assessment other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Determinations.Count != other.Determinations.Count)
        {
            return false;
        }

        for (var i = 0; i < Determinations.Count; i++)
        {
            Determination a = Determinations[i], b = other.Determinations[i];
            if (a.Country != b.Country || a.Branch != b.Branch || a.Outcome != b.Outcome || a.Amount != b.Amount || a.Exportable != b.Exportable
                || a.Periods != b.Periods || a.DecidedBy != b.DecidedBy || a.Scheme != b.Scheme || a.Options.Count != b.Options.Count)
            {
                return false;
            }

            for (var j = 0; j < a.Options.Count; j++)
            {
                if (a.Options[j].Outcome != b.Options[j].Outcome || a.Options[j].Amount != b.Options[j].Amount)
                {
                    return false;
                }
            }
        }

        return true;
    }
}

/// <summary>Options of an evaluation.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The default: law at the claim date, with explanations.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>The fast path: no explanations and no "what would change this" text; outcomes, amounts, periods and options are identical.</summary>
    public static EvaluationOptions Fast { get; } = new() { Explain = false };

    /// <summary>Evaluate under the law in force on this day instead of the contingency and claim dates.</summary>
    /// <value>Null: entitlement under the law at the contingency, payment under the law at the claim date.</value>
    public DateOnly? LawAsOf { get; init; }

    /// <summary>Whether to build explanations.</summary>
    /// <value>True.</value>
    public bool Explain { get; init; } = true;
}
