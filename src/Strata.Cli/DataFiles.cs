using Strata.Knowledge.Data;

namespace Strata.Cli;

/// <summary>The open data shipped beside the binary (copied from data/ at build time, each folder with its SOURCE.md).</summary>
internal static class DataFiles
{
    private static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public static MigrantStock Stock() => MigrantStock.Load(Folder("undesa-ims-2019-bilateral"));

    public static IllustrativeWages Wages() => IllustrativeWages.Load(Folder("wb-wdi"));

    public static ExchangeRates Rates() => ExchangeRates.Load(Folder("wb-wdi"), Folder("fred-exchange-rates"));

    public static string CareerAssumptions => Path.Combine(Folder("population"), "career-assumptions.yaml");
}
