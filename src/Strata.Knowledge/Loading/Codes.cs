using System.Reflection;

namespace Strata.Knowledge.Loading;

/// <summary>ISO 3166-1 alpha-2 and ISO 4217 code lists, embedded (see Reference/SOURCE.md).</summary>
public static class Codes
{
    private static readonly Dictionary<string, (string Currency, string Name)> CountryTable = Read("iso3166-1.tsv")
        .Select(l => l.Split('\t'))
        .ToDictionary(p => p[0], p => (p[1], p[2]), StringComparer.Ordinal);

    private static readonly HashSet<string> CurrencyTable = [.. Read("iso4217.txt")];

    /// <summary>Whether a code is an ISO 3166-1 alpha-2 country code.</summary>
    /// <param name="code">Code.</param>
    /// <returns>True when known.</returns>
    public static bool IsCountry(string? code) => code is not null && CountryTable.ContainsKey(code);

    /// <summary>Whether a code is an active ISO 4217 currency code.</summary>
    /// <param name="code">Code.</param>
    /// <returns>True when known.</returns>
    public static bool IsCurrency(string? code) => code is not null && CurrencyTable.Contains(code);

    /// <summary>The main currency of a country, or null.</summary>
    /// <param name="country">ISO code.</param>
    /// <returns>ISO 4217 code.</returns>
    public static string? CurrencyOf(string country) =>
        CountryTable.TryGetValue(country, out var e) && e.Currency.Length > 0 ? e.Currency : null;

    /// <summary>Every ISO 3166-1 alpha-2 country code with its English name, in code order (for pickers).</summary>
    public static IReadOnlyList<(string Code, string Name)> Countries { get; } =
        CountryTable.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value.Name)).ToArray();

    /// <summary>The English name of a country, or the code.</summary>
    /// <param name="country">ISO code.</param>
    /// <returns>Name.</returns>
    public static string NameOf(string country) => CountryTable.TryGetValue(country, out var e) ? e.Name : country;

    private static IEnumerable<string> Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
