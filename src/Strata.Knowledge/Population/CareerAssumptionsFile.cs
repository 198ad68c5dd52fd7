using System.Globalization;
using Strata.Knowledge.Loading;
using Strata.Knowledge.Yaml;
using Strata.Simulation;
using YamlDotNet.RepresentationModel;

namespace Strata.Knowledge.Population;

/// <summary>
/// Reads <c>career-assumptions/v1</c> files: how careers look per destination (stay lengths, documented and return
/// shares, ages, sex and sector), each figure stated with its source or as a modelling choice. Validated like the
/// knowledge base: every problem with file, line and field.
/// </summary>
public static class CareerAssumptionsFile
{
    /// <summary>The version this reader accepts.</summary>
    public const string Version = "career-assumptions/v1";

    /// <summary>Reads a file from disk.</summary>
    /// <param name="path">Path.</param>
    /// <param name="today">When given, source check dates after it are reported.</param>
    /// <returns>The assumptions or every problem.</returns>
    public static LoadResult<PopulationAssumptions> Load(string path, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return File.Exists(path)
            ? Parse(path, File.ReadAllText(path), today)
            : new LoadResult<PopulationAssumptions>(null, [new Problem(path, 0, "", "does not exist")]);
    }

    /// <summary>Reads assumptions text.</summary>
    /// <param name="name">Name used in messages.</param>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="today">When given, source check dates after it are reported.</param>
    /// <returns>The assumptions or every problem.</returns>
    public static LoadResult<PopulationAssumptions> Parse(string name, string text, DateOnly? today = null)
    {
        var doc = SourceDocument.Parse(name, text);
        var root = doc.RootMap();
        var result = root is null ? null : Read(doc, root, today);
        return new LoadResult<PopulationAssumptions>(doc.Problems.Count == 0 ? result : null, doc.Problems.OrderBy(p => p.Line).ToArray());
    }

    private static PopulationAssumptions? Read(SourceDocument doc, MapReader root, DateOnly? today)
    {
        root.Only("strata", "sources", "general", "destinations");
        var version = root.String("strata", required: true);
        if (version is not null && version != Version)
        {
            doc.Error(root.Get("strata"), "strata", string.Format(CultureInfo.InvariantCulture, Messages.BadChoice, version, Version));
        }

        var facts = new FactReader(doc, root, today);
        var general = root.Map("general", required: true);
        general?.Only("home-work-from-age", "end-within-months", "wage-factor", "basis");
        var homeAge = Bounded(general, "home-work-from-age", 14, 40);
        var window = Bounded(general, "end-within-months", 1, 600);

        var factor = general?.Map("wage-factor", required: true);
        factor?.Only("min", "max");
        var (fMin, fMax) = (factor?.Decimal("min", required: true), factor?.Decimal("max", required: true));
        if (fMax > 10)
        {
            doc.Error(factor!.Get("max"), factor.Field("max"), $"must be at most 10 (got {fMax})");
        }
        else if (fMin > fMax)
        {
            doc.Error(factor!.Get("max"), factor.Field("max"), $"must not be below min ({fMin})");
        }

        var generalBasis = general is null ? [] : Basis(facts, general);
        var destinations = new Dictionary<string, DestinationAssumptions>(StringComparer.Ordinal);
        var map = root.Map("destinations", required: true);
        foreach (var (key, value) in map?.Node.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var code = (key as YamlScalarNode)?.Value ?? "";
            var path = map!.Field(code);
            if (code != "*" && !Codes.IsCountry(code))
            {
                doc.Error(key, path, string.Format(CultureInfo.InvariantCulture, Messages.BadCountry, code) + " (or * for the default)");
                continue;
            }

            if (MapReader.Of(doc, value, path) is { } d && Destination(doc, facts, d, code) is { } assumptions)
            {
                destinations[code] = assumptions;
            }
        }

        if (map is not null && !destinations.ContainsKey("*") && !map.Has("*"))
        {
            doc.Error(map.Node, map.Path, "needs a default under \"*\" for destinations not listed");
        }

        return homeAge is null || window is null || fMin is null || fMax is null || doc.Problems.Count > 0 ? null : new PopulationAssumptions
        {
            Destinations = destinations,
            HomeWorkFromAge = homeAge.Value,
            EndWithinMonths = window.Value,
            WageFactorMin = (double)fMin.Value,
            WageFactorMax = (double)fMax.Value,
            Basis = generalBasis,
        };
    }

    private static DestinationAssumptions? Destination(SourceDocument doc, FactReader facts, MapReader d, string code)
    {
        d.Only("stays", "documented-share", "return-share", "age", "female-share", "domestic-work-share", "basis");
        var stays = new List<StayLength>();
        var entries = d.List("stays", required: true);
        foreach (var (node, path) in entries)
        {
            var s = MapReader.Of(doc, node, path);
            s?.Only("months", "share");
            var months = Bounded(s, "months", 1, 600);
            var share = Share(s, "share");
            if (months is { } m && share is { } sh)
            {
                stays.Add(new StayLength(m, sh));
            }
        }

        // The sum is checked only when every entry was read: a bad entry is already reported where it stands.
        if (stays.Count > 0 && stays.Count == entries.Count && Math.Abs(stays.Sum(s => s.Share) - 1) > 1e-9)
        {
            doc.Error(d.Get("stays"), d.Field("stays"), $"shares add up to {stays.Sum(s => s.Share).ToString(CultureInfo.InvariantCulture)}; they must add up to 1");
        }

        var age = d.Map("age", required: true);
        age?.Only("min", "max");
        var (min, max) = (age?.Int("min", required: true), age?.Int("max", required: true));
        if (min is < 15 or > 70)
        {
            doc.Error(age!.Get("min"), age.Field("min"), "must be between 15 and 70");
        }

        if (max > 70)
        {
            doc.Error(age!.Get("max"), age.Field("max"), "must be between 15 and 70");
        }
        else if (min > max)
        {
            doc.Error(age!.Get("max"), age.Field("max"), $"must not be below min ({min})");
        }

        var documented = Share(d, "documented-share");
        var returns = Share(d, "return-share");
        var female = Share(d, "female-share");
        var domestic = Share(d, "domestic-work-share");
        if (domestic > female)
        {
            doc.Error(d.Get("domestic-work-share"), d.Field("domestic-work-share"), $"must not exceed female-share ({female}): domestic workers are drawn among women");
        }

        var basis = Basis(facts, d);
        if (basis.Count == 0 && !d.Has("basis"))
        {
            d.Missing("basis");
        }

        return stays.Count == 0 || min is null || max is null || documented is null || returns is null || female is null || domestic is null ? null
            : new DestinationAssumptions
            {
                Country = code, Stays = stays, DocumentedShare = documented.Value, ReturnShare = returns.Value, MinAge = min.Value, MaxAge = max.Value,
                FemaleShare = female.Value, DomesticWorkShare = domestic.Value, Basis = basis,
            };
    }

    private static int? Bounded(MapReader? map, string key, int min, int max)
    {
        var value = map?.Int(key, required: true);
        if (value is { } v && (v < min || v > max))
        {
            map!.Doc.Error(map.Get(key), map.Field(key), $"must be between {min} and {max} (got {v})");
            return null;
        }

        return value;
    }

    private static double? Share(MapReader? map, string key)
    {
        var value = map?.Decimal(key, required: true);
        if (value > 1)
        {
            map!.Doc.Error(map.Get(key), map.Field(key), $"is a share between 0 and 1 (got {value})");
            return null;
        }

        return (double?)value;
    }

    private static List<StatedAssumption> Basis(FactReader facts, MapReader parent)
    {
        var result = new List<StatedAssumption>();
        foreach (var (node, path) in parent.List("basis", required: true))
        {
            var b = MapReader.Of(parent.Doc, node, path);
            if (b is null)
            {
                continue;
            }

            b.Only("text", "source");
            var text = b.String("text", required: true);
            var source = b.Has("source") ? facts.Source(b) : null;
            if (text is not null)
            {
                result.Add(new StatedAssumption(text, source));
            }
        }

        return result;
    }
}
