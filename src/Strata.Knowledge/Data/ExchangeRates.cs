using System.Globalization;
using Strata.Knowledge.Loading;

namespace Strata.Knowledge.Data;

/// <summary>
/// Units of each currency per US dollar, latest year available: World Bank WDI official rates (PA.NUS.FCRF, period
/// average), and the US Federal Reserve's H.10 annual rate for the Taiwan dollar, which the WDI does not cover.
/// </summary>
public sealed class ExchangeRates
{
    private ExchangeRates(IReadOnlyDictionary<string, (decimal Rate, int Year)> rates) => Rates = rates;

    /// <summary>Rate (units per US$) and its year, by ISO 4217 code.</summary>
    public IReadOnlyDictionary<string, (decimal Rate, int Year)> Rates { get; }

    /// <summary>Units per US$ by currency, for <see cref="Simulation.SimulationSettings.UnitsPerUsd"/>.</summary>
    public IReadOnlyDictionary<string, decimal> UnitsPerUsd => Rates.ToDictionary(r => r.Key, r => r.Value.Rate, StringComparer.Ordinal);

    /// <summary>Reads the WDI folder and the FRED folder.</summary>
    /// <param name="wdiDirectory">Folder with pa.nus.fcrf.csv and iso3-to-iso2.tsv.</param>
    /// <param name="fredDirectory">Folder with annual.csv.</param>
    /// <returns>The rates.</returns>
    public static ExchangeRates Load(string wdiDirectory, string fredDirectory)
    {
        var iso2 = File.ReadLines(Path.Combine(wdiDirectory, "iso3-to-iso2.tsv")).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var rates = new Dictionary<string, (decimal, int)>(StringComparer.Ordinal);
        foreach (var (code, years) in IllustrativeWages.Read(Path.Combine(wdiDirectory, "pa.nus.fcrf.csv")).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (iso2.TryGetValue(code, out var a2) && Codes.CurrencyOf(a2) is { } currency && years.Count > 0 && !rates.ContainsKey(currency))
            {
                var year = years.Keys.Max();
                rates[currency] = (years[year], year);
            }
        }

        foreach (var line in File.ReadLines(Path.Combine(fredDirectory, "annual.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length == 3 && f[1] == "Taiwan" && decimal.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                && int.TryParse(f[0].AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                && (!rates.TryGetValue("TWD", out var known) || known.Item2 < year))
            {
                rates["TWD"] = (rate, year);
            }
        }

        rates["USD"] = (1m, 0);
        return new ExchangeRates(rates);
    }
}
