using Strata.Knowledge.Data;

namespace Strata.Knowledge.Tests.Data;

public class MigrantStockTests
{
    private static readonly Lazy<MigrantStock> Stock = new(() => MigrantStock.Load(Path.Combine(Repository.Root, "data", "undesa-ims-2019-bilateral")));

    [Fact]
    public void Load_EveryUnNameIsMapped() => Assert.Empty(Stock.Value.Unmapped);

    [Theory]
    // Values read from the 2019 row of the UN matrix (UN_MigrantStockByOriginAndDestination_2019_clean.csv).
    [InlineData("MM", "TH", 1_858_735)]
    [InlineData("ID", "MY", 1_225_156)]
    [InlineData("PH", "JP", 255_530)]
    public void Of_KnownCorridor_IsTheUnFigure(string origin, string destination, long expected) =>
        Assert.Equal(expected, Stock.Value.Of(origin, destination));

    [Fact]
    public void Load_RegionalAggregatesAreDropped()
    {
        // "South America" is a destination row in the UN file; no ISO code may stand for it.
        Assert.Equal(0, Stock.Value.Of("BR", "-"));
        Assert.True(Stock.Value.Pairs > 5_000);
    }

    [Fact]
    public void Split_QuotedCommas_StayInOneField() =>
        Assert.Equal(["2019", "Bonaire, Sint Eustatius and Saba", "3"], MigrantStock.Split("2019,\"Bonaire, Sint Eustatius and Saba\",3"));
}
