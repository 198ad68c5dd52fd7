using System.Globalization;
using Strata.Knowledge.Loading;

namespace Strata.Knowledge.Data;

/// <summary>
/// An illustrative monthly wage per country, in its currency: GNI per capita (World Bank, Atlas method, current US$) of
/// the latest year that also has an official exchange rate, converted and divided by 12.
/// </summary>
/// <remarks>
/// A stated assumption for corridor reports, not a wage statistic (migrant workers often earn less than the average).
/// Source: World Bank, World Development Indicators, NY.GNP.PCAP.CD and PA.NUS.FCRF, CC BY 4.0.
/// </remarks>
public sealed class IllustrativeWages
{
    private readonly Dictionary<string, (decimal Wage, string Currency, int Year, decimal Rate)> _wages;

    private IllustrativeWages(Dictionary<string, (decimal, string, int, decimal)> wages) => _wages = wages;

    /// <summary>The wage of a country, or null when the World Bank has no figure (e.g. Taiwan).</summary>
    /// <param name="country">ISO alpha-2 code.</param>
    /// <returns>Monthly wage and ISO 4217 currency.</returns>
    public (decimal Wage, string Currency)? Of(string country) => _wages.TryGetValue(country, out var w) ? (w.Wage, w.Currency) : null;

    /// <summary>The year and the exchange rate (local currency per US$) behind a country's wage.</summary>
    /// <param name="country">ISO alpha-2 code.</param>
    /// <returns>Year and rate, or null.</returns>
    public (int Year, decimal Rate)? Basis(string country) => _wages.TryGetValue(country, out var w) ? (w.Year, w.Rate) : null;

    /// <summary>Reads the two indicator files and the code mapping in a folder.</summary>
    /// <param name="directory">Folder with ny.gnp.pcap.cd.csv, pa.nus.fcrf.csv and iso3-to-iso2.tsv.</param>
    /// <returns>The wages.</returns>
    public static IllustrativeWages Load(string directory)
    {
        var iso2 = File.ReadLines(Path.Combine(directory, "iso3-to-iso2.tsv")).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var gni = Read(Path.Combine(directory, "ny.gnp.pcap.cd.csv"));
        var rate = Read(Path.Combine(directory, "pa.nus.fcrf.csv"));
        var wages = new Dictionary<string, (decimal, string, int, decimal)>(StringComparer.Ordinal);
        foreach (var (code, years) in gni)
        {
            if (!iso2.TryGetValue(code, out var a2) || !rate.TryGetValue(code, out var rates) || Codes.CurrencyOf(a2) is not { } currency)
            {
                continue;
            }

            var year = years.Keys.Where(rates.ContainsKey).DefaultIfEmpty(0).Max();
            if (year > 0)
            {
                wages[a2] = (Math.Round(years[year] * rates[year] / 12m, 0), currency, year, rates[year]);
            }
        }

        return new IllustrativeWages(wages);
    }

    internal static Dictionary<string, Dictionary<int, decimal>> Read(string path)
    {
        var result = new Dictionary<string, Dictionary<int, decimal>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = MigrantStock.Split(line);
            if (f.Count >= 4 && int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year)
                && decimal.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                if (!result.TryGetValue(f[1], out var byYear))
                {
                    result[f[1]] = byYear = [];
                }

                byYear[year] = value;
            }
        }

        return result;
    }
}
