namespace Strata.Periods;

/// <summary>A run of consecutive calendar months insured under one scheme, at one monthly wage.</summary>
/// <param name="Start">First month (see <see cref="Months.Index(DateOnly)"/>), included.</param>
/// <param name="End">Last month, included.</param>
/// <param name="Wage">Monthly wage in the scheme's currency, or null when not stated or in another currency.</param>
public readonly record struct MonthRun(int Start, int End, decimal? Wage)
{
    /// <summary>Number of months in the run.</summary>
    public int Length => End - Start + 1;
}

/// <summary>Calendar-month arithmetic on month indexes (year × 12 + month − 1).</summary>
/// <remarks>
/// A calendar month counts as insured when any day of it is insured: contributions are due per month of
/// employment in the schemes Strata models, and a month worked in two periods still counts once.
/// </remarks>
public static class Months
{
    /// <summary>The month index of a day.</summary>
    /// <param name="day">Day.</param>
    /// <returns>year × 12 + month − 1.</returns>
    public static int Index(DateOnly day) => (day.Year * 12) + day.Month - 1;

    /// <summary>The first day of a month index.</summary>
    /// <param name="index">Month index.</param>
    /// <returns>The first day of that month.</returns>
    public static DateOnly FirstDay(int index) => new(Math.DivRem(index, 12, out var m), m + 1, 1);

    /// <summary>Sorts runs and removes months already counted, so that each month counts once.</summary>
    /// <param name="runs">Runs, in any order.</param>
    /// <returns>Disjoint runs in month order; where two runs share a month, the earlier run keeps it.</returns>
    public static MonthRun[] Normalize(IEnumerable<MonthRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sorted = runs.ToArray();
        if (sorted.Length == 0)
        {
            return sorted;
        }

        Array.Sort(sorted, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var count = 0;
        var last = int.MinValue;
        for (var i = 0; i < sorted.Length; i++)
        {
            var run = sorted[i];
            var start = count == 0 ? run.Start : Math.Max(run.Start, last + 1);
            if (start > run.End)
            {
                continue;
            }

            sorted[count++] = run with { Start = start };
            last = run.End;
        }

        return count == sorted.Length ? sorted : sorted[..count];
    }

    /// <summary>Counts distinct months in runs that may overlap (periods of several states counted once).</summary>
    /// <param name="runs">Runs, in any order.</param>
    /// <returns>The number of distinct months.</returns>
    public static int CountDistinct(IEnumerable<MonthRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var sorted = runs.ToArray();
        Array.Sort(sorted, static (a, b) => a.Start.CompareTo(b.Start));
        var count = 0;
        var last = int.MinValue;
        foreach (var run in sorted)
        {
            var start = last == int.MinValue ? run.Start : Math.Max(run.Start, last + 1);
            if (start <= run.End)
            {
                count = checked(count + run.End - start + 1);
                last = run.End;
            }
        }

        return count;
    }

    /// <summary>Counts months of disjoint runs.</summary>
    /// <param name="runs">Disjoint runs.</param>
    /// <returns>Total months.</returns>
    public static int Count(ReadOnlySpan<MonthRun> runs)
    {
        var count = 0;
        foreach (var run in runs)
        {
            count = checked(count + run.Length);
        }

        return count;
    }

    /// <summary>Counts months of disjoint runs within a window of months.</summary>
    /// <param name="runs">Disjoint runs.</param>
    /// <param name="first">First month of the window.</param>
    /// <param name="last">Last month of the window.</param>
    /// <returns>Months inside the window.</returns>
    public static int CountWithin(ReadOnlySpan<MonthRun> runs, int first, int last)
    {
        var count = 0;
        foreach (var run in runs)
        {
            var s = Math.Max(run.Start, first);
            var e = Math.Min(run.End, last);
            if (s <= e)
            {
                count += e - s + 1;
            }
        }

        return count;
    }

    /// <summary>Own months weighted by how many states insure each: a month insured in k states counts 1/k.</summary>
    /// <param name="own">Disjoint runs of one state.</param>
    /// <param name="others">Runs of each other state whose periods are aggregated.</param>
    /// <returns>The weighted count, at most the number of own months.</returns>
    public static decimal SharedCount(ReadOnlySpan<MonthRun> own, IReadOnlyList<MonthRun[]> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        decimal count = 0;
        foreach (var run in own)
        {
            for (var m = run.Start; m <= run.End; m++)
            {
                var states = 1;
                foreach (var state in others)
                {
                    foreach (var r in state)
                    {
                        if (r.Start <= m && m <= r.End)
                        {
                            states++;
                            break;
                        }
                    }
                }

                count += 1m / states;
            }
        }

        return count;
    }
}
