using System.Globalization;
using Strata.Law;
using Strata.Periods;
using Strata.Schemes;

namespace Strata.Formulas;

/// <summary>A family of benefit formulas whose parameters are data.</summary>
public interface IBenefitFormula
{
    /// <summary>Family name used in the knowledge base.</summary>
    string Family { get; }

    /// <summary>Names of the parameters the family requires.</summary>
    IReadOnlyList<string> Required { get; }

    /// <summary>Names of the parameters the family may use.</summary>
    IReadOnlyList<string> Optional { get; }

    /// <summary>Computes an amount.</summary>
    /// <param name="context">Rule, law date and insured months.</param>
    /// <returns>The amount or what is missing.</returns>
    FormulaResult Compute(FormulaContext context);
}

/// <summary>The registry of formula families, and of code rules registered by scheme id.</summary>
/// <remarks>
/// The families cover the real schemes of the seed knowledge: a percentage of a reference wage with accrual
/// (Thailand SSO), flat amount plus percentage with floors (Philippines SSS), flat rate by months (Japan National
/// Pension), earnings-related accrual (Japan Employees' Pension), provident-fund balances (Malaysia EPF,
/// Singapore CPF), refund tables (Japan lump-sum withdrawal), contribution refunds (Thailand old-age grant) and
/// shares or multiples of the wage (employment injury).
/// </remarks>
public static class FormulaFamilies
{
    private static readonly Dictionary<string, IBenefitFormula> ByFamily = new IBenefitFormula[]
    {
        new PercentOfReferenceWage(), new FlatPlusPercent(), new FlatRateByMonths(), new EarningsAccrual(),
        new ProvidentFund(), new ContributionRefund(), new LumpSumTable(), new PercentOfWage(), new WageMultiple(), new ServiceGratuity(),
    }.ToDictionary(f => f.Family, StringComparer.Ordinal);

    /// <summary>The family recorded when no family fits and no code rule is registered: the amount is unknown.</summary>
    public const string UnknownFamily = "unknown";

    /// <summary>Family names, for validation messages.</summary>
    public static IReadOnlyCollection<string> Names { get; } = [.. ByFamily.Keys.Order(StringComparer.Ordinal), UnknownFamily];

    /// <summary>Finds a family.</summary>
    /// <param name="family">Name.</param>
    /// <param name="formula">The family, when known.</param>
    /// <returns>Whether the family exists.</returns>
    public static bool TryGet(string family, out IBenefitFormula formula) => ByFamily.TryGetValue(family, out formula!);
}

/// <summary>Shared arithmetic of the families: capped wages, averages and steps.</summary>
internal abstract class FormulaBase : IBenefitFormula
{
    public abstract string Family { get; }

    public abstract IReadOnlyList<string> Required { get; }

    public virtual IReadOnlyList<string> Optional => [];

    public abstract FormulaResult Compute(FormulaContext context);

    protected static string Money(decimal value, string currency) =>
        $"{value.ToString("#,##0.##", CultureInfo.InvariantCulture)} {currency}";

    protected static string Num(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Reads a required number; null with a missing-result when absent or unknown.</summary>
    protected static decimal? Number(FormulaContext c, string name, out FormulaResult? missing, List<Step>? steps = null, string? describe = null)
    {
        missing = null;
        if (!c.TryGet(name, out var fact))
        {
            missing = FormulaResult.Unknown($"parameter '{name}' is not stated for {c.LawDate:yyyy-MM-dd}");
            return null;
        }

        if (!fact.IsKnown || fact.Value?.Number is null)
        {
            missing = FormulaResult.Unknown($"'{name}' is unknown ({fact.Unknown ?? "not a number"})", fact.Source);
            return null;
        }

        if (steps is not null && describe is not null)
        {
            steps.Add(new Step(string.Format(CultureInfo.InvariantCulture, describe, Num(fact.Value.Number.Value)), fact.Source));
        }

        return fact.Value.Number;
    }

    /// <summary>Reads an optional number; null when absent.</summary>
    protected static decimal? OptionalNumber(FormulaContext c, string name, DateOnly? day = null)
    {
        return c.TryGetAt(name, day ?? c.LawDate, out var fact) && fact.IsKnown ? fact.Value?.Number : null;
    }

    /// <summary>Reads a table parameter.</summary>
    protected static IReadOnlyList<Band>? Table(FormulaContext c, string name, out FormulaResult? missing, out Source? source)
    {
        missing = null;
        source = null;
        if (!c.TryGet(name, out var fact) || !fact.IsKnown || fact.Value?.Bands is null)
        {
            missing = FormulaResult.Unknown($"table '{name}' is not stated for {c.LawDate:yyyy-MM-dd}", fact?.Source);
            return null;
        }

        source = fact.Source;
        return fact.Value.Bands;
    }

    /// <summary>The wage ceiling and floor of a rule, read once per computation rather than once per month.</summary>
    /// <remarks>
    /// A ceiling recorded as unknown for a month matters only for a wage that could exceed it: a wage above the lowest
    /// ceiling known for the scheme makes the amount unknown rather than silently uncapped.
    /// </remarks>
    protected sealed class Caps
    {
        private readonly FactSeries<ParameterValue>? _ceiling;
        private readonly FactSeries<ParameterValue>? _floor;
        private readonly decimal _lowestKnownCeiling = decimal.MaxValue;

        public Caps(FormulaContext c)
        {
            c.Rule.Parameters.TryGetValue("wageCeiling", out _ceiling);
            c.Rule.Parameters.TryGetValue("wageFloor", out _floor);
            if (_ceiling is not null)
            {
                var anyKnown = false;
                foreach (var f in _ceiling.Facts)
                {
                    if (f is { IsKnown: true, Value.Number: { } n })
                    {
                        anyKnown = true;
                        _lowestKnownCeiling = Math.Min(_lowestKnownCeiling, n);
                    }
                }

                if (!anyKnown)
                {
                    _lowestKnownCeiling = 0;
                }
            }
        }

        /// <summary>The first month whose ceiling is unknown while the wage could exceed it, or null.</summary>
        public DateOnly? UnknownCeilingFrom { get; private set; }

        /// <summary>The amount cannot be trusted without the missing ceiling.</summary>
        public FormulaResult? Missing => UnknownCeilingFrom is { } month
            ? FormulaResult.Unknown($"the wage ceiling for {month:yyyy-MM} is not known to Strata, and the wage may exceed it")
            : null;

        public decimal Apply(decimal wage, int month)
        {
            if (_ceiling is null && _floor is null)
            {
                return wage;
            }

            var day = Months.FirstDay(month);
            var fact = _ceiling?.At(day);
            if (fact is { IsKnown: true, Value.Number: { } ceiling } && wage > ceiling)
            {
                wage = ceiling;
            }
            else if (fact is { IsKnown: false } && wage > _lowestKnownCeiling)
            {
                UnknownCeilingFrom ??= day;
            }

            if (_floor?.At(day) is { IsKnown: true, Value.Number: { } floor } && wage < floor)
            {
                wage = floor;
            }

            return wage;
        }

        /// <summary>Whether the same limits apply in every month of a run, so one month stands for all.</summary>
        public bool ConstantOver(int first, int last) => Constant(_ceiling, first, last) && Constant(_floor, first, last);

        private static bool Constant(FactSeries<ParameterValue>? series, int first, int last)
        {
            if (series is null || series.Facts.Count == 0)
            {
                return true;
            }

            var a = series.At(Months.FirstDay(first));
            if (!ReferenceEquals(a, series.At(Months.FirstDay(last))))
            {
                return false;
            }

            if (a is not null)
            {
                return true;
            }

            // No fact at either end: constant only if none starts in between either.
            var from = Months.FirstDay(first);
            var to = Months.FirstDay(last);
            foreach (var f in series.Facts)
            {
                if (f.Validity.From is { } start && start > from && start <= to)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Sums capped wages over the last <paramref name="lastMonths"/> insured months (all when null).</summary>
    /// <returns>The sum and the number of months, or null when a wage in the window is not known.</returns>
    protected static (decimal Sum, int Count)? CappedWages(FormulaContext c, int? lastMonths) => CappedWages(c, lastMonths, out _);

    protected static (decimal Sum, int Count)? CappedWages(FormulaContext c, int? lastMonths, out FormulaResult? unknownCeiling)
    {
        var remaining = lastMonths ?? int.MaxValue;
        decimal sum = 0;
        var count = 0;
        var caps = new Caps(c);
        unknownCeiling = null;
        var runs = c.RunSpan;
        for (var i = runs.Length - 1; i >= 0 && remaining > 0; i--)
        {
            var run = runs[i];
            if (run.Wage is not { } wage)
            {
                return null;
            }

            var take = Math.Min(remaining, run.Length);
            var first = run.End - take + 1;
            if (caps.ConstantOver(first, run.End))
            {
                sum += caps.Apply(wage, run.End) * take;
            }
            else
            {
                for (var m = run.End; m >= first; m--)
                {
                    sum += caps.Apply(wage, m);
                }
            }

            count += take;
            remaining -= take;
        }

        unknownCeiling = caps.Missing;
        return unknownCeiling is null ? (sum, count) : null;
    }

    protected static FormulaResult NoWage(FormulaContext c)
    {
        // A wage window that failed because a ceiling is unknown says so rather than blaming the wage.
        CappedWages(c, null, out var unknownCeiling);
        return unknownCeiling ?? FormulaResult.Unknown($"a monthly wage in {c.Currency} for every insured month (wages in another currency are never converted silently)");
    }

    protected static List<Step>? Steps(FormulaContext c) => c.Explain ? [] : null;
}

/// <summary>A percentage of the average capped wage of the last months, with accrual per year beyond a threshold (Thailand SSO).</summary>
internal sealed class PercentOfReferenceWage : FormulaBase
{
    public override string Family => "percent-of-reference-wage";

    public override IReadOnlyList<string> Required => ["referenceMonths", "basePercent"];

    public override IReadOnlyList<string> Optional => ["wageCeiling", "wageFloor", "thresholdMonths", "accrualPercentPerYear"];

    public override FormulaResult Compute(FormulaContext c)
    {
        var steps = Steps(c);
        var reference = Number(c, "referenceMonths", out var missing);
        var basePercent = Number(c, "basePercent", out var missing2);
        if ((missing ?? missing2) is { } m)
        {
            return m;
        }

        if (CappedWages(c, (int)reference!.Value) is not { Count: > 0 } wages)
        {
            return NoWage(c);
        }

        var average = wages.Sum / wages.Count;
        var percent = basePercent!.Value;
        steps?.Add(new Step($"Reference wage: average of the capped wages of the last {wages.Count} insured months = {Money(average, c.Currency)}.", Src(c, "referenceMonths")));
        var threshold = OptionalNumber(c, "thresholdMonths");
        var accrual = OptionalNumber(c, "accrualPercentPerYear");
        if (threshold is { } t && accrual is { } a && c.Months > t)
        {
            var years = Math.Floor((c.Months - t) / 12m);
            percent += a * years;
            steps?.Add(new Step($"Rate: {Num(basePercent.Value)}% + {Num(a)}% × {Num(years)} full years beyond {Num(t)} months = {Num(percent)}%.", Src(c, "accrualPercentPerYear")));
        }
        else
        {
            steps?.Add(new Step($"Rate: {Num(percent)}%.", Src(c, "basePercent")));
        }

        var amount = average * percent / 100m;
        steps?.Add(new Step($"{Num(percent)}% × {Money(average, c.Currency)} = {Money(amount, c.Currency)} a month.", c.Rule.Source));
        return FormulaResult.Of(amount, steps ?? []);
    }

    private static Source? Src(FormulaContext c, string name) => c.TryGet(name, out var f) ? f.Source : c.Rule.Source;
}

/// <summary>The highest of a flat amount plus percentages, an alternative percentage and minimums by years (Philippines SSS).</summary>
internal sealed class FlatPlusPercent : FormulaBase
{
    public override string Family => "flat-plus-percent";

    public override IReadOnlyList<string> Required => ["referenceMonths", "flatAmount", "percent", "thresholdYears", "accrualPercentPerYear", "alternativePercent", "minimumAmount"];

    public override IReadOnlyList<string> Optional => ["wageCeiling", "wageFloor", "floors", "supplement"];

    public override FormulaResult Compute(FormulaContext c)
    {
        var steps = Steps(c);
        string[] names = ["referenceMonths", "flatAmount", "percent", "thresholdYears", "accrualPercentPerYear", "alternativePercent", "minimumAmount"];
        var values = new decimal[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (Number(c, names[i], out var missing) is not { } value)
            {
                return missing!;
            }

            values[i] = value;
        }

        var (reference, flat, percent, thresholdYears, accrual, alternative, minimum) =
            ((int)values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
        if (CappedWages(c, reference) is not { Count: > 0 } last || CappedWages(c, null) is not { Count: > 0 } all)
        {
            return NoWage(c);
        }

        var amsc = Math.Max(last.Sum / last.Count, all.Sum / all.Count);
        var years = Math.Floor(c.Months / 12m);
        steps?.Add(new Step($"Average monthly salary credit: the higher of the last {last.Count} months' average and the whole-career average = {Money(amsc, c.Currency)}; credited years of service: {Num(years)}.", c.Rule.Source));
        var a = flat + (amsc * percent / 100m) + (amsc * accrual / 100m * Math.Max(0, years - thresholdYears));
        var b = amsc * alternative / 100m;
        var floor = minimum;
        if (c.TryGet("floors", out var floors) && floors.IsKnown && floors.Value?.Bands is { } bands)
        {
            foreach (var band in bands)
            {
                if (years >= band.From)
                {
                    floor = Math.Max(floor, band.Value);
                }
            }
        }

        var amount = Math.Max(Math.Max(a, b), floor);
        steps?.Add(new Step($"Highest of {Money(flat, c.Currency)} + {Num(percent)}% × AMSC + {Num(accrual)}% × AMSC × {Num(Math.Max(0, years - thresholdYears))} = {Money(a, c.Currency)}; {Num(alternative)}% × AMSC = {Money(b, c.Currency)}; minimum {Money(floor, c.Currency)} → {Money(amount, c.Currency)}.", c.Rule.Source));
        if (OptionalNumber(c, "supplement") is { } supplement)
        {
            amount += supplement;
            c.TryGet("supplement", out var s);
            steps?.Add(new Step($"Plus the additional benefit of {Money(supplement, c.Currency)} = {Money(amount, c.Currency)} a month.", s.Source));
        }

        return FormulaResult.Of(amount, steps ?? []);
    }
}

/// <summary>A full yearly amount scaled by months over a full career (Japan National Pension).</summary>
internal sealed class FlatRateByMonths : FormulaBase
{
    public override string Family => "flat-rate-by-months";

    public override IReadOnlyList<string> Required => ["fullAmountPerYear", "fullMonths"];

    public override FormulaResult Compute(FormulaContext c)
    {
        var steps = Steps(c);
        var full = Number(c, "fullAmountPerYear", out var m1, steps, "Full yearly amount: {0} " + c.Currency + ".");
        var fullMonths = Number(c, "fullMonths", out var m2);
        if ((m1 ?? m2) is { } missing)
        {
            return missing;
        }

        var months = Math.Min(c.Months, fullMonths!.Value);
        var amount = full!.Value * months / fullMonths.Value / 12m;
        steps?.Add(new Step($"{Money(full.Value, c.Currency)} × {Num(months)} / {Num(fullMonths.Value)} months ÷ 12 = {Money(amount, c.Currency)} a month.", c.Rule.Source));
        return FormulaResult.Of(amount, steps ?? []);
    }
}

/// <summary>Average capped wage × accrual per mille × months, per year (Japan Employees' Pension).</summary>
internal sealed class EarningsAccrual : FormulaBase
{
    public override string Family => "earnings-accrual";

    public override IReadOnlyList<string> Required => ["accrualPerMille"];

    public override IReadOnlyList<string> Optional => ["wageCeiling", "wageFloor"];

    public override FormulaResult Compute(FormulaContext c)
    {
        var steps = Steps(c);
        var rate = Number(c, "accrualPerMille", out var missing);
        if (missing is not null)
        {
            return missing;
        }

        if (CappedWages(c, null) is not { Count: > 0 } wages)
        {
            return NoWage(c);
        }

        var average = wages.Sum / wages.Count;
        var yearly = average * rate!.Value / 1000m * c.Months;
        var amount = yearly / 12m;
        steps?.Add(new Step($"{Money(average, c.Currency)} average capped wage × {Num(rate.Value)}/1000 × {c.Months} months = {Money(yearly, c.Currency)} a year, {Money(amount, c.Currency)} a month.", c.Rule.Source));
        return FormulaResult.Of(amount, steps ?? []);
    }
}

/// <summary>Contributions credited monthly with interest: the balance of a provident fund (Malaysia EPF, Singapore CPF).</summary>
internal sealed class ProvidentFund : FormulaBase
{
    public override string Family => "provident-fund";

    public override IReadOnlyList<string> Required => ["contributionPercent"];

    public override IReadOnlyList<string> Optional => ["wageCeiling", "wageFloor", "annualInterestPercent"];

    public override FormulaResult Compute(FormulaContext c) => Balance(c, "Balance");

    internal static FormulaResult Balance(FormulaContext c, string label)
    {
        var steps = c.Explain ? new List<Step>() : null;
        decimal balance = 0;
        decimal contributed = 0;
        DateOnly? firstMissingInterest = null;
        var caps = new Caps(c);
        c.Rule.Parameters.TryGetValue("contributionPercent", out var rates);
        c.Rule.Parameters.TryGetValue("annualInterestPercent", out var interestSeries);

        // Rates change a few times in a career: divide once per fact, not once per month.
        Fact<ParameterValue>? rateFact = null, interestFact = null;
        decimal rateFactor = 0, growth = 1;
        foreach (var run in c.RunSpan)
        {
            if (run.Wage is not { } wage)
            {
                return NoWage(c);
            }

            for (var m = run.Start; m <= run.End; m++)
            {
                var day = Months.FirstDay(m);
                if (rateFact is null || !rateFact.Validity.Contains(day))
                {
                    rateFact = rates?.At(day);
                    if (rateFact is not { IsKnown: true, Value.Number: { } percent })
                    {
                        return FormulaResult.Unknown($"contribution rate for {day:yyyy-MM}", rateFact?.Source);
                    }

                    rateFactor = percent / 100m;
                }

                if (interestSeries is not null && (interestFact is null || !interestFact.Validity.Contains(day)))
                {
                    interestFact = interestSeries.At(day);
                    if (interestFact is { IsKnown: true, Value.Number: { } annual })
                    {
                        growth = 1 + (annual / 1200m);
                    }
                    else
                    {
                        // A rate not yet declared (or not found) is not guessed: the balance leaves it out and says so.
                        growth = 1;
                        firstMissingInterest ??= day;
                    }
                }

                // Without interest, months at the same rate and cap add up in one step (long careers cost one
                // multiplication, not one per month).
                var contribution = caps.Apply(wage, m) * rateFactor;
                var chunkEnd = m;
                if (growth == 1)
                {
                    chunkEnd = run.End;
                    if (rateFact.Validity.To is { } rateTo)
                    {
                        chunkEnd = Math.Min(chunkEnd, Months.Index(rateTo));
                    }

                    if (interestSeries is not null)
                    {
                        chunkEnd = interestFact?.Validity.To is { } interestTo ? Math.Min(chunkEnd, Months.Index(interestTo))
                            : interestFact is null ? m : chunkEnd;
                    }

                    if (chunkEnd > m && !caps.ConstantOver(m, chunkEnd))
                    {
                        chunkEnd = m;
                    }
                }

                var months = chunkEnd - m + 1;
                balance = (balance * growth) + (contribution * months);
                contributed += contribution * months;
                m = chunkEnd;
            }
        }

        if (caps.Missing is { } unknownCeiling)
        {
            return unknownCeiling;
        }

        steps?.Add(new Step($"{label}: contributions of {Money(contributed, c.Currency)} on {c.Months} insured months" +
            (balance != contributed ? $", {Money(balance - contributed, c.Currency)} of interest credited monthly" : "") +
            $" = {Money(balance, c.Currency)}.", c.Rule.Source));
        if (firstMissingInterest is { } missingFrom)
        {
            steps?.Add(new Step($"Interest or returns are not included from {missingFrom:yyyy-MM}: the rate for that period is not declared or not known to Strata, so that part is left out of the amount.", c.Rule.Source));
        }

        return FormulaResult.Of(balance, steps ?? [], partial: firstMissingInterest is not null);
    }
}

/// <summary>The contributions paid on insured months, returned (Thailand old-age grant).</summary>
internal sealed class ContributionRefund : FormulaBase
{
    public override string Family => "contribution-refund";

    public override IReadOnlyList<string> Required => ["contributionPercent"];

    public override IReadOnlyList<string> Optional => ["wageCeiling", "wageFloor", "annualInterestPercent"];

    public override FormulaResult Compute(FormulaContext c) => ProvidentFund.Balance(c, "Refund");
}

/// <summary>A base times a rate times a multiplier read from a table of months (Japan lump-sum withdrawal payment).</summary>
internal sealed class LumpSumTable : FormulaBase
{
    public override string Family => "lump-sum-table";

    public override IReadOnlyList<string> Required => ["base", "bands"];

    public override IReadOnlyList<string> Optional => ["baseAmount", "ratePercent", "factor", "capMonths", "wageCeiling", "wageFloor"];

    public override FormulaResult Compute(FormulaContext c)
    {
        var steps = Steps(c);
        if (!c.TryGet("base", out var baseFact) || !baseFact.IsKnown || baseFact.Value?.Text is not { } baseKind)
        {
            return FormulaResult.Unknown("parameter 'base' (average-wage or fixed-amount)", baseFact?.Source);
        }

        decimal baseValue;
        if (baseKind == "fixed-amount")
        {
            var fixedAmount = Number(c, "baseAmount", out var missing, steps, "Base amount: {0} " + c.Currency + ".");
            if (missing is not null)
            {
                return missing;
            }

            baseValue = fixedAmount!.Value;
        }
        else if (CappedWages(c, null) is { Count: > 0 } wages)
        {
            baseValue = wages.Sum / wages.Count;
            steps?.Add(new Step($"Base: average capped wage over {wages.Count} insured months = {Money(baseValue, c.Currency)}.", baseFact.Source));
        }
        else
        {
            return NoWage(c);
        }

        var bands = Table(c, "bands", out var missingTable, out var tableSource);
        if (missingTable is not null)
        {
            return missingTable;
        }

        var months = (decimal)c.Months;
        if (OptionalNumber(c, "capMonths") is { } cap && months > cap)
        {
            c.TryGet("capMonths", out var capFact);
            steps?.Add(new Step($"Months counted are capped at {Num(cap)}.", capFact.Source));
            months = cap;
        }

        decimal? multiplier = null;
        foreach (var band in bands!)
        {
            if (months >= band.From)
            {
                multiplier = band.Value;
            }
        }

        if (multiplier is null)
        {
            return FormulaResult.Unknown($"no row of the table applies to {Num(months)} months", tableSource);
        }

        var rate = OptionalNumber(c, "ratePercent") ?? 100m;
        var factor = OptionalNumber(c, "factor") ?? 1m;
        var amount = baseValue * rate / 100m * factor * multiplier.Value;
        steps?.Add(new Step($"{Money(baseValue, c.Currency)} × {Num(rate)}% × {Num(factor)} × {Num(multiplier.Value)} (table row for {Num(months)} months) = {Money(amount, c.Currency)}.", tableSource ?? c.Rule.Source));
        return FormulaResult.Of(amount, steps ?? []);
    }
}

/// <summary>A percentage of the last monthly wage (employment injury).</summary>
internal sealed class PercentOfWage : FormulaBase
{
    public override string Family => "percent-of-wage";

    public override IReadOnlyList<string> Required => ["percent"];

    public override IReadOnlyList<string> Optional => ["wageCeiling", "wageFloor"];

    public override FormulaResult Compute(FormulaContext c)
    {
        var steps = Steps(c);
        var percent = Number(c, "percent", out var missing);
        if (missing is not null)
        {
            return missing;
        }

        if (CappedWages(c, 1) is not { Count: > 0 } wages)
        {
            return NoWage(c);
        }

        var amount = wages.Sum * percent!.Value / 100m;
        steps?.Add(new Step($"{Num(percent.Value)}% of the last monthly wage {Money(wages.Sum, c.Currency)} (after any ceiling) = {Money(amount, c.Currency)}.", c.Rule.Source));
        return FormulaResult.Of(amount, steps ?? []);
    }
}

/// <summary>A multiple of the average wage, read from a table of months (e.g. survivors' grants).</summary>
internal sealed class WageMultiple : FormulaBase
{
    public override string Family => "wage-multiple";

    public override IReadOnlyList<string> Required => ["bands", "referenceMonths"];

    public override IReadOnlyList<string> Optional => ["wageCeiling", "wageFloor"];

    public override FormulaResult Compute(FormulaContext c)
    {
        var steps = Steps(c);
        var reference = Number(c, "referenceMonths", out var missing);
        if (missing is not null)
        {
            return missing;
        }

        var bands = Table(c, "bands", out var missingTable, out var tableSource);
        if (missingTable is not null)
        {
            return missingTable;
        }

        decimal? multiple = null;
        foreach (var band in bands!)
        {
            if (c.Months >= band.From)
            {
                multiple = band.Value;
            }
        }

        if (multiple is null)
        {
            return FormulaResult.Unknown($"no row of the table applies to {c.Months} months", tableSource);
        }

        if (CappedWages(c, (int)reference!.Value) is not { Count: > 0 } wages)
        {
            return NoWage(c);
        }

        var average = wages.Sum / wages.Count;
        var amount = average * multiple.Value;
        steps?.Add(new Step($"{Num(multiple.Value)} × average capped wage of the last {wages.Count} months {Money(average, c.Currency)} = {Money(amount, c.Currency)}.", tableSource ?? c.Rule.Source));
        return FormulaResult.Of(amount, steps ?? []);
    }
}

/// <summary>
/// An end-of-service gratuity: months of the last wage per year of service, by bands of years, pro rata for part
/// years and capped (UAE Decree-Law 33/2021 art. 51, Saudi Labour Law art. 84, Kuwait Law 6/2010 art. 51).
/// </summary>
internal sealed class ServiceGratuity : FormulaBase
{
    public override string Family => "service-gratuity";

    public override IReadOnlyList<string> Required => ["bands"];

    public override IReadOnlyList<string> Optional => ["capMonths", "wageCeiling", "wageFloor"];

    public override FormulaResult Compute(FormulaContext c)
    {
        var steps = Steps(c);
        var bands = Table(c, "bands", out var missing, out var source);
        if (missing is not null)
        {
            return missing;
        }

        if (CappedWages(c, 1) is not { Count: > 0 } last)
        {
            return NoWage(c);
        }

        var wage = last.Sum;
        var years = c.Months / 12m;
        decimal months = 0;
        for (var i = 0; i < bands!.Count; i++)
        {
            var from = bands[i].From;
            var to = i + 1 < bands.Count ? bands[i + 1].From : decimal.MaxValue;
            if (years > from)
            {
                var inBand = Math.Min(years, to) - from;
                months += inBand * bands[i].Value;
                steps?.Add(new Step($"{Num(inBand)} years of service from year {Num(from)}: {Num(bands[i].Value)} month(s) of wage per year = {Num(inBand * bands[i].Value)} months.", source));
            }
        }

        if (OptionalNumber(c, "capMonths") is { } cap && months > cap)
        {
            c.TryGet("capMonths", out var capFact);
            steps?.Add(new Step($"Capped at {Num(cap)} months of wage.", capFact.Source));
            months = cap;
        }

        var amount = wage * months;
        steps?.Add(new Step($"{Num(Math.Round(months, 4))} months × last wage {Money(wage, c.Currency)} = {Money(amount, c.Currency)}.", c.Rule.Source));
        return FormulaResult.Of(amount, steps ?? []);
    }
}
