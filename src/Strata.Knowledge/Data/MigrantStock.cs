using System.Globalization;

namespace Strata.Knowledge.Data;

/// <summary>
/// UN DESA International Migrant Stock 2019: persons born in an origin and living in a destination, by ISO code.
/// </summary>
/// <remarks>
/// Reads the 2019 rows of the UN matrix and maps UN names to ISO codes with <c>un-names-to-iso.tsv</c>; regional
/// aggregates are dropped. Source: United Nations, DESA, Population Division (2019), International Migrant Stock 2019
/// (POP/DB/MIG/Stock/Rev.2019), CC BY 3.0 IGO.
/// </remarks>
public sealed class MigrantStock
{
    private readonly Dictionary<(string Origin, string Destination), long> _stock;

    private MigrantStock(Dictionary<(string, string), long> stock, IReadOnlyList<string> unmapped)
    {
        _stock = stock;
        Unmapped = unmapped;
    }

    /// <summary>UN names found in the file with no mapping (should be empty; a test checks it).</summary>
    public IReadOnlyList<string> Unmapped { get; }

    /// <summary>Number of (origin, destination) pairs with a stock.</summary>
    public int Pairs => _stock.Count;

    /// <summary>Migrants born in an origin living in a destination in 2019.</summary>
    /// <param name="origin">ISO code.</param>
    /// <param name="destination">ISO code.</param>
    /// <returns>Persons; 0 when the UN matrix has none.</returns>
    public long Of(string origin, string destination) => _stock.TryGetValue((origin, destination), out var n) ? n : 0;

    /// <summary>Reads the folder holding the CSV and the name mapping.</summary>
    /// <param name="directory">Folder with <c>UN_MigrantStockByOriginAndDestination_2019_clean.csv</c> and <c>un-names-to-iso.tsv</c>.</param>
    /// <returns>The stock.</returns>
    public static MigrantStock Load(string directory)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "un-names-to-iso.tsv")))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            names[parts[0]] = parts[1];
        }

        var unmapped = new SortedSet<string>(StringComparer.Ordinal);
        var stock = new Dictionary<(string, string), long>();
        using var reader = new StreamReader(Path.Combine(directory, "UN_MigrantStockByOriginAndDestination_2019_clean.csv"));
        var header = Split(reader.ReadLine() ?? "");
        foreach (var origin in header.Skip(2).Where(n => !names.ContainsKey(n)))
        {
            unmapped.Add(origin);
        }

        while (reader.ReadLine() is { } line)
        {
            var fields = Split(line);
            if (fields.Count < 3 || fields[0] != "2019")
            {
                continue;
            }

            if (!names.TryGetValue(fields[1], out var destination))
            {
                unmapped.Add(fields[1]);
                continue;
            }

            if (destination == "-")
            {
                continue;
            }

            for (var i = 2; i < fields.Count && i < header.Count; i++)
            {
                if (!names.TryGetValue(header[i], out var origin) || origin == "-" || fields[i].Length == 0)
                {
                    continue;
                }

                if (long.TryParse(fields[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
                {
                    stock[(origin, destination)] = n;
                }
            }
        }

        return new MigrantStock(stock, [.. unmapped]);
    }

    /// <summary>Splits one CSV line, honouring double quotes.</summary>
    internal static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
