using Strata.Law;
using Strata.Periods;
using Strata.Schemes;

namespace Strata.Formulas;

/// <summary>What a formula family needs to compute an amount.</summary>
public sealed class FormulaContext
{
    internal FormulaContext(BenefitRule rule, DateOnly lawDate, MonthRun[] runs, int months, bool explain, string currency)
    {
        Rule = rule;
        LawDate = lawDate;
        _runs = runs;
        Months = months;
        Explain = explain;
        Currency = currency;
    }

    /// <summary>The benefit rule with its parameters.</summary>
    public BenefitRule Rule { get; }

    /// <summary>The day whose law sets the parameters (wage ceilings are taken month by month).</summary>
    public DateOnly LawDate { get; }

    private readonly MonthRun[] _runs;

    /// <summary>The insured months with their wages, disjoint and in order.</summary>
    public IReadOnlyList<MonthRun> Runs => _runs;

    internal ReadOnlySpan<MonthRun> RunSpan => _runs;

    /// <summary>The months the amount is computed on: own months, or all months for a theoretical amount.</summary>
    public int Months { get; }

    /// <summary>Whether to record steps.</summary>
    public bool Explain { get; }

    /// <summary>The scheme's currency.</summary>
    public string Currency { get; }

    /// <summary>Reads a parameter in force at the law date.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="fact">The fact, known or unknown.</param>
    /// <returns>Whether the parameter is stated for that date.</returns>
    public bool TryGet(string name, out Fact<ParameterValue> fact) => TryGetAt(name, LawDate, out fact);

    /// <summary>Reads a parameter in force on a day.</summary>
    /// <param name="name">Parameter name.</param>
    /// <param name="day">Day.</param>
    /// <param name="fact">The fact.</param>
    /// <returns>Whether the parameter is stated for that day.</returns>
    public bool TryGetAt(string name, DateOnly day, out Fact<ParameterValue> fact)
    {
        fact = null!;
        if (!Rule.Parameters.TryGetValue(name, out var series))
        {
            return false;
        }

        var found = series.At(day);
        if (found is null)
        {
            return false;
        }

        fact = found;
        return true;
    }
}

/// <summary>The result of a formula: an amount, or why it cannot be computed.</summary>
public sealed class FormulaResult
{
    private FormulaResult(decimal? amount, string? missing, Source? missingSource, IReadOnlyList<Step> steps, bool partial = false)
    {
        Partial = partial;
        Amount = amount;
        Missing = missing;
        MissingSource = missingSource;
        Steps = steps;
    }

    /// <summary>The amount, rounded to the currency's minor unit (2 decimals).</summary>
    public decimal? Amount { get; }

    /// <summary>Whether part of the amount (interest or investment returns not declared or not known) is left out of it.</summary>
    public bool Partial { get; }

    /// <summary>What is missing when the amount cannot be computed.</summary>
    public string? Missing { get; }

    /// <summary>A source related to what is missing, where one exists.</summary>
    public Source? MissingSource { get; }

    /// <summary>Arithmetic steps, when explaining.</summary>
    public IReadOnlyList<Step> Steps { get; }

    /// <summary>A computed amount.</summary>
    /// <param name="amount">Amount.</param>
    /// <param name="steps">Steps.</param>
    /// <param name="partial">Whether part of the amount could not be included.</param>
    /// <returns>The result.</returns>
    public static FormulaResult Of(decimal amount, IReadOnlyList<Step> steps, bool partial = false) =>
        new(Math.Round(amount, 2, MidpointRounding.AwayFromZero), null, null, steps, partial);

    /// <summary>An amount that cannot be computed.</summary>
    /// <param name="missing">What is missing.</param>
    /// <param name="source">Related source.</param>
    /// <returns>The result.</returns>
    public static FormulaResult Unknown(string missing, Source? source = null) => new(null, missing, source, []);
}

/// <summary>One step of an explanation: a plain sentence and the source it rests on.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Source">The source, or null for a statement about the case itself.</param>
public sealed record Step(string Text, Source? Source);
