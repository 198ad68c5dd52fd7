using Strata.Periods;

namespace Strata.Tests.Periods;

public class MonthsTests
{
    [Fact]
    public void Normalize_TouchingPeriodsInOneMonth_CountThatMonthOnce()
    {
        // One job ends on 10 January, the next starts on 20 January: January counts once.
        var runs = Months.Normalize([new MonthRun(10, 12, 1), new MonthRun(12, 15, 2)]);
        Assert.Equal(6, Months.Count(runs));
    }

    [Theory]
    // Last day of a month and first day of the next: no shared month.
    [InlineData("2024-01-31", 2024 * 12)]
    [InlineData("2024-02-01", (2024 * 12) + 1)]
    public void Index_BoundaryDays(string day, int expected) =>
        Assert.Equal(expected, Months.Index(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void CountDistinct_OverlapsAcrossStates_CountOnce() =>
        Assert.Equal(15, Months.CountDistinct([new MonthRun(0, 9, null), new MonthRun(5, 14, null)]));
}
